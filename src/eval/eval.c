/* eval.c - the reference scorer, ported from the corpus's score.py (see relnet/eval.h). */
#include "relnet/eval.h"

#include "relnet/buf.h"
#include "relnet/json.h"
#include "relnet/strtab.h"
#include "relnet/text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const relations[RN_EVAL_NREL] = { "ACCUSES", "PROPOSES", "BANS", "SIGNS" };

static const char *const generic[] = {
    "the", "of", "and", "a", "an", "on", "for", "to", "in", "its", "their", "government",
    "ministry", "department", "agency", "statement", "agreement", "declaration", "act", "bill",
    "law", "deal", "plan", "initiative", "framework", "order", "rules", "rule", "official",
    "officials", "country", "countries", "company", "companies", "national", "state", "states",
    "new", "international", "global", "united", NULL,
};

struct row {
    char *article, *source, *saff, *relation, *target, *taff, *polarity, *evidence;
    char *fsource, *fsaff, *ftarget, *ftaff; /* folded */
    int negated;
    int hit;
};

struct rows {
    struct row *items;
    size_t len, cap;
};

struct rn_eval {
    struct rows gold, pred;
    struct rn_strtab *alias_keys; /* folded form -> canonical (folded) */
    char **alias_canon;
    size_t alias_cap;
    struct rn_strtab *wanted; /* NULL: every article */
    struct rn_strtab *seen;   /* dedup keys of predictions */
};

const char *rn_eval_relation(size_t i)
{
    return i < RN_EVAL_NREL ? relations[i] : NULL;
}

/* ---- folding (score.py fold) ----------------------------------------------------- */

static int is_word_cp(int32_t cp)
{
    return cp == '_' || rn_unicode_is_alnum(cp);
}

int rn_eval_fold(const char *s, struct rn_buf *out)
{
    struct rn_buf cf = RN_BUF_INIT, a = RN_BUF_INIT;
    int rc = rn_text_casefold(s ? s : "", s ? strlen(s) : 0, &cf);
    /* decode to code points, curly quotes straightened */
    size_t n = 0, cap = cf.len + 1;
    int32_t *cps = malloc(cap * sizeof *cps);
    if (rc != RN_OK || !cps) {
        free(cps);
        rn_buf_release(&cf);
        return RN_ENOMEM;
    }
    for (size_t i = 0; i < cf.len;) {
        int32_t cp;
        int len = rn_utf8_decode(cf.data + i, cf.len - i, &cp);
        if (len < 0) {
            i++;
            continue;
        }
        i += (size_t)len;
        if (cp == 0x2019 || cp == 0x2018)
            cp = '\'';
        else if (cp == 0x201C || cp == 0x201D)
            cp = '"';
        cps[n++] = cp;
    }
    /* 's before a non-word character or the end goes; then dots go; then
       anything not a word character, space or '-' becomes a space */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (cps[i] == '\'' && i + 1 < n && cps[i + 1] == 's' && (i + 2 >= n || !is_word_cp(cps[i + 2]))) {
            i++;
            continue;
        }
        if (cps[i] == '.')
            continue;
        int32_t cp = cps[i];
        if (!is_word_cp(cp) && !rn_unicode_is_space(cp) && cp != '-')
            cp = ' ';
        cps[m++] = cp;
    }
    /* collapse white space, strip */
    int space = 0;
    rn_buf_reset(out);
    for (size_t i = 0; i < m && rc == RN_OK; i++) {
        if (rn_unicode_is_space(cps[i])) {
            space = 1;
            continue;
        }
        if (space && out->len)
            rc = rn_buf_addc(out, ' ');
        space = 0;
        if (rc == RN_OK)
            rc = rn_utf8_encode(out, cps[i]);
    }
    if (rc == RN_OK)
        rc = rn_buf_add(out, "", 0);
    if (rc == RN_OK && out->len >= 4 && memcmp(out->data, "the ", 4) == 0) {
        memmove(out->data, out->data + 4, out->len - 4 + 1);
        out->len -= 4;
    }
    free(cps);
    rn_buf_release(&cf);
    rn_buf_release(&a);
    return rc;
}

