/*
 * ner_test.c
 *    Core unit tests of the entity tagger (src/core/ar_ner*.c, ar_gazetteer.c): model file
 *    validation, gazetteer file lines, user gazetteer spans behind clitics,
 *    canonical forms, surname propagation and offsets.  The model here has
 *    all-zero weights, so every entity comes from the gazetteer and the rules.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "ar_core.h"
#include "ar_ner.h"

#define ZNB 64
#define ZSIZE (sizeof(ar_ner_header) + (AR_NER_NLABELS + 1) * AR_NER_NLABELS * sizeof(float) + \
			   ZNB * AR_NER_NLABELS * sizeof(int16_t))

/* Write a valid all-zero model into buf (ZSIZE bytes). */
static void
zero_model(unsigned char *buf)
{
	ar_ner_header h;

	memset(buf, 0, ZSIZE);
	ar_ner_header_init(&h, ZNB, 0, 1.0f, buf + sizeof(h), ZSIZE - sizeof(h));
	memcpy(buf, &h, sizeof(h));
}

UNIT_TEST(ner_model_validation)
{
	static unsigned char buf[ZSIZE];
	ar_ner_model m;

	zero_model(buf);
	CHECK(ar_ner_model_open(&m, buf, ZSIZE) == NULL);
	CHECK(m.nbuckets == ZNB);
	CHECK(ar_ner_model_open(&m, buf, ZSIZE - 1) != NULL);	/* truncated */
	CHECK(ar_ner_model_open(&m, buf, 10) != NULL);
	buf[ZSIZE - 1] ^= 1;		/* a weight changed */
	CHECK(ar_ner_model_open(&m, buf, ZSIZE) != NULL);
	buf[ZSIZE - 1] ^= 1;
	buf[0] = 'X';				/* magic */
	CHECK(ar_ner_model_open(&m, buf, ZSIZE) != NULL);
	zero_model(buf);
	((ar_ner_header *) buf)->scale = 2.0f;	/* a header field outside the payload */
	CHECK(ar_ner_model_open(&m, buf, ZSIZE) != NULL);
}

UNIT_TEST(ner_model_vocabulary)
{
	/* the model with a vocabulary table after the weights: 4 slots, one entry */
	static unsigned char buf[ZSIZE + 4 * sizeof(uint32_t)];
	ar_ner_header h;
	ar_ner_model m;
	uint32_t	v[4] = {0, 0, 0, 0};
	ar_ner_token t[2] = {{"ماكرون", sizeof("ماكرون") - 1}, {"باريس", sizeof("باريس") - 1}};
	ar_ner_seq *q;
	uint32_t	feats_known[AR_NER_MAXFEATS],
				feats_unknown[AR_NER_MAXFEATS];
	int			nk,
				nu;

	q = ar_ner_prepare(t, 2, NULL, -1, &ar_malloc_allocator);
	v[(ar_ner_seq_base_hash(q, 0) >> 3) & 3] = AR_NER_VOCAB_ENTRY(ar_ner_seq_base_hash(q, 0), 6);
	memset(buf, 0, sizeof(buf));
	memcpy(buf + ZSIZE, v, sizeof(v));
	ar_ner_header_init(&h, ZNB, 0, 1.0f, buf + sizeof(h), sizeof(buf) - sizeof(h));
	memcpy(buf, &h, sizeof(h));
	CHECK(ar_ner_model_open(&m, buf, sizeof(buf)) == NULL);
	CHECK(m.nvocab == 4 && m.vocab != NULL);
	/* the listed word gets its class, the other one "unseen": their features differ */
	ar_ner_seq_apply_vocab(&m, q);
	nk = ar_ner_features(q, 0, feats_known);
	ar_ner_seq_set_freq(q, 0, 1);
	nu = ar_ner_features(q, 0, feats_unknown);
	CHECK(nk == nu && memcmp(feats_known, feats_unknown, nk * sizeof(uint32_t)) != 0);
	CHECK(ar_ner_freq_class(0) == 1 && ar_ner_freq_class(1) == 2 && ar_ner_freq_class(100) == 6);
	ar_ner_seq_free(q);
	/* a table whose size is not a power of two is refused */
	ar_ner_header_init(&h, ZNB, 0, 1.0f, buf + sizeof(h), sizeof(buf) - sizeof(h) - sizeof(uint32_t));
	memcpy(buf, &h, sizeof(h));
	CHECK(ar_ner_model_open(&m, buf, sizeof(buf) - sizeof(uint32_t)) != NULL);
	/* the all-zero model of the other tests has none */
	zero_model(buf);
	CHECK(ar_ner_model_open(&m, buf, ZSIZE) == NULL && m.nvocab == 0 && m.vocab == NULL);
}

