/*
 * ar_ner.c
 *    Decoding and extraction of the entity tagger: emission scores from the
 *    hashed features, Viterbi over BIO labels with per-token confidences,
 *    and ar_ner_extract, the pipeline that tokenizes a text, tags it, runs
 *    the post-decoding rules (ar_ner_rules.c), cuts the labels into entity
 *    spans and gives them canonical forms (ar_ner_canonical.c).  See
 *    ar_ner.h.
 */
#include <string.h>

#include "ar_ner_internal.h"
#include "ar_tokenize.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ---- decoding ---- */

/* e^x for x <= 0 (2^f polynomial with exponent bits), so the core needs no libm. */
static float
exp_nonpos(float x)
{
	float		t,
				f,
				p;
	int			i;
	union
	{
		float		f;
		uint32_t	u;
	}			v;

	if (x < -80.0f)
		return 0.0f;
	if (x > 0.0f)
		x = 0.0f;
	t = x * 1.44269504f;
	i = (int) t;
	if ((float) i > t)
		i--;
	f = t - (float) i;
	p = 1.0f + f * (0.6931472f + f * (0.2402265f + f * (0.0555041f + f * (0.0096181f + f * 0.0013334f))));
	v.u = (uint32_t) (i + 127) << 23;
	return p * v.f;
}

/* Whether label y may follow label prev (prev = NLABELS for the start). */
static inline bool
allowed(int prev, int y)
{
	if (y == 0 || AR_NER_IS_B(y))
		return true;
	if (prev == AR_NER_NLABELS || prev == 0)
		return false;
	return AR_NER_TYPE(prev) == AR_NER_TYPE(y);
}

/*
 * The forward pass of ar_ner_viterbi over tokens 1..n-1: prev[] holds the
 * scores of token 0 on entry and of token n-1 on return, bp[i * NLABELS + y]
 * the best previous label of label y at token i.  O and B-x follow any label,
 * I-x only B-x or I-x (allowed()); of equal scores the lowest previous label
 * wins.  With SSE2, labels 0-7 are done four at a time with the disallowed
 * transitions set to -infinity (never better than the -3e38 start, and no
 * allowed sum is changed), label 8 in plain C: the same sums and comparisons
 * in the same order, so the same result as the plain C loop.
 */
static void
viterbi_forward(const float *emis, const float *trans, size_t n, float *prev, uint8_t *bp)
{
	size_t		i;
	int			y,
				p;
#if defined(__SSE2__) && AR_NER_NLABELS == 9
	float		t[AR_NER_NLABELS][8];
	union
	{
		float		f;
		uint32_t	u;
	}			ninf;

	ninf.u = 0xFF800000u;		/* -infinity */
	for (p = 0; p < AR_NER_NLABELS; p++)
		for (y = 0; y < 8; y++)
			t[p][y] = allowed(p, y) ? trans[p * AR_NER_NLABELS + y] : ninf.f;
	for (i = 1; i < n; i++)
	{
		__m128		blo = _mm_set1_ps(-3e38f),
					bhi = blo;
		__m128i		alo = _mm_setzero_si128(),
					ahi = alo;
		float		b8 = -3e38f;
		int			a8 = 0;
		const float *e = emis + i * AR_NER_NLABELS;
		uint8_t    *bpi = bp + i * AR_NER_NLABELS;
		int32_t		args[8];

		for (p = 0; p < AR_NER_NLABELS; p++)
		{
			__m128		pv = _mm_set1_ps(prev[p]);
			__m128		slo = _mm_add_ps(pv, _mm_loadu_ps(t[p])),
						shi = _mm_add_ps(pv, _mm_loadu_ps(t[p] + 4));
			__m128		mlo = _mm_cmpgt_ps(slo, blo),
						mhi = _mm_cmpgt_ps(shi, bhi);
			__m128i		pi = _mm_set1_epi32(p);
			float		s8 = prev[p] + trans[p * AR_NER_NLABELS + 8];

			blo = _mm_or_ps(_mm_and_ps(mlo, slo), _mm_andnot_ps(mlo, blo));
			bhi = _mm_or_ps(_mm_and_ps(mhi, shi), _mm_andnot_ps(mhi, bhi));
			alo = _mm_or_si128(_mm_and_si128(_mm_castps_si128(mlo), pi),
							   _mm_andnot_si128(_mm_castps_si128(mlo), alo));
			ahi = _mm_or_si128(_mm_and_si128(_mm_castps_si128(mhi), pi),
							   _mm_andnot_si128(_mm_castps_si128(mhi), ahi));
			/* label 8 (I-MISC) follows B-MISC (7) or I-MISC (8) only */
			if (p >= 7 && s8 > b8)
			{
				b8 = s8;
				a8 = p;
			}
		}
		_mm_storeu_ps(prev, _mm_add_ps(blo, _mm_loadu_ps(e)));
		_mm_storeu_ps(prev + 4, _mm_add_ps(bhi, _mm_loadu_ps(e + 4)));
		prev[8] = b8 + e[8];
		_mm_storeu_si128((__m128i *) args, alo);
		_mm_storeu_si128((__m128i *) (args + 4), ahi);
		for (y = 0; y < 8; y++)
			bpi[y] = (uint8_t) args[y];
		bpi[8] = (uint8_t) a8;
	}
#else
	float		cur[AR_NER_NLABELS];

	for (i = 1; i < n; i++)
	{
		for (y = 0; y < AR_NER_NLABELS; y++)
		{
			float		best = -3e38f;
			int			arg = 0;

			/* O and B-x follow any label; I-x only B-x or I-x (allowed()), tried in the same order */
			for (p = AR_NER_IS_B(y) || y == 0 ? 0 : y - 1;
				 p < (AR_NER_IS_B(y) || y == 0 ? AR_NER_NLABELS : y + 1); p++)
			{
				float		s = prev[p] + trans[p * AR_NER_NLABELS + y];

				if (s > best)
				{
					best = s;
					arg = p;
				}
			}
			cur[y] = best + emis[i * AR_NER_NLABELS + y];
			bp[i * AR_NER_NLABELS + y] = (uint8_t) arg;
		}
		memcpy(prev, cur, sizeof(cur));
	}
#endif
}

