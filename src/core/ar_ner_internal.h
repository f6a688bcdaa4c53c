/*
 * ar_ner_internal.h
 *    What the files of the entity tagger share and nobody else uses: hashing
 *    and letter access helpers, token folding and clitic variants
 *    (ar_ner_features.c), the word lists (ar_ner_lexicon.c), the gazetteer
 *    lookups the tagger reads (ar_gazetteer.c), the analysed token sequence,
 *    the entity spans, the post-decoding rules (ar_ner_rules.c) and the
 *    canonical forms (ar_ner_canonical.c).  Not installed; include it only
 *    from src/core/ar_ner*.c and the gazetteer files (ar_gaz*.c).
 */
#ifndef AR_NER_INTERNAL_H
#define AR_NER_INTERNAL_H

#include "ar_ner.h"
#include "ar_chars.h"
#include "ar_normalize.h"

/* ---- letters and hashing ---- */

#define CP_ALEF		0x0627
#define CP_LAM		0x0644
#define CP_WAW		0x0648
#define CP_FEH		0x0641
#define CP_BEH		0x0628
#define CP_KAF		0x0643
#define CP_YEH		0x064A
#define CP_HEH		0x0647
#define CP_HAMZA	0x0621
#define CP_MEEM		0x0645
#define CP_NOON		0x0646

/* FNV-1a over bytes. */
static inline uint32_t
fnv(const char *s, size_t n)
{
	uint32_t	h = 2166136261u;

	while (n--)
		h = (h ^ (unsigned char) *s++) * 16777619u;
	return h;
}

/* Code point at byte offset *i of s (len bytes), advancing *i. */
static inline uint32_t
next_cp(const char *s, size_t len, size_t *i)
{
	int			adv;
	uint32_t	c = ar_utf8_decode((const unsigned char *) s + *i, len - *i, &adv);

	*i += adv;
	return c;
}

/* Arabic letter at letter index k of an all-Arabic folded string (see ar_ner_all_arabic). */
static inline uint32_t
ar_at(const char *s, size_t k)
{
	const unsigned char *p = (const unsigned char *) s + 2 * k;

	return ((uint32_t) (p[0] & 0x1F) << 6) | (p[1] & 0x3F);
}

/* 32-bit-word FNV-style checksum of data, continuing from h (model files and gazetteer images). */
extern uint32_t ar_ner_checksum(uint32_t h, const void *data, size_t len);

/* ---- folding and clitics (ar_ner_features.c) ---- */

/* Append the folded (search-normalized, lowercased) form of s[0..len) to out; returns its code points. */
extern size_t ar_ner_fold_into(const char *s, size_t len, ar_buf *out);
/* Whether folded s[0..len) is all Arabic letters (then ar_at indexes it). */
extern bool ar_ner_all_arabic(const char *s, size_t len);
/*
 * Candidate forms of a folded word with its proclitics stripped, most
 * stripped first: و/ف, then ب/ل/ك (keeping ال), لل -> ال (not for persons).
 * Writes at most 3 into cands; returns their number.
 */
extern size_t ar_ner_canon_candidates(const char *w, size_t len, int type, char cands[][256],
									  size_t *clens);

/* ---- word lists (ar_ner_lexicon.c) ---- */

enum
{
	LEX_NONE = 0, LEX_TITLE, LEX_ORGHEAD, LEX_LOCHEAD, LEX_NISBA, LEX_SAY, LEX_TIME, LEX_AGENCY
};

/* Lexicon class of a folded word and its clitic-stripped base (LEX_*). */
extern int	ar_ner_lex_class(const char *full, size_t flen, const char *base, size_t blen);
/* Whether a folded clitic-stripped base is a nationality or regional adjective. */
extern bool ar_ner_is_demonym(const char *b, size_t blen);
/* Whether folded s[0..len) is one of the words of a NULL-terminated list. */
extern bool ar_ner_in_list(const char *const *list, const char *s, size_t len);

/* ---- gazetteer lookups (ar_gazetteer.c) ---- */

/* One name of a gazetteer: its key and canonical form in the gazetteer's pool. */
typedef struct ar_gaz_entry
{
	uint32_t	key_off,
				key_len;
	uint32_t	canon_off,
				canon_len;
	uint32_t	flags;
	uint32_t	hash;
	uint8_t		type;
	uint8_t		nwords;
} ar_gaz_entry;

/* Entry for a folded key, honouring the fold exclusion (-1: none); NULL when absent. */
extern const ar_gaz_entry *ar_gaz_find(const ar_gazetteer *g, const char *key, size_t len,
									   int exclude_fold);
/* Entry registered under the spelling skeleton of a folded key; NULL when absent or ambiguous. */
extern const ar_gaz_entry *ar_gaz_find_skel(const ar_gazetteer *g, const char *key, size_t len);
/*
 * Surname index: what a lone folded word w says as a surname.  ONE: exactly
 * one listed (curated or user) person's full name of g ends with it (or
 * several with one canonical form), *e is that entry; AMBIG: listed names
 * with other canonical forms end with it; FIRST: it is the first word of a
 * person's full name of g (a first name, never mapped); NONE: none of these.
 */
enum
{
	AR_GAZ_SUR_NONE = 0, AR_GAZ_SUR_ONE, AR_GAZ_SUR_AMBIG, AR_GAZ_SUR_FIRST
};
extern int	ar_gaz_find_surname(const ar_gazetteer *g, const char *w, size_t len,
								const ar_gaz_entry **e);
