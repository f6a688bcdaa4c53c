/*
 * fuzz_dates_quotes.c
 *    libFuzzer harness of the date and quotation finders: no crash, and every
 *    reported span lies inside the input, on UTF-8 boundaries, with code-point
 *    offsets that agree with its byte offsets; every full date value (year
 *    given) names a day, month, year or ISO week that exists in years
 *    1-9999, checked here independently of the core; reading the text in
 *    windows of 10 tokens finds exactly the same dates.  The first input byte
 *    picks a reference date (or none; among them the ends of the range) and
 *    whether PERSON spans are guessed or given.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_dates.h"
#include "ar_quotes.h"

/* Check one span [bs, bs+bl) with code points [cs, cs+cl) of s. */
static void
check_span(const char *s, size_t len, size_t bs, size_t bl, size_t cs, size_t cl)
{
	if (bl == 0 || bs + bl > len)
		abort();
	if (ar_utf8_count(s, bs) != cs || ar_utf8_count(s + bs, bl) != cl)
		abort();
}

/* Days of month m in year y (Gregorian). */
static int
mdays(int y, int m)
{
	static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return md[m - 1] + (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
}

/* Weekday of y-m-d, 0 = Sunday (Sakamoto's method). */
static int
dow(int y, int m, int d)
{
	static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};

	y -= m < 3;
	return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

/* One full value (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www[-D|-WE]) must exist in years 1-9999. */
static void
check_full(const char *v, size_t n)
{
	char		b[64];
	int			y,
				m,
				d,
				w,
				k = 0,
				jan1;

	if (n >= sizeof(b) || n < 4 || v[0] < '0' || v[0] > '9')
		return;					/* partial (XXXX, H:, REF, P...) values are not full dates */
	memcpy(b, v, n);
	b[n] = '\0';
	if (n == 2 || n == 3)
		return;					/* TIMEX3 century / decade */
	if (sscanf(b, "%4d-W%2d%n", &y, &w, &k) == 2 && k >= 8)
	{
		jan1 = dow(y, 1, 1);
		if (y < 1 || y > 9999 || w < 1 || w > ((jan1 == 4 || (jan1 == 3 && mdays(y, 2) == 29)) ? 53 : 52))
			abort();
		return;
	}
	if (sscanf(b, "%4d-%2d-%2d%n", &y, &m, &d, &k) == 3 && k == (int) n)
	{
		if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > mdays(y, m))
			abort();
		return;
	}
	if (sscanf(b, "%4d-%2d%n", &y, &m, &k) == 2 && k == (int) n)
	{
		if (y < 1 || y > 9999 || m < 1 || m > 12)
			abort();
		return;
	}
	if (n == 4 && sscanf(b, "%4d%n", &y, &k) == 1 && k == 4)
	{
		if (y < 1)
			abort();
		return;
	}
	abort();					/* a value starting with digits in no known form */
}

/* Every full value of a date value (both ends of an interval) exists. */
static void
check_value(const char *v)
{
	const char *slash = strchr(v, '/');

	if (slash)
	{
		check_full(v, (size_t) (slash - v));
		check_full(slash + 1, strlen(slash + 1));
	}
	else
		check_full(v, strlen(v));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s;
	size_t		len,
				i;
	static const ar_date_ref refs[4] = {{2017, 4, 13}, {9999, 12, 31}, {1, 1, 1}, {2020, 2, 29}};
	ar_date_list dl;
	ar_quote_list ql;
	ar_span		given[2];

	if (size == 0)
		return 0;
	s = (const char *) data + 1;
	len = size - 1;
	if (ar_dates_find(s, len, (data[0] & 1) ? &refs[(data[0] >> 3) & 3] : NULL, &ar_malloc_allocator, &dl) != AR_DATES_OK)
		abort();
	for (i = 0; i < dl.n; i++)
	{
		check_span(s, len, dl.v[i].byte_start, dl.v[i].byte_len, dl.v[i].char_start, dl.v[i].char_len);
		if (memchr(dl.v[i].value, '\0', AR_DATE_VALUE_MAX) == NULL)
			abort();
		check_value(dl.v[i].value);
	}
	{
		ar_dates_opts tiny = {AR_DATES_CONTEXT + 2, false};
		ar_date_list wl;

		if (ar_dates_find_opts(s, len, (data[0] & 1) ? &refs[(data[0] >> 3) & 3] : NULL,
							   &ar_malloc_allocator, &tiny, &wl) != AR_DATES_OK || wl.n != dl.n)
			abort();
		for (i = 0; i < dl.n; i++)
			if (memcmp(&wl.v[i], &dl.v[i], offsetof(ar_date_match, value)) != 0 ||
				strcmp(wl.v[i].value, dl.v[i].value) != 0)
				abort();
		ar_date_list_free(&wl);
	}
	ar_date_list_free(&dl);
	/* given spans may be anywhere, even out of range */
	given[0].char_start = data[0] >> 1;
	given[0].char_len = 3;
	given[1].char_start = len;
	given[1].char_len = 1000;
	if (data[0] & 4)			/* tagger spans completed by guessed persons */
		ar_quotes_find_tagged(s, len, given, (data[0] & 2) ? 2 : 0, &ar_malloc_allocator, &ql);
	else
		ar_quotes_find(s, len, (data[0] & 2) ? given : NULL, 2, &ar_malloc_allocator, &ql);
	for (i = 0; i < ql.n; i++)
	{
		check_span(s, len, ql.v[i].byte_start, ql.v[i].byte_len, ql.v[i].char_start, ql.v[i].char_len);
		if (ql.v[i].has_speaker && ql.v[i].speaker_byte_start + ql.v[i].speaker_byte_len > len)
			abort();
	}
	ar_quote_list_free(&ql);
	return 0;
}