/* Viterbi with BIO constraints. */
void
ar_ner_viterbi(const float *emis, const float *trans, size_t n, int *labels)
{
	float		prev[AR_NER_NLABELS];
	size_t		i;
	int			y,
				p;
	uint8_t		bpbuf[512 * AR_NER_NLABELS];
	uint8_t    *bp = bpbuf;

	if (n == 0)
		return;
	if (n > 512)
	{
		/* long sequence: decode in windows that end on a confident O label */
		size_t		start = 0;

		while (start < n)
		{
			size_t		end = start + 512 < n ? start + 512 : n;

			ar_ner_viterbi(emis + start * AR_NER_NLABELS, trans, end - start, labels + start);
			/* restart at the last O so an entity is never cut by the window */
			if (end < n)
			{
				size_t		k = end;

				while (k > start + 256 && labels[k - 1] != 0)
					k--;
				end = k;
			}
			start = end;
		}
		return;
	}
	for (y = 0; y < AR_NER_NLABELS; y++)
		prev[y] = allowed(AR_NER_NLABELS, y) ?
			trans[AR_NER_NLABELS * AR_NER_NLABELS + y] + emis[y] : -1e30f;
	viterbi_forward(emis, trans, n, prev, bp);
	y = 0;
	for (p = 1; p < AR_NER_NLABELS; p++)
		if (prev[p] > prev[y])
			y = p;
	for (i = n; i-- > 0;)
	{
		labels[i] = y;
		if (i > 0)
			y = bp[i * AR_NER_NLABELS + y];
	}
}

/* Scale of perceptron scores for the confidence softmax (weights are update counts). */
#define CONF_TEMPERATURE 20.0f

/*
 * acc[y] = sum over the nf features of weight row f[k] & mask, label y (the
 * row of 9 int16 weights of each feature, summed in 32 bits).  Labels 0-7 in
 * two SSE2 registers where the compiler targets it (every x86-64), label 8
 * and other targets in plain C; integer sums, so both give the same result.
 */
static inline void
ner_sum_rows(const int16_t *w, const uint32_t *f, int nf, uint32_t mask, int32_t *acc)
{
	int			k;
#if defined(__SSE2__) && AR_NER_NLABELS == 9
	__m128i		lo = _mm_setzero_si128(),
				hi = _mm_setzero_si128();
	int32_t		last = 0;

	for (k = 0; k < nf; k++)
	{
		const int16_t *r = w + (size_t) (f[k] & mask) * AR_NER_NLABELS;
		__m128i		x = _mm_loadu_si128((const __m128i *) r);

		/* sign-extend the 8 int16 to int32: interleave with themselves, shift right arithmetically */
		lo = _mm_add_epi32(lo, _mm_srai_epi32(_mm_unpacklo_epi16(x, x), 16));
		hi = _mm_add_epi32(hi, _mm_srai_epi32(_mm_unpackhi_epi16(x, x), 16));
		last += r[8];
	}
	_mm_storeu_si128((__m128i *) acc, lo);
	_mm_storeu_si128((__m128i *) (acc + 4), hi);
	acc[8] = last;
#else
	int			y;

	for (y = 0; y < AR_NER_NLABELS; y++)
		acc[y] = 0;
	for (k = 0; k < nf; k++)
	{
		const int16_t *r = w + (size_t) (f[k] & mask) * AR_NER_NLABELS;

		for (y = 0; y < AR_NER_NLABELS; y++)
			acc[y] += r[y];
	}
#endif
}

