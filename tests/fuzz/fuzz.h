/* fuzz.h - what the libFuzzer harnesses share (see README.md).
 *
 * Each harness defines LLVMFuzzerTestOneInput. Built with RELNET_FUZZ it is
 * linked with libFuzzer (clang -fsanitize=fuzzer); in every test build it is
 * also linked with replay.c, which runs it over its seed corpus and the
 * regression inputs under ctest. A broken promise calls fuzz_fail(), which
 * aborts, so both libFuzzer and ctest see it.
 */
#ifndef RELNET_FUZZ_H
#define RELNET_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Write data to a scratch file of this process ending in ext (".csv") and
   return its path (valid until the next call). Aborts when it cannot. */
const char *fuzz_temp_file(const uint8_t *data, size_t size, const char *ext);

/* Print what went wrong and abort. */
void fuzz_fail(const char *what, ...) __attribute__((noreturn, format(printf, 1, 2)));

#endif
