/* cmd_export.c - relnet export: the graph for other tools. */
#include "cli.h"

#include "relnet/export.h"
#include "relnet/graph.h"
#include "relnet/render.h"
#include "relnet/view.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct cli_spec export_spec = {
    .name = "export",
    .head = "usage: relnet export --format FORMAT [-o PATH] [options] [EDGES.csv...]\n"
            "\n"
            "Write the knowledge base (or, when CSV/TSV files are given, those edge\n"
            "lists) for other tools. Output goes to stdout unless -o names a file; a\n"
            "failed export leaves no partial file.\n"
            "\n"
            "formats:\n"
            "  csv       one row per distinct record with its provenance (identical reports\n"
            "            collapse into a count column); 'relnet import' reads it back\n"
            "            losslessly. --by affiliation and --min-count select as in the\n"
            "            graph formats: the CSV's counts add up to the graph's edges\n"
            "  nodes     the node table: name,type,affiliation,out_reports,in_reports\n"
            "            (same as csv --nodes)\n"
            "  graphml   the graph (NetworkX, igraph, Gephi, Cytoscape)\n"
            "  gexf      the graph for Gephi (GEXF 1.2draft; edges span their dates)\n"
            "  json      node-link JSON of the graph (D3, sigma.js, networkx.node_link_graph)\n"
            "  dot       Graphviz DOT of the graph\n"
            "  neo4j     a directory (-o DIR, default neo4j-export; refused when it is not\n"
            "            empty, unless --force) with nodes.csv and relationships.csv for\n"
            "            neo4j-admin import, and import.sh; one relationship per record\n"
            "\n"
            "The graph formats (graphml, gexf, json) are multigraphs with one edge per\n"
            "(source, target, relation, polarity), carrying relation (also as label),\n"
            "polarity, count (reports), weight (summed weights), first_date and\n"
            "last_date (YYYY-MM-DD, empty when undated) and up to five evidence\n"
            "sentences. dot draws the same edges as 'relnet render' and carries the\n"
            "same data on them (relation, polarity, count, summed_weight, first_date,\n"
            "last_date; weight is Graphviz's layout attribute), with each node's full\n"
            "name as entity.\n"
            "\n"
            "Polarity: export is for moving data, so csv, the graph formats and dot\n"
            "keep every polarity (each edge says which); neo4j writes asserted\n"
            "relationships only, so that MATCH ()-[:BANS]->() means bans, unless\n"
            "--polarity all (or a list) is given.\n",
};

/* GraphML through igraph's writer; DOT through the renderer without a
   layout (every node and edge, with the drawing's attributes). */
static int export_graph_format(const char *fmt, const struct rn_view *view, FILE *f,
                               struct rn_err *err)
{
    if (strcmp(fmt, "graphml") == 0)
        return rn_graph_write_graphml(view, f, err);
    struct rn_render_options opt;
    rn_render_options_init(&opt);
    opt.engine = "none";
    opt.top = 0;
    opt.legend = 0;
    char *data = NULL;
    size_t len = 0;
    int rc = rn_render_data(view, &opt, "dot", &data, &len, NULL, err);
    if (rc == RN_OK && fwrite(data, 1, len, f) != len)
        rc = rn_fail(err, RN_EIO, "cannot write the export: %s", strerror(errno));
    free(data);
    return rc;
}

enum format { F_CSV, F_NODES, F_GRAPHML, F_GEXF, F_JSON, F_DOT, F_NEO4J, F_NONE };

static const struct cli_choice formats[] = {
    { "csv", F_CSV },   { "nodes", F_NODES }, { "graphml", F_GRAPHML }, { "gexf", F_GEXF },
    { "json", F_JSON }, { "dot", F_DOT },     { "neo4j", F_NEO4J },     { NULL, 0 },
};

/* Write to path through a temporary file renamed at the end, so a failure
   leaves no partial output; "-" writes to stdout. */
struct output {
    const char *path;
    char tmp[4096];
    FILE *f;
};

static int output_open(struct output *o, const char *path)
{
    o->path = path;
    if (strcmp(path, "-") == 0) {
        o->f = stdout;
        return RN_EXIT_OK;
    }
    snprintf(o->tmp, sizeof o->tmp, "%s.tmp-%ld", path, (long)getpid());
    o->f = fopen(o->tmp, "wb");
    if (!o->f) {
        cli_errorf("cannot write %s: %s", path, strerror(errno));
        return RN_EXIT_FAIL;
    }
    return RN_EXIT_OK;
}

