/* pipeline_run.c - articles on several threads, results in order (see
 * relnet/pipeline.h, rn_pipeline_run).
 *
 * Workers take the next file index, read and extract it with their own
 * pipeline (their own extractor; the lexicon is read-only and shared), and keep the
 * records, strings copied, in a result slot. The calling thread hands the
 * slots to each() strictly in file order, so whatever each() writes (TSV,
 * the knowledge base) is the same for any number of threads. A worker waits
 * when it runs more than a window of files ahead of the consumer, which
 * bounds memory to a few articles per thread.
 *
 * Files go to workers in batches of consecutive files, handed over whole:
 * one lock and at most one wake-up per batch instead of per file (a
 * wake-up is a futex call on each side; per article they cost a sixth of
 * the CPU time of two threads). Nobody is woken who does not wait.
 *
 * With the pass over lines repeated across files, the same machinery runs
 * twice: first the workers only ingest, and the calling thread learns each
 * article in order and keeps it (up to RN_PIPELINE_KEEP_BYTES of text);
 * then extraction takes the kept articles instead of reading the files
 * again.
 *
 * POSIX threads rather than C11's <threads.h>: glibc's thrd_create starts
 * threads behind ThreadSanitizer's back, and the RELNET_TSAN build must
 * see them.
 */
#include "relnet/pipeline.h"

#include "relnet/boilerplate.h"
#include "relnet/buf.h"
#include "relnet/html.h"
#include "relnet/sentence.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <unistd.h>

#define WINDOW_PER_JOB 4 /* batches in flight per worker */
#define MAX_BATCH 16     /* files per batch, at most */
#define MAX_JOBS 256
#define NOBODY ((size_t)-1)

/* One file's result. The records' strings point into text once the slot
   is complete; while collecting they hold offsets + 1 (0: NULL). */
struct slot {
    int ready;
    struct rn_extracted x;
    struct rn_article article;
    struct rn_buf records; /* struct rn_record, one after another */
    size_t n_records;
    struct rn_buf text;
};

struct worker;

/* One pass over the files: produce(w, i, slot) on a worker, then
   consume(run, slot) on the calling thread in file order (nonzero: stop). */
struct run {
    const struct rn_paths *files;
    void (*produce)(struct worker *w, size_t i, struct slot *s);
    int (*consume)(struct run *run, struct slot *s);
    struct slot *slots; /* window entries, indexed by file index % window */
    size_t window;      /* a multiple of batch */
    size_t batch;       /* files a worker takes at once */
    size_t next;        /* next file index to take */
    size_t consumed;    /* files consumed so far */
    int stop;           /* consume() asked to stop, or setup failed */
    size_t awaited;     /* the file the consumer waits for, or NOBODY */
    unsigned blocked;   /* workers waiting for room in the window */
    pthread_mutex_t lock;
    pthread_cond_t filled; /* a batch is ready (the consumer waits) */
    pthread_cond_t room;   /* the window moved, or stop (workers wait) */

    struct rn_pipeline *first; /* learns the repeated lines */
    struct rn_article *kept;   /* per file: its article from the first pass, or empty */
    size_t kept_bytes;
    int rc;                    /* an error of the first pass */
    struct rn_err *err;
    int (*each)(void *ctx, const struct rn_extracted *x);
    void *ctx;
};

struct worker {
    struct run *run;
    struct rn_pipeline *p; /* NULL in the first pass, which needs none */
};

/* The string fields of a record, for copying and fixing up. */
#define RECORD_STRINGS(r)                                                                     \
    { &(r)->source, &(r)->source_type, &(r)->source_affiliation, &(r)->relation, &(r)->target, \
      &(r)->target_type, &(r)->target_affiliation, &(r)->article, &(r)->title, &(r)->url,     \
      &(r)->evidence, &(r)->date, &(r)->content_hash, &(r)->article_date }
#define N_RECORD_STRINGS 14

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

/* Empty s for its next file, keeping its buffers' memory: every file's
   records are copied into them, which then grow once, not per file. */
static void slot_clear(struct slot *s)
{
    rn_article_release(&s->article);
    struct rn_buf records = s->records, text = s->text;
    rn_buf_reset(&records);
    rn_buf_reset(&text);
    memset(s, 0, sizeof *s);
    s->records = records;
    s->text = text;
}

static void slot_release(struct slot *s)
{
    slot_clear(s);
    rn_buf_release(&s->records);
    rn_buf_release(&s->text);
}

/* First pass, on a worker: ingest file i as the pass over repeated lines
   sees it (stdin is not read twice, so not read here). */
static void ingest_only(struct worker *w, size_t i, struct slot *s)
{
    const char *path = w->run->files->items[i];
    s->x.index = i;
    s->x.path = path;
    if (strcmp(path, "-") == 0)
        s->x.status = RN_ENOTFOUND;
    else
        s->x.status = rn_ingest_file(path, NULL, &s->article, &s->x.err);
    s->x.read_failed = s->x.status != RN_OK;
}

/* First pass, in order: learn the article and keep it while the budget
   lasts. A file that could not be read is read (and reported) again. */
