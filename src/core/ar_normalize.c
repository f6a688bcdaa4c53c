/*
 * ar_normalize.c
 *    Arabic normalization rules, applied in one streaming pass over UTF-8.
 *
 * Each input code point goes through: presentation-form expansion (ICU NFKC,
 * the expansion is fed back through the other rules), context-free folding
 * (table below), then an emitter that owns the context-dependent rules:
 * white-space collapsing, ZWNJ/ZWJ next to Arabic letters, combining hamza
 * on a seat, and word-final يء -> ء.  The context rules look only at what was
 * already emitted, never at raw input, which is what makes the result
 * idempotent.  HTML entity repair is one of those output-side rules too: it
 * runs whenever a ';' is emitted.
 */
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include "ar_normalize.h"
#include "ar_chars.h"

const ar_rule_info ar_norm_rules[] = {
	{"presentation_forms", AR_N_PRESENTATION,
	"Arabic presentation forms and ligatures (lam-alef, ﷲ, ﷺ) are replaced by their letters (ICU NFKC)."},
	{"diacritics", AR_N_DIACRITICS,
	"Harakat, tanwin, shadda, sukun, hamza marks and superscript alef (U+064B..U+065F, U+0670) are removed."},
	{"quranic_marks", AR_N_QURANIC,
	"Quranic annotation marks (U+0610..U+061A, U+06D6..U+06ED, U+08CA..U+08FF) are removed."},
	{"tatweel", AR_N_TATWEEL,
	"Tatweel (kashida, U+0640) is removed."},
	{"alef", AR_N_ALEF,
	"Alef variants أ إ آ ٱ ٲ ٳ ٵ become bare alef ا."},
	{"hamza", AR_N_HAMZA,
	"Hamza seats ؤ ئ and seated combining hamza become ء, and a word-final يء becomes ء, so that مسؤول = مسئول and شيء = شئ."},
	{"yeh", AR_N_YEH,
	"Alef maksura ى becomes yeh ي."},
	{"teh_marbuta", AR_N_TEH_MARBUTA,
	"Teh marbuta ة becomes heh ه."},
	{"persian", AR_N_PERSIAN,
	"Persian and Urdu letters ک ڪ ی ے ۀ ە ھ ۃ become their Arabic counterparts."},
	{"digits", AR_N_DIGITS,
	"Arabic-Indic and Persian digits become ASCII digits; ٫ ٬ ٪ become . , %."},
	{"bidi", AR_N_BIDI,
	"Bidi and invisible format controls (LRM, RLM, ALM, embeddings, overrides, isolates, ZWSP, BOM, soft hyphen) are removed."},
	{"joiners", AR_N_JOINERS,
	"ZWNJ and ZWJ next to Arabic letters are removed (those inside emoji sequences are kept)."},
	{"entities", AR_N_ENTITIES,
	"HTML entities (&quot; &amp; &#1575; ...) and orphan entity debris (quot;) are decoded."},
	{"spaces", AR_N_SPACES,
	"White space is unified: runs of spaces become one space, at most one blank line is kept, ends are trimmed."},
	{NULL, 0, NULL}
};

const ar_profile_info ar_norm_profiles[] = {
	{"search", AR_PROFILE_SEARCH,
	"Folds everything that should not matter for matching (today every rule, listed one by one in AR_PROFILE_SEARCH)."},
	{"clean", AR_PROFILE_CLEAN,
	"Display-safe repairs only: presentation forms, tatweel, bidi controls, entity debris, white space; keeps diacritics and hamza."},
	{"none", 0,
	"No rule (useful as a base: 'none,digits')."},
	{NULL, 0, NULL}
};

/* ASCII case-insensitive comparison of a spec item with a NUL-terminated name. */
static bool
item_equals(const char *item, size_t n, const char *name)
{
	size_t		i;

	for (i = 0; i < n; i++)
	{
		char		a = item[i],
					b = name[i];

		if (b == '\0')
			return false;
		if (a >= 'A' && a <= 'Z')
			a = (char) (a - 'A' + 'a');
		if (a == '-')
			a = '_';
		if (a != b)
			return false;
	}
	return name[n] == '\0';
}

