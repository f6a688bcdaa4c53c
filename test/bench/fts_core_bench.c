/*
 * fts_core_bench.c
 *    The core work of to_tsvector('ar', ...) outside PostgreSQL: every line
 *    of FILE is a document; it is tokenized, and every Arabic word and number
 *    goes through the ar_stem dictionary's path: the word memo
 *    (ar_stem_memo.h), and the default stemmer with the shipped lists on a
 *    miss.  Each pass starts with an empty memo (the memo only carries words
 *    from earlier documents of the same pass, as for one backend indexing a
 *    table).  Prints tokens, memo hit rate, the best time of REPS passes and
 *    a checksum of the lexemes, which must not depend on MODE.  Under
 *    valgrind --tool=callgrind (REPS 1) the instruction counts are exact.
 *
 *    fts_core_bench FILE [REPS] [MODE]     (MODE: 0 no memo, 1 memo; default 1)
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_normalize.h"
#include "ar_stem.h"
#include "ar_stem_memo.h"
#include "ar_tokenize.h"
#include "bench_util.h"

/* Fold lexeme bytes into a checksum (FNV-1a). */
static uint64_t
mix(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char) s[i]) * 1099511628211ull;
	return (h ^ 0xFF) * 1099511628211ull;	/* end of lexeme */
}

int
main(int argc, char **argv)
{
	ar_buf		text,
				scratch;
	ar_stemmer *st;
	int			reps = argc > 2 ? atoi(argv[2]) : 3,
				mode = argc > 3 ? atoi(argv[3]) : 1;
	double		best = 1e9;
	size_t		words = 0,
				hits = 0;
	uint64_t	sum = 0;

	if (argc < 2)
	{
		fprintf(stderr, "usage: fts_core_bench FILE [REPS] [MODE]\n");
		return 1;
	}
	ar_buf_init(&text, &ar_malloc_allocator, 1 << 20);
	bench_slurp(argv[1], &text);
	st = bench_shipped_stemmer(false);
	ar_buf_init(&scratch, &ar_malloc_allocator, 256);
	for (int r = 0; r < reps; r++)
	{
		ar_stem_memo *memo = mode ? ar_stem_memo_new(&ar_malloc_allocator) : NULL;
		const char *p = text.data,
				   *end = text.data + text.len;
		double		t0 = bench_now();

		words = hits = 0;
		sum = 14695981039346656037ull;
		while (p < end)
		{
			const char *nl = memchr(p, '\n', end - p);
			size_t		n = nl ? (size_t) (nl - p) : (size_t) (end - p);
			ar_tokenizer tz;
			ar_token	tok;

			ar_tokenizer_init(&tz, p, n);
			while (ar_tokenizer_next(&tz, &tok))
			{
				const char *w = p + tok.byte_start;
				ar_memo_entry e;
				ar_stem_result res;
				uint32_t	h = 0;

				if (tok.kind != AR_TOK_ARABIC && tok.kind != AR_TOK_NUMBER)
					continue;
				words++;
				if (memo && ar_stem_memo_get(memo, w, tok.byte_len, &e, &h))
				{
					hits++;
					if (e.stem)
						sum = mix(sum, e.stem, e.stem_len);
					if (e.also)
						sum = mix(sum, e.also, e.also_len);
					continue;
				}
				ar_stem_lexeme(st, w, tok.byte_len, &scratch, &res);
				if (res.stopword || res.stem_len == 0)
				{
					if (memo)
						ar_stem_memo_put(memo, h, w, tok.byte_len, NULL, 0, NULL, 0);
					continue;
				}
				sum = mix(sum, scratch.data + res.stem_off, res.stem_len);
				if (res.also_len)
					sum = mix(sum, scratch.data + res.also_off, res.also_len);
				if (memo)
					ar_stem_memo_put(memo, h, w, tok.byte_len, scratch.data + res.stem_off, res.stem_len,
									 res.also_len ? scratch.data + res.also_off : NULL, res.also_len);
			}
			p += n + 1;
		}
		if (bench_now() - t0 < best)
			best = bench_now() - t0;
		if (memo)
		{
			if (r == reps - 1)
				printf("memo_bytes=%zu  ", ar_stem_memo_bytes(memo));
			ar_stem_memo_free(memo);
		}
	}
	printf("words=%zu  memo %s  hits=%.3f  best of %d: %.3f s  (checksum %016llx)\n",
		   words, mode ? "on" : "off", words ? (double) hits / words : 0.0, reps, best,
		   (unsigned long long) sum);
	ar_stemmer_free(st);
	ar_buf_free(&scratch);
	ar_buf_free(&text);
	return 0;
}
