/*
 * ar_ner.h
 *    Arabic named-entity tagger: an averaged-perceptron sequence model over
 *    BIO labels with Viterbi decoding over label bigrams, hashed
 *    character/affix/clitic/context/gazetteer features, post-decoding rules
 *    and the canonicalization of entity mentions.  The gazetteer the
 *    features and the rules read is in ar_gazetteer.h.
 *
 * The model is a flat little-endian file (see AR_NER_MAGIC) that callers map
 * read-only and hand to ar_ner_model_open(); the tagger never copies it, so
 * processes mapping the same file share its pages.  Nothing here keeps global
 * mutable state: a model and a gazetteer are read-only once built.
 */
#ifndef AR_NER_H
#define AR_NER_H

#include "ar_core.h"
#include "ar_gazetteer.h"

/* Entity types (index into ar_ner_type_names). */
enum
{
	AR_NER_NONE = 0, AR_NER_PER, AR_NER_LOC, AR_NER_ORG, AR_NER_MISC
};
#define AR_NER_NTYPES 5

/* BIO labels: 0 = O, 2t-1 = B-type t, 2t = I-type t. */
#define AR_NER_NLABELS 9
#define AR_NER_B(t)		(2 * (t) - 1)
#define AR_NER_I(t)		(2 * (t))
#define AR_NER_TYPE(l)	(((l) + 1) / 2)
#define AR_NER_IS_B(l)	((l) > 0 && ((l) & 1))

extern const char *const ar_ner_type_names[AR_NER_NTYPES];

/* "PER", "PERS", "LOC", "ORG", "MISC" (any case) -> type; 0 when unknown. */
extern int	ar_ner_type_from_name(const char *s, size_t len);

/* ---- model file ---- */

#define AR_NER_MAGIC		"PGARNER\x01"
#define AR_NER_FORMAT		3		/* file layout version */
#define AR_NER_FEATURES		9		/* feature-extraction version the weights belong to */
#define AR_NER_MAXFEATS		80		/* features per token, upper bound */

/*
 * File header; followed by float trans[(NLABELS+1)*NLABELS], int16
 * w[nbuckets*NLABELS], the name-token table uint64 names[nnames] (see
 * ar_ner_names.h; nnames a power of two or 0) followed, when nnames > 0, by
 * its filter uint8 filter[nnames] and the name-likeness table int8
 * like[AR_NAMES_NGRAMS], and the vocabulary table:
 * uint32 v[nvocab] (nvocab a power of two or 0, taken from the payload
 * size), open addressing on base hash >> 3, each entry (base hash & ~7) |
 * frequency class, 0 = empty.
 */
typedef struct ar_ner_header
{
	char		magic[8];
	uint32_t	format;
	uint32_t	features;
	uint32_t	nlabels;
	uint32_t	nbuckets;		/* power of two */
	float		scale;			/* weight = w * scale */
	uint32_t	checksum;		/* ar_ner_file_checksum(header, payload) */
	uint32_t	nnames;			/* slots of the name-token table */
	uint64_t	payload;		/* bytes after the header */
} ar_ner_header;

/* A model viewing (never owning) the mapped file bytes. */
typedef struct ar_ner_model
{
	uint32_t	nbuckets;
	float		scale;
	const float *trans;			/* (NLABELS+1) x NLABELS; row NLABELS is the start row */
	const int16_t *w;			/* nbuckets x NLABELS */
	const uint32_t *vocab;		/* vocabulary table (see above), or NULL */
	uint32_t	nvocab;			/* its slots: a power of two, or 0 */
	const uint64_t *names;		/* name-token table (ar_ner_names.h), or NULL */
	uint32_t	nnames;			/* its slots: a power of two, or 0 */
	const uint8_t *names_filter;	/* its filter (ar_ner_names.h), or NULL */
	const int8_t *likeness;		/* name-likeness log-odds (ar_ner_names.h), or NULL */
} ar_ner_model;

/* Checksum of a model file: every header field (checksum taken as 0) and the payload. */
extern uint32_t ar_ner_file_checksum(const ar_ner_header *h, const void *payload, size_t len);

/* Fill a header for a payload of trans, nbuckets weight rows, nnames name slots and the vocabulary (magic, versions, size, checksum). */
extern void ar_ner_header_init(ar_ner_header *h, uint32_t nbuckets, uint32_t nnames, float scale,
							   const void *payload, size_t len);

/* Validate data[0..len) and point m into it.  NULL on success, else a static message. */
extern const char *ar_ner_model_open(ar_ner_model *m, const void *data, size_t len);

/* ---- tagging ---- */

/* One input token (bytes) for the tagger. */
typedef struct ar_ner_token
{
	const char *s;
	size_t		len;
} ar_ner_token;

/* Per-sequence analysis the features are read from (opaque contents). */
typedef struct ar_ner_seq ar_ner_seq;

