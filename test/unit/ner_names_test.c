/*
 * ner_names_test.c
 *    Core unit tests of the tagger's name knowledge (src/core/ar_ner_names.c):
 *    the token table, its clitic-aware keys, the ordinary-word classes, the
 *    name-likeness n-grams, and a model file carrying both tables.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "ar_core.h"
#include "ar_ner.h"
#include "ar_ner_names.h"

/* Hash of the folded form of a literal. */
static uint32_t
key_of_text(const char *s)
{
	ar_buf		b;
	uint32_t	h;

	ar_buf_init(&b, &ar_malloc_allocator, 64);
	ar_ner_names_fold(s, strlen(s), &b);
	h = ar_names_hash(b.data, b.len);
	ar_buf_free(&b);
	return h;
}

/* Payload the tagger's lookup gives token text against tab. */
static uint32_t
lookup_token(const uint64_t *tab, uint32_t nslots, const char *text)
{
	ar_ner_token t = {text, strlen(text)};
	ar_ner_seq *q = ar_ner_prepare(&t, 1, NULL, -1, &ar_malloc_allocator);
	const char *form,
			   *base;
	size_t		flen,
				blen;
	uint32_t	p;

	ar_ner_seq_forms(q, 0, &form, &flen, &base, &blen);
	p = ar_names_lookup(tab, nslots, NULL, form, flen, base, blen);
	ar_ner_seq_free(q);
	return p;
}

UNIT_TEST(ner_names_table_and_clitics)
{
	static uint64_t tab[64];

	memset(tab, 0, sizeof(tab));
	CHECK(ar_names_put(tab, 64, key_of_text("الأسد"), AR_NAMES_WD));
	CHECK(ar_names_put(tab, 64, key_of_text("لافروف"), AR_NAMES_TR));
	CHECK(ar_names_put(tab, 64, key_of_text("لافروف"), AR_NAMES_PLAST));	/* kinds accumulate */
	ar_names_set(tab, 64, key_of_text("لافروف"), AR_NAMES_PAYLOAD(AR_NAMES_TR | AR_NAMES_PLAST, 1));
	/* as written, with the hamza folded, behind clitics, and the article restored */
	CHECK(AR_NAMES_KINDS(lookup_token(tab, 64, "الاسد")) == AR_NAMES_WD);
	CHECK(AR_NAMES_KINDS(lookup_token(tab, 64, "والأسد")) == AR_NAMES_WD);
	CHECK(AR_NAMES_KINDS(lookup_token(tab, 64, "للأسد")) == AR_NAMES_WD);
	CHECK(lookup_token(tab, 64, "للافروف") == AR_NAMES_PAYLOAD(AR_NAMES_TR | AR_NAMES_PLAST, 1));
	CHECK(lookup_token(tab, 64, "موسكو") == 0);
	CHECK(lookup_token(NULL, 0, "لافروف") == 0);
	{
		/* the filter answers the same as the table */
		uint8_t		filter[64];
		ar_ner_token t = {"والأسد", sizeof("والأسد") - 1};
		ar_ner_seq *q = ar_ner_prepare(&t, 1, NULL, -1, &ar_malloc_allocator);
		const char *form,
				   *base;
		size_t		flen,
					blen;

		ar_names_filter_build(tab, 64, filter);
		ar_ner_seq_forms(q, 0, &form, &flen, &base, &blen);
		CHECK(ar_names_lookup(tab, 64, filter, form, flen, base, blen) == AR_NAMES_WD);
		CHECK(ar_names_lookup(tab, 64, filter, "abc", 3, "abc", 3) == 0);
		ar_ner_seq_free(q);
	}
	CHECK(ar_names_kind_from_name("per_last") == AR_NAMES_PLAST);
	CHECK(ar_names_kind_from_name("nope") == 0);
}

UNIT_TEST(ner_names_full_table)
{
	uint64_t	tab[4] = {0, 0, 0, 0};
	uint32_t	k;

	for (k = 1; k <= 4; k++)
		CHECK(ar_names_put(tab, 4, k * 7919u, AR_NAMES_LOC));
	CHECK(!ar_names_put(tab, 4, 5 * 7919u, AR_NAMES_LOC));	/* full: refused, no endless probe */
	CHECK(ar_names_find(tab, 4, 5 * 7919u) == 0);
	CHECK(ar_names_find(tab, 4, 3 * 7919u) == AR_NAMES_LOC);
}

