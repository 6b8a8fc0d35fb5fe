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
 *
 * What happens to the input, in order:
 *   1. a NUL byte, or control bytes in more than 10% of the input, make it a
 *      binary file (RN_EINPUT); a UTF-16 byte-order mark is reported as such;
 *   2. a UTF-8 byte-order mark is dropped, CRLF and lone CR become '\n',
 *      other control bytes (except tab) become spaces, invalid UTF-8 bytes
 *      become U+FFFD;
 *   3. HTML goes through relnet/html.h (tags, entities, blocks, metadata);
 *      plain text gives its URL from a leading "URL: <url>" line and its date
 *      from a " date YYYY-MM-DD" / "date: YYYY-MM-DD" prefix on one of its
 *      first ten lines (the prefix is removed, the rest of the line kept) or
 *      from a date-only line ("Date: June 30, 2020", "Published 2 Nov 2023",
 *      "Policy | 21 April 2021"); when neither nor HTML metadata dates the
 *      page, a dateline with a year on one of the first lines, else a date
 *      in the URL's path, else a dateline the URL's year completes
 *      (rn_ingest_dateline, rn_ingest_url_date);
 *   4. each line is trimmed and, unless keep_boilerplate, dropped when it is
 *      page furniture: a phrase of the boilerplate rules (the whole line, its
 *      start, or a phrase inside a short line), a run of three or more short
 *      menu-like lines, a contact line with an e-mail address, a bare URL, a
 *      line of symbols only, a teaser cut off with "...", a short line in
 *      another script than the article (spam), a date-only line (which gives
 *      the date when nothing else did), or a repeat of an earlier line of the
 *      same article. For HTML, elements dropped by html.h (nav, footer,
 *      class-marked boxes) count as boilerplate lines too. Headlines and captions that read as sentences are kept:
 *      dropping a real sentence loses relations, keeping a menu line costs
 *      little;
 *   5. runs of blank lines become one blank line.
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
    char *date;  /* YYYY-MM-DD from metadata, a date line, a dateline or the URL; NULL if none */
    char *text;  /* clean text, NUL-terminated, boilerplate removed; owned */
    size_t len;  /* bytes in text */
    char content_hash[33];       /* hash of the raw input bytes (hash.h) */
    size_t invalid_utf8;         /* number of invalid bytes replaced */
    size_t first_invalid_offset; /* byte offset in the RAW input of the first one */
    size_t boilerplate_lines;    /* lines dropped as boilerplate */
    size_t boilerplate_bytes;    /* bytes of the lines of text dropped as boilerplate */
};

#define RN_ARTICLE_INIT { 0 }

struct rn_boiler_rules; /* relnet/boilerplate.h */

struct rn_ingest_options {
    enum rn_ingest_format format;
    int keep_boilerplate; /* 1: skip boilerplate removal (for debugging) */
    const struct rn_boiler_rules *rules; /* NULL: the built-in copy of
                                            data/lexicon/boilerplate.tsv */
};

/* Read and clean one file ("-" = stdin). On failure *out is left empty and
 * err says why ("x.txt: binary file (NUL byte at offset 12)", "x.txt: empty
 * article", "cannot open x.txt: ..."). Returns RN_OK, RN_EINPUT, RN_EIO or
 * RN_ENOMEM. Invalid UTF-8 is NOT an error: it is replaced and counted.
 * opt may be NULL (defaults). The file is read whole: memory is a small
 * multiple of the file's size, and nothing is kept between calls. */
int rn_ingest_file(const char *path, const struct rn_ingest_options *opt,
                   struct rn_article *out, struct rn_err *err);

/* Same, from memory; name is used for the id and in messages. */
int rn_ingest_memory(const char *name, const char *data, size_t len,
                     const struct rn_ingest_options *opt, struct rn_article *out,
                     struct rn_err *err);

/* Free everything; a is left empty. Safe to call twice. */
void rn_article_release(struct rn_article *a);

