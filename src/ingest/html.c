/* html.c - HTML to block-per-line text with libxml2 (see relnet/html.h).
 *
 * Two iterative walks over the parsed tree: the first stores in each
 * element's _private field how many text bytes it holds (so a boilerplate
 * candidate can be weighed against the whole page in O(1)), the second
 * writes the text and collects metadata.
 */
#include "relnet/html.h"

#include "relnet/json.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum kind {
    K_INLINE = 0, /* descend, no line break */
    K_BLOCK,      /* descend, line break before and after */
    K_SKIP,       /* never shown: script, style, form controls ... */
    K_BR,         /* a line break, no content */
    K_PRE,        /* block that keeps its line breaks */
    K_HEAD,       /* read for metadata only */
    K_TITLE,
    K_META,
    K_LINK,
    K_TIME,       /* inline, may carry the date */
    K_SCRIPT,     /* skipped, but JSON-LD may carry the date */
    K_BOILER,     /* nav, footer, aside, form: block, dropped unless kept */
    K_CONTAINER,  /* html, body, main, article: block, never dropped for its class */
};

static const struct {
    const char *name;
    enum kind kind;
} tags[] = {
    { "p", K_BLOCK }, { "div", K_BLOCK }, { "br", K_BR }, { "li", K_BLOCK },
    { "h1", K_BLOCK }, { "h2", K_BLOCK }, { "h3", K_BLOCK }, { "h4", K_BLOCK },
    { "h5", K_BLOCK }, { "h6", K_BLOCK }, { "ul", K_BLOCK }, { "ol", K_BLOCK },
    { "dl", K_BLOCK }, { "dt", K_BLOCK }, { "dd", K_BLOCK }, { "tr", K_BLOCK },
    { "td", K_BLOCK }, { "th", K_BLOCK }, { "table", K_BLOCK }, { "thead", K_BLOCK },
    { "tbody", K_BLOCK }, { "tfoot", K_BLOCK }, { "caption", K_BLOCK },
    { "figure", K_BLOCK }, { "figcaption", K_BLOCK }, { "blockquote", K_BLOCK },
    { "section", K_BLOCK }, { "header", K_BLOCK }, { "address", K_BLOCK },
    { "hr", K_BR }, { "center", K_BLOCK }, { "details", K_BLOCK }, { "summary", K_BLOCK },
    { "fieldset", K_BLOCK }, { "legend", K_BLOCK }, { "dialog", K_BLOCK },
    { "hgroup", K_BLOCK }, { "picture", K_BLOCK }, { "video", K_SKIP },
    { "pre", K_PRE }, { "listing", K_PRE }, { "xmp", K_PRE }, { "plaintext", K_PRE },
    { "script", K_SCRIPT }, { "style", K_SKIP }, { "noscript", K_SKIP },
    { "template", K_SKIP }, { "svg", K_SKIP }, { "math", K_SKIP }, { "iframe", K_SKIP },
    { "object", K_SKIP }, { "embed", K_SKIP }, { "applet", K_SKIP }, { "canvas", K_SKIP },
    { "audio", K_SKIP }, { "map", K_SKIP }, { "button", K_SKIP }, { "select", K_SKIP },
    { "input", K_SKIP }, { "textarea", K_SKIP }, { "option", K_SKIP },
    { "datalist", K_SKIP }, { "head", K_HEAD }, { "title", K_TITLE }, { "meta", K_META },
    { "link", K_LINK }, { "time", K_TIME }, { "nav", K_BOILER }, { "footer", K_BOILER },
    { "aside", K_BOILER }, { "form", K_BOILER }, { "menu", K_BOILER },
    { "html", K_CONTAINER }, { "body", K_CONTAINER }, { "main", K_CONTAINER },
    { "article", K_CONTAINER },
};

static enum kind tag_kind(const xmlChar *name)
{
    const char *n = (const char *)name;
    if (!n)
        return K_INLINE;
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
        if (tags[i].name[0] == n[0] && tags[i].name[1] == n[1] && strcmp(tags[i].name, n) == 0)
            return tags[i].kind;
    return K_INLINE;
}

/* The value of attribute name on node (borrowed from the tree), or NULL.
 * The HTML parser gives each attribute one text child. */
static const char *attr(const xmlNode *node, const char *name)
{
    for (const xmlAttr *a = node->properties; a; a = a->next) {
        if (a->name && strcmp((const char *)a->name, name) == 0) {
            if (a->children && a->children->content)
                return (const char *)a->children->content;
            return "";
        }
    }
    return NULL;
}

