/* writer.c - write-behind on a second thread (see relnet/writer.h).
 *
 * One mutex and one condition variable guard a ring of waiting batches
 * and a stack of written ones; both sides wait on the same condition (a
 * change the other side made) as each waits for few events per batch.
 */
#define _GNU_SOURCE /* pthread_setname_np */
#include "relnet/writer.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 16

struct rn_writer {
    rn_write_fn *write;
    void *ctx;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    void *waiting[MAX_DEPTH]; /* ring: the next to write at head */
    size_t depth, head, nwaiting;
    void *written[MAX_DEPTH + 2]; /* for the caller to reuse */
    size_t nwritten;
    int busy;    /* a batch is being written */
    int stop;    /* end once nothing waits */
    int discard; /* skip what waits */
    int rc;      /* the first failure */
    struct rn_err err;
};

static void *run(void *arg)
{
    struct rn_writer *w = arg;
    pthread_setname_np(pthread_self(), "relnet-writer"); /* for top -H and perf */
    pthread_mutex_lock(&w->lock);
    for (;;) {
        while (w->nwaiting == 0 && !w->stop)
            pthread_cond_wait(&w->changed, &w->lock);
        if (w->nwaiting == 0)
            break;
        void *batch = w->waiting[w->head];
        w->head = (w->head + 1) % w->depth;
        w->nwaiting--;
        int skip = w->rc != RN_OK || w->discard;
        w->busy = 1;
        pthread_mutex_unlock(&w->lock);
        struct rn_err err = RN_ERR_INIT;
        int rc = skip ? RN_OK : w->write(w->ctx, batch, &err);
        pthread_mutex_lock(&w->lock);
        if (rc != RN_OK && w->rc == RN_OK) {
            w->rc = rc;
            w->err = err;
        }
        w->written[w->nwritten++] = batch;
        w->busy = 0;
        pthread_cond_broadcast(&w->changed);
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

int rn_writer_start(rn_write_fn *write, void *ctx, size_t depth, struct rn_writer **out,
                    struct rn_err *err)
{
    *out = NULL;
    struct rn_writer *w = calloc(1, sizeof *w);
    if (!w)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    w->write = write;
    w->ctx = ctx;
    w->depth = depth < 1 ? 1 : depth > MAX_DEPTH ? MAX_DEPTH : depth;
    w->err = (struct rn_err)RN_ERR_INIT;
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->changed, NULL);
    if (pthread_create(&w->thread, NULL, run, w) != 0) {
        pthread_cond_destroy(&w->changed);
        pthread_mutex_destroy(&w->lock);
        free(w);
        return rn_fail(err, RN_EIO, "cannot start the writer thread");
    }
    *out = w;
    return RN_OK;
}

/* The first failure, into err; call with the lock held. */
static int failure(struct rn_writer *w, struct rn_err *err)
{
    if (w->rc != RN_OK && err)
        *err = w->err;
    return w->rc;
}

int rn_writer_submit(struct rn_writer *w, void *batch, void **spare, struct rn_err *err)
{
    pthread_mutex_lock(&w->lock);
    while (w->nwaiting == w->depth)
        pthread_cond_wait(&w->changed, &w->lock);
    w->waiting[(w->head + w->nwaiting) % w->depth] = batch;
    w->nwaiting++;
    pthread_cond_broadcast(&w->changed);
    *spare = w->nwritten ? w->written[--w->nwritten] : NULL;
    int rc = failure(w, err);
    pthread_mutex_unlock(&w->lock);
    return rc;
}

int rn_writer_drain(struct rn_writer *w, struct rn_err *err)
{
    pthread_mutex_lock(&w->lock);
    while (w->nwaiting || w->busy)
        pthread_cond_wait(&w->changed, &w->lock);
    int rc = failure(w, err);
    pthread_mutex_unlock(&w->lock);
    return rc;
}

void rn_writer_stop(struct rn_writer *w, int discard, void (*release)(void *batch))
{
    if (!w)
        return;
    pthread_mutex_lock(&w->lock);
    w->stop = 1;
    w->discard |= discard;
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->thread, NULL);
    for (size_t i = 0; i < w->nwritten; i++)
        release(w->written[i]);
    pthread_cond_destroy(&w->changed);
    pthread_mutex_destroy(&w->lock);
    free(w);
}
