/*
 * dates.c
 *    SQL glue for the date finder: ar_dates(text, date).
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

#include "pg_arabic.h"
#include "ar_dates.h"

PG_FUNCTION_INFO_V1(ar_dates);

/* Where ar_dates_scan sends its matches: the result rows, as they are found. */
typedef struct dates_sink
{
	ReturnSetInfo *rsinfo;
	const char *s;
} dates_sink;

/* ar_date_emit: one result row (expression, value or NULL, start_pos, length). */
static void
dates_emit(void *arg, const ar_date_match *m)
{
	dates_sink *k = arg;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};

	values[0] = PointerGetDatum(cstring_to_text_with_len(k->s + m->byte_start, (int) m->byte_len));
	values[1] = CStringGetTextDatum(m->value);
	nulls[1] = m->value[0] == '\0';	/* no valid value (see ar_dates.h) */
	values[2] = Int32GetDatum((int32) m->char_start + 1);
	values[3] = Int32GetDatum((int32) m->char_len);
	tuplestore_putvalues(k->rsinfo->setResult, k->rsinfo->setDesc, values, nulls);
	pfree(DatumGetPointer(values[0]));
	pfree(DatumGetPointer(values[1]));
}

/*
 * ar_dates(input text, reference date): one row per date expression; NULL
 * input gives no rows.  Rows go to the tuplestore as they are found (it
 * spills to disk past work_mem) and the core reads the text in token
 * windows: memory stays near the size of the input itself.
 */
Datum
ar_dates(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	ar_date_ref ref;
	ar_date_ref *refp = NULL;
	ar_dates_status st;
	text	   *in;
	dates_sink	sink;

	ar_check_encoding();
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	if (PG_NARGS() > 1 && !PG_ARGISNULL(1))
	{
		DateADT		d = PG_GETARG_DATEADT(1);

		if (DATE_NOT_FINITE(d))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("reference date must be finite"),
					 errdetail("Relative expressions are resolved against the reference date; infinity has no calendar fields."),
					 errhint("Pass a real date such as the publication date, or NULL to leave relative dates unresolved.")));
		j2date(d + POSTGRES_EPOCH_JDATE, &ref.year, &ref.month, &ref.day);
		refp = &ref;
	}
	in = PG_GETARG_TEXT_PP(0);
	sink.rsinfo = rsinfo;
	sink.s = VARDATA_ANY(in);
	st = ar_dates_scan(sink.s, VARSIZE_ANY_EXHDR(in), refp, &ar_pg_allocator, NULL, dates_emit, &sink);
	if (st == AR_DATES_BAD_REFERENCE)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("reference date out of range"),
				 errdetail("The reference year is %d; ar_dates handles years 1 to 9999 (AD).", ref.year),
				 errhint("Pass a date between 0001-01-01 and 9999-12-31.")));
	if (st != AR_DATES_OK)
		elog(ERROR, "unexpected ar_dates_find status %d", (int) st);	/* internal: no other status exists */
	return (Datum) 0;
}
