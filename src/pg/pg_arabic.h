/*
 * pg_arabic.h
 *    Shared declarations of the PostgreSQL glue (src/pg).
 */
#ifndef PG_ARABIC_H
#define PG_ARABIC_H

#include "postgres.h"

#include "ar_core.h"

/* palloc-based allocator handed to the core: memory lives in CurrentMemoryContext. */
extern const ar_allocator ar_pg_allocator;

/* pg_arabic.window_tokens: window of the entity tagger and page of the quotation finder on long texts. */
extern int	ar_pg_window_tokens;

/* Error out unless the database encoding is UTF8. */
extern void ar_check_encoding(void);

/* Read size bytes of fd (an OpenTransientFile) into memory of cxt and close fd; *got is the number of bytes read. */
extern char *ar_pg_read_all(int fd, size_t size, MemoryContext cxt, size_t *got);
extern char *ar_pg_read_tsearch_file(const char *name, const char *ext, const char *what, size_t *len);

#endif							/* PG_ARABIC_H */
