/* relset.c - in-memory relation records (see relnet/relset.h).
 *
 * Names are matched through three interning tables: keys (folded names and
 * aliases -> entity), display names (so entity_name pointers are stable),
 * and relation/article/evidence strings. Growing arrays double.
 */
#include "relnet/relset.h"

#include "relnet/aliases.h"
#include "relnet/buf.h"
#include "relnet/hash.h"
#include "relnet/mem.h"
#include "relnet/strtab.h"
#include "relnet/text.h"

#include <stdlib.h>
#include <string.h>

struct rn_relset_private {
    struct rn_relset_options opt;
    struct rn_strtab *keys;    /* folded name -> key id */
    uint32_t *key_entity;      /* key id -> entity index */
    uint32_t key_cap;
    struct rn_strtab *names;   /* storage of the display names (not interned) */
    struct rn_strtab *relnames;
    struct rn_strtab *articles;
    struct rn_strtab *texts;
    uint32_t entity_cap, relation_cap, article_cap;
    size_t record_cap;
    size_t filtered;
    struct rn_buf key; /* scratch for folding */
};

/* Record columns are big and grow by doubling: mem.h maps them on huge
   pages and grows them without copying. */
#define BIG_GROW(ptr, cap)                                              \
    do {                                                                        \
        void *grown_ = rn_big_realloc((ptr), (cap) * sizeof *(ptr));            \
        if (!grown_)                                                            \
            return RN_ENOMEM;                                                   \
        (ptr) = grown_;                                                         \
    } while (0)

#define GROW(ptr, cap, type)                                     \
    do {                                                         \
        type *grown_ = realloc((ptr), (size_t)(cap) * sizeof *(ptr)); \
        if (!grown_)                                             \
            return RN_ENOMEM;                                    \
        (ptr) = grown_;                                          \
    } while (0)

struct rn_relset *rn_relset_new(const struct rn_relset_options *opt)
{
    struct rn_relset *set = calloc(1, sizeof *set);
    struct rn_relset_private *p = calloc(1, sizeof *p);
    if (!set || !p) {
        free(set);
        free(p);
        return NULL;
    }
    set->priv = p;
    if (opt)
        p->opt = *opt;
    p->keys = rn_strtab_new();
    p->names = rn_strtab_new();
    p->relnames = rn_strtab_new();
    p->articles = rn_strtab_new();
    p->texts = rn_strtab_new();
    if (!p->keys || !p->names || !p->relnames || !p->articles || !p->texts) {
        rn_relset_free(set);
        return NULL;
    }
    return set;
}

void rn_relset_free(struct rn_relset *set)
{
    if (!set)
        return;
    rn_relset_clear_records(set);
    struct rn_relset_private *p = set->priv;
    if (p) {
        rn_strtab_free(p->keys);
        rn_strtab_free(p->names);
        rn_strtab_free(p->relnames);
        rn_strtab_free(p->articles);
        rn_strtab_free(p->texts);
        free(p->key_entity);
        rn_buf_release(&p->key);
        free(p);
    }
    free(set->entity_name);
    free(set->entity_type);
    free(set->entity_affiliation);
    free(set->relation_name);
    free(set->article_name);
    free(set->article_url);
    free(set->article_title);
    free(set);
}

void rn_relset_clear_records(struct rn_relset *set)
{
    uint32_t **u32[] = { &set->src, &set->dst, &set->rel, &set->date, &set->article,
                         &set->evidence };
    for (size_t i = 0; i < sizeof u32 / sizeof u32[0]; i++) {
        rn_big_free(*u32[i]);
        *u32[i] = NULL;
    }
    rn_big_free(set->pol);
    rn_big_free(set->origin);
    rn_big_free(set->weight);
    rn_big_free(set->confidence);
    rn_big_free(set->sentence_no);
    rn_big_free(set->offset);
    set->pol = set->origin = NULL;
    set->weight = set->confidence = NULL;
    set->sentence_no = NULL;
    set->offset = NULL;
    set->n_records = 0;
    if (set->priv)
        set->priv->record_cap = 0;
}

void rn_relset_forget_keys(struct rn_relset *set)
{
    struct rn_relset_private *p = set->priv;
    rn_strtab_free(p->keys);
    p->keys = NULL;
    free(p->key_entity);
    p->key_entity = NULL;
    p->key_cap = 0;
}

void rn_relset_use_aliases(struct rn_relset *set, const struct rn_aliases *aliases)
{
    set->priv->opt.aliases = aliases;
}

size_t rn_relset_filtered(const struct rn_relset *set)
{
    return set->priv->filtered;
}

/* The key of name into key; RN_OK, RN_EINPUT for a name that folds to
   nothing ("..."), RN_ENOMEM. Touches nothing of a set: parts call it on
   their own threads. */
static int fold_key(const char *name, size_t len, struct rn_buf *key)
{
    if (rn_text_key(name, len, key) != RN_OK)
        return RN_ENOMEM;
    if (key->len == 0) {
        /* A name of punctuation only still names something: key it raw. */
        if (rn_buf_add(key, name, len) != RN_OK)
            return RN_ENOMEM;
        if (key->len == 0)
            return RN_EINPUT;
    }
    return RN_OK;
}

/* Key id of key[0..len) (its rn_hash64: hash); RN_OK or RN_ENOMEM. */
static int intern_folded(struct rn_relset_private *p, const char *key, size_t len, uint64_t hash,
                         uint32_t *kid, int *added)
{
    if (!p->keys)
        return RN_EINTERNAL; /* rn_relset_forget_keys was called */
    if (rn_strtab_intern_hashed(p->keys, key, len, hash, kid, added) != RN_OK)
        return RN_ENOMEM;
    if (*kid >= p->key_cap) {
        uint32_t cap = p->key_cap ? p->key_cap * 2 : 256;
        while (cap <= *kid)
            cap *= 2;
        GROW(p->key_entity, cap, uint32_t);
        p->key_cap = cap;
    }
    if (*added)
        p->key_entity[*kid] = RN_NONE;
    return RN_OK;
}

