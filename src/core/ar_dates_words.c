/*
 * ar_dates_words.c
 *    The date finder's vocabulary: month names in Levantine, Egyptian/Gulf,
 *    Maghreb and Hijri spellings, weekdays, number words, duration units,
 *    relative periods, named eras, decades, centuries and the plain word
 *    lists of the grammar, with their lookups and the opener set built from
 *    all of them (see ar_dates_words.h).
 */
#include <stdio.h>
#include <string.h>

#include "ar_dates.h"
#include "ar_dates_words.h"

/* ---- tables (folded keys: no diacritics, ا for every alef, ي for ى, ه for ة) ---- */


typedef struct month_word
{
	const char *w1;
	const char *w2;				/* second word (كانون الثاني), NULL if one word */
	int			month;
	bool		hijri;
	bool		weak;			/* also an ordinary word: needs date context */
} month_word;

/* Month table rows: Gregorian / Hijri, weak = also an ordinary word (needs context). */
#define G(w1, w2, m)	{w1, w2, m, false, false}
#define GW(w1, w2, m)	{w1, w2, m, false, true}
#define H(w1, w2, m)	{w1, w2, m, true, false}
#define HW(w1, w2, m)	{w1, w2, m, true, true}

static const month_word months[] = {
	/* Levantine / Iraqi */
	G("كانون", "الثاني", 1), G("كانون", "ثاني", 1), G("كانون", "الاول", 12),
	G("كانون", "اول", 12),
	G("شباط", NULL, 2), G("اذار", NULL, 3), G("نيسان", NULL, 4),
	G("ايار", NULL, 5),
	G("حزيران", NULL, 6), G("تموز", NULL, 7), GW("اب", NULL, 8),
	G("ايلول", NULL, 9),
	G("تشرين", "الاول", 10), G("تشرين", "اول", 10), G("تشرين", "الثاني", 11),
	G("تشرين", "ثاني", 11),
	G("تشرن", "الاول", 10), G("تشرن", "الثاني", 11),
	/* Egyptian / Gulf, with spelling variants */
	G("يناير", NULL, 1), G("فبراير", NULL, 2), GW("مارس", NULL, 3),
	G("ابريل", NULL, 4),
	G("مايو", NULL, 5), G("يونيو", NULL, 6), G("يونيه", NULL, 6),
	G("يوليو", NULL, 7),
	G("يوليه", NULL, 7), G("اغسطس", NULL, 8), G("سبتمبر", NULL, 9),
	G("اكتوبر", NULL, 10),
	G("نوفمبر", NULL, 11), G("ديسمبر", NULL, 12),
	/* Maghrebi (Algeria, Tunisia; Morocco) */
	G("جانفي", NULL, 1), G("فيفري", NULL, 2), G("افريل", NULL, 4),
	GW("ماي", NULL, 5),
	G("جوان", NULL, 6), G("جويليه", NULL, 7), G("اوت", NULL, 8),
	G("يوليوز", NULL, 7),
	G("غشت", NULL, 8), G("شتنبر", NULL, 9), G("نونبر", NULL, 11),
	G("دجنبر", NULL, 12),
	/* Hijri */
	HW("محرم", NULL, 1), HW("صفر", NULL, 2),
	H("ربيع", "الاول", 3), H("ربيع", "اول", 3), H("ربيع", "الثاني", 4),
	H("ربيع", "الاخر", 4), H("ربيع", "ثاني", 4),
	H("جمادي", "الاولي", 5), H("جمادي", "الاول", 5), H("جمادي", "الثانيه", 6),
	H("جمادي", "الاخره", 6), H("جمادي", "الثاني", 6), H("جمادي", "الاخر", 6),
	HW("رجب", NULL, 7), HW("شعبان", NULL, 8), HW("رمضان", NULL, 9),
	HW("شوال", NULL, 10),
	H("ذو", "القعده", 11), H("ذي", "القعده", 11), H("ذو", "الحجه", 12),
	H("ذي", "الحجه", 12),
	{NULL, NULL, 0, false, false},
};

