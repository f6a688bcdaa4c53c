/*
 * ar_dates.c
 *    Date expressions in Arabic text: a small hand-written grammar over the
 *    folded token sequence (ar_lexseq), producing ISO 8601 / TIMEX3 values.
 *    See ar_dates.h for the forms, values and span conventions.
 */
#include <stdio.h>
#include <string.h>
#include <unicode/ucal.h>

#include "ar_dates.h"
#include "ar_lexseq.h"

/* ---- word lists (folded keys: no diacritics, ا for every alef, ي for ى, ه for ة) ---- */

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

/* ---- matching context ---- */

typedef struct dctx
{
	const ar_lexseq *q;
	const ar_date_ref *ref;
	long		refdays;		/* days since 1970-01-01 of the reference */
} dctx;

/* A parsed date: Gregorian fields (0 = unknown) or a ready-made value string. */
typedef struct dval
{
	int			y,
				m,
				d;
	bool		hijri;			/* y/m/d are Hijri fields */
	int			dir;			/* -1 الماضي, +1 المقبل: occurrence before/after the reference */
	char		text[AR_DATE_VALUE_MAX];	/* when set, used as is */
} dval;

#define TOK(i)	(&c->q->v[i])

/* Clitic prefixes that may be glued to a date word (و ف ب ل ك), at most two. */
static const char *const clitics[] = {"و", "ف", "ب", "ل", "ك", NULL};

/* The key starts with the article ال. */
static bool
has_article_key(const char *key)
{
	return strncmp(key, "ال", 4) == 0;
}

/* Index of key in list (exact), or -1. */
static int
list_index(const char *key, const char *const *list)
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
	return list_index(stem, (const char *const *) arg);
}

/* Token i is a word of list, clitics allowed; returns its index or -1. */
static int
word_in(const dctx *c, size_t i, const char *const *list)
{
	if (i >= c->q->n || TOK(i)->kind != AR_TOK_ARABIC)
		return -1;
	return with_clitics(TOK(i)->key, test_list, list);
}

/* Token i is exactly (no clitics) a word of list. */
static bool
word_is(const dctx *c, size_t i, const char *const *list)
{
	return i < c->q->n && TOK(i)->kind == AR_TOK_ARABIC && list_index(TOK(i)->key, list) >= 0;
}

/* Token i is the punctuation character p (ASCII or Arabic). */
static bool
punct_is(const dctx *c, size_t i, const char *p)
{
	return i < c->q->n && (TOK(i)->kind == AR_TOK_PUNCT || TOK(i)->kind == AR_TOK_SYMBOL) &&
		strcmp(TOK(i)->key, p) == 0;
}

/* Token i is a plain run of digits; sets value and digit count. */
static bool
number_at(const dctx *c, size_t i, int *val, int *ndig)
{
	const char *k;
	int			v = 0,
				n = 0;

	if (i >= c->q->n || TOK(i)->kind != AR_TOK_NUMBER)
		return false;
	for (k = TOK(i)->key; *k; k++)
	{
		if (*k < '0' || *k > '9' || n >= 6)
			return false;
		v = v * 10 + (*k - '0');
		n++;
	}
	*val = v;
	*ndig = n;
	return n > 0;
}

/* ---- calendar arithmetic (proleptic Gregorian, days since 1970-01-01) ---- */

/* Days since 1970-01-01 of y-m-d (H. Hinnant's algorithm). */
static long
days_from_civil(long y, int m, int d)
{
	long		era,
				yoe,
				doy,
				doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* y-m-d of a day number. */
static void
civil_from_days(long z, int *y, int *m, int *d)
{
	long		era,
				doe,
				yoe,
				doy,
				mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int) (doy - (153 * mp + 2) / 5 + 1);
	*m = (int) (mp < 10 ? mp + 3 : mp - 9);
	*y = (int) (yoe + era * 400 + (*m <= 2));
}

/* ISO weekday (Monday 1 .. Sunday 7) of a day number. */
static int
iso_weekday(long z)
{
	long		w = (z + 3) % 7;	/* 1970-01-01 was a Thursday */

	if (w < 0)
		w += 7;
	return (int) w + 1;
}

/* Days in month m of year y. */
static int
month_days(int y, int m)
{
	static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return md[m - 1];
}

/* Write an ISO week value (YYYY-Www) of day z. */
static void
fmt_week(char *out, long z)
{
	long		thu = z - iso_weekday(z) + 4;
	int			y,
				m,
				d;

	civil_from_days(thu, &y, &m, &d);
	snprintf(out, AR_DATE_VALUE_MAX, "%04d-W%02ld", y, (thu - days_from_civil(y, 1, 1)) / 7 + 1);
}

/* Write y-m-d with X for unknown parts (y 0 = XXXX; m 0 = year only). */
static void
fmt_ymd(char *out, int y, int m, int d)
{
	char		ys[16];

	if (y > 0)
		snprintf(ys, sizeof(ys), "%04d", y);
	else
		strcpy(ys, "XXXX");
	if (m == 0)
		snprintf(out, AR_DATE_VALUE_MAX, "%s", ys);
	else if (d == 0)
		snprintf(out, AR_DATE_VALUE_MAX, "%s-%02d", ys, m);
	else
		snprintf(out, AR_DATE_VALUE_MAX, "%s-%02d-%02d", ys, m, d);
}

/*
 * Open the Umm al-Qura calendar in UTC; NULL on failure.  Opened and closed
 * around each conversion on purpose: Hijri dates are rare in text, and no
 * ICU object then lives across the interrupt checks of the scanning loop
 * (a cancel there longjmps out, and ICU memory is not palloc'd).
 */
static UCalendar *
open_hijri(void)
{
	static const UChar utc[] = {'U', 'T', 'C', 0};
	UErrorCode	err = U_ZERO_ERROR;
	UCalendar  *cal = ucal_open(utc, 3, "en@calendar=islamic-umalqura", UCAL_DEFAULT, &err);

	if (U_FAILURE(err))
		return NULL;
	ucal_setAttribute(cal, UCAL_LENIENT, 0);
	return cal;
}

/* Day number of a Hijri date; false if invalid or ICU fails. */
static bool
hijri_days(int hy, int hm, int hd, long *z)
{
	UCalendar  *cal;
	UErrorCode	err = U_ZERO_ERROR;
	UDate		ms;

	if (hy < 1 || hy > 2000 || hm < 1 || hm > 12 || hd < 1 || hd > 30)
		return false;
	if ((cal = open_hijri()) == NULL)
		return false;
	ucal_clear(cal);
	ucal_setDate(cal, hy, hm - 1, hd, &err);
	ms = ucal_getMillis(cal, &err);
	ucal_close(cal);
	if (U_FAILURE(err))
		return false;
	*z = (long) ((ms >= 0 ? ms : ms - 86399999.0) / 86400000.0);
	return true;
}

/* Hijri year of day number z (0 on failure). */
static int
hijri_year_of(long z)
{
	UCalendar  *cal;
	UErrorCode	err = U_ZERO_ERROR;
	int			y;

	if ((cal = open_hijri()) == NULL)
		return 0;
	ucal_setMillis(cal, (UDate) z * 86400000.0 + 43200000.0, &err);
	y = ucal_get(cal, UCAL_YEAR, &err);
	ucal_close(cal);
	return U_FAILURE(err) ? 0 : y;
}

