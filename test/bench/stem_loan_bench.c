/*
 * stem_loan_bench.c
 *    Cost of loanword folding in the stemmer: every Arabic token of a file is
 *    stemmed by the default stemmer with the shipped lists, folding off and
 *    on (no word memo, unlike the dictionary), best of REPS runs each,
 *    interleaved; with a checksum of the stems.  Under valgrind --tool=callgrind
 *    (REPS 1, then MODE 0 or 1 alone) the instruction counts are exact.
 *
 *    stem_loan_bench FILE [REPS] [MODE]     (MODE: 0 off only, 1 on only, 2 both)
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ar_normalize.h"
#include "ar_stem.h"
#include "ar_tokenize.h"
#include "bench_util.h"

int
main(int argc, char **argv)
{
	ar_buf		text,
				scratch;
	ar_stemmer *st[2];
	ar_tokenizer tz;
	ar_token	tok;
	size_t	   *off,
			   *len,
				nw = 0,
				sum[2] = {0, 0};
	double		best[2] = {1e9, 1e9};
	int			reps = argc > 2 ? atoi(argv[2]) : 5,
				mode = argc > 3 ? atoi(argv[3]) : 2,
				r,
				k;

	if (argc < 2)
	{
		fprintf(stderr, "usage: stem_loan_bench FILE [REPS] [MODE]\n");
		return 1;
	}
	ar_buf_init(&text, &ar_malloc_allocator, 1 << 20);
	bench_slurp(argv[1], &text);
	st[0] = bench_shipped_stemmer(false);
	st[1] = bench_shipped_stemmer(true);
	off = malloc(sizeof(size_t) * (text.len / 2 + 1));
	len = malloc(sizeof(size_t) * (text.len / 2 + 1));
	ar_tokenizer_init(&tz, text.data, text.len);
	while (ar_tokenizer_next(&tz, &tok))
		if (tok.kind == AR_TOK_ARABIC)
		{
			off[nw] = tok.byte_start;
			len[nw++] = tok.byte_len;
		}
	ar_buf_init(&scratch, &ar_malloc_allocator, 256);
	for (r = 0; r < reps; r++)
		for (k = 0; k < 2; k++)
		{
			double		t0;
			size_t		i,
						s = 0;

			if (mode != 2 && mode != k)
				continue;
			t0 = bench_now();
			for (i = 0; i < nw; i++)
			{
				ar_stem_result res;

				ar_stem_lexeme(st[k], text.data + off[i], len[i], &scratch, &res);
				s = s * 31 + res.stem_len;
			}
			if (bench_now() - t0 < best[k])
				best[k] = bench_now() - t0;
			sum[k] = s;
		}
	printf("words=%zu", nw);
	for (k = 0; k < 2; k++)
		if (mode == 2 || mode == k)
			printf("  folding %s %.3f s (checksum %zu)", k ? "on" : "off", best[k], sum[k] % 100000);
	if (mode == 2)
		printf("  on/off %.3f", best[1] / best[0]);
	printf("\n");
	ar_stemmer_free(st[0]);
	ar_stemmer_free(st[1]);
	ar_buf_free(&scratch);
	ar_buf_free(&text);
	free(off);
	free(len);
	return 0;
}
