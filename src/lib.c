/* lib.c - process-wide setup (see relnet/lib.h). */
#include "relnet/lib.h"

#include "relnet/analysis.h"
#include "relnet/graph.h"
#include "relnet/render.h"

#include <stdlib.h>

int rn_lib_init(struct rn_err *err)
{
    int rc = rn_analysis_setup(RN_DEFAULT_SEED, err);
    if (rc != RN_OK)
        return rc;
    return rn_render_setup(err);
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
