/* cmd_render.c - relnet render (not built yet). */
#include "cli.h"

const char cmd_render_usage[] = "usage: relnet render\n";

int cmd_render(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_errorf("'render' is not built yet");
    return RN_EXIT_FAIL;
}
