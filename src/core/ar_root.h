/*
 * ar_root.h
 *    The triliteral or quadriliteral root of an Arabic word, only where the
 *    stemmer's lexicon and the morphological patterns make it certain.
 *
 * The word is normalized and split the way the stemmer does (proclitics,
 * pronoun enclitics, endings reduced with the lexicon's evidence, broken
 * plurals to their singular), and verb readings are added (imperfect
 * prefixes, past and present endings).  Every reading is matched against
 * the patterns of nouns (فاعل مفعول فعيل مفعل افتعال استفعال تفعيل ...) and
 * of verb forms I-X.  A reading counts only with evidence: a noun reading
 * needs its stem attested (lexicon or hand lists), a derived verb form its
 * verbal noun or participle, and every root needs another attested word of
 * its family.  The root is given when all readings with evidence agree on
 * it; otherwise (no reading, or two roots) there is none.
 */
#ifndef AR_ROOT_H
#define AR_ROOT_H

#include "ar_stem.h"

/* Longest input (bytes) ar_root() looks at; longer input has no root. */
#define AR_ROOT_MAXBYTES 512

/*
 * Root of word[0..len) appended to out as UTF-8 (3 or 4 letters; a hamza
 * radical is written أ, weak radicals و ي); returns false (out unchanged)
 * when the word has no certain root: not one Arabic word, a stopword, no
 * reading with evidence, or readings that disagree.  st must have a lexicon
 * (else false); scratch is reused from call to call.
 */
extern bool ar_root(const ar_stemmer *st, const char *word, size_t len, ar_buf *scratch, ar_buf *out);

#endif							/* AR_ROOT_H */