/* ISO weekday numbers (Monday 1 .. Sunday 7). */
static const struct
{
	const char *w;
	int			wd;
	bool		weak;
}			weekdays[] = {
	{"الاثنين", 1, true}, {"الثلاثاء", 2, false}, {"الاربعاء", 3, false}, {"الخميس", 4, false},
	{"الجمعه", 5, false}, {"السبت", 6, false}, {"الاحد", 7, false}, {NULL, 0, false}
};

static const char *const anchor_year[] = {"عام", "العام", "سنه", "السنه", NULL};
static const char *const anchor_date[] = {"تاريخ", "بتاريخ", "التاريخ", NULL};
static const char *const preps[] = {"منذ", "خلال", "قبل", "بعد", "طوال", "لمده", NULL};
static const char *const bounds[] = {"بدايه", "اوائل", "اواخر", "نهايه", "منتصف", "مطلع",
	"اواسط", "مستهل", "اول", "اخر", NULL};
static const char *const era_greg[] = {"م", "ميلادي", "ميلاديه", "للميلاد", NULL};
static const char *const era_hijri[] = {"ه", "هجري", "هجريه", "للهجره", "هجرية", NULL};
static const char *const past_adj[] = {"الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت",
	"الفائته", "السابق", "السابقه", "المنقضي", NULL};
static const char *const next_adj[] = {"المقبل", "المقبله", "القادم", "القادمه", "التالي",
	"التاليه", NULL};
static const char *const this_adj[] = {"الجاري", "الجاريه", "الحالي", "الحاليه", NULL};
static const char *const vague_adj[] = {"الاخيره", "الماضيه", "الفائته", "المنصرمه",
	"القليله", "المقبله", "القادمه", "الاولي", NULL};
static const char *const ramadan_adj[] = {"المبارك", "الفضيل", "الكريم", NULL};
/* Words after a bare 4-digit number that make it a count, not a year. */
static const char *const count_nouns[] = {"شخص", "شخصا", "دولار", "دولارا", "جنيه", "ريال",
	"درهم", "دينار", "يورو", "كيلومتر", "كم", "متر", "مترا", "طن", "طنا", "قتيل", "قتيلا",
	"جندي", "جنديا", "عنصر", "عنصرا", "لاجئ", "لاجئا", "مليون", "مليار", "الف", "طالب",
	"طالبا", "منزل", "منزلا", "ساعه", "دقيقه", "صاروخ", "صاروخا", "اسير", "اسيرا", "هكتار",
	"دونم", "دونما", "نسمه", "فرد", "فردا", "وحده", "عامل", "عاملا", "مرشح", "مرشحا", NULL};
/* Adverbs ending in tanwin alef that may follow a year (2015 أيضا). */
static const char *const adverbs_a[] = {"ايضا", "تقريبا", "حاليا", "مثلا", "تحديدا", "عموما",
	"اساسا", "سابقا", "لاحقا", "مجددا", "جدا", "فصاعدا", "تماما", "رسميا", "عمليا", "ايا", NULL};
static const char *const count_before[] = {"رقم", "نحو", "حوالي", "قرابه", "زهاء", "المادة",
	"الماده", "بند", "البند", NULL};

/* Words of the grammar's sequences (see dw_list). */
static const char *const demonstrative[] = {"هذا", "هذه", NULL};
static const char *const first[] = {"اول", NULL};
static const char *const after[] = {"بعد", NULL};
static const char *const yesterday[] = {"امس", "الامس", "البارحه", NULL};
static const char *const today[] = {"اليوم", "الليله", NULL};
static const char *const tomorrow[] = {"غدا", "الغد", "بكره", "بكرا", NULL};
static const char *const day[] = {"يوم", "اليوم", NULL};
static const char *const month[] = {"شهر", NULL};
static const char *const century[] = {"القرن", NULL};
static const char *const from[] = {"من", NULL};
static const char *const between[] = {"بين", NULL};
static const char *const to[] = {"الي", "حتي", "وحتي", "لغايه", NULL};
static const char *const current_period[] = {"العام", "السنه", "الشهر", "الاسبوع", NULL};
static const char *const named_after_day[] = {"سوق", "صلاه", "خطبه", NULL};
static const char *const time_of_day[] = {"صباح", "مساء", "ليله", "فجر", "ظهر", "عصر", "ظهيره", NULL};

