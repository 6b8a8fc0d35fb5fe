/* mem.c - big arrays on huge pages (see relnet/mem.h). */
#define _GNU_SOURCE /* mremap and MADV_HUGEPAGE are Linux extensions */
#include "relnet/mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define HUGE_PAGE ((size_t)2 << 20)

/* In front of every block; 16 bytes keep the data 16-byte aligned. */
struct header {
    size_t size;   /* bytes the caller asked for */
    size_t mapped; /* bytes mapped (0: the block came from malloc) */
};

static size_t round_up(size_t n)
{
    return (n + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
}

static struct header *header_of(void *p)
{
    return (struct header *)p - 1;
}

static void *block(struct header *h)
{
    return h + 1;
}

static struct header *map(size_t total)
{
    size_t mapped = round_up(total);
    void *p = mmap(NULL, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
#ifdef MADV_HUGEPAGE
    /* Advice only: where huge pages are off, this fails harmlessly. */
    madvise(p, mapped, MADV_HUGEPAGE);
#endif
    struct header *h = p;
    h->mapped = mapped;
    return h;
}

void *rn_big_calloc(size_t n)
{
    if (n > SIZE_MAX - sizeof(struct header) - HUGE_PAGE)
        return NULL;
    size_t total = n + sizeof(struct header);
    struct header *h;
    if (total < RN_BIG_MIN) {
        h = calloc(1, total);
        if (!h)
            return NULL;
        h->mapped = 0;
    } else {
        h = map(total); /* anonymous mappings are zeroed */
        if (!h)
            return NULL;
    }
    h->size = n;
    return block(h);
}

void *rn_big_realloc(void *p, size_t n)
{
    if (!p)
        return rn_big_calloc(n);
    if (n > SIZE_MAX - sizeof(struct header) - HUGE_PAGE)
        return NULL;
    struct header *h = header_of(p);
    size_t old = h->size, total = n + sizeof(struct header);
    if (h->mapped && total <= h->mapped) {
        /* Fits in the mapping: pages never written are still zero, but a
           block that shrank before may hold old bytes. */
        if (n > old)
            memset((char *)p + old, 0, n - old);
        h->size = n;
        return p;
    }
    if (h->mapped && total >= RN_BIG_MIN) {
        size_t mapped = round_up(total);
        struct header *q = mremap(h, h->mapped, mapped, MREMAP_MAYMOVE);
        if (q == MAP_FAILED)
            return NULL;
#ifdef MADV_HUGEPAGE
        madvise(q, mapped, MADV_HUGEPAGE);
#endif
        q->mapped = mapped;
        q->size = n; /* the new pages come zeroed */
        return block(q);
    }
    if (!h->mapped && total < RN_BIG_MIN) {
        struct header *q = realloc(h, total);
        if (!q)
            return NULL;
        if (n > old)
            memset((char *)block(q) + old, 0, n - old);
        q->size = n;
        return block(q);
    }
    /* Crossing the threshold: copy between the two kinds. */
    void *q = rn_big_calloc(n);
    if (!q)
        return NULL;
    memcpy(q, p, old < n ? old : n);
    rn_big_free(p);
    return q;
}

void rn_big_free(void *p)
{
    if (!p)
        return;
    struct header *h = header_of(p);
    if (h->mapped)
        munmap(h, h->mapped);
    else
        free(h);
}

void *rn_huge_malloc(size_t n)
{
    if (n < RN_BIG_MIN)
        return malloc(n ? n : 1);
    void *p;
    if (posix_memalign(&p, HUGE_PAGE, n) != 0)
        return NULL;
#ifdef MADV_HUGEPAGE
    madvise(p, n & ~(HUGE_PAGE - 1), MADV_HUGEPAGE); /* advice only */
#endif
    return p;
}

void rn_heap_on_huge_pages(size_t n)
{
#ifdef MADV_HUGEPAGE
    char *p = malloc(n);
    if (!p)
        return;
    uintptr_t a = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
    uintptr_t b = ((uintptr_t)p + n) & ~(uintptr_t)(HUGE_PAGE - 1);
    if (b > a)
        madvise((void *)a, b - a, MADV_HUGEPAGE); /* advice only */
    free(p);
#else
    (void)n;
#endif
}