/* Key id of name, folded into p->key; RN_OK, RN_EINPUT for a name that
   folds to nothing ("..."), RN_ENOMEM. */
static int intern_key(struct rn_relset_private *p, const char *name, uint32_t *kid, int *added)
{
    if (!p->keys)
        return RN_EINTERNAL;
    int rc = fold_key(name, strlen(name), &p->key);
    if (rc != RN_OK)
        return rc;
    return intern_folded(p, p->key.data, p->key.len, rn_hash64(p->key.data, p->key.len), kid,
                         added);
}

static int new_entity(struct rn_relset *set, const char *name, uint32_t *index)
{
    struct rn_relset_private *p = set->priv;
    if (set->n_entities == p->entity_cap) {
        uint32_t cap = p->entity_cap ? p->entity_cap * 2 : 256;
        GROW(set->entity_name, cap, const char *);
        GROW(set->entity_type, cap, uint8_t);
        GROW(set->entity_affiliation, cap, uint32_t);
        p->entity_cap = cap;
    }
    /* One entity per key, so its display name needs no lookup of its own. */
    const char *kept = rn_strtab_keep(p->names, name, strlen(name));
    if (!kept)
        return RN_ENOMEM;
    uint32_t i = set->n_entities++;
    set->entity_name[i] = kept;
    set->entity_type[i] = RN_ETYPE_UNKNOWN;
    set->entity_affiliation[i] = RN_NONE;
    *index = i;
    return RN_OK;
}

static int entity_of(struct rn_relset *set, const char *name, uint32_t *index);

/* A new key the alias table knows: its entity is the canonical one (created
   with the lexicon's type and affiliation when new). */
static int known_entity(struct rn_relset *set, uint32_t kid, const char *name,
                        const struct rn_alias_entry *known, uint32_t *index)
{
    struct rn_relset_private *p = set->priv;
    struct rn_buf canonical_key = RN_BUF_INIT;
    int rc = rn_text_key(known->canonical, strlen(known->canonical), &canonical_key);
    int same = rc == RN_OK && strcmp(rn_buf_str(&canonical_key), rn_strtab_str(p->keys, kid)) == 0;
    rn_buf_release(&canonical_key);
    if (rc != RN_OK)
        return RN_ENOMEM;
    if (same)
        rc = new_entity(set, name, index);
    else
        rc = entity_of(set, known->canonical, index);
    if (rc != RN_OK)
        return rc;
    p->key_entity[kid] = *index;
    if (set->entity_type[*index] == RN_ETYPE_UNKNOWN)
        set->entity_type[*index] = (uint8_t)known->type;
    if (known->affiliation && set->entity_affiliation[*index] == RN_NONE) {
        uint32_t a;
        rc = entity_of(set, known->affiliation, &a);
        if (rc != RN_OK)
            return rc == RN_EINPUT ? RN_OK : rc;
        if (a != *index)
            set->entity_affiliation[*index] = a;
    }
    return RN_OK;
}

/* Entity of name whose key (fold_key) is key[0..len), hashed: created
   when new. */
static int entity_of_key(struct rn_relset *set, const char *name, const char *key, size_t len,
                         uint64_t hash, uint32_t *index)
{
    struct rn_relset_private *p = set->priv;
    uint32_t kid;
    int added;
    int rc = intern_folded(p, key, len, hash, &kid, &added);
    if (rc != RN_OK)
        return rc;
    if (p->key_entity[kid] == RN_NONE) {
        const struct rn_alias_entry *known =
            p->opt.aliases ? rn_aliases_find_key(p->opt.aliases, key, len) : NULL;
        if (known)
            return known_entity(set, kid, name, known, index);
        rc = new_entity(set, name, &p->key_entity[kid]);
        if (rc != RN_OK)
            return rc;
    }
    *index = p->key_entity[kid];
    return RN_OK;
}

/* Entity of name, created when new. */
static int entity_of(struct rn_relset *set, const char *name, uint32_t *index)
{
    struct rn_relset_private *p = set->priv;
    if (!p->keys)
        return RN_EINTERNAL; /* rn_relset_forget_keys was called */
    int rc = fold_key(name, strlen(name), &p->key);
    if (rc != RN_OK)
        return rc;
    return entity_of_key(set, name, p->key.data, p->key.len, rn_hash64(p->key.data, p->key.len),
                         index);
}

int rn_relset_entity(struct rn_relset *set, const char *name, enum rn_etype type,
                     const char *affiliation, uint32_t *index)
{
    int rc = entity_of(set, name, index);
    if (rc != RN_OK)
        return rc;
    uint32_t i = *index;
    if (type != RN_ETYPE_UNKNOWN && set->entity_type[i] == RN_ETYPE_UNKNOWN)
        set->entity_type[i] = (uint8_t)type;
    if (affiliation && affiliation[0] && set->entity_affiliation[i] == RN_NONE) {
        uint32_t a;
        rc = entity_of(set, affiliation, &a);
        if (rc == RN_EINPUT)
            return RN_OK; /* an affiliation of punctuation only is ignored */
        if (rc != RN_OK)
            return rc;
        if (a != i)
            set->entity_affiliation[i] = a;
    }
    return RN_OK;
}

uint32_t rn_relset_find(const struct rn_relset *set, const char *name)
{
    struct rn_relset_private *p = set->priv;
    struct rn_buf key = RN_BUF_INIT;
    uint32_t kid, found = RN_NONE;
    if (p->keys && rn_text_key(name, strlen(name), &key) == RN_OK && key.len > 0 &&
        rn_strtab_find(p->keys, key.data, key.len, &kid) == RN_OK)
        found = p->key_entity[kid];
    rn_buf_release(&key);
    if (found == RN_NONE && p->opt.aliases) {
        /* A spelling not met yet may be a known alias of a present entity. */
        const struct rn_alias_entry *known = rn_aliases_find(p->opt.aliases, name);
        if (known && strcmp(known->canonical, name) != 0)
            return rn_relset_find(set, known->canonical);
    }
    return found;
}

