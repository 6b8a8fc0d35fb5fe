/* pipeline.c - articles to relation records (see relnet/pipeline.h). */
#include "relnet/pipeline.h"

#include "relnet/extract.h"
#include "relnet/lexicon.h"
#include "relnet/lib.h"
#include "relnet/sentence.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct rn_pipeline {
    struct rn_lexicon *lex;
    int lex_borrowed;               /* a clone's: owned by the pipeline it was cloned from */
    struct rn_extractor *x;
    struct rn_boiler_stats *boiler; /* NULL until rn_pipeline_learn */
    int boiler_borrowed;            /* a clone's: owned by the pipeline it was cloned from */
    struct rn_sentences sents;
    size_t *starts, *ends;
    size_t cap;
};

/* A lexicon directory the user named is an input like any file: one that
   is missing or not a directory is bad input by rn_open_status's rule,
   said here because the lexicon loader calls every file it cannot open in
   it an I/O error. */
static int lexicon_dir_readable(const char *dir, struct rn_err *err)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return rn_fail_open(err, errno, dir);
    return S_ISDIR(st.st_mode) ? RN_OK : rn_fail_open(err, ENOTDIR, dir);
}

/* A pipeline around lex (loaded, or borrowed from the pipeline a clone
   comes from): its own extractor, the only mutable part. */
static int pipeline_around(struct rn_lexicon *lex, int borrowed,
                           const struct rn_pipeline_options *opt, struct rn_pipeline **out,
                           struct rn_err *err)
{
    struct rn_pipeline *p = calloc(1, sizeof *p);
    if (!p) {
        if (!borrowed)
            rn_lexicon_free(lex);
        return rn_fail(err, RN_ENOMEM, "out of memory");
    }
    p->lex = lex;
    p->lex_borrowed = borrowed;
    int rc = rn_extractor_new(p->lex, &p->x, err);
    if (rc != RN_OK) {
        rn_pipeline_free(p);
        return rc;
    }
    if (opt)
        rn_extractor_set_explain(p->x, opt->explain);
    *out = p;
    return RN_OK;
}

int rn_pipeline_new(const struct rn_pipeline_options *opt, struct rn_pipeline **out,
                    struct rn_err *err)
{
    *out = NULL;
    char dir[4096];
    if (opt && opt->lexicon_dir)
        snprintf(dir, sizeof dir, "%s", opt->lexicon_dir);
    else
        snprintf(dir, sizeof dir, "%s/lexicon", rn_lib_data_dir());
    struct rn_lexicon *lex = NULL;
    int rc = opt && opt->lexicon_dir ? lexicon_dir_readable(dir, err) : RN_OK;
    if (rc == RN_OK)
        rc = rn_lexicon_load(dir, &lex, err);
    for (size_t i = 0; rc == RN_OK && opt && i < opt->n_extra_lexicon; i++)
        rc = rn_lexicon_add_file(lex, opt->extra_lexicon[i], err);
    if (rc != RN_OK) {
        rn_lexicon_free(lex);
        return rc;
    }
    return pipeline_around(lex, 0, opt, out, err);
}

void rn_pipeline_free(struct rn_pipeline *p)
{
    if (!p)
        return;
    rn_extractor_free(p->x);
    if (!p->lex_borrowed)
        rn_lexicon_free(p->lex);
    if (!p->boiler_borrowed)
        rn_boiler_stats_free(p->boiler);
    rn_sentences_release(&p->sents);
    free(p->starts);
    free(p->ends);
    free(p);
}

/* The lexicon is read-only once loaded (relnet/lexicon.h), so a clone
   shares it instead of loading it again: loading (WordNet above all) costs
   as much as extracting megabytes of text. */
int rn_pipeline_clone(const struct rn_pipeline *p, const struct rn_pipeline_options *opt,
                      struct rn_pipeline **out, struct rn_err *err)
{
    *out = NULL;
    int rc = pipeline_around(p->lex, 1, opt, out, err);
    if (rc == RN_OK && p->boiler) {
        (*out)->boiler = p->boiler;
        (*out)->boiler_borrowed = 1;
    }
    return rc;
}

