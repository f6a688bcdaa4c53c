/*
 * ar_names_rom.c
 *    Joint bigram romanization of Arabic names (see ar_names_rom.h).
 */
#include <stdlib.h>
#include <string.h>

#include "ar_names.h"
#include "ar_names_rom.h"

#define NL AR_NAMES_NLAT
#define NX (1 + NL + NL * NL)
#define BEAM 8
#define MAX_INSERTED 10			/* inserted-letter tokens tried at each position */
#define ARABIZE_BEAM 4			/* the same two when spelling Latin names in Arabic (keys: speed) */
#define ARABIZE_INSERTED 4
#define SMOOTH 1.0				/* Dirichlet weight of the unigram in P(next | prev) */
#define LM_N (NL + 1)			/* Latin letters and the word boundary (0) */
#ifndef LM_WEIGHT
#define LM_WEIGHT 0.1			/* weight of the Latin letter trigram when romanizing (tune slice) */
#endif
#define LM_IDX(a, b, c) (((a) * LM_N + (b)) * LM_N + (c))

typedef struct bigram
{
	int32_t		prev,
				next;
	float		count;
	float		logp;			/* log P(next | prev), set by ar_names_rom_finish */
} bigram;

typedef struct unigram
{
	int32_t		tok;
	float		count;			/* as a next token */
	float		out;			/* as a previous token */
	float		lp_uni;			/* log (SMOOTH * P_unigram) as a next token */
	float		lp_out;			/* log (out + SMOOTH) as a previous token */
	int			lo,
				hi;				/* its bigrams as the previous token: bi[lo..hi) */
} unigram;

struct ar_names_rom
{
	const ar_allocator *alloc;
	bigram	   *bi;
	int			nbi,
				cap;
	unigram    *uni;			/* sorted by token */
	int			nuni;
	double		total;
	int		   *by_y1;			/* unigram indices grouped by first Arabic symbol */
	int			start[AR_NAMES_NAR + 2];
	int			ins_end;		/* end of the inserted-letter tokens tried */
	int		   *by_x;			/* unigram indices grouped by Latin segment */
	int		   *xstart;			/* NX + 2 group starts */
	float	   *lm_count;		/* Latin letter trigram counts ("lm" lines), LM_N^3, or NULL */
	float	   *lm;				/* log P(c | a b) of the Latin letters, from lm_count */
};

static double log_approx(double x);

/* Add one bigram count (see ar_names_rom.h). */
void
ar_names_rom_add(const ar_allocator *alloc, ar_names_rom **rom, int32_t prev, int32_t next, float count)
{
	ar_names_rom *r = *rom;

	if (!r)
	{
		r = alloc->realloc_fn(alloc->ctx, NULL, sizeof(ar_names_rom));
		memset(r, 0, sizeof(*r));
		r->alloc = alloc;
		*rom = r;
	}
	if (r->nbi == r->cap)
	{
		r->cap = r->cap ? r->cap * 2 : 4096;
		r->bi = alloc->realloc_fn(alloc->ctx, r->bi, sizeof(bigram) * (size_t) r->cap);
	}
	r->bi[r->nbi].prev = prev;
	r->bi[r->nbi].next = next;
	r->bi[r->nbi++].count = count;
}

/* Add a count of the Latin letter trigram (a, b, c) (letters 1-26, 0 the word boundary); *rom is created on first use. */
static void
add_lm(const ar_allocator *alloc, ar_names_rom **rom, int a, int b, int c, float count)
{
	ar_names_rom *r = *rom;

	if (!r)
	{
		r = alloc->realloc_fn(alloc->ctx, NULL, sizeof(ar_names_rom));
		memset(r, 0, sizeof(*r));
		r->alloc = alloc;
		*rom = r;
	}
	if (!r->lm_count)
	{
		r->lm_count = alloc->realloc_fn(alloc->ctx, NULL, sizeof(float) * LM_N * LM_N * LM_N);
		memset(r->lm_count, 0, sizeof(float) * LM_N * LM_N * LM_N);
	}
	r->lm_count[LM_IDX(a, b, c)] += count;
}

