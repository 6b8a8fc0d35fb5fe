/* relset.h - an in-memory set of relation records, the input of every
 * analysis: statistics, graph views, centrality, drawings and exports.
 *
 * A relset is filled either from the knowledge base (rn_store_load) or
 * straight from CSV edge lists (import.h with rn_relset_sink), so the
 * analysis commands work the same with or without a database. Entities are
 * merged by name key (text.h: case, accents and punctuation folded) and
 * through aliases; relation names are interned. Records keep their
 * provenance; evidence and article texts are kept only when asked for,
 * since a million-edge graph needs no sentences to compute PageRank.
 *
 * The arrays are public and read-only for callers: index i of src, dst,
 * rel, ... describes record i. Memory: 54 bytes per record plus the names
 * (and the texts when kept); 21 with graph_only, for commands that only
 * measure the graph (a million-edge PageRank never reads provenance).
 */
#ifndef RELNET_RELSET_H
#define RELNET_RELSET_H

#include "relnet/error.h"
#include "relnet/filter.h"
#include "relnet/record.h"

#include <stddef.h>
#include <stdint.h>

#define RN_NONE UINT32_MAX

struct rn_strtab;

struct rn_relset {
    /* entities: index -> name, type, affiliation (entity index or RN_NONE) */
    uint32_t n_entities;
    const char **entity_name;
    uint8_t *entity_type; /* enum rn_etype */
    uint32_t *entity_affiliation;

    /* relation names: index -> "accuses", ... */
    uint32_t n_relations;
    const char **relation_name;

    /* articles: index -> path or URL, url, title (may be NULL) */
    uint32_t n_articles;
    const char **article_name;
    const char **article_url;
    const char **article_title;

    /* records */
    size_t n_records;
    uint32_t *src, *dst;
    uint32_t *rel;
    uint8_t *pol;    /* enum rn_polarity */
    uint8_t *origin; /* enum rn_origin; NULL in a graph_only set */
    double *weight;
    double *confidence;
    /* The provenance columns: NULL in a graph_only set. */
    uint32_t *date;       /* YYYYMMDD as a number, 0 when undated */
    uint32_t *article;    /* article index or RN_NONE */
    uint32_t *evidence;   /* text index (rn_relset_text) or RN_NONE */
    int32_t *sentence_no; /* 0 when not from an article */
    int64_t *offset;      /* -1 when unknown */

    /* private */
    struct rn_relset_private *priv;
};

struct rn_aliases;

struct rn_relset_options {
    int keep_text;                  /* keep evidence sentences and article names */
    /* Keep only src, dst, rel, pol and weight: origin, confidence, date,
       article, evidence, sentence_no and offset stay NULL (filters still
       apply, at add time). For graph measures; overrides keep_text. */
    int graph_only;
    const struct rn_filter *filter; /* records failing it are not added (may be NULL) */
    /* Known names (may be NULL): a new name that is a known alias joins its
       canonical entity, and a known actor gets its type and affiliation. */
    const struct rn_aliases *aliases;
};

/* NULL on out of memory. opt may be NULL (no texts, no filter). The filter
 * and aliases are borrowed: they must outlive the relset. */
struct rn_relset *rn_relset_new(const struct rn_relset_options *opt);
void rn_relset_free(struct rn_relset *set);

/* Add one record (the sink function). Records the filter rejects are
 * counted and dropped. Strings are copied. RN_OK, RN_EINPUT (empty source,
 * target or relation: err says which) or RN_ENOMEM. */
int rn_relset_add(struct rn_relset *set, const struct rn_record *rec, struct rn_err *err);

/* A sink that adds to set. */
struct rn_sink rn_relset_sink(struct rn_relset *set);

/* Consult aliases from now on (for names added or looked up later); see
 * rn_relset_options.aliases. */
void rn_relset_use_aliases(struct rn_relset *set, const struct rn_aliases *aliases);

/* Records seen by rn_relset_add and dropped by the filter. */
size_t rn_relset_filtered(const struct rn_relset *set);

/* Find or add an entity by name; a known type replaces "unknown" and a
 * known affiliation fills an empty one. *index receives its index. */
int rn_relset_entity(struct rn_relset *set, const char *name, enum rn_etype type,
                     const char *affiliation, uint32_t *index);

/* Entity index of name (through aliases), or RN_NONE. */
uint32_t rn_relset_find(const struct rn_relset *set, const char *name);

/* Up to max (<= RN_SUGGEST_MAX) entity names close to name, best first, for
 * "did you mean" (text.h's ranking). Each is malloc'd; returns how many. */
