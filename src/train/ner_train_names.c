/*
 * ner_train_names.c
 *    The trainer's name knowledge: the name-token table of the model file
 *    (kinds of list from -n lists, ordinary-word classes counted in the
 *    training split per fold, jack-knifed), the name-likeness model (character
 *    n-gram log-odds of listed name tokens against the training split's
 *    ordinary words, per fold) and the lists' coverage report.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include "ner_train.h"

uint64_t   *names;			/* the table: kinds only while training */
uint32_t	nnames;
static uint32_t (*names_cnt)[NFOLDS][2];	/* per slot and fold: occurrences, ordinary ones */
/* name-likeness: n-gram counts of listed name tokens, of ordinary training words per fold */
static uint32_t *like_pos,
		   (*like_neg)[AR_NAMES_NGRAMS];
/* the log-odds tables without fold f (f < NFOLDS) and over all folds (NFOLDS) */
static int8_t (*like_tab)[AR_NAMES_NGRAMS];

/* Add the n-grams of token text's base (as the tagger strips it) to counts. */
static void
like_count(const char *text, size_t len, uint32_t *counts)
{
	ar_ner_token t = {text, len};
	ar_ner_seq *q = ar_ner_prepare(&t, 1, NULL, -1, &ar_malloc_allocator);
	const char *form,
			   *base;
	size_t		flen,
				blen;
	uint32_t	b[AR_NAMES_MAXGRAMS];
	int			m,
				k;

	ar_ner_seq_forms(q, 0, &form, &flen, &base, &blen);
	m = ar_names_ngrams(base, blen, b);
	for (k = 0; k < m; k++)
		counts[b[k]]++;
	ar_ner_seq_free(q);
}

/* The log-odds tables (x 8, int8) of names against ordinary words, per excluded fold. */
void
like_tables(void)
{
	int			f,
				x;
	double		P = 0;
	uint32_t	b;

	like_tab = calloc(NFOLDS + 1, sizeof(*like_tab));
	for (b = 0; b < AR_NAMES_NGRAMS; b++)
		P += like_pos[b];
	for (f = 0; f <= NFOLDS; f++)
	{
		double		N = 0;

		for (x = 0; x < NFOLDS; x++)
			if (x != f)
				for (b = 0; b < AR_NAMES_NGRAMS; b++)
					N += like_neg[x][b];
		for (b = 0; b < AR_NAMES_NGRAMS; b++)
		{
			double		neg = 0,
						lo;

			for (x = 0; x < NFOLDS; x++)
				if (x != f)
					neg += like_neg[x][b];
			lo = log((like_pos[b] + 0.5) / (P + 0.5 * AR_NAMES_NGRAMS)) -
				log((neg + 0.5) / (N + 0.5 * AR_NAMES_NGRAMS));
			lo = lo * 8 > 127 ? 127 : lo * 8 < -127 ? -127 : lo * 8;
			like_tab[f][b] = (int8_t) lrint(lo);
		}
	}
}

