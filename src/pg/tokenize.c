/*
 * tokenize.c
 *    SQL glue for the tokenizer: ar_tokenize(text).
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "pg_arabic.h"
#include "ar_tokenize.h"

PG_FUNCTION_INFO_V1(ar_tokenize);

/* ar_tokenize(input text): one row per non-space token with 1-based character offsets. */
Datum
ar_tokenize(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const char *s = VARDATA_ANY(in);
	ar_tokenizer tz;
	ar_token	tok;
	int32		pos = 0;

	ar_check_encoding();
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	ar_tokenizer_init(&tz, s, VARSIZE_ANY_EXHDR(in));
	while (ar_tokenizer_next(&tz, &tok))
	{
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		if (tok.kind == AR_TOK_SPACE)
			continue;
		if ((++pos & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		values[0] = Int32GetDatum(pos);
		values[1] = PointerGetDatum(cstring_to_text_with_len(s + tok.byte_start, tok.byte_len));
		values[2] = CStringGetTextDatum(ar_tok_kind_names[tok.kind]);
		values[3] = Int32GetDatum((int32) tok.char_start + 1);
		values[4] = Int32GetDatum((int32) tok.char_len);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		pfree(DatumGetPointer(values[1]));
		pfree(DatumGetPointer(values[2]));
	}
	return (Datum) 0;
}
