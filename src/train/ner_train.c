/*
 * ner_train.c
 *    Trains the pg_arabic named-entity model (averaged structured perceptron
 *    over BIO labels, features from src/core/ar_ner_features.c) on an ANERcorp-style
 *    CoNLL file and writes the model file and the shipped gazetteer.
 *
 *   ner_train -t TRAIN.txt -m OUT.model -g OUT.gaz [-c CURATED.tsv ...] [-n NAMES.tsv ...]
 *             [-e EPOCHS] [-b BITS] [-r RUNS] [-s SEED] [-d DEV_PERCENT] [-D DEV_OUT.txt]
 *
 * Reproducible: the sentence order is shuffled each epoch by a fixed-seed
 * generator, the number of epochs is fixed, the shipped weights are the mean
 * of RUNS averaged perceptrons trained on differently shuffled orders (a
 * small bagging ensemble folded into one weight table, so tagging costs the
 * same), and the last DEV_PERCENT percent
 * of the sentences (default 10) are held out: they train neither the model
 * nor the learned gazetteer, and the program reports entity-level
 * precision/recall/F1 on them with the quantized model it wrote.
 *
 * Gazetteer features are jack-knifed: the training sentences are split into
 * 5 folds by index, and a sentence sees only the learned names that also occur
 * in another fold, so the model does not learn to trust the gazetteer more
 * than it deserves on unseen text.
 *
 * Name-token lists (-n, src/train/names_tokens.tsv: token, label, -, kind of
 * list) become the model's name table (ar_ner_names.h): each listed token
 * with its kinds and how often it is an ordinary word (O) in the training
 * split, counted per fold and jack-knifed like the gazetteer.  Experiments:
 * NER_NAMES_DROP=wd,tr,... leaves kinds of list out.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <unistd.h>

#include "ner_train.h"

#define NL AR_NER_NLABELS

void
die(const char *msg, const char *arg)
{
	fprintf(stderr, "ner_train: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
	exit(1);
}

/* BIO tag of an ANERcorp line (B-PERS, I-LOC, O, ...) -> label index. */
static int
parse_tag(const char *t)
{
	int			type;

	if (t[0] == 'O' && t[1] == '\0')
		return 0;
	if ((t[0] != 'B' && t[0] != 'I') || t[1] != '-')
		return 0;
	type = ar_ner_type_from_name(t + 2, strlen(t + 2));
	if (type == 0 && strncmp(t + 2, "MIS", 3) == 0)
		type = AR_NER_MISC;
	if (type == 0)
		return 0;
	return t[0] == 'B' ? AR_NER_B(type) : AR_NER_I(type);
}

/* Read blank-line separated `token TAG` sentences. */
static sent *
read_conll(const char *path, int *nsent)
{
	FILE	   *f = fopen(path, "r");
	char		line[4096];
	sent	   *s = NULL;
	int			ns = 0,
				cap = 0;
	char	  **tok = NULL;
	int		   *gold = NULL;
	int			n = 0,
				tcap = 0;

	if (!f)
		die("cannot open training file", path);
	for (;;)
	{
		char	   *r = fgets(line, sizeof(line), f);
		char	   *a,
				   *b;

		if (r)
		{
			a = strtok(line, " \t\r\n");
			b = a ? strtok(NULL, " \t\r\n") : NULL;
		}
		else
			a = b = NULL;
		if (!a)
		{
			if (n > 0)
			{
				if (ns == cap)
				{
					cap = cap ? cap * 2 : 1024;
					s = realloc(s, cap * sizeof(sent));
				}
				s[ns].n = n;
				s[ns].tok = tok;
				s[ns].gold = gold;
				s[ns].feats = NULL;
				s[ns].nfeat = NULL;

				ns++;
				tok = NULL;
				gold = NULL;
				n = tcap = 0;
			}
			if (!r)
				break;
			continue;
		}
		if (n == tcap)
		{
			tcap = tcap ? tcap * 2 : 64;
			tok = realloc(tok, tcap * sizeof(char *));
			gold = realloc(gold, tcap * sizeof(int));
		}
		tok[n] = strdup(a);
		gold[n] = b ? parse_tag(b) : 0;
		/* repair I- without a matching predecessor into B- */
		if (gold[n] && !AR_NER_IS_B(gold[n]) &&
			(n == 0 || gold[n - 1] == 0 || AR_NER_TYPE(gold[n - 1]) != AR_NER_TYPE(gold[n])))
			gold[n] = AR_NER_B(AR_NER_TYPE(gold[n]));
		n++;
	}
	fclose(f);
	*nsent = ns;
	return s;
}

