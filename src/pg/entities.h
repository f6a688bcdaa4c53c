/*
 * entities.h
 *    The named-entity model and gazetteer cache of entities.c, shared with
 *    the other SQL functions that run the tagger (ar_quotes).
 */
#ifndef PG_ARABIC_ENTITIES_H
#define PG_ARABIC_ENTITIES_H

#include "postgres.h"

#include "ar_tagger.h"

/* The mapped, validated model file of this backend (errors out when missing or invalid). */
extern const ar_ner_model *ar_pg_ner_model(void);

/* The gazetteer cache of this backend for the extension schema of function fn_oid. */
extern const ar_gazetteer *ar_pg_ner_gazetteer(Oid fn_oid);

#endif							/* PG_ARABIC_ENTITIES_H */
