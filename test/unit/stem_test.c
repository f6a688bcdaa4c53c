/*
 * stem_test.c
 *    Unit tests of the light stemmer (src/core/ar_stem.c) with the shipped
 *    word lists (src/tsearch_data/pg_arabic.*, read from the source tree).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "ar_core.h"
#include "ar_normalize.h"
#include "ar_stem.h"

/* Stem word and return a static copy of the chosen part ('s' stem, 'p' prefix, 'x' suffix, 'n' norm). */
static const char *
part(const ar_stemmer *st, const char *word, char which, bool *stop)
{
	static char out[1024];
	ar_buf		b;
	ar_stem_result r;
	size_t		off,
				len;

	ar_buf_init(&b, &ar_malloc_allocator, 16);
	ar_stem_word(st, word, strlen(word), &b, &r);
	off = which == 'p' ? r.prefix_off : which == 'x' ? r.suffix_off : which == 'n' ? r.norm_off : r.stem_off;
	len = which == 'p' ? r.prefix_len : which == 'x' ? r.suffix_len : which == 'n' ? r.norm_len : r.stem_len;
	if (len >= sizeof(out))
		len = sizeof(out) - 1;
	memcpy(out, b.data + off, len);
	out[len] = '\0';
	if (stop)
		*stop = r.stopword;
	ar_buf_free(&b);
	return out;
}

#define STEM(st, w, want) unit_check_streq(part((st), (w), 's', NULL), (want), "stem(" w ")", __FILE__, __LINE__)

UNIT_TEST(stem_everyday_cases)
{
	ar_stemmer *st = unit_shipped_stemmer(AR_STEM_DEFAULT);

	STEM(st, "مدرسة", "مدرسه");
	STEM(st, "والمدرسة", "مدرسه");
	STEM(st, "بالمدارس", "مدرسه");		/* broken plural lexicon */
	STEM(st, "للافروف", "لافروف");		/* ل + protected name */
	STEM(st, "لافروف", "لافروف");
	STEM(st, "لبوتين", "بوتين");
	STEM(st, "مسئولين", "مسءول");		/* hamza seat folded, plural ending */
	STEM(st, "المسؤولون", "مسءول");
	STEM(st, "عقوبة", "عقوبه");
	STEM(st, "بالعقوبات", "عقوبه");		/* ات -> ة */
	STEM(st, "وزير", "وزير");			/* protected: not و + زير */
	STEM(st, "لوزير", "وزير");
	STEM(st, "وزارات", "وزاره");
	STEM(st, "بيروت", "بيروت");
	STEM(st, "الأميركي", "امريكي");		/* spelling variant */
	STEM(st, "روسيّة", "روسي");			/* diacritics, ية -> ي */
	STEM(st, "حكومته", "حكومه");			/* ت + pronoun is ة */
	STEM(st, "الاجتماعات", "اجتماع");	/* masculine verbal noun plural */
	STEM(st, "ويعملون", "عمل");			/* imperfect verb */
	STEM(st, "البحرين", "بحرين");		/* protected name, listed without the article */
	STEM(st, "بالبحرين", "بحرين");		/* not ب + ال + بحر + ين */
	STEM(st, "للجزائر", "جزاءر");
	STEM(st, "الكرملين", "كرملين");		/* not كرمل + ين */
	STEM(st, "بالكرملين", "كرملين");
	STEM(st, "لواشنطن", "واشنطن");		/* ICU place name */
	STEM(st, "أفغانستان", "افغانستان");	/* not تان -> ة */
	STEM(st, "سيقول", "قول");			/* future س + ي */
	STEM(st, "ستستمر", "ستمر");			/* future س + ت, as يستمر */
	STEM(st, "يستمر", "ستمر");
	STEM(st, "سنعمل", "عمل");			/* future س + ن */
	STEM(st, "سياسي", "سياسي");			/* not س + ي + اسي */
	STEM(st, "سيارة", "سياره");			/* not a verb: ends in ة */
	STEM(st, "سنوات", "سنه");			/* plural list */
	STEM(st, "تمتد", "متد");			/* imperfect ت, as يمتد */
	STEM(st, "توصف", "وصف");
	STEM(st, "تقرير", "تقرير");			/* تفعيل noun */
	STEM(st, "تمثال", "تمثال");			/* تفعال noun */
	STEM(st, "تعليمي", "تعليمي");		/* nisba */
	STEM(st, "تركي", "تركي");
	STEM(st, "تموز", "تموز");			/* month name */
	STEM(st, "سليمان", "سليمان");		/* personal name, not سليم + ان */
	ar_stemmer_free(st);
}

