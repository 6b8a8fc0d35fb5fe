/* test_csvio.c - the libcsv-based reader and writer: dialects, positions of
 * every error kind, recovery after a bad record, round trips. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "relnet/buf.h"
#include "relnet/csvio.h"
#include "relnet/error.h"
#include "relnet/hash.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *write_file(const char *name, const char *data, size_t len)
{
    FILE *f = fopen(name, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
    return name;
}

#define WRITE(name, lit) write_file(name, lit, sizeof(lit) - 1)

/* Read the whole file; rows are rendered as "line:f1|f2|..." and errors as
   "ERR <message>", one per line, into out. */
static void slurp(const char *path, char delim, char *out, size_t outsz)
{
    struct rn_csv_options opt = { .delimiter = delim };
    struct rn_csv_reader *r;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_csv_open(path, &opt, &r, &err), RN_OK);
    out[0] = '\0';
    size_t used = 0;
    for (;;) {
        struct rn_csv_row row;
        int rc = rn_csv_next(r, &row, &err);
        if (rc == 0)
            break;
        if (rc < 0) {
            used += (size_t)snprintf(out + used, outsz - used, "ERR %s\n", err.msg);
            if (rc != RN_EINPUT)
                break;
            continue;
        }
        used += (size_t)snprintf(out + used, outsz - used, "%ld:", row.line);
        for (size_t i = 0; i < row.nfields; i++)
            used += (size_t)snprintf(out + used, outsz - used, "%s%s", i ? "|" : "",
                                     row.fields[i]);
        used += (size_t)snprintf(out + used, outsz - used, "\n");
    }
    rn_csv_close(r);
}

static void test_plain_crlf_bom(void **state)
{
    (void)state;
    char out[1024];
    WRITE("t_bom.csv", "\xEF\xBB\xBFsource,target\r\nA,B\r\n\r\nC,D\r\n");
    slurp("t_bom.csv", 0, out, sizeof out);
    assert_string_equal(out, "1:source|target\n2:A|B\n4:C|D\n");
}

static void test_quotes_newlines_and_doubled_quotes(void **state)
{
    (void)state;
    char out[1024];
    WRITE("t_quotes.csv", "a,b\n\"Smith, John\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\nlast,row");
    slurp("t_quotes.csv", 0, out, sizeof out);
    assert_string_equal(out, "1:a|b\n2:Smith, John|say \"hi\"\n3:two\nlines|x\n5:last|row\n");
}

static void test_delimiters(void **state)
{
    (void)state;
    char out[1024];
    WRITE("t_semi.csv", "source;target;weight\nA;B,C;1,5\n");
    slurp("t_semi.csv", 0, out, sizeof out); /* guessed from the header */
    assert_string_equal(out, "1:source|target|weight\n2:A|B,C|1,5\n");
    WRITE("t_tab.tsv", "s\tt\nA\t\tB\n");
    slurp("t_tab.tsv", '\t', out, sizeof out);
    assert_string_equal(out, "1:s|t\n2:A||B\n");
    WRITE("t_pipe.csv", "s|t\nA|B\n");
    slurp("t_pipe.csv", 0, out, sizeof out);
    assert_string_equal(out, "1:s|t\n2:A|B\n");
    assert_int_equal(rn_csv_guess_delimiter("\"a;b\",c", 7), ',');
    assert_int_equal(rn_csv_guess_delimiter("abc", 3), ',');
}

static void test_lone_cr_line_endings(void **state)
{
    (void)state;
    char out[1024];
    WRITE("t_cr.csv", "s,t\rA,B\rC,D\r");
    slurp("t_cr.csv", 0, out, sizeof out);
    assert_string_equal(out, "1:s|t\n2:A|B\n3:C|D\n");
}

/* CRLF, lone CR and LF in one file, a CR before the CRLF ending a line,
   and CRLF inside a quoted field. */