static int ascii_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static int eq_nocase(const char *a, const char *b)
{
    while (*a && *b && ascii_lower((unsigned char)*a) == ascii_lower((unsigned char)*b)) {
        a++;
        b++;
    }
    return *a == '\0' && *b == '\0';
}

/* Does the white-space separated list s contain word (ASCII case ignored)? */
static int list_has(const char *s, const char *word)
{
    size_t wn = strlen(word);
    while (s && *s) {
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f')
            s++;
        size_t n = 0;
        while (s[n] && s[n] != ' ' && s[n] != '\t' && s[n] != '\n' && s[n] != '\r' &&
               s[n] != '\f')
            n++;
        if (n == wn) {
            size_t i = 0;
            while (i < n && ascii_lower((unsigned char)s[i]) == word[i])
                i++;
            if (i == n)
                return 1;
        }
        s += n;
    }
    return 0;
}

/* A copy of s with white space runs collapsed and the ends trimmed; NULL
 * for NULL, for an all-space string, or on out of memory. */
static char *clean_copy(const char *s)
{
    if (!s)
        return NULL;
    struct rn_buf b = RN_BUF_INIT;
    int space = 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            space = b.len > 0;
            continue;
        }
        if ((space && rn_buf_addc(&b, ' ') != RN_OK) || rn_buf_addc(&b, (char)c) != RN_OK) {
            rn_buf_release(&b);
            return NULL;
        }
        space = 0;
    }
    if (b.len == 0) {
        rn_buf_release(&b);
        return NULL;
    }
    return rn_buf_detach(&b);
}

/* --- the generic walk -------------------------------------------------------- */

struct walker {
    /* 1: go into the node's children (leave is called after them), 0: skip
       them, < 0: stop with that status. */
    int (*enter)(xmlNode *node, void *ctx);
    int (*leave)(xmlNode *node, void *ctx);
    void *ctx;
};

/* Pre/post-order walk below root without recursion: the tree's own parent
 * links are the stack. */
static int walk(xmlNode *root, const struct walker *w)
{
    xmlNode *cur = root->children;
    while (cur) {
        int d = w->enter(cur, w->ctx);
        if (d < 0)
            return d;
        if (d > 0 && cur->children) {
            cur = cur->children;
            continue;
        }
        if (d > 0 && (d = w->leave(cur, w->ctx)) < 0)
            return d;
        while (!cur->next) {
            cur = cur->parent;
            if (!cur || cur == root)
                return RN_OK;
            if ((d = w->leave(cur, w->ctx)) < 0)
                return d;
        }
        cur = cur->next;
    }
    return RN_OK;
}

/* --- pass 1: text bytes and kind per element --------------------------------- */

/* Each element's _private holds (text bytes << 4) | its enum kind, so the
 * second walk needs no second tag look-up. */
static size_t size_of(const xmlNode *n)
{
    return (size_t)((uintptr_t)n->_private >> 4);
}

static enum kind kind_of(const xmlNode *n)
{
    return (enum kind)((uintptr_t)n->_private & 15u);
}

static void size_add(xmlNode *n, size_t k)
{
    if (n && n->type == XML_ELEMENT_NODE)
        n->_private = (void *)((uintptr_t)n->_private + ((uintptr_t)k << 4));
}

static int size_enter(xmlNode *node, void *ctx)
{
    (void)ctx;
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        if (node->content)
            size_add(node->parent, strlen((const char *)node->content));
        return 0;
    }
    if (node->type != XML_ELEMENT_NODE)
        return 0;
    enum kind k = tag_kind(node->name);
    node->_private = (void *)(uintptr_t)k;
    return !(k == K_SKIP || k == K_SCRIPT || k == K_HEAD || k == K_TITLE);
}

static int size_leave(xmlNode *node, void *ctx)
{
    (void)ctx;
    size_add(node->parent, size_of(node));
    return RN_OK;
}

/* --- pass 2: text and metadata ------------------------------------------------ */

enum { DATE_NONE = 9 };

struct extract {
    struct rn_html_doc *doc;
    const struct rn_html_filter *filter;
    size_t total;      /* text bytes of the whole page */
    int line_has_text; /* the current output line has visible text */
    int pending_space; /* white space seen since the last visible byte */
    int pre_depth;     /* inside <pre>: keep line breaks */
    char *title_tag, *og_title, *canonical, *og_url;
    int date_rank;     /* lower is better; DATE_NONE when no date yet */
};

static int line_break(struct extract *x)
{
    x->pending_space = 0;
    if (!x->line_has_text)
        return RN_OK;
    x->line_has_text = 0;
    return rn_buf_addc(&x->doc->text, '\n');
}

