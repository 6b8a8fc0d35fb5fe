/* strmap.h - a compact map from byte strings to small fixed-size values.
 *
 * Made for caches of millions of names (the knowledge base's name
 * resolution, where rn_strtab's slots, id arrays and side arrays cost
 * about three times the names themselves). Each entry is one run of bytes
 * in one arena: its value, the string's length and the string; the hash
 * table holds 8 bytes per slot (32 bits of the hash and the entry's place).
 * A lookup touches one slot and, on a match of those 32 bits, the entry.
 *
 * An entry is named by a ref, stable for the life of the map; refs grow in
 * order of insertion (rn_strmap_next walks them) but are not dense. Value
 * and string pointers hold only until the next insertion, which may move
 * the arena.
 */
#ifndef RELNET_STRMAP_H
#define RELNET_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct rn_strmap;

/* value_size: bytes of each entry's value, a multiple of 8 (values are
 * 8-byte aligned). NULL on out of memory. */
struct rn_strmap *rn_strmap_new(size_t value_size);

/* NULL-safe. */
void rn_strmap_free(struct rn_strmap *m);

/* Find s[0..len) or add it with a zeroed value. *ref receives its entry;
 * *added is set to 1 when it was new, else 0. RN_OK, or RN_ENOMEM (also
 * when the map is full: 32 GiB of entries). */
int rn_strmap_intern(struct rn_strmap *m, const char *s, size_t len, uint32_t *ref, int *added);

/* The hash a lookup of s[0..len) uses, for the two calls below. */
uint64_t rn_strmap_hash(const char *s, size_t len);

/* rn_strmap_intern with the string's hash already computed. */
int rn_strmap_intern_hashed(struct rn_strmap *m, const char *s, size_t len, uint64_t hash,
                            uint32_t *ref, int *added);

/* Start fetching, for a lookup soon after, the slot of a string with this
 * hash (rn_strmap_prefetch_slot) and then, once that slot is likely in the
 * cache, the entry it holds (rn_strmap_prefetch_entry). In a map larger
 * than the cache a lookup waits on memory twice; lookups prefetched side
 * by side wait together. Hints only: they change nothing. */
void rn_strmap_prefetch_slot(const struct rn_strmap *m, uint64_t hash);
void rn_strmap_prefetch_entry(const struct rn_strmap *m, uint64_t hash);

/* The value of ref (valid until the next insertion). */
void *rn_strmap_value(const struct rn_strmap *m, uint32_t ref);

/* The NUL-terminated string of ref (valid until the next insertion); its
 * length into *len when len is not NULL. */
const char *rn_strmap_str(const struct rn_strmap *m, uint32_t ref, size_t *len);

/* The entry after ref in insertion order (ref 0: the first), 0 after the
 * last. */
uint32_t rn_strmap_next(const struct rn_strmap *m, uint32_t ref);

/* Number of entries. */
uint32_t rn_strmap_count(const struct rn_strmap *m);

/* Bytes in use (slots and entries), for memory reports. */
size_t rn_strmap_bytes(const struct rn_strmap *m);

#endif
