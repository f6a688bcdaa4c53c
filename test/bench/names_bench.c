/*
 * names_bench.c
 *    Throughput of ar_name_similarity and ar_name_key on one core, side by
 *    side with an anchor: plain Levenshtein distance over the code points of
 *    the same two strings (the cheapest string similarity a user could
 *    write).  Pairs are a Latin name token and an Arabic one, taken from a
 *    pair list and shuffled against each other (so almost all pairs are
 *    non-matching, as when ranking candidates).
 *
 *    names_bench MODEL PAIRS.tsv [PAIRS_PER_RUN]
 * The best of three runs is printed, with the ratio to the anchor.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ar_names.h"

#define MAXP 20000

static char *lat[MAXP],
		   *ar[MAXP];
static int	np;

/* CPU seconds of this process. */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);	/* CPU time: the machine is shared */
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Levenshtein distance over code points (the anchor). */
static int
levenshtein(const char *a, const char *b)
{
	uint32_t	x[64],
				y[64];
	int			n = 0,
				m = 0,
				adv,
				d[65][65];

	for (size_t i = 0, l = strlen(a); i < l && n < 64; i += (size_t) adv)
		x[n++] = ar_utf8_decode((const unsigned char *) a + i, l - i, &adv);
	for (size_t i = 0, l = strlen(b); i < l && m < 64; i += (size_t) adv)
		y[m++] = ar_utf8_decode((const unsigned char *) b + i, l - i, &adv);
	for (int i = 0; i <= n; i++)
		for (int j = 0; j <= m; j++)
		{
			int			v = i + j;

			if (i && j)
			{
				v = d[i - 1][j - 1] + (x[i - 1] != y[j - 1]);
				if (d[i - 1][j] + 1 < v)
					v = d[i - 1][j] + 1;
				if (d[i][j - 1] + 1 < v)
					v = d[i][j - 1] + 1;
			}
			d[i][j] = v;
		}
	return d[n][m];
}

/* Time, for the best of three runs, pairs/s of one of the three measured functions. */
static double
run(const ar_names_model *m, int what, long pairs)
{
	double		best = 0.0;
	volatile double sink = 0.0;
	ar_buf		b;

	ar_buf_init(&b, &ar_malloc_allocator, 64);
	for (int r = 0; r < 3; r++)
	{
		double		t0 = now(),
					t;

		for (long k = 0; k < pairs; k++)
		{
			const char *a = lat[k % np],
					   *c = ar[(k * 7919 + k / np) % np];

			if (what == 0)
				sink += ar_name_similarity(m, a, strlen(a), c, strlen(c));
			else if (what == 1)
				sink += levenshtein(a, c);
			else
			{
				b.len = 0;
				ar_name_key(m, (k & 1) ? a : c, strlen((k & 1) ? a : c), &b);
				sink += (double) b.len;
			}
		}
		t = now() - t0;
		if (pairs / t > best)
			best = pairs / t;
	}
	ar_buf_free(&b);
	return best;
}

/* Read the model and the pairs, measure, print. */
int
main(int argc, char **argv)
{
	FILE	   *f;
	char	   *img,
				line[1024];
	long		n,
				pairs = argc > 3 ? atol(argv[3]) : 2000000;
	const char *err;
	ar_names_model *m;
	double		sim,
				lev,
				key;

	if (argc < 3)
	{
		fprintf(stderr, "usage: names_bench MODEL PAIRS.tsv [PAIRS_PER_RUN]\n");
		return 2;
	}
	f = fopen(argv[1], "rb");
	if (!f)
	{
		perror(argv[1]);
		return 1;
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	img = malloc((size_t) n);
	if (fread(img, 1, (size_t) n, f) != (size_t) n)
		return 1;
	fclose(f);
	m = ar_names_model_open(&ar_malloc_allocator, img, (size_t) n, &err);
	if (!m)
	{
		fprintf(stderr, "invalid model: %s\n", err);
		return 1;
	}
	f = fopen(argv[2], "r");
	if (!f)
	{
		fprintf(stderr, "MISSING: %s\n", argv[2]);
		return 1;
	}
	while (fgets(line, sizeof line, f) && np < MAXP)
	{
		char	   *t = strchr(line, '\t'),
				   *e;

		if (!t)
			continue;
		*t++ = '\0';
		e = t + strcspn(t, "\t\r\n");
		*e = '\0';
		ar[np] = strdup(line);
		lat[np++] = strdup(t);
	}
	fclose(f);
	if (np < 2)
	{
		fprintf(stderr, "too few pairs in %s\n", argv[2]);
		return 1;
	}
	sim = run(m, 0, pairs);
	lev = run(m, 1, pairs);
	key = run(m, 2, pairs);
	printf("names_bench: %d name pairs, %ld pairs per run, best of 3, one core\n", np, pairs);
	printf("ar_name_similarity  %6.2f M pairs/s  (%.2fx the anchor)\n", sim / 1e6, sim / lev);
	printf("levenshtein anchor  %6.2f M pairs/s\n", lev / 1e6);
	printf("ar_name_key         %6.2f M tokens/s\n", key / 1e6);
	return 0;
}
