/*
 * ts_dict.c
 *    Dictionary template ar_stem_template (the ar_stem and ar_exact
 *    dictionaries) and the SQL functions ar_stem(word), ar_analyze(text) and
 *    ar_root(word).
 *
 * The dictionary's init function reads its word lists once; PostgreSQL's
 * text-search cache keeps the result (the stemmer and a reusable scratch
 * buffer) for the life of the backend, or until the dictionary is altered.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "common/hashfn.h"
#include "catalog/pg_ts_dict.h"
#include "commands/defrem.h"
#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "nodes/value.h"
#include "storage/fd.h"
#include "tsearch/ts_cache.h"
#include "tsearch/ts_public.h"
#include "tsearch/ts_utils.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "pg_arabic.h"
#include "ar_normalize.h"
#include "ar_root.h"
#include "ar_stem.h"
#include "ar_stem_memo.h"
#include "ar_tokenize.h"

typedef struct ArStemDict
{
	ar_stemmer *st;
	ar_buf		scratch;		/* reused by every lexize call */
	ar_allocator memo_alloc;	/* palloc in the dictionary's memory context */
	ar_stem_memo *memo;			/* recent words (ar_stem_memo.h): 0.7 MB, 2.8 MB once grown */
} ArStemDict;

PG_FUNCTION_INFO_V1(ar_stem_init);
PG_FUNCTION_INFO_V1(ar_stem_lexize);
PG_FUNCTION_INFO_V1(ar_stem);
PG_FUNCTION_INFO_V1(ar_analyze);
PG_FUNCTION_INFO_V1(ar_root_sql);

#define NLISTS 4
static const char *const list_ext[NLISTS] = {"stop", "protected", "plurals", "lexicon"};
static const char *const list_opt[NLISTS] = {"StopWords", "ProtectedWords", "Plurals", "Lexicon"};

/* Reject data-file names that are paths or contain anything but [a-z0-9_]. */
static void
check_file_name(const char *opt, const char *name)
{
	const char *p;

	if (strchr(name, '/') || strchr(name, '\\') || strstr(name, ".."))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("ar_stem parameter %s must be a file name, not a path: \"%s\"", opt, name),
				 errdetail("Data files are read from the tsearch_data directory of the installation."),
				 errhint("Give the base name only, for example %s = pg_arabic.", opt)));
	for (p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid ar_stem file name for %s: \"%s\"", opt, name),
					 errdetail("File names may contain only lower-case ASCII letters, digits and underscores."),
					 errhint("Give the base name without extension, for example %s = pg_arabic.", opt)));
	if (*name == '\0')
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("ar_stem parameter %s is empty", opt)));
}

/* Read tsearch_data/<name>.<ext> into the stemmer's list. */
static void
load_list(ar_stemmer *st, ar_stem_list which, const char *name)
{
	char	   *what = psprintf("ar_stem %s", list_ext[which]);
	char	   *data;
	size_t		len,
				bad = 0;

	check_file_name(list_opt[which], name);
	data = ar_pg_read_tsearch_file(name, list_ext[which], what, &len);
	if (ar_stemmer_load(st, which, data, len, &bad) < 0)
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("invalid line %zu in ar_stem file \"%s.%s\"", bad, name, list_ext[which]),
				 errdetail(which == AR_LIST_PLURALS ?
						   "Each line must hold a plural and its singular, both Arabic words, or a loanword spelling and its preferred spelling as prefixes, both ending in * (the first of 6 to 16 letters)." :
						   which == AR_LIST_LEXICON ?
						   "Each line must hold an Arabic word and its classes (letters F, T, M, or -)." :
						   "Each line must hold one Arabic word.")));
	pfree(data);
	pfree(what);
}

/* Parse the Aggressiveness option: 0..3 or none/light/default/heavy. */
static int
parse_level(const char *v)
{
	static const char *const names[] = {"none", "light", "default", "heavy"};
	int			i;

	for (i = 0; i < 4; i++)
		if (pg_strcasecmp(v, names[i]) == 0 || (v[0] == '0' + i && v[1] == '\0'))
			return i;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid value for ar_stem parameter Aggressiveness: \"%s\"", v),
			 errhint("Use 0 (none), 1 (light), 2 (default) or 3 (heavy).")));
	return 0;					/* keep compiler quiet */
}

/* Reject a second occurrence of an option. */
static void
reject_repeated(bool seen, const char *name)
{
	if (seen)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("multiple %s parameters", name)));
}