static void test_mixed_line_endings(void **state)
{
    (void)state;
    char out[1024];
    WRITE("t_mixed.csv", "s,t\r\nA,B\rC,D\n\"x\r\ny\",z\r\nG,H\rI,J\r\nK,L\r\r\nM,N");
    slurp("t_mixed.csv", 0, out, sizeof out);
    assert_string_equal(out, "1:s|t\n2:A|B\n3:C|D\n4:x\r\ny|z\n6:G|H\n7:I|J\n8:K|L\n10:M|N\n");
}

static void test_stray_quote_reported_and_skipped(void **state)
{
    (void)state;
    char out[1024];
    WRITE("t_stray.csv", "s,t\nA,B\"x\nC,D\n\"E\"F,G\nH,I\n");
    slurp("t_stray.csv", 0, out, sizeof out);
    assert_string_equal(out,
                        "1:s|t\n"
                        "ERR t_stray.csv:2:4: unexpected '\"' inside a field (quote the whole "
                        "field and double the quotes inside it)\n"
                        "3:C|D\n"
                        "ERR t_stray.csv:4:4: text after a closing quote (a quoted field must "
                        "end at a delimiter)\n"
                        "5:H|I\n");
}

static void test_unterminated_quote_recovers(void **state)
{
    (void)state;
    char out[1024];
    WRITE("t_open.csv", "s,t\nA,B\n\"C,D\nE,F\nG,H\n");
    slurp("t_open.csv", 0, out, sizeof out);
    assert_string_equal(out,
                        "1:s|t\n2:A|B\n"
                        "ERR t_open.csv:3: unterminated quoted field (no closing '\"')\n"
                        "4:E|F\n5:G|H\n");
}

static void test_utf16_rejected(void **state)
{
    (void)state;
    char out[1024];
    write_file("t_u16.csv", "\xFF\xFEs\0,\0t\0\n\0", 10);
    slurp("t_u16.csv", 0, out, sizeof out);
    assert_non_null(strstr(out, "t_u16.csv:1: the file is UTF-16"));
}

static void test_missing_file(void **state)
{
    (void)state;
    struct rn_csv_reader *r;
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_csv_open("does-not-exist.csv", NULL, &r, &err), RN_EINPUT);
    assert_non_null(strstr(err.msg, "cannot open does-not-exist.csv"));
    assert_null(r);
}

static void test_content_hash_stable(void **state)
{
    (void)state;
    char h1[33], h2[33], h3[33];
    const char *paths[] = { "t_h1.csv", "t_h2.csv", "t_h3.csv" };
    WRITE("t_h1.csv", "a,b\nc,d\n");
    WRITE("t_h2.csv", "a,b\nc,d\n");
    WRITE("t_h3.csv", "a,b\nc,e\n");
    char *hex[] = { h1, h2, h3 };
    for (int i = 0; i < 3; i++) {
        struct rn_csv_reader *r;
        struct rn_err err = RN_ERR_INIT;
        struct rn_csv_row row;
        assert_int_equal(rn_csv_open(paths[i], NULL, &r, &err), RN_OK);
        while (rn_csv_next(r, &row, &err) > 0)
            ;
        rn_csv_content_hash(r, hex[i]);
        assert_int_equal(rn_csv_bytes_read(r), 8);
        assert_int_equal(rn_csv_bytes_total(r), 8);
        rn_csv_close(r);
    }
    assert_string_equal(h1, h2);
    assert_string_not_equal(h1, h3);
    /* XXH3's 128 bits as 32 hex digits, high half first, as ever (values
       of xxHash 0.8 with "%016llx%016llx") */
    static const char *const texts[][2] = {
        { "", "99aa06d3014798d86001c324468d497f" },
        { "relnet", "8967ebf0c5406027a198ef18f642acf5" },
        { "Klow banned the radio on Monday.\n", "81831241b4731bd5fb48a4ceeb0364c6" },
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char got[33];
        rn_content_hash_of(texts[i][0], strlen(texts[i][0]), got);
        assert_string_equal(got, texts[i][1]);
    }
}

static void test_writer_round_trip(void **state)
{
    (void)state;
    const char *fields[] = { "plain", "with,comma", "say \"hi\"", "two\nlines", " pad ", "" };
    FILE *f = fopen("t_rt.csv", "wb");
    assert_non_null(f);
    assert_int_equal(rn_csv_write_row(f, ',', fields, 6), RN_OK);
    fclose(f);
    char out[1024];
    slurp("t_rt.csv", ',', out, sizeof out);
    assert_string_equal(out, "1:plain|with,comma|say \"hi\"|two\nlines| pad |\n");
}

