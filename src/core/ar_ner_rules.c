/*
 * ar_ner_rules.c
 *    The post-decoding rules of the entity tagger: each one a function that
 *    reads the analysed tokens and corrects the decoded labels, run in the
 *    order of the ar_ner_rules table by ar_ner_extract.  A new rule is one
 *    function here and one row of the table.
 */
#include <string.h>

#include "ar_ner_internal.h"
#include "ar_dates.h"

/* ---- helpers ---- */

/*
 * A group of countries named by its size (مجموعة السبع G7, مجموعة الثماني
 * G8, مجموعة العشرين G20, مجموعة الدول السبع, مجموعة الـ77) starting at
 * token i: its length in tokens, or 0.  The words are folded (search
 * normalization); the head may carry proclitics (لمجموعة, ومجموعة) but not
 * the article (المجموعة الثلاث is "the three groups").
 */
static size_t
group_of_n(const ar_ner_seq *q, size_t i)
{
	static const char *const numbers[] = {
		"الثلاث", "الثلاثه", "الاربع", "الاربعه", "الخمس", "الخمسه", "الست", "السته",
		"السبع", "السبعه", "الثماني", "الثمان", "الثمانيه", "التسع", "التسعه", "العشر",
		"العشره", "العشرين", NULL
	};
	static const char *const between[] = {"الدول", "الصناعيه", "الكبري", NULL};
	static const char *const proclitics[] = {"", "و", "ف", "ل", "ب", "ول", "فل", "وب", "فب", NULL};
	static const char head[] = "مجموعه";	/* without the article: the construct state */
	const tokinfo *t = &q->t[i];
	size_t		hl = sizeof(head) - 1,
				j = i + 1,
				k;

	if (t->len < hl || memcmp(q->pool.data + t->off + t->len - hl, head, hl) != 0 ||
		!ar_ner_in_list(proclitics, q->pool.data + t->off, t->len - hl))
		return 0;
	/* الدول / الدول الصناعية between the head and the number */
	for (k = 0; k < 2 && j < q->n &&
		 ar_ner_in_list(between, q->pool.data + q->t[j].off, q->t[j].len); k++)
		j++;
	if (j >= q->n)
		return 0;
	if (q->t[j].shape == SH_DIGIT ||
		ar_ner_in_list(numbers, q->pool.data + q->t[j].off, q->t[j].len))
		j++;
	else if (q->t[j].len == 4 && memcmp(q->pool.data + q->t[j].off, "ال", 4) == 0 &&
			 j + 1 < q->n && q->t[j + 1].shape == SH_DIGIT)
		j += 2;					/* مجموعة الـ 77 */
	else
		return 0;
	/* السبع الكبرى, الثماني الصناعية */
	if (j < q->n && ar_ner_in_list(between + 1, q->pool.data + q->t[j].off, q->t[j].len))
		j++;
	return j - i;
}

/* Whether folded token i is the word w (NUL-terminated). */
static bool
tok_is(const ar_ner_seq *q, size_t i, const char *w)
{
	size_t		l = strlen(w);

	return i < q->n && q->t[i].len == l && memcmp(q->pool.data + q->t[i].off, w, l) == 0;
}

/* Length in tokens (1 or 2) of a Gregorian month name at token i (the date finder's list), or 0. */
static size_t
month_at(const ar_ner_seq *q, size_t i)
{
	const tokinfo *t;

	if (i >= q->n || q->t[i].shape != SH_ARABIC)
		return 0;
	t = &q->t[i];
	return (size_t) ar_dates_gregorian_month(q->pool.data + t->off, t->len,
											 i + 1 < q->n ? q->pool.data + q->t[i + 1].off : NULL,
											 i + 1 < q->n ? q->t[i + 1].len : 0);
}

/*
 * Length of a month name at token i that stands in a date, or 0: a number
 * before it (9 نيسان) or after it (نيسان 2024), or a slash to another month
 * or a number (نيسان/أبريل, 4/نيسان).  ANERcorp leaves dates O, and news
 * writes them everywhere: نيسان is also Nissan, ايار / اب are also words.
 */
static size_t
month_in_date(const ar_ner_seq *q, size_t i)
{
	size_t		k = month_at(q, i),
				e = i + k;		/* the token after the month */

	if (k == 0)
		return 0;
	if ((i > 0 && q->t[i - 1].shape == SH_DIGIT) || (e < q->n && q->t[e].shape == SH_DIGIT))
		return k;
	if (tok_is(q, e, "/") && e + 1 < q->n && (q->t[e + 1].shape == SH_DIGIT || month_at(q, e + 1)))
		return k;
	if (i >= 2 && tok_is(q, i - 1, "/") && (q->t[i - 2].shape == SH_DIGIT || month_at(q, i - 2) ||
											(i >= 3 && month_at(q, i - 3) == 2)))
		return k;
	return 0;
}

