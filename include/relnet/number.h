/* number.h - reading decimal numbers fast, exactly as strtod does.
 *
 * A CSV of a million edges holds a million weights; strtod spends most of
 * its time on generality (locales, hexadecimal, infinities, long inputs).
 * The plain decimals such files hold take a short path here, and every
 * other input goes to strtod itself, so the results never differ.
 */
#ifndef RELNET_NUMBER_H
#define RELNET_NUMBER_H

/* strtod(s, end) in the C locale, bit for bit and with the same *end and
 * errno. Digits with an optional '.' and digits after it, not followed by
 * an exponent, whose digits form an integer up to 2^53 with at most 22 of
 * them after the point, are divided by the power of ten exactly (one
 * correctly rounded division: Clinger's fast path); anything else
 * (signs, spaces, exponents, more digits) is strtod's. end may be NULL. */
double rn_strtod(const char *s, char **end);

#endif
