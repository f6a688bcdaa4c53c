/*
 * ar_stem_patterns.h
 *    Morphology with evidence for the stemmer: broken-plural patterns and
 *    sound endings (ات ون ين ان ة ية) undone only when the lexicon attests
 *    the word they leave (see ar_lexicon.h).
 */
#ifndef AR_STEM_PATTERNS_H
#define AR_STEM_PATTERNS_H

#include "ar_lexicon.h"

/* How an evidence-based reduction was found. */
#define AR_MORPH_LEXICON	1	/* the stem is attested as is, or after an ending the lexicon allows */
#define AR_MORPH_PATTERN	2	/* a broken-plural pattern gave an attested singular */

/*
 * Templates in ASCII stand-ins (see ar_stem_patterns.c): digits 1-4 are
 * radicals, A w y ' h m t s n letters.  ar_pattern_match() binds rad[1..4]
 * (rad has 5 slots) when w[0..n) fits t, which has n characters (a radical
 * is never ة, and ا only in slot 1); ar_pattern_fill() writes t, after its
 * optional condition (~ hollow, = doubled, ^ first radical ا), with the
 * radicals to out and returns the length, 0 when the condition fails.
 */
extern bool ar_pattern_match(const char *t, const cp16 *w, int n, cp16 *rad);
extern int	ar_pattern_fill(const char *t, const cp16 *rad, cp16 *out);

/*
 * Singular of the broken plural w[0..n): written to out (room for n + 1
 * code points), its length returned; 0 when w is not listed bare in the
 * lexicon or no pattern gives a singular the lexicon attests.
 */
extern int	ar_broken_plural_singular(const ar_lexicon *lx, const cp16 *w, int n, cp16 *out);

/*
 * Reduce the endings of s[0..n) (a word without proclitics or pronoun
 * enclitics) with the lexicon as evidence: the attested word itself (a
 * broken plural becomes its singular, a nisba ية becomes ي), X+ات -> X+ة or
 * X (masculine nouns: برلمانات -> برلمان), X+تان/تين -> X+ة, X+ون/ين/ان -> X,
 * X+ة -> X for adjectives (كبيرة -> كبير, when كبيرة is not a word of its
 * own), X+ا -> X, or a broken-plural pattern.  Writes the stem to out (room
 * for n + 1), sets *how (AR_MORPH_*) and returns its length; returns -1 when
 * the lexicon has no evidence either way (the caller falls back to rules).
 * classes: ar_lexicon_get() of s when the caller has it, else -1; patterns:
 * false after an imperfect-verb prefix (a verb stem is no broken plural).
 */
extern int	ar_morph_reduce(const ar_lexicon *lx, const cp16 *s, int n, int classes, bool patterns,
							cp16 *out, int *how);

#endif							/* AR_STEM_PATTERNS_H */