/* Whether raw token s (as written) is ب/ك/ل, maybe after و/ف, then a hamza on or under alef (لأردوغان, وبإيران). */
static bool
prep_hamza(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		o = 0;

	if (len >= 2 && p[0] == 0xD9 && (p[1] == 0x88 || p[1] == 0x81))
		o = 2;					/* و ف */
	if (len < o + 4 ||
		!((p[o] == 0xD8 && p[o + 1] == 0xA8) || (p[o] == 0xD9 && (p[o + 1] == 0x83 || p[o + 1] == 0x84))))
		return false;
	return p[o + 2] == 0xD8 && (p[o + 3] == 0xA2 || p[o + 3] == 0xA3 || p[o + 3] == 0xA5);
}

/* Whether token i starts a user gazetteer row (user rows override the rules too). */
static bool
user_row_at(const ar_ner_seq *q, size_t i)
{
	return q->t[i].gaz && (q->t[i].gaz->flags & AR_GAZ_USER);
}

/* After labels were changed before token e: an entity that went on at e (an I- label) starts anew. */
static void
restart_at(int *labels, size_t n, size_t e)
{
	if (e < n && labels[e] != 0 && !AR_NER_IS_B(labels[e]))
		labels[e] = AR_NER_B(AR_NER_TYPE(labels[e]));
}

/* ---- the rules ---- */

/* Rule: a group of countries named by its size (مجموعة السبع) is an organisation, where the model saw nothing. */
static void
rule_group_of_countries(ar_ner_rule_ctx *c)
{
	const ar_ner_seq *q = c->q;
	int		   *labels = c->labels;
	size_t		n = q->n,
				i;

	for (i = 0; i < n; i++)
	{
		size_t		k = labels[i] == 0 ? group_of_n(q, i) : 0,
					j;

		for (j = 1; j < k && labels[i + j] == 0; j++)
			;
		if (k == 0 || j < k)
			continue;			/* the model tagged part of it: its call */
		/* all O before, so the next label is O or a B- (BIO-constrained decoding) */
		for (j = 0; j < k; j++)
		{
			labels[i + j] = j ? AR_NER_I(AR_NER_ORG) : AR_NER_B(AR_NER_ORG);
			c->conf[i + j] = 0.5f;
		}
		i += k - 1;
	}
}

/* Rule: user gazetteer rows override the model on their span (matched after tagging: never features). */
static void
rule_user_rows(ar_ner_rule_ctx *c)
{
	ar_ner_seq *q = c->q;
	int		   *labels = c->labels;
	size_t		n = q->n,
				i;

	if (ar_gaz_count(c->user) > 0)
		ar_ner_gaz_match(q, c->user, -1, false);
	for (i = 0; i < n; i++)
	{
		const tokinfo *t = &q->t[i];

		if (user_row_at(q, i))
		{
			size_t		j,
						k = t->gazlen;

			for (j = 0; j < k; j++)
			{
				labels[i + j] = j ? AR_NER_I(t->gaz->type) : AR_NER_B(t->gaz->type);
				c->conf[i + j] = 1.0f;
			}
			restart_at(labels, n, i + k);
			i += k - 1;
		}
	}
}

/*
 * The name words propagation looks for, indexed twice: by base hash (a word
 * with the same clitic-stripped base) and by the hash of the whole folded
 * form (a word whose proclitics stripped give it).  Each bucket chains its
 * keys in text order, so the first key of a chain that matches is the
 * earliest one.
 */
typedef struct prop_index
{
	size_t	   *keys;			/* token index of each name word, ascending */
	uint32_t   *fh;				/* fnv of each key's folded form */
	uint32_t   *head_b,			/* first key of each base-hash bucket (nk: none) */
			   *head_f,			/* first key of each form-hash bucket */
			   *next_b,			/* next key of the same base bucket */
			   *next_f;			/* next key of the same form bucket */
	size_t		nk;
	uint32_t	mask;
} prop_index;

/* Earliest key of the chain from k on within tokens [lo, hi) whose base equals token t's; nk when none. */
static size_t
prop_find_base(const ar_ner_seq *q, const prop_index *x, const tokinfo *t, size_t lo, size_t hi)
{
	size_t		k;

	for (k = x->head_b[t->hb & x->mask]; k < x->nk; k = x->next_b[k])
	{
		const tokinfo *u = &q->t[x->keys[k]];

		if (x->keys[k] < lo)
			continue;
		if (x->keys[k] >= hi)
			break;
		if (t->hb == u->hb && t->blen == u->blen &&
			memcmp(q->pool.data + t->boff, q->pool.data + u->boff, t->blen) == 0)
			return k;
	}
	return x->nk;
}

