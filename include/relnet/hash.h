/* hash.h - fast non-cryptographic hashing (xxHash, the only user of xxhash.h).
 *
 * rn_hash64 keys the in-memory hash tables. The content hash identifies a
 * file or article in the knowledge base, so re-adding the same bytes is
 * detected: it is XXH3's 128-bit hash, written as 32 hex digits.
 */
#ifndef RELNET_HASH_H
#define RELNET_HASH_H

#include <stddef.h>
#include <stdint.h>

uint64_t rn_hash64(const void *data, size_t len);

/* Streaming content hash. */
struct rn_content_hash;

/* NULL on out of memory. */
struct rn_content_hash *rn_content_hash_new(void);
void rn_content_hash_add(struct rn_content_hash *h, const void *data, size_t len);
/* Write 32 lowercase hex digits and a NUL into hex[33]. */
void rn_content_hash_hex(const struct rn_content_hash *h, char hex[33]);
void rn_content_hash_free(struct rn_content_hash *h);

/* One-shot content hash of a memory block. */
void rn_content_hash_of(const void *data, size_t len, char hex[33]);

/* Content hash of a whole file, read in chunks. RN_OK, "cannot open PATH:
 * ..." (rn_open_status), or RN_EIO "cannot read PATH: ...". */
struct rn_err;
int rn_content_hash_file(const char *path, char hex[33], struct rn_err *err);

#endif