/* Mask of a profile or rule name, or false if unknown. */
static bool
lookup_item(const char *item, size_t n, uint32_t *bits)
{
	int			i;

	for (i = 0; ar_norm_profiles[i].name; i++)
		if (item_equals(item, n, ar_norm_profiles[i].name))
		{
			*bits = ar_norm_profiles[i].mask;
			return true;
		}
	for (i = 0; ar_norm_rules[i].name; i++)
		if (item_equals(item, n, ar_norm_rules[i].name))
		{
			*bits = ar_norm_rules[i].bit;
			return true;
		}
	if (item_equals(item, n, "all"))
	{
		*bits = AR_N_ALL;
		return true;
	}
	return false;
}

/* Parse "search,-teh_marbuta" style specifications into a rule mask. */
bool
ar_norm_parse_spec(const char *spec, size_t len, uint32_t *mask, char *bad, size_t badlen)
{
	uint32_t	m = 0;
	size_t		i = 0;
	bool		any = false;

	while (i <= len)
	{
		size_t		b = i,
					e;
		bool		neg = false;
		uint32_t	bits;

		while (i < len && spec[i] != ',')
			i++;
		e = i;
		i++;					/* skip the comma (or step past the end) */
		while (b < e && (spec[b] == ' ' || spec[b] == '\t'))
			b++;
		while (e > b && (spec[e - 1] == ' ' || spec[e - 1] == '\t'))
			e--;
		if (b < e && (spec[b] == '-' || spec[b] == '+'))
		{
			neg = spec[b] == '-';
			b++;
		}
		if (!lookup_item(spec + b, e - b, &bits))
		{
			if (bad && badlen)
			{
				size_t		n = e - b < badlen - 1 ? e - b : badlen - 1;

				/* never cut a UTF-8 sequence: the name goes into an error message */
				while (n > 0 && n < e - b && ((unsigned char) spec[b + n] & 0xC0) == 0x80)
					n--;
				memcpy(bad, spec + b, n);
				bad[n] = '\0';
			}
			return false;
		}
		m = neg ? (m & ~bits) : (m | bits);
		any = true;
	}
	*mask = m;
	return any;
}

