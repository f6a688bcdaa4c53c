/*
 * ar_ner_features.c
 *    Token analysis and features of the entity tagger: folding, clitic
 *    stripping and clitic variants, token shapes and affixes, gazetteer
 *    matches over the sequence, the training-text frequency classes and the
 *    hashed features of a token.  See ar_ner.h.
 */
#include <string.h>

#include "ar_ner_internal.h"
#include "ar_ner_names.h"

/* ---- folding and clitics ---- */

/* Fold one code point with the tagger's folding (AR_NER_FOLD); 0 = dropped. */
static inline uint32_t
fold_cp(uint32_t c)
{
	c = ar_norm_fold_cp(c, AR_NER_FOLD);
	if (c >= 0x0600 && c <= 0x06FF)
		c = ar_norm_fold_cp(c, AR_NER_FOLD);
	if (c >= 'A' && c <= 'Z')
		c += 32;
	return c;
}

/* Append the folded form of s[0..len) to out; returns the number of code points. */
size_t
ar_ner_fold_into(const char *s, size_t len, ar_buf *out)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0,
				n = 0;

	while (i < len)
	{
		int			adv;
		uint32_t	c = ar_utf8_decode(p + i, len - i, &adv);

		i += adv;
		c = fold_cp(c);
		if (c == 0)
			continue;
		ar_buf_append_cp(out, c);
		n++;
	}
	return n;
}

/*
 * Whether folded s[0..len) is all Arabic letters.  Callers then index it two
 * bytes per letter (ar_at), which holds for U+0600..U+07FF; the few letters of
 * the Arabic Extended blocks (U+0870.., U+08A0..) that folding keeps take three
 * bytes, so features of such rare words are computed on shifted letters (the
 * reads stay within the string).
 */
bool
ar_ner_all_arabic(const char *s, size_t len)
{
	size_t		i = 0;

	if (len == 0)
		return false;
	while (i < len)
	{
		const unsigned char *p = (const unsigned char *) s + i;
		uint32_t	c;

		/* the common letters U+0620..U+063F, U+0641..U+064A first */
		if (i + 1 < len && ((p[0] == 0xD8 && p[1] >= 0xA0 && p[1] <= 0xBF) ||
							(p[0] == 0xD9 && p[1] >= 0x81 && p[1] <= 0x8A)))
		{
			i += 2;
			continue;
		}
		/* two-byte sequences of U+0600..U+077F inline, anything else through the decoder */
		if (p[0] >= 0xD8 && p[0] <= 0xDD && i + 1 < len && (p[1] & 0xC0) == 0x80)
		{
			c = ((uint32_t) (p[0] & 0x1F) << 6) | (p[1] & 0x3F);
			i += 2;
		}
		else
			c = next_cp(s, len, &i);
		if (!ar_is_letter(c))
			return false;
	}
	return true;
}

/*
 * Clitic prefixes of a folded all-Arabic word: conjunction و/ف, preposition
 * ب/ل/ك, article ال, and ل+ال written لل.  Returns the byte offset of the
 * base and a small code describing what was stripped; at least 3 letters
 * are always left.  Pronoun suffixes are not stripped: the base's suffix
 * features see them instead (names ending in ه/ها are too common).
 */
static size_t
strip_prefixes(const char *s, size_t len, int *code)
{
	size_t		n = len / 2,
				k = 0;
	int			c = 0;

	if (n >= 4 && (ar_at(s, 0) == CP_WAW || ar_at(s, 0) == CP_FEH))
	{
		c = ar_at(s, 0) == CP_WAW ? 1 : 2;
		k = 1;
	}
	if (n - k >= 4 && ar_at(s, k) == CP_LAM && ar_at(s, k + 1) == CP_LAM)
	{
		k += 2;
		c = c * 8 + 3;
	}
	else
	{
		if (n - k >= 4 && (ar_at(s, k) == CP_BEH || ar_at(s, k) == CP_KAF ||
						   ar_at(s, k) == CP_LAM) &&
			ar_at(s, k + 1) == CP_ALEF && ar_at(s, k + 2) == CP_LAM)
		{
			c = c * 8 + (ar_at(s, k) == CP_BEH ? 4 : ar_at(s, k) == CP_KAF ? 5 : 6);
			k += 1;
		}
		if (n - k >= 4 && ar_at(s, k) == CP_ALEF && ar_at(s, k + 1) == CP_LAM)
		{
			k += 2;
			c = c * 8 + 7;
		}
	}
	*code = c;
	return 2 * k;
}

