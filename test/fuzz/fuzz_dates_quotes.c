/*
 * fuzz_dates_quotes.c
 *    libFuzzer harness of the date and quotation finders: no crash, and every
 *    reported span lies inside the input, on UTF-8 boundaries, with code-point
 *    offsets that agree with its byte offsets.  The first input byte picks a
 *    reference date (or none) and whether PERSON spans are guessed or given.
 */
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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s;
	size_t		len,
				i;
	ar_date_ref ref = {2017, 4, 13};
	ar_date_list dl;
	ar_quote_list ql;
	ar_span		given[2];

	if (size == 0)
		return 0;
	s = (const char *) data + 1;
	len = size - 1;
	if (ar_dates_find(s, len, (data[0] & 1) ? &ref : NULL, &ar_malloc_allocator, &dl) != AR_DATES_OK)
		abort();
	for (i = 0; i < dl.n; i++)
	{
		check_span(s, len, dl.v[i].byte_start, dl.v[i].byte_len, dl.v[i].char_start, dl.v[i].char_len);
		if (memchr(dl.v[i].value, '\0', AR_DATE_VALUE_MAX) == NULL)
			abort();
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
