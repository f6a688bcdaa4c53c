/*
 * entities.c
 *    SQL glue for named-entity extraction: ar_entities(text), the model file
 *    mapped read-only (shared page cache, no private copy per backend), the
 *    per-backend gazetteer cache over @extschema@.ar_gazetteer with relcache
 *    invalidation, the statement trigger that invalidates it, and the reader
 *    of the shipped gazetteer file used by CREATE EXTENSION.
 */
#include "postgres.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "access/xact.h"
#include "catalog/namespace.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "storage/fd.h"
#include "storage/proc.h"
#include "tsearch/ts_locale.h"
#include "tsearch/ts_utils.h"
#include "utils/builtins.h"
#include "catalog/pg_type.h"
#include "nodes/makefuncs.h"
#include "nodes/value.h"
#include "parser/parse_func.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

#include "pg_arabic.h"
#include "pg_compat.h"
#include "ar_tagger.h"
#include "entities.h"

PG_FUNCTION_INFO_V1(ar_entities);
PG_FUNCTION_INFO_V1(ar_entity_keys);
PG_FUNCTION_INFO_V1(ar_gazetteer_changed);
PG_FUNCTION_INFO_V1(ar_gazetteer_shipped);
PG_FUNCTION_INFO_V1(ar_gaz_row_hash_sql);

#define NER_MODEL_NAME	"pg_arabic_ner"
#define NER_MODEL_EXT	"model"
#define NER_GAZ_EXT		"gaz"
#define NER_GAZIMG_EXT	"gazimg"

/* Setting pg_arabic.ner_model: base name of the model file in $sharedir/tsearch_data. */
char	   *ar_ner_model_name = NULL;

/* Backend-local state: the model read from its file, and the gazetteer cache. */
static void *model_map = NULL;
static ar_ner_model model;
static char model_loaded[NAMEDATALEN];	/* the name model_map was read from */

static MemoryContext gaz_cxt = NULL;	/* gaz_user: the user rows (NULL: none) */
static ar_gazetteer *gaz_user = NULL;
static const ar_gazetteer *gaz_shipped = NULL;	/* gaz_base, or an empty one without the table */
static MemoryContext gaz_base_cxt = NULL;	/* gaz_base: the shipped rows */
static ar_gazetteer *gaz_base = NULL;
static char *gaz_base_fp = NULL;	/* their fingerprint: row count and sum of row hashes */
static bool gaz_valid = false;
static uint64 gaz_inval_count = 0;	/* invalidations seen, to detect one during a reload */
static bool gaz_callback_registered = false;
static Oid	gaz_relid = InvalidOid;
static LocalTransactionId gaz_checked_lxid = InvalidLocalTransactionId;
static TimestampTz gaz_checked_stmt = 0;
static bool gaz_stmt_only = false;	/* cache read under a parallel statement's snapshot */
static LocalTransactionId gaz_snapshot_lxid = InvalidLocalTransactionId;	/* cache read under this
																		 * transaction's snapshot */

/* Allocator over gaz_cxt for the cached gazetteer. */
static void *
gaz_realloc(void *ctx, void *ptr, size_t size)
{
	if (size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("gazetteer too large"),
				 errdetail("Caching ar_gazetteer would need a single allocation of %zu bytes.", size)));
	return ptr ? repalloc(ptr, size) : MemoryContextAlloc((MemoryContext) ctx, size);
}

/* pfree for the cached gazetteer. */
static void
gaz_free(void *ctx, void *ptr)
{
	pfree(ptr);
}

/* Read size bytes of fd (an OpenTransientFile) into memory of cxt and close fd; *got is the number of bytes read. */
static char *
read_all(int fd, size_t size, MemoryContext cxt, size_t *got)
{
	char	   *buf = MemoryContextAllocHuge(cxt, (Size) size);
	size_t		n = 0;

	while (n < size)
	{
		ssize_t		r = read(fd, buf + n, size - n);

		if (r <= 0)
			break;
		n += (size_t) r;
	}
	CloseTransientFile(fd);
	*got = n;
	return buf;
}

