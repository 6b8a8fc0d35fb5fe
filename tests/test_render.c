/* test_render.c - drawings: escaping, selection, legend, engines, failures.
 *
 * SVG is checked by parsing it with libxml2 and reading the node and edge
 * groups Graphviz writes (<g class="node"> with <title>n0</title> and its
 * <text> lines); DOT is checked by re-reading it with cgraph and drawing it
 * again. Tests compare structure and text, never layout coordinates.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <gvc.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "relnet/analysis.h"
#include "relnet/graph.h"
#include "relnet/lib.h"
#include "relnet/relset.h"
#include "relnet/render.h"
#include "relnet/view.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- building relation sets -------------------------------------------- */

struct rec {
    const char *source, *source_type, *relation, *target, *target_type;
    const char *evidence, *article, *title;
};

static struct rn_relset *make_set(const struct rec *recs, size_t n)
{
    struct rn_relset_options opt = { .keep_text = 1, .filter = NULL };
    struct rn_relset *set = rn_relset_new(&opt);
    assert_non_null(set);
    for (size_t i = 0; i < n; i++) {
        struct rn_record r;
        rn_record_init(&r);
        r.source = recs[i].source;
        r.source_type = recs[i].source_type;
        r.relation = recs[i].relation;
        r.target = recs[i].target;
        r.target_type = recs[i].target_type;
        r.evidence = recs[i].evidence;
        r.article = recs[i].article;
        r.title = recs[i].title;
        struct rn_err err = RN_ERR_INIT;
        int rc = rn_relset_add(set, &r, &err);
        if (rc != RN_OK)
            fail_msg("rn_relset_add(%s): %s", recs[i].source, err.msg);
    }
    return set;
}

static struct rn_view *make_view(const struct rn_relset *set)
{
    struct rn_view *v = NULL;
    assert_int_equal(rn_view_build(set, NULL, &v, NULL), RN_OK);
    return v;
}

/* A chain "E0 -> E1 -> ... -> En-1" plus a random sprinkle of extra edges. */
static struct rn_relset *random_set(uint32_t nodes, uint32_t edges, unsigned seed)
{
    struct rn_relset *set = rn_relset_new(NULL);
    assert_non_null(set);
    char a[32], b[32];
    static const char *const rels[] = { "accuses", "bans", "proposes", "signs" };
    for (uint32_t i = 0; i < edges; i++) {
        seed = seed * 1103515245u + 12345u;
        uint32_t x = i < nodes - 1 ? i : (seed >> 8) % nodes;
        seed = seed * 1103515245u + 12345u;
        uint32_t y = i < nodes - 1 ? i + 1 : (seed >> 8) % nodes;
        if (x == y)
            y = (y + 1) % nodes;
        snprintf(a, sizeof a, "Entity %u", x);
        snprintf(b, sizeof b, "Entity %u", y);
        struct rn_record r;
        rn_record_init(&r);
        r.source = a;
        r.target = b;
        r.relation = rels[(seed >> 4) % 4];
        assert_int_equal(rn_relset_add(set, &r, NULL), RN_OK);
    }
    return set;
}

/* ---- reading SVG -------------------------------------------------------- */

struct svg {
    xmlDocPtr doc;
    xmlXPathContextPtr ctx;
};

static void svg_open(struct svg *s, const char *data, size_t len)
{
    s->doc = xmlReadMemory(data, (int)len, "drawing.svg", NULL, XML_PARSE_NONET);
    if (!s->doc)
        fail_msg("the SVG is not well-formed XML");
    s->ctx = xmlXPathNewContext(s->doc);
    assert_non_null(s->ctx);
    xmlXPathRegisterNs(s->ctx, BAD_CAST "svg", BAD_CAST "http://www.w3.org/2000/svg");
    xmlXPathRegisterNs(s->ctx, BAD_CAST "xlink", BAD_CAST "http://www.w3.org/1999/xlink");
}

static void svg_close(struct svg *s)
{
    xmlXPathFreeContext(s->ctx);
    xmlFreeDoc(s->doc);
}

static xmlXPathObjectPtr svg_find(struct svg *s, const char *xpath, xmlNodePtr from)
{
    s->ctx->node = from ? from : xmlDocGetRootElement(s->doc);
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST xpath, s->ctx);
    assert_non_null(r);
    return r;
}

static int svg_count(struct svg *s, const char *xpath)
{
    xmlXPathObjectPtr r = svg_find(s, xpath, NULL);
    int n = r->nodesetval ? r->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(r);
    return n;
}

/* Text content of the first match of xpath under from, into buf ("" if none). */
static void svg_text(struct svg *s, const char *xpath, xmlNodePtr from, char *buf, size_t size)
{
    xmlXPathObjectPtr r = svg_find(s, xpath, from);
    buf[0] = '\0';
    if (r->nodesetval && r->nodesetval->nodeNr > 0) {
        xmlChar *t = xmlNodeGetContent(r->nodesetval->nodeTab[0]);
        snprintf(buf, size, "%s", t ? (const char *)t : "");
        xmlFree(t);
    }
    xmlXPathFreeObject(r);
}

#define MAX_LABELS 64

/* The labels of the drawn entities (nodes titled n0, n1, ...; the legend's
   are titled legendN), their lines joined by single spaces. */
static size_t svg_node_labels(struct svg *s, char labels[][256])
{
    xmlXPathObjectPtr r = svg_find(s, "//svg:g[@class='node']", NULL);
    size_t n = 0;
    for (int i = 0; r->nodesetval && i < r->nodesetval->nodeNr; i++) {
        xmlNodePtr g = r->nodesetval->nodeTab[i];
        char title[64];
        svg_text(s, "svg:title", g, title, sizeof title);
        if (title[0] != 'n' || title[1] < '0' || title[1] > '9')
            continue;
        assert_true(n < MAX_LABELS);
        xmlXPathObjectPtr lines = svg_find(s, ".//svg:text", g);
        labels[n][0] = '\0';
        for (int k = 0; lines->nodesetval && k < lines->nodesetval->nodeNr; k++) {
            xmlChar *t = xmlNodeGetContent(lines->nodesetval->nodeTab[k]);
            size_t used = strlen(labels[n]);
            snprintf(labels[n] + used, 256 - used, "%s%s", k ? " " : "", (const char *)t);
            xmlFree(t);
        }
        xmlXPathFreeObject(lines);
        n++;
    }
    xmlXPathFreeObject(r);
    return n;
}

