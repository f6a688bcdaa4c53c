/*
 * ar_names.c
 *    Name model: folding, model file parsing, alignment scores, name keys,
 *    similarity and the two spelling directions of a token (see ar_names.h);
 *    texts of several names are in ar_names_text.c.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>

#include "ar_names.h"
#include "ar_names_internal.h"
#include "ar_names_rom.h"
#include "ar_normalize.h"

#define NL AR_NAMES_NLAT
#define NA AR_NAMES_NAR
#define NX (1 + NL + NL * NL)	/* Latin segments: none, one letter, two letters */
#define NY (1 + NA)				/* Arabic segments of at most one letter */
#define NPOS 3					/* start, middle, end of the Arabic word */
#define FLOOR_LOGP (-25.0f)		/* an event the model never saw */

/* e^x for x <= 0 (x > -30), precise enough to weigh probabilities (no libm needed). */
static double
exp_approx(double x)
{
	double		r = 1.0,
				t = 1.0;
	int			halvings = 0;

	while (x < -0.5)
		x /= 2, halvings++;
	for (int k = 1; k < 12; k++)
		t *= x / k, r += t;
	while (halvings-- > 0)
		r *= r;
	return r;
}

/* Larger / smaller of two floats (no libm needed). */
static inline float
fmaxf_(float a, float b)
{
	return a > b ? a : b;
}

static inline float
fminf_(float a, float b)
{
	return a < b ? a : b;
}

struct ar_names_model
{
	float		seg[NPOS][NX][NY];	/* log P(x, y | pos) */
	float		seg2[NPOS][NL + 1][NY][NY];	/* log P(one letter, two Arabic letters | pos) */
	float		lo,
				hi;				/* calibration of the per-letter cross score to [0, 1] */
	float		bonus;			/* added per Arabic letter to a cross score (tuned on held-out names) */
	struct spelling_list
	{
		struct exonym *v;		/* sorted by Latin name */
		int			n;
	}			lists[3];		/* 0 exonyms, 1 training names (by Latin), 2 place names to display (by Arabic) */
	ar_names_rom *rom_model;	/* joint bigrams ("bi"): Latin to Arabic (keys) and romanization */
	ar_names_rom *rom_display;	/* joint bigrams ("rbi") of the romanizer, when the file has them */
	/* derived at load */
	float		dec_score[NPOS][NX];	/* best Arabic output of a Latin segment */
	uint8_t		dec_y[NPOS][NX][2];
	char		cls[NPOS][NY][3];	/* key class of an Arabic letter; lowercase first = vowel */
	char		rom[NPOS][NY][3];	/* romanization of an Arabic letter */
};

/* An exonym: folded Latin letters and the Arabic symbols of the name (Moscow موسكو). */
#define EXO_MAXSYM 24			/* longer list entries are left out (names are shorter) */

typedef struct exonym
{
	uint8_t		lat[EXO_MAXSYM];
	uint8_t		ar[EXO_MAXSYM];
	uint8_t		nlat,
				nar;
} exonym;

/* Arabic letters of symbols 1..29 (the `search` folding's output alphabet). */
static const uint32_t arabic_letters[NA] = {
	0x0621, 0x0627, 0x0628, 0x062A, 0x062B, 0x062C, 0x062D, 0x062E, 0x062F, 0x0630,
	0x0631, 0x0632, 0x0633, 0x0634, 0x0635, 0x0636, 0x0637, 0x0638, 0x0639, 0x063A,
	0x0641, 0x0642, 0x0643, 0x0644, 0x0645, 0x0646, 0x0647, 0x0648, 0x064A
};


/* The Arabic letter of symbol 1..29. */
uint32_t
ar_names_arabic_cp(int sym)
{
	return (sym >= 1 && sym <= NA) ? arabic_letters[sym - 1] : 0;
}

/* Symbol of a folded Arabic letter, 0 for none. */
static int
arabic_sym(uint32_t cp)
{
	int			lo = 0,
				hi = NA - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (arabic_letters[mid] == cp)
			return mid + 1;
		if (arabic_letters[mid] < cp)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return 0;
}

/* Arabic symbol of a code point after `search` folding (see ar_names_internal.h). */
int
ar_names_fold_arabic_cp(uint32_t cp)
{
	switch (cp)
	{
		case 0x06A4:			/* ڤ */
			return arabic_sym(0x0641);
		case 0x067E:			/* پ */
			return arabic_sym(0x0628);
		case 0x0686:			/* چ */
			return arabic_sym(0x062C);
		case 0x06AF:			/* گ */
		case 0x06A8:			/* ڨ */
			return arabic_sym(0x063A);
	}
	cp = ar_norm_fold_cp(cp, AR_PROFILE_SEARCH);
	return cp ? arabic_sym(cp) : 0;
}

