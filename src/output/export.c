/* export.c - writers for other tools (see relnet/export.h). */
#include "relnet/export.h"

#include "relnet/buf.h"
#include "relnet/csvio.h"
#include "relnet/json.h"
#include "relnet/strtab.h"
#include "relnet/text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *nz(const char *s)
{
    return s ? s : "";
}

/* Shortest decimal that reads back as the same double. */
static void format_double(double v, char out[32])
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

int rn_export_csv(const struct rn_relset *set, FILE *out, struct rn_err *err)
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
    struct rn_buf line = RN_BUF_INIT;
    int rc = RN_OK;
    if (!rows || !counts) {
        rc = rn_fail(err, RN_ENOMEM, "out of memory");
        goto out;
    }
    for (size_t r = 0; r < set->n_records; r++) {
        char weight[32], conf[32], date[11], sentence[24], offset[24];
        format_double(set->weight[r], weight);
        format_double((double)set->confidence[r], conf);
        rn_relset_date_str(set->date[r], date);
        sentence[0] = offset[0] = '\0';
        if (set->sentence_no[r] > 0)
            snprintf(sentence, sizeof sentence, "%d", (int)set->sentence_no[r]);
        if (set->offset[r] >= 0)
            snprintf(offset, sizeof offset, "%lld", (long long)set->offset[r]);
        uint32_t a = set->article[r];
        const char *fields[CSV_COLUMNS] = {
            set->entity_name[set->src[r]],
            entity_type(set, set->src[r]),
            entity_affiliation(set, set->src[r]),
            set->entity_name[set->dst[r]],
            entity_type(set, set->dst[r]),
            entity_affiliation(set, set->dst[r]),
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
    free(counts);
    rn_strtab_free(rows);
    rn_buf_release(&line);
    return rc;
}

int rn_export_nodes_csv(const struct rn_relset *set, FILE *out, struct rn_err *err)
{
    static const char *const header[] = { "name", "type", "affiliation", "out_reports",
                                          "in_reports" };
    size_t n = set->n_entities ? set->n_entities : 1;
    size_t *outs = calloc(n, sizeof *outs), *ins = calloc(n, sizeof *ins);
    if (!outs || !ins) {
        free(outs);
        free(ins);
        return rn_fail(err, RN_ENOMEM, "out of memory");
    }
    for (size_t r = 0; r < set->n_records; r++) {
        outs[set->src[r]]++;
        ins[set->dst[r]]++;
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
    return rc;
}

/* Count the reports of edge e per relation into tally (indexed by relation). */
static void edge_relations(const struct rn_view *v, size_t e, uint32_t *tally)
{
    const struct rn_relset *set = v->set;
    for (size_t k = v->record_start[e]; k < v->record_start[e + 1]; k++)
        tally[set->rel[v->record_index[k]]]++;
}

int rn_export_json(const struct rn_view *v, FILE *out, struct rn_err *err)
{
    const struct rn_relset *set = v->set;
    struct rn_json *root = rn_json_object(), *nodes = rn_json_array(), *links = rn_json_array();
    struct rn_json *graph = rn_json_object();
    uint32_t *tally = calloc(set->n_relations ? set->n_relations : 1, sizeof *tally);
    int rc = RN_ENOMEM;
    if (!root || !nodes || !links || !graph || !tally) {
        rn_json_free(nodes);
        rn_json_free(links);
        rn_json_free(graph);
        goto out;
    }
    if (rn_json_set(root, "directed", rn_json_bool(1)) != RN_OK ||
        rn_json_set(root, "multigraph", rn_json_bool(0)) != RN_OK ||
        rn_json_set(graph, "name", rn_json_string("relnet")) != RN_OK ||
        rn_json_set(root, "graph", graph) != RN_OK) {
        rn_json_free(nodes);
        rn_json_free(links);
        goto out;
    }
    for (uint32_t n = 0; n < v->n_nodes; n++) {
        uint32_t e = v->node_entity[n];
        struct rn_json *node = rn_json_object();
        if (!node || rn_json_set(node, "id", rn_json_string(set->entity_name[e])) != RN_OK ||
            rn_json_set(node, "type", rn_json_string(entity_type(set, e))) != RN_OK ||
            rn_json_set(node, "affiliation",
                        set->entity_affiliation[e] == RN_NONE
                            ? rn_json_string(NULL)
                            : rn_json_string(entity_affiliation(set, e))) != RN_OK ||
            rn_json_append(nodes, node) != RN_OK) {
            rn_json_free(links);
            rn_json_free(nodes);
            goto out;
        }
    }
    if (rn_json_set(root, "nodes", nodes) != RN_OK) {
        rn_json_free(links);
        goto out;
    }
    for (size_t e = 0; e < v->n_edges; e++) {
        struct rn_json *link = rn_json_object(), *rels = rn_json_object();
        int ok = link && rels;
        ok = ok && rn_json_set(link, "source", rn_json_string(rn_view_node_name(v, v->from[e]))) == RN_OK;
        ok = ok && rn_json_set(link, "target", rn_json_string(rn_view_node_name(v, v->to[e]))) == RN_OK;
        ok = ok && rn_json_set(link, "relation",
                               rn_json_string(set->relation_name[v->relation[e]])) == RN_OK;
        edge_relations(v, e, tally);
        for (uint32_t r = 0; ok && r < set->n_relations; r++) {
            if (tally[r])
                ok = rn_json_set(rels, set->relation_name[r], rn_json_integer(tally[r])) == RN_OK;
            tally[r] = 0;
        }
        ok = ok && rn_json_set(link, "relations", rels) == RN_OK;
        rels = NULL;
        ok = ok && rn_json_set(link, "count", rn_json_integer(v->count[e])) == RN_OK;
        ok = ok && rn_json_set(link, "weight", rn_json_number(v->weight[e])) == RN_OK;
        if (!ok) {
            rn_json_free(rels);
            rn_json_free(link);
            rn_json_free(links);
            goto out;
        }
        if (rn_json_append(links, link) != RN_OK) {
            rn_json_free(links);
            goto out;
        }
    }
    if (rn_json_set(root, "links", links) != RN_OK)
        goto out;
    rc = rn_json_dump(out, root, 1) == RN_OK ? RN_OK : RN_EIO;
out:
    rn_json_free(root);
    free(tally);
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

int rn_export_gexf(const struct rn_view *v, FILE *out, struct rn_err *err)
{
    const struct rn_relset *set = v->set;
    struct rn_buf b = RN_BUF_INIT;
    int rc = RN_OK;
    rc |= rn_buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
                          "  <meta><creator>relnet</creator></meta>\n"
                          "  <graph defaultedgetype=\"directed\" mode=\"static\">\n"
                          "    <attributes class=\"node\">\n"
                          "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
                          "      <attribute id=\"affiliation\" title=\"affiliation\" "
                          "type=\"string\"/>\n"
                          "    </attributes>\n"
                          "    <attributes class=\"edge\">\n"
                          "      <attribute id=\"relation\" title=\"relation\" type=\"string\"/>\n"
                          "      <attribute id=\"count\" title=\"count\" type=\"integer\"/>\n"
                          "    </attributes>\n"
                          "    <nodes>\n");
    for (uint32_t n = 0; rc == RN_OK && n < v->n_nodes; n++) {
        uint32_t e = v->node_entity[n];
        rc |= rn_buf_addf(&b, "      <node id=\"n%u\" label=\"", n);
        rc |= xml(&b, set->entity_name[e]);
        rc |= rn_buf_adds(&b, "\"><attvalues><attvalue for=\"type\" value=\"");
        rc |= xml(&b, entity_type(set, e));
        rc |= rn_buf_adds(&b, "\"/><attvalue for=\"affiliation\" value=\"");
        rc |= xml(&b, entity_affiliation(set, e));
        rc |= rn_buf_adds(&b, "\"/></attvalues></node>\n");
        /* Flush as we go: the document can be large. */
        if (b.len > (1u << 16)) {
            if (fwrite(b.data, 1, b.len, out) != b.len)
                rc = RN_EIO;
            rn_buf_reset(&b);
        }
    }
    rc |= rn_buf_adds(&b, "    </nodes>\n    <edges>\n");
    for (size_t e = 0; rc == RN_OK && e < v->n_edges; e++) {
        char weight[32];
        format_double(v->weight[e], weight);
        rc |= rn_buf_addf(&b, "      <edge id=\"e%zu\" source=\"n%u\" target=\"n%u\" weight=\"%s\">", e,
                          v->from[e], v->to[e], weight);
        rc |= rn_buf_adds(&b, "<attvalues><attvalue for=\"relation\" value=\"");
        rc |= xml(&b, set->relation_name[v->relation[e]]);
        rc |= rn_buf_addf(&b, "\"/><attvalue for=\"count\" value=\"%u\"/></attvalues></edge>\n",
                          v->count[e]);
        if (b.len > (1u << 16)) {
            if (fwrite(b.data, 1, b.len, out) != b.len)
                rc = RN_EIO;
            rn_buf_reset(&b);
        }
    }
    rc |= rn_buf_adds(&b, "    </edges>\n  </graph>\n</gexf>\n");
    if (rc == RN_OK && fwrite(b.data, 1, b.len, out) != b.len)
        rc = RN_EIO;
    rn_buf_release(&b);
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

int rn_export_neo4j(const struct rn_relset *set, const char *dir, struct rn_err *err)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return rn_fail(err, RN_EIO, "cannot create %s: %s", dir, strerror(errno));
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return rn_fail(err, RN_EIO, "%s is not a directory", dir);
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
                                              "confidence:float", "polarity", "date", "article",
                                              "evidence" };
    rc = rn_csv_write_row(f, ',', rel_header, 9) == RN_OK ? RN_OK : write_failed(err);
    for (size_t r = 0; rc == RN_OK && r < set->n_records; r++) {
        char s[24], t[24], type[128], weight[32], conf[32], date[11];
        snprintf(s, sizeof s, "e%u", set->src[r]);
        snprintf(t, sizeof t, "e%u", set->dst[r]);
        neo4j_type(set->relation_name[set->rel[r]], type, sizeof type);
        format_double(set->weight[r], weight);
        format_double((double)set->confidence[r], conf);
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
