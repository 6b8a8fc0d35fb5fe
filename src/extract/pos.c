/* pos.c - open-class parts of speech from WordNet (see relnet/pos.h).
 *
 * Loading maps each index file read-only and checks every line once,
 * keeping for each single-word lemma only where it starts, its length and
 * its tagged-sense count: about 150,000 lemmas in 1.2 MB of entries, with
 * no hashing and no copies (WordNet's files are sorted, so a lookup is a
 * binary search; a lemma out of order is an error). The irregular
 * forms (*.exc, a few thousand) go into a string table. Lookups try the
 * word itself, then its irregular forms, then WordNet's regular suffix
 * rules per part of speech, keeping a candidate only when WordNet has that
 * lemma in that part of speech, so "news" stays a noun and never becomes
 * the verb "new".
 */
#define _POSIX_C_SOURCE 200809L /* mmap */
#include "relnet/pos.h"
#include "relnet/buf.h"
#include "relnet/strtab.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

enum { NPOS = 4 };

/* A part of speech's files and its suffix rules (WordNet's morphy: strip
   the first, append the second). */
static const struct {
    const char *index, *exc;
    const char *rules[8][2];
} POS_FILES[NPOS] = {
    { "index.noun", "noun.exc",
      { { "s", "" }, { "ses", "s" }, { "xes", "x" }, { "zes", "z" }, { "ches", "ch" },
        { "shes", "sh" }, { "men", "man" }, { "ies", "y" } } },
    { "index.verb", "verb.exc",
      { { "s", "" }, { "ies", "y" }, { "es", "e" }, { "es", "" }, { "ed", "e" }, { "ed", "" },
        { "ing", "e" }, { "ing", "" } } },
    { "index.adj", "adj.exc", { { "er", "" }, { "est", "" }, { "er", "e" }, { "est", "e" } } },
    { "index.adv", "adv.exc", { { NULL, NULL } } },
};

/* One lemma of an index file: where its text starts in the mapped file,
   its length, and its tagged senses + 1 (never 0: a known lemma). */
struct lemma {
    uint32_t at;
    uint16_t len;
    uint16_t score;
};

struct pos_index {
    char *map;            /* the index file, mapped read-only (NULL when empty) */
    size_t size;
    struct lemma *lemmas; /* sorted by text, bytewise */
    size_t n, cap;
};

struct rn_pos_dict {
    struct pos_index index[NPOS];
    struct rn_strtab *forms;  /* irregular form -> id (*.exc) */
    uint16_t (*form_score)[NPOS]; /* id -> its lemma's score per part of speech (0: none) */
    size_t form_cap;
};

const char *rn_pos_default_dir(void)
{
    const char *env = getenv("RELNET_WORDNET");
    return env && *env ? env : "/usr/share/wordnet";
}

/* The next space-separated field of line [*p, e), or NULL at its end. */
static const char *field(const char **p, const char *e, size_t *len)
{
    const char *a = *p;
    while (a < e && *a == ' ')
        a++;
    const char *b = a;
    while (b < e && *b != ' ')
        b++;
    *p = b;
    *len = (size_t)(b - a);
    return a < b ? a : NULL;
}

/* A field of decimal digits as a number (saturating at 65000), or -1. */
static long count_field(const char **p, const char *e)
{
    size_t n;
    const char *f = field(p, e, &n);
    if (!f)
        return -1;
    long v = 0;
    for (size_t k = 0; k < n; k++) {
        if (f[k] < '0' || f[k] > '9')
            return -1;
        if (v < 65000)
            v = v * 10 + (f[k] - '0');
    }
    return v > 65000 ? 65000 : v;
}

static int lemma_cmp_text(const char *map, const struct lemma *l, const char *w, size_t n)
{
    size_t m = l->len < n ? l->len : n;
    int c = memcmp(map + l->at, w, m);
    return c ? c : (l->len > n) - (l->len < n);
}

/* "ban v 4 4 @ ~ + ; 4 2 02493666 ...": lemma, pos letter, synset count,
   pointer count, that many pointer symbols, sense count, tagged count. */
