/* bench_centrality_phases.c - where the time of `relnet centrality FILE.csv
 * --measure pagerank` goes: CSV -> relset (import.c, relset.c), relset ->
 * view (view.c), view -> PageRank (graph.c, analysis.c) and the top-20
 * ranking. Prints one line per phase with wall seconds and the peak
 * resident memory so far (VmHWM).
 *
 * Build it against a Release librelnet.a (link line: see bench/run.sh's
 * phases target) or with -DRELNET_BENCH=ON.
 * usage: bench_centrality_phases FILE.csv [MEASURE]
 */
#include "relnet/analysis.h"
#include "relnet/import.h"
#include "relnet/lib.h"
#include "relnet/relset.h"
#include "relnet/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Peak resident memory so far, in MB. */
static double peak_mb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    double kb = 0;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "VmHWM: %lf", &kb) == 1)
            break;
    if (f)
        fclose(f);
    return kb / 1024;
}

int main(int argc, char **argv)
{
    struct rn_err err = RN_ERR_INIT;
    if (argc < 2 || rn_lib_init(&err) != RN_OK) {
        fprintf(stderr, "usage: bench_centrality_phases FILE.csv [MEASURE]\n");
        return 2;
    }
    enum rn_measure m = RN_M_PAGERANK;
    if (argc > 2 && rn_measure_parse(argv[2], &m) != RN_OK) {
        fprintf(stderr, "unknown measure %s\n", argv[2]);
        return 2;
    }
    double t0 = now();
    struct rn_relset_options sopt = { .graph_only = 1 };
    double m0 = peak_mb();
    struct rn_relset *set = rn_relset_new(&sopt);
    struct rn_import_options iopt = { 0 };
    struct rn_import_report rep;
    if (!set || rn_import_csv(argv[1], &iopt, rn_relset_sink(set), &rep, &err) != RN_OK) {
        fprintf(stderr, "import: %s\n", err.msg);
        return 1;
    }
    rn_import_report_release(&rep);
    double t1 = now(), m1 = peak_mb();
    struct rn_view *view;
    if (rn_view_build(set, NULL, &view, &err) != RN_OK) {
        fprintf(stderr, "view: %s\n", err.msg);
        return 1;
    }
    double t2 = now(), m2 = peak_mb();
    struct rn_centrality_options opt;
    struct rn_centrality c;
    rn_centrality_options_init(&opt);
    opt.measures = 1u << m;
    if (rn_centrality_compute(view, &opt, &c, &err) != RN_OK) {
        fprintf(stderr, "centrality: %s\n", err.msg);
        return 1;
    }
    double t3 = now(), m3 = peak_mb();
    uint32_t order[20];
    size_t n = rn_centrality_rank(&c, view, m, 20, order);
    double t4 = now();
    printf("records %zu entities %u nodes %u edges %zu\n", set->n_records, set->n_entities,
           view->n_nodes, view->n_edges);
    printf("start: peak %.0f MB\n", m0);
    printf("csv->relset %.3f s, peak %.0f MB\nrelset->view %.3f s, peak %.0f MB\n"
           "view->%s %.3f s, peak %.0f MB\ntop-20 %.3f s\n",
           t1 - t0, m1, t2 - t1, m2, rn_measure_name(m), t3 - t2, m3, t4 - t3);
    printf("top: %s %.6g\n", n ? rn_view_node_name(view, order[0]) : "-",
           n ? c.value[m][order[0]] : 0.0);
    rn_centrality_release(&c);
    rn_view_free(view);
    rn_relset_free(set);
    return 0;
}
