/*
 * stem_memo_test.c
 *    The ar_stem dictionary's word memo (ar_stem_memo.h): answers come back
 *    as stored, long entries, eviction, growth, bounded size.
 */
#include <stdio.h>
#include <string.h>

#include "ar_stem_memo.h"
#include "unit.h"

/* Is the memo's answer for word exactly (stem, also)?  NULL stem = no lexeme. */
static bool
memo_says(ar_stem_memo *m, const char *word, const char *stem, const char *also)
{
	ar_memo_entry e;
	uint32_t	h;

	if (!ar_stem_memo_get(m, word, strlen(word), &e, &h))
		return false;
	if ((stem == NULL) != (e.stem == NULL) || (also == NULL) != (e.also == NULL))
		return false;
	if (stem && (e.stem_len != strlen(stem) || memcmp(e.stem, stem, e.stem_len) != 0))
		return false;
	if (also && (e.also_len != strlen(also) || memcmp(e.also, also, e.also_len) != 0))
		return false;
	return true;
}

/* Store word's answer after a lookup, as the dictionary does. */
static void
memo_store(ar_stem_memo *m, const char *word, const char *stem, const char *also)
{
	ar_memo_entry e;
	uint32_t	h;

	(void) ar_stem_memo_get(m, word, strlen(word), &e, &h);
	ar_stem_memo_put(m, h, word, strlen(word), stem, stem ? strlen(stem) : 0,
					 also, also ? strlen(also) : 0);
}

UNIT_TEST(stem_memo_answers_as_stored)
{
	ar_stem_memo *m = ar_stem_memo_new(&ar_malloc_allocator);

	CHECK(!memo_says(m, "والكتاب", "كتاب", NULL));
	memo_store(m, "والكتاب", "كتاب", NULL);
	memo_store(m, "الذي", NULL, NULL);	/* a stopword: no lexeme */
	memo_store(m, "الإيراني", "ايراني", "ايران");	/* a nisba: second lexeme */
	CHECK(memo_says(m, "والكتاب", "كتاب", NULL));
	CHECK(memo_says(m, "الذي", NULL, NULL));
	CHECK(memo_says(m, "الإيراني", "ايراني", "ايران"));
	CHECK(!memo_says(m, "والكتا", "كتاب", NULL));	/* a prefix of a key is another word */
	CHECK(!memo_says(m, "", NULL, NULL));
	ar_stem_memo_free(m);
}

UNIT_TEST(stem_memo_long_entries)
{
	ar_stem_memo *m = ar_stem_memo_new(&ar_malloc_allocator);
	/* 14 letters (28 bytes) + a 20-byte stem: past a short entry's 28 bytes, in the long table */
	const char *w = "والاستخباراتية",
			   *st = "استخباراتي";
	char		huge[80];

	memo_store(m, w, st, NULL);
	CHECK(memo_says(m, w, st, NULL));
	/* a key of more than 60 bytes is not memoized (and not an error) */
	memset(huge, 'a', 70);
	huge[70] = '\0';
	memo_store(m, huge, "a", NULL);
	CHECK(!memo_says(m, huge, "a", NULL));
	ar_stem_memo_free(m);
}

UNIT_TEST(stem_memo_evicts_and_grows_bounded)
{
	ar_stem_memo *m = ar_stem_memo_new(&ar_malloc_allocator);
	size_t		small = ar_stem_memo_bytes(m),
				big;
	char		w[32],
				s[32];
	int			i,
				kept = 0,
				right = 0;

	CHECK(small < 1024 * 1024);
	/* far more words than entries: every answer that is still there is right, the memo grows once */
	for (i = 0; i < 300000; i++)
	{
		snprintf(w, sizeof(w), "w%d", i);
		snprintf(s, sizeof(s), "s%d", i);
		memo_store(m, w, s, NULL);
	}
	big = ar_stem_memo_bytes(m);
	CHECK(big > small);
	CHECK(big < 3 * 1024 * 1024);
	for (i = 0; i < 300000; i++)
	{
		ar_memo_entry e;
		uint32_t	h;

		snprintf(w, sizeof(w), "w%d", i);
		snprintf(s, sizeof(s), "s%d", i);
		if (ar_stem_memo_get(m, w, strlen(w), &e, &h))
		{
			kept++;
			right += e.stem && e.stem_len == strlen(s) && memcmp(e.stem, s, e.stem_len) == 0;
		}
	}
	CHECK(kept == right);
	CHECK(kept > 30000 && kept <= AR_MEMO_BIG_SLOTS + AR_MEMO_BIG_SLOTS / 8);
	/* the most recent words are still there, the first ones are gone */
	CHECK(memo_says(m, "w299999", "s299999", NULL));
	CHECK(!memo_says(m, "w0", "s0", NULL));
	CHECK(ar_stem_memo_bytes(m) == big);
	ar_stem_memo_free(m);
}

UNIT_TEST(stem_memo_keeps_words_in_use)
{
	ar_stem_memo *m = ar_stem_memo_new(&ar_malloc_allocator);
	char		w[32];

	/* a word looked up between every insertion survives a stream of new words (LRU) */
	memo_store(m, "الحكومة", "حكومه", NULL);
	for (int i = 0; i < 200000; i++)
	{
		snprintf(w, sizeof(w), "x%d", i);
		memo_store(m, w, w, NULL);
		if (!memo_says(m, "الحكومة", "حكومه", NULL))
			break;
	}
	CHECK(memo_says(m, "الحكومة", "حكومه", NULL));
	ar_stem_memo_free(m);
}
