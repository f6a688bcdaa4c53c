/*
 * ner_core_bench.c
 *    Standalone time of the entity tagger (ar_ner_extract, the function under
 *    ar_entities) with the shipped model and gazetteer image, one call per
 *    input line, as per-row SQL calls an article at a time; and a checksum of
 *    every entity (offsets, label, canonical form, score), so that a change
 *    meant to be faster can be shown to give the same output.
 *
 *    ner_core_bench MODEL GAZIMG FILE [REPS]
 * make bench-ner runs it over the sample corpus (test/corpus, its paragraphs
 * repeated 200 times) or NER_BENCH_TEXT; the best of REPS passes (default 3)
 * is printed.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ar_core.h"
#include "ar_ner.h"

/* A whole file, NUL-terminated, in *len bytes (malloc). */
static char *
slurp(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	ar_buf		b;
	char		tmp[65536];
	size_t		n;

	if (!f)
	{
		perror(path);
		exit(1);
	}
	ar_buf_init(&b, &ar_malloc_allocator, 1 << 20);
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		ar_buf_append(&b, tmp, n);
	fclose(f);
	*len = b.len;
	ar_buf_append(&b, "", 1);
	return b.data;
}

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
	size_t		mlen,
				glen,
				tlen,
				total = 0;
	char	   *mdata,
			   *gdata,
			   *text;
	ar_ner_model m;
	ar_gazetteer *g;
	uint64_t	rows,
				rowsum,
				sum = 0;
	const char *err = NULL;
	int			reps = argc > 4 ? atoi(argv[4]) : 3,
				r;
	double		best = 1e30;

	if (argc < 4 || reps < 1)
	{
		fprintf(stderr, "usage: ner_core_bench MODEL GAZIMG FILE [REPS]\n");
		return 2;
	}
	mdata = slurp(argv[1], &mlen);
	gdata = slurp(argv[2], &glen);
	text = slurp(argv[3], &tlen);
	if ((err = ar_ner_model_open(&m, mdata, mlen)) != NULL ||
		(g = ar_gaz_image_read(gdata, glen, &ar_malloc_allocator, &rows, &rowsum, &err)) == NULL)
	{
		fprintf(stderr, "ner_core_bench: %s\n", err);
		return 1;
	}
	for (r = 0; r < reps; r++)
	{
		double		t0 = now();
		const char *p = text;

		total = 0;
		sum = 0;
		while (p < text + tlen)
		{
			const char *nl = memchr(p, '\n', (size_t) (text + tlen - p));
			size_t		len = nl ? (size_t) (nl - p) : (size_t) (text + tlen - p),
						ne,
						k,
						c;
			ar_ner_entity *e;

			ne = ar_ner_extract(&m, g, NULL, p, len, &ar_malloc_allocator, &e);
			for (k = 0; k < ne; k++)
			{
				sum = sum * 1000003u + e[k].char_start * 31 + e[k].char_len * 7 + (uint64_t) e[k].type;
				for (c = 0; c < e[k].canonical_len; c++)
					sum = sum * 131 + (unsigned char) e[k].canonical[c];
				sum += (uint64_t) (e[k].score * 1e6f);
			}
			total += ne;
			ar_ner_entities_free(e, ne, &ar_malloc_allocator);
			p += len + 1;
		}
		{
			double		el = now() - t0;

			if (el < best)
				best = el;
		}
	}
	printf("ar_ner_extract: %.1f ms for %.2f MB (%.2f MB/s), %zu entities, output checksum %016llx\n",
		   best * 1e3, tlen / 1e6, tlen / 1e6 / best, total, (unsigned long long) sum);
	ar_gaz_destroy(g);
	free(mdata);
	free(gdata);
	free(text);
	return 0;
}
