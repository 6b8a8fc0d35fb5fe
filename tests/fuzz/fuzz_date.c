/* fuzz_date.c - the date parsers on arbitrary bytes: rn_ingest_parse_date
 * (dates as pages write them), rn_ingest_dateline and rn_ingest_url_date
 * (an article's date from its dateline or URL), rn_ingest_sentence_date
 * and rn_ingest_year_vote (dates in running text) and rn_date_normalize
 * (dates in CSV files).
 * Promises checked: no crash or sanitizer report; what they accept comes
 * out as a real calendar date YYYY-MM-DD that normalises to itself, and
 * the parser never claims more bytes than it was given. */
#include "fuzz.h"

#include "relnet/ingest.h"
#include "relnet/record.h"

#include <stdlib.h>
#include <string.h>

static void check_date(const char *what, const char *d)
{
    if (strlen(d) != 10 || d[4] != '-' || d[7] != '-')
        fuzz_fail("%s gave '%s', not YYYY-MM-DD", what, d);
    char again[11];
    if (rn_date_normalize(d, again) != RN_OK || strcmp(again, d) != 0)
        fuzz_fail("%s gave '%s', which does not normalise to itself", what, d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    char out[11];
    size_t used = 0;
    if (rn_ingest_parse_date(s, size, out, &used)) {
        if (used > size)
            fuzz_fail("the date took %zu bytes of %zu", used, size);
        check_date("rn_ingest_parse_date", out);
    }
    if (rn_ingest_dateline(s, size, 2020, out))
        check_date("rn_ingest_dateline", out);
    int year = 0;
    if (rn_ingest_url_date(s, out, &year))
        check_date("rn_ingest_url_date", out);
    if (year && (year < 1990 || year > 2039))
        fuzz_fail("rn_ingest_url_date gave the year %d", year);
    if (rn_ingest_sentence_date(s, size, "2020-02-29", out))
        check_date("rn_ingest_sentence_date", out);
    if (rn_ingest_sentence_date(s, size, NULL, out))
        check_date("rn_ingest_sentence_date without an article date", out);
    int voted = 0;
    rn_ingest_year_vote(s, size, 2, 29, &voted);
    if (voted != 0 && voted != -1 && (voted < 1900 || voted > 2200))
        fuzz_fail("rn_ingest_year_vote gave the year %d", voted);
    if (rn_date_normalize(s, out) == RN_OK)
        check_date("rn_date_normalize", out);
    free(s);
    return 0;
}