size_t rn_relset_suggest(const struct rn_relset *set, const char *name, char **out, size_t max)
{
    struct rn_suggest sg;
    struct rn_buf key = RN_BUF_INIT;
    rn_suggest_init(&sg, name, max);
    for (uint32_t e = 0; e < set->n_entities; e++) {
        const char *ename = set->entity_name[e];
        if (rn_text_key(ename, strlen(ename), &key) == RN_OK)
            rn_suggest_offer(&sg, rn_buf_str(&key), ename);
    }
    size_t n = rn_suggest_take(&sg, out);
    rn_suggest_release(&sg);
    rn_buf_release(&key);
    return n;
}

int rn_relset_relation(struct rn_relset *set, const char *name, uint32_t *index)
{
    struct rn_relset_private *p = set->priv;
    int added;
    if (rn_strtab_intern(p->relnames, name, strlen(name), index, &added) != RN_OK)
        return RN_ENOMEM;
    if (added) {
        if (set->n_relations == p->relation_cap) {
            uint32_t cap = p->relation_cap ? p->relation_cap * 2 : 16;
            GROW(set->relation_name, cap, const char *);
            p->relation_cap = cap;
        }
        set->relation_name[set->n_relations++] = rn_strtab_str(p->relnames, *index);
    }
    return RN_OK;
}

static void merge_entity(struct rn_relset *set, uint32_t from, uint32_t into)
{
    struct rn_relset_private *p = set->priv;
    for (size_t r = 0; r < set->n_records; r++) {
        if (set->src[r] == from)
            set->src[r] = into;
        if (set->dst[r] == from)
            set->dst[r] = into;
    }
    uint32_t nkeys = rn_strtab_count(p->keys);
    for (uint32_t k = 0; k < nkeys; k++)
        if (p->key_entity[k] == from)
            p->key_entity[k] = into;
    for (uint32_t e = 0; e < set->n_entities; e++)
        if (set->entity_affiliation[e] == from)
            set->entity_affiliation[e] = e == into ? RN_NONE : into;
    if (set->entity_type[into] == RN_ETYPE_UNKNOWN)
        set->entity_type[into] = set->entity_type[from];
    if (set->entity_affiliation[into] == RN_NONE && set->entity_affiliation[from] != into)
        set->entity_affiliation[into] = set->entity_affiliation[from];
}

int rn_relset_add_alias(struct rn_relset *set, const char *alias, const char *canonical)
{
    struct rn_relset_private *p = set->priv;
    uint32_t target;
    int rc = entity_of(set, canonical, &target);
    if (rc != RN_OK)
        return rc;
    uint32_t kid;
    int added;
    rc = intern_key(p, alias, &kid, &added);
    if (rc == RN_EINPUT)
        return RN_OK;
    if (rc != RN_OK)
        return rc;
    uint32_t old = p->key_entity[kid];
    if (old == RN_NONE)
        p->key_entity[kid] = target;
    else if (old != target)
        merge_entity(set, old, target);
    return RN_OK;
}

static int intern_text(struct rn_strtab *t, const char *s, uint32_t *id)
{
    if (!s || !s[0]) {
        *id = RN_NONE;
        return RN_OK;
    }
    return rn_strtab_intern(t, s, strlen(s), id, NULL);
}

static int article_of(struct rn_relset *set, const struct rn_relset_edge *e, uint32_t *index)
{
    struct rn_relset_private *p = set->priv;
    const char *name = e->article_name && e->article_name[0] ? e->article_name : e->article_url;
    if (!name || !name[0]) {
        *index = RN_NONE;
        return RN_OK;
    }
    int added;
    if (rn_strtab_intern(p->articles, name, strlen(name), index, &added) != RN_OK)
        return RN_ENOMEM;
    if (added) {
        if (set->n_articles == p->article_cap) {
            uint32_t cap = p->article_cap ? p->article_cap * 2 : 64;
            GROW(set->article_name, cap, const char *);
            GROW(set->article_url, cap, const char *);
            GROW(set->article_title, cap, const char *);
            p->article_cap = cap;
        }
        uint32_t i = set->n_articles++;
        uint32_t id;
        set->article_name[i] = rn_strtab_str(p->articles, *index);
        set->article_url[i] = NULL;
        set->article_title[i] = NULL;
        if (e->article_url && e->article_url[0]) {
            if (intern_text(p->texts, e->article_url, &id) != RN_OK)
                return RN_ENOMEM;
            set->article_url[i] = rn_strtab_str(p->texts, id);
        }
        if (e->article_title && e->article_title[0]) {
            if (intern_text(p->texts, e->article_title, &id) != RN_OK)
                return RN_ENOMEM;
            set->article_title[i] = rn_strtab_str(p->texts, id);
        }
    }
    return RN_OK;
}

static int grow_records(struct rn_relset *set)
{
    struct rn_relset_private *p = set->priv;
    size_t cap = p->record_cap ? p->record_cap * 2 : 1024;
    BIG_GROW(set->src, cap);
    BIG_GROW(set->dst, cap);
    BIG_GROW(set->rel, cap);
    BIG_GROW(set->pol, cap);
    BIG_GROW(set->weight, cap);
    if (!p->opt.graph_only) {
        BIG_GROW(set->origin, cap);
        BIG_GROW(set->confidence, cap);
        BIG_GROW(set->date, cap);
        BIG_GROW(set->article, cap);
        BIG_GROW(set->evidence, cap);
        BIG_GROW(set->sentence_no, cap);
        BIG_GROW(set->offset, cap);
    }
    p->record_cap = cap;
    return RN_OK;
}

