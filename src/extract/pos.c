/* pos.c - open-class parts of speech from WordNet (see relnet/pos.h).
 *
 * Loading reads only the first fields of each index line (lemma, part of
 * speech, pointer count, tagged-sense count) into one string table: about
 * 150,000 lemmas in 3 MB. Lookups try the word itself, then its irregular
 * forms (*.exc), then WordNet's regular suffix rules per part of speech,
 * keeping a candidate only when WordNet has that lemma in that part of
 * speech, so "news" stays a noun and never becomes the verb "new".
 */
#define _POSIX_C_SOURCE 200809L /* getline */
#include "relnet/pos.h"
#include "relnet/buf.h"
#include "relnet/strtab.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { NPOS = 4 };

/* A part of speech's files, its letter in index lines, and its suffix rules
   (WordNet's morphy: strip the first, append the second). */
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

struct rn_pos_dict {
    struct rn_strtab *lemmas; /* lemma -> id */
    uint16_t (*tagged)[NPOS]; /* id -> tagged senses + 1 per part of speech (0: not one) */
    size_t cap;
    struct rn_strtab *forms;  /* irregular form -> id (*.exc) */
    uint32_t (*form_lemma)[NPOS]; /* id -> lemma id + 1 per part of speech (0: none) */
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

/* "ban v 4 4 @ ~ + ; 4 2 02493666 ...": lemma, pos letter, synset count,
   pointer count, that many pointer symbols, sense count, tagged count. */
static int index_line(struct rn_pos_dict *d, int pos, const char *p, const char *e,
                      const char *path, long no, struct rn_err *err)
{
    size_t ll, n;
    const char *lemma = field(&p, e, &ll);
    if (!lemma || !field(&p, e, &n) || !field(&p, e, &n))
        return rn_fail(err, RN_EINPUT, "%s:%ld: expected a WordNet index line", path, no);
    const char *ptrs = field(&p, e, &n);
    long np = ptrs ? strtol(ptrs, NULL, 10) : -1;
    for (long k = 0; k < np; k++)
        if (!field(&p, e, &n))
            return rn_fail(err, RN_EINPUT, "%s:%ld: expected %ld pointer symbols", path, no, np);
    const char *tagged = field(&p, e, &n) ? field(&p, e, &n) : NULL;
    if (np < 0 || !tagged)
        return rn_fail(err, RN_EINPUT, "%s:%ld: expected sense counts", path, no);
    if (memchr(lemma, '_', ll))
        return RN_OK; /* phrases: the extractor tags single words */
    uint32_t id;
    if (rn_strtab_intern(d->lemmas, lemma, ll, &id, NULL) != RN_OK ||
        rn_array_reserve((void **)&d->tagged, &d->cap, (size_t)id + 1, sizeof *d->tagged, 1024) != RN_OK)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    long t = strtol(tagged, NULL, 10);
    d->tagged[id][pos] = (uint16_t)(t < 0 ? 1 : t > 65000 ? 65001 : t + 1);
    return RN_OK;
}

/* "went go": an irregular form and its lemma. */
static int exc_line(struct rn_pos_dict *d, int pos, const char *p, const char *e,
                    const char *path, long no, struct rn_err *err)
{
    size_t fl, ll;
    const char *form = field(&p, e, &fl);
    const char *lemma = field(&p, e, &ll);
    if (!form || !lemma)
        return rn_fail(err, RN_EINPUT, "%s:%ld: expected a form and its lemma", path, no);
    uint32_t lid, fid;
    if (memchr(form, '_', fl) || rn_strtab_find(d->lemmas, lemma, ll, &lid) != RN_OK)
        return RN_OK;
    if (rn_strtab_intern(d->forms, form, fl, &fid, NULL) != RN_OK ||
        rn_array_reserve((void **)&d->form_lemma, &d->form_cap, (size_t)fid + 1,
                         sizeof *d->form_lemma, 256) != RN_OK)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    d->form_lemma[fid][pos] = lid + 1;
    return RN_OK;
}

typedef int (*line_fn)(struct rn_pos_dict *, int, const char *, const char *, const char *, long,
                       struct rn_err *);

/* Hand each line of a file to fn; the licence lines at the top of each
   index file start with a space and are skipped. */
static int read_file(struct rn_pos_dict *d, const char *dir, const char *name, int pos, line_fn fn,
                     int required, struct rn_err *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f) {
        if (!required)
            return RN_OK;
        return rn_fail(err, rn_open_status(errno), "cannot open %s: %s (WordNet)", path,
                       strerror(errno));
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long no = 0;
    int rc = RN_OK;
    while (rc == RN_OK && (n = getline(&line, &cap, f)) >= 0) {
        no++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        if (n > 0 && line[0] != ' ')
            rc = fn(d, pos, line, line + n, path, no, err);
    }
    if (rc == RN_OK && ferror(f))
        rc = rn_fail(err, RN_EIO, "cannot read %s", path);
    free(line);
    fclose(f);
    return rc;
}

int rn_pos_load(const char *dir, struct rn_pos_dict **out, struct rn_err *err)
{
    *out = NULL;
    if (!dir)
        dir = rn_pos_default_dir();
    char probe[4096];
    snprintf(probe, sizeof probe, "%s/index.noun", dir);
    FILE *f = fopen(probe, "r");
    if (!f)
        return rn_fail(err, RN_ENOTFOUND, "%s: no WordNet there (index.noun is missing)", dir);
    fclose(f);
    struct rn_pos_dict *d = calloc(1, sizeof *d);
    if (!d || !(d->lemmas = rn_strtab_new()) || !(d->forms = rn_strtab_new())) {
        rn_pos_free(d);
        return rn_fail(err, RN_ENOMEM, "out of memory");
    }
    int rc = RN_OK;
    for (int p = 0; p < NPOS && rc == RN_OK; p++)
        rc = read_file(d, dir, POS_FILES[p].index, p, index_line, 1, err);
    /* the lemmas first: an irregular form is kept only for a known lemma */
    for (int p = 0; p < NPOS && rc == RN_OK; p++)
        rc = read_file(d, dir, POS_FILES[p].exc, p, exc_line, 0, err);
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
    rn_strtab_free(d->lemmas);
    rn_strtab_free(d->forms);
    free(d->tagged);
    free(d->form_lemma);
    free(d);
}

size_t rn_pos_count(const struct rn_pos_dict *d)
{
    return d ? rn_strtab_count(d->lemmas) : 0;
}

/* Tagged senses + 1 of lemma w[0..n) as part of speech p, 0 when WordNet
   has no such lemma. */
static unsigned lemma_score(const struct rn_pos_dict *d, int p, const char *w, size_t n)
{
    uint32_t id;
    if (n == 0 || rn_strtab_find(d->lemmas, w, n, &id) != RN_OK)
        return 0;
    return d->tagged[id][p];
}

/* The best score of w as part of speech p through an inflection: its
   irregular forms, then the suffix rules. */
static unsigned inflected_score(const struct rn_pos_dict *d, int p, const char *w, size_t n)
{
    unsigned best = 0;
    uint32_t fid;
    if (rn_strtab_find(d->forms, w, n, &fid) == RN_OK && d->form_lemma[fid][p])
        best = d->tagged[d->form_lemma[fid][p] - 1][p];
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
        int inflected = 0;
        if (!s) {
            s = inflected_score(d, p, w, n);
            inflected = s != 0;
        }
        if (!s)
            continue;
        out->pos |= (uint8_t)(1u << p);
        if (inflected)
            out->inflected |= (uint8_t)(1u << p);
        if (s > top) { /* ties keep the earlier: noun, verb, adjective, adverb */
            top = s;
            out->best = (uint8_t)(1u << p);
        }
    }
    return out->pos != 0;
}
