/* output.c - shared output of the analysis commands (see output.h). */
#include "output.h"

#include "relnet/buf.h"
#include "relnet/csvio.h"
#include "relnet/error.h"
#include "relnet/json.h"
#include "relnet/mem.h"
#include "relnet/text.h"

#ifdef __GLIBC__
#include <malloc.h> /* mallopt, malloc_trim */
#endif
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct cli_table {
    size_t ncols;
    char *align;
    char **cells; /* row-major, the header is row 0 */
    size_t nrows; /* header included */
    size_t cap;
};

static char *dup_or_empty(const char *s)
{
    return strdup(s ? s : "");
}

struct cli_table *cli_table_new(size_t ncols, const char *const *headers, const char *align)
{
    struct cli_table *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->ncols = ncols;
    t->align = strdup(align);
    if (!t->align || cli_table_add(t, headers) != RN_OK) {
        cli_table_free(t);
        return NULL;
    }
    return t;
}

int cli_table_add(struct cli_table *t, const char *const *cells)
{
    if (t->nrows == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        char **grown = realloc(t->cells, cap * t->ncols * sizeof *grown);
        if (!grown)
            return RN_ENOMEM;
        t->cells = grown;
        t->cap = cap;
    }
    char **row = t->cells + t->nrows * t->ncols;
    for (size_t c = 0; c < t->ncols; c++) {
        row[c] = dup_or_empty(cells[c]);
        if (!row[c]) {
            while (c > 0)
                free(row[--c]);
            return RN_ENOMEM;
        }
    }
    t->nrows++;
    return RN_OK;
}

size_t cli_table_rows(const struct cli_table *t)
{
    return t->nrows - 1;
}

void cli_table_free(struct cli_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    free(t->align);
    free(t);
}

const char *cli_display(const char *s, struct rn_buf *buf)
{
    size_t i = 0;
    while (s[i] && (unsigned char)s[i] >= 0x20 && s[i] != 0x7f)
        i++;
    if (!s[i])
        return s;
    rn_buf_reset(buf);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '\n')
            rn_buf_adds(buf, "\\n");
        else if (*p == '\t')
            rn_buf_adds(buf, "\\t");
        else if (*p == '\r')
            rn_buf_adds(buf, "\\r");
        else if (*p < 0x20 || *p == 0x7f)
            rn_buf_addf(buf, "\\x%02x", *p);
        else
            rn_buf_addc(buf, (char)*p);
    }
    return rn_buf_str(buf);
}

int cli_table_print(const struct cli_table *t, FILE *out, int indent)
{
    size_t *width = calloc(t->ncols, sizeof *width);
    struct rn_buf buf = RN_BUF_INIT;
    if (!width)
        return RN_ENOMEM;
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t c = 0; c < t->ncols; c++) {
            const char *s = cli_display(t->cells[r * t->ncols + c], &buf);
            size_t w = rn_utf8_width(s, strlen(s));
            if (w > width[c])
                width[c] = w;
        }
    }
    for (size_t r = 0; r < t->nrows; r++) {
        fprintf(out, "%*s", indent, "");
        /* The last column is not padded on the right (no trailing blanks). */
        size_t last = t->ncols;
        while (last > 0 && t->align[last - 1] != 'r' && !t->cells[r * t->ncols + last - 1][0])
            last--;
        for (size_t c = 0; c < last; c++) {
            const char *s = cli_display(t->cells[r * t->ncols + c], &buf);
            size_t pad = width[c] - rn_utf8_width(s, strlen(s));
            int right = t->align[c] == 'r';
            if (c > 0)
                fputs("  ", out);
            if (right)
                fprintf(out, "%*s", (int)pad, "");
            fputs(s, out);
            if (!right && c + 1 < last)
                fprintf(out, "%*s", (int)pad, "");
        }
        fputc('\n', out);
        if (r == 0) {
            size_t total = 0;
            for (size_t c = 0; c < t->ncols; c++)
                total += width[c] + (c ? 2 : 0);
            fprintf(out, "%*s", indent, "");
            for (size_t i = 0; i < total; i++)
                fputc('-', out);
            fputc('\n', out);
        }
    }
    free(width);
    rn_buf_release(&buf);
    return ferror(out) ? RN_EIO : RN_OK;
}

