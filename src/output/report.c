/* report.c - the HTML report (see relnet/report.h). The page's style and
 * script are src/output/report.css and report.js, compiled in by CMake;
 * this file writes the parts computed here (summary, who accuses whom,
 * timeline, methods) and the data the script draws from. */
#include "relnet/report.h"

#include "relnet/analysis.h"
#include "relnet/graph.h"
#include "relnet/json.h"
#include "relnet/render.h"
#include "relnet/stats.h"
#include "relnet/text.h"
#include "relnet/timeline.h"
#include "relnet/view.h"

#include "report_css.h"
#include "report_js.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Text escaped for HTML (the XML escaping serves: & < > " ' ). */
static int esc(struct rn_buf *out, const char *s)
{
    return rn_text_xml_escape(out, s ? s : "");
}

/* An SVG document inlined into HTML: from its <svg element on. */
static int add_svg(struct rn_buf *out, const char *svg)
{
    const char *start = svg ? strstr(svg, "<svg") : NULL;
    return start ? rn_buf_adds(out, start) : RN_OK;
}

static const char *http_url(const char *url)
{
    return url && (strncasecmp(url, "http://", 7) == 0 || strncasecmp(url, "https://", 8) == 0)
               ? url
               : NULL;
}

/* ---- data for the script ---------------------------------------------- */

/* The data are written straight into the page as JSON, value by value
   (rn_json_add_*), never built as a tree: a dense corpus of 10,000
   articles gives half a million reports, millions of values, and a
   jansson tree of them cost a third of 'relnet build'. Strings escape
   '<', '>' and '&', so no text can end the <script> element. */

/* ---- which reports the page embeds ------------------------------------- */

/* Rows of up to five small numbers, each distinct row given a dense id in
   order of first appearance (open addressing, load at most a half). */
struct tuple_map {
    uint32_t (*key)[5];
    uint32_t *count;
    uint32_t n, cap_rows;
    uint32_t *slot; /* id + 1; 0 = empty */
    uint32_t mask;
};

static void tuple_map_release(struct tuple_map *m)
{
    free(m->key);
    free(m->count);
    free(m->slot);
    memset(m, 0, sizeof *m);
}

static uint64_t tuple_hash(const uint32_t k[5])
{
    uint64_t h = 0x9e3779b97f4a7c15u;
    for (int i = 0; i < 5; i++) {
        h ^= k[i];
        h *= 0xff51afd7ed558ccdu;
        h ^= h >> 32;
    }
    return h;
}

static int tuple_map_grow(struct tuple_map *m)
{
    uint32_t cap = m->mask ? (m->mask + 1) * 2 : 1024;
    uint32_t *slot = calloc(cap, sizeof *slot);
    uint32_t(*key)[5] = realloc(m->key, (size_t)cap / 2 * sizeof *key);
    uint32_t *count = key ? realloc(m->count, (size_t)cap / 2 * sizeof *count) : NULL;
    if (key)
        m->key = key;
    if (count)
        m->count = count;
    if (!slot || !key || !count) {
        free(slot);
        return RN_ENOMEM;
    }
    for (uint32_t id = 0; id < m->n; id++) {
        uint32_t i = (uint32_t)tuple_hash(m->key[id]) & (cap - 1);
        while (slot[i])
            i = (i + 1) & (cap - 1);
        slot[i] = id + 1;
    }
    free(m->slot);
    m->slot = slot;
    m->mask = cap - 1;
    m->cap_rows = cap / 2;
    return RN_OK;
}

/* The id of row k (added with count 0 when new), into *id. */
static int tuple_map_id(struct tuple_map *m, const uint32_t k[5], uint32_t *id)
{
    if (m->n + 1 > m->cap_rows && tuple_map_grow(m) != RN_OK)
        return RN_ENOMEM;
    uint32_t i = (uint32_t)tuple_hash(k) & m->mask;
    while (m->slot[i]) {
        uint32_t cand = m->slot[i] - 1;
        if (memcmp(m->key[cand], k, sizeof m->key[cand]) == 0) {
            *id = cand;
            return RN_OK;
        }
        i = (i + 1) & m->mask;
    }
    *id = m->n++;
    memcpy(m->key[*id], k, sizeof m->key[*id]);
    m->count[*id] = 0;
    m->slot[i] = *id + 1;
    return RN_OK;
}