/* Append a record whose indexes are valid and which passed the filter. */
static int append_edge(struct rn_relset *set, const struct rn_relset_edge *e, struct rn_err *err)
{
    struct rn_relset_private *p = set->priv;
    if (set->n_records == p->record_cap && grow_records(set) != RN_OK)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    size_t i = set->n_records;
    set->src[i] = e->src;
    set->dst[i] = e->dst;
    set->rel[i] = e->rel;
    set->pol[i] = (uint8_t)e->pol;
    set->weight[i] = e->weight;
    if (p->opt.graph_only) {
        set->n_records++;
        return RN_OK;
    }
    set->origin[i] = (uint8_t)e->origin;
    set->confidence[i] = e->confidence;
    set->date[i] = e->date;
    set->sentence_no[i] = e->sentence_no;
    set->offset[i] = e->offset;
    set->article[i] = RN_NONE;
    set->evidence[i] = RN_NONE;
    if (p->opt.keep_text) {
        if (article_of(set, e, &set->article[i]) != RN_OK ||
            intern_text(p->texts, e->evidence, &set->evidence[i]) != RN_OK)
            return rn_fail(err, RN_ENOMEM, "out of memory");
    }
    set->n_records++;
    return RN_OK;
}

int rn_relset_add_edge(struct rn_relset *set, const struct rn_relset_edge *e, struct rn_err *err)
{
    if (e->src >= set->n_entities || e->dst >= set->n_entities || e->rel >= set->n_relations)
        return rn_fail(err, RN_EINTERNAL, "relset: record refers to an unknown index");
    if (!rn_filter_match(set->priv->opt.filter, set->relation_name[e->rel], e->date, e->pol)) {
        set->priv->filtered++;
        return RN_OK;
    }
    return append_edge(set, e, err);
}

int rn_relset_add(struct rn_relset *set, const struct rn_record *rec, struct rn_err *err)
{
    struct rn_relset_private *p = set->priv;
    char relname[128];
    int checked = rn_record_check(rec, relname, sizeof relname, err);
    if (checked != RN_OK)
        return checked;
    uint32_t date = rec->date ? rn_relset_date_num(rec->date) : 0;
    /* Check the filter before creating entities, so filtered records leave
       no trace. */
    if (!rn_filter_match(p->opt.filter, relname, date, rec->polarity)) {
        p->filtered++;
        return RN_OK;
    }
    enum rn_etype st = RN_ETYPE_UNKNOWN, tt = RN_ETYPE_UNKNOWN;
    if (rec->source_type)
        rn_etype_parse(rec->source_type, &st);
    if (rec->target_type)
        rn_etype_parse(rec->target_type, &tt);
    struct rn_relset_edge e = {
        .pol = rec->polarity,
        .origin = rec->origin,
        .weight = rec->weight,
        .confidence = rec->confidence,
        .date = date,
        .article_name = rec->article,
        .article_title = rec->title,
        .evidence = rec->evidence,
        .sentence_no = (int32_t)rec->sentence_no,
        .offset = rec->offset,
    };
    /* An article given as a URL is also its link. */
    if (rec->article && (strncmp(rec->article, "http://", 7) == 0 ||
                         strncmp(rec->article, "https://", 8) == 0))
        e.article_url = rec->article;
    int rc = rn_relset_entity(set, rec->source, st, rec->source_affiliation, &e.src);
    if (rc == RN_OK)
        rc = rn_relset_entity(set, rec->target, tt, rec->target_affiliation, &e.dst);
    if (rc == RN_OK)
        rc = rn_relset_relation(set, relname, &e.rel);
    if (rc == RN_EINPUT)
        return rn_fail(err, RN_EINPUT, "a name has no letters or digits");
    if (rc != RN_OK)
        return rn_fail(err, rc, rc == RN_ENOMEM ? "out of memory" : "relset: names were forgotten");
    return append_edge(set, &e, err); /* the filter passed above */
}

static int sink_add(void *ctx, const struct rn_record *rec, struct rn_err *err)
{
    return rn_relset_add(ctx, rec, err);
}

struct rn_sink rn_relset_sink(struct rn_relset *set)
{
    struct rn_sink s = { sink_add, set };
    return s;
}

/* ---- parts filled by other threads ------------------------------------- */

/* A record's type or affiliation, rare in edge lists: kept aside. */
struct part_extra {
    size_t record;
    uint8_t src_type, dst_type;      /* enum rn_etype */
    uint32_t src_affil, dst_affil;   /* spelling ids, or RN_NONE */
};

/* A record's names wait in a batch of PART_BATCH records before they are
   interned, their slots prefetched as they arrive: the names table of a
   million-edge file outgrows the cache, and lookups one after another
   each waited on memory (a third of a part's time); a batch's wait
   together. Names are copied into text, as the record's strings are only
   lent to the sink. */
#define PART_BATCH 16

struct part_pending {
    size_t record;
    uint64_t hash[2];          /* source, target */
    size_t off[2], len[2];     /* in the part's text; len SIZE_MAX: no name */
};

/* A relation as a record wrote it and its id in the part: an edge list
   names a few relations over and over, and a row whose relation cell is
   one met before needs neither its normalising nor its interning again. */
#define PART_RELATIONS 8
struct part_relation {
    char written[32];
    uint32_t id;
};

struct rn_relset_part {
    const struct rn_filter *filter; /* the set's, borrowed */
    struct rn_strtab *names;        /* spellings as written -> spelling id */
    struct rn_strtab *relnames;     /* normalised relation -> relation id */
    size_t n, cap, expected;        /* expected: the first capacity */
    uint32_t *src, *dst, *rel;      /* spelling and relation ids */
    uint8_t *pol;
    double *weight;
    struct part_extra *extra;
    size_t n_extra, extra_cap;
    size_t filtered;
    struct part_pending pending[PART_BATCH];
    size_t n_pending;
    struct rn_buf text; /* the pending names */
    /* Each spelling's key (fold_key), folded on the part's thread so the
       merge only looks it up: keys[key_off[id], + key_len[id]), hashed
       key_hash[id]; key_len[id] UINT32_MAX when it folds to nothing. */
    struct rn_buf keys;
    size_t *key_off;
    uint32_t *key_len;
    uint64_t *key_hash;
    uint32_t key_cap;
    struct rn_buf fold; /* scratch */
    struct part_relation known[PART_RELATIONS];
    size_t n_known;
};

