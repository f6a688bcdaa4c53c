/*
 * ar_quotes_persons.c
 *    Persons of the quotation finder: heuristic PERSON candidates (a name
 *    after a title, a speech verb's subject, later mentions of a name word)
 *    and the person mentions speakers resolve to, with their titles and
 *    canonical (fullest) mentions.  See ar_quotes.h.
 */
#include <stdlib.h>
#include <string.h>

#include "ar_quotes_internal.h"

/* ---- heuristic persons ---- */

/* Append token span [a, b) to a token-range list (pairs). */
static void
push_range(const ar_allocator *al, size_t **v, size_t *n, size_t *cap, size_t a, size_t b)
{
	if (*n + 2 > *cap)
	{
		*cap = *cap ? *cap * 2 : 16;
		*v = al->realloc_fn(al->ctx, *v, *cap * sizeof(size_t));
	}
	(*v)[(*n)++] = a;
	(*v)[(*n)++] = b;
}

/* After a title at i: skip باسم/ال-modifiers and one comma; returns the first name position. */
size_t
arq_skip_title(const qlex *lx, const ar_lexseq *q, size_t i)
{
	size_t		j = i + 1;
	int			mods = 0;

	if (j < q->n && strcmp(ar_lex_at(q, j)->key, "باسم") == 0)
	{
		j++;
		if (j < q->n && ar_lex_at(q, j)->kind == AR_TOK_ARABIC && !arq_has_article(ar_lex_at(q, j)->key))
			j++;
	}
	while (j < q->n && ar_lex_at(q, j)->kind == AR_TOK_ARABIC && arq_has_article(ar_lex_at(q, j)->key) && mods < 4 &&
		   !arq_in_set(lx, q, j, L_TITLE, "") && !arq_in_set(lx, q, j, L_STOP, ""))
	{
		j++;
		mods++;
		/* السفير الفرنسي لدى الأمم المتحدة فرنسوا ديلاتر */
		if (j + 1 < q->n && strcmp(ar_lex_at(q, j)->key, "لدي") == 0 && arq_has_article(ar_lex_at(q, j + 1)->key))
		{
			j++;
			mods = 1;
		}
	}
	if (arq_is_punct(q, j, "،") || arq_is_punct(q, j, ","))
		j++;
	return j;
}

/* Token ranges (pairs) of guessed persons over q. */
void
arq_guess_ranges(const qlex *lx, const ar_lexseq *q, const ar_allocator *al, size_t **v, size_t *n)
{
	size_t		cap = 0,
				i,
				k,
				nfirst;

	*v = NULL;
	*n = 0;
	for (i = 0; i < q->n; i++)
	{
		size_t		j,
					e;

		if (arq_in_set(lx, q, i, L_TITLE, "وبلف") && !arq_in_set(lx, q, i, L_ANON, "وبلف"))
		{
			j = arq_skip_title(lx, q, i);
			for (e = j; e < j + 3 && (arq_is_name_word(lx, q, e) || (e > j && arq_is_nisba(lx, q, e)) ||
									(e > j && arq_after_kunya(q, e)) ||
									(e == j && arq_feminine_first_name(lx, q, e))) &&
				 !(e > j && strncmp(ar_lex_at(q, e)->key, "و", 2) == 0); e++)
				;
			if (e > j)
			{
				push_range(al, v, n, &cap, j, e);
				i = e - 1;
				continue;
			}
		}
		if (arq_in_set(lx, q, i, L_SPEECH, "وف") && arq_is_name_word(lx, q, i + 1))
		{
			for (e = i + 1; e < i + 3 && (arq_is_name_word(lx, q, e) || (e > i + 1 && arq_is_nisba(lx, q, e))) &&
				 !(e > i + 1 && strncmp(ar_lex_at(q, e)->key, "و", 2) == 0); e++)
				;
			push_range(al, v, n, &cap, i + 1, e);
			i = e - 1;
			continue;
		}
		/* تيلرسون قال … at the start of a sentence */
		if (arq_is_name_word(lx, q, i) && arq_in_set(lx, q, i + 1, L_SPEECH, "") &&
			(i == 0 || ar_lex_at(q, i)->nl_before || arq_sentence_end(q, i - 1)))
			push_range(al, v, n, &cap, i, i + 1);
	}
	/* later mentions of a known name word, clitics allowed (للافروف) */
	nfirst = *n;
	if (nfirst)
	{
		ar_keymap		names;
		arq_arena	words = {NULL, 0, 0, al};	/* the keys, kept across pages */
		bool	   *covered = arq_zalloc(al, q->n + 1, sizeof(bool));

		ar_keymap_init(&names, al, nfirst / 2);
		for (k = 0; k < nfirst; k += 2)
		{
			size_t		t;

			*ar_keymap_slot(&names, arq_keep(&words, ar_lex_at(q, (*v)[k + 1] - 1)->key), true) = 1;
			for (t = (*v)[k]; t < (*v)[k + 1]; t++)
				covered[t] = true;
		}
		for (i = 0; i < q->n; i++)
		{
			const char *base;

			if (covered[i] || ar_lex_at(q, i)->kind != AR_TOK_ARABIC)
				continue;
			if (ar_keymap_slot(&names, ar_lex_at(q, i)->key, false) ||
				((base = arq_strip_clitic(ar_lex_at(q, i)->key)) && ar_keymap_slot(&names, base, false)))
				push_range(al, v, n, &cap, i, i + 1);
		}
		ar_keymap_free(&names);
		arq_arena_free(&words);
		al->free_fn(al->ctx, covered);
	}
}