/* What the page holds of the records: counts per (source, target,
   relation, polarity, date), which the tables, the arrows' widths and the
   filters use, all of them; and the reports themselves, with their
   evidence, up to max_reports (0: all): the first `per_arrow` of each
   (source, target, relation, polarity) in the records' order, per_arrow
   the largest that keeps the total within max_reports (at least one). */
struct embedded {
    struct tuple_map counts;
    uint8_t *keep; /* per record: embedded; NULL = every record */
    size_t kept;
    size_t per_arrow; /* 0 when every record is embedded */
};

static void embedded_release(struct embedded *e)
{
    tuple_map_release(&e->counts);
    free(e->keep);
}

static void arrow_key(const struct rn_relset *set, size_t r, uint32_t date, uint32_t k[5])
{
    k[0] = set->src[r];
    k[1] = set->dst[r];
    k[2] = set->rel[r];
    k[3] = set->pol[r];
    k[4] = date;
}

static int embedded_choose(const struct rn_relset *set, size_t max_reports, struct embedded *e)
{
    memset(e, 0, sizeof *e);
    uint32_t k[5], id;
    for (size_t r = 0; r < set->n_records; r++) {
        arrow_key(set, r, set->date ? set->date[r] : 0, k);
        if (tuple_map_id(&e->counts, k, &id) != RN_OK)
            return RN_ENOMEM;
        e->counts.count[id]++;
    }
    e->kept = set->n_records;
    if (max_reports == 0 || set->n_records <= max_reports)
        return RN_OK;
    /* The arrows' sizes, then the largest share per arrow that fits. */
    struct tuple_map arrows;
    memset(&arrows, 0, sizeof arrows);
    uint32_t *arrow_of = malloc(set->n_records * sizeof *arrow_of);
    e->keep = calloc(set->n_records, 1);
    int rc = arrow_of && e->keep ? RN_OK : RN_ENOMEM;
    for (size_t r = 0; r < set->n_records && rc == RN_OK; r++) {
        arrow_key(set, r, 0, k);
        rc = tuple_map_id(&arrows, k, &arrow_of[r]);
        if (rc == RN_OK)
            arrows.count[arrow_of[r]]++;
    }
    if (rc == RN_OK) {
        size_t lo = 1, hi = set->n_records;
        while (lo < hi) { /* the largest per with sum(min(size, per)) <= max_reports */
            size_t mid = lo + (hi - lo + 1) / 2, total = 0;
            for (uint32_t a = 0; a < arrows.n; a++)
                total += arrows.count[a] < mid ? arrows.count[a] : mid;
            if (total <= max_reports)
                lo = mid;
            else
                hi = mid - 1;
        }
        e->per_arrow = lo;
        for (uint32_t a = 0; a < arrows.n; a++)
            arrows.count[a] = 0;
        e->kept = 0;
        for (size_t r = 0; r < set->n_records; r++) {
            if (arrows.count[arrow_of[r]]++ < e->per_arrow) {
                e->keep[r] = 1;
                e->kept++;
            }
        }
    }
    free(arrow_of);
    tuple_map_release(&arrows);
    if (rc == RN_OK && e->kept == set->n_records) { /* one per arrow was all there was */
        free(e->keep);
        e->keep = NULL;
        e->per_arrow = 0;
    }
    return rc;
}

