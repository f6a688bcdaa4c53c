/*
 * ar_namefilter.h
 *    Which Arabic tokens of a text are names, for the ar_names text-search
 *    configuration: a token is a name unless it is a stopword or an ordinary
 *    word of a lexicon, or it is not a known name and what is left of it
 *    after proclitics (و ف, ب ك ل, ال) is one.  Also gives the
 *    clitic-stripped forms of a name token, each of which gets a name key.
 *    Built once from two word lists, then only read.
 */
#ifndef AR_NAMEFILTER_H
#define AR_NAMEFILTER_H

#include "ar_core.h"

#define AR_NAMEFILTER_MAXFORMS 8

typedef struct ar_namefilter ar_namefilter;

/*
 * A new filter over three word lists (one word per line, '#' comments;
 * normalized on load): stopwords, ordinary words (never names) and known
 * names (a known name is not split into clitic + word, unless the word is a
 * known name too: لبنان stays whole, وليبيا is also ليبيا).
 */
extern ar_namefilter *ar_namefilter_new(const ar_allocator *alloc, const char *stop, size_t stoplen,
										const char *lex, size_t lexlen, const char *names,
										size_t nameslen);

/* Release a filter. */
extern void ar_namefilter_free(ar_namefilter *f);

/* Number of distinct words the filter knows. */
extern size_t ar_namefilter_count(const ar_namefilter *f);

/*
 * Is the Arabic token w[0..len) a name?  When it is, *forms gets its
 * normalized form and its clitic-stripped forms (at least 3 letters each),
 * NUL-terminated one after the other in scratch, and the count is returned;
 * 0 when the token is not a name.
 */
extern int	ar_namefilter_forms(const ar_namefilter *f, const char *w, size_t len, ar_buf *scratch,
								size_t offs[AR_NAMEFILTER_MAXFORMS]);

#endif							/* AR_NAMEFILTER_H */
