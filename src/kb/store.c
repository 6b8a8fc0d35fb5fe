/* store.c - the SQLite knowledge base (see relnet/store.h).
 *
 * Bulk speed comes from these: prepared statements reused for every row,
 * rows (relations, new entities, aliases) inserted BATCH_ROWS to a
 * statement, one transaction per import (the caller's), an in-memory cache
 * from name keys to entity ids so a row costs two hash lookups and a share
 * of one INSERT, not three SELECTs, alias rows written in key order when
 * the transaction ends (see flush_aliases), and write-behind
 * (rn_store_write_behind): a second thread runs the INSERTs of rows and new
 * entities while the caller's thread parses and resolves names.
 */
#include "relnet/store.h"

#include "relnet/aliases.h"
#include "relnet/buf.h"
#include "relnet/strmap.h"
#include "relnet/strtab.h"
#include "relnet/text.h"
#include "relnet/writer.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Schema version 1. Migrations from older versions go in migrate().
   CHECK constraints are written as OR chains: SQLite compiles "x IN (a, b,
   c)" into an ephemeral index built on every INSERT, which tripled the
   cost of a row. */
static const char schema_v1[] =
    "CREATE TABLE articles("
    "  id INTEGER PRIMARY KEY,"
    "  path TEXT, url TEXT, title TEXT, date TEXT,"
    "  content_hash TEXT UNIQUE,"
    "  added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE INDEX articles_path ON articles(path);"
    "CREATE TABLE imports("
    "  id INTEGER PRIMARY KEY,"
    "  path TEXT NOT NULL,"
    "  content_hash TEXT NOT NULL UNIQUE,"
    "  rows_read INTEGER, rows_imported INTEGER, rows_skipped INTEGER,"
    "  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE TABLE entities("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  type TEXT NOT NULL DEFAULT 'unknown' CHECK(type = 'unknown' OR type = 'country'"
    "       OR type = 'organization' OR type = 'company' OR type = 'person'"
    "       OR type = 'group' OR type = 'document'),"
    "  affiliation_id INTEGER REFERENCES entities(id));"
    "CREATE TABLE aliases("
    "  key TEXT PRIMARY KEY,"
    "  alias TEXT NOT NULL,"
    "  entity_id INTEGER NOT NULL REFERENCES entities(id)) WITHOUT ROWID;"
    "CREATE TABLE relation_types("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE,"
    "  builtin INTEGER NOT NULL DEFAULT 0);"
    "INSERT INTO relation_types(name, builtin) VALUES"
    "  ('accuses',1),('proposes',1),('bans',1),('signs',1);"
    "CREATE TABLE relations("
    "  id INTEGER PRIMARY KEY,"
    "  source_id INTEGER NOT NULL REFERENCES entities(id),"
    "  target_id INTEGER NOT NULL REFERENCES entities(id),"
    "  type_id INTEGER NOT NULL REFERENCES relation_types(id),"
    "  polarity TEXT NOT NULL DEFAULT 'asserted' CHECK(polarity = 'asserted'"
    "       OR polarity = 'negated' OR polarity = 'hedged'),"
    "  weight REAL NOT NULL DEFAULT 1 CHECK(weight >= 0),"
    "  confidence REAL NOT NULL DEFAULT 1,"
    "  origin TEXT NOT NULL CHECK(origin = 'extracted' OR origin = 'csv'),"
    "  article_id INTEGER REFERENCES articles(id),"
    "  import_id INTEGER REFERENCES imports(id),"
    "  sentence_no INTEGER,"
    "  offset INTEGER,"
    "  evidence TEXT,"
    "  date TEXT);"
    "CREATE VIEW relations_named AS"
    "  SELECT r.id, s.name AS source, t.name AS target, rt.name AS relation,"
    "         r.polarity, r.weight, r.confidence, r.origin, r.date, r.evidence,"
    "         a.path AS article, a.url AS url, r.sentence_no, r.offset"
    "  FROM relations r JOIN entities s ON s.id = r.source_id"
    "  JOIN entities t ON t.id = r.target_id"
    "  JOIN relation_types rt ON rt.id = r.type_id"
    "  LEFT JOIN articles a ON a.id = r.article_id;";

enum stmt_id {
    ST_ENTITY_INSERT,
    ST_ENTITY_INSERT_ID,
    ST_ENTITY_SET_TYPE,
    ST_ENTITY_SET_AFFIL,
    ST_RELTYPE_FIND,
    ST_RELTYPE_INSERT,
    ST_ARTICLE_FIND,
    ST_ARTICLE_INSERT,
    ST_HAS_CONTENT,
    ST_SAVEPOINT,
    ST_RELEASE,
    ST_COUNT
};

static const char *const stmt_sql[ST_COUNT] = {
    [ST_ENTITY_INSERT] = "INSERT INTO entities(name, type) VALUES (?1, ?2)",
    /* write-behind: the id SQLite would have given, known in advance */
    [ST_ENTITY_INSERT_ID] = "INSERT INTO entities(id, name, type) VALUES (?3, ?1, ?2)",
    [ST_ENTITY_SET_TYPE] = "UPDATE entities SET type = ?2 WHERE id = ?1 AND type = 'unknown'",
    [ST_ENTITY_SET_AFFIL] =
        "UPDATE entities SET affiliation_id = ?2 WHERE id = ?1 AND affiliation_id IS NULL",
    [ST_RELTYPE_FIND] = "SELECT id FROM relation_types WHERE name = ?1",
    [ST_RELTYPE_INSERT] = "INSERT INTO relation_types(name) VALUES (?1)",
    /* an article named by a record: by its content hash when the record
       has one (relnet extract writes it), else by path or URL */
    [ST_ARTICLE_FIND] = "SELECT id FROM articles WHERE CASE WHEN ?2 IS NULL"
                        " THEN path = ?1 OR url = ?1 ELSE content_hash = ?2 END ORDER BY id LIMIT 1",
    [ST_ARTICLE_INSERT] = "INSERT INTO articles(path, url, title, date, content_hash)"
                          " VALUES (?1, ?2, ?3, ?4, ?5)",
    /* Once per article added (add, build): prepared once, not parsed
       again for each of 10,000 articles. */
    [ST_HAS_CONTENT] = "SELECT 'article', coalesce(path, url) FROM articles WHERE content_hash = ?1"
                       " UNION ALL SELECT 'import', path FROM imports WHERE content_hash = ?1",
    [ST_SAVEPOINT] = "SAVEPOINT part",
    [ST_RELEASE] = "RELEASE part",
};

/* Relations are inserted BATCH_ROWS at a time with one multi-row INSERT:
   executing a statement opens and closes the table cursor, and per row
   that cost a third of an import. Rows wait in a chunk (their strings
   copied) until the batch is full or anything reads or changes relations.
   With write-behind (rn_store_write_behind) a chunk holds CHUNK_ROWS rows
   and the writes of new entities too, and goes to the writer thread. */
#define BATCH_ROWS 64
/* The tables written BATCH_ROWS rows at a time (see batch_sql). */
enum batch_kind {
    BATCH_RELATIONS,
    BATCH_PLAIN_RELATIONS,
    BATCH_ENTITIES,
    BATCH_ALIASES,
    BATCH_KINDS
};
#define CHUNK_ROWS (64 * BATCH_ROWS)
#define WRITER_DEPTH 2
#define NO_TEXT SIZE_MAX
struct pending_row {
    int64_t src, dst, type, article, import;
    enum rn_polarity pol;
    enum rn_origin origin;
    double weight, confidence;
    long sentence_no, offset;
    size_t evidence, date; /* offsets into the chunk's text, or NO_TEXT */
};

/* A write to entities, made while resolving a name: with write-behind it
   waits in the chunk, ahead of the chunk's relation rows. */
enum entity_write { ENTITY_INSERT, ENTITY_SET_TYPE, ENTITY_SET_AFFIL };
struct pending_entity {
    int64_t id;
    int64_t affiliation_id; /* ENTITY_SET_AFFIL */
    size_t name;            /* ENTITY_INSERT: offset into the chunk's text */
    uint8_t what;           /* enum entity_write */
    uint8_t type;           /* enum rn_etype: ENTITY_INSERT, ENTITY_SET_TYPE */
};

struct chunk {
    struct pending_row *rows;
    size_t nrows, rows_cap;
    struct pending_entity *entities;
    size_t nentities, entities_cap;
    struct rn_buf text;
    int allocated; /* made for the writer (else the store's own) */
};

/* An alias row waiting to be written (see flush_aliases): its key, an
   entry of the key cache, which outlives the wait (a rollback drops the
   cache and the waiting rows together), and its spelling. Its entity is
   the key's when the row is written. */
struct pending_alias {
    uint64_t head;     /* the key's first 8 bytes, big-endian: sorting compares
                          these and seldom needs the strings, scattered in memory */
    uint32_t kid;      /* in kb->keys */
    uint32_t spelling; /* offset into kb->alias_spellings */
};

/* Rows found by name (relation types, articles named by CSV rows), their
   ids cached per name: see name_id(). */
struct name_ids {
    struct rn_strtab *names;
    int64_t *id;
    size_t cap;
};

/* What the cache knows about the entity behind one key: the value of its
   entry in kb->keys (16 bytes, as rn_strmap wants a multiple of 8). */
struct key_info {
    int64_t entity_id;
    uint8_t type;     /* enum rn_etype as last seen */
    uint8_t has_affil;
};

/* A name folded to its key, and the key's hash in the key cache. */
struct folded {
    struct rn_buf key;
    uint64_t hash;
};

/* A relation row as rn_store_load reads it back (see rn_store_log_relations):
   ids as written, the texts in the log's text. */
struct logged_row {
    uint32_t src, dst, type; /* entity and relation type ids */
    uint32_t article;        /* index into the log's articles, or RN_NONE */
    uint32_t date;           /* rn_relset_date_num of the date written */
    int32_t sentence_no;     /* 0 when none was written */
    int64_t offset;          /* -1 when none was written */
    double weight, confidence;
    size_t evidence;         /* offset into the log's text, or NO_TEXT */
    uint8_t pol, origin;
};

/* An article's columns as the load reads them: coalesce(path, url), url,
   title, offsets into the log's text or NO_TEXT. */
struct logged_article {
    size_t name, url, title;
};

struct relation_log {
    int on;
    struct logged_row *rows;
    size_t nrows, rows_cap;
    struct logged_article *articles;
    size_t narticles, articles_cap;
    int64_t article_id; /* the knowledge-base id of the last logged article */
    struct rn_buf text;
    size_t last_evidence; /* the last row's evidence: a sentence often gives several */
    size_t ndated;        /* rows asserted with a date (rn_store_counts' dated) */
};

struct rn_store {
    sqlite3 *db;
    char *path;
    int in_tx;
    sqlite3_stmt *stmt[ST_COUNT];

    int cache_loaded;
    long data_version; /* PRAGMA data_version when the cache was last valid */
    /* Name key -> struct key_info. Names are folded on every lookup (an
       ASCII name in tens of nanoseconds) rather than cached by spelling
       too: a second table of every name cost more memory than the keys,
       and its lookups as many cache misses as the folding saved. */
    struct rn_strmap *keys;

    struct name_ids reltypes;      /* relation name -> relation_types.id */

    int64_t import_id;  /* 0: none */
    int64_t article_id; /* 0: none */
    char *article_path;

    struct name_ids article_names; /* CSV article column -> articles.id */

    struct chunk own;   /* rows waiting to be written by this thread */
    struct chunk *fill; /* where rows go: own, or a chunk for the writer */
    /* The INSERT of n rows of each kind, prepared on first use: an article
       ends with a batch of fewer than BATCH_ROWS rows, and 10,000 articles
       meant 10,000 statements of up to 800 parameters parsed anew. */
    sqlite3_stmt *batch_stmt[BATCH_KINDS][BATCH_ROWS + 1];
    struct rn_writer *writer;  /* write-behind, NULL when off */
    int64_t last_entity_id;    /* with write-behind: the highest entity id */

    struct pending_alias *pending_aliases; /* keys new in this transaction */
    size_t npending_aliases, pending_aliases_cap;
    struct rn_buf alias_spellings; /* their spellings, NUL-terminated */

    struct folded key;     /* scratch */
    struct folded pair[2]; /* a record's source and target (resolve_pair) */
    struct rn_buf key2;    /* scratch for a second key */
    const struct rn_aliases *aliases; /* consulted for new names; borrowed */
    struct relation_log log;          /* rn_store_log_relations */
    int wal_at_close;                 /* RN_STORE_FILL_AT_ONCE */
};

static int db_fail(struct rn_store *kb, struct rn_err *err, const char *what)
{
    int code = sqlite3_errcode(kb->db);
    int status = (code == SQLITE_IOERR || code == SQLITE_FULL || code == SQLITE_CANTOPEN ||
                  code == SQLITE_READONLY || code == SQLITE_BUSY || code == SQLITE_LOCKED)
                     ? RN_EIO
                     : RN_EINTERNAL;
    return rn_fail(err, status, "%s: %s: %s", kb->path, what, sqlite3_errmsg(kb->db));
}

/* A file that is no SQLite database is bad input, whatever step found it. */
static int not_a_database(struct rn_store *kb, struct rn_err *err)
{
    return rn_fail(err, RN_EINPUT, "%s is not a relnet knowledge base (not an SQLite file)",
                   kb->path);
}

static int exec(struct rn_store *kb, const char *sql, struct rn_err *err)
{
    char *msg = NULL;
    if (sqlite3_exec(kb->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        int rc = sqlite3_errcode(kb->db) == SQLITE_NOTADB
                     ? not_a_database(kb, err)
                     : rn_fail(err, RN_EIO, "%s: %s", kb->path, msg ? msg : "SQL error");
        sqlite3_free(msg);
        return rc;
    }
    return RN_OK;
}

static int prepare(struct rn_store *kb, const char *sql, sqlite3_stmt **st, struct rn_err *err)
{
    if (sqlite3_prepare_v2(kb->db, sql, -1, st, NULL) != SQLITE_OK)
        return db_fail(kb, err, "cannot prepare a statement");
    return RN_OK;
}

static int stmt(struct rn_store *kb, enum stmt_id id, sqlite3_stmt **out, struct rn_err *err)
{
    if (!kb->stmt[id]) {
        int rc = prepare(kb, stmt_sql[id], &kb->stmt[id], err);
        if (rc != RN_OK)
            return rc;
    }
    sqlite3_reset(kb->stmt[id]);
    sqlite3_clear_bindings(kb->stmt[id]);
    *out = kb->stmt[id];
    return RN_OK;
}

/* Run a cached statement that returns no rows (SAVEPOINT, RELEASE). */
static int step_once(struct rn_store *kb, enum stmt_id id, struct rn_err *err)
{
    sqlite3_stmt *st;
    int rc = stmt(kb, id, &st, err);
    if (rc != RN_OK)
        return rc;
    rc = sqlite3_step(st) == SQLITE_DONE ? RN_OK : db_fail(kb, err, stmt_sql[id]);
    sqlite3_reset(st);
    return rc;
}

static int user_version(struct rn_store *kb, int *version, struct rn_err *err)
{
    sqlite3_stmt *st;
    int rc = prepare(kb, "PRAGMA user_version", &st, err);
    if (rc != RN_OK)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW) {
        *version = sqlite3_column_int(st, 0);
        rc = RN_OK;
    } else {
        rc = db_fail(kb, err, "cannot read the schema version");
    }
    sqlite3_finalize(st);
    return rc;
}

static int has_any_table(struct rn_store *kb, int *any, struct rn_err *err)
{
    sqlite3_stmt *st;
    int rc = prepare(kb, "SELECT count(*) FROM sqlite_master", &st, err);
    if (rc != RN_OK)
        return rc;
    rc = sqlite3_step(st) == SQLITE_ROW ? RN_OK : db_fail(kb, err, "cannot read the schema");
    *any = sqlite3_column_int(st, 0) > 0;
    sqlite3_finalize(st);
    return rc;
}

/* How long a writer waits for another one (another relnet adding or
   importing into the same file) before it gives up. */
#define WRITER_WAIT_SECONDS 600

/* Run sql, waiting its turn behind other writers (another relnet adding
   or importing into the same file). SQLite's busy handler waits inside
   each attempt, but it is not called in every case: a read snapshot older
   than another writer's commit fails at once, and so does switching the
   journal mode while another process creates the file. So the attempt is
   repeated: first every statement is reset (no cached statement may pin an
   old snapshot), then it waits and tries again. what names the step in
   the error. */
static int exec_waiting(struct rn_store *kb, const char *sql, const char *what,
                        struct rn_err *err)
{
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long pause_ms = 10;; pause_ms = pause_ms < 200 ? pause_ms * 2 : 200) {
        for (sqlite3_stmt *st = sqlite3_next_stmt(kb->db, NULL); st;
             st = sqlite3_next_stmt(kb->db, st))
            sqlite3_reset(st);
        int rc = sqlite3_exec(kb->db, sql, NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            return RN_OK;
        if (rc == SQLITE_NOTADB)
            return not_a_database(kb, err);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            return db_fail(kb, err, what);
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec - start.tv_sec >= WRITER_WAIT_SECONDS)
            return rn_fail(err, RN_EIO,
                           "%s: another process has been writing to the knowledge base for %d "
                           "seconds; try again when it is done",
                           kb->path, WRITER_WAIT_SECONDS);
        struct timespec pause = { 0, pause_ms * 1000000L };
        nanosleep(&pause, NULL);
    }
}

