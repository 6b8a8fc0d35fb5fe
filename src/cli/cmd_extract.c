/* cmd_extract.c - relnet extract (not built yet). */
#include "cli.h"

const char cmd_extract_usage[] = "usage: relnet extract\n";

int cmd_extract(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_errorf("'extract' is not built yet");
    return RN_EXIT_FAIL;
}
