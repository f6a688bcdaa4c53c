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

#endif							/* PG_ARABIC_COMPAT_H */