/* GUC check hook of pg_arabic.ner_model: a file base name, as text-search data files are named. */
bool
ar_ner_model_name_check(char **newval, void **extra, GucSource source)
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
	if (strcmp(name, NER_MODEL_NAME) != 0)
		return errhint("pg_arabic.ner_model is \"%s\": install a valid %s.model in the tsearch_data directory, or set pg_arabic.ner_model to \"%s\" for the shipped model.", name, name, NER_MODEL_NAME);
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
	const char *name = ar_ner_model_name ? ar_ner_model_name : NER_MODEL_NAME;
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
	buf = read_all(fd, (size_t) st.st_size, TopMemoryContext, &got);
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

/* Relcache callback: drop the gazetteer cache when its table (or everything) is invalidated. */
static void
gaz_inval_callback(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == gaz_relid)
	{
		gaz_valid = false;
		gaz_inval_count++;
	}
}

/* Oid of ar_gazetteer in the schema of the calling function (the extension schema). */
static Oid
gaz_table_oid(Oid fn_oid)
{
	Oid			nsp = get_func_namespace(fn_oid);

	if (!OidIsValid(nsp))
		return InvalidOid;
	return get_relname_relid("ar_gazetteer", nsp);
}

/*
 * Add the rows of a gazetteer query (surface, label, canonical, origin) to
 * the gazetteer *g in the cache's row order; when *g is NULL, to a new one
 * made from alloc only if the query returns rows (else *g stays NULL).
 */
static void
gaz_add_rows(ar_gazetteer **g, const ar_allocator *alloc, const char *query)
{
	int			ret = SPI_execute(query, true, 0);
	uint64		i,
				n = 0;
	ar_gaz_row *rows;

	if (ret != SPI_OK_SELECT)
		elog(ERROR, "reading the gazetteer failed: %s", SPI_result_code_string(ret));
	rows = palloc(sizeof(ar_gaz_row) * (SPI_processed ? SPI_processed : 1));
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	td = SPI_tuptable->tupdesc;
		ar_gaz_row *r = &rows[n];

		if ((i & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		r->surface = SPI_getvalue(tup, td, 1);
		r->label = SPI_getvalue(tup, td, 2);
		r->canon = SPI_getvalue(tup, td, 3);
		r->origin = SPI_getvalue(tup, td, 4);
		if (r->surface && r->label && r->origin)	/* NOT NULL columns */
			n++;
	}
	if (n > 0 && *g == NULL)
		*g = ar_gaz_create(alloc);
	if (n > 0)
		ar_gaz_add_rows(*g, rows, n);
	pfree(rows);
}

/*
 * The gazetteer image of the shipped rows built with this installation
 * (src/train/gaz_image.c), if it was built from rows with fingerprint fp;
 * NULL otherwise (the caller then builds from the table).
 */
static ar_gazetteer *
gaz_image_load(const char *fp, const ar_allocator *alloc)
{
	char	   *path = get_tsearch_config_filename(NER_MODEL_NAME, NER_GAZIMG_EXT);
	int			fd = OpenTransientFile(path, O_RDONLY | PG_BINARY);
	struct stat st;
	char	   *buf;
	size_t		got = 0;
	uint64_t	rows,
				rowsum;
	const char *err;
	ar_gazetteer *g;

	if (fd < 0)
	{
		ereport(WARNING,
				(errcode_for_file_access(),
				 errmsg("could not open gazetteer image \"%s.%s\": %m", NER_MODEL_NAME, NER_GAZIMG_EXT),
				 errdetail("The shipped gazetteer rows are indexed from the table instead, which is slower."),
				 errhint("Reinstall pg_arabic.")));
		return NULL;
	}
	if (fstat(fd, &st) < 0 || st.st_size <= 0)
	{
		CloseTransientFile(fd);
		return NULL;
	}
	buf = read_all(fd, (size_t) st.st_size, CurrentMemoryContext, &got);
	g = got == (size_t) st.st_size ?
		ar_gaz_image_read(buf, got, alloc, &rows, &rowsum, &err) : NULL;
	pfree(buf);
	if (!g)
	{
		ereport(WARNING,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("gazetteer image \"%s.%s\" is unusable", NER_MODEL_NAME, NER_GAZIMG_EXT),
				 errdetail("The check failed: %s.", got == (size_t) st.st_size ? err : "short read"),
				 errhint("Reinstall pg_arabic.")));
		return NULL;
	}
	/* the rows' fingerprint as the table query prints it: count, then the sum modulo 2^64 */
	if (strcmp(psprintf(UINT64_FORMAT ":" UINT64_FORMAT, (uint64) rows, (uint64) rowsum), fp) != 0)
	{
		/* the owner changed shipped rows: not an error, the table is the truth */
		ar_gaz_destroy(g);
		elog(DEBUG1, "pg_arabic: shipped gazetteer rows changed since the image was built; indexing them from the table");
		return NULL;
	}
	elog(DEBUG1, "pg_arabic: shipped gazetteer rows loaded from the image %s.%s", NER_MODEL_NAME, NER_GAZIMG_EXT);
	return g;
}