static int json_records(const struct rn_relset *set, const struct embedded *emb,
                        struct rn_buf *out)
{
    int rc = rn_buf_adds(out, "\"entities\":[");
    for (uint32_t i = 0; rc == RN_OK && i < set->n_entities; i++) {
        rc |= rn_buf_adds(out, i ? ",{\"name\":" : "{\"name\":");
        rc |= rn_json_add_string(out, set->entity_name[i]);
        rc |= rn_buf_adds(out, ",\"type\":");
        rc |= rn_json_add_string(out, rn_etype_name((enum rn_etype)set->entity_type[i]));
        rc |= rn_buf_addc(out, '}');
    }
    rc |= rn_buf_adds(out, "],\"relations\":[");
    for (uint32_t i = 0; rc == RN_OK && i < set->n_relations; i++) {
        rc |= rn_buf_adds(out, i ? ",{\"name\":" : "{\"name\":");
        rc |= rn_json_add_string(out, set->relation_name[i]);
        rc |= rn_buf_adds(out, ",\"color\":");
        rc |= rn_json_add_string(out, rn_render_relation_color(set, i));
        rc |= rn_buf_addc(out, '}');
    }
    rc |= rn_buf_adds(out, "],\"articles\":[");
    for (uint32_t i = 0; rc == RN_OK && i < set->n_articles; i++) {
        const char *name = set->article_name[i];
        rc |= rn_buf_adds(out, i ? ",{\"name\":" : "{\"name\":");
        rc |= rn_json_add_string(out, rn_text_foreign_scheme(name) ? "(link not shown)" : name);
        rc |= rn_buf_adds(out, ",\"url\":");
        rc |= rn_json_add_string(out, http_url(set->article_url ? set->article_url[i] : NULL));
        rc |= rn_buf_adds(out, ",\"title\":");
        rc |= rn_json_add_string(out, set->article_title ? set->article_title[i] : NULL);
        rc |= rn_buf_addc(out, '}');
    }
    /* One report: [source, target, relation, polarity, date, confidence,
       article or -1, evidence or null]. */
    rc |= rn_buf_adds(out, "],\"reports\":[");
    char date[11];
    size_t written = 0;
    for (size_t r = 0; rc == RN_OK && r < set->n_records; r++) {
        if (emb->keep && !emb->keep[r])
            continue;
        date[0] = '\0';
        if (set->date && set->date[r])
            rn_relset_date_str(set->date[r], date);
        uint32_t art = set->article ? set->article[r] : RN_NONE;
        uint32_t ev = set->evidence ? set->evidence[r] : RN_NONE;
        rc |= rn_buf_adds(out, written++ ? ",[" : "[");
        rc |= rn_json_add_integer(out, set->src[r]);
        rc |= rn_buf_addc(out, ',');
        rc |= rn_json_add_integer(out, set->dst[r]);
        rc |= rn_buf_addc(out, ',');
        rc |= rn_json_add_integer(out, set->rel[r]);
        rc |= rn_buf_addc(out, ',');
        rc |= rn_json_add_string(out, rn_polarity_name((enum rn_polarity)set->pol[r]));
        rc |= rn_buf_addc(out, ',');
        rc |= rn_json_add_string(out, date);
        rc |= rn_buf_addc(out, ',');
        rc |= rn_json_add_number(out, set->confidence ? set->confidence[r] : 1);
        rc |= rn_buf_addc(out, ',');
        rc |= rn_json_add_integer(out, art == RN_NONE ? -1 : (long long)art);
        rc |= rn_buf_addc(out, ',');
        rc |= rn_json_add_string(out, ev == RN_NONE ? NULL : rn_relset_text(set, ev));
        rc |= rn_buf_addc(out, ']');
    }
    /* How many reports each (source, target, relation, polarity, date)
       has: [source, target, relation, polarity, date, count]. */
    rc |= rn_buf_adds(out, "],\"counts\":[");
    for (uint32_t i = 0; rc == RN_OK && i < emb->counts.n; i++) {
        const uint32_t *k = emb->counts.key[i];
        date[0] = '\0';
        if (k[4])
            rn_relset_date_str(k[4], date);
        rc |= rn_buf_addf(out, "%s[%u,%u,%u,", i ? "," : "", k[0], k[1], k[2]);
        rc |= rn_json_add_string(out, rn_polarity_name((enum rn_polarity)k[3]));
        rc |= rn_buf_addc(out, ',');
        rc |= rn_json_add_string(out, date);
        rc |= rn_buf_addf(out, ",%u]", emb->counts.count[i]);
    }
    rc |= rn_buf_addf(out, "],\"embedded\":{\"reports\":%zu,\"of\":%zu,\"per_arrow\":%zu}",
                      emb->kept, set->n_records, emb->per_arrow);
    return rc ? RN_ENOMEM : RN_OK;
}

