/* ascii.h - ASCII byte classes for the ingest stage's scanners (private to
 * src/ingest). Locale-independent, unlike <ctype.h>: a byte >= 0x80 is
 * never a letter here, whatever the locale says. */
#ifndef RELNET_INGEST_ASCII_H
#define RELNET_INGEST_ASCII_H

static inline int rn_ascii_is_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static inline int rn_ascii_is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline int rn_ascii_is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static inline unsigned char rn_ascii_lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

#endif