static int begin_immediate(struct rn_store *kb, struct rn_err *err)
{
    return exec_waiting(kb, "BEGIN IMMEDIATE", "cannot start a transaction", err);
}

/* Bring the schema to RN_STORE_SCHEMA_VERSION. Each step is one
   transaction, so an interrupted migration leaves the previous version. */
static int migrate(struct rn_store *kb, int readonly, struct rn_err *err)
{
    /* Tables first, then the version: another process creating the schema
       commits both at once, so tables seen before a version of 0 mean a
       foreign file, never a creation half seen. */
    int version = 0, any = 0;
    int rc = has_any_table(kb, &any, err);
    if (rc == RN_OK)
        rc = user_version(kb, &version, err);
    if (rc != RN_OK)
        return rc;
    if (version > RN_STORE_SCHEMA_VERSION)
        return rn_fail(err, RN_EINPUT,
                       "%s has schema version %d, newer than this relnet understands (%d)",
                       kb->path, version, RN_STORE_SCHEMA_VERSION);
    if (version == RN_STORE_SCHEMA_VERSION)
        return RN_OK;
    if (version == 0 && any)
        return rn_fail(err, RN_EINPUT,
                       "%s is an SQLite file but not a relnet knowledge base", kb->path);
    if (readonly)
        return rn_fail(err, RN_EINPUT, "%s is empty or needs an upgrade; open it for writing first",
                       kb->path);
    /* version 0 -> 1: create everything. Later versions add steps here.
       Another process may have created it while this one waited. */
    rc = begin_immediate(kb, err);
    if (rc == RN_OK)
        rc = user_version(kb, &version, err);
    if (rc == RN_OK && version == RN_STORE_SCHEMA_VERSION)
        return exec(kb, "COMMIT", err);
    if (rc == RN_OK)
        rc = exec(kb, schema_v1, err);
    if (rc == RN_OK)
        rc = exec(kb, "PRAGMA user_version = 1", err);
    if (rc == RN_OK)
        rc = exec(kb, "COMMIT", err);
    else
        sqlite3_exec(kb->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

/* A knowledge base in WAL mode needs its -shm file even to be read, so in a
   directory the user cannot write reading fails ("attempt to write a
   readonly database"). Then, when no -wal file holds commits that are not
   yet in the main file, the file is reopened as immutable (nothing to
   create, nothing to lock); otherwise (a -wal file with commits not yet
   in the file, a hot journal) the reader is told exactly why not. */
static int readable_without_writing(struct rn_store *kb, struct rn_err *err)
{
    int probe = sqlite3_exec(kb->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
    if (probe != SQLITE_READONLY && probe != SQLITE_CANTOPEN)
        return RN_OK; /* readable, or an error the first real query reports */
    char wal[4096];
    struct stat st;
    /* A writer killed while it committed through a rollback journal
       (build: RN_STORE_FILL_AT_ONCE) left that journal hot (its first byte
       is not 0), and the file holds the commit half written. A read-only
       connection may not roll it back, and an immutable one would read the
       half commit: roll it back as the next writer would, on a connection
       of its own, then read; where that cannot write, say why. */
    snprintf(wal, sizeof wal, "%s-journal", kb->path);
    FILE *journal = fopen(wal, "rb");
    int hot = journal && fgetc(journal) > 0;
    if (journal)
        fclose(journal);
    if (hot) {
        sqlite3 *w = NULL;
        if (sqlite3_open_v2(kb->path, &w, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) ==
            SQLITE_OK)
            sqlite3_exec(w, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
        sqlite3_close(w);
        if (sqlite3_exec(kb->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) ==
            SQLITE_OK)
            return RN_OK;
        return rn_fail(err, RN_EIO,
                       "cannot read %s: a relnet killed while writing it left %s, the journal "
                       "of a commit not finished, which must be rolled back first, and this "
                       "process may not write there; have the owner run sqlite3 %s 'PRAGMA "
                       "integrity_check'",
                       kb->path, wal, kb->path);
    }
    snprintf(wal, sizeof wal, "%s-wal", kb->path);
    if (stat(wal, &st) == 0 && st.st_size > 0)
        return rn_fail(err, RN_EIO,
                       "cannot read %s: it is in WAL mode, its directory is not writable (so "
                       "SQLite cannot make %s-shm), and %s holds changes not yet in the file; "
                       "copy both files somewhere writable, or have the owner run "
                       "sqlite3 %s 'PRAGMA wal_checkpoint(TRUNCATE)'",
                       kb->path, kb->path, wal, kb->path);
    /* file: URI, with the characters URIs give a meaning escaped */
    struct rn_buf uri = RN_BUF_INIT;
    int rc = rn_buf_adds(&uri, "file:");
    for (const char *p = kb->path; rc == RN_OK && *p; p++) {
        char esc[4];
        if (*p == '%' || *p == '?' || *p == '#') {
            snprintf(esc, sizeof esc, "%%%02X", (unsigned char)*p);
            rc = rn_buf_adds(&uri, esc);
        } else {
            rc = rn_buf_addc(&uri, *p);
        }
    }
    if (rc == RN_OK)
        rc = rn_buf_adds(&uri, "?immutable=1");
    if (rc != RN_OK) {
        rn_buf_release(&uri);
        return rn_fail(err, RN_ENOMEM, "out of memory");
    }
    sqlite3_close(kb->db);
    kb->db = NULL;
    int orc = sqlite3_open_v2(rn_buf_str(&uri), &kb->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                              NULL);
    rn_buf_release(&uri);
    if (orc != SQLITE_OK)
        return rn_fail(err, RN_EIO, "cannot open %s read-only: %s", kb->path,
                       kb->db ? sqlite3_errmsg(kb->db) : "out of memory");
    sqlite3_extended_result_codes(kb->db, 0);
    return RN_OK;
}

int rn_store_open(const char *path, unsigned flags, struct rn_store **out, struct rn_err *err)
{
    *out = NULL;
    int readonly = (flags & RN_STORE_READONLY) != 0;
    struct stat st;
    if (stat(path, &st) != 0) {
        if (errno != ENOENT)
            return rn_fail_open(err, errno, path);
        if (!(flags & RN_STORE_CREATE) || readonly)
            return rn_fail(err, RN_ENOTFOUND,
                           "no knowledge base at %s (create one with 'relnet import' or "
                           "'relnet add', or pass --kb)",
                           path);
    } else if (S_ISDIR(st.st_mode)) {
        return rn_fail(err, RN_EINPUT, "cannot open %s: it is a directory", path);
    } else {
        /* SQLite would say only "unable to open database file" (and exit 3):
           a knowledge base the user may not read is named like any input */
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return rn_fail_open(err, errno, path);
        close(fd);
    }

    struct rn_store *kb = calloc(1, sizeof *kb);
    if (!kb)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    kb->path = strdup(path);
    kb->fill = &kb->own;
    kb->keys = rn_strmap_new(sizeof(struct key_info));
    kb->reltypes.names = rn_strtab_new();
    kb->article_names.names = rn_strtab_new();
    if (!kb->path || !kb->keys || !kb->reltypes.names || !kb->article_names.names) {
        rn_store_close(kb);
        return rn_fail(err, RN_ENOMEM, "out of memory");
    }
    /* Memory statistics take a global mutex on every allocation; relnet
       never reads them. This only works before SQLite initialises, so it
       is a no-op for every open after the first. */
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    /* No mutex per connection (SQLite's multi-thread mode): one thread at
       a time uses it, the writer thread of write-behind only between
       handovers that a mutex of its own orders (writer.h). Locking on
       every bind cost a tenth of writing a row. */
    int oflags = (readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                 SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path, &kb->db, oflags, NULL) != SQLITE_OK) {
        int rc = rn_fail(err, RN_EIO, "cannot open %s: %s", path,
                         kb->db ? sqlite3_errmsg(kb->db) : "out of memory");
        rn_store_close(kb);
        return rc;
    }
    sqlite3_busy_timeout(kb->db, 5000);
    sqlite3_extended_result_codes(kb->db, 0);
    int rc = readonly ? readable_without_writing(kb, err) : RN_OK;
    if (rc != RN_OK) {
        rn_store_close(kb);
        return rc;
    }
    if (!readonly) {
        /* WAL: readers never block the writer and a killed writer leaves
           the last commit intact. synchronous=NORMAL is durable across
           process kills in WAL mode (only a power cut may lose the last
           commits, never corrupt the file). A new file gets 16 KiB pages
           (an existing one keeps its own: the pragma is then a no-op):
           a bulk import writes every page twice, to the WAL and back, and
           with 4 KiB pages those system calls were a tenth of its time. */
        /* RN_STORE_FILL_AT_ONCE: a rollback journal until the close,
           TRUNCATE so that a commit empties it rather than deleting it (no
           directory change per commit); synchronous=NORMAL syncs the
           journal before the file is written, and the file at the end of
           each commit. */
        kb->wal_at_close = (flags & RN_STORE_FILL_AT_ONCE) != 0;
        rc = exec_waiting(kb,
                          kb->wal_at_close ? "PRAGMA page_size=16384; PRAGMA journal_mode=TRUNCATE;"
                                             " PRAGMA synchronous=NORMAL;"
                                           : "PRAGMA page_size=16384; PRAGMA journal_mode=WAL;"
                                             " PRAGMA synchronous=NORMAL;",
                          "cannot set the journal mode", err);
    }
    if (rc == RN_OK)
        /* Foreign keys are declared for readers of the schema but not
           enforced: every id this module writes comes from a row it just
           read or wrote, and enforcing them cost a third of import time.
           The tests run PRAGMA foreign_key_check after imports. */
        /* The CHECK constraints are not evaluated either: they state what
           the values of this module are by construction (a type, polarity
           or origin is an enum's name; a weight below 0 is refused in
           rn_store_add_record), and evaluating them on every row was a
           tenth of writing it. They still hold for other writers. */
        rc = exec(kb, "PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY;"
                      " PRAGMA cache_size=-16384; PRAGMA ignore_check_constraints=ON;",
                  err);
    if (rc == RN_OK)
        rc = migrate(kb, readonly, err);
    if (rc != RN_OK) {
        rn_store_close(kb);
        return rc;
    }
    *out = kb;
    return RN_OK;
}

static int flush_pending(struct rn_store *kb, struct rn_err *err);
static void log_end(struct rn_store *kb);
static int writer_stop(struct rn_store *kb, int discard, struct rn_err *err);
static void chunk_release(struct chunk *c);

void rn_store_close(struct rn_store *kb)
{
    if (!kb)
        return;
    if (kb->in_tx)
        rn_store_rollback(kb);
    else
        flush_pending(kb, NULL); /* rows added outside a transaction */
    writer_stop(kb, 1, NULL);
    for (int i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(kb->stmt[i]);
    for (int i = 0; i < BATCH_KINDS; i++)
        for (int n = 0; n <= BATCH_ROWS; n++)
            sqlite3_finalize(kb->batch_stmt[i][n]);
    /* Back to WAL mode (RN_STORE_FILL_AT_ONCE), as every knowledge base
       relnet makes; should a reader have the file open now, this does not
       wait for it: the next open for writing switches it. */
    if (kb->db && kb->wal_at_close) {
        sqlite3_busy_timeout(kb->db, 0);
        sqlite3_exec(kb->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
    }
    /* sqlite3_close fails, leaving the file open, while any statement is
       alive: every one must be finalized above. */
    if (kb->db)
        sqlite3_close(kb->db);
    rn_strmap_free(kb->keys);
    rn_strtab_free(kb->reltypes.names);
    rn_strtab_free(kb->article_names.names);
    free(kb->reltypes.id);
    free(kb->article_names.id);
    free(kb->article_path);
    free(kb->pending_aliases);
    rn_buf_release(&kb->alias_spellings);
    chunk_release(&kb->own);
    log_end(kb);
    rn_buf_release(&kb->key.key);
    rn_buf_release(&kb->pair[0].key);
    rn_buf_release(&kb->pair[1].key);
    rn_buf_release(&kb->key2);
    free(kb->path);
    free(kb);
}

/* The caches hold ids that only exist once committed: a rollback must
   forget what was added since begin. The simplest correct thing is to
   drop them and reload lazily. */
static void cache_drop(struct rn_store *kb)
{
    log_end(kb); /* whatever dropped the cache may have dropped logged rows */
    rn_strmap_free(kb->keys);
    rn_strtab_free(kb->reltypes.names);
    rn_strtab_free(kb->article_names.names);
    kb->keys = rn_strmap_new(sizeof(struct key_info));
    kb->reltypes.names = rn_strtab_new();
    kb->article_names.names = rn_strtab_new();
    kb->cache_loaded = 0;
}

/* A relation row's columns: the first PLAIN_COLUMNS in every row, the
   others (an article's provenance) NULL in the rows of most edge lists,
   which then go in with a statement without them: a fifth less work for
   SQLite a row. */
#define RELATION_COLUMNS 13
#define PLAIN_COLUMNS 8

/* The INSERT of a table's rows, BATCH_ROWS or fewer at a time: its head
   and the parameters of one row. */
static const struct {
    const char *head, *row;
} batch_sql[BATCH_KINDS] = {
    [BATCH_RELATIONS] = { "INSERT INTO relations(source_id, target_id, type_id, polarity, weight,"
                          " confidence, origin, import_id, article_id, sentence_no, offset,"
                          " evidence, date) VALUES ",
                          "(?,?,?,?,?,?,?,?,?,?,?,?,?)" },
    [BATCH_PLAIN_RELATIONS] = { "INSERT INTO relations(source_id, target_id, type_id, polarity,"
                                " weight, confidence, origin, import_id) VALUES ",
                                "(?,?,?,?,?,?,?,?)" },
    /* write-behind: entities with the ids SQLite would have given */
    [BATCH_ENTITIES] = { "INSERT INTO entities(id, name, type) VALUES ", "(?,?,?)" },
    [BATCH_ALIASES] = { "INSERT OR REPLACE INTO aliases(key, alias, entity_id) VALUES ",
                        "(?,?,?)" },
};

/* The INSERT of n rows of a kind (1 <= n <= BATCH_ROWS): the store's
   own, prepared on first use. Its parameters keep the values of its last
   run: the caller binds every one (NULLs too), rather than clearing them
   all first, which released each of up to 832 values a batch. */
static int batch_start(struct rn_store *kb, enum batch_kind kind, size_t n, sqlite3_stmt **st,
                       struct rn_err *err)
{
    if (kb->batch_stmt[kind][n]) {
        *st = kb->batch_stmt[kind][n];
        sqlite3_reset(*st);
        return RN_OK;
    }
    struct rn_buf sql = RN_BUF_INIT;
    rn_buf_adds(&sql, batch_sql[kind].head);
    for (size_t i = 0; i < n; i++) {
        if (i)
            rn_buf_addc(&sql, ',');
        rn_buf_adds(&sql, batch_sql[kind].row);
    }
    int rc = sql.data ? prepare(kb, sql.data, st, err) : rn_fail(err, RN_ENOMEM, "out of memory");
    rn_buf_release(&sql);
    if (rc == RN_OK)
        kb->batch_stmt[kind][n] = *st;
    return rc;
}

/* Run a statement of batch_start. */
static int batch_run(struct rn_store *kb, enum batch_kind kind, sqlite3_stmt *st, const char *what,
                     struct rn_err *err)
{
    (void)kind;
    int rc = sqlite3_step(st) == SQLITE_DONE ? RN_OK : db_fail(kb, err, what);
    sqlite3_reset(st);
    return rc;
}

/* array (of *cap items of size bytes) with room for item i, grown by
   doubling; NULL when memory ran out, array then unchanged. */
static void *with_room(void *array, size_t *cap, size_t i, size_t size)
{
    if (i < *cap)
        return array;
    size_t grown_cap = *cap ? *cap * 2 : 16;
    while (grown_cap <= i)
        grown_cap *= 2;
    void *grown = realloc(array, grown_cap * size);
    if (grown)
        *cap = grown_cap;
    return grown;
}

/* A row without an article's provenance (see PLAIN_COLUMNS). */
static int plain_row(const struct pending_row *r)
{
    return !r->article && r->sentence_no <= 0 && r->offset < 0 && r->evidence == NO_TEXT &&
           r->date == NO_TEXT;
}

/* Write n relation rows (n <= BATCH_ROWS) with one INSERT. */
static int write_batch(struct rn_store *kb, const struct pending_row *rows, size_t n,
                       const char *text, struct rn_err *err)
{
    size_t plain = 0;
    while (plain < n && plain_row(&rows[plain]))
        plain++;
    enum batch_kind kind = plain == n ? BATCH_PLAIN_RELATIONS : BATCH_RELATIONS;
    int columns = plain == n ? PLAIN_COLUMNS : RELATION_COLUMNS;
    sqlite3_stmt *st;
    int rc = batch_start(kb, kind, n, &st, err);
    if (rc != RN_OK)
        return rc;
    for (size_t i = 0; i < n; i++) {
        const struct pending_row *r = &rows[i];
        int c = (int)i * columns;
        const char *pol = rn_polarity_name(r->pol), *origin = rn_origin_name(r->origin);
        sqlite3_bind_int64(st, c + 1, r->src);
        sqlite3_bind_int64(st, c + 2, r->dst);
        sqlite3_bind_int64(st, c + 3, r->type);
        sqlite3_bind_text(st, c + 4, pol, (int)strlen(pol), SQLITE_STATIC);
        sqlite3_bind_double(st, c + 5, r->weight);
        sqlite3_bind_double(st, c + 6, r->confidence);
        sqlite3_bind_text(st, c + 7, origin, (int)strlen(origin), SQLITE_STATIC);
        if (r->import)
            sqlite3_bind_int64(st, c + 8, r->import);
        else
            sqlite3_bind_null(st, c + 8);
        if (kind == BATCH_PLAIN_RELATIONS)
            continue;
        if (r->article)
            sqlite3_bind_int64(st, c + 9, r->article);
        else
            sqlite3_bind_null(st, c + 9);
        if (r->sentence_no > 0)
            sqlite3_bind_int64(st, c + 10, r->sentence_no);
        else
            sqlite3_bind_null(st, c + 10);
        if (r->offset >= 0)
            sqlite3_bind_int64(st, c + 11, r->offset);
        else
            sqlite3_bind_null(st, c + 11);
        if (r->evidence != NO_TEXT)
            sqlite3_bind_text(st, c + 12, text + r->evidence, -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(st, c + 12);
        if (r->date != NO_TEXT)
            sqlite3_bind_text(st, c + 13, text + r->date, -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(st, c + 13);
    }
    return batch_run(kb, kind, st, "cannot add relations", err);
}

/* Run one write to entities. An insert without an id (no write-behind)
   takes the one SQLite gives, into e->id. */
static int write_entity(struct rn_store *kb, struct pending_entity *e, const char *name,
                        struct rn_err *err)
{
    static const enum stmt_id sql[] = { [ENTITY_INSERT] = ST_ENTITY_INSERT,
                                        [ENTITY_SET_TYPE] = ST_ENTITY_SET_TYPE,
                                        [ENTITY_SET_AFFIL] = ST_ENTITY_SET_AFFIL };
    static const char *const what[] = { [ENTITY_INSERT] = "cannot add an entity",
                                        [ENTITY_SET_TYPE] = "cannot set an entity type",
                                        [ENTITY_SET_AFFIL] = "cannot set an affiliation" };
    sqlite3_stmt *st;
    enum stmt_id id = e->what == ENTITY_INSERT && e->id ? ST_ENTITY_INSERT_ID : sql[e->what];
    int rc = stmt(kb, id, &st, err);
    if (rc != RN_OK)
        return rc;
    if (e->what == ENTITY_INSERT) {
        sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, rn_etype_name((enum rn_etype)e->type), -1, SQLITE_STATIC);
        if (e->id)
            sqlite3_bind_int64(st, 3, e->id);
    } else {
        sqlite3_bind_int64(st, 1, e->id);
        if (e->what == ENTITY_SET_TYPE)
            sqlite3_bind_text(st, 2, rn_etype_name((enum rn_etype)e->type), -1, SQLITE_STATIC);
        else
            sqlite3_bind_int64(st, 2, e->affiliation_id);
    }
    if (sqlite3_step(st) != SQLITE_DONE)
        return db_fail(kb, err, what[e->what]);
    if (e->what == ENTITY_INSERT && !e->id)
        e->id = sqlite3_last_insert_rowid(kb->db);
    return RN_OK;
}

/* The number of inserts of entities with their ids given (write-behind)
   that start es[0..n), at most BATCH_ROWS. */
static size_t insert_run(const struct pending_entity *es, size_t n)
{
    size_t run = 0;
    while (run < n && run < BATCH_ROWS && es[run].what == ENTITY_INSERT && es[run].id)
        run++;
    return run;
}

/* Insert BATCH_ROWS entities whose ids are given, with one INSERT. */
static int write_entities(struct rn_store *kb, const struct pending_entity *es, const char *text,
                          struct rn_err *err)
{
    sqlite3_stmt *st;
    int rc = batch_start(kb, BATCH_ENTITIES, BATCH_ROWS, &st, err);
    for (int i = 0; rc == RN_OK && i < BATCH_ROWS; i++) {
        const char *type = rn_etype_name((enum rn_etype)es[i].type);
        sqlite3_bind_int64(st, 3 * i + 1, es[i].id);
        sqlite3_bind_text(st, 3 * i + 2, text + es[i].name, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3 * i + 3, type, (int)strlen(type), SQLITE_STATIC);
    }
    return rc == RN_OK ? batch_run(kb, BATCH_ENTITIES, st, "cannot add an entity", err) : rc;
}

/* Write a chunk: its entity writes (in order; full runs of inserts
   BATCH_ROWS to a statement), then its relation rows. On the writer
   thread with write-behind, else on the caller's. */
static int write_chunk(void *ctx, void *batch, struct rn_err *err)
{
    struct rn_store *kb = ctx;
    struct chunk *c = batch;
    const char *text = rn_buf_str(&c->text);
    int rc = RN_OK;
    for (size_t i = 0; rc == RN_OK && i < c->nentities;) {
        if (insert_run(c->entities + i, c->nentities - i) == BATCH_ROWS) {
            rc = write_entities(kb, c->entities + i, text, err);
            i += BATCH_ROWS;
        } else {
            rc = write_entity(kb, &c->entities[i], text + c->entities[i].name, err);
            i++;
        }
    }
    for (size_t i = 0; rc == RN_OK && i < c->nrows; i += BATCH_ROWS)
        rc = write_batch(kb, c->rows + i, c->nrows - i < BATCH_ROWS ? c->nrows - i : BATCH_ROWS,
                         text, err);
    return rc;
}

static void chunk_reset(struct chunk *c)
{
    c->nrows = 0;
    c->nentities = 0;
    rn_buf_reset(&c->text);
}

static void chunk_release(struct chunk *c)
{
    free(c->rows);
    free(c->entities);
    rn_buf_release(&c->text);
}

static void chunk_free(void *batch)
{
    struct chunk *c = batch;
    if (!c->allocated)
        return; /* the store's own, released with the store */
    chunk_release(c);
    free(c);
}

static struct chunk *chunk_new(void)
{
    struct chunk *c = calloc(1, sizeof *c);
    if (c)
        c->allocated = 1;
    return c;
}

/* Hand the filled chunk to the writer and take an empty one. */
static int submit_chunk(struct rn_store *kb, struct rn_err *err)
{
    void *spare;
    int rc = rn_writer_submit(kb->writer, kb->fill, &spare, err);
    kb->fill = spare ? spare : chunk_new();
    if (!kb->fill) {
        kb->fill = &kb->own; /* empty: the writer holds every other chunk */
        return rc == RN_OK ? rn_fail(err, RN_ENOMEM, "out of memory") : rc;
    }
    chunk_reset(kb->fill);
    return rc;
}

/* Write the waiting relation rows (and entity writes): with write-behind,
   hand them over and wait until the writer is idle, after which this
   thread may use the connection. */
static int flush_relations(struct rn_store *kb, struct rn_err *err)
{
    if (!kb->writer) {
        int rc = write_chunk(kb, kb->fill, err);
        chunk_reset(kb->fill);
        return rc;
    }
    int rc = RN_OK;
    if (kb->fill->nrows || kb->fill->nentities)
        rc = submit_chunk(kb, err);
    int drained = rn_writer_drain(kb->writer, err);
    return rc != RN_OK ? rc : drained;
}

/* Wait until the writer (if any) is idle: this thread may then use the
   connection. Rows still being filled stay. */
static int writer_idle(struct rn_store *kb, struct rn_err *err)
{
    return kb->writer ? rn_writer_drain(kb->writer, err) : RN_OK;
}

/* End write-behind: write what waits, unless discard. */
static int writer_stop(struct rn_store *kb, int discard, struct rn_err *err)
{
    if (!kb->writer)
        return RN_OK;
    int rc = discard ? RN_OK : flush_relations(kb, err);
    rn_writer_stop(kb->writer, discard, chunk_free);
    kb->writer = NULL;
    chunk_free(kb->fill);
    kb->fill = &kb->own;
    chunk_reset(kb->fill);
    return rc;
}

/* Room for one more row (and its text) in the chunk being filled. */
static struct pending_row *next_row(struct rn_store *kb)
{
    struct chunk *c = kb->fill;
    struct pending_row *rows = with_room(c->rows, &c->rows_cap, c->nrows, sizeof *rows);
    if (!rows)
        return NULL;
    c->rows = rows;
    return &rows[c->nrows];
}

/* A row is complete in the chunk: write the batch (or hand the chunk
   over) when full. */
static int row_added(struct rn_store *kb, struct rn_err *err)
{
    size_t n = ++kb->fill->nrows;
    if (kb->writer)
        return n == CHUNK_ROWS ? submit_chunk(kb, err) : RN_OK;
    return n == BATCH_ROWS ? flush_relations(kb, err) : RN_OK;
}

/* A write to entities: run now, or with write-behind queued in the chunk
   (an insert then gets the next id, the one SQLite would give). */
static int entity_write(struct rn_store *kb, enum entity_write what, int64_t *id, uint8_t type,
                        int64_t affiliation_id, const char *name, struct rn_err *err)
{
    struct pending_entity e = { .id = what == ENTITY_INSERT ? 0 : *id,
                                .affiliation_id = affiliation_id, .what = (uint8_t)what,
                                .type = type };
    if (!kb->writer) {
        int rc = write_entity(kb, &e, name, err);
        *id = e.id;
        return rc;
    }
    struct chunk *c = kb->fill;
    struct pending_entity *es = with_room(c->entities, &c->entities_cap, c->nentities, sizeof *es);
    if (!es)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    c->entities = es;
    if (what == ENTITY_INSERT) {
        e.id = *id = ++kb->last_entity_id;
        e.name = c->text.len;
        if (rn_buf_add(&c->text, name, strlen(name) + 1) != RN_OK)
            return rn_fail(err, RN_ENOMEM, "out of memory");
    }
    es[c->nentities++] = e;
    return RN_OK;
}

/* The key strings alias rows are sorted by, for the comparator (qsort
   passes no context; thread-local, as threads may each have a store). */
static _Thread_local const struct rn_strmap *sorting_keys;

static int by_key(const void *a, const void *b)
{
    const struct pending_alias *x = a, *y = b;
    if (x->head != y->head)
        return x->head < y->head ? -1 : 1;
    return strcmp(rn_strmap_str(sorting_keys, x->kid, NULL),
                  rn_strmap_str(sorting_keys, y->kid, NULL));
}

static struct key_info *key_info(const struct rn_store *kb, uint32_t kid)
{
    return rn_strmap_value(kb->keys, kid);
}

/* Sort the waiting alias rows by key: by their heads with a radix sort
   (a byte a pass, the last byte first), then each run of equal heads by
   the whole key. A comparison sort read the keys, scattered in memory, at
   every step. */
static int sort_aliases(struct rn_store *kb, struct rn_err *err)
{
    size_t n = kb->npending_aliases;
    struct pending_alias *a = kb->pending_aliases, *b = malloc(n * sizeof *b);
    if (!b)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    for (int shift = 0; shift < 64; shift += 8) {
        size_t at[257] = { 0 };
        for (size_t i = 0; i < n; i++)
            at[(a[i].head >> shift & 0xFF) + 1]++;
        if (at[(a[0].head >> shift & 0xFF) + 1] == n)
            continue; /* the same byte in every head */
        for (int k = 0; k < 256; k++)
            at[k + 1] += at[k];
        for (size_t i = 0; i < n; i++)
            b[at[a[i].head >> shift & 0xFF]++] = a[i];
        struct pending_alias *t = a;
        a = b;
        b = t;
    }
    if (a != kb->pending_aliases)
        memcpy(kb->pending_aliases, a, n * sizeof *a);
    free(a == kb->pending_aliases ? b : a);
    sorting_keys = kb->keys;
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && kb->pending_aliases[j].head == kb->pending_aliases[i].head; j++)
            ;
        if (j - i > 1)
            qsort(kb->pending_aliases + i, j - i, sizeof *kb->pending_aliases, by_key);
    }
    sorting_keys = NULL;
    return RN_OK;
}

/* Write the waiting alias rows in key order, BATCH_ROWS to a statement:
   each lands next to the last in the key index, whose pages then stay in
   the cache. The keys and spellings a batch reads are fetched while the
   one before it is written. */
static int flush_aliases(struct rn_store *kb, struct rn_err *err)
{
    size_t n = kb->npending_aliases;
    if (n == 0)
        return RN_OK;
    int rc = sort_aliases(kb, err);
    const struct pending_alias *pa = kb->pending_aliases;
    for (size_t i = 0; rc == RN_OK && i < n; i += BATCH_ROWS) {
        size_t m = n - i < BATCH_ROWS ? n - i : BATCH_ROWS;
        for (size_t k = i + BATCH_ROWS; k < n && k < i + 2 * BATCH_ROWS; k++) {
            __builtin_prefetch(rn_strmap_str(kb->keys, pa[k].kid, NULL));
            __builtin_prefetch(kb->alias_spellings.data + pa[k].spelling);
        }
        sqlite3_stmt *st;
        rc = batch_start(kb, BATCH_ALIASES, m, &st, err);
        for (size_t k = 0; rc == RN_OK && k < m; k++) {
            const struct pending_alias *a = &pa[i + k];
            size_t key_len;
            const char *key = rn_strmap_str(kb->keys, a->kid, &key_len);
            int c = (int)k * 3;
            sqlite3_bind_text(st, c + 1, key, (int)key_len, SQLITE_STATIC);
            sqlite3_bind_text(st, c + 2, kb->alias_spellings.data + a->spelling, -1,
                              SQLITE_STATIC);
            sqlite3_bind_int64(st, c + 3, key_info(kb, a->kid)->entity_id);
        }
        if (rc == RN_OK)
            rc = batch_run(kb, BATCH_ALIASES, st, "cannot add an alias", err);
    }
    kb->npending_aliases = 0;
    rn_buf_reset(&kb->alias_spellings);
    return rc;
}

/* Write every waiting row: before anything reads the tables or the
   transaction ends. */
static int flush_pending(struct rn_store *kb, struct rn_err *err)
{
    int rc = flush_relations(kb, err);
    return rc == RN_OK ? flush_aliases(kb, err) : rc;
}

/* Another process that wrote to the file since this one last looked
   makes the name caches stale (its entities are not in them): drop them.
   PRAGMA data_version changes only with other connections' commits. */
static int forget_others_changes(struct rn_store *kb, struct rn_err *err)
{
    sqlite3_stmt *st;
    int rc = prepare(kb, "PRAGMA data_version", &st, err);
    if (rc != RN_OK)
        return rc;
    if (sqlite3_step(st) != SQLITE_ROW) {
        rc = db_fail(kb, err, "cannot read the data version");
    } else {
        long version = (long)sqlite3_column_int64(st, 0);
        if (version != kb->data_version)
            cache_drop(kb);
        kb->data_version = version;
    }
    sqlite3_finalize(st);
    return rc;
}

int rn_store_begin(struct rn_store *kb, struct rn_err *err)
{
    if (kb->in_tx)
        return rn_fail(err, RN_EINTERNAL, "%s: a transaction is already open", kb->path);
    /* Rows added outside a transaction go in on their own, before the
       caches their waiting rows point into may be dropped. */
    int rc = flush_pending(kb, err);
    if (rc == RN_OK)
        rc = begin_immediate(kb, err);
    if (rc == RN_OK)
        rc = forget_others_changes(kb, err);
    if (rc == RN_OK)
        kb->in_tx = 1;
    else
        sqlite3_exec(kb->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

int rn_store_commit(struct rn_store *kb, struct rn_err *err)
{
    if (!kb->in_tx)
        return RN_OK;
    int rc = writer_stop(kb, 0, err);
    if (rc == RN_OK)
        rc = flush_pending(kb, err);
    if (rc == RN_OK)
        rc = exec(kb, "COMMIT", err);
    if (rc != RN_OK) {
        rn_store_rollback(kb);
        return rc;
    }
    kb->in_tx = 0;
    kb->import_id = 0;
    return RN_OK;
}

/* Forget the rows not yet written and reset the statements, before a
   rollback. */
static void drop_pending(struct rn_store *kb)
{
    writer_stop(kb, 1, NULL);
    chunk_reset(&kb->own);
    kb->npending_aliases = 0;
    rn_buf_reset(&kb->alias_spellings);
    for (int i = 0; i < BATCH_KINDS; i++)
        for (int n = 0; n <= BATCH_ROWS; n++)
            if (kb->batch_stmt[i][n])
                sqlite3_reset(kb->batch_stmt[i][n]);
    for (int i = 0; i < ST_COUNT; i++)
        if (kb->stmt[i])
            sqlite3_reset(kb->stmt[i]);
}

void rn_store_rollback(struct rn_store *kb)
{
    drop_pending(kb);
    sqlite3_exec(kb->db, "ROLLBACK", NULL, NULL, NULL);
    kb->in_tx = 0;
    kb->import_id = 0;
    kb->article_id = 0;
    cache_drop(kb);
}

int rn_store_savepoint(struct rn_store *kb, struct rn_err *err)
{
    if (!kb->in_tx)
        return rn_fail(err, RN_EINTERNAL, "%s: a savepoint needs a transaction", kb->path);
    /* Rows of earlier parts go in now: rolling back to here drops only
       what comes after (and write-behind ends). */
    int rc = writer_stop(kb, 0, err);
    if (rc == RN_OK)
        rc = flush_pending(kb, err);
    return rc == RN_OK ? step_once(kb, ST_SAVEPOINT, err) : rc;
}

int rn_store_release(struct rn_store *kb, struct rn_err *err)
{
    int rc = flush_pending(kb, err);
    return rc == RN_OK ? step_once(kb, ST_RELEASE, err) : rc;
}

void rn_store_rollback_savepoint(struct rn_store *kb)
{
    drop_pending(kb);
    sqlite3_exec(kb->db, "ROLLBACK TO part; RELEASE part", NULL, NULL, NULL);
    kb->article_id = 0;
    cache_drop(kb); /* it may name rows that are gone */
}

/* The highest entity id: SQLite gives a new row the next one. */
static int max_entity_id(struct rn_store *kb, int64_t *id, struct rn_err *err)
{
    sqlite3_stmt *st;
    int rc = prepare(kb, "SELECT coalesce(max(id), 0) FROM entities", &st, err);
    if (rc != RN_OK)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW)
        *id = sqlite3_column_int64(st, 0);
    else
        rc = db_fail(kb, err, "cannot read entities");
    sqlite3_finalize(st);
    return rc;
}

static int cache_load(struct rn_store *kb, struct rn_err *err);

int rn_store_write_behind(struct rn_store *kb, int on, struct rn_err *err)
{
    if (!on)
        return writer_stop(kb, 0, err);
    if (kb->writer || !kb->in_tx)
        return RN_OK;
    /* Everything a record may need read is read now: the writer will hold
       the connection. */
    int rc = flush_pending(kb, err);
    if (rc == RN_OK)
        rc = cache_load(kb, err);
    if (rc == RN_OK)
        rc = max_entity_id(kb, &kb->last_entity_id, err);
    if (rc != RN_OK)
        return rc;
    struct rn_err why = RN_ERR_INIT;
    if (rn_writer_start(write_chunk, kb, WRITER_DEPTH, &kb->writer, &why) != RN_OK)
        return RN_OK; /* no thread to be had: rows are written here, as before */
    return RN_OK;
}

/* ---- resolution cache ------------------------------------------------- */

/* The cache entry of a key (hash: rn_strmap_hash's), made (entity 0, type
   unknown) when new. */
static int key_slot(struct rn_store *kb, const char *key, size_t len, uint64_t hash,
                    uint32_t *kid, int *added)
{
    if (!kb->keys && !(kb->keys = rn_strmap_new(sizeof(struct key_info))))
        return RN_ENOMEM;
    return rn_strmap_intern_hashed(kb->keys, key, len, hash, kid, added);
}

static int etype_from_text(const char *s)
{
    enum rn_etype t = RN_ETYPE_UNKNOWN;
    if (s)
        rn_etype_parse(s, &t);
    return (int)t;
}

static int cache_load(struct rn_store *kb, struct rn_err *err)
{
    if (kb->cache_loaded)
        return RN_OK;
    sqlite3_stmt *st;
    int rc = writer_idle(kb, err);
    if (rc != RN_OK)
        return rc;
    rc = prepare(kb,
                     "SELECT a.key, a.entity_id, e.type, e.affiliation_id IS NOT NULL"
                     " FROM aliases a JOIN entities e ON e.id = a.entity_id",
                     &st, err);
    if (rc != RN_OK)
        return rc;
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(st, 0);
        uint32_t kid;
        int added;
        size_t len = (size_t)sqlite3_column_bytes(st, 0);
        if (key_slot(kb, key, len, rn_strmap_hash(key, len), &kid, &added) != RN_OK) {
            sqlite3_finalize(st);
            return rn_fail(err, RN_ENOMEM, "out of memory");
        }
        struct key_info *info = key_info(kb, kid);
        info->entity_id = sqlite3_column_int64(st, 1);
        info->type = (uint8_t)etype_from_text((const char *)sqlite3_column_text(st, 2));
        info->has_affil = (uint8_t)sqlite3_column_int(st, 3);
    }
    rc = step == SQLITE_DONE ? RN_OK : db_fail(kb, err, "cannot read aliases");
    sqlite3_finalize(st);
    kb->cache_loaded = rc == RN_OK;
    return rc;
}

/* Fold name into f. RN_EINPUT when it has no letters or digits. */
static int fold(const char *name, struct folded *f, struct rn_err *err)
{
    if (rn_text_key(name, strlen(name), &f->key) != RN_OK)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    if (f->key.len == 0)
        return rn_fail(err, RN_EINPUT, "name '%s' has no letters or digits", name);
    f->hash = rn_strmap_hash(f->key.data, f->key.len);
    return RN_OK;
}

/* The alias row of key kid (new in this transaction), spelt alias, for
   the entity the key resolves to: written by flush_aliases. Inserted one
   by one as names arrive, alias rows land at random places in the key
   index and cost a fifth of a bulk import; in key order, half that. */
static int insert_alias(struct rn_store *kb, uint32_t kid, const char *alias, struct rn_err *err)
{
    size_t spelling = kb->alias_spellings.len;
    if (spelling > UINT32_MAX)
        return rn_fail(err, RN_ENOMEM, "out of memory (over 4 GiB of new names in one "
                       "transaction)");
    struct pending_alias *pa = with_room(kb->pending_aliases, &kb->pending_aliases_cap,
                                         kb->npending_aliases, sizeof *pa);
    if (!pa || rn_buf_add(&kb->alias_spellings, alias, strlen(alias) + 1) != RN_OK)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    kb->pending_aliases = pa;
    const char *key = rn_strmap_str(kb->keys, kid, NULL);
    uint64_t head = 0;
    for (size_t i = 0; i < 8; i++)
        head = head << 8 | (unsigned char)(key[0] ? *key++ : 0);
    kb->pending_aliases[kb->npending_aliases++] =
        (struct pending_alias){ head, kid, (uint32_t)spelling };
    return RN_OK;
}

/* Entity id for name, creating it (and its alias row) when new, and
   filling an unknown type or a missing affiliation from what is given. */
static int resolve_key(struct rn_store *kb, const char *name, const struct folded *f,
                       uint32_t kid, int added, enum rn_etype type, const char *affiliation,
                       int64_t *id, struct rn_err *err);

/* resolve() of a name already folded into f. */
static int resolve_folded(struct rn_store *kb, const char *name, const struct folded *f,
                          enum rn_etype type, const char *affiliation, int64_t *id,
                          struct rn_err *err)
{
    uint32_t kid;
    int added;
    if (key_slot(kb, f->key.data, f->key.len, f->hash, &kid, &added) != RN_OK)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    const struct key_info *info = key_info(kb, kid);
    /* The common case of a bulk import: a name met before, with nothing
       new to say about its type or affiliation. */
    if (info->entity_id && (type == RN_ETYPE_UNKNOWN || info->type != RN_ETYPE_UNKNOWN) &&
        (!affiliation || !affiliation[0] || info->has_affil)) {
        *id = info->entity_id;
        return RN_OK;
    }
    /* A key whose resolution failed before (a lexicon canonical name that
       was rejected) is still unsettled: as good as new. */
    return resolve_key(kb, name, f, kid, added || !info->entity_id, type, affiliation, id, err);
}

static int resolve(struct rn_store *kb, const char *name, enum rn_etype type,
                   const char *affiliation, int64_t *id, struct rn_err *err)
{
    int rc = cache_load(kb, err);
    if (rc == RN_OK)
        rc = fold(name, &kb->key, err);
    return rc == RN_OK ? resolve_folded(kb, name, &kb->key, type, affiliation, id, err) : rc;
}

/* The entities of a record's source and target, as resolve() on each in
   turn, but with both names folded first and their cache entries fetched
   side by side: in a cache of many names each lookup waits on memory, and
   the two waits then overlap. */
static int resolve_pair(struct rn_store *kb, const struct rn_record *rec, enum rn_etype st_type,
                        enum rn_etype tt_type, int64_t *src, int64_t *dst, struct rn_err *err)
{
    struct folded *s = &kb->pair[0], *t = &kb->pair[1];
    int rc = cache_load(kb, err);
    if (rc == RN_OK)
        rc = fold(rec->source, s, err);
    if (rc != RN_OK)
        return rc;
    if (kb->keys)
        rn_strmap_prefetch_slot(kb->keys, s->hash);
    struct rn_err target_err = RN_ERR_INIT;
    int target_rc = fold(rec->target, t, &target_err);
    if (kb->keys && target_rc == RN_OK)
        rn_strmap_prefetch_slot(kb->keys, t->hash);
    if (kb->keys)
        rn_strmap_prefetch_entry(kb->keys, s->hash);
    if (kb->keys && target_rc == RN_OK)
        rn_strmap_prefetch_entry(kb->keys, t->hash);
    rc = resolve_folded(kb, rec->source, s, st_type, rec->source_affiliation, src, err);
    if (rc == RN_OK && target_rc != RN_OK) {
        if (err)
            *err = target_err;
        return target_rc; /* the source resolved first, as it always was */
    }
    return rc == RN_OK
               ? resolve_folded(kb, rec->target, t, tt_type, rec->target_affiliation, dst, err)
               : rc;
}

/* The slow path of resolve(): the entity behind key kid (new when added). */
static int resolve_key(struct rn_store *kb, const char *name, const struct folded *f,
                       uint32_t kid, int added, enum rn_etype type, const char *affiliation,
                       int64_t *id, struct rn_err *err)
{
    int rc;
    struct key_info *info = key_info(kb, kid);
    const struct rn_alias_entry *known = NULL;
    if (added && kb->aliases)
        known = rn_aliases_find_key(kb->aliases, f->key.data, f->key.len);
    if (known) {
        /* A name the lexicon knows: take its type and affiliation when the
           record gives none, and when it is an alias, resolve the
           canonical name instead and remember this key as its alias. */
        if (type == RN_ETYPE_UNKNOWN)
            type = known->type;
        if ((!affiliation || !affiliation[0]) && known->affiliation)
            affiliation = known->affiliation;
        if (rn_text_key(known->canonical, strlen(known->canonical), &kb->key2) != RN_OK)
            return rn_fail(err, RN_ENOMEM, "out of memory");
        if (strcmp(kb->key2.data, rn_strmap_str(kb->keys, kid, NULL)) != 0) {
            int64_t canonical_id;
            rc = resolve(kb, known->canonical, type, affiliation, &canonical_id, err);
            if (rc != RN_OK)
                return rc;
            info = key_info(kb, kid);
            info->entity_id = canonical_id;
            info->type = (uint8_t)type;
            info->has_affil = 1; /* settled on the canonical entity */
            *id = canonical_id;
            return insert_alias(kb, kid, name, err);
        }
    }
    if (added) {
        int64_t new_id;
        rc = entity_write(kb, ENTITY_INSERT, &new_id, (uint8_t)type, 0, name, err);
        if (rc != RN_OK)
            return rc;
        info = key_info(kb, kid);
        info->entity_id = new_id;
        info->type = (uint8_t)type;
        rc = insert_alias(kb, kid, name, err);
        if (rc != RN_OK)
            return rc;
    } else if (type != RN_ETYPE_UNKNOWN && info->type == RN_ETYPE_UNKNOWN) {
        rc = entity_write(kb, ENTITY_SET_TYPE, &info->entity_id, (uint8_t)type, 0, NULL, err);
        if (rc != RN_OK)
            return rc;
        info->type = (uint8_t)type;
    }
    *id = info->entity_id;
    if (affiliation && affiliation[0] && !info->has_affil) {
        int64_t affil_id;
        /* The affiliation's own type is unknown here ("China" could be
           anything); the lexicon or another row gives it. */
        rc = resolve(kb, affiliation, RN_ETYPE_UNKNOWN, NULL, &affil_id, err);
        if (rc == RN_EINPUT)
            return RN_OK;
        if (rc != RN_OK)
            return rc;
        info = key_info(kb, kid); /* resolve() may have moved the cache */
        if (affil_id != *id) {
            rc = entity_write(kb, ENTITY_SET_AFFIL, id, 0, affil_id, NULL, err);
            if (rc != RN_OK)
                return rc;
        }
        info->has_affil = 1;
    }
    return RN_OK;
}

/* Find or add a row named name: find and insert are statements taking the
   name as ?1; for articles find also takes the record's content hash as
   ?2, and insert its URL, title, date and content hash as ?2..?5. The date
   is the record's article_date (extract's output carries it), else for
   extracted records of older output their date, which was the article's
   before sentences had dates of their own. what names the failure in
   messages. */
static int name_id(struct rn_store *kb, struct name_ids *c, const char *name, enum stmt_id find,
                   enum stmt_id insert, const struct rn_record *article, const char *what,
                   int64_t *id, struct rn_err *err)
{
    uint32_t idx;
    int added;
    if (rn_strtab_intern(c->names, name, strlen(name), &idx, &added) != RN_OK)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    if (!added) {
        *id = c->id[idx];
        return RN_OK;
    }
    int64_t *ids = with_room(c->id, &c->cap, idx, sizeof *ids);
    if (!ids)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    c->id = ids;
    sqlite3_stmt *st;
    int rc = writer_idle(kb, err);
    if (rc == RN_OK)
        rc = stmt(kb, find, &st, err);
    if (rc != RN_OK)
        return rc;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    if (article)
        sqlite3_bind_text(st, 2, article->content_hash, -1, SQLITE_STATIC);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
    } else if (step == SQLITE_DONE) {
        rc = stmt(kb, insert, &st, err);
        if (rc != RN_OK)
            return rc;
        sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
        if (article) {
            sqlite3_bind_text(st, 2, article->url, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 3, article->title, -1, SQLITE_STATIC);
            if (article->article_date)
                sqlite3_bind_text(st, 4, article->article_date, -1, SQLITE_STATIC);
            else if (article->origin == RN_ORIGIN_EXTRACTED)
                sqlite3_bind_text(st, 4, article->date, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 5, article->content_hash, -1, SQLITE_STATIC);
        }
        if (sqlite3_step(st) != SQLITE_DONE)
            return db_fail(kb, err, what);
        *id = sqlite3_last_insert_rowid(kb->db);
    } else {
        return db_fail(kb, err, what);
    }
    c->id[idx] = *id;
    return RN_OK;
}

static int reltype(struct rn_store *kb, const char *name, int64_t *id, struct rn_err *err)
{
    return name_id(kb, &kb->reltypes, name, ST_RELTYPE_FIND, ST_RELTYPE_INSERT, NULL,
                   "cannot add a relation type", id, err);
}

void rn_store_use_aliases(struct rn_store *kb, const struct rn_aliases *aliases)
{
    kb->aliases = aliases;
}

/* ---- sources: imports and articles -------------------------------------- */

int rn_store_has_content(struct rn_store *kb, const char *content_hash, char *what,
                         size_t what_size, struct rn_err *err)
{
    sqlite3_stmt *st;
    int rc = stmt(kb, ST_HAS_CONTENT, &st, err);
    if (rc != RN_OK)
        return rc;
    sqlite3_bind_text(st, 1, content_hash, -1, SQLITE_STATIC);
    int step = sqlite3_step(st);
    int found = 0;
    if (step == SQLITE_ROW) {
        found = 1;
        if (what)
            snprintf(what, what_size, "%s %s", (const char *)sqlite3_column_text(st, 0),
                     sqlite3_column_text(st, 1) ? (const char *)sqlite3_column_text(st, 1) : "?");
    } else if (step != SQLITE_DONE) {
        found = db_fail(kb, err, "cannot look up content");
    }
    sqlite3_reset(st);
    return found;
}

int rn_store_import_start(struct rn_store *kb, const char *path, const char *content_hash,
                          struct rn_err *err)
{
    sqlite3_stmt *st;
    int rc = prepare(kb, "INSERT INTO imports(path, content_hash) VALUES (?1, ?2)", &st, err);
    if (rc != RN_OK)
        return rc;
    sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, content_hash, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = db_fail(kb, err, "cannot record the import");
    else
        kb->import_id = sqlite3_last_insert_rowid(kb->db);
    sqlite3_finalize(st);
    return rc;
}

int rn_store_import_rehash(struct rn_store *kb, const char *content_hash, struct rn_err *err)
{
    sqlite3_stmt *st;
    int rc = prepare(kb, "UPDATE imports SET content_hash = ?2 WHERE id = ?1", &st, err);
    if (rc != RN_OK)
        return rc;
    sqlite3_bind_int64(st, 1, kb->import_id);
    sqlite3_bind_text(st, 2, content_hash, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = db_fail(kb, err, "cannot record the import");
    sqlite3_finalize(st);
    return rc;
}

int rn_store_import_finish(struct rn_store *kb, long rows_read, long rows_imported,
                           long rows_skipped, struct rn_err *err)
{
    sqlite3_stmt *st;
    int rc = prepare(kb,
                     "UPDATE imports SET rows_read = ?2, rows_imported = ?3, rows_skipped = ?4"
                     " WHERE id = ?1",
                     &st, err);
    if (rc != RN_OK)
        return rc;
    sqlite3_bind_int64(st, 1, kb->import_id);
    sqlite3_bind_int64(st, 2, rows_read);
    sqlite3_bind_int64(st, 3, rows_imported);
    sqlite3_bind_int64(st, 4, rows_skipped);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = db_fail(kb, err, "cannot record the import");
    sqlite3_finalize(st);
    return rc;
}

/* ---- the log of written relations (rn_store_log_relations) ------------- */

static int forget_others_changes(struct rn_store *kb, struct rn_err *err);

static void log_end(struct rn_store *kb)
{
    struct relation_log *l = &kb->log;
    free(l->rows);
    free(l->articles);
    rn_buf_release(&l->text);
    memset(l, 0, sizeof *l);
}

/* s copied into the log's text (NULL: NO_TEXT); out of memory ends the log. */
static size_t log_text(struct rn_store *kb, const char *s)
{
    size_t at = kb->log.text.len;
    if (!s || !kb->log.on)
        return NO_TEXT;
    if (rn_buf_add(&kb->log.text, s, strlen(s) + 1) != RN_OK) {
        log_end(kb);
        return NO_TEXT;
    }
    return at;
}

/* The article just inserted (kb->article_id), as the load joins it. */
static void log_article(struct rn_store *kb, const struct rn_store_article *a)
{
    struct relation_log *l = &kb->log;
    if (!l->on)
        return;
    struct logged_article *as = with_room(l->articles, &l->articles_cap, l->narticles, sizeof *as);
    if (!as) {
        log_end(kb);
        return;
    }
    l->articles = as;
    struct logged_article la = { log_text(kb, a->path ? a->path : a->url), log_text(kb, a->url),
                                 log_text(kb, a->title) };
    if (!l->on)
        return;
    l->articles[l->narticles++] = la;
    l->article_id = kb->article_id;
}

/* A double as SQLite gives it back from a REAL column: -0.0 comes back
   as 0.0 (stored as the integer 0). */
static double as_read_back(double v)
{
    return v == 0 ? 0.0 : v;
}

/* The row just queued, as rn_store_load will read it: a value the file
   would not give back as it is (an id beyond 32 bits, an article not
   logged, a NaN) ends the log instead. */
static void log_row(struct rn_store *kb, const struct rn_record *rec, const struct pending_row *row)
{
    struct relation_log *l = &kb->log;
    int article_known = !row->article || (l->narticles && row->article == l->article_id);
    if (!article_known || row->src <= 0 || row->src > UINT32_MAX || row->dst <= 0 ||
        row->dst > UINT32_MAX || row->type <= 0 || row->type > UINT32_MAX ||
        (unsigned)rec->polarity >= RN_POL_COUNT || rec->confidence != rec->confidence) {
        log_end(kb);
        return;
    }
    struct logged_row *rows = with_room(l->rows, &l->rows_cap, l->nrows, sizeof *rows);
    if (!rows) {
        log_end(kb);
        return;
    }
    l->rows = rows;
    struct logged_row r = {
        .src = (uint32_t)row->src,
        .dst = (uint32_t)row->dst,
        .type = (uint32_t)row->type,
        .article = row->article ? (uint32_t)(l->narticles - 1) : RN_NONE,
        .date = rn_relset_date_num(rec->date && rec->date[0] ? rec->date : NULL),
        .sentence_no = rec->sentence_no > 0 ? (int32_t)rec->sentence_no : 0,
        .offset = rec->offset >= 0 ? (int64_t)rec->offset : -1,
        .weight = as_read_back(rec->weight),
        .confidence = as_read_back(rec->confidence),
        .evidence = NO_TEXT,
        .pol = (uint8_t)rec->polarity,
        .origin = (uint8_t)(rec->origin == RN_ORIGIN_EXTRACTED ? RN_ORIGIN_EXTRACTED
                                                               : RN_ORIGIN_CSV),
    };
    if (rec->evidence && rec->evidence[0]) {
        if (l->last_evidence != NO_TEXT && strcmp(l->text.data + l->last_evidence, rec->evidence) == 0)
            r.evidence = l->last_evidence;
        else
            r.evidence = l->last_evidence = log_text(kb, rec->evidence);
        if (!l->on)
            return;
    }
    l->rows[l->nrows++] = r;
    l->ndated += rec->date && rec->date[0] && rec->polarity == RN_POL_ASSERTED;
}

/* Does the log hold every relation row of the file? Rows are only ever
   appended while it lasts (whatever else changes relations ends it,
   another process's commit included, which data_version tells), so the
   file holds rows 1..n, and the highest id, found without reading the
   rows, says whether those are the logged ones. Pending rows are written
   first. */
static int log_complete(struct rn_store *kb, int *complete, struct rn_err *err)
{
    *complete = 0;
    int rc = flush_pending(kb, err);
    if (rc == RN_OK && kb->log.on)
        rc = forget_others_changes(kb, err);
    if (rc != RN_OK || !kb->log.on)
        return rc;
    sqlite3_stmt *st;
    rc = prepare(kb, "SELECT coalesce(max(id), 0) FROM relations", &st, err);
    if (rc != RN_OK)
        return rc;
    if (sqlite3_step(st) != SQLITE_ROW)
        rc = db_fail(kb, err, "cannot read relations");
    else
        *complete = (uint64_t)sqlite3_column_int64(st, 0) == kb->log.nrows;
    sqlite3_finalize(st);
    return rc;
}

long rn_store_logged(const struct rn_store *kb)
{
    return kb->log.on ? (long)kb->log.nrows : -1;
}

int rn_store_log_relations(struct rn_store *kb, struct rn_err *err)
{
    log_end(kb);
    sqlite3_stmt *st;
    /* Another process's commits end the log (cache_drop): from now on. */
    int rc = flush_pending(kb, err);
    if (rc == RN_OK)
        rc = forget_others_changes(kb, err);
    if (rc == RN_OK)
        rc = prepare(kb, "SELECT EXISTS (SELECT 1 FROM relations)", &st, err);
    if (rc != RN_OK)
        return rc;
    if (sqlite3_step(st) != SQLITE_ROW)
        rc = db_fail(kb, err, "cannot read relations");
    else if (sqlite3_column_int(st, 0) == 0)
        kb->log = (struct relation_log){ .on = 1, .last_evidence = NO_TEXT };
    sqlite3_finalize(st);
    return rc;
}

int rn_store_article_start(struct rn_store *kb, const struct rn_store_article *a,
                           struct rn_err *err)
{
    if (a->content_hash) {
        int found = rn_store_has_content(kb, a->content_hash, NULL, 0, err);
        if (found != 0)
            return found; /* 1: already present, or an error */
    }
    sqlite3_stmt *st;
    int rc = stmt(kb, ST_ARTICLE_INSERT, &st, err);
    if (rc != RN_OK)
        return rc;
    sqlite3_bind_text(st, 1, a->path, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, a->url, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, a->title, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, a->date, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, a->content_hash, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) {
        rc = db_fail(kb, err, "cannot add the article");
    } else {
        kb->article_id = sqlite3_last_insert_rowid(kb->db);
        free(kb->article_path);
        kb->article_path = a->path ? strdup(a->path) : NULL;
        log_article(kb, a);
    }
    sqlite3_reset(st);
    return rc;
}

void rn_store_article_end(struct rn_store *kb)
{
    kb->article_id = 0;
    free(kb->article_path);
    kb->article_path = NULL;
}

/* Article id of the path, name or URL a record gives (rec->article),
   created when new with the record's URL and title; a name that is an
   http(s) URL is its own URL. */
static int article_by_name(struct rn_store *kb, const struct rn_record *rec, int64_t *id,
                           struct rn_err *err)
{
    const char *name = rec->article;
    int is_url = strncmp(name, "http://", 7) == 0 || strncmp(name, "https://", 8) == 0;
    struct rn_record article = *rec;
    if (!article.url && is_url)
        article.url = name;
    return name_id(kb, &kb->article_names, name, ST_ARTICLE_FIND, ST_ARTICLE_INSERT, &article,
                   "cannot add an article", id, err);
}

/* ---- removing ------------------------------------------------------------ */

static const char *col_text(sqlite3_stmt *st, int i);

/* Scratch tables of one removal: the relations going (rm_rel), the entities
   and articles they touched (rm_ent, rm_art), and one round's orphans. */
static const char rm_tables_sql[] =
    "CREATE TEMP TABLE IF NOT EXISTS rm_rel(id INTEGER PRIMARY KEY);"
    "CREATE TEMP TABLE IF NOT EXISTS rm_ent(id INTEGER PRIMARY KEY);"
    "CREATE TEMP TABLE IF NOT EXISTS rm_art(id INTEGER PRIMARY KEY);"
    "CREATE TEMP TABLE IF NOT EXISTS rm_gone(id INTEGER PRIMARY KEY);"
    "DELETE FROM rm_rel; DELETE FROM rm_ent; DELETE FROM rm_art; DELETE FROM rm_gone;";

/* Run one statement, ?1 bound to text (when not NULL) or id; adds the rows
   it changed to *changes (may be NULL). */
static int run_bound(struct rn_store *kb, const char *sql, const char *text, int64_t id,
                     long *changes, struct rn_err *err)
{
    sqlite3_stmt *st;
    int rc = prepare(kb, sql, &st, err);
    if (rc != RN_OK)
        return rc;
    if (sqlite3_bind_parameter_count(st) > 0) {
        if (text)
            sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
        else
            sqlite3_bind_int64(st, 1, id);
    }
    int step = sqlite3_step(st);
    sqlite3_finalize(st);
    if (step != SQLITE_DONE)
        return db_fail(kb, err, "cannot remove");
    if (changes)
        *changes += sqlite3_changes(kb->db);
    return RN_OK;
}

/* Entities in rm_ent that no relation names and no entity has as
   affiliation go, with their aliases; then their own affiliations are
   looked at again, until a round removes nothing. */
static int remove_orphans(struct rn_store *kb, long *removed, struct rn_err *err)
{
    static const char *const round[] = {
        "DELETE FROM rm_gone",
        /* (parenthesised: one statement split over lines, not two elements) */
        ("INSERT INTO rm_gone SELECT id FROM rm_ent WHERE id IN (SELECT id FROM entities)"
         " EXCEPT SELECT source_id FROM relations EXCEPT SELECT target_id FROM relations"
         " EXCEPT SELECT affiliation_id FROM entities WHERE affiliation_id IS NOT NULL"),
        ("INSERT OR IGNORE INTO rm_ent SELECT affiliation_id FROM entities"
         " WHERE id IN rm_gone AND affiliation_id IS NOT NULL"),
        "DELETE FROM aliases WHERE entity_id IN rm_gone",
    };
    for (;;) {
        for (size_t i = 0; i < sizeof round / sizeof round[0]; i++) {
            int rc = run_bound(kb, round[i], NULL, 0, NULL, err);
            if (rc != RN_OK)
                return rc;
        }
        long gone = 0;
        int rc = run_bound(kb, "DELETE FROM entities WHERE id IN rm_gone", NULL, 0, &gone, err);
        if (rc != RN_OK || gone == 0)
            return rc;
        *removed += gone;
    }
}

/* Remove the relations in rm_rel and what only they used. Articles in
   rm_art go when nothing points to them any more and, unless
   any_article, they came from a CSV row (no content hash). */
static int remove_marked(struct rn_store *kb, int any_article, struct rn_store_removed *r,
                         struct rn_err *err)
{
    static const char *const touched[] = {
        "INSERT OR IGNORE INTO rm_ent SELECT source_id FROM relations WHERE id IN rm_rel"
        " UNION SELECT target_id FROM relations WHERE id IN rm_rel",
        "INSERT OR IGNORE INTO rm_art SELECT article_id FROM relations"
        " WHERE id IN rm_rel AND article_id IS NOT NULL",
    };
    int rc = RN_OK;
    for (size_t i = 0; rc == RN_OK && i < sizeof touched / sizeof touched[0]; i++)
        rc = run_bound(kb, touched[i], NULL, 0, NULL, err);
    if (rc == RN_OK)
        rc = run_bound(kb, "DELETE FROM relations WHERE id IN rm_rel", NULL, 0, &r->relations,
                       err);
    if (rc == RN_OK)
        rc = run_bound(kb,
                       any_article ? "DELETE FROM articles WHERE id IN rm_art"
                                   : "DELETE FROM articles WHERE id IN rm_art"
                                     " AND content_hash IS NULL AND id NOT IN"
                                     " (SELECT article_id FROM relations"
                                     "  WHERE article_id IS NOT NULL)",
                       NULL, 0, &r->articles, err);
    if (rc == RN_OK)
        rc = remove_orphans(kb, &r->entities, err);
    if (rc == RN_OK)
        rc = run_bound(kb,
                       "DELETE FROM relation_types WHERE builtin = 0"
                       " AND id NOT IN (SELECT type_id FROM relations)",
                       NULL, 0, &r->relation_types, err);
    /* Cached ids may name deleted entities and articles. */
    cache_drop(kb);
    return rc;
}

int rn_store_remove_import(struct rn_store *kb, int64_t id, struct rn_store_removed *removed,
                           struct rn_err *err)
{
    memset(removed, 0, sizeof *removed);
    int rc = flush_pending(kb, err);
    if (rc == RN_OK)
        rc = exec(kb, rm_tables_sql, err);
    sqlite3_stmt *st;
    if (rc == RN_OK)
        rc = prepare(kb, "SELECT path FROM imports WHERE id = ?1", &st, err);
    if (rc == RN_OK) {
        sqlite3_bind_int64(st, 1, id);
        if (sqlite3_step(st) == SQLITE_ROW)
            snprintf(removed->name, sizeof removed->name, "%s", col_text(st, 0));
        sqlite3_finalize(st);
    }
    if (rc == RN_OK)
        rc = run_bound(kb, "DELETE FROM imports WHERE id = ?1", NULL, id, &removed->imports, err);
    if (rc == RN_OK && removed->imports == 0)
        return rn_fail(err, RN_ENOTFOUND, "%s: no import %lld (see 'relnet list imports')",
                       kb->path, (long long)id);
    if (rc == RN_OK)
        rc = run_bound(kb, "INSERT INTO rm_rel SELECT id FROM relations WHERE import_id = ?1", NULL,
                       id, NULL, err);
    return rc == RN_OK ? remove_marked(kb, 0, removed, err) : rc;
}

int rn_store_remove_article(struct rn_store *kb, const char *path_or_url,
                            struct rn_store_removed *removed, struct rn_err *err)
{
    memset(removed, 0, sizeof *removed);
    long found = 0;
    int rc = flush_pending(kb, err);
    if (rc == RN_OK)
        rc = exec(kb, rm_tables_sql, err);
    if (rc == RN_OK)
        rc = run_bound(kb, "INSERT INTO rm_art SELECT id FROM articles WHERE path = ?1 OR url = ?1",
                       path_or_url, 0, &found, err);
    if (rc == RN_OK && found == 0)
        return rn_fail(err, RN_ENOTFOUND, "%s: no article %s (see 'relnet list articles')",
                       kb->path, path_or_url);
    if (rc == RN_OK)
        rc = run_bound(kb, "INSERT INTO rm_rel SELECT id FROM relations WHERE article_id IN rm_art",
                       NULL, 0, NULL, err);
    return rc == RN_OK ? remove_marked(kb, 1, removed, err) : rc;
}

int rn_store_find_imports(struct rn_store *kb, const char *path, const char *content_hash,
                          int64_t *ids, size_t max, size_t *n, struct rn_err *err)
{
    *n = 0;
    sqlite3_stmt *st;
    int rc = prepare(kb,
                     "SELECT id FROM imports WHERE (content_hash = ?1 OR path = ?2) AND id <> ?3"
                     " ORDER BY id",
                     &st, err);
    if (rc != RN_OK)
        return rc;
    sqlite3_bind_text(st, 1, content_hash ? content_hash : "", -1, SQLITE_STATIC);
    if (path)
        sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, kb->import_id);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW && *n < max)
        ids[(*n)++] = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return step == SQLITE_ROW || step == SQLITE_DONE ? RN_OK
                                                     : db_fail(kb, err, "cannot look up imports");
}

int rn_store_list(struct rn_store *kb, enum rn_store_source_kind kind,
                  int (*each)(void *ctx, const struct rn_store_source *s), void *ctx,
                  struct rn_err *err)
{
    static const char imports_sql[] =
        "SELECT i.id, i.path, NULL, NULL, NULL, i.imported_at, i.rows_read, i.rows_skipped,"
        " coalesce(n.n, 0) FROM imports i LEFT JOIN (SELECT import_id, count(*) AS n"
        " FROM relations GROUP BY import_id) n ON n.import_id = i.id ORDER BY i.id";
    static const char articles_sql[] =
        "SELECT a.id, coalesce(a.path, a.url), a.url, a.title, a.date, a.added_at, 0, 0,"
        " coalesce(n.n, 0) FROM articles a LEFT JOIN (SELECT article_id, count(*) AS n"
        " FROM relations GROUP BY article_id) n ON n.article_id = a.id ORDER BY a.id";
    sqlite3_stmt *st;
    int rc = flush_pending(kb, err);
    if (rc == RN_OK)
        rc = prepare(kb, kind == RN_STORE_IMPORTS ? imports_sql : articles_sql, &st, err);
    if (rc != RN_OK)
        return rc;
    int step = SQLITE_DONE;
    while (rc == RN_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        struct rn_store_source s = {
            .id = sqlite3_column_int64(st, 0),
            .path = col_text(st, 1),
            .url = col_text(st, 2),
            .title = col_text(st, 3),
            .date = col_text(st, 4),
            .added_at = col_text(st, 5),
            .rows_read = (long)sqlite3_column_int64(st, 6),
            .rows_skipped = (long)sqlite3_column_int64(st, 7),
            .relations = (long)sqlite3_column_int64(st, 8),
        };
        rc = each(ctx, &s);
    }
    if (rc == RN_OK && step != SQLITE_DONE)
        rc = db_fail(kb, err, "cannot list");
    sqlite3_finalize(st);
    return rc;
}

/* ---- records ----------------------------------------------------------- */

int rn_store_add_record(struct rn_store *kb, const struct rn_record *rec, struct rn_err *err)
{
    char relname[128];
    int checked = rn_record_check(rec, relname, sizeof relname, err);
    if (checked != RN_OK)
        return checked;
    if (!(rec->weight >= 0))
        return rn_fail(err, RN_EINPUT, "weight must be a number >= 0");
    enum rn_etype st_type = RN_ETYPE_UNKNOWN, tt_type = RN_ETYPE_UNKNOWN;
    if (rec->source_type)
        rn_etype_parse(rec->source_type, &st_type);
    if (rec->target_type)
        rn_etype_parse(rec->target_type, &tt_type);

    int64_t src = 0, dst = 0, type_id = 0, article = kb->article_id;
    int rc = resolve_pair(kb, rec, st_type, tt_type, &src, &dst, err);
    if (rc == RN_OK)
        rc = reltype(kb, relname, &type_id, err);
    if (rc == RN_OK && rec->article && rec->article[0] &&
        !(kb->article_id && kb->article_path && strcmp(kb->article_path, rec->article) == 0))
        rc = article_by_name(kb, rec, &article, err);
    if (rc != RN_OK)
        return rc;

    struct pending_row *row = next_row(kb);
    if (!row)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    struct rn_buf *text = &kb->fill->text;
    row->src = src;
    row->dst = dst;
    row->type = type_id;
    row->article = article;
    row->import = kb->import_id;
    row->pol = rec->polarity;
    row->origin = rec->origin;
    row->weight = rec->weight;
    row->confidence = rec->confidence;
    row->sentence_no = rec->sentence_no;
    row->offset = rec->offset;
    row->evidence = row->date = NO_TEXT;
    if (rec->evidence && rec->evidence[0]) {
        row->evidence = text->len;
        if (rn_buf_add(text, rec->evidence, strlen(rec->evidence) + 1) != RN_OK)
            return rn_fail(err, RN_ENOMEM, "out of memory");
    }
    if (rec->date && rec->date[0]) {
        row->date = text->len;
        if (rn_buf_add(text, rec->date, strlen(rec->date) + 1) != RN_OK)
            return rn_fail(err, RN_ENOMEM, "out of memory");
    }
    if (kb->log.on)
        log_row(kb, rec, row);
    return row_added(kb, err);
}

static int sink_add(void *ctx, const struct rn_record *rec, struct rn_err *err)
{
    return rn_store_add_record(ctx, rec, err);
}

struct rn_sink rn_store_sink(struct rn_store *kb)
{
    struct rn_sink s = { sink_add, kb };
    return s;
}

/* ---- aliases and merging ------------------------------------------------ */

static int run_merge(struct rn_store *kb, int64_t from, int64_t into, struct rn_err *err)
{
    log_end(kb); /* relations change entities */
    int frc = flush_pending(kb, err);
    if (frc != RN_OK)
        return frc;
    static const char *const sql[] = {
        "UPDATE relations SET source_id = ?2 WHERE source_id = ?1",
        "UPDATE relations SET target_id = ?2 WHERE target_id = ?1",
        "UPDATE aliases SET entity_id = ?2 WHERE entity_id = ?1",
        "UPDATE entities SET affiliation_id = NULL WHERE id = ?2 AND affiliation_id = ?1",
        "UPDATE entities SET affiliation_id = ?2 WHERE affiliation_id = ?1",
        "UPDATE entities SET type = (SELECT type FROM entities WHERE id = ?1)"
        " WHERE id = ?2 AND type = 'unknown'",
        "UPDATE entities SET affiliation_id = (SELECT affiliation_id FROM entities WHERE id = ?1)"
        " WHERE id = ?2 AND affiliation_id IS NULL"
        " AND (SELECT affiliation_id FROM entities WHERE id = ?1) IS NOT ?2",
        "DELETE FROM entities WHERE id = ?1",
    };
    for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
        sqlite3_stmt *st;
        int rc = prepare(kb, sql[i], &st, err);
        if (rc != RN_OK)
            return rc;
        sqlite3_bind_int64(st, 1, from);
        sqlite3_bind_int64(st, 2, into);
        int step = sqlite3_step(st);
        sqlite3_finalize(st);
        if (step != SQLITE_DONE)
            return db_fail(kb, err, "cannot merge entities");
    }
    /* Cached keys that pointed at the merged entity now point at into. */
    for (uint32_t k = kb->keys ? rn_strmap_next(kb->keys, 0) : 0; k; k = rn_strmap_next(kb->keys, k))
        if (key_info(kb, k)->entity_id == from)
            key_info(kb, k)->entity_id = into;
    return RN_OK;
}

int rn_store_add_alias(struct rn_store *kb, const char *alias, const char *canonical,
                       enum rn_etype type, const char *affiliation, struct rn_err *err)
{
    int64_t into;
    int rc = resolve(kb, canonical, type, affiliation, &into, err);
    if (rc != RN_OK)
        return rc;
    rc = fold(alias, &kb->key, err);
    if (rc == RN_EINPUT)
        return RN_OK; /* an alias of punctuation only matches nothing */
    if (rc != RN_OK)
        return rc;
    uint32_t kid;
    int added;
    if (key_slot(kb, kb->key.key.data, kb->key.key.len, kb->key.hash, &kid, &added) != RN_OK)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    struct key_info *info = key_info(kb, kid);
    if (!added && info->entity_id == into)
        return RN_OK;
    if (!added && info->entity_id != into) {
        rc = run_merge(kb, info->entity_id, into, err);
        if (rc != RN_OK)
            return rc;
        return RN_OK;
    }
    info->entity_id = into;
    info->type = (uint8_t)type;
    return insert_alias(kb, kid, alias, err);
}

/* ---- reading ------------------------------------------------------------ */

/* Append " AND ..." clauses for filter f to sql, binding values in order
   through the returned list (strings live in f). */
static int filter_sql(const struct rn_filter *f, struct rn_buf *sql, const char **binds,
                      int *nbinds)
{
    *nbinds = 0;
    if (!f)
        return RN_OK;
    if (f->n_relations > 0) {
        rn_buf_adds(sql, " AND rt.name IN (");
        for (int i = 0; i < f->n_relations; i++) {
            rn_buf_adds(sql, i ? ",?" : "?");
            binds[(*nbinds)++] = f->relations[i];
        }
        rn_buf_adds(sql, ")");
    }
    if (f->polarity_mask != (1u << RN_POL_COUNT) - 1) {
        rn_buf_adds(sql, " AND r.polarity IN ('-'");
        for (int p = 0; p < RN_POL_COUNT; p++)
            if (f->polarity_mask & (1u << p))
                rn_buf_addf(sql, ",'%s'", rn_polarity_name((enum rn_polarity)p));
        rn_buf_adds(sql, ")");
    }
    if (f->since[0]) {
        rn_buf_adds(sql, " AND r.date >= ?");
        binds[(*nbinds)++] = f->since;
    }
    if (f->until[0]) {
        rn_buf_adds(sql, " AND r.date <= ?");
        binds[(*nbinds)++] = f->until;
    }
    return sql->data ? RN_OK : RN_ENOMEM;
}

/* Map from knowledge-base ids to relset indexes. */
struct idmap {
    uint32_t *at;
    int64_t size;
};

static int idmap_set(struct idmap *m, int64_t id, uint32_t value)
{
    if (id < 0)
        return RN_EINTERNAL;
    if (id >= m->size) {
        int64_t size = m->size ? m->size : 1024;
        while (size <= id)
            size *= 2;
        uint32_t *at = realloc(m->at, (size_t)size * sizeof *at);
        if (!at)
            return RN_ENOMEM;
        for (int64_t i = m->size; i < size; i++)
            at[i] = RN_NONE;
        m->at = at;
        m->size = size;
    }
    m->at[id] = value;
    return RN_OK;
}

static uint32_t idmap_get(const struct idmap *m, int64_t id)
{
    return id >= 0 && id < m->size ? m->at[id] : RN_NONE;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

static int load_entities(struct rn_store *kb, struct rn_relset *set, struct idmap *ents,
                         struct rn_err *err)
{
    sqlite3_stmt *st;
    int rc = prepare(kb, "SELECT id, name, type FROM entities ORDER BY id", &st, err);
    if (rc != RN_OK)
        return rc;
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        uint32_t idx;
        rc = rn_relset_entity(set, col_text(st, 1), (enum rn_etype)etype_from_text(col_text(st, 2)),
                              NULL, &idx);
        if (rc == RN_OK)
            rc = idmap_set(ents, sqlite3_column_int64(st, 0), idx);
        if (rc != RN_OK && rc != RN_EINPUT)
            break;
        rc = RN_OK;
    }
    sqlite3_finalize(st);
    if (rc != RN_OK)
        return rn_fail(err, rc, "out of memory loading entities");
    if (step != SQLITE_DONE)
        return db_fail(kb, err, "cannot read entities");
    /* Affiliations and aliases, now that every entity has an index. */
    rc = prepare(kb,
                 "SELECT e.name, a.name FROM entities e JOIN entities a ON a.id = e.affiliation_id",
                 &st, err);
    if (rc != RN_OK)
        return rc;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        uint32_t idx;
        if (rn_relset_entity(set, col_text(st, 0), RN_ETYPE_UNKNOWN, col_text(st, 1), &idx) ==
            RN_ENOMEM) {
            sqlite3_finalize(st);
            return rn_fail(err, RN_ENOMEM, "out of memory loading entities");
        }
    }
    sqlite3_finalize(st);
    rc = prepare(kb,
                 "SELECT a.alias, e.name FROM aliases a JOIN entities e ON e.id = a.entity_id"
                 " WHERE a.alias <> e.name",
                 &st, err);
    if (rc != RN_OK)
        return rc;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (rn_relset_add_alias(set, col_text(st, 0), col_text(st, 1)) != RN_OK) {
            sqlite3_finalize(st);
            return rn_fail(err, RN_ENOMEM, "out of memory loading aliases");
        }
    }
    sqlite3_finalize(st);
    return step == SQLITE_DONE ? RN_OK : db_fail(kb, err, "cannot read aliases");
}

