/* cmd_render.c - relnet render: draw the relationship diagram (render.h). */
#include "cli.h"

#include "relnet/render.h"
#include "relnet/timeline.h"
#include "relnet/view.h"

#include <stdlib.h>
#include <string.h>

static const struct cli_spec render_spec = {
    .name = "render",
    .head =
    "usage: relnet render [options] [FILE...]\n"
    "\n"
    "Draw who does what to whom. With FILE arguments (CSV/TSV edge lists, as\n"
    "'relnet import' reads them) the drawing is made from those files alone,\n"
    "without a knowledge base; otherwise from the knowledge base.\n"
    "\n"
    "The picture: one node per entity, shaped by type (country box, organization\n"
    "hexagon, company parallelogram, person ellipse, group octagon, document\n"
    "note, unknown dashed rounded box) and sized by PageRank; one arrow per source,\n"
    "target and relation, coloured by relation (a pair that both accuses and\n"
    "bans gets two arrows), labelled with the number of reports when more than\n"
    "one, thicker the more reports. With --top, entities left without an arrow\n"
    "to another drawn one are replaced by the next linked ones. Under the\n"
    "drawing, a caption and legend list the types and relations drawn, what\n"
    "node size and arrow width mean, and the line styles: negated reports\n"
    "dashed, hedged ones dotted (drawn with --polarity all; by default only\n"
    "asserted reports are drawn, and the caption says so); the --ego entity\n"
    "has a double outline. In SVG, hovering an arrow shows up to three evidence sentences with\n"
    "their article, and clicking it opens the article when its URL is known.\n"
    "\n",
    .tail =
    "Engines: auto uses dot for small drawings (up to 100 entities and 300\n"
    "arrows) unless its layered drawing is wider than 2:1, and sfdp with\n"
    "overlap removal otherwise. A layout that would run for\n"
    "minutes is never started: each engine has a size limit, measured so that\n"
    "a drawing at the limit takes about 10 s or less (entities/arrows: dot\n"
    "200/600, neato 1200/3600, fdp 3000/9000, sfdp 4000/12000, circo 80/240,\n"
    "twopi 2500/7500); asking for more is an error that says how to draw less.\n"
    "\n"
    "A failed render leaves no file behind. Exit codes: 0 ok, 1 bad input (an\n"
    "unknown --ego entity, nothing to draw, bad CSV rows), 2 usage (unknown\n"
    "option, format or engine, or a drawing too big for the engine), 3 I/O.\n",
};

static int set_format(void *dest, const char *arg, struct rn_err *err)
{
    if (!rn_render_format_ok(arg))
        return rn_fail(err, RN_EUSAGE, "unknown format '%s' (expected svg, png, pdf or dot)", arg);
    *(const char **)dest = arg;
    return RN_OK;
}

static int set_engine(void *dest, const char *arg, struct rn_err *err)
{
    if (!rn_render_engine_ok(arg))
        return rn_fail(err, RN_EUSAGE,
                       "unknown engine '%s' (expected auto, dot, neato, fdp, sfdp, circo, twopi "
                       "or none)",
                       arg);
    *(const char **)dest = arg;
    return RN_OK;
}

/* -o FILE, repeatable: the same drawing in several files from one layout. */
struct outputs {
    const char *path[RN_RENDER_MAX_OUTPUTS];
    const char *format[RN_RENDER_MAX_OUTPUTS];
    size_t n;
};

static int add_output(void *dest, const char *arg, struct rn_err *err)
{
    struct outputs *o = dest;
    if (o->n == RN_RENDER_MAX_OUTPUTS)
        return rn_fail(err, RN_EUSAGE, "at most %d -o files", RN_RENDER_MAX_OUTPUTS);
    o->path[o->n++] = arg;
    return RN_OK;
}

/* The format of each output: -T, else the extension of -o, else svg; both
   must agree. Returns an exit code, CLI_GO_ON when all is well. */
static int output_formats(struct outputs *o, const char *format, char *default_output,
                          size_t size)
{
    if (o->n == 0) {
        snprintf(default_output, size, "graph.%s", format ? format : "svg");
        o->path[o->n++] = default_output;
    }
    for (size_t i = 0; i < o->n; i++) {
        const char *output = o->path[i];
        const char *by_ext = strcmp(output, "-") != 0 ? rn_render_format_of_path(output) : NULL;
        if (strcmp(output, "-") != 0 && !by_ext && !format)
            return cli_usage_error("render", "cannot tell the format of '%s': name it .svg, .png, "
                                             ".pdf or .dot, or give -T",
                                   output);
        if (format && by_ext && strcmp(format, by_ext) != 0)
            return cli_usage_error("render", "-T %s does not match the name '%s'", format, output);
        o->format[i] = format ? format : by_ext ? by_ext : "svg";
    }
    return CLI_GO_ON;
}

static const struct cli_choice colorings[] = {
    { "type", RN_RENDER_COLOR_TYPE }, { "community", RN_RENDER_COLOR_COMMUNITY }, { NULL, 0 },
};

/* --timeline: reports per month of the loaded records as an SVG chart. */
static int write_timeline(const struct rn_relset *set, const char *output)
{
    struct rn_timeline tl;
    struct rn_buf svg = RN_BUF_INIT;
    struct rn_err err = RN_ERR_INIT;
    int rc = rn_timeline_build(set, &tl, &err);
    if (rc == RN_OK)
        rc = rn_timeline_svg(&tl, set, 1, &svg, &err);
    int code = rc == RN_OK ? cli_write_file(output, svg.data, svg.len) : cli_report(&err);
    if (code == RN_EXIT_OK && !cli_globals.quiet)
        fprintf(stderr, "%s: %zu dated reports over %zu months\n",
                strcmp(output, "-") == 0 ? "stdout" : output, tl.dated, tl.n_months);
    rn_buf_release(&svg);
    rn_timeline_release(&tl);
    return code;
}

