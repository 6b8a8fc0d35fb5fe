/* cmd_query.c - relnet query: one entity, its relations both ways, with evidence. */
#include "cli.h"
#include "output.h"

#include "relnet/buf.h"
#include "relnet/json.h"
#include "relnet/store.h"
#include "relnet/text.h"
#include "relnet/view.h"

#include <stdlib.h>
#include <string.h>

static const struct cli_spec query_spec = {
    .name = "query",
    .head = "usage: relnet query [options] ENTITY [FILES...]\n"
            "\n"
            "Show one entity: its canonical name, type, affiliation and aliases, then\n"
            "its relations out (what it does) and in (what is done to it), grouped by\n"
            "relation and counterpart, with the number of reports, the first and last\n"
            "date, and every piece of evidence: the sentence and the article it came\n"
            "from. ENTITY may be any alias ('Beijing', 'PRC'). An unknown name gets\n"
            "suggestions and exit code 1.\n"
            "\n"
            "The entity comes from the knowledge base (--kb) or, when FILES (CSV/TSV\n"
            "edge lists) are given, from those files (aliases then come from the actor\n"
            "lexicon only).\n"
            "Unlike the other analysis commands, query shows every polarity unless\n"
            "--polarity is given; hedged and negated reports are marked. With --by\n"
            "affiliation the entity's people and agencies count as the entity.\n",
    .tail = "examples:\n"
            "  relnet query China\n"
            "  relnet query 'Zhao Lijian' --relation accuses --format json\n",
};

/* What the entity is, from the knowledge base or the relset. */
struct who {
    const char *name;
    const char *type;
    const char *affiliation;
    char **aliases;
    size_t n_aliases;
    const char *rolled_into; /* --by affiliation: whose relations are shown */
};

struct query {
    const struct rn_relset *set;
    uint32_t entity;
    int by_affiliation;
    long evidence; /* per group; -1 = all */
    /* matching records sorted into groups */
    size_t *rec;
    size_t n;
};

/* The endpoint of record r as the query sees it (rolled up or not). */
static uint32_t endpoint(const struct query *q, uint32_t e)
{
    return q->by_affiliation ? rn_view_top_affiliation(q->set, e) : e;
}

/* Direction of record r for the entity: 0 out, 1 in (a self-relation is
   out). */
static int direction(const struct query *q, size_t r)
{
    return endpoint(q, q->set->src[r]) == q->entity ? 0 : 1;
}

static uint32_t counterpart(const struct query *q, size_t r)
{
    return direction(q, r) == 0 ? endpoint(q, q->set->dst[r]) : endpoint(q, q->set->src[r]);
}

static const struct query *sort_q; /* qsort has no context argument */

static int cmp_records(const void *a, const void *b)
{
    const struct query *q = sort_q;
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    const struct rn_relset *s = q->set;
    int c = direction(q, x) - direction(q, y);
    if (!c)
        c = strcmp(s->relation_name[s->rel[x]], s->relation_name[s->rel[y]]);
    if (!c)
        c = strcmp(s->entity_name[counterpart(q, x)], s->entity_name[counterpart(q, y)]);
    if (!c)
        c = (int)s->pol[x] - (int)s->pol[y];
    if (!c)
        c = (s->date[x] > s->date[y]) - (s->date[x] < s->date[y]);
    return c ? c : (x > y) - (x < y);
}

static int same_group(const struct query *q, size_t a, size_t b)
{
    return direction(q, a) == direction(q, b) && q->set->rel[a] == q->set->rel[b] &&
           counterpart(q, a) == counterpart(q, b) && q->set->pol[a] == q->set->pol[b];
}

static int collect(struct query *q)
{
    const struct rn_relset *s = q->set;
    q->rec = malloc((s->n_records ? s->n_records : 1) * sizeof *q->rec);
    if (!q->rec)
        return RN_ENOMEM;
    q->n = 0;
    for (size_t r = 0; r < s->n_records; r++)
        if (endpoint(q, s->src[r]) == q->entity || endpoint(q, s->dst[r]) == q->entity)
            q->rec[q->n++] = r;
    sort_q = q;
    qsort(q->rec, q->n, sizeof *q->rec, cmp_records);
    sort_q = NULL;
    return RN_OK;
}

/* --- table ---------------------------------------------------------------------- */

/* One item per line: control characters in names and sentences are shown
   as escapes, as in every table. */
static void put_line(const struct rn_buf *line)
{
    struct rn_buf shown = RN_BUF_INIT;
    puts(cli_display(rn_buf_str(line), &shown));
    rn_buf_release(&shown);
}

