/*
 * ar_gaz_surname.c
 *    The surname index of a gazetteer: the last words of listed people's
 *    full names, to name the person from a lone surname, and their first
 *    words, which are never mapped (see ar_gaz_find_surname in
 *    ar_ner_internal.h).  Built when rows are added in a batch or an image is
 *    read (images do not hold it), kept up to date row by row in the cache of
 *    the user rows.
 */
#include <string.h>

#include "ar_gazetteer_internal.h"

/*
 * For each person's full name (a PER entry of two words or more), its first
 * word is marked as a first name, and its last word (three letters or more)
 * points to the entry when the entry is listed (curated or user, not learned
 * from training text); two listed names with that last word and other
 * canonical forms make it ambiguous (the higher priority wins, as for
 * skeletons).  A first name stays one whatever names end with it.
 */

/* Hashes of the first and last words of a folded key; false for a key of one word. */
static bool
key_ends(const char *k, size_t len, uint32_t *hfirst, uint32_t *hlast, size_t *lastoff)
{
	const char *sp1 = memchr(k, ' ', len),
			   *sp2 = k + len;

	if (!sp1)
		return false;
	while (sp2 > k && sp2[-1] != ' ')
		sp2--;
	*hfirst = fnv(k, (size_t) (sp1 - k)) | 1u;
	*hlast = fnv(sp2, (size_t) (k + len - sp2)) | 1u;
	*lastoff = (size_t) (sp2 - k);
	return true;
}

/* Whether entry e is a person's full name; *listed: its last word can name it (see above). */
static bool
person_ends(const ar_gazetteer *g, const ar_gaz_entry *e, uint32_t *hfirst, uint32_t *hlast,
			bool *listed)
{
	const char *k = g->pool.data + e->key_off;
	size_t		lastoff,
				i,
				ncp = 0;

	if (e->type != AR_NER_PER || e->nwords < 2 ||
		!key_ends(k, e->key_len, hfirst, hlast, &lastoff))
		return false;
	for (i = lastoff; i < e->key_len; i++)
		ncp += ((unsigned char) k[i] & 0xC0) != 0x80;
	*listed = ar_gaz_prio(e->flags) >= 1 && ncp >= 3;
	return true;
}

/* Slot of word hash h in the surname index (scap > 0). */
static size_t
sur_slot(const ar_gazetteer *g, uint32_t h)
{
	return ar_gaz_hash_slot(g->sur, g->surhash, g->scap, h);
}

/* Slot of word hash h, made (empty) when absent; the index grows to stay half empty. */
static size_t
sur_put(ar_gazetteer *g, uint32_t h)
{
	const ar_allocator *a = g->alloc;
	size_t		s;

	if ((g->nsur + 1) * 2 > g->scap)
	{
		uint32_t   *old = g->sur,
				   *oldh = g->surhash;
		size_t		oldcap = g->scap,
					i;

		g->scap = g->scap ? g->scap * 2 : 256;
		g->sur = a->realloc_fn(a->ctx, NULL, g->scap * sizeof(uint32_t));
		g->surhash = a->realloc_fn(a->ctx, NULL, g->scap * sizeof(uint32_t));
		memset(g->sur, 0, g->scap * sizeof(uint32_t));
		memset(g->surhash, 0, g->scap * sizeof(uint32_t));
		g->nsur = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i] && old[i] != SUR_GONE)
			{
				s = sur_slot(g, oldh[i]);
				g->sur[s] = old[i];
				g->surhash[s] = oldh[i];
				g->nsur++;
			}
		if (old)
		{
			a->free_fn(a->ctx, old);
			a->free_fn(a->ctx, oldh);
		}
	}
	s = sur_slot(g, h);
	if (!g->sur[s])
	{
		g->surhash[s] = h;
		g->nsur++;
	}
	return s;
}

/* State of a surname slot after entry ei ends with its word (first names stay first names). */
static uint32_t
sur_merge(const ar_gazetteer *g, uint32_t cur, uint32_t ei)
{
	if (cur == SUR_FIRST)
		return cur;
	return ar_gaz_skel_merge(g, cur == SUR_GONE ? 0 : cur, ei);
}

