/* render.h - relationship diagrams, drawn in-process with Graphviz (cgraph +
 * gvc; render.c is the only file that includes them).
 *
 * What a drawing shows (one picture a journalist can put in a story):
 *   - nodes: the entities kept by the selection below. Shape by entity type
 *     (country box, organization hexagon, company parallelogram, person
 *     ellipse, group octagon, document note, unknown rounded box with a
 *     dashed outline), size (and font size) by PageRank, fill by type or
 *     by community (Louvain on the whole view, 12 colours for the largest
 *     communities drawn, white for the rest).
 *     Labels are the names, wrapped at about 18 characters, at most 4
 *     lines (the full name is in the tooltip).
 *   - edges: ONE EDGE PER (source, target, relation). A pair that mixes
 *     several relations ("China accuses and bans X") gets one coloured arrow
 *     per relation, so every colour in the picture means one thing. Colour by
 *     relation (accuses red, bans black, proposes blue, signs green, others
 *     from a fixed palette); the number of reports as an external label
 *     (xlabel: it costs dot no extra ranks) when more than one; pen width
 *     grows with log(reports). The SVG tooltip names the relation, the count and up
 *     to three evidence sentences with their article; the edge links to the
 *     article when its URL is http(s) (other schemes are never emitted).
 *   - edge style by polarity: asserted solid, negated dashed, hedged dotted
 *     (each polarity its own arrow); the --ego entity has a double outline.
 *   - under the drawing, outside the layout (an HTML-like table as the
 *     graph's label, so no engine mixes it with the entities): the caption
 *     (what was selected, the filter, "asserted reports only" when negated
 *     and hedged ones were filtered out) and the legend (what node size,
 *     arrow width, colour and line style mean; the types or communities,
 *     relations and line styles drawn).
 *
 * Selection: --ego keeps an entity and everything within `depth` hops
 * (both directions); --top then keeps the N best: by PageRank, or in ego
 * mode by (distance to the ego, then PageRank), so the picture stays
 * connected. The ego is always kept. A --top cut never leaves an entity
 * without an arrow to another drawn one: such entities are dropped and the
 * quota is filled, best rank first, with entities linked to the kept ones,
 * then with the best-ranked linked pair and what links to it; so exactly N
 * are drawn whenever N linked entities can be (with one place left and
 * only pairs outside, a kept entity that strands no other makes room).
 *
 * Aspect: "auto" lays out with dot and, when dot's layered drawing is
 * wider (or taller) than 2:1, with sfdp instead; a forced dot drawing
 * beyond 2.8:1 is laid out again with its leaves spread over more ranks,
 * and if still beyond, stretched to 2.5:1 (Graphviz's ratio, which moves
 * ranks apart and keeps node and text sizes).
 *
 * Engines and limits: "auto" draws with dot up to 100 entities and 300
 * arrows (0.4 s; layered drawings read best at that size) and with sfdp
 * (overlap removal on) beyond. Each engine has an entity and arrow limit
 * measured with bench/bench_render.sh on uniform random graphs, the worst
 * case: at the limit layout + SVG takes 10 s or less on the 2-core
 * benchmark machine (a shared one: times vary up to 2x between runs, so
 * the limits keep a margin). dot, circo and twopi grow steeply past it.
 *     engine  limit (entities/arrows)  at the limit   beyond
 *     dot      200 / 600              5-6 s          250: 19-25 s
 *     neato   1200 / 3600             6-8 s          1600: 8.5-11 s
 *     fdp     3000 / 9000             7-9 s          4000: 9-10 s
 *     sfdp    4000 / 12000            9.4 s          5000: 12-15 s, 8000: 30 s
 *     circo     80 / 240              4-5 s          100: 11-14 s, 150: 36-43 s
 *     twopi   2500 / 7500             3.5-4.6 s      4000: 19-20 s
 * A layout that would run for minutes is never started: with "auto" the
 * engine falls back to sfdp (said in rn_render_report.note), and a forced
 * engine beyond its limit, or a drawing beyond sfdp's, fails with
 * RN_EUSAGE and a message naming the limit and how to draw less.
 *
 * Escaping: node ids are synthetic (n0, n1, ...); every label, tooltip and
 * caption is cleaned (control characters and newlines become spaces,
 * zero-width and bidi-override characters are dropped, invalid UTF-8
 * becomes U+FFFD) and escaped for Graphviz (backslashes doubled, '&'
 * written as "&amp;" because Graphviz decodes entities in labels), so names
 * with quotes, backslashes, '<', '&' and newlines come out as typed in SVG,
 * PNG, PDF and in DOT that Graphviz re-reads. URLs are percent-encoded.
 *
 * Output is deterministic for the same input and options (node order =
 * view order, fixed fonts: fontname "DejaVu Sans"). Nothing partial is
 * ever written: files are rendered into a temporary file in the target
 * directory and renamed at the end.
 *
 * Graphviz keeps process-global state (its error callback, and one
 * context made on first use and kept for the life of the process, since
 * Graphviz 2.42 reads freed memory when a second context follows a freed
 * one): treat the renderer as single-threaded.
 *
 * Exporting the whole graph as DOT (relnet export --format dot): engine
 * "none", top 0, legend 0, format "dot". No layout and no limit; the cost
 * is cgraph's: about 2 s and 70 MB for 100k records, 27 s and 570 MB for
 * the 1M-record benchmark graph (195 MB of DOT).
 */
