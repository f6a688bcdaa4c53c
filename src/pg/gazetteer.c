/*
 * gazetteer.c
 *    SQL glue of the gazetteer (src/core/ar_gazetteer.c): the per-backend
 *    cache of @extschema@.ar_gazetteer, brought for each statement to the
 *    version its snapshot shows (the last entry of ar_gazetteer_log it sees)
 *    by applying the logged user-row changes one by one (the shipped rows are
 *    loaded from the gazetteer image when it matches their fingerprint); the
 *    statement triggers that write that log; the reader of the shipped
 *    gazetteer file used by CREATE EXTENSION (_ar_gazetteer_shipped) and the
 *    row hash of the fingerprint.
 */
#include "postgres.h"

#include <fcntl.h>
#include <sys/stat.h>

#include "access/xact.h"
#include "common/hashfn.h"
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
#include "utils/fmgrprotos.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

#include "pg_arabic.h"
#include "pg_compat.h"
#include "gazetteer.h"

PG_FUNCTION_INFO_V1(ar_gazetteer_changed);
PG_FUNCTION_INFO_V1(ar_gazetteer_shipped);
PG_FUNCTION_INFO_V1(ar_gaz_row_hash_sql);

#define NER_GAZ_EXT		"gaz"
#define NER_GAZIMG_EXT	"gazimg"

/* Backend-local state: the gazetteer cache. */
static MemoryContext gaz_base_cxt = NULL;	/* gaz_base: the shipped rows */
static ar_gazetteer *gaz_base = NULL;
static char *gaz_base_fp = NULL;	/* their fingerprint: row count and sum of row hashes */
static const ar_gazetteer *gaz_shipped = NULL;	/* gaz_base, or an empty one without the table */
static MemoryContext gaz_user_cxt = NULL;	/* gaz_user and gaz_user_keys */
static ar_gazetteer *gaz_user = NULL;	/* the user rows (origin 'user') */
static HTAB *gaz_user_keys = NULL;	/* folded key -> the user rows with that key */
static uint64 gaz_user_changes = 0; /* log entries applied since the last full load */
static bool gaz_loaded = false;
static Oid	gaz_relid = InvalidOid;
static Oid	gaz_logid = InvalidOid;
static SPIPlanPtr gaz_delta_plan = NULL;	/* the log entries a snapshot adds, for log: */
static Oid	gaz_delta_plan_log = InvalidOid;
static uint64 gaz_apply_horizon = 0;	/* during gaz_apply: xmin of the cache's snapshot (full id) */
static LocalTransactionId gaz_tainted_lxid = InvalidLocalTransactionId; /* the cache holds this
																		 * transaction's own
																		 * uncommitted changes */
static LocalTransactionId gaz_written_lxid = InvalidLocalTransactionId; /* this transaction
																		 * wrote ar_gazetteer */

/* The snapshot the cache was last checked under (its content: snapshot pointers are reused). */
typedef struct ArGazSnapKey
{
	bool		valid;
	TransactionId xmin,
				xmax;
	uint32		xcnt;
	int32		subxcnt;
	bool		suboverflowed;
	CommandId	curcid;
	bool		recovery;		/* taken during recovery (running ids in subxip) */
	LocalTransactionId lxid;	/* while the cache is tainted, else invalid */
	TransactionId ownxid;		/* this transaction's id then, if it had one */
	TransactionId *xip;			/* xcnt, then subxcnt ids */
	int			xipcap;
} ArGazSnapKey;

static ArGazSnapKey gaz_snap;

/* A user row of the cache, and the rows of one folded key. */
typedef struct ArGazUserRow
{
	char	   *surface,
			   *label,
			   *canon;
} ArGazUserRow;

typedef struct ArGazKeyRows
{
	char	   *key;			/* hash key: the folded key, NUL-terminated */
	List	   *rows;			/* of ArGazUserRow */
} ArGazKeyRows;

/* Allocator over a context of the cache (ctx). */
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

