/* test_lexicon.c - loading lexicon files, gazetteer case rules, stems, errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "relnet/error.h"
#include "relnet/lexicon.h"
#include "relnet/token.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Write text to path and load it as the only lexicon file, with a word
   cache for it. */
static void load_one_file(const char *path, const char *text, struct rn_lexicon **lex,
                          struct rn_wordcache **wc)
{
    struct rn_err err = RN_ERR_INIT;
    write_file(path, text);
    assert_int_equal(rn_lexicon_new(lex, &err), RN_OK);
    assert_int_equal(rn_lexicon_add_file(*lex, path, &err), RN_OK);
    assert_int_equal(rn_wordcache_new(*lex, wc), RN_OK);
}

static void test_gazetteer_case_and_longest_match(void **state)
{
    (void)state;
    struct rn_lexicon *lex = NULL;
    struct rn_wordcache *wc = NULL;
    load_one_file("tl_actors.tsv",
                  "name\ttype\taffiliation\taliases\tdemonyms\n"
                  "# a comment\n"
                  "Utopia\tcountry\t\tUT|Utopian Republic\tUtopian\n"
                  "Utopian Senate\torganization\tUtopia\t\t\n",
                  &lex, &wc);
    struct rn_tokens t = RN_TOKENS_INIT;
    const char *s = "the Utopian Senate met ut officials in UT";
    assert_int_equal(rn_tokenize(s, 0, strlen(s), &t), RN_OK);
    struct rn_gaz_match m;
    assert_true(rn_lexicon_match(lex, wc, &t, 1, t.len, 0, &m));
    assert_int_equal(m.ntok, 2); /* longest: the Senate, not the demonym */
    assert_string_equal(rn_lexicon_actor(lex, m.actor)->name, "Utopian Senate");
    assert_string_equal(rn_lexicon_actor(lex, rn_lexicon_actor(lex, m.actor)->affiliation)->name,
                        "Utopia");
    assert_false(rn_lexicon_match(lex, wc, &t, 4, t.len, 0, &m)); /* "ut": case matters */
    /* the cheap test says no wherever no name can start, yes where one does */
    for (size_t i = 0; i < t.len; i++)
        assert_int_equal(rn_lexicon_may_match(wc, &t, i, 0), i == 1 || i == 7);
    assert_false(rn_lexicon_may_match(wc, &t, t.len, 0));
    /* a sentence in capitals: case does not matter */
    assert_true(rn_lexicon_may_match(wc, &t, 4, 1));
    assert_true(rn_lexicon_match(lex, wc, &t, 4, t.len, 1, &m));
    assert_true(rn_lexicon_match(lex, wc, &t, 7, t.len, 0, &m));
    assert_string_equal(rn_lexicon_actor(lex, m.actor)->name, "Utopia");
    assert_int_equal(rn_lexicon_find_actor(lex, "the utopian republic"), m.actor);
    rn_tokens_release(&t);
    rn_wordcache_free(wc);
    rn_lexicon_free(lex);
    unlink("tl_actors.tsv");
}

/* Names of one to three words, found only where each word stands in its
   place: a word that is a name's second word elsewhere in the sentence, or
   a name's word in another place, matches nothing longer. */
