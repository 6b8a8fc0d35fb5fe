/* html.h - HTML page to block-per-line text and metadata (libxml2's HTML
 * parser lives here and nowhere else). Used by ingest.
 *
 * The page is parsed with htmlCtxtReadMemory (recover, no network, no error
 * output, no nesting limit: XML_PARSE_HUGE); a parse that stops before the
 * end of the page (a charset conversion error, a NUL byte) is an error that
 * says where and how much was not read, never a silently shorter text. Dropped whole: script, style, noscript, template, svg, iframe,
 * form controls, and the head (read only for metadata). Unless the caller
 * asks to keep boilerplate, also dropped: nav, footer, aside, form,
 * elements that are hidden (hidden, aria-hidden, display:none), elements
 * whose ARIA role is navigation, banner, contentinfo, complementary, search,
 * menu or dialog, and elements whose class or id names a boilerplate
 * token (the caller's predicate: menu, share, newsletter, cookie, related,
 * author ...). To stay conservative, none of these is dropped when it holds
 * half or more of the page's text: that is the article, whatever its
 * markup says.
 *
 * Block elements (p, div, h1-h6, li, br, tr, td, figcaption, blockquote,
 * ...) end a line; white space inside a block collapses to one space as a
 * browser shows it; <pre> keeps its line breaks; entities are decoded.
 */
#ifndef RELNET_HTML_H
#define RELNET_HTML_H

#include "relnet/buf.h"
#include "relnet/error.h"

#include <stddef.h>

struct rn_html_doc {
    struct rn_buf text; /* one block per line, each ending in '\n' */
    char *title;        /* og:title, else <title>; NULL if none; owned */
    char *url;          /* <link rel=canonical>, else og:url; NULL if none; owned */
    char *date;         /* publication date as the page writes it (not normalised):
                           article:published_time, <meta name=date> and kin,
                           JSON-LD datePublished, else the first kept <time
                           datetime>; NULL if none; owned */
    size_t dropped;     /* elements dropped as boilerplate (not script and kin) */
};

#define RN_HTML_DOC_INIT { { NULL, 0, 0 }, NULL, NULL, NULL, 0 }

/* Decides whether one lower-case class or id token (the first or last part
 * of a class name split at '-' and '_') marks a boilerplate element. */
struct rn_html_filter {
    int (*is_boiler_token)(const char *token, size_t len, const void *ctx);
    const void *ctx;
    int keep_boilerplate; /* 1: drop only script/style and kin */
};

/* Parse data[0..len) and fill *out (which must be empty, e.g.
 * RN_HTML_DOC_INIT). encoding is passed to libxml2: "UTF-8" when the caller
 * has already made the bytes valid UTF-8, NULL to let libxml2 follow the
 * page's own charset declaration. filter may be NULL (nothing but script and
 * kin dropped). Returns RN_OK, RN_ENOMEM, or RN_EINPUT when libxml2 cannot
 * build any document or stops before the end ("line N: the HTML parser
 * stopped (...); the last K bytes of the page were not read"; messages name
 * no file: the caller adds it).
 * Time: linear in len (libxml2's parser, then two walks of the tree, which
 * are iterative so deep nesting cannot exhaust the stack). */
int rn_html_extract(const char *data, size_t len, const char *encoding,
                    const struct rn_html_filter *filter, struct rn_html_doc *out,
                    struct rn_err *err);

/* Free everything; d is left empty. Safe to call twice. */
void rn_html_doc_release(struct rn_html_doc *d);

/* Set up libxml2's global state (xmlInitParser). libxml2 wants it done on
 * the main thread before threads parse pages; rn_lib_init and
 * rn_pipeline_run call it. Safe to call again. */
void rn_html_setup(void);

#endif
