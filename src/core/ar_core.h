/*
 * ar_core.h
 *    Shared conventions of the pg_arabic analysis core.
 *
 * The core (src/core) is plain C99 plus ICU: it never includes PostgreSQL
 * headers, never calls palloc or ereport, and keeps no global mutable state.
 * Memory comes from a caller-supplied allocator (ar_allocator), so the same
 * code runs inside a backend (palloc in the current memory context), in the
 * standalone unit tests and benchmarks (malloc), and under libFuzzer.
 *
 * Text is UTF-8.  Invalid byte sequences never crash the core: each bad byte
 * is read as U+FFFD and consumes one byte.
 */
#ifndef AR_CORE_H
#define AR_CORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/*
 * Memory interface handed to the core by its caller.  check_fn, when set, is
 * called now and then from long loops so the caller can abandon the work (in
 * a backend: CHECK_FOR_INTERRUPTS, which may longjmp; the core keeps nothing
 * that needs cleaning up at those points except memory from this allocator).
 */
typedef struct ar_allocator
{
	void	   *(*realloc_fn) (void *ctx, void *ptr, size_t size);	/* ptr NULL = alloc */
	void		(*free_fn) (void *ctx, void *ptr);
	void	   *ctx;
	void		(*check_fn) (void *ctx);	/* may be NULL */
} ar_allocator;

/* Let the caller interrupt a long loop: call every 4096 iterations of counter i (an expression). */
#define AR_CHECK_INTERRUPTS(alloc, i) \
	((void) (((alloc)->check_fn && ((i) & 4095) == 0) ? ((alloc)->check_fn((alloc)->ctx), 0) : 0))

/* The malloc-based allocator used by standalone programs; aborts on OOM. */
extern const ar_allocator ar_malloc_allocator;

/* A growable byte buffer; data is always NUL-terminated after ar_buf_* calls. */
typedef struct ar_buf
{
	char	   *data;
	size_t		len;
	size_t		cap;
	const ar_allocator *alloc;
} ar_buf;

/* Initialize an empty buffer with an initial capacity hint. */
extern void ar_buf_init(ar_buf *b, const ar_allocator *alloc, size_t hint);
/* Make room for n more bytes. */
extern void ar_buf_reserve(ar_buf *b, size_t n);
/* Append n bytes. */
extern void ar_buf_append(ar_buf *b, const char *s, size_t n);
/* Append one code point as UTF-8. */
extern void ar_buf_append_cp(ar_buf *b, uint32_t cp);
/* Release the buffer's memory. */
extern void ar_buf_free(ar_buf *b);

/* Decode one code point at s (len bytes left, len > 0); *adv gets its byte length. */
static inline uint32_t
ar_utf8_decode(const unsigned char *s, size_t len, int *adv)
{
	unsigned char c = s[0];

	if (c < 0x80)
	{
		*adv = 1;
		return c;
	}
	if (c >= 0xC2 && c <= 0xDF && len >= 2 && (s[1] & 0xC0) == 0x80)
	{
		*adv = 2;
		return ((uint32_t) (c & 0x1F) << 6) | (s[1] & 0x3F);
	}
	if (c >= 0xE0 && c <= 0xEF && len >= 3 &&
		(s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80)
	{
		uint32_t	cp = ((uint32_t) (c & 0x0F) << 12) |
			((uint32_t) (s[1] & 0x3F) << 6) | (s[2] & 0x3F);

		if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF))
		{
			*adv = 3;
			return cp;
		}
	}
	else if (c >= 0xF0 && c <= 0xF4 && len >= 4 &&
			 (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80)
	{
		uint32_t	cp = ((uint32_t) (c & 0x07) << 18) |
			((uint32_t) (s[1] & 0x3F) << 12) |
			((uint32_t) (s[2] & 0x3F) << 6) | (s[3] & 0x3F);

		if (cp >= 0x10000 && cp <= 0x10FFFF)
		{
			*adv = 4;
			return cp;
		}
	}
	*adv = 1;
	return 0xFFFD;
}

/* Encode cp as UTF-8 into out (4 bytes room); returns the byte count. */
static inline int
ar_utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80)
	{
		out[0] = (char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		out[0] = (char) (0xC0 | (cp >> 6));
		out[1] = (char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		out[0] = (char) (0xE0 | (cp >> 12));
		out[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char) (0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char) (0xF0 | (cp >> 18));
	out[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char) (0x80 | (cp & 0x3F));
	return 4;
}

/* Number of code points in a UTF-8 string, counting each invalid byte as one. */
extern size_t ar_utf8_count(const char *s, size_t len);

#endif							/* AR_CORE_H */