static int learn_and_keep(struct run *run, struct slot *s)
{
    if (s->x.read_failed)
        return 0;
    run->rc = rn_pipeline_learn_article(run->first, &s->article, run->err);
    if (run->rc != RN_OK)
        return 1;
    if (run->kept_bytes + s->article.len <= RN_PIPELINE_KEEP_BYTES) {
        run->kept_bytes += s->article.len;
        run->kept[s->x.index] = s->article;
        memset(&s->article, 0, sizeof s->article);
    }
    return 0;
}

/* Second pass: read (or take the kept article of) file i and extract it
   into s. */
static void read_and_extract(struct worker *w, size_t i, struct slot *s)
{
    struct run *run = w->run;
    const char *path = run->files->items[i];
    s->x.index = i;
    s->x.path = path;
    rn_err_clear(&s->x.err);
    if (run->kept && run->kept[i].text) {
        s->article = run->kept[i];
        memset(&run->kept[i], 0, sizeof run->kept[i]);
        s->x.status = rn_pipeline_finish(w->p, path, &s->article, &s->x.err);
    } else {
        s->x.status = rn_pipeline_read(w->p, path, &s->article, &s->x.err);
    }
    if (s->x.status != RN_OK) {
        s->x.read_failed = 1;
        return;
    }
    struct rn_sink sink = { collect_record, s };
    s->x.status = rn_pipeline_extract(w->p, &s->article, &sink, &s->x.err);
    fix_strings(s);
    s->x.records = (const struct rn_record *)(const void *)s->records.data;
    s->x.n_records = s->n_records;
}

static int hand_over(struct run *run, struct slot *s)
{
    if (!s->x.read_failed)
        s->x.article = &s->article; /* the slot was filled by copy */
    return run->each(run->ctx, &s->x);
}

/* Take the next batch of files [*first, *end), waiting for room in the
   window; 0 when there is none left or the pass stops. */
static int take_batch(struct run *run, size_t *first, size_t *end)
{
    size_t n = run->files->len;
    pthread_mutex_lock(&run->lock);
    for (;;) {
        size_t e = run->next + run->batch < n ? run->next + run->batch : n;
        if (run->stop || run->next >= n) {
            pthread_mutex_unlock(&run->lock);
            return 0;
        }
        if (e <= run->consumed + run->window) {
            *first = run->next;
            *end = run->next = e;
            pthread_mutex_unlock(&run->lock);
            return 1;
        }
        run->blocked++;
        pthread_cond_wait(&run->room, &run->lock);
        run->blocked--;
    }
}

/* Workers own the slots of the batch they took until they mark them
   ready; the consumer owns them from then until it has released them and
   moved consumed past them. */
static void *work(void *arg)
{
    struct worker *w = arg;
    struct run *run = w->run;
    size_t first, end;
    while (take_batch(run, &first, &end)) {
        for (size_t i = first; i < end; i++)
            run->produce(w, i, &run->slots[i % run->window]);
        pthread_mutex_lock(&run->lock);
        for (size_t i = first; i < end; i++)
            run->slots[i % run->window].ready = 1;
        if (run->awaited != NOBODY && run->awaited >= first && run->awaited < end)
            pthread_cond_signal(&run->filled);
        pthread_mutex_unlock(&run->lock);
    }
    return NULL;
}

/* Wait until file i is ready; returns the end of the run of ready files
   from i (within the window). */
static size_t wait_ready(struct run *run, size_t i)
{
    size_t n = run->files->len;
    pthread_mutex_lock(&run->lock);
    while (!run->slots[i % run->window].ready) {
        run->awaited = i;
        pthread_cond_wait(&run->filled, &run->lock);
    }
    run->awaited = NOBODY;
    size_t end = i + 1;
    while (end < n && end < i + run->window && run->slots[end % run->window].ready)
        end++;
    pthread_mutex_unlock(&run->lock);
    return end;
}

/* Consume the slots in order, each run of ready ones at once; returns when
   all are consumed or consume() says stop. */
static void consume_in_order(struct run *run)
{
    size_t i = 0;
    int stop = 0;
    while (i < run->files->len && !stop) {
        size_t end = wait_ready(run, i);
        for (size_t k = i; k < end; k++) {
            struct slot *s = &run->slots[k % run->window];
            stop = stop || run->consume(run, s);
            slot_clear(s);
        }
        pthread_mutex_lock(&run->lock);
        run->consumed = i = end;
        if (stop)
            run->stop = 1;
        if (run->blocked)
            pthread_cond_broadcast(&run->room);
        pthread_mutex_unlock(&run->lock);
    }
}

/* One pass on the calling thread alone: the same slots, produced and
   consumed in turn. */
static void pass_inline(struct run *run, struct worker *w)
{
    struct slot s = { 0 };
    for (size_t i = 0; i < run->files->len; i++) {
        run->produce(w, i, &s);
        int stop = run->consume(run, &s);
        slot_clear(&s);
        if (stop)
            break;
    }
    slot_release(&s);
}

