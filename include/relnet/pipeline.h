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
 *
 * Or, for many files, on every core: rn_pipeline_run reads and extracts
 * them on opt->jobs threads and hands each article's records to a callback
 * on the calling thread, in file order (src/pipeline_run.c); it does the
 * learning pass itself, keeping the articles it read so that each file is
 * read once.
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
    /* Threads of rn_pipeline_run (0: one per core; always 1 with explain,
       which the extractor writes as it goes). The results are the same for
       any number. */
    unsigned jobs;
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

/* One article of that pass (an article just ingested, rn_ingest_file with
 * no options): rn_pipeline_learn is this for every file. */
int rn_pipeline_learn_article(struct rn_pipeline *p, const struct rn_article *a,
                              struct rn_err *err);

/* Ingest one article file (the learned repeated lines removed). On failure
 * err says why ("x.txt: binary file ..."); invalid UTF-8 is RN_EINPUT too:
 * "x.txt: invalid UTF-8 at byte N (K bad bytes)". The same as
 * rn_ingest_file and then rn_pipeline_finish, which an article ingested
 * earlier (for the pass over repeated lines) goes through alone; on failure
 * it releases out. */
int rn_pipeline_read(struct rn_pipeline *p, const char *path, struct rn_article *out,
                     struct rn_err *err);
int rn_pipeline_finish(struct rn_pipeline *p, const char *path, struct rn_article *out,
                       struct rn_err *err);

/* Split and extract an ingested article into sink. */
int rn_pipeline_extract(struct rn_pipeline *p, const struct rn_article *a,
                        const struct rn_sink *sink, struct rn_err *err);

/* A pipeline like p, with its own extractor (explain from opt), that shares
 * p's lexicon and learned repeated lines (read-only; p must outlive it):
 * one per thread. */
int rn_pipeline_clone(const struct rn_pipeline *p, const struct rn_pipeline_options *opt,
                      struct rn_pipeline **out, struct rn_err *err);

/* What one file gave rn_pipeline_run. */
struct rn_extracted {
    size_t index;     /* position in files */
    const char *path;
    int status;       /* RN_OK, or why reading or extracting failed (err) */
    int read_failed;  /* the file could not be read: article is NULL */
    struct rn_err err;
    const struct rn_article *article;
    const struct rn_record *records; /* in extraction order (none when extraction failed
                                        part way: records before the failure are kept) */
    size_t n_records;
};

/* Read and extract files on opt->jobs threads (first is used by one of
 * them, the others get clones) and call each(ctx, result) on the calling
 * thread for every file, in order; results and their strings live until
 * each() returns. each() returns 0 to go on, nonzero to stop. With
 * opt->repeated_lines and several files, the pass over repeated lines comes
 * first, on the same threads, and keeps the articles it ingested (up to
 * RN_PIPELINE_KEEP_BYTES of text) for extraction, so each file is read once.
 * Returns RN_OK, or an error when threads could not be set up or the pass
 * ran out of memory. */
#define RN_PIPELINE_KEEP_BYTES ((size_t)512 << 20)
int rn_pipeline_run(struct rn_pipeline *first, const struct rn_pipeline_options *opt,
                    const struct rn_paths *files,
                    int (*each)(void *ctx, const struct rn_extracted *x), void *ctx,
                    struct rn_err *err);

/* The number of cores online (at least 1): the default of jobs. */
unsigned rn_pipeline_default_jobs(void);

#endif
