/*
 * ar_lexicon.h
 *    A read-only set of attested Arabic words (stems of nouns, adjectives and
 *    names) with the suffix classes each takes, used by the stemmer as
 *    evidence: a broken-plural pattern or an ending is only undone when the
 *    word it leaves is attested.  The shipped data derives from Ayaspell
 *    (Debian hunspell-ar), see src/train/lexicon_from_hunspell.py.
 *
 * Words are 16-bit code-point strings, already normalized by the caller.
 * Storage: one pool of code points and an open-addressing table of 8-byte
 * slots at most half full, and a 64 kB bit filter of the hashes that answers
 * most misses without touching the table (about 2.2 MB for the shipped 44,000
 * words); built
 * once, then only read.
 */
#ifndef AR_LEXICON_H
#define AR_LEXICON_H

#include "ar_core.h"
#include "ar_letters.h"

/* Classes of an entry (0 = not attested). */
#define AR_LEX_ENTRY	1		/* the word is attested */
#define AR_LEX_FEM		2		/* takes the feminine ة: كبير -> كبيرة */
#define AR_LEX_PL_AT	4		/* takes the plural ات: برلمان -> برلمانات */
#define AR_LEX_PL_UN	8		/* takes the plural ون/ين: معلم -> معلمون */

typedef struct ar_lexicon ar_lexicon;

/* A new empty lexicon. */
extern ar_lexicon *ar_lexicon_new(const ar_allocator *alloc);

/* Release a lexicon. */
extern void ar_lexicon_free(ar_lexicon *lx);

/* Add w[0..n) with classes (AR_LEX_ENTRY is implied); an existing entry gains the classes. */
extern void ar_lexicon_add(ar_lexicon *lx, const cp16 *w, int n, unsigned classes);

/* Classes of w[0..n), 0 when not attested (or lx is NULL). */
extern unsigned ar_lexicon_get(const ar_lexicon *lx, const cp16 *w, int n);

/* Classes written as letters (F T M, '-' for none); -1 for anything else. */
extern int	ar_lexicon_parse_classes(const char *s, size_t len);

/* Number of distinct words. */
extern size_t ar_lexicon_count(const ar_lexicon *lx);

/* Bytes allocated by the lexicon. */
extern size_t ar_lexicon_bytes(const ar_lexicon *lx);

#endif							/* AR_LEXICON_H */
