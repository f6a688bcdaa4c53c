/*
 * ar_quotes.c
 *    Quotations (marked and reported speech) and their speakers.  See
 *    ar_quotes.h for the rules.
 */
#include <stdlib.h>
#include <string.h>

#include "ar_quotes.h"
#include "ar_lexseq.h"

/* Folded keys (ar_lexseq): ا for every alef, ي for ى, ه for ة, no diacritics. */
static const char *const speech_verbs[] = {"قال", "قالت", "يقول", "تقول", "قالوا", "اضاف",
	"اضافت", "يضيف", "تضيف", "اكد", "اكدت", "يؤكد", "صرح", "صرحت", "اعرب", "اعربت", "اوضح",
	"اوضحت", "تابع", "تابعت", "اعتبر", "اعتبرت", "راي", "رات", "يري", "ذكر", "ذكرت", "اشار",
	"اشارت", "اعلن", "اعلنت", "شدد", "شددت", "لفت", "لفتت", "افاد", "افادت", "كشف", "كشفت",
	"اكدوا", "اضافوا", "استطرد", "ختم", NULL};
static const char *const participles[] = {"قائلا", "قائله", "مؤكدا", "مؤكده", "مضيفا",
	"مضيفه", "مشيرا", "مشيره", "موضحا", "موضحه", "معتبرا", "معتبره", "لافتا", "مشددا",
	"معربا", "مردفا", NULL};
/* Feminine speech verbs and participles: a verb-only attribution in the feminine
 * does not go back to a speaker last introduced with a masculine verb. */
static const char *const feminine[] = {"قالت", "تقول", "اضافت", "تضيف", "اكدت", "صرحت",
	"اعربت", "اوضحت", "تابعت", "اعتبرت", "رات", "ذكرت", "اشارت", "اعلنت", "شددت", "لفتت",
	"افادت", "كشفت", "قائله", "مؤكده", "مضيفه", "مشيره", "موضحه", "معتبره", NULL};
/* Temporal words that can follow a verb but are never its subject (صرّح الأسبوع الماضي بأن). */
static const char *const temporal[] = {"الاسبوع", "الشهر", "العام", "السنه", "اليوم", "امس",
	"الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "صباح", "مساء",
	"ليله", "فجر", "ظهر", "عصر", "غدا", "الليله", "حاليا", "لاحقا", "سابقا", NULL};
/* "according to" + person: ووفقا للافروف، فإن … */
static const char *const according[] = {"وفقا", "بحسب", "حسب", "طبقا", NULL};
/* Verbs whose content may follow without إن/أن (وقال الوزير يستند …). */
static const char *const bare_verbs[] = {"قال", "قالت", "تابع", "تابعت", "اضاف", "اضافت", NULL};
static const char *const complementizers[] = {"ان", "انه", "انها", "انهم", "انهما", "انهن",
	"اننا", "انني", "انكم", "بان", "بانه", "بانها", "بانهم", "فان", NULL};
static const char *const titles[] = {"الرئيس", "رئيس", "الوزير", "وزير", "وزيره", "الوزيره",
	"نظيره", "نظيرته", "نائب", "المتحدث", "متحدث", "المتحدثه", "متحدثه", "الناطق", "ناطق",
	"السفير", "سفير", "المبعوث", "مبعوث", "الامين", "الملك", "الامير", "الشيخ", "السيد",
	"السيده", "الدكتور", "المستشار", "مستشار", "الجنرال", "العقيد", "اللواء", "الزعيم",
	"زعيم", "المدير", "مدير", "المعارض", "النائب", "المرشد", "القائد", "قائد", "المندوب",
	"مندوب", "الملكه", "المسؤول", "مسؤول", "مصدر", "المصدر", "الخبير", "خبير", "المحلل",
	"محلل", "الباحث", "الباحثه", "الكاتب", "الكاتبه", "الصحفي", "الصحفيه", "المدرب", "اللاعب",
	"المهندس", "المحامي", "القاضي", "العميد", "الفريق", "المشير", "الاستاذ", "البروفيسور",
	"الرئيسه", "المرشح", "المرشحه", "الناشط", "الناشطه", "الامين", NULL};