/* Parse the LoanwordFolding option: a boolean (on/off, true/false, yes/no, 1/0). */
static bool
parse_loan(const char *v)
{
	bool		on;

	if (!parse_bool(v, &on))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for ar_stem parameter LoanwordFolding: \"%s\"", v),
				 errdetail("LoanwordFolding is a boolean."),
				 errhint("Use on or off.")));
	return on;
}

/* Allocator bridge for the memo: palloc in the memory context ctx, whatever the current one. */
static void *
dict_realloc_fn(void *ctx, void *ptr, size_t size)
{
	return ptr ? repalloc(ptr, size) : MemoryContextAlloc((MemoryContext) ctx, size);
}

/* Dictionary init: validate options, build the stemmer and load its lists. */
Datum
ar_stem_init(PG_FUNCTION_ARGS)
{
	List	   *options = (List *) PG_GETARG_POINTER(0);
	ListCell   *l;
	const char *files[NLISTS] = {NULL, NULL, NULL, NULL};
	int			level = AR_STEM_DEFAULT;
	uint32_t	mask = AR_PROFILE_SEARCH;
	bool		seen_level = false,
				seen_norm = false,
				seen_loan = false,
				loan = false;
	ArStemDict *d;
	int			i;

	ar_check_encoding();
	foreach(l, options)
	{
		DefElem    *def = (DefElem *) lfirst(l);
		bool		known = false;

		for (i = 0; i < NLISTS; i++)
			if (pg_strcasecmp(def->defname, list_opt[i]) == 0)
			{
				reject_repeated(files[i] != NULL, list_opt[i]);
				files[i] = defGetString(def);
				check_file_name(list_opt[i], files[i]);
				known = true;
			}
		if (known)
			continue;
		if (pg_strcasecmp(def->defname, "Aggressiveness") == 0)
		{
			reject_repeated(seen_level, "Aggressiveness");
			level = parse_level(defGetString(def));
			seen_level = true;
		}
		else if (pg_strcasecmp(def->defname, "Normalization") == 0)
		{
			const char *spec = defGetString(def);
			char		bad[64];
			bool		ok;

			reject_repeated(seen_norm, "Normalization");
			ok = ar_norm_parse_spec(spec, strlen(spec), &mask, bad, sizeof(bad));
			if (!ok && bad[0] == '\0')
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("invalid ar_stem Normalization \"%s\": empty item", spec),
						 errdetail("Items are separated by commas; one of them is empty (a doubled, leading or trailing comma, or a - or + alone)."),
						 errhint("Remove the extra comma, as in 'search,-teh_marbuta'; use 'none' for no rules.")));
			else if (!ok)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("invalid ar_stem Normalization \"%s\": unknown rule or profile \"%s\"", spec, bad),
						 errhint("See ar_normalize_rules() for the rule and profile names.")));
			seen_norm = true;
		}
		else if (pg_strcasecmp(def->defname, "LoanwordFolding") == 0)
		{
			reject_repeated(seen_loan, "LoanwordFolding");
			loan = parse_loan(defGetString(def));
			seen_loan = true;
		}
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unrecognized ar_stem parameter: \"%s\"", def->defname),
					 errhint("Valid parameters are StopWords, ProtectedWords, Plurals, Lexicon, Aggressiveness, Normalization and LoanwordFolding.")));
	}

	d = palloc0(sizeof(ArStemDict));
	d->st = ar_stemmer_new(&ar_pg_allocator, mask, level);
	ar_stemmer_set_loanwords(d->st, loan);
	/* lexicon and protected words first: plural singulars are stemmed with them in place */
	if (files[AR_LIST_LEXICON])
		load_list(d->st, AR_LIST_LEXICON, files[AR_LIST_LEXICON]);
	if (files[AR_LIST_PROTECTED])
		load_list(d->st, AR_LIST_PROTECTED, files[AR_LIST_PROTECTED]);
	if (files[AR_LIST_PLURALS])
		load_list(d->st, AR_LIST_PLURALS, files[AR_LIST_PLURALS]);
	if (files[AR_LIST_STOPWORDS])
		load_list(d->st, AR_LIST_STOPWORDS, files[AR_LIST_STOPWORDS]);
	ar_buf_init(&d->scratch, &ar_pg_allocator, 256);
	/* the memo grows during lexize calls: its memory must come from the dictionary's context */
	d->memo_alloc = ar_pg_allocator;
	d->memo_alloc.realloc_fn = dict_realloc_fn;
	d->memo_alloc.ctx = CurrentMemoryContext;
	d->memo = ar_stem_memo_new(&d->memo_alloc);
	PG_RETURN_POINTER(d);
}