static void print_evidence(const struct query *q, size_t r, struct rn_buf *line)
{
    const struct rn_relset *s = q->set;
    char date[11];
    rn_relset_date_str(s->date[r], date);
    rn_buf_reset(line);
    rn_buf_addf(line, "    %s", date[0] ? date : "undated   ");
    if (s->pol[r] != RN_POL_ASSERTED)
        rn_buf_addf(line, "  [%s]", rn_polarity_name((enum rn_polarity)s->pol[r]));
    if (s->evidence[r] != RN_NONE)
        rn_buf_addf(line, "  \"%s\"", rn_relset_text(s, s->evidence[r]));
    if (s->article[r] != RN_NONE) {
        rn_buf_addf(line, "  (%s", s->article_name[s->article[r]]);
        if (s->sentence_no[r] > 0)
            rn_buf_addf(line, ", sentence %d", (int)s->sentence_no[r]);
        rn_buf_adds(line, ")");
    } else if (s->evidence[r] == RN_NONE) {
        rn_buf_adds(line, "  (no evidence kept)");
    }
    put_line(line);
}

static int write_table(const struct query *q, const struct who *w)
{
    const struct rn_relset *s = q->set;
    struct rn_buf line = RN_BUF_INIT;
    rn_buf_addf(&line, "%s  (%s", w->name, w->type);
    if (w->affiliation && w->affiliation[0])
        rn_buf_addf(&line, ", affiliation %s", w->affiliation);
    rn_buf_adds(&line, ")");
    put_line(&line);
    if (w->rolled_into) {
        rn_buf_reset(&line);
        rn_buf_addf(&line, "relations of %s (--by affiliation)", w->rolled_into);
        put_line(&line);
    }
    if (w->n_aliases) {
        rn_buf_reset(&line);
        rn_buf_adds(&line, "also known as: ");
        for (size_t i = 0; i < w->n_aliases; i++)
            rn_buf_addf(&line, "%s%s", i ? ", " : "", w->aliases[i]);
        put_line(&line);
    }
    for (int dir = 0; dir < 2; dir++) {
        size_t reports = 0;
        for (size_t i = 0; i < q->n; i++)
            reports += direction(q, q->rec[i]) == dir;
        printf("\n%s: %zu report%s\n", dir == 0 ? "out (what it does)" : "in (what is done to it)",
               reports, reports == 1 ? "" : "s");
        for (size_t i = 0; i < q->n;) {
            size_t j = i;
            while (j < q->n && same_group(q, q->rec[i], q->rec[j]))
                j++;
            size_t r = q->rec[i];
            if (direction(q, r) != dir) {
                i = j;
                continue;
            }
            char first[11] = "", last[11] = "";
            for (size_t k = i; k < j; k++) {
                if (!s->date[q->rec[k]])
                    continue;
                if (!first[0])
                    rn_relset_date_str(s->date[q->rec[k]], first);
                rn_relset_date_str(s->date[q->rec[k]], last);
            }
            const char *other = s->entity_name[counterpart(q, r)];
            rn_buf_reset(&line);
            if (dir == 0)
                rn_buf_addf(&line, "  %s %s", s->relation_name[s->rel[r]], other);
            else
                rn_buf_addf(&line, "  %s %s (by %s)", s->relation_name[s->rel[r]], w->name, other);
            /* "does not ban" must not read as a ban: the heading says so. */
            if (s->pol[r] != RN_POL_ASSERTED)
                rn_buf_addf(&line, " [%s]", rn_polarity_name((enum rn_polarity)s->pol[r]));
            rn_buf_addf(&line, ": %zu report%s", j - i, j - i == 1 ? "" : "s");
            if (first[0] && strcmp(first, last) != 0)
                rn_buf_addf(&line, ", %s to %s", first, last);
            else if (first[0])
                rn_buf_addf(&line, ", %s", first);
            put_line(&line);
            for (size_t k = i; k < j && (q->evidence < 0 || (long)(k - i) < q->evidence); k++)
                print_evidence(q, q->rec[k], &line);
            if (q->evidence >= 0 && (long)(j - i) > q->evidence && q->evidence > 0)
                printf("    ... and %zu more\n", j - i - (size_t)q->evidence);
            i = j;
        }
    }
    rn_buf_release(&line);
    return ferror(stdout) ? RN_EIO : RN_OK;
}

/* --- json ----------------------------------------------------------------------- */

static struct rn_json *json_date(uint32_t d)
{
    char s[11];
    rn_relset_date_str(d, s);
    return rn_json_string(s[0] ? s : NULL);
}

