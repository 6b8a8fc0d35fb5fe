/* fuzz_import.c - the CSV/TSV edge-list importer (import.c over csvio.c and
 * libcsv) on arbitrary bytes. The first byte picks the options: delimiter
 * (given or guessed), strict, no header, a column map, .tsv or .csv name.
 * Promises checked: no crash or sanitizer report; every record handed to
 * the sink passes rn_record_check; counts add up. */
#include "fuzz.h"

#include "relnet/import.h"
#include "relnet/record.h"

#include <string.h>

static int check_record(void *ctx, const struct rn_record *rec, struct rn_err *err)
{
    long *n = ctx;
    char relname[128];
    if (rn_record_check(rec, relname, sizeof relname, err) != RN_OK)
        fuzz_fail("the importer passed on a record that fails rn_record_check: %s", err->msg);
    if (!(rec->weight >= 0) || !(rec->confidence >= 0 && rec->confidence <= 1))
        fuzz_fail("weight %g or confidence %g out of range", rec->weight, rec->confidence);
    ++*n;
    return RN_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned sel = data[0];
    static const char delims[] = { 0, ',', '\t', ';' };
    struct rn_import_options opt;
    memset(&opt, 0, sizeof opt);
    opt.delimiter = delims[sel & 3];
    opt.strict = (sel >> 2) & 1;
    opt.no_header = (sel >> 3) & 1;
    opt.map = (sel >> 4) & 1 ? "source=2,target=1" : NULL;
    const char *path = fuzz_temp_file(data + 1, size - 1, (sel >> 5) & 1 ? ".tsv" : ".csv");
    long records = 0;
    struct rn_sink sink = { check_record, &records };
    struct rn_import_report rep;
    struct rn_err err = RN_ERR_INIT;
    int rc = rn_import_csv(path, &opt, sink, &rep, &err);
    if (rc == RN_OK && rep.rows_imported != records)
        fuzz_fail("%ld records imported but %ld seen by the sink", rep.rows_imported, records);
    if (rep.rows_skipped > rep.rows_read)
        fuzz_fail("%ld rows skipped of %ld read", rep.rows_skipped, rep.rows_read);
    rn_import_report_release(&rep);
    return 0;
}
