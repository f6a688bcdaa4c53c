/*
 * gazetteer_test.c
 *    Core unit tests of the changing gazetteer (src/core/ar_gazetteer.c:
 *    ar_gaz_put_row, ar_gaz_remove), the cache of the user rows that the
 *    extension updates row by row: after every change of a random sequence,
 *    every key, spelling-skeleton and surname lookup answers as a gazetteer
 *    built afresh from the rows left; and the surname index (listed full
 *    names, ambiguity, first names, learned rows, images).
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
	"ماريا لافروف", "لافروف", "لافروف أحمد", "أحمد جمال",
};
/* Words whose surname lookups are compared. */
static const char *const words[] = {"لافروف", "سيرغي", "احمد", "جمال", "الشرقي", "الامن", "بوتين"};
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
			if (j < sizeof(words) / sizeof(words[0]))
			{
				const ar_gaz_entry *ea,
						   *eb;
				const char *w = words[j];

				if (ar_gaz_find_surname(g, w, strlen(w), &ea) != ar_gaz_find_surname(fresh, w, strlen(w), &eb) ||
					!same_entry(g, ea, fresh, eb))
					mismatches++;
			}
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

/* Surname state of a word in g, and its canonical form when ONE (into canon). */
static int
surname_of(const ar_gazetteer *g, const char *w, char *canon, size_t cap)
{
	const ar_gaz_entry *e;
	int			st = ar_gaz_find_surname(g, w, strlen(w), &e);

	canon[0] = '\0';
	if (e && e->canon_len < cap)
	{
		memcpy(canon, ar_gaz_entry_canon(g, e), e->canon_len);
		canon[e->canon_len] = '\0';
	}
	return st;
}

UNIT_TEST(gazetteer_surname_index)
{
	ar_gaz_row	rows[] = {
		{"سيرغي لافروف", "PER", NULL, "curated"},
		{"سيرجي لافروف", "PER", "سيرغي لافروف", "curated"},	/* same person: not ambiguous */
		{"جوزيف عون", "PER", NULL, "curated"},
		{"ميشال عون", "PER", NULL, "curated"},	/* two people: ambiguous */
		{"آدم غادان", "PER", NULL, "anercorp"},	/* learned: not listed */
		{"محمد علي", "PER", NULL, "curated"},
		{"علي زمرشتاني", "PER", NULL, "curated"},	/* علي is a first name */
		{"مجلس الأمن", "ORG", NULL, "curated"},	/* not a person */
		{"شي جين بو", "PER", NULL, "curated"},	/* a last word of two letters */
		{"لافروف", "PER", "سيرغي لافروف", "curated"},	/* a row for the word: not in the index */
	};
	ar_gazetteer *g = ar_gaz_create(&ar_malloc_allocator),
			   *back;
	char		c[256];
	ar_buf		img;
	uint64_t	nrows,
				sum;
	const char *err;
	int			pass;

	ar_gaz_add_rows(g, rows, sizeof(rows) / sizeof(rows[0]));
	ar_buf_init(&img, &ar_malloc_allocator, 4096);
	ar_gaz_image_write(g, 1, 2, &img);
	back = ar_gaz_image_read(img.data, img.len, &ar_malloc_allocator, &nrows, &sum, &err);
	CHECK(back != NULL);
	for (pass = 0; pass < 2 && back; pass++)
	{
		const ar_gazetteer *x = pass == 0 ? g : back;	/* an image read back indexes the same */

		CHECK(surname_of(x, "لافروف", c, sizeof(c)) == AR_GAZ_SUR_ONE && strcmp(c, "سيرغي لافروف") == 0);
		CHECK(surname_of(x, "عون", c, sizeof(c)) == AR_GAZ_SUR_AMBIG);
		CHECK(surname_of(x, "غادان", c, sizeof(c)) == AR_GAZ_SUR_NONE);
		CHECK(surname_of(x, "علي", c, sizeof(c)) == AR_GAZ_SUR_FIRST);
		CHECK(surname_of(x, "محمد", c, sizeof(c)) == AR_GAZ_SUR_FIRST);
		CHECK(surname_of(x, "زمرشتاني", c, sizeof(c)) == AR_GAZ_SUR_ONE && strcmp(c, "علي زمرشتاني") == 0);
		CHECK(surname_of(x, "الامن", c, sizeof(c)) == AR_GAZ_SUR_NONE);
		CHECK(surname_of(x, "بو", c, sizeof(c)) == AR_GAZ_SUR_NONE);
		CHECK(surname_of(x, "لافروف سيرغي", c, sizeof(c)) == AR_GAZ_SUR_NONE);	/* one word only */
	}
	/* changed row by row: a user row outranks, a second one ties (ambiguous), removals undo both */
	{
		ar_gaz_row	u1 = {"ايفان زمرشتاني", "PER", NULL, "user"},
					u2 = {"ماريا زمرشتاني", "PER", NULL, "user"};
		ar_buf		k;

		CHECK(ar_gaz_put_row(g, &u1));
		CHECK(surname_of(g, "زمرشتاني", c, sizeof(c)) == AR_GAZ_SUR_ONE && strcmp(c, "ايفان زمرشتاني") == 0);
		CHECK(ar_gaz_put_row(g, &u2));
		CHECK(surname_of(g, "زمرشتاني", c, sizeof(c)) == AR_GAZ_SUR_AMBIG);
		ar_buf_init(&k, &ar_malloc_allocator, 64);
		(void) ar_gaz_key(u2.surface, strlen(u2.surface), &k);
		CHECK(ar_gaz_remove(g, k.data, k.len));
		CHECK(surname_of(g, "زمرشتاني", c, sizeof(c)) == AR_GAZ_SUR_ONE && strcmp(c, "ايفان زمرشتاني") == 0);
		k.len = 0;
		(void) ar_gaz_key(u1.surface, strlen(u1.surface), &k);
		CHECK(ar_gaz_remove(g, k.data, k.len));
		CHECK(surname_of(g, "زمرشتاني", c, sizeof(c)) == AR_GAZ_SUR_ONE && strcmp(c, "علي زمرشتاني") == 0);
		ar_buf_free(&k);
	}
	ar_buf_free(&img);
	ar_gaz_destroy(back);
	ar_gaz_destroy(g);
}
