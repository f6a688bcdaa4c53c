/*
 * gazetteer_test.c
 *    Core unit tests of the changing gazetteer (src/core/ar_gazetteer.c:
 *    ar_gaz_put_row, ar_gaz_remove), the cache of the user rows that the
 *    extension updates row by row: after every change of a random sequence,
 *    every key and spelling-skeleton lookup answers as a gazetteer built
 *    afresh from the rows left.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "ar_core.h"
#include "ar_ner.h"
#include "ar_ner_internal.h"
#include "ar_gazetteer.h"

/* Surfaces that share keys (hamza and taa marbuta folding) and skeletons (غ/ج, long vowels). */
static const char *const surfaces[] = {
	"سيرغي لافروف", "سيرجي لافروف", "سيرغى لافروف", "أحمد", "احمد", "إحمد",
	"القاهرة", "القاهره", "الكرملين", "الكريملن", "موسكو", "مسكو", "جمال", "غمال",
	"بوتين", "بوتن", "زمرشتان", "زمرشتان الشرقي", "مجلس الأمن", "مجلس الامن",
};
#define NSURF (sizeof(surfaces) / sizeof(surfaces[0]))
static const char *const labels[] = {"PER", "LOC", "ORG", "MISC"};
static const char *const canons[] = {NULL, "أحمد", "القاهرة", "سيرغي لافروف"};

/* Deterministic pseudo-random numbers (xorshift). */
static unsigned
rnd(unsigned *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* Whether two entries (or absences) give the same answer: type and canonical form. */
static bool
same_entry(const ar_gazetteer *ga, const ar_gaz_entry *a, const ar_gazetteer *gb, const ar_gaz_entry *b)
{
	if (!a || !b)
		return a == b;
	return a->type == b->type && a->canon_len == b->canon_len &&
		memcmp(ar_gaz_entry_canon(ga, a), ar_gaz_entry_canon(gb, b), a->canon_len) == 0;
}

UNIT_TEST(gazetteer_incremental_matches_fresh_build)
{
	ar_gazetteer *g = ar_gaz_create(&ar_malloc_allocator);
	ar_gaz_row	live[NSURF];		/* the user rows present: one per surface (as the table's unique index) */
	bool		present[NSURF] = {false};
	unsigned	seed = 12345;
	int			step,
				mismatches = 0;

	for (step = 0; step < 600; step++)
	{
		size_t		i = rnd(&seed) % NSURF,
					j,
					n = 0;
		ar_gaz_row	rows[NSURF];
		ar_gazetteer *fresh;

		if (present[i])
		{
			/* remove the row; re-put the winner of its key among the rows left, as the glue does */
			ar_buf		k;
			ar_gaz_row *best = NULL;

			present[i] = false;
			ar_buf_init(&k, &ar_malloc_allocator, 64);
			CHECK(ar_gaz_key(surfaces[i], strlen(surfaces[i]), &k) > 0);
			for (j = 0; j < NSURF; j++)
			{
				ar_buf		kj;

				if (!present[j])
					continue;
				ar_buf_init(&kj, &ar_malloc_allocator, 64);
				(void) ar_gaz_key(surfaces[j], strlen(surfaces[j]), &kj);
				if (kj.len == k.len && memcmp(kj.data, k.data, k.len) == 0 &&
					(!best || ar_gaz_row_cmp(&live[j], best) > 0))
					best = &live[j];
				ar_buf_free(&kj);
			}
			if (best)
				CHECK(ar_gaz_put_row(g, best));
			else
				CHECK(ar_gaz_remove(g, k.data, k.len));
			ar_buf_free(&k);
		}
		else
		{
			live[i].surface = surfaces[i];
			live[i].label = labels[rnd(&seed) % 4];
			live[i].canon = canons[rnd(&seed) % 4];
			live[i].origin = "user";
			present[i] = true;
			/* the key keeps its greatest row */
			{
				ar_buf		k;
				bool		wins = true;

				ar_buf_init(&k, &ar_malloc_allocator, 64);
				(void) ar_gaz_key(surfaces[i], strlen(surfaces[i]), &k);
				for (j = 0; j < NSURF; j++)
				{
					ar_buf		kj;

					if (!present[j] || j == i)
						continue;
					ar_buf_init(&kj, &ar_malloc_allocator, 64);
					(void) ar_gaz_key(surfaces[j], strlen(surfaces[j]), &kj);
					if (kj.len == k.len && memcmp(kj.data, k.data, k.len) == 0 &&
						ar_gaz_row_cmp(&live[j], &live[i]) > 0)
						wins = false;
					ar_buf_free(&kj);
				}
				if (wins)
					CHECK(ar_gaz_put_row(g, &live[i]));
				ar_buf_free(&k);
			}
		}
		/* a fresh build from the rows left: ar_gaz_add_rows keeps each key's greatest row */
		for (j = 0; j < NSURF; j++)
			if (present[j])
				rows[n++] = live[j];
		fresh = ar_gaz_create(&ar_malloc_allocator);
		ar_gaz_add_rows(fresh, rows, n);
		if (ar_gaz_count(g) != ar_gaz_count(fresh))
			mismatches++;
		for (j = 0; j < NSURF; j++)
		{
			ar_buf		k;

			ar_buf_init(&k, &ar_malloc_allocator, 64);
			(void) ar_gaz_key(surfaces[j], strlen(surfaces[j]), &k);
			if (!same_entry(g, ar_gaz_find(g, k.data, k.len, -1), fresh, ar_gaz_find(fresh, k.data, k.len, -1)) ||
				!same_entry(g, ar_gaz_find_skel(g, k.data, k.len), fresh, ar_gaz_find_skel(fresh, k.data, k.len)))
				mismatches++;
			ar_buf_free(&k);
		}
		ar_gaz_destroy(fresh);
	}
	CHECK(mismatches == 0);
	if (mismatches)
		fprintf(stderr, "gazetteer_incremental_matches_fresh_build: %d mismatching lookups\n", mismatches);
	/* removing an absent key, and everything */
	CHECK(!ar_gaz_remove(g, "لا يوجد", strlen("لا يوجد")));
	ar_gaz_destroy(g);
}
