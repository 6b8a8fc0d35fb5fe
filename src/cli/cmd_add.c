/* cmd_add.c - relnet add (not built yet). */
#include "cli.h"

const char cmd_add_usage[] = "usage: relnet add\n";

int cmd_add(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_errorf("'add' is not built yet");
    return RN_EXIT_FAIL;
}