UNIT_TEST(stem_parts_and_stopwords)
{
	ar_stemmer *st = unit_shipped_stemmer(AR_STEM_DEFAULT);
	bool		stop = false;

	CHECK_STREQ(part(st, "وبالمدرسة", 'p', NULL), "وبال");
	CHECK_STREQ(part(st, "كتابهم", 'x', NULL), "هم");
	CHECK_STREQ(part(st, "الأمريكيّة", 'n', NULL), "الامريكيه");
	part(st, "وفي", 's', &stop);
	CHECK(stop);
	part(st, "بهذا", 's', &stop);		/* preposition + stopword */
	CHECK(stop);
	part(st, "للتي", 's', &stop);		/* لل + relative pronoun */
	CHECK(stop);
	part(st, "ضدنا", 's', &stop);		/* preposition + pronoun */
	CHECK(stop);
	part(st, "مدرسة", 's', &stop);
	CHECK(!stop);
	part(st, "ولاية", 's', &stop);		/* not و + ل + أية: protected */
	CHECK(!stop);
	part(st, "الأهم", 's', &stop);		/* not إلا + هم */
	CHECK(!stop);
	ar_stemmer_free(st);
}

UNIT_TEST(stem_levels)
{
	ar_stemmer *none = unit_shipped_stemmer(AR_STEM_NONE);
	ar_stemmer *light = unit_shipped_stemmer(AR_STEM_LIGHT);
	ar_stemmer *heavy = unit_shipped_stemmer(AR_STEM_HEAVY);

	STEM(none, "والمدرسة", "والمدرسه");	/* normalization only */
	STEM(light, "والمدرسة", "مدرسه");
	STEM(light, "كتابهم", "كتابهم");		/* no pronoun enclitics at light */
	STEM(light, "وزير", "وزير");
	STEM(heavy, "والمدرسة", "مدرس");		/* ة removed too */
	STEM(heavy, "الحكومية", "حكوم");
	ar_stemmer_free(none);
	ar_stemmer_free(light);
	ar_stemmer_free(heavy);
}

UNIT_TEST(stem_not_arabic_or_odd)
{
	ar_stemmer *st = unit_shipped_stemmer(AR_STEM_DEFAULT);
	char		big[4 * 200 + 1];
	int			i;

	STEM(st, "٢٠١٧", "2017");
	STEM(st, "abc", "abc");
	STEM(st, "", "");
	STEM(st, "ـــ", "");
	STEM(st, "ﺑﺎﻟﻤﺪﺍﺭﺱ", "مدرسه");	/* presentation forms */
	STEM(st, "\xFF\xFE", "\xEF\xBF\xBD\xEF\xBF\xBD");	/* invalid bytes: normalized, not stemmed */
	for (i = 0; i < 200; i++)
		memcpy(big + 2 * i, "\xD8\xA8", 2);
	big[400] = '\0';
	CHECK(strlen(part(st, big, 's', NULL)) == 400);	/* too long to stem: kept whole */
	ar_stemmer_free(st);
}

UNIT_TEST(stem_list_errors)
{
	ar_stemmer *st = ar_stemmer_new(&ar_malloc_allocator, AR_PROFILE_SEARCH, AR_STEM_DEFAULT);
	size_t		bad = 0;
	const char *plurals = "# comment\nمدارس مدرسة\nكتب\n";
	const char *stops = "في\n\n  من  # comment\nabc\n";

	CHECK(ar_stemmer_load(st, AR_LIST_PLURALS, plurals, strlen(plurals), &bad) == -1);
	CHECK(bad == 3);
	CHECK(ar_stemmer_load(st, AR_LIST_STOPWORDS, stops, strlen(stops), &bad) == -1);
	CHECK(bad == 4);			/* a non-Arabic entry */
	ar_stemmer_free(st);
	st = ar_stemmer_new(&ar_malloc_allocator, AR_PROFILE_SEARCH, AR_STEM_DEFAULT);
	CHECK(ar_stemmer_load(st, AR_LIST_STOPWORDS, stops, 14, &bad) == 2);
	CHECK(ar_stemmer_count(st, AR_LIST_STOPWORDS) == 2);
	ar_stemmer_free(st);
}

/* Which rule produced the stem of word. */
static ar_stem_rule
rule_of(const ar_stemmer *st, const char *word)
{
	ar_buf		b;
	ar_stem_result r;

	ar_buf_init(&b, &ar_malloc_allocator, 16);
	ar_stem_word(st, word, strlen(word), &b, &r);
	ar_buf_free(&b);
	return r.rule;
}