/* Titles naming an anonymous source: the noun phrase itself is the speaker. */
static const char *const anonymous[] = {"المتحدث", "متحدث", "المتحدثه", "متحدثه", "الناطق",
	"ناطق", "مصدر", "المصدر", "المسؤول", "مسؤول", NULL};
static const char *const stopwords[] = {"في", "من", "الي", "علي", "عن", "مع", "الذي", "التي",
	"الذين", "و", "ثم", "او", "بعد", "قبل", "خلال", "منذ", "حول", "بين", "لدي", "عند", "هذا",
	"هذه", "ذلك", "تلك", "كما", "لكن", "قد", "لم", "لن", "كان", "كانت", "ايضا", "امس", "اليوم",
	"حيث", "اذا", "انه", "هو", "هي", "هم", "نحن", "لا", "ما", "ان", "بان", "فان", "وان", "اي",
	"كل", "بعض", "غير", "امام", "لقد", "اول", "عبر", "ضد", "دون", "وفقا", "بحسب", "حسب", "له",
	"لها", "لهم", "به", "بها", "فيه", "فيها", "منه", "منها", "عليه", "عنه", "ايضا", NULL};
static const char *const prepositions[] = {"في", "خلال", "من", "عن", "علي", "امام", "ل",
	"للصحافيين", "للصحفيين", "لوكاله", "لقناه", "لصحيفه", "عقب", "اثناء", "بعد", "قبل",
	"مع", "الي", "امس", "اليوم", "،", NULL};

#define NOPERSON ((size_t) -1)

/* The word lists above, hashed once per call for constant-time membership. */
enum
{
	L_SPEECH, L_PART, L_BARE, L_COMP, L_TITLE, L_ANON, L_STOP, L_PREP, L_FEM, L_ACCORD, L_TIME,
	L_NLISTS
};
static const char *const *const lexicon_lists[L_NLISTS] = {speech_verbs, participles,
	bare_verbs, complementizers, titles, anonymous, stopwords, prepositions, feminine, according,
	temporal};

typedef struct qlex
{
	ar_keymap	m[L_NLISTS];
} qlex;

/* Hash the word lists. */
static void
qlex_init(qlex *lx, const ar_allocator *a)
{
	int			l;

	for (l = 0; l < L_NLISTS; l++)
	{
		const char *const *w;
		size_t		n = 0;

		for (w = lexicon_lists[l]; *w; w++)
			n++;
		ar_keymap_init(&lx->m[l], a, n);
		for (w = lexicon_lists[l]; *w; w++)
			*ar_keymap_slot(&lx->m[l], *w, true) = 1;
	}
}

/* Free the hashed lists. */
static void
qlex_free(qlex *lx)
{
	int			l;

	for (l = 0; l < L_NLISTS; l++)
		ar_keymap_free(&lx->m[l]);
}

/* A person mention over tokens [a, b). */
typedef struct mention
{
	size_t		a,
				b;
	size_t		canon;			/* mention whose text names this person */
	const char *head;			/* title head before it (key of a token), or NULL */
	const char *adj;			/* nationality adjective in that title, or NULL */
} mention;

typedef struct qctx
{
	const ar_lexseq *q;
	const qlex *lx;
	const ar_allocator *alloc;
	mention    *m;
	size_t		nm;
	size_t	   *person_at;		/* token -> mention index or NOPERSON */
	size_t	   *seg_of;			/* token -> quote segment index or NOPERSON */
	size_t	   *seg_a;			/* segment content [seg_a, seg_b) */
	size_t	   *seg_b;
	size_t	   *seg_end;		/* first token after the closing mark */
	bool	   *seg_used;
	size_t		nseg;
	int		   *mark;			/* 'O' open, 'C' close, 'T' toggle, 0 none */
	int		   *marklen;		/* tokens making the mark (quot; is 2) */
	char		last_gender;	/* 'm'/'f': verb form that introduced the last speaker, 0 unknown */
} qctx;

#define TOK(i)	(&c->q->v[i])

/* Backward scans (sentence context) look at most this many tokens. */
#define SCAN_LIMIT 400

/* key without one leading clitic letter و ف ب ل, or NULL. */
static const char *
strip_clitic(const char *key)
{
	if (strlen(key) > 6 && (strncmp(key, "و", 2) == 0 || strncmp(key, "ف", 2) == 0 ||
							strncmp(key, "ب", 2) == 0 || strncmp(key, "ل", 2) == 0))
		return key + 2;
	return NULL;
}

