/*
 * core_test.c
 *    Runner of the standalone core unit tests, and the tests of the
 *    normalizer and tokenizer.  Prints "N passed, N failed" and exits non-zero
 *    on any failure.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "ar_core.h"
#include "ar_normalize.h"
#include "ar_tokenize.h"
#include "ar_ner.h"
#include "ar_stem.h"

#define MAX_TESTS 512

static struct
{
	const char *name;
	unit_fn		fn;
}			tests[MAX_TESTS];
static int	ntests;
static int	npassed,
			nfailed;

/* Register a test. */
void
unit_register(const char *name, unit_fn fn)
{
	if (ntests < MAX_TESTS)
	{
		tests[ntests].name = name;
		tests[ntests].fn = fn;
		ntests++;
	}
}

/* Record one check. */
bool
unit_check(bool ok, const char *expr, const char *file, int line)
{
	if (ok)
		npassed++;
	else
	{
		nfailed++;
		fprintf(stderr, "FAIL %s:%d: %s\n", file, line, expr);
	}
	return ok;
}

/* Record a string-equality check. */
bool
unit_check_streq(const char *got, const char *want, const char *expr, const char *file, int line)
{
	bool		ok = got && want && strcmp(got, want) == 0;

	if (!ok)
		fprintf(stderr, "     got  \"%s\"\n     want \"%s\"\n", got ? got : "(null)", want ? want : "(null)");
	return unit_check(ok, expr, file, line);
}

/* Read a whole file (NUL-terminated, malloc'ed); NULL when missing. */
char *
unit_slurp(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t) n + 1);
	*len = fread(buf, 1, (size_t) n, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

/* The tagger shipped in the source tree (see unit.h). */
bool
unit_shipped_tagger(ar_ner_model *m, ar_gazetteer **g, char **mdata)
{
	size_t		mlen,
				glen;
	char	   *gdata;
	uint64_t	rows,
				rowsum;
	const char *err = NULL;

	*g = NULL;
	*mdata = unit_slurp("src/tsearch_data/pg_arabic_ner.model", &mlen);
	gdata = unit_slurp("src/tsearch_data/pg_arabic_ner.gazimg", &glen);
	if (*mdata && gdata && ar_ner_model_open(m, *mdata, mlen) == NULL)
		*g = ar_gaz_image_read(gdata, glen, &ar_malloc_allocator, &rows, &rowsum, &err);
	free(gdata);				/* the gazetteer holds its own copy */
	return *g != NULL;
}

/* A stemmer with the shipped lists (see unit.h). */
ar_stemmer *
unit_shipped_stemmer(int level)
{
	static const char *const files[4] = {
		"src/tsearch_data/pg_arabic.lexicon",
		"src/tsearch_data/pg_arabic.protected",
		"src/tsearch_data/pg_arabic.plurals",
		"src/tsearch_data/pg_arabic.stop"};
	static const ar_stem_list kinds[4] = {AR_LIST_LEXICON, AR_LIST_PROTECTED, AR_LIST_PLURALS, AR_LIST_STOPWORDS};
	ar_stemmer *st = ar_stemmer_new(&ar_malloc_allocator, AR_PROFILE_SEARCH, level);
	int			i;

	for (i = 0; i < 4; i++)
	{
		size_t		len = 0,
					bad = 0;
		char	   *text = unit_slurp(files[i], &len);

		if (!CHECK(text != NULL))
			continue;
		CHECK(ar_stemmer_load(st, kinds[i], text, len, &bad) > 0);
		free(text);
	}
	return st;
}

/* Normalize s under a spec; returns a malloc'ed string. */
static char *
norm(const char *s, const char *spec)
{
	uint32_t	mask = 0;
	ar_buf		b;

	if (!ar_norm_parse_spec(spec, strlen(spec), &mask, NULL, 0))
		return strdup("<bad spec>");
	ar_buf_init(&b, &ar_malloc_allocator, 16);
	ar_normalize(s, strlen(s), mask, &b);
	return b.data;
}

/* Check normalization of in under spec against want. */
#define NORM(in, spec, want) do { char *g_ = norm((in), (spec)); \
	unit_check_streq(g_, (want), "ar_normalize(" in ", " spec ")", __FILE__, __LINE__); free(g_); } while (0)

