/* lib.c - process-wide setup (see relnet/lib.h). */
#include "relnet/lib.h"

#include <stdlib.h>

int rn_lib_init(struct rn_err *err)
{
    (void)err;
    return RN_OK;
}

void rn_lib_shutdown(void)
{
}

const char *rn_lib_version(void)
{
    return RELNET_VERSION;
}

const char *rn_lib_data_dir(void)
{
    const char *env = getenv("RELNET_DATA");
    if (env && env[0])
        return env;
    return RELNET_DATA_DIR;
}