/* Positions of the interactive graph's entities ([entity, x, y, width,
   height, label lines, font size]) and arrows, and their centrality. */
static int json_graph(const struct rn_view *v, const struct rn_render_layout *L,
                      const struct rn_centrality *c, struct rn_buf *out)
{
    int rc = rn_buf_adds(out, ",\"layout\":[");
    for (uint32_t i = 0; rc == RN_OK && i < L->n; i++) {
        rc |= rn_buf_addf(out, "%s[%u,", i ? "," : "", v->node_entity[L->node[i]]);
        const double xs[] = { L->x[i], L->y[i], L->w[i], L->h[i] };
        for (size_t k = 0; k < 4; k++) {
            rc |= rn_json_add_number(out, xs[k]);
            rc |= rn_buf_addc(out, ',');
        }
        rc |= rn_json_add_string(out, L->label[i]);
        rc |= rn_buf_addc(out, ',');
        rc |= rn_json_add_number(out, L->fontsize[i]);
        rc |= rn_buf_addc(out, ']');
    }
    static const enum rn_measure shown[] = { RN_M_IN_DEGREE, RN_M_OUT_DEGREE, RN_M_PAGERANK,
                                             RN_M_BETWEENNESS, RN_M_HUB, RN_M_AUTHORITY };
    rc |= rn_buf_adds(out, "],\"centrality\":[");
    for (uint32_t i = 0; rc == RN_OK && i < v->n_nodes; i++) {
        rc |= rn_buf_addf(out, "%s[%u", i ? "," : "", v->node_entity[i]);
        for (size_t k = 0; k < sizeof shown / sizeof shown[0]; k++) {
            rc |= rn_buf_addc(out, ',');
            rc |= rn_json_add_number(out, c->value[shown[k]] ? c->value[shown[k]][i] : 0);
        }
        rc |= rn_buf_addc(out, ']');
    }
    rc |= rn_buf_adds(out, "],\"size\":{\"width\":");
    rc |= rn_json_add_number(out, L->width);
    rc |= rn_buf_adds(out, ",\"height\":");
    rc |= rn_json_add_number(out, L->height);
    rc |= rn_buf_adds(out, ",\"engine\":");
    rc |= rn_json_add_string(out, L->engine);
    /* The arrows as Graphviz routed them: [source, target, relation,
       polarity, SVG path]. */
    rc |= rn_buf_adds(out, "},\"edges\":[");
    for (size_t i = 0; rc == RN_OK && i < L->n_edges; i++) {
        rc |= rn_buf_addf(out, "%s[%u,%u,%u,", i ? "," : "", v->node_entity[L->edge_from[i]],
                          v->node_entity[L->edge_to[i]], (unsigned)L->edge_rel[i]);
        rc |= rn_json_add_string(out, rn_polarity_name((enum rn_polarity)L->edge_pol[i]));
        rc |= rn_buf_addc(out, ',');
        rc |= rn_json_add_string(out, L->edge_path[i]);
        rc |= rn_buf_addc(out, ']');
    }
    rc |= rn_buf_addc(out, ']');
    return rc ? RN_ENOMEM : RN_OK;
}

/* ---- parts written here ------------------------------------------------ */

