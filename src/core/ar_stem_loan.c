/*
 * ar_stem_loan.c
 *    Loanword and foreign-name spelling variants (see ar_stem_loan.h).
 *
 * The fold was chosen on one half of the name-variant pairs of
 * test/eval/loan_eval.py (pairs of Arabic spellings of one Latin name token)
 * and is reported on the other half; dropping every inner long vowel or
 * also merging ز/س, ط/ت, ق/ك found more variants but conflated many more
 * different names, so only the inner ي (the commonest optional vowel letter:
 * كلينتون / كلنتون, تيلرسون / تيليرسون) and غ/ج (g) are folded.
 */
#include <string.h>

#include "ar_stem_internal.h"
#include "ar_stem_loan.h"

#define GHAIN	0x063A
#define JEEM	0x062C

/* The Arabic letter for a letter of Persian or Maghrebi spelling, or 0. */
cp16
ar_loan_letter(uint32_t c)
{
	switch (c)
	{
		case 0x06A4:			/* ڤ ve */
		case 0x06A5:			/* ڥ ve (Maghrebi) */
			return FEH;
		case 0x067E:			/* پ pe */
			return BEH;
		case 0x06AF:			/* گ gaf */
		case 0x06A8:			/* ڨ qaf with three dots (Maghrebi g) */
		case 0x06B3:			/* ڳ gueh */
			return GHAIN;
		case 0x0686:			/* چ tcheh: news writes ch as ج or تش; ج keeps one letter */
		case 0x0698:			/* ژ jeh */
			return JEEM;
		default:
			return 0;
	}
}

/* A loanword written two ways: stems starting with from[] start with to[] instead. */
struct ar_loan_spelling
{
	cp16		from[AR_LOAN_MAX_SPELLING];
	cp16		to[AR_LOAN_MAX_SPELLING];
	int8_t		nfrom,
				nto;
};

/* Add a listed prefix spelling (see ar_stem_loan.h). */
bool
ar_loan_add_spelling(ar_stemmer *st, const cp16 *from, int nfrom, const cp16 *to, int nto)
{
	struct ar_loan_spelling *l;

	if (nfrom < AR_LOAN_MIN_SPELLING || nfrom > AR_LOAN_MAX_SPELLING || nto < 2 || nto > AR_LOAN_MAX_SPELLING)
		return false;
	if ((st->nspellings & (st->nspellings - 1)) == 0)	/* 0, 1, 2, 4, ...: grow */
		st->spellings = st->alloc->realloc_fn(st->alloc->ctx, st->spellings,
											  sizeof(*l) * (size_t) (st->nspellings ? st->nspellings * 2 : 1));
	l = &st->spellings[st->nspellings++];
	memcpy(l->from, from, (size_t) nfrom * sizeof(cp16));
	memcpy(l->to, to, (size_t) nto * sizeof(cp16));
	l->nfrom = (int8_t) nfrom;
	l->nto = (int8_t) nto;
	st->spelling_first |= UINT64_C(1) << (from[0] - HAMZA);
	return true;
}

/* s[0..n) with a listed second spelling at its start rewritten, into out; new length or -1. */
static int
rewrite_spelling(const ar_stemmer *st, const cp16 *s, int n, cp16 *out)
{
	for (int i = 0; i < st->nspellings; i++)
	{
		const struct ar_loan_spelling *l = &st->spellings[i];

		if (n >= l->nfrom && s[0] == l->from[0] && n - l->nfrom + l->nto <= AR_STEM_MAXCP &&
			memcmp(s, l->from, l->nfrom * sizeof(cp16)) == 0)
		{
			memcpy(out, l->to, l->nto * sizeof(cp16));
			memcpy(out + l->nto, s + l->nfrom, (n - l->nfrom) * sizeof(cp16));
			return n - l->nfrom + l->nto;
		}
	}
	return -1;
}

/* Is w[0..n) an attested word (lexicon, protected or plural list)? */
static bool
attested_word(const ar_stemmer *st, const cp16 *w, int n)
{
	const entry *e = stem_lookup(st, w, n);

	if (e && (e->flags & (F_PROT | F_PLUR | F_STOP)))
		return true;
	return st->lex && ar_lexicon_get(st->lex, w, n) != 0;
}

/*
 * Variant-folding stem of the unattested stem s[0..n) into out; returns its
 * length, or -1 when the fold leaves it as it is.  غ -> ج only in long words
 * or words with a letter of Persian spelling: in short unknown words (verbs:
 * تغيرت, رغبت) غ is Arabic.
 */
static int
fold_unattested(const cp16 *s, int n, bool foreign, cp16 *out)
{
	bool		g = foreign || n >= AR_LOAN_MIN_KEY,
				changed = false;
	int			i,
				k = 0,
				inner_yeh = 0;

	for (i = 0; i < n; i++)
	{
		if (s[i] == GHAIN && g)
			changed = true;
		else if (s[i] == YEH && i > 0 && i < n - 1)
			inner_yeh++;
	}
	if (n - inner_yeh < AR_LOAN_MIN_KEY)
		inner_yeh = 0;			/* too short once the ي are gone: keep them */
	if (!changed && inner_yeh == 0)
		return -1;
	for (i = 0; i < n; i++)
	{
		if (inner_yeh && s[i] == YEH && i > 0 && i < n - 1)
			continue;
		out[k++] = s[i] == GHAIN && g ? JEEM : s[i];
	}
	return k;
}

/* The loanword stem of s[0..n), if it is a loanword variant (see ar_stem_loan.h). */
int
ar_loan_stem(const ar_stemmer *st, const cp16 *s, int n, ar_stem_rule rule, bool attested,
			 bool foreign, cp16 *out)
{
	cp16		re[AR_STEM_MAXCP];
	int			k = rewrite_spelling(st, s, n, re);

	if (k >= 0)
	{
		/* the listed spelling, folded too when the lexicon does not know it (تليفزيوني) */
		int			f = st->lex && !ar_lexicon_get(st->lex, re, k) ? fold_unattested(re, k, foreign, out) : -1;

		if (f < 0 || attested_word(st, out, f))
		{
			memcpy(out, re, k * sizeof(cp16));
			return k;
		}
		return f;
	}
	/* the lexicon or the plural list knows it; a protected word alone is mostly a name (كلينتون) */
	if (n < 4 || (rule != AR_RULE_LIGHT && rule != AR_RULE_LIST))
		return -1;
	k = fold_unattested(s, n, foreign, out);
	if (k < 0 || (rule == AR_RULE_LIST ? st->lex && ar_lexicon_get(st->lex, s, n) : attested) ||
		attested_word(st, out, k))
		return -1;
	return k;
}

/* Turn loanword folding on or off (see ar_stem.h). */
void
ar_stemmer_set_loanwords(ar_stemmer *st, bool on)
{
	st->loan = on;
}
