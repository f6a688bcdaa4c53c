/*
 * ar_buf.c
 *    Growable buffers, the malloc allocator and UTF-8 helpers of the core.
 */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#include "ar_core.h"

/* realloc that aborts on failure, for standalone programs. */
static void *
malloc_realloc(void *ctx, void *ptr, size_t size)
{
	void	   *p = realloc(ptr, size ? size : 1);

	if (p == NULL)
	{
		fprintf(stderr, "pg_arabic core: out of memory (%zu bytes)\n", size);
		abort();
	}
	return p;
}

/* free for standalone programs. */
static void
malloc_free(void *ctx, void *ptr)
{
	free(ptr);
}

const ar_allocator ar_malloc_allocator = {malloc_realloc, malloc_free, NULL, NULL};

/* Initialize an empty buffer with an initial capacity hint. */
void
ar_buf_init(ar_buf *b, const ar_allocator *alloc, size_t hint)
{
	b->alloc = alloc;
	b->cap = hint < 16 ? 16 : hint;
	b->len = 0;
	b->data = alloc->realloc_fn(alloc->ctx, NULL, b->cap);
	b->data[0] = '\0';
}

/* Make room for n more bytes plus the terminating NUL. */
void
ar_buf_reserve(ar_buf *b, size_t n)
{
	size_t		need = b->len + n + 1;

	if (need > b->cap)
	{
		size_t		ncap = b->cap * 2;

		if (ncap < need)
			ncap = need;
		/* near the 1 GB limit of a PostgreSQL value: grow only as needed */
		if (ncap > need && ncap > (size_t) 0x3fffffff)
			ncap = need;
		b->data = b->alloc->realloc_fn(b->alloc->ctx, b->data, ncap);
		b->cap = ncap;
	}
}

/* Append n bytes. */
void
ar_buf_append(ar_buf *b, const char *s, size_t n)
{
	ar_buf_reserve(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* Append one code point as UTF-8. */
void
ar_buf_append_cp(ar_buf *b, uint32_t cp)
{
	ar_buf_reserve(b, 4);
	b->len += ar_utf8_encode(cp, b->data + b->len);
	b->data[b->len] = '\0';
}

/* Release the buffer's memory. */
void
ar_buf_free(ar_buf *b)
{
	if (b->data)
		b->alloc->free_fn(b->alloc->ctx, b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

/* Number of code points in a UTF-8 string, counting each invalid byte as one. */
size_t
ar_utf8_count(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0,
				n = 0;

	while (i < len)
	{
		if (p[i] < 0x80)
			i++;
		else
		{
			int			adv;

			(void) ar_utf8_decode(p + i, len - i, &adv);
			i += adv;
		}
		n++;
	}
	return n;
}