/* Ask for the weight rows of nf features before they are summed (they are scattered over 2.4 MB). */
static inline void
ner_prefetch_rows(const int16_t *w, const uint32_t *f, int nf, uint32_t mask)
{
#if defined(__GNUC__) || defined(__clang__)
	int			k;

	for (k = 0; k < nf; k++)
		__builtin_prefetch(w + (size_t) (f[k] & mask) * AR_NER_NLABELS);
#endif
}

/*
 * Emission scores of tokens [from, to) of q into emis[(to - from) * NLABELS].
 * Software-pipelined: the features of token i + 1 are computed and their
 * weight rows requested before the rows of token i are summed, so the rows
 * arrive while the features are computed instead of stalling the sums.
 */
static void
ner_emissions(const ar_ner_model *m, const ar_ner_seq *q, size_t from, size_t to, float *emis)
{
	const ar_allocator *a = q->alloc;
	uint32_t	f[2][AR_NER_MAXFEATS];
	int			nf[2] = {0, 0};
	uint32_t	mask = m->nbuckets - 1;
	size_t		i;

	if (from < to)
	{
		nf[from & 1] = ar_ner_features(q, from, f[from & 1]);
		ner_prefetch_rows(m->w, f[from & 1], nf[from & 1], mask);
	}
	for (i = from; i < to; i++)
	{
		int32_t		acc[AR_NER_NLABELS];
		int			y,
					c = (int) (i & 1);
		float	   *e = emis + (i - from) * AR_NER_NLABELS;

		AR_CHECK_INTERRUPTS(a, i);
		if (i + 1 < to)
		{
			nf[c ^ 1] = ar_ner_features(q, i + 1, f[c ^ 1]);
			ner_prefetch_rows(m->w, f[c ^ 1], nf[c ^ 1], mask);
		}
		ner_sum_rows(m->w, f[c], nf[c], mask, acc);
		for (y = 0; y < AR_NER_NLABELS; y++)
			e[y] = (float) acc[y] * m->scale;
	}
}

#if defined(__SSE2__)
/*
 * exp_nonpos of four values: the same operations as exp_nonpos in the same
 * order (truncating conversion, the floor correction, the polynomial, the
 * exponent bits), so each lane is bit for bit exp_nonpos of its value.
 */
static inline __m128
exp_nonpos4(__m128 x)
{
	__m128		under = _mm_cmplt_ps(x, _mm_set1_ps(-80.0f)),
				t,
				f,
				p;
	__m128i		i;

	x = _mm_min_ps(x, _mm_setzero_ps());
	t = _mm_mul_ps(x, _mm_set1_ps(1.44269504f));
	i = _mm_cvttps_epi32(t);
	/* (float) i > t: one less (the mask is -1 where true) */
	i = _mm_add_epi32(i, _mm_castps_si128(_mm_cmpgt_ps(_mm_cvtepi32_ps(i), t)));
	f = _mm_sub_ps(t, _mm_cvtepi32_ps(i));
	p = _mm_mul_ps(f, _mm_set1_ps(0.0013334f));
	p = _mm_mul_ps(f, _mm_add_ps(_mm_set1_ps(0.0096181f), p));
	p = _mm_mul_ps(f, _mm_add_ps(_mm_set1_ps(0.0555041f), p));
	p = _mm_mul_ps(f, _mm_add_ps(_mm_set1_ps(0.2402265f), p));
	p = _mm_mul_ps(f, _mm_add_ps(_mm_set1_ps(0.6931472f), p));
	p = _mm_add_ps(_mm_set1_ps(1.0f), p);
	p = _mm_mul_ps(p, _mm_castsi128_ps(_mm_slli_epi32(_mm_add_epi32(i, _mm_set1_epi32(127)), 23)));
	return _mm_andnot_ps(under, p);
}
#endif

/*
 * Confidences conf[n] of decoded labels[n] over emissions emis; prev0 is the
 * label before labels[0] (NLABELS: none).  With entities_only, tokens
 * labelled O get 0 instead: extraction reads the confidences of entity
 * tokens only (the rules that make an entity of an O token set its
 * confidence), and most tokens are O.
 */
