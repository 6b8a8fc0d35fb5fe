/* cmd_centrality.c - relnet centrality (not built yet). */
#include "cli.h"

const char cmd_centrality_usage[] = "usage: relnet centrality\n";

int cmd_centrality(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_errorf("'centrality' is not built yet");
    return RN_EXIT_FAIL;
}
