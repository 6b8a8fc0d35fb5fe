/* render.c - relationship diagrams with Graphviz cgraph + gvc (see relnet/render.h).
 *
 * The only file that includes gvc.h. The Graphviz API takes char * for
 * strings it never writes; the casts to (char *) below are for that alone.
 * Traps (notes/apis.md 3.2-3.6): agset() on an undeclared attribute does
 * nothing, so every attribute is declared with agattr() first;
 * gvRenderFilename() returns 0 on an unwritable path, so we open files
 * ourselves; gvFreeLayout() must come before agclose().
 */
#include <gvc.h>

#include "relnet/render.h"

#include "relnet/buf.h"
#include "relnet/export.h"
#include "relnet/graph.h"
#include "relnet/text.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ------------------------------------------------------------------------ */
/* Graphviz messages                                                         */

/* Graphviz reports through agerr(); the callback receives each message in
   pieces ("Error", ": ", text), so we append. Process-global, like
   Graphviz's own state. */
static char gv_msgs[2048];

static int gv_collect(char *msg)
{
    size_t used = strlen(gv_msgs);
    if (used < sizeof gv_msgs - 1)
        snprintf(gv_msgs + used, sizeof gv_msgs - used, "%s", msg);
    return 0;
}

int rn_render_setup(struct rn_err *err)
{
    (void)err;
    agseterrf(gv_collect);
    return RN_OK;
}

/* One Graphviz context for the whole process, made on first use and never
   freed: in Graphviz 2.42 the pango plugin caches a font name that
   gvFreeContext() frees, so the next context's first text layout reads
   freed memory (found by ASan in tests/test_render.c). Still reachable at
   exit, so leak checkers do not count it. */
static GVC_t *gv_context(void)
{
    static GVC_t *gvc;
    if (!gvc)
        gvc = gvContext();
    return gvc;
}

static void gv_reset(void)
{
    agseterrf(gv_collect);
    gv_msgs[0] = '\0';
    agreseterrors();
}

/* Fail with Graphviz's own words: its error lines (warnings explain
   nothing about a failure), joined with "; ". */
static int gv_fail(struct rn_err *err, const char *what)
{
    struct rn_buf text = RN_BUF_INIT;
    const char *p = gv_msgs;
    while (*p) {
        size_t len = strcspn(p, "\n");
        if (len > 0 && strncmp(p, "Warning", 7) != 0) {
            if (text.len)
                rn_buf_adds(&text, "; ");
            rn_buf_add(&text, p, len);
        }
        p += len + (p[len] == '\n');
    }
    int rc = rn_fail(err, RN_EINTERNAL, "graphviz %s failed%s%s", what, text.len ? ": " : "",
                     rn_buf_str(&text));
    rn_buf_release(&text);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Names: formats, engines, limits                                           */

static const char *const formats[] = { "svg", "png", "pdf", "dot" };

int rn_render_format_ok(const char *format)
{
    for (size_t i = 0; format && i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(format, formats[i]) == 0)
            return 1;
    return 0;
}

const char *rn_render_format_of_path(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot || strchr(dot, '/'))
        return NULL;
    dot++;
    if (strcasecmp(dot, "gv") == 0)
        return "dot";
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcasecmp(dot, formats[i]) == 0)
            return formats[i];
    return NULL;
}

/* How big a drawing each engine may lay out, and the graph attributes it
   gets. Limits measured on the 2-core benchmark machine with this file's
   attributes (bench/bench_render.sh, which passes the same attributes to
   the dot program with -G: keep the two in step): at the limit a uniform
   random graph (the worst case) lays out and renders in about 10 s; twice
   the limit takes tens of seconds to minutes. */
struct engine {
    const char *name;
    uint32_t max_nodes;
    size_t max_edges;
    const char *attrs; /* "name=value ..." graph attributes */
};

static const struct engine engines[] = {
    /* Network simplex limits keep dot at seconds instead of minutes on
       dense drawings (notes/apis.md 3.6: 49 s -> 3.8 s at 200/600);
       nodesep keeps parallel arrows of one pair apart. */
    { "dot", 200, 600, "nslimit=1 nslimit1=1 mclimit=0.5 nodesep=0.4 ranksep=0.8" },
    /* Force-directed: remove node overlaps (prism), pack components (the
       legend is one) side by side, and seed the random start on every
       layout (with RN_DEFAULT_SEED): otherwise fdp's second drawing in one
       process starts where the first left the random generator and the
       same input gives another picture (seen with two inputs to one dot
       run). */
    { "neato", 1200, 3600, "overlap=prism pack=true start=42" },
    { "fdp", 3000, 9000, "overlap=prism pack=true start=42" },
    { "sfdp", 4000, 12000, "overlap=prism start=42" },
    { "circo", 80, 240, "pack=true" },
    { "twopi", 2500, 7500, "pack=true" },
};
#define N_ENGINES (sizeof engines / sizeof engines[0])

/* auto uses dot up to here: dot's layered drawings read best at this size
   and it finishes in under a second (0.4 s at 100/300); larger layered
   drawings grow too wide to read, and sfdp's are more compact. */
#define AUTO_DOT_NODES 100
#define AUTO_DOT_EDGES 300

int rn_render_engine_ok(const char *engine)
{
    if (!engine || strcmp(engine, "auto") == 0 || strcmp(engine, "none") == 0)
        return 1;
    for (size_t i = 0; i < N_ENGINES; i++)
        if (strcmp(engine, engines[i].name) == 0)
            return 1;
    return 0;
}

static const struct engine *find_engine(const char *name)
{
    for (size_t i = 0; i < N_ENGINES; i++)
        if (strcmp(name, engines[i].name) == 0)
            return &engines[i];
    return NULL;
}

static int fits(const struct engine *e, uint32_t nodes, size_t edges)
{
    return nodes <= e->max_nodes && edges <= e->max_edges;
}

void rn_render_options_init(struct rn_render_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->engine = "auto";
    opt->color = RN_RENDER_COLOR_TYPE;
    opt->top = RN_RENDER_DEFAULT_TOP;
    opt->depth = 1;
    opt->legend = 1;
}

/* ------------------------------------------------------------------------ */
/* Text for Graphviz                                                         */

/* Append s[0..n) escaped for a Graphviz escString in a plain label:
   backslashes doubled (a lone one starts \N, \n, \l ...) and '&' written
   as "&amp;" (Graphviz decodes HTML entities in labels and tooltips, so
   "AT&amp;T" would otherwise lose its "amp;"). Quotes and '<' pass: cgraph
   quotes values when writing DOT and the SVG writer escapes them. */
static int add_escaped(struct rn_buf *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int rc;
        if (s[i] == '\\')
            rc = rn_buf_add(out, "\\\\", 2);
        else if (s[i] == '&')
            rc = rn_buf_add(out, "&amp;", 5);
        else
            rc = rn_buf_addc(out, s[i]);
        if (rc != RN_OK)
            return rc;
    }
    return RN_OK;
}

/* Invisible format characters that can make a label lie: zero-width
   spaces and joiners, bidi embeddings and overrides (U+202E shows
   "evil\u202Egnp.exe" as "evilexe.png"), the BOM. */
static int invisible(int32_t cp)
{
    return (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) ||
           (cp >= 0x2060 && cp <= 0x206f) || cp == 0xfeff;
}

/* Replace out's contents with s made printable: control characters and
   other white space become single spaces, trimmed; invisible format
   characters are dropped; invalid UTF-8 becomes U+FFFD. */
static int clean_text(const char *s, struct rn_buf *out)
{
    rn_buf_reset(out);
    size_t n = strlen(s);
    int pending_space = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int len = rn_utf8_decode(s + i, n - i, &cp);
        if (len < 0)
            len = 1; /* cp is U+FFFD */
        i += (size_t)len;
        if (invisible(cp))
            continue;
        if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || rn_unicode_is_space(cp)) {
            pending_space = out->len > 0;
            continue;
        }
        if (pending_space && rn_buf_addc(out, ' ') != RN_OK)
            return RN_ENOMEM;
        pending_space = 0;
        if (rn_utf8_encode(out, cp) != RN_OK)
            return RN_ENOMEM;
    }
    if (!out->data)
        return rn_buf_adds(out, "");
    return RN_OK;
}

/* Code points in s[0..n) (s is valid UTF-8 after clean_text). */
static size_t cp_count(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xc0) != 0x80;
    return c;
}

/* Bytes of the first max code points of s[0..n). */
static size_t cp_prefix(const char *s, size_t n, size_t max)
{
    size_t c = 0, i = 0;
    for (; i < n; i++) {
        if (((unsigned char)s[i] & 0xc0) != 0x80) {
            if (c == max)
                break;
            c++;
        }
    }
    return i;
}

#define ELLIPSIS "\xe2\x80\xa6"
#define LEGEND_ARROW "\xe2\x94\x81\xe2\x94\x81\xe2\x96\xb6" /* ━━▶ */

/* Append text cleaned and escaped, cut to max code points (then an
   ellipsis). With wrap > 0, lines are broken (with the escape "\n",
   a deliberate line break) at spaces before they exceed wrap code points,
   and at most max_lines lines are kept. */
static int add_text(struct rn_buf *out, const char *text, size_t max, size_t wrap,
                    int max_lines)
{
    struct rn_buf clean = RN_BUF_INIT;
    int rc = clean_text(text ? text : "", &clean);
    const char *s = clean.data;
    size_t n = clean.len, total = 0, line = 0;
    int lines = 1;
    for (size_t i = 0; rc == RN_OK && i < n;) {
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        size_t wlen = cp_count(s + i, j - i);
        int cut = 0;
        if (line > 0 && wrap && line + 1 + wlen > wrap) {
            if (lines == max_lines) {
                cut = 1;
            } else {
                rc = rn_buf_add(out, "\\n", 2);
                lines++;
                line = 0;
            }
        } else if (line > 0) {
            rc = rn_buf_addc(out, ' ');
            line++;
            total++;
        }
        if (!cut && total + wlen > max) {
            size_t keep = max > total ? max - total : 0;
            rc = rc == RN_OK ? add_escaped(out, s + i, cp_prefix(s + i, j - i, keep)) : rc;
            cut = 1;
        } else if (!cut && rc == RN_OK) {
            rc = add_escaped(out, s + i, j - i);
            line += wlen;
            total += wlen;
        }
        if (cut) {
            if (rc == RN_OK)
                rc = rn_buf_adds(out, ELLIPSIS);
            break;
        }
        i = j < n ? j + 1 : j;
    }
    rn_buf_release(&clean);
    return rc;
}

/* Append url if it is an http(s) URL, percent-encoding every byte outside
   the URI character set (and the quote characters) so that no attribute
   or markup can be opened by it; '&' becomes "&amp;" because Graphviz
   writes URLs into SVG unescaped. Returns 1 when appended, 0 when url is
   not usable (any other scheme, including javascript:), -1 on ENOMEM. */
