/* export.c - writers for other tools (see relnet/export.h). */
#include "relnet/export.h"

#include "relnet/buf.h"
#include "relnet/csvio.h"
#include "relnet/json.h"
#include "relnet/strtab.h"
#include "relnet/text.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *nz(const char *s)
{
    return s ? s : "";
}

void rn_export_number(double v, char out[32])
{
    for (int prec = 6; prec <= 17; prec++) {
        snprintf(out, 32, "%.*g", prec, v);
        if (strtod(out, NULL) == v)
            return;
    }
}

static const char *entity_type(const struct rn_relset *set, uint32_t e)
{
    return rn_etype_name((enum rn_etype)set->entity_type[e]);
}

static const char *entity_affiliation(const struct rn_relset *set, uint32_t e)
{
    uint32_t a = set->entity_affiliation[e];
    return a == RN_NONE ? "" : set->entity_name[a];
}

static int write_failed(struct rn_err *err)
{
    return rn_fail(err, RN_EIO, "cannot write the export: %s", strerror(errno));
}

#define CSV_COLUMNS 18

/* The ends each record is written with: as stored, or its edge's nodes in
   the selection; RN_NONE for a record the selection left out. NULL on out
   of memory. */
static uint32_t *record_ends(const struct rn_relset *set, const struct rn_view *selection)
{
    size_t n = set->n_records;
    uint32_t *ends = malloc((n ? n : 1) * 2 * sizeof *ends);
    if (!ends)
        return NULL;
    for (size_t r = 0; r < n; r++) {
        ends[2 * r] = selection ? RN_NONE : set->src[r];
        ends[2 * r + 1] = selection ? RN_NONE : set->dst[r];
    }
    for (size_t e = 0; selection && e < selection->n_edges; e++)
        for (size_t k = selection->record_start[e]; k < selection->record_start[e + 1]; k++) {
            size_t r = selection->record_index[k];
            ends[2 * r] = selection->node_entity[selection->from[e]];
            ends[2 * r + 1] = selection->node_entity[selection->to[e]];
        }
    return ends;
}

int rn_export_csv(const struct rn_relset *set, const struct rn_view *selection, FILE *out,
                  struct rn_err *err)
{
    static const char *const header[CSV_COLUMNS] = {
        "source", "source_type", "source_affiliation", "target", "target_type",
        "target_affiliation", "relation", "weight", "count", "polarity", "confidence", "date",
        "article", "title", "sentence_no", "offset", "evidence", "origin",
    };
    if (rn_csv_write_row(out, ',', header, CSV_COLUMNS) != RN_OK)
        return write_failed(err);