static void test_gazetteer_names_in_place(void **state)
{
    (void)state;
    struct rn_lexicon *lex = NULL;
    struct rn_wordcache *wc = NULL;
    load_one_file("tl_place.tsv",
                  "name\ttype\taffiliation\taliases\tdemonyms\n"
                  "Kestrel\tcompany\t\t\t\n"
                  "Kestrel Bay Port Authority\torganization\t\tKestrel Port\t\n"
                  "Bay Council\torganization\t\t\t\n",
                  &lex, &wc);
    struct rn_tokens t = RN_TOKENS_INIT;
    /* 0 Kestrel 1 Bay 2 Port 3 Authority 4 and 5 Kestrel 6 Port 7 met 8 Kestrel
       9 Council 10 Bay 11 Council 12 Port 13 Bay 14 Kestrel */
    const char *s = "Kestrel Bay Port Authority and Kestrel Port met Kestrel Council Bay Council "
                    "Port Bay Kestrel";
    assert_int_equal(rn_tokenize(s, 0, strlen(s), &t), RN_OK);
    static const struct {
        size_t at, ntok;
        const char *name;
    } want[] = {
        { 0, 4, "Kestrel Bay Port Authority" }, { 5, 2, "Kestrel Bay Port Authority" },
        { 8, 1, "Kestrel" },                    { 10, 2, "Bay Council" },
        { 14, 1, "Kestrel" },
    };
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        struct rn_gaz_match m;
        assert_true(rn_lexicon_match(lex, wc, &t, want[k].at, t.len, 0, &m));
        assert_int_equal(m.ntok, want[k].ntok);
        assert_string_equal(rn_lexicon_actor(lex, m.actor)->name, want[k].name);
    }
    static const size_t none[] = { 1, 2, 3, 6, 9, 12, 13 };
    for (size_t k = 0; k < sizeof none / sizeof none[0]; k++) {
        struct rn_gaz_match m;
        assert_false(rn_lexicon_match(lex, wc, &t, none[k], t.len, 0, &m));
    }
    /* the end bounds the name: "Kestrel Bay Port" is no name, "Kestrel" is */
    struct rn_gaz_match m;
    assert_true(rn_lexicon_match(lex, wc, &t, 0, 3, 0, &m));
    assert_int_equal(m.ntok, 1);
    rn_tokens_release(&t);
    rn_wordcache_free(wc);
    rn_lexicon_free(lex);
    unlink("tl_place.tsv");
}

/* The word memo answers from its front (words of up to 16 bytes) or its
   table (longer words) the same as when the word was first seen: words
   that share their first 8 bytes, or differ only in length, stay apart,
   across sentences and after the tagger is set. */
static uint32_t tag_length(void *ctx, const char *word, size_t len)
{
    (void)ctx;
    (void)word;
    return (uint32_t)len;
}

static void assert_memo_reads(struct rn_lexicon *lex, struct rn_wordcache *wc)
{
    const char *s = "we condemn condemns condemnation condemnations condemned a an ann "
                    "internationalisation internationalisations";
    static const uint32_t lens[] = { 2, 7, 8, 12, 13, 9, 1, 2, 3, 20, 21 };
    static const int fires[] = { 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0 }; /* one Snowball stem */
    struct rn_tokens t = RN_TOKENS_INIT;
    for (int round = 0; round < 3; round++) {
        assert_int_equal(rn_tokenize(s, 0, strlen(s), &t), RN_OK);
        if (round == 2)
            assert_int_equal(rn_wordcache_prepare(wc, &t), RN_OK);
        const struct rn_trigger *tr[4];
        uint32_t nt[4];
        for (size_t i = 0; i < t.len; i++) {
            assert_int_equal(rn_wordcache_tag(wc, &t, i), lens[i]);
            assert_int_equal(rn_lexicon_triggers(lex, wc, &t, i, t.len, tr, nt, 4) > 0, fires[i]);
        }
    }
    rn_tokens_release(&t);
}

static void test_triggers_by_stem(void **state)
{
    (void)state;
    struct rn_lexicon *lex = NULL;
    struct rn_wordcache *wc = NULL;
    load_one_file("tl_rel.tsv",
                  "relation\tpos\ttrigger\tframe\ttarget\tpolarity\n"
                  "condemns\tverb\tcondemn\tobj\tactor\t\n",
                  &lex, &wc);
    struct rn_tokens t = RN_TOKENS_INIT;
    const char *s = "they condemned it";
    assert_int_equal(rn_tokenize(s, 0, strlen(s), &t), RN_OK);
    const struct rn_trigger *tr[4];
    uint32_t nt[4];
    assert_int_equal(rn_lexicon_triggers(lex, wc, &t, 1, t.len, tr, nt, 4), 1);
    assert_string_equal(tr[0]->relation, "condemns");
    assert_int_equal(rn_lexicon_triggers(lex, wc, &t, 0, t.len, tr, nt, 4), 0);
    rn_tokens_release(&t);
    rn_wordcache_set_tagger(wc, tag_length, NULL);
    assert_memo_reads(lex, wc);
    /* a new tagger empties the memo, front included */
    rn_wordcache_set_tagger(wc, tag_length, NULL);
    assert_memo_reads(lex, wc);
    rn_wordcache_free(wc);
    rn_lexicon_free(lex);
    unlink("tl_rel.tsv");
}