/* The single text value of a one-row, one-column query (read_only: under the active snapshot). */
static char *
gaz_scalar(const char *query, bool read_only)
{
	int			ret = SPI_execute(query, read_only, 1);
	char	   *v;

	if (ret != SPI_OK_SELECT)
		elog(ERROR, "reading the gazetteer failed: %s", SPI_result_code_string(ret));
	if (SPI_processed != 1)
		elog(ERROR, "reading the gazetteer failed: " UINT64_FORMAT " rows where one was expected", (uint64) SPI_processed);
	v = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	return v ? v : pstrdup("");
}

/* Run a statement of the gazetteer trigger. */
static void
gaz_exec(const char *query)
{
	int			ret = SPI_execute(query, false, 0);

	if (ret < 0)
		elog(ERROR, "logging the gazetteer change failed: %s", SPI_result_code_string(ret));
}

/* ---- the snapshot the cache answers for ---- */

/*
 * Whether snap shows the same rows as the snapshot the cache was last
 * checked under: same xmin, xmax, running transactions and command id (and,
 * while the cache holds this transaction's own changes, this transaction).
 */
static bool
gaz_snap_same(Snapshot snap)
{
	ArGazSnapKey *k = &gaz_snap;
	LocalTransactionId lxid = gaz_tainted_lxid != InvalidLocalTransactionId && MyProc ?
		AR_PROC_LXID(MyProc) : InvalidLocalTransactionId;

	return k->valid && snap->xmin == k->xmin && snap->xmax == k->xmax &&
		snap->xcnt == k->xcnt && snap->subxcnt == k->subxcnt &&
		snap->suboverflowed == k->suboverflowed && snap->curcid == k->curcid &&
		lxid == k->lxid &&
		(snap->xcnt == 0 || memcmp(snap->xip, k->xip, snap->xcnt * sizeof(TransactionId)) == 0) &&
		(snap->subxcnt <= 0 ||
		 memcmp(snap->subxip, k->xip + snap->xcnt, snap->subxcnt * sizeof(TransactionId)) == 0);
}

/* Remember snap as the snapshot the cache answers for. */
static void
gaz_snap_remember(Snapshot snap)
{
	ArGazSnapKey *k = &gaz_snap;
	int			n = (int) snap->xcnt + Max(snap->subxcnt, 0);

	k->valid = false;
	if (n > k->xipcap)
	{
		if (k->xip)
			pfree(k->xip);
		k->xip = NULL;
		k->xipcap = 0;
		k->xip = MemoryContextAlloc(TopMemoryContext, Max(n, 64) * sizeof(TransactionId));
		k->xipcap = Max(n, 64);
	}
	if (snap->xcnt)
		memcpy(k->xip, snap->xip, snap->xcnt * sizeof(TransactionId));
	if (snap->subxcnt > 0)
		memcpy(k->xip + snap->xcnt, snap->subxip, snap->subxcnt * sizeof(TransactionId));
	k->xmin = snap->xmin;
	k->xmax = snap->xmax;
	k->xcnt = snap->xcnt;
	k->subxcnt = snap->subxcnt;
	k->suboverflowed = snap->suboverflowed;
	k->curcid = snap->curcid;
	k->recovery = snap->takenDuringRecovery;
	k->ownxid = GetTopTransactionIdIfAny();
	k->lxid = gaz_tainted_lxid != InvalidLocalTransactionId && MyProc ?
		AR_PROC_LXID(MyProc) : InvalidLocalTransactionId;
	k->valid = true;
}

/* ---- the user rows, kept row by row ---- */

/* Hash of a folded key (the hash key is a pointer to it). */
static uint32
gaz_key_hash(const void *key, Size keysize)
{
	const char *s = *(char *const *) key;

	return hash_bytes((const unsigned char *) s, (int) strlen(s));
}

/* Equality of folded keys, for the hash table (0: equal). */
static int
gaz_key_match(const void *a, const void *b, Size keysize)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* An empty user layer: gazetteer and key table in a reset gaz_user_cxt. */
static void
gaz_user_reset(void)
{
	static ar_allocator alloc;
	HASHCTL		ctl;

	MemoryContextReset(gaz_user_cxt);
	alloc.realloc_fn = gaz_realloc;
	alloc.free_fn = gaz_free;
	alloc.ctx = gaz_user_cxt;
	gaz_user = ar_gaz_create(&alloc);
	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = sizeof(char *);
	ctl.entrysize = sizeof(ArGazKeyRows);
	ctl.hash = gaz_key_hash;
	ctl.match = gaz_key_match;
	ctl.hcxt = gaz_user_cxt;
	gaz_user_keys = hash_create("pg_arabic gazetteer user keys", 256, &ctl,
								HASH_ELEM | HASH_FUNCTION | HASH_COMPARE | HASH_CONTEXT);
	gaz_user_changes = 0;
}