    /* Identical records collapse into one row with a count: each record's
       row is rendered once, joined by a separator that cannot occur in a
       field, and interned; group g's count sits in counts[g]. */
    struct rn_strtab *rows = rn_strtab_new();
    uint32_t *counts = calloc(set->n_records ? set->n_records : 1, sizeof *counts);
    uint32_t *ends = record_ends(set, selection);
    struct rn_buf line = RN_BUF_INIT;
    int rc = RN_OK;
    if (!rows || !counts || !ends) {
        rc = rn_fail(err, RN_ENOMEM, "out of memory");
        goto out;
    }
    for (size_t r = 0; r < set->n_records; r++) {
        uint32_t src = ends[2 * r], dst = ends[2 * r + 1];
        if (src == RN_NONE)
            continue;
        char weight[32], conf[32], date[11], sentence[24], offset[24];
        rn_export_number(set->weight[r], weight);
        rn_export_number((double)set->confidence[r], conf);
        rn_relset_date_str(set->date[r], date);
        sentence[0] = offset[0] = '\0';
        if (set->sentence_no[r] > 0)
            snprintf(sentence, sizeof sentence, "%d", (int)set->sentence_no[r]);
        if (set->offset[r] >= 0)
            snprintf(offset, sizeof offset, "%lld", (long long)set->offset[r]);
        uint32_t a = set->article[r];
        const char *fields[CSV_COLUMNS] = {
            set->entity_name[src],
            entity_type(set, src),
            entity_affiliation(set, src),
            set->entity_name[dst],
            entity_type(set, dst),
            entity_affiliation(set, dst),
            set->relation_name[set->rel[r]],
            weight,
            "", /* count, filled when writing */
            rn_polarity_name((enum rn_polarity)set->pol[r]),
            conf,
            date,
            a == RN_NONE ? "" : nz(set->article_url[a] ? set->article_url[a] : set->article_name[a]),
            a == RN_NONE ? "" : nz(set->article_title[a]),
            sentence,
            offset,
            nz(rn_relset_text(set, set->evidence[r])),
            rn_origin_name((enum rn_origin)set->origin[r]),
        };
        rn_buf_reset(&line);
        for (int i = 0; i < CSV_COLUMNS; i++) {
            if (i && rn_buf_addc(&line, '\x1f') != RN_OK)
                rc = RN_ENOMEM;
            if (rn_buf_adds(&line, fields[i]) != RN_OK)
                rc = RN_ENOMEM;
        }
        uint32_t g;
        int added;
        if (rc != RN_OK || rn_strtab_intern(rows, rn_buf_str(&line), line.len, &g, &added) != RN_OK) {
            rc = rn_fail(err, RN_ENOMEM, "out of memory");
            goto out;
        }
        counts[g]++;
    }
    /* Write groups in order of first appearance (interning order). */
    uint32_t ngroups = rn_strtab_count(rows);
    for (uint32_t g = 0; g < ngroups; g++) {
        const char *row = rn_strtab_str(rows, g);
        const char *fields[CSV_COLUMNS];
        char *copy = strdup(row);
        if (!copy) {
            rc = rn_fail(err, RN_ENOMEM, "out of memory");
            goto out;
        }
        char *p = copy;
        for (int i = 0; i < CSV_COLUMNS; i++) {
            fields[i] = p;
            char *sep = strchr(p, '\x1f');
            if (sep) {
                *sep = '\0';
                p = sep + 1;
            } else {
                p += strlen(p);
            }
        }
        char count[16];
        snprintf(count, sizeof count, "%u", counts[g]);
        fields[8] = count;
        int wrc = rn_csv_write_row(out, ',', fields, CSV_COLUMNS);
        free(copy);
        if (wrc != RN_OK) {
            rc = write_failed(err);
            goto out;
        }
    }
out:
    free(ends);
    free(counts);
    rn_strtab_free(rows);
    rn_buf_release(&line);
    return rc;
}

int rn_export_nodes_csv(const struct rn_relset *set, const struct rn_view *selection, FILE *out,
                        struct rn_err *err)
{
    static const char *const header[] = { "name", "type", "affiliation", "out_reports",
                                          "in_reports" };
    size_t n = set->n_entities ? set->n_entities : 1;
    size_t *outs = calloc(n, sizeof *outs), *ins = calloc(n, sizeof *ins);
    uint32_t *ends = record_ends(set, selection);
    if (!outs || !ins || !ends) {
        free(outs);
        free(ins);
        free(ends);
        return rn_fail(err, RN_ENOMEM, "out of memory");
    }
    for (size_t r = 0; r < set->n_records; r++) {
        if (ends[2 * r] == RN_NONE)
            continue;
        outs[ends[2 * r]]++;
        ins[ends[2 * r + 1]]++;
    }
    int rc = rn_csv_write_row(out, ',', header, 5) == RN_OK ? RN_OK : write_failed(err);
    for (uint32_t e = 0; rc == RN_OK && e < set->n_entities; e++) {
        if (!outs[e] && !ins[e])
            continue;
        char o[24], i[24];
        snprintf(o, sizeof o, "%zu", outs[e]);
        snprintf(i, sizeof i, "%zu", ins[e]);
        const char *fields[] = { set->entity_name[e], entity_type(set, e),
                                 entity_affiliation(set, e), o, i };
        if (rn_csv_write_row(out, ',', fields, 5) != RN_OK)
            rc = write_failed(err);
    }
    free(outs);
    free(ins);
    free(ends);
    return rc;
}

/* A JSON string, or null for "". */
static struct rn_json *string_or_null(const char *s)
{
    return rn_json_string(s && *s ? s : NULL);
}