/* The texts of the graph's own label (caption and legend), in order. */
static size_t graph_label_texts(struct svg *s, char labels[][256])
{
    xmlXPathObjectPtr r = svg_find(s, "/svg:svg/svg:g[@class='graph']/svg:text", NULL);
    size_t n = 0;
    for (int i = 0; r->nodesetval && i < r->nodesetval->nodeNr && n < MAX_LABELS; i++) {
        xmlChar *t = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
        snprintf(labels[n++], 256, "%s", t ? (const char *)t : "");
        xmlFree(t);
    }
    xmlXPathFreeObject(r);
    return n;
}

static int has_label(char labels[][256], size_t n, const char *want)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(labels[i], want) == 0)
            return 1;
    return 0;
}

/* ---- rendering helpers -------------------------------------------------- */

static char *render_mem(const struct rn_view *v, const struct rn_render_options *opt,
                        const char *format, size_t *len, struct rn_render_report *rep)
{
    char *out = NULL;
    struct rn_err err = RN_ERR_INIT;
    int rc = rn_render_data(v, opt, format, &out, len, rep, &err);
    if (rc != RN_OK)
        fail_msg("render %s: %s", format, err.msg);
    assert_non_null(out);
    assert_true(*len > 0);
    return out;
}

/* Names with everything that breaks DOT, SVG or Graphviz escapes. */
static const char *const hostile[] = {
    "Quote \"Q\" Corp",
    "Back\\slash Party",
    "ends in backslash\\",
    "<script>alert(1)</script>",
    "AT&T",
    "AT&amp;T",
    "esc \\N \\G \\L \\n",
    "a\\\"b",
    "x]; n0 -> n1 [color=red",
    "Ünïcödé 中国",
};
#define N_HOSTILE (sizeof hostile / sizeof hostile[0])

static struct rn_relset *hostile_set(void)
{
    struct rec recs[N_HOSTILE + 1];
    for (size_t i = 0; i < N_HOSTILE; i++) {
        recs[i] = (struct rec){ hostile[i], "organization", "accuses",
                                hostile[(i + 1) % N_HOSTILE], "country",
                                "They said \"no\" & <left>", NULL, NULL };
    }
    recs[N_HOSTILE] = (struct rec){ "line one\nline two", "person", "signs", hostile[0], NULL,
                                    NULL, NULL, NULL };
    return make_set(recs, N_HOSTILE + 1);
}

static void assert_hostile_labels(struct svg *s)
{
    char labels[MAX_LABELS][256];
    size_t n = svg_node_labels(s, labels);
    assert_int_equal(n, N_HOSTILE + 1);
    for (size_t i = 0; i < N_HOSTILE; i++)
        if (!has_label(labels, n, hostile[i]))
            fail_msg("label '%s' is missing or changed", hostile[i]);
    /* A newline inside a name becomes a space, deliberately. */
    assert_true(has_label(labels, n, "line one line two"));
}

/* ---- tests -------------------------------------------------------------- */

static void test_hostile_names_svg(void **state)
{
    (void)state;
    struct rn_relset *set = hostile_set();
    struct rn_view *v = make_view(set);
    struct rn_render_options opt;
    rn_render_options_init(&opt);
    opt.title = "Title with \"quotes\" & <angles> \\ backslash";
    size_t len;
    char *svg = render_mem(v, &opt, "svg", &len, NULL);
    struct svg s;
    svg_open(&s, svg, len);
    assert_hostile_labels(&s);
    /* Nothing the names carry becomes markup: one <script> would be an
       element, not text. */
    assert_int_equal(svg_count(&s, "//svg:script"), 0);
    char caption[512];
    svg_text(&s, "/svg:svg/svg:g/svg:text[1]", NULL, caption, sizeof caption);
    assert_string_equal(caption, opt.title);
    /* The tooltip keeps the evidence sentence as typed. */
    char tip[1024];
    svg_text(&s, "(//svg:g[@class='edge']//svg:a/@xlink:title)[1]", NULL, tip, sizeof tip);
    assert_non_null(strstr(tip, "\xe2\x80\x9cThey said \"no\" & <left>\xe2\x80\x9d"));
    svg_close(&s);
    free(svg);
    rn_view_free(v);
    rn_relset_free(set);
}

static void test_hostile_names_dot_round_trip(void **state)
{
    (void)state;
    struct rn_relset *set = hostile_set();
    struct rn_view *v = make_view(set);
    struct rn_render_options opt;
    rn_render_options_init(&opt);
    const char *engines[] = { "none", "dot" };
    for (size_t k = 0; k < 2; k++) {
        opt.engine = engines[k];
        size_t len;
        char *dot = render_mem(v, &opt, "dot", &len, NULL);
        /* cgraph reads it back with exactly the nodes we drew (no name
           opened a new statement), and drawing it again shows the names
           as typed. */
        Agraph_t *g = agmemread(dot);
        if (!g)
            fail_msg("the DOT written with engine %s does not parse", engines[k]);
        /* The legend is the graph's label, not nodes. */
        assert_int_equal(agnnodes(g), (int)N_HOSTILE + 1);
        /* Each node's entity attribute is its name as typed, backslashes
           doubled as in every Graphviz escString. */
        size_t named = 0;
        for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
            const char *raw = agget(n, (char *)"entity");
            char name[128];
            size_t j = 0;
            for (size_t i = 0; raw && raw[i] && j + 1 < sizeof name; i++, j++)
                name[j] = raw[i] == '\\' && raw[i + 1] == '\\' ? raw[i++] : raw[i];
            name[j] = '\0';
            for (size_t h = 0; h < N_HOSTILE; h++)
                named += strcmp(name, hostile[h]) == 0;
            named += strcmp(name, "line one\nline two") == 0;
        }
        assert_int_equal(named, N_HOSTILE + 1);
        /* One context, never freed: see gv_context() in src/render.c. */
        static GVC_t *gvc;
        if (!gvc)
            gvc = gvContext();
        assert_int_equal(gvLayout(gvc, g, "dot"), 0);
        char *svg = NULL;
        unsigned int svglen = 0;
        assert_int_equal(gvRenderData(gvc, g, "svg", &svg, &svglen), 0);
        struct svg s;
        svg_open(&s, svg, svglen);
        assert_hostile_labels(&s);
        svg_close(&s);
        gvFreeRenderData(svg);
        gvFreeLayout(gvc, g);
        agclose(g);
        free(dot);
    }
    rn_view_free(v);
    rn_relset_free(set);
}

