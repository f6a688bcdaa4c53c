/*
 * ar_normalize.h
 *    Arabic normalization: a set of independent rules, selected by a bit
 *    mask, applied in one pass (plus an entity-repair pass when needed).
 *    ar_normalize(ar_normalize(x, m), m) == ar_normalize(x, m) for every x, m.
 */
#ifndef AR_NORMALIZE_H
#define AR_NORMALIZE_H

#include "ar_core.h"

typedef enum ar_norm_rule
{
	AR_N_PRESENTATION = 1 << 0,	/* NFKC of presentation forms and ligatures */
	AR_N_DIACRITICS = 1 << 1,	/* harakat, tanwin, shadda, sukun, U+0670 */
	AR_N_QURANIC = 1 << 2,		/* Quranic annotation marks */
	AR_N_TATWEEL = 1 << 3,		/* U+0640 kashida */
	AR_N_ALEF = 1 << 4,			/* أ إ آ ٱ ٲ ٳ ٵ -> ا */
	AR_N_HAMZA = 1 << 5,		/* ؤ ئ and hamza-above seats -> ء; word-final يء -> ء */
	AR_N_YEH = 1 << 6,			/* ى -> ي */
	AR_N_TEH_MARBUTA = 1 << 7,	/* ة -> ه */
	AR_N_PERSIAN = 1 << 8,		/* ک ی ۀ ھ ە ۃ ے -> Arabic letters */
	AR_N_DIGITS = 1 << 9,		/* Arabic-Indic and Persian digits -> ASCII, ٫ ٬ -> . , */
	AR_N_BIDI = 1 << 10,		/* LRM RLM ALM, embeddings, isolates, ZWSP, BOM, SHY */
	AR_N_JOINERS = 1 << 11,		/* ZWNJ/ZWJ next to Arabic letters */
	AR_N_ENTITIES = 1 << 12,	/* HTML entities and orphan entity debris (quot;) */
	AR_N_SPACES = 1 << 13,		/* unify and collapse white space, trim */
} ar_norm_rule;

/* Every rule: the "all" item of a rule specification, and nothing else.  A unit
 * test checks that it is the union of the bits of ar_norm_rules[]. */
#define AR_N_ALL			((1u << 14) - 1)

/*
 * Profiles and the folding of other components are explicit lists, never "all
 * bits": a new rule joins none of them until it is added here on purpose.
 * Adding a rule to AR_PROFILE_SEARCH changes to_tsvector('ar') and ar_stem
 * (REINDEX); adding one to AR_NER_FOLD changes the tagger's features (retrain
 * with make model).
 */
#define AR_PROFILE_SEARCH	(AR_N_PRESENTATION | AR_N_DIACRITICS | AR_N_QURANIC | \
							 AR_N_TATWEEL | AR_N_ALEF | AR_N_HAMZA | AR_N_YEH | \
							 AR_N_TEH_MARBUTA | AR_N_PERSIAN | AR_N_DIGITS | \
							 AR_N_BIDI | AR_N_JOINERS | AR_N_ENTITIES | AR_N_SPACES)
#define AR_PROFILE_CLEAN	(AR_N_PRESENTATION | AR_N_TATWEEL | AR_N_BIDI | \
							 AR_N_ENTITIES | AR_N_SPACES)

/* The entity tagger's per-code-point word folding (ar_norm_fold_cp applies only
 * the context-free rules of the mask); the shipped model was trained with it. */
#define AR_NER_FOLD			(AR_N_DIACRITICS | AR_N_QURANIC | AR_N_TATWEEL | \
							 AR_N_ALEF | AR_N_HAMZA | AR_N_YEH | AR_N_TEH_MARBUTA | \
							 AR_N_PERSIAN | AR_N_DIGITS | AR_N_BIDI | AR_N_JOINERS)

typedef struct ar_rule_info
{
	const char *name;
	uint32_t	bit;
	const char *description;
} ar_rule_info;

typedef struct ar_profile_info
{
	const char *name;
	uint32_t	mask;
	const char *description;
} ar_profile_info;

/* Rule table (terminated by a NULL name) and profile table. */
extern const ar_rule_info ar_norm_rules[];
extern const ar_profile_info ar_norm_profiles[];

/*
 * Parse a rule specification: a comma-separated list of profile names and
 * rule names, each optionally prefixed by '-' (remove) or '+' (add), applied
 * left to right, e.g. "search", "clean,digits", "search,-teh_marbuta",
 * "diacritics,tatweel".  Returns true and sets *mask, or returns false with
 * the offending item copied into bad (NUL-terminated, truncated to badlen).
 */
extern bool ar_norm_parse_spec(const char *spec, size_t len, uint32_t *mask,
							   char *bad, size_t badlen);

/* Append the normalization of in[0..len) under rule mask to out. */
extern void ar_normalize(const char *in, size_t len, uint32_t mask, ar_buf *out);

/* Normalize one code point in isolation for character-level callers (stemmer):
 * returns the folded code point, 0 when the rule set deletes it. Covers the
 * context-free rules only (not presentation forms, entities, spaces). */
extern uint32_t ar_norm_fold_cp(uint32_t cp, uint32_t mask);

#endif							/* AR_NORMALIZE_H */
