/* graph.c - the igraph bridge: setup, view -> igraph_t, GraphML (see relnet/graph.h). */
#define _GNU_SOURCE /* fopencookie */
#include <igraph.h>

#include "relnet/graph.h"

#include "relnet/buf.h"
#include "relnet/mem.h"
#include "relnet/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

/* First non-empty reason of the last failure (apis.md 1.1: the handler runs
   several times per failure while igraph unwinds, the later calls with an
   empty reason). */
static char last_reason[256];
static int ready;

static void on_error(const char *reason, const char *file, int line, igraph_error_t code)
{
    (void)file;
    (void)line;
    /* Copy before IGRAPH_FINALLY_FREE(), which may free reason. */
    if (last_reason[0] == '\0' && reason && reason[0])
        snprintf(last_reason, sizeof last_reason, "%s (%s)", reason, igraph_strerror(code));
    IGRAPH_FINALLY_FREE();
}

int rn_graph_setup(unsigned long seed, struct rn_err *err)
{
    (void)err;
    igraph_set_attribute_table(&igraph_cattribute_table);
    igraph_set_error_handler(on_error);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
    ready = 1;
    return RN_OK;
}

/* Functions reachable without rn_lib_init (tests, other programs) must not
   meet igraph's aborting default handler. */
static void ensure_setup(void)
{
    if (!ready)
        rn_graph_setup(RN_DEFAULT_SEED, NULL);
}

void rn_graph_clear_error(void)
{
    last_reason[0] = '\0';
}

int rn_graph_fail(struct rn_err *err, igraph_error_t rc, const char *what)
{
    int code = rc == IGRAPH_ENOMEM ? RN_ENOMEM : RN_EINTERNAL;
    if (last_reason[0])
        rn_fail(err, code, "%s: %s", what, last_reason);
    else
        rn_fail(err, code, "%s: %s", what, igraph_strerror(rc));
    last_reason[0] = '\0';
    return code;
}

/* v (initialised) resized to n elements, for a graph's columns of 8 bytes
   an edge: from RN_BIG_MIN bytes on huge pages (rn_huge_malloc). Fresh
   memory faulted in 4 KiB at a time cost a third of building the graph
   (a page fault takes some 15 us on the 2-core VM of bench/RESULTS.md).
   igraph frees the storage with free(), as its own. */
static int edge_column(igraph_vector_int_t *v, igraph_integer_t n)
{
#if IGRAPH_VERSION_MAJOR == 0 && IGRAPH_VERSION_MINOR == 10
    if ((size_t)n >= RN_BIG_MIN / sizeof(igraph_integer_t)) {
        igraph_integer_t *p = rn_huge_malloc((size_t)n * sizeof *p);
        if (!p)
            return RN_ENOMEM;
        igraph_vector_int_destroy(v);
        v->stor_begin = p;
        v->stor_end = v->end = p + n;
        return RN_OK;
    }
#endif
    return igraph_vector_int_resize(v, n) == IGRAPH_SUCCESS ? RN_OK : RN_ENOMEM;
}

/* Sort the undirected pairs (a[i] <= b[i]) by (a, b) with two stable
   counting sorts over node numbers, as view.c does for records. */
