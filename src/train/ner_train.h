/*
 * ner_train.h
 *    Shared by the trainer's files: ner_train.c (reading, gazetteers,
 *    perceptron, evaluation) and ner_train_names.c (the name-token table and
 *    the name-likeness model written into the model file).
 */
#ifndef NER_TRAIN_H
#define NER_TRAIN_H

#include <stdio.h>

#include "ar_ner.h"
#include "ar_ner_names.h"

#define NFOLDS 10
/* folds are contiguous blocks of sentences, so names repeated within one article stay in one fold */
#define FOLD_OF(i, n) ((int) ((long) (i) * NFOLDS / (n)))

typedef struct sent
{
	int			n;
	char	  **tok;
	int		   *gold;
	uint32_t   *feats;			/* n * AR_NER_MAXFEATS */
	uint8_t    *nfeat;

} sent;

/* Print "ner_train: msg: arg" and exit 1. */
extern void die(const char *msg, const char *arg);
/* Tokens of sentence s as tagger tokens (malloc). */
extern ar_ner_token *sent_tokens(const sent *s);

/* ---- name knowledge (ner_train_names.c) ---- */

/* The name-token table while training (kinds only until names_finish), and its slots; NULL without -n. */
extern uint64_t *names;
extern uint32_t nnames;
extern void load_names(const char **paths, int npaths);
extern void count_names(const sent *s, ar_ner_seq *q, int fold);
extern void like_tables(void);
/* Token i's name payload (kinds, ordinary-word class, likeness) without fold exclude; freq: its frequency class. */
extern uint32_t names_payload(ar_ner_seq *q, int i, int exclude, int freq);
extern void names_finish(void);
/* The name-likeness table over all folds (AR_NAMES_NGRAMS bytes), as the model file holds it. */
extern const int8_t *names_likeness(void);
extern void names_coverage(sent *s, int ntrain, int nsent);

#endif							/* NER_TRAIN_H */