static int output_close(struct output *o, int ok)
{
    if (o->f == stdout)
        return ok ? RN_EXIT_OK : RN_EXIT_FAIL;
    int closed = fclose(o->f) == 0;
    if (ok && !closed)
        cli_errorf("cannot write %s: %s", o->path, strerror(errno));
    if (ok && closed && rename(o->tmp, o->path) == 0)
        return RN_EXIT_OK;
    if (ok && closed)
        cli_errorf("cannot write %s: %s", o->path, strerror(errno));
    unlink(o->tmp);
    return RN_EXIT_FAIL;
}

int cmd_export(int argc, char **argv)
{
    struct cli_selection sel;
    cli_selection_init(&sel, NULL, "all");
    sel.polarity_default = "all; asserted for neo4j";
    int format = F_NONE, nodes = 0, force = 0;
    const char *output = NULL;
    const struct cli_option options[] = {
        CLI_SECTION(CLI_GROUP_OUTPUT),
        CLI_CHOICE("format", 'f', &format, formats, NULL, "one of the formats above (required)"),
        CLI_STRING("output", 'o', "PATH", &output, "- (stdout); neo4j-export for neo4j",
                   "output file ('-' = stdout) or directory (neo4j)"),
        CLI_FLAG("nodes", 0, &nodes, "with csv: write the node table instead of the edges"),
        CLI_FLAG("force", 0, &force, "neo4j: write into a directory that is not empty"),
        CLI_END,
    };
    int code = cli_parse_filtered(&export_spec, options, argc, argv, &sel);
    if (code != CLI_GO_ON)
        return code;
    if (format == F_NONE) {
        cli_selection_release(&sel);
        return cli_usage_error("export", "--format is required");
    }
    if (nodes && format == F_CSV)
        format = F_NODES;
    if (!output)
        output = format == F_NEO4J ? "neo4j-export" : "-";
    if (format == F_NEO4J && strcmp(output, "-") == 0) {
        cli_selection_release(&sel);
        return cli_usage_error("export", "neo4j writes a directory: give -o DIR");
    }

    /* Neo4j's relationship types are matched without looking at
       properties, so it gets asserted relationships unless asked. */
    if (format == F_NEO4J && !sel.polarity_given)
        rn_filter_set_polarity(&sel.filter, "asserted", NULL);
    enum cli_columns keep = format != F_NODES && format != F_DOT ? CLI_COLUMNS_TEXT
                                                                   : CLI_COLUMNS_PROVENANCE;
    struct rn_relset *set = NULL;
    int bad_rows = 0;
    code = cli_load_relations("export", argc - optind, argv + optind, &sel, keep, &set,
                              &bad_rows);
    if (code != RN_EXIT_OK) {
        cli_selection_release(&sel);
        return code;
    }
    struct rn_err err = RN_ERR_INIT;
    int rc = RN_OK;
    if (format == F_NEO4J) {
        rc = rn_export_neo4j(set, output, force, &err);
        code = rc == RN_OK ? RN_EXIT_OK : cli_report(&err);
        goto out;
    }
    struct rn_view *view = NULL;
    /* csv and nodes take the graph formats' roll-up and --min-count through
       the same view; without them they write the records as stored. */
    int csv_selects = sel.by_affiliation || sel.filter.min_count > 1;
    if ((format != F_CSV && format != F_NODES) || csv_selects) {
        /* DOT splits relations the way render draws them. */
        struct rn_view_options vopt = { sel.by_affiliation, sel.filter.min_count,
                                        format != F_DOT, 0 };
        if (rn_view_build(set, &vopt, &view, &err) != RN_OK) {
            code = cli_report(&err);
            goto out;
        }
    }
    struct output out;
    code = output_open(&out, output);
    if (code != RN_EXIT_OK) {
        rn_view_free(view);
        goto out;
    }
    switch (format) {
    case F_CSV:
        rc = rn_export_csv(set, view, out.f, &err);
        break;
    case F_NODES:
        rc = rn_export_nodes_csv(set, view, out.f, &err);
        break;
    case F_JSON:
        rc = rn_export_json(view, out.f, &err);
        break;
    case F_GEXF:
        rc = rn_export_gexf(view, out.f, &err);
        break;
    case F_GRAPHML:
    case F_DOT:
        rc = export_graph_format(format == F_GRAPHML ? "graphml" : "dot", view, out.f, &err);
        break;
    default:
        break;
    }
    if (rc == RN_OK && fflush(out.f) != 0)
        rc = rn_fail(&err, RN_EIO, "cannot write %s: %s", output, strerror(errno));
    if (rc != RN_OK) {
        output_close(&out, 0);
        code = cli_report(&err);
    } else {
        code = output_close(&out, 1);
    }
    rn_view_free(view);
out:
    cli_relations_free(set);
    cli_selection_release(&sel);
    if (code == RN_EXIT_OK && bad_rows)
        code = RN_EXIT_INPUT;
    return code;
}