/* Unit words of durations: unit letter, count implied by a dual form (0 = needs a number). */
static const struct
{
	const char *w;
	char		unit;
	int			dual;
	bool		plural;
}			units[] = {
	{"يوم", 'D', 0, false}, {"ايام", 'D', 0, true}, {"يوما", 'D', 0, false}, {"يومين", 'D', 2, false},
	{"اسبوع", 'W', 0, false}, {"اسابيع", 'W', 0, true}, {"اسبوعا", 'W', 0, false}, {"اسبوعين", 'W', 2, false},
	{"شهر", 'M', 0, false}, {"اشهر", 'M', 0, true}, {"شهور", 'M', 0, true}, {"شهرا", 'M', 0, false}, {"شهرين", 'M', 2, false},
	{"سنه", 'Y', 0, false}, {"سنوات", 'Y', 0, true}, {"سنين", 'Y', 0, true}, {"عام", 'Y', 0, false},
	{"اعوام", 'Y', 0, true}, {"عاما", 'Y', 0, false}, {"سنتين", 'Y', 2, false}, {"عامين", 'Y', 2, false},
	{"عقد", 'E', 0, false}, {"عقود", 'E', 0, true}, {"عقدا", 'E', 0, false}, {"عقدين", 'E', 2, false},
	{NULL, 0, 0, false}
};

/* Number words before a plural unit (-1: a vague count). */
static const struct
{
	const char *w;
	int			n;
}			numwords[] = {
	{"ثلاث", 3}, {"ثلاثه", 3}, {"اربع", 4}, {"اربعه", 4}, {"خمس", 5}, {"خمسه", 5},
	{"ست", 6}, {"سته", 6}, {"سبع", 7}, {"سبعه", 7}, {"ثماني", 8}, {"ثمانيه", 8}, {"ثمان", 8},
	{"تسع", 9}, {"تسعه", 9}, {"عشر", 10}, {"عشره", 10}, {"عده", -1}, {"بضع", -1},
	{"بضعه", -1}, {"عشرات", -1}, {"بعض", -1}, {"عشرين", 20}, {"ثلاثين", 30}, {"اربعين", 40},
	{"خمسين", 50}, {"ستين", 60}, {"سبعين", 70}, {"ثمانين", 80}, {"تسعين", 90}, {"مئه", 100},
	{"الخمسه", 5}, {"الثلاثه", 3}, {"الاربعه", 4}, {"السبعه", 7}, {"العشره", 10}, {NULL, 0}
};

/* Relative period nouns: unit letter. */
static const struct
{
	const char *w;
	char		unit;
	bool		plural;
}			periods[] = {
	{"الاسبوع", 'W', false}, {"الشهر", 'M', false}, {"العام", 'Y', false}, {"السنه", 'Y', false},
	{"الايام", 'D', true}, {"الاسابيع", 'W', true}, {"الاشهر", 'M', true}, {"الشهور", 'M', true},
	{"السنوات", 'Y', true}, {"الاعوام", 'Y', true}, {"السنين", 'Y', true}, {"العقود", 'E', true},
	{"العقد", 'E', false},
	{NULL, 0, false}
};

/* Recurrence adverbs (TIMEX3 sets): the period they repeat with. */
static const struct
{
	const char *w;
	const char *value;
}			sets[] = {
	{"يوميا", "P1D"}, {"اسبوعيا", "P1W"}, {"شهريا", "P1M"}, {"سنويا", "P1Y"}, {NULL, NULL}
};

