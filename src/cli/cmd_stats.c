/* cmd_stats.c - relnet stats: who does what to whom. */
#include "cli.h"
#include "output.h"

#include "relnet/json.h"
#include "relnet/stats.h"
#include "relnet/view.h"

#include <stdlib.h>
#include <string.h>

static const struct cli_spec stats_spec = {
    .name = "stats",
    .head = "usage: relnet stats [options] [FILES...]\n"
            "\n"
            "Who does what to whom, for one relation (default accuses) or several:\n"
            "the top sources and targets, the top relations, mutual (tit-for-tat)\n"
            "pairs with the global reciprocity, the source x target matrix and the\n"
            "totals. With FILES (CSV/TSV edge lists) the numbers come straight from\n"
            "them; otherwise from the knowledge base (--kb).\n"
            "\n"
            "Counting: news repeats itself, so counts come in two kinds. Reports are\n"
            "records (every mention, every CSV row). Distinct relations are distinct\n"
            "(source, relation, target); with --count events the second kind is events\n"
            "instead: distinct (source, relation, target, date), one a day, undated\n"
            "reports being one event. targets/sources count distinct counterparts.\n"
            "A pair is mutual when A->B and B->A exist for the same relation; the\n"
            "reciprocity is the share of distinct relations between two different\n"
            "actors whose reverse exists too (self-relations left out).\n",
    .tail = "csv tables (header row first):\n"
            "  actors     actor,type,made,received,made_relations,received_relations,targets,sources\n"
            "             (made_events,received_events with --count events)\n"
            "  relations  source,relation,target,reports,events\n"
            "  mutual     a,relation,b,a_to_b,b_to_a,a_to_b_events,b_to_a_events\n"
            "  totals     relation,reports,relations,events,sources,targets\n"
            "  matrix     source,target,count\n"
            "\n"
            "examples:\n"
            "  relnet stats                       who accuses whom in relnet.db\n"
            "  relnet stats --relation bans --by affiliation --count events\n"
            "  relnet stats edges.csv --relation all --matrix --top 8\n",
};

enum which { T_ACTORS, T_RELATIONS, T_MUTUAL, T_TOTALS, T_MATRIX };

struct stats_cmd {
    enum cli_format fmt;
    enum which table;
    int events; /* second count kind = events */
    int matrix;
    long top;
    char filter[256];
    const struct rn_view *view;
    struct rn_stats st;
};

static const char *actor_name(const struct stats_cmd *sc, uint32_t node)
{
    return rn_view_node_name(sc->view, node);
}

static const char *actor_type(const struct stats_cmd *sc, uint32_t node)
{
    return rn_etype_name((enum rn_etype)sc->view->set->entity_type[sc->view->node_entity[node]]);
}

static const char *rel_name(const struct stats_cmd *sc, uint32_t rel)
{
    return sc->view->set->relation_name[rel];
}

#define NUM(i, v) cli_table_number((double)(v), 10, num[i], sizeof num[i])

/* --- tables (shared by the table and csv formats) ---------------------------- */

static struct cli_table *actors_table(const struct stats_cmd *sc, enum rn_stats_key key,
                                      size_t top, int csv)
{
    const struct rn_stats *st = &sc->st;
    const char *kind = sc->events ? "events" : "relations";
    char h_made[32], h_recv[32];
    snprintf(h_made, sizeof h_made, "made_%s", kind);
    snprintf(h_recv, sizeof h_recv, "received_%s", kind);
    const char *csv_headers[] = { "actor", "type", "made", "received", h_made, h_recv,
                                  "targets", "sources" };
    const char *src_headers[] = { "#", "actor", "type", "made", kind, "targets" };
    const char *dst_headers[] = { "#", "actor", "type", "received", kind, "sources" };
    struct cli_table *t = csv ? cli_table_new(8, csv_headers, "llrrrrrr")
                              : cli_table_new(6, key == RN_STATS_MADE ? src_headers : dst_headers,
                                              "rllrrr");
    uint32_t *order = malloc((sc->view->n_nodes ? sc->view->n_nodes : 1) * sizeof *order);
    if (!t || !order) {
        cli_table_free(t);
        free(order);
        return NULL;
    }
    size_t n = rn_stats_top_actors(st, key, top, order);
    char num[7][32];
    int rc = RN_OK;
    for (size_t i = 0; i < n && rc == RN_OK; i++) {
        const struct rn_stats_actor *a = &st->actor[order[i]];
        uint64_t made2 = sc->events ? a->made_events : a->made_relations;
        uint64_t recv2 = sc->events ? a->received_events : a->received_relations;
        if (csv) {
            const char *cells[] = { actor_name(sc, order[i]), actor_type(sc, order[i]),
                                    NUM(0, a->made), NUM(1, a->received), NUM(2, made2),
                                    NUM(3, recv2), NUM(4, a->targets), NUM(5, a->sources) };
            rc = cli_table_add(t, cells);
        } else {
            int made = key == RN_STATS_MADE;
            const char *cells[] = { NUM(0, i + 1), actor_name(sc, order[i]),
                                    actor_type(sc, order[i]), NUM(1, made ? a->made : a->received),
                                    NUM(2, made ? made2 : recv2),
                                    NUM(3, made ? a->targets : a->sources) };
            rc = cli_table_add(t, cells);
        }
    }
    free(order);
    if (rc != RN_OK) {
        cli_table_free(t);
        return NULL;
    }
    return t;
}

