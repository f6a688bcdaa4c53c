/*
 * ar_tokenize.c
 *    Arabic-aware tokenizer over UTF-8 (see ar_tokenize.h).
 *
 * Arabic and ASCII are classified inline; other scripts ask ICU (u_isalpha,
 * u_charType, uscript_getScript), so the tokenizer is independent of the
 * database locale: a C-locale database still splits ، ؛ ؟ « » off words.
 */
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "ar_tokenize.h"
#include "ar_chars.h"

const char *const ar_tok_kind_names[AR_TOK_NKINDS + 1] = {
	"", "arabic", "latin", "other", "number", "punct", "symbol", "space"
};

/* Character classes seen by the tokenizer. */
typedef enum cclass
{
	C_ARABIC,					/* Arabic letter (incl. presentation-form letters) */
	C_AMARK,					/* Arabic mark or tatweel: continues an Arabic word */
	C_JOINER,					/* ZWNJ / ZWJ */
	C_DIGIT,					/* any decimal digit we read as a number */
	C_LATIN,					/* Latin letter */
	C_OTHER,					/* letter of another script */
	C_MARK,						/* other combining mark */
	C_SPACE,					/* white space, line breaks, invisible controls */
	C_PUNCT,
	C_SYMBOL
} cclass;

/* Classify one code point. */
static cclass
classify(uint32_t c)
{
	if (c < 0x80)
	{
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			return C_LATIN;
		if (c >= '0' && c <= '9')
			return C_DIGIT;
		if (c <= ' ' || c == 0x7F)
			return C_SPACE;
		if (c == '$' || c == '+' || c == '<' || c == '=' || c == '>' ||
			c == '^' || c == '`' || c == '|' || c == '~')
			return C_SYMBOL;
		return C_PUNCT;
	}
	if (c >= 0x0600 && c <= 0x08FF)
	{
		if (ar_is_letter(c))
			return C_ARABIC;
		if (ar_is_mark(c) || c == AR_TATWEEL)
			return C_AMARK;
		if (ar_digit_value(c) >= 0)
			return C_DIGIT;
		if (c == 0x061C)
			return C_SPACE;
	}
	else if (c == AR_ZWNJ || c == AR_ZWJ)
		return C_JOINER;
	else if (ar_is_hspace(c) || ar_is_newline(c) || ar_is_bidi_control(c))
		return C_SPACE;
	else if (ar_is_presentation_form(c))
	{
		if (u_isalpha((UChar32) c))
			return C_ARABIC;
		if (u_charType((UChar32) c) == U_NON_SPACING_MARK)
			return C_AMARK;
	}
	if (c == 0xFFFD)
		return C_SYMBOL;
	if (u_isdigit((UChar32) c))
		return C_DIGIT;
	if (u_isalpha((UChar32) c))
	{
		UErrorCode	err = U_ZERO_ERROR;

		return uscript_getScript((UChar32) c, &err) == USCRIPT_LATIN ? C_LATIN : C_OTHER;
	}
	switch (u_charType((UChar32) c))
	{
		case U_NON_SPACING_MARK:
		case U_ENCLOSING_MARK:
		case U_COMBINING_SPACING_MARK:
			return C_MARK;
		case U_SPACE_SEPARATOR:
		case U_LINE_SEPARATOR:
		case U_PARAGRAPH_SEPARATOR:
		case U_CONTROL_CHAR:
		case U_FORMAT_CHAR:
			return C_SPACE;
		case U_DASH_PUNCTUATION:
		case U_START_PUNCTUATION:
		case U_END_PUNCTUATION:
		case U_CONNECTOR_PUNCTUATION:
		case U_OTHER_PUNCTUATION:
		case U_INITIAL_PUNCTUATION:
		case U_FINAL_PUNCTUATION:
			return C_PUNCT;
		default:
			return C_SYMBOL;
	}
}

/* Code point and class at byte position pos, any code point (peek's general case). */
static uint32_t
peek_any(const ar_tokenizer *t, size_t pos, int *adv, cclass *cls)
{
	uint32_t	c = ar_utf8_decode(t->s + pos, t->len - pos, adv);

	*cls = classify(c);
	return c;
}

/*
 * Code point and class at byte position pos; *adv receives its length.  The
 * letters of most Arabic text, U+0620..U+063F and U+0641..U+064A, are read
 * inline, everything else by peek_any.
 */
static inline uint32_t
peek(const ar_tokenizer *t, size_t pos, int *adv, cclass *cls)
{
	const unsigned char *p = t->s + pos;

	if (p[0] == ' ')
	{
		/* the space between words */
		*adv = 1;
		*cls = C_SPACE;
		return ' ';
	}
	if (t->len - pos >= 2 && ((p[0] == 0xD8 && p[1] >= 0xA0 && p[1] <= 0xBF) ||
							  (p[0] == 0xD9 && p[1] >= 0x81 && p[1] <= 0x8A)))
	{
		*adv = 2;
		*cls = C_ARABIC;
		return ((uint32_t) (p[0] & 0x1F) << 6) | (p[1] & 0x3F);
	}
	return peek_any(t, pos, adv, cls);
}

/* Start tokenizing s[0..len). */
void
ar_tokenizer_init(ar_tokenizer *t, const char *s, size_t len)
{
	t->s = (const unsigned char *) s;
	t->len = len;
	t->pos = 0;
	t->cpos = 0;
}

/* Is c an emoji modifier, variation selector, keycap or tag that extends a symbol? */
static inline bool
is_symbol_extender(uint32_t c)
{
	return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF) ||
		c == 0x20E3 || (c >= 0xE0020 && c <= 0xE007F) || (c >= 0xE0100 && c <= 0xE01EF);
}