#ifndef RELNET_RENDER_H
#define RELNET_RENDER_H

#include "relnet/analysis.h"
#include "relnet/error.h"
#include "relnet/view.h"

#include <stddef.h>
#include <stdint.h>

enum rn_render_color {
    RN_RENDER_COLOR_TYPE = 0,      /* fill by entity type (default) */
    RN_RENDER_COLOR_COMMUNITY = 1, /* fill by community (Louvain on the whole view) */
};

/* The default --top: what stays readable on a page. */
#define RN_RENDER_DEFAULT_TOP 40

struct rn_render_options {
    /* "auto" (NULL means auto), "dot", "neato", "fdp", "sfdp", "circo",
       "twopi", or "none": no layout, only with format "dot" (the graph with
       all its attributes, for the user's own Graphviz run or an export). */
    const char *engine;
    enum rn_render_color color;
    long top;           /* keep the N best nodes; <= 0 keeps every selected node */
    const char *ego;    /* entity name (aliases and spelling variants work), or NULL */
    int depth;          /* hops around ego, both directions; <= 0 means 1 */
    int legend;         /* draw the legend (rn_render_options_init sets 1) */
    const char *title;  /* first line of the caption, or NULL */
    const char *caption_note; /* extra caption line (the filter in words), or NULL */
    int by_affiliation; /* the view rolls people up: an --ego person is drawn as its affiliation */
    /* The polarities the records were filtered to (bit 1 << enum
       rn_polarity), for the caption: asserted only says that negated and
       hedged reports are left out. 0: not said. */
    unsigned polarity_mask;
    /* PageRank and community of the view's nodes, if the caller has them
       (borrowed). NULL, or a measure missing from it: computed here. */
    const struct rn_centrality *centrality;
};

/* Defaults: auto engine, colour by type, top RN_RENDER_DEFAULT_TOP, legend on. */
void rn_render_options_init(struct rn_render_options *opt);

/* What was drawn, for the command's summary line. */
struct rn_render_report {
    char engine[16];       /* the engine used ("none" without layout) */
    uint32_t nodes_total;  /* nodes of the view */
    uint32_t nodes_candidates; /* nodes the selection chose from (within --depth of --ego) */
    uint32_t nodes_drawn;
    size_t edges_drawn;    /* drawn edges: one per (source, target, relation) */
    double layout_seconds; /* wall time of layout + render */
    char note[512];        /* why a node or engine was dropped or replaced, "" if nothing */
};

/* The colour of relation index rel of set ("#rrggbb"): accuses red, bans
 * black, proposes blue, signs green, the others from a fixed palette in
 * relation index order. Diagrams, the timeline and the report share it. */
const char *rn_render_relation_color(const struct rn_relset *set, uint32_t rel);