static struct rn_json *json_node(const struct rn_view *v, uint32_t n)
{
    const struct rn_relset *set = v->set;
    uint32_t e = v->node_entity[n];
    struct rn_json *node = rn_json_object();
    if (!node || rn_json_set(node, "id", rn_json_string(set->entity_name[e])) != RN_OK ||
        rn_json_set(node, "type", rn_json_string(entity_type(set, e))) != RN_OK ||
        rn_json_set(node, "affiliation", string_or_null(entity_affiliation(set, e))) != RN_OK) {
        rn_json_free(node);
        return NULL;
    }
    return node;
}

/* The evidence of edge e as a JSON array of sentences. */
static struct rn_json *json_evidence(const struct rn_view *v, size_t e)
{
    const char *sentences[RN_VIEW_EVIDENCE_MAX];
    size_t n = rn_view_edge_evidence(v, e, sentences);
    struct rn_json *list = rn_json_array();
    for (size_t i = 0; list && i < n; i++)
        if (rn_json_append(list, rn_json_string(sentences[i])) != RN_OK) {
            rn_json_free(list);
            return NULL;
        }
    return list;
}

static struct rn_json *json_link(const struct rn_view *v, size_t e)
{
    const struct rn_relset *set = v->set;
    char first[11], last[11];
    rn_relset_date_str(v->first_date[e], first);
    rn_relset_date_str(v->last_date[e], last);
    struct rn_json *link = rn_json_object();
    int ok = link != NULL;
    ok = ok && rn_json_set(link, "source", rn_json_string(rn_view_node_name(v, v->from[e]))) == RN_OK;
    ok = ok && rn_json_set(link, "target", rn_json_string(rn_view_node_name(v, v->to[e]))) == RN_OK;
    ok = ok && rn_json_set(link, "relation",
                           rn_json_string(set->relation_name[v->relation[e]])) == RN_OK;
    ok = ok && rn_json_set(link, "polarity", rn_json_string(rn_view_polarity_name(v, e))) == RN_OK;
    ok = ok && rn_json_set(link, "count", rn_json_integer(v->count[e])) == RN_OK;
    ok = ok && rn_json_set(link, "weight", rn_json_number(v->weight[e])) == RN_OK;
    ok = ok && rn_json_set(link, "first_date", string_or_null(first)) == RN_OK;
    ok = ok && rn_json_set(link, "last_date", string_or_null(last)) == RN_OK;
    ok = ok && rn_json_set(link, "evidence", json_evidence(v, e)) == RN_OK;
    if (!ok) {
        rn_json_free(link);
        return NULL;
    }
    return link;
}

/* Write one compact item of a streamed array, after a separator. */
static int json_item(FILE *out, struct rn_json *item, int first)
{
    if (!item)
        return RN_ENOMEM;
    int rc = fputs(first ? "\n" : ",\n", out) >= 0 ? rn_json_write_compact(out, item) : RN_EIO;
    rn_json_free(item);
    return rc;
}

int rn_export_json(const struct rn_view *v, FILE *out, struct rn_err *err)
{
    /* Streamed item by item: a million edges need no document tree. */
    int rc = fputs("{\"directed\": true, \"multigraph\": true, \"graph\": {\"name\": \"relnet\"},\n"
                   "\"nodes\": [",
                   out) >= 0
                 ? RN_OK
                 : RN_EIO;
    for (uint32_t n = 0; rc == RN_OK && n < v->n_nodes; n++)
        rc = json_item(out, json_node(v, n), n == 0);
    if (rc == RN_OK && fputs("\n],\n\"links\": [", out) < 0)
        rc = RN_EIO;
    for (size_t e = 0; rc == RN_OK && e < v->n_edges; e++)
        rc = json_item(out, json_link(v, e), e == 0);
    if (rc == RN_OK && fputs("\n]}\n", out) < 0)
        rc = RN_EIO;
    if (rc == RN_ENOMEM)
        return rn_fail(err, rc, "out of memory");
    if (rc != RN_OK)
        return write_failed(err);
    return RN_OK;
}

/* Append an XML-escaped value. */
static int xml(struct rn_buf *b, const char *s)
{
    return rn_text_xml_escape(b, s);
}