static int summary(const struct rn_relset *set, const struct rn_stats *st, struct rn_buf *out)
{
    uint32_t lo = 0, hi = 0;
    size_t pol[RN_POL_COUNT] = { 0 }, dated = 0;
    for (size_t r = 0; r < set->n_records; r++) {
        pol[set->pol[r] % RN_POL_COUNT]++;
        uint32_t d = set->date ? set->date[r] : 0;
        if (!d)
            continue;
        dated++;
        lo = !lo || d < lo ? d : lo;
        hi = d > hi ? d : hi;
    }
    char a[11] = "", b[11] = "";
    if (lo) {
        rn_relset_date_str(lo, a);
        rn_relset_date_str(hi, b);
    }
    int rc = rn_buf_addf(out,
                         "<section id=\"summary\"><h2>Summary</h2><ul>"
                         "<li><b>%u</b> articles%s%s%s%s</li>"
                         "<li><b>%u</b> actors</li>"
                         "<li><b>%zu</b> reports (one per sentence that states a relation) of "
                         "<b>%llu</b> distinct relations (source, relation, target)</li>"
                         "<li>%zu asserted, %zu negated, %zu hedged; %zu dated</li>",
                         set->n_articles, lo ? ", dated " : "", a, lo ? " to " : "", b,
                         set->n_entities, set->n_records, (unsigned long long)st->relations,
                         pol[RN_POL_ASSERTED], pol[RN_POL_NEGATED], pol[RN_POL_HEDGED], dated);
    rc |= rn_buf_adds(out, "<li>By relation:");
    for (size_t i = 0; i < st->n_relations; i++) {
        rc |= rn_buf_adds(out, i ? ", " : " ");
        rc |= esc(out, set->relation_name[st->relation[i].relation]);
        rc |= rn_buf_addf(out, " %llu reports (%llu relations)",
                          (unsigned long long)st->relation[i].reports,
                          (unsigned long long)st->relation[i].relations);
    }
    rc |= rn_buf_adds(out, "</li></ul><p class=\"note\">Counts include every polarity; the "
                           "tables and diagrams count asserted reports unless they say "
                           "otherwise.</p></section>\n");
    return rc ? RN_ENOMEM : RN_OK;
}