static void
ner_confidences(const ar_ner_model *m, const float *emis, const int *labels, int prev0, size_t n,
				bool entities_only, float *conf)
{
	size_t		i;

	for (i = 0; i < n; i++)
	{
		int			prev = i ? labels[i - 1] : prev0,
					y;
		float		s[AR_NER_NLABELS],
					e[AR_NER_NLABELS],
					mx = -3e38f,
					z = 0;

		if (entities_only && labels[i] == 0)
		{
			conf[i] = 0.0f;
			continue;
		}
		for (y = 0; y < AR_NER_NLABELS; y++)
		{
			s[y] = allowed(prev, y) ?
				emis[i * AR_NER_NLABELS + y] + m->trans[prev * AR_NER_NLABELS + y] : -3e38f;
			if (s[y] > mx)
				mx = s[y];
		}
		/* softmax at temperature CONF_TEMPERATURE: raw perceptron margins saturate it */
#if defined(__SSE2__) && AR_NER_NLABELS == 9
		{
			__m128		vm = _mm_set1_ps(mx),
						vt = _mm_set1_ps(CONF_TEMPERATURE);

			_mm_storeu_ps(e, exp_nonpos4(_mm_div_ps(_mm_sub_ps(_mm_loadu_ps(s), vm), vt)));
			_mm_storeu_ps(e + 4, exp_nonpos4(_mm_div_ps(_mm_sub_ps(_mm_loadu_ps(s + 4), vm), vt)));
			e[8] = exp_nonpos((s[8] - mx) / CONF_TEMPERATURE);
		}
#else
		for (y = 0; y < AR_NER_NLABELS; y++)
			e[y] = exp_nonpos((s[y] - mx) / CONF_TEMPERATURE);
#endif
		/* summed in label order, as ever */
		for (y = 0; y < AR_NER_NLABELS; y++)
			z += s[y] > -1e38f ? e[y] : 0.0f;
		conf[i] = e[labels[i]] / z;
	}
}

/* ar_ner_tag, with the confidences of entity tokens only when entities_only (see ner_confidences). */
static void
ner_tag(const ar_ner_model *m, const ar_ner_seq *q, int *labels, bool entities_only, float *conf)
{
	const ar_allocator *a = q->alloc;
	size_t		nn = q->n ? q->n : 1;
	float	   *emis = a->realloc_fn(a->ctx, NULL, nn * AR_NER_NLABELS * sizeof(float));

	ner_emissions(m, q, 0, q->n, emis);
	ar_ner_viterbi(emis, m->trans, q->n, labels);
	if (conf)
		ner_confidences(m, emis, labels, AR_NER_NLABELS, q->n, entities_only, conf);
	a->free_fn(a->ctx, emis);
}

/* Tag a prepared sequence: labels[n] and a per-token confidence conf[n]. */
void
ar_ner_tag(const ar_ner_model *m, const ar_ner_seq *q, int *labels, float *conf)
{
	ner_tag(m, q, labels, false, conf);
}

/* ---- extraction ---- */

/* Last token of the entity whose labels start at token i (labels[i] != 0). */
size_t
ar_ner_run_end(const int *labels, size_t n, size_t i)
{
	size_t		j = i;

	while (j + 1 < n && labels[j + 1] != 0 && !AR_NER_IS_B(labels[j + 1]) &&
		   AR_NER_TYPE(labels[j + 1]) == AR_NER_TYPE(labels[i]))
		j++;
	return j;
}

/* Trim punctuation-only tokens off both ends of tokens [*a, *b]. */
void
ar_ner_trim_punct(const ar_ner_seq *q, size_t *a, size_t *b)
{
	while (*a <= *b && q->t[*a].shape == SH_PUNCT)
		(*a)++;
	while (*b > *a && q->t[*b].shape == SH_PUNCT)
		(*b)--;
}

/*
 * Bounded memory on long texts.  A text of more than window + 2 * RULE_CONTEXT
 * tokens is processed in windows of about window tokens instead of as one
 * sequence, with the same result (see docs/incoming/memory.md for the
 * argument):
 *   1. tagging: each window is prepared with FEATURE_CONTEXT tokens of context
 *      on both sides (features read two tokens away and gazetteer matches up
 *      to the longest name), and decoded in the very chunks the whole-text
 *      Viterbi uses (ar_ner_viterbi: 512 tokens, restarting after the last O);
 *      a chunk is decoded only once its 512 tokens are in the window, so the
 *      labels and confidences are those of the whole text.  They are kept for
 *      the whole text: 5 bytes per token.
 *   2. rules and spans: each window is prepared again with RULE_CONTEXT tokens
 *      on both sides (the propagation rule looks 16 * MENTION_WINDOW tokens
 *      away, the other rules a few tokens or a user row), the rules run over
 *      it, and the entities that start inside the window are kept; an entity
 *      reaching too far into the right context makes the context grow.
 *   3. canonical forms: the tokens of the entities only (a compact sequence)
 *      go through ar_ner_canonicalize, which compares mentions with the
 *      neighbouring mentions only (MENTION_WINDOW of them).
 * Memory is then the 5 bytes per token of step 1, the entities, and one
 * window (a constant).  Texts that fit one window take the same steps over
 * one prepared sequence.
 */

