/*
 * ner_window_test.c
 *    Long texts processed in windows (ar_ner_extract_window with a small
 *    window) give exactly the entities of whole-text processing: offsets,
 *    types, scores and canonical forms, with the shipped model and names, user
 *    rows, names repeated thousands of tokens apart (propagation, surnames),
 *    one token per character, and entities longer than a window.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "ar_ner.h"

/* Whether windowed extraction (window tokens) of text equals whole-text extraction; counts entities in *n. */
static bool
same_as_whole(const ar_ner_model *m, const ar_gazetteer *g, const ar_gazetteer *u,
			  const char *text, size_t window, size_t *n)
{
	ar_ner_entity *a,
			   *b;
	size_t		na = ar_ner_extract_window(m, g, u, text, strlen(text), (size_t) 1 << 30,
										   &ar_malloc_allocator, &a),
				nb = ar_ner_extract_window(m, g, u, text, strlen(text), window,
										   &ar_malloc_allocator, &b),
				k;
	bool		same = na == nb;

	for (k = 0; same && k < na; k++)
		same = a[k].type == b[k].type && a[k].byte_start == b[k].byte_start &&
			a[k].byte_len == b[k].byte_len && a[k].char_start == b[k].char_start &&
			a[k].char_len == b[k].char_len && memcmp(&a[k].score, &b[k].score, sizeof(float)) == 0 &&
			a[k].canonical_len == b[k].canonical_len &&
			memcmp(a[k].canonical, b[k].canonical, a[k].canonical_len) == 0;
	if (!same)
		fprintf(stderr, "  window %zu: %zu entities against %zu whole-text ones (entity %zu differs)\n",
				window, nb, na, na == nb ? k - 1 : k);
	*n = na;
	ar_ner_entities_free(a, na, &ar_malloc_allocator);
	ar_ner_entities_free(b, nb, &ar_malloc_allocator);
	return same;
}

/* A long text: the sample corpus reps times, with names that recur thousands of tokens apart, dates and groups. */
static char *
long_text(int reps)
{
	static const char *const corpus[] = {"test/corpus/01_diplomacy.txt", "test/corpus/02_economy.txt",
		"test/corpus/03_sport.txt", "test/corpus/04_health.txt", "test/corpus/05_technology.txt"};
	static const char *const inserts[] = {
		"وقال وزير الخارجية الروسي سيرغي لافروف إن المحادثات كانت مفيدة.",
		"وأكد لافروف للصحفيين أن بلاده ستواصل العمل مع مجموعة العشرين في 9 نيسان 2024.",
		"وصل الوفد إلى بانكوراما مساء أمس، حيث التقى كريستوف باندريكا.",
		"ورحب باندريكا بالزيارة، وقالت منظمة الصحة العالمية: «نحن مستعدون».",
		"\n\n"};
	size_t		cap = 1 << 16,
				len = 0;
	char	   *out = malloc(cap);
	int			r;
	size_t		f;

	out[0] = '\0';
	for (r = 0; r < reps; r++)
		for (f = 0; f < 5; f++)
		{
			size_t		n;
			char	   *t = unit_slurp(corpus[f], &n);
			const char *ins = inserts[(r * 5 + f) % 5];

			if (!t)
				continue;
			n = strlen(t);
			while (len + n + strlen(ins) + 2 >= cap)
				out = realloc(out, cap *= 2);
			if ((r * 7 + f) % 3 == 0)
			{
				memcpy(out + len, ins, strlen(ins));
				len += strlen(ins);
				out[len++] = ' ';
			}
			memcpy(out + len, t, n);
			len += n;
			out[len] = '\0';
			free(t);
		}
	return out;
}

UNIT_TEST(ner_windows_equal_whole_text)
{
	size_t		n = 0;
	char	   *mdata;
	ar_ner_model m;
	ar_gazetteer *g,
			   *u;
	char	   *text,
			   *chars;
	size_t		k;

	CHECK(unit_shipped_tagger(&m, &g, &mdata));	/* the shipped model and the gazetteer image (make) */
	if (!g)
	{
		free(mdata);
		return;
	}
	u = ar_gaz_create(&ar_malloc_allocator);
	text = long_text(40);
	CHECK(ar_gaz_add(u, "بانكوراما", strlen("بانكوراما"), AR_NER_LOC, NULL, 0, AR_GAZ_USER));
	CHECK(ar_gaz_add(u, "كريستوف باندريكا", strlen("كريستوف باندريكا"), AR_NER_PER, NULL, 0, AR_GAZ_USER));
	CHECK(strlen(text) > 200000);
	CHECK(same_as_whole(&m, g, NULL, text, 1024, &n));
	CHECK(n > 1000);			/* the text has entities to compare */
	CHECK(same_as_whole(&m, g, u, text, 1024, &n));
	CHECK(same_as_whole(&m, g, u, text, 1777, &n));
	CHECK(same_as_whole(&m, g, u, text, 5000, &n));
	CHECK(same_as_whole(&m, NULL, NULL, text, 1024, &n));
	/* one token per character */
	chars = malloc(3 * 20000 + 1);
	for (k = 0; k < 20000; k++)
		memcpy(chars + 3 * k, "بa", 3);
	chars[3 * 20000] = '\0';
	CHECK(same_as_whole(&m, g, u, chars, 1024, &n));
	free(chars);
	free(text);
	ar_gaz_destroy(u);
	ar_gaz_destroy(g);
	free(mdata);
}

/* Entities longer than a window: a model that runs every token into one person name. */
UNIT_TEST(ner_windows_long_entities)
{
	enum
	{
		NB = 64
	};
	static unsigned char buf[sizeof(ar_ner_header) + (AR_NER_NLABELS + 1) * AR_NER_NLABELS * sizeof(float) +
							 NB * AR_NER_NLABELS * sizeof(int16_t)];
	int16_t    *w = (int16_t *) (buf + sizeof(ar_ner_header) +
								 (AR_NER_NLABELS + 1) * AR_NER_NLABELS * sizeof(float));
	ar_ner_header h;
	ar_ner_model m;
	char	   *text = long_text(30);
	size_t		n,
				b;

	memset(buf, 0, sizeof(buf));
	for (b = 0; b < NB; b++)
	{
		w[b * AR_NER_NLABELS + AR_NER_B(AR_NER_PER)] = 999;
		w[b * AR_NER_NLABELS + AR_NER_I(AR_NER_PER)] = 1000;
	}
	ar_ner_header_init(&h, NB, 0, 1.0f, buf + sizeof(h), sizeof(buf) - sizeof(h));
	memcpy(buf, &h, sizeof(h));
	CHECK(ar_ner_model_open(&m, buf, sizeof(buf)) == NULL);
	CHECK(same_as_whole(&m, NULL, NULL, text, 1024, &n));
	CHECK(n > 0);
	free(text);
}
