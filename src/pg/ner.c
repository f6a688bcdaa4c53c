/*
 * ner.c
 *    SQL glue of the entity tagger (src/core/ar_ner*.c): the setting
 *    pg_arabic.ner_model and the model file it names, read once per backend
 *    and validated, ar_pg_ner_extract (the tagger with this backend's model
 *    and gazetteer cache, also used by ar_quotes), ar_entities and
 *    ar_entity_keys.  The gazetteer cache is in gazetteer.c.
 */
#include "postgres.h"

#include <fcntl.h>
#include <sys/stat.h>

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "storage/fd.h"
#include "tsearch/ts_utils.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/memutils.h"

#include "pg_arabic.h"
#include "gazetteer.h"
#include "ner.h"

PG_FUNCTION_INFO_V1(ar_entities);
PG_FUNCTION_INFO_V1(ar_entity_keys);

#define NER_MODEL_EXT	"model"

/* Setting pg_arabic.ner_model: base name of the model file in $sharedir/tsearch_data. */
char	   *ar_pg_ner_model_name = NULL;

/* Backend-local state: the model read from its file. */
static void *model_map = NULL;
static ar_ner_model model;
static char model_loaded[NAMEDATALEN];	/* the name model_map was read from */

/* GUC check hook of pg_arabic.ner_model: a file base name, as text-search data files are named. */
bool
ar_pg_ner_model_name_check(char **newval, void **extra, GucSource source)
{
	const char *p = *newval;

	if (p == NULL || *p == '\0' || strlen(p) >= NAMEDATALEN)
	{
		GUC_check_errdetail("The model name must have 1 to %d characters.", NAMEDATALEN - 1);
		return false;
	}
	for (; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
		{
			GUC_check_errdetail("The model name may contain only lowercase ASCII letters, digits and underscores.");
			GUC_check_errhint("Name a file NAME.model installed in the tsearch_data directory, without its directory or extension.");
			return false;
		}
	return true;
}

/* The hint of a model file error: reinstall, or (for another model than the shipped one) the setting. */
static int
model_hint(const char *name)
{
	if (strcmp(name, AR_PG_NER_FILES) != 0)
		return errhint("pg_arabic.ner_model is \"%s\": install a valid %s.model in the tsearch_data directory, or set pg_arabic.ner_model to \"%s\" for the shipped model.", name, name, AR_PG_NER_FILES);
	return errhint("Reinstall pg_arabic, or rebuild the model with \"make model\" and run \"make install\".");
}

/*
 * Read the model file named by pg_arabic.ner_model into backend memory and
 * validate it, once per backend and name.  One model is kept: a changed
 * setting reads the other file on the next call (about 2.6 MB, read and
 * checksummed), and while that file is missing or invalid every call errors
 * out (the model read before is freed only once another one has been read).
 * It is read, not mapped: a mapping of a file later overwritten in place
 * would kill the backend with SIGBUS.
 */
static const ar_ner_model *
ner_model(void)
{
	const char *name = ar_pg_ner_model_name ? ar_pg_ner_model_name : AR_PG_NER_FILES;
	char	   *path;
	int			fd;
	struct stat st;
	char	   *buf;
	size_t		got = 0;
	const char *err;
	ar_ner_model m;

	if (model_map && strcmp(model_loaded, name) == 0)
		return &model;
	path = get_tsearch_config_filename(name, NER_MODEL_EXT);
	fd = OpenTransientFile(path, O_RDONLY | PG_BINARY);
	if (fd < 0)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not open named-entity model file \"%s.%s\": %m", name, NER_MODEL_EXT),
				 model_hint(name)));
	if (fstat(fd, &st) < 0 || st.st_size <= 0)
	{
		CloseTransientFile(fd);
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("named-entity model file \"%s.%s\" is empty or unreadable", name, NER_MODEL_EXT),
				 model_hint(name)));
	}
	buf = ar_pg_read_all(fd, (size_t) st.st_size, TopMemoryContext, &got);
	if (got != (size_t) st.st_size)
	{
		pfree(buf);
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("could not read named-entity model file \"%s.%s\"", name, NER_MODEL_EXT),
				 model_hint(name)));
	}
	err = ar_ner_model_open(&m, buf, (size_t) st.st_size);
	if (err)
	{
		pfree(buf);
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("named-entity model file \"%s.%s\" is invalid", name, NER_MODEL_EXT),
				 errdetail("The check failed: %s.", err),
				 model_hint(name)));
	}
	if (model_map)
		pfree(model_map);
	model = m;
	model_map = buf;
	strlcpy(model_loaded, name, sizeof(model_loaded));
	return &model;
}

