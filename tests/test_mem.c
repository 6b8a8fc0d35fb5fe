/* test_mem.c - big arrays: zeroed, growing across the malloc/mmap
 * threshold both ways, contents kept; blocks free() releases
 * (rn_huge_malloc); growable arrays (buf.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "relnet/buf.h"
#include "relnet/error.h"
#include "relnet/mem.h"

#include <stdlib.h>
#include <string.h>

static int all_zero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return 0;
    return 1;
}

static void test_grow_and_shrink_keep_contents(void **state)
{
    (void)state;
    size_t small = 1000, big = RN_BIG_MIN * 3, bigger = RN_BIG_MIN * 5;
    unsigned char *p = rn_big_calloc(small);
    assert_non_null(p);
    assert_true(all_zero(p, small));
    memset(p, 0xAB, small);
    p = rn_big_realloc(p, big); /* malloc -> mmap */
    assert_non_null(p);
    assert_int_equal(p[small - 1], 0xAB);
    assert_true(all_zero(p + small, big - small));
    memset(p, 0xCD, big);
    p = rn_big_realloc(p, bigger); /* mremap */
    assert_non_null(p);
    assert_int_equal(p[big - 1], 0xCD);
    assert_true(all_zero(p + big, bigger - big));
    p = rn_big_realloc(p, small); /* mmap -> malloc */
    assert_non_null(p);
    assert_int_equal(p[0], 0xCD);
    assert_int_equal(p[small - 1], 0xCD);
    p = rn_big_realloc(p, small * 2);
    assert_true(all_zero(p + small, small));
    rn_big_free(p);
    rn_big_free(NULL);
    unsigned char *q = rn_big_realloc(NULL, big);
    assert_non_null(q);
    assert_true(all_zero(q, big));
    rn_big_free(q);
}

static void test_array_reserve_and_grow(void **state)
{
    (void)state;
    uint32_t *ids = NULL;
    size_t cap = 0;
    /* an id far ahead of the capacity: doubled until it fits, new items zeroed */
    assert_int_equal(rn_array_reserve((void **)&ids, &cap, 100, sizeof *ids, 8), RN_OK);
    assert_int_equal(cap, 128);
    assert_true(all_zero((unsigned char *)ids, cap * sizeof *ids));
    ids[99] = 7;
    assert_int_equal(rn_array_reserve((void **)&ids, &cap, 50, sizeof *ids, 8), RN_OK);
    assert_int_equal(cap, 128); /* enough already: untouched */
    assert_int_equal(ids[99], 7);
    assert_int_equal(rn_array_reserve((void **)&ids, &cap, 1000, SIZE_MAX / 2, 8), RN_ENOMEM);
    assert_int_equal(cap, 128);
    /* grow: only when full, one doubling */
    uint32_t *same = rn_array_grow(ids, &cap, 127, sizeof *ids, 8);
    assert_ptr_equal(same, ids);
    ids = rn_array_grow(ids, &cap, 128, sizeof *ids, 8);
    assert_non_null(ids);
    assert_int_equal(cap, 256);
    assert_int_equal(ids[99], 7);
    free(ids);
    uint32_t *fresh = rn_array_grow(NULL, &(size_t){ 0 }, 0, sizeof *fresh, 64);
    assert_non_null(fresh);
    free(fresh);
}

/* Blocks free() releases: small ones from malloc, big ones on a 2 MiB
   boundary; all writable to their last byte. */
static void test_huge_malloc_is_freeable(void **state)
{
    (void)state;
    size_t sizes[] = { 0, 100, RN_BIG_MIN - 1, RN_BIG_MIN, 3 * RN_BIG_MIN + 12345 };
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        unsigned char *p = rn_huge_malloc(sizes[k]);
        assert_non_null(p);
        if (sizes[k] >= RN_BIG_MIN)
            assert_int_equal((uintptr_t)p % RN_BIG_MIN, 0);
        if (sizes[k]) {
            memset(p, 0xab, sizes[k]);
            assert_int_equal(p[sizes[k] - 1], 0xab);
        }
        free(p);
    }
}

/* The heap's next stretch advised onto huge pages: malloc and free work
   on as before (whether the kernel gives huge pages is its business). */
static void test_heap_on_huge_pages_keeps_malloc_working(void **state)
{
    (void)state;
    rn_heap_on_huge_pages(0);
    rn_heap_on_huge_pages(100);
    rn_heap_on_huge_pages(3 * RN_BIG_MIN + 5);
    unsigned char *p = malloc(2 * RN_BIG_MIN);
    assert_non_null(p);
    memset(p, 0x5a, 2 * RN_BIG_MIN);
    assert_int_equal(p[2 * RN_BIG_MIN - 1], 0x5a);
    free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grow_and_shrink_keep_contents),
        cmocka_unit_test(test_array_reserve_and_grow),
        cmocka_unit_test(test_huge_malloc_is_freeable),
        cmocka_unit_test(test_heap_on_huge_pages_keeps_malloc_working),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