/* Who accuses whom, at state level: diagram, heat map, mutual pairs. */
static int accusations(const struct rn_relset *acc, struct rn_buf *out, struct rn_err *err)
{
    int rc = rn_buf_adds(out, "<section id=\"accuses\"><h2>Who accuses whom</h2>");
    if (!acc || acc->n_records == 0)
        return rc | rn_buf_adds(out, "<p>No asserted accusations.</p></section>\n");
    struct rn_view *v = NULL;
    struct rn_view_options vopt = { .by_affiliation = 1, .min_count = 1 };
    struct rn_stats st;
    memset(&st, 0, sizeof st);
    char *svg = NULL;
    size_t len = 0;
    uint32_t *actors = NULL;
    uint64_t *cells = NULL;
    size_t n = 0;
    rc = rn_view_build(acc, &vopt, &v, err);
    if (rc == RN_OK) {
        struct rn_render_options ropt;
        rn_render_options_init(&ropt);
        ropt.by_affiliation = 1;
        ropt.caption_note = "relation accuses; asserted; by affiliation";
        rc = rn_render_data(v, &ropt, "svg", &svg, &len, NULL, err);
    }
    if (rc == RN_OK)
        rc = rn_stats_compute(v, &st, err);
    if (rc == RN_OK)
        rc = rn_stats_matrix(&st, 15, 0, &actors, &cells, &n, err);
    if (rc == RN_OK) {
        rc |= rn_buf_adds(out, "<p>People and agencies are drawn as the state or body they act "
                               "for. Asserted reports only.</p><div class=\"figure\">");
        rc |= add_svg(out, svg);
        rc |= rn_buf_adds(out, "</div><h3>Accusations matrix</h3><p>Reports from the row's "
                               "actor against the column's (the 15 most involved).</p>"
                               "<table class=\"matrix\"><tr><th>accuser \\ accused</th>");
        uint64_t max = 1;
        for (size_t i = 0; i < n * n; i++)
            max = cells[i] > max ? cells[i] : max;
        for (size_t j = 0; j < n; j++) {
            rc |= rn_buf_adds(out, "<th>");
            rc |= esc(out, rn_view_node_name(v, actors[j]));
            rc |= rn_buf_adds(out, "</th>");
        }
        rc |= rn_buf_adds(out, "</tr>");
        for (size_t i = 0; i < n; i++) {
            rc |= rn_buf_adds(out, "<tr><th>");
            rc |= esc(out, rn_view_node_name(v, actors[i]));
            rc |= rn_buf_adds(out, "</th>");
            for (size_t j = 0; j < n; j++) {
                uint64_t c = cells[i * n + j];
                if (c)
                    rc |= rn_buf_addf(out, "<td style=\"background:rgba(214,39,40,%.2f)\">%llu</td>",
                                      0.15 + 0.85 * (double)c / (double)max, (unsigned long long)c);
                else
                    rc |= rn_buf_adds(out, "<td></td>");
            }
            rc |= rn_buf_adds(out, "</tr>");
        }
        rc |= rn_buf_addf(out, "</table><h3>Mutual pairs</h3><p>%zu pair%s accuse each other.</p><ul>",
                          st.n_mutual, st.n_mutual == 1 ? "" : "s");
        for (size_t k = 0; k < st.n_mutual; k++) {
            const struct rn_stats_triple *t = &st.triple[st.mutual[k]];
            const struct rn_stats_triple *r = &st.triple[t->reverse];
            rc |= rn_buf_adds(out, "<li>");
            rc |= esc(out, rn_view_node_name(v, t->source));
            rc |= rn_buf_addf(out, " \xe2\x86\x92 %llu, ", (unsigned long long)t->reports);
            rc |= esc(out, rn_view_node_name(v, t->target));
            rc |= rn_buf_addf(out, " \xe2\x86\x92 %llu</li>", (unsigned long long)r->reports);
        }
        rc |= rn_buf_adds(out, "</ul></section>\n");
        if (rc != RN_OK)
            rc = rn_fail(err, RN_ENOMEM, "out of memory writing the report");
    }
    free(svg);
    free(actors);
    free(cells);
    rn_stats_release(&st);
    rn_view_free(v);
    return rc;
}

static int timeline(const struct rn_relset *set, struct rn_buf *out, struct rn_err *err)
{
    struct rn_timeline tl;
    int rc = rn_timeline_build(set, &tl, err);
    if (rc != RN_OK)
        return rc;
    rc = rn_buf_adds(out, "<section id=\"time\"><h2>Reports per month</h2>");
    if (tl.n_months)
        rc = rn_timeline_svg(&tl, set, 0, out, err);
    else
        rc |= rn_buf_adds(out, "<p>No report is dated.</p>");
    rc |= rn_buf_adds(out, "</section>\n");
    rn_timeline_release(&tl);
    return rc;
}

static const char methods[] =
    "<section id=\"methods\"><h2>How this was counted</h2>"
    "<p>A <b>report</b> is one sentence of one article that states a relation (source, "
    "relation, target), found by relnet's rule-based extractor, or one row of an imported edge "
    "list. A <b>relation</b> is a distinct (source, relation, target): several reports can "
    "back one relation. An <b>event</b> is a distinct (source, relation, target, date). "
    "Reports are <b>asserted</b> (stated as done or decided), <b>negated</b> (\"did not sign\") "
    "or <b>hedged</b> (planned, expected, threatened); the diagrams and tables count asserted "
    "reports unless they say otherwise, and the interactive graph lets you choose. "
    "The <b>weight</b> of an arrow is the number of reports behind it (their summed weights for "
    "imported rows that carry one). Confidence is the extractor's own score from 0 to 1. "
    "Entities are merged by name, aliases and spelling variants; \"by affiliation\" draws people "
    "and agencies as the state or body they act for. The interactive graph is Graphviz's layout "
    "of the static diagrams: the same positions and the same curves for the arrows, one per "
    "source, target, relation and polarity (negated dashed, hedged dotted).</p></section>\n";

