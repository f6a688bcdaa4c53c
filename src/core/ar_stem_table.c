/*
 * ar_stem_table.c
 *    Construction of the stemmer and of its list table (see ar_stem_internal.h):
 *    the code-point pool, table growth, entries, and the stemmer's lifetime.
 */
#include <string.h>

#include "ar_stem_internal.h"
#include "ar_normalize.h"

/* Store n code points in the pool; returns their offset. */
static uint32_t
pool_add(ar_stemmer *st, const cp16 *w, int n)
{
	uint32_t	off;

	if (st->pool_len + n > st->pool_cap)
	{
		size_t		cap = st->pool_cap ? st->pool_cap * 2 : 1024;

		while (cap < st->pool_len + n)
			cap *= 2;
		st->pool = st->alloc->realloc_fn(st->alloc->ctx, st->pool, cap * sizeof(cp16));
		st->pool_cap = cap;
	}
	off = (uint32_t) st->pool_len;
	memcpy(st->pool + off, w, n * sizeof(cp16));
	st->pool_len += n;
	return off;
}

/* Double the table. */
void
stem_table_grow(ar_stemmer *st)
{
	size_t		newsize = st->tabsize ? st->tabsize * 2 : 256;
	entry	   *nt = st->alloc->realloc_fn(st->alloc->ctx, NULL, newsize * sizeof(entry));
	size_t		i;

	memset(nt, 0, newsize * sizeof(entry));
	for (i = 0; i < st->tabsize; i++)
	{
		entry	   *e = &st->tab[i];
		size_t		j;

		if (e->hash == 0)
			continue;
		for (j = e->hash & (newsize - 1); nt[j].hash; j = (j + 1) & (newsize - 1))
			;
		nt[j] = *e;
	}
	if (st->tab)
		st->alloc->free_fn(st->alloc->ctx, st->tab);
	st->tab = nt;
	st->tabsize = newsize;
}

/* Add flags (and, if val given, the mapped stem) to the entry of w[0..n). */
void
stem_put(ar_stemmer *st, const cp16 *w, int n, uint8_t flags, const cp16 *val, int vn)
{
	uint32_t	h;
	size_t		i;
	entry	   *e;

	if (n <= 0 || n > 255 || vn > 255)
		return;
	if ((st->nused + 1) * 2 > st->tabsize)
		stem_table_grow(st);
	st->filter[FILTER_SLOT(w, n)] |= (uint8_t) (1 << (n & 7));
	h = hash_cps(w, n);
	for (i = h & (st->tabsize - 1);; i = (i + 1) & (st->tabsize - 1))
	{
		e = &st->tab[i];
		if (e->hash == 0)
		{
			e->hash = h;
			e->key_len = (uint8_t) n;
			e->key_off = pool_add(st, w, n);
			e->val_off = e->key_off;
			e->val_len = (uint8_t) n;
			e->flags = 0;
			st->nused++;
			break;
		}
		if (e->hash == h && e->key_len == n &&
			memcmp(st->pool + e->key_off, w, n * sizeof(cp16)) == 0)
			break;
	}
	/* a plural mapping wins over a protected identity; first plural mapping wins */
	if (val && vn > 0 && ((flags & F_PLUR) ? !(e->flags & F_PLUR) : !(e->flags & (F_PLUR | F_PROT))))
	{
		e->val_off = pool_add(st, val, vn);
		e->val_len = (uint8_t) vn;
	}
	e->flags |= flags;
}

/* Create an empty stemmer. */
ar_stemmer *
ar_stemmer_new(const ar_allocator *alloc, uint32_t mask, int level)
{
	ar_stemmer *st = alloc->realloc_fn(alloc->ctx, NULL, sizeof(ar_stemmer));

	memset(st, 0, sizeof(*st));
	st->alloc = alloc;
	st->mask = mask;
	st->imask = mask & ~(uint32_t) AR_N_TEH_MARBUTA;
	st->level = level < AR_STEM_NONE ? AR_STEM_NONE : level > AR_STEM_HEAVY ? AR_STEM_HEAVY : level;
	stem_table_grow(st);
	return st;
}

/* Release a stemmer. */
void
ar_stemmer_free(ar_stemmer *st)
{
	if (!st)
		return;
	if (st->tab)
		st->alloc->free_fn(st->alloc->ctx, st->tab);
	if (st->pool)
		st->alloc->free_fn(st->alloc->ctx, st->pool);
	if (st->spellings)
		st->alloc->free_fn(st->alloc->ctx, st->spellings);
	ar_lexicon_free(st->lex);
	st->alloc->free_fn(st->alloc->ctx, st);
}

/* Number of entries loaded into a list. */
size_t
ar_stemmer_count(const ar_stemmer *st, ar_stem_list which)
{
	return st->counts[which];
}

/* Bytes held by the lexicon. */
size_t
ar_stemmer_lexicon_bytes(const ar_stemmer *st)
{
	return ar_lexicon_bytes(st->lex);
}

/* Name of a rule (see ar_stem.h). */
const char *
ar_stem_rule_name(ar_stem_rule rule)
{
	static const char *const names[] = {NULL, "stopword", "list", "pattern+lexicon", "lexicon", "light", "loanword", "place"};

	return (int) rule >= 0 && (int) rule < (int) (sizeof(names) / sizeof(names[0])) ? names[rule] : NULL;
}