static int add_url(struct rn_buf *out, const char *url)
{
    if (!url || (strncasecmp(url, "http://", 7) != 0 && strncasecmp(url, "https://", 8) != 0))
        return 0;
    static const char keep[] = "-._~:/?#[]@!$()*+,;=%";
    size_t n = strlen(url);
    if (n > 2000)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)url[i];
        int rc;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            strchr(keep, c))
            rc = rn_buf_addc(out, (char)c);
        else if (c == '&')
            rc = rn_buf_adds(out, "&amp;");
        else
            rc = rn_buf_addf(out, "%%%02X", c);
        if (rc != RN_OK)
            return -1;
    }
    return 1;
}

/* ------------------------------------------------------------------------ */
/* Colours and shapes                                                        */

struct type_style {
    const char *shape, *fill, *style;
};

/* Indexed by enum rn_etype: distinct shapes, light fills (labels stay
   readable in black), ColorBrewer Paired light tones. */
static const struct type_style type_styles[RN_ETYPE_COUNT] = {
    [RN_ETYPE_UNKNOWN] = { "box", "#e0e0e0", "filled,rounded,dashed" },
    [RN_ETYPE_COUNTRY] = { "box", "#a6cee3", "filled" },
    [RN_ETYPE_ORGANIZATION] = { "hexagon", "#b2df8a", "filled" },
    [RN_ETYPE_COMPANY] = { "parallelogram", "#fdbf6f", "filled" },
    [RN_ETYPE_PERSON] = { "ellipse", "#fb9a99", "filled" },
    [RN_ETYPE_GROUP] = { "octagon", "#cab2d6", "filled" },
    [RN_ETYPE_DOCUMENT] = { "note", "#ffff99", "filled" },
};

/* The built-in relations keep their colours everywhere; other relations
   take the next free colour in relation index order. */
static const struct {
    const char *name, *color;
} fixed_relations[] = {
    { RN_REL_ACCUSES, "#d62728" },
    { RN_REL_BANS, "#000000" },
    { RN_REL_PROPOSES, "#1f77b4" },
    { RN_REL_SIGNS, "#2ca02c" },
};
static const char *const other_relation_colors[] = {
    "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#393b79",
};
#define OVERFLOW_COLOR "#999999"

/* ColorBrewer Set3: 12 light fills; further communities are white. */
static const char *const community_colors[] = {
    "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
    "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f",
};
#define N_COMMUNITY_COLORS (sizeof community_colors / sizeof community_colors[0])

/* ------------------------------------------------------------------------ */
/* Did you mean                                                              */

/* ------------------------------------------------------------------------ */
/* Selection                                                                 */

struct rank_item {
    uint32_t dist;
    double score;
    uint32_t node;
};

static int cmp_rank(const void *a, const void *b)
{
    const struct rank_item *x = a, *y = b;
    if (x->dist != y->dist)
        return x->dist < y->dist ? -1 : 1;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->node < y->node ? -1 : x->node > y->node;
}

/* The node an ego name stands for, or an error naming close names. */
static int find_ego(const struct rn_view *v, const struct rn_render_options *opt, uint32_t *node,
                    struct rn_buf *note, struct rn_err *err)
{
    const struct rn_relset *set = v->set;
    uint32_t ent = rn_relset_find(set, opt->ego);
    if (ent == RN_NONE) {
        char *close[5];
        size_t k = rn_relset_suggest(set, opt->ego, close, 5);
        struct rn_buf msg = RN_BUF_INIT;
        rn_buf_addf(&msg, "no entity named '%s'", opt->ego);
        for (size_t i = 0; i < k; i++) {
            rn_buf_addf(&msg, "%s'%s'", i ? ", " : "; did you mean ", close[i]);
            free(close[i]);
        }
        if (k)
            rn_buf_adds(&msg, "?");
        int rc = rn_fail(err, RN_ENOTFOUND, "%s", rn_buf_str(&msg));
        rn_buf_release(&msg);
        return rc;
    }
    uint32_t drawn = ent;
    if (opt->by_affiliation)
        drawn = rn_view_top_affiliation(set, ent);
    if (v->entity_node[drawn] == RN_NONE)
        return rn_fail(err, RN_ENOTFOUND, "'%s' has no relations in this selection",
                       set->entity_name[ent]);
    if (drawn != ent)
        rn_buf_addf(note, "%s is drawn as %s (--by affiliation). ", set->entity_name[ent],
                    set->entity_name[drawn]);
    *node = v->entity_node[drawn];
    return RN_OK;
}

/* Undirected adjacency of the view in CSR form: the neighbours of node u
   are adj[start[u] .. start[u + 1]). Self-loops are left out: a loop does
   not link a node to the rest of a drawing. */
struct adjacency {
    size_t *start;
    uint32_t *adj;
};

static void adjacency_release(struct adjacency *a)
{
    free(a->start);
    free(a->adj);
}

static int adjacency_build(const struct rn_view *v, struct adjacency *a)
{
    uint32_t nn = v->n_nodes;
    a->start = calloc((size_t)nn + 1, sizeof *a->start);
    a->adj = malloc((v->n_edges ? v->n_edges : 1) * 2 * sizeof *a->adj);
    size_t *fill = malloc(((size_t)nn + 1) * sizeof *fill);
    if (!a->start || !a->adj || !fill) {
        free(fill);
        adjacency_release(a);
        return RN_ENOMEM;
    }
    for (size_t e = 0; e < v->n_edges; e++) {
        if (v->from[e] == v->to[e])
            continue;
        a->start[v->from[e] + 1]++;
        a->start[v->to[e] + 1]++;
    }
    for (uint32_t i = 0; i < nn; i++)
        a->start[i + 1] += a->start[i];
    memcpy(fill, a->start, ((size_t)nn + 1) * sizeof *fill);
    for (size_t e = 0; e < v->n_edges; e++) {
        if (v->from[e] == v->to[e])
            continue;
        a->adj[fill[v->from[e]]++] = v->to[e];
        a->adj[fill[v->to[e]]++] = v->from[e];
    }
    free(fill);
    return RN_OK;
}

/* Hop distance from ego, both directions, RN_NONE beyond max_depth. */
static int ego_distances(const struct rn_view *v, const struct adjacency *a, uint32_t ego,
                         uint32_t max_depth, uint32_t *dist)
{
    uint32_t nn = v->n_nodes;
    uint32_t *queue = malloc((nn ? nn : 1) * sizeof *queue);
    if (!queue)
        return RN_ENOMEM;
    for (uint32_t i = 0; i < nn; i++)
        dist[i] = RN_NONE;
    size_t head = 0, tail = 0;
    dist[ego] = 0;
    queue[tail++] = ego;
    while (head < tail) {
        uint32_t u = queue[head++];
        if (dist[u] >= max_depth)
            continue;
        for (size_t k = a->start[u]; k < a->start[u + 1]; k++) {
            uint32_t w = a->adj[k];
            if (dist[w] == RN_NONE) {
                dist[w] = dist[u] + 1;
                queue[tail++] = w;
            }
        }
    }
    free(queue);
    return RN_OK;
}

/* Does node u have a neighbour with in[] set? */
static int linked_to(const struct adjacency *a, const char *in, uint32_t u)
{
    for (size_t k = a->start[u]; k < a->start[u + 1]; k++)
        if (in[a->adj[k]])
            return 1;
    return 0;
}

/* A top-N cut that leaves no entity alone. Candidates are known by their
   rank position (items[pos], best first); the frontier is a min-heap of
   the positions of candidates next to a kept node, so the best-ranked
   linked candidate is always the next one added. */
struct cut {
    const struct adjacency *a;
    const struct rank_item *items;
    uint32_t m;            /* candidates */
    const uint32_t *rank;  /* node -> position in items, RN_NONE: not a candidate */
    char *in;              /* node -> kept */
    uint32_t n;            /* kept so far */
    uint32_t *heap;        /* frontier positions */
    size_t heap_n, heap_cap;
    uint32_t cursor;       /* pair seeds: positions before it have none */
};