static int polarity_from_text(const char *s)
{
    enum rn_polarity p = RN_POL_ASSERTED;
    if (s)
        rn_polarity_parse(s, &p);
    return (int)p;
}

/* The relset's index of the relation type type_id, named name: the
   relations get their indexes in the order the records name them. */
static int relation_of(struct rn_relset *set, struct idmap *rels, int64_t type_id,
                       const char *name, uint32_t *rel, struct rn_err *err)
{
    *rel = idmap_get(rels, type_id);
    if (*rel != RN_NONE)
        return RN_OK;
    if (!name)
        return rn_fail(err, RN_EINTERNAL, "relation type %lld has no name", (long long)type_id);
    int rc = rn_relset_relation(set, name, rel);
    if (rc == RN_OK)
        rc = idmap_set(rels, type_id, *rel);
    return rc == RN_OK ? RN_OK : rn_fail(err, rc, "out of memory");
}

/* The end of a load: the maps freed, and the set given (rc RN_OK) or
   freed. */
static int load_done(struct rn_store *kb, struct rn_relset *set, struct idmap *ents,
                     struct idmap *rels, int rc, struct rn_relset **out)
{
    free(ents->at);
    free(rels->at);
    if (rc != RN_OK) {
        rn_relset_free(set);
        return rc;
    }
    /* Only now: entities loaded before the records keep the identities the
       knowledge base gave them, while later lookups ("USA") find them by
       alias. */
    rn_relset_use_aliases(set, kb->aliases);
    *out = set;
    return RN_OK;
}

