/* fuzz_extract.c - sentence splitting and extraction on arbitrary bytes:
 * the shipped lexicon is loaded once, the bytes are ingested as text and
 * run through rn_pipeline_extract; the raw bytes also go straight to the
 * sentence splitter. Promises checked: no crash or sanitizer report;
 * sentences are in order, inside the text and non-empty; every record
 * passes rn_record_check and its offset lies inside the article. */
#include "fuzz.h"

#include "relnet/ingest.h"
#include "relnet/lib.h"
#include "relnet/pipeline.h"
#include "relnet/record.h"
#include "relnet/sentence.h"

#include <stdlib.h>

struct check {
    const struct rn_article *a;
};

static int check_record(void *ctx, const struct rn_record *rec, struct rn_err *err)
{
    const struct check *c = ctx;
    char relname[128];
    if (rn_record_check(rec, relname, sizeof relname, err) != RN_OK)
        fuzz_fail("the extractor made a record that fails rn_record_check: %s", err->msg);
    if (rec->offset < 0 || (size_t)rec->offset > c->a->len)
        fuzz_fail("offset %ld outside the article (%zu bytes)", rec->offset, c->a->len);
    return RN_OK;
}

static struct rn_pipeline *pipeline(void)
{
    static struct rn_pipeline *p;
    if (!p) {
        struct rn_err err = RN_ERR_INIT;
        struct rn_pipeline_options opt = { RELNET_DATA_DIR "/lexicon", NULL, 0, 0, NULL };
        if (rn_lib_init(&err) != RN_OK || rn_pipeline_new(&opt, &p, &err) != RN_OK)
            fuzz_fail("cannot load the lexicon: %s", err.msg);
    }
    return p;
}

static void check_sentences(const char *text, size_t len)
{
    struct rn_sentences s = RN_SENTENCES_INIT;
    if (rn_sentence_split(text, len, &s) != RN_OK)
        fuzz_fail("sentence split failed");
    size_t prev_end = 0;
    for (size_t i = 0; i < s.len; i++) {
        const struct rn_span *sp = &s.items[i];
        if (sp->start < prev_end || sp->end <= sp->start || sp->end > len)
            fuzz_fail("sentence %zu spans %zu..%zu (previous end %zu, text %zu bytes)", i,
                      sp->start, sp->end, prev_end, len);
        prev_end = sp->end;
    }
    rn_sentences_release(&s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_sentences((const char *)data, size);
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    struct rn_ingest_options opt = { RN_INGEST_TEXT, 0, NULL };
    if (rn_ingest_memory("f.txt", (const char *)data, size, &opt, &a, &err) == RN_OK) {
        check_sentences(a.text, a.len);
        struct check c = { &a };
        struct rn_sink sink = { check_record, &c };
        rn_pipeline_extract(pipeline(), &a, &sink, &err);
    }
    rn_article_release(&a);
    return 0;
}