/* The single text value of a one-row, one-column query. */
static char *
gaz_scalar(const char *query)
{
	int			ret = SPI_execute(query, true, 1);
	char	   *v;

	if (ret != SPI_OK_SELECT)
		elog(ERROR, "reading the gazetteer failed: %s", SPI_result_code_string(ret));
	if (SPI_processed != 1)
		elog(ERROR, "reading the gazetteer failed: " UINT64_FORMAT " rows where one was expected", (uint64) SPI_processed);
	v = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	return v ? v : pstrdup("");
}

/*
 * The gazetteer of this backend, reloaded from the table after an invalidation.
 *
 * Two gazetteers: the shipped rows (thousands, changed only by an extension
 * update or by the owner; the model's features) are cached with a
 * fingerprint (row count and sum of row hashes) and rebuilt only when the
 * fingerprint changes; the user rows (which override the model on their
 * spans but are never features) are read anew on each reload, so a user-row
 * change costs a fingerprint scan and the user rows.  Returns the shipped
 * gazetteer and sets *user (NULL without user rows).
 */
static const ar_gazetteer *
ner_gazetteer(Oid fn_oid, const ar_gazetteer **user)
{
	static ar_allocator alloc,
				base_alloc;
	uint64		inval_before;
	Oid			relid;
	char	   *nspname;
	const char *nsp,
			   *rowhash;
	char	   *table,
			   *fp;
	bool		fresh_snapshot;

	/*
	 * pick up other sessions' committed changes once per statement: a
	 * read-committed transaction that stays open must see them in its next
	 * statement too (test/t/030_gazetteer_concurrency.pl)
	 */
	if (MyProc && (AR_PROC_LXID(MyProc) != gaz_checked_lxid ||
				   GetCurrentStatementStartTimestamp() != gaz_checked_stmt))
	{
		AcceptInvalidationMessages();
		gaz_checked_lxid = AR_PROC_LXID(MyProc);
		gaz_checked_stmt = GetCurrentStatementStartTimestamp();
		/* a cache read under a parallel statement's snapshot ends with that statement */
		if (gaz_stmt_only)
			gaz_valid = false;
	}
	if (!gaz_callback_registered)
	{
		CacheRegisterRelcacheCallback(gaz_inval_callback, (Datum) 0);
		gaz_callback_registered = true;
	}
	/* a cache read under a transaction snapshot (repeatable read) ends with it */
	if (gaz_valid && gaz_snapshot_lxid != InvalidLocalTransactionId &&
		(!MyProc || AR_PROC_LXID(MyProc) != gaz_snapshot_lxid))
		gaz_valid = false;
	if (gaz_valid && gaz_shipped)
	{
		*user = gaz_user;
		return gaz_shipped;
	}
	gaz_snapshot_lxid = (MyProc && IsolationUsesXactSnapshot()) ? AR_PROC_LXID(MyProc) : InvalidLocalTransactionId;

	inval_before = gaz_inval_count;
	relid = gaz_table_oid(fn_oid);
	if (gaz_cxt == NULL)
	{
		gaz_cxt = AllocSetContextCreate(TopMemoryContext, "pg_arabic gazetteer",
										ALLOCSET_DEFAULT_SIZES);
		gaz_base_cxt = AllocSetContextCreate(TopMemoryContext, "pg_arabic gazetteer shipped rows",
											 ALLOCSET_DEFAULT_SIZES);
	}
	MemoryContextReset(gaz_cxt);
	gaz_user = NULL;
	gaz_shipped = NULL;
	gaz_relid = relid;
	alloc.realloc_fn = gaz_realloc;
	alloc.free_fn = gaz_free;
	alloc.ctx = gaz_cxt;
	base_alloc = alloc;
	base_alloc.ctx = gaz_base_cxt;
	if (!OidIsValid(relid))
	{
		gaz_shipped = ar_gaz_create(&alloc);
		gaz_valid = true;
		*user = NULL;
		return gaz_shipped;
	}
	nspname = get_namespace_name(get_rel_namespace(relid));
	nsp = quote_identifier(nspname);
	table = psprintf("%s.%s", nsp, quote_identifier(get_rel_name(relid)));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	/*
	 * Read committed: read the rows with a snapshot taken now, after the
	 * invalidations were accepted, not with the statement's.  A change
	 * committed after the statement began but whose invalidation was already
	 * accepted would otherwise be missing from a cache marked valid, and the
	 * backend would keep the old rows until the next change
	 * (030_gazetteer_concurrency.pl caught it).  A change not in this
	 * snapshot sends its invalidation after it, so the cache is reloaded
	 * then.  Repeatable read keeps the transaction snapshot (the cache ends
	 * with the transaction).  A parallel query may not take snapshots: there
	 * the statement's is used and the cache ends with the statement.
	 */
	fresh_snapshot = !IsolationUsesXactSnapshot() && !IsInParallelMode();
	gaz_stmt_only = !IsolationUsesXactSnapshot() && IsInParallelMode();
	if (fresh_snapshot)
		PushActiveSnapshot(GetLatestSnapshot());

	/*
	 * Operators and functions qualified in every query: no dependence on
	 * search_path.  The fingerprint: count, and the sum of the row hashes
	 * modulo 2^64 (a sum, not an XOR: duplicate rows must not cancel out).
	 * An installation whose SQL objects predate _ar_gaz_row_hash falls back
	 * on the built-in hash: the image never matches then, and the table is
	 * indexed.
	 */
	if (OidIsValid(LookupFuncName(list_make2(makeString(nspname), makeString("_ar_gaz_row_hash")),
								  4, (Oid[]) {TEXTOID, TEXTOID, TEXTOID, TEXTOID}, true)))
		rowhash = psprintf("%s._ar_gaz_row_hash(surface, label, canonical, origin)", nsp);
	else
		rowhash = "pg_catalog.hashtextextended(pg_catalog.concat_ws('|', surface, label, canonical, origin), 0)";
	fp = gaz_scalar(psprintf("SELECT pg_catalog.count(*)::pg_catalog.text OPERATOR(pg_catalog.||) ':' "
							 "OPERATOR(pg_catalog.||) ((COALESCE(pg_catalog.sum(%s::pg_catalog.numeric), 0) "
							 "OPERATOR(pg_catalog.%%) 18446744073709551616 OPERATOR(pg_catalog.+) 18446744073709551616) "
							 "OPERATOR(pg_catalog.%%) 18446744073709551616)::pg_catalog.text "
							 "FROM %s WHERE origin OPERATOR(pg_catalog.<>) 'user'", rowhash, table));
	if (gaz_base == NULL || strcmp(fp, gaz_base_fp) != 0)
	{
		ar_gazetteer *b;

		gaz_base = NULL;
		MemoryContextReset(gaz_base_cxt);
		/* the image built with this installation, unless the shipped rows were changed */
		b = gaz_image_load(fp, &base_alloc);
		if (b == NULL)
		{
			elog(DEBUG1, "pg_arabic: indexing the shipped gazetteer rows from the table");
			b = ar_gaz_create(&base_alloc);
			gaz_add_rows(&b, &base_alloc, psprintf("SELECT surface, label, canonical, origin FROM %s "
									 "WHERE origin OPERATOR(pg_catalog.<>) 'user'", table));
		}
		gaz_base_fp = MemoryContextStrdup(gaz_base_cxt, fp);
		gaz_base = b;
	}
	gaz_add_rows(&gaz_user, &alloc,
				 psprintf("SELECT surface, label, canonical, origin FROM %s "
						  "WHERE origin OPERATOR(pg_catalog.=) 'user'", table));
	if (fresh_snapshot)
		PopActiveSnapshot();
	SPI_finish();
	gaz_shipped = gaz_base;
	/* an invalidation that arrived while reading (SPI takes locks) keeps the cache stale */
	gaz_valid = (gaz_inval_count == inval_before);
	*user = gaz_user;
	return gaz_shipped;
}

