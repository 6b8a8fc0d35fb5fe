/* cmd_render.c - relnet render: draw the relationship diagram (render.h). */
#include "cli.h"

#include "relnet/render.h"
#include "relnet/timeline.h"
#include "relnet/view.h"

#include <stdlib.h>
#include <string.h>

const char cmd_render_usage[] =
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
    "drawing, a caption and legend list the types and relations\n"
    "drawn, what node size and arrow width mean, and the line styles: negated\n"
    "reports dashed, hedged ones dotted (drawn with --polarity all; by default\n"
    "only asserted reports are drawn, and the caption says so). In SVG, hovering an arrow shows up to three evidence sentences with\n"
    "their article, and clicking it opens the article when its URL is known.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE     where to write (default: graph.svg, or graph.<format>\n"
    "                        with -T); '-' writes to standard output\n"
    "  -T, --format F        svg, png, pdf or dot (default: from the extension of\n"
    "                        -o: .svg .png .pdf .dot/.gv; else svg)\n"
    "  --top N               draw the N entities with the highest PageRank\n"
    "                        (default 40; 0 = all, within the engine's limit)\n"
    "  --ego ENTITY          draw ENTITY and its neighbours (both directions)\n"
    "  --depth D             hops around --ego (default 1); with --top, the\n"
    "                        nearest entities are kept first\n"
    "  --color type|community  fill nodes by entity type (default) or by\n"
    "                        community (Louvain on the whole graph)\n"
    "  --engine E            auto (default), dot, neato, fdp, sfdp, circo, twopi;\n"
    "                        or none with -T dot: the graph without positions\n"
    "  --title TEXT          a title above the picture\n"
    "  --no-legend           leave the legend out\n"
    "  --timeline            draw reports per month by relation (a bar chart, svg)\n"
    "                        instead of the graph\n" CLI_FILTER_HELP
    "  --kb FILE             knowledge base (default: $RELNET_KB, else relnet.db)\n"
    "  --quiet               no summary on stderr\n"
    "  -h, --help            show this help\n"
    "\n"
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
    "option, format or engine, or a drawing too big for the engine), 3 I/O.\n";

enum {
    OPT_TOP = CLI_OPT_FIRST_FREE,
    OPT_EGO,
    OPT_DEPTH,
    OPT_COLOR,
    OPT_ENGINE,
    OPT_TITLE,
    OPT_NO_LEGEND,
    OPT_TIMELINE,
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
    static const struct option options[] = {
        { "output", required_argument, NULL, 'o' },
        { "format", required_argument, NULL, 'T' },
        { "top", required_argument, NULL, OPT_TOP },
        { "ego", required_argument, NULL, OPT_EGO },
        { "depth", required_argument, NULL, OPT_DEPTH },
        { "color", required_argument, NULL, OPT_COLOR },
        { "colour", required_argument, NULL, OPT_COLOR },
        { "engine", required_argument, NULL, OPT_ENGINE },
        { "title", required_argument, NULL, OPT_TITLE },
        { "no-legend", no_argument, NULL, OPT_NO_LEGEND },
        { "timeline", no_argument, NULL, OPT_TIMELINE },
        CLI_FILTER_OPTIONS,
        CLI_COMMON_OPTIONS,
        { NULL, 0, NULL, 0 },
    };
    struct rn_render_options ropt;
    rn_render_options_init(&ropt);
    struct cli_selection sel;
    cli_selection_init(&sel);
    const char *output = NULL, *format = NULL;
    int timeline = 0;
    char default_output[32];
    long n;
    int c, code = RN_EXIT_OK;
    cli_getopt_reset();
    while ((c = getopt_long(argc, argv, ":ho:T:", options, NULL)) != -1) {
        switch (c) {
        case 'o':
            output = optarg;
            break;
        case 'T':
            format = optarg;
            if (!rn_render_format_ok(format)) {
                code = cli_usage_error("render", "unknown format '%s' (expected svg, png, pdf "
                                                 "or dot)",
                                       optarg);
                goto out;
            }
            break;
        case OPT_TOP:
            if (cli_parse_count(optarg, &ropt.top) != 0) {
                code = cli_usage_error("render", "--top needs a whole number >= 0, not '%s'",
                                       optarg);
                goto out;
            }
            break;
        case OPT_EGO:
            ropt.ego = optarg;
            break;
        case OPT_DEPTH:
            if (cli_parse_count(optarg, &n) != 0 || n < 1 || n > 100) {
                code = cli_usage_error("render", "--depth needs a whole number from 1 to 100, "
                                                 "not '%s'",
                                       optarg);
                goto out;
            }
            ropt.depth = (int)n;
            break;
        case OPT_COLOR:
            if (strcmp(optarg, "type") == 0)
                ropt.color = RN_RENDER_COLOR_TYPE;
            else if (strcmp(optarg, "community") == 0)
                ropt.color = RN_RENDER_COLOR_COMMUNITY;
            else {
                code = cli_usage_error("render", "--color takes type or community, not '%s'",
                                       optarg);
                goto out;
            }
            break;
        case OPT_ENGINE:
            if (!rn_render_engine_ok(optarg)) {
                code = cli_usage_error("render", "unknown engine '%s' (expected auto, dot, "
                                                 "neato, fdp, sfdp, circo, twopi or none)",
                                       optarg);
                goto out;
            }
            ropt.engine = optarg;
            break;
        case OPT_TITLE:
            ropt.title = optarg;
            break;
        case OPT_NO_LEGEND:
            ropt.legend = 0;
            break;
        case OPT_TIMELINE:
            timeline = 1;
            break;
        case 'h':
        case CLI_OPT_HELP:
            code = cli_help(cmd_render_usage);
            goto out;
        default: {
            int handled = cli_selection_option("render", c, optarg, &sel);
            if (handled < 0) {
                code = RN_EXIT_USAGE;
                goto out;
            }
            if (handled || cli_common_option(c, optarg))
                break;
            code = cli_bad_option("render", c, argv);
            goto out;
        }
        }
    }

