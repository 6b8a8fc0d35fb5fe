/* test_eval.c - the scorer: folding, matching rules, dedup, negated rows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "relnet/buf.h"
#include "relnet/error.h"
#include "relnet/eval.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void assert_fold(const char *in, const char *want)
{
    struct rn_buf b = RN_BUF_INIT;
    assert_int_equal(rn_eval_fold(in, &b), RN_OK);
    assert_string_equal(rn_buf_str(&b), want);
    rn_buf_release(&b);
}

static void test_fold(void **state)
{
    (void)state;
    assert_fold("The U.S.'s", "us");
    assert_fold("Norway\xE2\x80\x99s  Ministry", "norway ministry");
    assert_fold("\xE2\x80\x9C" "Clean Network\xE2\x80\x9D", "clean network");
    assert_fold("end-to-end (E2E)", "end-to-end e2e");
    assert_fold("", "");
}

static const char *gold_path = "test_eval_gold.tsv";

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_scores(void **state)
{
    (void)state;
    write_file(gold_path,
               "article\tsource\tsource_affiliation\trelation\ttarget\ttarget_affiliation\twith\t"
               "polarity\tevidence\n"
               "a1\tNorway\t\tBANS\tTikTok\t\t\tasserted\tx\n"
               "a1\tOslo Foreign Ministry\tNorway\tACCUSES\tFive Eyes\t\t\tasserted\tx\n"
               "a2\tChile\t\tSIGNS\tLima Pact on fisheries\t\t\tnegated\tx\n");
    struct rn_eval *ev = NULL;
    struct rn_err err = RN_ERR_INIT;
    /* an alias table named but missing is bad input, as any file named */
    assert_int_equal(rn_eval_new(gold_path, "/nonexistent/aliases.tsv", &ev, &err), RN_EINPUT);
    assert_non_null(strstr(err.msg, "cannot open /nonexistent/aliases.tsv"));
    assert_int_equal(rn_eval_new(gold_path, NULL, &ev, &err), RN_OK);
    /* a path as article, relation in lower case, a duplicate */
    assert_int_equal(rn_eval_add(ev, "dir/a1.txt", "Norway", "", "bans", "TikTok", "", "asserted", ""), RN_OK);
    assert_int_equal(rn_eval_add(ev, "a1", "norway", "", "BANS", "Tiktok", "", "hedged", ""), RN_OK);
    /* lenient: the affiliation matches the gold source */
    assert_int_equal(rn_eval_add(ev, "a1", "Norway", "", "accuses", "Five Eyes alliance", "", "", ""), RN_OK);
    /* half of the content words: a descriptive target */
    assert_int_equal(rn_eval_add(ev, "a2", "Chile", "", "signs", "the Lima fisheries pact", "", "negated", ""), RN_OK);
    /* unknown relations are ignored; a wrong one is a false positive */
    assert_int_equal(rn_eval_add(ev, "a2", "Chile", "", "praises", "Peru", "", "", ""), RN_OK);
    assert_int_equal(rn_eval_add(ev, "a2", "Chile", "", "signs", "Peru", "", "", ""), RN_OK);
    struct rn_eval_result r;
    assert_int_equal(rn_eval_score(ev, 0, &r), RN_OK);
    assert_int_equal(r.micro.gold, 2);
    assert_int_equal(r.micro.pred, 3);
    assert_true(r.micro.recall == 1.0);
    assert_true(r.micro.precision > 0.66 && r.micro.precision < 0.67);
    assert_int_equal(r.negated.gold, 1);
    assert_true(r.negated.f1 == 1.0);
    /* strict: "Norway" is not "Oslo Foreign Ministry" */
    assert_int_equal(rn_eval_score(ev, 1, &r), RN_OK);
    assert_true(r.rel[0].recall == 0.0);
    rn_eval_free(ev);
    unlink(gold_path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_scores),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