static int is_html_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int put_text(struct extract *x, const char *s)
{
    struct rn_buf *b = &x->doc->text;
    while (*s) {
        unsigned char c = (unsigned char)*s;
        if (is_html_space(c)) {
            if (x->pre_depth && c == '\n') {
                if (line_break(x) != RN_OK)
                    return RN_ENOMEM;
            } else if (x->line_has_text) {
                x->pending_space = 1;
            }
            s++;
            continue;
        }
        size_t n = 1;
        while (s[n] && !is_html_space((unsigned char)s[n]))
            n++;
        if (x->pending_space && rn_buf_addc(b, ' ') != RN_OK)
            return RN_ENOMEM;
        if (rn_buf_add(b, s, n) != RN_OK)
            return RN_ENOMEM;
        x->pending_space = 0;
        x->line_has_text = 1;
        s += n;
    }
    return RN_OK;
}

/* Keep value as the date when rank beats the date found so far. */
static int offer_date(struct extract *x, const char *value, int rank)
{
    if (!value || rank >= x->date_rank)
        return RN_OK;
    char *copy = clean_copy(value);
    if (!copy)
        return RN_OK; /* empty value (or no memory for an optional field) */
    free(x->doc->date);
    x->doc->date = copy;
    x->date_rank = rank;
    return RN_OK;
}

static void offer_string(char **slot, const char *value)
{
    if (*slot || !value)
        return;
    *slot = clean_copy(value);
}

static void meta_tag(struct extract *x, const xmlNode *node)
{
    static const char *const date_names[] = {
        "date", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
        "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued",
        "dcterms.created", "datepublished", "sailthru.date", "parsely-pub-date",
        "article.published", "og:published_time", "citation_publication_date",
    };
    const char *content = attr(node, "content");
    if (!content)
        return;
    const char *keys[3] = { attr(node, "property"), attr(node, "name"), attr(node, "itemprop") };
    for (int k = 0; k < 3; k++) {
        const char *key = keys[k];
        if (!key)
            continue;
        if (eq_nocase(key, "og:title"))
            offer_string(&x->og_title, content);
        else if (eq_nocase(key, "og:url"))
            offer_string(&x->og_url, content);
        else if (eq_nocase(key, "article:published_time"))
            offer_date(x, content, 0);
        else
            for (size_t i = 0; i < sizeof date_names / sizeof date_names[0]; i++)
                if (eq_nocase(key, date_names[i]))
                    offer_date(x, content, 1);
    }
}

static void link_tag(struct extract *x, const xmlNode *node)
{
    const char *rel = attr(node, "rel");
    if (rel && list_has(rel, "canonical"))
        offer_string(&x->canonical, attr(node, "href"));
}

/* The text of an element's direct text children, e.g. <title>. */
static void title_tag(struct extract *x, const xmlNode *node)
{
    if (x->title_tag)
        return;
    struct rn_buf b = RN_BUF_INIT;
    for (const xmlNode *c = node->children; c; c = c->next)
        if (c->type == XML_TEXT_NODE && c->content &&
            rn_buf_adds(&b, (const char *)c->content) != RN_OK)
            break;
    x->title_tag = clean_copy(rn_buf_str(&b));
    rn_buf_release(&b);
}

/* "datePublished" inside a JSON-LD script, read as JSON (an article, or
 * an item of its "@graph"). */
static void json_ld_date(struct extract *x, const xmlNode *node)
{
    const char *type = attr(node, "type");
    if (!type || !eq_nocase(type, "application/ld+json"))
        return;
    for (const xmlNode *c = node->children; c; c = c->next) {
        char value[65];
        if (c->content && rn_json_find_string((const char *)c->content,
                                              strlen((const char *)c->content), "datePublished",
                                              value, sizeof value)) {
            offer_date(x, value, 2);
            return;
        }
    }
}

/* Handle an element that only carries metadata; 1 when it was one. */
static int metadata_tag(struct extract *x, const xmlNode *node, enum kind k)
{
    switch (k) {
    case K_META:
        meta_tag(x, node);
        return 1;
    case K_LINK:
        link_tag(x, node);
        return 1;
    case K_TITLE:
        title_tag(x, node);
        return 1;
    case K_SCRIPT:
        json_ld_date(x, node);
        return 1;
    default:
        return 0;
    }
}

