/* pipeline_run.c - articles on several threads, results in order (see
 * relnet/pipeline.h, rn_pipeline_run).
 *
 * Workers take the next file index, read and extract it with their own
 * pipeline (lexicon and extractor: nothing mutable is shared), and keep the
 * records, strings copied, in a result slot. The calling thread hands the
 * slots to each() strictly in file order, so whatever each() writes (TSV,
 * the knowledge base) is the same for any number of threads. A worker waits
 * when it runs more than WINDOW files ahead of the consumer, which bounds
 * memory to a few articles per thread.
 *
 * POSIX threads rather than C11's <threads.h>: glibc's thrd_create starts
 * threads behind ThreadSanitizer's back, and the RELNET_TSAN build must
 * see them.
 */
#include "relnet/pipeline.h"

#include "relnet/buf.h"
#include "relnet/html.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <unistd.h>

#define WINDOW_PER_JOB 4
#define MAX_JOBS 256

/* One article's result. The records' strings point into text once the
   slot is complete; while collecting they hold offsets + 1 (0: NULL). */
struct slot {
    int ready;
    struct rn_extracted x;
    struct rn_article article;
    struct rn_buf records; /* struct rn_record, one after another */
    size_t n_records;
    struct rn_buf text;
};

struct run {
    const struct rn_paths *files;
    struct slot *slots; /* window entries, indexed by file index % window */
    size_t window;
    size_t next;     /* next file index to take */
    size_t consumed; /* files handed to each() so far */
    int stop;        /* each() asked to stop, or setup failed */
    pthread_mutex_t lock;
    pthread_cond_t changed;
};

/* The string fields of a record, for copying and fixing up. */
#define RECORD_STRINGS(r)                                                                     \
    { &(r)->source, &(r)->source_type, &(r)->source_affiliation, &(r)->relation, &(r)->target, \
      &(r)->target_type, &(r)->target_affiliation, &(r)->article, &(r)->title, &(r)->url,     \
      &(r)->evidence, &(r)->date }
#define N_RECORD_STRINGS 12

static int collect_record(void *ctx, const struct rn_record *rec, struct rn_err *err)
{
    struct slot *s = ctx;
    struct rn_record copy = *rec, *r = &copy;
    const char **fields[N_RECORD_STRINGS] = RECORD_STRINGS(r);
    for (int i = 0; i < N_RECORD_STRINGS; i++) {
        const char *str = *fields[i];
        if (!str)
            continue;
        uintptr_t at = s->text.len + 1;
        if (rn_buf_add(&s->text, str, strlen(str) + 1) != RN_OK)
            return rn_fail(err, RN_ENOMEM, "out of memory");
        *fields[i] = (const char *)at;
    }
    if (rn_buf_add(&s->records, r, sizeof *r) != RN_OK)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    s->n_records++;
    return RN_OK;
}

/* Offsets into text become pointers, now that text no longer moves. */
static void fix_strings(struct slot *s)
{
    struct rn_record *records = (struct rn_record *)(void *)s->records.data;
    for (size_t k = 0; k < s->n_records; k++) {
        const char **fields[N_RECORD_STRINGS] = RECORD_STRINGS(&records[k]);
        for (int i = 0; i < N_RECORD_STRINGS; i++)
            if (*fields[i])
                *fields[i] = s->text.data + ((uintptr_t)*fields[i] - 1);
    }
}

static void slot_release(struct slot *s)
{
    rn_article_release(&s->article);
    rn_buf_release(&s->records);
    rn_buf_release(&s->text);
    memset(s, 0, sizeof *s);
}

/* Read and extract file i into s (on a worker, or inline with one job). */
static void process(struct rn_pipeline *p, const char *path, size_t i, struct slot *s)
{
    s->x.index = i;
    s->x.path = path;
    rn_err_clear(&s->x.err);
    s->x.status = rn_pipeline_read(p, path, &s->article, &s->x.err);
    if (s->x.status != RN_OK) {
        s->x.read_failed = 1;
        return;
    }
    struct rn_sink sink = { collect_record, s };
    s->x.status = rn_pipeline_extract(p, &s->article, &sink, &s->x.err);
    fix_strings(s);
    s->x.article = &s->article;
    s->x.records = (const struct rn_record *)(const void *)s->records.data;
    s->x.n_records = s->n_records;
}

struct worker {
    struct run *run;
    struct rn_pipeline *p;
};