/* ---- learned gazetteer ---- */

typedef struct rec
{
	char	   *surface;
	int			type;			/* 0 = a plain occurrence of a single token */
	int			fold;
} rec;

static int
rec_cmp(const void *a, const void *b)
{
	const rec  *x = a,
			   *y = b;
	int			c = strcmp(x->surface, y->surface);

	return c ? c : x->type - y->type;
}

/* Join tokens [a, b] with spaces (malloc). */
static char *
join(char **tok, int a, int b)
{
	size_t		len = 0;
	int			i;
	char	   *s;

	for (i = a; i <= b; i++)
		len += strlen(tok[i]) + 1;
	s = malloc(len + 1);
	s[0] = '\0';
	for (i = a; i <= b; i++)
	{
		if (i > a)
			strcat(s, " ");
		strcat(s, tok[i]);
	}
	return s;
}

/* Whether a surface has at least two letters (Arabic or Latin). */
static bool
wordlike(const char *s)
{
	int			letters = 0;
	const unsigned char *p = (const unsigned char *) s;

	for (; *p; p++)
		if (*p >= 0xD8 && *p <= 0xDB)
			letters++;
		else if ((*p | 32) >= 'a' && (*p | 32) <= 'z')
			letters++;
	return letters >= 2;
}

/*
 * Learn names from the training sentences: every gold entity span, with the
 * folds it occurs in; a single-token name only when at least half of that
 * token's occurrences are this entity.  Adds them to g and writes them to gazf.
 */
static void
learn_gazetteer(sent *s, int ntrain, ar_gazetteer *g, FILE *gazf)
{
	rec		   *r = NULL;
	size_t		nr = 0,
				cap = 0,
				i,
				j;
	int			k,
				learned = 0;

	for (k = 0; k < ntrain; k++)
	{
		int			t;

		for (t = 0; t < s[k].n; t++)
		{
			if (nr + 2 > cap)
			{
				cap = cap ? cap * 2 : 65536;
				r = realloc(r, cap * sizeof(rec));
			}
			r[nr].surface = strdup(s[k].tok[t]);
			r[nr].type = 0;
			r[nr].fold = FOLD_OF(k, ntrain);
			nr++;
			if (AR_NER_IS_B(s[k].gold[t]))
			{
				int			e = t;

				while (e + 1 < s[k].n && s[k].gold[e + 1] == AR_NER_I(AR_NER_TYPE(s[k].gold[t])))
					e++;
				r[nr].surface = join(s[k].tok, t, e);
				r[nr].type = AR_NER_TYPE(s[k].gold[t]);
				r[nr].fold = FOLD_OF(k, ntrain);
				nr++;
			}
		}
	}
	qsort(r, nr, sizeof(rec), rec_cmp);
	for (i = 0; i < nr; i = j)
	{
		int			cnt[AR_NER_NTYPES] = {0};
		uint32_t	folds = 0;
		int			best = 1,
					t;

		for (j = i; j < nr && strcmp(r[j].surface, r[i].surface) == 0; j++)
		{
			cnt[r[j].type]++;
			if (r[j].type)
				folds |= 1u << r[j].fold;
		}
		for (t = 2; t < AR_NER_NTYPES; t++)
			if (cnt[t] > cnt[best])
				best = t;
		if (cnt[best] == 0 || !wordlike(r[i].surface))
			continue;
		/* a single token must be this entity in at least half of its occurrences */
		if (!strchr(r[i].surface, ' ') && cnt[best] * 2 < cnt[0])
			continue;
		if (ar_gaz_add(g, r[i].surface, strlen(r[i].surface), best, NULL, 0, folds))
		{
			fprintf(gazf, "%s\t%s\t\tanercorp\n", r[i].surface, ar_ner_type_names[best]);
			learned++;
		}
	}
	for (i = 0; i < nr; i++)
		free(r[i].surface);
	free(r);
	fprintf(stderr, "ner_train: %d names learned from the training split\n", learned);
}

