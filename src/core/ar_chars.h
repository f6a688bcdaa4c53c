/*
 * ar_chars.h
 *    Arabic character classes used across the core (normalizer, tokenizer,
 *    stemmer, tagger).  Pure functions of a code point; no ICU needed here.
 */
#ifndef AR_CHARS_H
#define AR_CHARS_H

#include <stdint.h>
#include <stdbool.h>

#define AR_TATWEEL		0x0640
#define AR_ZWNJ			0x200C
#define AR_ZWJ			0x200D

/* Harakat, tanwin, shadda, sukun, maddah/hamza marks and superscript alef. */
static inline bool
ar_is_harakah(uint32_t c)
{
	return (c >= 0x064B && c <= 0x065F) || c == 0x0670;
}

/* Quranic annotation marks (small high letters, stop signs, extended marks). */
static inline bool
ar_is_quranic_mark(uint32_t c)
{
	return (c >= 0x0610 && c <= 0x061A) ||
		(c >= 0x06D6 && c <= 0x06DC) ||
		(c >= 0x06DF && c <= 0x06E4) ||
		(c >= 0x06E7 && c <= 0x06E8) ||
		(c >= 0x06EA && c <= 0x06ED) ||
		(c >= 0x08CA && c <= 0x08E1) ||
		(c >= 0x08E3 && c <= 0x08FF);
}

/* Any Arabic combining mark (harakah or Quranic mark). */
static inline bool
ar_is_mark(uint32_t c)
{
	return ar_is_harakah(c) || ar_is_quranic_mark(c);
}

/* Base Arabic-script letters (Arabic, Supplement, Extended-A/B blocks; not presentation forms). */
static inline bool
ar_is_letter(uint32_t c)
{
	return (c >= 0x0620 && c <= 0x063F) ||
		(c >= 0x0641 && c <= 0x064A) ||
		(c >= 0x066E && c <= 0x066F) ||
		(c >= 0x0671 && c <= 0x06D3) ||
		c == 0x06D5 ||
		(c >= 0x06EE && c <= 0x06EF) ||
		(c >= 0x06FA && c <= 0x06FC) ||
		c == 0x06FF ||
		(c >= 0x0750 && c <= 0x077F) ||
		(c >= 0x0870 && c <= 0x0887) ||
		(c >= 0x0889 && c <= 0x088E) ||
		(c >= 0x08A0 && c <= 0x08C9);
}

/* Arabic presentation forms (A and B blocks): folded by NFKC. */
static inline bool
ar_is_presentation_form(uint32_t c)
{
	return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF && c != 0xFEFF);
}

/* Arabic-Indic (U+0660..0669) or Extended Arabic-Indic/Persian (U+06F0..06F9) digit value, or -1. */
static inline int
ar_digit_value(uint32_t c)
{
	if (c >= '0' && c <= '9')
		return (int) (c - '0');
	if (c >= 0x0660 && c <= 0x0669)
		return (int) (c - 0x0660);
	if (c >= 0x06F0 && c <= 0x06F9)
		return (int) (c - 0x06F0);
	return -1;
}

/* Bidi and invisible format controls that never carry meaning for text analysis. */
static inline bool
ar_is_bidi_control(uint32_t c)
{
	return c == 0x061C || c == 0x200E || c == 0x200F ||
		(c >= 0x202A && c <= 0x202E) ||
		(c >= 0x2066 && c <= 0x2069) ||
		c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0x00AD;
}

/* Horizontal white space (ASCII and Unicode spaces, not newlines). */
static inline bool
ar_is_hspace(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == 0x00A0 ||
		c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
		c == 0x205F || c == 0x3000;
}

/* Line breaks. */
static inline bool
ar_is_newline(uint32_t c)
{
	return c == '\n' || c == '\r' || c == 0x0085 || c == 0x2028 || c == 0x2029;
}

#endif							/* AR_CHARS_H */
