/* records.c - relations become records for the sink (see records.h). */
#include "records.h"

#include "entities.h"
#include "explain.h"
#include "relnet/ingest.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* The record of o, as the sink takes it (names as the article ends up
   knowing them). */
static void fill_record(const struct rn_extractor *x, const struct xout *o, const char *evidence,
                        struct rn_record *rec)
{
    const struct ent *s = &x->ents[o->source], *t = &x->ents[o->target];
    rn_record_init(rec);
    rec->origin = RN_ORIGIN_EXTRACTED;
    rec->source = x_name(x, s->name);
    rec->source_type = rn_etype_name(s->type);
    rec->source_affiliation = x_name(x, s->aff);
    rec->relation = o->relation;
    rec->target = x_name(x, t->name);
    rec->target_type = rn_etype_name(t->type);
    rec->target_affiliation = x_name(x, t->aff);
    rec->polarity = o->polarity;
    rec->confidence = o->confidence;
    rec->article = x->article;
    rec->title = x->title;
    rec->date = o->said_on[0] ? o->said_on : x->date;
    rec->sentence_no = (long)o->sent_no;
    rec->offset = (long)o->offset;
    rec->evidence = evidence;
}

/* Remember r, with polarity, in the article's history (the ring
   hist_latest reads). */
static void remember_act(struct rn_extractor *x, const struct xrel *r, enum rn_polarity polarity)
{
    x->hist[x->nhist++ % XHIST] =
        (struct xhist){ r->relation, r->source, r->target, x->sent_no, polarity };
}

/* "Ola Berg signed a decree. The decree bans X": a document's acts belong
   to who signed or proposed it; with no such person, to no one. */
static int emit_document_act(struct rn_extractor *x, const struct xrel *r)
{
    /* its signer, or else its proposer: who last acted on it, unless that
       was a veto */
    const struct xhist *owner = hist_latest(x, NULL, r->source, 1);
    if (!owner || x->ents[owner->source].type == RN_ETYPE_DOCUMENT)
        return RN_OK;
    struct xrel owned = *r;
    owned.source = owner->source;
    /* a document only proposed, or signed with reservations, acts only as
       far as it is in force */
    if (owner->polarity == RN_POL_HEDGED || strcmp(owner->relation, "proposes") == 0)
        owned.polarity = owned.polarity == RN_POL_NEGATED ? RN_POL_NEGATED : RN_POL_HEDGED;
    return x_emit(x, &owned);
}

/* r's confidence, less for a side no lexicon knows, in hundredths: "0.65",
   not the "0.6499999999999999" of 0.85 - 0.2. */
static double record_confidence(const struct xrel *r, const struct ent *s, const struct ent *t)
{
    double c = r->confidence;
    if (s->type == RN_ETYPE_UNKNOWN)
        c -= 0.2;
    if (t->type == RN_ETYPE_UNKNOWN)
        c -= 0.1;
    c = c < 0.05 ? 0.05 : (c > 1 ? 1 : c);
    return (double)(long)(c * 100 + 0.5) / 100;
}

/* o's copy of its sentence and the day the sentence names: records of
   one sentence share them. */
static int sentence_copy(struct rn_extractor *x, struct xout *o)
{
    if (x->nout && x->out[x->nout - 1].sent_no == x->sent_no) {
        o->evidence = x->out[x->nout - 1].evidence;
        memcpy(o->said_on, x->out[x->nout - 1].said_on, sizeof o->said_on);
        return RN_OK;
    }
    /* Most sentences yield no record: their one-line copy is made here,
       for the first record, not for every sentence read. */
    if (!x->explain && x_set_evidence(x, x->sent_start, x->sent_end) != RN_OK)
        return RN_ENOMEM; /* (--explain made it with the sentence) */
    /* the day the sentence says it happened, else (at writing) the article's */
    if (!rn_ingest_sentence_date(x->evidence.data, x->evidence.len, x->date, o->said_on))
        o->said_on[0] = '\0';
    o->evidence = x->out_text.len;
    return rn_buf_add(&x->out_text, x->evidence.data, x->evidence.len + 1) != RN_OK ? RN_ENOMEM
                                                                                   : RN_OK;
}

/* Hold o until the article ends (x_flush_records). */
static int hold_record(struct rn_extractor *x, const struct xout *o)
{
    if (x->nout == x->out_cap) {
        size_t cap = x->out_cap ? 2 * x->out_cap : 32;
        struct xout *grown = realloc(x->out, cap * sizeof *grown);
        if (!grown)
            return RN_ENOMEM;
        x->out = grown;
        x->out_cap = cap;
    }
    x->out[x->nout++] = *o;
    return RN_OK;
}

int x_emit(struct rn_extractor *x, const struct xrel *r)
{
    if (x->ents[r->source].type == RN_ETYPE_DOCUMENT)
        return emit_document_act(x, r);
    const struct ent *s = &x->ents[r->source], *t = &x->ents[r->target];
    if (r->source == r->target)
        return RN_OK;
    /* "the Senate passed a bill banning Y": enacting a document makes the
       enactor the owner of its acts (as signing does) but is none of the
       relations: it is remembered, not written; a bill not yet in force
       acts only hedged */
    if (strcmp(r->relation, RN_REL_ENACTS) == 0) {
        remember_act(x, r, t->pending ? RN_POL_HEDGED : r->polarity);
        return RN_OK;
    }
    /* "The decree, signed by X, bans Y" as the article's first decree: X
       owns its bans, but a record about "decree" would name nothing */
    if (t->type == RN_ETYPE_DOCUMENT && t->unnamed) {
        remember_act(x, r, r->polarity);
        return RN_OK;
    }
    /* A body does not act on its own state ("Chinese officials accused
       China") unless the text says so twice; such pairs are parse slips. */
    if (s->aff != XNONE && s->aff == t->name)
        return RN_OK;
    remember_act(x, r, r->polarity);
    struct xout o = { r->relation, r->source, r->target, r->polarity, record_confidence(r, s, t),
                      x->sent_no, x->sent_start, 0, "" };
    if (sentence_copy(x, &o) != RN_OK || hold_record(x, &o) != RN_OK)
        return RN_ENOMEM;
    if (x->explain) {
        struct rn_record rec;
        fill_record(x, &o, x->evidence.data, &rec);
        x_explain_record(x, &rec);
    }
    return RN_OK;
}