int cmd_render(int argc, char **argv)
{
    struct rn_render_options ropt;
    rn_render_options_init(&ropt);
    struct cli_selection sel;
    cli_selection_init(&sel, NULL, NULL);
    struct outputs outs = { .n = 0 };
    const char *format = NULL;
    char default_output[32];
    long depth = 1;
    int timeline = 0;
    int color = ropt.color;
    const struct cli_option options[] = {
        CLI_COUNT("top", 0, "N", &ropt.top, 0, LONG_MAX, "40",
                  "draw the N entities with the highest PageRank (0 = all, within the "
                  "engine's limit)"),
        CLI_STRING("ego", 0, "ENTITY", &ropt.ego, NULL,
                   "draw ENTITY and its neighbours (both directions)"),
        CLI_COUNT("depth", 0, "D", &depth, 1, 100, "1",
                  "hops around --ego; with --top, the nearest entities are kept first"),
        CLI_CHOICE("color", 0, &color, colorings, "type",
                   "fill nodes by entity type or by community (Louvain on the whole graph)"),
        CLI_CALLBACK("engine", 0, "E", &ropt.engine, set_engine, "auto",
                     "auto, dot, neato, fdp, sfdp, circo, twopi; or none with -T dot: the graph "
                     "without positions"),
        CLI_SECTION(CLI_GROUP_OUTPUT),
        CLI_CALLBACK("output", 'o', "FILE", &outs, add_output,
                     "graph.svg, or graph.<format> with -T",
                     "where to write; '-' writes to standard output; several -o write the "
                     "same drawing in each file's format from one layout"),
        CLI_CALLBACK("format", 'T', "F", &format, set_format,
                     "from the extension of -o: .svg .png .pdf .dot/.gv; else svg",
                     "svg, png, pdf or dot"),
        CLI_STRING("title", 0, "TEXT", &ropt.title, NULL, "a title above the picture"),
        CLI_SET("no-legend", 0, &ropt.legend, 0, "leave the legend out"),
        CLI_SET("timeline", 0, &timeline, 1,
                "draw reports per month by relation (a bar chart, svg) instead of the graph"),
        CLI_END,
    };
    int code = cli_parse_filtered(&render_spec, options, argc, argv, &sel);
    if (code != CLI_GO_ON)
        return code;
    code = RN_EXIT_OK;
    ropt.depth = (int)depth;
    ropt.color = (enum rn_render_color)color;

    code = output_formats(&outs, format, default_output, sizeof default_output);
    if (code != CLI_GO_ON)
        goto out;
    code = RN_EXIT_OK;
    const char *output = outs.path[0];
    format = outs.format[0];
    if (timeline && outs.n > 1) {
        code = cli_usage_error("render", "--timeline draws one file");
        goto out;
    }
    if (timeline && strcmp(format, "svg") != 0) {
        code = cli_usage_error("render", "--timeline draws svg only, not %s", format);
        goto out;
    }
    for (size_t i = 0; i < outs.n; i++) {
        if (ropt.engine && strcmp(ropt.engine, "none") == 0 && strcmp(outs.format[i], "dot") != 0) {
            code = cli_usage_error("render", "--engine none (no layout) only writes dot, not %s",
                                   outs.format[i]);
            goto out;
        }
    }

    struct rn_relset *set = NULL;
    int bad_rows = 0;
    code = cli_load_relations("render", argc - optind, argv + optind, &sel, CLI_COLUMNS_TEXT, &set, &bad_rows);
    if (code != RN_EXIT_OK)
        goto out;
    if (timeline) {
        code = write_timeline(set, output);
        if (code == RN_EXIT_OK && bad_rows)
            code = RN_EXIT_INPUT;
        cli_relations_free(set);
        goto out;
    }
    struct rn_err err = RN_ERR_INIT;
    struct rn_view *view = NULL;
    struct rn_view_options vopt = { .by_affiliation = sel.by_affiliation,
                                    .min_count = sel.filter.min_count };
    char filter_note[512];
    rn_filter_describe(&sel.filter, filter_note, sizeof filter_note);
    if (sel.by_affiliation && strlen(filter_note) + 20 < sizeof filter_note)
        strcat(filter_note, "; by affiliation");
    ropt.caption_note = filter_note;
    ropt.by_affiliation = sel.by_affiliation;
    ropt.polarity_mask = sel.filter.polarity_mask;
    struct rn_render_report rep;
    int rc = rn_view_build(set, &vopt, &view, &err);
    if (rc == RN_OK)
        rc = rn_render_files(view, &ropt, outs.n, outs.format, outs.path, &rep, &err);
    if (rc != RN_OK) {
        code = cli_report(&err);
    } else {
        if (rep.note[0] && !cli_globals.quiet)
            fprintf(stderr, "relnet render: %s\n", rep.note);
        for (size_t i = 0; i < outs.n && !cli_globals.quiet; i++)
            fprintf(stderr, "%s: %u of %u entities%s, %zu arrows, layout %s (%.2f s)\n",
                    strcmp(outs.path[i], "-") == 0 ? "stdout" : outs.path[i], rep.nodes_drawn,
                    rep.nodes_candidates, ropt.ego ? " around the --ego entity" : "",
                    rep.edges_drawn, rep.engine, rep.layout_seconds);
        if (bad_rows)
            code = RN_EXIT_INPUT;
    }
    rn_view_free(view);
    cli_relations_free(set);
out:
    cli_selection_release(&sel);
    return code;
}