UNIT_TEST(normalize_rules_one_by_one)
{
	NORM("كَتَبَ الوَلَدُ", "diacritics", "كتب الولد");
	NORM("ٱلرَّحْمَٰنِ", "diacritics", "ٱلرحمن");
	NORM("ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَۛ فِيهِۛ", "quranic_marks", "ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَ فِيهِ");
	NORM("جمـــيل", "tatweel", "جميل");
	NORM("أحمد إبراهيم آمن ٱلله", "alef", "احمد ابراهيم امن الله");
	NORM("مسؤول مسئول", "hamza", "مسءول مسءول");
	NORM("شيء شئ", "hamza", "شء شء");
	NORM("هيئة بريء.", "hamza", "هيءة برء.");
	NORM("مستشفى على", "yeh", "مستشفي علي");
	NORM("مدرسة جميلة", "teh_marbuta", "مدرسه جميله");
	NORM("کتاب یک", "persian", "كتاب يك");
	NORM("٢٠١٧ ۱۴۰۲ ٣٫٥ ١٬٠٠٠ ٥٠٪", "digits", "2017 1402 3.5 1,000 50%");
	NORM("\xE2\x80\x8F" "نص" "\xE2\x80\x8E" " \xD8\x9C" "a", "bidi", "نص a");
	NORM("مرحبا\xE2\x80\x8Cبك", "joiners", "مرحبابك");
	NORM("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9", "joiners", "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9");
	NORM("قال &quot;نعم&quot; و quot;لا quot; &amp;quot;x&amp;quot; &#1576;", "entities",
		 "قال \"نعم\" و \"لا \" \"x\" ب");
	NORM("  a \t b\r\n\r\n\r\nc  ", "spaces", "a b\n\nc");
	NORM("a &nbsp; b &amp;amp;quot;x quot;y &#38;#38;quot;", "search", "a b \"x \"y \"");
	NORM("&qu\xE2\x80\x8Fot; &&#35;97;mp;", "search", "\" &");
	NORM("\xF0\x9F\x98\x80\xE2\x80\x8D&#1576; \xD8\xB4\xD9\x8A\xD8\xA1&quot;", "search", "\xF0\x9F\x98\x80\xD8\xA8 \xD8\xB4\xD8\xA1\"");
	NORM("\xEF\xBB\xBB \xEF\xBB\xB7", "presentation_forms", "لا لأ");
	NORM("\xEF\xB7\xB2", "presentation_forms", "الله");
}

UNIT_TEST(normalize_profiles)
{
	NORM("المسؤولون الأمريكيّون يزورون موسكو", "search", "المسءولون الامريكيون يزورون موسكو");
	NORM("روسيّة", "search", "روسيه");
	NORM("روسيّة ـــ quot;ok", "clean", "روسيّة \"ok");
	NORM("إلى مدرسة", "search,-teh_marbuta", "الي مدرسة");
	NORM("إلى ٣", "none,digits", "إلى 3");
	NORM("", "search", "");
	NORM("ًٌٍَُِّْ", "search", "");
	NORM("ــــــ", "search", "");
	NORM("   ", "search", "");
}

/* Profiles are explicit rule lists: "all" covers the rule table exactly, and the
 * search profile is the rules named here, not "every bit". */
UNIT_TEST(normalize_profiles_explicit)
{
	static const char search[] = "presentation_forms,diacritics,quranic_marks,tatweel,alef,"
		"hamza,yeh,teh_marbuta,persian,digits,bidi,joiners,entities,spaces";
	uint32_t	all = 0,
				m;
	char		bad[32];
	int			i;

	for (i = 0; ar_norm_rules[i].name; i++)
	{
		CHECK((all & ar_norm_rules[i].bit) == 0);
		all |= ar_norm_rules[i].bit;
	}
	CHECK(all == AR_N_ALL);
	CHECK(ar_norm_parse_spec("all", 3, &m, bad, sizeof(bad)) && m == AR_N_ALL);
	CHECK(ar_norm_parse_spec(search, sizeof(search) - 1, &m, bad, sizeof(bad)));
	CHECK(m == AR_PROFILE_SEARCH);
	CHECK((AR_NER_FOLD & ~AR_PROFILE_SEARCH) == 0);
}

UNIT_TEST(normalize_spec_errors)
{
	uint32_t	m;
	char		bad[32];

	CHECK(!ar_norm_parse_spec("search,bogus", 12, &m, bad, sizeof(bad)));
	CHECK_STREQ(bad, "bogus");
	CHECK(!ar_norm_parse_spec("", 0, &m, bad, sizeof(bad)));
	CHECK(ar_norm_parse_spec(" Search , -Teh-Marbuta ", 23, &m, bad, sizeof(bad)));
	CHECK(m == (AR_PROFILE_SEARCH & ~AR_N_TEH_MARBUTA));
}