/* Load a curated TSV (surface, label, canonical[, origin]) into g and copy it to gazf. */
static void
load_curated(const char *path, ar_gazetteer *g, FILE *gazf)
{
	FILE	   *f = fopen(path, "r");
	char		line[4096];
	int			n = 0,
				lineno = 0;

	if (!f)
		die("cannot open curated gazetteer", path);
	while (fgets(line, sizeof(line), f))
	{
		char	   *fields[4] = {NULL, NULL, NULL, NULL};
		int			nf,
					type;
		const char *origin;

		lineno++;
		nf = ar_gaz_split_line(line, fields, 4);
		if (nf == 0)
			continue;
		if (nf < 2)
		{
			fprintf(stderr, "%s:%d: expected surface<TAB>label[<TAB>canonical]\n", path, lineno);
			exit(1);
		}
		type = ar_ner_type_from_name(fields[1], strlen(fields[1]));
		if (!type)
		{
			fprintf(stderr, "%s:%d: unknown label %s\n", path, lineno, fields[1]);
			exit(1);
		}
		origin = (nf >= 4 && fields[3][0]) ? fields[3] : "curated";
		if (ar_gaz_add(g, fields[0], strlen(fields[0]), type,
					   fields[2] ? fields[2] : "", fields[2] ? strlen(fields[2]) : 0, 0))
		{
			fprintf(gazf, "%s\t%s\t%s\t%s\n", fields[0], ar_ner_type_names[type],
					fields[2] ? fields[2] : "", origin);
			n++;
		}
	}
	fclose(f);
	fprintf(stderr, "ner_train: %d curated names from %s\n", n, path);
}

/* ---- perceptron ---- */

typedef struct weights
{
	uint32_t	nb;
	float	   *w,
			   *u;				/* u accumulates c * update for averaging */
	float		t[(NL + 1) * NL],
				tu[(NL + 1) * NL];
	double		c;
} weights;

/* Emission scores of sentence s under W (avg: averaged weights). */
static void
emissions(const weights *W, const sent *s, float *emis, bool avg)
{
	int			i,
				k,
				y;

	for (i = 0; i < s->n; i++)
	{
		for (y = 0; y < NL; y++)
			emis[i * NL + y] = 0;
		for (k = 0; k < s->nfeat[i]; k++)
		{
			size_t		b = (size_t) (s->feats[i * AR_NER_MAXFEATS + k] & (W->nb - 1)) * NL;

			for (y = 0; y < NL; y++)
				emis[i * NL + y] += avg ? W->w[b + y] - (float) (W->u[b + y] / W->c) : W->w[b + y];
		}
	}
}

/* Structured perceptron update towards gold, away from pred. */
static void
update(weights *W, const sent *s, const int *pred)
{
	int			i,
				k;

	for (i = 0; i < s->n; i++)
	{
		int			g = s->gold[i],
					p = pred[i],
					gp = i ? s->gold[i - 1] : NL,
					pp = i ? pred[i - 1] : NL;

		if (g != p)
		{
			for (k = 0; k < s->nfeat[i]; k++)
			{
				size_t		b = (size_t) (s->feats[i * AR_NER_MAXFEATS + k] & (W->nb - 1)) * NL;

				W->w[b + g] += 1;
				W->u[b + g] += (float) W->c;
				W->w[b + p] -= 1;
				W->u[b + p] -= (float) W->c;
			}
		}
		if (g != p || gp != pp)
		{
			W->t[gp * NL + g] += 1;
			W->tu[gp * NL + g] += (float) W->c;
			W->t[pp * NL + p] -= 1;
			W->tu[pp * NL + p] -= (float) W->c;
		}
	}
}

/* Entity spans (start, end, type) of a label sequence. */
static int
spans(const int *lab, int n, int (*out)[3])
{
	int			i,
				m = 0;

	for (i = 0; i < n;)
	{
		int			j;

		if (lab[i] == 0)
		{
			i++;
			continue;
		}
		j = i;
		while (j + 1 < n && lab[j + 1] == AR_NER_I(AR_NER_TYPE(lab[i])))
			j++;
		out[m][0] = i;
		out[m][1] = j;
		out[m][2] = AR_NER_TYPE(lab[i]);
		m++;
		i = j + 1;
	}
	return m;
}

