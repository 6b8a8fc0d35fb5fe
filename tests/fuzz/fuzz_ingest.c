/* fuzz_ingest.c - article ingest (ingest.c, html.c over libxml2,
 * boilerplate.c) on arbitrary bytes, as HTML or as text by the first byte.
 * Promises checked: no crash or sanitizer report; an ingested article is
 * valid UTF-8 of the length it claims, with a well-formed date. */
#include "fuzz.h"

#include "relnet/ingest.h"
#include "relnet/text.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned sel = data[0];
    static const char *const names[] = { "a.txt", "a.html", "a", "a.htm" };
    struct rn_ingest_options opt = { RN_INGEST_AUTO, (sel >> 2) & 1, NULL };
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_err err = RN_ERR_INIT;
    int rc = rn_ingest_memory(names[sel & 3], (const char *)data + 1, size - 1, &opt, &a, &err);
    if (rc == RN_OK) {
        size_t bad;
        if (!a.text || strlen(a.text) != a.len)
            fuzz_fail("text length %zu does not match", a.len);
        if (rn_utf8_check(a.text, a.len, &bad) != RN_OK)
            fuzz_fail("ingested text is not UTF-8 at byte %zu", bad);
        if (a.date && (strlen(a.date) != 10 || a.date[4] != '-' || a.date[7] != '-'))
            fuzz_fail("date '%s' is not YYYY-MM-DD", a.date);
    } else if (!err.msg[0]) {
        fuzz_fail("ingest failed (%d) without saying why", rc);
    }
    rn_article_release(&a);
    return 0;
}
