/*
 * ar_dates_forms.c
 *    The phrase parsers of the date grammar: month names (with an
 *    alternative name of the same month), years and era marks, numeric
 *    dates, calendar dates around a month name, weekdays, relative days,
 *    durations, relative periods, decades, centuries, and the test that
 *    tells a bare 4-digit year from a count.  See ar_dates_grammar.h.
 */
#include <stdio.h>
#include <string.h>

#include "ar_dates_grammar.h"

/* Month name at i (with an optional second word); sets month, hijri, weak; returns end. */
size_t
ar_dp_month_name(const dctx *c, size_t i, int *month, bool *hijri, bool *weak)
{
	const char *k1 = arabic_at(c, i);
	int			nw;

	if (!k1 || !(nw = ar_dw_month(k1, key_at(c, i + 1), month, hijri, weak)))
		return 0;
	return i + nw;
}

/*
 * A month with an optional alternative name of the same month:
 * نيسان/أبريل, أكتوبر / تشرين الأول, كانون الثاني(يناير), مايو (أيار).
 * The pair makes even weak names certain.
 */
static size_t
parse_month(const dctx *c, size_t i, int *month, bool *hijri, bool *weak)
{
	size_t		e = ar_dp_month_name(c, i, month, hijri, weak);
	int			m2;
	bool		h2,
				w2;
	size_t		e2;

	if (!e)
		return 0;
	if (punct_is(c, e, "/") || punct_is(c, e, "-") || punct_is(c, e, "،"))
	{
		if ((e2 = ar_dp_month_name(c, e + 1, &m2, &h2, &w2)) && m2 == *month && h2 == *hijri)
		{
			*weak = false;
			return e2;
		}
	}
	else if (punct_is(c, e, "("))
	{
		if ((e2 = ar_dp_month_name(c, e + 1, &m2, &h2, &w2)) && m2 == *month &&
			punct_is(c, e2, ")"))
		{
			*weak = false;
			return e2 + 1;
		}
	}
	return e;
}

/* A year: 3-4 digits, optionally in parentheses or after / or عام when paren_ok; returns end. */
size_t
ar_dp_year(const dctx *c, size_t i, bool paren_ok, int *year)
{
	int			v,
				nd;

	if (paren_ok && (punct_is(c, i, "/") || word_in(c, i, L(ANCHOR_YEAR)) >= 0))
	{
		size_t		e = ar_dp_year(c, i + 1, true, year);

		if (e)
			return e;
	}

	if (paren_ok && punct_is(c, i, "(") && number_at(c, i + 1, &v, &nd) &&
		nd >= 3 && nd <= 4 && v >= 1 && punct_is(c, i + 2, ")"))
	{
		*year = v;
		return i + 3;
	}
	if (number_at(c, i, &v, &nd) && nd >= 3 && nd <= 4 && v >= 1)
	{
		*year = v;
		return i + 1;
	}
	return 0;
}

