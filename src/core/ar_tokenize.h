/*
 * ar_tokenize.h
 *    Arabic-aware tokenizer.  Splits UTF-8 text into words (with their
 *    diacritics, tatweel and inner ZWNJ/ZWJ), numbers (with ٫ ٬ . , between
 *    digits), Latin and other-script words, punctuation, symbols (emoji
 *    sequences kept whole) and white space.  Every byte of the input belongs
 *    to exactly one token, so concatenating all tokens gives back the input.
 */
#ifndef AR_TOKENIZE_H
#define AR_TOKENIZE_H

#include "ar_core.h"

typedef enum ar_tok_kind
{
	AR_TOK_ARABIC = 1,			/* Arabic-script word */
	AR_TOK_LATIN,				/* Latin-script word (letters, may contain ASCII digits) */
	AR_TOK_OTHER,				/* word in another script (Cyrillic, CJK, ...) */
	AR_TOK_NUMBER,				/* digits, with inner separators */
	AR_TOK_PUNCT,				/* one punctuation character */
	AR_TOK_SYMBOL,				/* symbol, emoji sequence, stray marks, invalid bytes */
	AR_TOK_SPACE				/* run of white space and invisible controls */
} ar_tok_kind;

#define AR_TOK_NKINDS 7

/* SQL-facing kind names, indexed by ar_tok_kind. */
extern const char *const ar_tok_kind_names[AR_TOK_NKINDS + 1];

typedef struct ar_token
{
	ar_tok_kind kind;
	size_t		byte_start;		/* offset in the input, bytes */
	size_t		byte_len;
	size_t		char_start;		/* offset in the input, code points (0-based) */
	size_t		char_len;
} ar_token;

typedef struct ar_tokenizer
{
	const unsigned char *s;
	size_t		len;
	size_t		pos;			/* byte position */
	size_t		cpos;			/* code point position */
} ar_tokenizer;

/* Start tokenizing s[0..len). */
extern void ar_tokenizer_init(ar_tokenizer *t, const char *s, size_t len);

/* Fill *tok with the next token; false at end of input. */
extern bool ar_tokenizer_next(ar_tokenizer *t, ar_token *tok);

#endif							/* AR_TOKENIZE_H */