static char *fold_dup(const char *s)
{
    struct rn_buf b = RN_BUF_INIT;
    if (rn_eval_fold(s, &b) != RN_OK) {
        rn_buf_release(&b);
        return NULL;
    }
    return rn_buf_detach(&b);
}

/* ---- content words, same, overlap ------------------------------------------------ */

#define WORDS_MAX 64

static int is_generic(const char *w, size_t n)
{
    for (const char *const *g = generic; *g; g++)
        if (strlen(*g) == n && memcmp(*g, w, n) == 0)
            return 1;
    return 0;
}

struct words {
    const char *w[WORDS_MAX];
    size_t len[WORDS_MAX];
    size_t n;
};

/* The distinct non-generic words of a folded name. */
static void content(const char *s, struct words *out)
{
    out->n = 0;
    while (*s) {
        while (*s == ' ')
            s++;
        const char *e = s;
        while (*e && *e != ' ')
            e++;
        size_t n = (size_t)(e - s);
        if (n && !is_generic(s, n) && out->n < WORDS_MAX) {
            int dup = 0;
            for (size_t k = 0; k < out->n; k++)
                if (out->len[k] == n && memcmp(out->w[k], s, n) == 0)
                    dup = 1;
            if (!dup) {
                out->w[out->n] = s;
                out->len[out->n++] = n;
            }
        }
        s = e;
    }
}

static int has(const struct words *ws, const char *w, size_t n)
{
    for (size_t k = 0; k < ws->n; k++)
        if (ws->len[k] == n && memcmp(ws->w[k], w, n) == 0)
            return 1;
    return 0;
}

/* Length in code points (Python's len). */
static size_t cplen(const char *w, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)w[i] & 0xC0) != 0x80)
            c++;
    return c;
}

static const char *canon(const struct rn_eval *ev, const char *f)
{
    uint32_t id;
    if (ev->alias_keys && rn_strtab_find(ev->alias_keys, f, strlen(f), &id) == RN_OK)
        return ev->alias_canon[id];
    return f;
}

/* a, b already folded */
static int same(const struct rn_eval *ev, const char *fa, const char *fb)
{
    if (!fa[0] || !fb[0])
        return 0;
    if (strcmp(canon(ev, fa), canon(ev, fb)) == 0)
        return 1;
    struct words ta, tb;
    content(fa, &ta);
    content(fb, &tb);
    if (!ta.n || !tb.n)
        return 0;
    const struct words *small = ta.n <= tb.n ? &ta : &tb, *large = ta.n <= tb.n ? &tb : &ta;
    int long_word = 0;
    for (size_t k = 0; k < small->n; k++) {
        if (!has(large, small->w[k], small->len[k]))
            return 0;
        if (cplen(small->w[k], small->len[k]) >= 3)
            long_word = 1;
    }
    return long_word;
}

static int overlap(const char *fa, const char *fb)
{
    struct words ta, tb;
    content(fa, &ta);
    content(fb, &tb);
    if (!ta.n || !tb.n)
        return 0;
    size_t shared = 0;
    int long_word = 0;
    for (size_t k = 0; k < ta.n; k++) {
        if (has(&tb, ta.w[k], ta.len[k])) {
            shared++;
            if (cplen(ta.w[k], ta.len[k]) >= 3)
                long_word = 1;
        }
    }
    size_t mn = ta.n < tb.n ? ta.n : tb.n;
    return long_word && shared * 2 >= mn;
}

/* raw strings decide emptiness (Python's truthiness of the unfolded value) */
static int eq(const struct rn_eval *ev, const char *p, const char *fp, const char *g,
              const char *fg, int loose)
{
    if (!p || !g || !p[0] || !g[0])
        return 0;
    return same(ev, fp, fg) || (loose && overlap(fp, fg));
}

