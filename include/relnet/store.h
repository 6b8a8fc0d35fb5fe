/* store.h - the knowledge base: an SQLite file (the only user of sqlite3.h).
 *
 * Tables (schema version in PRAGMA user_version, migrated on open):
 *   articles(id, path, url, title, date, content_hash, added_at)
 *   imports(id, path, content_hash, rows_read, rows_imported, rows_skipped, imported_at)
 *   entities(id, name, type, affiliation_id)
 *   aliases(key, alias, entity_id)   -- every name an entity is known by, by key
 *   relation_types(id, name, builtin)
 *   relations(id, source_id, target_id, type_id, polarity, weight, confidence,
 *             origin, article_id, import_id, sentence_no, offset, evidence, date)
 * plus the view relations_named with names instead of ids, for people who
 * open the file with sqlite3.
 *
 * Every write happens inside a transaction the caller opens with
 * rn_store_begin() and ends with rn_store_commit() or rn_store_rollback():
 * a process killed in between leaves the file as it was at the last commit
 * (WAL mode; SQLite rolls the journal back on the next open).
 *
 * Names resolve through the alias table by key (rn_text_key: case, accents
 * and punctuation folded), so "USA", "U.S." and "United States" are one
 * entity once aliases say so. Resolution is cached in memory, which makes
 * bulk imports fast. Several processes may write one knowledge base: each
 * transaction (rn_store_begin) waits its turn, up to ten minutes, and
 * starts with the cache dropped when another process wrote in between.
 */
#ifndef RELNET_STORE_H
#define RELNET_STORE_H

#include "relnet/error.h"
#include "relnet/filter.h"
#include "relnet/record.h"
#include "relnet/relset.h"

#include <stdint.h>

#define RN_STORE_SCHEMA_VERSION 1

struct rn_store;

enum rn_store_flags {
    RN_STORE_CREATE = 1,   /* create the file when missing */
    RN_STORE_READONLY = 2, /* open for reading only */
    /* For a new file filled at once (build): until the store closes, its
       commits go through a rollback journal instead of the WAL, so each
       page is written once, straight into the file (through the WAL every
       page is written twice: into the WAL, then back into the file), and
       the pages a commit appends need no journal. A killed run keeps its
       commits, whole: the journal of the one it was in is rolled back at
       the next open. At its close the store switches the file to WAL mode
       (or, while a reader has it open, the next writer does). Meanwhile a
       reader delays a commit (and a commit a reader) instead of both
       running at once. */
    RN_STORE_FILL_AT_ONCE = 4,
};

/* Open (and create or migrate) a knowledge base. err: "cannot open X: ...",
 * "X is not a relnet knowledge base", "X has schema version N, newer than
 * this relnet understands". A missing file without RN_STORE_CREATE is
 * RN_ENOTFOUND. */
int rn_store_open(const char *path, unsigned flags, struct rn_store **out, struct rn_err *err);

/* NULL-safe. Rolls back an open transaction. */
void rn_store_close(struct rn_store *kb);

int rn_store_begin(struct rn_store *kb, struct rn_err *err);
int rn_store_commit(struct rn_store *kb, struct rn_err *err);
/* Also forgets the resolution cache entries made since begin. */
void rn_store_rollback(struct rn_store *kb);

/* Write-behind for the rest of the current transaction (on), or no more
 * (off: everything waiting is written first; returns the first failure).
 * With it on, relation rows and new entities are written by a second
 * thread, thousands of rows at a time, while this one goes on resolving
 * names (entity ids are given in advance, the ones SQLite would give):
 * the knowledge base ends up exactly as without it. Only
 * rn_store_add_record may be called until it is off again; commit,
 * rollback and savepoints turn it off. Without a thread to be had, rows
 * are written as before. */
int rn_store_write_behind(struct rn_store *kb, int on, struct rn_err *err);

/* One part of a transaction that holds many (an article of a batch):
 * rn_store_savepoint marks its start, rn_store_release keeps it (its rows
 * are written then, so a failure is the part's), rn_store_rollback_savepoint
 * undoes it alone and the transaction goes on. Parts do not nest. */
int rn_store_savepoint(struct rn_store *kb, struct rn_err *err);
int rn_store_release(struct rn_store *kb, struct rn_err *err);
void rn_store_rollback_savepoint(struct rn_store *kb);

/* Is a file or article with this content hash already in? Returns 1 and
 * fills what (may be NULL) with "article PATH" or "import PATH", 0 if not,
 * or a negative status. */
int rn_store_has_content(struct rn_store *kb, const char *content_hash, char *what,
                         size_t what_size, struct rn_err *err);

/* Start a CSV import: later records get it as their origin. */
int rn_store_import_start(struct rn_store *kb, const char *path, const char *content_hash,
                          struct rn_err *err);
/* Set the content hash of the current import once it is known (stdin). */
int rn_store_import_rehash(struct rn_store *kb, const char *content_hash, struct rn_err *err);
int rn_store_import_finish(struct rn_store *kb, long rows_read, long rows_imported,
                           long rows_skipped, struct rn_err *err);

/* Start an article: later records with a NULL or equal article name point
 * to it. Returns RN_OK, or 1 when an article with this content hash is
 * already present (nothing is added). */
struct rn_store_article {
    const char *path, *url, *title, *date; /* date: YYYY-MM-DD or NULL */
    const char *content_hash;
};
int rn_store_article_start(struct rn_store *kb, const struct rn_store_article *a,
                           struct rn_err *err);
/* Back to records without an article context. */
void rn_store_article_end(struct rn_store *kb);

