/*
 * quotes.c
 *    SQL glue for the quotation finder: ar_quotes(text) with the PER spans of
 *    the named-entity tagger (same model and gazetteer cache as ar_entities),
 *    ar_quotes(text, int4range[]) with PERSON spans given by the caller.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

#include "pg_arabic.h"
#include "ar_quotes.h"
#include "ner.h"

PG_FUNCTION_INFO_V1(ar_quotes);
PG_FUNCTION_INFO_V1(ar_quotes_persons);

/* Emit the rows of one quotation list into the materialized result. */
static void
emit_quotes(FunctionCallInfo fcinfo, const char *s, const ar_quote_list *list)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	size_t		i;

	for (i = 0; i < list->n; i++)
	{
		const ar_quote *q = &list->v[i];
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
}

/* ar_quotes(input text): one row per quotation with its speaker (NULL when unknown). */
Datum
ar_quotes(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(in);
	size_t		len = VARSIZE_ANY_EXHDR(in);
	ar_ner_entity *ents;
	ar_span    *spans;
	size_t		n,
				i,
				nspans = 0;
	ar_quote_list list;
	MemoryContext work,
				old;

	ar_check_encoding();
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	work = AllocSetContextCreate(CurrentMemoryContext, "ar_quotes work",
								 ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(work);
	n = ar_pg_ner_extract(fcinfo->flinfo->fn_oid, s, len, &ents);
	spans = palloc(sizeof(ar_span) * (n > 0 ? n : 1));
	for (i = 0; i < n; i++)
		if (ents[i].type == AR_NER_PER)
		{
			spans[nspans].char_start = ents[i].char_start;
			spans[nspans].char_len = ents[i].char_len;
			nspans++;
		}
	CHECK_FOR_INTERRUPTS();
	/* tagger persons first; the core's guessed persons fill in where the tagger saw none */
	ar_quotes_find_tagged(s, len, spans, nspans, &ar_pg_allocator, &list);
	emit_quotes(fcinfo, s, &list);
	MemoryContextSwitchTo(old);
	MemoryContextDelete(work);
	return (Datum) 0;
}

/* ar_quotes(input text, persons int4range[]): speakers chosen among the given PERSON spans. */
Datum
ar_quotes_persons(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(1);
	const char *s = VARDATA_ANY(in);
	TypeCacheEntry *typcache;
	Datum	   *elems;
	bool	   *enulls;
	int			nelems,
				k;
	ar_span    *spans;
	size_t		nspans = 0;
	ar_quote_list list;

	ar_check_encoding();
	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("persons must be a one-dimensional array"),
				 errhint("Pass the PERSON spans as int4range[], e.g. ARRAY[int4range(12, 20)].")));
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	typcache = lookup_type_cache(ARR_ELEMTYPE(arr), TYPECACHE_RANGE_INFO);
	if (typcache->rngelemtype == NULL || typcache->rngelemtype->type_id != INT4OID)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("persons must be an int4range[]")));
	deconstruct_array(arr, ARR_ELEMTYPE(arr), typcache->typlen, typcache->typbyval,
					  typcache->typalign, &elems, &enulls, &nelems);
	spans = palloc(sizeof(ar_span) * (nelems > 0 ? nelems : 1));
	for (k = 0; k < nelems; k++)
	{
		RangeBound	lo,
					hi;
		bool		empty;
		int32		a,
					b;

		if (enulls[k])
			continue;
		range_deserialize(typcache, DatumGetRangeTypeP(elems[k]), &lo, &hi, &empty);
		if (empty)
			continue;
		if (lo.infinite || hi.infinite)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("person span %d is unbounded", k + 1),
					 errdetail("A PERSON span is a finite range of 1-based character positions [start_pos, start_pos + length)."),
					 errhint("Use int4range(start_pos, start_pos + length) from the entity extractor.")));
		/* int4range is canonical [a, b): 1-based positions a .. b-1 */
		a = DatumGetInt32(lo.val);
		b = DatumGetInt32(hi.val);
		if (a < 1)
			a = 1;
		if (b <= a)
			continue;
		spans[nspans].char_start = (size_t) a - 1;
		spans[nspans].char_len = (size_t) (b - a);
		nspans++;
	}
	ar_quotes_find(s, VARSIZE_ANY_EXHDR(in), spans, nspans, &ar_pg_allocator, &list);
	emit_quotes(fcinfo, s, &list);
	ar_quote_list_free(&list);
	pfree(spans);
	return (Datum) 0;
}
