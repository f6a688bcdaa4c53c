/*
 * ar_stem_loan.h
 *    Loanword and foreign-name spelling variants for the stemmer (option
 *    LoanwordFolding of the ar_stem dictionary); private to the stemmer's files.
 *
 * Foreign names and loanwords reach Arabic text in several spellings
 * (كلنتون / كلينتون, سيرغي / سيرجي, ديمقراطية / ديموقراطية, ڤ / ف).  Three
 * steps, each applied identically to documents and queries:
 *   - letters of Persian and Maghrebi spelling (ڤ پ گ ڨ چ ژ) become the
 *     Arabic letters news writes for them, so such words are stemmed at all;
 *   - attested loanwords written two ways, listed as prefix lines "FROM* TO*"
 *     of the plurals list (ديموقراط* ديمقراط*, تليفزيون* تلفزيون*), are
 *     rewritten to one spelling;
 *   - a word the lexicon does not know (the stem came from the light rules
 *     alone, or only the protected list has it: كلينتون) gets a
 *     variant-folding stem: غ becomes ج (in words of AR_LOAN_MIN_KEY letters
 *     or more, or with a letter of Persian spelling) and, when at least
 *     AR_LOAN_MIN_KEY letters are left, the ي inside the word (not its first
 *     or last letter) is dropped (كلينتون, كلنتون -> كلنتون).
 * A folded stem that is itself an attested word is not used, so an ordinary
 * word never meets a foreign one through the fold.
 */
#ifndef AR_STEM_LOAN_H
#define AR_STEM_LOAN_H

#include <stdbool.h>

#include "ar_letters.h"
#include "ar_stem.h"
#include "ar_stem_internal.h"

/* Fewest letters of a stem whose غ is folded, and of a stem left once its inner ي are dropped. */
#define AR_LOAN_MIN_KEY 6

/* The Arabic letter for a letter of Persian or Maghrebi spelling (ڤ -> ف), or 0. */
extern cp16 ar_loan_letter(uint32_t c);

/* Fewest letters of a listed second spelling (FROM of a "FROM* TO*" line): shorter stems are never rewritten. */
#define AR_LOAN_MIN_SPELLING 6

/* Most letters of either side of a listed spelling. */
#define AR_LOAN_MAX_SPELLING 16

/*
 * Add the prefix spelling from[0..nfrom) -> to[0..nto) (normalized letters);
 * false when a side is too short or too long (see AR_LOAN_MIN_SPELLING).
 */
extern bool ar_loan_add_spelling(ar_stemmer *st, const cp16 *from, int nfrom, const cp16 *to, int nto);

/*
 * May ar_loan_stem() change the stem s[0..n) made by rule?  A cheap test,
 * inline, so that most words (attested, short) pay only this.
 */
static inline bool
ar_loan_candidate(const ar_stemmer *st, const cp16 *s, int n, ar_stem_rule rule, bool foreign)
{
	if (foreign)
		return n >= 4;
	if (n < AR_LOAN_MIN_SPELLING && n < AR_LOAN_MIN_KEY)
		return false;
	return rule == AR_RULE_LIGHT || rule == AR_RULE_LIST ||
		(s[0] >= HAMZA && s[0] < HAMZA + NLETTERS && (st->spelling_first >> (s[0] - HAMZA)) & 1);
}

/*
 * The loanword stem of the stem s[0..n) (made by rule; attested: the
 * lexicon confirms it; foreign: the word had a letter of Persian spelling)
 * into out (AR_STEM_MAXCP code points) if it is a
 * loanword variant: a listed spelling, or a word the lexicon does not know
 * (the light rules' stem, or a protected word alone) that folds; returns its
 * length, or -1 when s stays.
 */
extern int	ar_loan_stem(const ar_stemmer *st, const cp16 *s, int n, ar_stem_rule rule,
						 bool attested, bool foreign, cp16 *out);

#endif							/* AR_STEM_LOAN_H */