/* Register entry ei in the surname index. */
void
ar_gaz_sur_note(ar_gazetteer *g, uint32_t ei)
{
	uint32_t	hf,
				hl;
	bool		listed;
	size_t		s;

	if (!person_ends(g, &g->ents[ei], &hf, &hl, &listed))
		return;
	s = sur_put(g, hf);			/* (before indexing g->sur: it may grow) */
	g->sur[s] = SUR_FIRST;
	if (!listed)
		return;
	s = sur_put(g, hl);
	g->sur[s] = sur_merge(g, g->sur[s], ei);
}

/* Build the surname index afresh from the entries. */
void
ar_gaz_sur_rebuild(ar_gazetteer *g)
{
	size_t		i;

	if (g->sur)
	{
		memset(g->sur, 0, g->scap * sizeof(uint32_t));
		g->nsur = 0;
	}
	for (i = 0; i < g->nents; i++)
	{
		AR_CHECK_INTERRUPTS(g->alloc, i);
		ar_gaz_sur_note(g, (uint32_t) i);
	}
}

/* Recompute the slot of word hash h from the entries, as a fresh build would set it. */
static void
sur_recompute(ar_gazetteer *g, uint32_t h)
{
	uint32_t	st = 0,
				hf,
				hl;
	bool		listed;
	size_t		i,
				s;

	for (i = 0; i < g->nents; i++)
		if (person_ends(g, &g->ents[i], &hf, &hl, &listed))
		{
			if (hf == h)
				st = SUR_FIRST;
			else if (hl == h && listed)
				st = sur_merge(g, st, (uint32_t) i);
		}
	if (!st && (!g->scap || !g->sur[sur_slot(g, h)]))
		return;
	s = sur_put(g, h);
	g->sur[s] = st ? st : SUR_GONE;
}

/* Recompute the slots of the first and last words of a folded key (after a change of its entry). */
void
ar_gaz_sur_recompute_key(ar_gazetteer *g, const char *key, size_t len)
{
	uint32_t	hf,
				hl;
	size_t		lastoff;

	if (!key_ends(key, len, &hf, &hl, &lastoff))
		return;
	sur_recompute(g, hf);
	if (hl != hf)
		sur_recompute(g, hl);
}

/* Entry `from` moves to index `to` (a removal fills its hole): its surname slot follows. */
void
ar_gaz_sur_moved(ar_gazetteer *g, size_t from, size_t to)
{
	uint32_t	hf,
				hl;
	bool		listed;
	size_t		s;

	if (!g->scap || !person_ends(g, &g->ents[from], &hf, &hl, &listed))
		return;
	s = sur_slot(g, hl);
	if (g->sur[s] == from + 1)
		g->sur[s] = (uint32_t) to + 1;
}

/* The listed person a lone word names as a surname (see ar_ner_internal.h). */
int
ar_gaz_find_surname(const ar_gazetteer *g, const char *w, size_t len, const ar_gaz_entry **e)
{
	uint32_t	v;
	const ar_gaz_entry *x;

	*e = NULL;
	if (!g || !g->scap || len == 0 || memchr(w, ' ', len))
		return AR_GAZ_SUR_NONE;
	v = g->sur[sur_slot(g, fnv(w, len) | 1u)];
	if (v == 0 || v == SUR_GONE)
		return AR_GAZ_SUR_NONE;
	if (v == SUR_FIRST)
		return AR_GAZ_SUR_FIRST;
	if (v == SUR_AMBIG)
		return AR_GAZ_SUR_AMBIG;
	/* the word itself, not another with the same hash */
	x = &g->ents[v - 1];
	if (x->key_len <= len || g->pool.data[x->key_off + x->key_len - len - 1] != ' ' ||
		memcmp(g->pool.data + x->key_off + x->key_len - len, w, len) != 0)
		return AR_GAZ_SUR_NONE;
	*e = x;
	return AR_GAZ_SUR_ONE;
}

/* Free the surname index. */
void
ar_gaz_sur_free(ar_gazetteer *g)
{
	const ar_allocator *a = g->alloc;

	if (!g->sur)
		return;
	a->free_fn(a->ctx, g->sur);
	a->free_fn(a->ctx, g->surhash);
	g->sur = g->surhash = NULL;
	g->scap = g->nsur = 0;
}