UNIT_TEST(ner_labels_and_lines)
{
	char		line[] = "موسكو\tLOC\t\ticu\n";
	char	   *f[4];

	CHECK(ar_ner_type_from_name("PERS", 4) == AR_NER_PER);
	CHECK(ar_ner_type_from_name("loc", 3) == AR_NER_LOC);
	CHECK(ar_ner_type_from_name("ORG", 3) == AR_NER_ORG);
	CHECK(ar_ner_type_from_name("MISC", 4) == AR_NER_MISC);
	CHECK(ar_ner_type_from_name("DATE", 4) == 0);
	CHECK(ar_gaz_split_line(line, f, 4) == 4);
	CHECK_STREQ(f[0], "موسكو");
	CHECK_STREQ(f[1], "LOC");
	CHECK_STREQ(f[2], "");
	CHECK_STREQ(f[3], "icu");
	{
		char		comment[] = "# comment\n";
		char		blank[] = "\r\n";

		CHECK(ar_gaz_split_line(comment, f, 4) == 0);
		CHECK(ar_gaz_split_line(blank, f, 4) == 0);
	}
}

/* Extract from text with the zero model, shipped names g and user rows u; returns the entities (caller frees). */
static size_t
extract(const ar_gazetteer *g, const ar_gazetteer *u, const char *text, ar_ner_entity **e)
{
	static unsigned char buf[ZSIZE];
	ar_ner_model m;

	zero_model(buf);
	if (ar_ner_model_open(&m, buf, ZSIZE) != NULL)
		abort();
	return ar_ner_extract(&m, g, u, text, strlen(text), &ar_malloc_allocator, e);
}

/* The entity text of e in text, NUL-terminated in a static buffer. */
static const char *
span_of(const char *text, const ar_ner_entity *e)
{
	static char b[256];
	size_t		n = e->byte_len < 255 ? e->byte_len : 255;

	memcpy(b, text + e->byte_start, n);
	b[n] = '\0';
	return b;
}