static int sort_pairs(const uint32_t *a, const uint32_t *b, size_t n, uint32_t nkeys, size_t *order)
{
    size_t *tmp = malloc((n ? n : 1) * sizeof *tmp);
    size_t *pos = calloc((size_t)nkeys + 1, sizeof *pos);
    if (!tmp || !pos) {
        free(tmp);
        free(pos);
        return RN_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        pos[b[i] + 1]++;
    for (uint32_t k = 0; k < nkeys; k++)
        pos[k + 1] += pos[k];
    for (size_t i = 0; i < n; i++)
        tmp[pos[b[i]]++] = i;
    memset(pos, 0, ((size_t)nkeys + 1) * sizeof *pos);
    for (size_t i = 0; i < n; i++)
        pos[a[i] + 1]++;
    for (uint32_t k = 0; k < nkeys; k++)
        pos[k + 1] += pos[k];
    for (size_t i = 0; i < n; i++)
        order[pos[a[tmp[i]]]++] = tmp[i];
    free(tmp);
    free(pos);
    return RN_OK;
}

/* Edge list and weights of the undirected, loop-free, merged view. */
static int undirected_edges(const struct rn_view *view, igraph_vector_int_t *from,
                            igraph_vector_int_t *to, igraph_vector_t *weights)
{
    size_t n = 0;
    for (size_t e = 0; e < view->n_edges; e++)
        n += view->from[e] != view->to[e];
    uint32_t *a = malloc((n ? n : 1) * sizeof *a);
    uint32_t *b = malloc((n ? n : 1) * sizeof *b);
    double *w = malloc((n ? n : 1) * sizeof *w);
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    int rc = RN_ENOMEM;
    if (!a || !b || !w || !order)
        goto out;
    size_t k = 0;
    for (size_t e = 0; e < view->n_edges; e++) {
        uint32_t f = view->from[e], t = view->to[e];
        if (f == t)
            continue;
        a[k] = f < t ? f : t;
        b[k] = f < t ? t : f;
        w[k] = view->weight[e];
        k++;
    }
    if (sort_pairs(a, b, n, view->n_nodes, order) != RN_OK)
        goto out;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        m += i == 0 || a[order[i]] != a[order[i - 1]] || b[order[i]] != b[order[i - 1]];
    if (edge_column(from, (igraph_integer_t)m) != RN_OK ||
        edge_column(to, (igraph_integer_t)m) != RN_OK ||
        igraph_vector_resize(weights, (igraph_integer_t)m) != IGRAPH_SUCCESS)
        goto out;
    igraph_integer_t j = -1;
    for (size_t i = 0; i < n; i++) {
        size_t o = order[i];
        if (i == 0 || a[o] != a[order[i - 1]] || b[o] != b[order[i - 1]]) {
            j++;
            VECTOR(*from)[j] = a[o];
            VECTOR(*to)[j] = b[o];
            VECTOR(*weights)[j] = 0;
        }
        VECTOR(*weights)[j] += w[o];
    }
    rc = RN_OK;
out:
    free(a);
    free(b);
    free(w);
    free(order);
    return rc;
}

/* --- igraph_create without its copy of the edges and its radix sorts ------ */

#if IGRAPH_VERSION_MAJOR == 0 && IGRAPH_VERSION_MINOR == 10
/* igraph 0.10 keeps a graph (igraph_datatype.h) as its edges' endpoints,
   from and to (an undirected edge with from >= to), and two indexes: oi,
   the edge ids ordered by (from, to), and ii, ordered by (to, from), a
   repeated edge's ids descending in both; os[v] and is[v] say where node
   v's run starts in them (os[n] = is[n] = edge count). igraph_create
   copies the edge list and orders it by igraph_vector_int_pair_order, a
   radix sort through linked lists that follows a pointer per edge and
   pass: 20% of the time from a CSV file to PageRank on 1M edges. The
   counting sorts below give the same indexes (test_graph compares every
   field with igraph_create's) and skip the first one for edges already
   in order, as a view's are. g is fresh from igraph_empty: no attributes
   and nothing cached, which edges added here would leave stale. */
static void index_edges(igraph_t *g, igraph_integer_t n)
{
    igraph_integer_t m = igraph_vector_int_size(&g->from);
    const igraph_integer_t *from = VECTOR(g->from), *to = VECTOR(g->to);
    igraph_integer_t *oi = VECTOR(g->oi), *ii = VECTOR(g->ii);
    igraph_integer_t *os = VECTOR(g->os), *is = VECTOR(g->is);
    /* First os[v] and is[v] count the edges from (to) nodes <= v: the
       end of v's run. Each edge placed in a run, last edge first, takes
       the place before the run's end and moves it back, so that once all
       are placed, the count is where the run starts. */
    memset(os, 0, (size_t)(n + 1) * sizeof *os);
    memset(is, 0, (size_t)(n + 1) * sizeof *is);
    int ordered = 1;
    for (igraph_integer_t e = 0; e < m; e++) {
        os[from[e]]++;
        is[to[e]]++;
        if (e && (from[e - 1] > from[e] || (from[e - 1] == from[e] && to[e - 1] >= to[e])))
            ordered = 0;
    }
    for (igraph_integer_t v = 1; v < n; v++) {
        os[v] += os[v - 1];
        is[v] += is[v - 1];
    }
    os[n] = is[n] = m;
    if (ordered) {
        /* (from, to) strictly increasing: oi is the identity, and v's run
           starts where v - 1's ends. */
        for (igraph_integer_t e = 0; e < m; e++)
            oi[e] = e;
        for (igraph_integer_t v = n - 1; v > 0; v--)
            os[v] = os[v - 1];
        if (n > 0)
            os[0] = 0;
    } else {
        /* By to, ids descending (ii as scratch), then stably by from. */
        for (igraph_integer_t e = 0; e < m; e++)
            ii[--is[to[e]]] = e;
        for (igraph_integer_t k = m - 1; k >= 0; k--)
            oi[--os[from[ii[k]]]] = ii[k];
        for (igraph_integer_t v = 0; v < n; v++) /* back to the ends of the runs */
            is[v] = is[v + 1];
    }
    /* oi stably by to: (to, from, id descending). */
    for (igraph_integer_t k = m - 1; k >= 0; k--)
        ii[--is[to[oi[k]]]] = oi[k];
}
#endif

int rn_graph_create(igraph_t *g, igraph_integer_t n, igraph_vector_int_t *from,
                    igraph_vector_int_t *to, int directed, struct rn_err *err)
{
    ensure_setup();
    igraph_integer_t m = igraph_vector_int_size(from);
    int bad = igraph_vector_int_size(to) != m;
    for (igraph_integer_t e = 0; !bad && e < m; e++)
        bad = VECTOR(*from)[e] < 0 || VECTOR(*from)[e] >= n || VECTOR(*to)[e] < 0 ||
              VECTOR(*to)[e] >= n;
    if (bad) {
        igraph_vector_int_destroy(from);
        igraph_vector_int_destroy(to);
        return rn_fail(err, RN_EINTERNAL, "rn_graph_create: an edge names no node of the graph");
    }
#if IGRAPH_VERSION_MAJOR == 0 && IGRAPH_VERSION_MINOR == 10
    igraph_error_t ig = igraph_empty(g, n, directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED);
    if (ig == IGRAPH_SUCCESS &&
        (edge_column(&g->oi, m) != RN_OK || edge_column(&g->ii, m) != RN_OK)) {
        igraph_destroy(g);
        ig = IGRAPH_ENOMEM;
    }
    if (ig != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(from);
        igraph_vector_int_destroy(to);
        return rn_graph_fail(err, ig, "building the igraph graph");
    }
    if (!directed) {
        for (igraph_integer_t e = 0; e < m; e++) {
            if (VECTOR(*from)[e] < VECTOR(*to)[e]) {
                igraph_integer_t t = VECTOR(*from)[e];
                VECTOR(*from)[e] = VECTOR(*to)[e];
                VECTOR(*to)[e] = t;
            }
        }
    }
    igraph_vector_int_destroy(&g->from);
    igraph_vector_int_destroy(&g->to);
    g->from = *from;
    g->to = *to;
    index_edges(g, n);
    return RN_OK;
#else
    igraph_vector_int_t ev;
    igraph_error_t ig = igraph_vector_int_init(&ev, 2 * m);
    for (igraph_integer_t e = 0; ig == IGRAPH_SUCCESS && e < m; e++) {
        VECTOR(ev)[2 * e] = VECTOR(*from)[e];
        VECTOR(ev)[2 * e + 1] = VECTOR(*to)[e];
    }
    igraph_vector_int_destroy(from);
    igraph_vector_int_destroy(to);
    if (ig == IGRAPH_SUCCESS) {
        ig = igraph_create(g, &ev, n, directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED);
        igraph_vector_int_destroy(&ev);
    }
    return ig == IGRAPH_SUCCESS ? RN_OK : rn_graph_fail(err, ig, "building the igraph graph");
#endif
}

const igraph_vector_t *rn_graph_view_weights(const struct rn_view *view, igraph_vector_t *shown)
{
    return igraph_vector_view(shown, view->weight, (igraph_integer_t)view->n_edges);
}

int rn_graph_build(const struct rn_view *view, enum rn_graph_kind kind, int inverse, igraph_t *g,
                   igraph_vector_t *weights, struct rn_err *err)
{
    if (!weights && kind != RN_GRAPH_DIRECTED)
        return rn_fail(err, RN_EINTERNAL, "rn_graph_build: only directed graphs borrow weights");
    ensure_setup();
    igraph_vector_int_t from, to;
    if (igraph_vector_int_init(&from, 0) != IGRAPH_SUCCESS)
        return rn_fail(err, RN_ENOMEM, "out of memory building the graph");
    if (igraph_vector_int_init(&to, 0) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&from);
        return rn_fail(err, RN_ENOMEM, "out of memory building the graph");
    }
    int rc = RN_OK;
    if (kind == RN_GRAPH_UNDIRECTED) {
        rc = undirected_edges(view, &from, &to, weights);
    } else {
        int paths = kind == RN_GRAPH_PATHS;
        size_t m = 0;
        for (size_t e = 0; e < view->n_edges; e++)
            m += !paths || (view->from[e] != view->to[e] && (!inverse || view->weight[e] > 0));
        if (edge_column(&from, (igraph_integer_t)m) != RN_OK ||
            edge_column(&to, (igraph_integer_t)m) != RN_OK ||
            (weights && igraph_vector_resize(weights, paths && !inverse ? 0
                                                                        : (igraph_integer_t)m) !=
                            IGRAPH_SUCCESS))
            rc = RN_ENOMEM;
        igraph_integer_t j = 0;
        for (size_t e = 0; rc == RN_OK && e < view->n_edges; e++) {
            if (paths && (view->from[e] == view->to[e] || (inverse && !(view->weight[e] > 0))))
                continue;
            VECTOR(from)[j] = view->from[e];
            VECTOR(to)[j] = view->to[e];
            if (!paths && weights)
                VECTOR(*weights)[j] = view->weight[e];
            else if (inverse)
                VECTOR(*weights)[j] = 1.0 / view->weight[e];
            j++;
        }
    }
    if (rc != RN_OK) {
        igraph_vector_int_destroy(&from);
        igraph_vector_int_destroy(&to);
        return rn_fail(err, rc, "out of memory building the graph");
    }
    /* Every id is < n_nodes (view invariant), so the graph cannot grow
       the vertex count behind our back (apis.md 1.3). */
    return rn_graph_create(g, (igraph_integer_t)view->n_nodes, &from, &to,
                           kind != RN_GRAPH_UNDIRECTED, err);
}