int rn_store_load(struct rn_store *kb, const struct rn_filter *filter, int keep_text,
                  struct rn_relset **out, struct rn_err *err)
{
    *out = NULL;
    struct rn_relset_options opt = { .keep_text = keep_text, .filter = NULL };
    struct rn_relset *set = rn_relset_new(&opt);
    if (!set)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    struct idmap ents = { NULL, 0 }, rels = { NULL, 0 };
    struct rn_buf sql = RN_BUF_INIT;
    sqlite3_stmt *st = NULL;
    int rc = flush_pending(kb, err);
    if (rc == RN_OK)
        rc = load_entities(kb, set, &ents, err);
    if (rc != RN_OK)
        goto out;

    rn_buf_adds(&sql, "SELECT r.source_id, r.target_id, r.type_id, rt.name, r.polarity, r.weight,"
                      " r.confidence, r.origin, r.date, r.sentence_no, r.offset");
    if (keep_text)
        rn_buf_adds(&sql, ", r.evidence, coalesce(a.path, a.url), a.url, a.title");
    rn_buf_adds(&sql, " FROM relations r JOIN relation_types rt ON rt.id = r.type_id");
    if (keep_text)
        rn_buf_adds(&sql, " LEFT JOIN articles a ON a.id = r.article_id");
    rn_buf_adds(&sql, " WHERE 1");
    const char *binds[RN_FILTER_MAX_RELATIONS + 2];
    int nbinds;
    if (filter_sql(filter, &sql, binds, &nbinds) != RN_OK) {
        rc = rn_fail(err, RN_ENOMEM, "out of memory");
        goto out;
    }
    rn_buf_adds(&sql, " ORDER BY r.id");
    rc = prepare(kb, rn_buf_str(&sql), &st, err);
    if (rc != RN_OK)
        goto out;
    for (int i = 0; i < nbinds; i++)
        sqlite3_bind_text(st, i + 1, binds[i], -1, SQLITE_STATIC);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        struct rn_relset_edge e = { 0 };
        e.src = idmap_get(&ents, sqlite3_column_int64(st, 0));
        e.dst = idmap_get(&ents, sqlite3_column_int64(st, 1));
        rc = relation_of(set, &rels, sqlite3_column_int64(st, 2), col_text(st, 3), &e.rel, err);
        if (rc != RN_OK)
            goto out;
        e.pol = (enum rn_polarity)polarity_from_text(col_text(st, 4));
        e.weight = sqlite3_column_double(st, 5);
        e.confidence = sqlite3_column_double(st, 6);
        const char *origin = col_text(st, 7);
        e.origin = origin && strcmp(origin, "extracted") == 0 ? RN_ORIGIN_EXTRACTED : RN_ORIGIN_CSV;
        e.date = rn_relset_date_num(col_text(st, 8));
        e.sentence_no = sqlite3_column_int(st, 9);
        e.offset = sqlite3_column_type(st, 10) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 10);
        if (keep_text) {
            e.evidence = col_text(st, 11);
            e.article_name = col_text(st, 12);
            e.article_url = col_text(st, 13);
            e.article_title = col_text(st, 14);
        }
        rc = rn_relset_add_edge(set, &e, err);
        if (rc != RN_OK)
            goto out;
    }
    if (step != SQLITE_DONE)
        rc = db_fail(kb, err, "cannot read relations");