/* Earliest key within tokens [lo, hi) whose folded form is c[0..clen) (hash h); nk when none. */
static size_t
prop_find_form(const ar_ner_seq *q, const prop_index *x, const char *c, size_t clen, uint32_t h,
			   size_t lo, size_t hi)
{
	size_t		k;

	for (k = x->head_f[h & x->mask]; k < x->nk; k = x->next_f[k])
	{
		const tokinfo *u = &q->t[x->keys[k]];

		if (x->keys[k] < lo)
			continue;
		if (x->keys[k] >= hi)
			break;
		if (x->fh[k] == h && clen == u->len && memcmp(c, q->pool.data + u->off, u->len) == 0)
			return k;
	}
	return x->nk;
}

/*
 * Rule: a name the model found once is the same name elsewhere in the text.
 * An untagged word whose clitic-stripped base equals a one-word entity, or the
 * last word (surname) of a person's full name, gets that entity's label
 * (للافروف after سيرغي لافروف): the earliest such name within 16 *
 * MENTION_WINDOW tokens.  Only plain Arabic words of 3+ letters that are not
 * titles, heads or time words are considered.  The names are found through
 * prop_index, so a text costs the same whatever its number of names.
 */
static void
rule_propagation(ar_ner_rule_ctx *c)
{
	const ar_ner_seq *q = c->q;
	const ar_allocator *a = q->alloc;
	int		   *labels = c->labels;
	float	   *conf = c->conf;
	size_t		i,
				j,
				k,
				n = q->n,
				nb;
	prop_index	x;

	if (n == 0)
		return;
	x.keys = a->realloc_fn(a->ctx, NULL, n * sizeof(size_t));
	x.nk = 0;
	for (j = 0; j < n; j++)
	{
		size_t		e;
		int			ty;

		if (!AR_NER_IS_B(labels[j]))
			continue;
		ty = AR_NER_TYPE(labels[j]);
		for (e = j; e + 1 < n && labels[e + 1] == AR_NER_I(ty); e++)
			;
		if ((e == j || ty == AR_NER_PER) && q->t[e].shape == SH_ARABIC && q->t[e].blen >= 6)
			x.keys[x.nk++] = e;
	}
	if (x.nk == 0)
	{
		a->free_fn(a->ctx, x.keys);
		return;
	}
	for (nb = 8; nb < 2 * x.nk; nb *= 2)
		;
	x.mask = (uint32_t) (nb - 1);
	x.fh = a->realloc_fn(a->ctx, NULL, (4 * x.nk + 2 * nb) * sizeof(uint32_t));
	x.next_b = x.fh + x.nk;
	x.next_f = x.next_b + x.nk;
	x.head_b = x.next_f + x.nk;
	x.head_f = x.head_b + nb;
	for (k = 0; k < nb; k++)
		x.head_b[k] = x.head_f[k] = (uint32_t) x.nk;
	for (k = x.nk; k-- > 0;)
	{
		const tokinfo *u = &q->t[x.keys[k]];

		x.fh[k] = fnv(q->pool.data + u->off, u->len);
		x.next_b[k] = x.head_b[u->hb & x.mask];
		x.head_b[u->hb & x.mask] = (uint32_t) k;
		x.next_f[k] = x.head_f[x.fh[k] & x.mask];
		x.head_f[x.fh[k] & x.mask] = (uint32_t) k;
	}
	for (i = 0; i < n; i++)
	{
		const tokinfo *t = &q->t[i];
		char		cands[4][256];
		size_t		clens[4],
					nc,
					v,
					lo = i > 16 * MENTION_WINDOW ? i - 16 * MENTION_WINDOW : 0,
					hi = i + 16 * MENTION_WINDOW;

		if (labels[i] != 0 || t->shape != SH_ARABIC || t->lex != LEX_NONE || t->blen < 6)
			continue;
		k = prop_find_base(q, &x, t, lo, hi);
		/* ولافروف, للافروف: a proclitic glued to the bare name */
		nc = ar_ner_canon_candidates(q->pool.data + t->off, t->len, AR_NER_PER, cands, clens);
		for (v = 0; v < nc; v++)
		{
			size_t		kv = prop_find_form(q, &x, cands[v], clens[v], fnv(cands[v], clens[v]),
											lo, k < x.nk ? x.keys[k] : hi);

			if (kv < k)
				k = kv;
		}
		if (k < x.nk)
		{
			labels[i] = AR_NER_B(AR_NER_TYPE(labels[x.keys[k]]));
			conf[i] = conf[x.keys[k]] * 0.9f;
			/* a following I- of another entity cannot continue this one */
			restart_at(labels, n, i + 1);
		}
	}
	a->free_fn(a->ctx, x.fh);
	a->free_fn(a->ctx, x.keys);
}