/* The row of a key's rows that ar_gaz_add_rows would leave on the key (the greatest). */
static ArGazUserRow *
gaz_user_winner(List *rows)
{
	ListCell   *lc;
	ArGazUserRow *best = NULL;
	ar_gaz_row	b = {0},
				r;

	foreach(lc, rows)
	{
		ArGazUserRow *u = lfirst(lc);

		r.surface = u->surface;
		r.label = u->label;
		r.canon = u->canon;
		r.origin = "user";
		if (!best || ar_gaz_row_cmp(&r, &b) > 0)
		{
			best = u;
			b = r;
		}
	}
	return best;
}

/* Put the winner of a key's rows into the user gazetteer. */
static void
gaz_user_put_winner(ArGazKeyRows *kr)
{
	ArGazUserRow *w = gaz_user_winner(kr->rows);
	ar_gaz_row	r = {w->surface, w->label, w->canon, "user"};

	(void) ar_gaz_put_row(gaz_user, &r);
}

/* The entry of the folded key of surface in the key table (NULL: no name); *found as hash_search. */
static ArGazKeyRows *
gaz_user_key(const char *surface, HASHACTION action, bool *found)
{
	ar_buf		k;
	ArGazKeyRows *kr = NULL;

	ar_buf_init(&k, &ar_pg_allocator, strlen(surface) * 2 + 8);
	*found = false;
	if (ar_gaz_key(surface, strlen(surface), &k) > 0)
	{
		char	   *kp = k.data;

		kr = hash_search(gaz_user_keys, &kp, action, found);
		if (kr && !*found)
		{
			kr->key = MemoryContextStrdup(gaz_user_cxt, k.data);
			kr->rows = NIL;
		}
	}
	ar_buf_free(&k);
	return kr;
}

/* A user row was added. */
static void
gaz_user_add(const char *surface, const char *label, const char *canon)
{
	bool		found;
	ArGazKeyRows *kr = gaz_user_key(surface, HASH_ENTER, &found);
	MemoryContext old;
	ArGazUserRow *u;

	if (!kr)
		return;					/* no name: ar_gaz_add would not take it either */
	old = MemoryContextSwitchTo(gaz_user_cxt);
	u = palloc(sizeof(ArGazUserRow));
	u->surface = pstrdup(surface);
	u->label = pstrdup(label);
	u->canon = canon ? pstrdup(canon) : NULL;
	kr->rows = lappend(kr->rows, u);
	MemoryContextSwitchTo(old);
	if (gaz_user_winner(kr->rows) == u)
		gaz_user_put_winner(kr);
}

/* A user row was removed (user rows have distinct surfaces). */
static void
gaz_user_remove(const char *surface)
{
	bool		found;
	ArGazKeyRows *kr = gaz_user_key(surface, HASH_FIND, &found);
	ListCell   *lc;
	ArGazUserRow *was;

	if (!kr || !found)
		return;
	was = gaz_user_winner(kr->rows);
	foreach(lc, kr->rows)
	{
		ArGazUserRow *u = lfirst(lc);

		if (strcmp(u->surface, surface) == 0)
		{
			kr->rows = foreach_delete_current(kr->rows, lc);
			break;
		}
	}
	if (kr->rows == NIL)
	{
		char	   *key = kr->key;

		(void) ar_gaz_remove(gaz_user, key, strlen(key));
		(void) hash_search(gaz_user_keys, &key, HASH_REMOVE, NULL);
	}
	else if (gaz_user_winner(kr->rows) != was)
		gaz_user_put_winner(kr);
}

/* ---- loading and updating the cache ---- */

/*
 * The shipped rows: their fingerprint, and the gazetteer rebuilt (from the
 * image when it matches, else from the table) only when it changed.
 */
