/* text.h - UTF-8 checks and the folding that makes names comparable
 * (utf8proc lives here and nowhere else).
 */
#ifndef RELNET_TEXT_H
#define RELNET_TEXT_H

#include "relnet/buf.h"

#include <stddef.h>
#include <stdint.h>

/* RN_OK when s[0..n) is valid UTF-8 (no overlongs, no surrogates, nothing
 * above U+10FFFF; NUL bytes are allowed here). Otherwise RN_EINPUT and
 * *bad_offset (may be NULL) gets the byte offset of the first bad byte. */
int rn_utf8_check(const char *s, size_t n, size_t *bad_offset);

/* Decode one code point at s[0..n). Returns its length in bytes (1-4) and
 * stores it in *cp, or returns -1 for an invalid sequence (then *cp is
 * U+FFFD and the caller should skip one byte). n must be > 0. */
int rn_utf8_decode(const char *s, size_t n, int32_t *cp);

/* Append s[0..n) to out as valid UTF-8: each invalid byte becomes U+FFFD,
 * or is dropped with RN_REPAIR_DROP; with RN_REPAIR_CONTROLS the C0
 * controls XML 1.0 cannot carry (all but tab, newline, carriage return)
 * become U+FFFD too. RN_OK or RN_ENOMEM. */
#define RN_REPAIR_DROP 1u
#define RN_REPAIR_CONTROLS 2u
int rn_utf8_repair(const char *s, size_t n, unsigned flags, struct rn_buf *out);

/* Append the UTF-8 encoding of cp to out. */
int rn_utf8_encode(struct rn_buf *out, int32_t cp);

/* Replace out's contents with the matching key of name s[0..n): Unicode
 * compatibility-normalised, case-folded, accents stripped; dots,
 * apostrophes, quotes and other symbols dropped ("U.S." -> "us",
 * "AT&T" -> "att") except '+' and '#', which tell names apart ("Disney+",
 * "C++"); dashes, slashes, commas and brackets become spaces;
 * runs of space collapse; a leading "the" is dropped ("The Five Eyes" ->
 * "five eyes"). Two names with the same key are the same name.
 * Returns RN_OK or RN_ENOMEM. Invalid UTF-8 bytes are skipped. */
int rn_text_key(const char *s, size_t n, struct rn_buf *out);

/* Levenshtein distance between two keys, counted in bytes, capped at
 * limit + 1 (so the caller can stop early); for "did you mean". */
size_t rn_text_distance(const char *a, const char *b, size_t limit);

/* Character classes for tokenizers and scorers that must not include
 * utf8proc themselves. rn_unicode_is_alnum follows Python's \w without the
 * underscore: letters (L*) and numbers (N*). rn_unicode_is_space follows
 * str.isspace(): Unicode White_Space plus the ASCII separators. */
int rn_unicode_is_alnum(int32_t cp);
int rn_unicode_is_upper(int32_t cp);
int rn_unicode_is_space(int32_t cp);

/* Replace out's contents with s[0..n) compatibility-normalised (NFKC) and
 * case-folded, nothing dropped ("Straße" -> "strasse"); invalid bytes are
 * skipped. For scorers that must fold exactly like Python's
 * unicodedata.normalize("NFKC", s).casefold(). RN_OK or RN_ENOMEM. */
int rn_text_casefold(const char *s, size_t n, struct rn_buf *out);

/* Append s to out escaped for XML text and attribute values: & < > " '
 * become entities, tab, newline and carriage return become character
 * references (&#9; &#10; &#13;: readers keep them as they were, in
 * attribute values too), the other controls XML 1.0 forbids are dropped, and invalid UTF-8 bytes become
 * U+FFFD, so the result is always well-formed. RN_OK or RN_ENOMEM. */
int rn_text_xml_escape(struct rn_buf *out, const char *s);

/* Terminal display width of s[0..n) in columns, for aligned tables: wide
 * (East Asian) characters count 2, combining marks and zero-width
 * characters 0, other characters 1; an invalid byte counts 1. */
size_t rn_utf8_width(const char *s, size_t n);

/* "Did you mean": keep the closest of many names to a name typed by the
 * user. Offer every candidate (its key from rn_text_key and its display
 * name); the best max (at most RN_SUGGEST_MAX) are kept, ranked by edit
 * distance between keys, a key containing the other counting as distance
 * 1, ties by name; candidates farther than a third of the typed key's
 * length are dropped. The same ranking serves the knowledge base and
 * in-memory relation sets. */
#define RN_SUGGEST_MAX 8
struct rn_suggest {
    struct rn_buf want;          /* key of the typed name */
    size_t max, n, limit;
    char *name[RN_SUGGEST_MAX];  /* owned copies, best first */
    size_t dist[RN_SUGGEST_MAX];
};
void rn_suggest_init(struct rn_suggest *s, const char *typed, size_t max);
void rn_suggest_offer(struct rn_suggest *s, const char *key, const char *name);
/* Move the names (best first) into out, which must hold max pointers; the
 * caller frees each. Returns how many. s is left empty. */
size_t rn_suggest_take(struct rn_suggest *s, char **out);
void rn_suggest_release(struct rn_suggest *s);

/* Does s start with a URL scheme other than http(s) ("javascript:",
 * "data:", "file:")? Article names like that are never shown: a viewer
 * could turn them into links. One-letter schemes are Windows drives. */
int rn_text_foreign_scheme(const char *s);

#if defined(__SSE2__)
#include <emmintrin.h>
#define RN_HAVE_ALNUM16 1
/* Scanners of plain words (the tokenizer, the boilerplate key) read 16
 * bytes at a step: of the 16 bytes at s (all readable), how many, from
 * the first, are ASCII letters or digits (16 when all are); the 16
 * written to out with ASCII capitals lowercased; in masks[0..2] (bit k:
 * byte k) the capitals, the small letters and the digits. Where SSE2 is
 * missing RN_HAVE_ALNUM16 is not defined and callers go byte by byte. */
static inline size_t rn_ascii_alnum16(const unsigned char *s, char *out, unsigned masks[3])
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
#define RN_IN_RANGE(lo, hi)                                                 \
    _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8((char)((lo) - 1))),      \
                  _mm_cmplt_epi8(v, _mm_set1_epi8((char)((hi) + 1))))
    __m128i up = RN_IN_RANGE('A', 'Z');
    masks[0] = (unsigned)_mm_movemask_epi8(up);
    masks[1] = (unsigned)_mm_movemask_epi8(RN_IN_RANGE('a', 'z'));
    masks[2] = (unsigned)_mm_movemask_epi8(RN_IN_RANGE('0', '9'));
#undef RN_IN_RANGE
    _mm_storeu_si128((__m128i *)(void *)out, _mm_or_si128(v, _mm_and_si128(up, _mm_set1_epi8(0x20))));
    unsigned stop = ~(masks[0] | masks[1] | masks[2]) & 0xFFFFu;
    return stop ? (size_t)__builtin_ctz(stop) : 16;
}
#endif

#endif