/* One pass on the workers w[0..jobs) (their pipelines already set). */
static int pass_threads(struct run *run, struct worker *w, unsigned jobs, struct rn_err *err)
{
    pthread_t threads[MAX_JOBS];
    unsigned started = 0;
    run->next = run->consumed = 0;
    run->stop = 0;
    run->awaited = NOBODY;
    run->blocked = 0;
    for (unsigned j = 0; j < jobs; j++, started++)
        if (pthread_create(&threads[j], NULL, work, &w[j]) != 0)
            break;
    if (started == jobs) {
        consume_in_order(run);
    } else {
        pthread_mutex_lock(&run->lock);
        run->stop = 1;
        pthread_cond_broadcast(&run->room);
        pthread_mutex_unlock(&run->lock);
    }
    for (unsigned j = 0; j < started; j++)
        pthread_join(threads[j], NULL);
    for (size_t k = 0; k < run->window; k++)
        slot_release(&run->slots[k]);
    return started == jobs ? RN_OK : rn_fail(err, RN_ENOMEM, "cannot start a thread");
}

static int pass(struct run *run, struct worker *w, unsigned jobs, struct rn_err *err)
{
    if (jobs == 1) {
        pass_inline(run, w);
        return RN_OK;
    }
    return pass_threads(run, w, jobs, err);
}

/* Process-wide state the threads share, set up on this thread before they
   start: libxml2's globals (it asks for that), and the built-in boilerplate
   and abbreviation rules, loaded once through C11 call_once, which
   ThreadSanitizer does not see as ordering; thread creation does. */
static void setup_before_threads(void)
{
    rn_html_setup();
    (void)rn_boiler_rules_builtin();
    (void)rn_sentence_rules_default();
}

unsigned rn_pipeline_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (unsigned)n;
}

/* The first pass: learn the repeated lines, keep the articles. */
static int learn_pass(struct run *run, struct worker *w, unsigned jobs, struct rn_err *err)
{
    run->kept = calloc(run->files->len, sizeof *run->kept);
    if (!run->kept)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    run->produce = ingest_only;
    run->consume = learn_and_keep;
    int rc = pass(run, w, jobs, err);
    return rc != RN_OK ? rc : run->rc;
}

/* Files per batch: up to MAX_BATCH, fewer when there are few files, so
   that every worker still gets several batches. */
static size_t batch_size(size_t files, unsigned jobs)
{
    size_t b = files / ((size_t)jobs * 8);
    return b < 1 ? 1 : b > MAX_BATCH ? MAX_BATCH : b;
}

/* The window, its lock and conditions. */
static int run_init(struct run *run, unsigned jobs, struct rn_err *err)
{
    run->batch = batch_size(run->files->len, jobs);
    run->window = (size_t)jobs * WINDOW_PER_JOB * run->batch;
    run->slots = calloc(run->window, sizeof *run->slots);
    if (!run->slots)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    int locks = 0;
    if (pthread_mutex_init(&run->lock, NULL) == 0 && ++locks &&
        pthread_cond_init(&run->filled, NULL) == 0 && ++locks &&
        pthread_cond_init(&run->room, NULL) == 0)
        return RN_OK;
    if (locks > 1)
        pthread_cond_destroy(&run->filled);
    if (locks > 0)
        pthread_mutex_destroy(&run->lock);
    free(run->slots);
    return rn_fail(err, RN_ENOMEM, "cannot create a lock");
}

static void run_destroy(struct run *run)
{
    for (size_t i = 0; run->kept && i < run->files->len; i++)
        rn_article_release(&run->kept[i]);
    free(run->kept);
    free(run->slots);
    pthread_cond_destroy(&run->room);
    pthread_cond_destroy(&run->filled);
    pthread_mutex_destroy(&run->lock);
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
    if (opt && opt->explain)
        jobs = 1; /* the extractor writes the explanation as it goes, in file order */
    setup_before_threads();
    struct run run = { .files = files, .first = first, .err = err, .each = each, .ctx = ctx };
    struct worker w[MAX_JOBS];
    for (unsigned j = 0; j < jobs; j++)
        w[j] = (struct worker){ &run, NULL };
    int rc = run_init(&run, jobs, err);
    if (rc != RN_OK)
        return rc;
    if (opt && opt->repeated_lines && files->len > 1)
        rc = learn_pass(&run, w, jobs, err);
    /* Worker 0 uses the caller's pipeline (its lexicon and learned
       repeated lines are read-only from now on and shared); the others
       get clones: an extractor each around them. */
    unsigned ready = 0;
    for (unsigned j = 0; j < jobs && rc == RN_OK; j++, ready++) {
        w[j].p = first;
        if (j > 0)
            rc = rn_pipeline_clone(first, opt, &w[j].p, err);
    }
    if (rc == RN_OK) {
        run.produce = read_and_extract;
        run.consume = hand_over;
        rc = pass(&run, w, jobs, err);
    }
    for (unsigned j = 1; j < ready; j++)
        rn_pipeline_free(w[j].p);
    run_destroy(&run);
    return rc;
}