/* Tag s[0..len) with this backend's model and gazetteer; results in CurrentMemoryContext. */
size_t
ar_pg_ner_extract(Oid fn_oid, const char *s, size_t len, ar_ner_entity **ents)
{
	const ar_ner_model *m = ner_model();
	const ar_gazetteer *user;
	const ar_gazetteer *g = ar_pg_gazetteer(fn_oid, &user);

	return ar_ner_extract(m, g, user, s, len, &ar_pg_allocator, ents);
}

/* ar_entities(input text): named entities with label, 1-based code-point span, canonical form and score. */
Datum
ar_entities(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const char *s = VARDATA_ANY(in);
	size_t		len = VARSIZE_ANY_EXHDR(in);
	MemoryContext work,
				old;
	ar_ner_entity *ents;
	size_t		n,
				i;

	ar_check_encoding();
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	work = AllocSetContextCreate(CurrentMemoryContext, "ar_entities work",
								 ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(work);
	n = ar_pg_ner_extract(fcinfo->flinfo->fn_oid, s, len, &ents);
	for (i = 0; i < n; i++)
	{
		Datum		values[6];
		bool		nulls[6] = {false, false, false, false, false, false};

		if ((i & 255) == 255)
			CHECK_FOR_INTERRUPTS();
		values[0] = PointerGetDatum(cstring_to_text_with_len(s + ents[i].byte_start,
															 (int) ents[i].byte_len));
		values[1] = CStringGetTextDatum(ar_ner_type_names[ents[i].type]);
		values[2] = Int32GetDatum((int32) ents[i].char_start + 1);
		values[3] = Int32GetDatum((int32) ents[i].char_len);
		values[4] = PointerGetDatum(cstring_to_text_with_len(ents[i].canonical,
															 (int) ents[i].canonical_len));
		values[5] = Float4GetDatum(ents[i].score);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	MemoryContextSwitchTo(old);
	MemoryContextDelete(work);
	return (Datum) 0;
}

/* qsort comparator of C strings. */
static int
cmp_cstring(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/*
 * ar_entity_keys(input text): the distinct 'LABEL:canonical' keys of the
 * entities of a text, sorted, as a scalar text[] (GIN-indexable, and shipped
 * to postgres_fdw shards, which never receive set-returning functions).
 */
Datum
ar_entity_keys(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	MemoryContext work,
				old;
	ar_ner_entity *ents;
	size_t		n,
				i;
	char	  **keys;
	Datum	   *elems;
	int			nk = 0,
				nd = 0;
	ArrayType  *result;

	ar_check_encoding();
	work = AllocSetContextCreate(CurrentMemoryContext, "ar_entity_keys work",
								 ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(work);
	n = ar_pg_ner_extract(fcinfo->flinfo->fn_oid, VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), &ents);
	keys = palloc((n ? n : 1) * sizeof(char *));
	for (i = 0; i < n; i++)
		keys[nk++] = psprintf("%s:%.*s", ar_ner_type_names[ents[i].type],
							  (int) ents[i].canonical_len, ents[i].canonical);
	if (nk > 1)
		qsort(keys, nk, sizeof(char *), cmp_cstring);
	MemoryContextSwitchTo(old);
	elems = palloc((nk ? nk : 1) * sizeof(Datum));
	for (i = 0; i < (size_t) nk; i++)
		if (i == 0 || strcmp(keys[i], keys[i - 1]) != 0)
			elems[nd++] = CStringGetTextDatum(keys[i]);
	result = construct_array(elems, nd, TEXTOID, -1, false, TYPALIGN_INT);
	MemoryContextDelete(work);
	PG_RETURN_ARRAYTYPE_P(result);
}

