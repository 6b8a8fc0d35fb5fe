/* cmd_eval.c - relnet eval (not built yet). */
#include "cli.h"

const char cmd_eval_usage[] = "usage: relnet eval\n";

int cmd_eval(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_errorf("'eval' is not built yet");
    return RN_EXIT_FAIL;
}
