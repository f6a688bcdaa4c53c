/*
 * dates_quotes_test.c
 *    Unit tests of the date finder (ar_dates) and the quotation finder
 *    (ar_quotes): values, spans, reference resolution, Hijri conversion,
 *    speaker resolution with given and guessed PERSON spans.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "ar_core.h"
#include "ar_dates.h"
#include "ar_dates_calendar.h"
#include "ar_quotes.h"

/* "expression=value|..." of the dates in s; ref "" = none. */
static void
dates(const char *s, const char *ref, char *out, size_t outlen)
{
	ar_date_ref r;
	ar_date_list l;
	size_t		i,
				o = 0;

	out[0] = '\0';
	if (ref[0])
		sscanf(ref, "%d-%d-%d", &r.year, &r.month, &r.day);
	if (ar_dates_find(s, strlen(s), ref[0] ? &r : NULL, &ar_malloc_allocator, &l) != AR_DATES_OK)
	{
		snprintf(out, outlen, "<error>");
		return;
	}
	for (i = 0; i < l.n && o < outlen; i++)
		o += snprintf(out + o, outlen - o, "%s%.*s=%s", i ? "|" : "",
					  (int) l.v[i].byte_len, s + l.v[i].byte_start, l.v[i].value);
	ar_date_list_free(&l);
}

#define DATES(in, ref, want) do { char b_[2048]; dates((in), (ref), b_, sizeof(b_)); \
	unit_check_streq(b_, (want), "dates of " in, __FILE__, __LINE__); } while (0)

UNIT_TEST(dates_calendar_forms)
{
	DATES("في 13 أبريل 2017 وصل", "", "13 أبريل 2017=2017-04-13");
	DATES("في 24 نيسان/أبريل", "", "24 نيسان/أبريل=XXXX-04-24");
	DATES("في 24 نيسان/أبريل", "2017-04-13", "24 نيسان/أبريل=2017-04-24");
	DATES("منذ كانون الثاني(يناير)", "", "منذ كانون الثاني(يناير)=XXXX-01");
	DATES("بتاريخ 3/7/2019", "", "بتاريخ 3/7/2019=2019-07-03");
	DATES("عام 2017", "", "عام 2017=2017");
	DATES("في ٥ جانفي ٢٠٢١", "", "٥ جانفي ٢٠٢١=2021-01-05");
	DATES("وفي أوت 2019", "", "أوت 2019=2019-08");
	DATES("بين 1936 - 1939", "", "1936 - 1939=1936/1939");
	DATES("في 31 فبراير 2019", "", "فبراير 2019=2019-02");	/* the impossible day is dropped */
}

UNIT_TEST(dates_hijri)
{
	int			y,
				m,
				d;

	CHECK(ar_hijri_to_gregorian(1440, 9, 15, &y, &m, &d) && y == 2019 && m == 5 && d == 20);
	CHECK(ar_hijri_to_gregorian(1444, 12, 1, &y, &m, &d) && y == 2023 && m == 6 && d == 19);
	CHECK(!ar_hijri_to_gregorian(1440, 13, 1, &y, &m, &d));
	DATES("في 15 رمضان 1440 هـ", "", "15 رمضان 1440 هـ=2019-05-20");
	DATES("عام 1325 هجري", "", "عام 1325 هجري=1907-02-14/1908-02-03");
	DATES("رمضان", "", "");	/* a Hijri month name alone may be a person's name */
}

UNIT_TEST(dates_relative)
{
	DATES("أمس واليوم وغدا", "", "أمس=REF-P1D|واليوم=REF|وغدا=REF+P1D");
	DATES("أمس واليوم وغدا", "2020-01-01", "أمس=2019-12-31|واليوم=2020-01-01|وغدا=2020-01-02");
	DATES("يوم الأربعاء", "2017-04-13", "يوم الأربعاء=2017-04-12");
	DATES("الأسبوع الماضي", "2017-04-13", "الأسبوع الماضي=2017-W14");
	DATES("الأسبوع الماضي", "2021-01-05", "الأسبوع الماضي=2020-W53");
	DATES("الشهر المقبل", "2017-12-13", "الشهر المقبل=2018-01");
	DATES("قبل ثلاثة أيام", "2020-03-01", "قبل ثلاثة أيام=2020-02-27");
	DATES("منذ عامين", "", "منذ عامين=REF-P2Y");
	DATES("في يناير الماضي", "2017-04-13", "يناير الماضي=2017-01");
	DATES("في مايو الماضي", "2017-04-13", "مايو الماضي=2016-05");
}