static struct cli_table *relations_table(const struct stats_cmd *sc, size_t top, int csv)
{
    const struct rn_stats *st = &sc->st;
    const char *headers[] = { "#", "source", "relation", "target", "reports", "events" };
    struct cli_table *t = csv ? cli_table_new(5, headers + 1, "lllrr")
                              : cli_table_new(6, headers, "rlllrr");
    size_t *order = malloc((st->n_triples ? st->n_triples : 1) * sizeof *order);
    if (!t || !order) {
        cli_table_free(t);
        free(order);
        return NULL;
    }
    size_t n = rn_stats_top_triples(st, sc->events ? RN_STATS_EVENTS : RN_STATS_REPORTS, top,
                                    order);
    char num[3][32];
    int rc = RN_OK;
    for (size_t i = 0; i < n && rc == RN_OK; i++) {
        const struct rn_stats_triple *tr = &st->triple[order[i]];
        const char *cells[] = { NUM(0, i + 1),          actor_name(sc, tr->source),
                                rel_name(sc, tr->relation), actor_name(sc, tr->target),
                                NUM(1, tr->reports),    NUM(2, tr->events) };
        rc = cli_table_add(t, csv ? cells + 1 : cells);
    }
    free(order);
    if (rc != RN_OK) {
        cli_table_free(t);
        return NULL;
    }
    return t;
}

/* Mutual pairs, the pair with most reports both ways first. */
struct mutual_rank {
    uint64_t total;
    size_t i;
    const struct stats_cmd *sc;
};

