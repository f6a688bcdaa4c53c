/*
 * ar_ner_canonical.c
 *    Canonical forms of entity mentions: proclitics stripped when the
 *    gazetteer, another mention or the lexicon knows the stripped form, the
 *    gazetteer's spelling when a name is known (user rows first, then exact
 *    keys before spelling skeletons), surnames grouped under the full name
 *    and spelling variants under the first mention's form.
 */
#include <string.h>

#include "ar_ner_internal.h"

/* Whether folded word w is an organisation head (type ORG) or a place head (type LOC) of the lexicon. */
static bool
is_type_head(const char *w, size_t len, int type)
{
	int			cls = type == AR_NER_ORG ? LEX_ORGHEAD : type == AR_NER_LOC ? LEX_LOCHEAD : LEX_NONE;

	return cls != LEX_NONE && ar_ner_lex_class(w, len, w, len) == cls;
}

/* Append the folded words of tokens [from, to] (skipping punctuation-only ones) to out. */
static void
words_into(const ar_ner_seq *q, size_t from, size_t to, ar_buf *out)
{
	size_t		j;

	for (j = from; j <= to; j++)
	{
		if (q->t[j].shape == SH_PUNCT)
			continue;
		if (out->len)
			ar_buf_append(out, " ", 1);
		ar_buf_append(out, q->pool.data + q->t[j].doff, q->t[j].len);
	}
}

/* Whether key (folded words) is the key of another nearby mention of the same type. */
static bool
mentioned(const ar_ner_seq *q, const span *sp, size_t nsp, size_t self, const char *key,
		  size_t klen)
{
	size_t		s,
				hi = self + MENTION_WINDOW < nsp ? self + MENTION_WINDOW : nsp;

	for (s = self > MENTION_WINDOW ? self - MENTION_WINDOW : 0; s < hi; s++)
	{
		ar_buf		b;
		bool		eq,
					eqlast = false;

		if (s == self || sp[s].type != sp[self].type)
			continue;
		ar_buf_init(&b, q->alloc, 64);
		words_into(q, sp[s].first, sp[s].last, &b);
		eq = (b.len == klen && memcmp(b.data, key, klen) == 0);
		if (!eq && sp[s].last > sp[s].first)
		{
			const tokinfo *t = &q->t[sp[s].last];

			eqlast = (t->len == klen && memcmp(q->pool.data + t->off, key, klen) == 0);
		}
		ar_buf_free(&b);
		if (eq || eqlast)
			return true;
	}
	return false;
}

/*
 * Entry of the given type for a folded key: the user rows first, then the
 * shipped ones, exact keys before spelling skeletons; *from is the gazetteer
 * the entry belongs to.
 */
static const ar_gaz_entry *
find_name(const ar_gazetteer *g, const ar_gazetteer *user, const char *key, size_t len, int type,
		  const ar_gazetteer **from)
{
	const ar_gazetteer *gs[2] = {user, g};
	int			pass,
				k;

	for (pass = 0; pass < 2; pass++)
		for (k = 0; k < 2; k++)
		{
			const ar_gaz_entry *e = pass == 0 ? ar_gaz_find(gs[k], key, len, -1) :
				ar_gaz_find_skel(gs[k], key, len);

			if (e && e->type == type)
			{
				*from = gs[k];
				return e;
			}
		}
	return NULL;
}

/* Canonical form of span s: clitics stripped, gazetteer spelling when known. */
static void
canon_span(const ar_ner_seq *q, const ar_gazetteer *g, const ar_gazetteer *user, span *sp,
		   size_t nsp, size_t s)
{
	span	   *x = &sp[s];
	const tokinfo *t0 = &q->t[x->first];
	const char *w = q->pool.data + t0->doff;
	char		cands[8][256];
	size_t		clens[8];
	size_t		nc = ar_ner_canon_candidates(w, t0->len, x->type, cands, clens);
	size_t		c;
	ar_buf		key;
	const ar_gaz_entry *e = NULL;
	const ar_gazetteer *from = NULL;
	bool		chosen = false;
	size_t		chosen_c = 0;

	ar_buf_init(&key, q->alloc, 128);
	/*
	 * a stripped candidate wins when the gazetteer or another mention knows
	 * it, or when it is a head word of the span's type (لمجموعة العشرين,
	 * ولوزارة الخارجية, بمدينة حلب: the head, not لمجموعه)
	 */
	for (c = 0; c <= nc && !chosen; c++)
	{
		key.len = 0;
		if (c < nc)
			ar_buf_append(&key, cands[c], clens[c]);
		else
			ar_buf_append(&key, w, t0->len);
		if (x->last > x->first)
		{
			ar_buf		rest;

			ar_buf_init(&rest, q->alloc, 64);
			words_into(q, x->first + 1, x->last, &rest);
			if (rest.len)
			{
				ar_buf_append(&key, " ", 1);
				ar_buf_append(&key, rest.data, rest.len);
			}
			ar_buf_free(&rest);
		}
		e = find_name(g, user, key.data, key.len, x->type, &from);
		if (e || c == nc || mentioned(q, sp, nsp, s, key.data, key.len) ||
			is_type_head(cands[c], clens[c], x->type))
		{
			chosen = true;
			chosen_c = c;
		}
	}
	/* default when nothing knows a stripped form: drop clitics before the article */
	if (!e && chosen_c == nc && nc > 0 && x->type != AR_NER_PER && t0->boff > t0->off)
	{
		size_t		strip = t0->boff - t0->off;
		const char *f = w;
		bool		rebuilt = false;

		if (strip >= 4 && memcmp(f + strip - 4, "\xd8\xa7\xd9\x84", 4) == 0 && strip > 4)
		{
			key.len = 0;
			ar_buf_append(&key, f + strip - 4, t0->len - (strip - 4));
			rebuilt = true;
		}
		else if (strip >= 4 && memcmp(f + strip - 4, "\xd9\x84\xd9\x84", 4) == 0)
		{
			key.len = 0;
			ar_buf_append(&key, "\xd8\xa7\xd9\x84", 4);
			ar_buf_append(&key, f + strip, t0->len - strip);
			rebuilt = true;
		}
		if (rebuilt && x->last > x->first)
		{
			ar_buf		rest;

			ar_buf_init(&rest, q->alloc, 64);
			words_into(q, x->first + 1, x->last, &rest);
			if (rest.len && key.len)
			{
				ar_buf_append(&key, " ", 1);
				ar_buf_append(&key, rest.data, rest.len);
			}
			ar_buf_free(&rest);
		}
	}
	if (e)
		ar_buf_append(&x->canon, ar_gaz_entry_canon(from, e), e->canon_len);
	else
		ar_buf_append(&x->canon, key.data, key.len);
	ar_buf_free(&key);
	/* skeleton of the last word of the canonical form (surname grouping) */
	{
		const char *lastw = x->canon.data;
		const char *sp_ = strrchr(x->canon.data, ' ');

		if (sp_)
			lastw = sp_ + 1;
		ar_gaz_skeleton(lastw, strlen(lastw), &x->skel);
	}
}

