/*
 * ar_names_internal.h
 *    What the name model (ar_names.c) shares with the word-by-word text
 *    functions (ar_names_text.c); not a public API.
 */
#ifndef AR_NAMES_INTERNAL_H
#define AR_NAMES_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "ar_names.h"

/* Symbols of some Arabic letters (1..29 in alphabetical order: ء 1, ا 2, ... ي 29). */
#define SYM_BEH 3
#define SYM_ALEF 2
#define SYM_DAL 9
#define SYM_AIN 19
#define SYM_LAM 24
#define SYM_HEH 27

/* Is the folded word sym[0..n) الله (shown Allah, which no list and not the romanizer gives)? */
static inline bool
ar_names_is_allah(const uint8_t *sym, int n)
{
	return n == 4 && sym[0] == SYM_ALEF && sym[1] == SYM_LAM && sym[2] == SYM_LAM && sym[3] == SYM_HEH;
}

/* Arabic symbol of a code point after `search` folding (Persian/Urdu extras folded too), or 0. */
extern int	ar_names_fold_arabic_cp(uint32_t cp);

/* Latin letters (a-z, up to 2) of a Latin-script code point, accents dropped; returns the count. */
extern int	ar_names_fold_latin_cp(uint32_t cp, char out[2]);

/* Script of a code point inside a name word (marks join either script: *mark), or AR_NAME_NONE. */
extern ar_name_script ar_names_word_cp_script(uint32_t cp, bool *mark);

/*
 * Append the romanization of a name token for display: a listed spelling (a
 * place's English name, a person's name token), else the romanizer with an
 * unspelt article as "al-" (al-Asad).
 */
extern void ar_names_romanize_display(const ar_names_model *m, const char *s, size_t len, ar_buf *out);

#endif							/* AR_NAMES_INTERNAL_H */