/* Process-wide Graphviz setup: route Graphviz messages into relnet errors
 * instead of stderr. Called by rn_lib_init; render functions call it too,
 * so programs that skip rn_lib_init still get captured errors. RN_OK. */
int rn_render_setup(struct rn_err *err);

/* Output format of a file name by its extension: ".svg" -> "svg", ".png",
 * ".pdf", ".dot" or ".gv" -> "dot" (case-insensitive). NULL when unknown. */
const char *rn_render_format_of_path(const char *path);

/* Is format one rn_render_* writes ("svg", "png", "pdf", "dot")? */
int rn_render_format_ok(const char *format);

/* Is engine a known engine name (see rn_render_options.engine)? */
int rn_render_engine_ok(const char *engine);

/* Draw view and write it to path ("-" = stdout) as format (svg, png, pdf,
 * dot). opt may be NULL (defaults); rep may be NULL.
 * Errors (the file is then untouched, and no temporary file is left):
 *   RN_EUSAGE     unknown format or engine, engine "none" with a format
 *                 other than dot, or a drawing beyond the limit of a
 *                 forced engine (or of every engine), with the limit and
 *                 how to shrink the drawing (--top, filters) in err;
 *   RN_ENOTFOUND  opt->ego names no entity (err suggests close names) or
 *                 one without relations in this view;
 *   RN_EIO        the file cannot be written (checked before the layout);
 *   RN_EINTERNAL  Graphviz failed (its message is in err);
 *   RN_ENOMEM.
 * Cost: PageRank on the whole view (plus Louvain with colour by community)
 * and O(records) for the selection; then layout of the drawn part only. */
int rn_render_file(const struct rn_view *view, const struct rn_render_options *opt,
                   const char *format, const char *path, struct rn_render_report *rep,
                   struct rn_err *err);

/* The same drawing in n (1 to RN_RENDER_MAX_OUTPUTS) formats, formats[i]
 * into paths[i] ("-" = stdout), from one layout: each file is the one
 * rn_render_file writes (a PNG scaled down as alone). Same errors; a
 * failure before the files are written leaves none of them. */
#define RN_RENDER_MAX_OUTPUTS 4
int rn_render_files(const struct rn_view *view, const struct rn_render_options *opt, size_t n,
                    const char *const *formats, const char *const *paths,
                    struct rn_render_report *rep, struct rn_err *err);

/* The same into memory: *out (malloc'd, NUL-terminated, free with free())
 * and *len. For embedding an SVG in a report. Same errors as above except
 * RN_EIO. */
int rn_render_data(const struct rn_view *view, const struct rn_render_options *opt,
                   const char *format, char **out, size_t *len, struct rn_render_report *rep,
                   struct rn_err *err);

/* Where the layout put the drawn nodes and how it routed the arrows, for
 * pages that draw the graph themselves (the HTML report): the same
 * selection, engine choice and routes as rn_render_file, so the page and
 * the static diagram agree. Coordinates in points, origin top left, y down. */
struct rn_render_layout {
    uint32_t n;             /* drawn nodes */
    uint32_t *node;         /* view node of each */
    double *x, *y, *w, *h;  /* centre and size of each */
    char **label;           /* its label's lines as drawn, joined by '\n' */
    double *fontsize;       /* its label's font size */
    double width, height;   /* of the whole drawing */
    char engine[16];
    /* The drawn arrows, one per (source, target, relation, polarity). */
    size_t n_edges;
    uint32_t *edge_from, *edge_to; /* view nodes */
    uint32_t *edge_rel;            /* relation index in the view's relset */
    uint8_t *edge_pol;             /* enum rn_polarity */
    char **edge_path;              /* SVG path data of Graphviz's route ("M x,y C x,y x,y
                                      x,y ... L x,y"), ending at the arrow's tip; "" if
                                      Graphviz routed none */
};

/* Same errors as rn_render_data. Release with rn_render_layout_release. */
int rn_render_layout(const struct rn_view *view, const struct rn_render_options *opt,
                     struct rn_render_layout *out, struct rn_err *err);
void rn_render_layout_release(struct rn_render_layout *l);

#endif