/* Whether a folded word occurs in any name (all folds). */
extern bool ar_gaz_word_present(const ar_gazetteer *g, const char *w, size_t len);
/* Labels (bit l for label l) a folded word has in the names, honouring the fold exclusion. */
extern uint32_t ar_gaz_word_labels(const ar_gazetteer *g, const char *w, size_t len,
								   int exclude_fold);
/* Most words in one name of g. */
extern int	ar_gaz_max_words(const ar_gazetteer *g);
/* The canonical form of entry e of g (not NUL-terminated: its length is e->canon_len). */
extern const char *ar_gaz_entry_canon(const ar_gazetteer *g, const ar_gaz_entry *e);
/* Spelling skeleton of folded words appended to out (inner long vowels and hamza dropped, غ/ق -> ج). */
extern void ar_gaz_skeleton(const char *key, size_t len, ar_buf *out);

/* ---- the analysed sequence (ar_ner_features.c) ---- */

/* Shape classes of raw tokens. */
enum
{
	SH_ARABIC = 1, SH_LATIN, SH_DIGIT, SH_PUNCT, SH_OTHER, SH_MIXED
};

typedef struct tokinfo
{
	uint32_t	off,
				len;			/* folded form in q->pool */
	uint32_t	boff,
				blen;			/* clitic-stripped base in q->pool */
	uint32_t	hw,
				hb;
	uint8_t		shape,
				lenb,
				clitic,
				lex,
				gazf,
				gazb;
	uint8_t		gazlen;			/* length in tokens of the gazetteer match gaz */
	uint8_t		freq;			/* training-text frequency class of the base (0: not known) */
	const ar_gaz_entry *gaz;	/* longest gazetteer match starting here */
	uint16_t	wl;				/* labels this word has inside known names (bit per label) */
	uint32_t	doff;			/* folded form with its digits in q->pool (off but for numbers) */
	uint32_t	names;			/* name-table payload (ar_ner_names.h), 0: in no list */
} tokinfo;

struct ar_ner_seq
{
	const ar_allocator *alloc;
	size_t		n;
	tokinfo    *t;
	ar_buf		pool;
	/*
	 * first[i]: the first token written exactly as token i (i itself for a
	 * first occurrence), or NULL.  Everything a token's analysis reads of the
	 * token alone (folded forms, shape, clitics, hashes, lexicon class, word
	 * labels, frequency class, name payload) is computed once per distinct
	 * token and copied to its repetitions: news repeats about 46 % of its
	 * tokens within an article.
	 */
	uint32_t   *first;
};

/*
 * Gazetteer matches of q in g: the longest match at each position.  With
 * features, a match sets the token's gazetteer features; without, it only
 * records the entry and its length where a match starts (the user rows).
 */
extern void ar_ner_gaz_match(ar_ner_seq *q, const ar_gazetteer *g, int exclude_fold, bool features);

/* ---- spans and the extraction pipeline (ar_ner.c) ---- */

/*
 * Text-level comparisons between mentions look at most this many mentions
 * (or, for tokens, this many tokens) away, so huge inputs stay linear.
 */
#define MENTION_WINDOW 256

/* A token's offsets in the input (16 bytes instead of ar_token's 40). */
typedef struct tokspan
{
	uint32_t	byte_start,
				byte_len,
				char_start,
				char_len;
} tokspan;

/* One entity mention: its tokens, type, score and canonical form. */
typedef struct span
{
	size_t		first,
				last;			/* token indices, inclusive */
	int			type;
	float		score;
	ar_buf		canon;
	ar_buf		skel;			/* skeleton of the last word, for surname grouping */
	bool		absorbed;
} span;

/* Last token of the entity whose labels start at token i (labels[i] != 0). */
extern size_t ar_ner_run_end(const int *labels, size_t n, size_t i);
/* Trim punctuation-only tokens off both ends of tokens [*a, *b]; *a > *b or a punctuation token at *a when nothing is left. */
extern void ar_ner_trim_punct(const ar_ner_seq *q, size_t *a, size_t *b);

/* ---- post-decoding rules (ar_ner_rules.c) ---- */

/* What a rule reads and changes: the decoded labels and confidences of one text. */
typedef struct ar_ner_rule_ctx
{
	ar_ner_seq *q;				/* the analysed tokens */
	const ar_gazetteer *user;	/* user rows (may be NULL) */
	const char *text;			/* the input text */
	const tokspan *toks;		/* each token's offsets in text */
	int		   *labels;			/* BIO labels, changed by the rules */
	float	   *conf;			/* per-token confidences, changed by the rules */
} ar_ner_rule_ctx;

/* One post-decoding rule: a name, the function that applies it, and what it does. */
typedef struct ar_ner_rule
{
	const char *name;
	void		(*apply) (ar_ner_rule_ctx *c);
	const char *description;
} ar_ner_rule;

/* The rules in the order they run, ended by a NULL name. */
extern const ar_ner_rule ar_ner_rules[];

/* Run every rule of ar_ner_rules in order. */
extern void ar_ner_apply_rules(ar_ner_rule_ctx *c);

/* ---- canonical forms (ar_ner_canonical.c) ---- */

/*
 * Canonical forms of the spans sp[0..nsp): clitics stripped, gazetteer
 * spelling when known; then a full person name absorbs mentions of its
 * surname and spelling variants inside the text share the first form.
 */
extern void ar_ner_canonicalize(const ar_ner_seq *q, const ar_gazetteer *g,
								const ar_gazetteer *user, span *sp, size_t nsp);

#endif							/* AR_NER_INTERNAL_H */