/* A byte to escape at every place of a long field, and a control byte
   TSV leaves as it is: the same bytes as escaping one by one. */
static void test_tsv_escapes_at_every_place(void **state)
{
    (void)state;
    static const char specials[] = { '\t', '\n', '\r', '\\', '\x01', '\x0d' };
    for (size_t sp = 0; sp < sizeof specials; sp++) {
        for (size_t at = 0; at < 27; at++) {
            char field[28], want[64];
            size_t n = 0;
            for (size_t i = 0; i < 27; i++) {
                field[i] = i == at ? specials[sp] : (char)('a' + i % 26);
                char c = field[i];
                const char *e = c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\r' ? "\\r"
                                : c == '\\' ? "\\\\" : NULL;
                if (e)
                    n += (size_t)sprintf(want + n, "%s", e);
                else
                    want[n++] = c;
            }
            field[27] = want[n] = '\0';
            struct rn_buf b = RN_BUF_INIT;
            assert_int_equal(rn_buf_adds(&b, "<"), RN_OK);
            assert_int_equal(rn_tsv_add_field(&b, field), RN_OK);
            assert_string_equal(b.data + 1, want);
            rn_buf_release(&b);
        }
    }
}

/* relnet's TSV: what rn_tsv_add_field writes, a reader with .tsv reads back
   byte for byte (quotes, tabs, line breaks, backslashes, spaces at the ends),
   whether the tab delimiter is given or guessed. */
static void test_tsv_round_trip(void **state)
{
    (void)state;
    const char *fields[] = { "China said \"no\"", "a\tb", "two\nlines\r\n", "C:\\new\\t",
                             " pad ", "", "\\", "'single' \"double" };
    const size_t n = sizeof fields / sizeof fields[0];
    struct rn_buf b = RN_BUF_INIT;
    for (int row = 0; row < 2; row++) {
        for (size_t i = 0; i < n; i++) {
            if (i)
                assert_int_equal(rn_buf_addc(&b, '\t'), RN_OK);
            assert_int_equal(rn_tsv_add_field(&b, fields[i]), RN_OK);
        }
        assert_int_equal(rn_buf_addc(&b, '\n'), RN_OK);
    }
    write_file("t_rt.tsv", b.data, b.len);
    rn_buf_release(&b);
    const char delims[] = { 0, '\t' }; /* guessed, given */
    for (size_t k = 0; k < sizeof delims; k++) {
        struct rn_csv_options opt = { .delimiter = delims[k], .tsv = 1 };
        struct rn_csv_reader *r;
        struct rn_err err = RN_ERR_INIT;
        assert_int_equal(rn_csv_open("t_rt.tsv", &opt, &r, &err), RN_OK);
        for (int row = 0; row < 2; row++) {
            struct rn_csv_row got;
            assert_int_equal(rn_csv_next(r, &got, &err), 1);
            assert_int_equal(got.nfields, n);
            for (size_t i = 0; i < n; i++) {
                assert_string_equal(got.fields[i], fields[i]);
                assert_int_equal(got.lens[i], strlen(fields[i]));
            }
        }
        struct rn_csv_row end;
        assert_int_equal(rn_csv_next(r, &end, &err), 0);
        rn_csv_close(r);
    }
}

/* Lines as a rule-file parser sees them: no '\n', numbered from 1, the
   last one without a newline too; the first error stops the reading. */
struct seen {
    char text[4][16];
    size_t n, lineno[4];
};

static int keep_line(void *ctx, const char *s, size_t n, size_t lineno, struct rn_err *err)
{
    struct seen *sn = ctx;
    if (n >= 3 && memcmp(s, "bad", 3) == 0)
        return rn_fail(err, RN_EINPUT, "line %zu: bad", lineno);
    snprintf(sn->text[sn->n], sizeof sn->text[0], "%.*s", (int)n, s);
    sn->lineno[sn->n++] = lineno;
    return RN_OK;
}

