/* fuzz_tsv_loaders.c - every loader of a TSV rule file on arbitrary bytes,
 * chosen by the first byte: boilerplate rules, abbreviations, an alias
 * table, a lexicon file (actors, relations, cues or words, by its header). A rule
 * set that loads is then used on a short page. Promises checked: no crash or
 * sanitizer report; a failed load says why and hands nothing back. */
#include "fuzz.h"

#include "relnet/aliases.h"
#include "relnet/boilerplate.h"
#include "relnet/import.h"
#include "relnet/ingest.h"
#include "relnet/lexicon.h"
#include "relnet/sentence.h"

#include <string.h>

static const char page[] = "Advertisement\nKlow banned Lind on Monday. Mr. Vox said no.\n"
                           "Share this article\n";

static void boilerplate(const char *path)
{
    struct rn_boiler_rules *rules = NULL;
    struct rn_err err = RN_ERR_INIT;
    if (rn_boiler_rules_load(path, &rules, &err) != RN_OK) {
        if (rules || !err.msg[0])
            fuzz_fail("a failed boilerplate load must say why and return nothing");
        return;
    }
    struct rn_ingest_options opt = { RN_INGEST_AUTO, 0, rules };
    struct rn_article a = RN_ARTICLE_INIT;
    static const char html[] = "<div class=\"menu share\"><p>Klow banned Lind.</p></div>";
    rn_ingest_memory("p.txt", page, sizeof page - 1, &opt, &a, &err);
    rn_article_release(&a);
    rn_ingest_memory("p.html", html, sizeof html - 1, &opt, &a, &err);
    rn_article_release(&a);
    rn_boiler_rules_free(rules);
}

static void abbreviations(const char *path)
{
    struct rn_sentence_rules *rules = NULL;
    struct rn_err err = RN_ERR_INIT;
    if (rn_sentence_rules_load(path, &rules, &err) != RN_OK) {
        if (rules || !err.msg[0])
            fuzz_fail("a failed abbreviations load must say why and return nothing");
        return;
    }
    struct rn_sentences s = RN_SENTENCES_INIT;
    rn_sentence_split_with(rules, page, sizeof page - 1, &s);
    rn_sentences_release(&s);
    rn_sentence_rules_free(rules);
}

static void aliases(const char *path)
{
    struct rn_aliases *a = rn_aliases_new();
    struct rn_import_report rep;
    struct rn_err err = RN_ERR_INIT;
    if (!a)
        fuzz_fail("out of memory");
    memset(&rep, 0, sizeof rep);
    if (rn_aliases_load(a, path, &rep, &err) == RN_OK) {
        rn_aliases_find(a, "Klow");
        rn_aliases_find(a, "U.S.");
    }
    rn_import_report_release(&rep);
    rn_aliases_free(a);
}

static void lexicon(const char *path)
{
    struct rn_lexicon *lex = NULL;
    struct rn_err err = RN_ERR_INIT;
    if (rn_lexicon_new(&lex, &err) != RN_OK)
        fuzz_fail("cannot make a lexicon: %s", err.msg);
    if (rn_lexicon_add_file(lex, path, &err) == RN_OK)
        rn_lexicon_word_classes(lex, "that", 4);
    rn_lexicon_free(lex);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *path = fuzz_temp_file(data + 1, size - 1, ".tsv");
    switch (data[0] & 3) {
    case 0:
        boilerplate(path);
        break;
    case 1:
        abbreviations(path);
        break;
    case 2:
        aliases(path);
        break;
    default:
        lexicon(path);
        break;
    }
    return 0;
}