static void test_png_and_pdf(void **state)
{
    (void)state;
    struct rn_relset *set = hostile_set();
    struct rn_view *v = make_view(set);
    size_t len;
    char *png = render_mem(v, NULL, "png", &len, NULL);
    assert_true(len > 1000);
    assert_memory_equal(png, "\x89PNG\r\n\x1a\n", 8);
    free(png);
    char *pdf = render_mem(v, NULL, "pdf", &len, NULL);
    assert_true(len > 1000);
    assert_memory_equal(pdf, "%PDF-", 5);
    free(pdf);
    rn_view_free(v);
    rn_relset_free(set);
}

static const struct rec events[] = {
    { "China", "country", "accuses", "Five Eyes", "group", "China accused the Five Eyes of meddling.",
      "https://news.example.org/one?a=1&b=2", "First story" },
    { "China", "country", "accuses", "Five Eyes", "group", "The charge was repeated on Monday.",
      "https://news.example.org/one?a=1&b=2", "First story" },
    { "China", "country", "accuses", "Five Eyes", "group", "A third accusation followed.", NULL,
      NULL },
    { "China", "country", "accuses", "Five Eyes", "group", "A fourth one, not shown.", NULL, NULL },
    { "China", "country", "bans", "Five Eyes", "group", "It banned their envoys.",
      "javascript:alert(1)", "Odd link" },
    { "India", "country", "bans", "TikTok", "company", "India banned the app.",
      "https://ex.org/a b\"c<d>'e&f", NULL },
    { "Maria Ortiz", "person", "proposes", "Data Act", "document", NULL, NULL, NULL },
    { "Maria Ortiz", "person", "criticizes", "India", "country", NULL, NULL, NULL },
    { "Acme Union", "organization", "signs", "Data Act", "document", NULL, NULL, NULL },
    { "Mystery Actor", NULL, "accuses", "Acme Union", "organization", NULL, NULL, NULL },
};
#define N_EVENTS (sizeof events / sizeof events[0])

/* The edge groups from node a to node b (SVG titles "nA->nB"). */
static int edges_between(struct svg *s, const char *title, xmlNodePtr *out, int max)
{
    char xpath[128];
    snprintf(xpath, sizeof xpath, "//svg:g[@class='edge'][svg:title='%s']", title);
    xmlXPathObjectPtr r = svg_find(s, xpath, NULL);
    int n = r->nodesetval ? r->nodesetval->nodeNr : 0;
    for (int i = 0; i < n && i < max; i++)
        out[i] = r->nodesetval->nodeTab[i];
    xmlXPathFreeObject(r);
    return n;
}

static void test_one_arrow_per_relation_with_evidence_and_links(void **state)
{
    (void)state;
    struct rn_relset *set = make_set(events, N_EVENTS);
    struct rn_view *v = make_view(set);
    size_t len;
    struct rn_render_report rep;
    char *svg = render_mem(v, NULL, "svg", &len, &rep);
    assert_int_equal(rep.nodes_drawn, 8);
    assert_int_equal(rep.edges_drawn, 7); /* China -> Five Eyes is two arrows */
    assert_null(strstr(svg, "javascript"));
    struct svg s;
    svg_open(&s, svg, len);
    /* Nodes are numbered in view order: China n0, Five Eyes n1. */
    xmlNodePtr e[4];
    assert_int_equal(edges_between(&s, "n0->n1", e, 4), 2);
    char stroke[32], label[32], tip[2048], href[256];
    int seen_red = 0, seen_black = 0;
    for (int i = 0; i < 2; i++) {
        svg_text(&s, ".//svg:path/@stroke", e[i], stroke, sizeof stroke);
        svg_text(&s, ".//svg:text", e[i], label, sizeof label);
        svg_text(&s, "(.//svg:a/@xlink:title)[1]", e[i], tip, sizeof tip);
        svg_text(&s, "(.//svg:a/@xlink:href)[1]", e[i], href, sizeof href);
        if (strcmp(stroke, "#d62728") == 0) {
            seen_red = 1;
            assert_string_equal(label, "4"); /* reports */
            assert_non_null(strstr(tip, "China accuses Five Eyes: 4 reports"));
            assert_non_null(strstr(tip, "meddling.\xe2\x80\x9d (First story, https://news"));
            assert_non_null(strstr(tip, "repeated on Monday"));
            assert_non_null(strstr(tip, "third accusation"));
            assert_null(strstr(tip, "fourth")); /* three sentences at most */
            assert_string_equal(href, "https://news.example.org/one?a=1&b=2");
        } else {
            assert_string_equal(stroke, "#000000");
            seen_black = 1;
            assert_string_equal(label, ""); /* one report: no count */
            assert_non_null(strstr(tip, "China bans Five Eyes: 1 report"));
            assert_string_equal(href, ""); /* javascript: is never a link */
        }
    }
    assert_true(seen_red && seen_black);
    /* A URL with quotes, spaces and angles is percent-encoded. */
    assert_int_equal(edges_between(&s, "n2->n3", e, 4), 1);
    svg_text(&s, "(.//svg:a/@xlink:href)[1]", e[0], href, sizeof href);
    assert_string_equal(href, "https://ex.org/a%20b%22c%3Cd%3E%27e&f");
    /* The legend, under the drawing in the graph's label, lists each
       relation and type drawn; no legend item is a node of the layout. */
    assert_int_equal(svg_count(&s, "//svg:g[@class='node'][starts-with(svg:title, 'legend')]"), 0);
    char labels[64][256];
    size_t nl = graph_label_texts(&s, labels);
#define ARROW "\xe2\x94\x81\xe2\x94\x81\xe2\x96\xb6 " /* the legend's "━━▶ " */
    const char *legend[] = { "Legend",         "country (box)",   "organization (hexagon)",
                             "company (parallelogram)", "person (ellipse)", "group (octagon)",
                             "document (note)", "unknown (box)",  ARROW "accuses",
                             ARROW "bans",     ARROW "proposes",  ARROW "signs",
                             ARROW "criticizes" };
    for (size_t i = 0; i < sizeof legend / sizeof legend[0]; i++)
        if (!has_label(labels, nl, legend[i]))
            fail_msg("legend entry '%s' missing", legend[i]);
    svg_close(&s);
    free(svg);

    /* --no-legend */
    struct rn_render_options opt;
    rn_render_options_init(&opt);
    opt.legend = 0;
    svg = render_mem(v, &opt, "svg", &len, NULL);
    svg_open(&s, svg, len);
    nl = graph_label_texts(&s, labels);
    assert_false(has_label(labels, nl, "Legend"));
    assert_true(nl > 0); /* the caption stays */
    svg_close(&s);
    free(svg);
    rn_view_free(v);
    rn_relset_free(set);
}

