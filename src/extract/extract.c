/* extract.c - the article driver (see relnet/extract.h).
 *
 * For each sentence: tokenize, tag the words (words.c), find mentions
 * (mention.c), then read relation triggers and their arguments
 * (relation.c), which emit records (records.c). This file owns the
 * extractor's lifetime and the article's start.
 */
#include "relnet/extract.h"

#include "explain.h"
#include "internal.h"
#include "mention.h"
#include "records.h"
#include "relation.h"
#include "words.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int rn_extractor_new(const struct rn_lexicon *lex, struct rn_extractor **out, struct rn_err *err)
{
    struct rn_extractor *x = calloc(1, sizeof *x);
    *out = NULL;
    if (!x)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    x->lex = lex;
    if (rn_wordcache_new(lex, &x->wc) != RN_OK) {
        rn_extractor_free(x);
        return rn_fail(err, RN_ENOMEM, "out of memory");
    }
    x_words_init(x);
    *out = x;
    return RN_OK;
}

/* The string tables outlive an article (allocating them per article costs
   more than the extraction); entries from earlier articles are told apart
   by the article generation, and the tables start afresh when they grow
   large. */
static void tables_free(struct rn_extractor *x)
{
    rn_strtab_free(x->names);
    rn_strtab_free(x->ent_keys);
    rn_strtab_free(x->shorts);
    x->names = x->ent_keys = x->shorts = NULL;
}

static void article_reset(struct rn_extractor *x)
{
    x->nents = 0;
    x->clock = 0;
    x->pending.active = 0;
    x->nsets = 0;
    x->nhist = 0;
    x->nlists = 0;
    x->speaker = XNONE;
    x->gen++;
    if (x->names && (rn_strtab_count(x->names) > 200000 || rn_strtab_count(x->ent_keys) > 200000 ||
                     rn_strtab_count(x->shorts) > 200000))
        tables_free(x);
}

void rn_extractor_free(struct rn_extractor *x)
{
    if (!x)
        return;
    tables_free(x);
    free(x->ent_key_gen);
    free(x->short_gen);
    rn_strtab_free(x->body_words);
    free(x->body_first);
    free(x->body_next);
    rn_wordcache_free(x->wc);
    rn_tokens_release(&x->tok);
    free(x->ents);
    free(x->ent_key_to);
    free(x->short_to);
    free(x->m);
    free(x->tok_m);
    free(x->tok_cue);
    free(x->tok_cls);
    rn_buf_release(&x->evidence);
    rn_buf_release(&x->out_text);
    free(x->out);
    rn_buf_release(&x->tmp);
    free(x);
}


void rn_extractor_set_explain(struct rn_extractor *x, FILE *out)
{
    x->explain = out;
}

int rn_extract_doc(struct rn_extractor *x, const struct rn_extract_doc *doc,
                   const struct rn_sink *sink, struct rn_err *err)
{
    article_reset(x);
    if (!x->names) {
        x->names = rn_strtab_new();
        x->ent_keys = rn_strtab_new();
        x->shorts = rn_strtab_new();
        x->ent_key_gen_cap = 0;
        if (!x->names || !x->ent_keys || !x->shorts)
            return rn_fail(err, RN_ENOMEM, "out of memory");
    }
    x->text = doc->text;
    x->article = doc->article;
    x->title = doc->title;
    x->date = doc->date;
    x->sink = sink;
    x->err = err;
    int rc = RN_OK;
    for (size_t s = 0; s < doc->nsent && rc == RN_OK; s++) {
        size_t a = doc->starts[s], b = doc->ends[s];
        if (b <= a || b > doc->len)
            continue;
        x->sent_no = s + 1;
        x->sent_start = a;
        x->sent_end = b;
        if ((rc = rn_tokenize(doc->text, a, b, &x->tok)) != RN_OK)
            break;
        if (x->tok.len == 0)
            continue;
        if ((rc = x_words_tag(x)) != RN_OK || (rc = x_mentions(x)) != RN_OK)
            break;
        /* --explain shows every sentence; records copy theirs when made */
        if (x->explain && (rc = x_set_evidence(x, a, b)) != RN_OK)
            break;
        x_explain_sentence(x);
        rc = x_relations(x);
    }
    if (rc == RN_OK)
        rc = x_flush_records(x);
    x->nout = 0;
    rn_buf_reset(&x->out_text);
    if (rc == RN_ENOMEM && err && !err->msg[0])
        rn_fail(err, rc, "out of memory");
    x->text = NULL;
    return rc;
}