static struct rn_json *json_record(const struct query *q, size_t r)
{
    const struct rn_relset *s = q->set;
    struct rn_json *o = rn_json_object();
    int rc = o ? RN_OK : RN_ENOMEM;
    uint32_t a = s->article[r];
    if (rc == RN_OK)
        rc = rn_json_set(o, "date", json_date(s->date[r]));
    if (rc == RN_OK)
        rc = rn_json_set(o, "polarity",
                         rn_json_string(rn_polarity_name((enum rn_polarity)s->pol[r])));
    if (rc == RN_OK)
        rc = rn_json_set(o, "weight", rn_json_number(s->weight[r]));
    if (rc == RN_OK)
        rc = rn_json_set(o, "evidence", rn_json_string(s->evidence[r] == RN_NONE
                                                           ? NULL
                                                           : rn_relset_text(s, s->evidence[r])));
    if (rc == RN_OK)
        rc = rn_json_set(o, "article", rn_json_string(a == RN_NONE ? NULL : s->article_name[a]));
    if (rc == RN_OK)
        rc = rn_json_set(o, "url", rn_json_string(a == RN_NONE ? NULL : s->article_url[a]));
    if (rc == RN_OK)
        rc = rn_json_set(o, "title", rn_json_string(a == RN_NONE ? NULL : s->article_title[a]));
    if (rc == RN_OK && s->sentence_no[r] > 0)
        rc = rn_json_set(o, "sentence_no", rn_json_integer(s->sentence_no[r]));
    if (rc != RN_OK) {
        rn_json_free(o);
        return NULL;
    }
    return o;
}

static struct rn_json *json_groups(const struct query *q, int dir)
{
    const struct rn_relset *s = q->set;
    struct rn_json *arr = rn_json_array();
    int rc = arr ? RN_OK : RN_ENOMEM;
    for (size_t i = 0; rc == RN_OK && i < q->n;) {
        size_t j = i;
        while (j < q->n && same_group(q, q->rec[i], q->rec[j]))
            j++;
        size_t r = q->rec[i];
        if (direction(q, r) == dir) {
            struct rn_json *g = rn_json_object();
            struct rn_json *recs = rn_json_array();
            uint32_t first = 0, last = 0;
            rc = g && recs ? RN_OK : RN_ENOMEM;
            for (size_t k = i; rc == RN_OK && k < j; k++) {
                uint32_t d = s->date[q->rec[k]];
                if (d && !first)
                    first = d;
                if (d)
                    last = d;
                if (q->evidence < 0 || (long)(k - i) < q->evidence)
                    rc = rn_json_append(recs, json_record(q, q->rec[k]));
            }
            if (rc == RN_OK)
                rc = rn_json_set(g, "relation", rn_json_string(s->relation_name[s->rel[r]]));
            if (rc == RN_OK)
                rc = rn_json_set(g, "counterpart",
                                 rn_json_string(s->entity_name[counterpart(q, r)]));
            if (rc == RN_OK)
                rc = rn_json_set(g, "reports", rn_json_integer((long long)(j - i)));
            if (rc == RN_OK)
                rc = rn_json_set(g, "first", json_date(first));
            if (rc == RN_OK)
                rc = rn_json_set(g, "last", json_date(last));
            if (rc == RN_OK) {
                rc = rn_json_set(g, "records", recs);
                recs = NULL;
            }
            if (rc == RN_OK)
                rc = rn_json_append(arr, g);
            else
                rn_json_free(g);
            rn_json_free(recs);
        }
        i = j;
    }
    if (rc != RN_OK) {
        rn_json_free(arr);
        return NULL;
    }
    return arr;
}

static int write_json(const struct query *q, const struct who *w)
{
    struct rn_json *root = rn_json_object();
    struct rn_json *aliases = rn_json_array();
    int rc = root && aliases ? RN_OK : RN_ENOMEM;
    for (size_t i = 0; rc == RN_OK && i < w->n_aliases; i++)
        rc = rn_json_append(aliases, rn_json_string(w->aliases[i]));
    if (rc == RN_OK)
        rc = rn_json_set(root, "entity", rn_json_string(w->name));
    if (rc == RN_OK)
        rc = rn_json_set(root, "type", rn_json_string(w->type));
    if (rc == RN_OK)
        rc = rn_json_set(root, "affiliation", rn_json_string(w->affiliation && w->affiliation[0]
                                                                 ? w->affiliation
                                                                 : NULL));
    if (rc == RN_OK && w->rolled_into)
        rc = rn_json_set(root, "rolled_into", rn_json_string(w->rolled_into));
    if (rc == RN_OK) {
        rc = rn_json_set(root, "aliases", aliases);
        aliases = NULL;
    }
    if (rc == RN_OK)
        rc = rn_json_set(root, "out", json_groups(q, 0));
    if (rc == RN_OK)
        rc = rn_json_set(root, "in", json_groups(q, 1));
    if (rc == RN_OK)
        rc = rn_json_dump(stdout, root, 1);
    rn_json_free(aliases);
    rn_json_free(root);
    return rc;
}