static int side(const struct rn_eval *ev, const char *pn, const char *fpn, const char *pa,
                const char *fpa, const char *gn, const char *fgn, const char *ga, const char *fga,
                int strict, int loose)
{
    if (strict)
        return eq(ev, pn, fpn, gn, fgn, loose);
    return eq(ev, pn, fpn, gn, fgn, loose) || eq(ev, pn, fpn, ga, fga, loose) ||
           eq(ev, pa, fpa, gn, fgn, loose) || eq(ev, pa, fpa, ga, fga, loose);
}

static int match(const struct rn_eval *ev, const struct row *p, const struct row *g, int strict)
{
    if (strcmp(p->article, g->article) != 0 || strcasecmp(p->relation, g->relation) != 0 ||
        p->negated != g->negated)
        return 0;
    return side(ev, p->source, p->fsource, p->saff, p->fsaff, g->source, g->fsource, g->saff,
                g->fsaff, strict, 0) &&
           side(ev, p->target, p->ftarget, p->taff, p->ftaff, g->target, g->ftarget, g->taff,
                g->ftaff, strict, 1);
}

/* ---- reading TSV ------------------------------------------------------------------------ */

struct table {
    char **head;
    size_t nhead;
    char ***cells; /* rows x nhead */
    size_t nrows, cap;
};

static void table_free(struct table *t)
{
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t c = 0; c < t->nhead; c++)
            free(t->cells[r][c]);
        free(t->cells[r]);
    }
    for (size_t c = 0; c < t->nhead; c++)
        free(t->head[c]);
    free(t->head);
    free(t->cells);
    memset(t, 0, sizeof *t);
}

static size_t split_tabs(char *line, char **out, size_t max)
{
    size_t n = 0;
    char *p = line;
    for (;;) {
        char *tab = strchr(p, '\t');
        if (n < max)
            out[n++] = p;
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    return n;
}

static int blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n' && *s != '\f' && *s != '\v')
            return 0;
    return 1;
}

static char *strip_dup(const char *s, int lower)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    char *d = malloc(n + 1);
    if (!d)
        return NULL;
    for (size_t i = 0; i < n; i++)
        d[i] = lower && s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
    d[n] = '\0';
    return d;
}

#define COLS_MAX 256

static int read_table(const char *path, struct table *t, struct rn_err *err)
{
    memset(t, 0, sizeof *t);
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    if (!f)
        return rn_fail_open(err, errno, path);
    char *line = NULL;
    size_t lcap = 0;
    ssize_t got;
    int rc = RN_OK;
    char *cells[COLS_MAX];
    while ((got = getline(&line, &lcap, f)) >= 0) {
        while (got && (line[got - 1] == '\n' || line[got - 1] == '\r'))
            line[--got] = '\0';
        size_t n = split_tabs(line, cells, COLS_MAX);
        if (!t->head) {
            t->head = calloc(n, sizeof *t->head);
            if (!t->head) {
                rc = RN_ENOMEM;
                break;
            }
            t->nhead = n;
            for (size_t c = 0; c < n; c++)
                if (!(t->head[c] = strip_dup(cells[c], 1)))
                    rc = RN_ENOMEM;
            continue;
        }
        int any = 0;
        for (size_t c = 0; c < n; c++)
            if (!blank(cells[c]))
                any = 1;
        if (!any)
            continue;
        if (t->nrows == t->cap) {
            size_t cap = t->cap ? t->cap * 2 : 256;
            char ***cl = realloc(t->cells, cap * sizeof *cl);
            if (!cl) {
                rc = RN_ENOMEM;
                break;
            }
            t->cells = cl;
            t->cap = cap;
        }
        char **r = calloc(t->nhead ? t->nhead : 1, sizeof *r);
        if (!r) {
            rc = RN_ENOMEM;
            break;
        }
        for (size_t c = 0; c < t->nhead; c++)
            r[c] = strdup(c < n ? cells[c] : "");
        t->cells[t->nrows++] = r;
    }
    free(line);
    int read_errno = ferror(f) ? errno : 0; /* EISDIR for a directory */
    if (f != stdin)
        fclose(f);
    if (rc != RN_OK || read_errno)
        table_free(t);
    if (rc == RN_OK && read_errno)
        return rn_fail_open(err, read_errno, path);
    return rc == RN_OK ? RN_OK : rn_fail(err, rc, "%s: out of memory", path);
}

