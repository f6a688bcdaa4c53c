/*
 * ar_lexseq.h
 *    A token sequence with folded lookup keys, shared by the date and
 *    quotation finders.  The input is tokenized once (ar_tokenize), white
 *    space is dropped, and every other token gets a key: Arabic words without
 *    diacritics, tatweel and joiners, with alef, yeh, teh marbuta and Persian
 *    letters folded; digits as ASCII.  Matching runs on keys while offsets
 *    stay those of the original input (bytes and code points).
 */
#ifndef AR_LEXSEQ_H
#define AR_LEXSEQ_H

#include "ar_core.h"
#include "ar_tokenize.h"

#define AR_LEX_KEYMAX 48

/*
 * One token: 32 bytes plus its key in the sequence's key pool.  Offsets are
 * 32-bit: inputs are PostgreSQL text values (at most 1 GB); a longer input
 * is cut at 4 GB.
 */
typedef struct ar_lex
{
	const char *key;			/* folded form, NUL-terminated, at most
								 * AR_LEX_KEYMAX bytes (truncated: keylen 255) */
	uint32_t	byte_start;		/* offsets in the original input */
	uint32_t	byte_len;
	uint32_t	char_start;
	uint32_t	char_len;
	uint8_t		kind;			/* an ar_tok_kind */
	bool		nl_before;		/* a line break separates it from the previous token */
	uint8_t		keylen;
} ar_lex;

typedef struct ar_lexseq
{
	ar_lex	   *v;
	size_t		n;
	ar_buf		keys;			/* the keys, each NUL-terminated */
	const ar_allocator *alloc;
} ar_lexseq;

/* Fold mask used for keys (context-free normalizer rules). */
#define AR_LEX_FOLD_MASK (AR_N_DIACRITICS | AR_N_QURANIC | AR_N_TATWEEL | AR_N_ALEF | \
						  AR_N_YEH | AR_N_TEH_MARBUTA | AR_N_PERSIAN | AR_N_DIGITS | \
						  AR_N_BIDI | AR_N_JOINERS)

/* Tokenize s[0..len) into seq (white space dropped, keys folded). */
extern void ar_lexseq_build(const char *s, size_t len, const ar_allocator *alloc, ar_lexseq *seq);
/* Reading an input into a sequence window by window (bounded memory on long inputs). */
typedef struct ar_lexstream
{
	ar_tokenizer tz;
	const char *s;
	size_t		cap;			/* tokens allocated in the sequence */
	bool		nl;				/* a line break before the next token */
	bool		done;			/* the input is read to its end */
} ar_lexstream;

/* Start reading s[0..len) into an empty seq (keys_hint: initial key pool bytes). */
extern void ar_lexstream_init(ar_lexstream *st, const char *s, size_t len,
							  const ar_allocator *alloc, ar_lexseq *seq, size_t keys_hint);
/* Drop tokens [0, keep_from) of seq and append the next ones until it holds max (or the input ends). */
extern void ar_lexstream_fill(ar_lexstream *st, ar_lexseq *seq, size_t keep_from, size_t max);
/* Release the sequence. */
extern void ar_lexseq_free(ar_lexseq *seq);
/* key is w, or w behind one clitic letter taken from pre (a UTF-8 string of 2-byte Arabic letters). */
extern bool ar_lex_key_is(const char *key, const char *w, const char *pre);
/* True when token i exists and its key equals the NUL-terminated word w. */
extern bool ar_lex_is(const ar_lexseq *seq, size_t i, const char *w);

/* Open-addressing map from NUL-terminated keys (not copied: they must outlive
 * the map) to size_t values, sized once for at most n keys. */
typedef struct ar_keymap
{
	const char **keys;
	size_t	   *vals;
	size_t		cap;			/* power of two */
	const ar_allocator *alloc;
} ar_keymap;

/* A map for up to n keys. */
extern void ar_keymap_init(ar_keymap *m, const ar_allocator *a, size_t n);
/* The value slot of key; with insert a new slot holds (size_t) -1; else NULL if absent. */
extern size_t *ar_keymap_slot(ar_keymap *m, const char *key, bool insert);
/* Free a map. */
extern void ar_keymap_free(ar_keymap *m);

#endif							/* AR_LEXSEQ_H */