static int add_path(struct rn_paths *out, const char *path)
{
    if (out->len == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 16;
        char **items = realloc(out->items, cap * sizeof *items);
        if (!items)
            return RN_ENOMEM;
        out->items = items;
        out->cap = cap;
    }
    out->items[out->len] = strdup(path);
    if (!out->items[out->len])
        return RN_ENOMEM;
    out->len++;
    return RN_OK;
}

int rn_pipeline_expand(char *const *paths, size_t n, struct rn_paths *out, struct rn_err *err)
{
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            struct rn_paths found = RN_PATHS_INIT;
            int rc = rn_ingest_list_dir(paths[i], &found, err);
            for (size_t k = 0; rc == RN_OK && k < found.len; k++)
                rc = add_path(out, found.items[k]) == RN_OK ? RN_OK
                                                            : rn_fail(err, RN_ENOMEM, "out of memory");
            rn_paths_release(&found);
            if (rc != RN_OK)
                return rc;
            continue;
        }
        /* Missing files stay in the list: reading them reports the error
           with the others, and the other files are still processed. */
        if (add_path(out, paths[i]) != RN_OK)
            return rn_fail(err, RN_ENOMEM, "out of memory");
    }
    return RN_OK;
}

int rn_pipeline_learn_article(struct rn_pipeline *p, const struct rn_article *a,
                              struct rn_err *err)
{
    if (!p->boiler)
        p->boiler = rn_boiler_stats_new(0);
    if (!p->boiler)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    int rc = rn_boiler_stats_add(p->boiler, a);
    return rc == RN_OK ? RN_OK : rn_fail(err, rc, "out of memory");
}

int rn_pipeline_learn(struct rn_pipeline *p, const struct rn_paths *files, struct rn_err *err)
{
    for (size_t i = 0; i < files->len; i++) {
        if (strcmp(files->items[i], "-") == 0)
            continue;
        struct rn_article a = RN_ARTICLE_INIT;
        struct rn_err ignored = RN_ERR_INIT;
        if (rn_ingest_file(files->items[i], NULL, &a, &ignored) == RN_OK) {
            int rc = rn_pipeline_learn_article(p, &a, err);
            rn_article_release(&a);
            if (rc != RN_OK)
                return rc;
        }
    }
    return RN_OK;
}

int rn_pipeline_read(struct rn_pipeline *p, const char *path, struct rn_article *out,
                     struct rn_err *err)
{
    int rc = rn_ingest_file(path, NULL, out, err);
    return rc == RN_OK ? rn_pipeline_finish(p, path, out, err) : rc;
}

int rn_pipeline_finish(struct rn_pipeline *p, const char *path, struct rn_article *out,
                       struct rn_err *err)
{
    int rc = RN_OK;
    if (out->invalid_utf8) {
        /* Offsets and evidence must quote the article exactly; a file with
           broken bytes is reported instead of half-quoted. */
        rc = rn_fail(err, RN_EINPUT, "%s: invalid UTF-8 at byte %zu (%zu bad bytes)", path,
                     out->first_invalid_offset, out->invalid_utf8);
        rn_article_release(out);
        return rc;
    }
    if (p->boiler && strcmp(path, "-") != 0) {
        rc = rn_boiler_stats_apply(p->boiler, out, err);
        if (rc != RN_OK)
            rn_article_release(out);
    }
    return rc;
}

int rn_pipeline_extract(struct rn_pipeline *p, const struct rn_article *a,
                        const struct rn_sink *sink, struct rn_err *err)
{
    if (rn_sentence_split(a->text, a->len, &p->sents) != RN_OK)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    if (p->sents.len > p->cap) {
        size_t *starts = realloc(p->starts, p->sents.len * sizeof *starts);
        if (starts)
            p->starts = starts;
        size_t *ends = realloc(p->ends, p->sents.len * sizeof *ends);
        if (ends)
            p->ends = ends;
        if (!starts || !ends)
            return rn_fail(err, RN_ENOMEM, "out of memory");
        p->cap = p->sents.len;
    }
    for (size_t i = 0; i < p->sents.len; i++) {
        p->starts[i] = p->sents.items[i].start;
        p->ends[i] = p->sents.items[i].end;
    }
    struct rn_extract_doc doc = { a->text, a->len, p->starts, p->ends, p->sents.len,
                                  a->id, a->title, a->date };
    return rn_extract_doc(p->x, &doc, sink, err);
}
