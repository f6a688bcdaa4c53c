/*
 * names.c
 *    SQL glue for names across spellings and scripts: ar_translit,
 *    ar_untranslit, ar_name_key, ar_name_similarity and the ar_names_template
 *    text-search dictionary.  The name model (tsearch_data/pg_arabic_names.model)
 *    is read once per backend and kept.
 */
#include "pg_arabic.h"
#include "pg_compat.h"

#include <sys/stat.h>

#include "commands/defrem.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "storage/fd.h"
#include "tsearch/ts_public.h"
#include "tsearch/ts_utils.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "ar_namefilter.h"
#include "ar_names.h"
#include "ar_translit.h"

PG_FUNCTION_INFO_V1(ar_translit_sql);
PG_FUNCTION_INFO_V1(ar_untranslit_sql);
PG_FUNCTION_INFO_V1(ar_name_key_sql);
PG_FUNCTION_INFO_V1(ar_name_similarity_sql);
PG_FUNCTION_INFO_V1(ar_names_init);
PG_FUNCTION_INFO_V1(ar_names_lexize);

#define NAMES_MODEL "pg_arabic_names"

static ar_names_model *names_model_cache = NULL;

/* malloc-free allocator over TopMemoryContext for the cached model. */
static void *
top_realloc(void *ctx, void *ptr, size_t size)
{
	return ptr ? repalloc(ptr, size) : MemoryContextAlloc(TopMemoryContext, size);
}

/* pfree for the cached model. */
static void
top_free(void *ctx, void *ptr)
{
	pfree(ptr);
}

static const ar_allocator top_allocator = {top_realloc, top_free, NULL, NULL};

/* The name model, read from its file on first use in this backend. */
static const ar_names_model *
names_model(void)
{
	size_t		len;
	char	   *text;
	const char *err;

	if (names_model_cache)
		return names_model_cache;
	text = ar_pg_read_tsearch_file(NAMES_MODEL, "model", "name model", &len);
	names_model_cache = ar_names_model_open(&top_allocator, text, len, &err);
	pfree(text);
	if (!names_model_cache)
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("name model file \"%s.model\" is invalid", NAMES_MODEL),
				 errdetail("The parser says: %s.", err),
				 errhint("Reinstall pg_arabic, or rebuild the model with \"make names-model\" and run \"make install\".")));
	return names_model_cache;
}

/* The scheme named by a text argument; error 22023 listing the schemes when unknown. */
static ar_translit_scheme
get_scheme(text *t)
{
	int			s = ar_translit_scheme_find(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));

	if (s < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown transliteration scheme \"%s\"", text_to_cstring(t)),
				 errdetail("The schemes are buckwalter, safe_buckwalter and names.")));
	return (ar_translit_scheme) s;
}

/* ar_translit(input, scheme): Arabic script to its transliteration. */
Datum
ar_translit_sql(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	ar_translit_scheme sc = get_scheme(PG_GETARG_TEXT_PP(1));
	ar_buf		out;

	ar_check_encoding();
	ar_buf_init(&out, &ar_pg_allocator, VARSIZE_ANY_EXHDR(in) + 16);
	if (sc == AR_TRANSLIT_NAMES)
		ar_name_romanize_text(names_model(), VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), &out);
	else
		ar_translit(VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), sc, &out);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out.data ? out.data : "", (int) out.len));
}

/* ar_untranslit(input, scheme): a transliteration back to Arabic script. */
Datum
ar_untranslit_sql(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	ar_translit_scheme sc = get_scheme(PG_GETARG_TEXT_PP(1));
	ar_buf		out;

	ar_check_encoding();
	ar_buf_init(&out, &ar_pg_allocator, VARSIZE_ANY_EXHDR(in) * 2 + 16);
	if (sc == AR_TRANSLIT_NAMES)
		ar_name_arabize_text(names_model(), VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), &out);
	else
		ar_untranslit(VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), sc, &out);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out.data ? out.data : "", (int) out.len));
}

/* ar_name_key(name): the key shared by the spellings of a name in either script. */
Datum
ar_name_key_sql(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	ar_buf		out;

	ar_check_encoding();
	ar_buf_init(&out, &ar_pg_allocator, 32);
	ar_name_key(names_model(), VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), &out);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out.data ? out.data : "", (int) out.len));
}

/* ar_name_similarity(a, b): similarity in [0, 1] of two name tokens in any scripts. */
Datum
ar_name_similarity_sql(PG_FUNCTION_ARGS)
{
	text	   *a = PG_GETARG_TEXT_PP(0);
	text	   *b = PG_GETARG_TEXT_PP(1);

	ar_check_encoding();
	PG_RETURN_FLOAT4(ar_name_similarity(names_model(), VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a),
										VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b)));
}

/* ---- text-search dictionary ar_names_template ---- */

typedef struct ArNamesDict
{
	ar_namefilter *filter;		/* Arabic stopwords + ordinary words */
	StopList	latin_stop;		/* Latin stopwords (PostgreSQL's stop file format) */
	bool		has_latin_stop;
	ar_buf		scratch;
} ArNamesDict;