/* Tokens around a tagging window whose features the window needs (plus the longest gazetteer name). */
#define FEATURE_CONTEXT 4
/* Tokens around a rules window: the propagation rule's reach, a user row and the local rules. */
#define RULE_CONTEXT (16 * MENTION_WINDOW + 512)
/* Viterbi chunk length of ar_ner_viterbi, and the least part of it kept before a restart. */
#define VITERBI_CHUNK 512
/* Tokenizer checkpoints: one every so many tokens, to re-tokenize a window. */
#define TOKEN_CHECKPOINT 64

/* A text being extracted: its tokens' checkpoints, and the labels of the whole text. */
typedef struct ner_doc
{
	const ar_ner_model *m;
	const ar_gazetteer *g,
			   *user;
	const char *text;
	size_t		len;
	const ar_allocator *alloc;
	size_t		n;				/* non-space tokens */
	uint32_t   *ck;				/* byte and code point position of token k * TOKEN_CHECKPOINT */
	int8_t	   *lab;			/* decoded labels (windowed only) */
	float	   *conf;			/* their confidences (windowed only) */
	ar_ner_seq *mq;				/* the tokens of the entities, for canonical forms */
	span	   *sp;				/* the entities, indexing mq */
	ar_ner_entity *ents;		/* their offsets, type and score */
	size_t		nsp,
				spcap,
				mqcap;
} ner_doc;

/* One window: tokens [a, b) of the text, their offsets and their analysis. */
typedef struct ner_win
{
	size_t		a,
				b;
	tokspan    *toks;
	ar_ner_seq *q;
} ner_win;

/* Tokenize the text: count its tokens, record checkpoints, and keep the offsets of the first keep tokens (*toks). */
static void
doc_scan(ner_doc *d, size_t keep, tokspan **toks)
{
	const ar_allocator *alloc = d->alloc;
	ar_tokenizer tz;
	ar_token	tk;
	size_t		cap = 64,
				ckcap = 16;

	*toks = alloc->realloc_fn(alloc->ctx, NULL, cap * sizeof(tokspan));
	d->ck = alloc->realloc_fn(alloc->ctx, NULL, ckcap * 2 * sizeof(uint32_t));
	d->n = 0;
	ar_tokenizer_init(&tz, d->text, d->len);
	for (;;)
	{
		size_t		pos = tz.pos,
					cpos = tz.cpos;

		if (!ar_tokenizer_next(&tz, &tk))
			break;
		if (tk.kind == AR_TOK_SPACE)
			continue;
		AR_CHECK_INTERRUPTS(alloc, d->n);
		if (d->n % TOKEN_CHECKPOINT == 0)
		{
			size_t		k = d->n / TOKEN_CHECKPOINT;

			if (k == ckcap)
			{
				ckcap *= 2;
				d->ck = alloc->realloc_fn(alloc->ctx, d->ck, ckcap * 2 * sizeof(uint32_t));
			}
			d->ck[2 * k] = (uint32_t) pos;
			d->ck[2 * k + 1] = (uint32_t) cpos;
		}
		if (d->n < keep)
		{
			if (d->n == cap)
			{
				cap *= 2;
				*toks = alloc->realloc_fn(alloc->ctx, *toks, cap * sizeof(tokspan));
			}
			(*toks)[d->n].byte_start = (uint32_t) tk.byte_start;
			(*toks)[d->n].byte_len = (uint32_t) tk.byte_len;
			(*toks)[d->n].char_start = (uint32_t) tk.char_start;
			(*toks)[d->n].char_len = (uint32_t) tk.char_len;
		}
		d->n++;
	}
}