/* Store one "lm ABC COUNT" line (see ar_names_rom.h). */
bool
ar_names_rom_lm_line(const ar_allocator *alloc, ar_names_rom **rom, const char *s, size_t len)
{
	int			v[3];
	char		num[32];
	char	   *end;
	float		c;

	if (len < 5 || len - 4 >= sizeof(num) || s[3] != ' ')
		return false;
	for (int i = 0; i < 3; i++)
	{
		if (s[i] >= 'a' && s[i] <= 'z')
			v[i] = s[i] - 'a' + 1;
		else if ((i < 2 && s[i] == '^') || (i == 2 && s[i] == '$'))
			v[i] = 0;
		else
			return false;
	}
	memcpy(num, s + 4, len - 4);
	num[len - 4] = '\0';
	c = strtof(num, &end);
	if (*end || !(c > 0.0f))
		return false;
	add_lm(alloc, rom, v[0], v[1], v[2], c);
	return true;
}

/* The trigram log probabilities, interpolated (Witten-Bell style weights 1) with the letter bigram. */
static void
lm_finish(ar_names_rom *r)
{
	static const int n = LM_N;
	float	   *lm;

	if (!r->lm_count)
		return;
	lm = r->alloc->realloc_fn(r->alloc->ctx, NULL, sizeof(float) * LM_N * LM_N * LM_N);
	for (int b = 0; b < n; b++)
	{
		double		bi[LM_N],
					btot = 0.0;

		for (int c = 0; c < n; c++)
		{
			bi[c] = 0.0;
			for (int a = 0; a < n; a++)
				bi[c] += r->lm_count[LM_IDX(a, b, c)];
			btot += bi[c];
		}
		for (int a = 0; a < n; a++)
		{
			double		tot = 0.0;

			for (int c = 0; c < n; c++)
				tot += r->lm_count[LM_IDX(a, b, c)];
			for (int c = 0; c < n; c++)
			{
				double		pb = (bi[c] + 0.5) / (btot + 0.5 * n),
							p = (r->lm_count[LM_IDX(a, b, c)] + 1.0 * pb) / (tot + 1.0);

				lm[LM_IDX(a, b, c)] = (float) log_approx(p);
			}
		}
	}
	r->lm = lm;
}

/* Compare tokens for qsort / bsearch. */
static int
cmp_tok(const void *a, const void *b)
{
	int32_t		x = ((const unigram *) a)->tok,
				y = ((const unigram *) b)->tok;

	return (x > y) - (x < y);
}

/* The unigram entry of a token, or NULL. */
static unigram *
find_uni(const ar_names_rom *r, int32_t tok)
{
	unigram		key = {tok, 0, 0, 0, 0, 0, 0};

	return bsearch(&key, r->uni, (size_t) r->nuni, sizeof(unigram), cmp_tok);
}

/* Add a token to the unigram list (unsorted while building). */
static void
note_token(ar_names_rom *r, int32_t tok, int *cap)
{
	if (r->nuni == *cap)
	{
		*cap = *cap ? *cap * 2 : 1024;
		r->uni = r->alloc->realloc_fn(r->alloc->ctx, r->uni, sizeof(unigram) * (size_t) *cap);
	}
	memset(&r->uni[r->nuni], 0, sizeof(unigram));
	r->uni[r->nuni++].tok = tok;
}

