/*
 * quotes.c
 *    SQL glue for the quotation finder: ar_quotes(text).
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "pg_arabic.h"
#include "ar_quotes.h"

PG_FUNCTION_INFO_V1(ar_quotes);

/* ar_quotes(input text): one row per quotation with its speaker (NULL when unknown). */
Datum
ar_quotes(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const char *s = VARDATA_ANY(in);
	ar_quote_list list;
	size_t		i;

	ar_check_encoding();
	InitMaterializedSRF(fcinfo, 0);
	/* PERSON spans: heuristic until the entity tagger is wired in (persons = NULL) */
	ar_quotes_find(s, VARSIZE_ANY_EXHDR(in), NULL, 0, &ar_pg_allocator, &list);
	for (i = 0; i < list.n; i++)
	{
		const ar_quote *q = &list.v[i];
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		if ((i & 255) == 255)
			CHECK_FOR_INTERRUPTS();
		if (q->has_speaker)
			values[0] = PointerGetDatum(cstring_to_text_with_len(s + q->speaker_byte_start,
																 (int) q->speaker_byte_len));
		else
		{
			nulls[0] = true;
			values[0] = (Datum) 0;
		}
		values[1] = PointerGetDatum(cstring_to_text_with_len(s + q->byte_start, (int) q->byte_len));
		values[2] = Int32GetDatum((int32) q->char_start + 1);
		values[3] = Int32GetDatum((int32) q->char_len);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		if (!nulls[0])
			pfree(DatumGetPointer(values[0]));
		pfree(DatumGetPointer(values[1]));
	}
	ar_quote_list_free(&list);
	return (Datum) 0;
}