/* Latin letters of a Latin-script code point (see ar_names_internal.h). */
int
ar_names_fold_latin_cp(uint32_t cp, char out[2])
{
	UChar		buf[8];
	UErrorCode	err = U_ZERO_ERROR;
	const UNormalizer2 *nfd;

	if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
	{
		out[0] = (char) (cp | 0x20);
		return 1;
	}
	if (cp < 0xC0 || cp > 0x24F)
		return 0;
	switch (cp)
	{
		case 0xDF:				/* ß */
			out[0] = out[1] = 's';
			return 2;
		case 0xC6:
		case 0xE6:				/* æ */
			out[0] = 'a', out[1] = 'e';
			return 2;
		case 0x152:
		case 0x153:				/* œ */
			out[0] = 'o', out[1] = 'e';
			return 2;
		case 0xDE:
		case 0xFE:				/* þ */
			out[0] = 't', out[1] = 'h';
			return 2;
		case 0xD8:
		case 0xF8:				/* ø */
			out[0] = 'o';
			return 1;
		case 0x141:
		case 0x142:				/* ł */
			out[0] = 'l';
			return 1;
		case 0x110:
		case 0x111:
		case 0xD0:
		case 0xF0:				/* đ ð */
			out[0] = 'd';
			return 1;
		case 0x131:				/* dotless ı */
			out[0] = 'i';
			return 1;
	}
	nfd = unorm2_getNFDInstance(&err);
	if (U_FAILURE(err))
		return 0;
	if (unorm2_getDecomposition(nfd, (UChar32) cp, buf, 8, &err) > 0 && U_SUCCESS(err) &&
		(buf[0] | 0x20) >= 'a' && (buf[0] | 0x20) <= 'z')
	{
		out[0] = (char) (buf[0] | 0x20);
		return 1;
	}
	return 0;
}

/* Fold a token to symbols of the script of its first letter (see ar_names.h). */
int
ar_names_fold(const char *s, size_t len, uint8_t *out, ar_name_script *script)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0;
	int			n = 0;

	*script = AR_NAME_NONE;
	while (i < len && n < AR_NAMES_MAXSYM)
	{
		int			adv;
		uint32_t	cp = ar_utf8_decode(p + i, len - i, &adv);

		i += (size_t) adv;
		if (cp >= 0x0600 && cp <= 0x06FF)
		{
			int			sym = ar_names_fold_arabic_cp(cp);

			if (sym && *script != AR_NAME_LATIN)
			{
				*script = AR_NAME_ARABIC;
				out[n++] = (uint8_t) sym;
			}
		}
		else if (*script != AR_NAME_ARABIC)
		{
			char		l[2];
			int			k = ar_names_fold_latin_cp(cp, l);

			for (int j = 0; j < k && n < AR_NAMES_MAXSYM; j++)
				out[n++] = (uint8_t) (l[j] - 'a' + 1);
			if (k)
				*script = AR_NAME_LATIN;
		}
	}
	return n;
}

/* ---- model file ---- */

/* Latin segment index of one or two symbols (b = 0 for one). */
static inline int
xidx(int a, int b)
{
	return b ? 1 + NL + (a - 1) * NL + (b - 1) : a;
}

/* Parse a segment field: "-" (none), or letters of one script; returns the symbol count or -1. */
static int
parse_field(const char *s, size_t len, bool latin, uint8_t *sym)
{
	int			n = 0;
	size_t		i = 0;

	if (len == 1 && s[0] == '-')
		return 0;
	while (i < len)
	{
		int			adv;
		uint32_t	cp = ar_utf8_decode((const unsigned char *) s + i, len - i, &adv);
		int			v = latin ? ((cp >= 'a' && cp <= 'z') ? (int) (cp - 'a' + 1) : 0) : arabic_sym(cp);

		if (!v || n == 2)
			return -1;
		sym[n++] = (uint8_t) v;
		i += (size_t) adv;
	}
	return n;
}

/* Store one "seg POS X Y LOGP" line into the tables; false when malformed. */
static bool
parse_seg(ar_names_model *m, const char *line, size_t len)
{
	const char *f[5];
	size_t		fl[5];
	int			nf = 0;
	size_t		i = 0;
	uint8_t		x[2] = {0, 0},
				y[2] = {0, 0};
	int			nx,
				ny,
				pos;
	char		num[32];
	double		v;
	char	   *end;

	while (i < len && nf < 5)
	{
		while (i < len && line[i] == ' ')
			i++;
		f[nf] = line + i;
		while (i < len && line[i] != ' ')
			i++;
		fl[nf] = (size_t) (line + i - f[nf]);
		if (fl[nf])
			nf++;
	}
	if (nf != 5 || fl[1] != 1 || fl[4] >= sizeof(num))
		return false;
	pos = f[1][0] - '0';
	nx = parse_field(f[2], fl[2], true, x);
	ny = parse_field(f[3], fl[3], false, y);
	memcpy(num, f[4], fl[4]);
	num[fl[4]] = '\0';
	v = strtod(num, &end);
	if (pos < 0 || pos >= NPOS || nx < 0 || ny < 0 || (nx == 0 && ny == 0) || *end ||
		!(v <= 0.0) || (ny == 2 && nx != 1))
		return false;
	if (v < FLOOR_LOGP)
		v = FLOOR_LOGP;
	if (ny == 2)
		m->seg2[pos][x[0]][y[0]][y[1]] = (float) v;
	else
		m->seg[pos][nx ? xidx(x[0], x[1]) : 0][y[0]] = (float) v;
	return true;
}

