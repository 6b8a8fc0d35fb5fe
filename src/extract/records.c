/* records.c - relations become records for the sink (see records.h). */
#include "records.h"

#include "entities.h"
#include "explain.h"
#include "relnet/ingest.h"

#include <string.h>

/* The latest relation emitted in this article with this target (and this
   relation, when not NULL), skipping negated ones when asked; NULL when
   none. The history is a ring, newest last. */
static const struct xhist *hist_latest(const struct rn_extractor *x, const char *relation,
                                       uint32_t target, int asserted)
{
    size_t n = x->nhist < XHIST ? x->nhist : XHIST;
    for (size_t k = 0; k < n; k++) {
        const struct xhist *h = &x->hist[(x->nhist - 1 - k) % XHIST];
        if ((target == XNONE || h->target == target) && (!relation || strcmp(h->relation, relation) == 0) &&
            !(asserted && h->polarity == RN_POL_NEGATED))
            return h;
    }
    return NULL;
}

int x_emit(struct rn_extractor *x, const struct xrel *r)
{
    /* "Ola Berg signed a decree. The decree bans X": a document's acts
       belong to who signed or proposed it; with no such person, to no one */
    if (x->ents[r->source].type == RN_ETYPE_DOCUMENT) {
        /* its signer, or else its proposer: who last acted on it, unless
           that was a veto */
        const struct xhist *owner = hist_latest(x, NULL, r->source, 1);
        if (!owner || x->ents[owner->source].type == RN_ETYPE_DOCUMENT)
            return RN_OK;
        struct xrel owned = *r;
        owned.source = owner->source;
        /* a document only proposed, or signed with reservations, acts
           only as far as it is in force */
        if (owner->polarity == RN_POL_HEDGED || strcmp(owner->relation, "proposes") == 0)
            owned.polarity = owned.polarity == RN_POL_NEGATED ? RN_POL_NEGATED : RN_POL_HEDGED;
        return x_emit(x, &owned);
    }
    const struct ent *s = &x->ents[r->source], *t = &x->ents[r->target];
    if (r->source == r->target)
        return RN_OK;
    /* "the Senate passed a bill banning Y": enacting a document makes the
       enactor the owner of its acts (as signing does) but is none of the
       relations: it is remembered, not written; a bill not yet in force
       acts only hedged */
    if (strcmp(r->relation, RN_REL_ENACTS) == 0) {
        struct xhist *h = &x->hist[x->nhist++ % XHIST];
        *h = (struct xhist){ r->relation, r->source, r->target, x->sent_no,
                             t->pending ? RN_POL_HEDGED : r->polarity };
        return RN_OK;
    }
    /* A body does not act on its own state ("Chinese officials accused
       China") unless the text says so twice; such pairs are parse slips. */
    if (s->aff != XNONE && s->aff == t->name)
        return RN_OK;
    struct xhist *h = &x->hist[x->nhist++ % XHIST];
    h->relation = r->relation;
    h->source = r->source;
    h->target = r->target;
    h->sent_no = x->sent_no;
    h->polarity = r->polarity;
    struct rn_record rec;
    rn_record_init(&rec);
    rec.origin = RN_ORIGIN_EXTRACTED;
    rec.source = x_name(x, s->name);
    rec.source_type = rn_etype_name(s->type);
    rec.source_affiliation = x_name(x, s->aff);
    rec.relation = r->relation;
    rec.target = x_name(x, t->name);
    rec.target_type = rn_etype_name(t->type);
    rec.target_affiliation = x_name(x, t->aff);
    rec.polarity = r->polarity;
    double c = r->confidence;
    if (s->type == RN_ETYPE_UNKNOWN)
        c -= 0.2;
    if (t->type == RN_ETYPE_UNKNOWN)
        c -= 0.1;
    rec.confidence = c < 0.05 ? 0.05 : (c > 1 ? 1 : c);
    rec.article = x->article;
    rec.title = x->title;
    /* the day the sentence says it happened, else the article's */
    char said_on[11];
    rec.date = rn_ingest_sentence_date(x->evidence.data, x->evidence.len, x->date, said_on) ? said_on
                                                                                          : x->date;
    rec.sentence_no = (long)x->sent_no;
    rec.offset = (long)x->sent_start;
    rec.evidence = x->evidence.data;
    x_explain_record(x, &rec);
    return x->sink->add(x->sink->ctx, &rec, x->err);
}

/* "Poroshenko signed a decree on sanctions ... Outlets A and B will be
   blocked as well": the source of the latest asserted signing or enacting
   of a document of the law family (decree, order, law) in the article, or
   XNONE. An executive decree's bans belong to the one who issued it. */
uint32_t x_decree_owner(const struct rn_extractor *x)
{
    size_t n = x->nhist < XHIST ? x->nhist : XHIST;
    for (size_t k = 0; k < n; k++) {
        const struct xhist *h = &x->hist[(x->nhist - 1 - k) % XHIST];
        const struct ent *d = &x->ents[h->target];
        const char *fam = x_name(x, d->family);
        if (h->polarity == RN_POL_ASSERTED && d->type == RN_ETYPE_DOCUMENT && !d->pending && fam &&
            strcmp(fam, "law") == 0 &&
            (strcmp(h->relation, RN_REL_SIGNS) == 0 || strcmp(h->relation, RN_REL_ENACTS) == 0))
            return h->source;
    }
    return XNONE;
}

/* target XNONE: the latest record of the relation, whatever its target */
uint32_t x_hist_source(const struct rn_extractor *x, const char *relation, uint32_t target)
{
    const struct xhist *h = hist_latest(x, relation, target, 0);
    return h ? h->source : XNONE;
}

/* Newlines in captions and tables become spaces too. */
int x_set_evidence(struct rn_extractor *x, size_t a, size_t b)
{
    rn_buf_reset(&x->evidence);
    if (rn_buf_grow(&x->evidence, b - a) != RN_OK)
        return RN_ENOMEM;
    const char *t = x->text;
    char *o = x->evidence.data;
    size_t n = 0;
    int space = 0;
    for (size_t i = a; i < b; i++) {
        char c = t[i];
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = 1;
            continue;
        }
        if (space && n)
            o[n++] = ' ';
        space = 0;
        o[n++] = c;
    }
    o[n] = '\0';
    x->evidence.len = n;
    return RN_OK;
}
