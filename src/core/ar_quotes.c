/*
 * ar_quotes.c
 *    Quotations (marked and reported speech) and their speakers.  See
 *    ar_quotes.h for the rules.  Here: quote marks, attributions (speech
 *    verbs, participles, "according to") and the pipeline; the word lists
 *    are in ar_quotes_lex.c, persons and mentions in ar_quotes_persons.c.
 */
#include <stdlib.h>
#include <string.h>

#include "ar_quotes_internal.h"

/* ---- quote marks ---- */

/* Classify quote marks, including &quot; / quot; debris. */
static void
find_marks(qctx *c)
{
	size_t		i;

	for (i = 0; i < c->q->n; i++)
	{
		const char *k = TOK(i)->key;

		if (strcmp(k, "«") == 0 || strcmp(k, "“") == 0 || strcmp(k, "„") == 0)
			c->mark[i] = 'O';
		else if (strcmp(k, "»") == 0)
			c->mark[i] = 'C';
		else if (strcmp(k, "\"") == 0 || strcmp(k, "”") == 0 || strcmp(k, "＂") == 0)
			c->mark[i] = 'T';
		else if (strcmp(k, "&") == 0 && i + 2 < c->q->n && strcmp(TOK(i + 1)->key, "quot") == 0 &&
				 strcmp(TOK(i + 2)->key, ";") == 0)
		{
			c->mark[i] = 'T';
			c->marklen[i] = 3;
			i += 2;
			continue;
		}
		else if (strcmp(k, "quot") == 0 && i + 1 < c->q->n && strcmp(TOK(i + 1)->key, ";") == 0)
		{
			c->mark[i] = 'T';
			c->marklen[i] = 2;
			i += 1;
			continue;
		}
		if (c->mark[i])
			c->marklen[i] = 1;
	}
}

/* Pair marks into segments inside each paragraph; an unclosed one runs to the paragraph end. */
static void
pair_marks(qctx *c)
{
	size_t		i,
				open = NOPERSON;
	int			openkind = 0;

	for (i = 0; i <= c->q->n; i++)
	{
		bool		para_end = i == c->q->n || TOK(i)->nl_before;

		if (para_end && open != NOPERSON)
		{
			size_t		a = open + c->marklen[open];

			if (i > a)
			{
				c->seg_a[c->nseg] = a;
				c->seg_b[c->nseg] = i;
				c->seg_end[c->nseg] = i;
				c->nseg++;
			}
			open = NOPERSON;
		}
		if (i == c->q->n)
			break;
		if (!c->mark[i])
			continue;
		if (open == NOPERSON && (c->mark[i] == 'O' || c->mark[i] == 'T'))
		{
			open = i;
			openkind = c->mark[i];
		}
		else if (open != NOPERSON && (c->mark[i] == 'C' || c->mark[i] == 'T' ||
									  (c->mark[i] == 'O' && openkind == 'T')))
		{
			size_t		a = open + c->marklen[open];

			if (i > a)
			{
				c->seg_a[c->nseg] = a;
				c->seg_b[c->nseg] = i;
				c->seg_end[c->nseg] = i + c->marklen[i];
				c->nseg++;
			}
			open = NOPERSON;
		}
		i += c->marklen[i] - 1;
	}
	for (i = 0; i < c->nseg; i++)
	{
		size_t		t;

		t = c->seg_a[i] - 1;
		while (t > 0 && !c->mark[t])
			t--;				/* back to the first token of the opening mark (&quot;) */
		c->seg_lo[i] = t;
	}
}

/*
 * The quotation segment holding token t (from its opening mark to the token
 * after its closing one), or NOPERSON.  Segments follow one another without
 * overlapping, so a binary search over their first tokens finds it.
 */