/* Accumulate true positives / predicted / gold counts of one sentence. */
static void
score(const int *gold, const int *pred, int n, long *tp, long *np, long *ng)
{
	int			(*gs)[3] = malloc(sizeof(int[3]) * (n + 1));
	int			(*ps)[3] = malloc(sizeof(int[3]) * (n + 1));
	int			a = spans(gold, n, gs),
				b = spans(pred, n, ps),
				i,
				j;

	for (i = 0; i < b; i++)
	{
		np[ps[i][2]]++;
		for (j = 0; j < a; j++)
			if (gs[j][0] == ps[i][0] && gs[j][1] == ps[i][1] && gs[j][2] == ps[i][2])
				tp[ps[i][2]]++;
	}
	for (j = 0; j < a; j++)
		ng[gs[j][2]]++;
	free(gs);
	free(ps);
}

static void
report(const char *what, long *tp, long *np, long *ng)
{
	long		T = 0,
				P = 0,
				G = 0;
	int			t;

	for (t = 1; t < AR_NER_NTYPES; t++)
	{
		double		p = np[t] ? (double) tp[t] / np[t] : 0,
					r = ng[t] ? (double) tp[t] / ng[t] : 0;

		fprintf(stderr, "%s %-5s precision=%.3f recall=%.3f F1=%.3f gold=%ld tp=%ld pred=%ld\n", what,
				ar_ner_type_names[t], p, r, p + r > 0 ? 2 * p * r / (p + r) : 0, ng[t], tp[t], np[t]);
		T += tp[t];
		P += np[t];
		G += ng[t];
	}
	{
		double		p = P ? (double) T / P : 0,
					r = G ? (double) T / G : 0;

		fprintf(stderr, "%s ALL   precision=%.4f recall=%.4f F1=%.4f\n", what, p, r,
				p + r > 0 ? 2 * p * r / (p + r) : 0);
	}
}

/* ---- vocabulary of the training text ---- */

/* Base-form counts of the training sentences, in total and per jack-knife fold. */
typedef struct vocab_entry
{
	uint32_t	hash;
	uint32_t	total;
	uint32_t	fold[NFOLDS];
	bool		used;
} vocab_entry;

#define VOCAB_BITS 18
static vocab_entry *vocab;

/* The entry of base hash h (created when add). */
static vocab_entry *
vocab_slot(uint32_t h, bool add)
{
	size_t		mask = ((size_t) 1 << VOCAB_BITS) - 1,
				k = h & mask;

	while (vocab[k].used && vocab[k].hash != h)
		k = (k + 1) & mask;
	if (!vocab[k].used)
	{
		if (!add)
			return NULL;
		vocab[k].used = true;
		vocab[k].hash = h;
	}
	return &vocab[k];
}

/* Tokens of sentence s as tagger tokens. */
ar_ner_token *
sent_tokens(const sent *s)
{
	ar_ner_token *t = malloc(sizeof(ar_ner_token) * (s->n ? s->n : 1));
	int			i;

	for (i = 0; i < s->n; i++)
	{
		t[i].s = s->tok[i];
		t[i].len = strlen(s->tok[i]);
	}
	return t;
}

/* Count the bases of the training sentences s[0..ntrain). */
static void
count_vocab(const sent *s, int ntrain)
{
	int			i,
				k;
	long		types = 0;

	vocab = calloc((size_t) 1 << VOCAB_BITS, sizeof(vocab_entry));
	for (i = 0; i < ntrain; i++)
	{
		ar_ner_token *t = sent_tokens(&s[i]);
		ar_ner_seq *q = ar_ner_prepare(t, s[i].n, NULL, -1, &ar_malloc_allocator);

		for (k = 0; k < s[i].n; k++)
		{
			vocab_entry *v = vocab_slot(ar_ner_seq_base_hash(q, k), true);

			types += v->total == 0;
			v->total++;
			v->fold[FOLD_OF(i, ntrain)]++;
		}
		if (names)
			count_names(&s[i], q, FOLD_OF(i, ntrain));
		ar_ner_seq_free(q);
		free(t);
		if (types > (1L << VOCAB_BITS) / 2)
			die("training vocabulary too large for VOCAB_BITS", NULL);
	}
	fprintf(stderr, "ner_train: %ld distinct bases in the training text\n", types);
}