UNIT_TEST(ner_user_rows_and_clitics)
{
	ar_gazetteer *g = ar_gaz_create(&ar_malloc_allocator);
	ar_gazetteer *shipped = ar_gaz_create(&ar_malloc_allocator);
	const char *text = "قال سيرغي لافروف في موسكو، ثم نقل مكتب للافروف أن وفد بالقاهرة وصل.";
	ar_ner_entity *e;
	size_t		n,
				i;
	int			way;

	CHECK(ar_gaz_add(g, "سيرغي لافروف", strlen("سيرغي لافروف"), AR_NER_PER, NULL, 0, AR_GAZ_USER));
	CHECK(ar_gaz_add(g, "القاهرة", strlen("القاهرة"), AR_NER_LOC, "القاهرة", strlen("القاهرة"), AR_GAZ_USER));
	CHECK(!ar_gaz_add(g, "  ", 2, AR_NER_LOC, NULL, 0, AR_GAZ_USER));	/* no word */
	CHECK(!ar_gaz_add(g, "موسكو", strlen("موسكو"), 9, NULL, 0, AR_GAZ_USER));	/* bad type */
	CHECK(ar_gaz_count(g) == 2);
	/* a shipped name the user rows shadow for the canonical form: user rows come first */
	CHECK(ar_gaz_add(shipped, "سيرغي لافروف", strlen("سيرغي لافروف"), AR_NER_PER, "لافروف", strlen("لافروف"), 0));
	/* the user rows as their own gazetteer (as the extension passes them), and inside the shipped one */
	for (way = 0; way < 2; way++)
	{
		n = way == 0 ? extract(shipped, g, text, &e) : extract(g, NULL, text, &e);
		CHECK(n == 3);
		if (n == 3)
		{
			CHECK_STREQ(span_of(text, &e[0]), "سيرغي لافروف");
			CHECK(e[0].type == AR_NER_PER);
			CHECK(e[0].score == 1.0f);
			CHECK_STREQ(e[0].canonical, "سيرغي لافروف");	/* the user row's, not the shipped one's */
			/* the glued surname is propagated and absorbed by the full name */
			CHECK_STREQ(span_of(text, &e[1]), "للافروف");
			CHECK(e[1].type == AR_NER_PER);
			CHECK_STREQ(e[1].canonical, "سيرغي لافروف");
			/* a user row behind ب, canonical in search-normalized letters */
			CHECK_STREQ(span_of(text, &e[2]), "بالقاهرة");
			CHECK(e[2].type == AR_NER_LOC);
			CHECK_STREQ(e[2].canonical, "القاهره");
		}
		for (i = 0; i < n; i++)
		{
			CHECK(e[i].char_start == ar_utf8_count(text, e[i].byte_start));
			CHECK(e[i].char_len == ar_utf8_count(text + e[i].byte_start, e[i].byte_len));
			CHECK(e[i].canonical_len == strlen(e[i].canonical));
		}
		ar_ner_entities_free(e, n, &ar_malloc_allocator);
	}

	/* without a gazetteer the zero model finds nothing, nor with shipped names only; empty text is fine */
	n = extract(NULL, NULL, text, &e);
	CHECK(n == 0);
	ar_ner_entities_free(e, n, &ar_malloc_allocator);
	n = extract(shipped, NULL, text, &e);
	CHECK(n == 0);
	ar_ner_entities_free(e, n, &ar_malloc_allocator);
	n = extract(g, g, "", &e);
	CHECK(n == 0);
	ar_ner_entities_free(e, n, &ar_malloc_allocator);
	ar_gaz_destroy(g);
	ar_gaz_destroy(shipped);
}

UNIT_TEST(ner_groups_of_countries_and_numbers)
{
	const char *text = "دعت لمجموعة السبع ومجموعة الـ 77 إلى الحوار، ووقفت مجموعة من الطلاب أمام المجموعة الثلاث.";
	ar_ner_token t[2] = {{"77", 2}, {"12", 2}};
	uint32_t	f77[AR_NER_MAXFEATS],
				f12[AR_NER_MAXFEATS];
	ar_ner_seq *q;
	ar_ner_entity *e;
	size_t		n;
	int			n1,
				n2;

	/* the zero model tags nothing: both groups come from the rule, with their heads unglued */
	n = extract(NULL, NULL, text, &e);
	CHECK(n == 2);
	if (n == 2)
	{
		CHECK_STREQ(span_of(text, &e[0]), "لمجموعة السبع");
		CHECK(e[0].type == AR_NER_ORG);
		CHECK_STREQ(e[0].canonical, "مجموعه السبع");
		CHECK_STREQ(span_of(text, &e[1]), "ومجموعة الـ 77");
		CHECK(e[1].type == AR_NER_ORG);
		CHECK_STREQ(e[1].canonical, "مجموعه ال 77");	/* digits kept (they were zeroed) */
	}
	ar_ner_entities_free(e, n, &ar_malloc_allocator);
	/* but numbers of one digit pattern share their features */
	q = ar_ner_prepare(&t[0], 1, NULL, -1, &ar_malloc_allocator);
	n1 = ar_ner_features(q, 0, f77);
	ar_ner_seq_free(q);
	q = ar_ner_prepare(&t[1], 1, NULL, -1, &ar_malloc_allocator);
	n2 = ar_ner_features(q, 0, f12);
	ar_ner_seq_free(q);
	CHECK(n1 == n2 && n1 > 0 && memcmp(f77, f12, n1 * sizeof(uint32_t)) == 0);
}