/* Named historical periods after فترة/عهد/حقبة/عصر/حكم: Gregorian interval, or XXXX. */
static const char *const era_nouns[] = {"الفتره", "فتره", "العهد", "عهد", "الحقبه", "حقبه",
	"العصر", "عصر", "الحكم", "حكم", NULL};
static const struct
{
	const char *w;
	const char *value;
}			eras[] = {
	{"العثماني", "1299/1922"}, {"العثمانيه", "1299/1922"},
	{"المملوكي", "1250/1517"}, {"المملوكيه", "1250/1517"},
	{"الايوبي", "1171/1260"}, {"الايوبيه", "1171/1260"},
	{"الفاطمي", "0909/1171"}, {"الفاطميه", "0909/1171"},
	{"العباسي", "0750/1258"}, {"العباسيه", "0750/1258"},
	{"الاموي", "0661/0750"}, {"الامويه", "0661/0750"},
	{"الصليبي", "1099/1291"}, {"الصليبيه", "1099/1291"},
	{"البيزنطي", "0330/1453"}, {"البيزنطيه", "0330/1453"},
	{"الروماني", "XXXX"}, {"الرومانيه", "XXXX"},
	{NULL, NULL}
};

/* Decades (TIMEX3 decade values; the 20th century unless another is named). */
static const struct
{
	const char *w;
	int			decade;			/* tens digit */
}			decades[] = {
	{"العشرينات", 2}, {"العشرينيات", 2}, {"الثلاثينات", 3}, {"الثلاثينيات", 3},
	{"الاربعينات", 4}, {"الاربعينيات", 4}, {"الخمسينات", 5}, {"الخمسينيات", 5},
	{"الستينات", 6}, {"الستينيات", 6}, {"السبعينات", 7}, {"السبعينيات", 7},
	{"الثمانينات", 8}, {"الثمانينيات", 8}, {"التسعينات", 9}, {"التسعينيات", 9},
	{"عشرينات", 2}, {"عشرينيات", 2}, {"ثلاثينات", 3}, {"ثلاثينيات", 3},
	{"اربعينات", 4}, {"اربعينيات", 4}, {"خمسينات", 5}, {"خمسينيات", 5},
	{"ستينات", 6}, {"ستينيات", 6}, {"سبعينات", 7}, {"سبعينيات", 7},
	{"ثمانينات", 8}, {"ثمانينيات", 8}, {"تسعينات", 9}, {"تسعينيات", 9},
	{NULL, 0}
};

/* Centuries after القرن: ordinal words and the century number (TIMEX3 value = number - 1). */
static const struct
{
	const char *w1;
	const char *w2;				/* second word (الحادي والعشرين), NULL if none */
	int			century;
}			centuries[] = {
	{"الحادي", "والعشرين", 21}, {"العشرين", NULL, 20}, {"التاسع", "عشر", 19},
	{"الثامن", "عشر", 18}, {"السابع", "عشر", 17}, {"السادس", "عشر", 16},
	{NULL, NULL, 0}
};

/* Clitic prefixes that may be glued to a date word (و ف ب ل ك), at most two. */
static const char *const clitics[] = {"و", "ف", "ب", "ل", "ك", NULL};

/*
 * The plain lists, indexed by dw_list, each with its place in the grammar:
 * OPENS when an expression can start on one of its words (it joins the
 * opener set), else FOLLOWS (it is tested after or before another word).
 */
