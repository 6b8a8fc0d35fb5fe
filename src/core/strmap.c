/* strmap.c - compact string map with open addressing (see relnet/strmap.h).
 *
 * Entry at arena + 8 * ref: the value (value_size bytes), the string's
 * length (uint32), its bytes and a NUL, padded to 8 bytes. The first 8
 * bytes of the arena are never an entry, so ref 0 means none and a slot of
 * 0 is empty. A slot is (hash >> 32) << 32 | ref and the slot index comes
 * from the hash's low bits, so the 32 bits kept tell most strings apart
 * without reading their entries. Slots are kept at most three quarters
 * full; growing rehashes the entries in arena order, which reads the arena
 * once from start to end.
 */
#include "relnet/strmap.h"

#include "relnet/error.h"
#include "relnet/hash.h"
#include "relnet/mem.h"

#include <stdlib.h>
#include <string.h>

#define ALIGN 8
#define FIRST_SLOTS 1024
#define FIRST_ARENA (64u * 1024u)
#define MAX_ARENA ((size_t)UINT32_MAX * ALIGN)

struct rn_strmap {
    uint64_t *slots;
    size_t nslots; /* power of two */
    unsigned char *arena;
    size_t used, cap; /* bytes of the arena; used is a multiple of ALIGN */
    size_t value_size;
    uint32_t count;
};

struct rn_strmap *rn_strmap_new(size_t value_size)
{
    if (value_size % ALIGN)
        return NULL;
    struct rn_strmap *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->value_size = value_size;
    m->nslots = FIRST_SLOTS;
    m->slots = rn_big_calloc(m->nslots * sizeof *m->slots);
    m->cap = FIRST_ARENA;
    m->arena = rn_big_calloc(m->cap);
    m->used = ALIGN; /* ref 0 is none */
    if (!m->slots || !m->arena) {
        rn_strmap_free(m);
        return NULL;
    }
    return m;
}

void rn_strmap_free(struct rn_strmap *m)
{
    if (!m)
        return;
    rn_big_free(m->slots);
    rn_big_free(m->arena);
    free(m);
}

static unsigned char *entry(const struct rn_strmap *m, uint32_t ref)
{
    return m->arena + (size_t)ref * ALIGN;
}

static uint32_t entry_len(const struct rn_strmap *m, const unsigned char *e)
{
    uint32_t len;
    memcpy(&len, e + m->value_size, sizeof len);
    return len;
}

static const char *entry_str(const struct rn_strmap *m, const unsigned char *e)
{
    return (const char *)e + m->value_size + sizeof(uint32_t);
}

