/* boilerplate.h - the boilerplate rules: phrases that mark a line of page
 * furniture ("Sign up for our newsletter", "Share this article") and HTML
 * class/id tokens that mark a box of it ("cookie-banner"). The format is in
 * data/lexicon/README.boilerplate.md; the built-in set is
 * data/lexicon/boilerplate.tsv, compiled in. Ingest (relnet/ingest.h) drops
 * the lines and boxes they match; lines repeated across many files are
 * ingest's other boilerplate test (rn_boiler_stats_*).
 *
 * A rule set is opaque and immutable once loaded, so one set may be shared
 * by threads.
 */
#ifndef RELNET_BOILERPLATE_H
#define RELNET_BOILERPLATE_H

#include "relnet/error.h"

#include <stddef.h>

struct rn_boiler_rules;

/* Load rules from a TSV file (format in data/lexicon/README.boilerplate.md:
 * "KIND<TAB>PHRASE[<TAB>MAX_WORDS]", KIND one of line, prefix, contains,
 * class). The file replaces the built-in rules. *out (free with
 * rn_boiler_rules_free) is set on RN_OK. Errors: "cannot open PATH: ..."
 * (rn_open_status), RN_EINPUT "PATH:LINE: what was expected", RN_ENOMEM. */
int rn_boiler_rules_load(const char *path, struct rn_boiler_rules **out,
                         struct rn_err *err);

/* NULL-safe. */
void rn_boiler_rules_free(struct rn_boiler_rules *rules);

/* The built-in rules (loaded once, thread-safe; never freed). */
const struct rn_boiler_rules *rn_boiler_rules_builtin(void);

/* Does the line s[0..n), of words words, match one of the phrase rules
 * (the whole line, its start, or a part of a line of at most the rule's
 * MAX_WORDS)? */
int rn_boiler_rules_match_line(const struct rn_boiler_rules *r, const char *s, size_t n,
                               size_t words);

/* Is token (NUL-terminated; len is its length) one of the class rules?
 * rules is the struct rn_boiler_rules; the signature is that of
 * rn_html_filter's test, so HTML parsing can drop the boxes it marks. */
int rn_boiler_is_class_token(const char *token, size_t len, const void *rules);

#endif