/* Heuristic PERSON candidates; out is initialized here. */
void
ar_quotes_guess_persons(const char *s, size_t len, const ar_allocator *alloc, ar_span_list *out)
{
	ar_lexseq	q;
	qlex		lex;
	size_t	   *r,
				n,
				k;

	out->alloc = alloc;
	out->n = 0;
	out->cap = 0;
	out->v = NULL;
	ar_lexseq_build_paged(s, len, AR_QUOTES_PAGE, alloc, &q);
	arq_qlex_init(&lex, alloc);
	arq_guess_ranges(&lex, &q, alloc, &r, &n);
	arq_qlex_free(&lex);
	if (n)
	{
		out->cap = n / 2;
		out->v = alloc->realloc_fn(alloc->ctx, NULL, out->cap * sizeof(ar_span));
		for (k = 0; k < n; k += 2)
		{
			out->v[out->n].char_start = ar_lex_at(&q, r[k])->char_start;
			out->v[out->n].char_len = ar_lex_at(&q, r[k + 1] - 1)->char_start + ar_lex_at(&q, r[k + 1] - 1)->char_len -
				ar_lex_at(&q, r[k])->char_start;
			out->n++;
		}
		alloc->free_fn(alloc->ctx, r);
	}
	ar_lexseq_free(&q);
}

/* ---- persons and speakers ---- */

/* Title head and nationality adjective in the few tokens before mention m. */
static void
title_of(qctx *c, mention *m)
{
	size_t		j = m->a;
	int			steps = 0;

	m->head = NULL;
	m->adj = NULL;
	while (j > 0 && steps < 6)
	{
		const ar_lex *t = TOK(j - 1);

		if (t->kind == AR_TOK_PUNCT && (strcmp(t->key, "،") == 0 || strcmp(t->key, ",") == 0) && steps == 0)
		{
			j--;
			steps++;
			continue;
		}
		if (t->kind != AR_TOK_ARABIC)
			break;
		if (arq_in_set(c->lx, c->q, j - 1, L_TITLE, "وبلف"))
		{
			m->head = arq_keep(c->words, t->key);
			break;
		}
		if (!arq_has_article(t->key) && strcmp(t->key, "باسم") != 0)
			break;
		if (!m->adj && t->keylen >= 8 && strcmp(t->key + t->keylen - 2, "ي") == 0)
			m->adj = arq_keep(c->words, t->key);
		j--;
		steps++;
	}
}

/* Same title head, ignoring the article and a clitic (الوزير = وزير = للوزير). */
bool
arq_same_head(const char *a, const char *b)
{
	if (arq_has_article(a))
		a += 4;
	if (arq_has_article(b))
		b += 4;
	return strcmp(a, b) == 0 || (strlen(a) > 2 && strcmp(a + 2, b) == 0) ||
		(strlen(b) > 2 && strcmp(a, b + 2) == 0);
}

/* qsort order of mentions by first token. */
static int
cmp_mention(const void *a, const void *b)
{
	const mention *x = a,
			   *y = b;

	return x->a < y->a ? -1 : x->a > y->a;
}

/* Build mentions from person spans (code points) first, then from token ranges
 * (pairs) that overlap none of them, with canonical mentions and titles. */