/*
 * Lexemes of a normalized multi-word string (from a word ligature): each
 * word stemmed on its own, stopwords left out, one position each.
 */
static TSLexeme *
split_ligature(ArStemDict *d, const char *s, size_t len)
{
	char	   *words = pnstrdup(s, len);
	TSLexeme   *res = palloc0(sizeof(TSLexeme) * (len / 2 + 2));
	ar_buf		part;
	char	   *w,
			   *save = NULL;
	int			n = 0;

	ar_buf_init(&part, &ar_pg_allocator, len + 16);
	for (w = strtok_r(words, " ", &save); w; w = strtok_r(NULL, " ", &save))
	{
		ar_stem_result r;

		part.len = 0;
		ar_stem_lexeme(d->st, w, strlen(w), &part, &r);
		if (r.stopword || r.stem_len == 0)
			continue;
		res[n].lexeme = pnstrdup(part.data + r.stem_off, r.stem_len);
		res[n].flags = n > 0 ? TSL_ADDPOS : 0;
		n++;
	}
	ar_buf_free(&part);
	pfree(words);
	return res;
}

/* Longest lexeme handed to PostgreSQL (a tsvector entry holds at most MAXSTRLEN, 2047 bytes). */
#define AR_MAX_LEXEME_BYTES 2000

/*
 * Lexemes of a normalized word longer than a tsvector entry: pieces of at
 * most AR_MAX_LEXEME_BYTES cut at character boundaries, one position each,
 * as the parser cuts an over-long run.  The cut comes after normalization,
 * so a word that grows (ﻻ -> لا) loses nothing.
 */
static TSLexeme *
split_long(const char *s, size_t len)
{
	TSLexeme   *res = palloc0(sizeof(TSLexeme) * (len / (AR_MAX_LEXEME_BYTES / 2) + 2));
	size_t		off = 0;
	int			n = 0;

	while (off < len)
	{
		size_t		k = len - off;

		if (k > AR_MAX_LEXEME_BYTES)
		{
			k = AR_MAX_LEXEME_BYTES;
			while (k > 1 && (((unsigned char) s[off + k]) & 0xC0) == 0x80)
				k--;
		}
		res[n].lexeme = pnstrdup(s + off, k);
		res[n].flags = n > 0 ? TSL_ADDPOS : 0;
		n++;
		off += k;
	}
	return res;
}