static void head_tag(struct extract *x, const xmlNode *head)
{
    for (const xmlNode *c = head->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            metadata_tag(x, c, tag_kind(c->name));
}

static int is_hidden(const xmlNode *node)
{
    if (attr(node, "hidden"))
        return 1;
    const char *aria = attr(node, "aria-hidden");
    if (aria && eq_nocase(aria, "true"))
        return 1;
    const char *style = attr(node, "style");
    if (!style)
        return 0;
    /* "display : none" and "visibility:hidden", spaces and case ignored. */
    char squeezed[256];
    size_t n = 0;
    for (const char *s = style; *s && n + 1 < sizeof squeezed; s++)
        if (!is_html_space((unsigned char)*s))
            squeezed[n++] = (char)ascii_lower((unsigned char)*s);
    squeezed[n] = '\0';
    return strstr(squeezed, "display:none") || strstr(squeezed, "visibility:hidden");
}

static int boiler_role(const xmlNode *node)
{
    static const char *const roles[] = {
        "navigation", "banner", "contentinfo", "complementary", "search", "menu",
        "menubar", "dialog", "alertdialog",
    };
    const char *role = attr(node, "role");
    if (!role)
        return 0;
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (list_has(role, roles[i]))
            return 1;
    return 0;
}

/* Is the first or last '-'/'_' part of one of the names in value a
 * boilerplate token? ("share-buttons", "article-related", "newsletter") */
static int boiler_names(const struct rn_html_filter *f, const char *value)
{
    if (!value || !f->is_boiler_token)
        return 0;
    const char *s = value;
    while (*s) {
        while (*s && is_html_space((unsigned char)*s))
            s++;
        const char *e = s;
        while (*e && !is_html_space((unsigned char)*e))
            e++;
        /* one class name s..e: lower-case its first and last parts */
        const char *first_end = s, *last_start = e;
        while (first_end < e && *first_end != '-' && *first_end != '_')
            first_end++;
        while (last_start > s && last_start[-1] != '-' && last_start[-1] != '_')
            last_start--;
        const char *parts[2][2] = { { s, first_end }, { last_start, e } };
        for (int p = 0; p < 2; p++) {
            char tok[33];
            size_t n = (size_t)(parts[p][1] - parts[p][0]);
            if (n == 0 || n >= sizeof tok)
                continue;
            for (size_t i = 0; i < n; i++)
                tok[i] = (char)ascii_lower((unsigned char)parts[p][0][i]);
            tok[n] = '\0';
            if (f->is_boiler_token(tok, n, f->ctx))
                return 1;
        }
        s = e;
    }
    return 0;
}

/* Should this (non-container) element be dropped as page furniture? */
static int drop_as_boiler(const struct extract *x, const xmlNode *node, enum kind k)
{
    const struct rn_html_filter *f = x->filter;
    if (!f || f->keep_boilerplate)
        return 0;
    int flagged = k == K_BOILER || is_hidden(node) || boiler_role(node);
    if (!flagged && k != K_CONTAINER)
        flagged = boiler_names(f, attr(node, "class")) || boiler_names(f, attr(node, "id"));
    if (!flagged)
        return 0;
    /* Half the page's text or more is the article, whatever its markup says. */
    return size_of(node) * 2 < x->total;
}

static int extract_enter(xmlNode *node, void *ctx)
{
    struct extract *x = ctx;
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        if (node->content && put_text(x, (const char *)node->content) != RN_OK)
            return RN_ENOMEM;
        return 0;
    }
    if (node->type != XML_ELEMENT_NODE)
        return 0;
    enum kind k = kind_of(node);
    if (metadata_tag(x, node, k) || k == K_SKIP)
        return 0;
    if (k == K_HEAD) {
        head_tag(x, node);
        return 0;
    }
    if (k == K_BR)
        return line_break(x) == RN_OK ? 0 : RN_ENOMEM;
    if (drop_as_boiler(x, node, k)) {
        x->doc->dropped++;
        return line_break(x) == RN_OK ? 0 : RN_ENOMEM;
    }
    if (k == K_TIME) {
        const char *pub = attr(node, "pubdate");
        const char *prop = attr(node, "itemprop");
        int rank = (pub || (prop && eq_nocase(prop, "datePublished"))) ? 3 : 4;
        offer_date(x, attr(node, "datetime"), rank);
    }
    if (k == K_PRE)
        x->pre_depth++;
    if (k != K_INLINE && k != K_TIME && line_break(x) != RN_OK)
        return RN_ENOMEM;
    return 1;
}

static int extract_leave(xmlNode *node, void *ctx)
{
    struct extract *x = ctx;
    enum kind k = kind_of(node);
    if (k == K_PRE && x->pre_depth > 0)
        x->pre_depth--;
    if (k != K_INLINE && k != K_TIME)
        return line_break(x);
    return RN_OK;
}