/* Convert a Hijri (Umm al-Qura) date to Gregorian; false if it is not a valid date. */
bool
ar_hijri_to_gregorian(int hy, int hm, int hd, int *gy, int *gm, int *gd)
{
	long		z;

	if (!hijri_days(hy, hm, hd, &z))
		return false;
	civil_from_days(z, gy, gm, gd);
	return true;
}

/* Write the Gregorian interval covered by Hijri year hy, or month hm of it (hm 0 = whole year). */
static bool
fmt_hijri_span(char *out, int hy, int hm)
{
	long		a,
				b;
	int			y1,
				m1,
				d1,
				y2,
				m2,
				d2;

	if (!hijri_days(hy, hm ? hm : 1, 1, &a))
		return false;
	if (hm == 0 || hm == 12)
	{
		if (!hijri_days(hy + 1, 1, 1, &b))
			return false;
	}
	else if (!hijri_days(hy, hm + 1, 1, &b))
		return false;
	civil_from_days(a, &y1, &m1, &d1);
	civil_from_days(b - 1, &y2, &m2, &d2);
	snprintf(out, AR_DATE_VALUE_MAX, "%04d-%02d-%02d/%04d-%02d-%02d", y1, m1, d1, y2, m2, d2);
	return true;
}

/* Final value of a parsed date, resolving a missing year against the reference. */
static void
fmt_dval(const dctx *c, const dval *v, char *out)
{
	int			y = v->y;

	if (v->text[0])
	{
		snprintf(out, AR_DATE_VALUE_MAX, "%s", v->text);
		return;
	}
	if (v->hijri)
	{
		int			gy,
					gm,
					gd;

		if (y == 0 && c->ref)
			y = hijri_year_of(c->refdays);
		if (y == 0)
		{
			if (v->d)
				snprintf(out, AR_DATE_VALUE_MAX, "H:XXXX-%02d-%02d", v->m, v->d);
			else if (v->m)
				snprintf(out, AR_DATE_VALUE_MAX, "H:XXXX-%02d", v->m);
			else
				snprintf(out, AR_DATE_VALUE_MAX, "XXXX");
			return;
		}
		if (v->d && ar_hijri_to_gregorian(y, v->m, v->d, &gy, &gm, &gd))
			fmt_ymd(out, gy, gm, gd);
		else if (!v->d && fmt_hijri_span(out, y, v->m))
			;
		else
			snprintf(out, AR_DATE_VALUE_MAX, "H:%04d-%02d", y, v->m);
		return;
	}
	if (y == 0 && v->m && c->ref)
	{
		/* the occurrence of this month (and day) nearest to the reference */
		int			best = c->ref->year,
					cand;
		long		bestdist = -1;

		for (cand = c->ref->year - 1; cand <= c->ref->year + 1; cand++)
		{
			int			d = v->d ? v->d : 15;
			long		dist;

			if (d > month_days(cand, v->m))
				continue;
			dist = days_from_civil(cand, v->m, d) - c->refdays;
			if (!v->d && cand == c->ref->year && v->m == c->ref->month)
				dist = 0;		/* month-only: the reference's own month */
			if ((v->dir < 0 && dist >= 0) || (v->dir > 0 && dist <= 0))
				continue;
			if (dist < 0)
				dist = -dist * 2;	/* prefer the past on ties: news report what happened */
			else
				dist = dist * 2 + 1;
			if (bestdist < 0 || dist < bestdist)
			{
				bestdist = dist;
				best = cand;
			}
		}
		y = best;
	}
	fmt_ymd(out, y, v->m, v->d);
}

