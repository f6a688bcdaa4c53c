/*
 * ar_names.h
 *    Names across spellings and scripts: a learned character-alignment model
 *    between Latin-script name tokens and their Arabic spellings, and what is
 *    built on it: a name key (one key per name whatever its script or
 *    spelling), a script-aware similarity in [0, 1], the readable
 *    romanization of a name and the likeliest Arabic spelling of a Latin one.
 *
 * The model (trained by src/train/names_train.c with EM, as a many-to-many
 * aligner does) gives log P(x, y | position) for every pair of a Latin
 * segment x (0-2 letters) and an Arabic segment y (0-2 letters, 2 only with a
 * one-letter x); the position is the start, middle or end of the Arabic word.
 * Tokens are folded first: Latin to a-z (accents dropped), Arabic with the
 * `search` normalization (so أ إ آ -> ا, ة -> ه, ى -> ي, ؤ ئ -> ء).
 * A model is built once from its file image and then only read.
 */
#ifndef AR_NAMES_H
#define AR_NAMES_H

#include "ar_core.h"

#define AR_NAMES_NLAT	26		/* Latin letters a-z: symbols 1..26 */
#define AR_NAMES_NAR	29		/* Arabic letters ء ا ب ... ي: symbols 1..29 */
#define AR_NAMES_MAXSYM 48		/* letters of a token considered; the rest is ignored */

typedef enum ar_name_script
{
	AR_NAME_NONE = 0,			/* no letter */
	AR_NAME_LATIN,
	AR_NAME_ARABIC
} ar_name_script;

typedef struct ar_names_model ar_names_model;

/* The Arabic letter of symbol 1..29. */
extern uint32_t ar_names_arabic_cp(int sym);

/*
 * Fold a token to symbols (at most AR_NAMES_MAXSYM) of the script of its
 * first letter; letters of the other script, digits and marks are skipped.
 */
extern int	ar_names_fold(const char *s, size_t len, uint8_t *out, ar_name_script *script);

/*
 * Parse a model file image text[0..len).  Returns NULL with *err set to a
 * static message when it is not a valid model.
 */
extern ar_names_model *ar_names_model_open(const ar_allocator *alloc, const char *text,
										   size_t len, const char **err);

/* Release a model. */
extern void ar_names_model_free(const ar_allocator *alloc, ar_names_model *m);

/* Best-alignment joint log probability of Latin symbols lat[0..n) and Arabic ar[0..m). */
extern double ar_names_cross_logp(const ar_names_model *m, const uint8_t *lat, int n,
								  const uint8_t *ar, int na);

/* Likeliest Arabic spelling (symbols, returned count) of Latin symbols lat[0..n). */
extern int	ar_names_to_arabic(const ar_names_model *m, const uint8_t *lat, int n, uint8_t *out);

/* Similarity in [0, 1] of two name tokens, whatever their scripts. */
extern float ar_name_similarity(const ar_names_model *m, const char *a, size_t alen,
								const char *b, size_t blen);

/* Append the name key of a token to out (nothing when the token has no letter). */
extern void ar_name_key(const ar_names_model *m, const char *s, size_t len, ar_buf *out);

/* Append the key of Arabic symbols ar[0..na) to out. */
extern void ar_names_key_symbols(const ar_names_model *m, const uint8_t *ar, int na, ar_buf *out);

/* Append the readable romanization of a name token to out (Latin text is folded to a-z). */
extern void ar_name_romanize(const ar_names_model *m, const char *s, size_t len, ar_buf *out);

/* Append the likeliest Arabic spelling of a name token to out (Arabic text is folded). */
extern void ar_name_arabize(const ar_names_model *m, const char *s, size_t len, ar_buf *out);

/*
 * The same for a text of several names: each word (a run of letters of one script) is
 * romanized or spelled in Arabic, and what lies between words is kept as written;
 * romanized words start with a capital letter (Sergei Lavrov).
 */
extern void ar_name_romanize_text(const ar_names_model *m, const char *s, size_t len, ar_buf *out);
extern void ar_name_arabize_text(const ar_names_model *m, const char *s, size_t len, ar_buf *out);

#endif							/* AR_NAMES_H */
