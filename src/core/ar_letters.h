/*
 * ar_letters.h
 *    Arabic letters as the stemmer sees them (after normalization), and the
 *    16-bit code-point strings it works on.  Private to the stemmer's files.
 */
#ifndef AR_LETTERS_H
#define AR_LETTERS_H

#include <stdint.h>

typedef uint16_t cp16;

/* FNV-1a over the code points of w[0..n) (one step per code point). */
static inline uint32_t
ar_cp16_hash(const cp16 *w, int n)
{
	uint32_t	h = 2166136261u;

	for (int i = 0; i < n; i++)
	{
		h ^= w[i];
		h *= 16777619u;
	}
	return h;
}

#define HAMZA	0x0621
#define ALEF	0x0627
#define BEH		0x0628
#define TEHM	0x0629
#define TEH		0x062A
#define SEEN	0x0633
#define FEH		0x0641
#define KAF		0x0643
#define LAM		0x0644
#define MEEM	0x0645
#define NOON	0x0646
#define HEH		0x0647
#define WAW		0x0648
#define YEH		0x064A

#endif							/* AR_LETTERS_H */
