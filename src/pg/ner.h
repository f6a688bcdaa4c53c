/*
 * ner.h
 *    The entity tagger of ner.c with this backend's model and gazetteer
 *    cache, shared with the other SQL functions that run it (ar_quotes), and
 *    the setting pg_arabic.ner_model (defined in pg_arabic.c).
 */
#ifndef PG_ARABIC_NER_H
#define PG_ARABIC_NER_H

#include "postgres.h"

#include "utils/guc.h"

#include "ar_ner.h"

/* pg_arabic.ner_model: base name of the model file ar_entities reads (see pg_arabic.c). */
extern char *ar_pg_ner_model_name;
extern bool ar_pg_ner_model_name_check(char **newval, void **extra, GucSource source);

/*
 * Tag s[0..len) with this backend's model (pg_arabic.ner_model) and its gazetteer cache for
 * the extension schema of function fn_oid (loaded on first use, reloaded
 * after an invalidation).  Entities and their canonical forms are allocated
 * in CurrentMemoryContext; errors out when the model file is missing or invalid.
 */
extern size_t ar_pg_ner_extract(Oid fn_oid, const char *s, size_t len, ar_ner_entity **ents);

#endif							/* PG_ARABIC_NER_H */