/* The cell of column name (the last column of that name wins, as in a
   Python dict), or NULL when there is no such column. */
static const char *cell(const struct table *t, size_t r, const char *name)
{
    const char *v = NULL;
    for (size_t c = 0; c < t->nhead; c++)
        if (strcmp(t->head[c], name) == 0)
            v = t->cells[r][c];
    return v;
}

static int has_column(const struct table *t, const char *name)
{
    for (size_t c = 0; c < t->nhead; c++)
        if (strcmp(t->head[c], name) == 0)
            return 1;
    return 0;
}

/* ---- rows ------------------------------------------------------------------------------------ */

static void row_free(struct row *r)
{
    free(r->article);
    free(r->source);
    free(r->saff);
    free(r->relation);
    free(r->target);
    free(r->taff);
    free(r->polarity);
    free(r->evidence);
    free(r->fsource);
    free(r->fsaff);
    free(r->ftarget);
    free(r->ftaff);
}

static int is_negated(const char *pol)
{
    if (!pol || !pol[0])
        return 0;
    char *s = strip_dup(pol, 1);
    int neg = s && strcmp(s, "negated") == 0;
    free(s);
    return neg;
}

static int push_row(struct rows *rs, const char *article, const char *source, const char *saff,
                    const char *relation, const char *target, const char *taff,
                    const char *polarity, const char *evidence, int upper_rel)
{
    if (rs->len == rs->cap) {
        size_t cap = rs->cap ? rs->cap * 2 : 256;
        struct row *it = realloc(rs->items, cap * sizeof *it);
        if (!it)
            return RN_ENOMEM;
        rs->items = it;
        rs->cap = cap;
    }
    struct row *r = &rs->items[rs->len];
    memset(r, 0, sizeof *r);
    r->article = strdup(article ? article : "");
    r->source = strdup(source ? source : "");
    r->saff = strdup(saff ? saff : "");
    r->relation = upper_rel ? strip_dup(relation ? relation : "", 0) : strdup(relation ? relation : "");
    r->target = strdup(target ? target : "");
    r->taff = strdup(taff ? taff : "");
    r->polarity = strdup(polarity ? polarity : "");
    r->evidence = strdup(evidence ? evidence : "");
    r->fsource = fold_dup(r->source ? r->source : "");
    r->fsaff = fold_dup(r->saff ? r->saff : "");
    r->ftarget = fold_dup(r->target ? r->target : "");
    r->ftaff = fold_dup(r->taff ? r->taff : "");
    r->negated = is_negated(polarity);
    if (!r->article || !r->source || !r->saff || !r->relation || !r->target || !r->taff ||
        !r->polarity || !r->evidence || !r->fsource || !r->fsaff || !r->ftarget || !r->ftaff) {
        row_free(r);
        return RN_ENOMEM;
    }
    if (upper_rel)
        for (char *p = r->relation; *p; p++)
            if (*p >= 'a' && *p <= 'z')
                *p = (char)(*p - 32);
    rs->len++;
    return RN_OK;
}

/* score.py article_id: base name, extension dropped when there is a dot. */
static char *article_id(const char *value)
{
    char *v = strip_dup(value, 0);
    if (!v)
        return NULL;
    const char *base = strrchr(v, '/');
    base = base ? base + 1 : v;
    char *out = strdup(base);
    free(v);
    if (!out)
        return NULL;
    char *dot = strrchr(out, '.');
    if (dot) {
        const char *p = out;
        while (p < dot && *p == '.')
            p++;
        if (p < dot) /* os.path.splitext ignores leading dots */
            *dot = '\0';
    }
    return out;
}

static int wanted(const struct rn_eval *ev, const char *id)
{
    uint32_t x;
    return !ev->wanted || rn_strtab_find(ev->wanted, id, strlen(id), &x) == RN_OK;
}

int rn_eval_want_article(struct rn_eval *ev, const char *id)
{
    if (!ev->wanted && !(ev->wanted = rn_strtab_new()))
        return RN_ENOMEM;
    uint32_t x;
    return rn_strtab_intern(ev->wanted, id, strlen(id), &x, NULL);
}

