/* lib.c - process-wide setup (see relnet/lib.h). */
#include "relnet/lib.h"

#include "relnet/analysis.h"
#include "relnet/graph.h"
#include "relnet/html.h"
#include "relnet/render.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include <unistd.h>

int rn_lib_init(struct rn_err *err)
{
    int rc = rn_analysis_setup(RN_DEFAULT_SEED, err);
    if (rc != RN_OK)
        return rc;
    rn_html_setup();
    return rn_render_setup(err);
}

const char *rn_lib_version(void)
{
    return RELNET_VERSION;
}

/* dir counts as a data directory when it holds the lexicon. */
static int has_lexicon(const char *dir)
{
    char path[PATH_MAX + 16];
    snprintf(path, sizeof path, "%s/lexicon", dir);
    return access(path, R_OK | X_OK) == 0;
}

/* <directory of the running binary>/RELNET_BIN_TO_DATA ("../share/relnet"
   for bin/relnet), or "" when the binary's path is unknown. */
static void next_to_binary(char *out, size_t size)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    out[0] = 0;
    if (n <= 0)
        return;
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = 0;
    snprintf(out, size, "%s/%s", exe, RELNET_BIN_TO_DATA);
}

static char data_dir[PATH_MAX + 64];
static once_flag data_dir_once = ONCE_FLAG_INIT;

static void find_data_dir(void)
{
    next_to_binary(data_dir, sizeof data_dir);
    if (data_dir[0] && has_lexicon(data_dir))
        return;
    snprintf(data_dir, sizeof data_dir, "%s",
             has_lexicon(RELNET_INSTALL_DATA_DIR) ? RELNET_INSTALL_DATA_DIR : RELNET_DATA_DIR);
}

const char *rn_lib_data_dir(void)
{
    const char *env = getenv("RELNET_DATA");
    if (env && env[0])
        return env;
    call_once(&data_dir_once, find_data_dir);
    return data_dir;
}
