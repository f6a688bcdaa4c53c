/*
 * gazetteer.c
 *    SQL glue of the gazetteer (src/core/ar_gazetteer.c): the per-backend
 *    cache of @extschema@.ar_gazetteer (the shipped rows, loaded from the
 *    gazetteer image when it matches their fingerprint, and the user rows)
 *    with relcache invalidation, the statement trigger that invalidates it,
 *    the reader of the shipped gazetteer file used by CREATE EXTENSION
 *    (_ar_gazetteer_shipped) and the row hash of the fingerprint.
 */
#include "postgres.h"

#include <fcntl.h>
#include <sys/stat.h>

#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/value.h"
#include "parser/parse_func.h"
#include "storage/fd.h"
#include "storage/proc.h"
#include "tsearch/ts_locale.h"
#include "tsearch/ts_utils.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

#include "pg_arabic.h"
#include "gazetteer.h"

PG_FUNCTION_INFO_V1(ar_gazetteer_changed);
PG_FUNCTION_INFO_V1(ar_gazetteer_shipped);
PG_FUNCTION_INFO_V1(ar_gaz_row_hash_sql);

#define NER_GAZ_EXT		"gaz"
#define NER_GAZIMG_EXT	"gazimg"

/* Backend-local state: the gazetteer cache. */
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
	char	   *path = get_tsearch_config_filename(AR_PG_NER_FILES, NER_GAZIMG_EXT);
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
				 errmsg("could not open gazetteer image \"%s.%s\": %m", AR_PG_NER_FILES, NER_GAZIMG_EXT),
				 errdetail("The shipped gazetteer rows are indexed from the table instead, which is slower."),
				 errhint("Reinstall pg_arabic.")));
		return NULL;
	}
	if (fstat(fd, &st) < 0 || st.st_size <= 0)
	{
		CloseTransientFile(fd);
		return NULL;
	}
	buf = ar_pg_read_all(fd, (size_t) st.st_size, CurrentMemoryContext, &got);
	g = got == (size_t) st.st_size ?
		ar_gaz_image_read(buf, got, alloc, &rows, &rowsum, &err) : NULL;
	pfree(buf);
	if (!g)
	{
		ereport(WARNING,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("gazetteer image \"%s.%s\" is unusable", AR_PG_NER_FILES, NER_GAZIMG_EXT),
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
	elog(DEBUG1, "pg_arabic: shipped gazetteer rows loaded from the image %s.%s", AR_PG_NER_FILES, NER_GAZIMG_EXT);
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
const ar_gazetteer *
ar_pg_gazetteer(Oid fn_oid, const ar_gazetteer **user)
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
	if (MyProc && (MyProc->lxid != gaz_checked_lxid ||
				   GetCurrentStatementStartTimestamp() != gaz_checked_stmt))
	{
		AcceptInvalidationMessages();
		gaz_checked_lxid = MyProc->lxid;
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
		(!MyProc || MyProc->lxid != gaz_snapshot_lxid))
		gaz_valid = false;
	if (gaz_valid && gaz_shipped)
	{
		*user = gaz_user;
		return gaz_shipped;
	}
	gaz_snapshot_lxid = (MyProc && IsolationUsesXactSnapshot()) ? MyProc->lxid : InvalidLocalTransactionId;

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
	path = get_tsearch_config_filename(AR_PG_NER_FILES, NER_GAZ_EXT);
	if (!tsearch_readline_begin(&trst, path))
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("could not open gazetteer file \"%s.%s\": %m", AR_PG_NER_FILES, NER_GAZ_EXT),
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
					 errmsg("malformed line in gazetteer file \"%s.%s\"", AR_PG_NER_FILES, NER_GAZ_EXT),
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