/* Open window [a, b): its tokens (re-tokenized from a checkpoint unless given) and their analysis. */
static void
win_open(const ner_doc *d, size_t a, size_t b, tokspan *given, ner_win *w)
{
	const ar_allocator *alloc = d->alloc;
	ar_ner_token *in;
	size_t		i;

	w->a = a;
	w->b = b;
	w->toks = given;
	if (!given)
	{
		ar_tokenizer tz;
		ar_token	tk;
		size_t		k = a / TOKEN_CHECKPOINT;

		w->toks = alloc->realloc_fn(alloc->ctx, NULL, (b > a ? b - a : 1) * sizeof(tokspan));
		ar_tokenizer_init(&tz, d->text, d->len);
		tz.pos = d->ck[2 * k];
		tz.cpos = d->ck[2 * k + 1];
		for (i = k * TOKEN_CHECKPOINT; i < b && ar_tokenizer_next(&tz, &tk);)
		{
			if (tk.kind == AR_TOK_SPACE)
				continue;
			if (i >= a)
			{
				w->toks[i - a].byte_start = (uint32_t) tk.byte_start;
				w->toks[i - a].byte_len = (uint32_t) tk.byte_len;
				w->toks[i - a].char_start = (uint32_t) tk.char_start;
				w->toks[i - a].char_len = (uint32_t) tk.char_len;
			}
			i++;
		}
	}
	in = alloc->realloc_fn(alloc->ctx, NULL, (b > a ? b - a : 1) * sizeof(ar_ner_token));
	for (i = 0; i < b - a; i++)
	{
		in[i].s = d->text + w->toks[i].byte_start;
		in[i].len = w->toks[i].byte_len;
	}
	w->q = ar_ner_prepare(in, b - a, d->g, -1, alloc);
	alloc->free_fn(alloc->ctx, in);		/* the sequence holds its own copy */
	ar_ner_seq_apply_vocab(d->m, w->q);
}

/* Close a window. */
static void
win_close(const ner_doc *d, ner_win *w)
{
	ar_ner_seq_free(w->q);
	d->alloc->free_fn(d->alloc->ctx, w->toks);
}

/* Copy token i of q to the end of the compact sequence mq (its folded forms into mq's pool). */
static void
copy_token(ar_ner_seq *mq, const ar_ner_seq *q, size_t i)
{
	const tokinfo *t = &q->t[i];
	tokinfo    *u = &mq->t[mq->n++];

	*u = *t;
	u->off = (uint32_t) mq->pool.len;
	ar_buf_append(&mq->pool, q->pool.data + t->off, t->len);
	ar_buf_append(&mq->pool, "", 1);
	u->boff = u->off + (t->boff - t->off);
	u->doff = u->off;
	if (t->doff != t->off)
	{
		u->doff = (uint32_t) mq->pool.len;
		ar_buf_append(&mq->pool, q->pool.data + t->doff, t->len);
		ar_buf_append(&mq->pool, "", 1);
	}
}

/*
 * The entities over final labels of window w that start in tokens [from, to)
 * (labels and conf index the window): append them to d (their tokens to
 * d->mq).  Returns the token after the last one scanned; a return of
 * (size_t) -1 - k means the entity starting at k reaches past limit.
 */
static size_t
win_spans(ner_doc *d, const ner_win *w, const int *labels, const float *conf, size_t from,
		  size_t to, size_t limit)
{
	const ar_allocator *alloc = d->alloc;
	const ar_ner_seq *q = w->q;
	size_t		i = from,
				n = w->b - w->a;

	while (i < to)
	{
		size_t		li = i - w->a,
					j,
					k,
					a,
					b;
		float		sum;

		if (labels[li] == 0)
		{
			i++;
			continue;
		}
		j = ar_ner_run_end(labels, n, li);
		if (j + w->a >= limit)
			return (size_t) -1 - i;
		sum = conf[li];
		for (k = li + 1; k <= j; k++)
			sum += conf[k];
		a = li;
		b = j;
		ar_ner_trim_punct(q, &a, &b);
		if (a <= b && q->t[a].shape != SH_PUNCT)
		{
			span	   *x;
			ar_ner_entity *e;

			if (d->nsp == d->spcap)
			{
				d->spcap *= 2;
				d->sp = alloc->realloc_fn(alloc->ctx, d->sp, d->spcap * sizeof(span));
				d->ents = alloc->realloc_fn(alloc->ctx, d->ents, d->spcap * sizeof(ar_ner_entity));
			}
			x = &d->sp[d->nsp];
			e = &d->ents[d->nsp++];
			while (d->mq->n + (b - a + 1) > d->mqcap)
			{
				d->mqcap *= 2;
				d->mq->t = alloc->realloc_fn(alloc->ctx, d->mq->t, d->mqcap * sizeof(tokinfo));
			}
			x->first = d->mq->n;
			for (k = a; k <= b; k++)
				copy_token(d->mq, q, k);
			x->last = d->mq->n - 1;
			x->type = AR_NER_TYPE(labels[li]);
			x->score = sum / (float) (j - li + 1);
			x->absorbed = false;
			ar_buf_init(&x->canon, alloc, 32);
			ar_buf_init(&x->skel, alloc, 16);
			e->type = x->type;
			e->score = x->score;
			e->byte_start = w->toks[a].byte_start;
			e->byte_len = w->toks[b].byte_start + w->toks[b].byte_len - w->toks[a].byte_start;
			e->char_start = w->toks[a].char_start;
			e->char_len = w->toks[b].char_start + w->toks[b].char_len - w->toks[a].char_start;
		}
		i = j + w->a + 1;
	}
	return i;
}