/* Dictionary init: options StopWords (Arabic), Words (ordinary Arabic words), Names, LatinStopWords. */
Datum
ar_names_init(PG_FUNCTION_ARGS)
{
	List	   *opts = (List *) PG_GETARG_POINTER(0);
	ArNamesDict *d = palloc0(sizeof(ArNamesDict));
	const char *stop = "pg_arabic",
			   *words = "pg_arabic_names",
			   *names = "pg_arabic_names",
			   *latin = NULL;
	ListCell   *l;
	char	   *st,
			   *lx,
			   *nm;
	size_t		stl,
				lxl,
				nml;

	ar_check_encoding();
	foreach(l, opts)
	{
		DefElem    *def = (DefElem *) lfirst(l);

		if (strcmp(def->defname, "stopwords") == 0)
			stop = defGetString(def);
		else if (strcmp(def->defname, "words") == 0)
			words = defGetString(def);
		else if (strcmp(def->defname, "names") == 0)
			names = defGetString(def);
		else if (strcmp(def->defname, "latinstopwords") == 0)
			latin = defGetString(def);
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unrecognized ar_names parameter: \"%s\"", def->defname),
					 errhint("The parameters are StopWords, Words, Names and LatinStopWords.")));
	}
	for (int i = 0; i < 3; i++)
		for (const char *n = i == 0 ? stop : (i == 1 ? words : names), *c = n; *c; c++)
			if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_'))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("invalid ar_names file name \"%s\"", n),
						 errdetail("File names may contain only lowercase ASCII letters, digits and underscores.")));
	st = ar_pg_read_tsearch_file(stop, "stop", "stopword", &stl);
	lx = ar_pg_read_tsearch_file(words, "words", "ordinary-word", &lxl);
	nm = ar_pg_read_tsearch_file(names, "names", "name-list", &nml);
	d->filter = ar_namefilter_new(&ar_pg_allocator, st, stl, lx, lxl, nm, nml);
	pfree(st);
	pfree(lx);
	pfree(nm);
	if (latin)
	{
		readstoplist(latin, &d->latin_stop, AR_STOPLIST_LOWER);
		d->has_latin_stop = true;
	}
	(void) names_model();
	ar_buf_init(&d->scratch, &ar_pg_allocator, 256);
	PG_RETURN_POINTER(d);
}

/* Add the name key of s[0..len) to res as variant *nres unless an earlier lexeme has it. */
static void
add_key(TSLexeme *res, int *nres, const char *s, size_t len)
{
	ar_buf		k;

	ar_buf_init(&k, &ar_pg_allocator, 32);
	ar_name_key(names_model(), s, len, &k);
	if (k.len == 0)
		return;
	for (int i = 0; i < *nres; i++)
		if (strcmp(res[i].lexeme, k.data) == 0)
			return;
	res[*nres].lexeme = k.data;
	res[*nres].nvariant = (uint16) (*nres + 1);
	(*nres)++;
}

/* Dictionary lexize: name keys for a name; NULL (next dictionary) for other words. */
Datum
ar_names_lexize(PG_FUNCTION_ARGS)
{
	ArNamesDict *d = (ArNamesDict *) PG_GETARG_POINTER(0);
	char	   *in = (char *) PG_GETARG_POINTER(1);
	int32		len = PG_GETARG_INT32(2);
	TSLexeme   *res = palloc0(sizeof(TSLexeme) * (AR_NAMEFILTER_MAXFORMS + 1));
	int			nres = 0;
	unsigned char c0 = len > 0 ? (unsigned char) in[0] : 0;

	if (c0 < 0x80 || (c0 >= 0xC3 && c0 <= 0xC9))
	{
		/* Latin-script word */
		char	   *low = ar_lower_with_len(in, len);

		/* the Arabic article written as a word of its own (al-Assad, el-Sisi) is not a name */
		if (strcmp(low, "al") == 0 || strcmp(low, "el") == 0 ||
			(d->has_latin_stop && searchstoplist(&d->latin_stop, low)))
			PG_RETURN_POINTER(res);	/* empty: a stopword */
		add_key(res, &nres, in, (size_t) len);
	}
	else
	{
		size_t		offs[AR_NAMEFILTER_MAXFORMS];
		int			n = ar_namefilter_forms(d->filter, in, (size_t) len, &d->scratch, offs);
		char	   *forms;

		if (n == 0)
			PG_RETURN_POINTER(NULL);	/* not a name: the next dictionary decides */
		forms = palloc(d->scratch.len + 1);	/* NUL-separated: not pnstrdup */
		memcpy(forms, d->scratch.data, d->scratch.len + 1);
		for (int i = 0; i < n; i++)
			add_key(res, &nres, forms + offs[i], strlen(forms + offs[i]));
	}
	if (nres == 0)
		PG_RETURN_POINTER(NULL);
	PG_RETURN_POINTER(res);
}
