/*
 * names_fold.c
 *    Filter for `make names-lists`: each input line, folded as the tagger
 *    folds its tokens (AR_NER_FOLD per code point, Latin lower case), one line out
 *    per line in.
 */
#include <stdio.h>
#include <string.h>

#include "ar_ner_names.h"

/* Fold stdin line by line to stdout. */
int
main(void)
{
	char		line[8192];
	ar_buf		out;

	ar_buf_init(&out, &ar_malloc_allocator, 256);
	while (fgets(line, sizeof(line), stdin))
	{
		size_t		len = strcspn(line, "\r\n");

		out.len = 0;
		ar_ner_names_fold(line, len, &out);
		fwrite(out.data, 1, out.len, stdout);
		putchar('\n');
	}
	ar_buf_free(&out);
	return 0;
}