UNIT_TEST(ner_later_rows_replace_and_learned_rows_rank_last)
{
	ar_gazetteer *g = ar_gaz_create(&ar_malloc_allocator);
	const char *text = "زار الكرملين أمس.";
	ar_ner_entity *e;
	size_t		n;

	/* a learned row (fold bits) does not replace a curated one; a user row does */
	CHECK(ar_gaz_add(g, "الكرملين", strlen("الكرملين"), AR_NER_ORG, "الكرملين", strlen("الكرملين"), 0));
	CHECK(ar_gaz_add(g, "الكرملين", strlen("الكرملين"), AR_NER_LOC, NULL, 0, 1u));
	CHECK(ar_gaz_count(g) == 1);
	CHECK(ar_gaz_add(g, "الكرملين", strlen("الكرملين"), AR_NER_MISC, NULL, 0, AR_GAZ_USER));
	n = extract(g, NULL, text, &e);
	CHECK(n == 1);
	if (n == 1)
		CHECK(e[0].type == AR_NER_MISC);
	ar_ner_entities_free(e, n, &ar_malloc_allocator);
	ar_gaz_destroy(g);
}

UNIT_TEST(ner_gazetteer_image_roundtrip_and_damage)
{
	ar_gaz_row	rows[] = {
		{"الكرملين", "ORG", NULL, "user"},
		{"الكريملن", "ORG", "الكرملين", "user"},
		{"القاهرة", "LOC", NULL, "user"},
		{"سيرغي لافروف", "PER", NULL, "anercorp"},
	};
	ar_gaz_row	same = {"الكرملين", "ORG", NULL, "user"},
				emptycanon = {"الكرملين", "ORG", "", "user"};
	ar_gazetteer *g = ar_gaz_create(&ar_malloc_allocator),
			   *r;
	const char *text = "زار الوفد الكريملن ثم بالقاهرة.";	/* user rows: the zero model finds them */
	ar_ner_entity *e1,
			   *e2;
	size_t		n1,
				n2,
				i;
	ar_buf		img;
	uint64_t	nrows,
				rowxor;
	const char *err;

	/* the row hash tells a NULL canonical from an empty one, and equal rows hash equal */
	CHECK(ar_gaz_row_hash(&rows[0]) == ar_gaz_row_hash(&same));
	CHECK(ar_gaz_row_hash(&rows[0]) != ar_gaz_row_hash(&emptycanon));
	CHECK(ar_gaz_row_hash(&rows[0]) != ar_gaz_row_hash(&rows[1]));

	ar_gaz_add_rows(g, rows, 4);
	CHECK(ar_gaz_count(g) == 4);
	ar_buf_init(&img, &ar_malloc_allocator, 1024);
	ar_gaz_image_write(g, 4, 99, &img);
	r = ar_gaz_image_read(img.data, img.len, &ar_malloc_allocator, &nrows, &rowxor, &err);
	CHECK(r != NULL && nrows == 4 && rowxor == 99 && err == NULL);
	if (r)
	{
		n1 = extract(g, NULL, text, &e1);
		n2 = extract(r, NULL, text, &e2);
		CHECK(n1 == n2 && n1 == 2);
		for (i = 0; i < n1 && i < n2; i++)
		{
			CHECK(e1[i].type == e2[i].type && e1[i].byte_start == e2[i].byte_start);
			CHECK_STREQ(e1[i].canonical, e2[i].canonical);
		}
		ar_ner_entities_free(e1, n1, &ar_malloc_allocator);
		ar_ner_entities_free(e2, n2, &ar_malloc_allocator);
		/* a copy read from an image grows like any other */
		CHECK(ar_gaz_add(r, "موسكو", strlen("موسكو"), AR_NER_LOC, NULL, 0, AR_GAZ_USER));
		CHECK(ar_gaz_count(r) == 5);
		ar_gaz_destroy(r);
	}
	/* truncated, altered in its tables, or not an image at all: refused with a reason */
	r = ar_gaz_image_read(img.data, img.len - 1, &ar_malloc_allocator, &nrows, &rowxor, &err);
	CHECK(r == NULL && err != NULL);
	img.data[img.len - 3] ^= 0x20;
	r = ar_gaz_image_read(img.data, img.len, &ar_malloc_allocator, &nrows, &rowxor, &err);
	CHECK(r == NULL && err != NULL && strstr(err, "checksum") != NULL);
	r = ar_gaz_image_read("ARGAZIM0", 8, &ar_malloc_allocator, &nrows, &rowxor, &err);
	CHECK(r == NULL && err != NULL);
	ar_buf_free(&img);

	/*
	 * damaged behind a valid checksum (resealed): a count that wraps around,
	 * full hash tables (a probe would never end), a lowered name length
	 */
	{
		static const size_t hdr_nents = 8 + 4 + 4 + 8 + 8;	/* offset of nents in the header */
		uint64_t	v;
		size_t		k,
					tables,
					cap;
		int			kind;

		for (kind = 0; kind < 4; kind++)
		{
			ar_buf_init(&img, &ar_malloc_allocator, 1024);
			ar_gaz_image_write(g, 4, 99, &img);
			memcpy(&v, img.data + hdr_nents + 8, 8);	/* cap */
			cap = (size_t) v;
			memcpy(&v, img.data + hdr_nents, 8);		/* nents */
			tables = 8 + 4 + 4 + 8 * 9 + (size_t) v * 28;	/* 88-byte header, then ents (28-byte entries) */
			if (kind == 0)
			{
				v += (uint64_t) 1 << 63;
				memcpy(img.data + hdr_nents, &v, 8);
			}
			else if (kind == 1)
				for (k = 0; k < cap; k++)	/* every key slot taken */
					memcpy(img.data + tables + 4 * k, &(uint32_t) {1}, 4);
			else if (kind == 2)
				for (k = 0; k < cap; k++)	/* every spelling slot taken */
					memcpy(img.data + tables + 4 * (cap + k), &(uint32_t) {1}, 4);
			else
			{
				v = 0;					/* maxwords below the longest name (2 words) */
				memcpy(img.data + hdr_nents + 8 * 5, &v, 8);
			}
			ar_gaz_image_reseal(img.data, img.len);
			r = ar_gaz_image_read(img.data, img.len, &ar_malloc_allocator, &nrows, &rowxor, &err);
			CHECK(r == NULL && err != NULL);
			/* each damage is caught by its own check, not by the checksum */
			CHECK(err != NULL && strstr(err, kind == 0 ? "out of range" : kind == 1 ? "key index" :
										kind == 2 ? "spelling index" : "word count") != NULL);
			if (r)
				ar_gaz_destroy(r);
			ar_buf_free(&img);
		}
	}
	ar_gaz_destroy(g);
}