static int frontier_push(struct cut *c, uint32_t pos)
{
    if (c->heap_n == c->heap_cap) {
        uint32_t *grown = rn_array_grow(c->heap, &c->heap_cap, c->heap_n, sizeof *c->heap, 64);
        if (!grown)
            return RN_ENOMEM;
        c->heap = grown;
    }
    size_t i = c->heap_n++;
    while (i > 0 && c->heap[(i - 1) / 2] > pos) {
        c->heap[i] = c->heap[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    c->heap[i] = pos;
    return RN_OK;
}

static uint32_t frontier_pop(struct cut *c)
{
    uint32_t top = c->heap[0], last = c->heap[--c->heap_n];
    size_t i = 0;
    for (;;) {
        size_t k = 2 * i + 1;
        if (k >= c->heap_n)
            break;
        if (k + 1 < c->heap_n && c->heap[k + 1] < c->heap[k])
            k++;
        if (c->heap[k] >= last)
            break;
        c->heap[i] = c->heap[k];
        i = k;
    }
    if (c->heap_n)
        c->heap[i] = last;
    return top;
}

/* Put node u's candidate neighbours that are not kept on the frontier. */
static int push_neighbours(struct cut *c, uint32_t u)
{
    for (size_t k = c->a->start[u]; k < c->a->start[u + 1]; k++) {
        uint32_t w = c->a->adj[k];
        if (!c->in[w] && c->rank[w] != RN_NONE && frontier_push(c, c->rank[w]) != RN_OK)
            return RN_ENOMEM;
    }
    return RN_OK;
}

static int cut_add(struct cut *c, uint32_t u)
{
    c->in[u] = 1;
    c->n++;
    return push_neighbours(c, u);
}

/* Add the best-ranked candidates linked to the kept ones, up to keep. */
static int grow(struct cut *c, uint32_t keep)
{
    while (c->n < keep && c->heap_n) {
        uint32_t u = c->items[frontier_pop(c)].node;
        if (!c->in[u] && cut_add(c, u) != RN_OK)
            return RN_ENOMEM;
    }
    return RN_OK;
}

/* Once nothing left is linked to the kept ones: the best-ranked candidate
   with a neighbour that is not kept either, and that neighbour (its best
   ranked), as a new pair. 0 when there is none. */
static int next_pair(struct cut *c, uint32_t *u_out, uint32_t *w_out)
{
    for (; c->cursor < c->m; c->cursor++) {
        uint32_t u = c->items[c->cursor].node, best = RN_NONE;
        if (c->in[u])
            continue;
        for (size_t k = c->a->start[u]; k < c->a->start[u + 1]; k++) {
            uint32_t w = c->a->adj[k];
            if (!c->in[w] && c->rank[w] != RN_NONE && (best == RN_NONE || c->rank[w] < best))
                best = c->rank[w];
        }
        if (best != RN_NONE) {
            *u_out = u;
            *w_out = c->items[best].node;
            return 1;
        }
    }
    return 0;
}

/* The worst-ranked kept node other than ego whose kept neighbours all keep
   another kept neighbour without it, or RN_NONE. */
static uint32_t removable(const struct cut *c, uint32_t ego)
{
    for (uint32_t p = c->m; p-- > 0;) {
        uint32_t r = c->items[p].node;
        if (!c->in[r] || r == ego)
            continue;
        int strands = 0;
        for (size_t k = c->a->start[r]; !strands && k < c->a->start[r + 1]; k++) {
            uint32_t x = c->a->adj[k];
            if (!c->in[x] || x == r)
                continue;
            strands = 1;
            for (size_t j = c->a->start[x]; strands && j < c->a->start[x + 1]; j++)
                strands = !(c->in[c->a->adj[j]] && c->a->adj[j] != r);
        }
        if (!strands)
            return r;
    }
    return RN_NONE;
}

/* Keep `keep` of the m ranked items, none without an edge to another kept
   one (a target whose sources were all cut would float alone): the top
   `keep`, less those without a kept neighbour; then, in rank order,
   candidates linked to the kept ones; then, when none is left, the best
   ranked pair of linked candidates, and growth from it again. With one
   place left and only pairs to add, one kept entity that strands no other
   makes room for a pair. The ego always stays. Marks in[] and returns how
   many are kept (keep, unless fewer linked candidates exist), or
   RN_ENOMEM. */
static int keep_connected(const struct adjacency *a, const struct rank_item *items, uint32_t m,
                          uint32_t keep, uint32_t ego, const uint32_t *rank, char *in,
                          uint32_t *n_kept)
{
    struct cut c = { .a = a, .items = items, .m = m, .rank = rank, .in = in };
    for (uint32_t i = 0; i < keep; i++)
        in[items[i].node] = 1;
    for (uint32_t i = 0; i < keep; i++) {
        uint32_t u = items[i].node;
        if (u != ego && !linked_to(a, in, u))
            in[u] = 2; /* dropped below; a dropped node had no kept neighbour,
                          so dropping it strands no other */
    }
    int rc = RN_OK;
    for (uint32_t i = 0; i < keep; i++) {
        uint32_t u = items[i].node;
        in[u] = in[u] == 1;
        c.n += in[u];
    }
    for (uint32_t i = 0; rc == RN_OK && i < keep; i++)
        if (in[items[i].node])
            rc = push_neighbours(&c, items[i].node);
    uint32_t u, w;
    while (rc == RN_OK && (rc = grow(&c, keep)) == RN_OK && c.n + 2 <= keep &&
           next_pair(&c, &u, &w))
        rc = cut_add(&c, u) | cut_add(&c, w);
    if (rc == RN_OK && c.n + 1 == keep && next_pair(&c, &u, &w)) {
        uint32_t r = removable(&c, ego);
        if (r != RN_NONE) {
            in[r] = 0;
            c.n--;
            rc = cut_add(&c, u) | cut_add(&c, w);
        }
    }
    free(c.heap);
    *n_kept = c.n;
    return rc;
}

/* The drawn nodes, in view order, into *kept (malloc'd). */
static int select_nodes(const struct rn_view *v, const struct rn_render_options *opt,
                        const double *pagerank, uint32_t **kept, uint32_t *n_kept,
                        uint32_t *n_candidates, uint32_t *ego_out, int *pruned,
                        struct rn_buf *note, struct rn_err *err)
{
    uint32_t nn = v->n_nodes, ego = RN_NONE;
    *ego_out = RN_NONE;
    *kept = NULL;
    *n_kept = 0;
    *pruned = 0;
    struct adjacency adj = { NULL, NULL };
    uint32_t *dist = malloc((nn ? nn : 1) * sizeof *dist);
    struct rank_item *items = malloc((nn ? nn : 1) * sizeof *items);
    char *in = calloc(nn ? nn : 1, 1);
    uint32_t *rank = NULL;
    int rc = dist && items && in ? adjacency_build(v, &adj) : RN_ENOMEM;
    if (rc != RN_OK) {
        rc = rn_fail(err, RN_ENOMEM, "out of memory selecting nodes");
        goto out;
    }
    if (opt->ego) {
        rc = find_ego(v, opt, &ego, note, err);
        *ego_out = ego;
        if (rc == RN_OK && ego_distances(v, &adj, ego, opt->depth > 0 ? (uint32_t)opt->depth : 1,
                                         dist) != RN_OK)
            rc = rn_fail(err, RN_ENOMEM, "out of memory selecting nodes");
        if (rc != RN_OK)
            goto out;
    } else {
        memset(dist, 0, (nn ? nn : 1) * sizeof *dist);
    }
    uint32_t m = 0;
    for (uint32_t i = 0; i < nn; i++) {
        if (dist[i] == RN_NONE)
            continue;
        items[m].dist = dist[i];
        items[m].score = pagerank ? pagerank[i] : 0;
        items[m].node = i;
        m++;
    }
    *n_candidates = m;
    /* Ego mode ranks by distance first, so every kept node at distance d
       has its way to the ego kept (all of ring d-1 ranks before it). */
    qsort(items, m, sizeof *items, cmp_rank);
    uint32_t keep = opt->top > 0 && (uint64_t)opt->top < m ? (uint32_t)opt->top : m;
    uint32_t n = keep;
    if (keep < m) {
        rank = malloc((nn ? nn : 1) * sizeof *rank);
        rc = rank ? RN_OK : RN_ENOMEM;
        for (uint32_t i = 0; rank && i < nn; i++)
            rank[i] = RN_NONE;
        for (uint32_t i = 0; rank && i < m; i++)
            rank[items[i].node] = i;
        if (rc == RN_OK)
            rc = keep_connected(&adj, items, m, keep, ego, rank, in, &n);
        if (rc != RN_OK) {
            rc = rn_fail(err, RN_ENOMEM, "out of memory selecting nodes");
            goto out;
        }
        *pruned = 1;
    } else {
        for (uint32_t i = 0; i < keep; i++)
            in[items[i].node] = 1;
    }
    uint32_t *k = malloc((n ? n : 1) * sizeof *k);
    if (!k) {
        rc = rn_fail(err, RN_ENOMEM, "out of memory selecting nodes");
        goto out;
    }
    uint32_t j = 0;
    for (uint32_t i = 0; i < nn; i++) /* view order */
        if (in[i])
            k[j++] = i;
    *kept = k;
    *n_kept = j;
out:
    adjacency_release(&adj);
    free(rank);
    free(dist);
    free(items);
    free(in);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Edges: one per (source, target, relation)                                 */

struct drawn_edge {
    size_t view_edge;
    uint32_t rel;
    uint8_t pol; /* enum rn_polarity: asserted solid, negated dashed, hedged dotted */
    uint32_t count;
};

/* Order of groups inside a pair: by relation, then polarity. */
static int group_before(uint32_t rel_a, uint8_t pol_a, uint32_t rel_b, uint8_t pol_b)
{
    return rel_a != rel_b ? rel_a < rel_b : pol_a < pol_b;
}

/* The (relation, polarity, count) groups of view edge e, ordered by
   relation index and polarity, appended to *out. */
static int edge_groups(const struct rn_view *v, size_t e, struct drawn_edge **out, size_t *n,
                       size_t *cap)
{
    const struct rn_relset *set = v->set;
    size_t first = *n;
    for (size_t r = v->record_start[e]; r < v->record_start[e + 1]; r++) {
        uint32_t rel = set->rel[v->record_index[r]];
        uint8_t pol = set->pol ? set->pol[v->record_index[r]] : RN_POL_ASSERTED;
        size_t g = first;
        while (g < *n && ((*out)[g].rel != rel || (*out)[g].pol != pol))
            g++;
        if (g < *n) {
            (*out)[g].count++;
            continue;
        }
        if (*n == *cap) {
            struct drawn_edge *grown = rn_array_grow(*out, cap, *n, sizeof **out, 64);
            if (!grown)
                return RN_ENOMEM;
            *out = grown;
        }
        /* insertion keeps (relation, polarity) order inside the pair */
        size_t pos = *n;
        while (pos > first && group_before(rel, pol, (*out)[pos - 1].rel, (*out)[pos - 1].pol)) {
            (*out)[pos] = (*out)[pos - 1];
            pos--;
        }
        (*out)[pos].view_edge = e;
        (*out)[pos].rel = rel;
        (*out)[pos].pol = pol;
        (*out)[pos].count = 1;
        (*n)++;
    }
    return RN_OK;
}

/* ------------------------------------------------------------------------ */
/* Building the Graphviz graph                                               */

struct drawing {
    const struct rn_view *v;
    const struct rn_render_options *opt;
    const double *pagerank, *community;
    const uint32_t *kept;
    uint32_t n_kept, n_candidates;
    uint32_t ego;                /* view node of --ego, or RN_NONE */
    int pruned;                  /* top-N cut: nodes left without an edge were replaced */
    uint32_t *drawn_of;          /* view node -> drawn index, RN_NONE */
    struct drawn_edge *edges;
    size_t n_edges;
    Agedge_t **gv_edge;          /* drawn edge -> its Graphviz edge (for its route) */
    const char **rel_color;      /* relation index -> colour */
    uint32_t *comm_slot;         /* drawn index -> palette slot (N_COMMUNITY_COLORS = other) */
    const struct engine *engine; /* NULL: no layout */
    const char *format;
    struct rn_buf note;
};

static void set_attr(void *obj, const char *name, const char *value)
{
    agset(obj, (char *)name, (char *)value);
}

/* The same through an attribute handle (declared by declare_attributes). */
#define SYM(g, kind, name) agattr((g), (kind), (char *)(name), NULL)

static void set_sym(void *obj, Agsym_t *sym, const char *value)
{
    agxset(obj, sym, (char *)value);
}

static void set_symnum(void *obj, Agsym_t *sym, double value)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%.2f", value);
    agxset(obj, sym, buf);
}

const char *rn_render_relation_color(const struct rn_relset *set, uint32_t rel)
{
    size_t n_fixed = sizeof fixed_relations / sizeof fixed_relations[0];
    size_t n_other = sizeof other_relation_colors / sizeof other_relation_colors[0];
    size_t other = 0;
    for (uint32_t r = 0; r <= rel && r < set->n_relations; r++) {
        size_t k = 0;
        while (k < n_fixed && strcmp(set->relation_name[r], fixed_relations[k].name) != 0)
            k++;
        if (r == rel)
            return k < n_fixed ? fixed_relations[k].color
                               : other < n_other ? other_relation_colors[other] : OVERFLOW_COLOR;
        if (k == n_fixed)
            other++;
    }
    return OVERFLOW_COLOR;
}

static int assign_relation_colors(struct drawing *d)
{
    const struct rn_relset *set = d->v->set;
    d->rel_color = calloc(set->n_relations ? set->n_relations : 1, sizeof *d->rel_color);
    if (!d->rel_color)
        return RN_ENOMEM;
    for (uint32_t r = 0; r < set->n_relations; r++)
        d->rel_color[r] = rn_render_relation_color(set, r);
    return RN_OK;
}

struct comm_count {
    double id;
    uint32_t n;
};

static int cmp_comm(const void *a, const void *b)
{
    const struct comm_count *x = a, *y = b;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Palette slots by the number of drawn members, largest community first. */
static int assign_community_colors(struct drawing *d, struct comm_count **out, size_t *n_out)
{
    struct comm_count *cc = calloc(d->n_kept ? d->n_kept : 1, sizeof *cc);
    d->comm_slot = malloc((d->n_kept ? d->n_kept : 1) * sizeof *d->comm_slot);
    if (!cc || !d->comm_slot) {
        free(cc);
        return RN_ENOMEM;
    }
    size_t n = 0;
    for (uint32_t i = 0; i < d->n_kept; i++) {
        double id = d->community[d->kept[i]];
        size_t k = 0;
        while (k < n && cc[k].id != id)
            k++;
        if (k == n)
            cc[n++].id = id;
        cc[k].n++;
    }
    qsort(cc, n, sizeof *cc, cmp_comm);
    for (uint32_t i = 0; i < d->n_kept; i++) {
        double id = d->community[d->kept[i]];
        size_t k = 0;
        while (k < n && cc[k].id != id)
            k++;
        d->comm_slot[i] = k < N_COMMUNITY_COLORS ? (uint32_t)k : N_COMMUNITY_COLORS;
    }
    *out = cc;
    *n_out = n;
    return RN_OK;
}

/* The engine's graph attributes, given as "name=value" words; no engine
   (no layout) gets none, so the DOT it writes suits any engine. */
static void apply_engine_attrs(Agraph_t *g, const struct engine *engine)
{
    const char *a = engine ? engine->attrs : "";
    while (*a) {
        char name[32], value[32];
        size_t len = strcspn(a, " ");
        const char *eq = memchr(a, '=', len);
        if (eq && (size_t)(eq - a) < sizeof name && len - (size_t)(eq - a) <= sizeof value) {
            snprintf(name, sizeof name, "%.*s", (int)(eq - a), a);
            snprintf(value, sizeof value, "%.*s", (int)(len - (size_t)(eq - a) - 1), eq + 1);
            agattr(g, AGRAPH, name, value);
        }
        a += len + (a[len] == ' ');
    }
}

static void declare_attributes(Agraph_t *g, const struct drawing *d)
{
    static const char *const graph_attrs[][2] = {
        { "fontname", "DejaVu Sans" }, { "fontsize", "14" }, { "label", "" },
        { "labelloc", "b" },           { "labeljust", "l" }, { "style", "" },
        { "color", "" },               { "bgcolor", "white" }, { "charset", "UTF-8" },
        { "outputorder", "edgesfirst" }, { "pad", "0.3" },
    };
    static const char *const node_attrs[][2] = {
        { "fontname", "DejaVu Sans" }, { "fontsize", "12" },  { "label", "" },
        { "shape", "box" },            { "style", "filled" }, { "fillcolor", "white" },
        { "color", "#404040" },        { "width", "0.6" },    { "height", "0.4" },
        { "tooltip", "" },             { "margin", "0.08,0.04" }, { "fontcolor", "black" },
        { "peripheries", "1" },        { "penwidth", "1" },
        { "entity", "" }, /* data for other tools: the full name */
    };
    static const char *const edge_attrs[][2] = {
        { "fontname", "DejaVu Sans" }, { "fontsize", "10" }, { "xlabel", "" },
        { "color", "black" },          { "fontcolor", "black" }, { "penwidth", "1" },
        { "arrowsize", "0.7" },        { "tooltip", "" },    { "labeltooltip", "" },
        { "URL", "" },                 { "target", "" },     { "style", "" },
        { "minlen", "1" },
        /* data for other tools, as in the graph formats ("weight" is
           Graphviz's own: the pull of an edge in the layout) */
        { "relation", "" },            { "polarity", "" },   { "count", "" },
        { "summed_weight", "" },       { "first_date", "" }, { "last_date", "" },
    };
    for (size_t i = 0; i < sizeof graph_attrs / sizeof graph_attrs[0]; i++)
        agattr(g, AGRAPH, (char *)graph_attrs[i][0], (char *)graph_attrs[i][1]);
    for (size_t i = 0; i < sizeof node_attrs / sizeof node_attrs[0]; i++)
        agattr(g, AGNODE, (char *)node_attrs[i][0], (char *)node_attrs[i][1]);
    for (size_t i = 0; i < sizeof edge_attrs / sizeof edge_attrs[0]; i++)
        agattr(g, AGEDGE, (char *)edge_attrs[i][0], (char *)edge_attrs[i][1]);

    if (strcmp(d->format, "png") == 0)
        agattr(g, AGRAPH, "size", "50,50"); /* PNG_MAX_INCHES, see png_size */
    apply_engine_attrs(g, d->engine);
}

/* The figures a drawn edge carries as data, so that DOT read back by
   another tool (NetworkX through pydot) has what the graph formats give:
   summed weight, first and last date of its records (YYYYMMDD, 0 when none
   is dated). */
struct edge_figures {
    double weight;
    uint32_t first_date, last_date;
};

static struct edge_figures edge_figures(const struct rn_view *v, const struct drawn_edge *de)
{
    const struct rn_relset *set = v->set;
    struct edge_figures f = { 0, 0, 0 };
    for (size_t k = v->record_start[de->view_edge]; k < v->record_start[de->view_edge + 1]; k++) {
        size_t r = v->record_index[k];
        if (set->rel[r] != de->rel || (set->pol && set->pol[r] != de->pol))
            continue;
        f.weight += set->weight[r];
        if (set->date && set->date[r]) {
            if (!f.first_date || set->date[r] < f.first_date)
                f.first_date = set->date[r];
            if (set->date[r] > f.last_date)
                f.last_date = set->date[r];
        }
    }
    return f;
}

/* Set a data attribute to value with its backslashes doubled, as in every
   Graphviz escString: cgraph writes quotes escaped but backslashes as they
   are, so a name ending in one would escape the closing quote. */
static int set_data(void *obj, Agsym_t *sym, const char *value, struct rn_buf *scratch)
{
    rn_buf_reset(scratch);
    for (const char *c = value; *c; c++)
        if ((*c == '\\' ? rn_buf_add(scratch, "\\\\", 2) : rn_buf_addc(scratch, *c)) != RN_OK)
            return RN_ENOMEM;
    agxset(obj, sym, (char *)rn_buf_str(scratch));
    return RN_OK;
}

/* The attributes an edge carries as data (declared by declare_attributes). */
struct edge_data_syms {
    Agsym_t *relation, *polarity, *count, *weight, *first_date, *last_date;
};

static int edge_data(Agedge_t *e, const struct edge_data_syms *sym, const struct rn_view *v,
                     const struct drawn_edge *de, struct rn_buf *scratch)
{
    struct edge_figures f = edge_figures(v, de);
    char num[32], first[11] = "", last[11] = "";
    int rc = set_data(e, sym->relation, v->set->relation_name[de->rel], scratch);
    agxset(e, sym->polarity, (char *)rn_polarity_name((enum rn_polarity)de->pol));
    snprintf(num, sizeof num, "%u", de->count);
    agxset(e, sym->count, num);
    rn_export_number(f.weight, num);
    agxset(e, sym->weight, num);
    if (f.first_date) {
        rn_relset_date_str(f.first_date, first);
        rn_relset_date_str(f.last_date, last);
    }
    agxset(e, sym->first_date, first);
    agxset(e, sym->last_date, last);
    return rc;
}

/* Fill the tooltip and link of a drawn edge from its records. */
static int edge_tooltip(const struct drawing *d, const struct drawn_edge *de, struct rn_buf *tip,
                        struct rn_buf *url)
{
    const struct rn_view *v = d->v;
    const struct rn_relset *set = v->set;
    size_t e = de->view_edge;
    int rc = RN_OK;
    rn_buf_reset(tip);
    rn_buf_reset(url);
    rc |= add_text(tip, rn_view_node_name(v, v->from[e]), 80, 0, 1);
    rc |= rn_buf_addc(tip, ' ');
    rc |= add_text(tip, set->relation_name[de->rel], 40, 0, 1);
    rc |= rn_buf_addc(tip, ' ');
    rc |= add_text(tip, rn_view_node_name(v, v->to[e]), 80, 0, 1);
    rc |= rn_buf_addf(tip, ": %u %s%sreport%s", de->count,
                      de->pol != RN_POL_ASSERTED ? rn_polarity_name((enum rn_polarity)de->pol) : "",
                      de->pol != RN_POL_ASSERTED ? " " : "", de->count == 1 ? "" : "s");
    int shown = 0;
    for (size_t k = v->record_start[e]; k < v->record_start[e + 1]; k++) {
        size_t r = v->record_index[k];
        if (set->rel[r] != de->rel || (set->pol && set->pol[r] != de->pol))
            continue;
        uint32_t art = set->article ? set->article[r] : RN_NONE;
        if (!url->len && art != RN_NONE && set->article_url && set->article_url[art] &&
            add_url(url, set->article_url[art]) < 0)
            rc = RN_ENOMEM;
        uint32_t ev = set->evidence ? set->evidence[r] : RN_NONE;
        if (shown == 3 || ev == RN_NONE)
            continue;
        const char *text = rn_relset_text(set, ev);
        if (!text || !text[0])
            continue;
        rc |= rn_buf_adds(tip, "\\n\xe2\x80\x9c"); /* “ */
        rc |= add_text(tip, text, 240, 0, 1);
        rc |= rn_buf_adds(tip, "\xe2\x80\x9d"); /* ” */
        if (art != RN_NONE) {
            const char *title = set->article_title ? set->article_title[art] : NULL;
            rc |= rn_buf_adds(tip, " (");
            if (title) {
                rc |= add_text(tip, title, 100, 0, 1);
                rc |= rn_buf_adds(tip, ", ");
            }
            if (!rn_text_foreign_scheme(set->article_name[art]))
                rc |= add_text(tip, set->article_name[art], 120, 0, 1);
            else
                rc |= rn_buf_adds(tip, "link not shown");
            rc |= rn_buf_addc(tip, ')');
        }
        shown++;
    }
    struct edge_figures f = edge_figures(v, de);
    if (f.first_date) {
        char a[11], b[11];
        rn_relset_date_str(f.first_date, a);
        rn_relset_date_str(f.last_date, b);
        if (f.first_date == f.last_date)
            rc |= rn_buf_addf(tip, "\\ndate: %s", a);
        else
            rc |= rn_buf_addf(tip, "\\ndates: %s to %s", a, b);
    }
    return rc ? RN_ENOMEM : RN_OK;
}

/* The caption and legend: one HTML-like table as the graph's label, which
   every engine places outside the layout (under the drawing), so no
   legend item mixes with the entities. Text in it is cleaned and escaped
   for XML (Graphviz parses the table with expat). */
#define LEGEND_COLUMNS 4

/* Append text cleaned, cut to max code points and escaped for XML. */
static int add_html(struct rn_buf *out, const char *text, size_t max)
{
    struct rn_buf clean = RN_BUF_INIT;
    int rc = clean_text(text ? text : "", &clean);
    size_t keep = cp_prefix(clean.data, clean.len, max);
    int cut = keep < clean.len;
    if (rc == RN_OK) {
        clean.data[keep] = '\0';
        rc = rn_text_xml_escape(out, clean.data);
    }
    if (rc == RN_OK && cut)
        rc = rn_buf_adds(out, ELLIPSIS);
    rn_buf_release(&clean);
    return rc;
}

/* One table row of a single cell spanning the table, left-aligned;
   text is already escaped. */
static int html_line(struct rn_buf *out, const char *escaped)
{
    return rn_buf_addf(out, "<TR><TD COLSPAN=\"%d\" ALIGN=\"LEFT\">%s</TD></TR>", LEGEND_COLUMNS,
                       escaped);
}

/* Cells in rows of LEGEND_COLUMNS: call html_cell_start before each cell
   and html_cells_end after the last. */
static int html_cell_start(struct rn_buf *out, int *in_row)
{
    int rc = RN_OK;
    if (*in_row == LEGEND_COLUMNS) {
        rc |= rn_buf_adds(out, "</TR>");
        *in_row = 0;
    }
    if (*in_row == 0)
        rc |= rn_buf_adds(out, "<TR>");
    (*in_row)++;
    return rc;
}

static int html_cells_end(struct rn_buf *out, int *in_row)
{
    int rc = *in_row ? rn_buf_adds(out, "</TR>") : RN_OK;
    *in_row = 0;
    return rc;
}

/* What was drawn, in words: selection, counts, filter, polarity. */
static int caption_lines(const struct drawing *d, struct rn_buf *out)
{
    const struct rn_render_options *opt = d->opt;
    struct rn_buf line = RN_BUF_INIT;
    int rc = RN_OK;
    if (opt->title) {
        rc |= rn_buf_adds(&line, "<B>");
        rc |= add_html(&line, opt->title, 200);
        rc |= rn_buf_adds(&line, "</B>");
        rc |= html_line(out, rn_buf_str(&line));
        rn_buf_reset(&line);
    }
    if (d->ego != RN_NONE) {
        int depth = opt->depth > 1 ? opt->depth : 1;
        rc |= rn_buf_adds(&line, "Around ");
        rc |= add_html(&line, rn_view_node_name(d->v, d->ego), 80);
        rc |= rn_buf_addf(&line, " (%d hop%s): ", depth, depth > 1 ? "s" : "");
    }
    rc |= rn_buf_addf(&line, "%u of %u entities", d->n_kept, d->n_candidates);
    if (d->n_kept < d->n_candidates)
        rc |= rn_buf_adds(&line, d->ego != RN_NONE ? " (nearest, then by PageRank)"
                                                   : " (top by PageRank");
    if (d->n_kept < d->n_candidates && d->ego == RN_NONE)
        rc |= rn_buf_adds(&line, d->pruned ? ", each linked to another drawn)" : ")");
    rc |= rn_buf_addf(&line, ", %zu arrow%s drawn", d->n_edges, d->n_edges == 1 ? "" : "s");
    rc |= html_line(out, rn_buf_str(&line));
    if (opt->caption_note && opt->caption_note[0]) {
        rn_buf_reset(&line);
        rc |= add_html(&line, opt->caption_note, 200);
        rc |= html_line(out, rn_buf_str(&line));
    }
    unsigned all = (1u << RN_POL_COUNT) - 1;
    if (opt->polarity_mask && (opt->polarity_mask & all) == (1u << RN_POL_ASSERTED))
        rc |= html_line(out, "Asserted reports only: negated and hedged ones are left out "
                             "(--polarity all draws them dashed and dotted).");
    rn_buf_release(&line);
    return rc ? RN_ENOMEM : RN_OK;
}

/* The legend: node and arrow encodings, types (or communities), relations
   and line styles present in the drawing. */
static int legend_rows(const struct drawing *d, const struct comm_count *cc, size_t n_cc,
                       struct rn_buf *out)
{
    const struct rn_relset *set = d->v->set;
    int community = d->opt->color == RN_RENDER_COLOR_COMMUNITY;
    int rc = RN_OK, in_row = 0;
    rc |= html_line(out, "<B>Legend</B>");
    rc |= html_line(out, community
                             ? "Box: an entity, shaped by type, filled by community; size by "
                               "PageRank (weight in the whole graph)."
                             : "Box: an entity, shaped and filled by type; size by PageRank "
                               "(weight in the whole graph).");
    rc |= html_line(out, "Arrow: one per source, target and relation, coloured by relation; "
                         "width and number: how many reports.");
    if (d->ego != RN_NONE)
        rc |= html_line(out, "Double outline: the entity the picture is centred on (--ego).");
    int present[RN_ETYPE_COUNT] = { 0 };
    for (uint32_t i = 0; i < d->n_kept; i++)
        present[set->entity_type[d->v->node_entity[d->kept[i]]] % RN_ETYPE_COUNT] = 1;
    for (int t = 1; t <= RN_ETYPE_COUNT; t++) { /* enum order, unknown last */
        int type = t % RN_ETYPE_COUNT;
        if (!present[type])
            continue;
        rc |= html_cell_start(out, &in_row);
        rc |= rn_buf_addf(out, "<TD BORDER=\"1\" BGCOLOR=\"%s\">%s (%s)</TD>",
                          community ? "white" : type_styles[type].fill,
                          rn_etype_name((enum rn_etype)type), type_styles[type].shape);
    }
    rc |= html_cells_end(out, &in_row);
    for (size_t k = 0; community && k < n_cc && k <= N_COMMUNITY_COLORS; k++) {
        rc |= html_cell_start(out, &in_row);
        if (k == N_COMMUNITY_COLORS) {
            size_t rest = 0;
            for (size_t j = k; j < n_cc; j++)
                rest += cc[j].n;
            rc |= rn_buf_addf(out, "<TD BORDER=\"1\" BGCOLOR=\"white\">%zu other communities "
                                   "(%zu entities)</TD>",
                              n_cc - k, rest);
        } else {
            rc |= rn_buf_addf(out, "<TD BORDER=\"1\" BGCOLOR=\"%s\">community %.0f (%u entit%s)</TD>",
                              community_colors[k], cc[k].id, cc[k].n, cc[k].n == 1 ? "y" : "ies");
        }
    }
    rc |= html_cells_end(out, &in_row);
    /* Relations drawn, in relation index order; then the line styles. */
    char *seen = calloc(set->n_relations ? set->n_relations : 1, 1);
    int pol_seen[RN_POL_COUNT] = { 0 };
    for (size_t i = 0; seen && i < d->n_edges; i++) {
        seen[d->edges[i].rel] = 1;
        pol_seen[d->edges[i].pol % RN_POL_COUNT] = 1;
    }
    for (uint32_t r = 0; seen && r < set->n_relations; r++) {
        if (!seen[r])
            continue;
        rc |= html_cell_start(out, &in_row);
        rc |= rn_buf_addf(out, "<TD ALIGN=\"LEFT\"><FONT COLOR=\"%s\">" LEGEND_ARROW " ",
                          d->rel_color[r]);
        rc |= add_html(out, set->relation_name[r], 40);
        rc |= rn_buf_adds(out, "</FONT></TD>");
    }
    free(seen);
    rc |= html_cells_end(out, &in_row);
    if (pol_seen[RN_POL_NEGATED] || pol_seen[RN_POL_HEDGED]) {
        static const char *const style_text[RN_POL_COUNT] = {
            [RN_POL_ASSERTED] = LEGEND_ARROW " asserted (solid)",
            [RN_POL_NEGATED] = "\xe2\x95\x8d\xe2\x95\x8d\xe2\x96\xb6 negated (dashed)", /* ╍╍▶ */
            [RN_POL_HEDGED] = "\xe2\x94\x88\xe2\x94\x88\xe2\x96\xb6 hedged (dotted)",   /* ┈┈▶ */
        };
        for (int p = 0; p < RN_POL_COUNT; p++) {
            if (!pol_seen[p])
                continue;
            rc |= html_cell_start(out, &in_row);
            rc |= rn_buf_addf(out, "<TD ALIGN=\"LEFT\">%s</TD>", style_text[p]);
        }
        rc |= html_cells_end(out, &in_row);
    }
    return rc ? RN_ENOMEM : RN_OK;
}

static int graph_label(const struct drawing *d, const struct comm_count *cc, size_t n_cc,
                       struct rn_buf *out)
{
    rn_buf_reset(out);
    int rc = rn_buf_adds(out, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" "
                              "CELLPADDING=\"3\">");
    if (rc == RN_OK)
        rc = caption_lines(d, out);
    if (rc == RN_OK && d->opt->legend)
        rc = legend_rows(d, cc, n_cc, out);
    if (rc == RN_OK)
        rc = rn_buf_adds(out, "</TABLE>");
    return rc;
}

static int build_graph(struct drawing *d, Agraph_t **out, struct rn_err *err)
{
    const struct rn_view *v = d->v;
    const struct rn_relset *set = v->set;
    struct comm_count *cc = NULL;
    size_t n_cc = 0;
    struct rn_buf text = RN_BUF_INIT, url = RN_BUF_INIT;
    Agnode_t **nodes = calloc(d->n_kept ? d->n_kept : 1, sizeof *nodes);
    d->gv_edge = calloc(d->n_edges ? d->n_edges : 1, sizeof *d->gv_edge);
    int rc = nodes && d->gv_edge ? RN_OK : RN_ENOMEM;
    if (rc == RN_OK)
        rc = assign_relation_colors(d);
    if (rc == RN_OK && d->opt->color == RN_RENDER_COLOR_COMMUNITY)
        rc = assign_community_colors(d, &cc, &n_cc);
    Agraph_t *g = NULL;
    if (rc == RN_OK)
        g = agopen((char *)"relnet", Agdirected, NULL);
    if (!g) {
        free(nodes);
        free(cc);
        return rc != RN_OK ? rn_fail(err, rc, "out of memory drawing the graph")
                           : gv_fail(err, "graph creation");
    }
    declare_attributes(g, d);

    rc = graph_label(d, cc, n_cc, &text);
    if (rc == RN_OK) {
        char *html = agstrdup_html(g, text.data);
        agxset(g, agattr(g, AGRAPH, (char *)"label", NULL), html);
        agstrfree(g, html);
    }

    /* Attribute handles, looked up once: agset() by name searches the
       attribute dictionary on every call, which a big export feels. */
    struct {
        Agsym_t *label, *shape, *style, *fillcolor, *fontsize, *width, *height, *tooltip, *name;
    } N = { SYM(g, AGNODE, "label"),    SYM(g, AGNODE, "shape"),    SYM(g, AGNODE, "style"),
            SYM(g, AGNODE, "fillcolor"), SYM(g, AGNODE, "fontsize"), SYM(g, AGNODE, "width"),
            SYM(g, AGNODE, "height"),   SYM(g, AGNODE, "tooltip"),  SYM(g, AGNODE, "entity") };
    struct {
        Agsym_t *color, *fontcolor, *xlabel, *penwidth, *tooltip, *labeltooltip, *url, *target, *style;
    } E = { SYM(g, AGEDGE, "color"),   SYM(g, AGEDGE, "fontcolor"),    SYM(g, AGEDGE, "xlabel"),
            SYM(g, AGEDGE, "penwidth"), SYM(g, AGEDGE, "tooltip"),     SYM(g, AGEDGE, "labeltooltip"),
            SYM(g, AGEDGE, "URL"),      SYM(g, AGEDGE, "target"),       SYM(g, AGEDGE, "style") };
    struct edge_data_syms D = { SYM(g, AGEDGE, "relation"), SYM(g, AGEDGE, "polarity"),   SYM(g, AGEDGE, "count"),
            SYM(g, AGEDGE, "summed_weight"), SYM(g, AGEDGE, "first_date"), SYM(g, AGEDGE, "last_date") };
    double pr_max = 0;
    for (uint32_t i = 0; i < d->n_kept; i++)
        if (d->pagerank[d->kept[i]] > pr_max)
            pr_max = d->pagerank[d->kept[i]];
    char id[32];
    for (uint32_t i = 0; i < d->n_kept && rc == RN_OK; i++) {
        uint32_t node = d->kept[i];
        uint32_t ent = v->node_entity[node];
        int type = set->entity_type[ent] % RN_ETYPE_COUNT;
        snprintf(id, sizeof id, "n%u", i);
        Agnode_t *n = agnode(g, id, 1);
        nodes[i] = n;
        rn_buf_reset(&text);
        rc |= add_text(&text, set->entity_name[ent], 64, 18, 4);
        set_sym(n, N.label, rn_buf_str(&text));
        rc |= set_data(n, N.name, set->entity_name[ent], &text);
        set_sym(n, N.shape, type_styles[type].shape);
        set_sym(n, N.style, type_styles[type].style);
        if (d->opt->color == RN_RENDER_COLOR_COMMUNITY)
            set_sym(n, N.fillcolor, d->comm_slot[i] < N_COMMUNITY_COLORS
                                         ? community_colors[d->comm_slot[i]]
                                         : "white");
        else
            set_sym(n, N.fillcolor, type_styles[type].fill);
        /* Size by PageRank: sqrt so that area, not width, follows rank. */
        double t = pr_max > 0 ? sqrt(d->pagerank[node] / pr_max) : 0.5;
        set_symnum(n, N.fontsize, 10 + 10 * t);
        set_symnum(n, N.width, 0.6 + 0.9 * t);
        set_symnum(n, N.height, 0.4 + 0.4 * t);
        rn_buf_reset(&text);
        rc |= add_text(&text, set->entity_name[ent], 200, 0, 1);
        rc |= rn_buf_addf(&text, "\\n%s", rn_etype_name((enum rn_etype)type));
        if (set->entity_affiliation[ent] != RN_NONE) {
            rc |= rn_buf_adds(&text, ", affiliation: ");
            rc |= add_text(&text, set->entity_name[set->entity_affiliation[ent]], 80, 0, 1);
        }
        rc |= rn_buf_addf(&text, "\\nPageRank %.4g", d->pagerank[node]);
        if (d->community)
            rc |= rn_buf_addf(&text, ", community %.0f", d->community[node]);
        set_sym(n, N.tooltip, rn_buf_str(&text));
        if (node == d->ego) { /* the centre of an --ego picture stands out */
            set_attr(n, "peripheries", "2");
            set_attr(n, "penwidth", "2");
        }
    }

    char countbuf[32];
    for (size_t i = 0; i < d->n_edges && rc == RN_OK; i++) {
        const struct drawn_edge *de = &d->edges[i];
        Agnode_t *a = nodes[d->drawn_of[v->from[de->view_edge]]];
        Agnode_t *b = nodes[d->drawn_of[v->to[de->view_edge]]];
        Agedge_t *e = agedge(g, a, b, NULL, 1);
        d->gv_edge[i] = e;
        set_sym(e, E.color, d->rel_color[de->rel]);
        set_sym(e, E.fontcolor, d->rel_color[de->rel]);
        if (de->pol == RN_POL_NEGATED)
            set_sym(e, E.style, "dashed");
        else if (de->pol == RN_POL_HEDGED)
            set_sym(e, E.style, "dotted");
        if (de->count > 1) {
            snprintf(countbuf, sizeof countbuf, "%u", de->count);
            set_sym(e, E.xlabel, countbuf);
        }
        set_symnum(e, E.penwidth, fmin(1 + 1.5 * log((double)de->count), 8));
        rc |= edge_tooltip(d, de, &text, &url);
        set_sym(e, E.tooltip, rn_buf_str(&text));
        if (de->count > 1) /* the count label gets the same tooltip */
            set_sym(e, E.labeltooltip, rn_buf_str(&text));
        if (url.len) {
            set_sym(e, E.url, rn_buf_str(&url));
            set_sym(e, E.target, "_blank");
        }
        rc |= edge_data(e, &D, v, de, &text);
    }
    free(nodes);
    free(cc);
    rn_buf_release(&text);
    rn_buf_release(&url);
    if (rc != RN_OK) {
        agclose(g);
        return rn_fail(err, RN_ENOMEM, "out of memory drawing the graph");
    }
    *out = g;
    return RN_OK;
}

/* ------------------------------------------------------------------------ */
/* Output: a temporary file renamed at the end, or memory                    */

struct output {
    const char *path; /* NULL: memory; "-": stdout (through memory) */
    char *tmp;        /* temporary file next to path */
    FILE *fp;
    char *mem;
    size_t mem_len;
};

static int output_open(struct output *o, const char *path, struct rn_err *err)
{
    memset(o, 0, sizeof *o);
    o->path = path;
    if (!path || strcmp(path, "-") == 0) {
        o->fp = open_memstream(&o->mem, &o->mem_len);
        return o->fp ? RN_OK : rn_fail(err, RN_ENOMEM, "out of memory");
    }
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return rn_fail(err, RN_EIO, "cannot write %s: it is a directory", path);
    size_t n = strlen(path);
    o->tmp = malloc(n + 16);
    if (!o->tmp)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    snprintf(o->tmp, n + 16, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        int e = errno;
        free(o->tmp);
        o->tmp = NULL;
        return rn_fail(err, RN_EIO, "cannot write %s: %s", path, strerror(e));
    }
    /* mkstemp makes the file 0600; a drawing is an ordinary file. */
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0 || !(o->fp = fdopen(fd, "wb"))) {
        int e = errno;
        close(fd);
        unlink(o->tmp);
        free(o->tmp);
        o->tmp = NULL;
        return rn_fail(err, RN_EIO, "cannot write %s: %s", path, strerror(e));
    }
    return RN_OK;
}

static void output_abort(struct output *o)
{
    if (o->fp)
        fclose(o->fp);
    if (o->tmp) {
        unlink(o->tmp);
        free(o->tmp);
    }
    free(o->mem);
    memset(o, 0, sizeof *o);
}

/* Finish: rename the temporary file, copy memory to stdout, or hand the
   memory to the caller (*data, *len). */
static int output_close(struct output *o, char **data, size_t *len, struct rn_err *err)
{
    int bad = ferror(o->fp);
    int e = errno;
    if (fclose(o->fp) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    o->fp = NULL;
    if (o->tmp) {
        if (bad || rename(o->tmp, o->path) != 0) {
            if (!bad)
                e = errno;
            output_abort(o);
            return rn_fail(err, RN_EIO, "cannot write %s: %s", o->path, strerror(e));
        }
        free(o->tmp);
        o->tmp = NULL;
        return RN_OK;
    }
    if (bad) {
        output_abort(o);
        return rn_fail(err, RN_ENOMEM, "out of memory rendering");
    }
    if (o->path) {
        size_t w = fwrite(o->mem, 1, o->mem_len, stdout);
        int ok = w == o->mem_len && fflush(stdout) == 0;
        e = errno;
        output_abort(o);
        return ok ? RN_OK : rn_fail(err, RN_EIO, "cannot write to standard output: %s",
                                    strerror(e));
    }
    *data = o->mem;
    *len = o->mem_len;
    o->mem = NULL;
    return RN_OK;
}

/* ------------------------------------------------------------------------ */
/* The whole job                                                             */

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* PageRank (and community when colouring by it) for every view node. */
static int measures(const struct rn_view *v, const struct rn_render_options *opt,
                    struct rn_centrality *own, const double **pagerank, const double **community,
                    struct rn_err *err)
{
    const struct rn_centrality *given = opt->centrality;
    int want_comm = opt->color == RN_RENDER_COLOR_COMMUNITY;
    *pagerank = given ? given->value[RN_M_PAGERANK] : NULL;
    *community = given ? given->value[RN_M_COMMUNITY] : NULL;
    unsigned need = 0;
    if (!*pagerank)
        need |= 1u << RN_M_PAGERANK;
    if (want_comm && !*community)
        need |= 1u << RN_M_COMMUNITY;
    if (!need)
        return RN_OK;
    struct rn_centrality_options copt;
    memset(&copt, 0, sizeof copt);
    copt.measures = need;
    copt.community = RN_COMMUNITY_LOUVAIN;
    copt.seed = RN_DEFAULT_SEED;
    int rc = rn_centrality_compute(v, &copt, own, err);
    if (rc != RN_OK)
        return rc;
    if (!*pagerank)
        *pagerank = own->value[RN_M_PAGERANK];
    if (want_comm && !*community)
        *community = own->value[RN_M_COMMUNITY];
    return RN_OK;
}

/* Width over height of the laid-out drawing (caption and legend
   included), or its inverse when taller than wide. */
static double aspect_of(Agraph_t *g)
{
    boxf bb = GD_bb(g);
    double w = bb.UR.x - bb.LL.x, h = bb.UR.y - bb.LL.y;
    if (w <= 0 || h <= 0)
        return 1;
    return w > h ? w / h : h / w;
}

/* Pictures wider (or taller) than this read as strips; a little under
   3:1 so that the padding cannot push the image over it. */
#define MAX_ASPECT 2.8

/* Spread dot's widest ranks over `len` ranks, as Graphviz's unflatten -l
   does: an entity that only receives arrows (or only sends them) sits
   1, 2, ... len ranks from its neighbours, in turn. Who-does-what graphs
   are mostly such leaves (many accusers of few targets), which dot would
   otherwise line up in one rank as wide as the page. */
static void stagger_leaves(Agraph_t *g, int len)
{
    Agsym_t *minlen = agattr(g, AGEDGE, (char *)"minlen", NULL);
    int turn = 0;
    char value[16];
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        int sink = agfstout(g, n) == NULL, source = agfstin(g, n) == NULL;
        if (sink == source)
            continue;
        snprintf(value, sizeof value, "%d", 1 + turn++ % len);
        for (Agedge_t *e = sink ? agfstin(g, n) : agfstout(g, n); e;
             e = sink ? agnxtin(g, e) : agnxtout(g, e))
            agxset(e, minlen, value);
    }
}

/* The aspect a stretched drawing gets: under MAX_ASPECT with room for
   the caption, which Graphviz adds after the stretch. */
#define STRETCH_ASPECT 2.5

/* The last resort for a forced dot drawing that is still a strip after
   stagger_leaves: Graphviz's numeric ratio (height / width) spreads the
   ranks (or the nodes of a rank) apart until the drawing has that aspect,
   keeping node and text sizes. */
static int stretch_to_aspect(struct drawing *d, GVC_t *gvc, Agraph_t *g, struct rn_err *err)
{
    boxf bb = GD_bb(g);
    int wide = bb.UR.x - bb.LL.x > bb.UR.y - bb.LL.y;
    char ratio[16];
    snprintf(ratio, sizeof ratio, "%.2f", wide ? 1 / STRETCH_ASPECT : STRETCH_ASPECT);
    gvFreeLayout(gvc, g);
    agattr(g, AGRAPH, (char *)"ratio", ratio);
    rn_buf_addf(&d->note, "dot's drawing was a strip: stretched to %.1f:1. ", STRETCH_ASPECT);
    if (gvLayout(gvc, g, "dot") != 0 || agerrors() >= AGERR)
        return gv_fail(err, "layout");
    return RN_OK;
}

/* "auto" keeps dot's layered drawing up to this aspect; a wider one (most
   who-does-what overviews: many accusers of few targets side by side) is
   drawn with sfdp instead, which spreads it into a readable square. */
#define AUTO_DOT_ASPECT 2.0

/* Lay out with the chosen engine. With "auto", a dot drawing wider than
   AUTO_DOT_ASPECT goes to sfdp; with dot asked for, one beyond
   MAX_ASPECT is laid out again with its leaves spread over 2, then 4
   ranks, and if it is still a strip, stretched to STRETCH_ASPECT. */
static int layout_readable(struct drawing *d, GVC_t *gvc, Agraph_t *g, int is_auto,
                           struct rn_err *err)
{
    if (gvLayout(gvc, g, d->engine->name) != 0 || agerrors() >= AGERR)
        return gv_fail(err, "layout");
    if (strcmp(d->engine->name, "dot") != 0)
        return RN_OK;
    double aspect = aspect_of(g);
    if (is_auto && aspect > AUTO_DOT_ASPECT) {
        gvFreeLayout(gvc, g);
        d->engine = find_engine("sfdp");
        apply_engine_attrs(g, d->engine);
        rn_buf_addf(&d->note, "dot's layered drawing was %.1f:1, a strip: drawn with sfdp. ",
                    aspect);
        if (gvLayout(gvc, g, "sfdp") != 0 || agerrors() >= AGERR)
            return gv_fail(err, "layout");
        return RN_OK;
    }
    for (int len = 2; len <= 4 && aspect_of(g) > MAX_ASPECT; len += 2) {
        gvFreeLayout(gvc, g);
        stagger_leaves(g, len);
        if (gvLayout(gvc, g, "dot") != 0 || agerrors() >= AGERR)
            return gv_fail(err, "layout");
    }
    if (aspect_of(g) > MAX_ASPECT)
        return stretch_to_aspect(d, gvc, g, err);
    return RN_OK;
}

/* Pick the engine for the drawing, or explain why none can draw it. */
static int choose_engine(struct drawing *d, const char *wanted, struct rn_err *err)
{
    uint32_t nodes = d->n_kept;
    size_t edges = d->n_edges;
    if (strcmp(wanted, "none") == 0) {
        d->engine = NULL;
        return RN_OK;
    }
    if (strcmp(wanted, "auto") == 0) {
        const struct engine *sfdp = find_engine("sfdp");
        if (nodes <= AUTO_DOT_NODES && edges <= AUTO_DOT_EDGES) {
            d->engine = find_engine("dot");
            return RN_OK;
        }
        if (fits(sfdp, nodes, edges)) {
            d->engine = sfdp;
            return RN_OK;
        }
        return rn_fail(err, RN_EUSAGE,
                       "the drawing would have %u entities and %zu edges, more than any "
                       "layout engine handles in reasonable time (sfdp: %u entities, %zu "
                       "edges); draw fewer with --top N, --ego ENTITY, --relation or "
                       "--min-count",
                       nodes, edges, sfdp->max_nodes, sfdp->max_edges);
    }
    const struct engine *e = find_engine(wanted);
    if (!fits(e, nodes, edges)) {
        const struct engine *sfdp = find_engine("sfdp");
        int try_sfdp = e != sfdp && fits(sfdp, nodes, edges);
        return rn_fail(err, RN_EUSAGE,
                       "%s cannot lay out %u entities and %zu edges in reasonable time (its "
                       "limit is %u entities and %zu edges); draw fewer with --top N, --ego "
                       "or a filter%s",
                       e->name, nodes, edges, e->max_nodes, e->max_edges,
                       try_sfdp ? ", or use --engine sfdp" : "");
    }
    d->engine = e;
    return RN_OK;
}

static void drawing_release(struct drawing *d)
{
    free((void *)d->kept);
    free(d->drawn_of);
    free(d->edges);
    free(d->gv_edge);
    free(d->rel_color);
    free(d->comm_slot);
    rn_buf_release(&d->note);
}

/* Append point p of a drawing whose bounding box is bb, in page
   coordinates (origin top left, y down). */
static int add_point(struct rn_buf *out, char cmd, pointf p, boxf bb)
{
    return rn_buf_addf(out, "%c%.1f,%.1f", cmd, p.x - bb.LL.x, bb.UR.y - p.y);
}

/* The route Graphviz gave edge e, as SVG path data: each of its Bézier
   pieces ("M p0 C p1 p2 p3 ..."), then a line to the arrow's tip, where
   Graphviz ends the curve at the arrowhead's base. "" when unrouted. */
static int route_path(Agedge_t *e, boxf bb, struct rn_buf *out)
{
    splines *spl = ED_spl(e);
    int rc = rn_buf_adds(out, "");
    for (int i = 0; spl && i < spl->size && rc == RN_OK; i++) {
        const bezier *bz = &spl->list[i];
        if (bz->size < 1)
            continue;
        if (bz->sflag)
            rc |= add_point(out, 'M', bz->sp, bb) | add_point(out, 'L', bz->list[0], bb);
        else
            rc |= add_point(out, 'M', bz->list[0], bb);
        for (int k = 1; k + 2 < bz->size; k += 3)
            rc |= add_point(out, 'C', bz->list[k], bb) | add_point(out, ' ', bz->list[k + 1], bb) |
                  add_point(out, ' ', bz->list[k + 2], bb);
        if (bz->eflag)
            rc |= add_point(out, 'L', bz->ep, bb);
    }
    return rc ? RN_ENOMEM : RN_OK;
}

/* The drawn edges of g and their routes, into L. */
static int read_routes(const struct drawing *d, boxf bb, struct rn_render_layout *L)
{
    size_t m = d->n_edges ? d->n_edges : 1;
    L->edge_from = malloc(m * sizeof *L->edge_from);
    L->edge_to = malloc(m * sizeof *L->edge_to);
    L->edge_rel = malloc(m * sizeof *L->edge_rel);
    L->edge_pol = malloc(m * sizeof *L->edge_pol);
    L->edge_path = calloc(m, sizeof *L->edge_path);
    if (!L->edge_from || !L->edge_to || !L->edge_rel || !L->edge_pol || !L->edge_path)
        return RN_ENOMEM;
    struct rn_buf path = RN_BUF_INIT;
    int rc = RN_OK;
    for (size_t i = 0; i < d->n_edges && rc == RN_OK; i++) {
        const struct drawn_edge *de = &d->edges[i];
        L->edge_from[i] = d->v->from[de->view_edge];
        L->edge_to[i] = d->v->to[de->view_edge];
        L->edge_rel[i] = de->rel;
        L->edge_pol[i] = de->pol;
        rn_buf_reset(&path);
        rc = route_path(d->gv_edge[i], bb, &path);
        if (rc == RN_OK && !(L->edge_path[i] = strdup(rn_buf_str(&path))))
            rc = RN_ENOMEM;
        L->n_edges = i + 1;
    }
    rn_buf_release(&path);
    return rc;
}

/* A node's label as Graphviz set it: its lines (as wrapped for the
   drawing, escapes resolved) joined by '\n' into *text (malloc'd), and
   its font size in points. */
static int read_label(const textlabel_t *lp, char **text, double *fontsize)
{
    struct rn_buf b = RN_BUF_INIT;
    int rc = rn_buf_adds(&b, "");
    *fontsize = lp ? lp->fontsize : 0;
    for (int k = 0; lp && !lp->html && k < lp->u.txt.nspans && rc == RN_OK; k++) {
        const char *line = lp->u.txt.span[k].str;
        rc = rn_buf_addf(&b, "%s%s", k ? "\n" : "", line ? line : "");
    }
    *text = rc == RN_OK ? b.data : NULL;
    if (rc != RN_OK)
        rn_buf_release(&b);
    return rc;
}

/* Copy the laid-out node positions of g (nodes n0, n1, ... = d->kept). */
static int read_positions(const struct drawing *d, Agraph_t *g, struct rn_render_layout *L)
{
    uint32_t n = d->n_kept;
    L->node = malloc((n ? n : 1) * sizeof *L->node);
    L->x = malloc((n ? n : 1) * sizeof *L->x);
    L->y = malloc((n ? n : 1) * sizeof *L->y);
    L->w = malloc((n ? n : 1) * sizeof *L->w);
    L->h = malloc((n ? n : 1) * sizeof *L->h);
    L->fontsize = malloc((n ? n : 1) * sizeof *L->fontsize);
    L->label = calloc(n ? n : 1, sizeof *L->label);
    if (!L->node || !L->x || !L->y || !L->w || !L->h || !L->fontsize || !L->label)
        return RN_ENOMEM;
    boxf bb = GD_bb(g);
    L->width = bb.UR.x - bb.LL.x;
    L->height = bb.UR.y - bb.LL.y;
    char id[32];
    for (uint32_t i = 0; i < n; i++) {
        snprintf(id, sizeof id, "n%u", i);
        Agnode_t *node = agnode(g, id, 0);
        L->node[i] = d->kept[i];
        L->x[i] = node ? ND_coord(node).x - bb.LL.x : 0;
        L->y[i] = node ? bb.UR.y - ND_coord(node).y : 0;
        L->w[i] = node ? ND_width(node) * 72 : 0;
        L->h[i] = node ? ND_height(node) * 72 : 0;
        L->n = i + 1;
        if (read_label(node ? ND_label(node) : NULL, &L->label[i], &L->fontsize[i]) != RN_OK)
            return RN_ENOMEM;
    }
    snprintf(L->engine, sizeof L->engine, "%s", d->engine->name);
    return read_routes(d, bb, L);
}

void rn_render_layout_release(struct rn_render_layout *l)
{
    if (!l)
        return;
    free(l->node);
    free(l->x);
    free(l->y);
    free(l->w);
    free(l->h);
    for (uint32_t i = 0; l->label && i < l->n; i++)
        free(l->label[i]);
    free(l->label);
    free(l->fontsize);
    for (size_t i = 0; l->edge_path && i < l->n_edges; i++)
        free(l->edge_path[i]);
    free(l->edge_path);
    free(l->edge_from);
    free(l->edge_to);
    free(l->edge_rel);
    free(l->edge_pol);
    memset(l, 0, sizeof *l);
}

/* A bitmap of a big drawing would need gigabytes (sfdp at 5000 entities
   spans ~12000 px); beyond 4800 px a PNG is no use on a page anyway, so it
   is scaled down (SVG and PDF stay full size). A drawing laid out for
   several formats gets the limit for its PNG only, as Graphviz reads it
   from the graph's "size" when it lays a graph out; the layout itself
   never reads it (no "ratio" but a number is ever set). */
#define PNG_MAX_INCHES 50

static void png_size(Agraph_t *g, int on)
{
    GD_drawing(g)->size.x = GD_drawing(g)->size.y = on ? PNG_MAX_INCHES * 72.0 : 0;
}

/* Draw v into n outputs, fmts[i] into paths[i] (NULL: memory, *data
   and *len; positions: the layout instead), from one layout. */
static int render(const struct rn_view *v, const struct rn_render_options *opt_in, size_t n,
                  const char *const *fmts, const char *const *paths, char **data,
                  size_t *len, struct rn_render_layout *positions,
                  struct rn_render_report *rep, struct rn_err *err)
{
    const char *format = fmts[0];
    struct rn_render_options defaults;
    rn_render_options_init(&defaults);
    const struct rn_render_options *opt = opt_in ? opt_in : &defaults;
    const char *engine = opt->engine ? opt->engine : "auto";
    struct rn_render_report local;
    if (!rep)
        rep = &local;
    memset(rep, 0, sizeof *rep);
    rep->nodes_total = v->n_nodes;
    for (size_t i = 0; i < n; i++)
        if (!rn_render_format_ok(fmts[i]))
            return rn_fail(err, RN_EUSAGE,
                           "unknown output format '%s' (expected svg, png, pdf or dot)",
                           fmts[i] ? fmts[i] : "");
    if (!rn_render_engine_ok(engine))
        return rn_fail(err, RN_EUSAGE,
                       "unknown layout engine '%s' (expected auto, dot, neato, fdp, sfdp, "
                       "circo, twopi or none)",
                       engine);
    for (size_t i = 0; i < n; i++)
        if (strcmp(engine, "none") == 0 && strcmp(fmts[i], "dot") != 0)
            return rn_fail(err, RN_EUSAGE, "engine 'none' (no layout) only writes dot, not %s",
                           fmts[i]);
    if (v->n_edges == 0)
        return rn_fail(err, RN_EINPUT, "nothing to draw: no relations match the selection");

    struct drawing d;
    memset(&d, 0, sizeof d);
    d.v = v;
    d.opt = opt;
    d.ego = RN_NONE;
    /* One format: "size" is declared with the graph; several: png_size. */
    d.format = n == 1 ? format : "";
    struct rn_centrality own;
    memset(&own, 0, sizeof own);
    struct output out[RN_RENDER_MAX_OUTPUTS];
    memset(out, 0, sizeof out);
    if (n < 1 || n > RN_RENDER_MAX_OUTPUTS || (n > 1 && (data || positions)))
        return rn_fail(err, RN_EINTERNAL, "render: %zu outputs", n);
    Agraph_t *g = NULL;
    GVC_t *gvc = NULL;
    uint32_t *kept = NULL;
    int rc = measures(v, opt, &own, &d.pagerank, &d.community, err);
    if (rc == RN_OK)
        rc = select_nodes(v, opt, d.pagerank, &kept, &d.n_kept, &d.n_candidates, &d.ego,
                          &d.pruned, &d.note, err);
    d.kept = kept;
    if (rc != RN_OK)
        goto out;

    /* The drawn edges: view edges between kept nodes, split by relation. */
    d.drawn_of = malloc((v->n_nodes ? v->n_nodes : 1) * sizeof *d.drawn_of);
    if (!d.drawn_of) {
        rc = rn_fail(err, RN_ENOMEM, "out of memory");
        goto out;
    }
    for (uint32_t i = 0; i < v->n_nodes; i++)
        d.drawn_of[i] = RN_NONE;
    for (uint32_t i = 0; i < d.n_kept; i++)
        d.drawn_of[d.kept[i]] = i;
    size_t cap = 0;
    for (size_t e = 0; e < v->n_edges; e++) {
        if (d.drawn_of[v->from[e]] == RN_NONE || d.drawn_of[v->to[e]] == RN_NONE)
            continue;
        if (edge_groups(v, e, &d.edges, &d.n_edges, &cap) != RN_OK) {
            rc = rn_fail(err, RN_ENOMEM, "out of memory");
            goto out;
        }
    }
    rc = choose_engine(&d, engine, err);
    if (rc != RN_OK)
        goto out;
    if (strcmp(engine, "auto") == 0 && d.engine && strcmp(d.engine->name, "dot") != 0)
        rn_buf_addf(&d.note, "%u entities and %zu edges are too many for a readable dot "
                             "layout (up to %d and %d): drawn with %s. ",
                    d.n_kept, d.n_edges, AUTO_DOT_NODES, AUTO_DOT_EDGES, d.engine->name);

    /* Open the outputs before the layout: an unwritable path fails at once. */
    for (size_t i = 0; i < n && rc == RN_OK; i++)
        rc = output_open(&out[i], data ? NULL : paths[i], err);
    if (rc != RN_OK)
        goto out;
    gv_reset();
    rc = build_graph(&d, &g, err);
    if (rc != RN_OK)
        goto out;
    double t0 = now_seconds();
    if (!d.engine) {
        for (size_t i = 0; i < n && rc == RN_OK; i++)
            if (agwrite(g, out[i].fp) == EOF || agerrors() >= AGERR)
                rc = gv_fail(err, "writing dot");
    } else {
        gvc = gv_context();
        if (!gvc) {
            rc = gv_fail(err, "context");
            goto out;
        }
        rc = layout_readable(&d, gvc, g, strcmp(engine, "auto") == 0, err);
        if (rc != RN_OK)
            ;
        else if (positions) {
            if (read_positions(&d, g, positions) != RN_OK)
                rc = rn_fail(err, RN_ENOMEM, "out of memory");
        } else {
            for (size_t i = 0; i < n && rc == RN_OK; i++) {
                int png = n > 1 && strcmp(fmts[i], "png") == 0;
                if (png)
                    png_size(g, 1);
                if (gvRender(gvc, g, fmts[i], out[i].fp) != 0 || agerrors() >= AGERR)
                    rc = gv_fail(err, "rendering");
                if (png)
                    png_size(g, 0);
            }
        }
        gvFreeLayout(gvc, g); /* before agclose, or the layout leaks */
    }
    rep->layout_seconds = now_seconds() - t0;
    if (rc == RN_OK && positions)
        output_abort(&out[0]);
    else
        for (size_t i = 0; i < n && rc == RN_OK; i++)
            rc = output_close(&out[i], data, len, err);

out:
    for (size_t i = 0; i < n && rc != RN_OK; i++)
        output_abort(&out[i]);
    if (g)
        agclose(g);
    snprintf(rep->engine, sizeof rep->engine, "%s", d.engine ? d.engine->name : "none");
    rep->nodes_drawn = d.n_kept;
    rep->nodes_candidates = d.n_candidates;
    rep->edges_drawn = d.n_edges;
    snprintf(rep->note, sizeof rep->note, "%s", rn_buf_str(&d.note));
    if (rep->note[0] && rep->note[strlen(rep->note) - 1] == ' ')
        rep->note[strlen(rep->note) - 1] = '\0';
    drawing_release(&d);
    rn_centrality_release(&own);
    return rc;
}

int rn_render_file(const struct rn_view *view, const struct rn_render_options *opt,
                   const char *format, const char *path, struct rn_render_report *rep,
                   struct rn_err *err)
{
    const char *p = path ? path : "-";
    return render(view, opt, 1, &format, &p, NULL, NULL, NULL, rep, err);
}

int rn_render_files(const struct rn_view *view, const struct rn_render_options *opt, size_t n,
                    const char *const *fmts, const char *const *paths,
                    struct rn_render_report *rep, struct rn_err *err)
{
    return render(view, opt, n, fmts, paths, NULL, NULL, NULL, rep, err);
}

int rn_render_data(const struct rn_view *view, const struct rn_render_options *opt,
                   const char *format, char **out, size_t *len, struct rn_render_report *rep,
                   struct rn_err *err)
{
    *out = NULL;
    *len = 0;
    const char *memory = NULL;
    return render(view, opt, 1, &format, &memory, out, len, NULL, rep, err);
}

int rn_render_layout(const struct rn_view *view, const struct rn_render_options *opt,
                     struct rn_render_layout *out, struct rn_err *err)
{
    memset(out, 0, sizeof *out);
    if (opt && opt->engine && strcmp(opt->engine, "none") == 0)
        return rn_fail(err, RN_EUSAGE, "a layout needs an engine, not 'none'");
    static const char *const svg = "svg";
    const char *memory = NULL;
    int rc = render(view, opt, 1, &svg, &memory, NULL, NULL, out, NULL, err);
    if (rc != RN_OK)
        rn_render_layout_release(out);
    return rc;
}