/* Write b out when it has grown large: the document can be large. */
static int flush_large(struct rn_buf *b, FILE *out)
{
    if (b->len < (1u << 16))
        return RN_OK;
    int rc = fwrite(b->data, 1, b->len, out) == b->len ? RN_OK : RN_EIO;
    rn_buf_reset(b);
    return rc;
}

static const char gexf_head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
    "  <meta><creator>relnet</creator></meta>\n"
    "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n"
    "    <attributes class=\"node\">\n"
    "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
    "      <attribute id=\"affiliation\" title=\"affiliation\" type=\"string\"/>\n"
    "    </attributes>\n"
    "    <attributes class=\"edge\">\n"
    "      <attribute id=\"relation\" title=\"relation\" type=\"string\"/>\n"
    "      <attribute id=\"polarity\" title=\"polarity\" type=\"string\"/>\n"
    "      <attribute id=\"count\" title=\"count\" type=\"integer\"/>\n"
    "      <attribute id=\"first_date\" title=\"first_date\" type=\"string\"/>\n"
    "      <attribute id=\"last_date\" title=\"last_date\" type=\"string\"/>\n"
    "      <attribute id=\"evidence\" title=\"evidence\" type=\"string\"/>\n"
    "    </attributes>\n"
    "    <nodes>\n";

/* One <attvalue>. */
static int gexf_value(struct rn_buf *b, const char *id, const char *value)
{
    int rc = rn_buf_addf(b, "<attvalue for=\"%s\" value=\"", id);
    rc |= xml(b, value);
    rc |= rn_buf_adds(b, "\"/>");
    return rc;
}

static int gexf_node(struct rn_buf *b, const struct rn_view *v, uint32_t n)
{
    const struct rn_relset *set = v->set;
    uint32_t e = v->node_entity[n];
    int rc = rn_buf_addf(b, "      <node id=\"n%u\" label=\"", n);
    rc |= xml(b, set->entity_name[e]);
    rc |= rn_buf_adds(b, "\"><attvalues>");
    rc |= gexf_value(b, "type", entity_type(set, e));
    rc |= gexf_value(b, "affiliation", entity_affiliation(set, e));
    rc |= rn_buf_adds(b, "</attvalues></node>\n");
    return rc;
}

/* An edge spans its reports' dates (start and end, Gephi's timeline);
   undated edges have no interval and so exist at every time. */
static int gexf_edge(struct rn_buf *b, const struct rn_view *v, size_t e, struct rn_buf *scratch)
{
    const char *relation = v->set->relation_name[v->relation[e]];
    char weight[32], first[11], last[11], count[16];
    rn_export_number(v->weight[e], weight);
    rn_relset_date_str(v->first_date[e], first);
    rn_relset_date_str(v->last_date[e], last);
    snprintf(count, sizeof count, "%u", v->count[e]);
    int rc = rn_buf_addf(b, "      <edge id=\"e%zu\" source=\"n%u\" target=\"n%u\" label=\"", e,
                         v->from[e], v->to[e]);
    rc |= xml(b, relation);
    rc |= rn_buf_addf(b, "\" weight=\"%s\"", weight);
    if (first[0])
        rc |= rn_buf_addf(b, " start=\"%s\" end=\"%s\"", first, last);
    rc |= rn_buf_adds(b, "><attvalues>");
    rc |= gexf_value(b, "relation", relation);
    rc |= gexf_value(b, "polarity", rn_view_polarity_name(v, e));
    rc |= gexf_value(b, "count", count);
    rc |= gexf_value(b, "first_date", first);
    rc |= gexf_value(b, "last_date", last);
    rn_buf_reset(scratch);
    rc |= rn_view_edge_evidence_text(v, e, scratch);
    rc |= gexf_value(b, "evidence", rn_buf_str(scratch));
    rc |= rn_buf_adds(b, "</attvalues></edge>\n");
    return rc;
}