UNIT_TEST(ner_gazetteer_file_rows)
{
	char		row[] = "سيرغي لافروف\tPER\t\tcurated\n",
				aliased[] = "الكريملن\tORG\tالكرملين\tcurated",
				comment[] = "# a comment\n",
				shortline[] = "موسكو\tLOC\n";
	ar_gaz_row	r;

	/* an empty canonical is NULL, as CREATE EXTENSION stores it */
	CHECK(ar_gaz_parse_row(row, &r) == 1);
	CHECK_STREQ(r.surface, "سيرغي لافروف");
	CHECK_STREQ(r.label, "PER");
	CHECK(r.canon == NULL);
	CHECK_STREQ(r.origin, "curated");
	CHECK(ar_gaz_parse_row(aliased, &r) == 1);
	CHECK(r.canon != NULL);
	if (r.canon)
		CHECK_STREQ(r.canon, "الكرملين");
	CHECK(ar_gaz_parse_row(comment, &r) == 0);
	CHECK(ar_gaz_parse_row(shortline, &r) == -1);
}

/* The lexicon of titles, heads, speech verbs and time words is searched by halving: it must stay sorted. */
UNIT_TEST(ner_lexicon_sorted)
{
	int			k = ar_ner_lexicon_unsorted();

	if (!CHECK(k == -1))
		fprintf(stderr, "  lexicon word %d is out of order (sort by byte length, then bytes)\n", k);
}

