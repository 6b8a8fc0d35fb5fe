/* timeline.c - reports per month by relation, and their bar chart (see
 * relnet/timeline.h). The chart is a few rectangles and words, written
 * as SVG here rather than through Graphviz, which lays out graphs, not
 * axes. */
#include "relnet/timeline.h"

#include "relnet/render.h"
#include "relnet/text.h"

#include <stdlib.h>
#include <string.h>

static uint32_t month_index(uint32_t yyyymm)
{
    return (yyyymm / 100) * 12 + (yyyymm % 100 - 1);
}

uint32_t rn_timeline_month(const struct rn_timeline *tl, size_t i)
{
    uint32_t m = month_index(tl->first_month) + (uint32_t)i;
    return (m / 12) * 100 + m % 12 + 1;
}

int rn_timeline_build(const struct rn_relset *set, struct rn_timeline *tl, struct rn_err *err)
{
    memset(tl, 0, sizeof *tl);
    tl->n_relations = set->n_relations;
    uint32_t lo = UINT32_MAX, hi = 0;
    for (size_t r = 0; r < set->n_records; r++) {
        uint32_t d = set->date ? set->date[r] : 0;
        if (!d) {
            tl->undated++;
            continue;
        }
        uint32_t m = month_index(d / 100);
        lo = m < lo ? m : lo;
        hi = m > hi ? m : hi;
    }
    if (hi == 0)
        return RN_OK;
    if (hi - lo + 1 > RN_TIMELINE_MAX_MONTHS)
        lo = hi + 1 - RN_TIMELINE_MAX_MONTHS;
    tl->first_month = (lo / 12) * 100 + lo % 12 + 1;
    tl->n_months = hi - lo + 1;
    size_t cells = tl->n_months * (tl->n_relations ? tl->n_relations : 1);
    tl->count = calloc(cells, sizeof *tl->count);
    if (!tl->count)
        return rn_fail(err, RN_ENOMEM, "out of memory counting months");
    for (size_t r = 0; r < set->n_records; r++) {
        uint32_t d = set->date ? set->date[r] : 0;
        if (!d)
            continue;
        uint32_t m = month_index(d / 100);
        if (m < lo) {
            tl->older++;
            continue;
        }
        tl->count[(size_t)(m - lo) * tl->n_relations + set->rel[r]]++;
        tl->dated++;
    }
    return RN_OK;
}

void rn_timeline_release(struct rn_timeline *tl)
{
    free(tl->count);
    memset(tl, 0, sizeof *tl);
}

static const char *const month_names[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* A round step (1, 2, 5, 10, 20, 50, ...) for at most five ticks up to max. */
static uint32_t tick_step(uint32_t max)
{
    static const uint32_t mult[] = { 1, 2, 5 };
    for (uint32_t base = 1;; base *= 10)
        for (int i = 0; i < 3; i++)
            if (max / (base * mult[i]) <= 5)
                return base * mult[i];
}

#define CHART_H 220 /* plot height in px */
#define LEFT 48
#define TOP 36
#define YEAR_LABEL_W 34 /* px a year label ("2021" at 11 px) needs, with a gap */

int rn_timeline_svg(const struct rn_timeline *tl, const struct rn_relset *set, int with_prolog,
                    struct rn_buf *out, struct rn_err *err)
{
    if (tl->n_months == 0)
        return rn_fail(err, RN_EINPUT, "no dated reports: nothing to put on a timeline");
    uint32_t max = 1;
    for (size_t m = 0; m < tl->n_months; m++) {
        uint32_t sum = 0;
        for (uint32_t r = 0; r < tl->n_relations; r++)
            sum += tl->count[m * tl->n_relations + r];
        max = sum > max ? sum : max;
    }
    uint32_t step = tick_step(max);
    uint32_t top = (max + step - 1) / step * step;
    double bar = 900.0 / (double)tl->n_months;
    bar = bar > 28 ? 28 : bar < 4 ? 4 : bar;
    int width = LEFT + (int)(bar * (double)tl->n_months) + 24;
    width = width < 420 ? 420 : width;
    int legend_y = TOP + CHART_H + 44;
    int height = legend_y + 22 * (int)((tl->n_relations + 3) / 4) + 12;
    int rc = RN_OK;
    if (with_prolog)
        rc |= rn_buf_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    rc |= rn_buf_addf(out,
                      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"%d\" "
                      "height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, sans-serif\" "
                      "font-size=\"12\">\n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
                      "<text x=\"%d\" y=\"20\" font-size=\"14\">Reports per month by relation "
                      "(%zu dated",
                      width, height, width, height, LEFT, tl->dated);
    if (tl->undated)
        rc |= rn_buf_addf(out, ", %zu undated not shown", tl->undated);
    if (tl->older)
        rc |= rn_buf_addf(out, ", %zu before the last %d months not shown", tl->older,
                          RN_TIMELINE_MAX_MONTHS);
    rc |= rn_buf_adds(out, ")</text>\n");
    for (uint32_t t = 0; t <= top; t += step) { /* y axis: grid line and count */
        double y = TOP + CHART_H - (double)CHART_H * t / top;
        rc |= rn_buf_addf(out, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                               "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%u</text>\n",
                          LEFT, width - 16, y, y, LEFT - 6, y + 4, t);
    }
    for (size_t m = 0; m < tl->n_months; m++) {
        uint32_t month = rn_timeline_month(tl, m), sum = 0;
        double x = LEFT + bar * (double)m;
        for (uint32_t r = 0; r < tl->n_relations; r++) {
            uint32_t c = tl->count[m * tl->n_relations + r];
            if (!c)
                continue;
            double h = (double)CHART_H * c / top, y = TOP + CHART_H - (double)CHART_H * (sum + c) / top;
            rc |= rn_buf_addf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                                   "fill=\"%s\"><title>%04u-%02u ",
                              x + 0.5, y, bar - 1, h, rn_render_relation_color(set, r),
                              month / 100, month % 100);
            rc |= rn_text_xml_escape(out, set->relation_name[r]);
            rc |= rn_buf_addf(out, ": %u</title></rect>\n", c);
            sum += c;
        }
        /* Month labels when they fit, else the year at each January, and
           the first month's year unless the next January's label would
           overlap it. */
        int label = bar >= 24 || month % 100 == 1 ||
                    (m == 0 && bar * (13 - month % 100) >= YEAR_LABEL_W);
        if (label)
            rc |= rn_buf_addf(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%s%s%u</text>\n", x,
                              TOP + CHART_H + 16, bar >= 24 ? month_names[month % 100 - 1] : "",
                              bar >= 24 ? " " : "", month / 100);
    }
    rc |= rn_buf_addf(out, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#444\"/>\n",
                      LEFT, width - 16, TOP + CHART_H, TOP + CHART_H);
    int k = 0;
    for (uint32_t r = 0; r < tl->n_relations; r++) { /* legend, four to a row */
        size_t total = 0;
        for (size_t m = 0; m < tl->n_months; m++)
            total += tl->count[m * tl->n_relations + r];
        if (!total)
            continue;
        int x = LEFT + (k % 4) * 150, y = legend_y + (k / 4) * 22;
        rc |= rn_buf_addf(out, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>"
                               "<text x=\"%d\" y=\"%d\">",
                          x, y - 11, rn_render_relation_color(set, r), x + 20, y);
        rc |= rn_text_xml_escape(out, set->relation_name[r]);
        rc |= rn_buf_adds(out, "</text>\n");
        k++;
    }
    rc |= rn_buf_adds(out, "</svg>\n");
    return rc ? rn_fail(err, RN_ENOMEM, "out of memory drawing the timeline") : RN_OK;
}