/* libxml2 reports some problems (encoding conversion, memory) through its
 * global handlers even with HTML_PARSE_NOERROR; a library must not print. */
static void quiet_generic(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void quiet_structured(void *ctx, xmlErrorPtr error)
{
    (void)ctx;
    (void)error;
}

/* Did libxml2 stop before the end of the page? It recovers from broken
   markup, but some errors end the parse and the rest of the page would be
   dropped without a word: input it could not convert from the declared
   charset, a NUL byte, a fatal error. RN_OK when it read everything, else
   RN_EINPUT saying where it stopped, why and how much was not read. */
static int parse_stopped(htmlParserCtxtPtr ctxt, struct rn_err *err)
{
    xmlParserInputPtr in = ctxt->input;
    size_t unread = 0;
    if (in && in->cur && in->end && in->end > in->cur)
        unread += (size_t)(in->end - in->cur);
    if (in && in->buf && in->buf->raw)
        unread += xmlBufUse(in->buf->raw); /* bytes left unconverted */
    if (!unread && !ctxt->disableSAX && ctxt->instate != XML_PARSER_EOF)
        return RN_OK;
    const char *why = ctxt->lastError.message ? ctxt->lastError.message : "";
    size_t wn = strcspn(why, "\n");
    int line = in ? in->line : ctxt->lastError.line;
    if (!unread)
        return rn_fail(err, RN_EINPUT, "line %d: the HTML parser stopped (%.*s); the rest of "
                       "the page was not read", line, (int)(wn > 200 ? 200 : wn), why);
    if (!wn) {
        why = in && in->cur < in->end && *in->cur == '\0' ? "a NUL byte" : "no reason given";
        wn = strlen(why);
    }
    return rn_fail(err, RN_EINPUT, "line %d: the HTML parser stopped (%.*s); the last %zu "
                   "bytes of the page were not read", line, (int)(wn > 200 ? 200 : wn), why,
                   unread);
}

void rn_html_doc_release(struct rn_html_doc *d)
{
    rn_buf_release(&d->text);
    free(d->title);
    free(d->url);
    free(d->date);
    d->title = d->url = d->date = NULL;
    d->dropped = 0;
}

int rn_html_extract(const char *data, size_t len, const char *encoding,
                    const struct rn_html_filter *filter, struct rn_html_doc *out,
                    struct rn_err *err)
{
    if (len > INT_MAX)
        return rn_fail(err, RN_EINPUT, "page too large for the HTML parser (%zu bytes)", len);
    xmlSetGenericErrorFunc(NULL, quiet_generic);
    xmlSetStructuredErrorFunc(NULL, quiet_structured);
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt)
        return rn_fail(err, RN_ENOMEM, "out of memory reading the page");
    /* XML_PARSE_HUGE lifts libxml2's nesting limit of 256 elements (past
       it the parser stops and drops the rest of the page). */
    htmlDocPtr doc = htmlCtxtReadMemory(ctxt, data, (int)len, NULL, encoding,
                                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                            HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                            XML_PARSE_HUGE);
    int rc = doc ? parse_stopped(ctxt, err) : rn_fail(err, RN_EINPUT,
                                                      "the HTML parser could not read the page");
    htmlFreeParserCtxt(ctxt);
    if (rc != RN_OK) {
        xmlFreeDoc(doc);
        return rc;
    }

    struct extract x = { .doc = out, .filter = filter, .date_rank = DATE_NONE };
    xmlNode *root = xmlDocGetRootElement(doc);
    if (root) {
        struct walker sizes = { size_enter, size_leave, NULL };
        rc = walk((xmlNode *)doc, &sizes);
        x.total = size_of(root);
        struct walker text = { extract_enter, extract_leave, &x };
        if (rc == RN_OK)
            rc = walk((xmlNode *)doc, &text);
        if (rc == RN_OK)
            rc = line_break(&x);
    }
    /* Fields take the better of two sources; the loser is freed. */
    out->title = x.og_title ? x.og_title : x.title_tag;
    free(x.og_title ? x.title_tag : NULL);
    out->url = x.canonical ? x.canonical : x.og_url;
    free(x.canonical ? x.og_url : NULL);
    xmlFreeDoc(doc);
    if (rc != RN_OK) {
        rn_html_doc_release(out);
        return rn_fail(err, rc, "out of memory reading the page");
    }
    if (!out->text.data && rn_buf_add(&out->text, "", 0) != RN_OK) {
        rn_html_doc_release(out);
        return rn_fail(err, RN_ENOMEM, "out of memory reading the page");
    }
    return RN_OK;
}
