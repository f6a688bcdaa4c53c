/*
 * quotes_core_bench.c
 *    Standalone time of the quotation finder (ar_quotes_find with guessed
 *    persons, the core of ar_quotes without the tagger), one call per input
 *    line, and a checksum of every quotation (offsets, speaker offsets), so
 *    that a change can be shown to give the same output.
 *
 *    quotes_core_bench FILE [REPS]      (make bench-quotes QUOTES_BENCH_TEXT=FILE)
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ar_quotes.h"

/* Wall-clock seconds. */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	FILE	   *f;
	char	   *text;
	long		tlen;
	int			reps = argc > 2 ? atoi(argv[2]) : 3,
				r;
	double		best = 1e30;
	unsigned long long sum = 0;
	size_t		total = 0;

	if (argc < 2 || reps < 1 || !(f = fopen(argv[1], "rb")))
	{
		fprintf(stderr, "usage: quotes_core_bench FILE [REPS]\n");
		return 2;
	}
	fseek(f, 0, SEEK_END);
	tlen = ftell(f);
	rewind(f);
	text = malloc((size_t) tlen + 1);
	if (fread(text, 1, (size_t) tlen, f) != (size_t) tlen)
		return 1;
	text[tlen] = '\0';
	fclose(f);
	for (r = 0; r < reps; r++)
	{
		double		t0 = now();
		const char *p = text;

		sum = 0;
		total = 0;
		while (p < text + tlen)
		{
			const char *nl = memchr(p, '\n', (size_t) (text + tlen - p));
			size_t		len = nl ? (size_t) (nl - p) : (size_t) (text + tlen - p),
						k;
			ar_quote_list l;

			ar_quotes_find(p, len, NULL, 0, &ar_malloc_allocator, &l);
			for (k = 0; k < l.n; k++)
				sum = sum * 1000003u + l.v[k].byte_start * 31 + l.v[k].byte_len * 7 +
					(l.v[k].has_speaker ? l.v[k].speaker_byte_start * 131 + l.v[k].speaker_byte_len : 1);
			total += l.n;
			ar_quote_list_free(&l);
			p += len + 1;
		}
		if (now() - t0 < best)
			best = now() - t0;
	}
	printf("ar_quotes_find: %.1f ms for %.2f MB (%.2f MB/s), %zu quotations, output checksum %016llx\n",
		   best * 1e3, tlen / 1e6, tlen / 1e6 / best, total, sum);
	free(text);
	return 0;
}