/* Candidate forms of a folded word without its proclitics, most stripped first (see ar_ner_internal.h). */
size_t
ar_ner_canon_candidates(const char *w, size_t len, int type, char cands[][256], size_t *clens)
{
	size_t		n = 0,
				nl = len / 2,
				k = 0;

	if (len >= 240 || !ar_ner_all_arabic(w, len))
		return 0;
	if (nl >= 4 && (ar_at(w, 0) == CP_WAW || ar_at(w, 0) == CP_FEH))
		k = 1;
	if (nl - k >= 4)
	{
		uint32_t	c = ar_at(w, k);

		if (c == CP_BEH || c == CP_KAF || c == CP_LAM)
		{
			if (c == CP_LAM && ar_at(w, k + 1) == CP_LAM && type != AR_NER_PER)
			{
				memcpy(cands[n], "\xd8\xa7", 2);
				memcpy(cands[n] + 2, w + 2 * (k + 1), len - 2 * (k + 1));
				clens[n++] = 2 + len - 2 * (k + 1);
			}
			memcpy(cands[n], w + 2 * (k + 1), len - 2 * (k + 1));
			clens[n++] = len - 2 * (k + 1);
		}
	}
	if (k > 0)
	{
		memcpy(cands[n], w + 2 * k, len - 2 * k);
		clens[n++] = len - 2 * k;
	}
	return n;
}

/* ---- the analysed sequence ---- */

/* Shape class of a raw token. */
static int
shape_of(const char *s, size_t len)
{
	size_t		i = 0;
	int			ar = 0,
				la = 0,
				dg = 0,
				ot = 0;

	while (i < len)
	{
		uint32_t	c = next_cp(s, len, &i);

		if (ar_is_letter(c) || ar_is_mark(c) || c == AR_TATWEEL)
			ar++;
		else if ((c | 32) >= 'a' && (c | 32) <= 'z')
			la++;
		else if ((c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9))
			dg++;
		else
			ot++;
	}
	if (ar && !la && !dg && !ot)
		return SH_ARABIC;
	if (la && !ar && !ot)
		return SH_LATIN;
	if (dg && !ar && !la)
		return SH_DIGIT;
	if (!ar && !la && !dg)
		return SH_PUNCT;
	return (ar && (la || dg || ot)) ? SH_MIXED : SH_OTHER;
}

/* Hash of the first/last k code points of a folded string (0 when shorter). */
static void
affix_hashes(const char *s, size_t len, uint32_t *pre, uint32_t *suf, int kmax)
{
	size_t		offs[64];
	size_t		n = 0,
				i = 0;
	int			k;

	while (i < len && n < 63)
	{
		offs[n++] = i;
		(void) next_cp(s, len, &i);
	}
	offs[n] = i;
	if (i < len)				/* very long token: affixes from the first 63 only */
		len = i;
	for (k = 1; k <= kmax; k++)
	{
		if (pre)
			pre[k - 1] = ((size_t) k < n) ? fnv(s, offs[k]) : 0;
		if (suf)
			suf[k - 1] = ((size_t) k < n) ? fnv(s + offs[n - k], len - offs[n - k]) : 0;
	}
}

/*
 * Gazetteer matches of q in g: the longest match at each position, on the
 * folded or base first word.  Only runs of words that occur in some name can
 * match, so the word table bounds the lengths tried (most positions try
 * none).  With features, a match sets the token's gazetteer features (the
 * shipped rows, as in training); without, it only records the entry and its
 * length where a match starts (the user rows, which override the model on
 * their span but never act as features).
 */