#define OPENS true
#define FOLLOWS false
const ar_dw_list_def ar_dw_lists[DW_NLISTS] = {
	[DW_ANCHOR_YEAR] = {anchor_year, OPENS},
	[DW_ANCHOR_DATE] = {anchor_date, OPENS},
	[DW_PREPS] = {preps, OPENS},
	[DW_BOUNDS] = {bounds, OPENS},
	[DW_ERA_GREG] = {era_greg, FOLLOWS},
	[DW_ERA_HIJRI] = {era_hijri, FOLLOWS},
	[DW_PAST_ADJ] = {past_adj, FOLLOWS},
	[DW_NEXT_ADJ] = {next_adj, FOLLOWS},
	[DW_THIS_ADJ] = {this_adj, FOLLOWS},
	[DW_VAGUE_ADJ] = {vague_adj, FOLLOWS},
	[DW_RAMADAN_ADJ] = {ramadan_adj, FOLLOWS},
	[DW_COUNT_NOUNS] = {count_nouns, FOLLOWS},
	[DW_ADVERBS_A] = {adverbs_a, FOLLOWS},
	[DW_COUNT_BEFORE] = {count_before, FOLLOWS},
	[DW_ERA_NOUNS] = {era_nouns, OPENS},
	[DW_DEMONSTRATIVE] = {demonstrative, OPENS},
	[DW_FIRST] = {first, OPENS},
	[DW_AFTER] = {after, OPENS},
	[DW_YESTERDAY] = {yesterday, OPENS},
	[DW_TODAY] = {today, OPENS},
	[DW_TOMORROW] = {tomorrow, OPENS},
	[DW_DAY] = {day, OPENS},
	[DW_MONTH] = {month, OPENS},
	[DW_CENTURY] = {century, OPENS},
	[DW_FROM] = {from, OPENS},
	[DW_BETWEEN] = {between, OPENS},
	[DW_TO] = {to, FOLLOWS},
	[DW_CURRENT_PERIOD] = {current_period, FOLLOWS},
	[DW_NAMED_AFTER_DAY] = {named_after_day, FOLLOWS},
	[DW_TIME_OF_DAY] = {time_of_day, FOLLOWS},
};

/* ---- lookups ---- */

/* The key starts with the article ال. */
bool
ar_dw_has_article(const char *key)
{
	return strncmp(key, "ال", 4) == 0;
}

/* Index of key in list (exact), or -1. */
int
ar_dw_index(const char *key, const char *const *list)
{
	int			i;

	for (i = 0; list[i]; i++)
		if (strcmp(key, list[i]) == 0)
			return i;
	return -1;
}

/*
 * Strip up to two clitic letters from key and call test() on each candidate
 * stem (the key itself first).  A stem left starting with ل after a stripped
 * ل (للعام) is also tried with its article restored (العام).  Returns the
 * first non-negative test result.
 */
static int
with_clitics(const char *key, int (*test) (const char *, const void *), const void *arg)
{
	char		stem[AR_LEX_KEYMAX + 4];
	const char *p = key;
	int			depth,
				r;

	if ((r = test(key, arg)) >= 0)
		return r;
	for (depth = 0; depth < 2; depth++)
	{
		int			k;
		bool		found = false;

		for (k = 0; clitics[k]; k++)
		{
			size_t		cl = strlen(clitics[k]);

			if (strncmp(p, clitics[k], cl) == 0 && strlen(p) > cl + 2)
			{
				bool		was_lam = (k == 3);

				p += cl;
				if ((r = test(p, arg)) >= 0)
					return r;
				if (was_lam && strncmp(p, "ل", 2) == 0 && strlen(p) + 3 <= sizeof(stem))
				{
					snprintf(stem, sizeof(stem), "ا%s", p);
					if ((r = test(stem, arg)) >= 0)
						return r;
				}
				found = true;
				break;
			}
		}
		if (!found)
			break;
	}
	return -1;
}

/* test() for with_clitics over a NULL-terminated word list. */
static int
test_list(const char *stem, const void *arg)
{
	return ar_dw_index(stem, (const char *const *) arg);
}

/* Index in list of key or of key behind up to two clitics, or -1. */
int
ar_dw_index_clitics(const char *key, const char *const *list)
{
	return with_clitics(key, test_list, list);
}