/* Index the bigrams (see ar_names_rom.h). */
bool
ar_names_rom_finish(ar_names_rom *r)
{
	int			cap = 0,
				k = 0,
				pos[AR_NAMES_NAR + 2];

	lm_finish(r);

	for (int i = 1; i < r->nbi; i++)
		if (r->bi[i - 1].prev > r->bi[i].prev ||
			(r->bi[i - 1].prev == r->bi[i].prev && r->bi[i - 1].next >= r->bi[i].next))
			return false;
	for (int i = 0; i < r->nbi; i++)
	{
		note_token(r, r->bi[i].prev, &cap);
		note_token(r, r->bi[i].next, &cap);
	}
	qsort(r->uni, (size_t) r->nuni, sizeof(unigram), cmp_tok);
	for (int i = 0; i < r->nuni; i++)
		if (k == 0 || r->uni[k - 1].tok != r->uni[i].tok)
			r->uni[k++] = r->uni[i];
	r->nuni = k;
	for (int i = 0; i < r->nbi; i++)
	{
		unigram    *p = find_uni(r, r->bi[i].prev);

		find_uni(r, r->bi[i].next)->count += r->bi[i].count;
		p->out += r->bi[i].count;
		if (p->hi == 0)			/* bigrams are sorted by prev: the first of this prev */
			p->lo = i;
		p->hi = i + 1;
		r->total += r->bi[i].count;
	}
	/* every log probability once: seen bigrams, and the parts of the unigram back-off */
	for (int i = 0; i < r->nuni; i++)
	{
		double		pu = (r->uni[i].count + 0.1) / (r->total + 0.1 * r->nuni);

		r->uni[i].lp_uni = (float) log_approx(SMOOTH * pu);
		r->uni[i].lp_out = (float) log_approx(r->uni[i].out + SMOOTH);
	}
	for (int i = 0; i < r->nbi; i++)
	{
		const unigram *u = find_uni(r, r->bi[i].next),
				   *p = find_uni(r, r->bi[i].prev);
		double		pu = (u->count + 0.1) / (r->total + 0.1 * r->nuni);

		r->bi[i].logp = (float) log_approx((r->bi[i].count + SMOOTH * pu) / (p->out + SMOOTH));
	}
	/* group the real tokens by their first Arabic symbol (0: inserted Latin letters) */
	memset(r->start, 0, sizeof(r->start));
	for (int i = 0; i < r->nuni; i++)
		if (r->uni[i].tok >= 0)
			r->start[(r->uni[i].tok % 900) / 30 + 1]++;
	for (int y = 1; y < AR_NAMES_NAR + 2; y++)
		r->start[y] += r->start[y - 1];
	memcpy(pos, r->start, sizeof(pos));
	r->by_y1 = r->alloc->realloc_fn(r->alloc->ctx, NULL, sizeof(int) * (size_t) (r->nuni + 1));
	for (int i = 0; i < r->nuni; i++)
		if (r->uni[i].tok >= 0)
			r->by_y1[pos[(r->uni[i].tok % 900) / 30]++] = i;
	/* inserted letters: only the MAX_INSERTED commonest are tried (they are tried everywhere) */
	for (int i = r->start[0]; i < r->start[1]; i++)
		for (int j = i + 1; j < r->start[1]; j++)
			if (r->uni[r->by_y1[j]].count > r->uni[r->by_y1[i]].count)
			{
				int			t = r->by_y1[i];

				r->by_y1[i] = r->by_y1[j];
				r->by_y1[j] = t;
			}
	r->ins_end = r->start[1] - r->start[0] > MAX_INSERTED ? r->start[0] + MAX_INSERTED : r->start[1];
	/* the same grouped by Latin segment (0: Arabic letters with no Latin letter), for arabize */
	r->xstart = r->alloc->realloc_fn(r->alloc->ctx, NULL, sizeof(int) * (NX + 2));
	memset(r->xstart, 0, sizeof(int) * (NX + 2));
	for (int i = 0; i < r->nuni; i++)
		if (r->uni[i].tok >= 0)
			r->xstart[r->uni[i].tok / 900 + 1]++;
	for (int x = 1; x < NX + 2; x++)
		r->xstart[x] += r->xstart[x - 1];
	{
		int		   *xp = r->alloc->realloc_fn(r->alloc->ctx, NULL, sizeof(int) * (NX + 2));

		memcpy(xp, r->xstart, sizeof(int) * (NX + 2));
		r->by_x = r->alloc->realloc_fn(r->alloc->ctx, NULL, sizeof(int) * (size_t) (r->nuni + 1));
		for (int i = 0; i < r->nuni; i++)
			if (r->uni[i].tok >= 0)
				r->by_x[xp[r->uni[i].tok / 900]++] = i;
		r->alloc->free_fn(r->alloc->ctx, xp);
	}
	return true;
}

/* Release the tables. */
void
ar_names_rom_free(const ar_allocator *alloc, ar_names_rom *r)
{
	if (!r)
		return;
	if (r->bi)
		alloc->free_fn(alloc->ctx, r->bi);
	if (r->uni)
		alloc->free_fn(alloc->ctx, r->uni);
	if (r->by_y1)
		alloc->free_fn(alloc->ctx, r->by_y1);
	if (r->by_x)
		alloc->free_fn(alloc->ctx, r->by_x);
	if (r->xstart)
		alloc->free_fn(alloc->ctx, r->xstart);
	if (r->lm_count)
		alloc->free_fn(alloc->ctx, r->lm_count);
	if (r->lm)
		alloc->free_fn(alloc->ctx, r->lm);
	alloc->free_fn(alloc->ctx, r);
}