static int cmp_mutual(const void *a, const void *b)
{
    const struct mutual_rank *x = a, *y = b;
    if (x->total != y->total)
        return x->total > y->total ? -1 : 1;
    const struct rn_stats_triple *tx = &x->sc->st.triple[x->i], *ty = &y->sc->st.triple[y->i];
    int c = strcmp(actor_name(x->sc, tx->source), actor_name(y->sc, ty->source));
    if (!c)
        c = strcmp(actor_name(x->sc, tx->target), actor_name(y->sc, ty->target));
    if (!c)
        c = strcmp(rel_name(x->sc, tx->relation), rel_name(y->sc, ty->relation));
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* The mutual pairs in display order. */
static struct mutual_rank *rank_mutual(const struct stats_cmd *sc)
{
    const struct rn_stats *st = &sc->st;
    struct mutual_rank *m = malloc((st->n_mutual ? st->n_mutual : 1) * sizeof *m);
    if (!m)
        return NULL;
    for (size_t k = 0; k < st->n_mutual; k++) {
        size_t i = st->mutual[k], j = st->triple[i].reverse;
        uint64_t ri = sc->events ? st->triple[i].events : st->triple[i].reports;
        uint64_t rj = sc->events ? st->triple[j].events : st->triple[j].reports;
        /* A is the side with more; on a tie the name first in byte order,
           so the output does not depend on the order entities were met. */
        int swap = rj > ri || (rj == ri && strcmp(actor_name(sc, st->triple[j].source),
                                                  actor_name(sc, st->triple[i].source)) < 0);
        m[k].i = swap ? j : i;
        m[k].total = ri + rj;
        m[k].sc = sc;
    }
    qsort(m, st->n_mutual, sizeof *m, cmp_mutual);
    return m;
}

static struct cli_table *mutual_table(const struct stats_cmd *sc, size_t top, int csv)
{
    const struct rn_stats *st = &sc->st;
    const char *headers[] = { "a", "relation", "b", "a_to_b", "b_to_a", "a_to_b_events",
                              "b_to_a_events" };
    const char *theaders[] = { "a", "relation", "b", "a->b", "b->a", "events a->b",
                               "events b->a" };
    struct cli_table *t = cli_table_new(7, csv ? headers : theaders, "lllrrrr");
    struct mutual_rank *m = rank_mutual(sc);
    if (!t || !m) {
        cli_table_free(t);
        free(m);
        return NULL;
    }
    size_t n = top && top < st->n_mutual ? top : st->n_mutual;
    char num[4][32];
    int rc = RN_OK;
    for (size_t k = 0; k < n && rc == RN_OK; k++) {
        const struct rn_stats_triple *ab = &st->triple[m[k].i], *ba = &st->triple[ab->reverse];
        const char *cells[] = { actor_name(sc, ab->source), rel_name(sc, ab->relation),
                                actor_name(sc, ab->target), NUM(0, ab->reports),
                                NUM(1, ba->reports),        NUM(2, ab->events),
                                NUM(3, ba->events) };
        rc = cli_table_add(t, cells);
    }
    free(m);
    if (rc != RN_OK) {
        cli_table_free(t);
        return NULL;
    }
    return t;
}

static struct cli_table *totals_table(const struct stats_cmd *sc)
{
    const struct rn_stats *st = &sc->st;
    const char *headers[] = { "relation", "reports", "relations", "events", "sources", "targets" };
    struct cli_table *t = cli_table_new(6, headers, "lrrrrr");
    char num[5][32];
    for (size_t i = 0; t && i < st->n_relations; i++) {
        const struct rn_stats_relation *r = &st->relation[i];
        const char *cells[] = { rel_name(sc, r->relation), NUM(0, r->reports),
                                NUM(1, r->relations),      NUM(2, r->events),
                                NUM(3, r->sources),        NUM(4, r->targets) };
        if (cli_table_add(t, cells) != RN_OK) {
            cli_table_free(t);
            return NULL;
        }
    }
    return t;
}

/* Matrix as a table: rows and columns are the actors' numbers, the legend
   is the row label, so long names do not widen every column. As CSV: long
   rows source,target,count, every cell (zeros too). */
static struct cli_table *matrix_table(const struct stats_cmd *sc, size_t top, int csv)
{
    uint32_t *actors;
    uint64_t *cells;
    size_t n;
    if (rn_stats_matrix(&sc->st, top, sc->events, &actors, &cells, &n, NULL) != RN_OK)
        return NULL;
    struct cli_table *t = NULL;
    char num[3][32];
    int rc = RN_OK;
    if (csv) {
        const char *headers[] = { "source", "target", "count" };
        t = cli_table_new(3, headers, "llr");
        for (size_t i = 0; t && rc == RN_OK && i < n; i++)
            for (size_t j = 0; rc == RN_OK && j < n; j++) {
                const char *row[] = { actor_name(sc, actors[i]), actor_name(sc, actors[j]),
                                      NUM(0, cells[i * n + j]) };
                rc = cli_table_add(t, row);
            }
    } else {
        size_t ncols = n + 2;
        const char **row = malloc(ncols * sizeof *row);
        char (*labels)[32] = malloc((n ? n : 1) * sizeof *labels);
        char *align = malloc(ncols + 1);
        if (row && labels && align) {
            row[0] = "#";
            row[1] = "source \\ target";
            align[0] = 'r';
            align[1] = 'l';
            for (size_t j = 0; j < n; j++) {
                snprintf(labels[j], sizeof labels[j], "%zu", j + 1);
                row[j + 2] = labels[j];
                align[j + 2] = 'r';
            }
            align[ncols] = '\0';
            t = cli_table_new(ncols, row, align);
            char (*vals)[32] = malloc((n ? n : 1) * sizeof *vals);
            for (size_t i = 0; t && vals && rc == RN_OK && i < n; i++) {
                row[0] = labels[i];
                row[1] = actor_name(sc, actors[i]);
                for (size_t j = 0; j < n; j++)
                    row[j + 2] = cli_table_number((double)cells[i * n + j], 10, vals[j],
                                                  sizeof vals[j]);
                rc = cli_table_add(t, row);
            }
            if (!vals)
                rc = RN_ENOMEM;
            free(vals);
        }
        free(row);
        free(labels);
        free(align);
    }
    free(actors);
    free(cells);
    if (rc != RN_OK) {
        cli_table_free(t);
        return NULL;
    }
    return t;
}

/* --- output ------------------------------------------------------------------- */

static int print_section(const char *title, struct cli_table *t)
{
    if (!t)
        return RN_ENOMEM;
    printf("\n%s\n", title);
    int rc = cli_table_rows(t) ? cli_table_print(t, stdout, 0) : (printf("  (none)\n"), RN_OK);
    cli_table_free(t);
    return rc;
}

static int write_table(struct stats_cmd *sc)
{
    const struct rn_stats *st = &sc->st;
    size_t top = (size_t)sc->top;
    char title[256];
    printf("%s\n", sc->filter);
    printf("%u actors, %llu reports, %llu distinct relations, %llu events\n", sc->view->n_nodes,
           (unsigned long long)st->reports, (unsigned long long)st->relations,
           (unsigned long long)st->events);
    int rc = print_section("per relation", totals_table(sc));
    if (rc == RN_OK)
        rc = print_section("top sources (reports made)", actors_table(sc, RN_STATS_MADE, top, 0));
    if (rc == RN_OK)
        rc = print_section("top targets (reports received)",
                           actors_table(sc, RN_STATS_RECEIVED, top, 0));
    if (rc == RN_OK)
        rc = print_section(sc->events ? "top relations (events)" : "top relations (reports)",
                           relations_table(sc, top, 0));
    if (rc == RN_OK) {
        snprintf(title, sizeof title,
                 "mutual pairs (tit-for-tat): %zu; reciprocity %.3f", st->n_mutual,
                 st->reciprocity);
        rc = print_section(title, mutual_table(sc, top, 0));
    }
    if (rc == RN_OK && sc->matrix)
        rc = print_section(sc->events ? "matrix (events, row = source, column = target)"
                                      : "matrix (reports, row = source, column = target)",
                           matrix_table(sc, sc->top ? top : 10, 0));
    return rc;
}

static int write_csv(struct stats_cmd *sc)
{
    struct cli_table *t = NULL;
    size_t top = (size_t)sc->top;
    switch (sc->table) {
    case T_ACTORS:
        t = actors_table(sc, RN_STATS_TOTAL, top, 1);
        break;
    case T_RELATIONS:
        t = relations_table(sc, top, 1);
        break;
    case T_MUTUAL:
        t = mutual_table(sc, top, 1);
        break;
    case T_TOTALS:
        t = totals_table(sc);
        break;
    case T_MATRIX:
        t = matrix_table(sc, sc->top ? top : 10, 1);
        break;
    }
    if (!t)
        return RN_ENOMEM;
    int rc = cli_table_write_csv(t, stdout);
    cli_table_free(t);
    return rc;
}

/* --- json: the csv tables as arrays of objects ------------------------------- */

static int set_table(struct rn_json *obj, const char *key, struct cli_table *t)
{
    if (!t)
        return RN_ENOMEM;
    struct rn_json *arr = cli_table_to_json(t);
    cli_table_free(t);
    return arr ? rn_json_set(obj, key, arr) : RN_ENOMEM;
}

static int write_json(struct stats_cmd *sc)
{
    const struct rn_stats *st = &sc->st;
    size_t top = (size_t)sc->top;
    struct rn_json *root = rn_json_object();
    struct rn_json *totals = rn_json_object();
    struct rn_json *mutual = rn_json_object();
    int rc = root && totals && mutual ? RN_OK : RN_ENOMEM;
    if (rc == RN_OK)
        rc = rn_json_set(root, "selection", rn_json_string(sc->filter));
    if (rc == RN_OK)
        rc = rn_json_set(root, "count", rn_json_string(sc->events ? "events" : "relations"));
    if (rc == RN_OK)
        rc = rn_json_set(totals, "actors", rn_json_integer(sc->view->n_nodes));
    if (rc == RN_OK)
        rc = rn_json_set(totals, "reports", rn_json_integer((long long)st->reports));
    if (rc == RN_OK)
        rc = rn_json_set(totals, "relations", rn_json_integer((long long)st->relations));
    if (rc == RN_OK)
        rc = rn_json_set(totals, "events", rn_json_integer((long long)st->events));
    if (rc == RN_OK)
        rc = set_table(totals, "per_relation", totals_table(sc));
    if (rc == RN_OK) {
        rc = rn_json_set(root, "totals", totals);
        totals = NULL;
    }
    if (rc == RN_OK)
        rc = set_table(root, "actors", actors_table(sc, RN_STATS_TOTAL, top, 1));
    if (rc == RN_OK)
        rc = set_table(root, "relations", relations_table(sc, top, 1));
    if (rc == RN_OK)
        rc = rn_json_set(mutual, "reciprocity", rn_json_number(cli_clean_number(st->reciprocity)));
    if (rc == RN_OK)
        rc = rn_json_set(mutual, "count", rn_json_integer((long long)st->n_mutual));
    if (rc == RN_OK)
        rc = set_table(mutual, "pairs", mutual_table(sc, top, 1));
    if (rc == RN_OK) {
        rc = rn_json_set(root, "mutual", mutual);
        mutual = NULL;
    }
    if (rc == RN_OK && sc->matrix)
        rc = set_table(root, "matrix", matrix_table(sc, sc->top ? top : 10, 1));
    if (rc == RN_OK)
        rc = rn_json_dump(stdout, root, 1);
    rn_json_free(totals);
    rn_json_free(mutual);
    rn_json_free(root);
    return rc;
}

static const struct cli_choice count_kinds[] = { { "relations", 0 }, { "events", 1 },
                                                 { NULL, 0 } };
static const struct cli_choice tables[] = {
    { "actors", T_ACTORS }, { "relations", T_RELATIONS }, { "mutual", T_MUTUAL },
    { "totals", T_TOTALS }, { "matrix", T_MATRIX },       { NULL, 0 },
};

int cmd_stats(int argc, char **argv)
{
    struct stats_cmd sc;
    struct cli_selection sel;
    int fmt = CLI_FORMAT_TABLE, table = -1;
    memset(&sc, 0, sizeof sc);
    sc.top = -1;
    cli_selection_init(&sel, RN_REL_ACCUSES, NULL);
    const struct cli_option options[] = {
        CLI_CHOICE("count", 0, &sc.events, count_kinds, "relations", "the second kind of count"),
        CLI_FLAG("matrix", 0, &sc.matrix,
                 "the source x target matrix of the top actors (by reports made + received); "
                 "cells are reports (events with --count events)"),
        CLI_SECTION(CLI_GROUP_OUTPUT),
        CLI_COUNT("top", 0, "N", &sc.top, 0, LONG_MAX, "10 for table, all for csv and json",
                  "rows per list (0 = all); with --matrix the number of actors"),
        CLI_CHOICE("table", 0, &table, tables, "actors; matrix with --matrix",
                   "which table --format csv writes"),
        CLI_CHOICE("format", 0, &fmt, cli_formats, "table", "output format"),
        CLI_END,
    };
    int code = cli_parse_filtered(&stats_spec, options, argc, argv, &sel);
    if (code != CLI_GO_ON)
        return code;
    struct rn_err err = RN_ERR_INIT;
    sc.fmt = (enum cli_format)fmt;
    sc.table = table >= 0 ? (enum which)table : sc.matrix ? T_MATRIX : T_ACTORS;
    if (sc.top < 0)
        sc.top = sc.fmt == CLI_FORMAT_TABLE ? 10 : 0;
    rn_filter_describe(&sel.filter, sc.filter, sizeof sc.filter);
    if (sel.by_affiliation && strlen(sc.filter) + 20 < sizeof sc.filter)
        strcat(sc.filter, "; by affiliation");

    struct rn_relset *set = NULL;
    struct rn_view *view = NULL;
    int bad_rows = 0;
    code = cli_load_view("stats", argc - optind, argv + optind, &sel, CLI_COLUMNS_PROVENANCE, &set,
                         &view, &bad_rows);
    if (code != RN_EXIT_OK)
        goto out;
    if (rn_stats_compute(view, &sc.st, &err) != RN_OK) {
        code = cli_report(&err);
        goto out;
    }
    sc.view = view;
    int rc = sc.fmt == CLI_FORMAT_JSON  ? write_json(&sc)
             : sc.fmt == CLI_FORMAT_CSV ? write_csv(&sc)
                                        : write_table(&sc);
    code = cli_output_done(rc, bad_rows);
out:
    rn_stats_release(&sc.st);
    rn_view_free(view);
    cli_relations_free(set);
    cli_selection_release(&sel);
    return code;
}
