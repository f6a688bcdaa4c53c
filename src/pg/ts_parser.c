/*
 * ts_parser.c
 *    Text-search parser ar_parser, built on the core tokenizer.
 *
 * Token type ids are chosen so that the default headline generator
 * (prsd_headline, which classifies tokens by the default parser's ids) works
 * unchanged: white space, punctuation and symbols are returned as id 12
 * ("blank", the default parser's SPACE), which prsd_headline treats as a
 * non-word it may not start or end a fragment on; words use ids 1-3 and
 * numbers id 22 (the default parser's unsigned integer), which, as for the
 * default parser, may be highlighted but never ends a fragment.  Ids it handles
 * specially (5 URL, 13 tag, 14 protocol, 15-17 hyphenated words, 23 entity)
 * are never used.
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "tsearch/ts_public.h"

#include "pg_arabic.h"
#include "ar_tokenize.h"

#define AR_TT_LATIN		1
#define AR_TT_ARABIC	2
#define AR_TT_OTHER		3
#define AR_TT_BLANK		12
#define AR_TT_NUMBER	22

/* Longest token handed to PostgreSQL; longer runs are cut (MAXSTRLEN is 2047). */
#define AR_MAX_TOKEN_BYTES 2000

typedef struct ArParserState
{
	ar_tokenizer tz;
	const char *str;
	ar_token	tok;			/* current token */
	size_t		done;			/* bytes of tok already returned */
	bool		have;			/* tok has bytes left */
	uint32		ntokens;		/* for periodic interrupt checks */
} ArParserState;

PG_FUNCTION_INFO_V1(ar_prs_start);
PG_FUNCTION_INFO_V1(ar_prs_nexttoken);
PG_FUNCTION_INFO_V1(ar_prs_end);
PG_FUNCTION_INFO_V1(ar_prs_lextype);

/* Parser start: remember the text and start the core tokenizer. */
Datum
ar_prs_start(PG_FUNCTION_ARGS)
{
	ArParserState *st = palloc0(sizeof(ArParserState));

	ar_check_encoding();
	st->str = (const char *) PG_GETARG_POINTER(0);
	ar_tokenizer_init(&st->tz, st->str, (size_t) PG_GETARG_INT32(1));
	PG_RETURN_POINTER(st);
}

/* Map a tokenizer kind to the parser's token type id. */
static int
token_type(ar_tok_kind kind)
{
	switch (kind)
	{
		case AR_TOK_ARABIC:
			return AR_TT_ARABIC;
		case AR_TOK_LATIN:
			return AR_TT_LATIN;
		case AR_TOK_OTHER:
			return AR_TT_OTHER;
		case AR_TOK_NUMBER:
			return AR_TT_NUMBER;
		default:
			return AR_TT_BLANK;
	}
}

/* Next token: its type id (0 at the end), text pointer and byte length. */
Datum
ar_prs_nexttoken(PG_FUNCTION_ARGS)
{
	ArParserState *st = (ArParserState *) PG_GETARG_POINTER(0);
	char	  **t = (char **) PG_GETARG_POINTER(1);
	int		   *tlen = (int *) PG_GETARG_POINTER(2);
	size_t		left,
				n;

	if ((++st->ntokens & 4095) == 0)
		CHECK_FOR_INTERRUPTS();
	if (!st->have)
	{
		if (!ar_tokenizer_next(&st->tz, &st->tok))
			PG_RETURN_INT32(0);
		st->done = 0;
		st->have = true;
	}
	left = st->tok.byte_len - st->done;
	n = left;
	if (n > AR_MAX_TOKEN_BYTES)
	{
		/* cut an over-long run at a character boundary */
		n = AR_MAX_TOKEN_BYTES;
		while (n > 1 && (((unsigned char) st->str[st->tok.byte_start + st->done + n]) & 0xC0) == 0x80)
			n--;
	}
	*t = (char *) st->str + st->tok.byte_start + st->done;
	*tlen = (int) n;
	st->done += n;
	if (st->done >= st->tok.byte_len)
		st->have = false;
	PG_RETURN_INT32(token_type(st->tok.kind));
}

/* Parser end: free the state. */
Datum
ar_prs_end(PG_FUNCTION_ARGS)
{
	pfree(PG_GETARG_POINTER(0));
	PG_RETURN_VOID();
}

/* Token types of ar_parser, as shown by ts_token_type('ar_parser'). */
Datum
ar_prs_lextype(PG_FUNCTION_ARGS)
{
	static const struct
	{
		int			id;
		const char *alias;
		const char *descr;
	}			types[] = {
		{AR_TT_LATIN, "latin", "Latin-script word"},
		{AR_TT_ARABIC, "arabic", "Arabic-script word"},
		{AR_TT_OTHER, "other", "Word in another script"},
		{AR_TT_BLANK, "blank", "Space, punctuation and symbols"},
		{AR_TT_NUMBER, "number", "Number"},
	};
	int			n = lengthof(types),
				i;
	LexDescr   *d = palloc(sizeof(LexDescr) * (n + 1));

	for (i = 0; i < n; i++)
	{
		d[i].lexid = types[i].id;
		d[i].alias = pstrdup(types[i].alias);
		d[i].descr = pstrdup(types[i].descr);
	}
	d[n].lexid = 0;
	PG_RETURN_POINTER(d);
}
