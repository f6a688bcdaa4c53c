/*
 * ar_stem_internal.h
 *    The stemmer's state and its list table, shared by ar_stem.c (stemming and
 *    list loading) and ar_stem_table.c (table construction); not a public API.
 *
 * Lists live in one open-addressing hash table keyed by code-point strings;
 * each entry carries flags and the stem it maps to.  The lookup is inline:
 * it runs for every split of every word.
 */
#ifndef AR_STEM_INTERNAL_H
#define AR_STEM_INTERNAL_H

#include <string.h>

#include "ar_stem.h"
#include "ar_chars.h"
#include "ar_letters.h"
#include "ar_lexicon.h"

#define F_STOP	1
#define F_PROT	2
#define F_PLUR	4
#define F_PLACE	8			/* a protected place name (its nisba gets it as a second lexeme) */

/* Letters the stemmer works on: U+0621..U+064A. */
#define NLETTERS 42

/* Filter slot of a key (all its code points are letters). */
#define FILTER_SLOT(w, n) (((w)[0] - HAMZA) * NLETTERS + ((w)[(n) - 1] - HAMZA))

typedef struct entry
{
	uint32_t	hash;			/* 0 = empty slot */
	uint32_t	key_off;		/* into pool */
	uint32_t	val_off;
	uint8_t		key_len;
	uint8_t		val_len;
	uint8_t		flags;
} entry;

struct ar_stemmer
{
	const ar_allocator *alloc;
	uint32_t	mask;			/* output normalization */
	uint32_t	imask;			/* internal: mask without teh marbuta */
	int			level;
	bool		loan;			/* fold loanword spellings (ar_stem_loan.h) */
	struct ar_loan_spelling *spellings;	/* "FROM* TO*" lines of the plurals list (ar_stem_loan.c) */
	int			nspellings;
	uint64_t	spelling_first;	/* bit (first letter - HAMZA) of every FROM */
	entry	   *tab;
	size_t		tabsize;		/* power of two */
	size_t		nused;
	size_t		counts[4];
	ar_lexicon *lex;			/* attested words (NULL: no lexicon loaded) */
	cp16	   *pool;
	size_t		pool_len,
				pool_cap;
	/* quick negative filter: bit (length & 7) of [first letter][last letter] */
	uint8_t		filter[NLETTERS * NLETTERS];
};

/* Hash of a list key (FNV-1a over code points); never 0, which marks an empty slot. */
static inline uint32_t
hash_cps(const cp16 *w, int n)
{
	uint32_t	h = ar_cp16_hash(w, n);

	return h ? h : 1;
}

/* Find the entry for w[0..n), or NULL. */
static inline const entry *
stem_lookup(const ar_stemmer *st, const cp16 *w, int n)
{
	uint32_t	h;
	size_t		i;

	if (n <= 0 || n > 255 || !(st->filter[FILTER_SLOT(w, n)] & (1 << (n & 7))))
		return NULL;
	h = hash_cps(w, n);
	for (i = h & (st->tabsize - 1);; i = (i + 1) & (st->tabsize - 1))
	{
		const entry *e = &st->tab[i];

		if (e->hash == 0)
			return NULL;
		if (e->hash == h && e->key_len == n &&
			memcmp(st->pool + e->key_off, w, n * sizeof(cp16)) == 0)
			return e;
	}
}

/* Double the table (ar_stem_table.c). */
void		stem_table_grow(ar_stemmer *st);

/* Add flags (and, if val given, the mapped stem) to the entry of w[0..n) (ar_stem_table.c). */
void		stem_put(ar_stemmer *st, const cp16 *w, int n, uint8_t flags, const cp16 *val, int vn);

/*
 * Letters of s[0..len) normalized as the stemmer reads them (internal mask:
 * ة kept) into w (room for AR_STEM_MAXCP); -1 when s is not one Arabic word
 * of at most AR_STEM_MAXCP letters (or has a letter of Persian spelling).
 * tmp is scratch (ar_stem.c).
 */
int			stem_letters(const ar_stemmer *st, const char *s, size_t len, cp16 *w, ar_buf *tmp);

#endif							/* AR_STEM_INTERNAL_H */
