/* buf.c - growable NUL-terminated byte buffer (see relnet/buf.h). */
#include "relnet/buf.h"

#include "relnet/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int rn_buf_grow(struct rn_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return RN_OK;
    if (extra > (size_t)-1 / 2 - b->len)
        return RN_ENOMEM;
    size_t want = b->len + extra + 1;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < want)
        cap *= 2;
    char *data = realloc(b->data, cap);
    if (!data)
        return RN_ENOMEM;
    if (!b->data)
        data[0] = '\0';
    b->data = data;
    b->cap = cap;
    return RN_OK;
}

int rn_buf_add(struct rn_buf *b, const void *data, size_t len)
{
    if (rn_buf_grow(b, len) != RN_OK)
        return RN_ENOMEM;
    if (len)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return RN_OK;
}

int rn_buf_adds(struct rn_buf *b, const char *s)
{
    return rn_buf_add(b, s, strlen(s));
}

int rn_buf_addc(struct rn_buf *b, char c)
{
    return rn_buf_add(b, &c, 1);
}

int rn_buf_vaddf(struct rn_buf *b, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int need = vsnprintf(NULL, 0, fmt, ap);
    if (need < 0) {
        va_end(again);
        return RN_EINTERNAL;
    }
    if (rn_buf_grow(b, (size_t)need) != RN_OK) {
        va_end(again);
        return RN_ENOMEM;
    }
    vsnprintf(b->data + b->len, (size_t)need + 1, fmt, again);
    va_end(again);
    b->len += (size_t)need;
    return RN_OK;
}

int rn_buf_addf(struct rn_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = rn_buf_vaddf(b, fmt, ap);
    va_end(ap);
    return rc;
}

void rn_buf_reset(struct rn_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

const char *rn_buf_str(const struct rn_buf *b)
{
    return b->data ? b->data : "";
}

char *rn_buf_detach(struct rn_buf *b)
{
    char *out = b->data;
    if (!out)
        out = calloc(1, 1);
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    return out;
}

void rn_buf_release(struct rn_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

int rn_array_reserve(void **items, size_t *cap, size_t need, size_t item_size, size_t min_cap)
{
    if (need <= *cap)
        return RN_OK;
    size_t ncap = *cap ? *cap : (min_cap ? min_cap : 16);
    while (ncap < need) {
        if (ncap > (size_t)-1 / 2)
            return RN_ENOMEM;
        ncap *= 2;
    }
    if (item_size == 0 || ncap > (size_t)-1 / item_size)
        return RN_ENOMEM;
    char *p = realloc(*items, ncap * item_size);
    if (!p)
        return RN_ENOMEM;
    memset(p + *cap * item_size, 0, (ncap - *cap) * item_size);
    *items = p;
    *cap = ncap;
    return RN_OK;
}

void *rn_array_grow(void *items, size_t *cap, size_t len, size_t item_size, size_t min_cap)
{
    if (len < *cap)
        return items;
    /* one doubling: len == *cap, so twice the capacity holds len + 1 */
    return rn_array_reserve(&items, cap, len + 1, item_size, min_cap) == RN_OK ? items : NULL;
}