int rn_export_gexf(const struct rn_view *v, FILE *out, struct rn_err *err)
{
    struct rn_buf b = RN_BUF_INIT, scratch = RN_BUF_INIT;
    int rc = rn_buf_adds(&b, gexf_head);
    for (uint32_t n = 0; rc == RN_OK && n < v->n_nodes; n++) {
        rc = gexf_node(&b, v, n) == RN_OK ? RN_OK : RN_ENOMEM;
        if (rc == RN_OK)
            rc = flush_large(&b, out);
    }
    if (rc == RN_OK)
        rc = rn_buf_adds(&b, "    </nodes>\n    <edges>\n");
    for (size_t e = 0; rc == RN_OK && e < v->n_edges; e++) {
        rc = gexf_edge(&b, v, e, &scratch) == RN_OK ? RN_OK : RN_ENOMEM;
        if (rc == RN_OK)
            rc = flush_large(&b, out);
    }
    if (rc == RN_OK)
        rc = rn_buf_adds(&b, "    </edges>\n  </graph>\n</gexf>\n");
    if (rc == RN_OK && fwrite(b.data, 1, b.len, out) != b.len)
        rc = RN_EIO;
    rn_buf_release(&b);
    rn_buf_release(&scratch);
    if (rc == RN_EIO)
        return write_failed(err);
    if (rc != RN_OK)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    return RN_OK;
}

/* Neo4j relationship type: upper case letters, digits and underscores. */
static void neo4j_type(const char *rel, char *out, size_t size)
{
    size_t n = 0;
    for (const char *p = rel; *p && n + 1 < size; p++) {
        char c = *p;
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 32);
        else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            c = '_';
        out[n++] = c;
    }
    out[n] = '\0';
    if (n == 0)
        snprintf(out, size, "RELATED");
}

/* Open dir/name.tmp for writing; *final gets dir/name. */
static FILE *open_tmp(const char *dir, const char *name, char *tmp, char *final, size_t size)
{
    snprintf(final, size, "%s/%s", dir, name);
    snprintf(tmp, size, "%s/.%s.tmp", dir, name);
    return fopen(tmp, "wb");
}

static int finish_tmp(FILE *f, const char *tmp, const char *final, int rc, struct rn_err *err)
{
    if (fclose(f) != 0 && rc == RN_OK)
        rc = write_failed(err);
    if (rc == RN_OK && rename(tmp, final) != 0)
        rc = rn_fail(err, RN_EIO, "cannot write %s: %s", final, strerror(errno));
    if (rc != RN_OK)
        unlink(tmp);
    return rc;
}

static const char neo4j_script[] =
    "#!/bin/sh\n"
    "# Load this export into an empty Neo4j database (Neo4j 5; for 4.x use\n"
    "# 'neo4j-admin import' with the same arguments). Run from this directory.\n"
    "set -e\n"
    "neo4j-admin database import full --overwrite-destination \\\n"
    "  --multiline-fields=true \\\n"
    "  --nodes=Entity=nodes.csv \\\n"
    "  --relationships=relationships.csv \\\n"
    "  \"${1:-neo4j}\"\n";

/* Is dir empty (no entry but . and ..)? -1 when it cannot be read. */
static int dir_is_empty(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    struct dirent *ent;
    int empty = 1;
    while (empty && (ent = readdir(d)))
        empty = strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0;
    closedir(d);
    return empty;
}

/* Use dir for the export: create it (*created = 1), or take an existing
   empty one, or a non-empty one when forced. */
static int neo4j_dir(const char *dir, int force, int *created, struct rn_err *err)
{
    *created = 0;
    if (mkdir(dir, 0777) == 0) {
        *created = 1;
        return RN_OK;
    }
    if (errno != EEXIST)
        return rn_fail(err, RN_EIO, "cannot create %s: %s", dir, strerror(errno));
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return rn_fail(err, RN_EIO, "%s is not a directory", dir);
    int empty = dir_is_empty(dir);
    if (empty < 0)
        return rn_fail(err, RN_EIO, "cannot read %s: %s", dir, strerror(errno));
    if (!empty && !force)
        return rn_fail(err, RN_EINPUT,
                       "%s is not empty: the export would replace its nodes.csv, "
                       "relationships.csv and import.sh (give an empty or new directory, or "
                       "--force)",
                       dir);
    return RN_OK;
}

static int write_neo4j_files(const struct rn_relset *set, const char *dir, struct rn_err *err);

