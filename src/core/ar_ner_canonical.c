/*
 * ar_ner_canonical.c
 *    Canonical forms of entity mentions: proclitics stripped when the
 *    gazetteer, another mention or the lexicon knows the stripped form, the
 *    gazetteer's spelling when a name is known (user rows first, then exact
 *    keys before spelling skeletons), surnames grouped under the full name
 *    and spelling variants under the first mention's form.
 */
#include <string.h>

#include "ar_gazetteer.h"
#include "ar_ner_internal.h"
#include "ar_ner_names.h"

/* Whether folded word w is an organisation head (type ORG) or a place head (type LOC) of the lexicon. */
static bool
is_type_head(const char *w, size_t len, int type)
{
	int			cls = type == AR_NER_ORG ? LEX_ORGHEAD : type == AR_NER_LOC ? LEX_LOCHEAD : LEX_NONE;

	return cls != LEX_NONE && ar_ner_lex_class(w, len, w, len) == cls;
}

/*
 * Whether a token is mostly an ordinary word where the training text has it
 * (its name-list entry says so): no listed person's surname for it alone.
 */
static bool
ordinary_word(const tokinfo *t)
{
	return t->names != 0 && AR_NAMES_RATIO(t->names) >= 4;
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

/* What the gazetteers say of a key: its canonical form, or known but ambiguous (canon NULL). */
typedef struct name_answer
{
	const char *canon;
	size_t		len;
	bool		first;			/* known only as a first name */
	bool		learned;		/* from a row learned from training text */
} name_answer;

/* The answer of entry e of gazetteer from. */
static bool
answer(const ar_gazetteer *from, const ar_gaz_entry *e, name_answer *a)
{
	a->canon = ar_gaz_entry_canon(from, e);
	a->len = e->canon_len;
	a->learned = !(e->flags & AR_GAZ_USER) && (e->flags & AR_GAZ_FOLDS) != 0;
	return true;
}

/*
 * A lone word of a person as a surname (after the user's row for the word
 * itself, if any).  The user's full names with that last word are weighed
 * with the shipped answer (the shipped listed row for the word, else the
 * shipped surname index): one canonical form among them wins, two make it
 * ambiguous.  With no user full name, the shipped listed row for the word,
 * then the shipped index, then a shipped row learned from training text.  A
 * first name of either gazetteer is mapped by no index or skeleton, only by
 * a shipped row for it.  Returns whether the gazetteers know the word
 * (a->canon NULL: ambiguous, or a first name).
 */
static bool
find_surname(const ar_gazetteer *g, const ar_gazetteer *user, const char *key, size_t len,
			 name_answer *a)
{
	const ar_gaz_entry *ue,
			   *se,
			   *sx = ar_gaz_find(g, key, len, -1),
			   *lx = NULL;
	int			u = ar_gaz_find_surname(user, key, len, &ue),
				sh = ar_gaz_find_surname(g, key, len, &se);

	if (sx && sx->type != AR_NER_PER)
		sx = NULL;
	if (sx && answer(g, sx, a) && a->learned)
	{
		lx = sx;				/* a learned row comes after the listed names */
		sx = NULL;
	}
	a->canon = NULL;
	a->learned = false;
	if (u == AR_GAZ_SUR_FIRST || sh == AR_GAZ_SUR_FIRST)
	{
		if (sx || lx)
			return answer(g, sx ? sx : lx, a);
		a->first = true;		/* no spelling variant either (محمد, not محمدا) */
		return true;
	}
	if (u == AR_GAZ_SUR_ONE || u == AR_GAZ_SUR_AMBIG)
	{
		name_answer sa = {NULL, 0, false, false};

		if (sx)
			answer(g, sx, &sa);
		else if (sh == AR_GAZ_SUR_ONE)
			answer(g, se, &sa);
		if (u == AR_GAZ_SUR_AMBIG || (!sx && sh == AR_GAZ_SUR_AMBIG))
			return true;
		answer(user, ue, a);
		if (sa.canon && (sa.len != a->len || memcmp(sa.canon, a->canon, a->len) != 0))
			a->canon = NULL;
		return true;
	}
	if (sx)
		return answer(g, sx, a);
	if (sh == AR_GAZ_SUR_ONE)
		return answer(g, se, a);
	if (sh == AR_GAZ_SUR_AMBIG)
		return true;
	return lx ? answer(g, lx, a) : false;
}

/*
 * What the gazetteers say of a folded key of the given type: the user rows
 * first, then the shipped ones, exact keys before spelling skeletons; a lone
 * word of a person is looked up as a surname too (find_surname) when the
 * token may be a name (surname); passes 1: exact keys only.  Returns whether
 * they know it.
 */
static bool
find_name(const ar_gazetteer *g, const ar_gazetteer *user, const char *key, size_t len, int type,
		  bool surname, int passes, name_answer *a)
{
	const ar_gazetteer *gs[2] = {user, g};
	int			pass,
				k;

	a->canon = NULL;
	a->first = a->learned = false;
	for (pass = 0; pass < passes; pass++)
		for (k = 0; k < 2; k++)
		{
			const ar_gaz_entry *e;

			if (pass == 0 && k == 1 && surname && type == AR_NER_PER && !memchr(key, ' ', len))
			{
				if (find_surname(g, user, key, len, a))
					return true;
				continue;
			}
			e = pass == 0 ? ar_gaz_find(gs[k], key, len, -1) : ar_gaz_find_skel(gs[k], key, len);
			if (e && e->type == type)
				return answer(gs[k], e, a);
		}
	return false;
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
	name_answer ans = {NULL, 0, false, false};
	bool		known = false,
				chosen = false,
				surname = x->type == AR_NER_PER && x->first == x->last && !ordinary_word(t0);
	size_t		chosen_c = 0;

	ar_buf_init(&key, q->alloc, 128);
	/*
	 * a stripped candidate wins when the gazetteer or another mention knows
	 * it, or when it is a head word of the span's type (لمجموعة العشرين,
	 * ولوزارة الخارجية, بمدينة حلب: the head, not لمجموعه)
	 */
	/*
	 * a lone person's word listed as written (not as a first name, nor only
	 * learned: لبوتين) keeps its letters (كروبي, not روبي)
	 */
	if (surname && nc > 0)
	{
		ar_buf_append(&key, w, t0->len);
		chosen = known = find_name(g, user, key.data, key.len, x->type, true, 1, &ans) &&
			!ans.first && !ans.learned;
		chosen_c = nc;
	}
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
		known = find_name(g, user, key.data, key.len, x->type, surname, 2, &ans);
		if (known || c == nc || mentioned(q, sp, nsp, s, key.data, key.len) ||
			is_type_head(cands[c], clens[c], x->type))
		{
			chosen = true;
			chosen_c = c;
		}
	}
	/* default when nothing knows a stripped form: drop clitics before the article */
	if (!known && chosen_c == nc && nc > 0 && x->type != AR_NER_PER && t0->boff > t0->off)
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
	if (ans.canon)
		ar_buf_append(&x->canon, ans.canon, ans.len);
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

/*
 * A full person name written in the text absorbs one-word mentions of its
 * last word (the surname): they take its form, even where the gazetteers
 * gave them a listed person's.
 */
static void
absorb_surnames(span *sp, size_t nsp)
{
	size_t		s;

	for (s = 0; s < nsp; s++)
	{
		size_t		f,
					fhi = s + MENTION_WINDOW < nsp ? s + MENTION_WINDOW : nsp;

		/* one word (whatever the gazetteers made of it: the text's full name wins) or one-word form */
		if (sp[s].type != AR_NER_PER ||
			(sp[s].last > sp[s].first && strchr(sp[s].canon.data, ' ') != NULL))
			continue;

		for (f = s > MENTION_WINDOW ? s - MENTION_WINDOW : 0; f < fhi; f++)
		{
			if (f == s || sp[f].type != AR_NER_PER || sp[f].absorbed || sp[f].last == sp[f].first ||
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
