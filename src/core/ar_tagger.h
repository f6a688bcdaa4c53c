/*
 * ar_tagger.h
 *    Arabic named-entity tagger: an averaged-perceptron sequence model over
 *    BIO labels with Viterbi decoding over label bigrams, hashed
 *    character/affix/clitic/context/gazetteer features, a gazetteer hash of
 *    normalized surfaces, and the canonicalization of entity mentions.
 *
 * The model is a flat little-endian file (see AR_NER_MAGIC) that callers map
 * read-only and hand to ar_ner_model_open(); the tagger never copies it, so
 * processes mapping the same file share its pages.  Nothing here keeps global
 * mutable state: a model and a gazetteer are read-only once built.
 */
#ifndef AR_TAGGER_H
#define AR_TAGGER_H

#include "ar_core.h"

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

/* ---------------- model file ---------------- */

#define AR_NER_MAGIC		"PGARNER\x01"
#define AR_NER_FORMAT		3		/* file layout version */
#define AR_NER_FEATURES		9		/* feature-extraction version the weights belong to */
#define AR_NER_MAXFEATS		80		/* features per token, upper bound */

/*
 * File header; followed by float trans[(NLABELS+1)*NLABELS], int16
 * w[nbuckets*NLABELS], the name-token table uint64 names[nnames] (see
 * ar_ner_names.h; nnames a power of two or 0) followed, when nnames > 0, by
 * the name-likeness table int8 like[AR_NAMES_NGRAMS], and the vocabulary table:
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
	const int8_t *likeness;		/* name-likeness log-odds (ar_ner_names.h), or NULL */
} ar_ner_model;

/* Checksum of a model file: every header field (checksum taken as 0) and the payload. */
extern uint32_t ar_ner_file_checksum(const ar_ner_header *h, const void *payload, size_t len);

/* Fill a header for a payload of trans, nbuckets weight rows, nnames name slots and the vocabulary (magic, versions, size, checksum). */
extern void ar_ner_header_init(ar_ner_header *h, uint32_t nbuckets, uint32_t nnames, float scale,
							   const void *payload, size_t len);

/* Validate data[0..len) and point m into it.  NULL on success, else a static message. */
extern const char *ar_ner_model_open(ar_ner_model *m, const void *data, size_t len);

/* ---------------- gazetteer ---------------- */

/* Entry flags: the low 16 bits are training-fold bits (see ar_ner_prepare). */
#define AR_GAZ_FOLDS	0xFFFFu
#define AR_GAZ_USER		0x10000u	/* user row: overrides the model on its span */

typedef struct ar_gazetteer ar_gazetteer;

/* An empty gazetteer whose memory comes from alloc. */
extern ar_gazetteer *ar_gaz_create(const ar_allocator *alloc);
extern void ar_gaz_destroy(ar_gazetteer *g);

/*
 * Add (or replace) surface -> (type, canonical).  The key is the normalized
 * form of surface's words (search profile, one space between words); an empty
 * canonical means "the normalized surface".  Returns false when the surface
 * has no word or type is invalid.
 */
extern bool ar_gaz_add(ar_gazetteer *g, const char *surface, size_t len, int type,
					   const char *canon, size_t canon_len, uint32_t flags);
extern size_t ar_gaz_count(const ar_gazetteer *g);

/*
 * One gazetteer row as stored in the ar_gazetteer table (canon NULL: none).
 * ar_gaz_add_rows sorts rows into the cache's row order and adds them:
 * learned (origin anercorp) rows first so that curated ones win on equal
 * keys, then by origin, surface, label and canonical in byte order, so that
 * the same rows always give the same gazetteer; origin user rows are
 * authoritative (AR_GAZ_USER), anercorp rows rank below curated ones.
 */
typedef struct ar_gaz_row
{
	const char *surface,
			   *label,
			   *canon,
			   *origin;
} ar_gaz_row;

extern void ar_gaz_add_rows(ar_gazetteer *g, ar_gaz_row *rows, size_t n);
/*
 * Parse one line of the shipped gazetteer file (surface TAB label TAB
 * canonical TAB origin) in place into row, as CREATE EXTENSION stores it
 * (an empty canonical is NULL): 1 for a row, 0 for a blank or # comment
 * line, -1 for a line without the four fields.
 */
extern int	ar_gaz_parse_row(char *line, ar_gaz_row *row);
/* 64-bit hash of a row; a set of rows is fingerprinted by its count and the sum of these modulo 2^64. */
extern uint64_t ar_gaz_row_hash(const ar_gaz_row *r);

/*
 * Gazetteer image: a built gazetteer written as one block (header, checksum,
 * the fingerprint of the rows it was built from, then its tables), so that
 * a backend loads the shipped rows without rebuilding them.  Images are
 * written and read by the same build on the same machine (native byte
 * order and struct layout, checked on reading).
 */
extern void ar_gaz_image_write(const ar_gazetteer *g, uint64_t rows, uint64_t rowsum, ar_buf *out);
/*
 * Read an image into a new gazetteer whose memory comes from alloc, after
 * checking header, checksum, every offset and index and the fill of its hash
 * tables; NULL with *err set when the image is unusable.  *rows and *rowsum
 * receive its fingerprint.
 */
extern ar_gazetteer *ar_gaz_image_read(const void *data, size_t len, const ar_allocator *alloc,
									   uint64_t *rows, uint64_t *rowsum, const char **err);
/* Recompute the checksum of an image after an edit (for tests that damage images on purpose). */
extern void ar_gaz_image_reseal(char *data, size_t len);

/*
 * Split one line of a gazetteer file (surface TAB label TAB canonical TAB
 * origin) in place: strips the line end and returns the number of fields
 * stored in fields[0..max), or 0 for a blank or # comment line.
 */
extern int	ar_gaz_split_line(char *line, char **fields, int max);

/* ---------------- tagging ---------------- */

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

/* ---------------- extraction ---------------- */

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
extern void ar_ner_entities_free(ar_ner_entity *e, size_t n, const ar_allocator *alloc);

#endif							/* AR_TAGGER_H */