static int xgrow_aliases(struct rn_eval *ev, uint32_t id)
{
    if (id < ev->alias_cap)
        return RN_OK;
    size_t cap = ev->alias_cap ? ev->alias_cap : 64;
    while (cap <= id)
        cap *= 2;
    char **c = realloc(ev->alias_canon, cap * sizeof *c);
    if (!c)
        return RN_ENOMEM;
    memset(c + ev->alias_cap, 0, (cap - ev->alias_cap) * sizeof *c);
    ev->alias_canon = c;
    ev->alias_cap = cap;
    return RN_OK;
}

static int load_aliases(struct rn_eval *ev, const char *path, struct rn_err *err)
{
    struct table t;
    int rc = read_table(path, &t, err);
    if (rc != RN_OK)
        return rc;
    ev->alias_keys = rn_strtab_new();
    if (!ev->alias_keys) {
        table_free(&t);
        return RN_ENOMEM;
    }
    /* rows[1:]: the header row is t.head; row[0] canonical, row[2] forms */
    for (size_t r = 0; r < t.nrows && rc == RN_OK; r++) {
        const char *c0 = t.nhead > 0 ? t.cells[r][0] : "";
        if (blank(c0))
            continue;
        char *cf = fold_dup(c0);
        if (!cf) {
            rc = RN_ENOMEM;
            break;
        }
        /* table[canon] = canon: always (re)set */
        uint32_t id;
        int added;
        if (rn_strtab_intern(ev->alias_keys, cf, strlen(cf), &id, &added) != RN_OK ||
            xgrow_aliases(ev, id) != RN_OK) {
            free(cf);
            rc = RN_ENOMEM;
            break;
        }
        if (!added)
            free(ev->alias_canon[id]);
        ev->alias_canon[id] = cf;
        const char *forms = t.nhead > 2 ? t.cells[r][2] : "";
        char *copy = strdup(forms);
        char *p = copy;
        while (p && rc == RN_OK) {
            char *bar = strchr(p, '|');
            if (bar)
                *bar = '\0';
            if (!strstr(p, "context") && !strchr(p, '/')) {
                /* drop (...) groups, strip spaces, then strip '"' */
                struct rn_buf b = RN_BUF_INIT;
                int depth = 0;
                for (const char *q = p; *q; q++) {
                    if (*q == '(' && strchr(q, ')')) {
                        const char *close = strchr(q, ')');
                        q = close;
                        continue;
                    }
                    rn_buf_addc(&b, *q);
                }
                (void)depth;
                char *s1 = strip_dup(rn_buf_str(&b), 0);
                rn_buf_release(&b);
                char *s2 = s1;
                size_t n = s2 ? strlen(s2) : 0;
                while (n && s2[n - 1] == '"')
                    s2[--n] = '\0';
                while (s2 && *s2 == '"')
                    s2++;
                if (s2 && *s2) {
                    char *ff = fold_dup(s2);
                    uint32_t fid;
                    int fadded = 0;
                    if (ff && rn_strtab_intern(ev->alias_keys, ff, strlen(ff), &fid, &fadded) ==
                                  RN_OK &&
                        xgrow_aliases(ev, fid) == RN_OK) {
                        if (fadded)
                            ev->alias_canon[fid] = strdup(cf);
                    }
                    free(ff);
                }
                free(s1);
            }
            p = bar ? bar + 1 : NULL;
        }
        free(copy);
    }
    table_free(&t);
    return rc;
}