/* Context-free fold of one code point of the Arabic block (U+0600..U+06FF). */
static inline uint32_t
fold_arabic_block(uint32_t c, uint32_t mask)
{
	switch (c)
	{
		case 0x0622:			/* آ */
		case 0x0623:			/* أ */
		case 0x0625:			/* إ */
		case 0x0671:			/* ٱ */
		case 0x0672:			/* ٲ */
		case 0x0673:			/* ٳ */
		case 0x0675:			/* ٵ */
			return (mask & AR_N_ALEF) ? 0x0627 : c;
		case 0x0624:			/* ؤ */
		case 0x0626:			/* ئ */
			return (mask & AR_N_HAMZA) ? 0x0621 : c;
		case 0x0676:			/* ٶ high hamza waw */
		case 0x0677:			/* ٷ */
			return (mask & AR_N_PERSIAN) ? ((mask & AR_N_HAMZA) ? 0x0621 : 0x0624) : c;
		case 0x0678:			/* ٸ high hamza yeh */
		case 0x06D3:			/* ۓ yeh barree with hamza */
			return (mask & AR_N_PERSIAN) ? ((mask & AR_N_HAMZA) ? 0x0621 : 0x0626) : c;
		case 0x0649:			/* ى */
			return (mask & AR_N_YEH) ? 0x064A : c;
		case 0x0629:			/* ة */
			return (mask & AR_N_TEH_MARBUTA) ? 0x0647 : c;
		case 0x06A9:			/* ک keheh */
		case 0x06AA:			/* ڪ swash kaf */
			return (mask & AR_N_PERSIAN) ? 0x0643 : c;
		case 0x06CC:			/* ی farsi yeh */
		case 0x06D2:			/* ے yeh barree */
			return (mask & AR_N_PERSIAN) ? 0x064A : c;
		case 0x06C0:			/* ۀ heh with yeh above */
		case 0x06BE:			/* ھ heh doachashmee */
		case 0x06D5:			/* ە ae */
		case 0x06C1:			/* ہ heh goal */
			return (mask & AR_N_PERSIAN) ? 0x0647 : c;
		case 0x06C3:			/* ۃ teh marbuta goal */
			return (mask & AR_N_PERSIAN) ? ((mask & AR_N_TEH_MARBUTA) ? 0x0647 : 0x0629) : c;
		case 0x0640:
			return (mask & AR_N_TATWEEL) ? 0 : c;
		case 0x066B:			/* ٫ decimal separator */
			return (mask & AR_N_DIGITS) ? '.' : c;
		case 0x066C:			/* ٬ thousands separator */
			return (mask & AR_N_DIGITS) ? ',' : c;
		case 0x066A:			/* ٪ */
			return (mask & AR_N_DIGITS) ? '%' : c;
		case 0x061C:			/* ALM */
			return (mask & AR_N_BIDI) ? 0 : c;
		default:
			break;
	}
	if (c >= 0x0660 && c <= 0x0669)
		return (mask & AR_N_DIGITS) ? '0' + (c - 0x0660) : c;
	if (c >= 0x06F0 && c <= 0x06F9)
		return (mask & AR_N_DIGITS) ? '0' + (c - 0x06F0) : c;
	if (ar_is_harakah(c))
		return (mask & AR_N_DIACRITICS) ? 0 : c;
	if (ar_is_quranic_mark(c))
		return (mask & AR_N_QURANIC) ? 0 : c;
	return c;
}

/* Context-free fold of any code point: the folded value, or 0 when deleted. */
uint32_t
ar_norm_fold_cp(uint32_t c, uint32_t mask)
{
	if (c < 0x0600)
		return (c == 0x00AD && (mask & AR_N_BIDI)) ? 0 : c;
	if (c <= 0x06FF)
		return fold_arabic_block(c, mask);
	if (ar_is_quranic_mark(c))
		return (mask & AR_N_QURANIC) ? 0 : c;
	if (ar_is_bidi_control(c))
		return (mask & AR_N_BIDI) ? 0 : c;
	if (c == AR_ZWNJ || c == AR_ZWJ)
		return (mask & AR_N_JOINERS) ? 0 : c;
	return c;
}

/* ---- HTML entity repair ---- */

typedef struct entity
{
	const char *name;
	uint32_t	cp;
} entity;

static const entity named_entities[] = {
	{"quot", '"'}, {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"apos", '\''},
	{"nbsp", 0x00A0}, {"laquo", 0x00AB}, {"raquo", 0x00BB},
	{"ldquo", 0x201C}, {"rdquo", 0x201D}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
	{"bdquo", 0x201E}, {"hellip", 0x2026}, {"ndash", 0x2013}, {"mdash", 0x2014},
	{"zwnj", 0x200C}, {"zwj", 0x200D}, {"lrm", 0x200E}, {"rlm", 0x200F},
	{"QUOT", '"'}, {"AMP", '&'}, {"LT", '<'}, {"GT", '>'},
	{NULL, 0}
};

/* Entity names that are repaired even without their '&' (debris such as quot;). */
static const char *const orphan_names[] = {"quot", "amp", "lt", "gt", "nbsp", "apos", NULL};

/*
 * Parse an entity body at s[0..len) (just after '&', or the start of an
 * orphan): "name;", "#123;" or "#x1F;".  Returns the bytes consumed, 0 if none.
 */