/* Allocate n zeroed elements of size sz. */
static void *
zalloc(const ar_allocator *a, size_t n, size_t sz)
{
	void	   *p = a->realloc_fn(a->ctx, NULL, n * sz + 1);

	memset(p, 0, n * sz + 1);
	return p;
}

/* Key of token i is one of list, a clitic from pre allowed. */
static bool
in_list(const ar_lexseq *q, size_t i, const char *const *list, const char *pre)
{
	int			k;

	if (i >= q->n || q->v[i].kind != AR_TOK_ARABIC)
		return false;
	for (k = 0; list[k]; k++)
		if (ar_lex_key_is(q->v[i].key, list[k], pre))
			return true;
	return false;
}

/* Key of token i is in hashed list l, or is one clitic letter from pre + a word of it. */
static bool
in_set(const qlex *lx, const ar_lexseq *q, size_t i, int l, const char *pre)
{
	const char *k;
	const char *p;

	if (i >= q->n || q->v[i].kind != AR_TOK_ARABIC || q->v[i].keylen == 255)
		return false;
	k = q->v[i].key;
	if (ar_keymap_slot((ar_keymap *) &lx->m[l], k, false))
		return true;
	if (q->v[i].keylen <= 2)
		return false;
	for (p = pre; p[0] && p[1]; p += 2)
		if (k[0] == p[0] && k[1] == p[1])
			return ar_keymap_slot((ar_keymap *) &lx->m[l], k + 2, false) != NULL;
	return false;
}

/* Token i is punctuation p. */
static bool
is_punct(const ar_lexseq *q, size_t i, const char *p)
{
	return i < q->n && q->v[i].kind == AR_TOK_PUNCT && strcmp(q->v[i].key, p) == 0;
}

/* Key starts with the article ال. */
static bool
has_article(const char *key)
{
	return strncmp(key, "ال", 4) == 0;
}

/* A word that can be part of a person's name. */
static bool
is_name_word(const qlex *lx, const ar_lexseq *q, size_t i)
{
	const char *k;

	if (i >= q->n || q->v[i].kind != AR_TOK_ARABIC || q->v[i].keylen < 4 || q->v[i].keylen == 255)
		return false;
	k = q->v[i].key;
	if (has_article(k) || strncmp(k, "ي", 2) == 0 || strncmp(k, "لل", 4) == 0 ||
		(q->v[i].keylen > 6 && has_article(k + 2) && strchr("\x88\x81\xa8\x83", k[1])) ||
		strcmp(k + q->v[i].keylen - 2, "ه") == 0)
		return false;
	if (in_list(q, i, (const char *const[]) {"قناه", "صحيفه", "وكاله", "وزاره", "تلفزيون",
				"اذاعه", "موقع", "بيان", "حيال", "تجاه", "لدي", NULL}, "لبو"))
		return false;
	return !in_set(lx, q, i, L_STOP, "") && !in_set(lx, q, i, L_SPEECH, "وف") &&
		!in_set(lx, q, i, L_PART, "و") && !in_set(lx, q, i, L_TITLE, "وبلف") &&
		!in_set(lx, q, i, L_COMP, "و");
}

/* A family name with the article ending in ي (الحربي، الصفدي) after a first name. */
static bool
is_nisba(const qlex *lx, const ar_lexseq *q, size_t i)
{
	const ar_lex *t = i < q->n ? &q->v[i] : NULL;

	return t && t->kind == AR_TOK_ARABIC && t->keylen >= 10 && t->keylen != 255 &&
		has_article(t->key) && strcmp(t->key + t->keylen - 2, "ي") == 0 &&
		!in_list(q, i, (const char *const[]) {"الثاني", "الحالي", "الماضي", "التالي", NULL}, "");
}

/* سارة القحطاني، فاطمة محمد: a first name ending in ة counts when a family name follows. */
static bool
feminine_first_name(const qlex *lx, const ar_lexseq *q, size_t i)
{
	const ar_lex *t = i < q->n ? &q->v[i] : NULL;

	if (!t || t->kind != AR_TOK_ARABIC || t->keylen < 6 || t->keylen == 255 ||
		strcmp(t->key + t->keylen - 2, "ه") != 0 || has_article(t->key) ||
		in_set(lx, q, i, L_STOP, "") || in_set(lx, q, i, L_TITLE, "وبلف"))
		return false;
	if (is_nisba(lx, q, i + 1))
		return true;
	/* فاطمة محمد إن …: a two-word name that ends there, not a noun phrase (إقامة مناطق حظر) */
	return is_name_word(lx, q, i + 1) && !is_name_word(lx, q, i + 2) && !is_nisba(lx, q, i + 2);
}

