/*
 * ar_dates_calendar.h
 *    Calendar arithmetic and value formatting of the date finder (internal
 *    to ar_dates*.c): proleptic Gregorian day numbers (days since
 *    1970-01-01), ISO weeks and weekdays, month lengths, the Umm al-Qura
 *    Hijri calendar through ICU, and the resolution of parsed dates and
 *    relative offsets against the reference date into ISO 8601 / TIMEX3
 *    values.
 */
#ifndef AR_DATES_CALENDAR_H
#define AR_DATES_CALENDAR_H

#include "ar_dates.h"

/* The reference of a search: ref NULL when there is none; days its day number. */
typedef struct ar_cal_ref
{
	const ar_date_ref *ref;
	long		days;
} ar_cal_ref;

/* A parsed date: calendar fields (0 = unknown) or a ready-made value string. */
typedef struct ar_cal_date
{
	int			y,
				m,
				d;
	bool		hijri;			/* y/m/d are Hijri fields */
	int			dir;			/* -1 الماضي, +1 المقبل: occurrence before/after the reference */
	char		text[AR_DATE_VALUE_MAX];	/* when set, used as is */
} ar_cal_date;

/* Count of a relative offset that is not known (بعض الأيام): "PAST_REF". */
#define AR_CAL_VAGUE (-100000)

/* A leap year: month lengths when the year is unknown (29 February may exist). */
#define AR_CAL_LEAP_YEAR 2000

/* Days since 1970-01-01 of y-m-d. */
extern long ar_cal_days_from_civil(long y, int m, int d);
/* y-m-d of a day number. */
extern void ar_cal_civil_from_days(long z, int *y, int *m, int *d);
/* ISO weekday (Monday 1 .. Sunday 7) of a day number. */
extern int	ar_cal_iso_weekday(long z);
/* Days in month m of year y. */
extern int	ar_cal_month_days(int y, int m);
/* Write an ISO week value (YYYY-Www) of day z. */
extern void ar_cal_fmt_week(char *out, long z);
/* Write y-m-d with X for unknown parts (y 0 = XXXX; m 0 = year only; d 0 = month). */
extern void ar_cal_fmt_ymd(char *out, int y, int m, int d);
/* Write the Gregorian interval of Hijri year hy, or of its month hm (hm 0 = whole year). */
extern bool ar_cal_fmt_hijri_span(char *out, int hy, int hm);
/* Final value of a parsed date, resolving a missing year against the reference. */
extern void ar_cal_fmt_date(const ar_cal_ref *r, const ar_cal_date *v, char *out);
/* Value of an offset of n units (D W M Y E) from the reference; n AR_CAL_VAGUE: unknown count. */
extern void ar_cal_fmt_relative(const ar_cal_ref *r, int n, char unit, char *out);
/* Value of a weekday: dir -1 last such day before ref, +1 next after, 0 within the past week. */
extern void ar_cal_fmt_weekday(const ar_cal_ref *r, int wd, int dir, char *out);
/* The value is "" or well formed, and every calendar date or ISO week in it exists in years 1-9999. */
extern bool ar_cal_value_valid(const char *v);

#endif							/* AR_DATES_CALENDAR_H */
