/*
 * ar_dates_calendar.c
 *    Calendar arithmetic of the date finder: proleptic Gregorian day numbers,
 *    ISO weeks, month lengths, Umm al-Qura Hijri conversion (ICU), and the
 *    resolution of parsed dates, relative offsets and weekdays against the
 *    reference date (see ar_dates_calendar.h).
 */
#include <stdio.h>
#include <string.h>
#include <unicode/ucal.h>

#include "ar_dates_calendar.h"

/* ---- arithmetic (proleptic Gregorian, days since 1970-01-01) ---- */

/* Days since 1970-01-01 of y-m-d (H. Hinnant's algorithm). */
long
ar_cal_days_from_civil(long y, int m, int d)
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
void
ar_cal_civil_from_days(long z, int *y, int *m, int *d)
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
int
ar_cal_iso_weekday(long z)
{
	long		w = (z + 3) % 7;	/* 1970-01-01 was a Thursday */

	if (w < 0)
		w += 7;
	return (int) w + 1;
}

/* Days in month m of year y. */
int
ar_cal_month_days(int y, int m)
{
	static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return md[m - 1];
}

/* Write an ISO week value (YYYY-Www) of day z. */
void
ar_cal_fmt_week(char *out, long z)
{
	long		thu = z - ar_cal_iso_weekday(z) + 4;
	int			y,
				m,
				d;

	ar_cal_civil_from_days(thu, &y, &m, &d);
	snprintf(out, AR_DATE_VALUE_MAX, "%04d-W%02ld", y, (thu - ar_cal_days_from_civil(y, 1, 1)) / 7 + 1);
}

/* Write y-m-d with X for unknown parts (y 0 = XXXX; m 0 = year only). */
void
ar_cal_fmt_ymd(char *out, int y, int m, int d)
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
	ar_cal_civil_from_days(z, gy, gm, gd);
	return true;
}

/* Write the Gregorian interval covered by Hijri year hy, or month hm of it (hm 0 = whole year). */
bool
ar_cal_fmt_hijri_span(char *out, int hy, int hm)
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
	ar_cal_civil_from_days(a, &y1, &m1, &d1);
	ar_cal_civil_from_days(b - 1, &y2, &m2, &d2);
	snprintf(out, AR_DATE_VALUE_MAX, "%04d-%02d-%02d/%04d-%02d-%02d", y1, m1, d1, y2, m2, d2);
	return true;
}

