/* cmd_export.c - relnet export (not built yet). */
#include "cli.h"

const char cmd_export_usage[] = "usage: relnet export\n";

int cmd_export(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_errorf("'export' is not built yet");
    return RN_EXIT_FAIL;
}
