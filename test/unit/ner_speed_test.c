/*
 * ner_speed_test.c
 *    Core unit tests of what makes the entity tagger fast without changing its
 *    answers: the gazetteer's key and word filters (every name added, through
 *    table growth and an image round trip, is still found, and absent words
 *    are not), and the analysis shared by repeated tokens (a token repeated in
 *    the same context gets the same features as its first occurrence).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "ar_core.h"
#include "ar_ner.h"
#include "ar_ner_internal.h"
#include "ar_gazetteer.h"

/* A made-up Arabic word for number i with a tag letter (no two numbers or tags share one). */
static void
made_up_word(unsigned i, const char *tag, ar_buf *out)
{
	static const char *const letters[] = {"ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز"};
	int			k;

	ar_buf_append(out, tag, strlen(tag));
	for (k = 0; k < 4; k++, i /= 10)
		ar_buf_append(out, letters[i % 10], strlen(letters[i % 10]));
}

/* Whether every one of n two-word names is found, whole and by its words, and made-up absent words are not. */
static bool
all_names_found(const ar_gazetteer *g, unsigned n)
{
	unsigned	i;
	bool		ok = true;

	for (i = 0; i < n; i++)
	{
		ar_buf		a,
					b,
					key;

		ar_buf_init(&a, &ar_malloc_allocator, 32);
		ar_buf_init(&b, &ar_malloc_allocator, 32);
		ar_buf_init(&key, &ar_malloc_allocator, 64);
		made_up_word(i, "س", &a);
		made_up_word(i, "ص", &b);
		ar_buf_append(&key, a.data, a.len);
		ar_buf_append(&key, " ", 1);
		ar_buf_append(&key, b.data, b.len);
		ok &= ar_gaz_find(g, key.data, key.len, -1) != NULL;
		ok &= ar_gaz_word_present(g, a.data, a.len) && ar_gaz_word_present(g, b.data, b.len);
		ok &= ar_gaz_word_labels(g, a.data, a.len, -1) == (1u << AR_NER_B(AR_NER_PER));
		ok &= ar_gaz_word_labels(g, b.data, b.len, -1) == (1u << AR_NER_I(AR_NER_PER));
		/* the same letters under a tag no name has */
		key.len = 0;
		made_up_word(i, "ط", &key);
		ok &= !ar_gaz_word_present(g, key.data, key.len) &&
			ar_gaz_word_labels(g, key.data, key.len, -1) == 0 &&
			ar_gaz_find(g, key.data, key.len, -1) == NULL;
		ar_buf_free(&a);
		ar_buf_free(&b);
		ar_buf_free(&key);
	}
	return ok;
}

UNIT_TEST(ner_gazetteer_filters_keep_every_name)
{
	ar_gazetteer *g = ar_gaz_create(&ar_malloc_allocator),
			   *img;
	ar_buf		out;
	unsigned	i,
				n = 3000;		/* the key index and the word table grow several times */
	uint64_t	rows,
				rowsum;
	const char *err = NULL;

	for (i = 0; i < n; i++)
	{
		ar_buf		name;

		ar_buf_init(&name, &ar_malloc_allocator, 64);
		made_up_word(i, "س", &name);
		ar_buf_append(&name, " ", 1);
		made_up_word(i, "ص", &name);
		CHECK(ar_gaz_add(g, name.data, name.len, AR_NER_PER, NULL, 0, AR_GAZ_USER));
		ar_buf_free(&name);
		/* found at every size the tables go through, not only at the end */
		if (i == 100 || i == 700)
			CHECK(all_names_found(g, i + 1));
	}
	CHECK(ar_gaz_count(g) == n);
	CHECK(all_names_found(g, n));
	/* an image read back builds its filters afresh */
	ar_buf_init(&out, &ar_malloc_allocator, 1 << 16);
	ar_gaz_image_write(g, 1, 2, &out);
	img = ar_gaz_image_read(out.data, out.len, &ar_malloc_allocator, &rows, &rowsum, &err);
	CHECK(img != NULL);
	if (img)
	{
		CHECK(all_names_found(img, n));
		ar_gaz_destroy(img);
	}
	ar_buf_free(&out);
	ar_gaz_destroy(g);
}

/* The features of token i of q, sorted (as a multiset: the order of features does not matter to the sums). */
static int
sorted_features(const ar_ner_seq *q, size_t i, uint32_t *f)
{
	int			n = ar_ner_features(q, i, f),
				a,
				b;

	for (a = 1; a < n; a++)
		for (b = a; b > 0 && f[b - 1] > f[b]; b--)
		{
			uint32_t	x = f[b];

			f[b] = f[b - 1];
			f[b - 1] = x;
		}
	return n;
}

UNIT_TEST(ner_repeated_tokens_analysed_as_first)
{
	/* a period of 6 tokens, three times: a token and the same token 6 later have the same context */
	static const char *const period[] = {"وقال", "الرئيس", "لافروف", "2024", "،", "بموسكو"};
	enum
	{
		P = 6, N = 3 * P
	};
	ar_ner_token toks[N];
	size_t		i;
	char	   *mdata;
	ar_ner_model m;
	ar_gazetteer *g;
	ar_ner_seq *q,
			   *one;

	CHECK(unit_shipped_tagger(&m, &g, &mdata));	/* the shipped model and the gazetteer image (make) */
	if (!g)
	{
		free(mdata);
		return;
	}
	for (i = 0; i < N; i++)
	{
		toks[i].s = period[i % P];
		toks[i].len = strlen(period[i % P]);
	}
	q = ar_ner_prepare(toks, N, g, -1, &ar_malloc_allocator);
	ar_ner_seq_apply_vocab(&m, q);
	for (i = 2; i + P + 2 < N; i++)
	{
		uint32_t	a[AR_NER_MAXFEATS],
					b[AR_NER_MAXFEATS];
		int			na = sorted_features(q, i, a),
					nb = sorted_features(q, i + P, b);

		CHECK(na > 20 && na == nb && memcmp(a, b, na * sizeof(uint32_t)) == 0);
	}
	/* and each token's forms, base and name payload are those of the token analysed alone */
	for (i = 0; i < N; i++)
	{
		const char *f1,
				   *b1,
				   *f2,
				   *b2;
		size_t		fl1,
					bl1,
					fl2,
					bl2;

		one = ar_ner_prepare(&toks[i], 1, g, -1, &ar_malloc_allocator);
		ar_ner_seq_apply_vocab(&m, one);
		ar_ner_seq_forms(q, i, &f1, &fl1, &b1, &bl1);
		ar_ner_seq_forms(one, 0, &f2, &fl2, &b2, &bl2);
		CHECK(fl1 == fl2 && memcmp(f1, f2, fl1) == 0 && bl1 == bl2 && memcmp(b1, b2, bl1) == 0);
		CHECK(ar_ner_seq_base_hash(q, i) == ar_ner_seq_base_hash(one, 0));
		CHECK(q->t[i].names == one->t[0].names && q->t[i].freq == one->t[0].freq &&
			  q->t[i].wl == one->t[0].wl && q->t[i].lex == one->t[0].lex &&
			  q->t[i].shape == one->t[0].shape && q->t[i].clitic == one->t[0].clitic);
		ar_ner_seq_free(one);
	}
	ar_ner_seq_free(q);
	ar_gaz_destroy(g);
	free(mdata);
}