/* Step 1 of a long text: decode it window by window into d->lab and d->conf (see above). */
static void
doc_tag(ner_doc *d, size_t window)
{
	const ar_allocator *alloc = d->alloc;
	size_t		c = 0,
				ctx = FEATURE_CONTEXT + (d->g ? (size_t) ar_gaz_max_words(d->g) : 0);
	float	   *emis = alloc->realloc_fn(alloc->ctx, NULL, window * AR_NER_NLABELS * sizeof(float));
	int		   *lab = alloc->realloc_fn(alloc->ctx, NULL, window * sizeof(int));
	float	   *conf = alloc->realloc_fn(alloc->ctx, NULL, window * sizeof(float));

	while (c < d->n)
	{
		size_t		e = c + window < d->n ? c + window : d->n,
					start = c,
					i;
		ner_win		w;

		win_open(d, c > ctx ? c - ctx : 0, e + ctx < d->n ? e + ctx : d->n, NULL, &w);
		ner_emissions(d->m, w.q, c - w.a, e - w.a, emis);
		/* the chunks of ar_ner_viterbi over the whole text, as long as the window holds them */
		while (start < d->n)
		{
			size_t		end = start + VITERBI_CHUNK < d->n ? start + VITERBI_CHUNK : d->n;

			if (end > e)
				break;
			ar_ner_viterbi(emis + (start - c) * AR_NER_NLABELS, d->m->trans, end - start,
						   lab + (start - c));
			if (end < d->n)
			{
				size_t		k = end;

				while (k > start + VITERBI_CHUNK / 2 && lab[k - 1 - c] != 0)
					k--;
				end = k;
			}
			start = end;
		}
		ner_confidences(d->m, emis, lab, c ? d->lab[c - 1] : AR_NER_NLABELS, start - c, true, conf);
		for (i = c; i < start; i++)
		{
			d->lab[i] = (int8_t) lab[i - c];
			d->conf[i] = conf[i - c];
		}
		win_close(d, &w);
		c = start;
	}
	alloc->free_fn(alloc->ctx, emis);
	alloc->free_fn(alloc->ctx, lab);
	alloc->free_fn(alloc->ctx, conf);
}

/* Step 2 of a long text: the rules and the entities, window by window (see above). */
static void
doc_rules(ner_doc *d, size_t window)
{
	const ar_allocator *alloc = d->alloc;
	size_t		c = 0;

	while (c < d->n)
	{
		size_t		ce = c + window < d->n ? c + window : d->n,
					ctx = RULE_CONTEXT,
					next;

		for (;;)
		{
			ner_win		w;
			size_t		a = c > ctx ? c - ctx : 0,
						b = ce + ctx < d->n ? ce + ctx : d->n,
						i,
						limit = b < d->n ? b - RULE_CONTEXT : d->n;
			int		   *labels = alloc->realloc_fn(alloc->ctx, NULL, (b - a) * sizeof(int));
			float	   *conf = alloc->realloc_fn(alloc->ctx, NULL, (b - a) * sizeof(float));

			size_t		nsp0 = d->nsp,
						mqn0 = d->mq->n,
						pool0 = d->mq->pool.len;

			win_open(d, a, b, NULL, &w);
			for (i = a; i < b; i++)
			{
				labels[i - a] = d->lab[i];
				conf[i - a] = d->conf[i];
			}
			{
				ar_ner_rule_ctx rc = {w.q, d->user, d->text, w.toks, labels, conf};

				ar_ner_apply_rules(&rc);
			}
			next = win_spans(d, &w, labels, conf, c, ce, limit);
			alloc->free_fn(alloc->ctx, labels);
			alloc->free_fn(alloc->ctx, conf);
			win_close(d, &w);
			if (next <= d->n)
				break;
			/* an entity reaches past the exact part of the window: drop this pass's entities, end the window before it, or widen it */
			for (i = nsp0; i < d->nsp; i++)
			{
				ar_buf_free(&d->sp[i].canon);
				ar_buf_free(&d->sp[i].skel);
			}
			d->nsp = nsp0;
			d->mq->n = mqn0;
			d->mq->pool.len = pool0;
			next = (size_t) -1 - next;
			if (next > c)
				ce = next;
			else
				ctx *= 2;
		}
		c = next;
	}
}

