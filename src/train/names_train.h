/*
 * names_train.h
 *    What the name model trainer (names_train.c) shares with its list
 *    writers (names_places.c, names_display.c): the training pairs, string ids, and the
 *    exonym / spelling / display-place lines of the model file.
 */
#ifndef NAMES_TRAIN_H
#define NAMES_TRAIN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "ar_names.h"

typedef struct pair
{
	char	   *ar_text,
			   *lat_text;		/* as in the list */
	uint8_t		ar[AR_NAMES_MAXSYM],
				lat[AR_NAMES_MAXSYM];
	int			na,
				nl;
	int			ar_id,
				lat_id;			/* folded-string ids, for the split */
	int			bucket;
	int			count;			/* how many Wikidata labels use the pair (1 for the other list) */
} pair;

extern pair *pairs;				/* every pair of both lists */
extern int	npairs;
extern int	nwikidata;		/* pairs[0 .. nwikidata - 1] come from the Wikidata list */
extern int	nids;				/* string ids handed out */

/* Id of a string already seen (str_id), or -1. */
extern int	str_find(const char *s);

/* Key string of folded symbols with a script tag. */
extern void sym_key(char tag, const uint8_t *s, int n, char *out);

/* "exo" and "lex" lines (see names_places.c). */
extern void write_exonyms(FILE *f, const ar_names_model *m, const char *path, const bool *train);

/* "dsp" lines (see names_display.c). */
extern void write_display_names(FILE *f, const ar_names_model *m, const char *path, const bool *train);

/* The Latin (a-z) and Arabic (one word) fields of an arwikicats row (see names_places.c). */
extern bool place_row(const char *t1, const char *t2, const char *nl, char lat[128], char ar[256], size_t *ll, size_t *al);

#endif							/* NAMES_TRAIN_H */
