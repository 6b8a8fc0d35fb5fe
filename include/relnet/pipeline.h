/* pipeline.h - articles to relation records: ingest, sentences, extraction.
 *
 * The one place that chains the article stages, so `relnet extract`,
 * `add`, `build` and `eval` read articles the same way:
 *
 *     rn_pipeline_new(&opt, &p, &err);
 *     rn_pipeline_expand(paths, n, &files, &err);    // directories -> files
 *     rn_pipeline_learn(p, &files);                  // optional: lines repeated across files
 *     for each file: rn_pipeline_read(p, path, &article, &err);
 *                    rn_pipeline_extract(p, &article, &sink, &err);
 *     rn_pipeline_free(p);
 *
 * rn_pipeline_learn reads every file once to find page furniture repeated
 * across 3 or more of them (menus, footers); rn_pipeline_read then drops
 * those lines too.
 */
#ifndef RELNET_PIPELINE_H
#define RELNET_PIPELINE_H

#include "relnet/error.h"
#include "relnet/ingest.h"
#include "relnet/record.h"

#include <stddef.h>
#include <stdio.h>

struct rn_pipeline;

struct rn_pipeline_options {
    const char *lexicon_dir;         /* NULL: rn_lib_data_dir()/lexicon */
    const char *const *extra_lexicon; /* extra lexicon files (--lexicon), may be NULL */
    size_t n_extra_lexicon;
    /* Callers that read several files: also drop lines repeated across 3 or
       more of them (rn_pipeline_learn). Off for pure filters, whose output
       for a file must not depend on the other files of the run. */
    int repeated_lines;
    FILE *explain; /* not NULL: the extractor tells what it saw (rn_extractor_set_explain) */
};

int rn_pipeline_new(const struct rn_pipeline_options *opt, struct rn_pipeline **out,
                    struct rn_err *err);
void rn_pipeline_free(struct rn_pipeline *p);

/* Replace directories among paths by the article files below them (sorted,
 * recursive; rn_ingest_is_article_path decides); files and "-" are kept as
 * given, in order. out must be RN_PATHS_INIT or released. */
int rn_pipeline_expand(char *const *paths, size_t n, struct rn_paths *out, struct rn_err *err);

/* First pass over files for lines repeated across articles. Files that
 * cannot be read are skipped here (rn_pipeline_read reports them). stdin
 * ("-") is never read twice. */
int rn_pipeline_learn(struct rn_pipeline *p, const struct rn_paths *files, struct rn_err *err);

/* Ingest one article file (the learned repeated lines removed). On failure
 * err says why ("x.txt: binary file ..."); invalid UTF-8 is RN_EINPUT too:
 * "x.txt: invalid UTF-8 at byte N (K bad bytes)". */
int rn_pipeline_read(struct rn_pipeline *p, const char *path, struct rn_article *out,
                     struct rn_err *err);

/* Split and extract an ingested article into sink. */
int rn_pipeline_extract(struct rn_pipeline *p, const struct rn_article *a,
                        const struct rn_sink *sink, struct rn_err *err);

#endif