static void test_deterministic(void **state)
{
    (void)state;
    struct rn_relset *set = make_set(events, N_EVENTS);
    struct rn_view *v = make_view(set);
    struct rn_render_options opt;
    rn_render_options_init(&opt);
    /* Twice in one process: fdp without a seeded start, or subgraphs
       written in address order, made the second drawing differ. */
    const char *engines[] = { "dot", "sfdp", "fdp", "neato", "none" };
    for (size_t k = 0; k < sizeof engines / sizeof engines[0]; k++) {
        opt.engine = engines[k];
        const char *fmt = strcmp(engines[k], "none") == 0 ? "dot" : "svg";
        size_t l1, l2;
        char *a = render_mem(v, &opt, fmt, &l1, NULL);
        char *b = render_mem(v, &opt, fmt, &l2, NULL);
        assert_int_equal(l1, l2);
        assert_memory_equal(a, b, l1);
        free(a);
        free(b);
    }
    rn_view_free(v);
    rn_relset_free(set);
}

static int cmp_desc(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x > y ? -1 : x < y;
}

static void test_top_keeps_highest_pagerank(void **state)
{
    (void)state;
    struct rn_relset *set = random_set(60, 200, 3);
    struct rn_view *v = make_view(set);
    struct rn_centrality c;
    memset(&c, 0, sizeof c);
    struct rn_centrality_options copt;
    memset(&copt, 0, sizeof copt);
    copt.measures = 1u << RN_M_PAGERANK;
    copt.seed = RN_DEFAULT_SEED;
    assert_int_equal(rn_centrality_compute(v, &copt, &c, NULL), RN_OK);
    double *sorted = malloc(v->n_nodes * sizeof *sorted);
    memcpy(sorted, c.value[RN_M_PAGERANK], v->n_nodes * sizeof *sorted);
    qsort(sorted, v->n_nodes, sizeof *sorted, cmp_desc);

    struct rn_render_options opt;
    rn_render_options_init(&opt);
    opt.top = 7;
    opt.engine = "none";
    size_t len;
    struct rn_render_report rep;
    char *dot = render_mem(v, &opt, "dot", &len, &rep);
    assert_int_equal(rep.nodes_drawn, 7);
    assert_int_equal(rep.nodes_total, v->n_nodes);
    Agraph_t *g = agmemread(dot);
    assert_non_null(g);
    int drawn = 0;
    for (uint32_t i = 0; i < v->n_nodes; i++) {
        const char *name = rn_view_node_name(v, i);
        int found = 0;
        for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
            if (strcmp(agget(n, (char *)"label"), name) == 0)
                found = 1;
        /* Kept exactly when its PageRank is among the 7 highest (the
           random graph has no ties at the cut). */
        int top = c.value[RN_M_PAGERANK][i] >= sorted[6];
        assert_true(sorted[6] != sorted[7]);
        if (found != top)
            fail_msg("%s: drawn %d, in the top 7 %d", name, found, top);
        drawn += found;
    }
    assert_int_equal(drawn, 7);
    agclose(g);
    free(dot);
    free(sorted);
    rn_centrality_release(&c);
    rn_view_free(v);
    rn_relset_free(set);
}

static size_t dot_labels(const struct rn_view *v, const struct rn_render_options *opt,
                         char labels[][256], struct rn_render_report *rep)
{
    size_t len;
    char *dot = render_mem(v, opt, "dot", &len, rep);
    Agraph_t *g = agmemread(dot);
    assert_non_null(g);
    size_t n = 0;
    for (Agnode_t *x = agfstnode(g); x; x = agnxtnode(g, x))
        if (strncmp(agnameof(x), "legend", 6) != 0)
            snprintf(labels[n++], 256, "%s", agget(x, (char *)"label"));
    agclose(g);
    free(dot);
    return n;
}

static void test_ego(void **state)
{
    (void)state;
    static const struct rec chain[] = {
        { "Alpha", NULL, "accuses", "Bravo", NULL, NULL, NULL, NULL },
        { "Bravo", NULL, "bans", "Charlie", NULL, NULL, NULL, NULL },
        { "Charlie", NULL, "signs", "Delta", NULL, NULL, NULL, NULL },
        { "Echo", NULL, "accuses", "Alpha", NULL, NULL, NULL, NULL },
        { "Foxtrot", NULL, "accuses", "Golf", NULL, NULL, NULL, NULL },
        { "Huawei Technologies", NULL, "accuses", "Foxtrot", NULL, NULL, NULL, NULL },
    };
    struct rn_relset *set = make_set(chain, sizeof chain / sizeof chain[0]);
    struct rn_view *v = make_view(set);
    struct rn_render_options opt;
    rn_render_options_init(&opt);
    opt.engine = "none";
    char labels[MAX_LABELS][256];
    struct rn_render_report rep;

    opt.ego = "bravo"; /* names match by key: case does not matter */
    size_t n = dot_labels(v, &opt, labels, &rep);
    assert_int_equal(n, 3);
    assert_true(has_label(labels, n, "Alpha") && has_label(labels, n, "Bravo") &&
                has_label(labels, n, "Charlie"));

    opt.depth = 2;
    n = dot_labels(v, &opt, labels, &rep);
    assert_int_equal(n, 5);
    assert_false(has_label(labels, n, "Foxtrot"));

    /* With --top the nearest come first: Bravo, then its neighbours. */
    opt.top = 3;
    n = dot_labels(v, &opt, labels, &rep);
    assert_int_equal(n, 3);
    assert_true(has_label(labels, n, "Alpha") && has_label(labels, n, "Bravo") &&
                has_label(labels, n, "Charlie"));

    /* Unknown names fail with close suggestions; nothing is drawn. */
    opt.ego = "Huawei";
    char *out = NULL;
    size_t len = 0;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_render_data(v, &opt, "dot", &out, &len, NULL, &err), RN_ENOTFOUND);
    assert_null(out);
    assert_string_equal(err.msg, "no entity named 'Huawei'; did you mean 'Huawei Technologies'?");
    opt.ego = "Charly";
    assert_int_equal(rn_render_data(v, &opt, "dot", &out, &len, NULL, &err), RN_ENOTFOUND);
    assert_non_null(strstr(err.msg, "did you mean 'Charlie'"));
    opt.ego = "Zzzzzzzz";
    assert_int_equal(rn_render_data(v, &opt, "dot", &out, &len, NULL, &err), RN_ENOTFOUND);
    assert_string_equal(err.msg, "no entity named 'Zzzzzzzz'");
    rn_view_free(v);
    rn_relset_free(set);
}