/* An era mark after a year; sets *hijri when it is a Hijri mark. */
size_t
ar_dp_era(const dctx *c, size_t i, bool *hijri)
{
	if (word_is(c, i, L(ERA_HIJRI)))
	{
		*hijri = true;
		return i + 1;
	}
	if (word_is(c, i, L(ERA_GREG)))
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
	if (have(c, j) && TOK(j)->kind == AR_TOK_NUMBER && strchr(TOK(j)->key, '.'))
	{
		int			a,
					b,
					e,
					n;
		char		tail;

		if (sscanf(TOK(j)->key, "%2d.%2d.%4d%n%c", &a, &b, &e, &n, &tail) == 3 &&
			strlen(TOK(j)->key) >= 8 && TOK(j)->key[n] == '\0')
		{
			if (b >= 1 && b <= 12 && a >= 1 && a <= ar_cal_month_days(e, b) && e >= 1000)
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
			have(c, j + 1))
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
		if (f[3] < 1 || f[0] > ar_cal_month_days(f[3], f[2]) || f[1] > ar_cal_month_days(f[3], f[2]))
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
		if (m < 1 || m > 12 || d < 1 || d > ar_cal_month_days(y, m) || y < 1)
			return 0;
		v->y = y;
		v->m = m;
		v->d = d;
		return end;
	}
	if (k == 2 && anchored && sep[0] == '/' && nd[0] <= 2 && nd[1] <= 2 &&
		f[1] >= 1 && f[1] <= 12 && f[0] >= 1 && f[0] <= ar_cal_month_days(AR_CAL_LEAP_YEAR, f[1]))
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

/* Day d of Hijri month m of year y exists (Umm al-Qura); a year ICU cannot convert counts as yes. */
static bool
hijri_day_exists(int y, int m, int d)
{
	int			gy,
				gm,
				gd;

	return y > 2000 || d < 30 || ar_hijri_to_gregorian(y, m, d, &gy, &gm, &gd);	/* d 0: none */
}

/* A month without a year followed by الماضي/المقبل: remember the direction, include the word. */
static size_t
month_direction(const dctx *c, size_t j, dval *v)
{
	if (word_is(c, j, L(PAST_ADJ)))
	{
		v->dir = -1;
		return j + 1;
	}
	if (word_is(c, j, L(NEXT_ADJ)))
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
size_t
ar_dp_calendar(const dctx *c, size_t i, bool ctx_strong, dval *v)
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
		if (punct_is(c, mj, "/") && ar_dp_month_name(c, mj + 1, &m, &hijri, &weak) &&
			(e = parse_month(c, mj + 1, &m, &hijri, &weak)) && punct_is(c, e, "/"))
			mj++;
		else if ((punct_is(c, mj, "-") || lex_is(c, mj, "و") || lex_is(c, mj, "الي") ||
			 lex_is(c, mj, "حتي") || lex_is(c, mj, "وحتي")) && day_at(c, mj + 1, &d2))
			mj += 2;
		if ((e = parse_month(c, mj, &m, &hijri, &weak)))
		{
			j = e;
			if ((e = ar_dp_year(c, j, true, &y)))
			{
				j = e;
				j = ar_dp_era(c, j, &hijri);
			}
			else if (hijri && weak && !ctx_strong && d2 == 0)
			{
				/* "15 رجب" could be a count of people named Rajab: require the year */
				return 0;
			}
			/*
			 * a day its month never has (31 حزيران, 30 شباط; 29 شباط 2021; 30
			 * of a 29-day Hijri month of a given year): no date here
			 */
			if (hijri ? (d > 30 || d2 > 30 || (y && (!hijri_day_exists(y, m, d) || !hijri_day_exists(y, m, d2)))) :
				(d > ar_cal_month_days(y ? y : AR_CAL_LEAP_YEAR, m) ||
				 d2 > ar_cal_month_days(y ? y : AR_CAL_LEAP_YEAR, m)))
				return 0;
			if (d2)
			{
				dval		a = {y, m, d, hijri, 0, ""},
							b = {y, m, d2, hijri, 0, ""};
				char		va[AR_DATE_VALUE_MAX],
							vb[AR_DATE_VALUE_MAX];

				ar_cal_fmt_date(&c->r, &a, va);
				ar_cal_fmt_date(&c->r, &b, vb);
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
		if (hijri && ctx_strong && word_is(c, j, L(RAMADAN_ADJ)))
			j++;
		if ((e = ar_dp_year(c, j, true, &y)))
		{
			j = ar_dp_era(c, e, &hijri);
			v->y = y;
			v->m = m;
			v->hijri = hijri;
			return j;
		}
		if (weak && !ctx_strong && !word_is(c, j, L(PAST_ADJ)) && !word_is(c, j, L(NEXT_ADJ)))
			return 0;
		/* a lone Levantine month needs no context except آب, مارس, ماي, Hijri names */
		v->m = m;
		v->hijri = hijri;
		return month_direction(c, j, v);
	}
	if (have(c, j) && TOK(j)->kind == AR_TOK_NUMBER)
		return parse_numeric(c, i, ctx_strong, v);
	return 0;
}

/* Weekday at i (clitics allowed); returns ISO weekday or 0, and whether it is weak. */
int
ar_dp_weekday(const dctx *c, size_t i, bool *weak)
{
	const char *k = arabic_at(c, i);

	return k ? ar_dw_weekday(k, weak) : 0;
}

/* Relative day words at i: أمس، اليوم، غدا، أول أمس، أمس الأول، بعد غد; sets offset. */
static size_t
parse_relday(const dctx *c, size_t i, int *off)
{
	if (word_in(c, i, L(FIRST)) >= 0)
	{
		if (lex_is(c, i + 1, "امس"))
		{
			*off = -2;
			return i + 2;
		}
		if (lex_is(c, i + 1, "من") && lex_is(c, i + 2, "امس"))
		{
			*off = -2;
			return i + 3;
		}
	}
	if (word_in(c, i, L(YESTERDAY)) >= 0)
	{
		if (lex_is(c, i + 1, "الاول"))
		{
			*off = -2;
			return i + 2;
		}
		*off = -1;
		return i + 1;
	}
	if (word_in(c, i, L(TODAY)) >= 0 && (strcmp(TOK(i)->key, "الليله") != 0))
	{
		*off = 0;
		return i + 1;
	}
	if (word_in(c, i, L(TOMORROW)) >= 0)
	{
		*off = 1;
		return i + 1;
	}
	if (word_in(c, i, L(AFTER)) >= 0 &&
		(lex_is(c, i + 1, "غد") || lex_is(c, i + 1, "غدا")))
	{
		*off = 2;
		return i + 2;
	}
	return 0;
}

/* Unit word at i (clitics allowed): unit letter, dual count, plural flag. */
int
ar_dp_unit(const dctx *c, size_t i, char *unit, int *dual, bool *plural)
{
	const char *k = arabic_at(c, i);

	return k && ar_dw_unit(k, unit, dual, plural);
}

/* Number word at i (clitics or the article allowed: الخمس): count, -1 vague, 0 none. */
static int
numword_at(const dctx *c, size_t i)
{
	const char *k = arabic_at(c, i);
	int			n = k ? ar_dw_numword(k) : 0;

	/* في المئة is "per cent", not "in the hundred" */
	if (n == 100 && ar_dw_has_article(k) && i > 0 && lex_is(c, i - 1, "في"))
		return 0;
	return n;
}

/* Duration at i: N unit, number word + plural unit, dual unit; sets count (AR_CAL_VAGUE) and unit. */
size_t
ar_dp_duration(const dctx *c, size_t i, int *n, char *unit)
{
	int			v,
				nd,
				dual,
				y2;
	bool		plural;

	if (number_at(c, i, &v, &nd) && nd <= 3 && v > 0 && ar_dp_unit(c, i + 1, unit, &dual, &plural) &&
		!dual && !(*unit == 'Y' && !plural && ar_dp_year(c, i + 2, true, &y2)))
	{
		*n = v;
		return i + 2;
	}
	if ((v = numword_at(c, i)) != 0 && ar_dp_unit(c, i + 1, unit, &dual, &plural) && !dual &&
		(plural == (v < 11)))
	{
		*n = v < 0 ? AR_CAL_VAGUE : v;
		return i + 2;
	}
	if (ar_dp_unit(c, i, unit, &dual, &plural) && dual)
	{
		*n = dual;
		return i + 1;
	}
	return 0;
}

/* Relative period: الأسبوع الماضي، هذا العام، الشهر المقبل، السنوات الأخيرة; returns end. */
size_t
ar_dp_period(const dctx *c, size_t i, int *n, char *unit, bool *vague)
{
	size_t		j = i;
	bool		demonstrative = false,
				plural;
	const char *k;

	*vague = false;
	if (word_in(c, j, L(DEMONSTRATIVE)) >= 0)
	{
		demonstrative = true;
		j++;
	}
	if (!(k = arabic_at(c, j)) || !ar_dw_period(k, unit, &plural))
		return 0;
	if (plural)
	{
		if (demonstrative)
			return 0;
		if (numword_at(c, j + 1) > 0 && word_is(c, j + 2, L(VAGUE_ADJ)))
		{
			*vague = true;
			*n = numword_at(c, j + 1);
			return j + 3;
		}
		if (word_is(c, j + 1, L(VAGUE_ADJ)))
		{
			*vague = true;
			*n = 0;
			if (lex_is(c, j + 1, "القليله") && word_is(c, j + 2, L(VAGUE_ADJ)))
				return j + 3;
			return j + 2;
		}
		return 0;
	}
	if (demonstrative)
	{
		*n = 0;
		if (word_is(c, j + 1, L(THIS_ADJ)))
			return j + 2;
		return j + 1;
	}
	if (word_is(c, j + 1, L(PAST_ADJ)))
		*n = -1;
	else if (word_is(c, j + 1, L(NEXT_ADJ)))
		*n = 1;
	else if (word_is(c, j + 1, L(THIS_ADJ)))
		*n = 0;
	else
		return 0;
	return j + 2;
}

/* A relative day word with an optional weekday: أمس الثلاثاء، اليوم (الاثنين). */
size_t
ar_dp_relday(const dctx *c, size_t i, char *value)
{
	size_t		e;
	int			n;
	bool		weak;

	if (!(e = parse_relday(c, i, &n)))
		return 0;
	if (ar_dp_weekday(c, e, &weak))
		e++;
	else if (punct_is(c, e, "(") && ar_dp_weekday(c, e + 1, &weak) && punct_is(c, e + 2, ")"))
		e += 3;
	ar_cal_fmt_relative(&c->r, n, 'D', value);
	return e;
}

/* Century after القرن at i: الحادي والعشرين، التاسع عشر، الماضي؛ returns end and the value. */
size_t
ar_dp_century(const dctx *c, size_t i, char *value)
{
	int			cent,
				nw;

	if (!word_is(c, i, L(CENTURY)))
		return 0;
	if (key_at(c, i + 1) && (cent = ar_dw_century(key_at(c, i + 1), key_at(c, i + 2), &nw)))
	{
		snprintf(value, AR_DATE_VALUE_MAX, "%02d", cent - 1);
		return i + 1 + nw;
	}
	if (word_is(c, i + 1, L(PAST_ADJ)))
	{
		if (c->r.ref && c->r.ref->year >= 200)
			snprintf(value, AR_DATE_VALUE_MAX, "%02d", c->r.ref->year / 100 - 1);
		else
			snprintf(value, AR_DATE_VALUE_MAX, "REF-P100Y");
		return i + 2;
	}
	return 0;
}

/* Decade at i: الأربعينات [من القرن الماضي]، ثمانينات القرن العشرين. */
size_t
ar_dp_decade(const dctx *c, size_t i, char *value)
{
	int			decade;
	size_t		e;
	char		cent[AR_DATE_VALUE_MAX];
	bool		article;
	const char *k = arabic_at(c, i);

	if (!k || !(decade = ar_dw_decade(k, &article)))
		return 0;
	e = i + 1;
	strcpy(cent, "19");
	if (word_is(c, e, L(FROM)) && ar_dp_century(c, e + 1, cent))
		e = ar_dp_century(c, e + 1, cent);
	else if (ar_dp_century(c, e, cent))
		e = ar_dp_century(c, e, cent);
	else if (!article)
		return 0;				/* ثمانينات alone is a construct: needs its century */
	if (cent[0] == 'R')
		strcpy(cent, "19");		/* القرن الماضي without a reference: read from the 21st century */
	snprintf(value, AR_DATE_VALUE_MAX, "%.2s%d", cent, decade);
	return e;
}

/* Is the number at i (a 4-digit year candidate) used as a count or a code instead? */
bool
ar_dp_number_is_count(const dctx *c, size_t i)
{
	if (i > 0 && word_in(c, i - 1, L(COUNT_BEFORE)) >= 0)
		return true;
	if (i > 0 && (punct_is(c, i - 1, "#") || punct_is(c, i - 1, "$") || punct_is(c, i - 1, ".")))
		return true;
	if ((i > 0 && (punct_is(c, i - 1, "×") || lex_is(c, i - 1, "x"))) ||
		punct_is(c, i + 1, "×") || lex_is(c, i + 1, "x"))
		return true;			/* 1920 × 1080 */
	if (have(c, i + 1))
	{
		const ar_lex *nx = TOK(i + 1);

		if (punct_is(c, i + 1, "%") || punct_is(c, i + 1, "٪"))
			return true;
		if (word_in(c, i + 1, L(COUNT_NOUNS)) >= 0)
			return true;
		/* an indefinite accusative noun counts things: 1893 مريضا، 2000 عامل… */
		if (nx->kind == AR_TOK_ARABIC && nx->keylen >= 6 && nx->keylen != 255 &&
			strcmp(nx->key + nx->keylen - 2, "ا") == 0 && !ar_dw_has_article(nx->key) &&
			ar_dw_index(nx->key, L(ADVERBS_A)) < 0)
			return true;
	}
	return false;
}