/* Would a spreadsheet take this cell for a formula? Numbers ("-0.5",
   "+3") are left alone. */
static int formula_like(const char *s)
{
    if (!s || !strchr("=+-@\t\r", s[0]) || !s[0])
        return 0;
    char *end;
    strtod(s, &end);
    return end == s || *end != '\0';
}

int cli_table_write_csv(const struct cli_table *t, FILE *out)
{
    size_t n = t->ncols ? t->ncols : 1;
    const char **row = calloc(n, sizeof *row);
    size_t *offset = calloc(n, sizeof *offset);
    struct rn_buf safe = RN_BUF_INIT;
    int rc = row && offset ? RN_OK : RN_ENOMEM;
    for (size_t r = 0; r < t->nrows && rc == RN_OK; r++) {
        /* neutralised cells go one after another into safe (which may move
           while it grows), so their offsets are kept until the row is done */
        rn_buf_reset(&safe);
        for (size_t c = 0; c < t->ncols && rc == RN_OK; c++) {
            const char *cell = t->cells[r * t->ncols + c];
            row[c] = cell;
            offset[c] = SIZE_MAX;
            if (formula_like(cell)) {
                offset[c] = safe.len;
                if (rn_buf_addc(&safe, '\'') != RN_OK ||
                    rn_buf_add(&safe, cell, strlen(cell) + 1) != RN_OK)
                    rc = RN_ENOMEM;
            }
        }
        for (size_t c = 0; c < t->ncols && rc == RN_OK; c++)
            if (offset[c] != SIZE_MAX)
                row[c] = safe.data + offset[c];
        if (rc == RN_OK && rn_csv_write_row(out, ',', row, t->ncols) != RN_OK)
            rc = RN_EIO;
    }
    free(row);
    free(offset);
    rn_buf_release(&safe);
    return rc;
}

static struct rn_json *json_cell(const char *s, int number)
{
    if (!number)
        return rn_json_string(s);
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end)
        return rn_json_string(s);
    if (v == floor(v) && fabs(v) < 9e15)
        return rn_json_integer((long long)v);
    return rn_json_number(cli_clean_number(v));
}

struct rn_json *cli_table_to_json(const struct cli_table *t)
{
    struct rn_json *arr = rn_json_array();
    for (size_t r = 1; arr && r < t->nrows; r++) {
        struct rn_json *o = rn_json_object();
        int rc = o ? RN_OK : RN_ENOMEM;
        for (size_t c = 0; rc == RN_OK && c < t->ncols; c++)
            rc = rn_json_set(o, t->cells[c], json_cell(t->cells[r * t->ncols + c],
                                                       t->align[c] == 'r'));
        if (rc == RN_OK)
            rc = rn_json_append(arr, o);
        else
            rn_json_free(o);
        if (rc != RN_OK) {
            rn_json_free(arr);
            arr = NULL;
        }
    }
    return arr;
}

/* Below this a measure's value is rounding residue of sums that should be
   0 (PageRank differences, eigenvector entries of isolated parts). */
#define NUMBER_RESIDUE 1e-12

double cli_clean_number(double v)
{
    if (!isfinite(v))
        return v;
    if (fabs(v) < NUMBER_RESIDUE)
        return 0;
    char buf[32];
    snprintf(buf, sizeof buf, "%.10g", v);
    return strtod(buf, NULL);
}

