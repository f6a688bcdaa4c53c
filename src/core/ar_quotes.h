/*
 * ar_quotes.h
 *    Quotations in Arabic news text and who said them.  Plain C, no global
 *    state.
 *
 * Two kinds of quotation are found:
 *   - text between quote marks: «…», “…” (also ”…” and „…“ as news sites
 *     write them), "…", and the HTML debris &quot;…&quot; / quot;…quot;;
 *   - reported speech after a speech verb (قال، أضاف، أكد، صرح، أعرب، أوضح،
 *     تابع، اعتبر، رأى، ذكر، أشار، أعلن، شدد، لفت …, with و/ف clitics) or a
 *     participle (قائلا، مؤكدا، مضيفا …): the clause after إن/أن or ":" up to
 *     the end of the sentence, or the marked quotation that follows.
 *
 * Speaker resolution takes PERSON spans as input (ar_quotes_find's persons
 * argument, code-point offsets as the tokenizer and the tagger give them).
 * A verb's subject that is a person gives the speaker; a title without a name
 * (الوزير، وزير الخارجية الروسي) is resolved to the most recent person whose
 * title matches (head word and nationality adjective); an anonymous source
 * (متحدث باسم …، مصدر …) or another noun phrase is returned as written; a
 * verb alone (وأضاف أنه …) or a preposition after it gives the last speaker.
 * A marked quotation with no speech verb is given to the person named before
 * it in the same sentence.  The speaker is reported as the fullest mention of
 * that person in the text (لافروف -> سيرغي لافروف).
 *
 * Without a tagger, ar_quotes_guess_persons produces PERSON candidates:
 * one to three name words after a title or role (الرئيس، وزير الخارجية
 * الأمريكي، نظيره، السفير … لدى الأمم المتحدة، الباحثة …), the subject right
 * after a speech verb (قال لافروف), and every later occurrence of a name word
 * found that way (للافروف).  Known weaknesses: a name word must not start
 * with ي (an imperfect verb looks the same), so يوسف after a title is missed;
 * the folded key of علي (the name) equals على (the preposition).
 *
 * SQL: ar_quotes(text) passes the PER spans of the named-entity tagger to
 * ar_quotes_find_tagged; ar_quotes(text, int4range[]) passes the caller's
 * PERSON spans (1-based [start_pos, start_pos + length)) to ar_quotes_find.
 */
#ifndef AR_QUOTES_H
#define AR_QUOTES_H

#include "ar_core.h"

/* A span of the input in code points (0-based), e.g. a PERSON entity. */
typedef struct ar_span
{
	size_t		char_start;
	size_t		char_len;
} ar_span;

typedef struct ar_span_list
{
	ar_span    *v;
	size_t		n;
	size_t		cap;
	const ar_allocator *alloc;
} ar_span_list;

typedef struct ar_quote
{
	size_t		byte_start;		/* the quotation, without its quote marks */
	size_t		byte_len;
	size_t		char_start;		/* code points, 0-based */
	size_t		char_len;
	bool		has_speaker;
	size_t		speaker_byte_start;	/* the speaker as written in the input */
	size_t		speaker_byte_len;
} ar_quote;

typedef struct ar_quote_list
{
	ar_quote   *v;
	size_t		n;
	size_t		cap;
	const ar_allocator *alloc;
} ar_quote_list;

/*
 * Find the quotations of s[0..len) in text order.  persons: PERSON spans
 * (any order; spans not on token boundaries are widened to whole tokens);
 * NULL means "guess them" with ar_quotes_guess_persons.  out is initialized
 * here and freed with ar_quote_list_free.
 */
extern void ar_quotes_find(const char *s, size_t len, const ar_span *persons, size_t npersons,
						   const ar_allocator *alloc, ar_quote_list *out);

/*
 * Like ar_quotes_find with persons from a tagger, completed by the guessed
 * persons (ar_quotes_guess_persons) that overlap no given span: a speaker the
 * tagger missed still resolves through a title or a speech-verb subject.
 */
extern void ar_quotes_find_tagged(const char *s, size_t len, const ar_span *persons,
								  size_t npersons, const ar_allocator *alloc, ar_quote_list *out);

/*
 * The token sequence of a text longer than AR_QUOTES_PAGE tokens is held a
 * page at a time (ar_lexseq_build_paged), with the same result: memory is a
 * few bytes per token instead of about 60.  ar_quotes_find_paged is
 * ar_quotes_find (tagged false) or ar_quotes_find_tagged (true) with another
 * page size (at least 1024 tokens): tests pass small pages.
 */
#define AR_QUOTES_PAGE 16384
extern void ar_quotes_find_paged(const char *s, size_t len, const ar_span *persons,
								 size_t npersons, bool tagged, size_t page,
								 const ar_allocator *alloc, ar_quote_list *out);

/* Heuristic PERSON candidates (see above); out is initialized here. */
extern void ar_quotes_guess_persons(const char *s, size_t len, const ar_allocator *alloc,
									ar_span_list *out);

extern void ar_quote_list_free(ar_quote_list *l);
extern void ar_span_list_free(ar_span_list *l);

#endif							/* AR_QUOTES_H */