/* s with the characters XML 1.0 cannot carry (C0 controls other than tab,
   newline and carriage return; invalid UTF-8) replaced by U+FFFD. */
static const char *xml_safe(const char *s, struct rn_buf *buf)
{
    size_t n = strlen(s);
    int clean = rn_utf8_check(s, n, NULL) == RN_OK;
    for (size_t i = 0; clean && i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            clean = 0;
    }
    if (clean)
        return s;
    rn_buf_reset(buf);
    if (rn_utf8_repair(s, n, RN_REPAIR_CONTROLS, buf) != RN_OK)
        return NULL;
    return rn_buf_str(buf);
}

/* A string attribute of node or edge i; scratch holds it when it is built. */
typedef const char *(*attr_get)(const struct rn_view *, igraph_integer_t, struct rn_buf *scratch);

/* Fill the string vector with the XML-safe form of each string. */
static int set_strings(igraph_strvector_t *sv, igraph_integer_t n, attr_get get,
                       const struct rn_view *view)
{
    struct rn_buf buf = RN_BUF_INIT, scratch = RN_BUF_INIT;
    int rc = RN_OK;
    if (igraph_strvector_resize(sv, n) != IGRAPH_SUCCESS)
        return RN_ENOMEM;
    for (igraph_integer_t i = 0; i < n && rc == RN_OK; i++) {
        rn_buf_reset(&scratch);
        const char *v = get(view, i, &scratch);
        const char *s = v ? xml_safe(v, &buf) : NULL;
        if (!s || igraph_strvector_set(sv, i, s) != IGRAPH_SUCCESS)
            rc = RN_ENOMEM;
    }
    rn_buf_release(&buf);
    rn_buf_release(&scratch);
    return rc;
}