static size_t
seg_at(const qctx *c, size_t t)
{
	size_t		lo = 0,
				hi = c->nseg;

	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (c->seg_lo[mid] <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && t < c->seg_end[lo - 1] && t < c->q->n ? lo - 1 : NOPERSON;
}

/* The speaker of a quotation: a mention index, or a literal token range. */
typedef struct speaker
{
	size_t		mention;		/* NOPERSON if none */
	size_t		a,
				b;				/* literal noun phrase when mention == NOPERSON and b > a */
} speaker;

/* Resolve a title without a name at [i, e): most recent mention with a matching title. */
static size_t
resolve_role(qctx *c, size_t i, size_t e)
{
	char		head[AR_LEX_KEYMAX + 1],
				adjbuf[AR_LEX_KEYMAX + 1];
	const char *adj = NULL;
	size_t		t,
				k,
				best = NOPERSON,
				end;
	int			pass;

	strcpy(head, TOK(i)->key);
	for (t = i + 1; t < e; t++)
		if (TOK(t)->keylen >= 8 && strcmp(TOK(t)->key + TOK(t)->keylen - 2, "ي") == 0)
			adj = strcpy(adjbuf, TOK(t)->key);
	/* mentions before i: [0, end); look at the most recent SCAN_LIMIT of them */
	{
		size_t		lo = 0,
					hi = c->nm;

		while (lo < hi)
		{
			size_t		mid = (lo + hi) / 2;

			if (c->m[mid].a < i)
				lo = mid + 1;
			else
				hi = mid;
		}
		end = lo;
	}
	for (pass = 0; pass < 3 && best == NOPERSON; pass++)
		for (k = end; k > 0 && end - k < SCAN_LIMIT && best == NOPERSON; k--)
		{
			const mention *mk = &c->m[k - 1];
			const mention *m = &c->m[mk->canon];
			bool		hd = (mk->head && arq_same_head(mk->head, head)) || (m->head && arq_same_head(m->head, head));
			bool		aj = adj && ((mk->adj && strcmp(mk->adj, adj) == 0) || (m->adj && strcmp(m->adj, adj) == 0));

			if ((pass == 0 && hd && aj) || (pass == 1 && aj) || (pass == 2 && hd && !adj))
				best = k - 1;
		}
	return best;
}

/* The nearest mention before token i in the same sentence, or NOPERSON. */
static size_t
mention_before(qctx *c, size_t i)
{
	size_t		t = i;

	while (t > 0 && i - t < SCAN_LIMIT)
	{
		t--;
		if (PERSON_AT(c, t) != NOPERSON)
			return PERSON_AT(c, t);
		if (arq_sentence_end(c->q, t + 1) && seg_at(c, t) == NOPERSON)
			break;
	}
	return NOPERSON;
}

/* The first mention of the sentence containing token i, before i, or NOPERSON. */
static size_t
mention_first(qctx *c, size_t i)
{
	size_t		t = i,
				found = NOPERSON;

	while (t > 0 && i - t < SCAN_LIMIT)
	{
		t--;
		if (PERSON_AT(c, t) != NOPERSON)
			found = PERSON_AT(c, t);
		if (arq_sentence_end(c->q, t + 1) && seg_at(c, t) == NOPERSON && t + 1 <= i)
		{
			if (t + 1 < c->q->n && TOK(t + 1)->nl_before)
				break;
			if (t < i && TOK(t)->kind == AR_TOK_PUNCT && arq_sentence_end(c->q, t))
				break;
		}
	}
	return found;
}

/* A noun phrase opening the sentence right before token i (وزارة الخارجية الروسية قالت). */
static bool
np_before(qctx *c, size_t i, speaker *sp)
{
	size_t		t = i;

	while (t > 0 && i - t < 4)
	{
		if (TOK(t)->nl_before || (t > 0 && TOK(t - 1)->kind == AR_TOK_PUNCT && arq_sentence_end(c->q, t - 1)))
			break;
		if (TOK(t - 1)->kind != AR_TOK_ARABIC || arq_in_set(c->lx, c->q, t - 1, L_STOP, "و"))
			return false;
		t--;
	}
	if (t == i || !(t == 0 || TOK(t)->nl_before || arq_sentence_end(c->q, t - 1)))
		return false;
	sp->a = t;
	sp->b = i;
	return true;
}

/* Append a quotation over tokens [a, b). */
static void
push_quote(qctx *c, ar_quote_list *out, size_t a, size_t b, const speaker *sp)
{
	ar_quote   *x;

	while (b > a && TOK(b - 1)->kind == AR_TOK_PUNCT && !c->mark[b - 1] &&
		   (strcmp(TOK(b - 1)->key, "،") == 0 || strcmp(TOK(b - 1)->key, ",") == 0 ||
			strcmp(TOK(b - 1)->key, ":") == 0))
		b--;
	if (b <= a)
		return;
	if (out->n == out->cap)
	{
		out->cap = out->cap ? out->cap * 2 : 8;
		out->v = out->alloc->realloc_fn(out->alloc->ctx, out->v, out->cap * sizeof(ar_quote));
	}
	x = &out->v[out->n++];
	x->byte_start = TOK(a)->byte_start;
	x->byte_len = TOK(b - 1)->byte_start + TOK(b - 1)->byte_len - x->byte_start;
	x->char_start = TOK(a)->char_start;
	x->char_len = TOK(b - 1)->char_start + TOK(b - 1)->char_len - x->char_start;
	x->has_speaker = false;
	if (sp->mention != NOPERSON)
	{
		const mention *m = &c->m[c->m[sp->mention].canon];

		x->has_speaker = true;
		x->speaker_byte_start = m->byte_start;	/* anywhere in the text: no token read */
		x->speaker_byte_len = m->byte_end - m->byte_start;
	}
	else if (sp->b > sp->a)
	{
		x->has_speaker = true;
		x->speaker_byte_start = TOK(sp->a)->byte_start;
		x->speaker_byte_len = TOK(sp->b - 1)->byte_start + TOK(sp->b - 1)->byte_len - x->speaker_byte_start;
	}
}

/* Content of reported speech from token a: the marked quotation there, or up to the sentence end. */
static size_t
emit_content(qctx *c, ar_quote_list *out, size_t a, const speaker *sp)
{
	size_t		e;

	if (a < c->q->n && c->mark[a] && seg_at(c, a) != NOPERSON)
	{
		size_t		s = seg_at(c, a);

		c->seg_used[s] = true;
		push_quote(c, out, c->seg_a[s], c->seg_b[s], sp);
		return c->seg_end[s];
	}
	for (e = a; e < c->q->n; e++)
	{
		if (e > a && (TOK(e)->nl_before || (seg_at(c, e) == NOPERSON && arq_sentence_end(c->q, e))))
			break;
		if (seg_at(c, e) != NOPERSON)
			c->seg_used[seg_at(c, e)] = true;
	}
	push_quote(c, out, a, e, sp);
	return e;
}

static size_t attribution_content(qctx *c, ar_quote_list *out, size_t i, size_t k, bool subject,
								  speaker *sp, size_t *last);

/* The last speaker for a verb-only attribution at i, unless the verb's gender contradicts it. */
static size_t
last_speaker(qctx *c, size_t i, size_t last)
{
	char		g = arq_in_set(c->lx, c->q, i, L_FEM, "وف") ? 'f' : 'm';

	if (c->last_gender && c->last_gender != g)
		return NOPERSON;
	return last;
}

/* ووفقا للافروف، فإن …: a person after "according to" speaks the clause after فإن. */
static size_t
according_to(qctx *c, ar_quote_list *out, size_t i, size_t *last)
{
	speaker		sp = {NOPERSON, 0, 0};

	if (i + 1 >= c->q->n || PERSON_AT(c, i + 1) == NOPERSON)
		return i + 1;
	sp.mention = PERSON_AT(c, i + 1);
	return attribution_content(c, out, i, c->m[sp.mention].b, true, &sp, last);
}

/* Handle a speech verb or participle at i; returns the token to continue from. */
static size_t
attribution(qctx *c, ar_quote_list *out, size_t i, bool participle, size_t *last)
{
	speaker		sp = {NOPERSON, 0, 0};
	size_t		k = i + 1,
				t;
	bool		subject = false;

	if (participle)
	{
		sp.mention = mention_first(c, i);
		/* وقال في المؤتمر الصحفي "…"، مضيفا أن …: the speaker of the sentence's verb */
		for (t = i; sp.mention == NOPERSON && t > 0 && i - t < SCAN_LIMIT && !arq_sentence_end(c->q, t); t--)
			if (arq_in_set(c->lx, c->q, t - 1, L_SPEECH, "وف"))
				sp.mention = last_speaker(c, i, *last);
	}
	else
	{
		if (arq_is_punct(c->q, k, "،") && !c->mark[k])
			k++;
		if (k < c->q->n && PERSON_AT(c, k) != NOPERSON)
		{
			sp.mention = PERSON_AT(c, k);
			k = c->m[sp.mention].b;
			subject = true;
		}
		else if (arq_in_set(c->lx, c->q, k, L_TITLE, "و") && PERSON_AT(c, arq_skip_title(c->lx, c->q, k)) != NOPERSON &&
				 !arq_in_set(c->lx, c->q, k, L_ANON, "و"))
		{
			/* وزير الخارجية الروسي سيرغي لافروف */
			sp.mention = PERSON_AT(c, arq_skip_title(c->lx, c->q, k));
			k = c->m[sp.mention].b;
			subject = true;
		}
		else if (arq_in_set(c->lx, c->q, k, L_TITLE, "و"))
		{
			size_t		e = arq_skip_title(c->lx, c->q, k);

			if (e > k + 1 && (arq_is_punct(c->q, e - 1, "،") || arq_is_punct(c->q, e - 1, ",")))
				e--;
			if (arq_in_set(c->lx, c->q, k, L_ANON, "و"))
			{
				/* مصدر حكومي، مسؤول أمريكي: indefinite adjectives belong to the source */
				while (e == k + 1 && e < c->q->n && TOK(e)->kind == AR_TOK_ARABIC &&
					   TOK(e)->keylen >= 6 && TOK(e)->keylen != 255 &&
					   strcmp(TOK(e)->key + TOK(e)->keylen - 2, "ي") == 0 &&
					   !arq_in_set(c->lx, c->q, e, L_STOP, ""))
					e++;
				sp.a = k;
				sp.b = e;
			}
			else if ((sp.mention = resolve_role(c, k, e)) == NOPERSON)
			{
				/* a role nobody held before (رئيس اللجنة المنظمة): the role as written */
				while (e < c->q->n && e < k + 5 && TOK(e)->kind == AR_TOK_ARABIC &&
					   arq_has_article(TOK(e)->key) && !arq_in_set(c->lx, c->q, e, L_STOP, ""))
					e++;
				sp.a = k;
				sp.b = e;
			}
			k = e;
			subject = true;
		}
		else if (k < c->q->n && TOK(k)->kind == AR_TOK_ARABIC && !arq_in_set(c->lx, c->q, k, L_PREP, "") &&
				 !arq_in_set(c->lx, c->q, k, L_COMP, "") && !arq_in_set(c->lx, c->q, k, L_TIME, "و") &&
				 (arq_has_article(TOK(k)->key) ||
				  arq_in_list(c->q, k, (const char *const[]) {"صحيفه", "وكاله", "وزاره", "مصادر", NULL}, "")))
		{
			/* another noun phrase as subject: وقالت الوزارة، وقالت صحيفة … */
			size_t		e = k;

			while (e < k + 5 && e < c->q->n && TOK(e)->kind == AR_TOK_ARABIC &&
				   !arq_in_set(c->lx, c->q, e, L_COMP, "") && !arq_in_set(c->lx, c->q, e, L_PREP, ""))
				e++;
			sp.a = k;
			sp.b = e;
			k = e;
			subject = true;
		}
		if (!subject)
		{
			sp.mention = mention_before(c, i);
			if (sp.mention == NOPERSON && !np_before(c, i, &sp))
				sp.mention = last_speaker(c, i, *last);
		}
	}
	return attribution_content(c, out, i, k, subject, &sp, last);
}

/*
 * The quotation of an attribution at i whose subject ends before k: after
 * إن/أن or ":" or at a quote mark a few words on, or (after قال الوزير …) right
 * after the subject.  Returns the token to continue from.
 */
static size_t
attribution_content(qctx *c, ar_quote_list *out, size_t i, size_t k, bool subject,
					speaker *sp, size_t *last)
{
	size_t		t;

	/* content: after إن/أن or ":" or at a quote mark, a few words of context allowed */
	for (t = k; t < c->q->n && t < k + 10; t++)
	{
		if (t > k && seg_at(c, t) == NOPERSON && arq_sentence_end(c->q, t))
			break;
		if (c->mark[t] && seg_at(c, t) != NOPERSON && c->seg_a[seg_at(c, t)] == t + c->marklen[t])
			break;
		if (arq_is_punct(c->q, t, ":"))
			break;
		if (arq_in_set(c->lx, c->q, t, L_COMP, "و"))
			break;
		if (arq_in_set(c->lx, c->q, t, L_SPEECH, "وف"))
			return t;			/* another attribution starts before any content */
	}
	if (t >= c->q->n || (t > k && seg_at(c, t) == NOPERSON && arq_sentence_end(c->q, t)) || t == k + 10)
	{
		/* وقال الوزير يستند …: content right after the subject */
		if (subject && arq_in_set(c->lx, c->q, i, L_BARE, "وف") && k < c->q->n &&
			TOK(k)->kind == AR_TOK_ARABIC && !arq_in_set(c->lx, c->q, k, L_PREP, "") &&
			!arq_in_set(c->lx, c->q, k, L_STOP, ""))
			t = k;
		else
			return k > i ? k : i + 1;
	}
	else if (arq_is_punct(c->q, t, ":"))
	{
		t++;
		if (arq_in_list(c->q, t, (const char *const[]) {"ان", NULL}, ""))
			t++;
	}
	else if (!c->mark[t] && arq_in_list(c->q, t, (const char *const[]) {"ان", "بان", "فان", NULL}, "و"))
		t++;
	if (sp->mention != NOPERSON)
	{
		if (subject)
			c->last_gender = arq_in_set(c->lx, c->q, i, L_FEM, "وف") ? 'f' : 'm';
		*last = sp->mention;
	}
	return emit_content(c, out, t, sp);
}

/* qsort order of quotations by position. */
static int
cmp_quote(const void *a, const void *b)
{
	const ar_quote *x = a,
			   *y = b;

	return x->char_start < y->char_start ? -1 : x->char_start > y->char_start;
}

/* Find the quotations of s[0..len); guess: add guessed persons where no given span lies. */
static void
quotes_find(const char *s, size_t len, const ar_span *persons, size_t npersons, bool guess, size_t page,
			const ar_allocator *alloc, ar_quote_list *out)
{
	ar_lexseq	q;
	qlex		lex;
	qctx		cx;
	qctx	   *c = &cx;
	arq_arena	words = {NULL, 0, 0, alloc};
	size_t		i,
				n,
				steps = 0,
				last = NOPERSON;

	out->v = NULL;
	out->n = out->cap = 0;
	out->alloc = alloc;
	ar_lexseq_build_paged(s, len, page, alloc, &q);
	n = q.n;
	memset(c, 0, sizeof(*c));
	c->q = &q;
	arq_qlex_init(&lex, alloc);
	c->lx = &lex;
	c->alloc = alloc;
	c->person_at = arq_zalloc(alloc, n + 1, sizeof(uint32_t));
	memset(c->person_at, 0xFF, (n + 1) * sizeof(uint32_t));	/* NONE32 */
	c->words = &words;
	c->mark = arq_zalloc(alloc, n + 1, sizeof(char));
	c->marklen = arq_zalloc(alloc, n + 1, sizeof(uint8_t));
	if (guess)
	{
		/* guessed persons come as token ranges over this very sequence */
		size_t	   *ranges,
					nr;

		arq_guess_ranges(c->lx, &q, alloc, &ranges, &nr);
		arq_build_mentions(c, persons, npersons, ranges, nr / 2);
		if (ranges)
			alloc->free_fn(alloc->ctx, ranges);
	}
	else
		arq_build_mentions(c, persons, npersons, NULL, 0);
	find_marks(c);
	{
		/* a quotation segment ends on a mark: as many segments as marks at most, not tokens */
		size_t		nmarks = 0;

		for (i = 0; i < n; i++)
			nmarks += c->mark[i] != 0;
		c->seg_a = arq_zalloc(alloc, nmarks + 1, sizeof(size_t));
		c->seg_b = arq_zalloc(alloc, nmarks + 1, sizeof(size_t));
		c->seg_end = arq_zalloc(alloc, nmarks + 1, sizeof(size_t));
		c->seg_lo = arq_zalloc(alloc, nmarks + 1, sizeof(size_t));
		c->seg_used = arq_zalloc(alloc, nmarks + 1, sizeof(bool));
	}
	pair_marks(c);
	for (i = 0; i < n;)
	{
		bool		part = (AR_CHECK_INTERRUPTS(alloc, ++steps), arq_in_set(c->lx, &q, i, L_PART, "و"));

		if ((part || arq_in_set(c->lx, &q, i, L_SPEECH, "وف")) && seg_at(c, i) == NOPERSON)
		{
			size_t		e = attribution(c, out, i, part, &last);

			i = e > i ? e : i + 1;
			continue;
		}
		if (arq_in_set(c->lx, &q, i, L_ACCORD, "و") && seg_at(c, i) == NOPERSON)
		{
			size_t		e = according_to(c, out, i, &last);

			i = e > i ? e : i + 1;
			continue;
		}
		i++;
	}
	/* marked quotations without a speech verb: the person named before them in the sentence */
	for (i = 0; i < c->nseg; i++)
		if (!c->seg_used[i])
		{
			speaker		sp = {NOPERSON, 0, 0};

			sp.mention = mention_first(c, c->seg_a[i] - 1);
			push_quote(c, out, c->seg_a[i], c->seg_b[i], &sp);
		}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(ar_quote), cmp_quote);
	alloc->free_fn(alloc->ctx, c->m);
	alloc->free_fn(alloc->ctx, c->person_at);
	alloc->free_fn(alloc->ctx, c->seg_lo);
	arq_arena_free(&words);
	alloc->free_fn(alloc->ctx, c->seg_a);
	alloc->free_fn(alloc->ctx, c->seg_b);
	alloc->free_fn(alloc->ctx, c->seg_end);
	alloc->free_fn(alloc->ctx, c->seg_used);
	alloc->free_fn(alloc->ctx, c->mark);
	alloc->free_fn(alloc->ctx, c->marklen);
	arq_qlex_free(&lex);
	ar_lexseq_free(&q);
}