static const char centrality_help[] =
    "<dl class=\"measures\">"
    "<dt>in / out degree</dt><dd>how many different actors act on it / it acts on</dd>"
    "<dt>PageRank</dt><dd>how much it is acted on by actors that are themselves acted on a lot "
    "(node size in the diagrams)</dd>"
    "<dt>betweenness</dt><dd>how often it lies on the shortest path between two other actors: a "
    "go-between</dd>"
    "<dt>hub</dt><dd>how much it acts on actors that many others act on</dd>"
    "<dt>authority</dt><dd>how much it is acted on by strong hubs</dd></dl>";

/* The page skeleton around the sections the script fills. */
static int sections_for_script(struct rn_buf *out, int interactive, const struct embedded *emb,
                               size_t total)
{
    int rc = rn_buf_adds(out,
                         "<section id=\"relations\"><h2>Top sources and targets by relation</h2>"
                         "<p>Asserted reports; click a column heading to sort.</p>"
                         "<div id=\"reltables\"></div></section>\n"
                         "<section id=\"graph\"><h2>The graph</h2>");
    if (!interactive)
        rc |= rn_buf_adds(out, "<p class=\"warn\">This report was written without the d3 "
                               "library (Debian package libjs-d3), so the graph below cannot "
                               "be panned, zoomed or filtered.</p>");
    rc |= rn_buf_adds(out,
                      "<div class=\"controls\"><label>Find an actor <input id=\"search\" "
                      "type=\"search\" autocomplete=\"off\"></label> <span id=\"found\"></span>"
                      "<div id=\"relfilter\"></div><div id=\"polfilter\"></div>"
                      "<label>from <input id=\"since\" type=\"date\"></label> "
                      "<label>to <input id=\"until\" type=\"date\"></label> "
                      "<span id=\"shown\"></span></div>");
    if (emb->keep)
        rc |= rn_buf_addf(out,
                          "<p class=\"warn\" id=\"bounded\">This page holds the sentences of "
                          "%zu of the %zu reports (the first %zu of each arrow), to stay quick "
                          "to open; the counts, tables, arrows and filters use all %zu. Every "
                          "report with its sentence: <code>relnet query ENTITY</code> or "
                          "<code>relnet export --format csv</code> on the knowledge base, or a "
                          "page with all of them: <code>relnet report --max-reports 0</code>."
                          "</p>",
                          emb->kept, total, emb->per_arrow, total);
    rc |= rn_buf_adds(out,
                      "<div class=\"graphbox\"><svg id=\"net\"></svg><div id=\"details\">"
                      "<p>Click an actor or an arrow to see the reports behind it. Drag to "
                      "move, scroll to zoom.</p></div></div></section>\n");
    return rc;
}

/* Measures for the table and the graph's selection. */
static int centrality(const struct rn_view *v, struct rn_centrality *c, struct rn_err *err)
{
    struct rn_centrality_options copt;
    rn_centrality_options_init(&copt);
    copt.measures = (1u << RN_M_IN_DEGREE) | (1u << RN_M_OUT_DEGREE) | (1u << RN_M_PAGERANK) |
                    (1u << RN_M_BETWEENNESS) | (1u << RN_M_HUB) | (1u << RN_M_AUTHORITY);
    copt.seed = RN_DEFAULT_SEED;
    return rn_centrality_compute(v, &copt, c, err);
}