static void test_ego_rolled_up_and_filtered(void **state)
{
    (void)state;
    static const struct rec recs[] = {
        { "Zhao Lijian", "person", "accuses", "Five Eyes", "group", NULL, NULL, NULL },
        { "China", "country", "bans", "Five Eyes", "group", NULL, NULL, NULL },
        { "China", "country", "bans", "Five Eyes", "group", NULL, NULL, NULL },
        { "India", "country", "bans", "TikTok", "company", NULL, NULL, NULL },
    };
    struct rn_relset *set = make_set(recs, sizeof recs / sizeof recs[0]);
    uint32_t zhao;
    assert_int_equal(rn_relset_entity(set, "Zhao Lijian", RN_ETYPE_PERSON, "China", &zhao), RN_OK);
    struct rn_view_options vopt = { .by_affiliation = 1, .min_count = 1 };
    struct rn_view *v = NULL;
    assert_int_equal(rn_view_build(set, &vopt, &v, NULL), RN_OK);
    struct rn_render_options opt;
    rn_render_options_init(&opt);
    opt.engine = "none";
    opt.ego = "Zhao Lijian";
    opt.by_affiliation = 1;
    char labels[MAX_LABELS][256];
    struct rn_render_report rep;
    size_t n = dot_labels(v, &opt, labels, &rep);
    assert_int_equal(n, 2);
    assert_true(has_label(labels, n, "China") && has_label(labels, n, "Five Eyes"));
    assert_string_equal(rep.note, "Zhao Lijian is drawn as China (--by affiliation).");
    rn_view_free(v);

    /* Known, but filtered out of this view: a different message. */
    vopt.by_affiliation = 0;
    vopt.min_count = 2;
    assert_int_equal(rn_view_build(set, &vopt, &v, NULL), RN_OK);
    opt.by_affiliation = 0;
    opt.ego = "india";
    char *out = NULL;
    size_t len;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_render_data(v, &opt, "dot", &out, &len, NULL, &err), RN_ENOTFOUND);
    assert_string_equal(err.msg, "'India' has no relations in this selection");
    rn_view_free(v);
    rn_relset_free(set);
}


/* Draw v with --top top: want entities, each with an arrow to another. */
static void check_top_cut(const struct rn_view *v, long top, long want)
{
    struct rn_render_options opt;
    rn_render_options_init(&opt);
    opt.top = top;
    opt.engine = "none";
    struct rn_render_report rep;
    size_t len;
    char *dot = render_mem(v, &opt, "dot", &len, &rep);
    Agraph_t *g = agmemread(dot);
    assert_non_null(g);
    if (agnnodes(g) != (int)want)
        fail_msg("--top %ld drew %d entities, not %ld", top, agnnodes(g), want);
    assert_int_equal(rep.nodes_drawn, (uint32_t)want);
    assert_int_equal(rep.nodes_candidates, v->n_nodes);
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
        if (agdegree(g, n, 1, 1) == 0)
            fail_msg("--top %ld: %s drawn without an arrow", top, agget(n, (char *)"label"));
    agclose(g);
    free(dot);
}

/* --top keeps no entity without an arrow to another drawn one: targets of
   weak sources that were cut are replaced by linked entities. X1..X4
   accuse Y, Y accuses Z: Z and Y rank highest, the X's (sources only)
   tie with P and R; a cut by rank alone keeps Q or S without P or R. */
static void test_top_keeps_no_isolated_entity(void **state)
{
    (void)state;
    static const struct rec recs[] = {
        { "X1", NULL, "accuses", "Y", NULL, NULL, NULL, NULL },
        { "X2", NULL, "accuses", "Y", NULL, NULL, NULL, NULL },
        { "X3", NULL, "accuses", "Y", NULL, NULL, NULL, NULL },
        { "X4", NULL, "accuses", "Y", NULL, NULL, NULL, NULL },
        { "Y", NULL, "accuses", "Z", NULL, NULL, NULL, NULL },
        { "P", NULL, "bans", "Q", NULL, NULL, NULL, NULL },
        { "R", NULL, "bans", "S", NULL, NULL, NULL, NULL },
    };
    struct rn_relset *set = make_set(recs, sizeof recs / sizeof recs[0]);
    struct rn_view *v = make_view(set);
    for (long top = 2; top <= 6; top++)
        check_top_cut(v, top, top); /* the quota is filled */
    rn_view_free(v);
    rn_relset_free(set);
}

/* --top N draws exactly N entities whenever N linked ones exist, even when
   the N best are all targets of sources that rank lower (T1 and T2 here:
   a cut by rank keeps two entities without an arrow between them) and when
   the last place can only be filled by a pair (P and Q, R and U): then a
   kept entity that strands no other makes room. */