out:
    sqlite3_finalize(st);
    rn_buf_release(&sql);
    return load_done(kb, set, &ents, &rels, rc, out);
}

/* The relation types by id (a handful), for load_logged. */
struct type_names {
    int64_t *id;
    char **name;
    size_t n;
};

static void type_names_release(struct type_names *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->name[i]);
    free(t->id);
    free(t->name);
}

static int type_names_load(struct rn_store *kb, struct type_names *t, struct rn_err *err)
{
    sqlite3_stmt *st;
    int rc = prepare(kb, "SELECT id, name FROM relation_types", &st, err);
    if (rc != RN_OK)
        return rc;
    size_t cap = 0, name_cap = 0;
    int step;
    while (rc == RN_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t *ids = with_room(t->id, &cap, t->n, sizeof *ids);
        if (ids)
            t->id = ids;
        char **names = ids ? with_room(t->name, &name_cap, t->n, sizeof *names) : NULL;
        if (names)
            t->name = names;
        const char *name = col_text(st, 1);
        char *copy = names && name ? strdup(name) : NULL;
        if (!copy) {
            rc = rn_fail(err, RN_ENOMEM, "out of memory");
            break;
        }
        t->id[t->n] = sqlite3_column_int64(st, 0);
        t->name[t->n++] = copy;
    }
    if (rc == RN_OK && step != SQLITE_DONE)
        rc = db_fail(kb, err, "cannot read relation types");
    sqlite3_finalize(st);
    return rc;
}