void
ar_ner_gaz_match(ar_ner_seq *q, const ar_gazetteer *g, int exclude_fold, bool features)
{
	const ar_allocator *alloc = q->alloc;
	size_t		n = q->n,
				i;
	ar_buf		key;
	bool	   *inname;
	uint8_t    *pres;			/* per token: which of its forms occur in a name (bit per form) */

	ar_buf_init(&key, alloc, 256);
	inname = alloc->realloc_fn(alloc->ctx, NULL, (n ? n : 1));
	pres = alloc->realloc_fn(alloc->ctx, NULL, (n ? n : 1));
	for (i = 0; i < n; i++)
		inname[i] = q->first && q->first[i] != i ? inname[q->first[i]] :
			q->t[i].shape != SH_PUNCT &&
			ar_gaz_word_present(g, q->pool.data + q->t[i].off, q->t[i].len);
	for (i = 0; i < n; i++)
	{
		tokinfo    *t = &q->t[i];
		const ar_gaz_entry *found = NULL;
		char		vars[4][256];
		size_t		vlens[4],
					nv,
					v;
		unsigned	present = 0;
		int			k,
					j,
					maxk = 1;

		pres[i] = 0;
		if (t->shape == SH_PUNCT || t->len >= 240)
			continue;
		/* a repeated token whose forms are in no name (most): nothing to match */
		if (q->first && q->first[i] != i && pres[q->first[i]] == 0)
			continue;
		/* the word as written, then with its proclitics stripped (بالقاهرة, لأوباما, وموسكو) */
		memcpy(vars[0], q->pool.data + t->off, t->len);
		vlens[0] = t->len;
		nv = 1 + ar_ner_canon_candidates(vars[0], t->len, AR_NER_LOC, vars + 1, vlens + 1);
		for (v = 0; v < nv; v++)
			if (v == 0 ? inname[i] : ar_gaz_word_present(g, vars[v], vlens[v]))
				present |= 1u << v;
		pres[i] = (uint8_t) present;
		if (!present)
			continue;
		while (i + maxk < n && maxk < ar_gaz_max_words(g) && inname[i + maxk])
			maxk++;
		for (k = maxk; k >= 1 && !found; k--)
		{
			for (v = 0; v < nv; v++)
			{
				if (!(present & (1u << v)))
					continue;
				key.len = 0;
				ar_buf_append(&key, vars[v], vlens[v]);
				for (j = 1; j < k; j++)
				{
					ar_buf_append(&key, " ", 1);
					ar_buf_append(&key, q->pool.data + q->t[i + j].off, q->t[i + j].len);
				}
				found = ar_gaz_find(g, key.data, key.len, exclude_fold);
				if (found)
				{
					t->gaz = found;
					t->gazlen = (uint8_t) k;
					if (!features)
						break;
					if (v == 0)
						t->gazf = (uint8_t) AR_NER_B(found->type);
					else
						t->gazb = (uint8_t) AR_NER_B(found->type);
					for (j = 1; j < k; j++)
						if (!q->t[i + j].gazf)
							q->t[i + j].gazf = (uint8_t) AR_NER_I(found->type);
					break;
				}
			}
		}
	}
	ar_buf_free(&key);
	alloc->free_fn(alloc->ctx, inname);
	alloc->free_fn(alloc->ctx, pres);
}

