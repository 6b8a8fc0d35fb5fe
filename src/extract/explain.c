/* explain.c - the extractor's account of each sentence (see explain.h).
 *
 * Lines are indented under a "sentence N:" header so that a reader can
 * follow one sentence from its mentions to its records:
 *
 *   sentence 2: Peru banned Quillmail on Monday.
 *     mention  "Peru" -> Peru (country)
 *     mention  "Quillmail" -> Quillmail (unknown)
 *     trigger  "banned" bans, verb, frames obj,loc,from, target any
 *       record Peru bans Quillmail (asserted, 0.85)
 */
#include "explain.h"

#include "entities.h"
#include "words.h"

#include <stdio.h>

static const char *const kind_names[] = { "actor", "group", "document", "counted set",
                                          "modifier" };

static void span(struct rn_extractor *x, size_t a, size_t b)
{
    if (x_span_text(x, a, b, &x->tmp) == RN_OK)
        fprintf(x->explain, "\"%s\"", x->tmp.data);
}

void x_explain_sentence(struct rn_extractor *x)
{
    if (!x->explain)
        return;
    fprintf(x->explain, "sentence %zu: %s\n", x->sent_no, x->evidence.data);
    if (x->titlecase || x->allcaps)
        fprintf(x->explain, "  headline in %s: unknown capitalised words are no names\n",
                x->allcaps ? "capitals" : "Title Case");
    for (size_t k = 0; k < x->nm; k++) {
        const struct mention *m = &x->m[k];
        fprintf(x->explain, "  mention  ");
        span(x, m->a, m->b);
        fprintf(x->explain, " %s", kind_names[m->kind]);
        if (m->list) {
            fprintf(x->explain, " -> the list");
            for (size_t i = 0; i < m->list->n; i++)
                fprintf(x->explain, "%s %s", i ? "," : "", x_name(x, x->ents[m->list->members[i]].name));
        } else if (m->ent != XNONE) {
            const struct ent *e = &x->ents[m->ent];
            fprintf(x->explain, " -> %s (%s%s%s)", x_name(x, e->name), rn_etype_name(e->type),
                    e->aff != XNONE ? ", of " : "", e->aff != XNONE ? x_name(x, e->aff) : "");
        }
        if (m->resolved)
            fprintf(x->explain, ", referring back");
        fputc('\n', x->explain);
    }
}

void x_explain_trigger(struct rn_extractor *x, const struct rn_trigger *tr, size_t t,
                       size_t tend, int noun)
{
    if (!x->explain)
        return;
    static const char *const targets[] = { "any", "actor", "document" };
    char frames[128];
    fprintf(x->explain, "  trigger  ");
    span(x, t, tend);
    fprintf(x->explain, " %s, read as a %s, frames %s, target %s%s%s\n", tr->relation,
            noun ? "noun" : "verb", rn_frame_text(tr->frame, frames, sizeof frames),
            tr->phrase ? "proposal" : targets[tr->target], tr->families ? ":" : "",
            tr->families ? tr->families : "");
}

void x_explain_skip(struct rn_extractor *x, size_t t, const char *why)
{
    if (!x->explain)
        return;
    fprintf(x->explain, "  skipped  ");
    span(x, t, t + 1);
    fprintf(x->explain, ": %s\n", why);
}

void x_explain_result(struct rn_extractor *x, size_t emitted)
{
    if (x->explain && !emitted)
        fprintf(x->explain, "    no record: its frames found no source or no target they accept "
                            "(or the trigger is cancelled: lifted, denied, inside a name)\n");
}

void x_explain_record(struct rn_extractor *x, const struct rn_record *rec)
{
    if (!x->explain)
        return;
    fprintf(x->explain, "    record %s %s %s (%s, %.2f)\n", rec->source, rec->relation, rec->target,
            rn_polarity_name(rec->polarity), rec->confidence);
}

void x_explain_no_trigger(struct rn_extractor *x)
{
    if (x->explain)
        fprintf(x->explain, "  no trigger word: nothing to extract\n");
}