static size_t
parse_entity_body(const char *s, size_t len, uint32_t *cp, bool orphan)
{
	size_t		i = 0;

	if (len < 3)
		return 0;
	if (s[0] == '#')
	{
		uint32_t	v = 0;
		bool		hex = false;
		size_t		digits = 0;

		if (orphan)
			return 0;
		i = 1;
		if (i < len && (s[i] == 'x' || s[i] == 'X'))
		{
			hex = true;
			i++;
		}
		for (; i < len && digits < 8; i++, digits++)
		{
			char		ch = s[i];
			int			d;

			if (ch >= '0' && ch <= '9')
				d = ch - '0';
			else if (hex && ch >= 'a' && ch <= 'f')
				d = ch - 'a' + 10;
			else if (hex && ch >= 'A' && ch <= 'F')
				d = ch - 'A' + 10;
			else
				break;
			v = v * (hex ? 16 : 10) + (uint32_t) d;
		}
		if (digits == 0 || i >= len || s[i] != ';')
			return 0;
		if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
			return 0;
		*cp = v;
		return i + 1;
	}
	else
	{
		int			k;

		for (k = 0; named_entities[k].name; k++)
		{
			size_t		n = strlen(named_entities[k].name);

			if (n + 1 <= len && memcmp(s, named_entities[k].name, n) == 0 && s[n] == ';')
			{
				if (orphan)
				{
					int			o;
					bool		ok = false;

					for (o = 0; orphan_names[o]; o++)
						if (strcmp(orphan_names[o], named_entities[k].name) == 0)
							ok = true;
					if (!ok)
						return 0;
				}
				*cp = named_entities[k].cp;
				return n + 1;
			}
		}
	}
	return 0;
}