/*
 * Rule: an untagged word that is a listed person's one-word name behind a
 * proclitic (لأوباما, وبلينكن: the curated row of the bare name, not a name
 * learned from training text) is that person; the model sees the match only
 * as a feature and misses rare glued forms.
 */
static void
rule_listed_glued_person(ar_ner_rule_ctx *c)
{
	const ar_ner_seq *q = c->q;
	size_t		i;

	for (i = 0; i < q->n; i++)
	{
		const tokinfo *t = &q->t[i];

		if (c->labels[i] != 0 || t->shape != SH_ARABIC || t->lex != LEX_NONE || t->blen < 6 ||
			t->gazf != 0 || t->gazb != AR_NER_B(AR_NER_PER) || t->gazlen != 1 || !t->gaz ||
			t->gaz->type != AR_NER_PER || t->gaz->nwords != 1 ||
			((t->gaz->flags & AR_GAZ_FOLDS) && !(t->gaz->flags & AR_GAZ_USER)))
			continue;
		c->labels[i] = AR_NER_B(AR_NER_PER);
		c->conf[i] = 0.5f;
		restart_at(c->labels, q->n, i + 1);
	}
}

/* Rule: a word written as a preposition before a hamza-initial word (لأردوغان) starts a person's name, never continues one. */
static void
rule_hamza_preposition(ar_ner_rule_ctx *c)
{
	size_t		i;

	for (i = 1; i < c->q->n; i++)
		if (c->labels[i] == AR_NER_I(AR_NER_PER) &&
			prep_hamza(c->text + c->toks[i].byte_start, c->toks[i].byte_len))
			c->labels[i] = AR_NER_B(AR_NER_PER);
}

/*
 * Rule: a month name in a date is no name (9 نيسان/أبريل 2024: not Nissan),
 * also after propagation from a mention elsewhere; user rows still win.
 */
static void
rule_month_in_date(ar_ner_rule_ctx *c)
{
	const ar_ner_seq *q = c->q;
	int		   *labels = c->labels;
	size_t		n = q->n,
				i;

	for (i = 0; i < n; i++)
	{
		size_t		k,
					j;

		if (!AR_NER_IS_B(labels[i]) || (k = month_in_date(q, i)) == 0 || user_row_at(q, i))
			continue;
		for (j = 0; j < k; j++)
			labels[i + j] = 0;
		/* an entity that went on after the month starts anew */
		restart_at(labels, n, i + k);
		i += k - 1;
	}
}

/*
 * Rule: a lone nationality adjective is not a person (مسؤول روسي): a person
 * entity whose only word (punctuation aside) is a demonym is dropped, unless
 * a user row made it.
 */
static void
rule_lone_demonym(ar_ner_rule_ctx *c)
{
	const ar_ner_seq *q = c->q;
	int		   *labels = c->labels;
	size_t		n = q->n,
				i = 0;

	while (i < n)
	{
		size_t		j,
					a,
					b;

		if (labels[i] == 0)
		{
			i++;
			continue;
		}
		j = ar_ner_run_end(labels, n, i);
		a = i;
		b = j;
		ar_ner_trim_punct(q, &a, &b);
		if (a == b && AR_NER_TYPE(labels[i]) == AR_NER_PER && !user_row_at(q, a) &&
			ar_ner_is_demonym(q->pool.data + q->t[a].boff, q->t[a].blen))
		{
			size_t		k;

			for (k = i; k <= j; k++)
				labels[k] = 0;
		}
		i = j + 1;
	}
}

/* ---- the table ---- */

const ar_ner_rule ar_ner_rules[] = {
	{"group_of_countries", rule_group_of_countries,
	"A group of countries named by its size (مجموعة السبع, مجموعة العشرين, مجموعة الـ77) is an organisation where the model tagged none of it."},
	{"user_rows", rule_user_rows,
	"User rows of the gazetteer override the model on their span."},
	{"propagation", rule_propagation,
	"An untagged word equal to a one-word entity or to a person's surname found elsewhere in the text gets that entity's label."},
	{"listed_glued_person", rule_listed_glued_person,
	"An untagged word that is a listed person's one-word name behind a proclitic (لأوباما) is that person."},
	{"hamza_preposition", rule_hamza_preposition,
	"A preposition glued to a hamza-initial word (لأردوغان) starts a person's name, never continues one."},
	{"month_in_date", rule_month_in_date,
	"A month name in a date (9 نيسان 2024, نيسان/أبريل) is no entity, unless a user row says so."},
	{"lone_demonym", rule_lone_demonym,
	"A person entity that is only a nationality adjective (مسؤول روسي) is dropped, unless a user row says so."},
	{NULL, NULL, NULL}
};

/* Run every rule of ar_ner_rules in order. */
void
ar_ner_apply_rules(ar_ner_rule_ctx *c)
{
	const ar_ner_rule *r;

	for (r = ar_ner_rules; r->name; r++)
		r->apply(c);
}
