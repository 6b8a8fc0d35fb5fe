/* sentence.h - split clean article text into sentences.
 *
 * Survives abbreviations (U.S., U.K., Mr., Sept., No., Inc.), initials
 * ("J. R. Smith"), decimal numbers, quotes and brackets after the final
 * stop, ellipses, headlines and captions without a final period (a line
 * break ends a sentence when the line does not continue grammatically), and
 * numbered or bulleted list items.
 *
 * Rules, in the order they are tried at a '.', '!', '?', "..." or U+2026:
 *   - the stop takes any further stops and closing quotes or brackets
 *     (" ' ” ’ » ) ]) with it, and must be followed by white space or the
 *     end of the text ("3.5", "U.S.-China", "example.com" never end);
 *   - a next word that starts in lower case never begins a sentence
 *     ("etc. and", "Is it?” he asked");
 *   - "1." or "a." at the start of a line is a list marker;
 *   - after a single '.', the word before it is looked up in the
 *     abbreviation rules (data/lexicon/abbreviations.tsv, with a built-in
 *     copy): "inner" ones (e.g., i.e., vs.) and "title" ones (Mr., Dr.,
 *     Gen.) never end a sentence; "number" ones (No., Art.) do not before a
 *     digit; "ambiguous" ones (Inc., Sept., St.), dotted acronyms (U.S.,
 *     J.D.) and single capitals (initials) end one only when the next word
 *     is a common sentence starter ("the U.S. He said" splits, "the U.S.
 *     Justice Department" does not);
 *   - every '\n' ends a sentence: ingest puts one block per line.
 * A sentence that runs past RN_SENTENCE_MAX_BYTES without a stop (a table
 * flattened into one line, a 50 MB line) is cut at the last space before
 * that size, so later stages never see unbounded sentences.
 */
#ifndef RELNET_SENTENCE_H
#define RELNET_SENTENCE_H

#include "relnet/error.h"

#include <stddef.h>

struct rn_span {
    size_t start; /* byte offset of the first byte (leading space skipped) */
    size_t end;   /* one past the last byte (trailing space dropped) */
};

struct rn_sentences {
    struct rn_span *items; /* in text order, non-overlapping, non-empty */
    size_t len, cap;
};

#define RN_SENTENCES_INIT { NULL, 0, 0 }

/* Longest sentence handed out; longer runs are cut at a space. */
#define RN_SENTENCE_MAX_BYTES 8192

/* Replace out's contents with the sentences of text[0..len), using the
 * built-in abbreviation rules. Returns RN_OK or RN_ENOMEM. Time O(len). */
int rn_sentence_split(const char *text, size_t len, struct rn_sentences *out);

void rn_sentences_release(struct rn_sentences *s);

/* Abbreviation rules: which words before a '.' do not end a sentence, and
 * which words typically start one. Opaque; immutable once loaded, so one
 * set may be shared by threads. */
struct rn_sentence_rules;

/* The built-in rules (a copy of data/lexicon/abbreviations.tsv). Borrowed,
 * static: never free it. */
const struct rn_sentence_rules *rn_sentence_rules_default(void);

/* Load rules from a TSV file: "KIND<TAB>WORD" per line, KIND one of title,
 * ambiguous, number, inner, starter; '#' comments and blank lines skipped;
 * a trailing '.' on WORD is ignored ("e.g." = "e.g"). The file replaces
 * the built-in rules. *out (free with rn_sentence_rules_free) is set on
 * RN_OK. Errors: "cannot open PATH: ..." (rn_open_status), RN_EINPUT "PATH:LINE:
 * unknown kind 'x', expected title, ambiguous, number, inner or starter",
 * RN_ENOMEM. */
int rn_sentence_rules_load(const char *path, struct rn_sentence_rules **out,
                           struct rn_err *err);

/* NULL-safe; never pass rn_sentence_rules_default() (it is ignored). */
void rn_sentence_rules_free(struct rn_sentence_rules *rules);

/* rn_sentence_split with explicit rules (NULL = built-in). Time O(len):
 * each look-up reads at most a few dozen bytes around the stop. */
int rn_sentence_split_with(const struct rn_sentence_rules *rules, const char *text,
                           size_t len, struct rn_sentences *out);

#endif