const char *cli_table_number(double v, int digits, char *buf, size_t size)
{
    if (isfinite(v) && fabs(v) < NUMBER_RESIDUE)
        v = 0;
    v += 0.0; /* no "-0" */
    if (v == floor(v) && fabs(v) < 1e15)
        snprintf(buf, size, "%.0f", v);
    else
        snprintf(buf, size, "%.*g", digits, v);
    return buf;
}

const struct cli_choice cli_formats[] = {
    { "table", CLI_FORMAT_TABLE }, { "csv", CLI_FORMAT_CSV }, { "json", CLI_FORMAT_JSON },
    { NULL, 0 },
};
const struct cli_choice cli_formats_no_csv[] = {
    { "table", CLI_FORMAT_TABLE }, { "json", CLI_FORMAT_JSON }, { NULL, 0 },
};

int cli_load_view(const char *cmd, int nfiles, char **files, const struct cli_selection *sel,
                  enum cli_columns columns, struct rn_relset **set, struct rn_view **view,
                  int *bad_rows)
{
    struct rn_err err = RN_ERR_INIT;
    *view = NULL;
    int graph = columns == CLI_COLUMNS_GRAPH;
#ifdef __GLIBC__
    /* Blocks of 256 KiB and more come from mmap and go back on free. glibc
       would otherwise raise that threshold as big blocks are freed, and
       the arrays freed after loading would stay in the heap, on top of the
       peak igraph reaches. */
    if (graph)
        mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
    int code = cli_load_relations(cmd, nfiles, files, sel, columns, set, bad_rows);
    if (code != RN_EXIT_OK)
        return code;
    struct rn_view_options vopt = { .by_affiliation = sel->by_affiliation,
                                    .min_count = sel->filter.min_count,
                                    .measures_only = graph };
    if (rn_view_build(*set, &vopt, view, &err) != RN_OK) {
        cli_relations_free(*set);
        *set = NULL;
        return cli_report(&err);
    }
    if (graph && !cli_relations_lent(*set)) {
        /* The measures read the view and show names: neither the records
           nor the name index are needed any more. */
        rn_relset_clear_records(*set);
        rn_relset_forget_keys(*set);
#ifdef __GLIBC__
        malloc_trim(0); /* hand the freed heap pages back before igraph's arrays */
        /* From here igraph allocates and frees arrays of an edge or a node
           each, again and again: from the heap, where freed pages are
           reused, rather than fresh mappings faulted in 4 KiB at a time
           (a quarter fewer page faults, a tenth less time on 1M edges,
           2 MB more at the peak). */
        mallopt(M_MMAP_THRESHOLD, 64 << 20);
        mallopt(M_TRIM_THRESHOLD, 128 << 20);
        /* The heap that igraph's graph and PageRank's arrays take next, on
           huge pages: a page fault costs some 15 us on the VM of
           bench/RESULTS.md, and this saves 11,000 of them on 1M edges and
           150,000 on 10M (a third of the run's time there). 80 bytes an
           edge and 64 a node cost 0-4 MB at the peak on 1M edges (huge
           pages written in part), none on 10M. malloc takes the region
           from the heap only below its mmap threshold, and must not give
           it back when it is freed: both thresholds make room. */
        size_t next = (*view)->n_edges * 80 + (size_t)(*view)->n_nodes * 64;
        if (next < (1u << 30)) {
            if (next >= (64u << 20)) {
                mallopt(M_MMAP_THRESHOLD, (int)(next + (64u << 20)));
                mallopt(M_TRIM_THRESHOLD, (int)(next + (128u << 20)));
            }
            rn_heap_on_huge_pages(next);
        }
#endif
    }
    return RN_EXIT_OK;
}

int cli_output_done(int rc, int bad_rows)
{
    if (rc != RN_OK) {
        cli_errorf(rc == RN_ENOMEM ? "out of memory" : "cannot write the output");
        return RN_EXIT_FAIL;
    }
    return bad_rows ? RN_EXIT_INPUT : RN_EXIT_OK;
}