/* first[i] of toks[0..n) (see struct ar_ner_seq): the first token of the same bytes. */
static void
find_repeats(const ar_ner_token *toks, size_t n, const ar_allocator *alloc, uint32_t *first)
{
	size_t		nslot = 16,
				i;
	uint32_t   *slot;			/* pairs (hash, token index + 1), 0: empty */

	while (nslot < 2 * n)
		nslot *= 2;
	slot = alloc->realloc_fn(alloc->ctx, NULL, 2 * nslot * sizeof(uint32_t));
	memset(slot, 0, 2 * nslot * sizeof(uint32_t));
	for (i = 0; i < n; i++)
	{
		uint32_t	h = fnv(toks[i].s, toks[i].len);
		size_t		k = h & (nslot - 1);

		first[i] = (uint32_t) i;
		for (; slot[2 * k + 1]; k = (k + 1) & (nslot - 1))
		{
			size_t		j = slot[2 * k + 1] - 1;

			if (slot[2 * k] == h && toks[j].len == toks[i].len &&
				memcmp(toks[j].s, toks[i].s, toks[i].len) == 0)
			{
				first[i] = (uint32_t) j;
				break;
			}
		}
		if (first[i] == i)
		{
			slot[2 * k] = h;
			slot[2 * k + 1] = (uint32_t) i + 1;
		}
	}
	alloc->free_fn(alloc->ctx, slot);
}

/* Give a repeated token t the analysis of its first occurrence f: what prepare computes from the token alone. */
static void
share_analysis(tokinfo *t, const tokinfo *f)
{
	t->off = f->off;
	t->len = f->len;
	t->doff = f->doff;
	t->boff = f->boff;
	t->blen = f->blen;
	t->shape = f->shape;
	t->lenb = f->lenb;
	t->clitic = f->clitic;
	t->hw = f->hw;
	t->hb = f->hb;
	t->lex = f->lex;
	t->wl = f->wl;
}

/* Analyse a token sequence (see ar_ner.h). */
ar_ner_seq *
ar_ner_prepare(const ar_ner_token *toks, size_t n, const ar_gazetteer *g,
			   int exclude_fold, const ar_allocator *alloc)
{
	ar_ner_seq *q = alloc->realloc_fn(alloc->ctx, NULL, sizeof(ar_ner_seq));
	size_t		i;

	q->alloc = alloc;
	q->n = n;
	q->t = alloc->realloc_fn(alloc->ctx, NULL, (n ? n : 1) * sizeof(tokinfo));
	memset(q->t, 0, (n ? n : 1) * sizeof(tokinfo));
	q->first = alloc->realloc_fn(alloc->ctx, NULL, (n ? n : 1) * sizeof(uint32_t));
	find_repeats(toks, n, alloc, q->first);
	{
		size_t		bytes = 64 + n;

		for (i = 0; i < n; i++)
			bytes += toks[i].len;
		ar_buf_init(&q->pool, alloc, bytes);
	}

	for (i = 0; i < n; i++)
	{
		tokinfo    *t = (AR_CHECK_INTERRUPTS(alloc, i), &q->t[i]);
		int			code = 0;
		size_t		ncp,
					k;

		if (q->first[i] != i)
			continue;			/* a repetition: shares its first occurrence's analysis below */
		t->off = (uint32_t) q->pool.len;
		ncp = ar_ner_fold_into(toks[i].s, toks[i].len, &q->pool);
		t->len = (uint32_t) (q->pool.len - t->off);
		t->shape = (uint8_t) shape_of(toks[i].s, toks[i].len);
		t->doff = t->off;
		if (t->shape == SH_DIGIT)
		{
			/* numbers share one form per digit pattern; the digits stay for canonical forms */
			ar_buf_reserve(&q->pool, t->len);	/* before copying within the pool */
			t->off = (uint32_t) q->pool.len;
			ar_buf_append(&q->pool, q->pool.data + t->doff, t->len);
			for (k = t->off; k < q->pool.len; k++)
				if (q->pool.data[k] >= '0' && q->pool.data[k] <= '9')
					q->pool.data[k] = '0';
		}
		t->lenb = (uint8_t) (ncp > 10 ? 10 : ncp);
		t->boff = t->off;
		t->blen = t->len;
		if (ar_ner_all_arabic(q->pool.data + t->off, t->len))
		{
			size_t		b = strip_prefixes(q->pool.data + t->off, t->len, &code);

			t->boff = t->off + (uint32_t) b;
			t->blen = t->len - (uint32_t) b;
		}
		t->clitic = (uint8_t) code;
		ar_buf_append(&q->pool, "", 0);
	}
	/* hashes after the pool stopped moving */
	for (i = 0; i < n; i++)
	{
		tokinfo    *t = &q->t[i];
		const char *f = q->pool.data + t->off;
		const char *b = q->pool.data + t->boff;

		if (q->first[i] != i)
		{
			share_analysis(t, &q->t[q->first[i]]);
			continue;
		}
		t->hw = fnv(f, t->len);
		t->hb = fnv(b, t->blen);
		t->lex = (uint8_t) ar_ner_lex_class(f, t->len, b, t->blen);
		if (g)
		{
			t->wl = (uint16_t) ar_gaz_word_labels(g, f, t->len, exclude_fold);
			if (!t->wl && t->blen != t->len)
				t->wl = (uint16_t) ar_gaz_word_labels(g, b, t->blen, exclude_fold);
		}
	}

	if (ar_gaz_count(g) > 0)
		ar_ner_gaz_match(q, g, exclude_fold, true);
	return q;
}