static const char *node_name(const struct rn_view *v, igraph_integer_t i, struct rn_buf *scratch)
{
    (void)scratch;
    return rn_view_node_name(v, (uint32_t)i);
}

static const char *node_type(const struct rn_view *v, igraph_integer_t i, struct rn_buf *scratch)
{
    (void)scratch;
    return rn_etype_name((enum rn_etype)v->set->entity_type[v->node_entity[i]]);
}

static const char *node_affiliation(const struct rn_view *v, igraph_integer_t i,
                                    struct rn_buf *scratch)
{
    (void)scratch;
    uint32_t a = v->set->entity_affiliation[v->node_entity[i]];
    return a == RN_NONE ? "" : v->set->entity_name[a];
}

static const char *edge_relation(const struct rn_view *v, igraph_integer_t e,
                                 struct rn_buf *scratch)
{
    (void)scratch;
    return v->set->relation_name[v->relation[e]];
}

static const char *edge_polarity(const struct rn_view *v, igraph_integer_t e,
                                 struct rn_buf *scratch)
{
    (void)scratch;
    return rn_view_polarity_name(v, (size_t)e);
}

static const char *date_text(uint32_t date, struct rn_buf *scratch)
{
    char text[11];
    rn_relset_date_str(date, text);
    return rn_buf_adds(scratch, text) == RN_OK ? rn_buf_str(scratch) : NULL;
}

