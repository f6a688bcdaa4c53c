/*
 * bench_util.h
 *    Helpers shared by the standalone benchmarks: read a file, wall-clock time.
 */
#ifndef BENCH_UTIL_H
#define BENCH_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ar_core.h"

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

#endif							/* BENCH_UTIL_H */