/* Free a prepared sequence. */
void
ar_ner_seq_free(ar_ner_seq *q)
{
	if (!q)
		return;
	ar_buf_free(&q->pool);
	if (q->first)
		q->alloc->free_fn(q->alloc->ctx, q->first);
	q->alloc->free_fn(q->alloc->ctx, q->t);
	q->alloc->free_fn(q->alloc->ctx, q);
}

/* ---- frequency classes and features ---- */

/* Mix a template id with a value hash into a feature hash. */
static inline uint32_t
feat(uint32_t tmpl, uint32_t h)
{
	h ^= tmpl * 0x9E3779B1u;
	h ^= h >> 16;
	h *= 0x85EBCA6Bu;
	h ^= h >> 13;
	h *= 0xC2B2AE35u;
	h ^= h >> 16;
	return h;
}

#define H_BOS 0x51ED270Bu
#define H_EOS 0x2F0C7A5Du

/* Identity hash of token i's clitic-stripped base (the key of the vocabulary table). */
uint32_t
ar_ner_seq_base_hash(const ar_ner_seq *q, size_t i)
{
	return i < q->n ? q->t[i].hb : 0;
}

/* Frequency class of a training-text count: 1 unseen, 2 once, 3 2-3, 4 4-9, 5 10-49, 6 more. */
int
ar_ner_freq_class(uint32_t count)
{
	return count == 0 ? 1 : count == 1 ? 2 : count < 4 ? 3 : count < 10 ? 4 : count < 50 ? 5 : 6;
}

/* Set token i's training-text frequency class (see ar_ner_freq_class). */
void
ar_ner_seq_set_freq(ar_ner_seq *q, size_t i, int cls)
{
	if (i < q->n && cls >= 0 && cls < 16)
		q->t[i].freq = (uint8_t) cls;
}

/* Token i's folded form and clitic-stripped base. */
void
ar_ner_seq_forms(const ar_ner_seq *q, size_t i, const char **form, size_t *flen,
				 const char **base, size_t *blen)
{
	*form = q->pool.data + q->t[i].off;
	*flen = q->t[i].len;
	*base = q->pool.data + q->t[i].boff;
	*blen = q->t[i].blen;
}

/* Set token i's name-table payload. */
void
ar_ner_seq_set_names(ar_ner_seq *q, size_t i, uint32_t payload)
{
	if (i < q->n)
		q->t[i].names = payload;
}