int rn_eval_new(const char *gold_path, const char *aliases_path, struct rn_eval **out,
                struct rn_err *err)
{
    *out = NULL;
    struct rn_eval *ev = calloc(1, sizeof *ev);
    if (!ev || !(ev->seen = rn_strtab_new())) {
        free(ev);
        return rn_fail(err, RN_ENOMEM, "out of memory");
    }
    struct table t;
    int rc = read_table(gold_path, &t, err);
    if (rc != RN_OK) {
        rn_eval_free(ev);
        return rc;
    }
    static const char *const need[] = { "article", "source", "relation", "target" };
    for (size_t k = 0; k < 4; k++)
        if (!has_column(&t, need[k])) {
            table_free(&t);
            rn_eval_free(ev);
            return rn_fail(err, RN_EINPUT, "%s:1: the gold header lacks column '%s'", gold_path,
                           need[k]);
        }
    for (size_t r = 0; r < t.nrows && rc == RN_OK; r++)
        rc = push_row(&ev->gold, cell(&t, r, "article"), cell(&t, r, "source"),
                      cell(&t, r, "source_affiliation"), cell(&t, r, "relation"),
                      cell(&t, r, "target"), cell(&t, r, "target_affiliation"),
                      cell(&t, r, "polarity"), cell(&t, r, "evidence"), 0);
    table_free(&t);
    if (rc != RN_OK) {
        rn_eval_free(ev);
        return rn_fail(err, rc, "out of memory");
    }
    char apath[4096];
    if (!aliases_path) {
        const char *slash = strrchr(gold_path, '/');
        if (slash)
            snprintf(apath, sizeof apath, "%.*s/aliases.tsv", (int)(slash - gold_path), gold_path);
        else
            snprintf(apath, sizeof apath, "aliases.tsv");
        FILE *f = fopen(apath, "r");
        if (f) {
            fclose(f);
            aliases_path = apath;
        }
    }
    if (aliases_path) {
        /* score.py ignores an alias file that does not exist; the one next to
           the gold file is optional above, but a file named by the user that
           cannot be read is bad input (rn_open_status) like every other */
        FILE *f = fopen(aliases_path, "r");
        if (f) {
            fclose(f);
            rc = load_aliases(ev, aliases_path, err);
        } else {
            rc = rn_fail_open(err, errno, aliases_path);
        }
        if (rc != RN_OK) {
            rn_eval_free(ev);
            return rc;
        }
    }
    *out = ev;
    return RN_OK;
}

void rn_eval_free(struct rn_eval *ev)
{
    if (!ev)
        return;
    for (size_t i = 0; i < ev->gold.len; i++)
        row_free(&ev->gold.items[i]);
    for (size_t i = 0; i < ev->pred.len; i++)
        row_free(&ev->pred.items[i]);
    free(ev->gold.items);
    free(ev->pred.items);
    for (size_t i = 0; i < ev->alias_cap; i++)
        free(ev->alias_canon[i]);
    free(ev->alias_canon);
    rn_strtab_free(ev->alias_keys);
    rn_strtab_free(ev->wanted);
    rn_strtab_free(ev->seen);
    free(ev);
}

int rn_eval_add(struct rn_eval *ev, const char *article, const char *source,
                const char *source_affiliation, const char *relation, const char *target,
                const char *target_affiliation, const char *polarity, const char *evidence)
{
    char *id = article_id(article ? article : "");
    if (!id)
        return RN_ENOMEM;
    int rc = push_row(&ev->pred, id, source, source_affiliation, relation, target,
                      target_affiliation, polarity, evidence, 1);
    free(id);
    if (rc != RN_OK)
        return rc;
    struct row *p = &ev->pred.items[ev->pred.len - 1];
    int known = 0;
    for (size_t k = 0; k < RN_EVAL_NREL; k++)
        if (strcmp(p->relation, relations[k]) == 0)
            known = 1;
    /* dedup key: article, folded names, relation, negated */
    struct rn_buf key = RN_BUF_INIT;
    rn_buf_addf(&key, "%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%d", p->article, p->fsource,
                p->fsaff, p->relation, p->ftarget, p->ftaff, p->negated);
    uint32_t kid;
    int added = 0;
    rc = known ? rn_strtab_intern(ev->seen, rn_buf_str(&key), key.len, &kid, &added) : RN_OK;
    rn_buf_release(&key);
    if (!known || !added) {
        row_free(p);
        ev->pred.len--;
    }
    return rc;
}