/* The vocabulary table of the model file (see ar_ner.h); returns its slots (0: none). */
static size_t
vocab_table(uint32_t **out)
{
	size_t		types = 0,
				nv = 1,
				k;
	uint32_t   *v;

	*out = NULL;
	if (!vocab)
		return 0;
	for (k = 0; k < ((size_t) 1 << VOCAB_BITS); k++)
		types += vocab[k].used;
	while (nv < 2 * types)
		nv <<= 1;
	v = calloc(nv, sizeof(uint32_t));
	for (k = 0; k < ((size_t) 1 << VOCAB_BITS); k++)
		if (vocab[k].used)
		{
			uint32_t	h = vocab[k].hash;
			size_t		j = (h >> 3) & (nv - 1);

			while (v[j] != 0 && (v[j] & ~7u) != (h & ~7u))
				j = (j + 1) & (nv - 1);
			v[j] = AR_NER_VOCAB_ENTRY(h, ar_ner_freq_class(vocab[k].total));
		}
	*out = v;
	return nv;
}

/* Prepare sentence features against g with a fold excluded (-1: none); the
 * vocabulary counts leave out that fold too. */
static void
featurize(sent *s, const ar_gazetteer *g, int exclude)
{
	ar_ner_token *t = malloc(sizeof(ar_ner_token) * s->n);
	ar_ner_seq *q;
	int			i,
			   *freq;

	for (i = 0; i < s->n; i++)
	{
		t[i].s = s->tok[i];
		t[i].len = strlen(s->tok[i]);
	}
	q = ar_ner_prepare(t, s->n, g, exclude, &ar_malloc_allocator);
	freq = calloc(s->n, sizeof(int));
	for (i = 0; vocab && i < s->n; i++)
	{
		vocab_entry *v = vocab_slot(ar_ner_seq_base_hash(q, i), false);
		uint32_t	c = v ? v->total - (exclude >= 0 ? v->fold[exclude] : 0) : 0;

		freq[i] = ar_ner_freq_class(c);
		ar_ner_seq_set_freq(q, i, freq[i]);
	}
	for (i = 0; names && i < s->n; i++)
		ar_ner_seq_set_names(q, i, names_payload(q, i, exclude, freq[i]));
	free(freq);
	s->feats = malloc(sizeof(uint32_t) * AR_NER_MAXFEATS * s->n);
	s->nfeat = malloc(s->n);
	for (i = 0; i < s->n; i++)
		s->nfeat[i] = (uint8_t) ar_ner_features(q, i, s->feats + (size_t) i * AR_NER_MAXFEATS);
	ar_ner_seq_free(q);
	free(t);
}

static uint64_t rng_state;

