/*
 * ar_dates_words.h
 *    The vocabulary of the date finder (internal to ar_dates*.c): month
 *    names (Levantine, Egyptian/Gulf, Maghreb and Hijri spellings), weekdays,
 *    number words, duration units, relative periods, era and boundary words,
 *    and the word lists the grammar tests.  Every word is a folded key (no
 *    diacritics, ا for every alef, ي for ى, ه for ة; see ar_lexseq.h).
 *
 * The grammar names a plain word list only through dw_list (L(x) in
 * ar_dates_grammar.h) and looks the structured tables up through the
 * ar_dw_* functions, so every word it can test is in this file;
 * ar_dw_openers builds the set of words that may open an expression from
 * the tables and lists marked as opening ones.
 */
#ifndef AR_DATES_WORDS_H
#define AR_DATES_WORDS_H

#include "ar_core.h"
#include "ar_lexseq.h"

/* The plain (NULL-terminated) word lists of the grammar. */
typedef enum dw_list
{
	DW_ANCHOR_YEAR,				/* عام، سنة: a year follows */
	DW_ANCHOR_DATE,				/* بتاريخ: a date follows */
	DW_PREPS,					/* منذ، خلال، قبل، بعد … */
	DW_BOUNDS,					/* بداية، أواخر، منتصف … */
	DW_ERA_GREG,				/* م، ميلادي */
	DW_ERA_HIJRI,				/* هـ، هجري */
	DW_PAST_ADJ,				/* الماضي … */
	DW_NEXT_ADJ,				/* المقبل … */
	DW_THIS_ADJ,				/* الجاري … */
	DW_VAGUE_ADJ,				/* الأخيرة … after a plural period */
	DW_RAMADAN_ADJ,				/* رمضان المبارك */
	DW_COUNT_NOUNS,				/* nouns after a 4-digit count (2000 شخص) */
	DW_ADVERBS_A,				/* tanwin adverbs that may follow a year */
	DW_COUNT_BEFORE,			/* words before a 4-digit count or code (رقم 2020) */
	DW_ERA_NOUNS,				/* فترة، عهد … before a named era */
	DW_DEMONSTRATIVE,			/* هذا، هذه */
	DW_FIRST,					/* أول (أول أمس) */
	DW_AFTER,					/* بعد (بعد غد) */
	DW_YESTERDAY,
	DW_TODAY,
	DW_TOMORROW,
	DW_DAY,						/* يوم: a day follows */
	DW_MONTH,					/* شهر: a month follows */
	DW_CENTURY,					/* القرن */
	DW_FROM,					/* من (من X إلى Y) */
	DW_BETWEEN,					/* بين (بين X و Y) */
	DW_TO,						/* إلى، حتى … */
	DW_CURRENT_PERIOD,			/* العام، الشهر … after a boundary word: the current one */
	DW_NAMED_AFTER_DAY,			/* سوق، صلاة: سوق الجمعة is no date */
	DW_TIME_OF_DAY,				/* صباح، مساء … before الاثنين */
	DW_NLISTS
} dw_list;

/* A plain list: its words, and whether an expression can start on one of them. */
typedef struct ar_dw_list_def
{
	const char *const *words;
	bool		opens;
} ar_dw_list_def;

/* The lists, indexed by dw_list. */
extern const ar_dw_list_def ar_dw_lists[DW_NLISTS];

/* Index of key in list (exact), or -1. */
extern int	ar_dw_index(const char *key, const char *const *list);
/* Index in list of key or of key behind up to two clitics (و ف ب ل ك; لل for ال), or -1. */
extern int	ar_dw_index_clitics(const char *key, const char *const *list);
/* The key starts with the article ال. */
extern bool ar_dw_has_article(const char *key);

/*
 * Month name at folded key k1 (behind و ب ف ل or و + one of ب ف ل), k2 the
 * next key or NULL: the number of words (1 or 2, 0 if none), the month,
 * whether it is Hijri and whether it is weak (also an ordinary word).
 */
extern int	ar_dw_month(const char *k1, const char *k2, int *month, bool *hijri, bool *weak);
/* ISO weekday (1..7) of the key (behind و or ف), 0 if none; weak: الاثنين also means "the two". */
extern int	ar_dw_weekday(const char *key, bool *weak);
/* Duration unit at key (behind ل or و): unit letter D W M Y E, count of a dual form, plural. */
extern bool ar_dw_unit(const char *key, char *unit, int *dual, bool *plural);
/* Number word at key (behind ل و ب, or with the article): its count, -1 vague, 0 none. */
extern int	ar_dw_numword(const char *key);
/* Relative period noun at key (clitics allowed): unit letter and plural; false if none. */
extern bool ar_dw_period(const char *key, char *unit, bool *plural);
/* TIMEX3 set value of a recurrence adverb at key (يوميا: P1D; clitics allowed), or NULL. */
extern const char *ar_dw_set(const char *key);
/* Value of a named era adjective (العثماني: 1299/1922), or NULL. */
extern const char *ar_dw_era(const char *key);
/* Tens digit of a decade word at key (behind و ف ب), 0 if none; article: the word has ال. */
extern int	ar_dw_decade(const char *key, bool *article);
/* Century ordinal at k1 (k2 the next key or NULL): the century, *nwords its words; 0 if none. */
extern int	ar_dw_century(const char *k1, const char *k2, int *nwords);

/* The set of every word of the vocabulary: an expression can only open on one of them. */
extern void ar_dw_openers(ar_keymap *m, const ar_allocator *a);
/* The folded key may open an expression: an opening word behind up to two clitics (a count also behind ال). */
extern bool ar_dw_may_open(ar_keymap *m, const char *key);

#endif							/* AR_DATES_WORDS_H */