void
arq_build_mentions(qctx *c, const ar_span *persons, size_t np, const size_t *ranges, size_t nr)
{
	size_t		k,
				t,
				j;
	ar_keymap	best;

	c->m = arq_zalloc(c->alloc, np + nr ? np + nr : 1, sizeof(mention));
	c->nm = 0;
	for (k = 0; k < np + nr; k++)
	{
		size_t		a,
					b;

		if (k >= np)
		{
			a = ranges[2 * (k - np)];
			b = ranges[2 * (k - np) + 1];
		}
		else
		{
			size_t		s1 = persons[k].char_start + persons[k].char_len;

			a = b = ar_lexseq_token_after(c->q, persons[k].char_start);
			while (b < c->q->n && TOK(b)->char_start < s1)
				b++;
			if (persons[k].char_len == 0)
				continue;
			/* a title the tagger took into the name stays a title (الخبير عبد الله) */
			while (b - a > 1 && TOK(a)->kind == AR_TOK_ARABIC &&
				   arq_in_set(c->lx, c->q, a, L_TITLE, "وبلف"))
				a++;
			/* and the edges of a name are Arabic words (not quot; debris or marks) */
			while (b > a && TOK(b - 1)->kind != AR_TOK_ARABIC)
				b--;
			while (b > a && TOK(a)->kind != AR_TOK_ARABIC)
				a++;
		}
		if (b <= a)
			continue;
		for (t = a; t < b; t++)
			if (PERSON_AT(c, t) != NOPERSON)
				break;
		if (t < b)
		{
			/* a guessed name that contains one given span widens it (فرنسوا ديلاتر over ديلاتر) */
			size_t		o = PERSON_AT(c, t);

			if (k >= np && c->m[o].a >= a && c->m[o].b <= b)
			{
				for (j = a; j < b; j++)
					if (PERSON_AT(c, j) != NOPERSON && PERSON_AT(c, j) != o)
						break;
				if (j == b)
				{
					c->m[o].a = a;
					c->m[o].b = b;
					for (j = a; j < b; j++)
						c->person_at[j] = (uint32_t) (o);
				}
			}
			continue;			/* overlaps an earlier span */
		}
		c->m[c->nm].a = a;
		c->m[c->nm].b = b;
		for (t = a; t < b; t++)
			c->person_at[t] = (uint32_t) (c->nm);
		c->nm++;
	}
	qsort(c->m, c->nm, sizeof(mention), cmp_mention);
	for (k = 0; k < c->nm; k++)
	{
		for (t = c->m[k].a; t < c->m[k].b; t++)
			c->person_at[t] = (uint32_t) (k);
		c->m[k].byte_start = TOK(c->m[k].a)->byte_start;
		c->m[k].byte_end = TOK(c->m[k].b - 1)->byte_start + TOK(c->m[k].b - 1)->byte_len;
		c->m[k].last = arq_keep(c->words, TOK(c->m[k].b - 1)->key);
		title_of(c, &c->m[k]);
		/* نظيره: the counterpart holds the title of the person named before */
		if (c->m[k].head && (strcmp(c->m[k].head, "نظيره") == 0 || strcmp(c->m[k].head, "نظيرته") == 0))
		{
			const char *adj = c->m[k].adj;

			c->m[k].head = NULL;
			for (j = k; j > 0 && k - j < SCAN_LIMIT && !c->m[k].head; j--)
				if (c->m[j - 1].head)
					c->m[k].head = c->m[j - 1].head;
			c->m[k].adj = adj;
		}
	}
	/* canonical: the longest mention ending in the same name word (clitics aside) */
	ar_keymap_init(&best, c->alloc, c->nm);
	for (k = 0; k < c->nm; k++)
	{
		size_t	   *slot = ar_keymap_slot(&best, c->m[k].last, true);

		if (*slot == NOPERSON || c->m[k].b - c->m[k].a > c->m[*slot].b - c->m[*slot].a)
			*slot = k;
	}
	for (k = 0; k < c->nm; k++)
	{
		const char *lk = c->m[k].last;
		const char *base = arq_strip_clitic(lk);
		size_t	   *s1 = ar_keymap_slot(&best, lk, false);
		size_t	   *s2 = base ? ar_keymap_slot(&best, base, false) : NULL;

		c->m[k].canon = *s1;
		if (s2 && c->m[*s2].b - c->m[*s2].a > c->m[*s1].b - c->m[*s1].a)
			c->m[k].canon = *s2;
	}
	ar_keymap_free(&best);
}
