/* cmd_build.c - relnet build (not built yet). */
#include "cli.h"

const char cmd_build_usage[] = "usage: relnet build\n";

int cmd_build(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_errorf("'build' is not built yet");
    return RN_EXIT_FAIL;
}
