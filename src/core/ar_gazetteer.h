/*
 * ar_gazetteer.h
 *    The gazetteer of the entity tagger: a hash of known names (normalized
 *    surfaces -> entity type and canonical form) with a spelling-skeleton
 *    index and a table of the words of the names, filled from the rows of
 *    the ar_gazetteer table or of the shipped file, and saved as an image so
 *    that a backend loads the shipped rows without rebuilding them.  Types
 *    are the AR_NER_* entity types of ar_ner.h.  A gazetteer is read-only
 *    once built.
 */
#ifndef AR_GAZETTEER_H
#define AR_GAZETTEER_H

#include "ar_core.h"

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
 * Changing a gazetteer made by ar_gaz_create (the cache of the user rows,
 * updated row by row as they change; never an image).  ar_gaz_key writes
 * the folded key of a name (its words folded, one space between them) to
 * out and returns its word count, or 0 (nothing written) when the surface
 * is no name that ar_gaz_add would take.  ar_gaz_put_row sets the row's key
 * to that row, replacing what the key had; ar_gaz_remove removes a key
 * (false when absent).  After any sequence of these the key and spelling
 * indexes answer as a gazetteer built afresh from the keys' last rows; the
 * word table and the longest name length may keep words of removed names
 * (they only bound the lookups tried).  ar_gaz_row_cmp is the row order of
 * ar_gaz_add_rows (among rows of one key, the greatest wins there).
 */
extern int	ar_gaz_key(const char *surface, size_t len, ar_buf *out);
extern bool ar_gaz_put_row(ar_gazetteer *g, const ar_gaz_row *r);
extern bool ar_gaz_remove(ar_gazetteer *g, const char *key, size_t len);
extern int	ar_gaz_row_cmp(const ar_gaz_row *a, const ar_gaz_row *b);

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

#endif							/* AR_GAZETTEER_H */
