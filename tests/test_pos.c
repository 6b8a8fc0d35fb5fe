/* test_pos.c - WordNet's open classes (relnet/pos.h): lookups through the
 * irregular forms and suffix rules, malformed files, and the unigram
 * tagger's accuracy on sentences written for these tests
 * (tests/data/pos/tagged.txt). Exits 77 (skipped) where WordNet is not
 * installed. */
#include "relnet/pos.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

static struct rn_pos_dict *wn;

static struct rn_pos_word look(const char *w)
{
    struct rn_pos_word pw;
    rn_pos_lookup(wn, w, strlen(w), &pw);
    return pw;
}

static void test_base_forms_and_inflections(void **state)
{
    (void)state;
    assert_true(rn_pos_count(wn) > 60000); /* single-word lemmas */
    struct rn_pos_word ban = look("ban");
    assert_true(ban.pos & RN_WP_NOUN);
    assert_true(ban.pos & RN_WP_VERB);
    assert_int_equal(ban.inflected, 0);
    /* "banned": a verb through "-ed" (and an adjective of its own), most
       often the verb; never a noun */
    struct rn_pos_word banned = look("banned");
    assert_int_equal(banned.pos, RN_WP_VERB | RN_WP_ADJ);
    assert_int_equal(banned.inflected, RN_WP_VERB);
    assert_int_equal(banned.best, RN_WP_VERB);
    /* verb.exc lists doubled consonants too: "banned" is an exception form,
       "signed" a suffix rule's */
    assert_int_equal(banned.irregular, RN_WP_VERB);
    assert_int_equal(look("signed").irregular, 0);
    /* "made": an adjective of its own, a verb only through verb.exc */
    struct rn_pos_word made = look("made");
    assert_int_equal(made.irregular, RN_WP_VERB);
    assert_true(made.inflected & RN_WP_VERB);
    /* "companies" -> company (noun rule ies -> y) */
    assert_int_equal(look("companies").best, RN_WP_NOUN);
    /* irregular forms from the exception lists */
    assert_true(look("went").pos & RN_WP_VERB);
    assert_true(look("children").pos & RN_WP_NOUN);
    assert_true(look("bigger").pos & RN_WP_ADJ);
    /* an invented name is unknown; "quietly" is an adverb only */
    struct rn_pos_word none = look("vantrix");
    assert_int_equal(none.pos, 0);
    assert_int_equal(none.best, 0);
    assert_int_equal(look("quietly").pos, RN_WP_ADV);
    /* a candidate counts only where WordNet has that lemma in that part
       of speech: "news" is no form of a verb "new" */
    assert_false(look("news").pos & RN_WP_VERB);
    /* a word longer than any lemma, ending in a suffix: unknown, and no
       write past the rule buffer (UBSan) */
    char longw[80];
    memset(longw, 'l', sizeof longw);
    memcpy(longw + sizeof longw - 4, "ing", 3);
    longw[sizeof longw - 1] = '\0';
    assert_int_equal(look(longw).pos, 0);
}

/* Write text as dir's index.noun and load dir: the status, *err filled. */
static int load_noun_index(const char *dir, const char *text, struct rn_err *err)
{
    char path[512];
    snprintf(path, sizeof path, "%s/index.noun", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    *err = (struct rn_err)RN_ERR_INIT;
    struct rn_pos_dict *d = NULL;
    int rc = rn_pos_load(dir, &d, err);
    assert_null(d); /* every case here fails */
    return rc;
}

/* Malformed or missing WordNet files say where and what. */
static void test_bad_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/relnet_pos_XXXXXX";
    assert_non_null(mkdtemp(dir));
    struct rn_err err = RN_ERR_INIT;
    struct rn_pos_dict *d = NULL;
    assert_int_equal(rn_pos_load(dir, &d, &err), RN_ENOTFOUND);
    assert_non_null(strstr(err.msg, "index.noun"));
    assert_int_equal(load_noun_index(dir, "  1 licence text\nban n 5 4 @ ~ #p + 5 1 06542047\nbroken n\n",
                                     &err),
                     RN_EINPUT);
    assert_non_null(strstr(err.msg, "index.noun:3:"));
    /* lookups are binary searches: a lemma out of order is named */
    assert_int_equal(load_noun_index(dir,
                                     "  1 licence text\nban n 5 4 @ ~ #p + 5 1 06542047\n"
                                     "accord n 2 1 @ 2 1 0 1\n",
                                     &err),
                     RN_EINPUT);
    assert_non_null(strstr(err.msg, "index.noun:3: lemma out of order"));
    /* a good noun index but no verb index: that file is named */
    assert_int_equal(load_noun_index(dir, "ban n 5 4 @ ~ #p + 5 1 06542047\n", &err), RN_EINPUT);
    assert_non_null(strstr(err.msg, "index.verb"));
    char path[512];
    snprintf(path, sizeof path, "%s/index.noun", dir);
    unlink(path);
    rmdir(dir);
}

/* The unigram tagger on sentences of our own: every open-class word's gold
   tag must be among the word's possible parts of speech (coverage), and
   the most frequent one must be right for most of them (accuracy). */
static void test_accuracy_on_own_sentences(void **state)
{
    (void)state;
    const char *data = getenv("RELNET_TEST_DATA");
    char path[4096];
    snprintf(path, sizeof path, "%s/pos/tagged.txt", data ? data : "data");
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[2048];
    int words = 0, covered = 0, right = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#')
            continue;
        char *save = NULL;
        for (char *tok = strtok_r(line, " \n", &save); tok; tok = strtok_r(NULL, " \n", &save)) {
            char *slash = strrchr(tok, '/');
            assert_non_null(slash);
            char tag = slash[1];
            int gold = tag == 'N' ? RN_WP_NOUN : tag == 'V' ? RN_WP_VERB : tag == 'A' ? RN_WP_ADJ
                     : tag == 'R' ? RN_WP_ADV : 0;
            if (!gold)
                continue;
            *slash = '\0';
            for (char *c = tok; *c; c++)
                if (*c >= 'A' && *c <= 'Z')
                    *c = (char)(*c - 'A' + 'a');
            struct rn_pos_word pw = look(tok);
            words++;
            covered += (pw.pos & gold) != 0;
            right += pw.best == gold;
        }
    }
    fclose(f);
    print_message("WordNet unigram tagger: %d open-class words, coverage %.3f, accuracy %.3f\n",
                  words, (double)covered / words, (double)right / words);
    assert_true(words >= 100);
    assert_true(covered * 100 >= words * 98);
    assert_true(right * 100 >= words * 80);
}

int main(void)
{
    struct rn_err err = RN_ERR_INIT;
    if (rn_pos_load(NULL, &wn, &err) != RN_OK) {
        printf("SKIP: %s (Debian: wordnet-base)\n", err.msg);
        return 77;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_base_forms_and_inflections),
        cmocka_unit_test(test_bad_files),
        cmocka_unit_test(test_accuracy_on_own_sentences),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    rn_pos_free(wn);
    return rc;
}