/* عبد الرحمن، أبو الغيط: an article word right after عبد / أبو / بن / بو belongs to the name. */
static bool
after_kunya(const ar_lexseq *q, size_t i)
{
	const char *p;

	if (i == 0 || i >= q->n || q->v[i].kind != AR_TOK_ARABIC || !has_article(q->v[i].key))
		return false;
	p = q->v[i - 1].key;
	return strcmp(p, "عبد") == 0 || strcmp(p, "ابو") == 0 || strcmp(p, "بن") == 0 ||
		strcmp(p, "بو") == 0 || strcmp(p, "ابن") == 0;
}

/* Sentence end at token i (outside quote marks): . ؟ ? ! or a line break before i. */
static bool
sentence_end(const ar_lexseq *q, size_t i)
{
	return i >= q->n || q->v[i].nl_before ||
		(q->v[i].kind == AR_TOK_PUNCT &&
		 (strcmp(q->v[i].key, ".") == 0 || strcmp(q->v[i].key, "؟") == 0 ||
		  strcmp(q->v[i].key, "?") == 0 || strcmp(q->v[i].key, "!") == 0));
}

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
static size_t
skip_title(const qlex *lx, const ar_lexseq *q, size_t i)
{
	size_t		j = i + 1;
	int			mods = 0;

	if (j < q->n && strcmp(q->v[j].key, "باسم") == 0)
	{
		j++;
		if (j < q->n && q->v[j].kind == AR_TOK_ARABIC && !has_article(q->v[j].key))
			j++;
	}
	while (j < q->n && q->v[j].kind == AR_TOK_ARABIC && has_article(q->v[j].key) && mods < 4 &&
		   !in_set(lx, q, j, L_TITLE, "") && !in_set(lx, q, j, L_STOP, ""))
	{
		j++;
		mods++;
		/* السفير الفرنسي لدى الأمم المتحدة فرنسوا ديلاتر */
		if (j + 1 < q->n && strcmp(q->v[j].key, "لدي") == 0 && has_article(q->v[j + 1].key))
		{
			j++;
			mods = 1;
		}
	}
	if (is_punct(q, j, "،") || is_punct(q, j, ","))
		j++;
	return j;
}

