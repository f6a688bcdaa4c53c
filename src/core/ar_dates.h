/*
 * ar_dates.h
 *    Date expressions in Arabic text, normalized to ISO 8601 / TIMEX3-style
 *    values.  Plain C + ICU (Hijri dates go through ICU's Umm al-Qura
 *    calendar, "@calendar=islamic-umalqura"), no global state.
 *
 * What is found (see README "Dates and quotations" for the full list):
 *   13 أبريل 2017            -> 2017-04-13
 *   24 نيسان/أبريل           -> XXXX-04-24   (year chosen from the reference date when given)
 *   كانون الثاني (يناير)     -> XXXX-01
 *   3/7/2019                 -> 2019-07-03   (day first; 4/22/1948 is read month first)
 *   عام 2017, 2017           -> 2017         تموز 1970 -> 1970-07
 *   15 رمضان 1440 هـ         -> 2019-05-20   (Hijri converted to Gregorian)
 *   عام 1325 هجري            -> 1907-02-14/1908-02-03 (the Gregorian span of that Hijri year)
 *   1936 - 1939              -> 1936/1939    (ISO 8601 interval)
 *   يوم الأربعاء             -> XXXX-WXX-3   (ISO weekday; with a reference: the last such day on or before it)
 *   أمس, اليوم, غدا           -> REF-P1D, REF, REF+P1D  (with a reference: the resolved date)
 *   الأسبوع الماضي           -> REF-P1W      (resolved: 2017-W14)
 *   الشهر المقبل, العام الماضي -> REF+P1M, REF-P1Y (resolved: 2017-05, 2016)
 *   قبل ثلاثة أيام, منذ عامين -> REF-P3D, REF-P2Y (resolved like the above)
 *   خلال 45 يوما, 8 سنوات     -> P45D, P8Y    (durations; vague counts give X: PXD)
 *   الأيام الأخيرة            -> PXD
 *   الأربعينات, القرن العشرين -> 194, 19     (TIMEX3 decade and century values)
 * Unresolved relative values are "REF" followed by a signed ISO 8601
 * duration: the offset from the (unknown) reference date.  A Hijri day or
 * month without a year and without a reference is "H:XXXX-MM[-DD]" (Hijri
 * calendar fields).
 *
 * Dates always exist: a day its month never has (31 حزيران, 30 شباط, 29 شباط
 * 2021, a Hijri day past 30 or past the Umm al-Qura length of its month in
 * a given year) is not part of the expression, which is the
 * month alone (شباط 2021 -> 2021-02; 29 شباط without a year stays
 * XXXX-02-29: it exists in leap years).  A year taken from the reference is
 * the nearest in which the day exists.  Resolution never leaves years
 * 1-9999: what would is written as without a reference (الأسبوع المقبل on
 * 9999-12-31 -> REF+P1W, مايو المقبل in 9999 -> XXXX-05).  A last check
 * before a match is emitted turns any value naming a day or ISO week that
 * does not exist into "" (NULL in SQL); none is known to reach it.
 *
 * Span conventions (those of the Wojood corpus): the expression includes the
 * anchor word (يوم، عام، سنة، شهر، بتاريخ; الموافق after a weekday), a preceding
 * temporal preposition (منذ، خلال، قبل، بعد), boundary words (بداية، أواخر …),
 * era marks (م، هـ، ميلادي، هجري) and parentheses that follow an anchor
 * (عام (1948)); it does not include في.  Attached clitics stay inside (وفي is
 * one token: spans are whole tokens).
 */
#ifndef AR_DATES_H
#define AR_DATES_H

#include "ar_core.h"

#define AR_DATE_VALUE_MAX 48

/* A reference (document) date, proleptic Gregorian, year 1..9999. */
typedef struct ar_date_ref
{
	int			year;
	int			month;
	int			day;
} ar_date_ref;

typedef struct ar_date_match
{
	size_t		byte_start;		/* offsets of the expression in the input */
	size_t		byte_len;
	size_t		char_start;		/* code points, 0-based */
	size_t		char_len;
	char		value[AR_DATE_VALUE_MAX];
} ar_date_match;

typedef struct ar_date_list
{
	ar_date_match *v;
	size_t		n;
	size_t		cap;
	const ar_allocator *alloc;
} ar_date_list;

typedef enum ar_dates_status
{
	AR_DATES_OK = 0,
	AR_DATES_BAD_REFERENCE,		/* reference outside 0001-01-01 .. 9999-12-31 or not a date */
	AR_DATES_ICU_ERROR			/* ICU could not open the Islamic calendar */
} ar_dates_status;

/* Tokens read at once by ar_dates_scan, and those kept before the scan position. */
#define AR_DATES_WINDOW 4096
#define AR_DATES_CONTEXT 8

/* Options of ar_dates_scan; a zeroed struct (or NULL) gives the defaults. */
typedef struct ar_dates_opts
{
	size_t		window;			/* tokens held at once (0: AR_DATES_WINDOW); tests force tiny ones */
	bool		no_prefilter;	/* try the grammar at every token, not only at possible openers */
} ar_dates_opts;

/* Receives each match, in text order; m is only valid during the call. */
typedef void (*ar_date_emit) (void *arg, const ar_date_match *m);

/* Find the date expressions of s[0..len) and pass each to emit; ref may be NULL. */
extern ar_dates_status ar_dates_scan(const char *s, size_t len, const ar_date_ref *ref,
									 const ar_allocator *alloc, const ar_dates_opts *opts,
									 ar_date_emit emit, void *arg);
/* Find the date expressions of s[0..len) in text order; ref may be NULL.
 * out is initialized here and must be freed with ar_date_list_free. */
extern ar_dates_status ar_dates_find(const char *s, size_t len, const ar_date_ref *ref,
									 const ar_allocator *alloc, ar_date_list *out);
/* ar_dates_find with options (tests). */
extern ar_dates_status ar_dates_find_opts(const char *s, size_t len, const ar_date_ref *ref,
										  const ar_allocator *alloc, const ar_dates_opts *opts,
										  ar_date_list *out);
/* Release a match list. */
extern void ar_date_list_free(ar_date_list *l);
/*
 * Words (1 or 2) of a Gregorian month name (Levantine, Egyptian/Gulf or
 * Maghreb spelling, as the date finder knows them) at the folded word w1,
 * w2 being the next folded word or NULL; 0 when w1 starts none.
 */
extern int	ar_dates_gregorian_month(const char *w1, size_t l1, const char *w2, size_t l2);

/* Convert a Hijri (Umm al-Qura) date to Gregorian; false if it is not a valid date. */
extern bool ar_hijri_to_gregorian(int hy, int hm, int hd, int *gy, int *gm, int *gd);

#endif							/* AR_DATES_H */
