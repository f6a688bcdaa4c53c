/*
 * names_words.h
 *    The word lists of the ar_names configuration (src/train/names_words.c),
 *    built by names_train: ordinary words and known names.
 */
#ifndef NAMES_WORDS_H
#define NAMES_WORDS_H

#include <stdbool.h>
#include <stddef.h>

/* Read a whole file (NUL-terminated); exits with a MISSING message when it cannot. */
extern char *slurp(const char *path, size_t *len);

/* Add the Arabic words of column col of a TSV list (-1: every field) to the known names (names)
 * or to the hunspell word forms (!names). */
extern void names_words_read(const char *path, int col, bool names);

/* Write the ordinary words and known names; measure them on the held-out last holdout % of corpus. */
extern void names_words_build(const char *corpus, const char *stopfile, const char *out,
							  const char *namesout, int holdout);

#endif							/* NAMES_WORDS_H */