/* Token ranges (pairs) of guessed persons over q. */
static void
guess_ranges(const qlex *lx, const ar_lexseq *q, const ar_allocator *al, size_t **v, size_t *n)
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

		if (in_set(lx, q, i, L_TITLE, "وبلف") && !in_set(lx, q, i, L_ANON, "وبلف"))
		{
			j = skip_title(lx, q, i);
			for (e = j; e < j + 3 && (is_name_word(lx, q, e) || (e > j && is_nisba(lx, q, e)) ||
									(e > j && after_kunya(q, e)) ||
									(e == j && feminine_first_name(lx, q, e))) &&
				 !(e > j && strncmp(q->v[e].key, "و", 2) == 0); e++)
				;
			if (e > j)
			{
				push_range(al, v, n, &cap, j, e);
				i = e - 1;
				continue;
			}
		}
		if (in_set(lx, q, i, L_SPEECH, "وف") && is_name_word(lx, q, i + 1))
		{
			for (e = i + 1; e < i + 3 && (is_name_word(lx, q, e) || (e > i + 1 && is_nisba(lx, q, e))) &&
				 !(e > i + 1 && strncmp(q->v[e].key, "و", 2) == 0); e++)
				;
			push_range(al, v, n, &cap, i + 1, e);
			i = e - 1;
			continue;
		}
		/* تيلرسون قال … at the start of a sentence */
		if (is_name_word(lx, q, i) && in_set(lx, q, i + 1, L_SPEECH, "") &&
			(i == 0 || q->v[i].nl_before || sentence_end(q, i - 1)))
			push_range(al, v, n, &cap, i, i + 1);
	}
	/* later mentions of a known name word, clitics allowed (للافروف) */
	nfirst = *n;
	if (nfirst)
	{
		ar_keymap		names;
		bool	   *covered = zalloc(al, q->n + 1, sizeof(bool));

		ar_keymap_init(&names, al, nfirst / 2);
		for (k = 0; k < nfirst; k += 2)
		{
			size_t		t;

			*ar_keymap_slot(&names, q->v[(*v)[k + 1] - 1].key, true) = 1;
			for (t = (*v)[k]; t < (*v)[k + 1]; t++)
				covered[t] = true;
		}
		for (i = 0; i < q->n; i++)
		{
			const char *base;

			if (covered[i] || q->v[i].kind != AR_TOK_ARABIC)
				continue;
			if (ar_keymap_slot(&names, q->v[i].key, false) ||
				((base = strip_clitic(q->v[i].key)) && ar_keymap_slot(&names, base, false)))
				push_range(al, v, n, &cap, i, i + 1);
		}
		ar_keymap_free(&names);
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
	ar_lexseq_build(s, len, alloc, &q);
	qlex_init(&lex, alloc);
	guess_ranges(&lex, &q, alloc, &r, &n);
	qlex_free(&lex);
	if (n)
	{
		out->cap = n / 2;
		out->v = alloc->realloc_fn(alloc->ctx, NULL, out->cap * sizeof(ar_span));
		for (k = 0; k < n; k += 2)
		{
			out->v[out->n].char_start = q.v[r[k]].char_start;
			out->v[out->n].char_len = q.v[r[k + 1] - 1].char_start + q.v[r[k + 1] - 1].char_len -
				q.v[r[k]].char_start;
			out->n++;
		}
		alloc->free_fn(alloc->ctx, r);
	}
	ar_lexseq_free(&q);
}

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
		for (; t < c->seg_end[i] && t < c->q->n; t++)
			c->seg_of[t] = i;
	}
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
		if (in_set(c->lx, c->q, j - 1, L_TITLE, "وبلف"))
		{
			m->head = t->key;
			break;
		}
		if (!has_article(t->key) && strcmp(t->key, "باسم") != 0)
			break;
		if (!m->adj && t->keylen >= 8 && strcmp(t->key + t->keylen - 2, "ي") == 0)
			m->adj = t->key;
		j--;
		steps++;
	}
}