int rn_report_write(const struct rn_relset *set, const struct rn_relset *accuses,
                    const struct rn_report_options *opt, struct rn_buf *out, struct rn_err *err)
{
    if (set->n_records == 0)
        return rn_fail(err, RN_EINPUT, "nothing to report: no relations");
    const char *title = opt && opt->title ? opt->title : "relnet report";
    const char *d3 = opt ? opt->d3 : NULL;
    size_t d3_len = d3 ? opt->d3_len : 0;
    /* A library that could close its own <script> element is not inlined. */
    for (size_t i = 0; d3 && i + 8 <= d3_len; i++)
        if (d3[i] == '<' && strncasecmp(d3 + i, "</script", 8) == 0)
            d3 = NULL;
    struct rn_view *v = NULL;
    struct rn_stats st;
    memset(&st, 0, sizeof st);
    struct rn_centrality cent;
    memset(&cent, 0, sizeof cent);
    struct rn_render_layout L;
    memset(&L, 0, sizeof L);
    struct rn_view_options vopt = { .by_affiliation = 0, .min_count = 1 };
    struct embedded emb;
    size_t max_reports = opt ? opt->max_reports : 0;
    if (embedded_choose(set, max_reports, &emb) != RN_OK) {
        embedded_release(&emb);
        return rn_fail(err, RN_ENOMEM, "out of memory writing the report");
    }
    int rc = rn_view_build(set, &vopt, &v, err);
    if (rc == RN_OK)
        rc = rn_stats_compute(v, &st, err);
    if (rc == RN_OK)
        rc = centrality(v, &cent, err);
    if (rc == RN_OK) {
        struct rn_render_options ropt;
        rn_render_options_init(&ropt);
        ropt.top = RN_REPORT_GRAPH_TOP;
        ropt.legend = 0;
        ropt.centrality = &cent;
        rc = rn_render_layout(v, &ropt, &L, err);
    }
    if (rc != RN_OK)
        goto out;
    rc = rn_buf_adds(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                           /* Nothing may be fetched: the page is the whole report. */
                           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                           "'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                           "img-src data:\">\n<title>");
    rc |= esc(out, title);
    rc |= rn_buf_adds(out, "</title>\n<style>");
    rc |= rn_buf_adds(out, report_css);
    rc |= rn_buf_adds(out, "</style></head><body>\n<h1>");
    rc |= esc(out, title);
    rc |= rn_buf_adds(out, "</h1>\n<nav><a href=\"#summary\">Summary</a> <a href=\"#accuses\">Who "
                           "accuses whom</a> <a href=\"#relations\">Top actors</a> <a "
                           "href=\"#graph\">Graph</a> <a href=\"#time\">Over time</a> <a "
                           "href=\"#centrality\">Centrality</a> <a href=\"#methods\">Methods</a>"
                           "</nav>\n");
    if (rc != RN_OK)
        goto nomem;
    rc = summary(set, &st, out);
    if (rc == RN_OK)
        rc = accusations(accuses, out, err);
    if (rc == RN_OK)
        rc = sections_for_script(out, d3 != NULL, &emb, set->n_records);
    if (rc == RN_OK)
        rc = timeline(set, out, err);
    if (rc != RN_OK)
        goto out;
    rc |= rn_buf_adds(out, "<section id=\"centrality\"><h2>Centrality</h2><p>Every actor; click a "
                           "column heading to sort.</p>");
    rc |= rn_buf_adds(out, centrality_help);
    rc |= rn_buf_adds(out, "<div id=\"centtable\"></div></section>\n");
    rc |= rn_buf_adds(out, methods);
    rc |= rn_buf_adds(out, "<script type=\"application/json\" id=\"data\">{");
    rc |= json_records(set, &emb, out);
    rc |= json_graph(v, &L, &cent, out);
    rc |= rn_buf_adds(out, "}\n</script>\n");
    if (d3) {
        rc |= rn_buf_adds(out, "<script>");
        rc |= rn_buf_add(out, d3, d3_len);
        rc |= rn_buf_adds(out, "</script>\n");
    }
    rc |= rn_buf_adds(out, "<script>");
    rc |= rn_buf_adds(out, report_js);
    rc |= rn_buf_adds(out, "</script>\n</body></html>\n");
nomem:
    if (rc != RN_OK)
        rc = rn_fail(err, RN_ENOMEM, "out of memory writing the report");
out:
    embedded_release(&emb);
    rn_render_layout_release(&L);
    rn_centrality_release(&cent);
    rn_stats_release(&st);
    rn_view_free(v);
    return rc;
}
