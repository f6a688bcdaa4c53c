/*
 * normalize.c
 *    SQL glue for normalization: ar_normalize(text, profile) and
 *    ar_normalize_rules().
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "pg_arabic.h"
#include "ar_normalize.h"

PG_FUNCTION_INFO_V1(ar_normalize_text);
PG_FUNCTION_INFO_V1(ar_normalize_rules);

/* Rule mask of a specification, remembered in fn_extra across calls with the same spec. */
typedef struct ArNormSpecCache
{
	uint32		mask;
	int			len;
	char		spec[FLEXIBLE_ARRAY_MEMBER];
} ArNormSpecCache;

/* Parse (or fetch from the per-call-site cache) the rule mask of spec. */
static uint32
spec_mask(FunctionCallInfo fcinfo, text *spec)
{
	const char *s = VARDATA_ANY(spec);
	int			len = VARSIZE_ANY_EXHDR(spec);
	ArNormSpecCache *c = (ArNormSpecCache *) fcinfo->flinfo->fn_extra;
	uint32		mask;
	char		bad[64];

	if (c && c->len == len && memcmp(c->spec, s, len) == 0)
		return c->mask;
	if (!ar_norm_parse_spec(s, len, &mask, bad, sizeof(bad)))
	{
		int			blank = 0;

		while (blank < len && (s[blank] == ' ' || s[blank] == '\t'))
			blank++;
		if (bad[0] == '\0' && blank == len)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("empty normalization specification"),
					 errhint("Use a profile (search, clean) or 'none' for no rules.")));
		if (bad[0] == '\0')
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("empty item in normalization specification \"%.*s\"", len, s),
					 errdetail("Items are separated by commas; one of them is empty (a doubled, leading or trailing comma, or a - or + alone)."),
					 errhint("Remove the extra comma, as in 'search,-teh_marbuta'; use 'none' for no rules.")));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown normalization profile or rule \"%s\"", bad),
				 errdetail("The specification was \"%.*s\".", len, s),
				 errhint("Use a profile (search, clean, none) or rule names listed by ar_normalize_rules(), separated by commas; prefix a rule with - to remove it, as in 'search,-teh_marbuta'.")));
	}
	if (c == NULL || c->len < len)
		c = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, offsetof(ArNormSpecCache, spec) + len + 1);
	c->mask = mask;
	c->len = len;
	memcpy(c->spec, s, len);
	fcinfo->flinfo->fn_extra = c;
	return mask;
}

/* ar_normalize(input text, profile text): the input under the given rules. */
Datum
ar_normalize_text(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	uint32		mask;
	ar_buf		b;

	ar_check_encoding();
	mask = spec_mask(fcinfo, PG_GETARG_TEXT_PP(1));
	/* build the result in place after a varlena header: no final copy */
	ar_buf_init(&b, &ar_pg_allocator, VARSIZE_ANY_EXHDR(in) + VARHDRSZ + 16);
	b.len = VARHDRSZ;
	ar_normalize(VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), mask, &b);
	SET_VARSIZE(b.data, b.len);
	PG_FREE_IF_COPY(in, 0);
	PG_RETURN_TEXT_P((text *) b.data);
}

/* ar_normalize_rules(): every rule with its description and profile membership. */
Datum
ar_normalize_rules(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			i;

	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	for (i = 0; ar_norm_rules[i].name; i++)
	{
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		values[0] = CStringGetTextDatum(ar_norm_rules[i].name);
		values[1] = CStringGetTextDatum(ar_norm_rules[i].description);
		values[2] = BoolGetDatum((AR_PROFILE_SEARCH & ar_norm_rules[i].bit) != 0);
		values[3] = BoolGetDatum((AR_PROFILE_CLEAN & ar_norm_rules[i].bit) != 0);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