/* Fixed-seed generator (splitmix64). */
static uint64_t
rng(void)
{
	uint64_t	z = (rng_state += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

int
main(int argc, char **argv)
{
	const char *train = NULL,
			   *model = NULL,
			   *gazout = NULL,
			   *devout = NULL;
	const char *curated[16],
			   *namelists[16];
	int			ncur = 0,
				nnl = 0,
				epochs = 12,
				bits = 17,
				devpct = 10,
				opt,
				nsent,
				ntrain,
				e,
				i;
	uint64_t	seed = 20260423;
	sent	   *s;
	ar_gazetteer *g;
	FILE	   *gazf;
	weights		W;
	int		   *order,
			   *pred;
	float	   *emis,
			   *sumw,
				sumt[(NL + 1) * NL] = {0};
	int			maxn = 0,
				runs = 1,
				r;

	while ((opt = getopt(argc, argv, "t:m:g:c:n:e:b:s:d:D:r:")) != -1)
	{
		switch (opt)
		{
			case 't': train = optarg; break;
			case 'm': model = optarg; break;
			case 'g': gazout = optarg; break;
			case 'c': if (ncur < 16) curated[ncur++] = optarg; break;
			case 'n': if (nnl < 16) namelists[nnl++] = optarg; break;
			case 'e': epochs = atoi(optarg); break;
			case 'b': bits = atoi(optarg); break;
			case 's': seed = strtoull(optarg, NULL, 10); break;
			case 'd': devpct = atoi(optarg); break;
			case 'D': devout = optarg; break;
			case 'r': runs = atoi(optarg); break;
			default: die("usage: ner_train -t TRAIN -m MODEL -g GAZ [-c CURATED.tsv] [-e EPOCHS] [-b BITS] [-r RUNS] [-s SEED] [-d DEVPCT] [-D DEVOUT]", NULL);
		}
	}
	if (!train || !model || !gazout)
		die("usage: ner_train -t TRAIN -m MODEL -g GAZ [-c CURATED.tsv] [-e EPOCHS] [-b BITS] [-r RUNS] [-s SEED] [-d DEVPCT] [-D DEVOUT]", NULL);
	if (bits < 10 || bits > 24 || epochs < 1 || devpct < 0 || devpct > 50 || runs < 1 || runs > 20)
		die("option out of range", NULL);
	rng_state = seed;

	s = read_conll(train, &nsent);
	ntrain = nsent - nsent * devpct / 100;
	if (getenv("NER_DEV_SLICE"))
	{
		/* experiments only: hold out slice k (0-based) of size nsent-ntrain instead of the last one */
		int			k = atoi(getenv("NER_DEV_SLICE")),
					nd = nsent - ntrain,
					st = k * nd;
		sent	   *r = malloc(sizeof(sent) * nsent);

		if (st + nd > nsent)
			die("NER_DEV_SLICE out of range", NULL);
		memcpy(r, s, sizeof(sent) * st);
		memcpy(r + st, s + st + nd, sizeof(sent) * (nsent - st - nd));
		memcpy(r + nsent - nd, s + st, sizeof(sent) * nd);
		s = r;
		if (getenv("NER_DEV_GAP"))
		{
			/*
			 * a purged split: the GAP sentences on each side of the held-out slice
			 * train nothing (articles and stories that straddle its edges)
			 */
			int			gap = atoi(getenv("NER_DEV_GAP")),
						lo = st - gap < 0 ? 0 : st - gap,
						hi = st + gap > ntrain ? ntrain : st + gap,
						drop = hi - lo;

			if (gap < 0)
				die("NER_DEV_GAP out of range", NULL);
			memmove(r + lo, r + hi, sizeof(sent) * (nsent - hi));
			nsent -= drop;
			ntrain -= drop;
		}
	}
	fprintf(stderr, "ner_train: %d sentences, %d for training, %d held out (last %d%%)\n",
			nsent, ntrain, nsent - ntrain, devpct);
	if (devout)
	{
		FILE	   *d = fopen(devout, "w");
		int			k;

		if (!d)
			die("cannot write", devout);
		for (i = ntrain; i < nsent; i++)
		{
			for (k = 0; k < s[i].n; k++)
				fprintf(d, "%s %s%s\n", s[i].tok[k],
						s[i].gold[k] == 0 ? "O" : AR_NER_IS_B(s[i].gold[k]) ? "B-" : "I-",
						s[i].gold[k] == 0 ? "" : ar_ner_type_names[AR_NER_TYPE(s[i].gold[k])]);
			fprintf(d, "\n");
		}
		fclose(d);
	}

	g = ar_gaz_create(&ar_malloc_allocator);
	gazf = fopen(gazout, "w");
	if (!gazf)
		die("cannot write", gazout);
	fprintf(gazf, "# pg_arabic shipped gazetteer: surface, label, canonical (empty = normalized surface), origin\n");
	for (i = 0; i < ncur; i++)
		load_curated(curated[i], g, gazf);
	learn_gazetteer(s, ntrain, g, gazf);
	fclose(gazf);
	load_names(namelists, nnl);
	if (getenv("NER_NAMES_COVERAGE"))
	{
		if (!names)
			die("NER_NAMES_COVERAGE needs name lists (-n)", NULL);
		names_coverage(s, ntrain, nsent);
		return 0;
	}

	if (!getenv("NER_NO_VOCAB"))
		count_vocab(s, ntrain);
	if (names)
		like_tables();
	for (i = 0; i < nsent; i++)
	{
		featurize(&s[i], g, i < ntrain && !getenv("NER_NO_JK") ? FOLD_OF(i, ntrain) : -1);
		if (s[i].n > maxn)
			maxn = s[i].n;
	}

	memset(&W, 0, sizeof(W));
	W.nb = 1u << bits;
	W.w = calloc((size_t) W.nb * NL, sizeof(float));
	W.u = calloc((size_t) W.nb * NL, sizeof(float));
	sumw = calloc((size_t) W.nb * NL, sizeof(float));
	order = malloc(sizeof(int) * ntrain);
	pred = malloc(sizeof(int) * maxn);
	emis = malloc(sizeof(float) * maxn * NL);
	/* RUNS independently shuffled perceptrons; the shipped weights are the mean of their averages */
	for (r = 0; r < runs; r++)
	{
		size_t		k;

		memset(W.w, 0, sizeof(float) * W.nb * NL);
		memset(W.u, 0, sizeof(float) * W.nb * NL);
		memset(W.t, 0, sizeof(W.t));
		memset(W.tu, 0, sizeof(W.tu));
		W.c = 1;
		for (i = 0; i < ntrain; i++)
			order[i] = i;
		for (e = 0; e < epochs; e++)
		{
			long		errs = 0;

			for (i = ntrain - 1; i > 0; i--)
			{
				int			j = (int) (rng() % (uint64_t) (i + 1)),
							x = order[i];

				order[i] = order[j];
				order[j] = x;
			}
			for (i = 0; i < ntrain; i++)
			{
				sent	   *x = &s[order[i]];
				int			t;

				emissions(&W, x, emis, false);
				ar_ner_viterbi(emis, W.t, x->n, pred);
				for (t = 0; t < x->n; t++)
					if (pred[t] != x->gold[t])
					{
						errs++;
						update(&W, x, pred);
						break;
					}
				W.c += 1;
			}
			fprintf(stderr, "ner_train: run %d epoch %d, %ld sentences with errors\n", r + 1, e + 1, errs);
		}
		for (k = 0; k < (size_t) W.nb * NL; k++)
			sumw[k] += (W.w[k] - (float) (W.u[k] / W.c)) / runs;
		for (k = 0; k < (NL + 1) * NL; k++)
			sumt[k] += (W.t[k] - (float) (W.tu[k] / W.c)) / runs;
	}

	/* average, quantize, write */
	{
		size_t		nw = (size_t) W.nb * NL,
					k;
		float		mx = 0,
					scale;
		int16_t    *q = malloc(nw * sizeof(int16_t));
		float		trans[(NL + 1) * NL];
		ar_ner_header h;
		uint32_t   *vt = NULL;
		size_t		nv = vocab_table(&vt);
		size_t		nb = names ? (size_t) nnames * (sizeof(uint64_t) + 1) + AR_NAMES_NGRAMS : 0;
		size_t		payload = sizeof(trans) + nw * sizeof(int16_t) + nb + nv * sizeof(uint32_t);
		char	   *buf = malloc(payload);
		FILE	   *f;

		for (k = 0; k < nw; k++)
			if (fabsf(sumw[k]) > mx)
				mx = fabsf(sumw[k]);
		scale = mx > 0 ? mx / 32767.0f : 1.0f;
		for (k = 0; k < nw; k++)
			q[k] = (int16_t) lrintf(sumw[k] / scale);
		for (k = 0; k < (NL + 1) * NL; k++)
			trans[k] = sumt[k];
		memcpy(buf, trans, sizeof(trans));
		memcpy(buf + sizeof(trans), q, nw * sizeof(int16_t));
		if (nb)
		{
			char	   *at = buf + sizeof(trans) + nw * sizeof(int16_t);

			names_finish();
			memcpy(at, names, (size_t) nnames * sizeof(uint64_t));
			at += (size_t) nnames * sizeof(uint64_t);
			ar_names_filter_build(names, nnames, (uint8_t *) at);
			memcpy(at + nnames, names_likeness(), AR_NAMES_NGRAMS);
		}
		if (nv)
			memcpy(buf + sizeof(trans) + nw * sizeof(int16_t) + nb, vt, nv * sizeof(uint32_t));
		free(vt);
		ar_ner_header_init(&h, W.nb, names ? nnames : 0, scale, buf, payload);
		f = fopen(model, "wb");
		if (!f || fwrite(&h, sizeof(h), 1, f) != 1 || fwrite(buf, 1, payload, f) != payload ||
			fclose(f) != 0)
			die("cannot write model", model);
		fprintf(stderr, "ner_train: wrote %s (%zu bytes, %u buckets)\n", model,
				sizeof(h) + payload, W.nb);
		free(q);
		free(buf);
	}

	/* held-out evaluation through the written file, as the extension reads it */
	if (ntrain < nsent)
	{
		FILE	   *f = fopen(model, "rb");
		long		size,
					tp[AR_NER_NTYPES] = {0},
					np[AR_NER_NTYPES] = {0},
					ng[AR_NER_NTYPES] = {0};
		char	   *data;
		ar_ner_model m;
		const char *err;

		fseek(f, 0, SEEK_END);
		size = ftell(f);
		fseek(f, 0, SEEK_SET);
		data = malloc(size);
		if (fread(data, 1, size, f) != (size_t) size)
			die("cannot reread model", model);
		fclose(f);
		if ((err = ar_ner_model_open(&m, data, size)) != NULL)
			die(err, model);
		for (i = ntrain; i < nsent; i++)
		{
			ar_ner_token *t = malloc(sizeof(ar_ner_token) * s[i].n);
			ar_ner_seq *q;
			int			k;

			for (k = 0; k < s[i].n; k++)
			{
				t[k].s = s[i].tok[k];
				t[k].len = strlen(s[i].tok[k]);
			}
			q = ar_ner_prepare(t, s[i].n, g, -1, &ar_malloc_allocator);
			ar_ner_seq_apply_vocab(&m, q);
			ar_ner_tag(&m, q, pred, NULL);
			score(s[i].gold, pred, s[i].n, tp, np, ng);
			if (getenv("NER_TRAIN_DUMP"))
				for (k = 0; k < s[i].n; k++)
					printf("%s\t%d\t%d\n", s[i].tok[k], s[i].gold[k], pred[k]);
			ar_ner_seq_free(q);
			free(t);
		}
		report("dev(tokens as given)", tp, np, ng);
		/* the same sentences through ar_ner_extract, scored like tools/ner_eval.py */
		memset(tp, 0, sizeof(tp));
		memset(np, 0, sizeof(np));
		memset(ng, 0, sizeof(ng));
		for (i = ntrain; i < nsent; i++)
		{
			char	   *text = join(s[i].tok, 0, s[i].n - 1);
			size_t	   *starts = malloc(sizeof(size_t) * s[i].n);
			size_t		pos = 0,
						ne,
						k;
			ar_ner_entity *ents;
			int		   *lab = calloc(s[i].n, sizeof(int));

			for (k = 0; k < (size_t) s[i].n; k++)
			{
				starts[k] = pos;
				pos += ar_utf8_count(s[i].tok[k], strlen(s[i].tok[k])) + 1;
			}
			ne = ar_ner_extract(&m, g, NULL, text, strlen(text), &ar_malloc_allocator, &ents);
			for (k = 0; k < ne; k++)
			{
				size_t		j;
				bool		first = true;

				for (j = 0; j < (size_t) s[i].n; j++)
					if (starts[j] >= ents[k].char_start &&
						starts[j] < ents[k].char_start + ents[k].char_len)
					{
						lab[j] = first ? AR_NER_B(ents[k].type) : AR_NER_I(ents[k].type);
						first = false;
					}
			}
			score(s[i].gold, lab, s[i].n, tp, np, ng);
			ar_ner_entities_free(ents, ne, &ar_malloc_allocator);
			free(lab);
			free(starts);
			free(text);
		}
		report("dev(ar_ner_extract)", tp, np, ng);
		free(data);
	}
	ar_gaz_destroy(g);
	return 0;
}