/* Bytes an entry of a string of len bytes takes. */
static size_t entry_size(const struct rn_strmap *m, size_t len)
{
    size_t n = m->value_size + sizeof(uint32_t) + len + 1;
    return (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

/* The slot of s: where it is, or the empty slot where it would go. */
static size_t lookup(const struct rn_strmap *m, uint64_t h, const char *s, size_t len)
{
    size_t mask = m->nslots - 1;
    uint64_t tag = h >> 32 << 32;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        uint64_t slot = m->slots[i];
        if (slot == 0)
            return i;
        if ((slot & ~(uint64_t)UINT32_MAX) != tag)
            continue;
        const unsigned char *e = entry(m, (uint32_t)slot);
        if (entry_len(m, e) == len && memcmp(entry_str(m, e), s, len) == 0)
            return i;
    }
}

uint32_t rn_strmap_next(const struct rn_strmap *m, uint32_t ref)
{
    size_t at = ref ? (size_t)ref * ALIGN + entry_size(m, entry_len(m, entry(m, ref))) : ALIGN;
    return at < m->used ? (uint32_t)(at / ALIGN) : 0;
}

static int grow_slots(struct rn_strmap *m)
{
    size_t nslots = m->nslots * 2, mask = nslots - 1;
    uint64_t *slots = rn_big_calloc(nslots * sizeof *slots);
    if (!slots)
        return RN_ENOMEM;
    for (uint32_t ref = rn_strmap_next(m, 0); ref; ref = rn_strmap_next(m, ref)) {
        const unsigned char *e = entry(m, ref);
        uint64_t h = rn_hash64(entry_str(m, e), entry_len(m, e));
        size_t i = (size_t)h & mask;
        while (slots[i])
            i = (i + 1) & mask;
        slots[i] = h >> 32 << 32 | ref;
    }
    rn_big_free(m->slots);
    m->slots = slots;
    m->nslots = nslots;
    return RN_OK;
}

/* Room for need more bytes in the arena. */
static int arena_room(struct rn_strmap *m, size_t need)
{
    if (need > MAX_ARENA - m->used)
        return RN_ENOMEM;
    if (m->used + need <= m->cap)
        return RN_OK;
    size_t cap = m->cap * 2;
    while (cap < m->used + need)
        cap *= 2;
    unsigned char *arena = rn_big_realloc(m->arena, cap);
    if (!arena)
        return RN_ENOMEM;
    m->arena = arena;
    m->cap = cap;
    return RN_OK;
}

uint64_t rn_strmap_hash(const char *s, size_t len)
{
    return rn_hash64(s, len);
}

void rn_strmap_prefetch_slot(const struct rn_strmap *m, uint64_t hash)
{
    __builtin_prefetch(&m->slots[(size_t)hash & (m->nslots - 1)]);
}

void rn_strmap_prefetch_entry(const struct rn_strmap *m, uint64_t hash)
{
    uint64_t slot = m->slots[(size_t)hash & (m->nslots - 1)];
    if (slot && (slot & ~(uint64_t)UINT32_MAX) == hash >> 32 << 32)
        __builtin_prefetch(entry(m, (uint32_t)slot));
}

int rn_strmap_intern(struct rn_strmap *m, const char *s, size_t len, uint32_t *ref, int *added)
{
    return rn_strmap_intern_hashed(m, s, len, rn_hash64(s, len), ref, added);
}

int rn_strmap_intern_hashed(struct rn_strmap *m, const char *s, size_t len, uint64_t h,
                            uint32_t *ref, int *added)
{
    *added = 0;
    if (len > UINT32_MAX - ALIGN || m->count == UINT32_MAX)
        return RN_ENOMEM;
    size_t i = lookup(m, h, s, len);
    if (m->slots[i]) {
        *ref = (uint32_t)m->slots[i];
        return RN_OK;
    }
    size_t size = entry_size(m, len);
    if (arena_room(m, size) != RN_OK)
        return RN_ENOMEM;
    if ((size_t)(m->count + 1) * 4 > m->nslots * 3) {
        if (grow_slots(m) != RN_OK)
            return RN_ENOMEM;
        i = lookup(m, h, s, len);
    }
    unsigned char *e = m->arena + m->used;
    uint32_t len32 = (uint32_t)len;
    memset(e, 0, m->value_size);
    memcpy(e + m->value_size, &len32, sizeof len32);
    memcpy(e + m->value_size + sizeof len32, s, len);
    memset(e + m->value_size + sizeof len32 + len, 0, size - m->value_size - sizeof len32 - len);
    *ref = (uint32_t)(m->used / ALIGN);
    m->used += size;
    m->slots[i] = h >> 32 << 32 | *ref;
    m->count++;
    *added = 1;
    return RN_OK;
}

void *rn_strmap_value(const struct rn_strmap *m, uint32_t ref)
{
    return entry(m, ref);
}

const char *rn_strmap_str(const struct rn_strmap *m, uint32_t ref, size_t *len)
{
    const unsigned char *e = entry(m, ref);
    if (len)
        *len = entry_len(m, e);
    return entry_str(m, e);
}

uint32_t rn_strmap_count(const struct rn_strmap *m)
{
    return m->count;
}

size_t rn_strmap_bytes(const struct rn_strmap *m)
{
    return sizeof *m + m->nslots * sizeof *m->slots + m->used;
}