UNIT_TEST(stem_lexicon_plurals_and_guards)
{
	ar_stemmer *st = unit_shipped_stemmer(AR_STEM_DEFAULT);

	/* broken plurals outside the hand list meet their singular through a pattern */
	STEM(st, "دساتير", "دستور");		/* فعاليل -> فعلول */
	STEM(st, "الدستور", "دستور");
	STEM(st, "مفاتيح", "مفتاح");		/* مفاعيل -> مفعال, not مفتوح */
	STEM(st, "علماء", "عالم");			/* فعلاء -> فاعل */
	STEM(st, "أسواقاً", "سوق");			/* أفعال after the accusative */
	STEM(st, "الخطوط", "خط");			/* فعول of a doubled root */
	STEM(st, "وسوق", "سوق");			/* و + an attested word beats the rare وسوق */
	STEM(st, "كلثوم", "كلثوم");		/* not ك + لثوم (a pattern is no evidence for ك) */
	STEM(st, "أماكن", "مكان");			/* أفاعل */
	STEM(st, "بالرسومات", "رسم");		/* a bare plural in ات, then فعول */
	CHECK(rule_of(st, "دساتير") == AR_RULE_PATTERN);
	/* what a pattern must not take (found on news text) */
	STEM(st, "الأربعاء", "اربعاء");		/* protected: not أفعلاء of ربيع */
	STEM(st, "الشمالية", "شمالي");		/* a radical is never ة */
	STEM(st, "حاول", "حاول");			/* nor ا after the first */
	STEM(st, "نقول", "نقول");			/* ن ي ت first: a verb, not فعول */
	STEM(st, "تدهور", "دهور");			/* after a verb prefix no pattern (as without the lexicon) */
	/* found on news text, checked against the dictionary without the lexicon */
	STEM(st, "وكالات", "وكاله");		/* not و + ك + آلات */
	STEM(st, "يريدان", "ريد");			/* after a verb prefix the dual ان goes */
	STEM(st, "عشرين", "عشرون");			/* both cases listed: one stem */
	STEM(st, "العشرون", "عشرون");
	STEM(st, "ودعا", "دعا");			/* protected: not ودع + ا */
	STEM(st, "التعاون", "تعاون");		/* attested: not تعا + ون */
	STEM(st, "تلفزيون", "تلفزيون");
	STEM(st, "كيماوية", "كيمياءي");		/* not ك + يماوي; the variant of كيميائي (plural list) */
	/* a participle of form III is not a plural of مفاعل (مشارك is not مشرك) */
	STEM(st, "مشاركون", "مشارك");
	STEM(st, "المقاتل", "مقاتل");
	/* masculine nouns with the plural ات */
	STEM(st, "برلمانات", "برلمان");
	STEM(st, "البرلمان", "برلمان");
	STEM(st, "حيوانات", "حيوان");
	STEM(st, "حيوان", "حيوان");
	STEM(st, "امتحانات", "امتحان");
	STEM(st, "حسابات", "حساب");
	CHECK(rule_of(st, "حيوانات") == AR_RULE_LEXICON);
	/* attested words keep letters that look like endings or clitics */
	STEM(st, "امتحان", "امتحان");
	STEM(st, "مهرجان", "مهرجان");
	STEM(st, "كلنتون", "كلنتون");		/* ك only before an attested word; unknown ون stays */
	STEM(st, "كلينتون", "كلينتون");
	STEM(st, "لبنان", "لبنان");
	STEM(st, "بيان", "بيان");
	/* feminine adjectives and their plurals meet the masculine; nouns in ة stay */
	STEM(st, "كبيرة", "كبير");
	STEM(st, "الكبيرات", "كبير");
	STEM(st, "مدرسة", "مدرسه");
	STEM(st, "صحته", "صحه");			/* ت + pronoun is ة, known from the lexicon */
	STEM(st, "حياته", "حياه");
	STEM(st, "تحقيقه", "تحقيق");		/* not ت + حقيق */
	STEM(st, "تقول", "قول");			/* an imperfect verb beats the noun تقول */
	STEM(st, "نشرت", "نشرت");			/* the past feminine ت stays: نشر is attested, the verb is not */
	/* the hand list wins over the lexicon */
	STEM(st, "مطالب", "مطلب");
	CHECK(rule_of(st, "مطالب") == AR_RULE_LIST);
	CHECK(rule_of(st, "كلنتون") == AR_RULE_LIGHT);
	CHECK(rule_of(st, "في") == AR_RULE_STOPWORD);
	CHECK(rule_of(st, "abc") == AR_RULE_NONE);
	CHECK_STREQ(ar_stem_rule_name(AR_RULE_PATTERN), "pattern+lexicon");
	CHECK(ar_stem_rule_name(AR_RULE_NONE) == NULL);
	/* the whole lexicon stays well under 8 MB */
	CHECK(ar_stemmer_count(st, AR_LIST_LEXICON) > 40000);
	CHECK(ar_stemmer_lexicon_bytes(st) < 4u * 1024 * 1024);
	ar_stemmer_free(st);
}