static int index_line(void *ctx, const char *p, const char *e, const char *path, long no,
                      struct rn_err *err)
{
    struct pos_index *ix = ctx;
    size_t ll, n;
    const char *lemma = field(&p, e, &ll);
    if (!lemma || !field(&p, e, &n) || !field(&p, e, &n))
        return rn_fail(err, RN_EINPUT, "%s:%ld: expected a WordNet index line", path, no);
    long np = count_field(&p, e);
    for (long k = 0; k < np; k++)
        if (!field(&p, e, &n))
            return rn_fail(err, RN_EINPUT, "%s:%ld: expected %ld pointer symbols", path, no, np);
    long tagged = np >= 0 && count_field(&p, e) >= 0 ? count_field(&p, e) : -1;
    if (tagged < 0)
        return rn_fail(err, RN_EINPUT, "%s:%ld: expected sense counts", path, no);
    if (memchr(lemma, '_', ll) || ll > UINT16_MAX)
        return RN_OK; /* phrases: the extractor tags single words */
    if (rn_array_reserve((void **)&ix->lemmas, &ix->cap, ix->n + 1, sizeof *ix->lemmas, 4096) != RN_OK)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    ix->lemmas[ix->n++] = (struct lemma){ (uint32_t)(lemma - ix->map), (uint16_t)ll,
                                          (uint16_t)(tagged + 1) };
    /* lookups are binary searches, as in WordNet's own library */
    if (ix->n > 1 && lemma_cmp_text(ix->map, &ix->lemmas[ix->n - 2], lemma, ll) >= 0)
        return rn_fail(err, RN_EINPUT, "%s:%ld: lemma out of order (a WordNet index is sorted)",
                       path, no);
    return RN_OK;
}

/* Map dir/name read-only into *map, *size (NULL, 0 when empty). A missing
   file is an error when required, else RN_OK with *map NULL. */
static int map_file(const char *dir, const char *name, int required, char **map, size_t *size,
                    struct rn_err *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    *map = NULL;
    *size = 0;
    int fd = open(path, O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        if (!required && e == ENOENT)
            return RN_OK;
        return rn_fail(err, rn_open_status(e), "cannot open %s: %s (WordNet)", path, strerror(e));
    }
    if (st.st_size >= (off_t)UINT32_MAX) {
        close(fd);
        return rn_fail(err, RN_EINPUT, "%s: larger than a WordNet file can be", path);
    }
    *size = (size_t)st.st_size;
    void *m = *size ? mmap(NULL, *size, PROT_READ, MAP_PRIVATE, fd, 0) : NULL;
    close(fd);
    if (m == MAP_FAILED)
        return rn_fail(err, RN_EIO, "cannot read %s: %s", path, strerror(errno));
    *map = m;
    return RN_OK;
}

typedef int (*line_fn)(void *ctx, const char *p, const char *e, const char *path, long no,
                       struct rn_err *err);

/* Hand each line of a mapped file to fn; the licence lines at the top of
   each index file start with a space and are skipped, as are empty ones. */
static int each_line(const char *map, size_t size, const char *dir, const char *name, line_fn fn,
                     void *ctx, struct rn_err *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int rc = RN_OK;
    long no = 0;
    for (const char *p = map, *end = map + size; p < end && rc == RN_OK; no++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        if (e > p && e[-1] == '\r')
            e--;
        if (e > p && *p != ' ')
            rc = fn(ctx, p, e, path, no + 1, err);
        p = nl ? nl + 1 : end;
    }
    return rc;
}

/* Map an index file and list its lemmas. */
static int load_index(struct pos_index *ix, const char *dir, const char *name, struct rn_err *err)
{
    int rc = map_file(dir, name, 1, &ix->map, &ix->size, err);
    return rc == RN_OK ? each_line(ix->map, ix->size, dir, name, index_line, ix, err) : rc;
}

/* Tagged senses + 1 of lemma w[0..n) as part of speech p, 0 when WordNet
   has no such lemma. */