static const char *edge_first_date(const struct rn_view *v, igraph_integer_t e,
                                   struct rn_buf *scratch)
{
    return date_text(v->first_date[e], scratch);
}

static const char *edge_last_date(const struct rn_view *v, igraph_integer_t e,
                                  struct rn_buf *scratch)
{
    return date_text(v->last_date[e], scratch);
}

static const char *edge_evidence(const struct rn_view *v, igraph_integer_t e,
                                 struct rn_buf *scratch)
{
    return rn_view_edge_evidence_text(v, (size_t)e, scratch) == RN_OK ? rn_buf_str(scratch) : NULL;
}

/* The GraphML attributes: node name, label (the name again, for Gephi),
   type, affiliation; edge label and relation, polarity, first and last
   date, evidence, count, weight. sv is scratch. */
static int set_attributes(igraph_t *g, const struct rn_view *view, igraph_strvector_t *sv,
                          const igraph_vector_t *count, const igraph_vector_t *w,
                          struct rn_err *err)
{
    static const struct {
        int edge;
        const char *name;
        attr_get get;
    } strings[] = {
        { 0, "name", node_name },           { 0, "label", node_name },
        { 0, "type", node_type },           { 0, "affiliation", node_affiliation },
        { 1, "label", edge_relation },      { 1, "relation", edge_relation },
        { 1, "polarity", edge_polarity },   { 1, "first_date", edge_first_date },
        { 1, "last_date", edge_last_date }, { 1, "evidence", edge_evidence },
    };
    igraph_integer_t nv = (igraph_integer_t)view->n_nodes, ne = (igraph_integer_t)view->n_edges;
    igraph_error_t ig = IGRAPH_SUCCESS;
    for (size_t k = 0; k < sizeof strings / sizeof strings[0]; k++) {
        if (set_strings(sv, strings[k].edge ? ne : nv, strings[k].get, view) != RN_OK)
            return rn_fail(err, RN_ENOMEM, "out of memory writing GraphML");
        ig = strings[k].edge ? SETEASV(g, strings[k].name, sv) : SETVASV(g, strings[k].name, sv);
        if (ig != IGRAPH_SUCCESS)
            return rn_graph_fail(err, ig, "setting GraphML attributes");
    }
    ig = SETEANV(g, "count", count);
    if (ig == IGRAPH_SUCCESS)
        ig = SETEANV(g, "weight", w);
    if (ig != IGRAPH_SUCCESS)
        return rn_graph_fail(err, ig, "setting GraphML attributes");
    return RN_OK;
}

