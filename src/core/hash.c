/* hash.c - xxHash wrappers (see relnet/hash.h). */
#include "relnet/hash.h"

#include "relnet/error.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
/* Compiled in, not called through the shared library: the hash tables
   hash short names millions of times, and the inlined XXH3 of a short
   key is a handful of instructions. libxxhash-dev ships the header for
   exactly this use. */
#define XXH_INLINE_ALL
#include <xxhash.h>

uint64_t rn_hash64(const void *data, size_t len)
{
    return XXH3_64bits(data, len);
}


struct rn_content_hash *rn_content_hash_new(void)
{
    XXH3_state_t *state = XXH3_createState();
    if (!state)
        return NULL;
    XXH3_128bits_reset(state);
    /* The wrapper only exists so the header needs no xxhash.h: the state
       pointer itself is the handle. */
    return (struct rn_content_hash *)state;
}

void rn_content_hash_add(struct rn_content_hash *h, const void *data, size_t len)
{
    XXH3_128bits_update((XXH3_state_t *)h, data, len);
}

/* v as 32 lowercase hex digits, high half first (what "%016llx%016llx"
   writes; by hand, since every article's hash is written: snprintf took
   twenty times the instructions). */
static void hex128(XXH128_hash_t v, char hex[33])
{
    static const char digits[] = "0123456789abcdef";
    for (int k = 0; k < 16; k++) {
        hex[15 - k] = digits[(v.high64 >> (4 * k)) & 0xF];
        hex[31 - k] = digits[(v.low64 >> (4 * k)) & 0xF];
    }
    hex[32] = '\0';
}

void rn_content_hash_hex(const struct rn_content_hash *h, char hex[33])
{
    hex128(XXH3_128bits_digest((const XXH3_state_t *)h), hex);
}

void rn_content_hash_free(struct rn_content_hash *h)
{
    if (h)
        XXH3_freeState((XXH3_state_t *)h);
}

void rn_content_hash_of(const void *data, size_t len, char hex[33])
{
    hex128(XXH3_128bits(data, len), hex);
}

int rn_content_hash_file(const char *path, char hex[33], struct rn_err *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return rn_fail_open(err, errno, path);
    XXH3_state_t *state = XXH3_createState();
    if (!state) {
        fclose(f);
        return rn_fail(err, RN_ENOMEM, "out of memory");
    }
    XXH3_128bits_reset(state);
    char buf[1 << 16];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        XXH3_128bits_update(state, buf, n);
    int rc = RN_OK;
    if (ferror(f))
        rc = rn_fail(err, RN_EIO, "cannot read %s: %s", path, strerror(errno));
    else
        hex128(XXH3_128bits_digest(state), hex);
    XXH3_freeState(state);
    fclose(f);
    return rc;
}