/* Same title head, ignoring the article and a clitic (الوزير = وزير = للوزير). */
static bool
same_head(const char *a, const char *b)
{
	if (has_article(a))
		a += 4;
	if (has_article(b))
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

/* First token whose end lies after code point cp (tokens are in order). */
static size_t
token_after(const ar_lexseq *q, size_t cp)
{
	size_t		lo = 0,
				hi = q->n;

	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (q->v[mid].char_start + q->v[mid].char_len <= cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Build mentions from person spans (code points) first, then from token ranges
 * (pairs) that overlap none of them, with canonical mentions and titles. */
static void
build_mentions(qctx *c, const ar_span *persons, size_t np, const size_t *ranges, size_t nr)
{
	size_t		k,
				t,
				j;
	ar_keymap	best;

	c->m = zalloc(c->alloc, np + nr ? np + nr : 1, sizeof(mention));
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

			a = b = token_after(c->q, persons[k].char_start);
			while (b < c->q->n && TOK(b)->char_start < s1)
				b++;
			if (persons[k].char_len == 0)
				continue;
			/* a title the tagger took into the name stays a title (الخبير عبد الله) */
			while (b - a > 1 && TOK(a)->kind == AR_TOK_ARABIC &&
				   in_set(c->lx, c->q, a, L_TITLE, "وبلف"))
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
			if (c->person_at[t] != NOPERSON)
				break;
		if (t < b)
		{
			/* a guessed name that contains one given span widens it (فرنسوا ديلاتر over ديلاتر) */
			size_t		o = c->person_at[t];

			if (k >= np && c->m[o].a >= a && c->m[o].b <= b)
			{
				for (j = a; j < b; j++)
					if (c->person_at[j] != NOPERSON && c->person_at[j] != o)
						break;
				if (j == b)
				{
					c->m[o].a = a;
					c->m[o].b = b;
					for (j = a; j < b; j++)
						c->person_at[j] = o;
				}
			}
			continue;			/* overlaps an earlier span */
		}
		c->m[c->nm].a = a;
		c->m[c->nm].b = b;
		for (t = a; t < b; t++)
			c->person_at[t] = c->nm;
		c->nm++;
	}
	qsort(c->m, c->nm, sizeof(mention), cmp_mention);
	for (k = 0; k < c->nm; k++)
	{
		for (t = c->m[k].a; t < c->m[k].b; t++)
			c->person_at[t] = k;
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
		size_t	   *slot = ar_keymap_slot(&best, TOK(c->m[k].b - 1)->key, true);

		if (*slot == NOPERSON || c->m[k].b - c->m[k].a > c->m[*slot].b - c->m[*slot].a)
			*slot = k;
	}
	for (k = 0; k < c->nm; k++)
	{
		const char *lk = TOK(c->m[k].b - 1)->key;
		const char *base = strip_clitic(lk);
		size_t	   *s1 = ar_keymap_slot(&best, lk, false);
		size_t	   *s2 = base ? ar_keymap_slot(&best, base, false) : NULL;

		c->m[k].canon = *s1;
		if (s2 && c->m[*s2].b - c->m[*s2].a > c->m[*s1].b - c->m[*s1].a)
			c->m[k].canon = *s2;
	}
	ar_keymap_free(&best);
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
	const char *head = TOK(i)->key;
	const char *adj = NULL;
	size_t		t,
				k,
				best = NOPERSON,
				end;
	int			pass;

	for (t = i + 1; t < e; t++)
		if (TOK(t)->keylen >= 8 && strcmp(TOK(t)->key + TOK(t)->keylen - 2, "ي") == 0)
			adj = TOK(t)->key;
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
			bool		hd = (mk->head && same_head(mk->head, head)) || (m->head && same_head(m->head, head));
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
		if (c->person_at[t] != NOPERSON)
			return c->person_at[t];
		if (sentence_end(c->q, t + 1) && c->seg_of[t] == NOPERSON)
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
		if (c->person_at[t] != NOPERSON)
			found = c->person_at[t];
		if (sentence_end(c->q, t + 1) && c->seg_of[t] == NOPERSON && t + 1 <= i)
		{
			if (t + 1 < c->q->n && TOK(t + 1)->nl_before)
				break;
			if (t < i && TOK(t)->kind == AR_TOK_PUNCT && sentence_end(c->q, t))
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
		if (TOK(t)->nl_before || (t > 0 && TOK(t - 1)->kind == AR_TOK_PUNCT && sentence_end(c->q, t - 1)))
			break;
		if (TOK(t - 1)->kind != AR_TOK_ARABIC || in_set(c->lx, c->q, t - 1, L_STOP, "و"))
			return false;
		t--;
	}
	if (t == i || !(t == 0 || TOK(t)->nl_before || sentence_end(c->q, t - 1)))
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
		x->speaker_byte_start = TOK(m->a)->byte_start;
		x->speaker_byte_len = TOK(m->b - 1)->byte_start + TOK(m->b - 1)->byte_len - x->speaker_byte_start;
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

	if (a < c->q->n && c->mark[a] && c->seg_of[a] != NOPERSON)
	{
		size_t		s = c->seg_of[a];

		c->seg_used[s] = true;
		push_quote(c, out, c->seg_a[s], c->seg_b[s], sp);
		return c->seg_end[s];
	}
	for (e = a; e < c->q->n; e++)
	{
		if (e > a && (TOK(e)->nl_before || (c->seg_of[e] == NOPERSON && sentence_end(c->q, e))))
			break;
		if (c->seg_of[e] != NOPERSON)
			c->seg_used[c->seg_of[e]] = true;
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
	char		g = in_set(c->lx, c->q, i, L_FEM, "وف") ? 'f' : 'm';

	if (c->last_gender && c->last_gender != g)
		return NOPERSON;
	return last;
}

/* ووفقا للافروف، فإن …: a person after "according to" speaks the clause after فإن. */
static size_t
according_to(qctx *c, ar_quote_list *out, size_t i, size_t *last)
{
	speaker		sp = {NOPERSON, 0, 0};

	if (i + 1 >= c->q->n || c->person_at[i + 1] == NOPERSON)
		return i + 1;
	sp.mention = c->person_at[i + 1];
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
		for (t = i; sp.mention == NOPERSON && t > 0 && i - t < SCAN_LIMIT && !sentence_end(c->q, t); t--)
			if (in_set(c->lx, c->q, t - 1, L_SPEECH, "وف"))
				sp.mention = last_speaker(c, i, *last);
	}
	else
	{
		if (is_punct(c->q, k, "،") && !c->mark[k])
			k++;
		if (k < c->q->n && c->person_at[k] != NOPERSON)
		{
			sp.mention = c->person_at[k];
			k = c->m[sp.mention].b;
			subject = true;
		}
		else if (in_set(c->lx, c->q, k, L_TITLE, "و") && c->person_at[skip_title(c->lx, c->q, k)] != NOPERSON &&
				 !in_set(c->lx, c->q, k, L_ANON, "و"))
		{
			/* وزير الخارجية الروسي سيرغي لافروف */
			sp.mention = c->person_at[skip_title(c->lx, c->q, k)];
			k = c->m[sp.mention].b;
			subject = true;
		}
		else if (in_set(c->lx, c->q, k, L_TITLE, "و"))
		{
			size_t		e = skip_title(c->lx, c->q, k);

			if (e > k + 1 && (is_punct(c->q, e - 1, "،") || is_punct(c->q, e - 1, ",")))
				e--;
			if (in_set(c->lx, c->q, k, L_ANON, "و"))
			{
				/* مصدر حكومي، مسؤول أمريكي: indefinite adjectives belong to the source */
				while (e == k + 1 && e < c->q->n && TOK(e)->kind == AR_TOK_ARABIC &&
					   TOK(e)->keylen >= 6 && TOK(e)->keylen != 255 &&
					   strcmp(TOK(e)->key + TOK(e)->keylen - 2, "ي") == 0 &&
					   !in_set(c->lx, c->q, e, L_STOP, ""))
					e++;
				sp.a = k;
				sp.b = e;
			}
			else if ((sp.mention = resolve_role(c, k, e)) == NOPERSON)
			{
				/* a role nobody held before (رئيس اللجنة المنظمة): the role as written */
				while (e < c->q->n && e < k + 5 && TOK(e)->kind == AR_TOK_ARABIC &&
					   has_article(TOK(e)->key) && !in_set(c->lx, c->q, e, L_STOP, ""))
					e++;
				sp.a = k;
				sp.b = e;
			}
			k = e;
			subject = true;
		}
		else if (k < c->q->n && TOK(k)->kind == AR_TOK_ARABIC && !in_set(c->lx, c->q, k, L_PREP, "") &&
				 !in_set(c->lx, c->q, k, L_COMP, "") && !in_set(c->lx, c->q, k, L_TIME, "و") &&
				 (has_article(TOK(k)->key) ||
				  in_list(c->q, k, (const char *const[]) {"صحيفه", "وكاله", "وزاره", "مصادر", NULL}, "")))
		{
			/* another noun phrase as subject: وقالت الوزارة، وقالت صحيفة … */
			size_t		e = k;

			while (e < k + 5 && e < c->q->n && TOK(e)->kind == AR_TOK_ARABIC &&
				   !in_set(c->lx, c->q, e, L_COMP, "") && !in_set(c->lx, c->q, e, L_PREP, ""))
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
		if (t > k && c->seg_of[t] == NOPERSON && sentence_end(c->q, t))
			break;
		if (c->mark[t] && c->seg_of[t] != NOPERSON && c->seg_a[c->seg_of[t]] == t + c->marklen[t])
			break;
		if (is_punct(c->q, t, ":"))
			break;
		if (in_set(c->lx, c->q, t, L_COMP, "و"))
			break;
		if (in_set(c->lx, c->q, t, L_SPEECH, "وف"))
			return t;			/* another attribution starts before any content */
	}
	if (t >= c->q->n || (t > k && c->seg_of[t] == NOPERSON && sentence_end(c->q, t)) || t == k + 10)
	{
		/* وقال الوزير يستند …: content right after the subject */
		if (subject && in_set(c->lx, c->q, i, L_BARE, "وف") && k < c->q->n &&
			TOK(k)->kind == AR_TOK_ARABIC && !in_set(c->lx, c->q, k, L_PREP, "") &&
			!in_set(c->lx, c->q, k, L_STOP, ""))
			t = k;
		else
			return k > i ? k : i + 1;
	}
	else if (is_punct(c->q, t, ":"))
	{
		t++;
		if (in_list(c->q, t, (const char *const[]) {"ان", NULL}, ""))
			t++;
	}
	else if (!c->mark[t] && in_list(c->q, t, (const char *const[]) {"ان", "بان", "فان", NULL}, "و"))
		t++;
	if (sp->mention != NOPERSON)
	{
		if (subject)
			c->last_gender = in_set(c->lx, c->q, i, L_FEM, "وف") ? 'f' : 'm';
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
quotes_find(const char *s, size_t len, const ar_span *persons, size_t npersons, bool guess,
			const ar_allocator *alloc, ar_quote_list *out)
{
	ar_lexseq	q;
	qlex		lex;
	qctx		cx;
	qctx	   *c = &cx;
	size_t		i,
				n,
				steps = 0,
				last = NOPERSON;

	out->v = NULL;
	out->n = out->cap = 0;
	out->alloc = alloc;
	ar_lexseq_build(s, len, alloc, &q);
	n = q.n;
	memset(c, 0, sizeof(*c));
	c->q = &q;
	qlex_init(&lex, alloc);
	c->lx = &lex;
	c->alloc = alloc;
	c->person_at = zalloc(alloc, n + 1, sizeof(size_t));
	c->seg_of = zalloc(alloc, n + 1, sizeof(size_t));
	for (i = 0; i <= n; i++)
		c->person_at[i] = c->seg_of[i] = NOPERSON;
	c->seg_a = zalloc(alloc, n + 1, sizeof(size_t));
	c->seg_b = zalloc(alloc, n + 1, sizeof(size_t));
	c->seg_end = zalloc(alloc, n + 1, sizeof(size_t));
	c->seg_used = zalloc(alloc, n + 1, sizeof(bool));
	c->mark = zalloc(alloc, n + 1, sizeof(int));
	c->marklen = zalloc(alloc, n + 1, sizeof(int));
	if (guess)
	{
		/* guessed persons come as token ranges over this very sequence */
		size_t	   *ranges,
					nr;

		guess_ranges(c->lx, &q, alloc, &ranges, &nr);
		build_mentions(c, persons, npersons, ranges, nr / 2);
		if (ranges)
			alloc->free_fn(alloc->ctx, ranges);
	}
	else
		build_mentions(c, persons, npersons, NULL, 0);
	find_marks(c);
	pair_marks(c);
	for (i = 0; i < n;)
	{
		bool		part = (AR_CHECK_INTERRUPTS(alloc, ++steps), in_set(c->lx, &q, i, L_PART, "و"));

		if ((part || in_set(c->lx, &q, i, L_SPEECH, "وف")) && c->seg_of[i] == NOPERSON)
		{
			size_t		e = attribution(c, out, i, part, &last);

			i = e > i ? e : i + 1;
			continue;
		}
		if (in_set(c->lx, &q, i, L_ACCORD, "و") && c->seg_of[i] == NOPERSON)
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
	alloc->free_fn(alloc->ctx, c->seg_of);
	alloc->free_fn(alloc->ctx, c->seg_a);
	alloc->free_fn(alloc->ctx, c->seg_b);
	alloc->free_fn(alloc->ctx, c->seg_end);
	alloc->free_fn(alloc->ctx, c->seg_used);
	alloc->free_fn(alloc->ctx, c->mark);
	alloc->free_fn(alloc->ctx, c->marklen);
	qlex_free(&lex);
	ar_lexseq_free(&q);
}

/* Find the quotations of s[0..len) in text order (see ar_quotes.h). */
void
ar_quotes_find(const char *s, size_t len, const ar_span *persons, size_t npersons,
			   const ar_allocator *alloc, ar_quote_list *out)
{
	if (persons == NULL)
		quotes_find(s, len, NULL, 0, true, alloc, out);
	else
		quotes_find(s, len, persons, npersons, false, alloc, out);
}

/* Quotations with tagger PERSON spans completed by guessed persons (see ar_quotes.h). */
void
ar_quotes_find_tagged(const char *s, size_t len, const ar_span *persons, size_t npersons,
					  const ar_allocator *alloc, ar_quote_list *out)
{
	quotes_find(s, len, persons, npersons, true, alloc, out);
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