UNIT_TEST(dates_reference_checked)
{
	ar_date_ref r = {2019, 2, 29};
	ar_date_list l;

	CHECK(ar_dates_find("أمس", strlen("أمس"), &r, &ar_malloc_allocator, &l) == AR_DATES_BAD_REFERENCE);
	ar_date_list_free(&l);
}

/* "speaker:quote|..." of the quotations in s, with the given persons (NULL = guessed);
 * tagged: the given persons completed by guessed ones (ar_quotes_find_tagged). */
static void
quotes_run(const char *s, const ar_span *p, size_t np, bool tagged, char *out, size_t outlen)
{
	ar_quote_list l;
	size_t		i,
				o = 0;

	out[0] = '\0';
	if (tagged)
		ar_quotes_find_tagged(s, strlen(s), p, np, &ar_malloc_allocator, &l);
	else
		ar_quotes_find(s, strlen(s), p, np, &ar_malloc_allocator, &l);
	for (i = 0; i < l.n && o < outlen; i++)
		o += snprintf(out + o, outlen - o, "%s%.*s:%.*s", i ? "|" : "",
					  l.v[i].has_speaker ? (int) l.v[i].speaker_byte_len : 1,
					  l.v[i].has_speaker ? s + l.v[i].speaker_byte_start : "?",
					  (int) l.v[i].byte_len, s + l.v[i].byte_start);
	ar_quote_list_free(&l);
}

/* quotes_run with the given persons only (NULL = guessed). */
static void
quotes(const char *s, const ar_span *p, size_t np, char *out, size_t outlen)
{
	quotes_run(s, p, np, false, out, outlen);
}

UNIT_TEST(quotes_guessed_persons)
{
	char		b[2048];

	quotes("قال الرئيس سمير فهمي «سنبدأ غدا». وأضاف أن الخطة جاهزة.", NULL, 0, b, sizeof(b));
	CHECK_STREQ(b, "سمير فهمي:سنبدأ غدا|سمير فهمي:الخطة جاهزة");
	quotes("وقال مصدر حكومي إن الاتفاق قريب.", NULL, 0, b, sizeof(b));
	CHECK_STREQ(b, "مصدر حكومي:الاتفاق قريب");
	quotes("كتب على الجدار \"الحرية\" بخط كبير.", NULL, 0, b, sizeof(b));
	CHECK_STREQ(b, "?:الحرية");
}

UNIT_TEST(quotes_given_persons)
{
	/* a tagger span (code points) makes a name the guesser would miss: يوسف starts with ي */
	const char *s = "قال يوسف إن الموعد تأجل.";
	ar_span		p = {4, 4};
	char		b[512];

	quotes(s, &p, 1, b, sizeof(b));
	CHECK_STREQ(b, "يوسف:الموعد تأجل");
	quotes(s, NULL, 0, b, sizeof(b));
	CHECK(strstr(b, "الموعد تأجل") != NULL);
}