/* Natural log for x > 0 (no libm): the binary exponent from the bits, the atanh series on [1, 2). */
static double
log_approx(double x)
{
	uint64_t	bits;
	int			e;
	double		z,
				z2,
				s = 0.0,
				t;

	memcpy(&bits, &x, sizeof bits);
	e = (int) ((bits >> 52) & 0x7FF) - 1023;
	bits = (bits & 0x000FFFFFFFFFFFFFull) | 0x3FF0000000000000ull;
	memcpy(&x, &bits, sizeof x);
	z = (x - 1.0) / (x + 1.0);	/* |z| < 1/3 */
	z2 = z * z;
	t = z;
	for (int i = 1; i < 22; i += 2)
		s += t / i, t *= z2;
	return 2.0 * s + e * 0.69314718055994531;
}

/* The bigrams of one previous token: bi[lo..hi), and its total count. */
typedef struct prev_ctx
{
	int			lo,
				hi;
	double		lp_out;			/* log (out + SMOOTH) */
} prev_ctx;

/* The context of previous token prev. */
static prev_ctx
context(const ar_names_rom *r, int32_t prev)
{
	prev_ctx	c;
	const unigram *u = find_uni(r, prev);

	c.lo = u ? u->lo : 0;
	c.hi = u ? u->hi : 0;
	c.lp_out = u ? u->lp_out : log_approx(SMOOTH);
	return c;
}

/* log P(next | prev), the bigram smoothed towards the unigram (next given by its unigram entry, or NULL). */
static double
logp(const ar_names_rom *r, const prev_ctx *c, int32_t next, const unigram *u)
{
	int			lo = c->lo,
				hi = c->hi - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (r->bi[mid].next == next)
			return r->bi[mid].logp;
		if (r->bi[mid].next < next)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	/* unseen: SMOOTH * P_unigram / (out + SMOOTH) */
	return (u ? u->lp_uni : log_approx(SMOOTH * 0.1 / (r->total + 0.1 * r->nuni))) - c->lp_out;
}

typedef struct hyp
{
	double		score;
	int32_t		tok;
	int			back;			/* arena index of the previous hypothesis, -1 at the start */
	uint8_t		l1,
				l2;				/* the last two Latin letters spelt (0: the word start) */
	const unigram *u;			/* the unigram entry of tok, when known (saves a search) */
} hyp;

/* The context of a hypothesis's last token. */
static prev_ctx
hyp_context(const ar_names_rom *r, const hyp *h)
{
	prev_ctx	c;

	if (!h->u)
		return context(r, h->tok);
	c.lo = h->u->lo;
	c.hi = h->u->hi;
	c.lp_out = h->u->lp_out;
	return c;
}

/* Hypothesis h extended by token tok of bigram log probability lp, the Latin trigram added. */
static hyp
extend(const ar_names_rom *r, const hyp *h, int from, const unigram *u, double lp)
{
	int32_t		tok = u->tok;
	hyp			e = {h->score + lp, tok, from, h->l1, h->l2, u};
	int			x = tok / 900,
				xs[2],
				nx = x == 0 ? 0 : (x <= NL ? 1 : 2);

	if (!r->lm || nx == 0)
		return e;
	if (nx == 1)
		xs[0] = x;
	else
		xs[0] = 1 + (x - 1 - NL) / NL, xs[1] = 1 + (x - 1 - NL) % NL;
	for (int i = 0; i < nx; i++)
	{
		e.score += LM_WEIGHT * r->lm[LM_IDX(e.l1, e.l2, xs[i])];
		e.l1 = e.l2;
		e.l2 = (uint8_t) xs[i];
	}
	return e;
}

/* Keep hypothesis h in the beam b (at most width, one per last token, the best). */
static void
beam_add(hyp *arena, int *na, int *b, int *nb, hyp h, int width)
{
	int			worst = -1;

	for (int i = 0; i < *nb; i++)
	{
		if (arena[b[i]].tok == h.tok)
		{
			if (h.score > arena[b[i]].score)
				arena[b[i]] = h;
			return;
		}
		if (worst < 0 || arena[b[i]].score < arena[b[worst]].score)
			worst = i;
	}
	if (*nb < width)
	{
		arena[*na] = h;
		b[(*nb)++] = (*na)++;
	}
	else if (h.score > arena[b[worst]].score)
		arena[b[worst]] = h;
}

/* Append the Latin letters of a token's segment. */
static void
put_latin(int32_t tok, ar_buf *out)
{
	int			x = tok / 900;
	char		c[2];

	if (x == 0)
		return;
	if (x <= NL)
	{
		c[0] = (char) ('a' + x - 1);
		ar_buf_append(out, c, 1);
		return;
	}
	c[0] = (char) ('a' + (x - 1 - NL) / NL);
	c[1] = (char) ('a' + (x - 1 - NL) % NL);
	ar_buf_append(out, c, 2);
}

