/* bench_ingest.c - throughput of ingest + sentence split, and a dump tool.
 *
 *   bench_ingest [-r N] [--corpus] [--dump | --sentences] PATH...
 *
 * PATH is an article file or a directory (listed with rn_ingest_list_dir).
 * Without --dump/--sentences it prints one line of figures: bytes read,
 * articles, sentences, boilerplate lines dropped, seconds, MB/s, and the
 * peak resident memory. -r N repeats the whole run N times (figures are
 * totals). --corpus also drops lines repeated in 3 or more files (two
 * passes, as relnet does for many files). Built by bench/bench_ingest.sh.
 */
#include "relnet/error.h"
#include "relnet/ingest.h"
#include "relnet/sentence.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static size_t file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (size_t)st.st_size : 0;
}

int main(int argc, char **argv)
{
    int repeat = 1, dump = 0, sentences = 0, corpus = 0;
    struct rn_paths paths = RN_PATHS_INIT;
    struct rn_err err = RN_ERR_INIT;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-r") == 0 && i + 1 < argc) {
            repeat = atoi(argv[++i]);
        } else if (strcmp(argv[i], "--dump") == 0) {
            dump = 1;
        } else if (strcmp(argv[i], "--sentences") == 0) {
            sentences = 1;
        } else if (strcmp(argv[i], "--corpus") == 0) {
            corpus = 1;
        } else {
            struct stat st;
            if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
                if (rn_ingest_list_dir(argv[i], &paths, &err) != RN_OK) {
                    fprintf(stderr, "bench_ingest: %s\n", err.msg);
                    return 1;
                }
            } else {
                char *copy = strdup(argv[i]);
                if (paths.len == paths.cap) {
                    paths.cap = paths.cap ? paths.cap * 2 : 64;
                    paths.items = realloc(paths.items, paths.cap * sizeof *paths.items);
                }
                paths.items[paths.len++] = copy;
            }
        }
    }
    if (paths.len == 0) {
        fputs("usage: bench_ingest [-r N] [--corpus] [--dump | --sentences] PATH...\n", stderr);
        return 2;
    }
    struct rn_boiler_stats *stats = NULL;
    size_t bytes = 0, articles = 0, nsent = 0, boiler = 0, failed = 0;
    struct rn_sentences sent = RN_SENTENCES_INIT;
    double t0 = now();
    for (int r = 0; r < repeat; r++) {
        if (corpus) {
            rn_boiler_stats_free(stats);
            stats = rn_boiler_stats_new(0);
            for (size_t i = 0; i < paths.len; i++) {
                struct rn_article a = RN_ARTICLE_INIT;
                if (rn_ingest_file(paths.items[i], NULL, &a, &err) == RN_OK)
                    rn_boiler_stats_add(stats, &a);
                rn_article_release(&a);
            }
        }
        for (size_t i = 0; i < paths.len; i++) {
            struct rn_article a = RN_ARTICLE_INIT;
            bytes += file_size(paths.items[i]);
            int rc = rn_ingest_file(paths.items[i], NULL, &a, &err);
            if (rc == RN_OK && stats)
                rc = rn_boiler_stats_apply(stats, &a, &err);
            if (rc != RN_OK) {
                failed++;
                if (r == 0)
                    fprintf(stderr, "bench_ingest: %s\n", err.msg);
                continue;
            }
            articles++;
            boiler += a.boilerplate_lines;
            if (rn_sentence_split(a.text, a.len, &sent) != RN_OK) {
                fprintf(stderr, "bench_ingest: out of memory\n");
                return 3;
            }
            nsent += sent.len;
            if (dump && r == 0) {
                printf("== %s id=%s title=%s date=%s url=%s invalid=%zu boilerplate=%zu\n",
                       a.path, a.id, a.title ? a.title : "-", a.date ? a.date : "-",
                       a.url ? a.url : "-", a.invalid_utf8, a.boilerplate_lines);
                fwrite(a.text, 1, a.len, stdout);
            }
            if (sentences && r == 0)
                for (size_t k = 0; k < sent.len; k++)
                    printf("%s\t%.*s\n", a.id, (int)(sent.items[k].end - sent.items[k].start),
                           a.text + sent.items[k].start);
            rn_article_release(&a);
        }
    }
    double secs = now() - t0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    if (!dump && !sentences)
        printf("bytes=%zu articles=%zu failed=%zu sentences=%zu boilerplate_lines=%zu "
               "seconds=%.3f MB/s=%.1f max_rss_MB=%.1f\n",
               bytes, articles, failed, nsent, boiler, secs,
               secs > 0 ? (double)bytes / 1e6 / secs : 0.0, (double)ru.ru_maxrss / 1024.0);
    rn_sentences_release(&sent);
    rn_boiler_stats_free(stats);
    rn_paths_release(&paths);
    return 0;
}