/* Find the quotations of s[0..len) in text order (see ar_quotes.h). */
void
ar_quotes_find(const char *s, size_t len, const ar_span *persons, size_t npersons,
			   const ar_allocator *alloc, ar_quote_list *out)
{
	if (persons == NULL)
		quotes_find(s, len, NULL, 0, true, AR_QUOTES_PAGE, alloc, out);
	else
		quotes_find(s, len, persons, npersons, false, AR_QUOTES_PAGE, alloc, out);
}

/* Quotations with tagger PERSON spans completed by guessed persons (see ar_quotes.h). */
void
ar_quotes_find_tagged(const char *s, size_t len, const ar_span *persons, size_t npersons,
					  const ar_allocator *alloc, ar_quote_list *out)
{
	quotes_find(s, len, persons, npersons, true, AR_QUOTES_PAGE, alloc, out);
}

/* ar_quotes_find (tagged false) or ar_quotes_find_tagged (true) with pages of page tokens (see ar_quotes.h). */
void
ar_quotes_find_paged(const char *s, size_t len, const ar_span *persons, size_t npersons,
					 bool tagged, size_t page, const ar_allocator *alloc, ar_quote_list *out)
{
	quotes_find(s, len, persons, persons ? npersons : 0, tagged || persons == NULL, page, alloc, out);
}

/* Release a quotation list. */
void
ar_quote_list_free(ar_quote_list *l)
{
	if (l->v)
		l->alloc->free_fn(l->alloc->ctx, l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* Release a span list. */
void
ar_span_list_free(ar_span_list *l)
{
	if (l->v)
		l->alloc->free_fn(l->alloc->ctx, l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

