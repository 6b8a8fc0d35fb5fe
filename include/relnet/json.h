/* json.h - JSON output through jansson (the only module that includes
 * jansson.h), and finding one string in a JSON document.
 *
 * A thin builder: values are opaque struct rn_json handles that wrap
 * jansson's json_t; containers take ownership of what is put in them.
 * Strings must be UTF-8 (invalid bytes are replaced). Output keeps key
 * order (deterministic) and escapes everything JSON requires.
 */
#ifndef RELNET_JSON_H
#define RELNET_JSON_H

#include "relnet/error.h"

#include <stdio.h>

struct rn_json;

/* Constructors return NULL on out of memory. */
struct rn_json *rn_json_object(void);
struct rn_json *rn_json_array(void);
struct rn_json *rn_json_string(const char *s); /* NULL s gives JSON null */
struct rn_json *rn_json_number(double v);
struct rn_json *rn_json_integer(long long v);

/* Put val into obj under key / append it to arr; the container takes val
 * (also on failure, when val is freed). RN_OK or RN_ENOMEM. */
int rn_json_set(struct rn_json *obj, const char *key, struct rn_json *val);
int rn_json_append(struct rn_json *arr, struct rn_json *val);

/* Write v to out: pretty (indent 2) or compact on one line; a newline
 * follows. RN_OK or RN_EIO. */
int rn_json_dump(FILE *out, const struct rn_json *v, int pretty);

/* Write v compact on one line with no newline after it, for writers that
 * stream a large document item by item. RN_OK or RN_EIO. */
int rn_json_write_compact(FILE *out, const struct rn_json *v);

/* NULL-safe. */
void rn_json_free(struct rn_json *v);

/* Read the JSON document text[0..len) and copy the first string value under
 * key (objects and arrays searched depth first in document order, an
 * object's own key before its members'; JSON-LD's "@graph" included) into
 * out[size]. Returns 1, or 0 when the text is not JSON, has no such string,
 * or it does not fit. For metadata in pages ("datePublished"). */
int rn_json_find_string(const char *text, size_t len, const char *key, char *out, size_t size);

/* JSON true or false. NULL on out of memory. */
struct rn_json *rn_json_bool(int v);

/* Streaming, without a tree, for documents of millions of values: append
 * to out a JSON string literal of s (NULL: null; invalid UTF-8 replaced as
 * rn_json_string does), with '<', '>' and '&' written \u003c, \u003e and
 * \u0026 so that the text is also safe inside an HTML <script> element;
 * a number (6 significant digits, as rn_json_dump writes them; null when not
 * finite); an integer. RN_OK or RN_ENOMEM. */
struct rn_buf;
int rn_json_add_string(struct rn_buf *out, const char *s);
int rn_json_add_number(struct rn_buf *out, double v);
int rn_json_add_integer(struct rn_buf *out, long long v);

#endif