/* Fill *tok with the next token; false at end of input. */
bool
ar_tokenizer_next(ar_tokenizer *t, ar_token *tok)
{
	size_t		pos = t->pos,
				cpos = t->cpos;
	int			adv;
	cclass		cls,
				ncls;
	uint32_t	c;
	bool		has_letter = false;

	if (pos >= t->len)
		return false;
	tok->byte_start = pos;
	tok->char_start = cpos;
	c = peek(t, pos, &adv, &cls);
	pos += adv;
	cpos++;

	switch (cls)
	{
		case C_ARABIC:
		case C_AMARK:
			has_letter = cls == C_ARABIC;
			while (pos < t->len)
			{
				if (pos + 1 < t->len)
				{
					/*
					 * The letters U+0620..U+063F and U+0641..U+064A, tested
					 * without branches: the lead byte of Arabic letters
					 * alternates between D8 and D9 at random, a branch on it
					 * is mispredicted at every other letter.
					 */
					unsigned	b0 = t->s[pos],
								b1 = t->s[pos + 1];
					uint32_t	cp = ((uint32_t) (b0 & 0x1F) << 6) | (b1 & 0x3F);

					if ((((b0 & 0xFE) == 0xD8) & ((b1 & 0xC0) == 0x80) &
						 ((cp - 0x0620u <= 0x1Fu) | (cp - 0x0641u <= 0x09u))) != 0)
					{
						has_letter = true;
						pos += 2;
						cpos++;
						continue;
					}
				}
				(void) peek(t, pos, &adv, &ncls);
				if (ncls == C_ARABIC || ncls == C_AMARK)
					has_letter |= ncls == C_ARABIC;
				else if (ncls == C_JOINER || ncls == C_MARK)
				{
					/*
					 * A run of joiners and foreign marks, scanned once: kept
					 * whole if the word goes on after it; otherwise the marks
					 * before its first joiner stay in the word.
					 */
					int			adv2;
					cclass		c2 = C_SPACE;
					size_t		p2 = pos,
								n2 = 0,
								jpos = 0,
								jn = 0;
					bool		joiner = false;

					while (p2 < t->len)
					{
						(void) peek(t, p2, &adv2, &c2);
						if (c2 != C_JOINER && c2 != C_MARK)
							break;
						if (c2 == C_JOINER && !joiner)
						{
							joiner = true;
							jpos = p2;
							jn = n2;
						}
						p2 += adv2;
						n2++;
					}
					if (p2 < t->len && (c2 == C_ARABIC || c2 == C_AMARK))
					{
						pos = p2;
						cpos += n2;
						continue;
					}
					if (joiner)
					{
						pos = jpos;
						cpos += jn;
					}
					else
					{
						pos = p2;
						cpos += n2;
					}
					break;
				}
				else
					break;
				pos += adv;
				cpos++;
			}
			tok->kind = has_letter ? AR_TOK_ARABIC : AR_TOK_SYMBOL;
			break;

		case C_DIGIT:
			while (pos < t->len)
			{
				uint32_t	n = peek(t, pos, &adv, &ncls);

				if (ncls == C_DIGIT)
				{
					pos += adv;
					cpos++;
					continue;
				}
				if ((n == '.' || n == ',' || n == 0x066B || n == 0x066C) && pos + adv < t->len)
				{
					int			adv2;
					cclass		c2;

					(void) peek(t, pos + adv, &adv2, &c2);
					if (c2 == C_DIGIT)
					{
						pos += adv + adv2;
						cpos += 2;
						continue;
					}
				}
				break;
			}
			tok->kind = AR_TOK_NUMBER;
			break;

		case C_LATIN:
		case C_OTHER:
			while (pos < t->len)
			{
				uint32_t	n = peek(t, pos, &adv, &ncls);

				if (ncls == cls || ncls == C_MARK ||
					(cls == C_LATIN && n >= '0' && n <= '9'))
				{
					pos += adv;
					cpos++;
				}
				else
					break;
			}
			tok->kind = cls == C_LATIN ? AR_TOK_LATIN : AR_TOK_OTHER;
			break;

		case C_SPACE:
		case C_JOINER:
			while (pos < t->len)
			{
				(void) peek(t, pos, &adv, &ncls);
				if (ncls != C_SPACE && ncls != C_JOINER)
					break;
				pos += adv;
				cpos++;
			}
			tok->kind = AR_TOK_SPACE;
			break;

		case C_PUNCT:
			tok->kind = AR_TOK_PUNCT;
			break;

		case C_MARK:
		case C_SYMBOL:
			/* a symbol with its marks, modifiers and ZWJ-joined continuation */
			while (pos < t->len)
			{
				uint32_t	n = peek(t, pos, &adv, &ncls);

				if (ncls == C_MARK || is_symbol_extender(n))
				{
					pos += adv;
					cpos++;
				}
				else if (n == AR_ZWJ && pos + adv < t->len)
				{
					int			adv2;
					cclass		c2;

					(void) peek(t, pos + adv, &adv2, &c2);
					if (c2 != C_SYMBOL)
						break;
					pos += adv + adv2;
					cpos += 2;
				}
				else if (c >= 0x1F1E6 && c <= 0x1F1FF && n >= 0x1F1E6 && n <= 0x1F1FF &&
						 cpos - tok->char_start == 1)
				{
					pos += adv;	/* regional-indicator pair: a flag */
					cpos++;
				}
				else
					break;
			}
			tok->kind = AR_TOK_SYMBOL;
			break;
	}
	tok->byte_len = pos - tok->byte_start;
	tok->char_len = cpos - tok->char_start;
	t->pos = pos;
	t->cpos = cpos;
	return true;
}
