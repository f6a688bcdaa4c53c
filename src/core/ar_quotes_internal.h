/*
 * ar_quotes_internal.h
 *    What the files of the quotation finder share and nobody else uses: the
 *    hashed word lists and token predicates (ar_quotes_lex.c), the person
 *    mentions (ar_quotes_persons.c) and the finder's context, used by the
 *    marks, attributions and pipeline of ar_quotes.c.  Not installed; include
 *    it only from src/core/ar_quotes*.c.
 */
#ifndef AR_QUOTES_INTERNAL_H
#define AR_QUOTES_INTERNAL_H

#include "ar_quotes.h"
#include "ar_lexseq.h"

#define NOPERSON ((size_t) -1)

/* The word lists above, hashed once per call for constant-time membership. */
enum
{
	L_SPEECH, L_PART, L_BARE, L_COMP, L_TITLE, L_ANON, L_STOP, L_PREP, L_FEM, L_ACCORD, L_TIME,
	L_NLISTS
};

typedef struct qlex
{
	ar_keymap	m[L_NLISTS];
} qlex;

/* A person mention over tokens [a, b). */
typedef struct mention
{
	size_t		a,
				b;
	size_t		canon;			/* mention whose text names this person */
	uint32_t	byte_start,
				byte_end;		/* its text in the input */
	const char *head;			/* title head before it (a copy of a token's key), or NULL */
	const char *adj;			/* nationality adjective in that title (a copy), or NULL */
	const char *last;			/* key of its last token (a copy) */
} mention;

typedef struct qctx
{
	const ar_lexseq *q;
	const qlex *lx;
	const ar_allocator *alloc;
	mention    *m;
	size_t		nm;
	uint32_t   *person_at;		/* token -> mention index or NONE32 (read with PERSON_AT) */
	struct arq_arena *words;	/* copies of keys that outlive a page of the sequence */
	size_t	   *seg_a;			/* segment content [seg_a, seg_b) */
	size_t	   *seg_b;
	size_t	   *seg_end;		/* first token after the closing mark */
	size_t	   *seg_lo;			/* first token of the opening mark (segment of a token: seg_at) */
	bool	   *seg_used;
	size_t		nseg;
	char	   *mark;			/* 'O' open, 'C' close, 'T' toggle, 0 none */
	uint8_t    *marklen;		/* tokens making the mark (quot; is 2) */
	char		last_gender;	/* 'm'/'f': verb form that introduced the last speaker, 0 unknown */
} qctx;

#define TOK(i)	ar_lex_at(c->q, (i))

/* "none" in the 32-bit token map person_at; PERSON_AT reads it as size_t with NOPERSON. */
#define NONE32 UINT32_MAX
#define PERSON_AT(c, t) ((c)->person_at[t] == NONE32 ? NOPERSON : (size_t) (c)->person_at[t])


/* Backward scans (sentence context) look at most this many tokens. */
#define SCAN_LIMIT 400

/* ---- word lists and token predicates (ar_quotes_lex.c) ---- */

/* Copies of keys in chunks that never move: they stay valid while the sequence changes pages. */
typedef struct arq_arena
{
	char	  **chunks;
	size_t		n,
				used;			/* bytes used in the last chunk */
	const ar_allocator *alloc;
} arq_arena;

/* A copy of key (at most AR_LEX_KEYMAX bytes) valid until arq_arena_free. */
extern const char *arq_keep(arq_arena *a, const char *key);
/* Free the copies. */
extern void arq_arena_free(arq_arena *a);

/* Hash the word lists. */
extern void arq_qlex_init(qlex *lx, const ar_allocator *a);
/* Free the hashed lists. */
extern void arq_qlex_free(qlex *lx);
/* key without one leading clitic letter و ف ب ل, or NULL. */
extern const char *arq_strip_clitic(const char *key);
/* Allocate n zeroed elements of size sz. */
extern void *arq_zalloc(const ar_allocator *a, size_t n, size_t sz);
/* Key of token i is one of list, a clitic from pre allowed. */
extern bool arq_in_list(const ar_lexseq *q, size_t i, const char *const *list, const char *pre);
/* Key of token i is in hashed list l, or is one clitic letter from pre + a word of it. */
extern bool arq_in_set(const qlex *lx, const ar_lexseq *q, size_t i, int l, const char *pre);
/* Token i is punctuation p. */
extern bool arq_is_punct(const ar_lexseq *q, size_t i, const char *p);
/* Key starts with the article ال. */
extern bool arq_has_article(const char *key);
/* A word that can be part of a person's name. */
extern bool arq_is_name_word(const qlex *lx, const ar_lexseq *q, size_t i);
/* A family name with the article ending in ي (الحربي، الصفدي) after a first name. */
extern bool arq_is_nisba(const qlex *lx, const ar_lexseq *q, size_t i);
/* سارة القحطاني، فاطمة محمد: a first name ending in ة counts when a family name follows. */
extern bool arq_feminine_first_name(const qlex *lx, const ar_lexseq *q, size_t i);
/* عبد الرحمن، أبو الغيط: an article word right after عبد / أبو / بن / بو belongs to the name. */
extern bool arq_after_kunya(const ar_lexseq *q, size_t i);
/* Sentence end at token i (outside quote marks): . ؟ ? ! or a line break before i. */
extern bool arq_sentence_end(const ar_lexseq *q, size_t i);

/* ---- persons and mentions (ar_quotes_persons.c) ---- */

/* Token ranges (pairs) of guessed persons over q. */
extern void arq_guess_ranges(const qlex *lx, const ar_lexseq *q, const ar_allocator *al,
							 size_t **v, size_t *n);
/* After a title at i: skip باسم/ال-modifiers and one comma; returns the first name position. */
extern size_t arq_skip_title(const qlex *lx, const ar_lexseq *q, size_t i);
/* Build the mentions of c from person spans and guessed token ranges (pairs), with canonical mentions and titles. */
extern void arq_build_mentions(qctx *c, const ar_span *persons, size_t np, const size_t *ranges,
							   size_t nr);
/* Same title head, ignoring the article and a clitic (الوزير = وزير = للوزير). */
extern bool arq_same_head(const char *a, const char *b);

#endif							/* AR_QUOTES_INTERNAL_H */
