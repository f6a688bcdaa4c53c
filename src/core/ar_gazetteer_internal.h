/*
 * ar_gazetteer_internal.h
 *    The layout of a gazetteer, shared by ar_gazetteer.c (names, skeletons,
 *    words, rows, images) and ar_gaz_surname.c (the surname index of the
 *    listed people).  Not installed; include it only from those two files.
 */
#ifndef AR_GAZETTEER_INTERNAL_H
#define AR_GAZETTEER_INTERNAL_H

#include "ar_gazetteer.h"
#include "ar_ner_internal.h"

#define SKEL_AMBIG 0xFFFFFFFFu
/* surname index slot states besides entry index + 1 (see ar_gaz_find_surname) */
#define SUR_AMBIG	SKEL_AMBIG
#define SUR_FIRST	0xFFFFFFFEu		/* the first word of a person's full name */
#define SUR_GONE	0xFFFFFFFDu		/* no entry left: a link of the probe chains only */


struct ar_gazetteer
{
	const ar_allocator *alloc;
	ar_gaz_entry  *ents;
	size_t		nents,
				entcap;
	uint32_t   *idx;			/* open addressing by key: entry index + 1 */
	uint32_t   *skel;			/* open addressing by skeleton: entry index + 1 or AMBIG */
	uint32_t   *skelhash;		/* skeleton hash per skel slot */
	uint32_t   *eskel;			/* skeleton hash per entry (0: none), for removals */
	size_t		cap;			/* slots in idx and skel, power of two */
	ar_buf		pool;
	int			maxwords;
	/* word table: each word of each name, with the BIO label it has there */
	struct gaz_word *words;
	size_t		wcap,
				nwords;
	/* surname index: last and first words of people's full names (built, never in images) */
	uint32_t   *sur;			/* open addressing by word hash: entry index + 1 or SUR_* */
	uint32_t   *surhash;		/* word hash per slot */
	size_t		scap,
				nsur;
	/* filters (see filter_has): bit per hash of each key (cap bytes) and of each word (wcap bytes) */
	uint8_t    *kfilter,
			   *wfilter;
};

/*
 * Slot of hash h in an open-addressing table of cap slots (a power of two)
 * whose slots are taken where state is not 0 and keyed by hashes: its slot,
 * or the empty one that ends its probe (the skeleton and surname indexes).
 */
static inline size_t
ar_gaz_hash_slot(const uint32_t *state, const uint32_t *hashes, size_t cap, uint32_t h)
{
	size_t		mask = cap - 1,
				i = h & mask;

	while (state[i] && hashes[i] != h)
		i = (i + 1) & mask;
	return i;
}

/* Priority of an entry's flags for conflicts: user (2) > curated (1) > learned (0). */
extern int	ar_gaz_prio(uint32_t flags);
/*
 * State of a skeleton (or surname) slot after entry ei is registered there:
 * the higher priority wins, equal priorities with another type or canonical
 * form make it ambiguous.
 */
extern uint32_t ar_gaz_skel_merge(const ar_gazetteer *g, uint32_t cur, uint32_t ei);

/* ---- the surname index (ar_gaz_surname.c) ---- */

/* Build the surname index afresh from the entries (after a batch of rows, or an image read). */
extern void ar_gaz_sur_rebuild(ar_gazetteer *g);
/* Register new entry ei in the surname index. */
extern void ar_gaz_sur_note(ar_gazetteer *g, uint32_t ei);
/* Recompute the slots of the first and last words of a folded key after a change of its entry. */
extern void ar_gaz_sur_recompute_key(ar_gazetteer *g, const char *key, size_t len);
/* Entry `from` moves to index `to` (a removal fills its hole): its surname slot follows. */
extern void ar_gaz_sur_moved(ar_gazetteer *g, size_t from, size_t to);
/* Free the surname index. */
extern void ar_gaz_sur_free(ar_gazetteer *g);

#endif							/* AR_GAZETTEER_INTERNAL_H */