/* A lexeme for PostgreSQL: a NUL-terminated palloc'd copy of s[0..len) (PostgreSQL pfrees duplicates one by one). */
static inline char *
lexeme_copy(const char *s, size_t len)
{
	char	   *p = palloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/*
 * Dictionary lexize: the stem as one lexeme (pieces if over-long), or an
 * empty list for a stopword.  A nisba of a place also yields the place
 * (إيراني: ايراني and ايران, the same variant, so a query for the adjective
 * asks for both and a query for the place finds the adjective).
 */
Datum
ar_stem_lexize(PG_FUNCTION_ARGS)
{
	ArStemDict *d = (ArStemDict *) PG_GETARG_POINTER(0);
	char	   *in = (char *) PG_GETARG_POINTER(1);
	int32		len = PG_GETARG_INT32(2);
	TSLexeme   *res;
	ar_stem_result r;
	ar_memo_entry m;
	uint32		h;
	ar_buf		big,
			   *scratch;

	if (ar_stem_memo_get(d->memo, in, (size_t) Max(len, 0), &m, &h))
	{
		/* the answer of an earlier call: no stemming, two or three allocations */
		res = palloc0(sizeof(TSLexeme) * (m.stem ? (m.also ? 3 : 2) : 1));
		if (m.stem)
			res[0].lexeme = lexeme_copy(m.stem, m.stem_len);
		if (m.also)
			res[1].lexeme = lexeme_copy(m.also, m.also_len);
		PG_RETURN_POINTER(res);
	}
	res = palloc0(sizeof(TSLexeme) * 3);
	/* long words get a per-call buffer: the shared scratch must not grow for good */
	if (len > 1024)
		ar_buf_init(&big, &ar_pg_allocator, (size_t) len * 2 + 16);
	scratch = len > 1024 ? &big : &d->scratch;
	ar_stem_lexeme(d->st, in, (size_t) len, scratch, &r);
	if (!r.stopword && r.stem_len > 0 &&
		memchr(scratch->data + r.stem_off, ' ', r.stem_len) != NULL)
	{
		/* a word ligature (ﷺ, ﷽) normalizes to several words: one lexeme each */
		res = split_ligature(d, scratch->data + r.stem_off, r.stem_len);
		if (scratch != &d->scratch)
			ar_buf_free(scratch);
		PG_RETURN_POINTER(res);
	}
	if (!r.stopword && r.stem_len > AR_MAX_LEXEME_BYTES)
	{
		res = split_long(scratch->data + r.stem_off, r.stem_len);
		if (scratch != &d->scratch)
			ar_buf_free(scratch);
		PG_RETURN_POINTER(res);
	}
	if (!r.stopword && r.stem_len > 0)
		res[0].lexeme = lexeme_copy(scratch->data + r.stem_off, r.stem_len);
	if (res[0].lexeme && r.also_len > 0)
		res[1].lexeme = lexeme_copy(scratch->data + r.also_off, r.also_len);
	ar_stem_memo_put(d->memo, h, in, (size_t) Max(len, 0),
					 res[0].lexeme, r.stem_len, res[1].lexeme, r.also_len);
	if (scratch != &d->scratch)
		ar_buf_free(scratch);
	PG_RETURN_POINTER(res);
}

/* Per-call-site cache of the ar_stem dictionary's oid. */
typedef struct ArStemFnCache
{
	Oid			dictoid;
} ArStemFnCache;

/* The ar_stem dictionary in the schema of the calling function, looked up once per call site. */
static TSDictionaryCacheEntry *
stem_dictionary(FunctionCallInfo fcinfo)
{
	ArStemFnCache *c = (ArStemFnCache *) fcinfo->flinfo->fn_extra;
	TSDictionaryCacheEntry *e;

	if (c == NULL)
	{
		Oid			nsp = get_func_namespace(fcinfo->flinfo->fn_oid);
		char	   *nspname = get_namespace_name(nsp);

		c = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(ArStemFnCache));
		c->dictoid = get_ts_dict_oid(list_make2(makeString(nspname), makeString("ar_stem")), false);
		fcinfo->flinfo->fn_extra = c;
	}
	e = lookup_ts_dictionary_cache(c->dictoid);
	if (e->lexize.fn_addr != ar_stem_lexize)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("text search dictionary ar_stem does not use the ar_stem_template template"),
				 errhint("Recreate the pg_arabic extension.")));
	return e;
}

/* ar_stem(word text): the lexeme the ar_stem dictionary makes of word, NULL for a stopword. */
Datum
ar_stem(PG_FUNCTION_ARGS)
{
	text	   *word = PG_GETARG_TEXT_PP(0);
	TSDictionaryCacheEntry *e = stem_dictionary(fcinfo);
	DictSubState dstate = {false, false, NULL};
	TSLexeme   *res;
	text	   *out = NULL;

	ar_check_encoding();
	res = (TSLexeme *) DatumGetPointer(FunctionCall4(&e->lexize,
													 PointerGetDatum(e->dictData),
													 PointerGetDatum(VARDATA_ANY(word)),
													 Int32GetDatum(VARSIZE_ANY_EXHDR(word)),
													 PointerGetDatum(&dstate)));
	if (res && res[0].lexeme)
		out = cstring_to_text(res[0].lexeme);
	if (res)
	{
		if (res[0].lexeme)
			pfree(res[0].lexeme);
		pfree(res);
	}
	if (!out)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(out);
}

/* Text datum of scratch bytes [off, off+len). */
static Datum
scratch_text(const ar_buf *b, size_t off, size_t len)
{
	return PointerGetDatum(cstring_to_text_with_len(b->data + off, (int) len));
}