static void
gaz_load_shipped(const char *nsp, const char *table)
{
	static ar_allocator base_alloc;
	const char *rowhash;
	char	   *fp;

	/*
	 * Operators and functions qualified in every query: no dependence on
	 * search_path.  The fingerprint: count, and the sum of the row hashes
	 * modulo 2^64 (a sum, not an XOR: duplicate rows must not cancel out).
	 * An installation whose SQL objects predate _ar_gaz_row_hash falls back
	 * on the built-in hash: the image never matches then, and the table is
	 * indexed.
	 */
	if (OidIsValid(LookupFuncName(list_make2(makeString(pstrdup(nsp)), makeString("_ar_gaz_row_hash")),
								  4, (Oid[]) {TEXTOID, TEXTOID, TEXTOID, TEXTOID}, true)))
		rowhash = psprintf("%s._ar_gaz_row_hash(surface, label, canonical, origin)", quote_identifier(nsp));
	else
		rowhash = "pg_catalog.hashtextextended(pg_catalog.concat_ws('|', surface, label, canonical, origin), 0)";
	fp = gaz_scalar(psprintf("SELECT pg_catalog.count(*)::pg_catalog.text OPERATOR(pg_catalog.||) ':' "
							 "OPERATOR(pg_catalog.||) ((COALESCE(pg_catalog.sum(%s::pg_catalog.numeric), 0) "
							 "OPERATOR(pg_catalog.%%) 18446744073709551616 OPERATOR(pg_catalog.+) 18446744073709551616) "
							 "OPERATOR(pg_catalog.%%) 18446744073709551616)::pg_catalog.text "
							 "FROM %s WHERE origin OPERATOR(pg_catalog.<>) 'user'", rowhash, table), true);
	if (gaz_base == NULL || strcmp(fp, gaz_base_fp) != 0)
	{
		ar_gazetteer *b;

		gaz_base = NULL;
		gaz_shipped = NULL;
		MemoryContextReset(gaz_base_cxt);
		base_alloc.realloc_fn = gaz_realloc;
		base_alloc.free_fn = gaz_free;
		base_alloc.ctx = gaz_base_cxt;
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
	gaz_shipped = gaz_base;
}

/*
 * Does the query that just returned remove so many user rows that a full load
 * is cheaper?  Each removal recomputes the skeleton and surname slots of its
 * words over the user rows, so a bulk DELETE or UPDATE of N rows would cost
 * O(N^2) applied one by one (5,000 rows: 0.4 s), and a load O(N).
 */
static bool
gaz_many_removals(void)
{
	uint64		removals = 0,
				users = gaz_user_keys ? (uint64) hash_get_num_entries(gaz_user_keys) : 0;

	for (uint64 i = 0; i < SPI_processed; i++)
	{
		bool		isnull;
		Datum		op = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull);

		/* the op column is one short text character: read it in place, no copy */
		if (!isnull && VARSIZE_ANY_EXHDR(DatumGetPointer(op)) > 0 && *VARDATA_ANY(DatumGetPointer(op)) == '-')
			removals++;
	}
	return removals > 256 && removals > users / 8;
}

/*
 * Apply changes of user rows to the cache: the rows (op, surface, label,
 * canonical) of the query that just returned ret, in order; false when one of
 * them needs a full load (shipped rows changed, table truncated, entries
 * pruned that this cache had not applied).
 */