/*
 * The tokens, last first, of the best complete hypothesis of the final beams
 * (the end of the word scored too); -1 when there is none.
 */
static int
best_path(const ar_names_rom *r, const hyp *arena, int final[2][BEAM], const int nfinal[2],
		  int32_t *seq, double *score)
{
	int			best = -1,
				ns = 0;
	double		best_score = 0.0;

	for (int b = 0; b < 2; b++)
		for (int i = 0; i < nfinal[b]; i++)
		{
			const hyp  *h = &arena[final[b][i]];
			prev_ctx	c = hyp_context(r, h);
			double		s = h->score + logp(r, &c, AR_ROM_EOS, find_uni(r, AR_ROM_EOS)) +
				(r->lm ? LM_WEIGHT * r->lm[LM_IDX(h->l1, h->l2, 0)] : 0.0);

			if (best < 0 || s > best_score)
				best = final[b][i], best_score = s;
		}
	if (best < 0)
		return -1;
	if (score)
		*score = best_score;
	for (int i = best; i >= 0 && arena[i].tok != AR_ROM_BOS; i = arena[i].back)
		seq[ns++] = arena[i].tok;
	return ns;
}

/* log P of an unspelt article ا ل as a word of its own (see ar_names_rom.h). */
double
ar_names_rom_article_logp(const ar_names_rom *r)
{
	int32_t		alef = AR_ROM_TOKEN(0, 2, 0),
				lam = AR_ROM_TOKEN(0, 24, 0);
	prev_ctx	c0 = context(r, AR_ROM_BOS),
				c1 = context(r, alef),
				c2 = context(r, lam);

	return logp(r, &c0, alef, find_uni(r, alef)) + logp(r, &c1, lam, find_uni(r, lam)) +
		logp(r, &c2, AR_ROM_EOS, find_uni(r, AR_ROM_EOS));
}

/* May ar[j] go unspelt (see ar_names_rom.h)? */
bool
ar_names_rom_silent_ok(const uint8_t *ar, int n, int j)
{
	int			y = ar[j];

	if (j < 2 && n >= 4 && ar[0] == 2 && ar[1] == 24)	/* ا ل */
		return true;
	return j > 0 && (y == 1 || y == 2 || y == 19 || y == 27 || y == 28 || y == 29);	/* ء ا ع ه و ي */
}

/* Romanize Arabic symbols (see ar_names_rom.h). */
bool
ar_names_rom_decode(const ar_names_rom *r, const uint8_t *ar, int n, bool voiced_first, ar_buf *out,
					int *silent_lead, double *score)
{
	hyp			arena[(AR_NAMES_MAXSYM + 1) * BEAM * 2 + 1];
	/* beams[j][0]: hypotheses that have spelt ar[0..j); beams[j][1]: the same plus inserted letters */
	int			beams[AR_NAMES_MAXSYM + 1][2][BEAM],
				nbeam[AR_NAMES_MAXSYM + 1][2];
	int			na = 0;
	int32_t		seq[AR_NAMES_MAXSYM * 2 + 2];
	int			ns;

	if (!r || n == 0)
		return false;
	memset(nbeam, 0, sizeof(nbeam));
	arena[na] = (hyp) {0.0, AR_ROM_BOS, -1, 0, 0, find_uni(r, AR_ROM_BOS)};
	beams[0][0][nbeam[0][0]++] = na++;
	for (int j = 0; j <= n; j++)
	{
		/* Latin letters with no Arabic letter (short vowels): one token at most in a row */
		for (int i = 0; i < nbeam[j][0]; i++)
		{
			int			from = beams[j][0][i];
			prev_ctx	c = hyp_context(r, &arena[from]);

			for (int k = r->start[0]; k < r->ins_end; k++)
			{
				const unigram *u = &r->uni[r->by_y1[k]];

				beam_add(arena, &na, beams[j][1], &nbeam[j][1],
						 extend(r, &arena[from], from, u, logp(r, &c, u->tok, u)), BEAM);
			}
		}
		if (j == n)
			break;
		/* tokens spelling ar[j] (and ar[j + 1]) */
		for (int b = 0; b < 2; b++)
			for (int i = 0; i < nbeam[j][b]; i++)
			{
				int			from = beams[j][b][i];
				prev_ctx	c = hyp_context(r, &arena[from]);

				for (int k = r->start[ar[j]]; k < r->start[ar[j] + 1]; k++)
				{
					const unigram *u = &r->uni[r->by_y1[k]];
					int			y2 = u->tok % 30,
								to = y2 ? j + 2 : j + 1;

					if (y2 && (j + 1 >= n || ar[j + 1] != y2))
						continue;
					if (u->tok / 900 == 0 &&
						((j == 0 && voiced_first) || !ar_names_rom_silent_ok(ar, n, j)))
						continue;	/* a consonant, or a spoken hamza seat, left unspelt */
					beam_add(arena, &na, beams[to][0], &nbeam[to][0],
							 extend(r, &arena[from], from, u, logp(r, &c, u->tok, u)), BEAM);
				}
			}
	}
	ns = best_path(r, arena, beams[n], nbeam[n], seq, score);
	if (ns < 0)
		return false;
	*silent_lead = 0;
	for (int i = ns - 1; i >= 0 && seq[i] / 900 == 0; i--)
		*silent_lead += (seq[i] % 900) / 30 ? ((seq[i] % 30) ? 2 : 1) : 0;
	while (ns-- > 0)
		put_latin(seq[ns], out);
	return true;
}

