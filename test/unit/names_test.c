/*
 * names_test.c
 *    Unit tests of the transliteration tables (ar_translit.c), the name model
 *    (ar_names.c, with the shipped model file) and the name filter
 *    (ar_namefilter.c).  Run from the repository root (make core-check).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_namefilter.h"
#include "ar_names.h"
#include "ar_translit.h"
#include "unit.h"

/* Transliterate s with scheme sc (NUL-terminated result, caller frees). */
static char *
tr(const char *s, ar_translit_scheme sc, bool back)
{
	ar_buf		b;

	ar_buf_init(&b, &ar_malloc_allocator, 16);
	if (back)
		ar_untranslit(s, strlen(s), sc, &b);
	else
		ar_translit(s, strlen(s), sc, &b);
	ar_buf_append(&b, "", 0);
	return b.data;
}

UNIT_TEST(translit_tables)
{
	char	   *a = tr("مُحَمَّد", AR_TRANSLIT_BUCKWALTER, false);
	char	   *b = tr("ذِئْبٌ", AR_TRANSLIT_SAFE_BUCKWALTER, false);
	char	   *c = tr("ذِئْبٌ", AR_TRANSLIT_BUCKWALTER, false);
	char	   *d = tr("*i}obN", AR_TRANSLIT_BUCKWALTER, true);

	CHECK_STREQ(a, "muHama~d");	/* marks in their written order: fatha, then shadda */
	CHECK_STREQ(b, "ViQobN");
	CHECK_STREQ(c, "*i}obN");
	CHECK_STREQ(d, "ذِئْبٌ");
	CHECK(ar_translit_scheme_find("safe_buckwalter", 15) == AR_TRANSLIT_SAFE_BUCKWALTER);
	CHECK(ar_translit_scheme_find("buckwalte", 9) == -1);
	free(a);
	free(b);
	free(c);
	free(d);
}

UNIT_TEST(translit_round_trip_every_code)
{
	/* every Arabic-block code point round-trips through both schemes, with its neighbours */
	for (int sc = 0; sc < 2; sc++)
		for (uint32_t cp = 0x0600; cp <= 0x06FF; cp++)
		{
			char		w[16];
			int			n = ar_utf8_encode(0x0644, w);	/* ل before, ه after */
			char	   *t,
					   *u;

			n += ar_utf8_encode(cp, w + n);
			n += ar_utf8_encode(0x0647, w + n);
			w[n] = '\0';
			t = tr(w, (ar_translit_scheme) sc, false);
			u = tr(t, (ar_translit_scheme) sc, true);
			if (!CHECK(strcmp(u, w) == 0))
				fprintf(stderr, "  scheme %d, U+%04X\n", sc, (unsigned) cp);
			free(t);
			free(u);
		}
}

/* The shipped model (NULL when it cannot be read: every check then fails once). */
static ar_names_model *
shipped_model(void)
{
	static ar_names_model *m;
	FILE	   *f;
	char	   *img;
	long		n;
	const char *err;

	if (m)
		return m;
	f = fopen("src/tsearch_data/pg_arabic_names.model", "rb");
	if (!CHECK(f != NULL))
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	img = malloc((size_t) n);
	CHECK(fread(img, 1, (size_t) n, f) == (size_t) n);
	fclose(f);
	m = ar_names_model_open(&ar_malloc_allocator, img, (size_t) n, &err);
	free(img);
	CHECK(m != NULL);
	return m;
}

/* The name key of s (caller frees). */
static char *
key(const ar_names_model *m, const char *s)
{
	ar_buf		b;

	ar_buf_init(&b, &ar_malloc_allocator, 16);
	ar_name_key(m, s, strlen(s), &b);
	ar_buf_append(&b, "", 0);
	return b.data;
}

/* Do two tokens share a key? */
static bool
same_key(const ar_names_model *m, const char *a, const char *b)
{
	char	   *x = key(m, a),
			   *y = key(m, b);
	bool		eq = strcmp(x, y) == 0 && x[0];

	if (!eq)
		fprintf(stderr, "  key(%s) = %s, key(%s) = %s\n", a, x, b, y);
	free(x);
	free(y);
	return eq;
}

UNIT_TEST(name_keys)
{
	ar_names_model *m = shipped_model();

	if (!m)
		return;
	CHECK(same_key(m, "Merkel", "ميركل"));
	CHECK(same_key(m, "ميركل", "ميركيل"));
	CHECK(same_key(m, "كلينتون", "كلنتون"));
	CHECK(same_key(m, "Clinton", "كلينتون"));
	CHECK(same_key(m, "Zarif", "ظريف"));			/* z written ظ */
	CHECK(same_key(m, "Haley", "هايلي"));
	CHECK(same_key(m, "سيرغي", "سيرجي"));		/* g written غ or ج */
	CHECK(same_key(m, "ڤيكتور", "فيكتور"));
	CHECK(same_key(m, "MERKEL", "merkel"));
	CHECK(same_key(m, "Müller", "Muller"));
	CHECK(same_key(m, "Moscow", "موسكو"));		/* an exonym */
	{
		char	   *x = key(m, "Merkel"),
				   *y = key(m, "ماركس");

		CHECK(strcmp(x, y) != 0);
		free(x);
		free(y);
	}
	{
		char	   *e = key(m, "123 !");

		CHECK_STREQ(e, "");
		free(e);
	}
}

