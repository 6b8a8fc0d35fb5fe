/* writer.h - write-behind: a second thread that writes, in order, the
 * batches the calling thread fills.
 *
 * The calling thread fills a batch (any struct of its own), hands it over
 * with rn_writer_submit and goes on with another; the writer thread calls
 * write(ctx, batch) on the batches one at a time, in the order submitted.
 * At most depth batches wait, so memory stays bounded when the writer is
 * the slower side. After the first failed write the later batches are not
 * written (the caller will roll back); the failure is returned by the next
 * submit or drain. Whatever write() touches (the SQLite connection) may be
 * used by the calling thread only after rn_writer_drain: the writer is
 * then idle until the next submit, and the mutex orders the two threads'
 * accesses.
 *
 * POSIX threads, as in pipeline_run.c, so ThreadSanitizer sees them.
 */
#ifndef RELNET_WRITER_H
#define RELNET_WRITER_H

#include "relnet/error.h"

#include <stddef.h>

struct rn_writer;

typedef int rn_write_fn(void *ctx, void *batch, struct rn_err *err);

/* Start the thread. RN_ENOMEM, or RN_EIO when no thread can be had (the
 * caller then writes the batches itself). */
int rn_writer_start(rn_write_fn *write, void *ctx, size_t depth, struct rn_writer **out,
                    struct rn_err *err);

/* Queue batch, waiting while depth batches wait. *spare gets a batch
 * already written (or skipped after a failure) for the caller to reuse,
 * NULL when none is free: the caller then makes a new one (at most depth
 * + 2 are ever in use). Returns RN_OK or the first failure so far. */
int rn_writer_submit(struct rn_writer *w, void *batch, void **spare, struct rn_err *err);

/* Wait until every queued batch is written; RN_OK or the first failure. */
int rn_writer_drain(struct rn_writer *w, struct rn_err *err);

/* End the thread: after writing what is queued, or (discard) skipping
 * what has not started. Every batch the writer still holds goes to
 * release(). NULL-safe. */
void rn_writer_stop(struct rn_writer *w, int discard, void (*release)(void *batch));

#endif