/* Is ch an ASCII letter? */
static inline bool
is_ascii_alpha(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* ---- the emitter: context-dependent rules over already-emitted output ---- */

typedef struct nstate
{
	ar_buf	   *out;
	uint32_t	mask;
	size_t		start;			/* where this call's output begins in out */
	uint32_t	last;			/* last emitted code point, 0 at start */
	int			pend_space;		/* white space seen, not yet emitted */
	int			pend_nl;		/* line breaks seen, not yet emitted */
	bool		after_cr;		/* previous input code point was CR */
	int			njoin;			/* pending ZWNJ/ZWJ after a non-Arabic char */
	ar_buf		joiners;		/* the pending ones: 1 = ZWJ, 0 = ZWNJ (no cap) */
} nstate;

/* Arabic letter, mark or tatweel: the neighbours that make a joiner meaningless. */
static inline bool
is_arabic_joining(uint32_t c)
{
	return ar_is_letter(c) || ar_is_mark(c) || c == AR_TATWEEL ||
		ar_is_presentation_form(c);
}

/* Append a code point to the output and remember it. */
static inline void
put_cp(nstate *st, uint32_t c)
{
	ar_buf	   *b = st->out;

	if (c < 0x80)
	{
		ar_buf_reserve(b, 1);
		b->data[b->len++] = (char) c;
		b->data[b->len] = '\0';
	}
	else
		ar_buf_append_cp(b, c);
	st->last = c;
}

/* Word-final يء -> ء: drop the yeh run before a final hamza (hamza rule). */
static void
word_end(nstate *st)
{
	ar_buf	   *b = st->out;
	size_t		p;

	if (st->last != 0x0621 || !(st->mask & AR_N_HAMZA))
		return;
	/* output ends with ء (D8 A1); look for a run of ي (D9 8A) before it */
	p = b->len - 2;
	while (p >= st->start + 2 &&
		   (unsigned char) b->data[p - 2] == 0xD9 && (unsigned char) b->data[p - 1] == 0x8A)
		p -= 2;
	if (p == b->len - 2 || p < st->start + 2)
		return;					/* no yeh, or nothing before the yeh run */
	{
		int			adv;
		size_t		q = p - 1;
		uint32_t	prev;

		/* find the start of the code point before the yeh run */
		while (q > st->start && ((unsigned char) b->data[q] & 0xC0) == 0x80)
			q--;
		prev = ar_utf8_decode((const unsigned char *) b->data + q, p - q, &adv);
		if (!ar_is_letter(prev))
			return;
	}
	b->data[p] = (char) 0xD8;
	b->data[p + 1] = (char) 0xA1;
	b->len = p + 2;
	b->data[b->len] = '\0';
}

/* Add a joiner to the pending ones (decided by the next emitted char). */
static void
push_joiner(nstate *st, bool zwj)
{
	char		v = zwj ? 1 : 0;

	if (st->joiners.data == NULL)
		ar_buf_init(&st->joiners, st->out->alloc, 16);
	ar_buf_append(&st->joiners, &v, 1);
	st->njoin++;
}

/* Emit pending joiners, or drop them if the next emitted char is Arabic. */
static void
resolve_joiners(nstate *st, bool next_arabic)
{
	int			i;

	if (st->njoin == 0)
		return;
	if (!next_arabic)
		for (i = 0; i < st->njoin; i++)
			put_cp(st, st->joiners.data[i] ? AR_ZWJ : AR_ZWNJ);
	st->njoin = 0;
	st->joiners.len = 0;
}

static void feed_basic(nstate *st, uint32_t c);
static void feed_presentation(nstate *st, uint32_t c);

/* Last code point of this call's output, or 0 if there is none. */
static uint32_t
last_cp(const nstate *st)
{
	const ar_buf *b = st->out;
	size_t		q;
	int			adv;

	if (b->len <= st->start)
		return 0;
	q = b->len - 1;
	while (q > st->start && ((unsigned char) b->data[q] & 0xC0) == 0x80)
		q--;
	return ar_utf8_decode((const unsigned char *) b->data + q, b->len - q, &adv);
}

/*
 * The output just got a ';': if it closes an entity ("&quot;", "&#1576;",
 * "&amp;", or orphan debris "quot;"), cut the entity off the output, give
 * back to the pending state what was flushed before it (spaces, joiners), and
 * return true with the decoded code point.  Looking only at emitted output is
 * what makes nested and split entities (&amp;quot;, &qu<RLM>ot;) decode in one
 * pass and keeps the result idempotent.
 */
static bool
decode_tail(nstate *st, uint32_t *cp)
{
	ar_buf	   *b = st->out;
	size_t		k = b->len - 1,	/* the ';' */
				lo = st->start,
				j,
				begin = 0,
				n = 0;

	for (j = k; j > lo && k - j < 11; j--)
		if (b->data[j - 1] == '&')
		{
			begin = j - 1;
			n = parse_entity_body(b->data + j, k - j + 1, cp, false);
			if (n != k - j + 1)
				n = 0;
			break;
		}
	if (n == 0)
	{
		for (j = k; j > lo && is_ascii_alpha(b->data[j - 1]); j--)
			;
		if (j < k && !(j > lo && ((b->data[j - 1] >= '0' && b->data[j - 1] <= '9') ||
								  b->data[j - 1] == '&' || b->data[j - 1] == '#')))
		{
			begin = j;
			n = parse_entity_body(b->data + j, k - j + 1, cp, true);
			if (n != k - j + 1)
				n = 0;
		}
	}
	if (n == 0)
		return false;
	b->len = begin;
	if (st->mask & AR_N_SPACES)
		while (b->len > st->start && (b->data[b->len - 1] == ' ' || b->data[b->len - 1] == '\n'))
		{
			if (b->data[b->len - 1] == '\n')
				st->pend_nl++;
			else
				st->pend_space = 1;
			b->len--;
		}
	if (st->mask & AR_N_JOINERS)
	{
		size_t		end = b->len,
					p;

		/* nothing is pending here: joiners were resolved before the ';' went out */
		while (b->len >= st->start + 3 &&
			   (unsigned char) b->data[b->len - 3] == 0xE2 &&
			   (unsigned char) b->data[b->len - 2] == 0x80 &&
			   ((unsigned char) b->data[b->len - 1] == 0x8C || (unsigned char) b->data[b->len - 1] == 0x8D))
			b->len -= 3;
		for (p = b->len; p < end; p += 3)
			push_joiner(st, (unsigned char) b->data[p + 2] == 0x8D);
	}
	b->data[b->len] = '\0';
	st->last = last_cp(st);
	return true;
}

/* Emit a visible (non-space) code point, flushing pending white space first. */
static void
emit_visible(nstate *st, uint32_t c)
{
	for (;;)
	{
		bool		arabic = is_arabic_joining(c);
		uint32_t	d;

		if (!ar_is_letter(c))
			word_end(st);
		resolve_joiners(st, arabic);
		if (st->pend_nl || st->pend_space)
		{
			if (st->out->len > st->start)
			{
				if (st->pend_nl)
				{
					put_cp(st, '\n');
					if (st->pend_nl > 1)
						put_cp(st, '\n');
				}
				else
					put_cp(st, ' ');
			}
			st->pend_nl = 0;
			st->pend_space = 0;
		}
		put_cp(st, c);
		if (c != ';' || !(st->mask & AR_N_ENTITIES) || !decode_tail(st, &d))
			return;
		if (d != ';')
		{
			/* the decoded character goes through every rule, as if it had been read */
			if ((st->mask & AR_N_PRESENTATION) && ar_is_presentation_form(d))
				feed_presentation(st, d);
			else
				feed_basic(st, d);
			return;
		}
		c = d;					/* "&#59;": a ';' that may close another entity */
	}
}

/* Feed one code point (already free of presentation forms) through fold and emitter. */
static void
feed_basic(nstate *st, uint32_t c)
{
	uint32_t	mask = st->mask;
	bool		cr = st->after_cr;

	st->after_cr = false;

	/* white space */
	if (mask & AR_N_SPACES)
	{
		if (ar_is_hspace(c))
		{
			word_end(st);
			resolve_joiners(st, true);	/* a joiner next to white space joins nothing */
			st->pend_space = 1;
			return;
		}
		if (ar_is_newline(c))
		{
			word_end(st);
			resolve_joiners(st, true);
			if (c == '\r')
				st->after_cr = true;
			else if (c == '\n' && cr)
				return;			/* CR LF is one break */
			st->pend_nl++;
			return;
		}
	}

	/* joiners: dropped next to Arabic, kept (e.g. in emoji sequences) otherwise */
	if ((c == AR_ZWNJ || c == AR_ZWJ) && (mask & AR_N_JOINERS))
	{
		if (st->pend_space || st->pend_nl || is_arabic_joining(st->last))
			return;				/* next to white space or an Arabic letter */
		push_joiner(st, c == AR_ZWJ);
		return;
	}

	/* combining hamza on a seat: ؤ ئ ىٔ -> ء, أ -> ا (with the alef rule) */
	if ((c == 0x0654 || c == 0x0655) && (mask & AR_N_HAMZA) &&
		!st->pend_space && !st->pend_nl && st->njoin == 0 && st->out->len >= st->start + 2)
	{
		ar_buf	   *b = st->out;

		if (st->last == 0x0648 || st->last == 0x064A || st->last == 0x0649)
		{
			b->data[b->len - 2] = (char) 0xD8;
			b->data[b->len - 1] = (char) 0xA1;
			st->last = 0x0621;
			return;
		}
		if (st->last == 0x0627 && (mask & AR_N_ALEF))
			return;
	}

	c = ar_norm_fold_cp(c, mask);
	if (c == 0)
		return;
	/* a fold may land on a letter another enabled rule folds again (ۃ -> ة -> ه) */
	if (c >= 0x0600 && c <= 0x06FF)
		c = fold_arabic_block(c, mask);
	if (c == 0)
		return;
	emit_visible(st, c);
}

/* Expand a presentation form with ICU NFKC and feed the result through the rules. */
static void
feed_presentation(nstate *st, uint32_t c)
{
	UErrorCode	err = U_ZERO_ERROR;
	const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&err);
	UChar		src[2];
	UChar		dst[64];
	int32_t		n,
				i = 0;

	if (U_FAILURE(err))
	{
		feed_basic(st, c);
		return;
	}
	src[0] = (UChar) c;			/* presentation forms are all in the BMP */
	n = unorm2_normalize(nfkc, src, 1, dst, 64, &err);
	if (U_FAILURE(err) || n <= 0)
	{
		feed_basic(st, c);
		return;
	}
	while (i < n)
	{
		UChar32		u;

		U16_NEXT(dst, i, n, u);
		feed_basic(st, (uint32_t) u);
	}
}

