/* datewords.h - month and weekday names, one reader for every date parser
 * of the ingest stage (private to src/ingest; defined in ingest.c). */
#ifndef RELNET_INGEST_DATEWORDS_H
#define RELNET_INGEST_DATEWORDS_H

#include <stddef.h>

/* s[0..n) as a month: its full name or first three letters, any case, or
 * "Sept"; 1 (January) to 12, else 0. */
int rn_ingest_month_number(const char *s, size_t n);

/* s[0..n) as a weekday: its full name or a start of it of three letters or
 * more ("Thu", "Thurs"), any case; 1 (Monday) to 7 (Sunday), else 0. */
int rn_ingest_weekday_number(const char *s, size_t n);

#endif
