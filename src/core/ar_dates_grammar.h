/*
 * ar_dates_grammar.h
 *    The matching context of the date grammar (internal to ar_dates*.c):
 *    token tests over the folded sequence, and the phrase parsers of
 *    ar_dates_forms.c (calendar dates, numeric dates, years, weekdays,
 *    relative days, durations, periods, decades, centuries) that the
 *    expression grammar of ar_dates.c combines.  Each parser returns the end
 *    token (exclusive) of what it read, or 0.
 */
#ifndef AR_DATES_GRAMMAR_H
#define AR_DATES_GRAMMAR_H

#include <string.h>

#include "ar_dates.h"
#include "ar_dates_calendar.h"
#include "ar_dates_words.h"
#include "ar_lexseq.h"

typedef struct dctx
{
	const ar_lexseq *q;
	ar_cal_ref	r;				/* the reference date, if any */
	size_t	   *horizon;		/* 1 + the highest token index asked about */
} dctx;

typedef ar_cal_date dval;

#define TOK(i)	(&c->q->v[i])
/* A plain word list of the vocabulary (ar_dates_words.h). */
#define L(name)	(ar_dw_lists[DW_##name].words)

/*
 * Token i exists.  Every look at a token goes through here, so the scanner
 * knows how far a parse looked (see ar_dates_scan: a parse that looked past
 * the end of a window is redone in the next one).
 */
static inline bool
have(const dctx *c, size_t i)
{
	if (i >= *c->horizon)
		*c->horizon = i + 1;
	return i < c->q->n;
}

/* Token i exists and its key is the word w. */
static inline bool
lex_is(const dctx *c, size_t i, const char *w)
{
	return have(c, i) && strcmp(TOK(i)->key, w) == 0;
}

/* Token i is a word of list, clitics allowed; returns its index or -1. */
static inline int
word_in(const dctx *c, size_t i, const char *const *list)
{
	if (!have(c, i) || TOK(i)->kind != AR_TOK_ARABIC)
		return -1;
	return ar_dw_index_clitics(TOK(i)->key, list);
}

/* Token i is exactly (no clitics) a word of list. */
static inline bool
word_is(const dctx *c, size_t i, const char *const *list)
{
	return have(c, i) && TOK(i)->kind == AR_TOK_ARABIC && ar_dw_index(TOK(i)->key, list) >= 0;
}

/* Token i is an Arabic word; its key, or NULL. */
static inline const char *
arabic_at(const dctx *c, size_t i)
{
	return have(c, i) && TOK(i)->kind == AR_TOK_ARABIC ? TOK(i)->key : NULL;
}

/* The key of token i (any kind), or NULL past the end. */
static inline const char *
key_at(const dctx *c, size_t i)
{
	return have(c, i) ? TOK(i)->key : NULL;
}

/* Token i is the punctuation character p (ASCII or Arabic). */
static inline bool
punct_is(const dctx *c, size_t i, const char *p)
{
	return have(c, i) && (TOK(i)->kind == AR_TOK_PUNCT || TOK(i)->kind == AR_TOK_SYMBOL) &&
		strcmp(TOK(i)->key, p) == 0;
}

/* Token i is a plain run of digits; sets value and digit count. */
static inline bool
number_at(const dctx *c, size_t i, int *val, int *ndig)
{
	const char *k;
	int			v = 0,
				n = 0;

	if (!have(c, i) || TOK(i)->kind != AR_TOK_NUMBER)
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

/* A relative day word with an optional weekday: أمس الثلاثاء، اليوم (الاثنين). */
extern size_t ar_dp_relday(const dctx *c, size_t i, char *value);
/* Month name at i (with an optional second word); sets month, hijri, weak; returns end. */
extern size_t ar_dp_month_name(const dctx *c, size_t i, int *month, bool *hijri, bool *weak);
/* Decade at i: الأربعينات [من القرن الماضي]، ثمانينات القرن العشرين. */
extern size_t ar_dp_decade(const dctx *c, size_t i, char *value);
/* Is the number at i (a 4-digit year candidate) used as a count or a code instead? */
extern bool ar_dp_number_is_count(const dctx *c, size_t i);
/* Weekday at i (clitics allowed); returns ISO weekday or 0, and whether it is weak. */
extern int ar_dp_weekday(const dctx *c, size_t i, bool *weak);
/* Unit word at i (clitics allowed): unit letter, dual count, plural flag. */
extern int ar_dp_unit(const dctx *c, size_t i, char *unit, int *dual, bool *plural);
/* A year: 3-4 digits, optionally in parentheses or after / or عام when paren_ok; returns end. */
extern size_t ar_dp_year(const dctx *c, size_t i, bool paren_ok, int *year);
/* Century after القرن at i: الحادي والعشرين، التاسع عشر، الماضي؛ returns end and the value. */
extern size_t ar_dp_century(const dctx *c, size_t i, char *value);
/* Duration at i: N unit, number word + plural unit, dual unit; sets count (AR_CAL_VAGUE) and unit. */
extern size_t ar_dp_duration(const dctx *c, size_t i, int *n, char *unit);
/* An era mark after a year; sets *hijri when it is a Hijri mark. */
extern size_t ar_dp_era(const dctx *c, size_t i, bool *hijri);
/* Relative period: الأسبوع الماضي، هذا العام، الشهر المقبل، السنوات الأخيرة; returns end. */
extern size_t ar_dp_period(const dctx *c, size_t i, int *n, char *unit, bool *vague);
/*
 * Calendar date around a month name: [day [- day]] MONTH [year] [era],
 * MONTH ( numeric date ), or a numeric date.  ctx_strong: an anchor precedes
 * (شهر، يوم، بتاريخ) so weak month names are accepted alone.
 */
extern size_t ar_dp_calendar(const dctx *c, size_t i, bool ctx_strong, dval *v);

#endif							/* AR_DATES_GRAMMAR_H */
