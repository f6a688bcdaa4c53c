/*
 * root_test.c
 *    Unit tests of ar_root() (src/core/ar_root.c) with the shipped word lists.
 */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "ar_core.h"
#include "ar_stem.h"
#include "ar_root.h"

/* Root of word as a static string ("" when there is none). */
static const char *
root_of(const ar_stemmer *st, const char *word, size_t len)
{
	static char out[64];
	ar_buf		scratch,
				b;

	ar_buf_init(&scratch, &ar_malloc_allocator, 16);
	ar_buf_init(&b, &ar_malloc_allocator, 16);
	out[0] = '\0';
	if (ar_root(st, word, len, &scratch, &b) && b.len < sizeof(out))
	{
		memcpy(out, b.data, b.len);
		out[b.len] = '\0';
	}
	ar_buf_free(&scratch);
	ar_buf_free(&b);
	return out;
}

#define ROOT(st, w, want) unit_check_streq(root_of((st), (w), strlen(w)), (want), "root(" w ")", __FILE__, __LINE__)

UNIT_TEST(root_certain_cases)
{
	ar_stemmer *st = unit_shipped_stemmer(AR_STEM_DEFAULT);

	ROOT(st, "كتاب", "كتب");			/* فعال */
	ROOT(st, "الكاتب", "كتب");			/* ال + فاعل */
	ROOT(st, "مكتوب", "كتب");			/* مفعول, not مفتعل of كوب */
	ROOT(st, "المكتبات", "كتب");		/* مفعلة, plural ات */
	ROOT(st, "المدارس", "درس");			/* broken plural -> مدرسة -> مفعلة */
	ROOT(st, "الرسائل", "رسل");			/* فعائل -> رسالة */
	ROOT(st, "علماء", "علم");			/* فعلاء -> عالم */
	ROOT(st, "استخدام", "خدم");			/* استفعال */
	ROOT(st, "يستخدمون", "خدم");		/* present of form X, attested by استخدام */
	ROOT(st, "كتبوا", "كتب");			/* past plural */
	ROOT(st, "الانتخابات", "نخب");		/* افتعال, not انفعال of تخب */
	ROOT(st, "حقوق", "حقق");			/* doubled root, فعول */
	ROOT(st, "والمعلمين", "علم");		/* و + ال + مفعل + ين */
	ROOT(st, "الاقتصادية", "قصد");		/* nisba of اقتصاد */
	ROOT(st, "مسؤول", "سأل");			/* hamza radical written أ */
	ROOT(st, "مسألة", "سأل");			/* أ inside the word is a hamza, not ا */
	ROOT(st, "يسأل", "سأل");
	ROOT(st, "مُسْؤُول", "سأل");		/* diacritics */
	ROOT(st, "مسـؤول", "سأل");			/* tatweel */
	ROOT(st, "يقول", "قول");			/* hollow root with its و written */
	ar_stemmer_free(st);
}

UNIT_TEST(root_uncertain_is_none)
{
	ar_stemmer *st = unit_shipped_stemmer(AR_STEM_DEFAULT);

	ROOT(st, "قال", "");				/* hollow: قول or قيل */
	ROOT(st, "مكان", "");				/* مفعل of كون or فعال of مكن */
	ROOT(st, "قائمة", "");				/* the ء of a hollow فاعل */
	ROOT(st, "بناء", "");				/* final ء after ا: بني or بنأ */
	ROOT(st, "إيمان", "");				/* إفعال of أمن written with ي */
	ROOT(st, "أهم", "");				/* أفعل of همم or a root أهم */
	ROOT(st, "ترجمة", "");				/* ترجم or تفعلة of رجم */
	ROOT(st, "التلفزيون", "");			/* loanword */
	ROOT(st, "في", "");					/* stopword */
	ROOT(st, "", "");
	ROOT(st, "book", "");
	ROOT(st, "123", "");
	ROOT(st, "كتاب جديد", "");			/* two words */
	ROOT(st, "آثار", "");				/* آ: ء + ا in one letter */
	ar_stemmer_free(st);
}

UNIT_TEST(root_bounded_input)
{
	ar_stemmer *st = unit_shipped_stemmer(AR_STEM_DEFAULT);
	ar_stemmer *bare = ar_stemmer_new(&ar_malloc_allocator, 0, AR_STEM_DEFAULT);
	size_t		n = 200000,
				i;
	char	   *big = malloc(n * 2);

	for (i = 0; i < n; i++)
		memcpy(big + 2 * i, "\xd8\xa8", 2);	/* ب ب ب ... */
	CHECK(root_of(st, big, n * 2)[0] == '\0');
	CHECK(root_of(st, big, AR_ROOT_MAXBYTES)[0] == '\0');	/* 256 letters: more than a word */
	CHECK(root_of(st, "\xd9\x83\xd8\xaa\xd8", 5)[0] == '\0');	/* truncated UTF-8 */
	CHECK(root_of(bare, "كتاب", strlen("كتاب"))[0] == '\0');	/* no lexicon: no evidence */
	free(big);
	ar_stemmer_free(bare);
	ar_stemmer_free(st);
}