/* --- finding the entity ----------------------------------------------------------- */

/* "no entity named X; did you mean: A, B, C?" and exit 1. */
static int unknown(const char *name, char **sugg, size_t n)
{
    struct rn_buf msg = RN_BUF_INIT;
    rn_buf_addf(&msg, "no entity named '%s'", name);
    for (size_t i = 0; i < n; i++)
        rn_buf_addf(&msg, "%s%s", i ? ", " : "; did you mean: ", sugg[i]);
    if (n)
        rn_buf_adds(&msg, "?");
    cli_errorf("%s", rn_buf_str(&msg));
    rn_buf_release(&msg);
    return RN_EXIT_INPUT;
}

int cmd_query(int argc, char **argv)
{
    struct cli_selection sel;
    struct query q;
    int fmt = CLI_FORMAT_TABLE;
    memset(&q, 0, sizeof q);
    q.evidence = -1;
    cli_selection_init(&sel, NULL, "all");
    const struct cli_option options[] = {
        CLI_SECTION(CLI_GROUP_OUTPUT),
        CLI_COUNT("evidence", 0, "N", &q.evidence, 0, LONG_MAX, "all",
                  "at most N evidence lines per group (0 = none)"),
        CLI_CHOICE("format", 0, &fmt, cli_formats_no_csv, "table", "output format"),
        CLI_END,
    };
    int code = cli_parse_filtered(&query_spec, options, argc, argv, &sel);
    if (code != CLI_GO_ON)
        return code;
    if (optind >= argc) {
        cli_selection_release(&sel);
        return cli_usage_error("query", "which entity? (relnet query ENTITY)");
    }
    const char *name = argv[optind];
    struct rn_err err = RN_ERR_INIT;
    q.by_affiliation = sel.by_affiliation;

    struct rn_relset *set = NULL;
    struct rn_store *kb = NULL;
    struct rn_store_entity ent;
    struct who w = { 0 };
    char *sugg[3];
    size_t nsugg = 0;
    int bad_rows = 0;
    memset(&ent, 0, sizeof ent);
    int nfiles = argc - optind - 1;
    if (nfiles > 0) {
        code = cli_load_relations("query", nfiles, argv + optind + 1, &sel, CLI_COLUMNS_TEXT, &set, &bad_rows);
        if (code != RN_EXIT_OK)
            goto out;
        q.entity = rn_relset_find(set, name);
        if (q.entity == RN_NONE) {
            nsugg = rn_relset_suggest(set, name, sugg, 3);
            code = unknown(name, sugg, nsugg);
            goto out;
        }
        w.name = set->entity_name[q.entity];
        w.type = rn_etype_name((enum rn_etype)set->entity_type[q.entity]);
        w.affiliation = set->entity_affiliation[q.entity] == RN_NONE
                            ? NULL
                            : set->entity_name[set->entity_affiliation[q.entity]];
    } else {
        if (rn_store_open(cli_kb_path(), RN_STORE_READONLY, &kb, &err) != RN_OK) {
            code = cli_report(&err);
            goto out;
        }
        int rc = rn_store_entity_lookup(kb, name, &ent, &err);
        if (rc == RN_ENOTFOUND) {
            nsugg = rn_store_suggest(kb, name, sugg, 3);
            code = unknown(name, sugg, nsugg);
            goto out;
        }
        if (rc != RN_OK || rn_store_load(kb, &sel.filter, 1, &set, &err) != RN_OK) {
            code = cli_report(&err);
            goto out;
        }
        w.name = ent.name;
        w.type = ent.type;
        w.affiliation = ent.affiliation;
        w.aliases = ent.aliases;
        w.n_aliases = ent.n_aliases;
        q.entity = rn_relset_find(set, ent.name);
    }
    q.set = set;
    /* Rolled up, a spokesman's relations are his state's: show those. */
    if (q.by_affiliation && q.entity != RN_NONE &&
        rn_view_top_affiliation(set, q.entity) != q.entity) {
        q.entity = rn_view_top_affiliation(set, q.entity);
        w.rolled_into = set->entity_name[q.entity];
    }
    if (q.entity != RN_NONE && collect(&q) != RN_OK) {
        cli_errorf("out of memory");
        code = RN_EXIT_FAIL;
        goto out;
    }
    code = cli_output_done(fmt == CLI_FORMAT_JSON ? write_json(&q, &w) : write_table(&q, &w),
                           bad_rows);
out:
    for (size_t i = 0; i < nsugg; i++)
        free(sugg[i]);
    free(q.rec);
    rn_store_entity_release(&ent);
    rn_store_close(kb);
    cli_relations_free(set);
    cli_selection_release(&sel);
    return code;
}