/* Is c a Latin vowel letter? */
static inline bool
is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/*
 * The key class of Arabic letter y at position p: its Latin renderings with
 * vowels and doubled letters taken out ("ah" -> "h", "tt" -> "t"), weighted
 * by the model; the heaviest consonant string wins ("H", "Sh", "Kh"), or the
 * letter is a vowel letter (class "a", "o", "i", ...) when the renderings
 * without consonants weigh most.
 */
static void
key_class(ar_names_model *m, int p, int y)
{
	char		keys[NX][3];
	double		w[NX];
	int			nk = 0,
				best = -1;

	for (int x = 1; x < NX; x++)
	{
		char		raw[2],
					k[3] = {0, 0, 0};
		int			nr = x <= NL ? 1 : 2,
					nkc = 0,
					i;
		double		pr;

		if (m->seg[p][x][y] <= FLOOR_LOGP)
			continue;
		pr = exp_approx(m->seg[p][x][y]);
		raw[0] = (char) ('a' + (x <= NL ? x - 1 : (x - 1 - NL) / NL));
		raw[1] = (char) ('a' + (x - 1 - NL) % NL);
		for (int j = 0; j < nr; j++)
			if (!is_vowel(raw[j]) && !(nkc && k[nkc - 1] == raw[j]))
				k[nkc++] = raw[j];
		if (nkc == 0)			/* a vowel rendering: the vowel itself */
			k[0] = raw[0];
		for (i = 0; i < nk; i++)
			if (strcmp(keys[i], k) == 0)
				break;
		if (i == nk)
		{
			memcpy(keys[nk], k, 3);
			w[nk++] = 0.0;
		}
		w[i] += pr;
	}
	memset(m->cls[p][y], 0, 3);
	for (int i = 0; i < nk; i++)
		if (best < 0 || w[i] > w[best])
			best = i;
	if (best < 0)
		return;
	memcpy(m->cls[p][y], keys[best], 3);
	if (!is_vowel(m->cls[p][y][0]))
		m->cls[p][y][0] = (char) (m->cls[p][y][0] - 'a' + 'A');	/* consonant */
}

/* Parse a joint token: "^", "$" or LATIN:ARABIC (each "-" when empty); -3 when malformed. */
static int32_t
parse_token(const char *s, size_t len)
{
	const char *colon = memchr(s, ':', len);
	uint8_t		x[2] = {0, 0},
				y[2] = {0, 0};
	int			nx,
				ny;

	if (len == 1 && s[0] == '^')
		return AR_ROM_BOS;
	if (len == 1 && s[0] == '$')
		return AR_ROM_EOS;
	if (!colon)
		return -3;
	nx = parse_field(s, (size_t) (colon - s), true, x);
	ny = parse_field(colon + 1, len - (size_t) (colon + 1 - s), false, y);
	if (nx < 0 || ny < 0 || nx + ny == 0)
		return -3;
	return AR_ROM_TOKEN(nx == 0 ? 0 : xidx(x[0], x[1]), y[0], y[1]);
}

/* Store one "bi|rbi PREV NEXT COUNT" line into *rom; false when malformed. */
static bool
parse_bigram(const ar_allocator *alloc, ar_names_rom **rom, const char *s, size_t len)
{
	const char *sp1 = memchr(s, ' ', len),
			   *sp2 = sp1 ? memchr(sp1 + 1, ' ', len - (size_t) (sp1 + 1 - s)) : NULL;
	char		num[32];
	char	   *end;
	int32_t		a,
				b;
	float		c;

	if (!sp2 || len - (size_t) (sp2 + 1 - s) >= sizeof(num))
		return false;
	a = parse_token(s, (size_t) (sp1 - s));
	b = parse_token(sp1 + 1, (size_t) (sp2 - sp1 - 1));
	memcpy(num, sp2 + 1, len - (size_t) (sp2 + 1 - s));
	num[len - (size_t) (sp2 + 1 - s)] = '\0';
	c = strtof(num, &end);
	if (a == -3 || b == -3 || *end || !(c > 0.0f) || a == AR_ROM_EOS || b == AR_ROM_BOS)
		return false;
	ar_names_rom_add(alloc, rom, a, b, c);
	return true;
}