/* Load name-token lists into the table (kinds named in NER_NAMES_DROP left out). */
void
load_names(const char **paths, int npaths)
{
	const char *drop = getenv("NER_NAMES_DROP");
	uint32_t	dropmask = 0;
	int			p,
				n = 0;
	ar_buf		fold;

	if (npaths == 0)
		return;
	if (drop)
	{
		char	   *d = strdup(drop),
				   *tok;

		for (tok = strtok(d, ","); tok; tok = strtok(NULL, ","))
			dropmask |= ar_names_kind_from_name(tok);
		free(d);
	}
	nnames = 1u << 20;
	names = calloc(nnames, sizeof(uint64_t));
	like_pos = calloc(AR_NAMES_NGRAMS, sizeof(uint32_t));
	like_neg = calloc(NFOLDS, sizeof(*like_neg));
	ar_buf_init(&fold, &ar_malloc_allocator, 256);
	for (p = 0; p < npaths; p++)
	{
		FILE	   *f = fopen(paths[p], "r");
		char		line[4096];

		if (!f)
			die("cannot open name list", paths[p]);
		while (fgets(line, sizeof(line), f))
		{
			char	   *fields[4] = {NULL, NULL, NULL, NULL};
			uint32_t	kind;

			if (ar_gaz_split_line(line, fields, 4) < 4)
				continue;
			kind = ar_names_kind_from_name(fields[3]);
			if (!kind)
				die("unknown kind of name list", fields[3]);
			if (kind & dropmask)
				continue;
			fold.len = 0;
			ar_ner_names_fold(fields[0], strlen(fields[0]), &fold);
			if (fold.len == 0)
				continue;
			if ((uint32_t) (n + 1) * 2 > nnames || !ar_names_put(names, nnames, ar_names_hash(fold.data, fold.len), kind))
				die("name table full", paths[p]);
			if (kind & (AR_NAMES_WD | AR_NAMES_TR))
				like_count(fields[0], strlen(fields[0]), like_pos);
			n++;
		}
		fclose(f);
	}
	ar_buf_free(&fold);
	{
		/* the smallest table at most half full: its slots go into every backend's model */
		uint32_t	distinct = 0,
					size = 1024,
					sl;
		uint64_t   *small;

		for (sl = 0; sl < nnames; sl++)
			distinct += names[sl] != 0;
		while (size < 2 * distinct)
			size <<= 1;
		small = calloc(size, sizeof(uint64_t));
		for (sl = 0; sl < nnames; sl++)
			if (names[sl] != 0)
				ar_names_put(small, size, (uint32_t) (names[sl] >> 32), (uint32_t) names[sl]);
		free(names);
		names = small;
		nnames = size;
		names_cnt = calloc(nnames, sizeof(*names_cnt));
		fprintf(stderr, "ner_train: %d name-list lines, %u distinct tokens in %u slots\n", n, distinct, nnames);
	}
}

/* Count the listed tokens of training sentence s (fold fold): occurrences and ordinary ones, per key. */
void
count_names(const sent *s, ar_ner_seq *q, int fold)
{
	int			i,
				k,
				nk;

	for (i = 0; i < s->n; i++)
	{
		const char *form,
				   *base;
		size_t		flen,
					blen;
		uint32_t	keys[AR_NAMES_MAXKEYS];

		ar_ner_seq_forms(q, i, &form, &flen, &base, &blen);
		if (s->gold[i] == 0)
		{
			uint32_t	b[AR_NAMES_MAXGRAMS];
			int			m = ar_names_ngrams(base, blen, b);

			for (k = 0; k < m; k++)
				like_neg[fold][b[k]]++;
		}
		nk = ar_names_keys(form, flen, base, blen, keys);
		for (k = 0; k < nk; k++)
		{
			uint32_t	sl = ar_names_slot(names, nnames, keys[k]);

			if (sl < nnames && names[sl] != 0)
			{
				names_cnt[sl][fold][0]++;
				names_cnt[sl][fold][1] += s->gold[i] == 0;
			}
		}
	}
}

/* Name payload of token i of q: its kinds, and the ordinary-word class of its first listed key without fold exclude. */
uint32_t
names_payload(ar_ner_seq *q, int i, int exclude, int freq)
{
	const char *form,
			   *base;
	size_t		flen,
				blen;
	uint32_t	keys[AR_NAMES_MAXKEYS],
				kinds = 0;
	int			k,
				nk,
				ratio = -1;

	if (!ar_names_wanted(freq))
		return 0;
	ar_ner_seq_forms(q, i, &form, &flen, &base, &blen);
	nk = ar_names_keys(form, flen, base, blen, keys);
	for (k = 0; k < nk; k++)
	{
		uint32_t	sl = ar_names_slot(names, nnames, keys[k]);

		if (sl < nnames && names[sl] != 0)
		{
			kinds |= AR_NAMES_KINDS((uint32_t) names[sl]);
			if (ratio < 0)
			{
				uint32_t	tot = 0,
							ord = 0;
				int			f;

				for (f = 0; f < NFOLDS; f++)
					if (f != exclude)
					{
						tot += names_cnt[sl][f][0];
						ord += names_cnt[sl][f][1];
					}
				ratio = ar_names_ratio_class(ord, tot);
			}
		}
	}
	if (kinds)
		return AR_NAMES_PAYLOAD(kinds, ratio);
	if (!ar_names_likeness_wanted(freq))
		return 0;
	return AR_NAMES_WITH_LIKE(0, ar_names_likeness(like_tab[exclude >= 0 ? exclude : NFOLDS], base, blen));
}

