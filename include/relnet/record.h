/* record.h - the relation record: one directed edge with its provenance.
 *
 * This is the common currency of relnet. The extractor and the CSV importer
 * produce records; the knowledge base, the in-memory relation set and the
 * record writers consume them, through a struct rn_sink. A record only
 * borrows its strings: a sink that keeps one must copy what it keeps.
 */
#ifndef RELNET_RECORD_H
#define RELNET_RECORD_H

#include "relnet/error.h"

#include <stddef.h>

enum rn_polarity {
    RN_POL_ASSERTED = 0, /* done or decided, reported speech included */
    RN_POL_NEGATED = 1,  /* "has never asked", "declined to sign" */
    RN_POL_HEDGED = 2,   /* planned, expected, possible, threatened */
};
#define RN_POL_COUNT 3

enum rn_origin {
    RN_ORIGIN_EXTRACTED = 0, /* found in an article by the extractor */
    RN_ORIGIN_CSV = 1,       /* a row of an imported edge list */
};

enum rn_etype {
    RN_ETYPE_UNKNOWN = 0,
    RN_ETYPE_COUNTRY,
    RN_ETYPE_ORGANIZATION,
    RN_ETYPE_COMPANY,
    RN_ETYPE_PERSON,
    RN_ETYPE_GROUP,
    RN_ETYPE_DOCUMENT,
};
#define RN_ETYPE_COUNT 7

/* The four relations every lexicon knows; lexicons and CSV files may add any
 * other name ("criticizes", "depends"). */
#define RN_REL_ACCUSES "accuses"
#define RN_REL_PROPOSES "proposes"
#define RN_REL_BANS "bans"
#define RN_REL_SIGNS "signs"

struct rn_record {
    const char *source;             /* required, non-empty */
    const char *source_type;        /* an rn_etype name, or NULL/"" for unknown */
    const char *source_affiliation; /* state or body the source acts for, or NULL */
    const char *relation;           /* required: lowercase relation name */
    const char *target;             /* required, non-empty */
    const char *target_type;
    const char *target_affiliation;
    enum rn_polarity polarity;
    double confidence; /* 0..1 */
    double weight;     /* >= 0; 1 for one report unless a CSV says otherwise */
    const char *article;  /* path, URL or id of the article, or NULL */
    const char *title;    /* article title when known, or NULL */
    const char *url;      /* article URL when article is a path, or NULL */
    const char *content_hash; /* hash of the article file's bytes (hash.h), or NULL */
    const char *article_date; /* the article's own date, YYYY-MM-DD (extract's output
                                 carries it: date may be the day a sentence names), or NULL */
    long sentence_no;     /* 1-based sentence number, 0 when not from text */
    long offset;          /* byte offset of the evidence in the article, -1 if none */
    const char *evidence; /* the sentence or CSV evidence text, or NULL */
    const char *date;     /* YYYY-MM-DD, or NULL */
    enum rn_origin origin;
};

/* A record with every optional field empty and weight/confidence 1. */
void rn_record_init(struct rn_record *r);

/* Where records go. add() returns RN_OK or a negative status; a sink that
 * rejects a record explains why in err. */
struct rn_sink {
    int (*add)(void *ctx, const struct rn_record *rec, struct rn_err *err);
    void *ctx;
};

/* Check what every sink needs: a source, a target and a relation name
 * (normalised into relname[size]). RN_OK or RN_EINPUT ("empty source",
 * "empty target", "empty or invalid relation"). */
int rn_record_check(const struct rn_record *rec, char *relname, size_t size, struct rn_err *err);

/* Names of the enums ("asserted", "country", ...). */
const char *rn_polarity_name(enum rn_polarity p);
const char *rn_etype_name(enum rn_etype t);
const char *rn_origin_name(enum rn_origin o);

/* Parse a name, case-insensitively; RN_OK or RN_EINPUT. rn_etype_parse
 * accepts the usual synonyms ("org", "organisation", "state", "firm"). */
int rn_polarity_parse(const char *s, enum rn_polarity *out);
int rn_etype_parse(const char *s, enum rn_etype *out);

/* Normalise a date to YYYY-MM-DD in out[11]. Accepts YYYY-MM-DD,
 * YYYY/MM/DD, YYYYMMDD and ISO timestamps (the time is dropped). The
 * calendar is checked (no 2021-02-30). RN_OK or RN_EINPUT. */
int rn_date_normalize(const char *s, char out[11]);

/* Write year y (0 to 9999), month m and day d (0 to 99) as YYYY-MM-DD and a
 * NUL to out[11], what "%04d-%02d-%02d" writes (by hand: dates are written
 * for most articles and records, and snprintf costs more than the rest). */
void rn_date_iso(int y, int m, int d, char out[11]);

/* A relation name as stored: lowercased, spaces and dashes kept as given.
 * RN_EINPUT for an empty name or one with control characters. */
int rn_relation_normalize(const char *s, char *out, size_t outsz);

#endif