/* --- corpus-level boilerplate: lines repeated across files --------------------
 *
 * Site templates repeat the same lines ("MediaNama's mission is ...",
 * footers, newsletter blurbs) in every page of a site, which no single-file
 * rule can see. Two passes over a corpus:
 *
 *     struct rn_boiler_stats *st = rn_boiler_stats_new(0);
 *     for each file: rn_ingest_file(...); rn_boiler_stats_add(st, &a); release
 *     for each file: rn_ingest_file(...); rn_boiler_stats_apply(st, &a, &err); use
 *     rn_boiler_stats_free(st);
 *
 * (ingest is fast enough that reading twice beats keeping a corpus in
 * memory). Only lines of at most RN_BOILER_LINE_MAX bytes are counted:
 * long lines repeated across files are syndicated prose, not templates.
 * An article whose repeated lines are more than half its text is a copy of
 * another article (syndication), and apply leaves it alone, so a wire story
 * printed by three sites keeps its sentences. Memory: about 16 bytes per
 * distinct short line. */
#define RN_BOILER_LINE_MAX 200
#define RN_BOILER_MIN_FILES 3

struct rn_boiler_stats;

/* min_files: a line in at least this many different articles is
 * boilerplate (0 = RN_BOILER_MIN_FILES). NULL on out of memory. */
struct rn_boiler_stats *rn_boiler_stats_new(unsigned min_files);

/* Count each distinct short line of a->text once. An article with the same
 * content_hash as one already added is not counted again. RN_OK or
 * RN_ENOMEM. */
int rn_boiler_stats_add(struct rn_boiler_stats *st, const struct rn_article *a);

/* Drop from a->text the lines seen in at least min_files articles, adding
 * them to a->boilerplate_lines. Returns RN_OK, RN_ENOMEM, or RN_EINPUT
 * "PATH: empty article" when nothing is left (a is then left as it was). */
int rn_boiler_stats_apply(const struct rn_boiler_stats *st, struct rn_article *a,
                          struct rn_err *err);

/* NULL-safe. */
void rn_boiler_stats_free(struct rn_boiler_stats *st);

/* --- finding article files -------------------------------------------------- */

struct rn_paths {
    char **items; /* owned strings */
    size_t len, cap;
};

#define RN_PATHS_INIT { NULL, 0, 0 }

/* 1 when path names an article file by its extension (.txt, .text, .html,
 * .htm, .xhtml; case ignored), else 0. */
int rn_ingest_is_article_path(const char *path);

/* Append to out the article files below dir, recursively, as "dir/sub/x.txt",
 * sorted by byte order of the whole path so every run lists them the same
 * way. Hidden files and directories (".name") are skipped, and symbolic links
 * to directories are not followed (no loops). Returns RN_OK, RN_EINPUT
 * "DIR: no article files" when there is none, "cannot open DIR: ..."
 * (rn_open_status) or RN_ENOMEM; on error out keeps what it had. */
int rn_ingest_list_dir(const char *dir, struct rn_paths *out, struct rn_err *err);

/* The same walk for the files wanted() accepts (build's edge lists); no
 * error when there is none. */
int rn_ingest_list_files(const char *dir, int (*wanted)(const char *path), struct rn_paths *out,
                         struct rn_err *err);

/* Free all paths; p is left empty. Safe to call twice. */
void rn_paths_release(struct rn_paths *p);

/* --- dates -------------------------------------------------------------------- */

/* Read a date written as "2020-06-29", "2020-06-29T10:00:00Z", "2020/06/29",
 * "June 29, 2020", "29 June 2020", "Mon, 29 Jun 2020", "Sept. 12, 2020"
 * (weekday, ordinal suffixes and a trailing time allowed) from s[0..n) and
 * write "YYYY-MM-DD" and a NUL to out. *used (may be NULL) gets the bytes the
 * date took. Returns 1 on success, 0 when s does not start with a date. */