static void test_lines_read(void **state)
{
    (void)state;
    struct rn_err err = RN_ERR_INIT;
    struct seen sn = { .n = 0 };
    const char *path = WRITE("t_lines.tsv", "a\tb\n\nlast");
    assert_int_equal(rn_lines_read(path, keep_line, &sn, &err), RN_OK);
    assert_int_equal(sn.n, 3);
    assert_string_equal(sn.text[0], "a\tb");
    assert_string_equal(sn.text[1], "");
    assert_string_equal(sn.text[2], "last");
    assert_int_equal(sn.lineno[2], 3);

    memset(&sn, 0, sizeof sn);
    path = WRITE("t_lines_bad.tsv", "ok\nbad\nnever\n");
    assert_int_equal(rn_lines_read(path, keep_line, &sn, &err), RN_EINPUT);
    assert_string_equal(err.msg, "line 2: bad");
    assert_int_equal(sn.n, 1);

    /* a missing file is bad input (rn_open_status), not an I/O error */
    assert_int_equal(rn_lines_read("/nonexistent/rules.tsv", keep_line, &sn, &err), RN_EINPUT);
    assert_non_null(strstr(err.msg, "cannot open /nonexistent/rules.tsv"));
}

/* ---- lines split without libcsv, checked against libcsv itself ---------- */

struct fields_seen {
    char text[4096];
    size_t used;
};

static void seen_field(void *s, size_t len, void *data)
{
    struct fields_seen *f = data;
    f->used += (size_t)snprintf(f->text + f->used, sizeof f->text - f->used, "[%.*s]", (int)len,
                                s ? (const char *)s : "");
}

static void seen_row(int term, void *data)
{
    struct fields_seen *f = data;
    (void)term;
    f->used += (size_t)snprintf(f->text + f->used, sizeof f->text - f->used, "\n");
}

static int tsv_space(unsigned char c)
{
    (void)c;
    return 0;
}

/* What libcsv makes of one line, with the reader's options. */
static void libcsv_fields(const char *line, size_t len, char delim, int tsv,
                          struct fields_seen *f)
{
    struct csv_parser p;
    assert_int_equal(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL), 0);
    csv_set_delim(&p, (unsigned char)delim);
    if (tsv) {
        csv_set_quote(&p, 0);
        csv_set_space_func(&p, tsv_space);
    }
    assert_int_equal(csv_parse(&p, line, len, seen_field, seen_row, f), len);
    csv_fini(&p, seen_field, seen_row, f);
    csv_free(&p);
}

/* Lines without quotes are split by the reader itself: random lines of
   spaces, tabs, every delimiter, letters and a two-byte letter, ending in
   LF or CRLF, give the fields libcsv gives, in CSV and in TSV. */
static void test_simple_lines_as_libcsv(void **state)
{
    (void)state;
    static const char *const pieces[] = { "a", "b", " ", "\t", ",", ";", "|", "\xc3\xa9", "xy" };
    static const char delims[] = { ',', '\t', ';', '|' };
    unsigned seed = 12345;
    for (int tsv = 0; tsv <= 1; tsv++) {
        for (size_t d = 0; d < sizeof delims; d++) {
            char data[64 * 1024];
            size_t used = 0;
            struct fields_seen want = { .used = 0 };
            want.text[0] = '\0';
            int lines = 0;
            while (lines < 200) {
                char line[64];
                size_t n = 0, k = (size_t)(rand_r(&seed) % 12);
                for (size_t i = 0; i < k; i++)
                    n += (size_t)snprintf(line + n, sizeof line - n, "%s",
                                          pieces[rand_r(&seed) % (sizeof pieces / sizeof *pieces)]);
                n += (size_t)snprintf(line + n, sizeof line - n, "%s",
                                      rand_r(&seed) % 3 ? "\n" : "\r\n");
                if (strspn(line, " \t\r\n") == n)
                    continue; /* blank: skipped by the reader */
                memcpy(data + used, line, n);
                used += n;
                libcsv_fields(line, n, delims[d], tsv && delims[d] == '\t', &want);
                lines++;
            }
            write_file("simple.csv", data, used);
            struct rn_csv_options opt = { .delimiter = delims[d], .tsv = tsv };
            struct rn_csv_reader *r;
            struct rn_err err = RN_ERR_INIT;
            assert_int_equal(rn_csv_open("simple.csv", &opt, &r, &err), RN_OK);
            struct fields_seen got = { .used = 0 };
            got.text[0] = '\0';
            struct rn_csv_row row;
            while (rn_csv_next(r, &row, &err) == 1) {
                for (size_t i = 0; i < row.nfields; i++) {
                    assert_int_equal(strlen(row.fields[i]), row.lens[i]);
                    seen_field(row.fields[i], row.lens[i], &got);
                }
                seen_row(0, &got);
            }
            rn_csv_close(r);
            assert_string_equal(got.text, want.text);
        }
    }
}