static void *work(void *arg)
{
    struct worker *w = arg;
    struct run *run = w->run;
    for (;;) {
        pthread_mutex_lock(&run->lock);
        while (!run->stop && run->next < run->files->len &&
               run->next >= run->consumed + run->window)
            pthread_cond_wait(&run->changed, &run->lock);
        if (run->stop || run->next >= run->files->len) {
            pthread_mutex_unlock(&run->lock);
            return NULL;
        }
        size_t i = run->next++;
        struct slot *s = &run->slots[i % run->window];
        pthread_mutex_unlock(&run->lock);

        struct slot done = { 0 };
        process(w->p, run->files->items[i], i, &done);

        pthread_mutex_lock(&run->lock);
        *s = done;
        s->ready = 1;
        pthread_cond_broadcast(&run->changed);
        pthread_mutex_unlock(&run->lock);
    }
}

/* Hand the slots to each() in order; returns when all are consumed or
   each() says stop. */
static void consume(struct run *run, int (*each)(void *ctx, const struct rn_extracted *x),
                    void *ctx)
{
    for (size_t i = 0; i < run->files->len; i++) {
        struct slot *s = &run->slots[i % run->window];
        pthread_mutex_lock(&run->lock);
        while (!s->ready)
            pthread_cond_wait(&run->changed, &run->lock);
        pthread_mutex_unlock(&run->lock);
        if (!s->x.read_failed)
            s->x.article = &s->article; /* the slot was filled by copy */
        int stop = each(ctx, &s->x);
        pthread_mutex_lock(&run->lock);
        slot_release(s);
        run->consumed = i + 1;
        if (stop)
            run->stop = 1;
        pthread_cond_broadcast(&run->changed);
        pthread_mutex_unlock(&run->lock);
        if (stop)
            return;
    }
}

unsigned rn_pipeline_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (unsigned)n;
}

/* One job: the same slots, filled and consumed in turn on this thread. */
static int run_inline(struct rn_pipeline *p, const struct rn_paths *files,
                      int (*each)(void *ctx, const struct rn_extracted *x), void *ctx)
{
    for (size_t i = 0; i < files->len; i++) {
        struct slot s = { 0 };
        process(p, files->items[i], i, &s);
        int stop = each(ctx, &s.x);
        slot_release(&s);
        if (stop)
            break;
    }
    return RN_OK;
}

int rn_pipeline_run(struct rn_pipeline *first, const struct rn_pipeline_options *opt,
                    const struct rn_paths *files,
                    int (*each)(void *ctx, const struct rn_extracted *x), void *ctx,
                    struct rn_err *err)
{
    unsigned jobs = opt && opt->jobs ? opt->jobs : rn_pipeline_default_jobs();
    if (jobs > MAX_JOBS)
        jobs = MAX_JOBS;
    if (jobs > files->len)
        jobs = files->len ? (unsigned)files->len : 1;
    if (jobs == 1)
        return run_inline(first, files, each, ctx);

    rn_html_setup(); /* libxml2's globals, before any thread parses a page */
    struct run run = { .files = files, .window = (size_t)jobs * WINDOW_PER_JOB };
    struct worker w[MAX_JOBS];
    pthread_t threads[MAX_JOBS];
    unsigned started = 0;
    int rc = RN_OK;
    run.slots = calloc(run.window, sizeof *run.slots);
    if (!run.slots)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    if (pthread_mutex_init(&run.lock, NULL) != 0) {
        free(run.slots);
        return rn_fail(err, RN_ENOMEM, "cannot create a lock");
    }
    if (pthread_cond_init(&run.changed, NULL) != 0) {
        pthread_mutex_destroy(&run.lock);
        free(run.slots);
        return rn_fail(err, RN_ENOMEM, "cannot create a condition variable");
    }
    /* Worker 0 uses the caller's pipeline (its learned repeated lines are
       read-only from now on and shared); the others load their own. */
    for (unsigned j = 0; j < jobs && rc == RN_OK; j++) {
        w[j].run = &run;
        w[j].p = first;
        if (j > 0)
            rc = rn_pipeline_clone(first, opt, &w[j].p, err);
        if (rc == RN_OK && pthread_create(&threads[j], NULL, work, &w[j]) != 0) {
            if (j > 0)
                rn_pipeline_free(w[j].p);
            rc = rn_fail(err, RN_ENOMEM, "cannot start a thread");
        }
        if (rc == RN_OK)
            started++;
    }
    if (rc == RN_OK) {
        consume(&run, each, ctx);
    } else {
        pthread_mutex_lock(&run.lock);
        run.stop = 1;
        pthread_cond_broadcast(&run.changed);
        pthread_mutex_unlock(&run.lock);
    }
    for (unsigned j = 0; j < started; j++) {
        pthread_join(threads[j], NULL);
        if (j > 0)
            rn_pipeline_free(w[j].p);
    }
    for (size_t k = 0; k < run.window; k++)
        slot_release(&run.slots[k]);
    free(run.slots);
    pthread_cond_destroy(&run.changed);
    pthread_mutex_destroy(&run.lock);
    return rc;
}