static const char *type_name(const struct type_names *t, int64_t id)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->id[i] == id)
            return t->name[i];
    return NULL;
}

/* rn_store_load of every record, from the log. */
static int load_logged(struct rn_store *kb, int keep_text, struct rn_relset **out,
                       struct rn_err *err)
{
    struct relation_log *l = &kb->log;
    struct rn_relset_options opt = { .keep_text = keep_text, .filter = NULL };
    struct rn_relset *set = rn_relset_new(&opt);
    if (!set)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    struct idmap ents = { NULL, 0 }, rels = { NULL, 0 };
    struct type_names types = { NULL, NULL, 0 };
    int rc = load_entities(kb, set, &ents, err);
    if (rc == RN_OK)
        rc = type_names_load(kb, &types, err);
    const char *text = l->text.data;
    for (size_t i = 0; rc == RN_OK && i < l->nrows; i++) {
        const struct logged_row *r = &l->rows[i];
        struct rn_relset_edge e = {
            .src = idmap_get(&ents, r->src),
            .dst = idmap_get(&ents, r->dst),
            .pol = (enum rn_polarity)r->pol,
            .origin = (enum rn_origin)r->origin,
            .weight = r->weight,
            .confidence = r->confidence,
            .date = r->date,
            .sentence_no = r->sentence_no,
            .offset = r->offset,
        };
        if (keep_text) {
            e.evidence = r->evidence == NO_TEXT ? NULL : text + r->evidence;
            if (r->article != RN_NONE) {
                const struct logged_article *a = &l->articles[r->article];
                e.article_name = a->name == NO_TEXT ? NULL : text + a->name;
                e.article_url = a->url == NO_TEXT ? NULL : text + a->url;
                e.article_title = a->title == NO_TEXT ? NULL : text + a->title;
            }
        }
        rc = relation_of(set, &rels, r->type, type_name(&types, r->type), &e.rel, err);
        if (rc == RN_OK)
            rc = rn_relset_add_edge(set, &e, err);
    }
    type_names_release(&types);
    return load_done(kb, set, &ents, &rels, rc, out);
}

