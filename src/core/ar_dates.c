/*
 * ar_dates.c
 *    Date expressions in Arabic text: a small hand-written grammar over the
 *    folded token sequence (ar_lexseq), producing ISO 8601 / TIMEX3 values.
 *    See ar_dates.h for the forms, values and span conventions.
 */
#include <stdio.h>
#include <string.h>

#include "ar_dates_grammar.h"

/* ---- the expression grammar; each parser returns the end token (exclusive) or 0 ---- */

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
		if ((e = ar_dp_year(c, i, true, &y)))
		{
			e = ar_dp_era(c, e, &hijri);
			if (hijri)
			{
				if (!ar_cal_fmt_hijri_span(value, y, 0))
					snprintf(value, AR_DATE_VALUE_MAX, "H:%04d", y);
			}
			else
				ar_cal_fmt_ymd(value, y, 0, 0);
			return e;
		}
		return 0;
	}
	if ((e = ar_dp_relday(c, i, value)))
		return e;
	/* weekday [الماضي/المقبل] [، الموافق] [date] */
	if ((wd = ar_dp_weekday(c, i, &weak)))
	{
		int			dir = 0;

		/* سوق الجمعة، صلاة الجمعة: a market or a prayer named after the day */
		if (i > 0 && word_in(c, i - 1, L(NAMED_AFTER_DAY)) >= 0)
			return 0;

		e = i + 1;
		if (word_is(c, e, L(PAST_ADJ)))
		{
			dir = -1;
			e++;
		}
		else if (word_is(c, e, L(NEXT_ADJ)))
		{
			dir = 1;
			e++;
		}
		{
			size_t		k = e;
			size_t		de;

			if (punct_is(c, k, "،") || punct_is(c, k, ","))
				k++;
			if (lex_is(c, k, "الموافق"))
				k++;
			if ((de = ar_dp_calendar(c, k, true, &v)))
			{
				ar_cal_fmt_date(&c->r, &v, value);
				return de;
			}
		}
		/* الاثنين "the two": a day only after يوم, a time of day, or with الماضي/المقبل */
		if (weak && anchor != 'D' && dir == 0 &&
			!(i > 0 && word_in(c, i - 1, L(TIME_OF_DAY)) >= 0))
			return 0;
		ar_cal_fmt_weekday(&c->r, wd, dir, value);
		return e;
	}
	/* relative periods */
	if ((e = ar_dp_period(c, i, &n, &unit, &vague)))
	{
		if (vague && n > 0)
			snprintf(value, AR_DATE_VALUE_MAX, "P%d%c", unit == 'E' ? n * 10 : n,
					 unit == 'E' ? 'Y' : unit);
		else if (vague)
			snprintf(value, AR_DATE_VALUE_MAX, "PX%c", unit == 'E' ? 'Y' : unit);
		else
			ar_cal_fmt_relative(&c->r, n, unit, value);
		return e;
	}
	/* calendar dates */
	if ((e = ar_dp_calendar(c, i, anchor == 'D' || anchor == 'M', &v)))
	{
		ar_cal_fmt_date(&c->r, &v, value);
		return e;
	}
	/* durations: the preposition decides between a point and a length */
	if ((e = ar_dp_duration(c, i, &n, &unit)))
	{
		if (n == AR_CAL_VAGUE)
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
			(anchor || (y >= 1800 && !ar_dp_number_is_count(c, i))) &&
			!(i > 0 && punct_is(c, i - 1, "/")) && !punct_is(c, i + 1, "/");

		if (range || single)
		{
			if ((punct_is(c, i + 1, "-") || punct_is(c, i + 1, "/")) &&
				number_at(c, i + 2, &y2, &nd2) && nd2 == 4 && y2 > y && y2 - y < 100)
			{
				snprintf(value, AR_DATE_VALUE_MAX, "%04d/%04d", y, y2);
				return ar_dp_era(c, i + 3, &hijri);
			}
			if (punct_is(c, i + 1, "/"))
				return 0;
			e = ar_dp_era(c, i + 1, &hijri);
			if (hijri)
			{
				if (!ar_cal_fmt_hijri_span(value, y, 0))
					snprintf(value, AR_DATE_VALUE_MAX, "H:%04d", y);
			}
			else
				ar_cal_fmt_ymd(value, y, 0, 0);
			return e;
		}
		/* (1343) هجري، (1948) م: the era mark makes the parentheses part of it */
		if (punct_is(c, i, "(") && number_at(c, i + 1, &y, &nd) && nd >= 3 && nd <= 4 &&
			punct_is(c, i + 2, ")") && (e = ar_dp_era(c, i + 3, &hijri)) > i + 3)
		{
			if (!hijri)
				ar_cal_fmt_ymd(value, y, 0, 0);
			else if (!ar_cal_fmt_hijri_span(value, y, 0))
				snprintf(value, AR_DATE_VALUE_MAX, "H:%04d", y);
			return e;
		}
		/* a Hijri year glued to its mark: 1348هـ */
		if (number_at(c, i, &y, &nd) && nd >= 3 && nd <= 4 &&
			(e = ar_dp_era(c, i + 1, &hijri)) > i + 1 && hijri)
		{
			if (!ar_cal_fmt_hijri_span(value, y, 0))
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
	const char *era;

	if (word_in(c, j, L(ERA_NOUNS)) < 0)
		return 0;
	j++;
	if (lex_is(c, j, "الحكم"))
		j++;
	if (!key_at(c, j) || !(era = ar_dw_era(key_at(c, j))))
		return 0;
	snprintf(value, AR_DATE_VALUE_MAX, "%s", era);
	return j + 1;
}

/*
 * A range: بين X و Y, من X إلى/حتى Y (X and Y full expressions; the second
 * carries the و clitic after بين).  Value "X/Y".
 */
static size_t
parse_range(const dctx *c, size_t i, char *value)
{
	char		v1[AR_DATE_VALUE_MAX],
				v2[AR_DATE_VALUE_MAX];
	size_t		e1,
				e2;
	bool		between = word_in(c, i, L(BETWEEN)) >= 0;
	bool		weak;
	int			m;
	bool		h;

	if (!between && !word_is(c, i, L(FROM)))
		return 0;
	/* من 13 وحتى 15 تشرين الثاني: the day range is one calendar expression */
	if (!between && (e1 = parse_expression(c, i + 1, v1)) && ar_dp_month_name(c, e1 - 1, &m, &h, &weak) == 0)
	{
		dval		v;

		if ((e2 = ar_dp_calendar(c, i + 1, false, &v)) && strchr(v.text, '/'))
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

		if (have(c, e1) && strncmp(TOK(e1)->key, "و", 2) == 0 && TOK(e1)->kind == AR_TOK_ARABIC &&
			!parse_expression(c, e1, v2) && (e2 = ar_dp_calendar(c, e1, true, &cv)))
		{
			ar_cal_fmt_date(&c->r, &cv, v2);
			snprintf(value, AR_DATE_VALUE_MAX, "%.23s/%.23s", v1, v2);
			return e2;
		}
		if (have(c, e1) && strncmp(TOK(e1)->key, "و", 2) == 0 &&
			((TOK(e1)->kind == AR_TOK_ARABIC && (e2 = parse_expression(c, e1, v2))) ||
			 (TOK(e1)->keylen == 2 && (e2 = parse_expression(c, e1 + 1, v2)))))
		{
			snprintf(value, AR_DATE_VALUE_MAX, "%.23s/%.23s", v1, v2);
			return e2;
		}
		return 0;
	}
	if (word_in(c, e1, L(TO)) >= 0 || lex_is(c, e1, "الي"))
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
	int			prep;
	const char *set;

	if ((e = parse_era_name(c, j, value)) || (e = ar_dp_decade(c, j, value)) ||
		(e = ar_dp_century(c, j, value)))
		return e;
	if (arabic_at(c, j) && (set = ar_dw_set(TOK(j)->key)))
	{
		snprintf(value, AR_DATE_VALUE_MAX, "%s", set);
		return j + 1;
	}
	prep = word_in(c, j, L(PREPS));
	if (prep >= 0)
	{
		j++;
		anchor = 'P';
	}
	if ((e = ar_dp_relday(c, j, value)))
		return e;
	if (word_in(c, j, L(BOUNDS)) >= 0 && have(c, j + 1) && word_in(c, j + 1, L(BOUNDS)) < 0 &&
		word_in(c, j + 1, L(PREPS)) < 0)
	{
		size_t		k = j + 1;

		/* نهاية الأسبوع: the weekend */
		if (strstr(TOK(j)->key, "نهايه") && lex_is(c, k, "الاسبوع") &&
			!word_is(c, k + 1, L(PAST_ADJ)) && !word_is(c, k + 1, L(NEXT_ADJ)))
		{
			if (c->r.ref)
			{
				ar_cal_fmt_week(value, c->r.days);
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
			int			u = TOK(k)->kind == AR_TOK_ARABIC ?
				ar_dw_index(TOK(k)->key, L(CURRENT_PERIOD)) : -1;

			if (u >= 0)
			{
				ar_cal_fmt_relative(&c->r, 0, "YYMW"[u], value);
				return k + 1;
			}
		}
	}
	if (word_in(c, j, L(ANCHOR_DATE)) >= 0)
	{
		j++;
		if (punct_is(c, j, ":"))
			j++;
		if (punct_is(c, j, "(") && (e = parse_core(c, j + 1, 'D', value)) && punct_is(c, e, ")"))
			return e + 1;
		if ((e = parse_core(c, j, 'D', value)))
		{
			if (word_is(c, e, L(ERA_GREG)))
				e++;
			return e;
		}
		return 0;
	}
	if (word_in(c, j, L(ANCHOR_YEAR)) >= 0)
	{
		if ((e = parse_core(c, j + 1, 'Y', value)))
			return e;
	}
	if (word_in(c, j, L(DAY)) >= 0)
	{
		if ((e = parse_core(c, j + 1, 'D', value)))
			return e;
	}
	if (word_in(c, j, L(MONTH)) >= 0)
	{
		dval		v;

		if ((e = ar_dp_calendar(c, j + 1, true, &v)))
		{
			ar_cal_fmt_date(&c->r, &v, value);
			return e;
		}
	}
	if (prep >= 0)
	{
		/* منذ سنوات، بعد أشهر، قبل شهر، خلال أسبوع */
		char		u;
		int			dual;
		bool		plural;

		if (ar_dp_unit(c, j, &u, &dual, &plural) && !dual && !word_is(c, j, L(ANCHOR_YEAR)) &&
			!(u == 'E' && !plural) &&
			!(have(c, j + 1) && TOK(j + 1)->kind == AR_TOK_NUMBER))
		{
			const char *p = TOK(i)->key;
			int			sign = strstr(p, "قبل") || strstr(p, "منذ") ? -1 : strstr(p, "بعد") ? 1 : 0;

			if (plural)
				snprintf(value, AR_DATE_VALUE_MAX, "%s", sign < 0 ? "PAST_REF" :
						 sign > 0 ? "FUTURE_REF" : "PX%c");
			if (plural && sign == 0)
				snprintf(value, AR_DATE_VALUE_MAX, "PX%c", u == 'E' ? 'Y' : u);
			else if (!plural && sign)
				ar_cal_fmt_relative(&c->r, sign, u, value);
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
					ar_cal_fmt_relative(&c->r, sign * n, u, value);
			}
		}
		return e;
	}
	return 0;
}

/* Token i may start an expression: a number, "(", or a word of the vocabulary (ar_dw_may_open). */
static bool
may_open(const dctx *c, size_t i, ar_keymap *m)
{
	if (TOK(i)->kind == AR_TOK_NUMBER || punct_is(c, i, "("))
		return true;
	return TOK(i)->kind == AR_TOK_ARABIC && TOK(i)->keylen != 255 && ar_dw_may_open(m, TOK(i)->key);
}

/* Fill a match for tokens [a, b) of q with value. */
static void
make_match(ar_date_match *m, const ar_lexseq *q, size_t a, size_t b, const char *value)
{
	m->byte_start = q->v[a].byte_start;
	m->byte_len = q->v[b - 1].byte_start + q->v[b - 1].byte_len - m->byte_start;
	m->char_start = q->v[a].char_start;
	m->char_len = q->v[b - 1].char_start + q->v[b - 1].char_len - m->char_start;
	snprintf(m->value, sizeof(m->value), "%s", value);
}

/*
 * Find the date expressions of s[0..len) and pass each to emit; ref may be
 * NULL.
 *
 * The text is read in windows of a few thousand tokens (one tokenizer pass;
 * a window keeps AR_DATES_CONTEXT tokens before the scan position, more than
 * the grammar ever looks back), so memory does not grow with the input.  The
 * results are those of the whole text: every look at a token goes through
 * have(), and a parse that asked about a token past the end of a window that
 * is not the last one is thrown away and redone after a refill (a window too
 * short for one parse doubles).
 */
ar_dates_status
ar_dates_scan(const char *s, size_t len, const ar_date_ref *ref, const ar_allocator *alloc,
			  const ar_dates_opts *opts, ar_date_emit emit, void *arg)
{
	ar_lexseq	q;
	ar_lexstream st;
	dctx		c;
	size_t		i = 0,
				steps = 0,
				horizon = 0,
				window = opts && opts->window ? opts->window : AR_DATES_WINDOW;
	ar_keymap	open;
	bool		prefilter = !(opts && opts->no_prefilter);

	if (ref && (ref->year < 1 || ref->year > 9999 || ref->month < 1 || ref->month > 12 ||
				ref->day < 1 || ref->day > ar_cal_month_days(ref->year, ref->month)))
		return AR_DATES_BAD_REFERENCE;
	if (window < AR_DATES_CONTEXT + 2)
		window = AR_DATES_CONTEXT + 2;
	ar_lexstream_init(&st, s, len, alloc, &q, 8 * window);
	ar_lexstream_fill(&st, &q, 0, window);
	c.q = &q;
	c.r.ref = ref;
	c.r.days = ref ? ar_cal_days_from_civil(ref->year, ref->month, ref->day) : 0;
	c.horizon = &horizon;
	ar_dw_openers(&open, alloc);
	for (;;)
	{
		size_t		keep;

		while (i < q.n)
		{
			char		value[AR_DATE_VALUE_MAX];
			size_t		e;
			bool		found;

			AR_CHECK_INTERRUPTS(alloc, ++steps);
			if (prefilter ? !may_open(&c, i, &open) : q.v[i].kind == AR_TOK_SPACE)
			{
				i++;
				continue;
			}
			value[0] = '\0';
			horizon = i + 1;
			found = (e = parse_range(&c, i, value)) > i || (e = parse_expression(&c, i, value)) > i;
			if (horizon > q.n && !st.done)
				break;			/* it looked past the window: redo it after the refill */
			if (found)
			{
				ar_date_match m;

				/* a net under the grammar: a value naming a day that does not exist is no value */
				if (!ar_cal_value_valid(value))
					value[0] = '\0';
				make_match(&m, &q, i, e, value);
				emit(arg, &m);
				i = e;
			}
			else
				i++;
		}
		if (st.done && i >= q.n)
			break;
		keep = i > AR_DATES_CONTEXT ? i - AR_DATES_CONTEXT : 0;
		if (keep == 0 && q.n >= window)
			window *= 2;		/* one parse needs more than a window */
		ar_lexstream_fill(&st, &q, keep, window);
		i -= keep;
	}
	ar_keymap_free(&open);
	ar_lexseq_free(&q);
	return AR_DATES_OK;
}

/* ar_date_emit that appends to an ar_date_list. */
static void
push_match(void *arg, const ar_date_match *m)
{
	ar_date_list *l = arg;

	if (l->n == l->cap)
	{
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = l->alloc->realloc_fn(l->alloc->ctx, l->v, l->cap * sizeof(ar_date_match));
	}
	l->v[l->n++] = *m;
}

/* ar_dates_find with options (tests). */
ar_dates_status
ar_dates_find_opts(const char *s, size_t len, const ar_date_ref *ref,
				   const ar_allocator *alloc, const ar_dates_opts *opts, ar_date_list *out)
{
	out->v = NULL;
	out->n = out->cap = 0;
	out->alloc = alloc;
	return ar_dates_scan(s, len, ref, alloc, opts, push_match, out);
}

/* Find the date expressions of s[0..len) in text order; ref may be NULL. */
ar_dates_status
ar_dates_find(const char *s, size_t len, const ar_date_ref *ref,
			  const ar_allocator *alloc, ar_date_list *out)
{
	return ar_dates_find_opts(s, len, ref, alloc, NULL, out);
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
