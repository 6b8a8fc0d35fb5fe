/* strtab.c - string interning with open addressing (see relnet/strtab.h).
 *
 * The slot array holds (hash, id + 1, ...) entries, 0 meaning empty, kept at
 * most three quarters full: probes stay short (a probe compares the hash
 * and the first bytes in the slot itself) and slots cost 43 to 85 bytes
 * per string, not 64 to 128 as at half full. Strings live in chunks of at least
 * 64 KiB that are never reallocated, which keeps returned pointers stable.
 */
#include "relnet/strtab.h"

#include "relnet/error.h"
#include "relnet/hash.h"
#include "relnet/mem.h"

#include <stdlib.h>
#include <string.h>

#define CHUNK_MIN (64u * 1024u)

struct chunk {
    struct chunk *next;
    size_t used, cap;
    char data[];
};

/* A slot carries the string's length and first bytes too, so a lookup of
   a short string (most names) touches the slot only: on tables larger than
   the cache, every other array or string visited costs a cache miss. */
#define HEAD 16
struct slot {
    uint64_t hash;
    uint32_t id_plus1; /* 0: empty */
    uint32_t len;
    char head[HEAD];   /* the first bytes of the string, zero-padded */
};

struct rn_strtab {
    struct slot *slots;
    size_t nslots;     /* power of two */
    const char **strs; /* id -> string */
    uint32_t *lens;    /* id -> length */
    uint32_t count, cap;
    struct chunk *chunks;
    size_t bytes;
};

struct rn_strtab *rn_strtab_new(void)
{
    struct rn_strtab *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->nslots = 1024;
    t->slots = rn_big_calloc(t->nslots * sizeof *t->slots);
    if (!t->slots) {
        free(t);
        return NULL;
    }
    t->bytes = sizeof *t + t->nslots * sizeof *t->slots;
    return t;
}

void rn_strtab_free(struct rn_strtab *t)
{
    if (!t)
        return;
    struct chunk *c = t->chunks;
    while (c) {
        struct chunk *next = c->next;
        free(c);
        c = next;
    }
    rn_big_free(t->slots);
    free(t->strs);
    free(t->lens);
    free(t);
}

static char *store_bytes(struct rn_strtab *t, const char *s, size_t len)
{
    struct chunk *c = t->chunks;
    if (!c || c->cap - c->used < len + 1) {
        size_t cap = len + 1 > CHUNK_MIN ? len + 1 : CHUNK_MIN;
        c = malloc(sizeof *c + cap);
        if (!c)
            return NULL;
        c->used = 0;
        c->cap = cap;
        c->next = t->chunks;
        t->chunks = c;
        t->bytes += sizeof *c + cap;
    }
    char *out = c->data + c->used;
    memcpy(out, s, len);
    out[len] = '\0';
    c->used += len + 1;
    return out;
}

const char *rn_strtab_keep(struct rn_strtab *t, const char *s, size_t len)
{
    return store_bytes(t, s, len);
}

static size_t lookup(const struct rn_strtab *t, uint64_t h, const char *s, size_t len)
{
    size_t mask = t->nslots - 1;
    size_t i = (size_t)h & mask;
    for (;;) {
        const struct slot *sl = &t->slots[i];
        if (sl->id_plus1 == 0)
            return i;
        if (sl->hash == h && sl->len == len &&
            memcmp(sl->head, s, len < HEAD ? len : HEAD) == 0 &&
            (len <= HEAD || memcmp(t->strs[sl->id_plus1 - 1] + HEAD, s + HEAD, len - HEAD) == 0))
            return i;
        i = (i + 1) & mask;
    }
}

static int rehash(struct rn_strtab *t)
{
    size_t nslots = t->nslots * 2;
    struct slot *slots = rn_big_calloc(nslots * sizeof *slots);
    if (!slots)
        return RN_ENOMEM;
    for (size_t i = 0; i < t->nslots; i++) {
        struct slot sl = t->slots[i];
        if (!sl.id_plus1)
            continue;
        size_t j = (size_t)sl.hash & (nslots - 1);
        while (slots[j].id_plus1)
            j = (j + 1) & (nslots - 1);
        slots[j] = sl;
    }
    t->bytes += (nslots - t->nslots) * sizeof *slots;
    rn_big_free(t->slots);
    t->slots = slots;
    t->nslots = nslots;
    return RN_OK;
}

int rn_strtab_find(const struct rn_strtab *t, const char *s, size_t len, uint32_t *id)
{
    size_t i = lookup(t, rn_hash64(s, len), s, len);
    if (!t->slots[i].id_plus1)
        return RN_ENOTFOUND;
    *id = t->slots[i].id_plus1 - 1;
    return RN_OK;
}

void rn_strtab_prefetch(const struct rn_strtab *t, uint64_t hash)
{
    __builtin_prefetch(&t->slots[(size_t)hash & (t->nslots - 1)]);
}

int rn_strtab_intern(struct rn_strtab *t, const char *s, size_t len, uint32_t *id, int *added)
{
    return rn_strtab_intern_hashed(t, s, len, rn_hash64(s, len), id, added);
}

int rn_strtab_intern_hashed(struct rn_strtab *t, const char *s, size_t len, uint64_t h,
                            uint32_t *id, int *added)
{
    if (len > UINT32_MAX - 1)
        return RN_EINPUT;
    size_t i = lookup(t, h, s, len);
    if (t->slots[i].id_plus1) {
        *id = t->slots[i].id_plus1 - 1;
        if (added)
            *added = 0;
        return RN_OK;
    }
    if (t->count == UINT32_MAX - 1)
        return RN_ENOMEM;
    if (t->count == t->cap) {
        uint32_t cap = t->cap ? t->cap * 2 : 256;
        const char **strs = realloc(t->strs, cap * sizeof *strs);
        if (!strs)
            return RN_ENOMEM;
        t->strs = strs;
        uint32_t *lens = realloc(t->lens, cap * sizeof *lens);
        if (!lens)
            return RN_ENOMEM;
        t->lens = lens;
        t->bytes += (cap - t->cap) * (sizeof *strs + sizeof *lens);
        t->cap = cap;
    }
    char *copy = store_bytes(t, s, len);
    if (!copy)
        return RN_ENOMEM;
    uint32_t nid = t->count++;
    t->strs[nid] = copy;
    t->lens[nid] = (uint32_t)len;
    t->slots[i].hash = h;
    t->slots[i].id_plus1 = nid + 1;
    t->slots[i].len = (uint32_t)len;
    memcpy(t->slots[i].head, s, len < HEAD ? len : HEAD);
    *id = nid;
    if (added)
        *added = 1;
    if ((size_t)t->count * 4 > t->nslots * 3 && rehash(t) != RN_OK)
        return RN_ENOMEM;
    return RN_OK;
}

const char *rn_strtab_str(const struct rn_strtab *t, uint32_t id)
{
    return id < t->count ? t->strs[id] : NULL;
}

size_t rn_strtab_len(const struct rn_strtab *t, uint32_t id)
{
    return id < t->count ? t->lens[id] : 0;
}

uint32_t rn_strtab_count(const struct rn_strtab *t)
{
    return t->count;
}

size_t rn_strtab_bytes(const struct rn_strtab *t)
{
    return t->bytes;
}