/* Step 3 and the result: canonical forms of the entities, offsets in *out. */
static size_t
doc_finish(ner_doc *d, ar_ner_entity **out)
{
	size_t		s;

	ar_ner_canonicalize(d->mq, d->g, d->user, d->sp, d->nsp);
	for (s = 0; s < d->nsp; s++)
	{
		d->ents[s].canonical = d->sp[s].canon.data;
		d->ents[s].canonical_len = d->sp[s].canon.len;
		ar_buf_free(&d->sp[s].skel);
	}
	d->alloc->free_fn(d->alloc->ctx, d->sp);
	ar_ner_seq_free(d->mq);
	*out = d->ents;
	return d->nsp;
}

size_t
ar_ner_extract_window(const ar_ner_model *m, const ar_gazetteer *g, const ar_gazetteer *user,
					  const char *text, size_t len, size_t window,
					  const ar_allocator *alloc, ar_ner_entity **out)
{
	ner_doc		d;
	tokspan    *toks;
	size_t		keep;

	memset(&d, 0, sizeof(d));
	d.m = m;
	d.g = g;
	d.user = user;
	d.text = text;
	d.len = len > UINT32_MAX ? UINT32_MAX : len;	/* 32-bit offsets: PostgreSQL text is at most 1 GB */
	d.alloc = alloc;
	if (window < 2 * VITERBI_CHUNK)
		window = 2 * VITERBI_CHUNK;
	keep = window + 2 * RULE_CONTEXT;
	d.spcap = 64;
	d.sp = alloc->realloc_fn(alloc->ctx, NULL, d.spcap * sizeof(span));
	d.ents = alloc->realloc_fn(alloc->ctx, NULL, d.spcap * sizeof(ar_ner_entity));
	d.mqcap = 256;
	d.mq = alloc->realloc_fn(alloc->ctx, NULL, sizeof(ar_ner_seq));
	d.mq->alloc = alloc;
	d.mq->n = 0;
	d.mq->t = alloc->realloc_fn(alloc->ctx, NULL, d.mqcap * sizeof(tokinfo));
	d.mq->first = NULL;			/* a copy of tokens: no repetitions recorded */
	ar_buf_init(&d.mq->pool, alloc, 1024);

	doc_scan(&d, keep, &toks);
	if (d.n <= keep)
	{
		/* one window: the whole text as one sequence */
		ner_win		w;
		size_t		nn = d.n ? d.n : 1;
		int		   *labels = alloc->realloc_fn(alloc->ctx, NULL, nn * sizeof(int));
		float	   *conf = alloc->realloc_fn(alloc->ctx, NULL, nn * sizeof(float));

		/* give back the slack of the doubling: every byte per token counts on large inputs */
		toks = alloc->realloc_fn(alloc->ctx, toks, nn * sizeof(tokspan));
		win_open(&d, 0, d.n, toks, &w);
		ner_tag(m, w.q, labels, true, conf);
		{
			ar_ner_rule_ctx rc = {w.q, user, text, w.toks, labels, conf};

			ar_ner_apply_rules(&rc);
		}
		(void) win_spans(&d, &w, labels, conf, 0, d.n, d.n);
		alloc->free_fn(alloc->ctx, labels);
		alloc->free_fn(alloc->ctx, conf);
		win_close(&d, &w);
	}
	else
	{
		alloc->free_fn(alloc->ctx, toks);
		d.lab = alloc->realloc_fn(alloc->ctx, NULL, d.n * sizeof(int8_t));
		d.conf = alloc->realloc_fn(alloc->ctx, NULL, d.n * sizeof(float));
		doc_tag(&d, window);
		doc_rules(&d, window);
		alloc->free_fn(alloc->ctx, d.lab);
		alloc->free_fn(alloc->ctx, d.conf);
	}
	alloc->free_fn(alloc->ctx, d.ck);
	return doc_finish(&d, out);
}

size_t
ar_ner_extract(const ar_ner_model *m, const ar_gazetteer *g, const ar_gazetteer *user,
			   const char *text, size_t len, const ar_allocator *alloc, ar_ner_entity **out)
{
	return ar_ner_extract_window(m, g, user, text, len, AR_NER_WINDOW, alloc, out);
}


/* Free the result of ar_ner_extract. */
void
ar_ner_entities_free(ar_ner_entity *e, size_t n, const ar_allocator *alloc)
{
	size_t		i;

	if (!e)
		return;
	for (i = 0; i < n; i++)
		if (e[i].canonical)
			alloc->free_fn(alloc->ctx, e[i].canonical);
	alloc->free_fn(alloc->ctx, e);
}
