/* json.c - JSON output, and the one lookup relnet reads JSON for, on jansson
 * (see relnet/json.h). */
#include "relnet/json.h"

#include "relnet/buf.h"
#include "relnet/text.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* struct rn_json is json_t under another name: jansson stays in this file. */
#define J(v) ((json_t *)(v))
#define R(v) ((struct rn_json *)(v))

struct rn_json *rn_json_object(void)
{
    return R(json_object());
}

struct rn_json *rn_json_array(void)
{
    return R(json_array());
}

struct rn_json *rn_json_string(const char *s)
{
    if (!s)
        return R(json_null());
    size_t n = strlen(s);
    if (rn_utf8_check(s, n, NULL) == RN_OK)
        return R(json_stringn(s, n));
    /* jansson refuses invalid UTF-8: replace bad bytes with U+FFFD */
    struct rn_buf b = RN_BUF_INIT;
    json_t *v = rn_utf8_repair(s, n, 0, &b) == RN_OK ? json_stringn(rn_buf_str(&b), b.len) : NULL;
    rn_buf_release(&b);
    return R(v);
}

struct rn_json *rn_json_number(double v)
{
    return R(json_real(v));
}

struct rn_json *rn_json_integer(long long v)
{
    return R(json_integer(v));
}

int rn_json_set(struct rn_json *obj, const char *key, struct rn_json *val)
{
    if (!val)
        return RN_ENOMEM;
    return json_object_set_new(J(obj), key, J(val)) == 0 ? RN_OK : RN_ENOMEM;
}

int rn_json_append(struct rn_json *arr, struct rn_json *val)
{
    if (!val)
        return RN_ENOMEM;
    return json_array_append_new(J(arr), J(val)) == 0 ? RN_OK : RN_ENOMEM;
}

int rn_json_dump(FILE *out, const struct rn_json *v, int pretty)
{
    size_t flags = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6) |
                   (pretty ? JSON_INDENT(2) : JSON_COMPACT);
    if (json_dumpf(J(v), out, flags) != 0 || fputc('\n', out) == EOF)
        return RN_EIO;
    return RN_OK;
}

int rn_json_write_compact(FILE *out, const struct rn_json *v)
{
    size_t flags = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15) | JSON_COMPACT;
    return json_dumpf(J(v), out, flags) == 0 ? RN_OK : RN_EIO;
}

void rn_json_free(struct rn_json *v)
{
    if (v)
        json_decref(J(v));
}

struct rn_json *rn_json_bool(int v)
{
    return R(json_boolean(v));
}

/* Depth first, in document order; an object's own key before its members. */
static const char *find_string(const json_t *v, const char *key, int depth)
{
    if (depth > 64)
        return NULL;
    if (json_is_object(v)) {
        const json_t *hit = json_object_get(v, key);
        if (json_is_string(hit))
            return json_string_value(hit);
        const char *k;
        const json_t *member;
        json_object_foreach((json_t *)v, k, member) {
            const char *found = find_string(member, key, depth + 1);
            if (found)
                return found;
        }
    } else if (json_is_array(v)) {
        size_t i;
        const json_t *item;
        json_array_foreach(v, i, item) {
            const char *found = find_string(item, key, depth + 1);
            if (found)
                return found;
        }
    }
    return NULL;
}

int rn_json_find_string(const char *text, size_t len, const char *key, char *out, size_t size)
{
    json_error_t error;
    json_t *doc = json_loadb(text, len, JSON_DECODE_ANY, &error);
    if (!doc)
        return 0;
    const char *found = find_string(doc, key, 0);
    int ok = found && strlen(found) < size;
    if (ok)
        memcpy(out, found, strlen(found) + 1);
    json_decref(doc);
    return ok;
}

/* ---- streaming ------------------------------------------------------------ */

int rn_json_add_string(struct rn_buf *out, const char *s)
{
    if (!s)
        return rn_buf_adds(out, "null");
    size_t n = strlen(s);
    struct rn_buf repaired = RN_BUF_INIT;
    if (rn_utf8_check(s, n, NULL) != RN_OK) {
        if (rn_utf8_repair(s, n, 0, &repaired) != RN_OK) {
            rn_buf_release(&repaired);
            return RN_ENOMEM;
        }
        s = rn_buf_str(&repaired);
        n = repaired.len;
    }
    static const char hex[] = "0123456789ABCDEF"; /* as jansson writes them */
    int rc = rn_buf_addc(out, '"');
    size_t run = 0; /* bytes of s copied as they are, waiting */
    for (size_t i = 0; rc == RN_OK && i <= n; i++) {
        unsigned char c = i < n ? (unsigned char)s[i] : 0;
        if (i < n && c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&')
            continue;
        rc = rn_buf_add(out, s + run, i - run);
        run = i + 1;
        if (rc != RN_OK || i == n)
            break;
        char esc[7] = { '\\', (char)c, 0 };
        if (c == '\n')
            esc[1] = 'n';
        else if (c == '\t')
            esc[1] = 't';
        else if (c == '\r')
            esc[1] = 'r';
        else if (c == '<' || c == '>' || c == '&')
            snprintf(esc, sizeof esc, "\\u00%s", c == '<' ? "3c" : c == '>' ? "3e" : "26");
        else if (c != '"' && c != '\\')
            snprintf(esc, sizeof esc, "\\u00%c%c", hex[c >> 4], hex[c & 15]);
        rc = rn_buf_adds(out, esc);
    }
    if (rc == RN_OK)
        rc = rn_buf_addc(out, '"');
    rn_buf_release(&repaired);
    return rc;
}

int rn_json_add_number(struct rn_buf *out, double v)
{
    if (!isfinite(v))
        return rn_buf_adds(out, "null");
    /* As jansson writes reals: a whole number keeps a fraction, and an
       exponent loses its '+' and leading zeros (1e+08 -> 1e8). */
    char tmp[40];
    int len = snprintf(tmp, sizeof tmp, "%.6g", v);
    char *e = strchr(tmp, 'e');
    if (!e && !strchr(tmp, '.')) {
        memcpy(tmp + len, ".0", 3);
        len += 2;
    }
    if (e) {
        char *digits = e + 1 + (e[1] == '-' || e[1] == '+');
        char *keep = e + 1 + (e[1] == '-');
        while (*digits == '0' && digits[1])
            digits++;
        memmove(keep, digits, strlen(digits) + 1);
        len = (int)strlen(tmp);
    }
    return rn_buf_add(out, tmp, (size_t)len);
}

int rn_json_add_integer(struct rn_buf *out, long long v)
{
    char tmp[24], *p = tmp + sizeof tmp;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do
        *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *--p = '-';
    return rn_buf_add(out, p, (size_t)(tmp + sizeof tmp - p));
}