struct rn_relset_part *rn_relset_part_new(const struct rn_relset *set, size_t expected_records)
{
    if (!set->priv->opt.graph_only)
        return NULL;
    struct rn_relset_part *part = calloc(1, sizeof *part);
    if (!part)
        return NULL;
    part->filter = set->priv->opt.filter;
    part->expected = expected_records;
    part->names = rn_strtab_new();
    part->relnames = rn_strtab_new();
    if (!part->names || !part->relnames) {
        rn_relset_part_free(part);
        return NULL;
    }
    return part;
}

void rn_relset_part_free(struct rn_relset_part *part)
{
    if (!part)
        return;
    rn_strtab_free(part->names);
    rn_strtab_free(part->relnames);
    rn_big_free(part->src);
    rn_big_free(part->dst);
    rn_big_free(part->rel);
    rn_big_free(part->pol);
    rn_big_free(part->weight);
    free(part->extra);
    rn_buf_release(&part->text);
    rn_buf_release(&part->keys);
    rn_buf_release(&part->fold);
    free(part->key_off);
    free(part->key_len);
    free(part->key_hash);
    free(part);
}

/* Spelling id of name[0..len) (rn_hash64: hash); a new one gets its key. */
static int part_intern(struct rn_relset_part *part, const char *name, size_t len, uint64_t hash,
                       uint32_t *id)
{
    int added;
    if (rn_strtab_intern_hashed(part->names, name, len, hash, id, &added) != RN_OK)
        return RN_ENOMEM;
    if (!added)
        return RN_OK;
    if (*id >= part->key_cap) {
        uint32_t cap = part->key_cap ? part->key_cap * 2 : 1024;
        GROW(part->key_off, cap, size_t);
        GROW(part->key_len, cap, uint32_t);
        GROW(part->key_hash, cap, uint64_t);
        part->key_cap = cap;
    }
    int rc = fold_key(name, len, &part->fold);
    if (rc == RN_ENOMEM || (rc == RN_OK && part->fold.len > UINT32_MAX - 1))
        return RN_ENOMEM;
    part->key_len[*id] = UINT32_MAX;
    if (rc != RN_OK)
        return RN_OK; /* no key: the merge finds that out again */
    part->key_off[*id] = part->keys.len;
    part->key_len[*id] = (uint32_t)part->fold.len;
    part->key_hash[*id] = rn_hash64(part->fold.data, part->fold.len);
    return rn_buf_add(&part->keys, part->fold.data, part->fold.len);
}

static int part_name(struct rn_relset_part *part, const char *name, uint32_t *id)
{
    if (!name || !name[0]) {
        *id = RN_NONE;
        return RN_OK;
    }
    size_t len = strlen(name);
    return part_intern(part, name, len, rn_hash64(name, len), id);
}

/* Intern the pending names into their records' src and dst. */
static int part_flush_names(struct rn_relset_part *part)
{
    for (size_t q = 0; q < part->n_pending; q++) {
        const struct part_pending *p = &part->pending[q];
        uint32_t *ids[2] = { &part->src[p->record], &part->dst[p->record] };
        for (int k = 0; k < 2; k++) {
            if (p->len[k] == SIZE_MAX)
                *ids[k] = RN_NONE;
            else if (part_intern(part, part->text.data + p->off[k], p->len[k], p->hash[k],
                                 ids[k]) != RN_OK)
                return RN_ENOMEM;
        }
    }
    part->n_pending = 0;
    rn_buf_reset(&part->text);
    return RN_OK;
}

/* Queue record i's source and target (part_name's ids, given later). */
static int part_queue_names(struct rn_relset_part *part, size_t i, const char *source,
                            const char *target)
{
    struct part_pending *p = &part->pending[part->n_pending++];
    const char *names[2] = { source, target };
    p->record = i;
    for (int k = 0; k < 2; k++) {
        p->len[k] = SIZE_MAX;
        if (!names[k] || !names[k][0])
            continue;
        size_t len = strlen(names[k]);
        p->off[k] = part->text.len;
        p->len[k] = len;
        p->hash[k] = rn_hash64(names[k], len);
        rn_strtab_prefetch(part->names, p->hash[k]);
        if (rn_buf_add(&part->text, names[k], len) != RN_OK)
            return RN_ENOMEM;
    }
    return part->n_pending == PART_BATCH ? part_flush_names(part) : RN_OK;
}

static int part_grow(struct rn_relset_part *part)
{
    size_t cap = part->cap ? part->cap * 2 : part->expected > 1024 ? part->expected : 1024;
    BIG_GROW(part->src, cap);
    BIG_GROW(part->dst, cap);
    BIG_GROW(part->rel, cap);
    BIG_GROW(part->pol, cap);
    BIG_GROW(part->weight, cap);
    part->cap = cap;
    return RN_OK;
}