/*
 * The entities of text, as their spans joined by "|", under a model whose
 * every weight row gives label la the weight wa and label lb the weight wb
 * (so every token scores the same: the rules after decoding show).
 */
static const char *
biased_spans(int la, int16_t wa, int lb, int16_t wb, const char *text)
{
	static unsigned char buf[ZSIZE];
	static char got[512];
	int16_t    *w = (int16_t *) (buf + sizeof(ar_ner_header) +
								 (AR_NER_NLABELS + 1) * AR_NER_NLABELS * sizeof(float));
	ar_ner_header h;
	ar_ner_model m;
	ar_ner_entity *e;
	size_t		n,
				k;
	int			b;

	zero_model(buf);
	for (b = 0; b < ZNB; b++)
	{
		w[b * AR_NER_NLABELS + la] = wa;
		w[b * AR_NER_NLABELS + lb] = wb;
	}
	ar_ner_header_init(&h, ZNB, 0, 1.0f, buf + sizeof(h), ZSIZE - sizeof(h));
	memcpy(buf, &h, sizeof(h));
	if (ar_ner_model_open(&m, buf, ZSIZE) != NULL)
		abort();
	n = ar_ner_extract(&m, NULL, NULL, text, strlen(text), &ar_malloc_allocator, &e);
	got[0] = '\0';
	for (k = 0; k < n && strlen(got) + e[k].byte_len + 2 < sizeof(got); k++)
	{
		strcat(got, span_of(text, &e[k]));
		strcat(got, "|");
	}
	ar_ner_entities_free(e, n, &ar_malloc_allocator);
	return got;
}

/*
 * A month name in a date is never a name, whatever the model says; the same
 * word elsewhere is left to the model.  The model here calls every word a
 * one-word organisation.
 */
UNIT_TEST(ner_month_names_in_dates)
{
	const char *text = "وصل في 9 نيسان/أبريل 2024 وفي كانون الثاني 2025 ثم اشترى سيارة نيسان في 3/ايار.";

	/* نيسان, أبريل, كانون الثاني and ايار of the dates are gone; the car make stays */
	CHECK_STREQ(biased_spans(AR_NER_B(AR_NER_ORG), 1000, AR_NER_B(AR_NER_ORG), 1000, text),
				"وصل|في|9|2024|وفي|2025|ثم|اشترى|سيارة|نيسان|في|3|");
}

/*
 * A word written as a preposition before a hamza-initial word (لأردوغان,
 * وبإيران) starts a person's name and never continues one.  The model here
 * runs every word into one long person name (I-PER above B-PER everywhere).
 */
UNIT_TEST(ner_preposition_hamza_starts_a_name)
{
	CHECK_STREQ(biased_spans(AR_NER_B(AR_NER_PER), 999, AR_NER_I(AR_NER_PER), 1000,
							 "ميركل لأردوغان بوتين وبأوباما لافروف"),
				"ميركل|لأردوغان بوتين|وبأوباما لافروف|");
}
