/*
 * fuzz_names.c
 *    libFuzzer harness of transliteration, name keys, similarity, the two
 *    spelling directions and the name filter.  The input is split at its
 *    first NUL byte into two tokens.  Checks, besides memory safety, that
 *    Buckwalter and Safe Buckwalter round-trip every input without ASCII
 *    (the promise of ar_translit.h), that the similarity lies in [0, 1], is
 *    symmetric and 1 for identical tokens with letters, and that keys,
 *    romanizations and the filter are deterministic.  The shipped model is
 *    read from src/tsearch_data (run from the repository root, as make
 *    fuzz-smoke does); a small built-in model is used when it is missing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_namefilter.h"
#include "ar_names.h"
#include "ar_translit.h"

static ar_names_model *model;
static ar_namefilter *filter;

static const char tiny_model[] =
	"pg_arabic_names 1\ncalib -8 -1 1.5\n"
	"seg 0 a ا -1\nseg 1 b ب -1\nseg 1 t ت -1\nseg 1 th ث -2\nseg 1 g ج -2\nseg 1 h ح -2\n"
	"seg 1 kh خ -2\nseg 1 d د -1\nseg 1 dh ذ -2\nseg 1 r ر -1\nseg 1 z ز -1\nseg 1 s س -1\n"
	"seg 1 sh ش -1\nseg 1 s ص -2\nseg 1 d ض -2\nseg 1 t ط -2\nseg 1 z ظ -2\nseg 1 a ع -2\n"
	"seg 1 g غ -2\nseg 1 f ف -1\nseg 1 q ق -2\nseg 1 k ك -1\nseg 1 l ل -1\nseg 1 m م -1\n"
	"seg 1 n ن -1\nseg 1 h ه -1\nseg 1 o و -1\nseg 1 i ي -1\nseg 1 e ء -3\nseg 1 e - -2\n"
	"seg 1 x كس -3\nseg 2 - ا -3\n"
	"bi ^ m:م 3\nbi m:م e:- 2\nbi e:- r:ر 2\nbi r:ر $ 1\n"
	"exo moscow موسكو\n";

/* Read the shipped model, or fall back to the tiny one. */
static void
load(void)
{
	FILE	   *f = fopen("src/tsearch_data/pg_arabic_names.model", "rb");
	const char *err;
	char	   *img = NULL;
	long		n = 0;

	if (f)
	{
		fseek(f, 0, SEEK_END);
		n = ftell(f);
		rewind(f);
		img = malloc((size_t) n);
		if (fread(img, 1, (size_t) n, f) != (size_t) n)
			n = 0;
		fclose(f);
	}
	model = n ? ar_names_model_open(&ar_malloc_allocator, img, (size_t) n, &err) : NULL;
	if (!model)
		model = ar_names_model_open(&ar_malloc_allocator, tiny_model, strlen(tiny_model), &err);
	if (!model)
		abort();
	free(img);
	filter = ar_namefilter_new(&ar_malloc_allocator, "في\nمن\n", strlen("في\nمن\n"),
							   "اتفاق\nكتاب\n", strlen("اتفاق\nكتاب\n"), "لبنان\n", strlen("لبنان\n"));
}

/* Run f on s twice into fresh buffers and abort when the results differ. */
static void
deterministic(void (*fn) (const ar_names_model *, const char *, size_t, ar_buf *), const char *s, size_t len)
{
	ar_buf		a,
				b;

	ar_buf_init(&a, &ar_malloc_allocator, 16);
	ar_buf_init(&b, &ar_malloc_allocator, 16);
	fn(model, s, len, &a);
	fn(model, s, len, &b);
	if (a.len != b.len || (a.len && memcmp(a.data, b.data, a.len) != 0))
		abort();
	ar_buf_free(&a);
	ar_buf_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	const char *nul = memchr(s, '\0', size);
	size_t		la = nul ? (size_t) (nul - s) : size;
	const char *b = nul ? nul + 1 : s + size;
	size_t		lb = nul ? size - la - 1 : 0;
	bool		ascii = false;
	float		x,
				y;
	ar_buf		t,
				u;
	size_t		offs[AR_NAMEFILTER_MAXFORMS];

	if (!model)
		load();
	for (size_t i = 0; i < size; i++)
		ascii |= data[i] < 0x80;
	/* table transliteration round trips every text without ASCII bytes */
	for (int sc = 0; sc < 2; sc++)
	{
		ar_buf_init(&t, &ar_malloc_allocator, 16);
		ar_buf_init(&u, &ar_malloc_allocator, 16);
		ar_translit(s, size, (ar_translit_scheme) sc, &t);
		ar_untranslit(t.data ? t.data : "", t.len, (ar_translit_scheme) sc, &u);
		if (!ascii && (u.len != size || (size && memcmp(u.data, s, size) != 0)))
			abort();
		ar_buf_free(&t);
		ar_buf_free(&u);
	}
	x = ar_name_similarity(model, s, la, b, lb);
	y = ar_name_similarity(model, b, lb, s, la);
	if (!(x >= 0.0f && x <= 1.0f) || x != y)
		abort();
	{
		uint8_t		sym[AR_NAMES_MAXSYM];
		ar_name_script sc;

		if (ar_names_fold(s, la, sym, &sc) > 0 && ar_name_similarity(model, s, la, s, la) != 1.0f)
			abort();
	}
	deterministic(ar_name_key, s, la);
	deterministic(ar_name_romanize, s, la);
	deterministic(ar_name_arabize, b, lb);
	ar_buf_init(&t, &ar_malloc_allocator, 16);
	ar_namefilter_forms(filter, s, la, &t, offs);
	ar_buf_free(&t);
	return 0;
}
