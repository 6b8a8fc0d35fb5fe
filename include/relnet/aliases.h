/* aliases.h - a table of known names: alias -> canonical actor, with the
 * actor's type and affiliation.
 *
 * Loaded from the actor lexicon (data/lexicon/actors.tsv: name, type,
 * affiliation, aliases separated by '|') or from a user's alias table
 * (alias, canonical[, type, affiliation]); see rn_import_aliases. The
 * knowledge base and in-memory relation sets consult it when they meet a
 * name for the first time, so "USA", "U.S." and "United States" become one
 * country entity even in a CSV edge list, and "China" gets type country.
 * Names are matched by key (rn_text_key).
 */
#ifndef RELNET_ALIASES_H
#define RELNET_ALIASES_H

#include "relnet/error.h"
#include "relnet/import.h"
#include "relnet/record.h"

struct rn_aliases;

struct rn_alias_entry {
    const char *canonical;   /* borrowed from the table */
    enum rn_etype type;
    const char *affiliation; /* canonical name of the affiliation, or NULL */
};

/* NULL on out of memory. */
struct rn_aliases *rn_aliases_new(void);
void rn_aliases_free(struct rn_aliases *a);

/* Record that alias names canonical (canonical also names itself). The
 * first entry for a key wins, as in the lexicon's own order. A known type
 * or affiliation fills an unknown one. RN_OK or RN_ENOMEM. */
int rn_aliases_add(struct rn_aliases *a, const char *alias, const char *canonical,
                   enum rn_etype type, const char *affiliation);

/* Load a file in either format (see rn_import_aliases); rep counts rows. */
int rn_aliases_load(struct rn_aliases *a, const char *path, struct rn_import_report *rep,
                    struct rn_err *err);

/* The entry a name resolves to, or NULL. Borrowed until the table is freed. */
const struct rn_alias_entry *rn_aliases_find(const struct rn_aliases *a, const char *name);

/* The same for a name already folded with rn_text_key. */
const struct rn_alias_entry *rn_aliases_find_key(const struct rn_aliases *a, const char *key,
                                                 size_t len);

/* Number of distinct keys. */
size_t rn_aliases_count(const struct rn_aliases *a);

#endif
