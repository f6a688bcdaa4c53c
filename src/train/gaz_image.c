/*
 * gaz_image.c
 *    Build the gazetteer image of the shipped rows at build time:
 *    gaz_image GAZ IMAGE reads the shipped gazetteer file (the rows that
 *    CREATE EXTENSION puts into ar_gazetteer), builds the gazetteer the way
 *    a backend builds it from those rows, and writes it with the rows'
 *    fingerprint (count, and sum of ar_gaz_row_hash modulo 2^64).  A backend whose
 *    shipped rows have that fingerprint loads the image instead of
 *    rebuilding them (src/pg/gazetteer.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_core.h"
#include "ar_ner.h"

/* Print a message and exit with status 1. */
static void
die(const char *msg, const char *arg)
{
	fprintf(stderr, "gaz_image: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
	exit(1);
}

/* A malloc'd copy of s (strdup is not C99). */
static char *
copy(const char *s)
{
	size_t		n = strlen(s) + 1;
	char	   *d = malloc(n);

	if (!d)
		die("out of memory", NULL);
	return memcpy(d, s, n);
}

int
main(int argc, char **argv)
{
	FILE	   *f;
	char		line[8192];
	ar_gaz_row *rows = NULL;
	size_t		n = 0,
				cap = 0,
				i;
	uint64_t	rowsum = 0;
	ar_gazetteer *g;
	ar_buf		out;

	if (argc != 3)
		die("usage: gaz_image GAZFILE IMAGEFILE", NULL);
	if (!(f = fopen(argv[1], "r")))
		die("cannot open", argv[1]);
	while (fgets(line, sizeof(line), f))
	{
		ar_gaz_row	r;
		int			got;

		if (!strchr(line, '\n') && !feof(f))
			die("line longer than 8191 bytes", argv[1]);
		got = ar_gaz_parse_row(line, &r);

		if (got == 0)
			continue;
		if (got < 0)
			die("malformed line (want surface, label, canonical, origin)", argv[1]);
		if (n == cap)
		{
			cap = cap ? cap * 2 : 1024;
			rows = realloc(rows, cap * sizeof(ar_gaz_row));
			if (!rows)
				die("out of memory", NULL);
		}
		/* as _ar_gazetteer_shipped() stores them (the same parser) */
		rows[n].surface = copy(r.surface);
		rows[n].label = copy(r.label);
		rows[n].canon = r.canon ? copy(r.canon) : NULL;
		rows[n].origin = copy(r.origin);
		rowsum += ar_gaz_row_hash(&rows[n]);	/* modulo 2^64 */
		n++;
	}
	fclose(f);
	g = ar_gaz_create(&ar_malloc_allocator);
	ar_gaz_add_rows(g, rows, n);
	ar_buf_init(&out, &ar_malloc_allocator, 1 << 20);
	ar_gaz_image_write(g, (uint64_t) n, rowsum, &out);
	if (!(f = fopen(argv[2], "wb")) || fwrite(out.data, 1, out.len, f) != out.len || fclose(f) != 0)
		die("cannot write", argv[2]);
	fprintf(stderr, "gaz_image: %zu rows, %zu keys, %zu bytes -> %s\n", n, ar_gaz_count(g), out.len, argv[2]);
	for (i = 0; i < n; i++)
	{
		free((char *) rows[i].surface);
		free((char *) rows[i].label);
		free((char *) rows[i].canon);
		free((char *) rows[i].origin);
	}
	free(rows);
	ar_buf_free(&out);
	ar_gaz_destroy(g);
	return 0;
}
