/* sentence.h - split clean article text into sentences.
 *
 * Survives abbreviations (U.S., U.K., Mr., Sept., No., Inc.), initials
 * ("J. R. Smith"), decimal numbers, quotes and brackets after the final
 * stop, ellipses, headlines and captions without a final period (a line
 * break ends a sentence when the line does not continue grammatically), and
 * numbered or bulleted list items.
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

/* Replace out's contents with the sentences of text[0..len). Returns RN_OK
 * or RN_ENOMEM. Time O(len). */
int rn_sentence_split(const char *text, size_t len, struct rn_sentences *out);

void rn_sentences_release(struct rn_sentences *s);

#endif
