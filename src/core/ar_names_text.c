/*
 * ar_names_text.c
 *    Texts of several names, word by word (ar_translit / ar_untranslit with
 *    the names scheme): words of one script are romanized or spelled in
 *    Arabic, everything between them is copied; a few forms depend on the
 *    word before (عبد العزيز, عبد الله).  See ar_names.h.
 */
#include <string.h>

#include "ar_names_internal.h"

/*
 * Display of the word w[0..len) just appended to out at *at, when it follows
 * عبد (shown from prev_at): عبد الله is one name (Abdullah), and the article
 * of the name after عبد is not written (عبد العزيز Abdel Aziz, not Abdel
 * al-Aziz).  Returns whether w itself is عبد.
 */
static bool
display_compound(const char *w, size_t len, ar_buf *out, bool prev_abd, size_t prev_at, size_t *at)
{
	static const uint8_t abd[] = {SYM_AIN, SYM_BEH, SYM_DAL};
	uint8_t		sym[AR_NAMES_MAXSYM];
	ar_name_script sc;
	int			n = ar_names_fold(w, len, sym, &sc);

	if (prev_abd && sc == AR_NAME_ARABIC && ar_names_is_allah(sym, n))
	{
		out->len = prev_at;		/* عبد الله: one word */
		ar_buf_append(out, "Abdullah", 8);
		*at = prev_at;
	}
	else if (prev_abd && out->len > *at + 3 && memcmp(out->data + *at, "al-", 3) == 0)
	{
		memmove(out->data + *at, out->data + *at + 3, out->len - *at - 3);
		out->len -= 3;
	}
	return n == 3 && memcmp(sym, abd, 3) == 0;
}

/* Script of a code point inside a name word (see ar_names_internal.h). */
ar_name_script
ar_names_word_cp_script(uint32_t cp, bool *mark)
{
	char		l[2];

	*mark = (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640 ||
		(cp >= 0x0300 && cp <= 0x036F);
	if (*mark)
		return AR_NAME_NONE;
	if (cp >= 0x0600 && cp <= 0x06FF)
		return ar_names_fold_arabic_cp(cp) ? AR_NAME_ARABIC : AR_NAME_NONE;
	return ar_names_fold_latin_cp(cp, l) ? AR_NAME_LATIN : AR_NAME_NONE;
}

/*
 * Apply a per-token function to each word of a text: a word is a run of letters of one
 * script (with their marks); everything between words (spaces, hyphens, punctuation) is
 * copied as written.  With capitalize, the first byte a word appends is upper-cased.
 */
static void
each_word(const ar_names_model *m, const char *s, size_t len, ar_buf *out, bool capitalize,
		  void (*fn) (const ar_names_model *, const char *, size_t, ar_buf *))
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0,
				prev_at = 0;
	bool		prev_abd = false;	/* the word before was عبد, shown from prev_at */

	while (i < len)
	{
		size_t		start = i,
					end = i;
		ar_name_script word = AR_NAME_NONE;

		/* a word: letters of one script and the marks that follow them */
		while (end < len)
		{
			int			adv;
			bool		mark;
			ar_name_script sc = ar_names_word_cp_script(ar_utf8_decode(p + end, len - end, &adv), &mark);

			if (mark ? word == AR_NAME_NONE : (sc == AR_NAME_NONE || (word != AR_NAME_NONE && sc != word)))
				break;
			if (!mark)
				word = sc;
			end += (size_t) adv;
		}
		if (word != AR_NAME_NONE)
		{
			size_t		at = out->len;
			bool		abd = false;

			fn(m, s + start, end - start, out);
			if (capitalize && word == AR_NAME_ARABIC)
				abd = display_compound(s + start, end - start, out, prev_abd, prev_at, &at);
			if (capitalize && out->len > at && out->data[at] >= 'a' && out->data[at] <= 'z' &&
				!(out->len > at + 3 && memcmp(out->data + at, "al-", 3) == 0))
				out->data[at] = (char) (out->data[at] - 'a' + 'A');
			prev_abd = abd;
			prev_at = at;
			i = end;
			continue;
		}
		if (!(p[i] == ' ' && prev_abd))
			prev_abd = false;	/* only a space may stand between عبد and its name */
		/* not a word: copy one code point */
		{
			int			adv;

			(void) ar_utf8_decode(p + i, len - i, &adv);
			ar_buf_append(out, s + i, (size_t) adv);
			i += (size_t) adv;
		}
	}
}

/* Append the readable romanization of a text of names, word by word (see ar_names.h). */
void
ar_name_romanize_text(const ar_names_model *m, const char *s, size_t len, ar_buf *out)
{
	each_word(m, s, len, out, true, ar_names_romanize_display);
}

/* Append the likeliest Arabic spelling of a text of names, word by word (see ar_names.h). */
void
ar_name_arabize_text(const ar_names_model *m, const char *s, size_t len, ar_buf *out)
{
	each_word(m, s, len, out, false, ar_name_arabize);
}