    /* The format: -T, else the extension of -o, else svg; both must agree. */
    const char *by_ext = output && strcmp(output, "-") != 0 ? rn_render_format_of_path(output)
                                                            : NULL;
    if (output && strcmp(output, "-") != 0 && !by_ext && !format) {
        code = cli_usage_error("render", "cannot tell the format of '%s': name it .svg, .png, "
                                         ".pdf or .dot, or give -T",
                               output);
        goto out;
    }
    if (format && by_ext && strcmp(format, by_ext) != 0) {
        code = cli_usage_error("render", "-T %s does not match the name '%s'", format, output);
        goto out;
    }
    if (!format)
        format = by_ext ? by_ext : "svg";
    if (!output) {
        snprintf(default_output, sizeof default_output, "graph.%s", format);
        output = default_output;
    }
    if (timeline && strcmp(format, "svg") != 0) {
        code = cli_usage_error("render", "--timeline draws svg only, not %s", format);
        goto out;
    }
    if (ropt.engine && strcmp(ropt.engine, "none") == 0 && strcmp(format, "dot") != 0) {
        code = cli_usage_error("render", "--engine none (no layout) only writes dot, not %s",
                               format);
        goto out;
    }

    struct rn_relset *set = NULL;
    int bad_rows = 0;
    code = cli_load_relations("render", argc - optind, argv + optind, &sel, 1, &set, &bad_rows);
    if (code != RN_EXIT_OK)
        goto out;
    if (timeline) {
        code = write_timeline(set, output);
        if (code == RN_EXIT_OK && bad_rows)
            code = RN_EXIT_INPUT;
        rn_relset_free(set);
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
        rc = rn_render_file(view, &ropt, format, output, &rep, &err);
    if (rc != RN_OK) {
        code = cli_report(&err);
    } else {
        if (rep.note[0] && !cli_globals.quiet)
            fprintf(stderr, "relnet render: %s\n", rep.note);
        if (!cli_globals.quiet)
            fprintf(stderr, "%s: %u of %u entities%s, %zu arrows, layout %s (%.2f s)\n",
                    strcmp(output, "-") == 0 ? "stdout" : output, rep.nodes_drawn,
                    rep.nodes_candidates, ropt.ego ? " around the --ego entity" : "",
                    rep.edges_drawn, rep.engine, rep.layout_seconds);
        if (bad_rows)
            code = RN_EXIT_INPUT;
    }
    rn_view_free(view);
    rn_relset_free(set);
out:
    cli_selection_release(&sel);
    return code;
}
