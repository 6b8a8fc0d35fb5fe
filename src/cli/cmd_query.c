/* cmd_query.c - relnet query (not built yet). */
#include "cli.h"

const char cmd_query_usage[] = "usage: relnet query\n";

int cmd_query(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_errorf("'query' is not built yet");
    return RN_EXIT_FAIL;
}