UNIT_TEST(quotes_tagged_persons)
{
	/* tagger span ديلاتر (code points 27..33) inside the guessed name after the title: widened */
	const char *s1 = "وقال السفير الفرنسي فرنسوا ديلاتر: لا يمكننا الاستسلام.";
	ar_span		p1 = {27, 6};
	/* tagger span with a title inside it: the title is left out of the name */
	const char *s2 = "وقال الخبير عبد الله الشمري إن الأسعار سترتفع.";
	ar_span		p2 = {5, 22};
	/* no tagger span at all: the guessed persons still give the speaker */
	const char *s3 = "قال الرئيس سمير فهمي «سنبدأ غدا».";
	char		b[1024];

	quotes_run(s1, &p1, 1, true, b, sizeof(b));
	CHECK_STREQ(b, "فرنسوا ديلاتر:لا يمكننا الاستسلام");
	quotes_run(s2, &p2, 1, true, b, sizeof(b));
	CHECK_STREQ(b, "عبد الله الشمري:الأسعار سترتفع");
	quotes_run(s3, NULL, 0, true, b, sizeof(b));
	CHECK_STREQ(b, "سمير فهمي:سنبدأ غدا");
	/* the same span without guessing: فرنسوا breaks the subject, the title phrase is returned */
	quotes(s1, &p1, 1, b, sizeof(b));
	CHECK_STREQ(b, "السفير الفرنسي:لا يمكننا الاستسلام");
}

/* Dates that do not exist are never emitted: the impossible day is dropped (the month remains). */
UNIT_TEST(dates_always_exist)
{
	DATES("في 31 شباط", "2020-01-01", "شباط=2020-02");
	DATES("في 31 حزيران", "", "حزيران=XXXX-06");
	DATES("في 30 شباط", "", "شباط=XXXX-02");
	DATES("في 29 شباط", "", "29 شباط=XXXX-02-29");	/* possible in an unknown year */
	DATES("في 29 شباط 2021", "", "شباط 2021=2021-02");
	DATES("في 29 شباط 2024", "", "29 شباط 2024=2024-02-29");
	/* year inferred from the reference: the nearest 29 February that exists */
	DATES("في 29 شباط", "2021-06-01", "29 شباط=2020-02-29");
	DATES("في 29 شباط المقبل", "2021-06-01", "29 شباط المقبل=2024-02-29");
	DATES("من 30 - 31 حزيران 2020", "", "حزيران 2020=2020-06");
	DATES("يوم 31/4", "", "");
	DATES("يوم 30/4", "", "يوم 30/4=XXXX-04-30");
	DATES("في 31 رمضان", "", "");
	/* Ramadan 1440 had 29 days (Umm al-Qura), Shaban 30 */
	DATES("في 30 رمضان 1440 هـ", "", "رمضان 1440 هـ=2019-05-06/2019-06-03");
	DATES("في 30 شعبان 1440 هـ", "", "30 شعبان 1440 هـ=2019-05-05");
	CHECK(ar_cal_value_valid("2020-02-29") && !ar_cal_value_valid("2021-02-29"));
	CHECK(ar_cal_value_valid("XXXX-02-29") && !ar_cal_value_valid("XXXX-02-30"));
	CHECK(ar_cal_value_valid("2020-W53") && !ar_cal_value_valid("2021-W53"));
	CHECK(!ar_cal_value_valid("10000-W01") && !ar_cal_value_valid("0000-12-31"));
	CHECK(ar_cal_value_valid("1936/1939") && !ar_cal_value_valid("2020-06-30/2020-06-31"));
}

/* Resolved values stay in years 1-9999; beyond, the value is the one without a reference. */
UNIT_TEST(dates_resolved_in_range)
{
	DATES("الأسبوع المقبل", "9999-12-31", "الأسبوع المقبل=REF+P1W");
	DATES("الأسبوع الماضي", "9999-12-31", "الأسبوع الماضي=9999-W51");
	DATES("غدا", "9999-12-31", "غدا=REF+P1D");
	DATES("أمس", "0001-01-01", "أمس=REF-P1D");
	DATES("الشهر المقبل", "9999-12-15", "الشهر المقبل=REF+P1M");
	DATES("العام الماضي", "0001-06-01", "العام الماضي=REF-P1Y");
	DATES("بعد 999 سنة", "9000-01-01", "بعد 999 سنة=9999");
	DATES("بعد 999 سنة", "9001-01-01", "بعد 999 سنة=REF+P999Y");
	DATES("الأحد المقبل", "9999-12-31", "الأحد المقبل=XXXX-WXX-7");
	DATES("في مايو المقبل", "9999-06-01", "مايو المقبل=XXXX-05");
	DATES("القرن الماضي", "0150-01-01", "القرن الماضي=REF-P100Y");
}