static unsigned lemma_score(const struct rn_pos_dict *d, int p, const char *w, size_t n)
{
    const struct pos_index *ix = &d->index[p];
    size_t lo = 0, hi = ix->n;
    while (n && lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = lemma_cmp_text(ix->map, &ix->lemmas[mid], w, n);
        if (c == 0)
            return ix->lemmas[mid].score;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* "went go": an irregular form and its lemma. */
struct exc_ctx {
    struct rn_pos_dict *d;
    int pos;
};

static int exc_line(void *ctx, const char *p, const char *e, const char *path, long no,
                    struct rn_err *err)
{
    struct rn_pos_dict *d = ((struct exc_ctx *)ctx)->d;
    int pos = ((struct exc_ctx *)ctx)->pos;
    size_t fl, ll;
    const char *form = field(&p, e, &fl);
    const char *lemma = field(&p, e, &ll);
    if (!form || !lemma)
        return rn_fail(err, RN_EINPUT, "%s:%ld: expected a form and its lemma", path, no);
    unsigned score = lemma_score(d, pos, lemma, ll);
    uint32_t fid;
    if (memchr(form, '_', fl) || !score)
        return RN_OK;
    if (rn_strtab_intern(d->forms, form, fl, &fid, NULL) != RN_OK ||
        rn_array_reserve((void **)&d->form_score, &d->form_cap, (size_t)fid + 1,
                         sizeof *d->form_score, 256) != RN_OK)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    d->form_score[fid][pos] = (uint16_t)score;
    return RN_OK;
}

/* The irregular forms of one part of speech; a missing file is none. */
static int read_exc(struct rn_pos_dict *d, const char *dir, int pos, struct rn_err *err)
{
    char *map;
    size_t size;
    int rc = map_file(dir, POS_FILES[pos].exc, 0, &map, &size, err);
    struct exc_ctx ctx = { d, pos };
    if (rc == RN_OK && map)
        rc = each_line(map, size, dir, POS_FILES[pos].exc, exc_line, &ctx, err);
    if (map)
        munmap(map, size);
    return rc;
}

int rn_pos_load(const char *dir, struct rn_pos_dict **out, struct rn_err *err)
{
    *out = NULL;
    if (!dir)
        dir = rn_pos_default_dir();
    char probe[4096];
    snprintf(probe, sizeof probe, "%s/index.noun", dir);
    if (access(probe, R_OK) != 0)
        return rn_fail(err, RN_ENOTFOUND, "%s: no WordNet there (index.noun is missing)", dir);
    struct rn_pos_dict *d = calloc(1, sizeof *d);
    if (!d || !(d->forms = rn_strtab_new())) {
        rn_pos_free(d);
        return rn_fail(err, RN_ENOMEM, "out of memory");
    }
    int rc = RN_OK;
    for (int p = 0; p < NPOS && rc == RN_OK; p++)
        rc = load_index(&d->index[p], dir, POS_FILES[p].index, err);
    /* the lemmas first: an irregular form is kept only for a known lemma */
    for (int p = 0; p < NPOS && rc == RN_OK; p++)
        rc = read_exc(d, dir, p, err);
    if (rc != RN_OK) {
        rn_pos_free(d);
        return rc;
    }
    *out = d;
    return RN_OK;
}

void rn_pos_free(struct rn_pos_dict *d)
{
    if (!d)
        return;
    for (int p = 0; p < NPOS; p++) {
        if (d->index[p].map)
            munmap(d->index[p].map, d->index[p].size);
        free(d->index[p].lemmas);
    }
    rn_strtab_free(d->forms);
    free(d->form_score);
    free(d);
}

size_t rn_pos_count(const struct rn_pos_dict *d)
{
    size_t n = 0;
    for (int p = 0; d && p < NPOS; p++)
        n += d->index[p].n;
    return n;
}

/* The best score of w as part of speech p through an inflection: its
   irregular forms (*irregular set when one is), then the suffix rules. */
static unsigned inflected_score(const struct rn_pos_dict *d, int p, const char *w, size_t n,
                                int *irregular)
{
    unsigned best = 0;
    uint32_t fid;
    if (rn_strtab_find(d->forms, w, n, &fid) == RN_OK)
        best = d->form_score[fid][p];
    *irregular = best != 0;
    char buf[64];
    for (size_t r = 0; r < 8 && POS_FILES[p].rules[r][0]; r++) {
        const char *strip = POS_FILES[p].rules[r][0], *add = POS_FILES[p].rules[r][1];
        size_t sl = strlen(strip), al = strlen(add);
        if (n <= sl + 1 || memcmp(w + n - sl, strip, sl) != 0 || n - sl + al >= sizeof buf)
            continue;
        memcpy(buf, w, n - sl);
        memcpy(buf + (n - sl), add, al); /* (not buf + n: past the array) */
        unsigned s = lemma_score(d, p, buf, n - sl + al);
        if (s > best)
            best = s;
    }
    return best;
}

int rn_pos_lookup(const struct rn_pos_dict *d, const char *w, size_t n, struct rn_pos_word *out)
{
    memset(out, 0, sizeof *out);
    if (!d || n == 0)
        return 0;
    unsigned top = 0;
    for (int p = 0; p < NPOS; p++) {
        unsigned s = lemma_score(d, p, w, n);
        int inflected = 0, irregular = 0;
        if (!s) {
            s = inflected_score(d, p, w, n, &irregular);
            inflected = s != 0;
        }
        if (!s)
            continue;
        out->pos |= (uint8_t)(1u << p);
        if (inflected)
            out->inflected |= (uint8_t)(1u << p);
        if (irregular)
            out->irregular |= (uint8_t)(1u << p);
        if (s > top) { /* ties keep the earlier: noun, verb, adjective, adverb */
            top = s;
            out->best = (uint8_t)(1u << p);
        }
    }
    return out->pos != 0;
}