/* igraph's writer escapes markup but writes a carriage return as it is,
   and XML readers turn a raw CR into LF. Every CR in its output comes from
   a value (its own line ends are LF), so this stream writes each as the
   character reference &#13; on the way to the real file. */
static ssize_t cr_escape_write(void *cookie, const char *data, size_t n)
{
    FILE *out = cookie;
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        if (data[i] != '\r')
            continue;
        if (fwrite(data + start, 1, i - start, out) != i - start || fputs("&#13;", out) < 0)
            return -1;
        start = i + 1;
    }
    if (fwrite(data + start, 1, n - start, out) != n - start)
        return -1;
    return (ssize_t)n;
}

static FILE *cr_escaping_stream(FILE *out)
{
    cookie_io_functions_t io = { NULL, cr_escape_write, NULL, NULL };
    return fopencookie(out, "w", io);
}

int rn_graph_write_graphml(const struct rn_view *view, FILE *out, struct rn_err *err)
{
    igraph_t g;
    igraph_vector_t w, count;
    igraph_strvector_t sv;
    int rc = RN_OK;
    ensure_setup();
    if (igraph_vector_init(&w, 0) != IGRAPH_SUCCESS)
        return rn_fail(err, RN_ENOMEM, "out of memory writing GraphML");
    rc = rn_graph_build(view, RN_GRAPH_DIRECTED, 0, &g, &w, err);
    if (rc != RN_OK) {
        igraph_vector_destroy(&w);
        return rc;
    }
    if (igraph_vector_init(&count, (igraph_integer_t)view->n_edges) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&w);
        igraph_destroy(&g);
        return rn_fail(err, RN_ENOMEM, "out of memory writing GraphML");
    }
    if (igraph_strvector_init(&sv, 0) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&count);
        igraph_vector_destroy(&w);
        igraph_destroy(&g);
        return rn_fail(err, RN_ENOMEM, "out of memory writing GraphML");
    }
    for (size_t e = 0; e < view->n_edges; e++)
        VECTOR(count)[e] = view->count[e];

    rc = set_attributes(&g, view, &sv, &count, &w, err);
    if (rc == RN_OK) {
        FILE *escaped = cr_escaping_stream(out);
        igraph_error_t ig = escaped ? igraph_write_graph_graphml(&g, escaped, /*prefixattr=*/1)
                                    : IGRAPH_ENOMEM;
        int closed = escaped && fclose(escaped) == 0;
        if (ig != IGRAPH_SUCCESS)
            rc = rn_graph_fail(err, ig, "writing GraphML");
        else if (!closed || ferror(out))
            rc = rn_fail(err, RN_EIO, "cannot write GraphML");
    }
    igraph_strvector_destroy(&sv);
    igraph_vector_destroy(&count);
    igraph_vector_destroy(&w);
    igraph_destroy(&g);
    return rc;
}