int rn_eval_add_file(struct rn_eval *ev, const char *path, struct rn_err *err)
{
    struct table t;
    int rc = read_table(path, &t, err);
    if (rc != RN_OK)
        return rc;
    static const char *const need[] = { "article", "source", "relation", "target" };
    for (size_t k = 0; k < 4; k++)
        if (!has_column(&t, need[k])) {
            table_free(&t);
            return rn_fail(err, RN_EINPUT, "%s:1: predictions lack column '%s'", path, need[k]);
        }
    for (size_t r = 0; r < t.nrows && rc == RN_OK; r++)
        rc = rn_eval_add(ev, cell(&t, r, "article"), cell(&t, r, "source"),
                         cell(&t, r, "source_affiliation"), cell(&t, r, "relation"),
                         cell(&t, r, "target"), cell(&t, r, "target_affiliation"),
                         cell(&t, r, "polarity"), cell(&t, r, "evidence"));
    table_free(&t);
    return rc == RN_OK ? RN_OK : rn_fail(err, rc, "%s: out of memory", path);
}

static void prf(const struct rn_eval *ev, const char *rel, int neg, struct rn_eval_prf *o)
{
    size_t ng = 0, np = 0, tg = 0, tp = 0;
    for (size_t i = 0; i < ev->gold.len; i++) {
        const struct row *g = &ev->gold.items[i];
        if (!wanted(ev, g->article) || g->negated != neg ||
            (rel && strcasecmp(g->relation, rel) != 0))
            continue;
        ng++;
        tg += g->hit;
    }
    for (size_t i = 0; i < ev->pred.len; i++) {
        const struct row *p = &ev->pred.items[i];
        if (!wanted(ev, p->article) || p->negated != neg || (rel && strcmp(p->relation, rel) != 0))
            continue;
        np++;
        tp += p->hit;
    }
    o->gold = ng;
    o->pred = np;
    o->precision = np ? (double)tp / (double)np : 0.0;
    o->recall = ng ? (double)tg / (double)ng : 0.0;
    o->f1 = o->precision + o->recall > 0
                ? 2 * o->precision * o->recall / (o->precision + o->recall)
                : 0.0;
}

int rn_eval_score(struct rn_eval *ev, int strict, struct rn_eval_result *out)
{
    memset(out, 0, sizeof *out);
    out->strict = strict;
    for (size_t i = 0; i < ev->gold.len; i++)
        ev->gold.items[i].hit = 0;
    for (size_t i = 0; i < ev->pred.len; i++) {
        struct row *p = &ev->pred.items[i];
        p->hit = 0;
        if (!wanted(ev, p->article))
            continue;
        for (size_t k = 0; k < ev->gold.len; k++) {
            struct row *g = &ev->gold.items[k];
            if (!wanted(ev, g->article) || !match(ev, p, g, strict))
                continue;
            p->hit = 1;
            g->hit = 1;
        }
    }
    for (size_t k = 0; k < RN_EVAL_NREL; k++)
        prf(ev, relations[k], 0, &out->rel[k]);
    prf(ev, NULL, 1, &out->negated);
    prf(ev, NULL, 0, &out->micro);
    return RN_OK;
}

/* The first max code points of s. */
static int cut(struct rn_buf *b, const char *s, size_t max)
{
    rn_buf_reset(b);
    size_t n = 0, i = 0;
    while (s[i] && n < max) {
        size_t k = i + 1;
        while (s[k] && ((unsigned char)s[k] & 0xC0) == 0x80)
            k++;
        if (rn_buf_add(b, s + i, k - i) != RN_OK)
            return RN_ENOMEM;
        i = k;
        n++;
    }
    return rn_buf_add(b, "", 0);
}

static void line(FILE *out, const char *name, const struct rn_eval_prf *p)
{
    fprintf(out, "%-10s %5zu %5zu %6.3f %6.3f %6.3f\n", name, p->gold, p->pred, p->precision,
            p->recall, p->f1);
}