/* Month name at k1 (k2: the next key or NULL): words (0, 1, 2), month, Hijri, weak. */
int
ar_dw_month(const char *k1, const char *k2, int *month, bool *hijri, bool *weak)
{
	int			k;

	for (k = 0; months[k].w1; k++)
	{
		const char *w1 = months[k].w1;

		if (!ar_lex_key_is(k1, w1, "وبفل") &&
			!(strncmp(k1, "و", 2) == 0 && ar_lex_key_is(k1 + 2, w1, "بفل")))
			continue;
		if (months[k].w2 && !(k2 && strcmp(k2, months[k].w2) == 0))
			continue;
		*month = months[k].month;
		*hijri = months[k].hijri;
		*weak = months[k].weak;
		return months[k].w2 ? 2 : 1;
	}
	return 0;
}

/* Words (1 or 2) of a Gregorian month name at folded w1 (w2: the next word, or NULL), or 0. */
int
ar_dates_gregorian_month(const char *w1, size_t l1, const char *w2, size_t l2)
{
	int			k;

	for (k = 0; months[k].w1; k++)
	{
		const month_word *m = &months[k];

		if (m->hijri || strlen(m->w1) != l1 || memcmp(m->w1, w1, l1) != 0)
			continue;
		if (!m->w2)
			return 1;
		if (w2 && strlen(m->w2) == l2 && memcmp(m->w2, w2, l2) == 0)
			return 2;
	}
	return 0;
}

/* ISO weekday of the key (behind و or ف), 0 if none; sets weak. */
int
ar_dw_weekday(const char *key, bool *weak)
{
	int			k;

	for (k = 0; weekdays[k].w; k++)
	{
		if (ar_lex_key_is(key, weekdays[k].w, "وف"))
		{
			*weak = weekdays[k].weak;
			return weekdays[k].wd;
		}
	}
	return 0;
}

/* Duration unit at key (behind ل or و): unit letter, dual count, plural flag. */
bool
ar_dw_unit(const char *key, char *unit, int *dual, bool *plural)
{
	int			k;

	for (k = 0; units[k].w; k++)
	{
		if (ar_lex_key_is(key, units[k].w, "لو"))
		{
			*unit = units[k].unit;
			*dual = units[k].dual;
			*plural = units[k].plural;
			return true;
		}
	}
	return false;
}

/* Number word at key (behind ل و ب, or with the article: الخمس): count, -1 vague, 0 none. */
int
ar_dw_numword(const char *key)
{
	int			k;

	for (k = 0; numwords[k].w; k++)
	{
		if (ar_lex_key_is(key, numwords[k].w, "لوب") ||
			(ar_dw_has_article(key) && numwords[k].n > 0 && strcmp(key + 4, numwords[k].w) == 0))
			return numwords[k].n;
	}
	return 0;
}

/* Relative period noun at key (clitics allowed): unit letter and plural; false if none. */
bool
ar_dw_period(const char *key, char *unit, bool *plural)
{
	int			k;

	for (k = 0; periods[k].w; k++)
		if (with_clitics(key, test_list, (const char *const[]) {periods[k].w, NULL}) >= 0)
		{
			*unit = periods[k].unit;
			*plural = periods[k].plural;
			return true;
		}
	return false;
}

/* TIMEX3 set value of a recurrence adverb at key (clitics allowed), or NULL. */
const char *
ar_dw_set(const char *key)
{
	int			k;

	for (k = 0; sets[k].w; k++)
		if (with_clitics(key, test_list, (const char *const[]) {sets[k].w, NULL}) >= 0)
			return sets[k].value;
	return NULL;
}

/* Value of a named era adjective, or NULL. */
const char *
ar_dw_era(const char *key)
{
	int			k;

	for (k = 0; eras[k].w; k++)
		if (strcmp(key, eras[k].w) == 0)
			return eras[k].value;
	return NULL;
}

/* Tens digit of a decade word at key (behind و ف ب), 0 if none; article: the word has ال. */
int
ar_dw_decade(const char *key, bool *article)
{
	int			k;

	for (k = 0; decades[k].w; k++)
		if (ar_lex_key_is(key, decades[k].w, "وفب"))
		{
			*article = ar_dw_has_article(decades[k].w);
			return decades[k].decade;
		}
	return 0;
}

