/* buf.h - a growable byte buffer that is always NUL-terminated.
 *
 *     struct rn_buf b = RN_BUF_INIT;
 *     rn_buf_addf(&b, "%s accuses %s", a, c);
 *     puts(b.data);            // b.data is never NULL after a successful add
 *     rn_buf_release(&b);
 *
 * Functions that grow the buffer may move b.data: keep no pointers into it
 * across an add. Every add returns RN_OK or RN_ENOMEM; on RN_ENOMEM the
 * buffer is unchanged.
 */
#ifndef RELNET_BUF_H
#define RELNET_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct rn_buf {
    char *data; /* NULL until the first add, then NUL-terminated */
    size_t len; /* bytes used, not counting the NUL */
    size_t cap; /* bytes allocated */
};

#define RN_BUF_INIT { NULL, 0, 0 }

/* Make room for at least extra more bytes (plus the NUL). */
int rn_buf_grow(struct rn_buf *b, size_t extra);
int rn_buf_add(struct rn_buf *b, const void *data, size_t len);
int rn_buf_adds(struct rn_buf *b, const char *s);
int rn_buf_addc(struct rn_buf *b, char c);
int rn_buf_addf(struct rn_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int rn_buf_vaddf(struct rn_buf *b, const char *fmt, va_list ap);

/* Empty the buffer but keep its memory. */
void rn_buf_reset(struct rn_buf *b);

/* The contents, or "" when nothing was ever added (never NULL). */
const char *rn_buf_str(const struct rn_buf *b);

/* Hand the buffer to the caller, who must free() it; b is left empty.
 * Returns a malloc'd "" when the buffer was empty (NULL only on ENOMEM). */
char *rn_buf_detach(struct rn_buf *b);

/* Free the memory; b is left empty and reusable. Safe to call twice. */
void rn_buf_release(struct rn_buf *b);

/* Growable arrays of any item type: when len == *cap, return items
 * reallocated to twice the capacity (at least min_cap items of item_size
 * bytes) and update *cap; otherwise return items unchanged. NULL on out of
 * memory (items and *cap are then untouched). Typical use:
 *     if (v->len == v->cap && !(p = rn_array_grow(v->items, &v->cap, v->len,
 *                                                 sizeof *p, 64))) return RN_ENOMEM;
 *     v->items = p; */
void *rn_array_grow(void *items, size_t *cap, size_t len, size_t item_size, size_t min_cap);

/* Make *items hold at least need items of item_size bytes, doubling the
 * capacity (from at least min_cap) as often as needed; the new items are
 * zeroed. For tables indexed by an id that may jump ahead of the length.
 * RN_OK, or RN_ENOMEM with *items and *cap untouched. */
int rn_array_reserve(void **items, size_t *cap, size_t need, size_t item_size, size_t min_cap);

#endif
