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

/* Viterbi with BIO constraints. */
void
ar_ner_viterbi(const float *emis, const float *trans, size_t n, int *labels)
{
	float		prev[AR_NER_NLABELS],
				cur[AR_NER_NLABELS];
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
		memcpy(prev, cur, sizeof(prev));
	}
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

/* Tag a prepared sequence: labels[n] and a per-token confidence conf[n]. */
void
ar_ner_tag(const ar_ner_model *m, const ar_ner_seq *q, int *labels, float *conf)
{
	const ar_allocator *a = q->alloc;
	size_t		nn = q->n ? q->n : 1;
	float	   *emis = a->realloc_fn(a->ctx, NULL, nn * AR_NER_NLABELS * sizeof(float));
	uint32_t	f[AR_NER_MAXFEATS];
	uint32_t	mask = m->nbuckets - 1;
	size_t		i;

	for (i = 0; i < q->n; i++)
	{
		int32_t		acc[AR_NER_NLABELS];
		int			nf = (AR_CHECK_INTERRUPTS(a, i), ar_ner_features(q, i, f)),
					k,
					y;

#if defined(__GNUC__) || defined(__clang__)
		/* the weight rows are scattered over 2.4 MB: ask for all of them before summing */
		for (k = 0; k < nf; k++)
			__builtin_prefetch(m->w + (size_t) (f[k] & mask) * AR_NER_NLABELS);
#endif
		ner_sum_rows(m->w, f, nf, mask, acc);
		for (y = 0; y < AR_NER_NLABELS; y++)
			emis[i * AR_NER_NLABELS + y] = (float) acc[y] * m->scale;
	}
	ar_ner_viterbi(emis, m->trans, q->n, labels);
	for (i = 0; conf && i < q->n; i++)
	{
		int			prev = i ? labels[i - 1] : AR_NER_NLABELS,
					y;
		float		s[AR_NER_NLABELS],
					mx = -3e38f,
					z = 0;

		for (y = 0; y < AR_NER_NLABELS; y++)
		{
			s[y] = allowed(prev, y) ?
				emis[i * AR_NER_NLABELS + y] + m->trans[prev * AR_NER_NLABELS + y] : -3e38f;
			if (s[y] > mx)
				mx = s[y];
		}
		/* softmax at temperature CONF_TEMPERATURE: raw perceptron margins saturate it */
		for (y = 0; y < AR_NER_NLABELS; y++)
			z += s[y] > -1e38f ? exp_nonpos((s[y] - mx) / CONF_TEMPERATURE) : 0.0f;
		conf[i] = exp_nonpos((s[labels[i]] - mx) / CONF_TEMPERATURE) / z;
	}
	a->free_fn(a->ctx, emis);
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

size_t
ar_ner_extract(const ar_ner_model *m, const ar_gazetteer *g, const ar_gazetteer *user,
			   const char *text, size_t len,
			   const ar_allocator *alloc, ar_ner_entity **out)
{
	ar_tokenizer tz;
	ar_token	tk;
	tokspan    *toks;
	ar_ner_token *in;
	size_t		n = 0,
				cap = 64,
				i,
				nsp = 0,
				spcap,
				s;
	ar_ner_seq *q;
	int		   *labels;
	float	   *conf;
	span	   *sp;
	ar_ner_entity *ents;

	if (len > UINT32_MAX)
		len = UINT32_MAX;		/* 32-bit offsets: PostgreSQL text is at most 1 GB */
	toks = alloc->realloc_fn(alloc->ctx, NULL, cap * sizeof(tokspan));
	ar_tokenizer_init(&tz, text, len);
	while (ar_tokenizer_next(&tz, &tk))
	{
		if (tk.kind == AR_TOK_SPACE)
			continue;
		AR_CHECK_INTERRUPTS(alloc, n);
		if (n == cap)
		{
			cap *= 2;
			toks = alloc->realloc_fn(alloc->ctx, toks, cap * sizeof(tokspan));
		}
		toks[n].byte_start = (uint32_t) tk.byte_start;
		toks[n].byte_len = (uint32_t) tk.byte_len;
		toks[n].char_start = (uint32_t) tk.char_start;
		toks[n].char_len = (uint32_t) tk.char_len;
		n++;
	}
	/* give back the slack of the doubling: every byte per token counts on large inputs */
	toks = alloc->realloc_fn(alloc->ctx, toks, (n ? n : 1) * sizeof(tokspan));
	in = alloc->realloc_fn(alloc->ctx, NULL, (n ? n : 1) * sizeof(ar_ner_token));
	for (i = 0; i < n; i++)
	{
		in[i].s = text + toks[i].byte_start;
		in[i].len = toks[i].byte_len;
	}
	q = ar_ner_prepare(in, n, g, -1, alloc);
	alloc->free_fn(alloc->ctx, in);		/* the sequence holds its own copy */
	ar_ner_seq_apply_vocab(m, q);
	labels = alloc->realloc_fn(alloc->ctx, NULL, (n ? n : 1) * sizeof(int));
	conf = alloc->realloc_fn(alloc->ctx, NULL, (n ? n : 1) * sizeof(float));
	ar_ner_tag(m, q, labels, conf);

	/* the post-decoding rules, in the order of their table */
	{
		ar_ner_rule_ctx rc = {q, user, text, toks, labels, conf};

		ar_ner_apply_rules(&rc);
	}

	/* spans from BIO labels; punctuation-only edges are trimmed (far fewer than tokens: grown as needed) */
	spcap = 64;
	sp = alloc->realloc_fn(alloc->ctx, NULL, spcap * sizeof(span));
	for (i = 0; i < n;)
	{
		size_t		j,
					k;
		float		sum;

		if (labels[i] == 0)
		{
			i++;
			continue;
		}
		j = ar_ner_run_end(labels, n, i);
		sum = conf[i];
		for (k = i + 1; k <= j; k++)
			sum += conf[k];
		{
			size_t		a = i,
						b = j;

			ar_ner_trim_punct(q, &a, &b);
			if (a <= b && q->t[a].shape != SH_PUNCT)
			{
				span	   *x;

				if (nsp == spcap)
				{
					spcap *= 2;
					sp = alloc->realloc_fn(alloc->ctx, sp, spcap * sizeof(span));
				}
				x = &sp[nsp++];

				x->first = a;
				x->last = b;
				x->type = AR_NER_TYPE(labels[i]);
				x->score = sum / (float) (j - i + 1);
				x->absorbed = false;
				ar_buf_init(&x->canon, alloc, 32);
				ar_buf_init(&x->skel, alloc, 16);
			}
		}
		i = j + 1;
	}
	ar_ner_canonicalize(q, g, user, sp, nsp);

	ents = alloc->realloc_fn(alloc->ctx, NULL, (nsp ? nsp : 1) * sizeof(ar_ner_entity));
	for (s = 0; s < nsp; s++)
	{
		const tokspan *a = &toks[sp[s].first],
				   *b = &toks[sp[s].last];

		ents[s].type = sp[s].type;
		ents[s].score = sp[s].score;
		ents[s].byte_start = a->byte_start;
		ents[s].byte_len = b->byte_start + b->byte_len - a->byte_start;
		ents[s].char_start = a->char_start;
		ents[s].char_len = b->char_start + b->char_len - a->char_start;
		ents[s].canonical = sp[s].canon.data;
		ents[s].canonical_len = sp[s].canon.len;
		ar_buf_free(&sp[s].skel);
	}
	alloc->free_fn(alloc->ctx, sp);
	alloc->free_fn(alloc->ctx, conf);
	alloc->free_fn(alloc->ctx, labels);
	ar_ner_seq_free(q);
	alloc->free_fn(alloc->ctx, toks);
	*out = ents;
	return nsp;
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
