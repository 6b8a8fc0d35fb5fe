/* eval.h - score extracted relations against a gold standard.
 *
 * A faithful port of the corpus's reference scorer (score.py): the same
 * folding of names (NFKC, case fold, quotes, possessive 's, dots, symbols,
 * a leading "the"), the same alias table, content-word containment for
 * both sides, the "half the content words" rule for targets, affiliations
 * matching in lenient mode, negated rows scored apart, predictions
 * deduplicated per article. The figures are the script's to the digit.
 *
 * Gold and prediction files are TSV with a header naming the columns
 * (article, source, relation, target, and optionally source_affiliation,
 * target_affiliation, polarity, evidence); cells are never quoted.
 */
#ifndef RELNET_EVAL_H
#define RELNET_EVAL_H

#include "relnet/buf.h"
#include "relnet/error.h"

#include <stddef.h>
#include <stdio.h>

struct rn_eval;

#define RN_EVAL_NREL 4 /* ACCUSES, PROPOSES, BANS, SIGNS */

struct rn_eval_prf {
    size_t gold, pred;
    double precision, recall, f1;
};

struct rn_eval_result {
    int strict;
    struct rn_eval_prf rel[RN_EVAL_NREL]; /* asserted + hedged rows per relation */
    struct rn_eval_prf negated;           /* negated rows, all relations */
    struct rn_eval_prf micro;             /* asserted + hedged rows, all relations */
};

/* The scored relation names, in table order ("ACCUSES", ...). */
const char *rn_eval_relation(size_t i);

/* Fold a name as the scorer does ("The U.S.'s" -> "us"); for tests. */
int rn_eval_fold(const char *s, struct rn_buf *out);

/* Read the gold file, and the alias table (aliases_path, or NULL for the
 * aliases.tsv next to the gold file when it exists). A named aliases_path
 * that cannot be opened is RN_EINPUT, like a gold file that cannot. */
int rn_eval_new(const char *gold_path, const char *aliases_path, struct rn_eval **out,
                struct rn_err *err);
void rn_eval_free(struct rn_eval *ev);

/* Score only these article ids (like score.py --articles); may be called
 * more than once to add ids. */
int rn_eval_want_article(struct rn_eval *ev, const char *id);

/* Add one prediction. article may be a path (its base name without the
 * extension is the id); relation is folded to upper case; rows of other
 * relations are ignored. Strings are copied. */
int rn_eval_add(struct rn_eval *ev, const char *article, const char *source,
                const char *source_affiliation, const char *relation, const char *target,
                const char *target_affiliation, const char *polarity, const char *evidence);

/* Add every row of a prediction TSV (relnet extract --format tsv). */
int rn_eval_add_file(struct rn_eval *ev, const char *path, struct rn_err *err);

/* Score (lenient, or strict names only). Time O(gold x predictions per
 * article). */
int rn_eval_score(struct rn_eval *ev, int strict, struct rn_eval_result *out);

/* Write the result as score.py prints it (table; with show, the missed gold
 * rows and the unmatched predictions). Call after rn_eval_score. */
int rn_eval_write_table(FILE *out, const struct rn_eval *ev, const struct rn_eval_result *r,
                        int show);

/* The same as JSON (through json.h). */
int rn_eval_write_json(FILE *out, const struct rn_eval *ev, const struct rn_eval_result *r,
                       int show);

#endif
