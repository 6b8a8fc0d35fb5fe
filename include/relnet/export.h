/* export.h - write relations for other tools: CSV (re-importable), a node
 * table, JSON node-link (D3, sigma.js, NetworkX), GEXF (Gephi) and Neo4j
 * bulk-import CSV. GraphML comes from graph.h (igraph's writer) and DOT
 * from render.h (cgraph).
 *
 * Every writer escapes for its format: CSV through libcsv's quoting
 * (csvio.h), JSON through jansson (json.h), XML through rn_text_xml_escape.
 */
#ifndef RELNET_EXPORT_H
#define RELNET_EXPORT_H

#include "relnet/error.h"
#include "relnet/relset.h"
#include "relnet/view.h"

#include <stdio.h>

/* v as the shortest decimal that reads back as the same double, as every
 * export writes numbers. */
void rn_export_number(double v, char out[32]);

/* Edge CSV, one row per distinct record (identical reports collapse into
 * `count`), with the columns
 *   source,source_type,source_affiliation,target,target_type,
 *   target_affiliation,relation,weight,count,polarity,confidence,date,
 *   article,title,sentence_no,offset,evidence,origin
 * which `relnet import` maps back field by field: export -> import ->
 * export gives the same file. set should be loaded with keep_text.
 * selection (may be NULL: every record as stored) is a view of set built
 * with per_relation: only the records of its edges are written (so
 * --min-count drops the same reports as in the graph formats), each with
 * its edge's ends (so --by affiliation names the state or body, with its
 * type and affiliation). */
int rn_export_csv(const struct rn_relset *set, const struct rn_view *selection, FILE *out,
                  struct rn_err *err);

/* Node CSV: name,type,affiliation,out_reports,in_reports for every entity
 * that takes part in a record (of selection, as for rn_export_csv). */
int rn_export_nodes_csv(const struct rn_relset *set, const struct rn_view *selection, FILE *out,
                        struct rn_err *err);

/* JSON node-link graph of a view (built per_relation), streamed one node
 * or link per line:
 *   {"directed": true, "multigraph": true, "graph": {...},
 *    "nodes": [{"id", "type", "affiliation"}],
 *    "links": [{"source", "target", "relation", "polarity", "count",
 *               "weight", "first_date", "last_date", "evidence": [...]}]}
 * as networkx.node_link_graph and D3 read it; dates are YYYY-MM-DD or
 * null. */
int rn_export_json(const struct rn_view *view, FILE *out, struct rn_err *err);

/* GEXF 1.2draft of a view built per_relation (Gephi and networkx.read_gexf
 * read it): node label and attributes type and affiliation; edge label
 * (the relation), weight, start and end (first and last date, for Gephi's
 * timeline; none when undated) and attributes relation, polarity, count,
 * first_date, last_date, evidence (sentences one per line). */
int rn_export_gexf(const struct rn_view *view, FILE *out, struct rn_err *err);

/* Neo4j bulk import: creates directory dir, or uses an existing one that
 * is empty (or any, with force; otherwise RN_EINPUT), and writes nodes.csv
 * (entityId:ID,name,type,affiliation,:LABEL) and relationships.csv
 * (:START_ID,:END_ID,:TYPE,weight:float,confidence:float,polarity,
 * date:date,article,evidence), one relationship per record of set (the
 * caller filters polarity), plus import.sh with the neo4j-admin command
 * that loads them. Relation names become upper-case types (accuses ->
 * ACCUSES; other characters -> _). On failure no file is left, nor the
 * directory when it was created here. */
int rn_export_neo4j(const struct rn_relset *set, const char *dir, int force, struct rn_err *err);

#endif
