/*
 * bench_util.h
 *    Helpers shared by the standalone benchmarks: read a file, wall-clock time,
 *    the default stemmer with the shipped lists.
 */
#ifndef BENCH_UTIL_H
#define BENCH_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ar_core.h"
#include "ar_normalize.h"
#include "ar_stem.h"

/* Append a whole file to buf; exits when it cannot be read. */
static inline void
bench_slurp(const char *path, ar_buf *buf)
{
	FILE	   *f = fopen(path, "rb");
	char		tmp[65536];
	size_t		n;

	if (!f)
	{
		perror(path);
		exit(1);
	}
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		ar_buf_append(buf, tmp, n);
	fclose(f);
}

/* Wall-clock seconds. */
static inline double
bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The default stemmer with the shipped lists (read from the source tree), loanword folding on or off. */
static inline ar_stemmer *
bench_shipped_stemmer(bool loan)
{
	static const char *const ext[4] = {"lexicon", "protected", "plurals", "stop"};
	static const ar_stem_list kinds[4] = {AR_LIST_LEXICON, AR_LIST_PROTECTED, AR_LIST_PLURALS, AR_LIST_STOPWORDS};
	ar_stemmer *st = ar_stemmer_new(&ar_malloc_allocator, AR_PROFILE_SEARCH, AR_STEM_DEFAULT);

	ar_stemmer_set_loanwords(st, loan);
	for (int i = 0; i < 4; i++)
	{
		char		path[128];
		ar_buf		b;
		size_t		bad = 0;

		snprintf(path, sizeof(path), "src/tsearch_data/pg_arabic.%s", ext[i]);
		ar_buf_init(&b, &ar_malloc_allocator, 1 << 16);
		bench_slurp(path, &b);
		if (ar_stemmer_load(st, kinds[i], b.data, b.len, &bad) < 0)
		{
			fprintf(stderr, "%s: bad line %zu\n", path, bad);
			exit(1);
		}
		ar_buf_free(&b);
	}
	return st;
}

#endif							/* BENCH_UTIL_H */