/* Keep the record's type and affiliation fields, when it has any. */
static int part_keep_extra(struct rn_relset_part *part, const struct rn_record *rec)
{
    struct part_extra x = { .record = part->n, .src_affil = RN_NONE, .dst_affil = RN_NONE };
    enum rn_etype st = RN_ETYPE_UNKNOWN, tt = RN_ETYPE_UNKNOWN;
    if (rec->source_type)
        rn_etype_parse(rec->source_type, &st);
    if (rec->target_type)
        rn_etype_parse(rec->target_type, &tt);
    x.src_type = (uint8_t)st;
    x.dst_type = (uint8_t)tt;
    if (part_name(part, rec->source_affiliation, &x.src_affil) != RN_OK ||
        part_name(part, rec->target_affiliation, &x.dst_affil) != RN_OK)
        return RN_ENOMEM;
    if (st == RN_ETYPE_UNKNOWN && tt == RN_ETYPE_UNKNOWN && x.src_affil == RN_NONE &&
        x.dst_affil == RN_NONE)
        return RN_OK;
    if (part->n_extra == part->extra_cap) {
        size_t cap = part->extra_cap ? part->extra_cap * 2 : 64;
        GROW(part->extra, cap, struct part_extra);
        part->extra_cap = cap;
    }
    part->extra[part->n_extra++] = x;
    return RN_OK;
}

/* The id of a relation cell met before in a record that passed
   rn_record_check and the filter, or RN_NONE. */
static uint32_t part_known_relation(const struct rn_relset_part *part, const char *written)
{
    for (size_t k = 0; k < part->n_known; k++)
        if (strcmp(part->known[k].written, written) == 0)
            return part->known[k].id;
    return RN_NONE;
}

static void part_remember_relation(struct rn_relset_part *part, const char *written, uint32_t id)
{
    size_t len = strlen(written);
    if (part->n_known == PART_RELATIONS || len >= sizeof part->known[0].written)
        return;
    memcpy(part->known[part->n_known].written, written, len + 1);
    part->known[part->n_known++].id = id;
}

/* rn_relset_add's checks and filter, in the part's thread; names and
   relations are only interned in the part. */
static int part_add(void *ctx, const struct rn_record *rec, struct rn_err *err)
{
    struct rn_relset_part *part = ctx;
    char relname[128];
    const char *name = relname;
    /* A known relation cell passed rn_record_check's relation test before;
       the names' tests are repeated here. */
    uint32_t rel = rec->source && rec->source[0] && rec->target && rec->target[0] &&
                           rec->relation
                       ? part_known_relation(part, rec->relation)
                       : RN_NONE;
    if (rel != RN_NONE) {
        name = rn_strtab_str(part->relnames, rel);
    } else {
        int checked = rn_record_check(rec, relname, sizeof relname, err);
        if (checked != RN_OK)
            return checked;
    }
    uint32_t date = rec->date ? rn_relset_date_num(rec->date) : 0;
    if (!rn_filter_match(part->filter, name, date, rec->polarity)) {
        part->filtered++;
        return RN_OK;
    }
    if (part->n == part->cap && part_grow(part) != RN_OK)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    size_t i = part->n;
    if (rel == RN_NONE) {
        if (rn_strtab_intern(part->relnames, relname, strlen(relname), &rel, NULL) != RN_OK)
            return rn_fail(err, RN_ENOMEM, "out of memory");
        part_remember_relation(part, rec->relation, rel);
    }
    part->rel[i] = rel;
    if (part_queue_names(part, i, rec->source, rec->target) != RN_OK ||
        part_keep_extra(part, rec) != RN_OK)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    part->pol[i] = (uint8_t)rec->polarity;
    part->weight[i] = rec->weight;
    part->n++;
    return RN_OK;
}

struct rn_sink rn_relset_part_sink(struct rn_relset_part *part)
{
    struct rn_sink s = { part_add, part };
    return s;
}

/* The set's entity for spelling id of part, by the same call rn_relset_add
   makes; a spelling met before with no type or affiliation to give is
   known without one (the call would change nothing). */
static int merged_entity(struct rn_relset *set, const struct rn_relset_part *part, uint32_t *map,
                         uint32_t id, uint8_t type, uint32_t affil, uint32_t *index)
{
    if (map[id] != RN_NONE && type == RN_ETYPE_UNKNOWN && affil == RN_NONE) {
        *index = map[id];
        return RN_OK;
    }
    const char *name = rn_strtab_str(part->names, id);
    int rc;
    if (type == RN_ETYPE_UNKNOWN && affil == RN_NONE && part->key_len[id] != UINT32_MAX &&
        set->priv->keys) {
        /* rn_relset_entity without type or affiliation: entity_of, with the
           key the part folded */
        rc = entity_of_key(set, name, part->keys.data + part->key_off[id], part->key_len[id],
                           part->key_hash[id], index);
    } else {
        const char *affiliation = affil == RN_NONE ? NULL : rn_strtab_str(part->names, affil);
        rc = rn_relset_entity(set, name, (enum rn_etype)type, affiliation, index);
    }
    if (rc == RN_OK)
        map[id] = *index;
    return rc;
}

/* The set's ids of part's record i into e; RN_OK or RN_ENOMEM (err set). */
static int merged_edge(struct rn_relset *set, const struct rn_relset_part *part, size_t i,
                       const struct part_extra *x, uint32_t *map, uint32_t *relmap,
                       struct rn_relset_edge *e, struct rn_err *err)
{
    e->pol = (enum rn_polarity)part->pol[i];
    e->weight = part->weight[i];
    int rc = merged_entity(set, part, map, part->src[i], x->src_type, x->src_affil, &e->src);
    if (rc == RN_OK)
        rc = merged_entity(set, part, map, part->dst[i], x->dst_type, x->dst_affil, &e->dst);
    if (rc == RN_OK && relmap[part->rel[i]] == RN_NONE)
        rc = rn_relset_relation(set, rn_strtab_str(part->relnames, part->rel[i]),
                                &relmap[part->rel[i]]);
    if (rc != RN_OK)
        return rn_fail(err, rc, rc == RN_ENOMEM ? "out of memory" : "relset: names were forgotten");
    e->rel = relmap[part->rel[i]];
    return RN_OK;
}

#define MERGE_AHEAD 8

/* The set's entity of every spelling of part into map, in the order of
   the spellings' ids: the order in which the records first name them
   (each record its source, then its target), so the entities are made in
   the order record after record would make them. Only for a part without
   extras: a record's type or affiliation is applied where the record
   stands. */