/* Prepared facts answer for the tokens prepared only: not for another
   struct's tokens, nor for the same struct tokenized again. */
static void test_prepared_facts_belong_to_their_tokens(void **state)
{
    (void)state;
    struct rn_lexicon *lex = NULL;
    struct rn_wordcache *wc = NULL;
    load_one_file("tl_rel3.tsv", "relation\tpos\ttrigger\tframe\ttarget\tpolarity\n", &lex, &wc);
    rn_wordcache_set_tagger(wc, tag_length, NULL);
    struct rn_tokens a = RN_TOKENS_INIT, b = RN_TOKENS_INIT;
    assert_int_equal(rn_tokenize("we condemn", 0, 10, &a), RN_OK);
    assert_int_equal(rn_wordcache_prepare(wc, &a), RN_OK);
    assert_int_equal(rn_tokenize("internationalisation a", 0, 22, &b), RN_OK);
    assert_int_equal(rn_wordcache_tag(wc, &b, 0), 20);
    assert_int_equal(rn_wordcache_tag(wc, &b, 1), 1);
    assert_int_equal(rn_wordcache_tag(wc, &a, 1), 7);
    assert_int_equal(rn_tokenize("ann an", 0, 6, &a), RN_OK);
    assert_int_equal(rn_wordcache_tag(wc, &a, 0), 3);
    assert_int_equal(rn_wordcache_tag(wc, &a, 1), 2);
    rn_tokens_release(&a);
    rn_tokens_release(&b);
    rn_wordcache_free(wc);
    rn_lexicon_free(lex);
    unlink("tl_rel3.tsv");
}

static void test_errors_name_file_and_line(void **state)
{
    (void)state;
    write_file("tl_bad.tsv", "relation\tpos\ttrigger\tframe\ttarget\tpolarity\n"
                             "bans\tadverb\tban\tobj\t\t\n");
    struct rn_lexicon *lex = NULL;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_lexicon_new(&lex, &err), RN_OK);
    assert_int_equal(rn_lexicon_add_file(lex, "tl_bad.tsv", &err), RN_EINPUT);
    assert_non_null(strstr(err.msg, "tl_bad.tsv:2:"));
    write_file("tl_bad.tsv", "what\tever\n");
    assert_int_equal(rn_lexicon_add_file(lex, "tl_bad.tsv", &err), RN_EINPUT);
    assert_non_null(strstr(err.msg, "tl_bad.tsv:1:"));
    rn_lexicon_free(lex);
    unlink("tl_bad.tsv");
}