/* ---- removing what an import or an article brought in ----------------
 *
 * Inside the caller's transaction. The relations go; so do the entities
 * (with their aliases) that no remaining relation names and no remaining
 * entity has as affiliation, the articles a CSV import named that no
 * remaining relation points to, and relation types no relation uses (the
 * built-in four stay). Types and affiliations the removed records gave to
 * entities that stay are kept. */
struct rn_store_removed {
    char name[512]; /* the import's path (imports only) */
    long relations, entities, articles, imports, relation_types;
};

/* Remove import id. RN_ENOTFOUND when there is none. */
int rn_store_remove_import(struct rn_store *kb, int64_t id, struct rn_store_removed *removed,
                           struct rn_err *err);

/* Remove the articles whose path or URL is path_or_url, with every
 * relation that points to them (extracted, or CSV rows naming them).
 * RN_ENOTFOUND when there is none. */
int rn_store_remove_article(struct rn_store *kb, const char *path_or_url,
                            struct rn_store_removed *removed, struct rn_err *err);

/* The imports with this content hash or (when path is not NULL) this path,
 * other than the current one, up to max ids into ids; *n says how many.
 * For `import --replace`. */
int rn_store_find_imports(struct rn_store *kb, const char *path, const char *content_hash,
                          int64_t *ids, size_t max, size_t *n, struct rn_err *err);

/* One row of `relnet list`: an import or an article, with the number of
 * relations it holds now. Strings are borrowed for the callback's call. */
enum rn_store_source_kind { RN_STORE_IMPORTS, RN_STORE_ARTICLES };
struct rn_store_source {
    int64_t id;
    const char *path;  /* imports: as given; articles: path, else URL */
    const char *url, *title, *date; /* articles only; NULL when unknown */
    const char *added_at;           /* UTC, YYYY-MM-DDTHH:MM:SSZ */
    long rows_read, rows_skipped;   /* imports only */
    long relations;
};
int rn_store_list(struct rn_store *kb, enum rn_store_source_kind kind,
                  int (*each)(void *ctx, const struct rn_store_source *s), void *ctx,
                  struct rn_err *err);

/* Add one relation record (the sink function). RN_OK, RN_EINPUT (a name
 * with no letters, an empty field) or RN_EIO/RN_EINTERNAL from SQLite. */
int rn_store_add_record(struct rn_store *kb, const struct rn_record *rec, struct rn_err *err);
struct rn_sink rn_store_sink(struct rn_store *kb);

/* Declare alias as another name of canonical (created with type and
 * affiliation when new; a known type fills an unknown one). When alias
 * already names a different entity, that entity is merged into canonical:
 * its relations, aliases and affiliations move over. */
int rn_store_add_alias(struct rn_store *kb, const char *alias, const char *canonical,
                       enum rn_etype type, const char *affiliation, struct rn_err *err);

/* Consult aliases (may be NULL; borrowed, must outlive its use) whenever a
 * name is met for the first time: a known alias resolves to its canonical
 * entity, and a known actor gets its type and affiliation. Names already
 * in the knowledge base are not changed. */
struct rn_aliases;
void rn_store_use_aliases(struct rn_store *kb, const struct rn_aliases *aliases);

/* Load the records passing filter (may be NULL) into a new relset (free with
 * rn_relset_free). keep_text: also load evidence and article names. Entity
 * names, types, affiliations and aliases come along. */
int rn_store_load(struct rn_store *kb, const struct rn_filter *filter, int keep_text,
                  struct rn_relset **out, struct rn_err *err);

/* Keep, in memory, every relation row rn_store_add_record writes from now
 * on within articles (rn_store_article_start), so that rn_store_load_all
 * can give its set without reading them back from the file. Only on a
 * knowledge base without relations; anything else that changes relations
 * (a rollback, a merge, a removal, rows of edge lists, another process's
 * commit) ends the log, and rn_store_load_all then reads the file. */
int rn_store_log_relations(struct rn_store *kb, struct rn_err *err);

/* Rows in that log, or -1 when there is none (never started, or ended). */
long rn_store_logged(const struct rn_store *kb);

/* Every record (as rn_store_load with a filter passing every relation,
 * polarity and date) into a new relset: from the log of
 * rn_store_log_relations when it holds every row of the file, else read
 * from the file. The set is the same either way (test_store checks). The
 * log ends here: a later call reads the file. */
int rn_store_load_all(struct rn_store *kb, int keep_text, struct rn_relset **out,
                      struct rn_err *err);

struct rn_store_counts {
    long entities, aliases, relations, relation_types, articles, imports;
    long dated; /* asserted relations with a date (what a timeline draws by default) */
};
/* With a complete log of rn_store_log_relations, the counts of relations
 * come from it (the same numbers, without reading every row). */
int rn_store_counts(struct rn_store *kb, struct rn_store_counts *c, struct rn_err *err);

/* Number of records of one relation ("accuses"); negative on error. */
long rn_store_count_relation(struct rn_store *kb, const char *relation, struct rn_err *err);

/* Entity lookup for `relnet query`: the canonical name, type, affiliation
 * and aliases of the entity name resolves to. Strings are malloc'd and
 * released with rn_store_entity_release. RN_ENOTFOUND when unknown. */
struct rn_store_entity {
    int64_t id;
    char *name;
    char *type;
    char *affiliation; /* NULL when none */
    char **aliases;    /* every alias spelling except the name itself */
    size_t n_aliases;
};
int rn_store_entity_lookup(struct rn_store *kb, const char *name, struct rn_store_entity *out,
                           struct rn_err *err);
void rn_store_entity_release(struct rn_store_entity *e);

/* Up to max entity names closest to name (edit distance on keys, then
 * substring matches), for "did you mean". Each is malloc'd; returns how
 * many were written. */
size_t rn_store_suggest(struct rn_store *kb, const char *name, char **out, size_t max);

#endif