int rn_export_neo4j(const struct rn_relset *set, const char *dir, int force, struct rn_err *err)
{
    int created;
    int rc = neo4j_dir(dir, force, &created, err);
    if (rc != RN_OK)
        return rc;
    rc = write_neo4j_files(set, dir, err);
    /* A failed export leaves no directory it made (the files are gone:
       each is written to a temporary name and removed on failure). */
    if (rc != RN_OK && created)
        rmdir(dir);
    return rc;
}

static int write_neo4j_files(const struct rn_relset *set, const char *dir, struct rn_err *err)
{
    char tmp[4096], final[4096];
    size_t n = set->n_entities ? set->n_entities : 1;
    char *used = calloc(n, 1);
    if (!used)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    for (size_t r = 0; r < set->n_records; r++)
        used[set->src[r]] = used[set->dst[r]] = 1;

    FILE *f = open_tmp(dir, "nodes.csv", tmp, final, sizeof tmp);
    if (!f) {
        free(used);
        return rn_fail(err, RN_EIO, "cannot write %s: %s", tmp, strerror(errno));
    }
    static const char *const node_header[] = { "entityId:ID", "name", "type", "affiliation",
                                               ":LABEL" };
    int rc = rn_csv_write_row(f, ',', node_header, 5) == RN_OK ? RN_OK : write_failed(err);
    for (uint32_t e = 0; rc == RN_OK && e < set->n_entities; e++) {
        if (!used[e])
            continue;
        char id[24], label[64];
        snprintf(id, sizeof id, "e%u", e);
        /* Every node is an Entity; its type adds a second label
           (Entity;Country) so Cypher can match (c:Country). */
        const char *type = entity_type(set, e);
        snprintf(label, sizeof label, "Entity;%c%s", type[0] - 32, type + 1);
        const char *fields[] = { id, set->entity_name[e], type, entity_affiliation(set, e),
                                 label };
        if (rn_csv_write_row(f, ',', fields, 5) != RN_OK)
            rc = write_failed(err);
    }
    free(used);
    rc = finish_tmp(f, tmp, final, rc, err);
    if (rc != RN_OK)
        return rc;

    f = open_tmp(dir, "relationships.csv", tmp, final, sizeof tmp);
    if (!f)
        return rn_fail(err, RN_EIO, "cannot write %s: %s", tmp, strerror(errno));
    static const char *const rel_header[] = { ":START_ID", ":END_ID", ":TYPE", "weight:float",
                                              "confidence:float", "polarity", "date:date",
                                              "article", "evidence" };
    rc = rn_csv_write_row(f, ',', rel_header, 9) == RN_OK ? RN_OK : write_failed(err);
    for (size_t r = 0; rc == RN_OK && r < set->n_records; r++) {
        char s[24], t[24], type[128], weight[32], conf[32], date[11];
        snprintf(s, sizeof s, "e%u", set->src[r]);
        snprintf(t, sizeof t, "e%u", set->dst[r]);
        neo4j_type(set->relation_name[set->rel[r]], type, sizeof type);
        rn_export_number(set->weight[r], weight);
        rn_export_number((double)set->confidence[r], conf);
        rn_relset_date_str(set->date[r], date);
        uint32_t a = set->article[r];
        const char *fields[] = {
            s, t, type, weight, conf, rn_polarity_name((enum rn_polarity)set->pol[r]), date,
            a == RN_NONE ? "" : nz(set->article_url[a] ? set->article_url[a] : set->article_name[a]),
            nz(rn_relset_text(set, set->evidence[r])),
        };
        if (rn_csv_write_row(f, ',', fields, 9) != RN_OK)
            rc = write_failed(err);
    }
    rc = finish_tmp(f, tmp, final, rc, err);
    if (rc != RN_OK)
        return rc;

    f = open_tmp(dir, "import.sh", tmp, final, sizeof tmp);
    if (!f)
        return rn_fail(err, RN_EIO, "cannot write %s: %s", tmp, strerror(errno));
    rc = fputs(neo4j_script, f) >= 0 ? RN_OK : write_failed(err);
    rc = finish_tmp(f, tmp, final, rc, err);
    if (rc == RN_OK)
        chmod(final, 0755);
    return rc;
}