/* The second lexeme of word ("" when none). */
static const char *
also(const ar_stemmer *st, const char *word)
{
	static char out[256];
	ar_buf		b;
	ar_stem_result r;
	size_t		len;

	ar_buf_init(&b, &ar_malloc_allocator, 16);
	ar_stem_lexeme(st, word, strlen(word), &b, &r);
	len = r.also_len < sizeof(out) ? r.also_len : sizeof(out) - 1;
	memcpy(out, b.data + r.also_off, len);
	out[len] = '\0';
	ar_buf_free(&b);
	return out;
}

#define ALSO(st, w, want) unit_check_streq(also((st), (w)), (want), "also(" w ")", __FILE__, __LINE__)

UNIT_TEST(stem_nisba_place)
{
	ar_stemmer *st = unit_shipped_stemmer(AR_STEM_DEFAULT);
	ar_stemmer *heavy = unit_shipped_stemmer(AR_STEM_HEAVY);
	size_t		bad = 0;
	const char *tagged = "بيروت place\nوزير\n";
	const char *wrong = "بيروت city\n";

	/* a nisba of a listed place keeps its stem and gets the place too */
	STEM(st, "الإيراني", "ايراني");
	ALSO(st, "الإيراني", "ايران");		/* X */
	ALSO(st, "الروسية", "روسيا");		/* s + ا */
	ALSO(st, "الأوكرانية", "اوكرانيا");
	ALSO(st, "أمريكي", "امريكا");		/* X + ا */
	ALSO(st, "الأميركيين", "امريكا");	/* through the spelling variant and the plural */
	ALSO(st, "مصرية", "مصر");
	ALSO(st, "اللبناني", "لبنان");
	/* not for the place itself, nor for names and nouns of the protected list */
	ALSO(st, "إيران", "");
	ALSO(st, "عثماني", "");				/* عثمان is a personal name, not a place */
	ALSO(st, "وطني", "");
	ALSO(st, "دولي", "");
	ALSO(heavy, "الإيراني", "");			/* heavy: the nisba ي is gone */
	ar_stemmer_free(heavy);
	ar_stemmer_free(st);
	/* "word place" lines; any other second field is an error */
	st = ar_stemmer_new(&ar_malloc_allocator, AR_PROFILE_SEARCH, AR_STEM_DEFAULT);
	CHECK(ar_stemmer_load(st, AR_LIST_PROTECTED, tagged, strlen(tagged), &bad) == 2);
	ALSO(st, "بيروتي", "بيروت");
	ALSO(st, "وزيري", "");
	CHECK(ar_stemmer_load(st, AR_LIST_PROTECTED, wrong, strlen(wrong), &bad) == -1);
	CHECK(bad == 1);
	ar_stemmer_free(st);
}

UNIT_TEST(stem_lexicon_file_errors)
{
	ar_stemmer *st = ar_stemmer_new(&ar_malloc_allocator, AR_PROFILE_SEARCH, AR_STEM_DEFAULT);
	size_t		bad = 0;
	const char *good = "# comment\nبرلمان T\nكبير FMT\nدستور -\nدساتير -\nمفاتيح -\n";
	const char *classes = "برلمان T\nكبير X\n";
	const char *fields = "برلمان\n";

	CHECK(ar_stemmer_lexicon_bytes(st) == 0);
	CHECK(ar_stemmer_load(st, AR_LIST_LEXICON, classes, strlen(classes), &bad) == -1);
	CHECK(bad == 2);			/* unknown class letter */
	CHECK(ar_stemmer_load(st, AR_LIST_LEXICON, fields, strlen(fields), &bad) == -1);
	CHECK(bad == 1);			/* classes missing */
	ar_stemmer_free(st);
	st = ar_stemmer_new(&ar_malloc_allocator, AR_PROFILE_SEARCH, AR_STEM_DEFAULT);
	CHECK(ar_stemmer_load(st, AR_LIST_LEXICON, good, strlen(good), &bad) == 5);
	STEM(st, "البرلمانات", "برلمان");	/* a tiny lexicon is enough */
	STEM(st, "كبيرات", "كبير");
	STEM(st, "دساتير", "دستور");		/* plural and singular both attested */
	STEM(st, "مفاتيح", "مفاتيح");		/* the singular is not */
	ar_stemmer_free(st);
}

