/* options.c - parsing and help generated from option tables (options.h). */
#include "options.h"

#include "relnet/buf.h"
#include "relnet/text.h"

#include <getopt.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* The table with includes expanded: each option with the dest it writes
   and its group. */
enum { MAX_OPTIONS = 64, OPT_BASE = 1000, HELP_COLUMN = 28, HELP_WIDTH = 79 };
struct flat_option {
    const struct cli_option *opt;
    void *dest;
    enum cli_group group;
};
struct flat_table {
    struct flat_option item[MAX_OPTIONS];
    size_t n;
};

static int flatten(struct flat_table *t, const struct cli_option *opts, void *dest,
                   enum cli_group group)
{
    for (; opts->kind != CLI_KIND_END; opts++) {
        void *d = opts->dest ? opts->dest : dest;
        if (opts->kind == CLI_KIND_SECTION) {
            group = (enum cli_group)opts->value;
        } else if (opts->kind == CLI_KIND_INCLUDE) {
            if (flatten(t, opts->include, d, group) != 0)
                return -1;
        } else {
            if (t->n == MAX_OPTIONS)
                return -1;
            t->item[t->n++] = (struct flat_option){ opts, d, group };
        }
    }
    return 0;
}

/* A table that declares a name twice is a programming error: say so
   rather than let getopt pick one. */
static int check_unique(const struct flat_table *t)
{
    for (size_t i = 0; i < t->n; i++)
        for (size_t j = 0; j < i; j++) {
            const struct cli_option *a = t->item[i].opt, *b = t->item[j].opt;
            if (strcmp(a->name, b->name) == 0 ||
                (a->short_name && a->short_name == b->short_name)) {
                fprintf(stderr, "relnet: internal error: option --%s declared twice\n", a->name);
                return -1;
            }
        }
    return 0;
}

static int build_table(struct flat_table *t, const struct cli_option *opts)
{
    t->n = 0;
    if (flatten(t, opts, NULL, CLI_GROUP_COMMAND) != 0) {
        fprintf(stderr, "relnet: internal error: more than %d options\n", MAX_OPTIONS);
        return -1;
    }
    return check_unique(t);
}

static int takes_argument(const struct cli_option *o)
{
    return o->kind == CLI_KIND_STRING || o->kind == CLI_KIND_COUNT ||
           o->kind == CLI_KIND_CHOICE || o->kind == CLI_KIND_CALLBACK;
}

/* --- help -------------------------------------------------------------------- */

/* The argument as help shows it: its name, or the choices "a|b|c". */
static void argument_name(const struct cli_option *o, char *buf, size_t size)
{
    buf[0] = 0;
    if (o->arg || !o->choices) {
        snprintf(buf, size, "%s", o->arg ? o->arg : "");
        return;
    }
    size_t len = 0;
    for (const struct cli_choice *c = o->choices; c->name && len < size; c++)
        len += (size_t)snprintf(buf + len, size - len, "%s%s", c == o->choices ? "" : "|",
                                c->name);
}

/* Write words to out from column col, wrapping at HELP_WIDTH with
   continuation lines indented to HELP_COLUMN. */
static void print_wrapped(FILE *out, const char *text, size_t col)
{
    while (*text) {
        size_t word = strcspn(text, " ");
        if (col > HELP_COLUMN && col + 1 + word > HELP_WIDTH) {
            fprintf(out, "\n%*s", HELP_COLUMN, "");
            col = HELP_COLUMN;
        } else if (col > HELP_COLUMN) {
            fputc(' ', out);
            col++;
        }
        fwrite(text, 1, word, out);
        col += word;
        text += word;
        text += strspn(text, " ");
    }
    fputc('\n', out);
}

static void print_option(FILE *out, const struct flat_option *f)
{
    const struct cli_option *o = f->opt;
    char arg[128], left[192], text[512];
    argument_name(o, arg, sizeof arg);
    int n = o->short_name ? snprintf(left, sizeof left, "  -%c, --%s", o->short_name, o->name)
                          : snprintf(left, sizeof left, "      --%s", o->name);
    if (arg[0])
        snprintf(left + n, sizeof left - (size_t)n, " %s", arg);
    const char *def = o->def_of ? o->def_of(f->dest) : o->def;
    if (def)
        snprintf(text, sizeof text, "%s (default: %s)", o->help, def);
    else
        snprintf(text, sizeof text, "%s", o->help);
    fputs(left, out);
    size_t col = strlen(left);
    if (col + 2 > HELP_COLUMN) {
        fputc('\n', out);
        col = 0;
    }
    fprintf(out, "%*s", (int)(HELP_COLUMN - col), "");
    print_wrapped(out, text, HELP_COLUMN);
}

