/*
 * quotes_paged_test.c
 *    A long text whose token sequence the quotation finder holds a page at a
 *    time (ar_quotes_find_paged with small pages) gives exactly the
 *    quotations and speakers of the whole sequence: guessed persons, given
 *    persons and tagged persons completed by guessed ones, with speakers
 *    named thousands of tokens before, long sentences and open quote marks
 *    across page boundaries.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "ar_quotes.h"

/* Whether quotations with pages of page tokens equal those of the whole sequence; counts them in *n. */
static bool
same_as_unpaged(const char *s, const ar_span *p, size_t np, bool tagged, size_t page, size_t *n)
{
	ar_quote_list a,
				b;
	size_t		k;
	bool		same;

	ar_quotes_find_paged(s, strlen(s), p, np, tagged, (size_t) 1 << 30, &ar_malloc_allocator, &a);
	ar_quotes_find_paged(s, strlen(s), p, np, tagged, page, &ar_malloc_allocator, &b);
	same = a.n == b.n;
	for (k = 0; same && k < a.n; k++)
		same = a.v[k].byte_start == b.v[k].byte_start && a.v[k].byte_len == b.v[k].byte_len &&
			a.v[k].char_start == b.v[k].char_start && a.v[k].char_len == b.v[k].char_len &&
			a.v[k].has_speaker == b.v[k].has_speaker &&
			(!a.v[k].has_speaker || (a.v[k].speaker_byte_start == b.v[k].speaker_byte_start &&
									 a.v[k].speaker_byte_len == b.v[k].speaker_byte_len));
	if (!same)
		fprintf(stderr, "  page %zu: %zu quotations against %zu unpaged (quotation %zu differs)\n",
				page, b.n, a.n, a.n == b.n ? k - 1 : k);
	*n = a.n;
	ar_quote_list_free(&a);
	ar_quote_list_free(&b);
	return same;
}

/* A long news-like text of our own sentences: quotations, titles, later mentions, long sentences. */
static char *
long_text(int reps)
{
	static const char *const parts[] = {
		"قال الرئيس سمير فهمي «سنبدأ غدا». وأضاف أن الخطة جاهزة.\n",
		"وقال مصدر حكومي إن الاتفاق قريب. ",
		"وأكد وزير الخارجية الفرنسي جان لوران أن المحادثات كانت مثمرة، مضيفا أن الوفد سيعود قريبا.\n",
		"وفي سياق آخر، صرح الوزير بأن الميزانية ستعلن الأسبوع المقبل. ",
		"وقالت الباحثة سارة القحطاني: \"النتائج مشجعة جدا\". ",
		"ووفقا لفهمي، فإن المشروع سيكتمل العام المقبل.\n",
		"وتابع لوران «لن نتراجع عن مواقفنا",			/* left open: closed by the paragraph end */
		" ولا عن التزاماتنا». وأضافت القحطاني أن الفريق يعمل بلا توقف.\n",
		"كتب على الجدار \"الحرية\" بخط كبير. ",
		"وأوضح نظيره أن اللقاء المقبل سيعقد في العاصمة. "};
	size_t		cap = 1 << 16,
				len = 0;
	char	   *out = malloc(cap);
	int			r,
				k;

	for (r = 0; r < reps; r++)
		for (k = 0; k < 10; k++)
		{
			const char *p = parts[(r * 3 + k) % 10];
			size_t		n = strlen(p);

			while (len + n + 64 >= cap)
				out = realloc(out, cap *= 2);
			memcpy(out + len, p, n);
			len += n;
			if (r % 7 == 3 && k == 5)
			{
				/* a long sentence without an end: filler words over a page boundary */
				int			f;

				for (f = 0; f < 300; f++)
				{
					while (len + 64 >= cap)
						out = realloc(out, cap *= 2);
					len += (size_t) snprintf(out + len, cap - len, "كلمة%d ", f % 10);
				}
			}
		}
	out[len] = '\0';
	return out;
}

UNIT_TEST(quotes_pages_equal_whole_sequence)
{
	char	   *text = long_text(400);
	ar_span_list g;
	ar_span    *given;
	size_t		n = 0,
				k,
				ng = 0;

	CHECK(strlen(text) > 200000);
	CHECK(same_as_unpaged(text, NULL, 0, false, 1024, &n));
	CHECK(n > 1000);			/* the text has quotations to compare */
	CHECK(same_as_unpaged(text, NULL, 0, false, 3000, &n));
	/* given persons: every other guessed one, alone and completed by guessed ones */
	ar_quotes_guess_persons(text, strlen(text), &ar_malloc_allocator, &g);
	CHECK(g.n > 1000);
	given = malloc((g.n + 1) * sizeof(ar_span));
	for (k = 0; k < g.n; k += 2)
		given[ng++] = g.v[k];
	CHECK(same_as_unpaged(text, given, ng, false, 1024, &n));
	CHECK(same_as_unpaged(text, given, ng, true, 1024, &n));
	CHECK(same_as_unpaged(text, given, ng, true, 2500, &n));
	free(given);
	ar_span_list_free(&g);
	free(text);
}