/* The default stemmer with the shipped lists and loanword folding on or off. */
static ar_stemmer *
shipped_loan(bool on)
{
	ar_stemmer *st = unit_shipped_stemmer(AR_STEM_DEFAULT);

	ar_stemmer_set_loanwords(st, on);
	return st;
}

UNIT_TEST(stem_loanword_variants_meet)
{
	ar_stemmer *st = shipped_loan(true);

	STEM(st, "كلينتون", "كلنتون");	/* protected only: a name, folded */
	STEM(st, "كلنتون", "كلنتون");
	STEM(st, "لكلينتون", "كلنتون");	/* the clitic still comes off */
	STEM(st, "تيليرسون", "تلرسون");
	STEM(st, "تيلرسون", "تلرسون");
	STEM(st, "ديموقراطية", "ديمقراطي");	/* the table: attested second spelling */
	STEM(st, "الديموقراطيون", "ديمقراطي");
	STEM(st, "ڤيينا", "فيينا");		/* Persian letters become stemmable */
	STEM(st, "بڤيينا", "فيينا");
	STEM(st, "پاريس", "باريس");
	STEM(st, "ڤيكتوريا", "فيكتوريا");	/* a first ڤ is never the conjunction ف */
	STEM(st, "وڤيكتوريا", "فيكتوريا");
	STEM(st, "پلاستيك", "بلاستيك");	/* nor a first پ the preposition ب */
	STEM(st, "گوگل", "جوجل");		/* a Persian letter: غ -> ج even in a short word */
	STEM(st, "إنستغرام", "انستجرام");
	CHECK(rule_of(st, "تيليرسون") == AR_RULE_LOAN);
	CHECK(rule_of(st, "كلنتون") == AR_RULE_LIGHT);	/* folding leaves it as it is */
	CHECK(strcmp(ar_stem_rule_name(AR_RULE_LOAN), "loanword") == 0);
	ar_stemmer_free(st);
}

UNIT_TEST(stem_loanword_listed_spellings)
{
	ar_stemmer *st = ar_stemmer_new(&ar_malloc_allocator, AR_PROFILE_SEARCH, AR_STEM_DEFAULT);
	static const char good[] = "# a prefix spelling\nديبلوماس* دبلوماس*\nمدارس مدرسة\n";
	static const char one_star[] = "ديبلوماس* دبلوماس\n";
	static const char short_from[] = "ديبلو* دبلو*\n";
	size_t		bad = 0;

	CHECK(ar_stemmer_load(st, AR_LIST_PLURALS, good, strlen(good), &bad) == 2);
	STEM(st, "ديبلوماسي", "ديبلوماسي");	/* only with loanword folding */
	ar_stemmer_set_loanwords(st, true);
	STEM(st, "ديبلوماسي", "دبلوماسي");
	STEM(st, "والديبلوماسي", "دبلوماسي");
	STEM(st, "المدارس", "مدرسه");		/* the plural lines still work */
	ar_stemmer_free(st);
	st = ar_stemmer_new(&ar_malloc_allocator, AR_PROFILE_SEARCH, AR_STEM_DEFAULT);
	CHECK(ar_stemmer_load(st, AR_LIST_PLURALS, one_star, strlen(one_star), &bad) == -1);
	CHECK(bad == 1);			/* both sides starred, or neither */
	CHECK(ar_stemmer_load(st, AR_LIST_PLURALS, short_from, strlen(short_from), &bad) == -1);
	CHECK(bad == 1);			/* fewer than AR_LOAN_MIN_SPELLING letters */
	ar_stemmer_free(st);
}

UNIT_TEST(stem_loanword_leaves_ordinary_words)
{
	ar_stemmer *on = shipped_loan(true);
	ar_stemmer *off = shipped_loan(false);
	static const char *const words[] = {
		"تغيرت", "رغبت", "ينبغي", "المغرب", "الغذائية", "يستغرقون", "أغلقت", "المدينة",
		"الحكومية", "سيارات", "التفاصيل", "مستشفيات", "وزير", "الرئيس", "مفاتيح"};
	char		a[1024];
	int			i;

	/* off (the core's default) is the stemmer as before */
	STEM(off, "كلينتون", "كلينتون");
	STEM(off, "ڤيينا", "ڤيينا");
	for (i = 0; i < (int) (sizeof(words) / sizeof(words[0])); i++)
	{
		strcpy(a, part(on, words[i], 's', NULL));
		unit_check_streq(a, part(off, words[i], 's', NULL), words[i], __FILE__, __LINE__);
	}
	ar_stemmer_free(on);
	ar_stemmer_free(off);
}
