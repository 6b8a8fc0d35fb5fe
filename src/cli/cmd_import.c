/* cmd_import.c - relnet import (not built yet). */
#include "cli.h"

const char cmd_import_usage[] = "usage: relnet import\n";

int cmd_import(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_errorf("'import' is not built yet");
    return RN_EXIT_FAIL;
}
