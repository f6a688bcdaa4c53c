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

/*
 * A sequence built by ar_lexseq_build holds every token in v.  One built by
 * ar_lexseq_build_paged over a long text holds a page of them (tokens
 * [base, base + nv)) and re-tokenizes another page from a checkpoint (two before the token) when a
 * token outside is asked for (ar_lex_at); the page before stays valid until
 * the next load, so a pointer to a token or key survives one page change.
 */
typedef struct ar_lexseq
{
	ar_lex	   *v;				/* tokens [base, base + nv) */
	size_t		n;				/* tokens of the whole text */
	ar_buf		keys;			/* the keys, each NUL-terminated */
	const ar_allocator *alloc;
	size_t		base,
				nv;
	/* paged sequences only (page > 0) */
	size_t		page;			/* tokens per page */
	const char *s;
	size_t		len;
	uint32_t   *ck;				/* per AR_LEX_CHECKPOINT tokens: byte, code point, line break before */
	ar_lex	   *v2;				/* the page before, tokens [base2, base2 + nv2) */
	ar_buf		keys2;
	size_t		base2,
				nv2;
} ar_lexseq;

/* Tokens between two checkpoints of a paged sequence. */
#define AR_LEX_CHECKPOINT 256

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
/*
 * Like ar_lexseq_build, but a text of more than page tokens is held a page
 * at a time (read tokens with ar_lex_at): memory for two pages and 12 bytes
 * per AR_LEX_CHECKPOINT tokens instead of 32+ bytes per token.
 */
extern void ar_lexseq_build_paged(const char *s, size_t len, size_t page, const ar_allocator *alloc,
								  ar_lexseq *seq);
/* Load the page holding token i of a paged sequence; returns token i (an empty token when i >= n). */
extern const ar_lex *ar_lexseq_load(ar_lexseq *seq, size_t i);

/* Token i of a sequence, paged or not. */
static inline const ar_lex *
ar_lex_at(const ar_lexseq *seq, size_t i)
{
	return i - seq->base < seq->nv ? &seq->v[i - seq->base] : ar_lexseq_load((ar_lexseq *) seq, i);
}

/* First token whose end lies after code point cp (seq->n when none). */
extern size_t ar_lexseq_token_after(const ar_lexseq *seq, size_t cp);
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