/* A full person name absorbs one-word mentions of its last word (the surname): they take its form. */
static void
absorb_surnames(span *sp, size_t nsp)
{
	size_t		s;

	for (s = 0; s < nsp; s++)
	{
		size_t		f,
					fhi = s + MENTION_WINDOW < nsp ? s + MENTION_WINDOW : nsp;

		if (sp[s].type != AR_NER_PER || strchr(sp[s].canon.data, ' ') != NULL)
			continue;

		for (f = s > MENTION_WINDOW ? s - MENTION_WINDOW : 0; f < fhi; f++)
		{
			if (f == s || sp[f].type != AR_NER_PER || sp[f].absorbed ||
				strchr(sp[f].canon.data, ' ') == NULL || sp[f].skel.len < 4)
				continue;
			if (sp[f].skel.len == sp[s].skel.len &&
				memcmp(sp[f].skel.data, sp[s].skel.data, sp[s].skel.len) == 0)
			{
				sp[s].canon.len = 0;
				ar_buf_append(&sp[s].canon, sp[f].canon.data, sp[f].canon.len);
				sp[s].absorbed = true;
				break;
			}
		}
	}
}

/*
 * Spelling variants inside one text share the first mention's form (same
 * type, same skeleton of 6+ bytes).  Each span's skeleton is computed once:
 * a span that takes another's form takes a form of the same skeleton, so the
 * skeletons stay those of the current forms.
 */
static void
share_spellings(const ar_allocator *alloc, span *sp, size_t nsp)
{
	size_t		s,
			   *off;
	uint32_t   *hash;
	ar_buf		sk;

	if (nsp == 0)
		return;
	off = alloc->realloc_fn(alloc->ctx, NULL, (nsp + 1) * sizeof(size_t));
	hash = alloc->realloc_fn(alloc->ctx, NULL, nsp * sizeof(uint32_t));
	ar_buf_init(&sk, alloc, 16 * nsp);
	for (s = 0; s < nsp; s++)
	{
		off[s] = sk.len;
		ar_gaz_skeleton(sp[s].canon.data, sp[s].canon.len, &sk);
		hash[s] = fnv(sk.data + off[s], sk.len - off[s]);
	}
	off[nsp] = sk.len;
	for (s = 0; s < nsp; s++)
	{
		size_t		f,
					len = off[s + 1] - off[s];

		if (sp[s].absorbed || len < 6)
			continue;
		for (f = s > MENTION_WINDOW ? s - MENTION_WINDOW : 0; f < s; f++)
		{
			if (sp[f].type != sp[s].type || hash[f] != hash[s] || off[f + 1] - off[f] != len ||
				memcmp(sk.data + off[f], sk.data + off[s], len) != 0)
				continue;
			sp[s].canon.len = 0;
			ar_buf_append(&sp[s].canon, sp[f].canon.data, sp[f].canon.len);
			break;
		}
	}
	ar_buf_free(&sk);
	alloc->free_fn(alloc->ctx, hash);
	alloc->free_fn(alloc->ctx, off);
}

/* Canonical forms of the spans sp[0..nsp) (see ar_ner_internal.h). */
void
ar_ner_canonicalize(const ar_ner_seq *q, const ar_gazetteer *g, const ar_gazetteer *user,
					span *sp, size_t nsp)
{
	size_t		s;

	for (s = 0; s < nsp; s++)
		canon_span(q, g, user, sp, nsp, s);
	absorb_surnames(sp, nsp);
	share_spellings(q->alloc, sp, nsp);
}