/* One streaming pass of every code-point rule over in[0..len). */
static void
normalize_pass(const char *in, size_t len, uint32_t mask, ar_buf *out)
{
	const unsigned char *s = (const unsigned char *) in;
	size_t		i = 0,
				next_check = 65536;
	nstate		st;

	memset(&st, 0, sizeof(st));
	st.out = out;
	st.mask = mask;
	st.start = out->len;
	ar_buf_reserve(out, len + 8);

	while (i < len)
	{
		uint32_t	c = s[i];
		int			adv = 1;

		if (i >= next_check)
		{
			next_check = i + 65536;
			if (out->alloc->check_fn)
				out->alloc->check_fn(out->alloc->ctx);
		}

		/* fast path: plain ASCII that no rule touches */
		if (c > ' ' && c < 0x7F && c != ';' && st.njoin == 0 && !st.pend_space && !st.pend_nl &&
			!st.after_cr && st.last != 0x0621)
		{
			out->data[out->len++] = (char) c;
			st.last = c;
			i++;
			if (out->len + 4 >= out->cap)
				ar_buf_reserve(out, 8);
			continue;
		}
		/* fast path: a plain space between words */
		if (c == ' ' && (mask & AR_N_SPACES) && st.njoin == 0 && !st.after_cr &&
			st.last != 0x0621)
		{
			st.pend_space = 1;
			i++;
			continue;
		}
		/* fast path: a two-byte Arabic-block code point that folds context-free */
		if (c >= 0xD8 && c <= 0xDB && i + 1 < len && (s[i + 1] & 0xC0) == 0x80 &&
			st.njoin == 0 && !st.pend_nl && !st.after_cr)
		{
			uint32_t	cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
			uint32_t	f = fold_arabic_block(cp, mask);

			if (f == 0 && cp != 0x0654 && cp != 0x0655)
			{
				i += 2;			/* deleted mark or tatweel */
				continue;
			}
			if (((f >= 0x0622 && f <= 0x063A) || (f >= 0x0641 && f <= 0x064A)) &&
				(f == cp || fold_arabic_block(f, mask) == f))
			{
				if (out->len + 8 >= out->cap)
					ar_buf_reserve(out, 8);
				if (st.pend_space)
				{
					if (out->len > st.start)
						out->data[out->len++] = ' ';
					st.pend_space = 0;
				}
				out->data[out->len++] = (char) (0xC0 | (f >> 6));
				out->data[out->len++] = (char) (0x80 | (f & 0x3F));
				st.last = f;
				i += 2;
				continue;
			}
		}
		if (c >= 0x80)
			c = ar_utf8_decode(s + i, len - i, &adv);
		i += adv;
		if ((mask & AR_N_PRESENTATION) && ar_is_presentation_form(c))
			feed_presentation(&st, c);
		else
			feed_basic(&st, c);
	}
	word_end(&st);
	resolve_joiners(&st, false);
	if (st.joiners.data)
		ar_buf_free(&st.joiners);
	out->data[out->len] = '\0';
}

/* Append the normalization of in[0..len) under rule mask to out. */
void
ar_normalize(const char *in, size_t len, uint32_t mask, ar_buf *out)
{
	normalize_pass(in, len, mask, out);
}