/* Tag s[0..len) with this backend's model and gazetteer; results in CurrentMemoryContext. */
size_t
ar_pg_ner_extract(Oid fn_oid, const char *s, size_t len, ar_ner_entity **ents)
{
	const ar_ner_model *m = ner_model();
	const ar_gazetteer *user;
	const ar_gazetteer *g = ner_gazetteer(fn_oid, &user);

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

/* Statement trigger on ar_gazetteer: invalidate every backend's gazetteer cache. */
Datum
ar_gazetteer_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trig = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("ar_gazetteer_changed() must be called as a trigger")));
	CacheInvalidateRelcacheByRelid(RelationGetRelid(trig->tg_relation));
	return PointerGetDatum(NULL);
}

/* The shipped gazetteer file (tsearch_data/pg_arabic_ner.gaz) as rows, for CREATE EXTENSION. */
Datum
ar_gazetteer_shipped(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char	   *path;
	tsearch_readline_state trst;
	char	   *line;

	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	path = get_tsearch_config_filename(NER_MODEL_NAME, NER_GAZ_EXT);
	if (!tsearch_readline_begin(&trst, path))
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("could not open gazetteer file \"%s.%s\": %m", NER_MODEL_NAME, NER_GAZ_EXT),
				 errhint("Reinstall pg_arabic, or rebuild the model with \"make model\" and run \"make install\".")));
	while ((line = tsearch_readline(&trst)) != NULL)
	{
		ar_gaz_row	r;
		int			got = ar_gaz_parse_row(line, &r);
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		if (got == 0)
		{
			pfree(line);
			continue;
		}
		if (got < 0)
			ereport(ERROR,
					(errcode(ERRCODE_CONFIG_FILE_ERROR),
					 errmsg("malformed line in gazetteer file \"%s.%s\"", NER_MODEL_NAME, NER_GAZ_EXT),
					 errdetail("Expected surface, label, canonical and origin separated by tabs.")));
		values[0] = CStringGetTextDatum(r.surface);
		values[1] = CStringGetTextDatum(r.label);
		if (r.canon)
			values[2] = CStringGetTextDatum(r.canon);
		else
			nulls[2] = true;
		values[3] = CStringGetTextDatum(r.origin);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		pfree(line);
	}
	tsearch_readline_end(&trst);
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

/* _ar_gaz_row_hash(surface, label, canonical, origin): a row's hash for the gazetteer cache's fingerprint. */
Datum
ar_gaz_row_hash_sql(PG_FUNCTION_ARGS)
{
	ar_gaz_row	r;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(3))
		PG_RETURN_NULL();		/* NOT NULL columns: not a row of the table */
	r.surface = text_to_cstring(PG_GETARG_TEXT_PP(0));
	r.label = text_to_cstring(PG_GETARG_TEXT_PP(1));
	r.canon = PG_ARGISNULL(2) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(2));
	r.origin = text_to_cstring(PG_GETARG_TEXT_PP(3));
	PG_RETURN_INT64((int64) ar_gaz_row_hash(&r));
}
