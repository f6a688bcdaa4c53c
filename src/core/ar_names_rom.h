/*
 * ar_names_rom.h
 *    Readable romanization of Arabic names: a joint bigram model over the
 *    aligned (Latin segment, Arabic segment) pairs of the name model's
 *    training data (as Phonetisaurus decodes with a joint n-gram model), so
 *    that short vowels, which Arabic does not write, are restored from
 *    context (ميركل -> merkel).  Part of the name model file ("bi" lines);
 *    used by ar_names.c.
 */
#ifndef AR_NAMES_ROM_H
#define AR_NAMES_ROM_H

#include "ar_core.h"

/* A joint token: Latin segment index (0-702) * 900 + Arabic symbols y1 * 30 + y2. */
#define AR_ROM_TOKEN(x, y1, y2) ((int32_t) ((x) * 900 + (y1) * 30 + (y2)))
#define AR_ROM_BOS (-1)
#define AR_ROM_EOS (-2)

typedef struct ar_names_rom ar_names_rom;

/* Add one bigram count of a model file line; *rom is created on first use. */
extern void ar_names_rom_add(const ar_allocator *alloc, ar_names_rom **rom, int32_t prev,
							 int32_t next, float count);

/*
 * Store one model file line "lm ABC COUNT" (after "lm "): a count of the Latin letter trigram ABC
 * of the romanizer's target-side model (A, B: ^ or a-z; C: a-z or $); false when malformed.
 */
extern bool ar_names_rom_lm_line(const ar_allocator *alloc, ar_names_rom **rom, const char *s, size_t len);

/* Index the bigrams once every line is read; false when they are not sorted and distinct. */
extern bool ar_names_rom_finish(ar_names_rom *rom);

/* Release the tables. */
extern void ar_names_rom_free(const ar_allocator *alloc, ar_names_rom *rom);

/*
 * May Arabic letter ar[j] of a word of n letters go unspelt in a romanization?  Only a letter that
 * may be a vowel or silent (ء ا ع ه و ي) after the first, and the ا ل of a leading article.
 */
extern bool ar_names_rom_silent_ok(const uint8_t *ar, int n, int j);

/*
 * Romanize Arabic symbols ar[0..n) into out (a-z); false (nothing written)
 * when the model has no path for them.  voiced_first: the first letter must
 * be spelt (a hamza seat أ إ آ, not the silent alef of an article);
 * *silent_lead: how many leading Arabic letters were left unspelt; *score
 * (when not NULL): the path's log probability.
 */
extern bool ar_names_rom_decode(const ar_names_rom *rom, const uint8_t *ar, int n, bool voiced_first,
								ar_buf *out, int *silent_lead, double *score);

/* log P of an unspelt article ا ل as a word of its own (start, ا, ل, end). */
extern double ar_names_rom_article_logp(const ar_names_rom *rom);

/*
 * Likeliest Arabic spelling (symbols, returned count) of Latin symbols
 * lat[0..n) under the same model; -1 when it has no path for them.
 */
extern int	ar_names_rom_arabize(const ar_names_rom *rom, const uint8_t *lat, int n, uint8_t *out);

#endif							/* AR_NAMES_ROM_H */
