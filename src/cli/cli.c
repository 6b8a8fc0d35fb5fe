/* cli.c - helpers shared by the command files (see cli.h). */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct cli_globals cli_globals;

int cli_common_option(int c, const char *arg)
{
    switch (c) {
    case CLI_OPT_KB:
        cli_globals.kb_path = arg;
        return 1;
    case CLI_OPT_QUIET:
        cli_globals.quiet = 1;
        return 1;
    default:
        return 0;
    }
}

const char *cli_kb_path(void)
{
    if (cli_globals.kb_path)
        return cli_globals.kb_path;
    const char *env = getenv("RELNET_KB");
    if (env && env[0])
        return env;
    return "relnet.db";
}

void cli_errorf(const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fputs("relnet: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int cli_report(const struct rn_err *err)
{
    if (err->msg[0])
        cli_errorf("%s", err->msg);
    else
        cli_errorf("%s", rn_status_name(err->code));
    return rn_status_exit_code(err->code);
}

int cli_help(const char *usage)
{
    fputs(usage, stdout);
    return RN_EXIT_OK;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fprintf(stderr, "relnet %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nsee 'relnet %s --help'\n", cmd);
    return RN_EXIT_USAGE;
}

int cli_bad_option(const char *cmd, int c, char **argv)
{
    const char *opt = argv[optind - 1];
    if (c == ':')
        return cli_usage_error(cmd, "option '%s' needs a value", opt);
    return cli_usage_error(cmd, "unknown option '%s'", opt);
}

void cli_getopt_reset(void)
{
    optind = 1;
    opterr = 0; /* we print our own message with the command name */
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

/* Large enough that a bar is worth drawing (a 37 MB CSV takes seconds). */
#define PROGRESS_MIN_BYTES (8ull << 20)

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_progress_start(struct cli_progress *p, const char *label, uint64_t total)
{
    p->label = label;
    p->drawn = 0;
    p->last = 0;
    p->enabled = !cli_globals.quiet && isatty(STDERR_FILENO) &&
                 (total == 0 || total >= PROGRESS_MIN_BYTES);
}

void cli_progress_update(void *ctx, uint64_t done, uint64_t total)
{
    struct cli_progress *p = ctx;
    if (!p->enabled)
        return;
    double t = now_seconds();
    if (p->drawn && t - p->last < 0.1 && !(total && done >= total))
        return;
    p->last = t;
    p->drawn = 1;
    if (total) {
        int width = 30;
        int fill = (int)((double)done / (double)total * width);
        if (fill > width)
            fill = width;
        fprintf(stderr, "\r%s [%.*s%*s] %3d%% %.1f/%.1f MB", p->label, fill,
                "##############################", width - fill, "",
                (int)((double)done * 100 / (double)total), (double)done / 1e6,
                (double)total / 1e6);
    } else {
        fprintf(stderr, "\r%s %.1f MB", p->label, (double)done / 1e6);
    }
    fflush(stderr);
}

void cli_progress_end(struct cli_progress *p)
{
    if (p->enabled && p->drawn)
        fputs("\r\033[K", stderr);
    p->drawn = 0;
}
