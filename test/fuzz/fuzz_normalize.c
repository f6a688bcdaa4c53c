/*
 * fuzz_normalize.c
 *    libFuzzer harness of ar_normalize: the first two bytes choose the rule
 *    mask, the rest is the text.  Checks, besides memory safety, that the
 *    output is valid UTF-8 and that normalization is idempotent.
 */
#include <stdlib.h>
#include <string.h>

#include "ar_normalize.h"

/* Is s[0..len) valid UTF-8 (as the core decodes it)? */
static int
valid_utf8(const char *s, size_t len)
{
	size_t		i = 0;

	while (i < len)
	{
		int			adv;
		uint32_t	c = ar_utf8_decode((const unsigned char *) s + i, len - i, &adv);

		if (c == 0xFFFD && adv == 1 && !(len - i >= 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0))
			return 0;
		i += adv;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint32_t	mask;
	ar_buf		a,
				b;

	if (size < 2)
		return 0;
	mask = ((uint32_t) data[0] | ((uint32_t) data[1] << 8)) & AR_N_ALL;
	ar_buf_init(&a, &ar_malloc_allocator, 16);
	ar_normalize((const char *) data + 2, size - 2, mask, &a);
	if (!valid_utf8(a.data, a.len))
		abort();
	ar_buf_init(&b, &ar_malloc_allocator, 16);
	ar_normalize(a.data, a.len, mask, &b);
	if (a.len != b.len || memcmp(a.data, b.data, a.len) != 0)
		abort();				/* not idempotent */
	ar_buf_free(&a);
	ar_buf_free(&b);
	return 0;
}
