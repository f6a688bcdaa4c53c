/*
 * ar_quotes_lex.c
 *    Word lists of the quotation finder (speech verbs, participles, titles,
 *    stop words ...), hashed once per call, and the token predicates built on
 *    them.  See ar_quotes.h for the rules.
 */
#include <string.h>

#include "ar_quotes_internal.h"

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

static const char *const *const lexicon_lists[L_NLISTS] = {speech_verbs, participles,
	bare_verbs, complementizers, titles, anonymous, stopwords, prepositions, feminine, according,
	temporal};

/* Bytes per chunk of an arena of key copies. */
#define ARENA_CHUNK 16384

/* A copy of key valid until arq_arena_free. */
const char *
arq_keep(arq_arena *a, const char *key)
{
	size_t		l = strlen(key) + 1;
	char	   *p;

	if (a->n == 0 || a->used + l > ARENA_CHUNK)
	{
		a->chunks = a->alloc->realloc_fn(a->alloc->ctx, a->chunks, (a->n + 1) * sizeof(char *));
		a->chunks[a->n++] = a->alloc->realloc_fn(a->alloc->ctx, NULL, ARENA_CHUNK > l ? ARENA_CHUNK : l);
		a->used = 0;
	}
	p = a->chunks[a->n - 1] + a->used;
	memcpy(p, key, l);
	a->used += l;
	return p;
}

/* Free the copies. */
void
arq_arena_free(arq_arena *a)
{
	size_t		k;

	for (k = 0; k < a->n; k++)
		a->alloc->free_fn(a->alloc->ctx, a->chunks[k]);
	if (a->chunks)
		a->alloc->free_fn(a->alloc->ctx, a->chunks);
	a->chunks = NULL;
	a->n = 0;
}

/* Hash the word lists. */
void
arq_qlex_init(qlex *lx, const ar_allocator *a)
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
void
arq_qlex_free(qlex *lx)
{
	int			l;

	for (l = 0; l < L_NLISTS; l++)
		ar_keymap_free(&lx->m[l]);
}

/* key without one leading clitic letter و ف ب ل, or NULL. */
const char *
arq_strip_clitic(const char *key)
{
	if (strlen(key) > 6 && (strncmp(key, "و", 2) == 0 || strncmp(key, "ف", 2) == 0 ||
							strncmp(key, "ب", 2) == 0 || strncmp(key, "ل", 2) == 0))
		return key + 2;
	return NULL;
}

/* Allocate n zeroed elements of size sz. */
void *
arq_zalloc(const ar_allocator *a, size_t n, size_t sz)
{
	void	   *p = a->realloc_fn(a->ctx, NULL, n * sz + 1);

	memset(p, 0, n * sz + 1);
	return p;
}

/* Key of token i is one of list, a clitic from pre allowed. */
bool
arq_in_list(const ar_lexseq *q, size_t i, const char *const *list, const char *pre)
{
	int			k;
	const ar_lex *t;

	if (i >= q->n || (t = ar_lex_at(q, i))->kind != AR_TOK_ARABIC)
		return false;
	for (k = 0; list[k]; k++)
		if (ar_lex_key_is(t->key, list[k], pre))
			return true;
	return false;
}

/* Key of token i is in hashed list l, or is one clitic letter from pre + a word of it. */
bool
arq_in_set(const qlex *lx, const ar_lexseq *q, size_t i, int l, const char *pre)
{
	const char *k;
	const char *p;
	const ar_lex *t;

	if (i >= q->n || (t = ar_lex_at(q, i))->kind != AR_TOK_ARABIC || t->keylen == 255)
		return false;
	k = t->key;
	if (ar_keymap_slot((ar_keymap *) &lx->m[l], k, false))
		return true;
	if (t->keylen <= 2)
		return false;
	for (p = pre; p[0] && p[1]; p += 2)
		if (k[0] == p[0] && k[1] == p[1])
			return ar_keymap_slot((ar_keymap *) &lx->m[l], k + 2, false) != NULL;
	return false;
}

/* Token i is punctuation p. */
bool
arq_is_punct(const ar_lexseq *q, size_t i, const char *p)
{
	const ar_lex *t;

	return i < q->n && (t = ar_lex_at(q, i))->kind == AR_TOK_PUNCT && strcmp(t->key, p) == 0;
}