/*
 * Analyse toks[0..n): normalized forms, clitic-stripped bases, affixes,
 * shapes, lexicon classes and gazetteer matches.  exclude_fold >= 0 hides
 * gazetteer entries whose only fold bit is that one (jack-knifed gazetteer
 * features in training); pass -1 otherwise.  g may be NULL.
 */
extern ar_ner_seq *ar_ner_prepare(const ar_ner_token *toks, size_t n, const ar_gazetteer *g,
								  int exclude_fold, const ar_allocator *alloc);
extern void ar_ner_seq_free(ar_ner_seq *q);

/*
 * Training-time word dropout: make token i look like a word never seen in
 * training (its word and base identity features, also as a neighbour's
 * context, become one shared "unknown" value; affix, character, shape,
 * lexicon and gazetteer features stay).  The trainer hides part of the rare
 * words so the weights learn how to tag the unseen names of new text.
 */
extern void ar_ner_seq_unknown(ar_ner_seq *q, size_t i);

/*
 * Vocabulary features: how often a token's clitic-stripped base occurs in the
 * training text, as a class (ar_ner_freq_class: 1 unseen ... 6 frequent; 0
 * means not known).  ar_ner_seq_base_hash gives the key.
 */
extern uint32_t ar_ner_seq_base_hash(const ar_ner_seq *q, size_t i);
extern int	ar_ner_freq_class(uint32_t count);
extern void ar_ner_seq_set_freq(ar_ner_seq *q, size_t i, int cls);

/*
 * Name knowledge (ar_ner_names.h): token i's folded form and clitic-stripped
 * base, and setting its name-table payload (the trainer's jack-knifed one).
 */
extern void ar_ner_seq_forms(const ar_ner_seq *q, size_t i, const char **form, size_t *flen,
							 const char **base, size_t *blen);
extern void ar_ner_seq_set_names(ar_ner_seq *q, size_t i, uint32_t payload);

/* Set every token's frequency class and name payload from the model's tables (no-op without them). */
extern void ar_ner_seq_apply_vocab(const ar_ner_model *m, ar_ner_seq *q);

/* Vocabulary table entry for base hash h with frequency class cls (see the file layout). */
#define AR_NER_VOCAB_ENTRY(h, cls)	(((h) & ~7u) | (uint32_t) (cls))

/* Hashed features of token i into out[AR_NER_MAXFEATS]; returns their number. */
extern int	ar_ner_features(const ar_ner_seq *q, size_t i, uint32_t *out);
/* Index of the first word of the tagger's lexicon out of order, or -1 when it is sorted (unit tests). */
extern int	ar_ner_lexicon_unsorted(void);

/* Viterbi with BIO constraints over emissions emis[n*NLABELS] and transitions trans[(NLABELS+1)*NLABELS]. */
extern void ar_ner_viterbi(const float *emis, const float *trans, size_t n, int *labels);

/* Tag a prepared sequence: labels[n] and a confidence per token conf[n] (0..1). */
extern void ar_ner_tag(const ar_ner_model *m, const ar_ner_seq *q, int *labels, float *conf);

/* ---- extraction ---- */

typedef struct ar_ner_entity
{
	int			type;
	float		score;
	size_t		byte_start,
				byte_len;		/* in the input text */
	size_t		char_start,
				char_len;		/* code points, 0-based */
	char	   *canonical;		/* NUL-terminated, from the allocator */
	size_t		canonical_len;
} ar_ner_entity;

/*
 * Tokenize text, tag it, apply the rules and canonicalize the mentions.  g
 * holds the shipped names, the model's gazetteer features (as in training);
 * user (may be NULL) holds the user rows, which override the model on their
 * spans and come first for canonical forms but are never features, so that a
 * user row does not change what the model finds around it.  (Rows flagged
 * AR_GAZ_USER inside g override too, and are also features.)  Returns the
 * number of entities; *out (from alloc, free with ar_ner_entities_free) is set.
 */
extern size_t ar_ner_extract(const ar_ner_model *m, const ar_gazetteer *g, const ar_gazetteer *user,
							 const char *text, size_t len, const ar_allocator *alloc,
							 ar_ner_entity **out);
/*
 * ar_ner_extract with a window size in tokens (AR_NER_WINDOW by default; at
 * least 1024): a longer text is processed in windows of about that many
 * tokens, with the same result and memory bounded by the text's length in
 * bytes rather than its tokens (see ar_ner.c).  Tests pass small windows.
 */
#define AR_NER_WINDOW 16384
extern size_t ar_ner_extract_window(const ar_ner_model *m, const ar_gazetteer *g,
									const ar_gazetteer *user, const char *text, size_t len,
									size_t window, const ar_allocator *alloc,
									ar_ner_entity **out);
extern void ar_ner_entities_free(ar_ner_entity *e, size_t n, const ar_allocator *alloc);

#endif							/* AR_NER_H */