UNIT_TEST(ner_names_ratio_classes)
{
	CHECK(ar_names_ratio_class(0, 0) == 0);		/* never seen */
	CHECK(ar_names_ratio_class(0, 5) == 1);		/* always inside an entity */
	CHECK(ar_names_ratio_class(1, 5) == 2);
	CHECK(ar_names_ratio_class(2, 4) == 3);
	CHECK(ar_names_ratio_class(8, 9) == 4);
	CHECK(ar_names_ratio_class(9, 9) == 5);		/* ordinary word, rare */
	CHECK(ar_names_ratio_class(100, 100) == 6);	/* ordinary word, frequent */
}

UNIT_TEST(ner_names_likeness)
{
	static int8_t tab[AR_NAMES_NGRAMS];
	uint32_t	b[AR_NAMES_MAXGRAMS];
	const char *w = "\xd9\x84\xd8\xa7\xd9\x81\xd8\xb1\xd9\x88\xd9\x81";	/* لافروف, 6 letters */
	int			m,
				k;

	/* 2-, 3- and 4-grams over # + 6 letters + #: 7 + 6 + 5 */
	CHECK((m = ar_names_ngrams(w, strlen(w), b)) == 18);
	CHECK(ar_names_ngrams("abc", 3, b) == 0);	/* not Arabic */
	CHECK(ar_names_ngrams(w, 4, b) == 0);		/* under three letters */
	memset(tab, 0, sizeof(tab));
	CHECK(ar_names_likeness(NULL, w, strlen(w)) == 0);
	CHECK(ar_names_likeness(tab, w, strlen(w)) == 5);	/* log-odds 0: the middle class */
	for (k = 0; k < m; k++)
		tab[b[k]] = 127;
	CHECK(ar_names_likeness(tab, w, strlen(w)) == 8);
	for (k = 0; k < m; k++)
		tab[b[k]] = -127;
	CHECK(ar_names_likeness(tab, w, strlen(w)) == 1);
	CHECK(ar_names_likeness(tab, "abc", 3) == 0);
}

UNIT_TEST(ner_model_with_names)
{
	/* a model of 64 zero buckets, a 4-slot name table and the likeness table, no vocabulary */
	size_t		tsize = (AR_NER_NLABELS + 1) * AR_NER_NLABELS * sizeof(float) +
		64 * AR_NER_NLABELS * sizeof(int16_t);
	size_t		len = sizeof(ar_ner_header) + tsize + 4 * (sizeof(uint64_t) + 1) + AR_NAMES_NGRAMS;
	unsigned char *buf = calloc(1, len);
	uint64_t	names[4] = {0, 0, 0, 0};
	ar_ner_header h;
	ar_ner_model m;
	ar_ner_token t[2] = {{"قال", sizeof("قال") - 1}, {"لافروف", sizeof("لافروف") - 1}};
	ar_ner_seq *q;
	uint32_t	f1[AR_NER_MAXFEATS],
				f2[AR_NER_MAXFEATS];
	int			n1,
				n2;

	CHECK(ar_names_put(names, 4, key_of_text("لافروف"), AR_NAMES_PAYLOAD(AR_NAMES_WD, 0)));
	memcpy(buf + sizeof(h) + tsize, names, sizeof(names));
	ar_names_filter_build(names, 4, buf + sizeof(h) + tsize + sizeof(names));
	ar_ner_header_init(&h, 64, 4, 1.0f, buf + sizeof(h), len - sizeof(h));
	memcpy(buf, &h, sizeof(h));
	CHECK(ar_ner_model_open(&m, buf, len) == NULL);
	CHECK(m.nnames == 4 && m.names != NULL && m.names_filter != NULL && m.likeness != NULL &&
		  m.nvocab == 0);
	/* the listed word has membership features, which change when it is not listed */
	q = ar_ner_prepare(t, 2, NULL, -1, &ar_malloc_allocator);
	ar_ner_seq_apply_vocab(&m, q);
	n1 = ar_ner_features(q, 1, f1);
	ar_ner_seq_set_names(q, 1, 0);
	n2 = ar_ner_features(q, 1, f2);
	CHECK(n1 > n2);
	ar_ner_seq_free(q);
	/* the header's table must fit the file, and be a power of two */
	ar_ner_header_init(&h, 64, 8, 1.0f, buf + sizeof(h), len - sizeof(h));
	memcpy(buf, &h, sizeof(h));
	CHECK(ar_ner_model_open(&m, buf, len) != NULL);
	ar_ner_header_init(&h, 64, 3, 1.0f, buf + sizeof(h), len - sizeof(h));
	memcpy(buf, &h, sizeof(h));
	CHECK(ar_ner_model_open(&m, buf, len) != NULL);
	free(buf);
}
