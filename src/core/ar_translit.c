/*
 * ar_translit.c
 *    Buckwalter and Safe Buckwalter transliteration (see ar_translit.h).
 */
#include <string.h>

#include "ar_translit.h"

const char *const ar_translit_scheme_names[AR_TRANSLIT_NSCHEMES] = {
	"buckwalter", "safe_buckwalter", "names"
};

typedef struct translit_code
{
	uint32_t	cp;
	char		bw;				/* Buckwalter */
	char		safe;			/* Safe Buckwalter */
} translit_code;

/* Letters, tatweel, diacritics, dagger alef, wasla and the four extra Persian/Urdu letters. */
static const translit_code codes[] = {
	{0x0621, '\'', 'C'}, {0x0622, '|', 'M'}, {0x0623, '>', 'O'}, {0x0624, '&', 'W'},
	{0x0625, '<', 'I'}, {0x0626, '}', 'Q'}, {0x0627, 'A', 'A'}, {0x0628, 'b', 'b'},
	{0x0629, 'p', 'p'}, {0x062A, 't', 't'}, {0x062B, 'v', 'v'}, {0x062C, 'j', 'j'},
	{0x062D, 'H', 'H'}, {0x062E, 'x', 'x'}, {0x062F, 'd', 'd'}, {0x0630, '*', 'V'},
	{0x0631, 'r', 'r'}, {0x0632, 'z', 'z'}, {0x0633, 's', 's'}, {0x0634, '$', 'c'},
	{0x0635, 'S', 'S'}, {0x0636, 'D', 'D'}, {0x0637, 'T', 'T'}, {0x0638, 'Z', 'Z'},
	{0x0639, 'E', 'E'}, {0x063A, 'g', 'g'}, {0x0640, '_', '_'}, {0x0641, 'f', 'f'},
	{0x0642, 'q', 'q'}, {0x0643, 'k', 'k'}, {0x0644, 'l', 'l'}, {0x0645, 'm', 'm'},
	{0x0646, 'n', 'n'}, {0x0647, 'h', 'h'}, {0x0648, 'w', 'w'}, {0x0649, 'Y', 'Y'},
	{0x064A, 'y', 'y'}, {0x064B, 'F', 'F'}, {0x064C, 'N', 'N'}, {0x064D, 'K', 'K'},
	{0x064E, 'a', 'a'}, {0x064F, 'u', 'u'}, {0x0650, 'i', 'i'}, {0x0651, '~', '~'},
	{0x0652, 'o', 'o'}, {0x0670, '`', 'e'}, {0x0671, '{', 'L'}, {0x067E, 'P', 'P'},
	{0x0686, 'J', 'J'}, {0x06A4, 'V', 'B'}, {0x06AF, 'G', 'G'},
};

#define NCODES (sizeof(codes) / sizeof(codes[0]))

/* The scheme called name[0..len), or -1. */
int
ar_translit_scheme_find(const char *name, size_t len)
{
	for (int i = 0; i < AR_TRANSLIT_NSCHEMES; i++)
		if (strlen(ar_translit_scheme_names[i]) == len &&
			memcmp(ar_translit_scheme_names[i], name, len) == 0)
			return i;
	return -1;
}

/* The code of cp in a table scheme, or 0 when it has none. */
static char
code_of(uint32_t cp, ar_translit_scheme scheme)
{
	if (cp < 0x0621 || cp > 0x06AF)
		return 0;
	for (size_t i = 0; i < NCODES; i++)
		if (codes[i].cp == cp)
			return scheme == AR_TRANSLIT_SAFE_BUCKWALTER ? codes[i].safe : codes[i].bw;
	return 0;
}

/* The code point a table scheme's code c stands for, or 0. */
static uint32_t
cp_of(unsigned char c, ar_translit_scheme scheme)
{
	for (size_t i = 0; i < NCODES; i++)
		if ((scheme == AR_TRANSLIT_SAFE_BUCKWALTER ? codes[i].safe : codes[i].bw) == (char) c)
			return codes[i].cp;
	return 0;
}

/* Append the table transliteration of in[0..len) to out (table schemes only). */
void
ar_translit(const char *in, size_t len, ar_translit_scheme scheme, ar_buf *out)
{
	const unsigned char *s = (const unsigned char *) in;
	size_t		i = 0;

	ar_buf_reserve(out, len);
	while (i < len)
	{
		int			adv;
		uint32_t	cp = ar_utf8_decode(s + i, len - i, &adv);
		char		c = code_of(cp, scheme);

		if (c)
			ar_buf_append(out, &c, 1);
		else
			ar_buf_append(out, (const char *) s + i, (size_t) adv);	/* as it was, bad bytes too */
		i += (size_t) adv;
	}
}

/* Append the Arabic text that the table transliteration in[0..len) spells to out. */
void
ar_untranslit(const char *in, size_t len, ar_translit_scheme scheme, ar_buf *out)
{
	const unsigned char *s = (const unsigned char *) in;

	ar_buf_reserve(out, len * 2);
	for (size_t i = 0; i < len; i++)
	{
		uint32_t	cp = s[i] < 0x80 ? cp_of(s[i], scheme) : 0;

		if (cp)
			ar_buf_append_cp(out, cp);
		else
			ar_buf_append(out, (const char *) s + i, 1);
	}
}