static void test_top_fills_quota_exactly(void **state)
{
    (void)state;
    static const struct rec recs[] = {
        { "S1", NULL, "accuses", "T1", NULL, NULL, NULL, NULL },
        { "S2", NULL, "accuses", "T1", NULL, NULL, NULL, NULL },
        { "S3", NULL, "accuses", "T1", NULL, NULL, NULL, NULL },
        { "S4", NULL, "bans", "T2", NULL, NULL, NULL, NULL },
        { "S5", NULL, "bans", "T2", NULL, NULL, NULL, NULL },
        { "P", NULL, "signs", "Q", NULL, NULL, NULL, NULL },
        { "R", NULL, "signs", "U", NULL, NULL, NULL, NULL },
    };
    struct rn_relset *set = make_set(recs, sizeof recs / sizeof recs[0]);
    struct rn_view *v = make_view(set);
    assert_int_equal(v->n_nodes, 11);
    for (long top = 2; top <= 12; top++)
        check_top_cut(v, top, top < 11 ? top : 11);
    rn_view_free(v);
    rn_relset_free(set);
}

/* Negated arrows are dashed, hedged dotted, with their own arrows and a
   legend line; the --ego entity has a double outline. */
static void test_polarity_styles_and_ego(void **state)
{
    (void)state;
    struct rn_relset *set = rn_relset_new(NULL);
    assert_non_null(set);
    const enum rn_polarity pols[] = { RN_POL_ASSERTED, RN_POL_NEGATED, RN_POL_HEDGED };
    for (int i = 0; i < 3; i++) {
        struct rn_record r;
        rn_record_init(&r);
        r.source = "Aland";
        r.relation = "accuses";
        r.target = "Bland";
        r.polarity = pols[i];
        assert_int_equal(rn_relset_add(set, &r, NULL), RN_OK);
    }
    struct rn_view *v = make_view(set);
    struct rn_render_options opt;
    rn_render_options_init(&opt);
    opt.ego = "Aland";
    opt.polarity_mask = 7;
    size_t len;
    char *svg = render_mem(v, &opt, "svg", &len, NULL);
    struct svg s;
    svg_open(&s, svg, len);
    assert_int_equal(svg_count(&s, "//svg:g[@class='edge']"), 3);
    assert_int_equal(svg_count(&s, "//svg:g[@class='edge']//svg:path[@stroke-dasharray='5,2']"), 1);
    assert_int_equal(svg_count(&s, "//svg:g[@class='edge']//svg:path[@stroke-dasharray='1,5']"), 1);
    char labels[64][256];
    size_t nl = graph_label_texts(&s, labels);
    assert_true(has_label(labels, nl, "\xe2\x95\x8d\xe2\x95\x8d\xe2\x96\xb6 negated (dashed)"));
    assert_true(has_label(labels, nl, "\xe2\x94\x88\xe2\x94\x88\xe2\x96\xb6 hedged (dotted)"));
    assert_true(has_label(labels, nl, "Double outline: the entity the picture is centred on (--ego)."));
    /* The ego's box is drawn twice (two peripheries), the other's once. */
    assert_int_equal(svg_count(&s, "//svg:g[@class='node'][svg:title='n0']//*[self::svg:polygon or self::svg:path]"), 2);
    assert_int_equal(svg_count(&s, "//svg:g[@class='node'][svg:title='n1']//*[self::svg:polygon or self::svg:path]"), 1);
    /* The tooltip names the polarity. */
    assert_int_equal(svg_count(&s, "//svg:g[@class='edge']//svg:a[starts-with(@xlink:title, "
                                   "'Aland accuses Bland: 1 negated report')]"), 1);
    svg_close(&s);
    free(svg);
    rn_view_free(v);
    rn_relset_free(set);
}

