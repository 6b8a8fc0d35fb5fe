/* cmd_report.c - relnet report: the HTML report (report.h) in one file. */
#include "cli.h"

#include "relnet/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct cli_spec report_spec = {
    .name = "report",
    .head =
    "usage: relnet report [options] [FILE...]\n"
    "\n"
    "Write one self-contained HTML page to send to a colleague: a summary; who\n"
    "accuses whom (the diagram at state level, the matrix as a heat map, the\n"
    "mutual pairs); top sources and targets per relation; the interactive graph\n"
    "(pan and zoom, search, relation / polarity / date filters, every report\n"
    "behind an actor or an arrow on click, with its sentence and article);\n"
    "reports per month; centrality with what each measure means; how things\n"
    "were counted. It opens from file:// and makes no network request: the d3\n"
    "library (Debian's libjs-d3) is copied into the page.\n"
    "\n"
    "With FILE arguments (CSV/TSV edge lists) the report is made from those\n"
    "files alone; otherwise from the knowledge base. Every polarity is\n"
    "included unless --polarity says otherwise.\n"
    "\n"
    "A page stays quick to open on a large corpus: it holds at most\n"
    "--max-reports reports with their sentences (default " RN_REPORT_MAX_REPORTS_TEXT "; the first\n"
    "ones of each arrow), says so, and counts every report in its tables,\n"
    "arrows and filters. --max-reports 0 holds every one.\n"
    "\n",
    .tail =
    "The d3 library is read from $RELNET_D3 if set, else " RELNET_D3_JS ";\n"
    "without it the page is still written, and says that its graph cannot be\n"
    "panned or filtered. Exit codes: 0 ok, 1 bad input (nothing to report, bad\n"
    "CSV rows), 2 usage, 3 I/O.\n",
};

/* The d3 library to inline, or NULL (said on stderr). */
static char *read_d3(size_t *len)
{
    const char *path = getenv("RELNET_D3");
    if (!path || !path[0])
        path = RELNET_D3_JS;
    FILE *f = fopen(path, "rb");
    char *data = NULL;
    size_t cap = 0;
    *len = 0;
    if (f) {
        char chunk[65536];
        size_t n;
        while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
            char *grown = realloc(data, cap + n + 1);
            if (!grown) {
                free(data);
                data = NULL;
                break;
            }
            data = grown;
            memcpy(data + cap, chunk, n);
            cap += n;
            data[cap] = '\0';
        }
        fclose(f);
    }
    if (!data && !cli_globals.quiet)
        cli_errorf("warning: cannot read the d3 library at %s (install libjs-d3): the report's "
                   "graph will not be interactive",
                   path);
    *len = cap;
    return data;
}

int cmd_report(int argc, char **argv)
{
    struct cli_selection sel, acc;
    cli_selection_init(&sel, NULL, "all");
    cli_selection_init(&acc, "accuses", NULL);
    const char *output = "report.html", *title = NULL;
    long max_reports = RN_REPORT_MAX_REPORTS;
    const struct cli_option options[] = {
        CLI_SECTION(CLI_GROUP_OUTPUT),
        CLI_STRING("output", 'o', "FILE", &output, "report.html",
                   "where to write; '-' writes to standard output"),
        CLI_STRING("title", 0, "TEXT", &title, "relnet report", "the page's title"),
        CLI_COUNT("max-reports", 0, "N", &max_reports, 0, LONG_MAX,
                  RN_REPORT_MAX_REPORTS_TEXT,
                  "hold at most N reports with their sentences (the first ones of each arrow); "
                  "0: every one"),
        CLI_END,
    };
    int code = cli_parse_filtered(&report_spec, options, argc, argv, &sel);
    if (code != CLI_GO_ON) {
        cli_selection_release(&acc);
        return code;
    }
    /* The who-accuses-whom part: asserted accusations in the same dates. */
    struct rn_err err = RN_ERR_INIT;
    if ((sel.filter.since[0] && rn_filter_set_since(&acc.filter, sel.filter.since, &err) != RN_OK) ||
        (sel.filter.until[0] && rn_filter_set_until(&acc.filter, sel.filter.until, &err) != RN_OK)) {
        code = cli_report(&err);
        goto out;
    }
    acc.by_affiliation = 1;
    struct rn_relset *set = NULL, *accuses = NULL;
    int bad_rows = 0, bad_again = 0;
    code = cli_load_relations("report", argc - optind, argv + optind, &sel, CLI_COLUMNS_TEXT, &set, &bad_rows);
    if (code == RN_EXIT_OK && rn_filter_has_relation(&sel.filter, "accuses"))
        code = cli_load_relations("report", argc - optind, argv + optind, &acc, CLI_COLUMNS_TEXT, &accuses,
                                  &bad_again);
    if (code == RN_EXIT_OK) {
        size_t d3_len;
        char *d3 = read_d3(&d3_len);
        struct rn_report_options ropt = { .title = title, .d3 = d3, .d3_len = d3_len,
                                          .max_reports = (size_t)max_reports };
        struct rn_buf page = RN_BUF_INIT;
        int rc = rn_report_write(set, accuses, &ropt, &page, &err);
        code = rc == RN_OK ? cli_write_file(output, page.data, page.len) : cli_report(&err);
        if (code == RN_EXIT_OK && !cli_globals.quiet)
            fprintf(stderr, "%s: report of %zu reports (%zu KB)%s%s\n",
                    strcmp(output, "-") == 0 ? "stdout" : output, set->n_records,
                    page.len / 1024, d3 ? "" : ", graph not interactive",
                    max_reports && set->n_records > (size_t)max_reports
                        ? "; the sentences of the first reports of each arrow only "
                          "(--max-reports)"
                        : "");
        if (code == RN_EXIT_OK && bad_rows)
            code = RN_EXIT_INPUT;
        rn_buf_release(&page);
        free(d3);
    }
    cli_relations_free(set);
    cli_relations_free(accuses);
out:
    cli_selection_release(&sel);
    cli_selection_release(&acc);
    return code;
}
