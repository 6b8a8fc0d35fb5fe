/* error.h - status codes and error details shared by every relnet module.
 *
 * Library functions never print and never exit. They return RN_OK (0) or a
 * negative enum rn_status, and fill an optional struct rn_err with a message
 * that follows git's style: lowercase, no final period, what failed first,
 * and "file:line: " in front when the error has a place in an input file.
 * Only src/cli/ prints messages and turns statuses into exit codes.
 */
#ifndef RELNET_ERROR_H
#define RELNET_ERROR_H

#include <stddef.h>

enum rn_status {
    RN_OK = 0,
    RN_EINPUT = -1,    /* bad input data: exit code 1 */
    RN_EIO = -2,       /* cannot read or write a file: exit code 3 */
    RN_ENOMEM = -3,    /* out of memory: exit code 3 */
    RN_EINTERNAL = -4, /* a library failed in a way input cannot explain: exit 3 */
    RN_EUSAGE = -5,    /* the caller asked for something impossible: exit 2 */
    RN_ENOTFOUND = -6, /* a named thing does not exist: exit 1 */
};

/* Process exit codes (DESIGN.md): 0 ok, 1 bad input, 2 usage, 3 I/O or internal. */
enum rn_exit {
    RN_EXIT_OK = 0,
    RN_EXIT_INPUT = 1,
    RN_EXIT_USAGE = 2,
    RN_EXIT_FAIL = 3,
};

#define RN_ERR_MSG_MAX 1024

struct rn_err {
    int code;                  /* last status recorded, RN_OK when none */
    char msg[RN_ERR_MSG_MAX];  /* NUL-terminated message, "" when none */
};

#define RN_ERR_INIT { RN_OK, "" }

/* Record code and a printf-style message in err (which may be NULL) and
 * return code, so that "return rn_fail(err, RN_EIO, ...)" is one line.
 * A message longer than RN_ERR_MSG_MAX is cut. */
int rn_fail(struct rn_err *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Put "prefix: " in front of the message already in err, keeping its code.
 * Used to add context ("import edges.csv: ...") on the way up. */
void rn_err_prefix(struct rn_err *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A file relnet is asked to read that cannot be opened. The rule for every
 * command (DESIGN.md's exit codes): a file that is not there, that the user
 * may not read, or that is not a file where one is expected (ENOENT,
 * ENOTDIR, EACCES, EPERM, EISDIR, ELOOP, ENAMETOOLONG) is bad input,
 * RN_EINPUT, exit 1 - the user named the wrong thing; any other errno
 * (EIO, EMFILE, ENOMEM, ...) is an I/O error, RN_EIO, exit 3. */
int rn_open_status(int errnum);

/* rn_fail(err, rn_open_status(errnum), "cannot open PATH: strerror(errnum)"). */
int rn_fail_open(struct rn_err *err, int errnum, const char *path);

/* Forget any recorded error. */
void rn_err_clear(struct rn_err *err);

/* The exit code a command returns for status code. */
int rn_status_exit_code(int code);

/* A short English name for a status ("bad input", "I/O error", ...). */
const char *rn_status_name(int code);

#endif
