/* lib.h - process-wide setup of librelnet.
 *
 * igraph and Graphviz keep process-global state (error handlers, the
 * attribute table, the RNG): rn_lib_init() sets it once, before any other
 * call, so no library can abort() the process or print on its own.
 */
#ifndef RELNET_LIB_H
#define RELNET_LIB_H

#include "relnet/error.h"

/* Nothing needs undoing at exit: Graphviz's context lives as long as the
 * process (a second context after freeing the first crashes its pango
 * plugin in 2.42), and igraph holds no resources between calls. */
int rn_lib_init(struct rn_err *err);
const char *rn_lib_version(void);

/* Directory of the shipped data (lexicon/, articles/): $RELNET_DATA when
 * set; else the first of these that has a lexicon/: share/relnet beside the
 * running binary's directory (an installed relnet, wherever its prefix was
 * moved), the data directory of the prefix relnet was configured to install
 * to, and the data/ directory of the source tree it was built from. */
const char *rn_lib_data_dir(void);

#endif
