/*
 * ar_ner_names.h
 *    Name knowledge for the entity tagger: a compact table of name tokens
 *    (from the lists of src/train/names_*.tsv) keyed by the hash of their
 *    folded form, each with the kinds of list it is in and how often it is an
 *    ordinary word in the training text.  The table lives in the model file
 *    (see ar_ner.h); the tagger turns a token's entry into membership
 *    features.  Plain C, no state: the table is read-only once written.
 */
#ifndef AR_NER_NAMES_H
#define AR_NER_NAMES_H

#include "ar_core.h"

/* Kinds of list a token is in (bits of an entry's payload, bits 0..7). */
enum
{
	AR_NAMES_WD = 1 << 0,		/* token of a person's name (Wikidata labels) */
	AR_NAMES_TR = 1 << 1,		/* name token with a Latin transliteration (Wikipedia) */
	AR_NAMES_PLAST = 1 << 2,	/* later word of a listed person's full name (not the first) */
	AR_NAMES_LOC = 1 << 3,		/* one-word place: country, region, province, city */
	AR_NAMES_NAT = 1 << 4,		/* nationality adjective (nisba) */
	AR_NAMES_ORG = 1 << 5,		/* one-word club or organisation name */
	AR_NAMES_MISC = 1 << 6		/* one-word league, tournament or currency name */
};
#define AR_NAMES_NKINDS 7

/* Name of kind bit k ("wd", "tr", ...) and the bit of a kind name (0: unknown). */
extern const char *const ar_names_kind_names[AR_NAMES_NKINDS];
extern uint32_t ar_names_kind_from_name(const char *s);

/*
 * Payload of an entry: kinds in bits 0..7, ordinary-word class
 * (ar_names_ratio_class) in bits 8..10; a token's payload in the tagger also
 * carries its name-likeness class (ar_names_likeness) in bits 12..15.
 */
#define AR_NAMES_KINDS(p)	((p) & 0xFFu)
#define AR_NAMES_RATIO(p)	(((p) >> 8) & 7u)
#define AR_NAMES_LIKE(p)	(((p) >> 12) & 15u)
#define AR_NAMES_PAYLOAD(kinds, ratio)	(((uint32_t) (kinds) & 0xFFu) | ((uint32_t) (ratio) << 8))
#define AR_NAMES_WITH_LIKE(p, cls)	(((p) & ~0xF000u) | ((uint32_t) (cls) << 12))

/*
 * Name-likeness: a character model of what a name token looks like
 * (transliterated foreign names, Arabic given names) against ordinary words.
 * The model file holds int8 log-odds (x 8) of AR_NAMES_NGRAMS hashed
 * character 2-, 3- and 4-grams of a word's base with its boundaries, learned
 * by the trainer from the listed name tokens against the ordinary words of
 * the training text.
 */
#define AR_NAMES_NGRAMS		(1u << 15)
#define AR_NAMES_MAXGRAMS	64
/* Buckets of the character n-grams of a folded base: their number (0 unless 3..20 Arabic letters). */
extern int	ar_names_ngrams(const char *base, size_t blen, uint32_t out[AR_NAMES_MAXGRAMS]);
/* Name-likeness class of a base from the log-odds table: 1 (ordinary) .. 8 (name), 0 not scored. */
extern int	ar_names_likeness(const int8_t *tab, const char *base, size_t blen);

/*
 * Class of a listed token by its training-text occurrences: 0 never seen,
 * 1 always part of an entity, 2 mostly an entity, 3 mixed, 4 mostly an
 * ordinary word, 5 nearly always an ordinary word (rare), 6 the same, frequent.
 */
extern int	ar_names_ratio_class(uint32_t ordinary, uint32_t total);

/* Append the folded form of s[0..len) to out, as the tagger folds its tokens (AR_NER_FOLD per code point, Latin lower case). */
extern void ar_ner_names_fold(const char *s, size_t len, ar_buf *out);

/* Hash of a folded token (never 0). */
extern uint32_t ar_names_hash(const char *s, size_t len);

/*
 * Lookup keys of a token from its folded form and its clitic-stripped base
 * (the tagger's): the form, the base when it differs, the base with the
 * article ال when clitics were stripped (والأسد finds the listed الأسد), and
 * ل + base when the stripped لل may have been ل + ل (للافروف finds لافروف).
 * Returns the number of keys written to keys[AR_NAMES_MAXKEYS].
 */
#define AR_NAMES_MAXKEYS 4
extern int	ar_names_keys(const char *form, size_t flen, const char *base, size_t blen,
						  uint32_t keys[AR_NAMES_MAXKEYS]);

/*
 * The table: nslots (a power of two, or 0) uint64 entries, each
 * (key << 32) | payload, 0 = empty, linear probing from key & (nslots - 1).
 * ar_names_slot: the slot of key's entry, or of the empty slot where it
 * goes, nslots when the table is full.
 */
extern uint32_t ar_names_slot(const uint64_t *tab, uint32_t nslots, uint32_t key);
extern uint32_t ar_names_find(const uint64_t *tab, uint32_t nslots, uint32_t key);
/* OR payload into key's entry (created when missing); false when the table is full. */
extern bool ar_names_put(uint64_t *tab, uint32_t nslots, uint32_t key, uint32_t payload);
/* Replace the payload of key's entry (no-op when missing). */
extern void ar_names_set(uint64_t *tab, uint32_t nslots, uint32_t key, uint32_t payload);

/*
 * Which words the tagger looks up, by their training-text frequency class
 * (ar_ner_freq_class; 0 not known): frequent words (50+ occurrences) never,
 * their own weights know them; the name-likeness is computed for words seen
 * at most 3 times.  The trainer applies the same rule.
 */
#define ar_names_wanted(freq)			((freq) >= 0)
#define ar_names_likeness_wanted(freq)	((freq) <= 3)

/*
 * The table's filter: nslots bytes (8 bits per slot) with a bit set for each
 * key of the table, so that most words in no list are answered without
 * touching the table (far less memory traffic per token).
 */
extern void ar_names_filter_build(const uint64_t *tab, uint32_t nslots, uint8_t *filter);

/* The payload of a token: the union of its keys' entries (0: in no list); filter may be NULL. */
extern uint32_t ar_names_lookup(const uint64_t *tab, uint32_t nslots, const uint8_t *filter,
								const char *form, size_t flen, const char *base, size_t blen);

#endif							/* AR_NER_NAMES_H */
