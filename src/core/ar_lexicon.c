/*
 * ar_lexicon.c
 *    Set of attested words with suffix classes (see ar_lexicon.h).
 */
#include <string.h>

#include "ar_lexicon.h"

#define LEX_BLOOM_BITS 19
#define BLOOM_BIT(h) ((h) >> (32 - LEX_BLOOM_BITS))

typedef struct lex_slot
{
	uint32_t	off;			/* into pool */
	uint8_t		len;			/* 0 = empty slot */
	uint8_t		classes;
	uint16_t	tag;			/* high bits of the hash: most mismatches end here */
} lex_slot;

struct ar_lexicon
{
	const ar_allocator *alloc;
	lex_slot   *tab;
	size_t		tabsize;		/* power of two */
	size_t		nused;
	cp16	   *pool;
	size_t		pool_len,
				pool_cap;
	/* quick negative filter: one bit per value of the hash's top LEX_BLOOM_BITS bits (64 kB) */
	uint8_t		bloom[(1u << LEX_BLOOM_BITS) / 8];
};

/* Slot of w[0..n): its entry, or the empty slot where it would go. */
static lex_slot *
find_slot(const ar_lexicon *lx, const cp16 *w, int n, uint32_t h)
{
	size_t		mask = lx->tabsize - 1,
				i;
	uint16_t	tag = (uint16_t) (h >> 16);

	for (i = h & mask;; i = (i + 1) & mask)
	{
		lex_slot   *s = &lx->tab[i];

		if (s->len == 0)
			return s;
		if (s->tag == tag && s->len == n)
		{
			const cp16 *k = lx->pool + s->off;
			int			j = 0;

			while (j < n && k[j] == w[j])
				j++;
			if (j == n)
				return s;
		}
	}
}

/* Double the table (or create it). */
static void
lex_grow(ar_lexicon *lx)
{
	size_t		newsize = lx->tabsize ? lx->tabsize * 2 : 1024,
				i;
	lex_slot   *old = lx->tab;
	size_t		oldsize = lx->tabsize;

	lx->tab = lx->alloc->realloc_fn(lx->alloc->ctx, NULL, newsize * sizeof(lex_slot));
	memset(lx->tab, 0, newsize * sizeof(lex_slot));
	lx->tabsize = newsize;
	for (i = 0; i < oldsize; i++)
		if (old[i].len)
		{
			const cp16 *w = lx->pool + old[i].off;

			*find_slot(lx, w, old[i].len, ar_cp16_hash(w, old[i].len)) = old[i];
		}
	if (old)
		lx->alloc->free_fn(lx->alloc->ctx, old);
}

/* Create an empty lexicon. */
ar_lexicon *
ar_lexicon_new(const ar_allocator *alloc)
{
	ar_lexicon *lx = alloc->realloc_fn(alloc->ctx, NULL, sizeof(ar_lexicon));

	memset(lx, 0, sizeof(*lx));
	lx->alloc = alloc;
	lex_grow(lx);
	return lx;
}

/* Release a lexicon. */
void
ar_lexicon_free(ar_lexicon *lx)
{
	if (!lx)
		return;
	if (lx->tab)
		lx->alloc->free_fn(lx->alloc->ctx, lx->tab);
	if (lx->pool)
		lx->alloc->free_fn(lx->alloc->ctx, lx->pool);
	lx->alloc->free_fn(lx->alloc->ctx, lx);
}

/* Add a word (see ar_lexicon.h). */
void
ar_lexicon_add(ar_lexicon *lx, const cp16 *w, int n, unsigned classes)
{
	uint32_t	h;
	lex_slot   *s;

	if (n <= 0 || n > 255)
		return;
	if ((lx->nused + 1) * 2 > lx->tabsize)
		lex_grow(lx);
	h = ar_cp16_hash(w, n);
	lx->bloom[BLOOM_BIT(h) >> 3] |= (uint8_t) (1 << (BLOOM_BIT(h) & 7));
	s = find_slot(lx, w, n, h);
	if (s->len == 0)
	{
		if (lx->pool_len + n > lx->pool_cap)
		{
			size_t		cap = lx->pool_cap ? lx->pool_cap * 2 : 4096;

			while (cap < lx->pool_len + n)
				cap *= 2;
			lx->pool = lx->alloc->realloc_fn(lx->alloc->ctx, lx->pool, cap * sizeof(cp16));
			lx->pool_cap = cap;
		}
		memcpy(lx->pool + lx->pool_len, w, n * sizeof(cp16));
		s->off = (uint32_t) lx->pool_len;
		s->len = (uint8_t) n;
		s->tag = (uint16_t) (h >> 16);
		lx->pool_len += n;
		lx->nused++;
	}
	s->classes |= (uint8_t) (classes | AR_LEX_ENTRY);
}

/* Classes of a word (see ar_lexicon.h). */
unsigned
ar_lexicon_get(const ar_lexicon *lx, const cp16 *w, int n)
{
	uint32_t	h;

	if (!lx || n <= 0 || n > 255)
		return 0;
	h = ar_cp16_hash(w, n);
	if (!(lx->bloom[BLOOM_BIT(h) >> 3] & (1 << (BLOOM_BIT(h) & 7))))
		return 0;
	return find_slot(lx, w, n, h)->classes;
}

/* Parse class letters (see ar_lexicon.h). */
int
ar_lexicon_parse_classes(const char *s, size_t len)
{
	int			c = AR_LEX_ENTRY;
	size_t		i;

	if (len == 1 && s[0] == '-')
		return c;
	if (len == 0)
		return -1;
	for (i = 0; i < len; i++)
	{
		if (s[i] == 'F')
			c |= AR_LEX_FEM;
		else if (s[i] == 'T')
			c |= AR_LEX_PL_AT;
		else if (s[i] == 'M')
			c |= AR_LEX_PL_UN;
		else
			return -1;
	}
	return c;
}

/* Number of words. */
size_t
ar_lexicon_count(const ar_lexicon *lx)
{
	return lx ? lx->nused : 0;
}

/* Bytes allocated. */
size_t
ar_lexicon_bytes(const ar_lexicon *lx)
{
	return lx ? sizeof(*lx) + lx->tabsize * sizeof(lex_slot) + lx->pool_cap * sizeof(cp16) : 0;
}
