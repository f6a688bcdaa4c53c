/*
 * ar_translit.h
 *    Table-driven, character-for-character transliteration of Arabic script
 *    to ASCII and back: Buckwalter and Safe Buckwalter (the XML- and
 *    regex-safe variant of Habash, Soudi and Buckwalter 2007).  Every
 *    character without a code passes through unchanged in both directions,
 *    so ar_untranslit(ar_translit(w)) == w for every text without ASCII
 *    letters or code symbols (every Arabic word, diacritics included).
 */
#ifndef AR_TRANSLIT_H
#define AR_TRANSLIT_H

#include "ar_core.h"

typedef enum ar_translit_scheme
{
	AR_TRANSLIT_BUCKWALTER = 0,
	AR_TRANSLIT_SAFE_BUCKWALTER,
	AR_TRANSLIT_NAMES,			/* learned romanization of names (ar_names.h) */
	AR_TRANSLIT_NSCHEMES
} ar_translit_scheme;

/* Scheme names, indexed by ar_translit_scheme. */
extern const char *const ar_translit_scheme_names[AR_TRANSLIT_NSCHEMES];

/* The scheme called name[0..len), or -1. */
extern int	ar_translit_scheme_find(const char *name, size_t len);

/* Append the table transliteration of in[0..len) to out (table schemes only). */
extern void ar_translit(const char *in, size_t len, ar_translit_scheme scheme, ar_buf *out);

/* Append the Arabic text that the table transliteration in[0..len) spells to out. */
extern void ar_untranslit(const char *in, size_t len, ar_translit_scheme scheme, ar_buf *out);

#endif							/* AR_TRANSLIT_H */