int rn_store_load_all(struct rn_store *kb, int keep_text, struct rn_relset **out,
                      struct rn_err *err)
{
    *out = NULL;
    int complete;
    int rc = log_complete(kb, &complete, err);
    if (rc == RN_OK && complete)
        rc = load_logged(kb, keep_text, out, err);
    log_end(kb); /* its memory (as much as the set's) is not held any longer */
    if (rc != RN_OK || *out)
        return rc;
    struct rn_filter every;
    rn_filter_init(&every);
    every.polarity_mask = (1u << RN_POL_COUNT) - 1;
    rc = rn_store_load(kb, &every, keep_text, out, err);
    rn_filter_release(&every);
    return rc;
}

int rn_store_counts(struct rn_store *kb, struct rn_store_counts *c, struct rn_err *err)
{
    static const char sql[] =
        "SELECT (SELECT count(*) FROM entities), (SELECT count(*) FROM aliases),"
        " (SELECT count(*) FROM relations), (SELECT count(*) FROM relation_types),"
        " (SELECT count(*) FROM articles), (SELECT count(*) FROM imports),"
        " (SELECT count(*) FROM relations WHERE date IS NOT NULL AND date <> ''"
        "  AND polarity = 'asserted')";
    /* With every row logged, the two counts of relations (each reads
       every row) come from the log. */
    static const char logged_sql[] =
        "SELECT (SELECT count(*) FROM entities), (SELECT count(*) FROM aliases), ?1,"
        " (SELECT count(*) FROM relation_types), (SELECT count(*) FROM articles),"
        " (SELECT count(*) FROM imports), ?2";
    sqlite3_stmt *st;
    int complete;
    int rc = log_complete(kb, &complete, err);
    if (rc == RN_OK)
        rc = prepare(kb, complete ? logged_sql : sql, &st, err);
    if (rc != RN_OK)
        return rc;
    if (complete) {
        sqlite3_bind_int64(st, 1, (sqlite3_int64)kb->log.nrows);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)kb->log.ndated);
    }
    if (sqlite3_step(st) == SQLITE_ROW) {
        c->entities = sqlite3_column_int64(st, 0);
        c->aliases = sqlite3_column_int64(st, 1);
        c->relations = sqlite3_column_int64(st, 2);
        c->relation_types = sqlite3_column_int64(st, 3);
        c->articles = sqlite3_column_int64(st, 4);
        c->imports = sqlite3_column_int64(st, 5);
        c->dated = sqlite3_column_int64(st, 6);
    } else {
        rc = db_fail(kb, err, "cannot count");
    }
    sqlite3_finalize(st);
    return rc;
}