static void test_engine_choice_and_limits(void **state)
{
    (void)state;
    struct rn_render_options opt;
    rn_render_options_init(&opt);
    opt.top = 0;
    struct rn_render_report rep;
    struct rn_err err = RN_ERR_INIT;
    char *out = NULL;
    size_t len = 0;

    /* Small and layered (a chain): auto draws with dot. */
    static const struct rec chain[] = {
        { "Alpha", NULL, "accuses", "Bravo", NULL, NULL, NULL, NULL },
        { "Bravo", NULL, "accuses", "Charlie", NULL, NULL, NULL, NULL },
        { "Charlie", NULL, "bans", "Delta", NULL, NULL, NULL, NULL },
        { "Delta", NULL, "signs", "Echo", NULL, NULL, NULL, NULL },
    };
    struct rn_relset *set = make_set(chain, 4);
    struct rn_view *v = make_view(set);
    free(render_mem(v, &opt, "svg", &len, &rep));
    assert_string_equal(rep.engine, "dot");
    assert_string_equal(rep.note, "");
    rn_view_free(v);
    rn_relset_free(set);
    /* Small but a strip in dot (one accuser of 30 targets side by side):
       auto draws it with sfdp and says why. */
    static const char *const targets[30] = {
        "T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09", "T10",
        "T11", "T12", "T13", "T14", "T15", "T16", "T17", "T18", "T19", "T20",
        "T21", "T22", "T23", "T24", "T25", "T26", "T27", "T28", "T29", "T30" };
    struct rec star[30];
    for (int i = 0; i < 30; i++)
        star[i] = (struct rec){ "Hub", NULL, "accuses", targets[i], NULL, NULL, NULL, NULL };
    set = make_set(star, 30);
    v = make_view(set);
    free(render_mem(v, &opt, "svg", &len, &rep));
    assert_string_equal(rep.engine, "sfdp");
    assert_non_null(strstr(rep.note, "a strip: drawn with sfdp"));
    rn_view_free(v);
    rn_relset_free(set);
    /* Forced dot on 30 separate pairs: a strip however the leaves are
       spread over ranks, so it is stretched, and ends under 3:1. */
    static const char *const sources[30] = {
        "S01", "S02", "S03", "S04", "S05", "S06", "S07", "S08", "S09", "S10",
        "S11", "S12", "S13", "S14", "S15", "S16", "S17", "S18", "S19", "S20",
        "S21", "S22", "S23", "S24", "S25", "S26", "S27", "S28", "S29", "S30" };
    for (int i = 0; i < 30; i++)
        star[i] = (struct rec){ sources[i], NULL, "bans", targets[i], NULL, NULL, NULL, NULL };
    set = make_set(star, 30);
    v = make_view(set);
    opt.engine = "dot";
    char *svg = render_mem(v, &opt, "svg", &len, &rep);
    assert_string_equal(rep.engine, "dot");
    assert_non_null(strstr(rep.note, "stretched to 2.5:1"));
    double w = 0, h = 0;
    const char *dims = strstr(svg, "<svg width=\"");
    assert_non_null(dims);
    assert_int_equal(sscanf(dims, "<svg width=\"%lfpt\" height=\"%lfpt\"", &w, &h), 2);
    if (w / h > 3 || h / w > 3)
        fail_msg("forced dot drawing of %.0f x %.0f pt", w, h);
    free(svg);
    opt.engine = "auto";
    /* Forced circo beyond its limit (80 entities) refuses before any layout. */
    rn_view_free(v);
    rn_relset_free(set);
    set = random_set(120, 360, 2);
    v = make_view(set);
    opt.engine = "circo";
    assert_int_equal(rn_render_data(v, &opt, "svg", &out, &len, &rep, &err), RN_EUSAGE);
    assert_null(out);
    assert_non_null(strstr(err.msg, "circo cannot lay out 120 entities"));
    assert_non_null(strstr(err.msg, "--top"));
    /* auto on 120 entities: past dot's share, drawn with sfdp and said so. */
    opt.engine = "auto";
    free(render_mem(v, &opt, "svg", &len, &rep));
    assert_string_equal(rep.engine, "sfdp");
    assert_non_null(strstr(rep.note, "drawn with sfdp"));
    /* The same with --top 40 is dot's size again (then sfdp only if dot
       made a strip of it). */
    opt.top = 40;
    free(render_mem(v, &opt, "svg", &len, &rep));
    if (strcmp(rep.engine, "dot") != 0)
        assert_non_null(strstr(rep.note, "a strip: drawn with sfdp"));
    assert_null(strstr(rep.note, "too many for a readable dot"));
    assert_int_equal(rep.nodes_drawn, 40);
    rn_view_free(v);
    rn_relset_free(set);

    /* Beyond every engine: refused, with advice. */
    set = random_set(6000, 6000, 3);
    v = make_view(set);
    opt.top = 0;
    assert_int_equal(rn_render_data(v, &opt, "svg", &out, &len, &rep, &err), RN_EUSAGE);
    assert_non_null(strstr(err.msg, "more than any layout engine handles"));
    /* No layout is always possible. */
    opt.engine = "none";
    free(render_mem(v, &opt, "dot", &len, &rep));
    assert_int_equal(rep.nodes_drawn, 6000);

    /* Bad names. */
    opt.engine = "bogus";
    assert_int_equal(rn_render_data(v, &opt, "svg", &out, &len, &rep, &err), RN_EUSAGE);
    assert_non_null(strstr(err.msg, "unknown layout engine 'bogus'"));
    opt.engine = "none";
    assert_int_equal(rn_render_data(v, &opt, "svg", &out, &len, &rep, &err), RN_EUSAGE);
    opt.engine = "dot";
    assert_int_equal(rn_render_data(v, &opt, "gif", &out, &len, &rep, &err), RN_EUSAGE);
    assert_null(out);
    rn_view_free(v);
    rn_relset_free(set);
}

static void test_color_by_community(void **state)
{
    (void)state;
    /* Two dense groups joined by one edge: two communities. */
    static const struct rec recs[] = {
        { "A1", NULL, "accuses", "A2", NULL, NULL, NULL, NULL },
        { "A2", NULL, "accuses", "A3", NULL, NULL, NULL, NULL },
        { "A3", NULL, "accuses", "A1", NULL, NULL, NULL, NULL },
        { "B1", NULL, "signs", "B2", NULL, NULL, NULL, NULL },
        { "B2", NULL, "signs", "B3", NULL, NULL, NULL, NULL },
        { "B3", NULL, "signs", "B1", NULL, NULL, NULL, NULL },
        { "A1", NULL, "bans", "B1", NULL, NULL, NULL, NULL },
    };
    struct rn_relset *set = make_set(recs, sizeof recs / sizeof recs[0]);
    struct rn_view *v = make_view(set);
    struct rn_render_options opt;
    rn_render_options_init(&opt);
    opt.color = RN_RENDER_COLOR_COMMUNITY;
    size_t len;
    char *svg = render_mem(v, &opt, "svg", &len, NULL);
    struct svg s;
    svg_open(&s, svg, len);
    /* Each group shares one fill; the two fills differ. */
    char fill[6][32];
    for (int i = 0; i < 6; i++) {
        char xpath[128];
        snprintf(xpath, sizeof xpath, "//svg:g[@class='node'][svg:title='n%d']//svg:path/@fill | "
                                      "//svg:g[@class='node'][svg:title='n%d']//svg:polygon/@fill",
                 i, i);
        svg_text(&s, xpath, NULL, fill[i], sizeof fill[i]);
        assert_true(fill[i][0] == '#');
    }
    /* View order: A1 A2 A3 B1 B2 B3. */
    assert_string_equal(fill[0], fill[1]);
    assert_string_equal(fill[0], fill[2]);
    assert_string_equal(fill[3], fill[4]);
    assert_string_equal(fill[3], fill[5]);
    assert_string_not_equal(fill[0], fill[3]);
    assert_int_equal(svg_count(&s, "/svg:svg/svg:g[@class='graph']/svg:text"
                                "[starts-with(., 'community ')]"), 2);
    svg_close(&s);
    free(svg);
    rn_view_free(v);
    rn_relset_free(set);
}

/* ---- files -------------------------------------------------------------- */

static char tmpdir[64];

