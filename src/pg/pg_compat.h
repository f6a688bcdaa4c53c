/*
 * pg_compat.h
 *    Compatibility macros for the PostgreSQL major versions pg_arabic builds
 *    against (15 to 18): one name for each API that moved between them, chosen
 *    by PG_VERSION_NUM, so the glue files stay free of version tests.
 */
#ifndef PG_ARABIC_COMPAT_H
#define PG_ARABIC_COMPAT_H

#include "postgres.h"

#include "storage/proc.h"

/*
 * Local transaction id of a PGPROC: PostgreSQL 17 moved it into the
 * backend's virtual transaction id, PGPROC.vxid.lxid.
 */
#if PG_VERSION_NUM >= 170000
#define AR_PROC_LXID(proc)	((proc)->vxid.lxid)
#else
#define AR_PROC_LXID(proc)	((proc)->lxid)
#endif

/*
 * Lower-casing a word for a text-search stop list: PostgreSQL 18 removed
 * lowerstr()/lowerstr_with_len() and readstoplist() takes str_tolower() with
 * a collation.  AR_STOPLIST_LOWER is readstoplist()'s word operation,
 * ar_lower_with_len() lower-cases len bytes (a palloc'd string).
 */
#if PG_VERSION_NUM >= 180000
#include "catalog/pg_collation_d.h"
#include "utils/formatting.h"
#define AR_STOPLIST_LOWER	str_tolower
#define ar_lower_with_len(s, len)	str_tolower((s), (size_t) (len), DEFAULT_COLLATION_OID)
#else
#include "tsearch/ts_locale.h"
#define AR_STOPLIST_LOWER	lowerstr
#define ar_lower_with_len(s, len)	lowerstr_with_len((s), (int) (len))
#endif

#endif							/* PG_ARABIC_COMPAT_H */