static const char *const group_heading[CLI_NGROUPS] = {
    [CLI_GROUP_COMMAND] = "options:",
    [CLI_GROUP_OUTPUT] = "output options:",
    [CLI_GROUP_FILTER] = "filter options (which records count):",
    [CLI_GROUP_GLOBAL] = "global options:",
};

static void print_groups(FILE *out, const struct flat_table *t)
{
    int first = 1;
    for (int g = 0; g < CLI_NGROUPS; g++) {
        int heading = 0;
        for (size_t i = 0; i < t->n; i++) {
            if (t->item[i].group != (enum cli_group)g)
                continue;
            if (!heading)
                fprintf(out, "%s%s\n", first ? "" : "\n", group_heading[g]);
            heading = 1;
            first = 0;
            print_option(out, &t->item[i]);
        }
    }
}

void cli_print_options(FILE *out, const struct cli_option *opts)
{
    struct flat_table t;
    t.n = 0;
    if (flatten(&t, opts, NULL, CLI_GROUP_COMMAND) == 0)
        print_groups(out, &t);
}

static void print_help_of(FILE *out, const struct cli_spec *spec, const struct flat_table *t)
{
    fputs(spec->head, out);
    if (spec->body)
        spec->body(out);
    fputc('\n', out);
    print_groups(out, t);
    if (spec->tail)
        fprintf(out, "\n%s", spec->tail);
}

void cli_print_help(FILE *out, const struct cli_spec *spec, const struct cli_option *opts)
{
    struct flat_table t;
    if (build_table(&t, opts) == 0)
        print_help_of(out, spec, &t);
}

/* --- parsing ----------------------------------------------------------------- */

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fprintf(stderr, "relnet%s%s: ", cmd ? " " : "", cmd ? cmd : "");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nsee 'relnet%s%s --help'\n", cmd ? " " : "", cmd ? cmd : "");
    return RN_EXIT_USAGE;
}

int cli_parse_count(const char *s, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < 0)
        return -1;
    *out = v;
    return 0;
}

static int parse_count(const struct cli_option *o, const char *arg, long *out, struct rn_err *err)
{
    long v;
    if (cli_parse_count(arg, &v) == 0 && v >= o->min && v <= o->max) {
        *out = v;
        return RN_OK;
    }
    if (o->max == LONG_MAX)
        return rn_fail(err, RN_EUSAGE, "--%s needs a whole number >= %ld, not '%s'", o->name,
                       o->min, arg);
    return rn_fail(err, RN_EUSAGE, "--%s needs a whole number from %ld to %ld, not '%s'",
                   o->name, o->min, o->max, arg);
}

static int parse_choice(const struct cli_option *o, const char *arg, int *out, struct rn_err *err)
{
    for (const struct cli_choice *c = o->choices; c->name; c++)
        if (strcmp(c->name, arg) == 0) {
            *out = c->value;
            return RN_OK;
        }
    struct rn_buf names = RN_BUF_INIT;
    for (const struct cli_choice *c = o->choices; c->name; c++)
        rn_buf_addf(&names, "%s%s", c == o->choices ? "" : c[1].name ? ", " : " or ", c->name);
    rn_fail(err, RN_EUSAGE, "unknown %s '%s' (expected %s)", o->name, arg, rn_buf_str(&names));
    rn_buf_release(&names);
    return RN_EUSAGE;
}

/* Store one option's value. Returns CLI_GO_ON or an exit code. */
static int apply(const struct cli_spec *spec, const struct flat_table *t,
                 const struct flat_option *f, const char *arg)
{
    const struct cli_option *o = f->opt;
    struct rn_err err = RN_ERR_INIT;
    int rc = RN_OK;
    switch (o->kind) {
    case CLI_KIND_FLAG:
        *(int *)f->dest = (int)o->value;
        break;
    case CLI_KIND_STRING:
        *(const char **)f->dest = arg;
        break;
    case CLI_KIND_COUNT:
        rc = parse_count(o, arg, f->dest, &err);
        break;
    case CLI_KIND_CHOICE:
        rc = parse_choice(o, arg, f->dest, &err);
        break;
    case CLI_KIND_CALLBACK:
        rc = o->cb(f->dest, arg, &err);
        break;
    case CLI_KIND_HELP:
        print_help_of(stdout, spec, t);
        return RN_EXIT_OK;
    default:
        break;
    }
    if (rc == RN_OK)
        return CLI_GO_ON;
    if (rc == RN_EUSAGE)
        return cli_usage_error(spec->name, "%s", err.msg);
    fprintf(stderr, "relnet: %s\n", err.msg); /* out of memory */
    return rn_status_exit_code(rc);
}