UNIT_TEST(name_similarity)
{
	ar_names_model *m = shipped_model();
	float		good,
				bad;

	if (!m)
		return;
	good = ar_name_similarity(m, "Tillerson", 9, "تيلرسون", strlen("تيلرسون"));
	bad = ar_name_similarity(m, "Tillerson", 9, "نتنياهو", strlen("نتنياهو"));
	CHECK(good > 0.8f && good <= 1.0f);
	CHECK(bad >= 0.0f && bad < 0.5f);
	CHECK(ar_name_similarity(m, "ميركل", strlen("ميركل"), "ميركيل", strlen("ميركيل")) > 0.8f);
	CHECK(ar_name_similarity(m, "Merkel", 6, "Merkel", 6) == 1.0f);
	CHECK(ar_name_similarity(m, "", 0, "Merkel", 6) == 0.0f);
	CHECK(ar_name_similarity(m, "42", 2, "42", 2) == 0.0f);
	/* symmetric across scripts */
	CHECK(ar_name_similarity(m, "تيلرسون", strlen("تيلرسون"), "Tillerson", 9) == good);
}

UNIT_TEST(name_spellings)
{
	ar_names_model *m = shipped_model();
	ar_buf		b;

	if (!m)
		return;
	ar_buf_init(&b, &ar_malloc_allocator, 16);
	ar_name_arabize(m, "Lavrov", 6, &b);
	CHECK_STREQ(b.data, "لافروف");
	/* a romanization is Latin and names the same name (same key) */
	{
		const char *names[] = {"ميركل", "لافروف", "بلينكن", "تيلرسون", "نافالني"};

		for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		{
			b.len = 0;
			ar_name_romanize(m, names[i], strlen(names[i]), &b);
			ar_buf_append(&b, "", 0);
			CHECK(b.len > 0 && strspn(b.data, "abcdefghijklmnopqrstuvwxyz") == b.len);
			CHECK(same_key(m, b.data, names[i]));
		}
	}
	ar_buf_free(&b);
}

UNIT_TEST(name_model_errors)
{
	const char *err;
	const char *bad[] = {
		"",
		"pg_arabic_names 2\ncalib -9 -2\n",
		"pg_arabic_names 1\ncalib -2 -9\n",
		"pg_arabic_names 1\ncalib -9 -2\nseg 3 a ا -1\n",
		"pg_arabic_names 1\ncalib -9 -2\nseg 1 abc ا -1\n",
		"pg_arabic_names 1\ncalib -9 -2\nseg 1 ab بب -1\n",
		"pg_arabic_names 1\ncalib -9 -2\nseg 1 a ا 1\n",
		"pg_arabic_names 1\ncalib -9 -2\nexo moscow موسكو\nexo berlin برلين\n",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		ar_names_model *m = ar_names_model_open(&ar_malloc_allocator, bad[i], strlen(bad[i]), &err);

		if (!CHECK(m == NULL && err != NULL))
			fprintf(stderr, "  accepted bad model %zu\n", i);
		ar_names_model_free(&ar_malloc_allocator, m);
	}
}

UNIT_TEST(name_filter)
{
	const char *stop = "في\nقال\n";
	const char *lex = "# ordinary\nاتفاق\nرءيس\n";
	const char *names = "لبنان\nميركل\n";
	ar_namefilter *f = ar_namefilter_new(&ar_malloc_allocator, stop, strlen(stop), lex, strlen(lex),
										 names, strlen(names));
	ar_buf		b;
	size_t		offs[AR_NAMEFILTER_MAXFORMS];

	ar_buf_init(&b, &ar_malloc_allocator, 64);
	CHECK(ar_namefilter_count(f) == 6);
	CHECK(ar_namefilter_forms(f, "في", strlen("في"), &b, offs) == 0);
	CHECK(ar_namefilter_forms(f, "والاتفاق", strlen("والاتفاق"), &b, offs) == 0);
	CHECK(ar_namefilter_forms(f, "الرئيس", strlen("الرئيس"), &b, offs) == 0);
	/* a known name stays whole */
	CHECK(ar_namefilter_forms(f, "لبنان", strlen("لبنان"), &b, offs) == 1);
	CHECK_STREQ(b.data + offs[0], "لبنان");
	/* a known name behind a clitic: that name only */
	CHECK(ar_namefilter_forms(f, "لميركل", strlen("لميركل"), &b, offs) == 1);
	CHECK_STREQ(b.data + offs[0], "ميركل");
	/* an unknown name: as written and without its clitics */
	CHECK(ar_namefilter_forms(f, "وبوتين", strlen("وبوتين"), &b, offs) == 3);
	CHECK_STREQ(b.data + offs[0], "وبوتين");
	CHECK_STREQ(b.data + offs[1], "بوتين");
	ar_buf_free(&b);
	ar_namefilter_free(f);
}