/* Key starts with the article ال. */
bool
arq_has_article(const char *key)
{
	return strncmp(key, "ال", 4) == 0;
}

/* A word that can be part of a person's name. */
bool
arq_is_name_word(const qlex *lx, const ar_lexseq *q, size_t i)
{
	const char *k;

	if (i >= q->n || ar_lex_at(q, i)->kind != AR_TOK_ARABIC || ar_lex_at(q, i)->keylen < 4 || ar_lex_at(q, i)->keylen == 255)
		return false;
	k = ar_lex_at(q, i)->key;
	if (arq_has_article(k) || strncmp(k, "ي", 2) == 0 || strncmp(k, "لل", 4) == 0 ||
		(ar_lex_at(q, i)->keylen > 6 && arq_has_article(k + 2) && strchr("\x88\x81\xa8\x83", k[1])) ||
		strcmp(k + ar_lex_at(q, i)->keylen - 2, "ه") == 0)
		return false;
	if (arq_in_list(q, i, (const char *const[]) {"قناه", "صحيفه", "وكاله", "وزاره", "تلفزيون",
				"اذاعه", "موقع", "بيان", "حيال", "تجاه", "لدي", NULL}, "لبو"))
		return false;
	return !arq_in_set(lx, q, i, L_STOP, "") && !arq_in_set(lx, q, i, L_SPEECH, "وف") &&
		!arq_in_set(lx, q, i, L_PART, "و") && !arq_in_set(lx, q, i, L_TITLE, "وبلف") &&
		!arq_in_set(lx, q, i, L_COMP, "و");
}

/* A family name with the article ending in ي (الحربي، الصفدي) after a first name. */
bool
arq_is_nisba(const qlex *lx, const ar_lexseq *q, size_t i)
{
	const ar_lex *t = i < q->n ? ar_lex_at(q, i) : NULL;

	return t && t->kind == AR_TOK_ARABIC && t->keylen >= 10 && t->keylen != 255 &&
		arq_has_article(t->key) && strcmp(t->key + t->keylen - 2, "ي") == 0 &&
		!arq_in_list(q, i, (const char *const[]) {"الثاني", "الحالي", "الماضي", "التالي", NULL}, "");
}

/* سارة القحطاني، فاطمة محمد: a first name ending in ة counts when a family name follows. */
bool
arq_feminine_first_name(const qlex *lx, const ar_lexseq *q, size_t i)
{
	const ar_lex *t = i < q->n ? ar_lex_at(q, i) : NULL;

	if (!t || t->kind != AR_TOK_ARABIC || t->keylen < 6 || t->keylen == 255 ||
		strcmp(t->key + t->keylen - 2, "ه") != 0 || arq_has_article(t->key) ||
		arq_in_set(lx, q, i, L_STOP, "") || arq_in_set(lx, q, i, L_TITLE, "وبلف"))
		return false;
	if (arq_is_nisba(lx, q, i + 1))
		return true;
	/* فاطمة محمد إن …: a two-word name that ends there, not a noun phrase (إقامة مناطق حظر) */
	return arq_is_name_word(lx, q, i + 1) && !arq_is_name_word(lx, q, i + 2) && !arq_is_nisba(lx, q, i + 2);
}

/* عبد الرحمن، أبو الغيط: an article word right after عبد / أبو / بن / بو belongs to the name. */
bool
arq_after_kunya(const ar_lexseq *q, size_t i)
{
	const char *p;

	if (i == 0 || i >= q->n || ar_lex_at(q, i)->kind != AR_TOK_ARABIC || !arq_has_article(ar_lex_at(q, i)->key))
		return false;
	p = ar_lex_at(q, i - 1)->key;
	return strcmp(p, "عبد") == 0 || strcmp(p, "ابو") == 0 || strcmp(p, "بن") == 0 ||
		strcmp(p, "بو") == 0 || strcmp(p, "ابن") == 0;
}

/* Sentence end at token i (outside quote marks): . ؟ ? ! or a line break before i. */
bool
arq_sentence_end(const ar_lexseq *q, size_t i)
{
	const ar_lex *t;

	return i >= q->n || (t = ar_lex_at(q, i))->nl_before ||
		(t->kind == AR_TOK_PUNCT &&
		 (strcmp(t->key, ".") == 0 || strcmp(t->key, "؟") == 0 ||
		  strcmp(t->key, "?") == 0 || strcmp(t->key, "!") == 0));
}