long rn_store_count_relation(struct rn_store *kb, const char *relation, struct rn_err *err)
{
    sqlite3_stmt *st;
    int rc = flush_pending(kb, err);
    if (rc != RN_OK)
        return rc;
    rc = prepare(kb,
                     "SELECT count(*) FROM relations r JOIN relation_types t ON t.id = r.type_id"
                     " WHERE t.name = ?1",
                     &st, err);
    if (rc != RN_OK)
        return rc;
    sqlite3_bind_text(st, 1, relation, -1, SQLITE_STATIC);
    long n = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0)
                                            : db_fail(kb, err, "cannot count relations");
    sqlite3_finalize(st);
    return n;
}

static char *dup_col(sqlite3_stmt *st, int i)
{
    const char *s = col_text(st, i);
    return s ? strdup(s) : NULL;
}

int rn_store_entity_lookup(struct rn_store *kb, const char *name, struct rn_store_entity *out,
                           struct rn_err *err)
{
    memset(out, 0, sizeof *out);
    int rc = flush_pending(kb, err);
    if (rc != RN_OK)
        return rc;
    rc = fold(name, &kb->key, err);
    if (rc != RN_OK)
        return rc == RN_EINPUT ? rn_fail(err, RN_ENOTFOUND, "no entity named '%s'", name) : rc;
    sqlite3_stmt *st;
    rc = prepare(kb,
                 "SELECT e.id, e.name, e.type, f.name FROM aliases a"
                 " JOIN entities e ON e.id = a.entity_id"
                 " LEFT JOIN entities f ON f.id = e.affiliation_id WHERE a.key = ?1",
                 &st, err);
    if (rc != RN_OK)
        return rc;
    sqlite3_bind_text(st, 1, kb->key.key.data, (int)kb->key.key.len, SQLITE_STATIC);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        out->id = sqlite3_column_int64(st, 0);
        out->name = dup_col(st, 1);
        out->type = dup_col(st, 2);
        out->affiliation = dup_col(st, 3);
    }
    sqlite3_finalize(st);
    if (step == SQLITE_DONE) {
        /* A spelling this knowledge base has not met may still be a known
           alias of an entity it holds ("USA" for United States). */
        const struct rn_alias_entry *known =
            kb->aliases ? rn_aliases_find(kb->aliases, name) : NULL;
        if (known && strcmp(known->canonical, name) != 0)
            return rn_store_entity_lookup(kb, known->canonical, out, err);
        return rn_fail(err, RN_ENOTFOUND, "no entity named '%s'", name);
    }
    if (step != SQLITE_ROW)
        return db_fail(kb, err, "cannot look up an entity");
    rc = prepare(kb, "SELECT alias FROM aliases WHERE entity_id = ?1 ORDER BY alias", &st, err);
    if (rc != RN_OK) {
        rn_store_entity_release(out);
        return rc;
    }
    sqlite3_bind_int64(st, 1, out->id);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *alias = col_text(st, 0);
        if (out->name && strcmp(alias, out->name) == 0)
            continue;
        char **grown = realloc(out->aliases, (out->n_aliases + 1) * sizeof *grown);
        if (!grown)
            break;
        out->aliases = grown;
        out->aliases[out->n_aliases] = strdup(alias);
        if (out->aliases[out->n_aliases])
            out->n_aliases++;
    }
    sqlite3_finalize(st);
    return RN_OK;
}

void rn_store_entity_release(struct rn_store_entity *e)
{
    free(e->name);
    free(e->type);
    free(e->affiliation);
    for (size_t i = 0; i < e->n_aliases; i++)
        free(e->aliases[i]);
    free(e->aliases);
    memset(e, 0, sizeof *e);
}

size_t rn_store_suggest(struct rn_store *kb, const char *name, char **out, size_t max)
{
    struct rn_suggest sg;
    rn_suggest_init(&sg, name, max);
    sqlite3_stmt *st;
    if (flush_pending(kb, NULL) == RN_OK &&
        prepare(kb, "SELECT a.key, e.name FROM aliases a JOIN entities e ON e.id = a.entity_id",
                &st, NULL) == RN_OK) {
        while (sqlite3_step(st) == SQLITE_ROW)
            rn_suggest_offer(&sg, col_text(st, 0), col_text(st, 1));
        sqlite3_finalize(st);
    }
    size_t n = rn_suggest_take(&sg, out);
    rn_suggest_release(&sg);
    return n;
}