/* Century ordinal at k1 (k2: the next key or NULL): the century and its word count; 0 if none. */
int
ar_dw_century(const char *k1, const char *k2, int *nwords)
{
	int			k;

	for (k = 0; centuries[k].w1; k++)
		if (strcmp(k1, centuries[k].w1) == 0 &&
			(!centuries[k].w2 || (k2 && strcmp(k2, centuries[k].w2) == 0)))
		{
			*nwords = centuries[k].w2 ? 2 : 1;
			return centuries[k].century;
		}
	return 0;
}

/* ---- the opener set ---- */

/* Opener set values: the word opens alone; it also opens behind the article (الخمس). */
#define OPEN_WORD 1
#define OPEN_AFTER_ARTICLE 2

/* Add one word to the opener set with the given OPEN_* flags. */
static void
add_word_flags(ar_keymap *m, const char *w, size_t flags)
{
	size_t	   *v;

	if (!w)
		return;
	v = ar_keymap_slot(m, w, true);
	*v = *v == (size_t) -1 ? flags : (*v | flags);
}

/* Add one word to the opener set. */
static void
add_word(ar_keymap *m, const char *w)
{
	add_word_flags(m, w, OPEN_WORD);
}

/*
 * The opener set: the words of every table and plain list that can start
 * an expression (OPENS).  An expression opens on a number, "(" or such a
 * word, and the grammar tests words only through this file, so a new word
 * or list joins the set where it is declared; the unit test
 * dates_prefilter_misses_nothing checks that trying every token finds
 * nothing more.
 */
void
ar_dw_openers(ar_keymap *m, const ar_allocator *a)
{
	int			k,
				l;

	ar_keymap_init(m, a, 1024);
	/* tables whose words start a phrase (eras and century ordinals follow a noun) */
	for (k = 0; months[k].w1; k++)
		add_word(m, months[k].w1);
	for (k = 0; weekdays[k].w; k++)
		add_word(m, weekdays[k].w);
	for (k = 0; units[k].w; k++)
		add_word(m, units[k].w);
	for (k = 0; numwords[k].w; k++)
		add_word_flags(m, numwords[k].w, OPEN_WORD | (numwords[k].n > 0 ? OPEN_AFTER_ARTICLE : 0));
	for (k = 0; periods[k].w; k++)
		add_word(m, periods[k].w);
	for (k = 0; sets[k].w; k++)
		add_word(m, sets[k].w);
	for (k = 0; decades[k].w; k++)
		add_word(m, decades[k].w);
	for (l = 0; l < DW_NLISTS; l++)
		for (k = 0; ar_dw_lists[l].opens && ar_dw_lists[l].words[k]; k++)
			add_word(m, ar_dw_lists[l].words[k]);
}

/* The key may open an expression: an opening word behind up to two clitics (a count also behind ال). */
bool
ar_dw_may_open(ar_keymap *m, const char *key)
{
	const char *k = key;
	int			depth;

	for (depth = 0; depth < 3; depth++)
	{
		int			cl;
		bool		clitic = false;
		size_t	   *v;

		if (ar_keymap_slot(m, k, false))
			return true;
		/* ar_dw_numword reads a count behind the article */
		if (ar_dw_has_article(k) && (v = ar_keymap_slot(m, k + 4, false)) && (*v & OPEN_AFTER_ARTICLE))
			return true;
		if (depth > 0 && strncmp(k, "ل", 2) == 0)
		{
			char		stem[AR_LEX_KEYMAX + 4];

			snprintf(stem, sizeof(stem), "ا%s", k);
			if (ar_keymap_slot(m, stem, false))
				return true;
		}
		for (cl = 0; clitics[cl]; cl++)
			if (strncmp(k, clitics[cl], 2) == 0 && strlen(k) > 4)
				clitic = true;
		if (!clitic)
			return false;
		k += 2;
	}
	return false;
}