static void test_closed_word_classes_from_data(void **state)
{
    (void)state;
    write_file("tl_words.tsv", "class\tword\n"
                               "det\tthat\n"
                               "wh\tthat\n"
                               "we\tus\n");
    struct rn_lexicon *lex = NULL;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_lexicon_new(&lex, &err), RN_OK);
    assert_int_equal(rn_lexicon_add_file(lex, "tl_words.tsv", &err), RN_OK);
    /* a word in two classes has both bits; words are matched exactly */
    assert_int_equal(rn_lexicon_word_classes(lex, "that", 4), RN_WORD_DET | RN_WORD_WH);
    assert_int_equal(rn_lexicon_word_classes(lex, "us", 2), RN_WORD_WE);
    assert_int_equal(rn_lexicon_word_classes(lex, "thats", 5), 0);
    write_file("tl_words.tsv", "class\tword\nadverbial\tsoon\n");
    assert_int_equal(rn_lexicon_add_file(lex, "tl_words.tsv", &err), RN_EINPUT);
    assert_non_null(strstr(err.msg, "tl_words.tsv:2: unknown word class 'adverbial'"));
    write_file("tl_words.tsv", "class\tword\ndet\t\n");
    assert_int_equal(rn_lexicon_add_file(lex, "tl_words.tsv", &err), RN_EINPUT);
    assert_non_null(strstr(err.msg, "tl_words.tsv:2: expected one lowercase word"));
    rn_lexicon_free(lex);
    unlink("tl_words.tsv");
    /* a lexicon folder without words.tsv is refused, not silently weak */
    unlink("tl_dir/relations.tsv");
    rmdir("tl_dir");
    assert_int_equal(mkdir("tl_dir", 0700), 0);
    write_file("tl_dir/relations.tsv", "relation\tpos\ttrigger\tframe\ttarget\tpolarity\n"
                                       "bans\tverb\tban\tobj\t\t\n");
    assert_int_equal(rn_lexicon_load("tl_dir", &lex, &err), RN_EINPUT); /* bad input: exit 1 */
    assert_non_null(strstr(err.msg, "cannot open tl_dir/words.tsv"));
    assert_non_null(strstr(err.msg, "(no closed word classes)"));
    unlink("tl_dir/relations.tsv");
    rmdir("tl_dir");
}

static void test_possessive_slot_and_document_families(void **state)
{
    (void)state;
    struct rn_lexicon *lex = NULL;
    struct rn_wordcache *wc = NULL;
    load_one_file("tl_rel2.tsv",
                  "relation\tpos\ttrigger\tframe\ttarget\tpolarity\n"
                  "supports\tverb\tlend one's voice to\tobj\tdocument:statement|plan\t\n",
                  &lex, &wc);
    struct rn_tokens t = RN_TOKENS_INIT;
    const struct rn_trigger *tr[4];
    uint32_t nt[4];
    const char *s = "they lent their voices to it";
    assert_int_equal(rn_tokenize(s, 0, strlen(s), &t), RN_OK);
    assert_int_equal(rn_lexicon_triggers(lex, wc, &t, 1, t.len, tr, nt, 4), 0); /* "lent" */
    s = "we lend our voice to it, they lend the voice to it";
    assert_int_equal(rn_tokenize(s, 0, strlen(s), &t), RN_OK);
    assert_int_equal(rn_lexicon_triggers(lex, wc, &t, 1, t.len, tr, nt, 4), 1);
    assert_int_equal(nt[0], 4);
    assert_string_equal(tr[0]->families, "statement|plan");
    assert_int_equal(tr[0]->target, RN_TARGET_DOCUMENT);
    assert_int_equal(rn_lexicon_triggers(lex, wc, &t, 8, t.len, tr, nt, 4), 0); /* "the" */
    rn_tokens_release(&t);
    rn_wordcache_free(wc);
    write_file("tl_rel2.tsv", "relation\tpos\ttrigger\tframe\ttarget\tpolarity\n"
                              "supports\tverb\tback\tobj\tdocument:\t\n");
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_lexicon_add_file(lex, "tl_rel2.tsv", &err), RN_EINPUT);
    assert_non_null(strstr(err.msg, "tl_rel2.tsv:2:"));
    rn_lexicon_free(lex);
    unlink("tl_rel2.tsv");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gazetteer_case_and_longest_match),
        cmocka_unit_test(test_gazetteer_names_in_place),
        cmocka_unit_test(test_triggers_by_stem),
        cmocka_unit_test(test_prepared_facts_belong_to_their_tokens),
        cmocka_unit_test(test_errors_name_file_and_line),
        cmocka_unit_test(test_closed_word_classes_from_data),
        cmocka_unit_test(test_possessive_slot_and_document_families),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