/* Set every token's frequency class and name payload from the model's tables. */
void
ar_ner_seq_apply_vocab(const ar_ner_model *m, ar_ner_seq *q)
{
	size_t		i;

	for (i = 0; m->vocab && m->nvocab && i < q->n; i++)
	{
		uint32_t	h = q->t[i].hb,
					mask = m->nvocab - 1,
					k = (h >> 3) & mask,
					probes = 0,
					cls = 1;	/* unseen */

		if (q->first && q->first[i] != i)
		{
			q->t[i].freq = q->t[q->first[i]].freq;
			continue;
		}
		while (m->vocab[k] != 0 && probes++ < m->nvocab)
		{
			if ((m->vocab[k] & ~7u) == (h & ~7u))
			{
				cls = m->vocab[k] & 7u;
				break;
			}
			k = (k + 1) & mask;
		}
		q->t[i].freq = (uint8_t) cls;
	}
	/* name knowledge after the frequency classes, which say which words need it */
	for (i = 0; m->names && i < q->n; i++)
	{
		tokinfo    *t = &q->t[i];

		if (q->first && q->first[i] != i)
		{
			t->names = q->t[q->first[i]].names;
			continue;
		}
		t->names = 0;
		if (t->shape == SH_PUNCT || !ar_names_wanted(t->freq))
			continue;
		t->names = ar_names_lookup(m->names, m->nnames, m->names_filter, q->pool.data + t->off,
								   t->len, q->pool.data + t->boff, t->blen);
		if (t->names == 0 && ar_names_likeness_wanted(t->freq))
			t->names = AR_NAMES_WITH_LIKE(0, ar_names_likeness(m->likeness, q->pool.data + t->boff,
															   t->blen));
	}
}