/* The table as written into the model: each entry with its ordinary-word class over all folds. */
void
names_finish(void)
{
	uint32_t	sl;

	for (sl = 0; sl < nnames; sl++)
		if (names[sl] != 0)
		{
			uint32_t	tot = 0,
						ord = 0;
			int			f;

			for (f = 0; f < NFOLDS; f++)
			{
				tot += names_cnt[sl][f][0];
				ord += names_cnt[sl][f][1];
			}
			names[sl] = (names[sl] & ~(uint64_t) 0xFFFFFFFFu) |
				AR_NAMES_PAYLOAD(AR_NAMES_KINDS((uint32_t) names[sl]), ar_names_ratio_class(ord, tot));
		}
}

/*
 * Coverage of the name lists on the held-out sentences s[ntrain..nsent), per
 * kind of list (column "any": all kinds) and gold type: entity tokens hit,
 * the same among tokens never inside an entity of the training sentences
 * ("unseen"), and ordinary (O) tokens hit (the lists' noise).  Printed as
 * "coverage KIND TYPE hit total" lines for test/eval/ner_names_coverage.sh.
 */
void
names_coverage(sent *s, int ntrain, int nsent)
{
	uint32_t   *seen = calloc((size_t) 1 << 20, sizeof(uint32_t));
	long		hit[AR_NAMES_NKINDS + 1][2][AR_NER_NTYPES] = {{{0}}},
				tot[2][AR_NER_NTYPES] = {{0}};
	uint32_t	mask = (1u << 20) - 1;
	int			i,
				k,
				pass;

	/* pass 0: the form hashes of training entity tokens; pass 1: the held-out tokens */
	for (pass = 0; pass < 2; pass++)
		for (i = pass ? ntrain : 0; i < (pass ? nsent : ntrain); i++)
		{
			ar_ner_token *t = sent_tokens(&s[i]);
			ar_ner_seq *q = ar_ner_prepare(t, s[i].n, NULL, -1, &ar_malloc_allocator);

			for (k = 0; k < s[i].n; k++)
			{
				const char *form,
						   *base;
				size_t		flen,
							blen;
				uint32_t	h,
							j,
							kinds,
							keys[AR_NAMES_MAXKEYS];
				int			type = AR_NER_TYPE(s[i].gold[k]),
							unseen = 1,
							b,
							nk,
							x;

				ar_ner_seq_forms(q, k, &form, &flen, &base, &blen);
				h = ar_names_hash(base, blen);
				if (pass == 0)
				{
					if (type)
					{
						for (j = h & mask; seen[j] && seen[j] != h; j = (j + 1) & mask)
							;
						seen[j] = h;
					}
					continue;
				}
				for (j = h & mask; seen[j]; j = (j + 1) & mask)
					if (seen[j] == h)
						unseen = 0;
				nk = ar_names_keys(form, flen, base, blen, keys);
				kinds = 0;
				for (x = 0; x < nk; x++)
					kinds |= AR_NAMES_KINDS(ar_names_find(names, nnames, keys[x]));
				for (x = 0; x <= unseen; x++)
				{
					if (x == 1 && type == 0)
						break;
					tot[x][type]++;
					for (b = 0; b < AR_NAMES_NKINDS; b++)
						if (kinds & (1u << b))
							hit[b][x][type]++;
					if (kinds)
						hit[AR_NAMES_NKINDS][x][type]++;
				}
			}
			ar_ner_seq_free(q);
			free(t);
		}
	for (k = 0; k <= AR_NAMES_NKINDS; k++)
		for (i = 0; i < AR_NER_NTYPES; i++)
		{
			const char *kn = k < AR_NAMES_NKINDS ? ar_names_kind_names[k] : "any",
					   *tn = i ? ar_ner_type_names[i] : "O";

			printf("coverage %s %s %ld %ld\n", kn, tn, hit[k][0][i], tot[0][i]);
			if (i)
				printf("coverage %s unseen-%s %ld %ld\n", kn, tn, hit[k][1][i], tot[1][i]);
		}
	free(seen);
}

/* The name-likeness table over all folds, as the model file holds it. */
const int8_t *
names_likeness(void)
{
	return like_tab[NFOLDS];
}