/* Likeliest Arabic spelling of Latin symbols (see ar_names_rom.h). */
int
ar_names_rom_arabize(const ar_names_rom *r, const uint8_t *lat, int n, uint8_t *out)
{
	hyp			arena[(AR_NAMES_MAXSYM + 1) * BEAM * 2 + 1];
	int			beams[AR_NAMES_MAXSYM + 1][2][BEAM],
				nbeam[AR_NAMES_MAXSYM + 1][2];
	int			na = 0,
				no = 0;
	int32_t		seq[AR_NAMES_MAXSYM * 2 + 2];
	int			ns;

	if (!r || n == 0 || !r->by_x)
		return -1;
	memset(nbeam, 0, sizeof(nbeam));
	arena[na] = (hyp) {0.0, AR_ROM_BOS, -1, 0, 0, find_uni(r, AR_ROM_BOS)};
	beams[0][0][nbeam[0][0]++] = na++;
	for (int i = 0; i <= n; i++)
	{
		/* Arabic letters with no Latin letter (ا of an article, a seat), one token at most in a row */
		for (int h = 0; h < nbeam[i][0]; h++)
		{
			int			from = beams[i][0][h];
			prev_ctx	c = hyp_context(r, &arena[from]);

			for (int k = r->xstart[0]; k < r->xstart[1] && k < r->xstart[0] + ARABIZE_INSERTED; k++)
			{
				const unigram *u = &r->uni[r->by_x[k]];

				beam_add(arena, &na, beams[i][1], &nbeam[i][1],
						 (hyp) {arena[from].score + logp(r, &c, u->tok, u), u->tok, from, 0, 0, u}, ARABIZE_BEAM);
			}
		}
		if (i == n)
			break;
		for (int b = 0; b < 2; b++)
			for (int h = 0; h < nbeam[i][b]; h++)
			{
				int			from = beams[i][b][h];
				prev_ctx	c = hyp_context(r, &arena[from]);

				for (int dx = 1; dx <= 2 && i + dx <= n; dx++)
				{
					int			x = dx == 1 ? lat[i] : 1 + NL + (lat[i] - 1) * NL + (lat[i + 1] - 1);

					for (int k = r->xstart[x]; k < r->xstart[x + 1]; k++)
					{
						const unigram *u = &r->uni[r->by_x[k]];

						beam_add(arena, &na, beams[i + dx][0], &nbeam[i + dx][0],
								 (hyp) {arena[from].score + logp(r, &c, u->tok, u), u->tok, from, 0, 0, u}, ARABIZE_BEAM);
					}
				}
			}
	}
	ns = best_path(r, arena, beams[n], nbeam[n], seq, NULL);
	if (ns < 0)
		return -1;
	while (ns-- > 0)
	{
		int			y1 = (seq[ns] % 900) / 30,
					y2 = seq[ns] % 30;

		if (y1 && no < AR_NAMES_MAXSYM)
			out[no++] = (uint8_t) y1;
		if (y2 && no < AR_NAMES_MAXSYM)
			out[no++] = (uint8_t) y2;
	}
	return no;
}
