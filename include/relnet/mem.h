/* mem.h - memory for big arrays (hash slots, per-record columns).
 *
 * Arrays of many megabytes are touched at random (hash tables) or grow by
 * doubling (record columns). From RN_BIG_MIN bytes they are mapped directly
 * with transparent huge pages requested (madvise), which cuts the page
 * faults and TLB misses that dominated loading a million-edge CSV, and
 * they grow with mremap, which copies nothing. Smaller arrays use malloc.
 * A small header in front of each block remembers its size and kind, so
 * realloc and free need only the pointer. Memory comes back zeroed.
 */
#ifndef RELNET_MEM_H
#define RELNET_MEM_H

#include <stddef.h>

#define RN_BIG_MIN ((size_t)2 << 20)

/* Zeroed memory for n bytes (16-byte aligned); NULL on failure. */
void *rn_big_calloc(size_t n);

/* Resize p to n bytes, zeroing any new part; on failure NULL is returned
 * and p is unchanged. p may be NULL. */
void *rn_big_realloc(void *p, size_t n);

/* Release p. NULL-safe. */
void rn_big_free(void *p);

/* n bytes (not zeroed) that free() releases, for arrays handed to a
 * library that frees them itself (igraph's vectors). From RN_BIG_MIN
 * bytes the block starts on a 2 MiB boundary and its whole 2 MiB pages
 * are advised onto huge pages; the rest, less than one, stays on small
 * pages, so the resident set grows by no more than what is written.
 * NULL on failure. */
void *rn_huge_malloc(size_t n);

/* Advise the next n bytes of malloc's heap onto huge pages: n bytes are
 * allocated, advised (their whole 2 MiB pages) and freed, so that the
 * blocks malloc hands out next come from there, faulted in 2 MiB at a
 * time. Only useful while malloc's mmap and trim thresholds are above n;
 * pages never written are never backed. */
void rn_heap_on_huge_pages(size_t n);

#endif