/* Compare folded Latin symbol strings (shorter first on a common prefix). */
static int
cmp_lat(const uint8_t *a, int na, const uint8_t *b, int nb)
{
	for (int i = 0; i < na && i < nb; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return na - nb;
}

/* Store one "exo|lex LATIN ARABIC" line (sorted by LATIN) or "dsp" line (sorted by ARABIC) in list; false when malformed. */
static bool
parse_exo(const ar_allocator *alloc, ar_names_model *m, const char *s, size_t len, int list)
{
	const char *sp = memchr(s, ' ', len);
	exonym		e;
	ar_name_script sl,
				sa;
	struct spelling_list *l;
	uint8_t		lat[AR_NAMES_MAXSYM],
				ar[AR_NAMES_MAXSYM];
	int			nl,
				na;

	if (!sp)
		return false;
	nl = ar_names_fold(s, (size_t) (sp - s), lat, &sl);
	na = ar_names_fold(sp + 1, len - (size_t) (sp + 1 - s), ar, &sa);
	if (sl != AR_NAME_LATIN || sa != AR_NAME_ARABIC)
		return false;
	if (nl > EXO_MAXSYM || na > EXO_MAXSYM)
		return true;			/* too long to be looked up: left out */
	memcpy(e.lat, lat, (size_t) nl);
	memcpy(e.ar, ar, (size_t) na);
	e.nlat = (uint8_t) nl;
	e.nar = (uint8_t) na;
	l = &m->lists[list];
	if (l->n && (list == 2 ? cmp_lat(l->v[l->n - 1].ar, l->v[l->n - 1].nar, e.ar, e.nar)
				 : cmp_lat(l->v[l->n - 1].lat, l->v[l->n - 1].nlat, e.lat, e.nlat)) >= 0)
		return false;			/* not sorted */
	if ((l->n & (l->n - 1)) == 0)	/* 0, 1, 2, 4, ...: grow */
		l->v = alloc->realloc_fn(alloc->ctx, l->v, sizeof(exonym) * (size_t) (l->n ? l->n * 2 : 1));
	l->v[l->n++] = e;
	return true;
}

/*
 * The entry of folded Latin symbols in list 0 (exonyms) or 1 (training names), or of folded Arabic
 * symbols in list 2 (place names to display), or NULL.
 */
static const exonym *
find_exonym(const ar_names_model *m, int list, const uint8_t *lat, int n)
{
	const exonym *v = m->lists[list].v;
	int			lo = 0,
				hi = m->lists[list].n - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		int			c = list == 2 ? cmp_lat(v[mid].ar, v[mid].nar, lat, n) : cmp_lat(v[mid].lat, v[mid].nlat, lat, n);

		if (c == 0)
			return &v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/* Derive the decoding, key-class and romanization tables from the segment tables. */
static void
derive_tables(ar_names_model *m)
{
	for (int p = 0; p < NPOS; p++)
	{
		for (int x = 1; x < NX; x++)
		{
			float		best = m->seg[p][x][0];
			uint8_t		b0 = 0,
						b1 = 0;

			for (int y = 1; y < NY; y++)
				if (m->seg[p][x][y] > best)
					best = m->seg[p][x][y], b0 = (uint8_t) y, b1 = 0;
			if (x <= NL)
				for (int y = 1; y < NY; y++)
					for (int z = 1; z < NY; z++)
						if (m->seg2[p][x][y][z] > best)
							best = m->seg2[p][x][y][z], b0 = (uint8_t) y, b1 = (uint8_t) z;
			m->dec_score[p][x] = best;
			m->dec_y[p][x][0] = b0;
			m->dec_y[p][x][1] = b1;
		}
		for (int y = 1; y < NY; y++)
		{
			float		best = FLOOR_LOGP;
			int			bx = 0;

			/* the Latin spelling of a letter: its likeliest non-empty segment */
			for (int x = 1; x < NX; x++)
				if (m->seg[p][x][y] > best)
					best = m->seg[p][x][y], bx = x;
			memset(m->rom[p][y], 0, 3);
			memset(m->cls[p][y], 0, 3);
			if (bx == 0)
				continue;
			if (bx <= NL)
				m->rom[p][y][0] = (char) ('a' + bx - 1);
			else
			{
				m->rom[p][y][0] = (char) ('a' + (bx - 1 - NL) / NL);
				m->rom[p][y][1] = (char) ('a' + (bx - 1 - NL) % NL);
			}
			key_class(m, p, y);
		}
	}
}

/* Parse a model file image (see ar_names.h). */
ar_names_model *
ar_names_model_open(const ar_allocator *alloc, const char *text, size_t len, const char **err)
{
	ar_names_model *m;
	size_t		i = 0;
	bool		header = false,
				calib = false;
	long		nseg = 0;

	m = alloc->realloc_fn(alloc->ctx, NULL, sizeof(ar_names_model));
	memset(m->lists, 0, sizeof(m->lists));
	m->rom_model = NULL;
	m->rom_display = NULL;
	for (int p = 0; p < NPOS; p++)
	{
		for (int x = 0; x < NX; x++)
			for (int y = 0; y < NY; y++)
				m->seg[p][x][y] = FLOOR_LOGP;
		for (int x = 0; x <= NL; x++)
			for (int y = 0; y < NY; y++)
				for (int z = 0; z < NY; z++)
					m->seg2[p][x][y][z] = FLOOR_LOGP;
	}
	*err = NULL;
	while (i < len && !*err)
	{
		const char *line = text + i;
		const char *nl = memchr(line, '\n', len - i);
		size_t		ll = nl ? (size_t) (nl - line) : len - i;

		i += ll + 1;
		if (ll == 0 || line[0] == '#')
			continue;
		if (!header)
		{
			if (ll != 17 || memcmp(line, "pg_arabic_names 1", 17) != 0)
				*err = "the first line is not \"pg_arabic_names 1\"";
			header = true;
		}
		else if (ll > 6 && memcmp(line, "calib ", 6) == 0)
		{
			char		num[64];
			char	   *end;

			if (ll >= sizeof(num))
				*err = "malformed calib line";
			else
			{
				/* calib LO HI BONUS */
				memcpy(num, line + 6, ll - 6);
				num[ll - 6] = '\0';
				m->lo = strtof(num, &end);
				m->hi = strtof(end, &end);
				m->bonus = strtof(end, &end);
				if (*end || !(m->hi > m->lo) || !(m->bonus >= 0.0f && m->bonus < 10.0f))
					*err = "malformed calib line";
				calib = true;
			}
		}
		else if (ll > 4 && memcmp(line, "seg ", 4) == 0 && parse_seg(m, line, ll))
			nseg++;
		else if (ll > 3 && memcmp(line, "bi ", 3) == 0)
		{
			if (!parse_bigram(alloc, &m->rom_model, line + 3, ll - 3))
				*err = "malformed bi line";
		}
		else if (ll > 3 && memcmp(line, "lm ", 3) == 0)
		{
			if (!ar_names_rom_lm_line(alloc, &m->rom_display, line + 3, ll - 3))
				*err = "malformed lm line";
		}
		else if (ll > 4 && memcmp(line, "rbi ", 4) == 0)
		{
			if (!parse_bigram(alloc, &m->rom_display, line + 4, ll - 4))
				*err = "malformed rbi line";
		}
		else if (ll > 4 && (memcmp(line, "exo ", 4) == 0 || memcmp(line, "lex ", 4) == 0))
		{
			if (!parse_exo(alloc, m, line + 4, ll - 4, line[0] == 'e' ? 0 : 1))
				*err = "malformed exo or lex line";
		}
		else if (ll > 4 && memcmp(line, "dsp ", 4) == 0)
		{
			if (!parse_exo(alloc, m, line + 4, ll - 4, 2))
				*err = "malformed dsp line";
		}
		else
			*err = "malformed line";
	}
	if (!*err && (!header || !calib || nseg < NA))
		*err = "the model is incomplete (header, calib or seg lines missing)";
	if (!*err && m->rom_model && !ar_names_rom_finish(m->rom_model))
		*err = "bi lines are not sorted by token";
	if (!*err && m->rom_display && !ar_names_rom_finish(m->rom_display))
		*err = "rbi lines are not sorted by token";
	if (*err)
	{
		ar_names_rom_free(alloc, m->rom_model);
		ar_names_rom_free(alloc, m->rom_display);
		for (int l = 0; l < 3; l++)
			if (m->lists[l].v)
				alloc->free_fn(alloc->ctx, m->lists[l].v);
		alloc->free_fn(alloc->ctx, m);
		return NULL;
	}
	derive_tables(m);
	return m;
}

/* Release a model. */
void
ar_names_model_free(const ar_allocator *alloc, ar_names_model *m)
{
	if (!m)
		return;
	ar_names_rom_free(alloc, m->rom_model);
	ar_names_rom_free(alloc, m->rom_display);
	for (int l = 0; l < 3; l++)
		if (m->lists[l].v)
			alloc->free_fn(alloc->ctx, m->lists[l].v);
	alloc->free_fn(alloc->ctx, m);
}

/* ---- scores ---- */

/* Position class of an Arabic segment starting at j, dy letters long, in a word of na letters. */
static inline int
apos(int j, int dy, int na)
{
	return j == 0 ? 0 : (j + dy >= na ? 2 : 1);
}

/* Best-alignment joint log probability (see ar_names.h). */
double
ar_names_cross_logp(const ar_names_model *m, const uint8_t *lat, int n, const uint8_t *ar, int na)
{
	float		v[AR_NAMES_MAXSYM + 1][AR_NAMES_MAXSYM + 1];

	for (int i = 0; i <= n; i++)
		for (int j = 0; j <= na; j++)
		{
			float		best = i + j == 0 ? 0.0f : -1e30f;

			if (i >= 1)
			{
				int			x1 = lat[i - 1];

				best = fmaxf_(best, v[i - 1][j] + m->seg[apos(j, 0, na)][x1][0]);
				if (j >= 1)
				{
					int			p = apos(j - 1, 1, na);

					best = fmaxf_(best, v[i - 1][j - 1] + m->seg[p][x1][ar[j - 1]]);
					if (i >= 2)
						best = fmaxf_(best, v[i - 2][j - 1] + m->seg[p][xidx(lat[i - 2], x1)][ar[j - 1]]);
					if (j >= 2)
						best = fmaxf_(best, v[i - 1][j - 2] +
									 m->seg2[apos(j - 2, 2, na)][x1][ar[j - 2]][ar[j - 1]]);
				}
			}
			if (j >= 1)
				best = fmaxf_(best, v[i][j - 1] + m->seg[apos(j - 1, 1, na)][0][ar[j - 1]]);
			v[i][j] = best;
		}
	return v[n][na];
}

/* Likeliest Arabic spelling of Latin symbols (see ar_names.h). */
int
ar_names_to_arabic(const ar_names_model *m, const uint8_t *lat, int n, uint8_t *out)
{
	float		v[AR_NAMES_MAXSYM + 1];
	int			from[AR_NAMES_MAXSYM + 1];
	int			seg_x[AR_NAMES_MAXSYM + 1];
	int			segs[AR_NAMES_MAXSYM + 1];
	int			k = 0,
				no = 0;
	const exonym *e = find_exonym(m, 0, lat, n);

	if (!e)
		e = find_exonym(m, 1, lat, n);
	if (e)
	{
		memcpy(out, e->ar, e->nar);
		return e->nar;
	}
	if (m->rom_model)			/* the joint bigram model, when the file has one */
	{
		int			nb = ar_names_rom_arabize(m->rom_model, lat, n, out);

		if (nb >= 0)
			return nb;
	}
	v[0] = 0.0f;
	for (int i = 1; i <= n; i++)
	{
		v[i] = -1e30f;
		for (int dx = 1; dx <= 2 && dx <= i; dx++)
		{
			int			x = dx == 1 ? lat[i - 1] : xidx(lat[i - 2], lat[i - 1]);
			int			p = i - dx == 0 ? 0 : (i == n ? 2 : 1);
			float		s = v[i - dx] + m->dec_score[p][x];

			if (s > v[i])
				v[i] = s, from[i] = i - dx, seg_x[i] = x;
		}
	}
	for (int i = n; i > 0; i = from[i])
		segs[k++] = i;
	while (k-- > 0)
	{
		int			i = segs[k];
		int			p = from[i] == 0 ? 0 : (i == n ? 2 : 1);
		const uint8_t *y = m->dec_y[p][seg_x[i]];

		for (int t = 0; t < 2 && y[t] && no < AR_NAMES_MAXSYM; t++)
			out[no++] = y[t];
	}
	return no;
}

/* Start of the name after a leading article ال (kept when fewer than 3 letters would remain). */
static inline int
skip_article(const uint8_t *ar, int na)
{
	return (na >= 5 && ar[0] == SYM_ALEF && ar[1] == SYM_LAM) ? 2 : 0;
}

/* Append the key of Arabic symbols (see ar_names.h). */
void
ar_names_key_symbols(const ar_names_model *m, const uint8_t *ar, int na, ar_buf *out)
{
	int			s = skip_article(ar, na);
	size_t		start = out->len;
	const char *last = "";

	for (int j = s; j < na; j++)
	{
		int			p = j == s ? 0 : (j == na - 1 ? 2 : 1);
		const char *c = m->cls[p][ar[j]];

		if (c[0] >= 'a' && c[0] <= 'z')
		{
			/* a vowel letter counts only at the start (as "a") and at the end of the word */
			if (p == 0)
				ar_buf_append(out, "a", 1);
			if (p == 2)
			{
				char		v = (char) (c[0] == 'u' ? 'O' : c[0] - 'a' + 'A');

				ar_buf_append(out, &v, 1);
				last = "";
			}
			continue;
		}
		if (c[0] && strcmp(c, last) != 0)
			ar_buf_append(out, c, strlen(c));
		last = c;
	}
	if (out->len == start)		/* only vowel letters: spell them */
		for (int j = s; j < na; j++)
			if (m->cls[1][ar[j]][0])
			{
				char		v = (char) (m->cls[1][ar[j]][0] & ~0x20);

				ar_buf_append(out, &v, 1);
			}
}

/* Arabic symbols of a token: its folded letters, or the likeliest spelling of a Latin one. */
static int
arabic_symbols(const ar_names_model *m, const char *s, size_t len, uint8_t *out, ar_name_script *sc)
{
	uint8_t		sym[AR_NAMES_MAXSYM];
	int			n = ar_names_fold(s, len, sym, sc);

	if (*sc == AR_NAME_LATIN)
		return ar_names_to_arabic(m, sym, n, out);
	memcpy(out, sym, (size_t) n);
	return n;
}

/* Append the name key of a token (see ar_names.h). */
void
ar_name_key(const ar_names_model *m, const char *s, size_t len, ar_buf *out)
{
	uint8_t		ar[AR_NAMES_MAXSYM];
	ar_name_script sc;
	int			n = arabic_symbols(m, s, len, ar, &sc);

	if (sc != AR_NAME_NONE)
		ar_names_key_symbols(m, ar, n, out);
}

/* Is Arabic symbol y at position p a vowel letter (its key class is a vowel)? */
static inline bool
is_vowel_letter(const ar_names_model *m, int p, int y)
{
	return m->cls[p][y][0] >= 'a';
}

/* Weighted edit distance of two Arabic spellings: vowel letters and same-class letters are cheap. */
static float
arabic_distance(const ar_names_model *m, const uint8_t *a, int na, const uint8_t *b, int nb)
{
	float		d[AR_NAMES_MAXSYM + 1][AR_NAMES_MAXSYM + 1];

	for (int i = 0; i <= na; i++)
		for (int j = 0; j <= nb; j++)
		{
			float		best;

			if (i == 0 && j == 0)
			{
				d[0][0] = 0.0f;
				continue;
			}
			best = 1e30f;
			if (i > 0)
				best = fminf_(best, d[i - 1][j] + (is_vowel_letter(m, 1, a[i - 1]) ? 0.4f : 1.0f));
			if (j > 0)
				best = fminf_(best, d[i][j - 1] + (is_vowel_letter(m, 1, b[j - 1]) ? 0.4f : 1.0f));
			if (i > 0 && j > 0)
			{
				int			x = a[i - 1],
							y = b[j - 1];
				float		c = x == y ? 0.0f :
					(strcmp(m->cls[1][x], m->cls[1][y]) == 0 ||
					 (is_vowel_letter(m, 1, x) && is_vowel_letter(m, 1, y))) ? 0.3f : 1.0f;

				best = fminf_(best, d[i - 1][j - 1] + c);
			}
			d[i][j] = best;
		}
	return d[na][nb];
}

/* Similarity of two Arabic spellings: 1 - weighted edit distance / longer length (articles aside). */
static float
arabic_similarity(const ar_names_model *m, const uint8_t *a, int na, const uint8_t *b, int nb)
{
	int			s = skip_article(a, na),
				t = skip_article(b, nb),
				maxlen;

	a += s, na -= s;
	b += t, nb -= t;
	maxlen = na > nb ? na : nb;
	return maxlen ? 1.0f - arabic_distance(m, a, na, b, nb) / (float) maxlen : 1.0f;
}

/* Similarity in [0, 1] of two name tokens (see ar_names.h). */
float
ar_name_similarity(const ar_names_model *m, const char *a, size_t alen, const char *b, size_t blen)
{
	uint8_t		sa[AR_NAMES_MAXSYM],
				sb[AR_NAMES_MAXSYM],
				ta[AR_NAMES_MAXSYM],
				tb[AR_NAMES_MAXSYM];
	ar_name_script ca,
				cb;
	int			na = ar_names_fold(a, alen, sa, &ca),
				nb = ar_names_fold(b, blen, sb, &cb);
	const uint8_t *pa = sa,
			   *pb = sb;
	float		sim;

	if (ca == AR_NAME_NONE || cb == AR_NAME_NONE)
		return 0.0f;
	if (ca != cb)
	{
		/* across scripts: the alignment score per Latin letter, calibrated */
		const uint8_t *lat = ca == AR_NAME_LATIN ? sa : sb,
				   *ar = ca == AR_NAME_LATIN ? sb : sa;
		int			nl = ca == AR_NAME_LATIN ? na : nb,
					nar = ca == AR_NAME_LATIN ? nb : na;
		const exonym *e = find_exonym(m, 0, lat, nl);

		double		z = ((ar_names_cross_logp(m, lat, nl, ar, nar) + m->bonus * nar) / nl - m->lo) /
			(m->hi - m->lo);

		/* 0 at the median of mismatched pairs; strictly rising above it (no ties at 1) */
		sim = z <= 0.0 ? 0.0f : (float) (1.0 - exp_approx(-2.5 * (z < 10.0 ? z : 10.0)));
		if (e)					/* an exonym: also as close as its Arabic name is */
			sim = fmaxf_(sim, arabic_similarity(m, e->ar, e->nar, ar, nar));
	}
	else
	{
		if (ca == AR_NAME_LATIN)	/* two Latin spellings: compare their Arabic spellings */
		{
			na = ar_names_to_arabic(m, sa, na, ta);
			nb = ar_names_to_arabic(m, sb, nb, tb);
			pa = ta, pb = tb;
		}
		sim = arabic_similarity(m, pa, na, pb, nb);
	}
	return sim < 0.0f ? 0.0f : (sim > 1.0f ? 1.0f : sim);
}

/* Is the third letter of a word that starts with ال a hamza seat (أ إ آ; الأسد)? */
static bool
hamza_after_article(const char *s, size_t len)
{
	size_t		i = 0;
	int			k = 0,
				adv;

	while (i < len)
	{
		uint32_t	cp = ar_utf8_decode((const unsigned char *) s + i, len - i, &adv);
		bool		mark;

		i += (size_t) adv;
		(void) ar_names_word_cp_script(cp, &mark);
		if (mark)
			continue;
		if (++k == 3)
			return cp == 0x0622 || cp == 0x0623 || cp == 0x0625;
	}
	return false;
}

/*
 * Append the romanization of a name token without its article; *article is set when the token
 * starts with an article ال that the model leaves unspelt (الأسد, not البرتي Alberti).
 */
static void
romanize_word(const ar_names_model *m, const char *s, size_t len, ar_buf *out, bool *article)
{
	uint8_t		sym[AR_NAMES_MAXSYM];
	ar_name_script sc;
	int			n = ar_names_fold(s, len, sym, &sc),
				adv,
				silent = 0;
	uint32_t	first = len ? ar_utf8_decode((const unsigned char *) s, len, &adv) : 0;
	/* أل / إل / آل: a hamza seat is spoken, so this is no article (ألمانيا is not ال + مانيا) */
	bool		hamza = (first == 0x0622 || first == 0x0623 || first == 0x0625) && n > 1 && sym[1] == SYM_LAM;
	const ar_names_rom *rom = m->rom_display ? m->rom_display : m->rom_model;
	double		whole;
	size_t		start = out->len;

	*article = false;
	if (sc == AR_NAME_ARABIC && rom &&
		ar_names_rom_decode(rom, sym, n, hamza, out, &silent, &whole))
	{
		*article = silent >= 2 && skip_article(sym, n) == 2;
		/*
		 * ال + at least 3 letters, spelt by the model: the article after all when a hamza seat
		 * follows (an Arabic word starts there: الأسد al-Asad) or when the article as a word of its
		 * own and the rest as a name are likelier (السيسي al-Sisi, not الكسندر Alexander)
		 */
		if (!*article && !hamza && skip_article(sym, n) == 2)
		{
			ar_buf		stem;
			double		rest;

			ar_buf_init(&stem, out->alloc, 32);
			if (ar_names_rom_decode(rom, sym + 2, n - 2, false, &stem, &silent, &rest) && stem.len > 0 &&
				(hamza_after_article(s, len) || ar_names_rom_article_logp(rom) + rest > whole))
			{
				*article = true;
				out->len = start;
				ar_buf_append(out, stem.data, stem.len);
			}
			ar_buf_free(&stem);
		}
		return;
	}
	for (int j = 0; j < n; j++)
	{
		if (sc == AR_NAME_LATIN)
		{
			char		c = (char) ('a' + sym[j] - 1);

			ar_buf_append(out, &c, 1);
		}
		else
		{
			const char *r = m->rom[apos(j, 1, n)][sym[j]];

			ar_buf_append(out, r, strlen(r));
		}
	}
}

/* Append the readable romanization of a name token (see ar_names.h). */
void
ar_name_romanize(const ar_names_model *m, const char *s, size_t len, ar_buf *out)
{
	bool		article;

	romanize_word(m, s, len, out, &article);
}

/* Append the romanization of a name token for display (see ar_names_internal.h). */
void
ar_names_romanize_display(const ar_names_model *m, const char *s, size_t len, ar_buf *out)
{
	size_t		at = out->len;
	bool		article;
	uint8_t		sym[AR_NAMES_MAXSYM];
	ar_name_script sc;
	int			n = ar_names_fold(s, len, sym, &sc);
	const exonym *known = sc == AR_NAME_ARABIC ? find_exonym(m, 2, sym, n) : NULL;
	bool		behind_article = false;

	if (sc == AR_NAME_ARABIC && ar_names_is_allah(sym, n))
	{
		ar_buf_append(out, "allah", 5);	/* no list has it; the romanizer gives La */
		return;
	}

	/* behind the article ال (not أل, whose alef is spoken): الأسد al-Assad */
	if (!known && sc == AR_NAME_ARABIC && skip_article(sym, n) && len > 4 && memcmp(s, "\xD8\xA7\xD9\x84", 4) == 0)
		behind_article = (known = find_exonym(m, 2, sym + 2, n - 2)) != NULL;
	if (known)					/* a known place or name token (موسكو Moscow, خالد Khalid) */
	{
		if (behind_article)
			ar_buf_append(out, "al-", 3);
		for (int i = 0; i < known->nlat; i++)
		{
			char		c = (char) ('a' + known->lat[i] - 1);

			if (i == 0 && behind_article)
				c = (char) (c - 'a' + 'A');
			ar_buf_append(out, &c, 1);
		}
		return;
	}
	romanize_word(m, s, len, out, &article);
	if (article && out->len > at)
	{
		size_t		n = out->len - at;

		ar_buf_append(out, "al-", 3);	/* grow, then shift the word right */
		memmove(out->data + at + 3, out->data + at, n);
		memcpy(out->data + at, "al-", 3);
		if (out->data[at + 3] >= 'a' && out->data[at + 3] <= 'z')
			out->data[at + 3] = (char) (out->data[at + 3] - 'a' + 'A');
	}
}

/* Append the likeliest Arabic spelling of a name token (see ar_names.h). */
void
ar_name_arabize(const ar_names_model *m, const char *s, size_t len, ar_buf *out)
{
	uint8_t		ar[AR_NAMES_MAXSYM];
	ar_name_script sc;
	int			n = arabic_symbols(m, s, len, ar, &sc);

	for (int j = 0; j < n; j++)
		ar_buf_append_cp(out, ar_names_arabic_cp(ar[j]));
}
