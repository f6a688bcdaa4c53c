/*
 * ar_stem_memo.h
 *    Memo of recent words for a stemming dictionary: word bytes -> its
 *    lexemes (stem, optional second lexeme) or "no lexeme" (a stopword, an
 *    empty stem).
 *
 * News text repeats a vocabulary far larger than a few thousand words but
 * with a steep frequency curve, so a memo of recent words answers most
 * tokens without stemming.  The memo is two 4-way set-associative tables
 * with least-recently-used replacement: one of 32-byte entries (two per
 * cache line) for a word whose bytes and lexemes fit 28 bytes (96 % of news
 * tokens), one of 64-byte entries, an eighth as many, for the others up to
 * 60 bytes; longer words are not memoized.  The tags and recency ranks of a
 * set are in a separate 16-byte record, so a lookup reads one tag record
 * (the tags stay in the CPU's second-level cache) and, on a hit, one entry.
 * The memo starts with AR_MEMO_SMALL_SLOTS short entries (0.7 MB in all) and
 * grows once, to AR_MEMO_BIG_SLOTS (2.8 MB in all), after
 * AR_MEMO_GROW_MISSES misses (bulk work: indexing, a query over many rows),
 * so a backend that stems a few words keeps the small size
 * (ar_stem_memo_bytes() gives the size).
 *
 * The memo holds only what the caller put in it; it is owned by one caller
 * (a dictionary in one backend) and not thread-safe.
 */
#ifndef AR_STEM_MEMO_H
#define AR_STEM_MEMO_H

#include "ar_core.h"

#define AR_MEMO_WAYS		4
#define AR_MEMO_SMALL_SLOTS 16384
#define AR_MEMO_BIG_SLOTS	65536
#define AR_MEMO_GROW_MISSES 8192

typedef struct ar_stem_memo ar_stem_memo;

/* A memoized answer: pointers into the memo, valid until the next ar_stem_memo_put(). */
typedef struct ar_memo_entry
{
	const char *stem;			/* NULL: no lexeme (stopword or empty stem) */
	size_t		stem_len;
	const char *also;			/* second lexeme, NULL if none */
	size_t		also_len;
} ar_memo_entry;

/* A new, empty memo (AR_MEMO_SMALL_SLOTS entries). */
extern ar_stem_memo *ar_stem_memo_new(const ar_allocator *alloc);

/* Release a memo. */
extern void ar_stem_memo_free(ar_stem_memo *m);

/*
 * Look word[0..len) up: true and *e filled on a hit.  *hash receives the
 * word's hash, to hand to ar_stem_memo_put() after a miss.
 */
extern bool ar_stem_memo_get(ar_stem_memo *m, const char *word, size_t len,
							 ar_memo_entry *e, uint32_t *hash);

/*
 * Remember the answer for word[0..len) (hash from ar_stem_memo_get): stem
 * NULL for no lexeme; also NULL (or also_len 0) for no second lexeme.
 * Ignored when the word and its lexemes do not fit an entry.
 */
extern void ar_stem_memo_put(ar_stem_memo *m, uint32_t hash, const char *word, size_t len,
							 const char *stem, size_t stem_len,
							 const char *also, size_t also_len);

/* Bytes held by the memo. */
extern size_t ar_stem_memo_bytes(const ar_stem_memo *m);

#endif							/* AR_STEM_MEMO_H */
