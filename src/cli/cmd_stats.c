/* cmd_stats.c - relnet stats (not built yet). */
#include "cli.h"

const char cmd_stats_usage[] = "usage: relnet stats\n";

int cmd_stats(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_errorf("'stats' is not built yet");
    return RN_EXIT_FAIL;
}
