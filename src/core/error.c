/* error.c - status codes and error messages (see relnet/error.h). */
#include "relnet/error.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int rn_fail(struct rn_err *err, int code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        err->code = code;
    }
    return code;
}

void rn_err_prefix(struct rn_err *err, const char *fmt, ...)
{
    if (!err)
        return;
    char prefix[RN_ERR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);

    /* Build "prefix: msg" by hand: the result is cut at the buffer size. */
    char joined[RN_ERR_MSG_MAX];
    size_t n = strlen(prefix);
    memcpy(joined, prefix, n + 1);
    if (err->msg[0] && n + 2 < sizeof joined) {
        memcpy(joined + n, ": ", 3);
        n += 2;
        size_t rest = strlen(err->msg);
        if (rest > sizeof joined - 1 - n)
            rest = sizeof joined - 1 - n;
        memcpy(joined + n, err->msg, rest);
        joined[n + rest] = '\0';
    }
    memcpy(err->msg, joined, sizeof joined);
}

int rn_open_status(int errnum)
{
    switch (errnum) {
    case ENOENT:
    case ENOTDIR:
    case EACCES:
    case EPERM:
    case EISDIR:
    case ELOOP:
    case ENAMETOOLONG:
        return RN_EINPUT;
    default:
        return RN_EIO;
    }
}

int rn_fail_open(struct rn_err *err, int errnum, const char *path)
{
    return rn_fail(err, rn_open_status(errnum), "cannot open %s: %s", path, strerror(errnum));
}

void rn_err_clear(struct rn_err *err)
{
    if (!err)
        return;
    err->code = RN_OK;
    err->msg[0] = '\0';
}

int rn_status_exit_code(int code)
{
    switch (code) {
    case RN_OK:
        return RN_EXIT_OK;
    case RN_EINPUT:
    case RN_ENOTFOUND:
        return RN_EXIT_INPUT;
    case RN_EUSAGE:
        return RN_EXIT_USAGE;
    default:
        return RN_EXIT_FAIL;
    }
}

const char *rn_status_name(int code)
{
    switch (code) {
    case RN_OK:
        return "ok";
    case RN_EINPUT:
        return "bad input";
    case RN_EIO:
        return "I/O error";
    case RN_ENOMEM:
        return "out of memory";
    case RN_EINTERNAL:
        return "internal error";
    case RN_EUSAGE:
        return "usage error";
    case RN_ENOTFOUND:
        return "not found";
    default:
        return "unknown error";
    }
}