/* Does the description desc ("controversial bill") fit the described
   document name ("controversial AI safety bill"): the same head noun last
   (a plural s aside), every other word of desc among name's words? */
static int description_fits(const char *desc, const char *name)
{
    const char *dh = strrchr(desc, ' '), *nh = strrchr(name, ' ');
    dh = dh ? dh + 1 : desc;
    nh = nh ? nh + 1 : name;
    size_t dl = strlen(dh), nl = strlen(nh);
    if (dl && dh[dl - 1] == 's')
        dl--;
    if (nl && nh[nl - 1] == 's')
        nl--;
    if (!dl || dl != nl || strncasecmp(dh, nh, dl) != 0)
        return 0;
    for (const char *w = desc; w < dh;) {
        size_t wl = strcspn(w, " ");
        int found = 0;
        for (const char *v = name; *v && !found;) {
            size_t vl = strcspn(v, " ");
            found = vl == wl && strncasecmp(v, w, wl) == 0;
            v += vl + (v[vl] == ' ');
        }
        if (!found)
            return 0;
        w += wl + 1;
    }
    return 1;
}

/* "Newsom vetoes controversial AI safety bill" ... "Newsom vetoed SB 1047,
   a controversial bill": a record about a described document (its name in
   lowercase) takes the named one whose apposed description fits it, when
   the same source did the same to the named one in the article. */
static void late_names(struct rn_extractor *x)
{
    for (size_t i = 0; i < x->nout; i++) {
        struct xout *o = &x->out[i];
        const struct ent *d = &x->ents[o->target];
        const char *dn = x_name(x, d->name);
        if (d->type != RN_ETYPE_DOCUMENT || d->described != XNONE || !dn || !islower((unsigned char)dn[0]))
            continue;
        for (size_t k = 0; k < x->nout; k++) {
            const struct xout *n = &x->out[k];
            const struct ent *ne = &x->ents[n->target];
            if (n->target != o->target && ne->described != XNONE && n->source == o->source &&
                strcmp(n->relation, o->relation) == 0 && description_fits(x_name(x, ne->described), dn)) {
                o->target = n->target;
                break;
            }
        }
    }
}

int x_flush_records(struct rn_extractor *x)
{
    late_names(x);
    int rc = RN_OK;
    for (size_t i = 0; i < x->nout && rc == RN_OK; i++) {
        struct rn_record rec;
        fill_record(x, &x->out[i], x->out_text.data + x->out[i].evidence, &rec);
        rc = x->sink->add(x->sink->ctx, &rec, x->err);
    }
    x->nout = 0;
    rn_buf_reset(&x->out_text);
    return rc;
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

/* Whitespace in a sentence's text: each run of it is one space in the
   evidence, none at its ends (newlines in captions and tables too). */
static inline int evidence_space(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/* Are the 8 bytes at s written into the evidence as they are, when the
   byte before them is no whitespace or s[0] no space: no byte below 14
   (tab, newline, return) and no two spaces together? Most of a sentence
   is, and is copied 8 bytes at a step. */
static int block_as_is(const unsigned char *s)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = ones * 0x80, lows = ones * 0x7F;
    uint64_t v;
    memcpy(&v, s, sizeof v);
    if ((v - ones * 14) & ~v & highs)
        return 0;
    uint64_t d = v ^ (ones * ' ');
    uint64_t space = ~(((d & lows) + lows) | d | lows); /* the high bit of each space */
    return (space & (space << 8)) == 0; /* (either byte order: pairs are pairs) */
}

int x_set_evidence(struct rn_extractor *x, size_t a, size_t b)
{
    const unsigned char *t = (const unsigned char *)x->text;
    while (a < b && evidence_space(t[a]))
        a++;
    while (b > a && evidence_space(t[b - 1]))
        b--;
    rn_buf_reset(&x->evidence);
    if (rn_buf_grow(&x->evidence, b - a) != RN_OK)
        return RN_ENOMEM;
    char *o = x->evidence.data;
    size_t n = 0;
    for (size_t i = a; i < b;) {
        /* (t[a] is no whitespace: t[i - 1] is read only past it) */
        if (i + 8 <= b && !(t[i] == ' ' && evidence_space(t[i - 1])) && block_as_is(t + i)) {
            memcpy(o + n, t + i, 8);
            n += 8;
            i += 8;
            continue;
        }
        for (size_t stop = i + 8 < b ? i + 8 : b; i < stop; i++) {
            if (!evidence_space(t[i]))
                o[n++] = (char)t[i];
            else if (!evidence_space(t[i - 1])) /* the first of a run */
                o[n++] = ' ';
        }
    }
    o[n] = '\0';
    x->evidence.len = n;
    return RN_OK;
}