/* A line is split in one pass only when it holds no CR, NUL, quote or bad
   UTF-8, wherever in the line (in the 16-byte steps or after them) such a
   byte sits: bad UTF-8 and NUL at every place of lines of 1 to 70 bytes
   are reported at their column, and the plain line after any of the four
   is read whole. */
static void test_plain_lines_spot_every_special_byte(void **state)
{
    (void)state;
    static const char specials[] = { '\xff', '\0', '"', '\r' };
    for (size_t sp = 0; sp < sizeof specials; sp++) {
        for (size_t len = 1; len <= 70; len++) {
            for (size_t at = 0; at < len; at += (len > 20 ? 3 : 1)) {
                char data[256];
                size_t n = 0;
                for (size_t i = 0; i < len; i++)
                    data[n++] = i == at ? specials[sp] : i % 9 == 4 ? ',' : (char)('a' + i % 26);
                memcpy(data + n, "\nnext,line\n", 11);
                n += 11;
                write_file("special.csv", data, n);
                struct rn_csv_options opt = { .delimiter = ',', .check_utf8 = 1 };
                struct rn_csv_reader *r;
                struct rn_err err = RN_ERR_INIT;
                assert_int_equal(rn_csv_open("special.csv", &opt, &r, &err), RN_OK);
                struct rn_csv_row row;
                int rc = rn_csv_next(r, &row, &err);
                if (specials[sp] == '\xff' || specials[sp] == '\0') {
                    char want[96];
                    if (specials[sp] == '\xff')
                        snprintf(want, sizeof want, "special.csv:1:%zu: invalid UTF-8 (byte 0xFF)",
                                 at + 1);
                    else
                        snprintf(want, sizeof want,
                                 "special.csv:1:%zu: NUL byte (is this a binary file?)", at + 1);
                    assert_int_equal(rc, RN_EINPUT);
                    assert_string_equal(err.msg, want);
                }
                /* whatever came of the special byte, the plain line after
                   it is read whole, last */
                char last[64] = "";
                for (; rc != 0; rc = rn_csv_next(r, &row, &err)) {
                    if (rc == 1)
                        snprintf(last, sizeof last, "%s|%s", row.fields[0],
                                 row.nfields > 1 ? row.fields[1] : "-");
                    else
                        assert_int_equal(rc, RN_EINPUT);
                }
                assert_string_equal(last, "next|line");
                rn_csv_close(r);
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_crlf_bom),
        cmocka_unit_test(test_quotes_newlines_and_doubled_quotes),
        cmocka_unit_test(test_delimiters),
        cmocka_unit_test(test_lone_cr_line_endings),
        cmocka_unit_test(test_mixed_line_endings),
        cmocka_unit_test(test_stray_quote_reported_and_skipped),
        cmocka_unit_test(test_unterminated_quote_recovers),
        cmocka_unit_test(test_utf16_rejected),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_content_hash_stable),
        cmocka_unit_test(test_writer_round_trip),
        cmocka_unit_test(test_tsv_round_trip),
        cmocka_unit_test(test_tsv_escapes_at_every_place),
        cmocka_unit_test(test_lines_read),
        cmocka_unit_test(test_simple_lines_as_libcsv),
        cmocka_unit_test(test_plain_lines_spot_every_special_byte),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