/* Value of an offset of n units (D W M Y E) from the reference; n == INT_MIN: unknown count. */
#define N_VAGUE (-100000)
static void
fmt_relative(const dctx *c, int n, char unit, char *out)
{
	char		u = unit == 'E' ? 'Y' : unit;
	int			k = unit == 'E' ? 10 : 1;

	if (n == N_VAGUE)
	{
		snprintf(out, AR_DATE_VALUE_MAX, "%s", "PAST_REF");
		return;
	}
	if (!c->ref)
	{
		if (n == 0 && unit == 'D')
			snprintf(out, AR_DATE_VALUE_MAX, "REF");
		else
			snprintf(out, AR_DATE_VALUE_MAX, "REF%cP%d%c", n < 0 ? '-' : '+', (n < 0 ? -n : n) * k, u);
		return;
	}
	switch (u)
	{
		case 'D':
			{
				int			y,
							m,
							d;

				civil_from_days(c->refdays + n, &y, &m, &d);
				fmt_ymd(out, y, m, d);
				break;
			}
		case 'W':
			fmt_week(out, c->refdays + 7L * n);
			break;
		case 'M':
			{
				long		mi = (long) c->ref->year * 12 + (c->ref->month - 1) + n;

				fmt_ymd(out, (int) (mi / 12), (int) (mi % 12) + 1, 0);
				break;
			}
		default:
			fmt_ymd(out, c->ref->year + n * k, 0, 0);
			break;
	}
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

/* ---- the grammar; each parser returns the end token (exclusive) or 0 ---- */

/* Month name at i (with an optional second word); sets month, hijri, weak; returns end. */
static size_t
parse_month_name(const dctx *c, size_t i, int *month, bool *hijri, bool *weak)
{
	int			k;

	if (i >= c->q->n || TOK(i)->kind != AR_TOK_ARABIC)
		return 0;
	for (k = 0; months[k].w1; k++)
	{
		const char *w1 = months[k].w1;

		if (!ar_lex_key_is(TOK(i)->key, w1, "وبفل") &&
			!(strncmp(TOK(i)->key, "و", 2) == 0 && ar_lex_key_is(TOK(i)->key + 2, w1, "بفل")))
			continue;
		if (months[k].w2)
		{
			if (!ar_lex_is(c->q, i + 1, months[k].w2))
				continue;
			*month = months[k].month;
			*hijri = months[k].hijri;
			*weak = months[k].weak;
			return i + 2;
		}
		*month = months[k].month;
		*hijri = months[k].hijri;
		*weak = months[k].weak;
		return i + 1;
	}
	return 0;
}

/*
 * A month with an optional alternative name of the same month:
 * نيسان/أبريل, أكتوبر / تشرين الأول, كانون الثاني(يناير), مايو (أيار).
 * The pair makes even weak names certain.
 */
static size_t
parse_month(const dctx *c, size_t i, int *month, bool *hijri, bool *weak)
{
	size_t		e = parse_month_name(c, i, month, hijri, weak);
	int			m2;
	bool		h2,
				w2;
	size_t		e2;

	if (!e)
		return 0;
	if (punct_is(c, e, "/") || punct_is(c, e, "-") || punct_is(c, e, "،"))
	{
		if ((e2 = parse_month_name(c, e + 1, &m2, &h2, &w2)) && m2 == *month && h2 == *hijri)
		{
			*weak = false;
			return e2;
		}
	}
	else if (punct_is(c, e, "("))
	{
		if ((e2 = parse_month_name(c, e + 1, &m2, &h2, &w2)) && m2 == *month &&
			punct_is(c, e2, ")"))
		{
			*weak = false;
			return e2 + 1;
		}
	}
	return e;
}

/* A year: 3-4 digits, optionally in parentheses or after / or عام when paren_ok; returns end. */
static size_t
parse_year(const dctx *c, size_t i, bool paren_ok, int *year)
{
	int			v,
				nd;

	if (paren_ok && (punct_is(c, i, "/") || word_in(c, i, anchor_year) >= 0))
	{
		size_t		e = parse_year(c, i + 1, true, year);

		if (e)
			return e;
	}

	if (paren_ok && punct_is(c, i, "(") && number_at(c, i + 1, &v, &nd) &&
		nd >= 3 && nd <= 4 && punct_is(c, i + 2, ")"))
	{
		*year = v;
		return i + 3;
	}
	if (number_at(c, i, &v, &nd) && nd >= 3 && nd <= 4)
	{
		*year = v;
		return i + 1;
	}
	return 0;
}

/* An era mark after a year; sets *hijri when it is a Hijri mark. */
static size_t
parse_era(const dctx *c, size_t i, bool *hijri)
{
	if (word_is(c, i, era_hijri))
	{
		*hijri = true;
		return i + 1;
	}
	if (word_is(c, i, era_greg))
		return i + 1;
	return i;
}

/* Is the digit sequence of token i a plausible day? */
static bool
day_at(const dctx *c, size_t i, int *d)
{
	int			nd;

	return number_at(c, i, d, &nd) && nd <= 2 && *d >= 1 && *d <= 31;
}

/* Two-digit year expansion: 00-30 -> 2000s, else 1900s. */
static int
expand_year(int v, int nd)
{
	if (nd == 2)
		return v <= 30 ? 2000 + v : 1900 + v;
	return v;
}

/*
 * Numeric date: d/m/y, d-m-y, d.m.y (one number token), y-m-d, d/d/m/(y)
 * (a two-day span as in diaries), d/m/(y).  Month-first is assumed only
 * when the second field cannot be a month.  With anchored, d/m alone is accepted.
 */
static size_t
parse_numeric(const dctx *c, size_t i, bool anchored, dval *v)
{
	int			f[4],
				nd[4],
				k = 0,
				y,
				m,
				d;
	size_t		j = i,
				end;
	char		sep[4] = "";

	memset(v, 0, sizeof(*v));
	/* dotted form is a single number token: 13.4.2017 */
	if (j < c->q->n && TOK(j)->kind == AR_TOK_NUMBER && strchr(TOK(j)->key, '.'))
	{
		int			a,
					b,
					e,
					n;
		char		tail;

		if (sscanf(TOK(j)->key, "%2d.%2d.%4d%n%c", &a, &b, &e, &n, &tail) == 3 &&
			strlen(TOK(j)->key) >= 8 && TOK(j)->key[n] == '\0')
		{
			if (b >= 1 && b <= 12 && a >= 1 && a <= month_days(e, b) && e >= 1000)
			{
				v->y = e;
				v->m = b;
				v->d = a;
				return j + 1;
			}
		}
		return 0;
	}
	while (k < 4)
	{
		bool		par = false;

		if (k >= 2 && punct_is(c, j, "(") && number_at(c, j + 1, &f[k], &nd[k]) &&
			punct_is(c, j + 2, ")") && nd[k] == 4)
			par = true;
		else if (!number_at(c, j, &f[k], &nd[k]))
			break;
		j += par ? 3 : 1;
		k++;
		if (par)
			break;
		if (k < 4 && (punct_is(c, j, "/") || punct_is(c, j, "-") || punct_is(c, j, "\\")) &&
			(j + 1 < c->q->n))
		{
			char		s = TOK(j)->key[0];

			if (k > 1 && s != sep[0])
				break;
			sep[0] = s;
			/* stop before the separator if nothing numeric follows */
			if (!number_at(c, j + 1, &y, &m) && !(k >= 2 && punct_is(c, j + 1, "(")))
				break;
			j++;
		}
		else
			break;
	}
	end = j;
	if (k == 4 && nd[3] == 4)
	{
		/* d1/d2/m/(y): a span of two days */
		if (f[2] < 1 || f[2] > 12 || f[0] < 1 || f[0] > 31 || f[1] < 1 || f[1] > 31)
			return 0;
		if (f[0] > month_days(f[3], f[2]) || f[1] > month_days(f[3], f[2]))
			return 0;
		snprintf(v->text, sizeof(v->text), "%04d-%02d-%02d/%04d-%02d-%02d",
				 f[3], f[2], f[0], f[3], f[2], f[1]);
		return end;
	}
	if (k >= 3)
	{
		if (k == 4)
			return 0;
		if (nd[0] == 4)
		{
			y = f[0];
			m = f[1];
			d = f[2];
			if (nd[2] > 2)
				return 0;
		}
		else
		{
			if (nd[2] != 4 && nd[2] != 2)
				return 0;
			if (nd[0] > 2 || nd[1] > 2)
				return 0;
			y = expand_year(f[2], nd[2]);
			d = f[0];
			m = f[1];
			if (m > 12 && d <= 12)
			{
				m = f[0];
				d = f[1];
			}
		}
		if (sep[0] == '-' && nd[0] != 4 && nd[2] == 2)
			return 0;			/* 12-5-30: too ambiguous */
		if (m < 1 || m > 12 || d < 1 || d > month_days(y, m) || y < 1)
			return 0;
		v->y = y;
		v->m = m;
		v->d = d;
		return end;
	}
	if (k == 2 && anchored && sep[0] == '/' && nd[0] <= 2 && nd[1] <= 2 &&
		f[1] >= 1 && f[1] <= 12 && f[0] >= 1 && f[0] <= 31)
	{
		v->m = f[1];
		v->d = f[0];
		return i + 3;
	}
	if (k == 2 && anchored && nd[0] <= 2 && nd[1] == 4 && f[0] >= 1 && f[0] <= 12)
	{
		/* m/yyyy */
		v->y = f[1];
		v->m = f[0];
		return i + 3;
	}
	return 0;
}

/* A month without a year followed by الماضي/المقبل: remember the direction, include the word. */
static size_t
month_direction(const dctx *c, size_t j, dval *v)
{
	if (word_is(c, j, past_adj))
	{
		v->dir = -1;
		return j + 1;
	}
	if (word_is(c, j, next_adj))
	{
		v->dir = 1;
		return j + 1;
	}
	return j;
}

/*
 * Calendar date around a month name: [day [- day]] MONTH [year] [era],
 * MONTH ( numeric date ), or a numeric date.  ctx_strong: an anchor precedes
 * (شهر، يوم، بتاريخ) so weak month names are accepted alone.
 */
static size_t
parse_calendar(const dctx *c, size_t i, bool ctx_strong, dval *v)
{
	int			d = 0,
				d2 = 0,
				m,
				y = 0;
	bool		hijri = false,
				weak = false;
	size_t		j = i,
				e;

	memset(v, 0, sizeof(*v));
	if (day_at(c, j, &d))
	{
		size_t		mj = j + 1;

		/* 13 - 15 نيسان, 13 و15 نيسان */
		if (punct_is(c, mj, "/") && parse_month_name(c, mj + 1, &m, &hijri, &weak) &&
			(e = parse_month(c, mj + 1, &m, &hijri, &weak)) && punct_is(c, e, "/"))
			mj++;
		else if ((punct_is(c, mj, "-") || ar_lex_is(c->q, mj, "و") || ar_lex_is(c->q, mj, "الي") ||
			 ar_lex_is(c->q, mj, "حتي") || ar_lex_is(c->q, mj, "وحتي")) && day_at(c, mj + 1, &d2))
			mj += 2;
		if ((e = parse_month(c, mj, &m, &hijri, &weak)))
		{
			j = e;
			if ((e = parse_year(c, j, true, &y)))
			{
				j = e;
				j = parse_era(c, j, &hijri);
			}
			else if (hijri && weak && !ctx_strong && d2 == 0)
			{
				/* "15 رجب" could be a count of people named Rajab: require the year */
				return 0;
			}
			if (!hijri && y && d > month_days(y, m))
				return 0;
			if (d2)
			{
				dval		a = {y, m, d, hijri, 0, ""},
							b = {y, m, d2, hijri, 0, ""};
				char		va[AR_DATE_VALUE_MAX],
							vb[AR_DATE_VALUE_MAX];

				fmt_dval(c, &a, va);
				fmt_dval(c, &b, vb);
				snprintf(v->text, sizeof(v->text), "%.23s/%.23s", va, vb);
				return j;
			}
			v->y = y;
			v->m = m;
			v->d = d;
			v->hijri = hijri;
			return y ? j : month_direction(c, j, v);
		}
		return parse_numeric(c, i, ctx_strong, v);
	}
	if ((e = parse_month(c, j, &m, &hijri, &weak)))
	{
		dval		nv;
		size_t		ne;

		j = e;
		/* month ( d / m / y ): the numeric date gives the value */
		if (punct_is(c, j, "(") && (ne = parse_numeric(c, j + 1, true, &nv)) && punct_is(c, ne, ")"))
		{
			*v = nv;
			return ne + 1;
		}
		if (hijri && ctx_strong && word_is(c, j, ramadan_adj))
			j++;
		if ((e = parse_year(c, j, true, &y)))
		{
			j = parse_era(c, e, &hijri);
			v->y = y;
			v->m = m;
			v->hijri = hijri;
			return j;
		}
		if (weak && !ctx_strong && !word_is(c, j, past_adj) && !word_is(c, j, next_adj))
			return 0;
		/* a lone Levantine month needs no context except آب, مارس, ماي, Hijri names */
		v->m = m;
		v->hijri = hijri;
		return month_direction(c, j, v);
	}
	if (j < c->q->n && TOK(j)->kind == AR_TOK_NUMBER)
		return parse_numeric(c, i, ctx_strong, v);
	return 0;
}

/* Weekday at i (clitics allowed); returns ISO weekday or 0, and whether it is weak. */
static int
weekday_at(const dctx *c, size_t i, bool *weak)
{
	int			k;

	if (i >= c->q->n || TOK(i)->kind != AR_TOK_ARABIC)
		return 0;
	for (k = 0; weekdays[k].w; k++)
	{
		if (ar_lex_key_is(TOK(i)->key, weekdays[k].w, "وف"))
		{
			*weak = weekdays[k].weak;
			return weekdays[k].wd;
		}
	}
	return 0;
}

/* Relative day words at i: أمس، اليوم، غدا، أول أمس، أمس الأول، بعد غد; sets offset. */
static size_t
parse_relday(const dctx *c, size_t i, int *off)
{
	static const char *const yesterday[] = {"امس", "الامس", "البارحه", NULL};
	static const char *const today[] = {"اليوم", "الليله", NULL};
	static const char *const tomorrow[] = {"غدا", "الغد", "بكره", "بكرا", NULL};

	if (word_in(c, i, (const char *const[]) {"اول", NULL}) >= 0)
	{
		if (ar_lex_is(c->q, i + 1, "امس"))
		{
			*off = -2;
			return i + 2;
		}
		if (ar_lex_is(c->q, i + 1, "من") && ar_lex_is(c->q, i + 2, "امس"))
		{
			*off = -2;
			return i + 3;
		}
	}
	if (word_in(c, i, yesterday) >= 0)
	{
		if (ar_lex_is(c->q, i + 1, "الاول"))
		{
			*off = -2;
			return i + 2;
		}
		*off = -1;
		return i + 1;
	}
	if (word_in(c, i, today) >= 0 && (strcmp(TOK(i)->key, "الليله") != 0))
	{
		*off = 0;
		return i + 1;
	}
	if (word_in(c, i, tomorrow) >= 0)
	{
		*off = 1;
		return i + 1;
	}
	if (word_in(c, i, (const char *const[]) {"بعد", NULL}) >= 0 &&
		(ar_lex_is(c->q, i + 1, "غد") || ar_lex_is(c->q, i + 1, "غدا")))
	{
		*off = 2;
		return i + 2;
	}
	return 0;
}

/* Value of a weekday: dir -1 last such day before ref, +1 next after, 0 within the past week. */
static void
fmt_weekday(const dctx *c, int wd, int dir, char *out)
{
	long		z;
	int			y,
				m,
				d,
				diff;

	if (!c->ref)
	{
		snprintf(out, AR_DATE_VALUE_MAX, "XXXX-WXX-%d", wd);
		return;
	}
	diff = wd - iso_weekday(c->refdays);
	if (dir > 0)
		z = c->refdays + (diff > 0 ? diff : diff + 7);
	else if (dir < 0)
		z = c->refdays + (diff < 0 ? diff : diff - 7);
	else
		z = c->refdays + (diff <= 0 ? diff : diff - 7);
	civil_from_days(z, &y, &m, &d);
	fmt_ymd(out, y, m, d);
}

/* Unit word at i (clitics allowed): unit letter, dual count, plural flag. */
static int
unit_at(const dctx *c, size_t i, char *unit, int *dual, bool *plural)
{
	int			k;
	if (i >= c->q->n || TOK(i)->kind != AR_TOK_ARABIC)
		return 0;
	for (k = 0; units[k].w; k++)
	{
		if (ar_lex_key_is(TOK(i)->key, units[k].w, "لو"))
		{
			*unit = units[k].unit;
			*dual = units[k].dual;
			*plural = units[k].plural;
			return 1;
		}
	}
	return 0;
}

/* Number word at i (clitics or the article allowed: الخمس): count, -1 vague, 0 none. */
static int
numword_at(const dctx *c, size_t i)
{
	int			k;
	const char *key;

	if (i >= c->q->n || TOK(i)->kind != AR_TOK_ARABIC)
		return 0;
	key = TOK(i)->key;
	for (k = 0; numwords[k].w; k++)
	{
		if (ar_lex_key_is(key, numwords[k].w, "لوب") ||
			(has_article_key(key) && numwords[k].n > 0 && strcmp(key + 4, numwords[k].w) == 0))
			return numwords[k].n;
	}
	return 0;
}

/* Duration at i: N unit, number word + plural unit, dual unit; sets count (N_VAGUE) and unit. */
static size_t
parse_duration(const dctx *c, size_t i, int *n, char *unit)
{
	int			v,
				nd,
				dual,
				y2;
	bool		plural;

	if (number_at(c, i, &v, &nd) && nd <= 3 && v > 0 && unit_at(c, i + 1, unit, &dual, &plural) &&
		!dual && !(*unit == 'Y' && !plural && parse_year(c, i + 2, true, &y2)))
	{
		*n = v;
		return i + 2;
	}
	if ((v = numword_at(c, i)) != 0 && unit_at(c, i + 1, unit, &dual, &plural) && !dual &&
		(plural == (v < 11)))
	{
		*n = v < 0 ? N_VAGUE : v;
		return i + 2;
	}
	if (unit_at(c, i, unit, &dual, &plural) && dual)
	{
		*n = dual;
		return i + 1;
	}
	return 0;
}

/* Relative period: الأسبوع الماضي، هذا العام، الشهر المقبل، السنوات الأخيرة; returns end. */
static size_t
parse_period(const dctx *c, size_t i, int *n, char *unit, bool *vague)
{
	int			k,
				p = -1;
	size_t		j = i;
	bool		demonstrative = false;

	*vague = false;
	if (word_in(c, j, (const char *const[]) {"هذا", "هذه", NULL}) >= 0)
	{
		demonstrative = true;
		j++;
	}
	if (j >= c->q->n || TOK(j)->kind != AR_TOK_ARABIC)
		return 0;
	for (k = 0; periods[k].w; k++)
		if (with_clitics(TOK(j)->key, test_list, (const char *const[]) {periods[k].w, NULL}) >= 0)
		{
			p = k;
			break;
		}
	if (p < 0)
		return 0;
	*unit = periods[p].unit;
	if (periods[p].plural)
	{
		if (demonstrative)
			return 0;
		if (numword_at(c, j + 1) > 0 && word_is(c, j + 2, vague_adj))
		{
			*vague = true;
			*n = numword_at(c, j + 1);
			return j + 3;
		}
		if (word_is(c, j + 1, vague_adj))
		{
			*vague = true;
			*n = 0;
			if (ar_lex_is(c->q, j + 1, "القليله") && word_is(c, j + 2, vague_adj))
				return j + 3;
			return j + 2;
		}
		return 0;
	}
	if (demonstrative)
	{
		*n = 0;
		if (word_is(c, j + 1, this_adj))
			return j + 2;
		return j + 1;
	}
	if (word_is(c, j + 1, past_adj))
		*n = -1;
	else if (word_is(c, j + 1, next_adj))
		*n = 1;
	else if (word_is(c, j + 1, this_adj))
		*n = 0;
	else
		return 0;
	return j + 2;
}

/* A relative day word with an optional weekday: أمس الثلاثاء، اليوم (الاثنين). */
static size_t
relday_expression(const dctx *c, size_t i, char *value)
{
	size_t		e;
	int			n;
	bool		weak;

	if (!(e = parse_relday(c, i, &n)))
		return 0;
	if (weekday_at(c, e, &weak))
		e++;
	else if (punct_is(c, e, "(") && weekday_at(c, e + 1, &weak) && punct_is(c, e + 2, ")"))
		e += 3;
	fmt_relative(c, n, 'D', value);
	return e;
}

/* Century after القرن at i: الحادي والعشرين، التاسع عشر، الماضي؛ returns end and the value. */
static size_t
parse_century(const dctx *c, size_t i, char *value)
{
	int			k;

	if (!ar_lex_is(c->q, i, "القرن"))
		return 0;
	for (k = 0; centuries[k].w1; k++)
		if (ar_lex_is(c->q, i + 1, centuries[k].w1) &&
			(!centuries[k].w2 || ar_lex_is(c->q, i + 2, centuries[k].w2)))
		{
			snprintf(value, AR_DATE_VALUE_MAX, "%02d", centuries[k].century - 1);
			return i + (centuries[k].w2 ? 3 : 2);
		}
	if (word_is(c, i + 1, past_adj))
	{
		if (c->ref)
			snprintf(value, AR_DATE_VALUE_MAX, "%02d", c->ref->year / 100 - 1);
		else
			snprintf(value, AR_DATE_VALUE_MAX, "REF-P100Y");
		return i + 2;
	}
	return 0;
}

/* Decade at i: الأربعينات [من القرن الماضي]، ثمانينات القرن العشرين. */
static size_t
parse_decade(const dctx *c, size_t i, char *value)
{
	int			k;
	size_t		e;
	char		cent[AR_DATE_VALUE_MAX];

	for (k = 0; decades[k].w; k++)
		if (i < c->q->n && TOK(i)->kind == AR_TOK_ARABIC &&
			ar_lex_key_is(TOK(i)->key, decades[k].w, "وفب"))
			break;
	if (!decades[k].w)
		return 0;
	e = i + 1;
	strcpy(cent, "19");
	if (ar_lex_is(c->q, e, "من") && parse_century(c, e + 1, cent))
		e = parse_century(c, e + 1, cent);
	else if (parse_century(c, e, cent))
		e = parse_century(c, e, cent);
	else if (!has_article_key(decades[k].w))
		return 0;				/* ثمانينات alone is a construct: needs its century */
	if (cent[0] == 'R')
		strcpy(cent, "19");		/* القرن الماضي without a reference: read from the 21st century */
	snprintf(value, AR_DATE_VALUE_MAX, "%.2s%d", cent, decades[k].decade);
	return e;
}

/* Is the number at i (a 4-digit year candidate) used as a count or a code instead? */
static bool
bare_number_is_count(const dctx *c, size_t i)
{
	if (i > 0 && word_in(c, i - 1, count_before) >= 0)
		return true;
	if (i > 0 && (punct_is(c, i - 1, "#") || punct_is(c, i - 1, "$") || punct_is(c, i - 1, ".")))
		return true;
	if ((i > 0 && (punct_is(c, i - 1, "×") || ar_lex_is(c->q, i - 1, "x"))) ||
		punct_is(c, i + 1, "×") || ar_lex_is(c->q, i + 1, "x"))
		return true;			/* 1920 × 1080 */
	if (i + 1 < c->q->n)
	{
		const ar_lex *nx = TOK(i + 1);

		if (punct_is(c, i + 1, "%") || punct_is(c, i + 1, "٪"))
			return true;
		if (word_in(c, i + 1, count_nouns) >= 0)
			return true;
		/* an indefinite accusative noun counts things: 1893 مريضا، 2000 عامل… */
		if (nx->kind == AR_TOK_ARABIC && nx->keylen >= 6 && nx->keylen != 255 &&
			strcmp(nx->key + nx->keylen - 2, "ا") == 0 && !has_article_key(nx->key) &&
			list_index(nx->key, adverbs_a) < 0)
			return true;
	}
	return false;
}

/*
 * The core of an expression at i, after any preposition/anchor has been
 * consumed.  anchor: 'Y' after عام/سنة, 'D' after يوم/بتاريخ, 'M' after شهر,
 * 'P' after a preposition, 0 none.  Returns end and writes the value.
 */
static size_t
parse_core(const dctx *c, size_t i, char anchor, char *value)
{
	dval		v;
	size_t		e;
	int			n,
				y,
				wd;
	char		unit;
	bool		weak,
				vague,
				hijri = false;

	/* year after عام/سنة: عام 2017، عام (1948)، عام 1325 هجري، عام (1931/1932) */
	if (anchor == 'Y')
	{
		int			y2,
					nd;

		if (punct_is(c, i, "(") && number_at(c, i + 1, &y, &nd) && nd >= 3 && nd <= 4 &&
			punct_is(c, i + 2, "/") && number_at(c, i + 3, &y2, &nd) && nd >= 3 && nd <= 4 &&
			punct_is(c, i + 4, ")"))
		{
			snprintf(value, AR_DATE_VALUE_MAX, "%04d/%04d", y, y2);
			return i + 5;
		}
		if ((e = parse_year(c, i, true, &y)))
		{
			e = parse_era(c, e, &hijri);
			if (hijri)
			{
				if (!fmt_hijri_span(value, y, 0))
					snprintf(value, AR_DATE_VALUE_MAX, "H:%04d", y);
			}
			else
				fmt_ymd(value, y, 0, 0);
			return e;
		}
		return 0;
	}
	if ((e = relday_expression(c, i, value)))
		return e;
	/* weekday [الماضي/المقبل] [، الموافق] [date] */
	if ((wd = weekday_at(c, i, &weak)))
	{
		int			dir = 0;

		/* سوق الجمعة، صلاة الجمعة: a market or a prayer named after the day */
		if (i > 0 && word_in(c, i - 1, (const char *const[]) {"سوق", "صلاه", "خطبه", NULL}) >= 0)
			return 0;

		e = i + 1;
		if (word_is(c, e, past_adj))
		{
			dir = -1;
			e++;
		}
		else if (word_is(c, e, next_adj))
		{
			dir = 1;
			e++;
		}
		{
			size_t		k = e;
			size_t		de;

			if (punct_is(c, k, "،") || punct_is(c, k, ","))
				k++;
			if (ar_lex_is(c->q, k, "الموافق"))
				k++;
			if ((de = parse_calendar(c, k, true, &v)))
			{
				fmt_dval(c, &v, value);
				return de;
			}
		}
		/* الاثنين "the two": a day only after يوم, a time of day, or with الماضي/المقبل */
		if (weak && anchor != 'D' && dir == 0 &&
			!(i > 0 && word_in(c, i - 1, (const char *const[]) {"صباح", "مساء", "ليله", "فجر",
																   "ظهر", "عصر", "ظهيره", NULL}) >= 0))
			return 0;
		fmt_weekday(c, wd, dir, value);
		return e;
	}
	/* relative periods */
	if ((e = parse_period(c, i, &n, &unit, &vague)))
	{
		if (vague && n > 0)
			snprintf(value, AR_DATE_VALUE_MAX, "P%d%c", unit == 'E' ? n * 10 : n,
					 unit == 'E' ? 'Y' : unit);
		else if (vague)
			snprintf(value, AR_DATE_VALUE_MAX, "PX%c", unit == 'E' ? 'Y' : unit);
		else
			fmt_relative(c, n, unit, value);
		return e;
	}
	/* calendar dates */
	if ((e = parse_calendar(c, i, anchor == 'D' || anchor == 'M', &v)))
	{
		fmt_dval(c, &v, value);
		return e;
	}
	/* durations: the preposition decides between a point and a length */
	if ((e = parse_duration(c, i, &n, &unit)))
	{
		if (n == N_VAGUE)
			snprintf(value, AR_DATE_VALUE_MAX, "PX%c", unit == 'E' ? 'Y' : unit);
		else
			snprintf(value, AR_DATE_VALUE_MAX, "P%d%c", unit == 'E' ? n * 10 : n,
					 unit == 'E' ? 'Y' : unit);
		return e;
	}
	/* bare year (and year ranges): 1948، 1936 - 1939، 2016/2017 */
	{
		int			nd,
					y2,
					nd2;

		bool		range = number_at(c, i, &y, &nd) && nd == 4 && y >= 1800 && y <= 2100 &&
			(punct_is(c, i + 1, "-") || punct_is(c, i + 1, "/")) &&
			number_at(c, i + 2, &y2, &nd2) && nd2 == 4 && y2 > y && y2 - y < 100;
		bool		single = number_at(c, i, &y, &nd) && nd == 4 && y >= 1000 && y <= 2100 &&
			(anchor || (y >= 1800 && !bare_number_is_count(c, i))) &&
			!(i > 0 && punct_is(c, i - 1, "/")) && !punct_is(c, i + 1, "/");

		if (range || single)
		{
			if ((punct_is(c, i + 1, "-") || punct_is(c, i + 1, "/")) &&
				number_at(c, i + 2, &y2, &nd2) && nd2 == 4 && y2 > y && y2 - y < 100)
			{
				snprintf(value, AR_DATE_VALUE_MAX, "%04d/%04d", y, y2);
				return parse_era(c, i + 3, &hijri);
			}
			if (punct_is(c, i + 1, "/"))
				return 0;
			e = parse_era(c, i + 1, &hijri);
			if (hijri)
			{
				if (!fmt_hijri_span(value, y, 0))
					snprintf(value, AR_DATE_VALUE_MAX, "H:%04d", y);
			}
			else
				fmt_ymd(value, y, 0, 0);
			return e;
		}
		/* (1343) هجري، (1948) م: the era mark makes the parentheses part of it */
		if (punct_is(c, i, "(") && number_at(c, i + 1, &y, &nd) && nd >= 3 && nd <= 4 &&
			punct_is(c, i + 2, ")") && (e = parse_era(c, i + 3, &hijri)) > i + 3)
		{
			if (!hijri)
				fmt_ymd(value, y, 0, 0);
			else if (!fmt_hijri_span(value, y, 0))
				snprintf(value, AR_DATE_VALUE_MAX, "H:%04d", y);
			return e;
		}
		/* a Hijri year glued to its mark: 1348هـ */
		if (number_at(c, i, &y, &nd) && nd >= 3 && nd <= 4 &&
			(e = parse_era(c, i + 1, &hijri)) > i + 1 && hijri)
		{
			if (!fmt_hijri_span(value, y, 0))
				snprintf(value, AR_DATE_VALUE_MAX, "H:%04d", y);
			return e;
		}
	}
	return 0;
}

static size_t parse_expression(const dctx *c, size_t i, char *value);

/* Named era at i: [ال]فترة [الحكم] العثمانية; returns end and value. */
static size_t
parse_era_name(const dctx *c, size_t i, char *value)
{
	size_t		j = i;
	int			k;

	if (word_in(c, j, era_nouns) < 0)
		return 0;
	j++;
	if (ar_lex_is(c->q, j, "الحكم"))
		j++;
	for (k = 0; eras[k].w; k++)
		if (ar_lex_is(c->q, j, eras[k].w))
		{
			snprintf(value, AR_DATE_VALUE_MAX, "%s", eras[k].value);
			return j + 1;
		}
	return 0;
}

/*
 * A range: بين X و Y, من X إلى/حتى Y (X and Y full expressions; the second
 * carries the و clitic after بين).  Value "X/Y".
 */
static size_t
parse_range(const dctx *c, size_t i, char *value)
{
	static const char *const to[] = {"الي", "حتي", "وحتي", "لغايه", NULL};
	char		v1[AR_DATE_VALUE_MAX],
				v2[AR_DATE_VALUE_MAX];
	size_t		e1,
				e2;
	bool		between = word_in(c, i, (const char *const[]) {"بين", NULL}) >= 0;
	bool		weak;
	int			m;
	bool		h;

	if (!between && !ar_lex_is(c->q, i, "من"))
		return 0;
	/* من 13 وحتى 15 تشرين الثاني: the day range is one calendar expression */
	if (!between && (e1 = parse_expression(c, i + 1, v1)) && parse_month_name(c, e1 - 1, &m, &h, &weak) == 0)
	{
		dval		v;

		if ((e2 = parse_calendar(c, i + 1, false, &v)) && strchr(v.text, '/'))
		{
			snprintf(value, AR_DATE_VALUE_MAX, "%s", v.text);
			return e2;
		}
	}
	if (!(e1 = parse_expression(c, i + 1, v1)))
		return 0;
	if (between)
	{
		/* the second member starts with the و clitic: ومارس، و2019 */
		dval		cv;

		if (e1 < c->q->n && strncmp(TOK(e1)->key, "و", 2) == 0 && TOK(e1)->kind == AR_TOK_ARABIC &&
			!parse_expression(c, e1, v2) && (e2 = parse_calendar(c, e1, true, &cv)))
		{
			fmt_dval(c, &cv, v2);
			snprintf(value, AR_DATE_VALUE_MAX, "%.23s/%.23s", v1, v2);
			return e2;
		}
		if (e1 < c->q->n && strncmp(TOK(e1)->key, "و", 2) == 0 &&
			((TOK(e1)->kind == AR_TOK_ARABIC && (e2 = parse_expression(c, e1, v2))) ||
			 (TOK(e1)->keylen == 2 && (e2 = parse_expression(c, e1 + 1, v2)))))
		{
			snprintf(value, AR_DATE_VALUE_MAX, "%.23s/%.23s", v1, v2);
			return e2;
		}
		return 0;
	}
	if (word_in(c, e1, to) >= 0 || ar_lex_is(c->q, e1, "الي"))
	{
		if ((e2 = parse_expression(c, e1 + 1, v2)))
		{
			snprintf(value, AR_DATE_VALUE_MAX, "%.23s/%.23s", v1, v2);
			return e2;
		}
	}
	return 0;
}

/*
 * An expression at i: [preposition] [boundary word] [anchor] core, where
 * the prefix words are kept only when a core follows.  Returns end or 0.
 */
static size_t
parse_expression(const dctx *c, size_t i, char *value)
{
	size_t		j = i,
				e;
	char		anchor = 0;
	int			prep,
				k;

	if ((e = parse_era_name(c, j, value)) || (e = parse_decade(c, j, value)) ||
		(e = parse_century(c, j, value)))
		return e;
	for (k = 0; sets[k].w; k++)
		if (word_in(c, j, (const char *const[]) {sets[k].w, NULL}) >= 0)
		{
			snprintf(value, AR_DATE_VALUE_MAX, "%s", sets[k].value);
			return j + 1;
		}
	prep = word_in(c, j, preps);
	if (prep >= 0)
	{
		j++;
		anchor = 'P';
	}
	if ((e = relday_expression(c, j, value)))
		return e;
	if (word_in(c, j, bounds) >= 0 && j + 1 < c->q->n && word_in(c, j + 1, bounds) < 0 &&
		word_in(c, j + 1, preps) < 0)
	{
		size_t		k = j + 1;

		/* نهاية الأسبوع: the weekend */
		if (strstr(TOK(j)->key, "نهايه") && ar_lex_is(c->q, k, "الاسبوع") &&
			!word_is(c, k + 1, past_adj) && !word_is(c, k + 1, next_adj))
		{
			if (c->ref)
			{
				fmt_week(value, c->refdays);
				strcat(value, "-WE");
			}
			else
				snprintf(value, AR_DATE_VALUE_MAX, "XXXX-WXX-WE");
			return k + 1;
		}
		/* بداية العام، أواخر عام 2017، مطلع الشهر الجاري، بداية 2019 */
		if ((e = parse_expression(c, k, value)))
			return e;
		/* مطلع العام، نهاية الشهر: the current period */
		{
			static const char *const cur[] = {"العام", "السنه", "الشهر", "الاسبوع", NULL};
			int			u = list_index(TOK(k)->key, cur);

			if (TOK(k)->kind == AR_TOK_ARABIC && u >= 0)
			{
				fmt_relative(c, 0, "YYMW"[u], value);
				return k + 1;
			}
		}
	}
	if (word_in(c, j, anchor_date) >= 0)
	{
		j++;
		if (punct_is(c, j, ":"))
			j++;
		if (punct_is(c, j, "(") && (e = parse_core(c, j + 1, 'D', value)) && punct_is(c, e, ")"))
			return e + 1;
		if ((e = parse_core(c, j, 'D', value)))
		{
			if (word_is(c, e, era_greg))
				e++;
			return e;
		}
		return 0;
	}
	if (word_in(c, j, anchor_year) >= 0)
	{
		if ((e = parse_core(c, j + 1, 'Y', value)))
			return e;
	}
	if (word_in(c, j, (const char *const[]) {"يوم", "اليوم", NULL}) >= 0)
	{
		if ((e = parse_core(c, j + 1, 'D', value)))
			return e;
	}
	if (word_in(c, j, (const char *const[]) {"شهر", NULL}) >= 0)
	{
		dval		v;

		if ((e = parse_calendar(c, j + 1, true, &v)))
		{
			fmt_dval(c, &v, value);
			return e;
		}
	}
	if (prep >= 0)
	{
		/* منذ سنوات، بعد أشهر، قبل شهر، خلال أسبوع */
		char		u;
		int			dual;
		bool		plural;

		if (unit_at(c, j, &u, &dual, &plural) && !dual && !word_is(c, j, anchor_year) &&
			!(u == 'E' && !plural) &&
			!(j + 1 < c->q->n && TOK(j + 1)->kind == AR_TOK_NUMBER))
		{
			const char *p = TOK(i)->key;
			int			sign = strstr(p, "قبل") || strstr(p, "منذ") ? -1 : strstr(p, "بعد") ? 1 : 0;

			if (plural)
				snprintf(value, AR_DATE_VALUE_MAX, "%s", sign < 0 ? "PAST_REF" :
						 sign > 0 ? "FUTURE_REF" : "PX%c");
			if (plural && sign == 0)
				snprintf(value, AR_DATE_VALUE_MAX, "PX%c", u == 'E' ? 'Y' : u);
			else if (!plural && sign)
				fmt_relative(c, sign, u, value);
			else if (!plural)
				snprintf(value, AR_DATE_VALUE_MAX, "P%s%c", u == 'E' ? "10" : "1", u == 'E' ? 'Y' : u);
			return j + 1;
		}
	}
	if (prep >= 0 && punct_is(c, j, "(") && (e = parse_core(c, j + 1, 'P', value)) &&
		punct_is(c, e, ")"))
		return e + 1;
	if ((e = parse_core(c, j, anchor, value)))
	{
		/* منذ/قبل/بعد + duration: a point relative to the reference */
		if (prep >= 0 && value[0] == 'P' && value[1] != 'A')
		{
			const char *p = TOK(i)->key;
			int			sign = 0;

			if (strstr(p, "قبل") || strstr(p, "منذ"))
				sign = -1;
			else if (strstr(p, "بعد"))
				sign = 1;
			if (sign && value[1] == 'X')
				snprintf(value, AR_DATE_VALUE_MAX, "%s", sign < 0 ? "PAST_REF" : "FUTURE_REF");
			else if (sign)
			{
				int			n = 0;
				char		u = 'D';

				if (sscanf(value, "P%d%c", &n, &u) == 2)
					fmt_relative(c, sign * n, u, value);
			}
		}
		return e;
	}
	return 0;
}

/* Words that can open an expression (besides numbers and "("): every list's first words. */
static const char *const openers[] = {"هذا", "هذه", "امس", "الامس", "البارحه", "اليوم",
	"الليله", "غدا", "الغد", "بكره", "بكرا", "اول", "بعد", "يوم", "شهر", "من", "بين", NULL};

/* Add the words of a NULL-terminated list to the opener set. */
static void
add_words(ar_keymap *m, const char *const *w)
{
	for (; *w; w++)
		*ar_keymap_slot(m, *w, true) = 1;
}

/* The set of words that may start an expression; parse_expression fails elsewhere. */
static void
build_openers(ar_keymap *m, const ar_allocator *a)
{
	int			k;

	ar_keymap_init(m, a, 600);
	for (k = 0; months[k].w1; k++)
		*ar_keymap_slot(m, months[k].w1, true) = 1;
	for (k = 0; weekdays[k].w; k++)
		*ar_keymap_slot(m, weekdays[k].w, true) = 1;
	for (k = 0; sets[k].w; k++)
		*ar_keymap_slot(m, sets[k].w, true) = 1;
	for (k = 0; periods[k].w; k++)
		*ar_keymap_slot(m, periods[k].w, true) = 1;
	for (k = 0; units[k].w; k++)
		*ar_keymap_slot(m, units[k].w, true) = 1;
	for (k = 0; numwords[k].w; k++)
		*ar_keymap_slot(m, numwords[k].w, true) = 1;
	add_words(m, anchor_year);
	add_words(m, anchor_date);
	add_words(m, preps);
	add_words(m, bounds);
	add_words(m, era_nouns);
	add_words(m, openers);
	for (k = 0; decades[k].w; k++)
		*ar_keymap_slot(m, decades[k].w, true) = 1;
	*ar_keymap_slot(m, "القرن", true) = 1;
}

/* Token i may start an expression: a number, "(", or an opener word behind up to two clitics. */
static bool
may_open(const dctx *c, size_t i, ar_keymap *m)
{
	const char *k = TOK(i)->key;
	int			depth;

	if (TOK(i)->kind == AR_TOK_NUMBER || punct_is(c, i, "("))
		return true;
	if (TOK(i)->kind != AR_TOK_ARABIC || TOK(i)->keylen == 255)
		return false;
	for (depth = 0; depth < 3; depth++)
	{
		if (ar_keymap_slot(m, k, false))
			return true;
		if (depth > 0 && strncmp(k, "ل", 2) == 0)
		{
			char		stem[AR_LEX_KEYMAX + 4];

			snprintf(stem, sizeof(stem), "ا%s", k);
			if (ar_keymap_slot(m, stem, false))
				return true;
		}
		{
			int			cl;
			bool		clitic = false;

			for (cl = 0; clitics[cl]; cl++)
				if (strncmp(k, clitics[cl], 2) == 0 && strlen(k) > 4)
					clitic = true;
			if (!clitic)
				return false;
		}
		k += 2;
	}
	return false;
}

/* Append one match. */
static void
push_match(ar_date_list *l, const ar_lexseq *q, size_t a, size_t b, const char *value)
{
	ar_date_match *m;

	if (l->n == l->cap)
	{
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = l->alloc->realloc_fn(l->alloc->ctx, l->v, l->cap * sizeof(ar_date_match));
	}
	m = &l->v[l->n++];
	m->byte_start = q->v[a].byte_start;
	m->byte_len = q->v[b - 1].byte_start + q->v[b - 1].byte_len - m->byte_start;
	m->char_start = q->v[a].char_start;
	m->char_len = q->v[b - 1].char_start + q->v[b - 1].char_len - m->char_start;
	snprintf(m->value, sizeof(m->value), "%s", value);
}

/* Find the date expressions of s[0..len) in text order; ref may be NULL. */
ar_dates_status
ar_dates_find(const char *s, size_t len, const ar_date_ref *ref,
			  const ar_allocator *alloc, ar_date_list *out)
{
	ar_lexseq	q;
	dctx		c;
	size_t		i,
				steps = 0;
	ar_keymap	open;

	out->v = NULL;
	out->n = out->cap = 0;
	out->alloc = alloc;
	if (ref && (ref->year < 1 || ref->year > 9999 || ref->month < 1 || ref->month > 12 ||
				ref->day < 1 || ref->day > month_days(ref->year, ref->month)))
		return AR_DATES_BAD_REFERENCE;
	ar_lexseq_build(s, len, alloc, &q);
	c.q = &q;
	c.ref = ref;
	c.refdays = ref ? days_from_civil(ref->year, ref->month, ref->day) : 0;
	build_openers(&open, alloc);
	for (i = 0; i < q.n;)
	{
		char		value[AR_DATE_VALUE_MAX];
		size_t		e;

		AR_CHECK_INTERRUPTS(alloc, ++steps);
		if (!may_open(&c, i, &open))
		{
			i++;
			continue;
		}
		value[0] = '\0';
		if ((q.v[i].kind == AR_TOK_ARABIC || q.v[i].kind == AR_TOK_NUMBER ||
			 punct_is(&c, i, "(")) &&
			((e = parse_range(&c, i, value)) > i || (e = parse_expression(&c, i, value)) > i))
		{
			push_match(out, &q, i, e, value);
			i = e;
		}
		else
			i++;
	}
	ar_keymap_free(&open);
	ar_lexseq_free(&q);
	return AR_DATES_OK;
}

/* Release a match list. */
void
ar_date_list_free(ar_date_list *l)
{
	if (l->v)
		l->alloc->free_fn(l->alloc->ctx, l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}
