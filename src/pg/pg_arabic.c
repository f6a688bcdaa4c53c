/*
 * pg_arabic.c
 *    Module entry point and glue shared by every SQL function: the palloc
 *    allocator given to the analysis core, the UTF8 encoding check and the
 *    reading of data files.
 */
#include "postgres.h"

#include <limits.h>
#include <unistd.h>

#include "fmgr.h"
#include "miscadmin.h"
#include "mb/pg_wchar.h"
#include "lib/stringinfo.h"
#include "storage/fd.h"
#include "tsearch/ts_utils.h"
#include "utils/guc.h"
#include "utils/memutils.h"

#include "pg_arabic.h"
#include "ner.h"

PG_MODULE_MAGIC;

int			ar_pg_window_tokens = 16384;

void		_PG_init(void);

/* Module load: define the settings. */
void
_PG_init(void)
{
	DefineCustomStringVariable("pg_arabic.ner_model",
							   "Named-entity model file used by ar_entities, ar_entity_keys and ar_quotes.",
							   "Base name of a NAME.model file in the tsearch_data directory. "
							   "Entity output depends on it as on the model itself.",
							   &ar_pg_ner_model_name,
							   "pg_arabic_ner",
							   PGC_SUSET, 0,
							   ar_pg_ner_model_name_check, NULL, NULL);
	DefineCustomIntVariable("pg_arabic.window_tokens",
							"Tokens per window of ar_entities, ar_entity_keys and ar_quotes on long texts.",
							"Longer texts are processed in windows of about this many tokens, with the same "
							"result, so that memory follows the text's bytes rather than its tokens. "
							"A developer setting: tests make it small.",
							&ar_pg_window_tokens,
							16384, 1024, INT_MAX,
							PGC_USERSET, GUC_NOT_IN_SAMPLE,
							NULL, NULL, NULL);
	MarkGUCPrefixReserved("pg_arabic");
}

/* palloc/repalloc bridge for the core; huge allocations allowed up to the text limit. */
static void *
pg_realloc_fn(void *ctx, void *ptr, size_t size)
{
	if (size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("input too large for pg_arabic"),
				 errdetail("Processing it would need a single allocation of %zu bytes, more than the 1 GB limit.", size),
				 errhint("Split the text into smaller documents.")));
	return ptr ? repalloc(ptr, size) : palloc(size);
}

/* pfree bridge for the core. */
static void
pg_free_fn(void *ctx, void *ptr)
{
	pfree(ptr);
}

/* Interrupt hook for the core's long loops: honours cancel and statement_timeout. */
static void
pg_check_fn(void *ctx)
{
	CHECK_FOR_INTERRUPTS();
}

const ar_allocator ar_pg_allocator = {pg_realloc_fn, pg_free_fn, NULL, pg_check_fn};

/* Error out unless the database encoding is UTF8. */
void
ar_check_encoding(void)
{
	if (GetDatabaseEncoding() != PG_UTF8)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("pg_arabic requires a UTF8 database, not %s",
						GetDatabaseEncodingName()),
				 errhint("Create the database with ENCODING 'UTF8' and use pg_arabic there.")));
}

/* Read size bytes of fd (an OpenTransientFile) into memory of cxt and close fd; *got is the number of bytes read. */
char *
ar_pg_read_all(int fd, size_t size, MemoryContext cxt, size_t *got)
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

/* Read tsearch_data/<name>.<ext> whole into CurrentMemoryContext (NUL-terminated, checked UTF-8); errors call it a "<what> file". */
char *
ar_pg_read_tsearch_file(const char *name, const char *ext, const char *what, size_t *len)
{
	char	   *path = get_tsearch_config_filename(name, ext);
	FILE	   *f = AllocateFile(path, "rb");
	StringInfoData buf;
	char		chunk[8192];
	size_t		n;

	if (f == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("could not open %s file \"%s.%s\": %m", what, name, ext),
				 errhint("Install the file as $SHAREDIR/tsearch_data/%s.%s.", name, ext)));
	initStringInfo(&buf);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		appendBinaryStringInfo(&buf, chunk, (int) n);
	if (ferror(f))
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not read %s file \"%s.%s\": %m", what, name, ext)));
	FreeFile(f);
	pfree(path);
	if (!pg_verifymbstr(buf.data, buf.len, true))
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("%s file \"%s.%s\" is not valid UTF-8", what, name, ext)));
	*len = (size_t) buf.len;
	return buf.data;
}