/* ar_analyze(input text): one row per non-space token with its normalized form, clitics, stem and the rule behind it (and one more for a second lexeme). */
Datum
ar_analyze(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	TSDictionaryCacheEntry *e;
	ArStemDict *d;
	const char *s = VARDATA_ANY(in);
	ar_tokenizer tz;
	ar_token	tok;
	int32		pos = 0;
	MemoryContext rowcxt,
				old;
	ar_buf		scratch;

	ar_check_encoding();
	e = stem_dictionary(fcinfo);
	d = (ArStemDict *) e->dictData;
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	rowcxt = AllocSetContextCreate(CurrentMemoryContext, "ar_analyze row", ALLOCSET_SMALL_SIZES);
	ar_tokenizer_init(&tz, s, VARSIZE_ANY_EXHDR(in));
	while (ar_tokenizer_next(&tz, &tok))
	{
		Datum		values[10];
		bool		nulls[10] = {0};
		ar_stem_result r;
		bool		stemmable = tok.kind == AR_TOK_ARABIC || tok.kind == AR_TOK_NUMBER;

		if (tok.kind == AR_TOK_SPACE)
			continue;
		if ((++pos & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		old = MemoryContextSwitchTo(rowcxt);
		ar_buf_init(&scratch, &ar_pg_allocator, 64);
		values[0] = Int32GetDatum(pos);
		values[1] = PointerGetDatum(cstring_to_text_with_len(s + tok.byte_start, (int) tok.byte_len));
		if (stemmable)
		{
			ar_stem_word(d->st, s + tok.byte_start, tok.byte_len, &scratch, &r);
			values[2] = scratch_text(&scratch, r.norm_off, r.norm_len);
			values[3] = scratch_text(&scratch, r.prefix_off, r.prefix_len);
			values[4] = scratch_text(&scratch, r.stem_off, r.stem_len);
			values[5] = scratch_text(&scratch, r.suffix_off, r.suffix_len);
			values[6] = BoolGetDatum(r.stopword);
			if (r.stopword || r.stem_len == 0)
				nulls[4] = true;
			if (ar_stem_rule_name(r.rule))
				values[9] = CStringGetTextDatum(ar_stem_rule_name(r.rule));
			else
				nulls[9] = true;
		}
		else
		{
			ar_normalize(s + tok.byte_start, tok.byte_len, AR_PROFILE_SEARCH, &scratch);
			values[2] = scratch_text(&scratch, 0, scratch.len);
			nulls[3] = nulls[4] = nulls[5] = nulls[9] = true;
			values[6] = BoolGetDatum(false);
		}
		values[7] = Int32GetDatum((int32) tok.char_start + 1);
		values[8] = Int32GetDatum((int32) tok.char_len);
		MemoryContextSwitchTo(old);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		if (stemmable && !r.stopword && r.also_len > 0)
		{
			/* the second lexeme at the same position: the place of a nisba (الإيراني: ايران) */
			old = MemoryContextSwitchTo(rowcxt);
			values[4] = scratch_text(&scratch, r.also_off, r.also_len);
			nulls[4] = false;
			values[9] = CStringGetTextDatum(ar_stem_rule_name(AR_RULE_PLACE));
			nulls[9] = false;
			MemoryContextSwitchTo(old);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
		MemoryContextReset(rowcxt);
	}
	MemoryContextDelete(rowcxt);
	return (Datum) 0;
}

/*
 * The stemmer of ar_root: the shipped lists (pg_arabic.lexicon, .protected,
 * .plurals, .stop) at the default level, fixed whatever the ar_stem
 * dictionary's options are (ar_root is IMMUTABLE); read on first use, then
 * kept for the life of the backend in its own memory context.
 */
static ar_stemmer *root_stemmer = NULL;

/* The stemmer of ar_root, loaded on first use in this backend. */
static const ar_stemmer *
root_stemmer_get(void)
{
	static const ar_stem_list order[NLISTS] = {AR_LIST_LEXICON, AR_LIST_PROTECTED, AR_LIST_PLURALS, AR_LIST_STOPWORDS};
	MemoryContext cxt,
				old;
	ar_stemmer *volatile st = NULL;

	if (root_stemmer)
		return root_stemmer;
	cxt = AllocSetContextCreate(TopMemoryContext, "pg_arabic ar_root lexicon", ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(cxt);
	PG_TRY();
	{
		st = ar_stemmer_new(&ar_pg_allocator, AR_PROFILE_SEARCH, AR_STEM_DEFAULT);
		for (int i = 0; i < NLISTS; i++)
			load_list(st, order[i], "pg_arabic");
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(old);
		MemoryContextDelete(cxt);
		PG_RE_THROW();
	}
	PG_END_TRY();
	MemoryContextSwitchTo(old);
	root_stemmer = st;
	return st;
}

/* ar_root(word text): the root of one Arabic word where the lexicon and the patterns make it certain, else NULL. */
Datum
ar_root_sql(PG_FUNCTION_ARGS)
{
	text	   *word = PG_GETARG_TEXT_PP(0);
	size_t		len = VARSIZE_ANY_EXHDR(word);
	const ar_stemmer *st;
	ar_buf		scratch,
				out;

	ar_check_encoding();
	if (len == 0 || len > AR_ROOT_MAXBYTES)
		PG_RETURN_NULL();
	st = root_stemmer_get();
	ar_buf_init(&scratch, &ar_pg_allocator, 64);
	ar_buf_init(&out, &ar_pg_allocator, 16);
	if (!ar_root(st, VARDATA_ANY(word), len, &scratch, &out))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out.data, (int) out.len));
}