/* Final value of a parsed date, resolving a missing year against the reference. */
void
ar_cal_fmt_date(const ar_cal_ref *r, const ar_cal_date *v, char *out)
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

		if (y == 0 && r->ref)
			y = hijri_year_of(r->days);
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
			ar_cal_fmt_ymd(out, gy, gm, gd);
		else if (!v->d && ar_cal_fmt_hijri_span(out, y, v->m))
			;
		else
			snprintf(out, AR_DATE_VALUE_MAX, "H:%04d-%02d", y, v->m);
		return;
	}
	if (y == 0 && v->m && r->ref)
	{
		/*
		 * the occurrence of this month (and day) nearest to the reference, in
		 * years 1-9999; 29 February may be up to 8 years away; none: XXXX
		 */
		int			best = 0,
					cand;
		long		bestdist = -1;

		for (cand = r->ref->year - 8; cand <= r->ref->year + 8; cand++)
		{
			int			d = v->d ? v->d : 15;
			long		dist;

			if (cand < 1 || cand > 9999 || d > ar_cal_month_days(cand, v->m))
				continue;
			dist = ar_cal_days_from_civil(cand, v->m, d) - r->days;
			if (!v->d && cand == r->ref->year && v->m == r->ref->month)
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
	ar_cal_fmt_ymd(out, y, v->m, v->d);
}

/* Value of an offset of n units from an unknown reference: REF, REF-P1D … */
static void
fmt_relative_unresolved(int n, char unit, char *out)
{
	char		u = unit == 'E' ? 'Y' : unit;
	int			k = unit == 'E' ? 10 : 1;

	if (n == 0 && unit == 'D')
		snprintf(out, AR_DATE_VALUE_MAX, "REF");
	else
		snprintf(out, AR_DATE_VALUE_MAX, "REF%cP%d%c", n < 0 ? '-' : '+', (n < 0 ? -n : n) * k, u);
}

/*
 * Value of an offset of n units (D W M Y E) from the reference; n
 * AR_CAL_VAGUE: unknown count.  A result outside years 1-9999 is written
 * as without a reference (REF+P1W): never a wrong date.
 */
void
ar_cal_fmt_relative(const ar_cal_ref *r, int n, char unit, char *out)
{
	int			k = unit == 'E' ? 10 : 1,
				y = 0,
				m = 0,
				d = 0;
	long		z = 0;

	if (n == AR_CAL_VAGUE)
	{
		snprintf(out, AR_DATE_VALUE_MAX, "%s", "PAST_REF");
		return;
	}
	if (r->ref)
	{
		switch (unit == 'E' ? 'Y' : unit)
		{
			case 'D':
				ar_cal_civil_from_days(r->days + n, &y, &m, &d);
				break;
			case 'W':
				/* the ISO year is that of the week's Thursday */
				z = r->days + 7L * n;
				ar_cal_civil_from_days(z - ar_cal_iso_weekday(z) + 4, &y, &m, &d);
				break;
			case 'M':
				{
					long		mi = (long) r->ref->year * 12 + (r->ref->month - 1) + n;

					y = (int) (mi / 12);
					m = (int) (mi % 12) + 1;
					d = 0;
					break;
				}
			default:
				y = r->ref->year + n * k;
				m = d = 0;
				break;
		}
	}
	if (!r->ref || y < 1 || y > 9999)
		fmt_relative_unresolved(n, unit, out);
	else if (unit == 'W')
		ar_cal_fmt_week(out, z);
	else
		ar_cal_fmt_ymd(out, y, m, d);
}

/* Value of a weekday: dir -1 last such day before ref, +1 next after, 0 within the past week. */
void
ar_cal_fmt_weekday(const ar_cal_ref *r, int wd, int dir, char *out)
{
	long		z;
	int			y,
				m,
				d,
				diff;

	if (!r->ref)
	{
		snprintf(out, AR_DATE_VALUE_MAX, "XXXX-WXX-%d", wd);
		return;
	}
	diff = wd - ar_cal_iso_weekday(r->days);
	if (dir > 0)
		z = r->days + (diff > 0 ? diff : diff + 7);
	else if (dir < 0)
		z = r->days + (diff < 0 ? diff : diff - 7);
	else
		z = r->days + (diff <= 0 ? diff : diff - 7);
	ar_cal_civil_from_days(z, &y, &m, &d);
	if (y < 1 || y > 9999)
		snprintf(out, AR_DATE_VALUE_MAX, "XXXX-WXX-%d", wd);	/* out of range: as without a reference */
	else
		ar_cal_fmt_ymd(out, y, m, d);
}

/* ---- validity of a value ---- */

/* Read exactly n ASCII digits at *p (advancing it); -1 if they are not there. */
static int
read_digits(const char **p, int n)
{
	int			v = 0,
				k;

	for (k = 0; k < n; k++)
	{
		if ((*p)[k] < '0' || (*p)[k] > '9')
			return -1;
		v = v * 10 + ((*p)[k] - '0');
	}
	*p += n;
	return v;
}

/* Number of ISO weeks (52 or 53) of ISO year y: 53 when it starts on a Thursday, or a Wednesday in a leap year. */
static int
iso_weeks(int y)
{
	int			jan1 = ar_cal_iso_weekday(ar_cal_days_from_civil(y, 1, 1));

	return jan1 == 4 || (jan1 == 3 && ar_cal_month_days(y, 2) == 29) ? 53 : 52;
}

/* One point value (no "/"): a date, month, year, ISO week, partial or relative form. */
static bool
point_valid(const char *v, size_t len)
{
	char		buf[AR_DATE_VALUE_MAX];
	const char *p = buf;
	int			y = 0,
				m,
				d,
				w;
	bool		hijri = false;

	if (len == 0 || len >= sizeof(buf))
		return false;
	memcpy(buf, v, len);
	buf[len] = '\0';
	if (strncmp(p, "REF", 3) == 0 || strcmp(p, "PAST_REF") == 0 || strcmp(p, "FUTURE_REF") == 0 ||
		p[0] == 'P')
		return true;			/* relative and duration values carry no calendar date */
	if (strncmp(p, "H:", 2) == 0)
	{
		hijri = true;
		p += 2;
	}
	if (strncmp(p, "XXXX", 4) == 0)
		p += 4;
	else if ((y = read_digits(&p, 4)) < 0)
	{
		/* TIMEX3 century (19) or decade (194) */
		p = buf;
		return !hijri && (len == 2 || len == 3) && read_digits(&p, (int) len) >= 0;
	}
	else if (y < 1)
		return false;
	if (*p == '\0')
		return true;
	if (*p++ != '-')
		return false;
	if (*p == 'W' && !hijri)
	{
		p++;
		if (strncmp(p, "XX", 2) == 0 && y == 0)
			p += 2;
		else if ((w = read_digits(&p, 2)) < 1 || y == 0 || w > iso_weeks(y))
			return false;
		if (*p == '\0')
			return true;
		if (strcmp(p, "-WE") == 0)
			return true;
		return p[0] == '-' && p[1] >= '1' && p[1] <= '7' && p[2] == '\0';
	}
	if ((m = read_digits(&p, 2)) < 1 || m > 12)
		return false;
	if (*p == '\0')
		return true;
	if (*p++ != '-' || (d = read_digits(&p, 2)) < 1 || *p != '\0')
		return false;
	if (hijri)
		return d <= 30;
	return d <= ar_cal_month_days(y ? y : AR_CAL_LEAP_YEAR, m);
}

/* The value is "" or well formed, and every calendar date or ISO week in it exists in years 1-9999. */
bool
ar_cal_value_valid(const char *v)
{
	const char *slash = strchr(v, '/');

	if (*v == '\0')
		return true;
	if (slash)
		return point_valid(v, (size_t) (slash - v)) && point_valid(slash + 1, strlen(slash + 1));
	return point_valid(v, strlen(v));
}
