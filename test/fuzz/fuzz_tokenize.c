/*
 * fuzz_tokenize.c
 *    libFuzzer harness of the tokenizer: tokens must be non-empty, contiguous,
 *    cover the whole input, and carry code-point offsets that agree with
 *    ar_utf8_count.
 */
#include <stdlib.h>

#include "ar_tokenize.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ar_tokenizer t;
	ar_token	k;
	size_t		bpos = 0,
				cpos = 0;

	ar_tokenizer_init(&t, (const char *) data, size);
	while (ar_tokenizer_next(&t, &k))
	{
		if (k.byte_start != bpos || k.char_start != cpos || k.byte_len == 0 ||
			k.kind < AR_TOK_ARABIC || k.kind > AR_TOK_SPACE)
			abort();
		if (k.char_len != ar_utf8_count((const char *) data + k.byte_start, k.byte_len))
			abort();
		bpos += k.byte_len;
		cpos += k.char_len;
	}
	if (bpos != size || cpos != ar_utf8_count((const char *) data, size))
		abort();
	return 0;
}