static int merge_names(struct rn_relset *set, const struct rn_relset_part *part, uint32_t *map,
                       struct rn_err *err)
{
    struct rn_relset_private *p = set->priv;
    uint32_t n = rn_strtab_count(part->names);
    for (uint32_t id = 0; id < n; id++) {
        /* The key slots of spellings a few ahead start loading: a key table
           of a million edges' names outgrows the cache. */
        uint32_t ahead = id + MERGE_AHEAD;
        if (ahead < n && p->keys && part->key_len[ahead] != UINT32_MAX)
            rn_strtab_prefetch(p->keys, part->key_hash[ahead]);
        uint32_t index;
        int rc = merged_entity(set, part, map, id, RN_ETYPE_UNKNOWN, RN_NONE, &index);
        if (rc != RN_OK)
            return rn_fail(err, rc,
                           rc == RN_ENOMEM ? "out of memory" : "relset: names were forgotten");
    }
    return RN_OK;
}

/* The set's relation of every relation of part into relmap, in id order
   (the order the records first name them). */
static int merge_relations(struct rn_relset *set, const struct rn_relset_part *part,
                           uint32_t *relmap, struct rn_err *err)
{
    uint32_t n = rn_strtab_count(part->relnames);
    for (uint32_t id = 0; id < n; id++)
        if (rn_relset_relation(set, rn_strtab_str(part->relnames, id), &relmap[id]) != RN_OK)
            return rn_fail(err, RN_ENOMEM, "out of memory");
    return RN_OK;
}

/* Add part's records to the set, their names and relations mapped first
   (merge_names): each record is then three lookups in small arrays. */
static int merge_mapped(struct rn_relset *set, struct rn_relset_part *part, uint32_t *map,
                        uint32_t *relmap, int adopt, struct rn_err *err)
{
    struct rn_relset_private *p = set->priv;
    int rc = merge_names(set, part, map, err);
    if (rc == RN_OK)
        rc = merge_relations(set, part, relmap, err);
    if (rc != RN_OK)
        return rc;
    size_t n = part->n;
    if (n == 0)
        return RN_OK;
    if (adopt) {
        for (size_t i = 0; i < n; i++) {
            part->src[i] = map[part->src[i]];
            part->dst[i] = map[part->dst[i]];
            part->rel[i] = relmap[part->rel[i]];
        }
        return RN_OK;
    }
    while (p->record_cap - set->n_records < n)
        if (grow_records(set) != RN_OK)
            return rn_fail(err, RN_ENOMEM, "out of memory");
    size_t base = set->n_records;
    for (size_t i = 0; i < n; i++) {
        set->src[base + i] = map[part->src[i]];
        set->dst[base + i] = map[part->dst[i]];
        set->rel[base + i] = relmap[part->rel[i]];
    }
    memcpy(set->pol + base, part->pol, n * sizeof *part->pol);
    memcpy(set->weight + base, part->weight, n * sizeof *part->weight);
    set->n_records = base + n;
    return RN_OK;
}

/* Add part's records to the set. A set without records yet takes the
   part's columns as they are, their ids rewritten in place, instead of
   copying them: the first part of a file costs no second copy. */
static int merge_records(struct rn_relset *set, struct rn_relset_part *part, uint32_t *map,
                         uint32_t *relmap, struct rn_err *err)
{
    struct rn_relset_private *p = set->priv;
    int adopt = p->record_cap == 0 && part->n > 0;
    int rc = RN_OK;
    if (part->n_extra == 0) {
        rc = merge_mapped(set, part, map, relmap, adopt, err);
    } else {
        size_t next_extra = 0;
        for (size_t i = 0; i < part->n && rc == RN_OK; i++) {
            struct part_extra x = { .src_affil = RN_NONE, .dst_affil = RN_NONE };
            if (next_extra < part->n_extra && part->extra[next_extra].record == i)
                x = part->extra[next_extra++];
            struct rn_relset_edge e;
            rc = merged_edge(set, part, i, &x, map, relmap, &e, err);
            if (rc == RN_OK && !adopt)
                rc = append_edge(set, &e, err);
            if (rc == RN_OK && adopt) {
                part->src[i] = e.src;
                part->dst[i] = e.dst;
                part->rel[i] = e.rel;
            }
        }
    }
    if (rc != RN_OK)
        return rc;
    if (adopt) {
        set->src = part->src;
        set->dst = part->dst;
        set->rel = part->rel;
        set->pol = part->pol;
        set->weight = part->weight;
        set->n_records = part->n;
        p->record_cap = part->cap;
        part->src = part->dst = part->rel = NULL;
        part->pol = NULL;
        part->weight = NULL;
        part->n = part->cap = 0;
    }
    return RN_OK;
}

int rn_relset_merge_part(struct rn_relset *set, struct rn_relset_part *part, struct rn_err *err)
{
    if (part_flush_names(part) != RN_OK)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    uint32_t nnames = rn_strtab_count(part->names), nrels = rn_strtab_count(part->relnames);
    uint32_t *map = malloc(((size_t)nnames + 1) * sizeof *map);
    uint32_t *relmap = malloc(((size_t)nrels + 1) * sizeof *relmap);
    int rc = map && relmap ? RN_OK : rn_fail(err, RN_ENOMEM, "out of memory");
    if (rc == RN_OK) {
        memset(map, 0xff, (size_t)nnames * sizeof *map); /* RN_NONE */
        memset(relmap, 0xff, (size_t)nrels * sizeof *relmap);
        rc = merge_records(set, part, map, relmap, err);
    }
    set->priv->filtered += part->filtered;
    free(map);
    free(relmap);
    return rc;
}

const char *rn_relset_text(const struct rn_relset *set, uint32_t index)
{
    if (index == RN_NONE)
        return NULL;
    return rn_strtab_str(set->priv->texts, index);
}