/* "unknown option '--relaton'; did you mean '--relation'?" */
static int unknown_option(const struct cli_spec *spec, const struct flat_table *t,
                          const char *typed)
{
    enum { SHOWN = 3 };
    if (strncmp(typed, "--", 2) != 0)
        return cli_usage_error(spec->name, "unknown option '%s'", typed);
    char name[128];
    snprintf(name, sizeof name, "%.*s", (int)strcspn(typed + 2, "="), typed + 2);
    struct rn_suggest sg;
    struct rn_buf key = RN_BUF_INIT, display = RN_BUF_INIT, msg = RN_BUF_INIT;
    rn_suggest_init(&sg, name, SHOWN);
    for (size_t i = 0; i < t->n; i++) {
        const char *long_name = t->item[i].opt->name;
        rn_buf_reset(&display);
        rn_buf_addf(&display, "'--%s'", long_name);
        if (rn_text_key(long_name, strlen(long_name), &key) == RN_OK)
            rn_suggest_offer(&sg, rn_buf_str(&key), rn_buf_str(&display));
    }
    char *close[SHOWN];
    size_t n = rn_suggest_take(&sg, close);
    rn_buf_addf(&msg, "unknown option '--%s'", name);
    for (size_t i = 0; i < n; i++) {
        rn_buf_addf(&msg, "%s%s", i == 0 ? "; did you mean " : i + 1 == n ? " or " : ", ",
                    close[i]);
        free(close[i]);
    }
    if (n)
        rn_buf_addf(&msg, "?");
    int code = cli_usage_error(spec->name, "%s", rn_buf_str(&msg));
    rn_suggest_release(&sg);
    rn_buf_release(&key);
    rn_buf_release(&display);
    rn_buf_release(&msg);
    return code;
}

/* getopt_long rejected argv[optind - 1] (c is '?' or ':'). */
static int bad_option(const struct cli_spec *spec, const struct flat_table *t, int c, char **argv)
{
    const char *typed = argv[optind - 1];
    char named[160], short_opt[3] = { '-', (char)optopt, 0 };
    if (optopt >= OPT_BASE) {
        snprintf(named, sizeof named, "--%s", t->item[optopt - OPT_BASE].opt->name);
        typed = named;
    } else if (optopt > 0 && optopt < 256) {
        typed = short_opt;
    }
    if (c == ':')
        return cli_usage_error(spec->name, "option '%s' needs a value", typed);
    if (optopt >= OPT_BASE)
        return cli_usage_error(spec->name, "option '%s' takes no value", typed);
    return unknown_option(spec, t, typed);
}

int cli_parse_argv(const struct cli_spec *spec, const struct cli_option *opts, int argc,
                   char **argv, int stop_at_operand)
{
    struct flat_table t;
    if (build_table(&t, opts) != 0)
        return RN_EXIT_FAIL;
    struct option longopts[MAX_OPTIONS + 1];
    char shortopts[2 * MAX_OPTIONS + 3], *p = shortopts;
    int short_to_index[256] = { 0 };
    if (stop_at_operand)
        *p++ = '+';
    *p++ = ':';
    for (size_t i = 0; i < t.n; i++) {
        const struct cli_option *o = t.item[i].opt;
        int has_arg = takes_argument(o);
        longopts[i] = (struct option){ o->name, has_arg ? required_argument : no_argument, NULL,
                                       OPT_BASE + (int)i };
        if (o->short_name) {
            short_to_index[(unsigned char)o->short_name] = OPT_BASE + (int)i;
            *p++ = (char)o->short_name;
            if (has_arg)
                *p++ = ':';
        }
    }
    longopts[t.n] = (struct option){ NULL, 0, NULL, 0 };
    *p = 0;
    optind = 0; /* 0, not 1: glibc then also rereads the '+' of shortopts */
    opterr = 0; /* our messages name the command and suggest */
    int c;
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        if (c == '?' || c == ':')
            return bad_option(spec, &t, c, argv);
        int index = c >= OPT_BASE ? c : short_to_index[(unsigned char)c];
        int code = apply(spec, &t, &t.item[index - OPT_BASE], optarg);
        if (code != CLI_GO_ON)
            return code;
    }
    return CLI_GO_ON;
}
