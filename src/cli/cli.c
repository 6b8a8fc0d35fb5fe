/* cli.c - helpers shared by the command files (see cli.h). */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

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