UNIT_TEST(normalize_idempotent)
{
	static const char *const inputs[] = {
		"المسؤولون الأمريكيّون، «قالوا» quot;نعمquot; ١٢٫٥٪ ﻻ ﷺ شيء",
		"&amp;amp;quot; &#38;quot; &qu\xE2\x80\x8Fot; x",
		"شييء  ىٔ ئ ا�– \xD9\x8A\xD9\x94 \xD8\xA7\xD9\x94",
		"\xF0\x9F\x98\x80\xE2\x80\x8D \xE2\x80\x8D\xD8\xA8 \xE2\x80\x8C\xE2\x80\x8C",
		"\xFF\xFE bad \xC3 bytes \xED\xA0\x80",
		"\xEF\xB1\x9E \xEF\xB9\xB0 \xEF\xB7\xBD",
		"a &nbsp; b\xE2\x80\x8D&#1576; &#59;&amp&#59; &#x26;quot; \n&nbsp;\n x",
		"\xF0\x9F\x98\x80" "\xE2\x80\x8D\xE2\x80\x8D\xE2\x80\x8D\xE2\x80\x8D\xE2\x80\x8D\xE2\x80\x8D\xE2\x80\x8D\xE2\x80\x8D"
		"\xE2\x80\x8D\xE2\x80\x8D\xE2\x80\x8D\xE2\x80\x8D\xE2\x80\x8D\xE2\x80\x8D\xE2\x80\x8D\xE2\x80\x8D" "\xD8\xB1",
		NULL
	};
	int			i;
	int			s;
	static const char *const specs[] = {"search", "clean", "none", "hamza,spaces", "joiners", "entities,bidi", NULL};

	for (i = 0; inputs[i]; i++)
		for (s = 0; specs[s]; s++)
		{
			char	   *a = norm(inputs[i], specs[s]);
			char	   *b = norm(a, specs[s]);

			if (!unit_check_streq(b, a, "idempotence", __FILE__, __LINE__))
				fprintf(stderr, "     input #%d spec %s\n", i, specs[s]);
			free(a);
			free(b);
		}
}

/* Tokenize s; write "kind:token|..." of non-space tokens into out. */
static void
toks(const char *s, char *out, size_t outlen)
{
	ar_tokenizer t;
	ar_token	k;
	size_t		o = 0;

	out[0] = '\0';
	ar_tokenizer_init(&t, s, strlen(s));
	while (ar_tokenizer_next(&t, &k))
	{
		if (k.kind == AR_TOK_SPACE)
			continue;
		o += snprintf(out + o, outlen - o, "%s%s:%.*s", o ? "|" : "",
					  ar_tok_kind_names[k.kind], (int) k.byte_len, s + k.byte_start);
		if (o >= outlen)
			break;
	}
}

#define TOKS(in, want) do { char b_[1024]; toks((in), b_, sizeof(b_)); \
	unit_check_streq(b_, (want), "tokens of " in, __FILE__, __LINE__); } while (0)

UNIT_TEST(tokenize_kinds)
{
	TOKS("قال الوزيرُ: «نعم»، ولكن؟", "arabic:قال|arabic:الوزيرُ|punct::|punct:«|arabic:نعم|punct:»|punct:،|arabic:ولكن|punct:؟");
	TOKS("١٢٫٥ 3,000.5 و2017", "number:١٢٫٥|number:3,000.5|arabic:و|number:2017");
	TOKS("G7 NATO-summit", "latin:G7|latin:NATO|punct:-|latin:summit");
	TOKS("Москва 北京", "other:Москва|other:北京");
	TOKS("مرحبا\xE2\x80\x8Cبك", "arabic:مرحبا\xE2\x80\x8Cبك");
	TOKS("كلمة\xE2\x80\x8C كلمة", "arabic:كلمة|arabic:كلمة");
	TOKS("جمـــيل", "arabic:جمـــيل");
	TOKS("ـــ ًٌ", "symbol:ـــ|symbol:ًٌ");
	TOKS("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9 \xF0\x9F\x87\xB8\xF0\x9F\x87\xA6!", "symbol:\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9|symbol:\xF0\x9F\x87\xB8\xF0\x9F\x87\xA6|punct:!");
	TOKS("", "");
}

UNIT_TEST(tokenize_covers_input)
{
	static const char *const inputs[] = {
		"قال لافروف: «نعم»، 3.5٪ و١٢٫٥ G7 \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9 \xFF\xC3(",
		"\xE2\x80\x8F\xE2\x80\x8C\xD9\x8B\xD9\x80",
		NULL
	};
	int			i;

	for (i = 0; inputs[i]; i++)
	{
		ar_tokenizer t;
		ar_token	k;
		size_t		bpos = 0,
					cpos = 0,
					len = strlen(inputs[i]);

		ar_tokenizer_init(&t, inputs[i], len);
		while (ar_tokenizer_next(&t, &k))
		{
			CHECK(k.byte_start == bpos && k.char_start == cpos && k.byte_len > 0);
			CHECK(k.char_len == ar_utf8_count(inputs[i] + k.byte_start, k.byte_len));
			bpos += k.byte_len;
			cpos += k.char_len;
		}
		CHECK(bpos == len);
		CHECK(cpos == ar_utf8_count(inputs[i], len));
	}
}

/* Run every registered test. */
int
main(int argc, char **argv)
{
	int			i;

	for (i = 0; i < ntests; i++)
	{
		int			before = nfailed;

		tests[i].fn();
		printf("%-40s %s\n", tests[i].name, nfailed == before ? "ok" : "FAILED");
	}
	printf("%d passed, %d failed\n", npassed, nfailed);
	return nfailed ? 1 : 0;
}