void rn_relset_date_str(uint32_t date, char out[11])
{
    if (!date) {
        out[0] = '\0';
        return;
    }
    unsigned y = (date / 10000) % 10000, m = (date / 100) % 100, d = date % 100;
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}

uint32_t rn_relset_date_num(const char *date)
{
    if (!date || strlen(date) < 10)
        return 0;
    uint32_t v = 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7)
            continue;
        if (date[i] < '0' || date[i] > '9')
            return 0;
        v = v * 10 + (uint32_t)(date[i] - '0');
    }
    return v;
}

void rn_relset_roll_up(struct rn_relset *set)
{
    /* Follow affiliation chains to their top, guarding against cycles
       (a lexicon could say A acts for B and B for A). */
    uint32_t *top = malloc((size_t)set->n_entities * sizeof *top);
    if (!top)
        return;
    for (uint32_t e = 0; e < set->n_entities; e++) {
        uint32_t cur = e;
        for (int hops = 0; hops < 16 && set->entity_affiliation[cur] != RN_NONE; hops++)
            cur = set->entity_affiliation[cur];
        top[e] = cur;
    }
    for (size_t r = 0; r < set->n_records; r++) {
        set->src[r] = top[set->src[r]];
        set->dst[r] = top[set->dst[r]];
    }
    free(top);
}

size_t rn_relset_bytes(const struct rn_relset *set)
{
    const struct rn_relset_private *p = set->priv;
    size_t per_record = p->opt.graph_only ? 4 + 4 + 4 + 1 + 8 : 4 + 4 + 4 + 1 + 1 + 8 + 8 + 4 + 4 + 4 + 4 + 8;
    return p->record_cap * per_record + (size_t)p->entity_cap * (sizeof(char *) + 1 + 4) +
           (size_t)p->key_cap * 4 + (p->keys ? rn_strtab_bytes(p->keys) : 0) +
           rn_strtab_bytes(p->names) +
           rn_strtab_bytes(p->relnames) + rn_strtab_bytes(p->articles) +
           rn_strtab_bytes(p->texts);
}

/* ---- a selection of a loaded set ----------------------------------------- */

/* The entity table of from, index for index, with its name keys (aliases
   included) pointing at the same entities. */
static int copy_entities(struct rn_relset *set, const struct rn_relset *from)
{
    struct rn_relset_private *p = set->priv;
    const struct rn_relset_private *fp = from->priv;
    if (!fp->keys)
        return RN_EINTERNAL; /* rn_relset_forget_keys was called on from */
    for (uint32_t e = 0; e < from->n_entities; e++) {
        uint32_t i;
        int rc = new_entity(set, from->entity_name[e], &i);
        if (rc != RN_OK)
            return rc;
        set->entity_type[i] = from->entity_type[e];
        set->entity_affiliation[i] = from->entity_affiliation[e];
    }
    uint32_t nkeys = rn_strtab_count(fp->keys);
    for (uint32_t k = 0; k < nkeys; k++) {
        const char *key = rn_strtab_str(fp->keys, k);
        size_t len = rn_strtab_len(fp->keys, k);
        uint32_t kid;
        int added;
        int rc = intern_folded(p, key, len, rn_hash64(key, len), &kid, &added);
        if (rc != RN_OK)
            return rc;
        p->key_entity[kid] = fp->key_entity[k];
    }
    return RN_OK;
}

int rn_relset_select(const struct rn_relset *from, const struct rn_filter *filter, int keep_text,
                     struct rn_relset **out, struct rn_err *err)
{
    *out = NULL;
    if (from->priv->opt.graph_only || (keep_text && !from->priv->opt.keep_text))
        return rn_fail(err, RN_EINTERNAL, "relset: a selection needs the columns it keeps");
    struct rn_relset_options opt = { .keep_text = keep_text, .aliases = from->priv->opt.aliases };
    struct rn_relset *set = rn_relset_new(&opt);
    uint32_t *rel_map = set ? malloc((from->n_relations + 1) * sizeof *rel_map) : NULL;
    int rc = rel_map ? copy_entities(set, from) : RN_ENOMEM;
    if (rc != RN_OK) {
        rc = rn_fail(err, rc, rc == RN_ENOMEM ? "out of memory" : "relset: no name keys");
        goto out;
    }
    for (uint32_t i = 0; i < from->n_relations; i++)
        rel_map[i] = RN_NONE;
    for (size_t r = 0; r < from->n_records; r++) {
        uint32_t rel = from->rel[r];
        if (!rn_filter_match(filter, from->relation_name[rel], from->date[r],
                             (enum rn_polarity)from->pol[r]))
            continue;
        /* Relations and articles are numbered as the kept records first
           name them, as rn_store_load numbers them. */
        if (rel_map[rel] == RN_NONE &&
            rn_relset_relation(set, from->relation_name[rel], &rel_map[rel]) != RN_OK) {
            rc = rn_fail(err, RN_ENOMEM, "out of memory");
            goto out;
        }
        uint32_t art = from->article[r], ev = from->evidence[r];
        struct rn_relset_edge e = {
            .src = from->src[r], .dst = from->dst[r], .rel = rel_map[rel],
            .pol = (enum rn_polarity)from->pol[r], .origin = (enum rn_origin)from->origin[r],
            .weight = from->weight[r], .confidence = from->confidence[r], .date = from->date[r],
            .sentence_no = from->sentence_no[r], .offset = from->offset[r],
            .article_name = art == RN_NONE ? NULL : from->article_name[art],
            .article_url = art == RN_NONE ? NULL : from->article_url[art],
            .article_title = art == RN_NONE ? NULL : from->article_title[art],
            .evidence = ev == RN_NONE ? NULL : rn_relset_text(from, ev),
        };
        rc = append_edge(set, &e, err);
        if (rc != RN_OK)
            goto out;
    }
out:
    free(rel_map);
    if (rc != RN_OK) {
        rn_relset_free(set);
        return rc;
    }
    *out = set;
    return RN_OK;
}