int rn_ingest_parse_date(const char *s, size_t n, char out[11], size_t *used);

/* When a page's metadata gives no date (src/ingest/pubdate.c): */
/* A dateline at the start of s[0..n): a place of one to four capitalised
 * words, a comma, a month and day with or without a year, an optional
 * agency in brackets, and a dash or colon: "WASHINGTON, March 3 (Reuters) -",
 * "MOSCOW, Sept. 12 (Xinhua) --", "United Nations, May 12 (EFE).-",
 * "BEIJING, March 3, 2020 —". Without a year in the line, year (0 = none
 * known) completes it. Writes YYYY-MM-DD and a NUL to out; returns 1 when
 * there is such a dateline and its date is complete, else 0. */
int rn_ingest_dateline(const char *s, size_t n, int year, char out[11]);

/* Does s[0..n) open with a dateline's place (one to four capitalised words
 * and a comma)? rn_ingest_dateline reads no dateline from a line that does
 * not, whatever the year, and writes nothing to out. */
int rn_ingest_dateline_place(const char *s, size_t n);

/* A date in the path of url: /2020/06/29/, /2020-06-29, /2020/0629/,
 * /2016/Dec-30/, 20210527 (eight digits standing alone), for years 1990 to
 * 2039. Returns 1 and writes YYYY-MM-DD to out for the first full date;
 * *year (may be NULL) gets the first year-like path segment (/2014/08/),
 * else 0. */
int rn_ingest_url_date(const char *url, char out[11], int *year);

/* Dates in running text (src/ingest/textdate.c): */
/* The day the sentence s[0..n) says its act happened, read against its
 * article's date article_date ("YYYY-MM-DD", or NULL when unknown).
 * Day-level mentions are full dates ("March 3, 2021", "3 March 2021",
 * "2021-03-03", "Tuesday, March 3, 2021", "on the 3rd of March, 2021"), a
 * month and day ("March 3", "Sept. 3", "3rd March", "March 3rd", "on the
 * 3rd of March": the year that puts it at most 92 days after the article's
 * date), a weekday ("on Monday": the latest Monday on or before the
 * article's date; "last Monday": before it), "yesterday", "today", and
 * counted days before the article's date ("three days ago", "10 days
 * ago", "a week ago", "two weeks ago").
 * In a clause in the future tense ("will vote on Tuesday", "is due to sign
 * on Friday", "plans to"), a weekday is the next on or after the article's
 * date, a month and day the first on or after it, and a day after the
 * article's date is accepted; "would vote on Tuesday", "was due to" leave a
 * weekday or a month and day unclear.
 * Writes YYYY-MM-DD and a NUL to out and returns 1 only when every
 * day-level mention names the same day, no coarser mention ("in 2019",
 * "in March", "March 2021", "last year") disagrees with it, the day is not
 * after the article's date (one day of time zones allowed) unless every
 * mention of it is in the future tense, and nothing makes the sentence
 * unclear: a date naming something ("the June 4 vigil", "by the 3rd of
 * March"), "next Monday", "two years ago", "about a week ago", a future
 * tense's day before the article's, or a relative mention when the
 * article's date is unknown. Otherwise returns 0: the article's date
 * stands. Reads only; fast on sentences with no digit, month, weekday or
 * "ago". */
int rn_ingest_sentence_date(const char *s, size_t n, const char *article_date, char out[11]);

/* A yearless dateline's year from the full dates written in an article:
 * each full date in s[0..n) votes for the year that puts month/day in the
 * relation rn_ingest_sentence_date assumes (the date written at most 92
 * days after the article's, less than a year before). *year starts at 0;
 * it keeps the agreed year, or becomes -1 when two dates disagree (then
 * nothing should be guessed). Call once per line of the article. */
void rn_ingest_year_vote(const char *s, size_t n, int month, int day, int *year);

#endif
