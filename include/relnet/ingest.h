/* ingest.h - read an article file (.txt, .html/.htm, or stdin) into clean
 * UTF-8 text with its metadata, page boilerplate removed.
 *
 * The clean text keeps the article's own characters (curly quotes, dashes,
 * non-breaking spaces are NOT rewritten here: matching-time normalisation is
 * the tokenizer's job), so byte offsets reported by the extractor point into
 * rn_article.text and quote the article faithfully. Invalid UTF-8 bytes are
 * replaced with U+FFFD and counted. Blocks (paragraphs, headings, list
 * items, table cells, captions) end with '\n'; a line is never split
 * inside a block.
 */
#ifndef RELNET_INGEST_H
#define RELNET_INGEST_H

#include "relnet/error.h"

#include <stddef.h>

enum rn_ingest_format {
    RN_INGEST_AUTO = 0, /* by extension; for stdin or unknown extension, by content */
    RN_INGEST_TEXT,
    RN_INGEST_HTML,
};

struct rn_article {
    char *path;  /* as given ("-" for stdin); owned */
    char *id;    /* article id: base name without extension ("-" -> "stdin"); owned */
    char *url;   /* leading "URL: ..." line, canonical link or og:url; NULL if none */
    char *title; /* <title>/og:title, else the first headline-like line; NULL if none */
    char *date;  /* YYYY-MM-DD from a " date YYYY-MM-DD" prefix or meta tags; NULL if none */
    char *text;  /* clean text, NUL-terminated, boilerplate removed; owned */
    size_t len;  /* bytes in text */
    char content_hash[33];       /* hash of the raw input bytes (hash.h) */
    size_t invalid_utf8;         /* number of invalid bytes replaced */
    size_t first_invalid_offset; /* byte offset in the RAW input of the first one */
    size_t boilerplate_lines;    /* lines dropped as boilerplate */
};

#define RN_ARTICLE_INIT { 0 }

struct rn_ingest_options {
    enum rn_ingest_format format;
    int keep_boilerplate; /* 1: skip boilerplate removal (for debugging) */
};

/* Read and clean one file ("-" = stdin). On failure *out is left empty and
 * err says why ("x.txt: binary file (NUL byte at offset 12)", "x.txt: empty
 * file", "cannot open x.txt: ..."). Returns RN_OK, RN_EINPUT, RN_EIO or
 * RN_ENOMEM. Invalid UTF-8 is NOT an error: it is replaced and counted. */
int rn_ingest_file(const char *path, const struct rn_ingest_options *opt,
                   struct rn_article *out, struct rn_err *err);

/* Same, from memory; name is used for the id and in messages. */
int rn_ingest_memory(const char *name, const char *data, size_t len,
                     const struct rn_ingest_options *opt, struct rn_article *out,
                     struct rn_err *err);

/* Free everything; a is left empty. Safe to call twice. */
void rn_article_release(struct rn_article *a);

#endif