/* Hashed features of token i into out[AR_NER_MAXFEATS]; returns their number. */
int
ar_ner_features(const ar_ner_seq *q, size_t i, uint32_t *out)
{
	const tokinfo *t = &q->t[i];
	const tokinfo *p1 = i >= 1 ? &q->t[i - 1] : NULL;
	const tokinfo *p2 = i >= 2 ? &q->t[i - 2] : NULL;
	const tokinfo *n1 = i + 1 < q->n ? &q->t[i + 1] : NULL;
	const tokinfo *n2 = i + 2 < q->n ? &q->t[i + 2] : NULL;
	uint32_t	wp1 = p1 ? p1->hw : H_BOS,
				wp2 = p2 ? p2->hw : H_BOS,
				wn1 = n1 ? n1->hw : H_EOS,
				wn2 = n2 ? n2->hw : H_EOS;
	uint32_t	lp1 = p1 ? p1->lex : 15,
				lp2 = p2 ? p2->lex : 15,
				ln1 = n1 ? n1->lex : 15;
	uint32_t	hpre[4],
				hsuf[4],
				hbsuf[3];
	int			k,
				n = 0;

	/* affixes are hashed here rather than stored: 44 bytes less per token on large inputs */
	affix_hashes(q->pool.data + t->off, t->len, hpre, hsuf, 4);
	affix_hashes(q->pool.data + t->boff, t->blen, NULL, hbsuf, 3);
	out[n++] = feat(1, 0);
	out[n++] = feat(2, t->hw);
	out[n++] = feat(3, wp1);
	out[n++] = feat(4, wn1);
	out[n++] = feat(5, wp2);
	out[n++] = feat(6, wn2);
	out[n++] = feat(7, t->hb);
	out[n++] = feat(8, p1 ? p1->hb : H_BOS);
	out[n++] = feat(9, n1 ? n1->hb : H_EOS);
	for (k = 0; k < 4; k++)
	{
		if (hpre[k])
			out[n++] = feat(10 + k, hpre[k]);
		if (hsuf[k])
			out[n++] = feat(14 + k, hsuf[k]);
	}
	for (k = 0; k < 3; k++)
		if (hbsuf[k])
			out[n++] = feat(18 + k, hbsuf[k]);
	out[n++] = feat(21, t->shape);
	out[n++] = feat(22, (p1 ? p1->shape : 9) * 16 + t->shape * 256 + (n1 ? n1->shape : 9) * 4096);
	out[n++] = feat(23, t->lenb);
	out[n++] = feat(24, t->clitic);
	out[n++] = feat(25, t->gazf);
	out[n++] = feat(26, t->gazb);
	out[n++] = feat(27, p1 ? p1->gazf : 15);
	out[n++] = feat(28, n1 ? n1->gazf : 15);
	out[n++] = feat(29, t->lex);
	out[n++] = feat(30, lp1);
	out[n++] = feat(31, lp2);
	out[n++] = feat(32, ln1);
	out[n++] = feat(33, wp1 * 31 + t->hw);
	out[n++] = feat(34, t->hw * 31 + wn1);
	out[n++] = feat(35, (uint32_t) (t->gazf | t->gazb) * 32 + lp1);
	out[n++] = feat(36, lp1 * 32 + lp2);
	out[n++] = feat(37, t->hb * 31 + lp1);
	out[n++] = feat(38, (p1 ? p1->hb : H_BOS) * 31 + t->hb);
	out[n++] = feat(39, t->lenb * 16 + t->clitic);
	out[n++] = feat(40, (uint32_t) t->gazf * 16 + (n1 ? n1->gazf : 15));
	/* labels the word has inside known names, alone and with its neighbours' */
	out[n++] = feat(42, t->wl);
	out[n++] = feat(43, (uint32_t) t->wl * 512 + (p1 ? p1->wl : 511));
	out[n++] = feat(44, (uint32_t) t->wl * 512 + (n1 ? n1->wl : 511));
	for (k = 1; k < AR_NER_NLABELS; k++)
		if (t->wl & (1u << k))
			out[n++] = feat(45, (uint32_t) k);
	/* how often the base occurs in the training text: unseen words are mostly names */
	if (t->freq)
	{
		out[n++] = feat(46, (uint32_t) t->freq * 16 + t->shape);
		out[n++] = feat(47, (uint32_t) t->freq * 16 + lp1);
		out[n++] = feat(48, (uint32_t) t->freq * 16 + (p1 ? p1->freq : 15));
		out[n++] = feat(49, (uint32_t) t->freq * 16 + (n1 ? n1->freq : 15));
		out[n++] = feat(50, (uint32_t) t->freq * 16 + t->clitic);
		/* the words around an unseen or rare one (وعلق باريرا على), two back too */
		out[n++] = feat(51, (p1 ? p1->hb : H_BOS) * 31 + t->freq);
		out[n++] = feat(52, (n1 ? n1->hb : H_EOS) * 31 + t->freq);
		out[n++] = feat(53, (p2 ? p2->hb : H_BOS) * 31 + t->freq);
		out[n++] = feat(54, (uint32_t) t->freq * 16 + lp2);
	}
	/* name knowledge: the kinds of list the word is in, with its ordinary-word class */
	{
		uint32_t	nk = AR_NAMES_KINDS(t->names),
					nr = AR_NAMES_RATIO(t->names),
					pk = p1 ? AR_NAMES_KINDS(p1->names) : 0x100,
					xk = n1 ? AR_NAMES_KINDS(n1->names) : 0x100;

		if (nk)
		{
			out[n++] = feat(55, nk);
			out[n++] = feat(56, nk * 8 + nr);
			for (k = 0; k < AR_NAMES_NKINDS; k++)
				if (nk & (1u << k))
					out[n++] = feat(57, (uint32_t) k * 8 + nr);
		}
		if (AR_NAMES_LIKE(t->names))
		{
			/* a word in no list: how much it looks like a name, with its rarity and left context */
			uint32_t	lk = AR_NAMES_LIKE(t->names);

			out[n++] = feat(62, lk);
			out[n++] = feat(63, lk * 16 + t->freq);
		}
		if (nk || (pk & 0xFF) || (xk & 0xFF))
		{
			out[n++] = feat(59, nk * 512 + pk);
			out[n++] = feat(60, nk * 512 + xk);
		}
	}
	/* character trigrams of the base, with word boundaries */
	if (t->shape == SH_ARABIC && t->blen >= 4)
	{
		const char *b = q->pool.data + t->boff;
		size_t		nl = t->blen / 2,
					j;

		for (j = 0; j + 3 <= nl + 2 && n < AR_NER_MAXFEATS - 1; j++)
		{
			uint32_t	h = 0x811C9DC5u;
			size_t		c;

			for (c = j; c < j + 3; c++)
			{
				uint32_t	cp = (c == 0 || c == nl + 1) ? '#' : ar_at(b, c - 1);

				h = (h ^ cp) * 16777619u;
			}
			out[n++] = feat(41, h);
		}
	}
	return n;
}
