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

/* Index the bigrams once every line is read; false when they are not sorted and distinct. */
extern bool ar_names_rom_finish(ar_names_rom *rom);

/* Release the tables. */
extern void ar_names_rom_free(const ar_allocator *alloc, ar_names_rom *rom);

/*
 * Romanize Arabic symbols ar[0..n) into out (a-z); false (nothing written)
 * when the model has no path for them.
 */
extern bool ar_names_rom_decode(const ar_names_rom *rom, const uint8_t *ar, int n, ar_buf *out);

/*
 * Likeliest Arabic spelling (symbols, returned count) of Latin symbols
 * lat[0..n) under the same model; -1 when it has no path for them.
 */
extern int	ar_names_rom_arabize(const ar_names_rom *rom, const uint8_t *lat, int n, uint8_t *out);

#endif							/* AR_NAMES_ROM_H */
