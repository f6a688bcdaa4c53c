/*
 * core_bench.c
 *    Standalone throughput of the analysis core on one core: MB/s of
 *    ar_normalize (search and clean profiles, one call per input line, as
 *    per-row SQL calls an article at a time) and of the tokenizer.
 *
 *    core_bench [FILE] [MIN_MB]
 * FILE is UTF-8 text (default: the sample corpus in test/corpus); it is
 * repeated until at least MIN_MB megabytes (default 64) have been processed
 * per measurement; the best of three runs is printed.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <glob.h>

#include "ar_normalize.h"
#include "ar_tokenize.h"
#include "bench_util.h"

/* Best-of-three MB/s of fn over text, repeated to at least min_bytes. */
static double
measure(const char *name, int kind, uint32_t mask, const ar_buf *text, size_t min_bytes)
{
	double		best = 0;
	int			run;
	size_t		sink = 0;

	for (run = 0; run < 3; run++)
	{
		size_t		done = 0;
		double		t0 = bench_now(),
					secs;
		ar_buf		out;

		ar_buf_init(&out, &ar_malloc_allocator, text->len + 64);
		while (done < min_bytes)
		{
			if (kind == 0)
			{
				/* one call per line (an article per line), as in per-row SQL use */
				const char *p = text->data,
						   *end = text->data + text->len;

				while (p < end)
				{
					const char *nl = memchr(p, '\n', end - p);
					size_t		n = nl ? (size_t) (nl - p) : (size_t) (end - p);

					out.len = 0;
					ar_normalize(p, n, mask, &out);
					sink += out.len;
					p += n + 1;
				}
			}
			else
			{
				ar_tokenizer t;
				ar_token	k;

				ar_tokenizer_init(&t, text->data, text->len);
				while (ar_tokenizer_next(&t, &k))
					sink += k.kind;
			}
			done += text->len;
		}
		secs = bench_now() - t0;
		ar_buf_free(&out);
		if (done / secs / 1e6 > best)
			best = done / secs / 1e6;
	}
	printf("%-28s %8.1f MB/s per core  (checksum %zu)\n", name, best, sink % 1000);
	return best;
}

int
main(int argc, char **argv)
{
	ar_buf		text;
	size_t		min_mb = argc > 2 ? (size_t) atol(argv[2]) : 64;

	ar_buf_init(&text, &ar_malloc_allocator, 1 << 20);
	if (argc > 1)
		bench_slurp(argv[1], &text);
	else
	{
		glob_t		g;
		size_t		i;

		if (glob("test/corpus/[0-9]*.txt", 0, NULL, &g) != 0)
		{
			fprintf(stderr, "no input: give a file or run from the repository root\n");
			return 1;
		}
		for (i = 0; i < g.gl_pathc; i++)
			bench_slurp(g.gl_pathv[i], &text);
		globfree(&g);
	}
	printf("input: %s, %zu bytes, repeated to >= %zu MB per run\n",
		   argc > 1 ? argv[1] : "test/corpus", text.len, min_mb);
	measure("ar_normalize search", 0, AR_PROFILE_SEARCH, &text, min_mb << 20);
	measure("ar_normalize clean", 0, AR_PROFILE_CLEAN, &text, min_mb << 20);
	measure("tokenizer", 1, 0, &text, min_mb << 20);
	ar_buf_free(&text);
	return 0;
}