size_t rn_relset_suggest(const struct rn_relset *set, const char *name, char **out, size_t max);

/* Make alias another name of canonical (added if new). When both already
 * name different entities the alias's entity is merged into canonical's,
 * records included. RN_OK or RN_ENOMEM. */
int rn_relset_add_alias(struct rn_relset *set, const char *alias, const char *canonical);

/* Relation index of name (adds it if new). */
int rn_relset_relation(struct rn_relset *set, const char *name, uint32_t *index);

/* Add a record by indexes (fast path for loaders that resolved names
 * already). evidence, article_name, url, title may be NULL; date is
 * YYYYMMDD or 0. Applies the filter. */
struct rn_relset_edge {
    uint32_t src, dst, rel;
    enum rn_polarity pol;
    enum rn_origin origin;
    double weight;
    double confidence;
    uint32_t date;
    const char *article_name, *article_url, *article_title;
    const char *evidence;
    int32_t sentence_no;
    int64_t offset;
};
int rn_relset_add_edge(struct rn_relset *set, const struct rn_relset_edge *e, struct rn_err *err);

/* A part of a graph_only set filled by another thread (one part of a CSV
 * file read in parallel: import.h's rn_import_csv_parts). Its sink checks
 * and filters each record as rn_relset_add does but only interns names and
 * relations within the part, touching nothing of the set; then
 * rn_relset_merge_part, called for the parts in file order from the set's
 * thread, adds their records to the set with exactly the entities,
 * relations and indexes rn_relset_add would have given them one by one
 * (into a set without records it moves the part's columns rather than
 * copying them: free each part once merged, and the peak memory holds one
 * copy of the records). rn_relset_part_new returns NULL on out of memory
 * or when the set is not graph_only. expected_records (0: unknown) is
 * room made at once for the records the part will likely hold: pages of
 * it never written cost address space only, while growing to it costs a
 * page fault every 4 KiB. */
struct rn_relset_part;
struct rn_relset_part *rn_relset_part_new(const struct rn_relset *set, size_t expected_records);
struct rn_sink rn_relset_part_sink(struct rn_relset_part *part);
int rn_relset_merge_part(struct rn_relset *set, struct rn_relset_part *part, struct rn_err *err);
void rn_relset_part_free(struct rn_relset_part *part);

/* The evidence text of index (borrowed, valid until the set is freed). */
const char *rn_relset_text(const struct rn_relset *set, uint32_t index);

/* "YYYY-MM-DD" of a YYYYMMDD number into out[11] ("" for 0); and back
 * (0 for NULL or ""; rn_date_normalize must have accepted the string). */
void rn_relset_date_str(uint32_t date, char out[11]);
uint32_t rn_relset_date_num(const char *date);

/* Replace every entity by its affiliation where it has one (people and
 * agencies roll up to the state or body they act for), following chains
 * (agency -> ministry -> state). Self-relations this creates are kept.
 * The entity table is unchanged; only src/dst are rewritten. */
void rn_relset_roll_up(struct rn_relset *set);

/* Free the records (n_records becomes 0), keeping the entities, relations
 * and articles: for a command done with the records once it has built its
 * graph view (rn_view_options.measures_only), so the graph computation does
 * not carry them. */
void rn_relset_clear_records(struct rn_relset *set);

/* Free the index from name keys to entities (some 80 bytes per entity),
 * for a command done adding and looking up names that only still shows
 * them (a million-edge PageRank): entity_name, entity_type and
 * entity_affiliation stay. Afterwards rn_relset_find returns RN_NONE and
 * adding an entity, alias or record by name fails with RN_EINTERNAL. */
void rn_relset_forget_keys(struct rn_relset *set);

/* A new set of the records of from that pass filter (relations, polarity,
 * dates; min_count is the view's), in from's order: the same entities
 * (names, types, affiliations, name keys and aliases, index for index) and
 * aliases table, with relations and articles numbered as the kept records
 * first name them. For a set rn_store_load loaded without a filter, the
 * result is the set rn_store_load loads with filter (dates compared as
 * YYYYMMDD numbers): 'relnet build' loads its knowledge base once and
 * hands each step its selection. from must be neither graph_only nor
 * without keys, and keep its texts when keep_text is set. RN_OK,
 * RN_ENOMEM, RN_EINTERNAL. */
int rn_relset_select(const struct rn_relset *from, const struct rn_filter *filter, int keep_text,
                     struct rn_relset **out, struct rn_err *err);

/* Bytes held, for memory reports. */
size_t rn_relset_bytes(const struct rn_relset *set);

#endif
