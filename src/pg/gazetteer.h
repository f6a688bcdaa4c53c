/*
 * gazetteer.h
 *    The per-backend gazetteer cache of gazetteer.c, read by the tagger glue
 *    (ner.c).
 */
#ifndef PG_ARABIC_GAZETTEER_H
#define PG_ARABIC_GAZETTEER_H

#include "postgres.h"

#include "ar_gazetteer.h"

/* Base name of the shipped tagger files in tsearch_data: NAME.model, NAME.gaz, NAME.gazimg. */
#define AR_PG_NER_FILES	"pg_arabic_ner"

/*
 * The gazetteer of this backend for the extension schema of function fn_oid,
 * as the active snapshot shows it (one version per statement, the leader's in
 * parallel workers): returns the shipped rows' gazetteer (the model's
 * features; empty without the table) and sets *user to the user rows' (NULL
 * without user rows).  Both stay valid until the next call.
 */
extern const ar_gazetteer *ar_pg_gazetteer(Oid fn_oid, const ar_gazetteer **user);

#endif							/* PG_ARABIC_GAZETTEER_H */