int rn_eval_write_table(FILE *out, const struct rn_eval *ev, const struct rn_eval_result *r,
                        int show)
{
    fprintf(out, "%-10s %5s %5s %6s %6s %6s   (%s)\n", "relation", "gold", "pred", "P", "R",
            "F1", r->strict ? "strict" : "lenient");
    for (size_t k = 0; k < RN_EVAL_NREL; k++)
        line(out, relations[k], &r->rel[k]);
    line(out, "negated", &r->negated);
    line(out, "micro", &r->micro);
    if (show) {
        struct rn_buf b = RN_BUF_INIT;
        fputs("\n# missed gold rows\n", out);
        for (size_t i = 0; i < ev->gold.len; i++) {
            const struct row *g = &ev->gold.items[i];
            if (!wanted(ev, g->article) || g->hit)
                continue;
            cut(&b, g->evidence, 160);
            fprintf(out, "%s\t%s [%s]\t%s\t%s\t%s\t%s\n", g->article, g->source, g->saff,
                    g->relation, g->target, g->polarity, rn_buf_str(&b));
        }
        fputs("\n# predictions matching no gold row\n", out);
        for (size_t i = 0; i < ev->pred.len; i++) {
            const struct row *p = &ev->pred.items[i];
            if (!wanted(ev, p->article) || p->hit)
                continue;
            cut(&b, p->evidence, 160);
            fprintf(out, "%s\t%s [%s]\t%s\t%s\t%s\t%s\n", p->article, p->source, p->saff,
                    p->relation, p->target, p->polarity, rn_buf_str(&b));
        }
        rn_buf_release(&b);
    }
    fprintf(out, "F1=%.3f P=%.3f R=%.3f\n", r->micro.f1, r->micro.precision, r->micro.recall);
    return ferror(out) ? RN_EIO : RN_OK;
}

static struct rn_json *prf_json(const struct rn_eval_prf *p)
{
    struct rn_json *o = rn_json_object();
    if (!o)
        return NULL;
    rn_json_set(o, "gold", rn_json_integer((long long)p->gold));
    rn_json_set(o, "pred", rn_json_integer((long long)p->pred));
    rn_json_set(o, "precision", rn_json_number(p->precision));
    rn_json_set(o, "recall", rn_json_number(p->recall));
    rn_json_set(o, "f1", rn_json_number(p->f1));
    return o;
}

static struct rn_json *rows_json(const struct rn_eval *ev, const struct rows *rs)
{
    struct rn_json *a = rn_json_array();
    for (size_t i = 0; a && i < rs->len; i++) {
        const struct row *r = &rs->items[i];
        if (!wanted(ev, r->article) || r->hit)
            continue;
        struct rn_json *o = rn_json_object();
        rn_json_set(o, "article", rn_json_string(r->article));
        rn_json_set(o, "source", rn_json_string(r->source));
        rn_json_set(o, "source_affiliation", rn_json_string(r->saff));
        rn_json_set(o, "relation", rn_json_string(r->relation));
        rn_json_set(o, "target", rn_json_string(r->target));
        rn_json_set(o, "target_affiliation", rn_json_string(r->taff));
        rn_json_set(o, "polarity", rn_json_string(r->polarity));
        rn_json_set(o, "evidence", rn_json_string(r->evidence));
        rn_json_append(a, o);
    }
    return a;
}

int rn_eval_write_json(FILE *out, const struct rn_eval *ev, const struct rn_eval_result *r,
                       int show)
{
    struct rn_json *o = rn_json_object();
    if (!o)
        return RN_ENOMEM;
    rn_json_set(o, "mode", rn_json_string(r->strict ? "strict" : "lenient"));
    struct rn_json *rels = rn_json_object();
    for (size_t k = 0; rels && k < RN_EVAL_NREL; k++)
        rn_json_set(rels, relations[k], prf_json(&r->rel[k]));
    rn_json_set(o, "relations", rels);
    rn_json_set(o, "negated", prf_json(&r->negated));
    rn_json_set(o, "micro", prf_json(&r->micro));
    if (show) {
        rn_json_set(o, "missed", rows_json(ev, &ev->gold));
        rn_json_set(o, "false_positives", rows_json(ev, &ev->pred));
    }
    int rc = rn_json_dump(out, o, 1);
    rn_json_free(o);
    return rc;
}
