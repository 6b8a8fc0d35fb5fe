/* strtab.h - string interning: each distinct byte string gets a dense id.
 *
 * Ids run 0, 1, 2, ... in order of first insertion, so arrays indexed by id
 * can sit beside the table. Strings are copied into chunked storage that
 * never moves: a pointer from rn_strtab_str() stays valid until the table
 * is freed. Used wherever names must be counted or mapped without a malloc
 * per row (CSV import, the in-memory relation set, the lexicon).
 */
#ifndef RELNET_STRTAB_H
#define RELNET_STRTAB_H

#include <stddef.h>
#include <stdint.h>

struct rn_strtab;

/* NULL on out of memory. */
struct rn_strtab *rn_strtab_new(void);

/* NULL-safe. */
void rn_strtab_free(struct rn_strtab *t);

/* Find s[0..len) or add it. *id receives its id; *added (may be NULL) is
 * set to 1 when the string was new. Returns RN_OK or RN_ENOMEM. */
int rn_strtab_intern(struct rn_strtab *t, const char *s, size_t len, uint32_t *id, int *added);

/* rn_strtab_intern with s's rn_hash64 already computed. */
int rn_strtab_intern_hashed(struct rn_strtab *t, const char *s, size_t len, uint64_t hash,
                            uint32_t *id, int *added);

/* Start loading the slot where a string of this rn_hash64 is looked up.
 * In a table larger than the cache each lookup waits on memory; several
 * prefetched before they are interned wait together. A hint: the table
 * may grow in between. */
void rn_strtab_prefetch(const struct rn_strtab *t, uint64_t hash);

/* Copy s[0..len) into the table's storage without interning it (no id, no
 * hashing): for strings unique by construction, such as the display name
 * of an entity already found by its key. NULL on out of memory. */
const char *rn_strtab_keep(struct rn_strtab *t, const char *s, size_t len);

/* RN_OK and *id when present, RN_ENOTFOUND otherwise. */
int rn_strtab_find(const struct rn_strtab *t, const char *s, size_t len, uint32_t *id);

/* The NUL-terminated string of id (borrowed, stable) and its length. */
const char *rn_strtab_str(const struct rn_strtab *t, uint32_t id);
size_t rn_strtab_len(const struct rn_strtab *t, uint32_t id);

/* Number of distinct strings. */
uint32_t rn_strtab_count(const struct rn_strtab *t);

/* Bytes allocated, for memory reports. */
size_t rn_strtab_bytes(const struct rn_strtab *t);

#endif
