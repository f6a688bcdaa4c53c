/*
 * ar_stem.h
 *    Clitic-aware light stemmer for Arabic search.
 *
 * A word is first normalized (by default with the `search` profile), then
 * proclitic chains (و ف + ب ك ل + ال, لل; the imperfect prefix ي) and
 * enclitic / inflectional suffixes (ه ها هم هما كم نا; ات -> ة, ون ين ان
 * وا ا, ية -> ي) are removed, but only when what is left is a plausible
 * stem; the feminine ة and nisba ي are kept except at the heavy level.
 * Three word lists steer the stemmer:
 *   - stopwords: function words, reported as such (a search index drops them);
 *   - protected words: stems that must not lose letters that only look like
 *     clitics (وزير, وزارة, بيروت, لافروف, ...); a line "word place" marks a
 *     place name, whose nisba adjective (إيراني) also yields the place as a
 *     second lexeme (ar_stem_result.also_*);
 *   - plurals: broken plural -> singular pairs (مدارس مدرسة), so that a
 *     broken plural gets the stem of its singular.
 *   - lexicon: attested nouns, adjectives and names with their suffix
 *     classes ("word classes", see ar_lexicon.h), the evidence for broken
 *     plurals by pattern and for endings (ar_stem_patterns.h).
 * Lists are plain text, one entry per line ("plural singular" for plurals),
 * '#' starts a comment; entries are normalized on load, so they may be
 * written with hamza, diacritics or ة freely.
 *
 * A stemmer is built once (lists loaded) and then only read: ar_stem_word() is
 * reentrant and allocates nothing except growth of the caller's scratch
 * buffer, which the caller reuses from word to word.
 */
#ifndef AR_STEM_H
#define AR_STEM_H

#include "ar_core.h"

/* Longest word (in code points) the stemmer strips; longer words are only normalized. */
#define AR_STEM_MAXCP 64

/* Aggressiveness levels. */
#define AR_STEM_NONE	0		/* normalization only */
#define AR_STEM_LIGHT	1		/* article chains, و, sound plural/dual endings, lists */
#define AR_STEM_DEFAULT 2		/* + prepositions, pronoun enclitics, nisba, broken plurals */
#define AR_STEM_HEAVY	3		/* + future س, imperfect prefixes, verb endings, shorter stems */

typedef enum ar_stem_list
{
	AR_LIST_STOPWORDS,
	AR_LIST_PROTECTED,
	AR_LIST_PLURALS,
	AR_LIST_LEXICON
} ar_stem_list;

/* Which rule produced a stem (ar_stem_result.rule). */
typedef enum ar_stem_rule
{
	AR_RULE_NONE = 0,			/* not stemmed: normalized only */
	AR_RULE_STOPWORD,			/* a stopword */
	AR_RULE_LIST,				/* the protected or plural list */
	AR_RULE_PATTERN,			/* a broken-plural pattern, singular attested in the lexicon */
	AR_RULE_LEXICON,			/* the lexicon attests the stem (and the ending removed) */
	AR_RULE_LIGHT,				/* light stemming rules alone */
	AR_RULE_LOAN,				/* a loanword spelling variant, folded (ar_stem_loan.h) */
	AR_RULE_PLACE				/* the second lexeme of a nisba adjective: its place (ar_analyze) */
} ar_stem_rule;

typedef struct ar_stemmer ar_stemmer;

/* Result of ar_stem_word(): byte ranges into the scratch buffer. */
typedef struct ar_stem_result
{
	size_t		norm_off,
				norm_len;		/* the whole normalized word */
	size_t		prefix_off,
				prefix_len;		/* removed proclitics (normalized) */
	size_t		stem_off,
				stem_len;		/* the stem: what goes into the index */
	size_t		suffix_off,
				suffix_len;		/* removed suffixes (normalized) */
	bool		stopword;		/* in the stopword list */
	bool		lexicon;		/* stem came from the lists or the lexicon (may be longer than the word) */
	ar_stem_rule rule;			/* which rule produced the stem */
	bool		stemmed;		/* false: normalized only (not Arabic letters, too long, level 0) */
	size_t		also_off,
				also_len;		/* a second lexeme (the place of a nisba: إيراني -> إيران), 0 if none */
} ar_stem_result;

/* A new stemmer with no lists; mask is the normalization rule mask, level 0..3. */
extern ar_stemmer *ar_stemmer_new(const ar_allocator *alloc, uint32_t mask, int level);

/*
 * Fold spelling variants of loanwords and foreign names (ڤ -> ف, listed
 * second spellings, unattested words: غ -> ج and inner ي); off by default.
 */
extern void ar_stemmer_set_loanwords(ar_stemmer *st, bool on);

/* Release a stemmer and all its lists. */
extern void ar_stemmer_free(ar_stemmer *st);

/*
 * Load a list from text[0..len).  Returns the number of entries added, or -1
 * when a line is malformed (not one Arabic word, for protected words
 * optionally followed by "place", or for plurals not exactly two); then *bad_line (1-based) tells which; entries before it stay loaded.
 * Load the lexicon first and plurals after protected words: the singulars
 * of the plural list are stemmed on load, with the lexicon and the
 * protected words in place.
 */
extern long ar_stemmer_load(ar_stemmer *st, ar_stem_list which, const char *text,
							size_t len, size_t *bad_line);

/* Number of entries in a list. */
extern size_t ar_stemmer_count(const ar_stemmer *st, ar_stem_list which);

/* Bytes held by the lexicon (0 without one). */
extern size_t ar_stemmer_lexicon_bytes(const ar_stemmer *st);

/* Name of a rule as ar_analyze shows it ("list", "pattern+lexicon", ...); NULL for AR_RULE_NONE. */
extern const char *ar_stem_rule_name(ar_stem_rule rule);

/*
 * Stem word[0..len).  scratch is emptied and receives the normalized word,
 * prefix, stem and suffix (NUL-separated); *r gives their positions.  An
 * empty stem means the word normalizes to nothing (only marks, tatweel).
 */
extern void ar_stem_word(const ar_stemmer *st, const char *word, size_t len,
						 ar_buf *scratch, ar_stem_result *r);

/*
 * The same, for indexing: only the stem is written (norm, prefix and suffix
 * come back empty); r->stopword and r->stem_* are as with ar_stem_word().
 */
extern void ar_stem_lexeme(const ar_stemmer *st, const char *word, size_t len,
						   ar_buf *scratch, ar_stem_result *r);

#endif							/* AR_STEM_H */