static bool
gaz_apply(int ret)
{
	uint64		i;

	if (ret != SPI_OK_SELECT)
		elog(ERROR, "reading the gazetteer failed: %s", SPI_result_code_string(ret));
	if (gaz_many_removals())
		return false;
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	td = SPI_tuptable->tupdesc;
		char	   *op = SPI_getvalue(tup, td, 1),
				   *surface = SPI_getvalue(tup, td, 2),
				   *label = SPI_getvalue(tup, td, 3);

		if ((i & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		if (op && op[0] == '+' && surface && label)
			gaz_user_add(surface, label, SPI_getvalue(tup, td, 4));
		else if (op && op[0] == '-' && surface)
			gaz_user_remove(surface);
		else if (op && op[0] == 'P' && surface && gaz_apply_horizon > 0 &&
				 strtou64(surface, NULL, 10) < gaz_apply_horizon)
			continue;			/* pruned entries that this cache's snapshot saw */
		else
			return false;
		gaz_user_changes++;
	}
	return true;
}

/* Full load: the shipped rows (when their fingerprint changed) and every user row. */
static void
gaz_load_full(const char *nsp, const char *table)
{
	gaz_load_shipped(nsp, table);
	gaz_user_reset();
	(void) gaz_apply(SPI_execute(psprintf("SELECT '+', surface, label, canonical FROM %s "
										  "WHERE origin OPERATOR(pg_catalog.=) 'user'", table), true, 0));
	gaz_user_changes = 0;
}

/* Full 64-bit id of xid, a normal id not later than next. */
static uint64
gaz_full_xid(TransactionId xid, FullTransactionId next)
{
	uint64		epoch = EpochFromFullTransactionId(next);

	if (xid > XidFromFullTransactionId(next) && epoch > 0)
		epoch--;
	return (epoch << 32) | xid;
}

/* qsort comparator of 64-bit transaction ids. */
static int
cmp_full_xid(const void *a, const void *b)
{
	uint64		x = *(const uint64 *) a,
				y = *(const uint64 *) b;

	return x < y ? -1 : x > y;
}

/*
 * Whether snap sees every transaction the cache's snapshot saw: its xmax is
 * not earlier, and each transaction it sees running below the old xmax was
 * running for the old one too.  A snapshot taken during recovery is never
 * compared (its running ids may be incomplete).
 */
static bool
gaz_snap_covers(Snapshot snap)
{
	ArGazSnapKey *k = &gaz_snap;
	uint32		i,
				j;

	if (!k->valid || k->recovery || snap->takenDuringRecovery ||
		TransactionIdPrecedes(snap->xmax, k->xmax))
		return false;
	for (i = 0; i < snap->xcnt; i++)
	{
		if (!TransactionIdPrecedes(snap->xip[i], k->xmax))
			continue;
		for (j = 0; j < k->xcnt && k->xip[j] != snap->xip[i]; j++)
			;
		if (j == k->xcnt && snap->xip[i] != k->ownxid)
			return false;
	}
	return true;
}

/*
 * The cache's snapshot as a pg_snapshot literal, its own transaction (if it
 * had an id) counted as running: the log entries it did not apply are those
 * of the transactions it does not show.  *xmin receives its xmin.
 */
static char *
gaz_snap_literal(uint64 *xmin)
{
	ArGazSnapKey *k = &gaz_snap;
	FullTransactionId next = ReadNextFullTransactionId();
	uint64	   *ids = palloc((k->xcnt + 1) * sizeof(uint64));
	uint32		n = 0,
				i;
	uint64		lo = gaz_full_xid(k->xmin, next),
				hi = gaz_full_xid(k->xmax, next);
	StringInfoData b;

	for (i = 0; i < k->xcnt; i++)
		ids[n++] = gaz_full_xid(k->xip[i], next);
	if (TransactionIdIsNormal(k->ownxid) && TransactionIdPrecedes(k->ownxid, k->xmax))
	{
		ids[n++] = gaz_full_xid(k->ownxid, next);
		lo = Min(lo, ids[n - 1]);
	}
	qsort(ids, n, sizeof(uint64), cmp_full_xid);
	initStringInfo(&b);
	appendStringInfo(&b, UINT64_FORMAT ":" UINT64_FORMAT ":", lo, hi);
	for (i = 0; i < n; i++)
		if (i == 0 || ids[i] != ids[i - 1])
			appendStringInfo(&b, "%s" UINT64_FORMAT, i ? "," : "", ids[i]);
	*xmin = lo;
	return b.data;
}

/*
 * Bring the cache to the gazetteer the active snapshot shows.  Applies the
 * log entries of the transactions this snapshot shows and the cache's did
 * not (an index range over recent transaction ids); loads in full at
 * first, when the table or log is another one (the extension was
 * recreated), when the snapshot does not see everything the cache's saw (a
 * cursor or repeatable-read transaction older than the cache), when an entry
 * says so, after many changes (the memory of removed names is then
 * reclaimed), and while this transaction wrote ar_gazetteer itself (its
 * uncommitted rows are cached only until it ends).  Without the log (SQL
 * objects of 0.3 or older), every new snapshot loads in full.
 */
static void
gaz_refresh(Oid fn_oid, Snapshot snap)
{
	Oid			relid = gaz_table_oid(fn_oid),
				logid = InvalidOid;
	char	   *nsp,
			   *table,
			   *log = NULL;
	bool		own = MyProc && gaz_written_lxid == AR_PROC_LXID(MyProc),
				done;

	if (gaz_user_cxt == NULL)
	{
		gaz_user_cxt = AllocSetContextCreate(TopMemoryContext, "pg_arabic gazetteer user rows",
											 ALLOCSET_DEFAULT_SIZES);
		gaz_base_cxt = AllocSetContextCreate(TopMemoryContext, "pg_arabic gazetteer shipped rows",
											 ALLOCSET_DEFAULT_SIZES);
	}
	if (!OidIsValid(relid))
	{
		gaz_user_reset();
		gaz_shipped = gaz_user; /* empty, as the user rows */
		gaz_relid = InvalidOid;
		gaz_tainted_lxid = InvalidLocalTransactionId;
		gaz_loaded = true;
		return;
	}
	nsp = get_namespace_name(get_rel_namespace(relid));
	table = psprintf("%s.%s", quote_identifier(nsp), quote_identifier(get_rel_name(relid)));
	logid = get_relname_relid("ar_gazetteer_log", get_rel_namespace(relid));
	if (OidIsValid(logid))
		log = psprintf("%s.ar_gazetteer_log", quote_identifier(nsp));

	done = gaz_loaded && log && !own && gaz_tainted_lxid == InvalidLocalTransactionId &&
		relid == gaz_relid && logid == gaz_logid && gaz_snap_covers(snap) &&
		gaz_user_changes <= 4096 + 2 * (uint64) hash_get_num_entries(gaz_user_keys);
	/* an error while applying or loading leaves the cache to be loaded in full */
	gaz_loaded = false;
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	/* read-only SPI queries run under the active snapshot: the statement's */
	if (done)
	{
		char	   *old = gaz_snap_literal(&gaz_apply_horizon);
		Datum		args[2];

		if (gaz_delta_plan == NULL || gaz_delta_plan_log != logid)
		{
			SPIPlanPtr	plan = SPI_prepare(psprintf("SELECT op, surface, label, canonical FROM %s "
													"WHERE xid OPERATOR(pg_catalog.>=) $1 AND NOT "
													"pg_catalog.pg_visible_in_snapshot(xid, $2) ORDER BY seq", log),
										   2, (Oid[]) {XID8OID, PG_SNAPSHOTOID});

			if (plan == NULL || SPI_keepplan(plan) != 0)
				elog(ERROR, "preparing the gazetteer log query failed: %s", SPI_result_code_string(SPI_result));
			if (gaz_delta_plan)
				SPI_freeplan(gaz_delta_plan);
			gaz_delta_plan = plan;
			gaz_delta_plan_log = logid;
		}
		args[0] = UInt64GetDatum(gaz_apply_horizon);
		args[1] = DirectFunctionCall1(pg_snapshot_in, CStringGetDatum(old));
		done = gaz_apply(SPI_execute_plan(gaz_delta_plan, args, NULL, true, 0));
		gaz_apply_horizon = 0;
	}
	if (!done)
	{
		elog(DEBUG2, "pg_arabic: loading the gazetteer in full");
		gaz_load_full(nsp, table);
	}
	SPI_finish();
	gaz_relid = relid;
	gaz_logid = logid;
	gaz_tainted_lxid = own ? AR_PROC_LXID(MyProc) : InvalidLocalTransactionId;
	gaz_loaded = true;
}

/*
 * The gazetteer of this backend for the statement running: the version the
 * statement's snapshot shows, the same from its first call to its end and in
 * its parallel workers (they share the leader's snapshot).  A statement
 * whose snapshot shows the same transactions as the last one checked costs
 * nothing; another one costs a read of the log entries of the transactions
 * it shows and the last one did not (see gaz_refresh).  Returns the shipped
 * gazetteer and sets *user.
 */
const ar_gazetteer *
ar_pg_gazetteer(Oid fn_oid, const ar_gazetteer **user)
{
	bool		pushed = false;
	Snapshot	snap;

	if (!ActiveSnapshotSet())
	{
		if (IsInParallelMode())
			elog(ERROR, "pg_arabic: no active snapshot to read the gazetteer with");
		PushActiveSnapshot(GetTransactionSnapshot());
		pushed = true;
	}
	snap = GetActiveSnapshot();
	/* a cache holding this transaction's own changes ends with the transaction */
	if (gaz_tainted_lxid != InvalidLocalTransactionId && (!MyProc || AR_PROC_LXID(MyProc) != gaz_tainted_lxid))
		gaz_snap.valid = false;
	if (!gaz_loaded || !gaz_snap_same(snap))
	{
		gaz_refresh(fn_oid, snap);
		gaz_snap_remember(snap);
	}
	if (pushed)
		PopActiveSnapshot();
	*user = ar_gaz_count(gaz_user) > 0 ? gaz_user : NULL;
	return gaz_shipped;
}

/*
 * Statement trigger on ar_gazetteer: log the user rows the statement removed
 * and added (from its transition tables) with the transaction's id, 'S'
 * when it changed shipped rows, 'T' for a TRUNCATE; once the log holds 8192
 * entries, prune all but the last 4096 (logging 'P' with the latest
 * transaction id pruned).  Sessions bring their cache up to date from the
 * log (gaz_refresh).  Without the log (SQL objects of 0.3 or older) it does
 * nothing: sessions then reload for every new snapshot.
 */
Datum
ar_gazetteer_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trig = (TriggerData *) fcinfo->context;
	Oid			nspid,
				logid;
	char	   *log;
	const char *oldt = NULL,
			   *newt = NULL;
	int64		last,
				first;
	const char *add = "INSERT INTO %s (op, surface, label, canonical) "
		"SELECT '%c', surface, label, canonical FROM %s "
		"WHERE origin OPERATOR(pg_catalog.=) 'user' ORDER BY surface";
	const char *shipped = "EXISTS (SELECT FROM %s WHERE origin OPERATOR(pg_catalog.<>) 'user')";

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("ar_gazetteer_changed() must be called as a trigger")));
	if (MyProc)
		gaz_written_lxid = AR_PROC_LXID(MyProc);
	nspid = RelationGetNamespace(trig->tg_relation);
	logid = get_relname_relid("ar_gazetteer_log", nspid);
	if (!OidIsValid(logid))
		return PointerGetDatum(NULL);
	log = psprintf("%s.ar_gazetteer_log", quote_identifier(get_namespace_name(nspid)));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (trig->tg_oldtable)
		oldt = quote_identifier(trig->tg_trigger->tgoldtable);
	if (trig->tg_newtable)
		newt = quote_identifier(trig->tg_trigger->tgnewtable);
	if (oldt || newt)
		SPI_register_trigger_data(trig);
	if (TRIGGER_FIRED_BY_TRUNCATE(trig->tg_event) || (!oldt && !newt))
		gaz_exec(psprintf("INSERT INTO %s (op) VALUES ('T')", log));
	else
	{
		if (oldt)
			gaz_exec(psprintf(add, log, '-', oldt));
		if (newt)
			gaz_exec(psprintf(add, log, '+', newt));
		gaz_exec(psprintf("INSERT INTO %s (op) SELECT 'S' WHERE %s", log,
						  oldt && newt ? psprintf("%s OR %s", psprintf(shipped, oldt), psprintf(shipped, newt)) :
						  psprintf(shipped, oldt ? oldt : newt)));
	}
	/* prune: keep the last 4096 entries once there are 8192 */
	last = pg_strtoint64(gaz_scalar(psprintf("SELECT COALESCE(pg_catalog.max(seq), 0)::pg_catalog.text FROM %s", log), false));
	first = pg_strtoint64(gaz_scalar(psprintf("SELECT COALESCE(pg_catalog.min(seq), 0)::pg_catalog.text FROM %s", log), false));
	if (last - first >= 8192)
		gaz_exec(psprintf("WITH d AS (DELETE FROM %s WHERE seq OPERATOR(pg_catalog.<=) " INT64_FORMAT " RETURNING xid) "
						  "INSERT INTO %s (op, surface) SELECT 'P', pg_catalog.max(xid)::pg_catalog.text FROM d "
						  "HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 0", log, last - 4096, log));
	SPI_finish();
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