static int count_files(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static void test_files_written_whole_or_not_at_all(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/test_render.XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
    struct rn_relset *set = make_set(events, N_EVENTS);
    struct rn_view *v = make_view(set);
    char path[128];
    struct rn_err err = RN_ERR_INIT;

    /* Success: the file, readable by others (not mkstemp's 0600), and no
       temporary left. */
    snprintf(path, sizeof path, "%s/g.svg", tmpdir);
    assert_int_equal(rn_render_file(v, NULL, "svg", path, NULL, &err), RN_OK);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    mode_t mask = umask(0);
    umask(mask);
    assert_int_equal(st.st_mode & 0777, 0666 & ~mask);
    assert_int_equal(count_files(tmpdir), 1);
    size_t len;
    char *before = read_all(path, &len);
    assert_non_null(before);

    /* Failures leave the old file as it was and nothing else. */
    struct rn_render_options opt;
    rn_render_options_init(&opt);
    opt.ego = "Nobody At All";
    assert_int_equal(rn_render_file(v, &opt, "svg", path, NULL, &err), RN_ENOTFOUND);
    opt.ego = NULL;
    opt.engine = "warp";
    assert_int_equal(rn_render_file(v, &opt, "svg", path, NULL, &err), RN_EUSAGE);
    size_t len2;
    char *after = read_all(path, &len2);
    assert_int_equal(len, len2);
    assert_memory_equal(before, after, len);
    assert_int_equal(count_files(tmpdir), 1);
    free(before);
    free(after);

    /* An unwritable place fails at once with the path in the message. */
    snprintf(path, sizeof path, "%s/missing/dir/g.svg", tmpdir);
    assert_int_equal(rn_render_file(v, NULL, "svg", path, NULL, &err), RN_EIO);
    assert_non_null(strstr(err.msg, "cannot write"));
    assert_non_null(strstr(err.msg, "missing/dir/g.svg"));
    /* A directory is not a file. */
    assert_int_equal(rn_render_file(v, NULL, "svg", tmpdir, NULL, &err), RN_EIO);
    assert_non_null(strstr(err.msg, "is a directory"));
    assert_int_equal(count_files(tmpdir), 1);

    snprintf(path, sizeof path, "%s/g.svg", tmpdir);
    unlink(path);
    rmdir(tmpdir);
    rn_view_free(v);
    rn_relset_free(set);
}

static void test_nothing_to_draw(void **state)
{
    (void)state;
    struct rn_relset *set = rn_relset_new(NULL);
    struct rn_view *v = make_view(set);
    char *out = NULL;
    size_t len;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_render_data(v, NULL, "svg", &out, &len, NULL, &err), RN_EINPUT);
    assert_non_null(strstr(err.msg, "nothing to draw"));
    rn_view_free(v);
    rn_relset_free(set);
}

static void test_invisible_characters_dropped(void **state)
{
    (void)state;
    /* A right-to-left override would show "evil\u202Egnp.exe" as
       "evilexe.png"; a zero-width space hides a second name in one. */
    static const struct rec recs[] = {
        { "evil\xe2\x80\xaegnp.exe", NULL, "accuses", "Zero\xe2\x80\x8bWidth", NULL, NULL, NULL, NULL },
    };
    struct rn_relset *set = make_set(recs, 1);
    struct rn_view *v = make_view(set);
    size_t len;
    char *svg = render_mem(v, NULL, "svg", &len, NULL);
    struct svg s;
    svg_open(&s, svg, len);
    char labels[MAX_LABELS][256];
    size_t n = svg_node_labels(&s, labels);
    assert_int_equal(n, 2);
    assert_true(has_label(labels, n, "evilgnp.exe"));
    assert_true(has_label(labels, n, "ZeroWidth"));
    svg_close(&s);
    free(svg);
    rn_view_free(v);
    rn_relset_free(set);
}

static void test_png_is_capped(void **state)
{
    (void)state;
    /* A 200-entity chain drawn by dot is 200 ranks tall, about 20000 px at
       full size; the PNG is scaled to 4800 px at most. */
    struct rn_relset *set = random_set(200, 199, 9);
    struct rn_view *v = make_view(set);
    struct rn_render_options opt;
    rn_render_options_init(&opt);
    opt.top = 0;
    opt.engine = "dot";
    size_t len;
    unsigned char *png = (unsigned char *)render_mem(v, &opt, "png", &len, NULL);
    assert_true(len > 24);
    uint32_t w = (uint32_t)png[16] << 24 | (uint32_t)png[17] << 16 | (uint32_t)png[18] << 8 | png[19];
    uint32_t h = (uint32_t)png[20] << 24 | (uint32_t)png[21] << 16 | (uint32_t)png[22] << 8 | png[23];
    assert_true(h <= 4800 && h >= 4000);
    assert_true(w > 0 && w < h);
    free(png);
    rn_view_free(v);
    rn_relset_free(set);
}

static void test_formats_by_name(void **state)
{
    (void)state;
    assert_string_equal(rn_render_format_of_path("out/graph.SVG"), "svg");
    assert_string_equal(rn_render_format_of_path("g.png"), "png");
    assert_string_equal(rn_render_format_of_path("g.pdf"), "pdf");
    assert_string_equal(rn_render_format_of_path("g.gv"), "dot");
    assert_string_equal(rn_render_format_of_path("g.dot"), "dot");
    assert_null(rn_render_format_of_path("graph"));
    assert_null(rn_render_format_of_path("dir.svg/graph"));
    assert_null(rn_render_format_of_path("g.jpeg"));
    assert_true(rn_render_engine_ok("twopi") && rn_render_engine_ok("auto"));
    assert_false(rn_render_engine_ok("osage"));
}

int main(void)
{
    struct rn_err err = RN_ERR_INIT;
    if (rn_lib_init(&err) != RN_OK) {
        fprintf(stderr, "rn_lib_init: %s\n", err.msg);
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hostile_names_svg),
        cmocka_unit_test(test_hostile_names_dot_round_trip),
        cmocka_unit_test(test_png_and_pdf),
        cmocka_unit_test(test_one_arrow_per_relation_with_evidence_and_links),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_top_keeps_highest_pagerank),
        cmocka_unit_test(test_ego),
        cmocka_unit_test(test_ego_rolled_up_and_filtered),
        cmocka_unit_test(test_engine_choice_and_limits),
        cmocka_unit_test(test_color_by_community),
        cmocka_unit_test(test_files_written_whole_or_not_at_all),
        cmocka_unit_test(test_nothing_to_draw),
        cmocka_unit_test(test_invisible_characters_dropped),
        cmocka_unit_test(test_png_is_capped),
        cmocka_unit_test(test_formats_by_name),
        cmocka_unit_test(test_top_keeps_no_isolated_entity),
        cmocka_unit_test(test_top_fills_quota_exactly),
        cmocka_unit_test(test_polarity_styles_and_ego),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return failed;
}
