/*
 * ar_root.c
 *    Roots of Arabic words where the lexicon and the patterns make them
 *    certain (see ar_root.h).
 *
 * Templates use the stand-ins of ar_stem_patterns.c (digits are radicals;
 * A w y ' h m t s n letters).  The word is read the stemmer's way (its
 * normalization, its lexicon, its hand lists, its ending reduction and its
 * broken-plural patterns) and every reading that fits a template with
 * evidence proposes a root; one root for all such readings is the answer.
 */
#include <string.h>

#include "ar_root.h"
#include "ar_normalize.h"
#include "ar_stem_internal.h"
#include "ar_stem_patterns.h"

/* Distinct roots kept before the word is declared ambiguous. */
#define MAXROOTS 4
/* Longest stem a template describes. */
#define MAXSTEM 8
#define HAMZA_ALEF 0x0623

typedef struct root_ctx
{
	const ar_stemmer *st;
	cp16		roots[MAXROOTS][4];
	int			rlen[MAXROOTS];
	int			nroots;
	bool		noun_seen;		/* a noun reading had an attested stem: no verb readings */
} root_ctx;

/* A template of a stem and the root it gives ("123" unless said). */
typedef struct root_tpl
{
	const char *stem;
	const char *root;
	int			flags;			/* NO_* below */
} root_tpl;

/*
 * Readings a template does not take, because the letters then hide another
 * form: hollow roots write their middle و as ي (قيام, مقيم), مفعل of a hollow
 * root looks like فعال or فعيل (مقال, مكان, مبيع).
 */
#define NO_Y2	1				/* second radical ي */
#define NO_M1	2				/* first radical م */
#define NO_S1	4				/* first radical س: استفاد is استفعل of فيد, not افتعل of سفد */
#define NO_A1	8				/* first radical ا: إصابة is إفالة of صوب, not فعالة of أصب */
#define Y2_RIVAL 16				/* second radical ي: فيعل of a و root competes (سيد ميت جيد) */
#define NO_W2	32				/* second radical و */
#define NO_T2	64				/* second radical ت: مختار is مفتعل of خير (مفتاح is lost) */

/* Nouns and adjectives: singulars, verbal nouns, participles (the stem must be attested). */
static const root_tpl noun_tpl[] = {
	{"123", "123", Y2_RIVAL}, {"123h", "123", Y2_RIVAL},	/* فعل فعلة */
	{"1A23", "123", 0}, {"1A23h", "123", 0},	/* فاعل فاعلة */
	{"m12w3", "123", NO_Y2 | NO_W2}, {"m12w3h", "123", NO_Y2 | NO_W2},	/* مفعول */
	{"12y3", "123", NO_M1}, {"12y3h", "123", NO_M1},	/* فعيل فعيلة */
	{"12A3", "123", NO_Y2 | NO_M1 | NO_A1}, {"12A3h", "123", NO_Y2 | NO_M1 | NO_A1},	/* فعال فعالة */
	{"12w3", "123", 0}, {"12w3h", "123", 0},	/* فعول فعولة */
	{"m123", "123", NO_Y2 | NO_W2}, {"m123h", "123", NO_Y2 | NO_W2},	/* مفعل مفعلة */
	{"m12A3", "123", NO_T2},			/* مفعال */
	{"A123", "123", NO_Y2},			/* أفعل */
	{"A12A3", "123", 0},			/* إفعال (and the plural أفعال) */
	{"m1A23", "123", 0}, {"m1A23h", "123", 0},	/* مفاعل مفاعلة */
	{"t12y3", "123", 0},		/* تفعيل */
	{"t123", "123", 0}, {"mt123", "123", 0},	/* تفعل متفعل */
	{"t1A23", "123", 0}, {"mt1A23", "123", 0},	/* تفاعل متفاعل */
	{"An12A3", "123", 0}, {"mn123", "123", 0},	/* انفعال منفعل */
	{"A1t2A3", "123", NO_S1},	/* افتعال */
	{"m1t23", "123", NO_S1 | NO_W2}, {"m1t23h", "123", NO_S1 | NO_W2},	/* مفتعل */
	{"Ast12A3", "123", 0}, {"mst123", "123", 0}, {"mst123h", "123", 0},	/* استفعال مستفعل */
	{"=12", "122", 0},			/* doubled roots written with two letters: حق خط */
	/* doubled roots lose a letter: مهم منصة مهتم أدق أجنة (these readings compete with the others) */
	{"m12", "122", 0}, {"m12h", "122", 0}, {"m1t2", "122", 0}, {"A12", "122", 0}, {"A12h", "122", 0},
	{"A1y3", "1y3", 0}, {"A1w3", "1w3", 0},	/* أفعل of hollow roots: أبيض (competes with فعيل: أمير) */
	{"At2A3", "w23", 0},		/* افتعال of و roots: اتصال (ت roots too: both readings compete) */
};

/* Quadriliteral nouns (they compete with the triliteral readings: مترجم). */
static const root_tpl quad_tpl[] = {
	{"1234", "1234", 0}, {"1234h", "1234", 0}, {"m1234", "1234", 0},
};

/* Verb forms: past stem, present stem (after the prefix), and the nouns that attest the form. */
typedef struct verb_tpl
{
	const char *past;
	const char *present;
	const char *evidence[2];	/* verbal noun, participle; none: the root's family suffices */
} verb_tpl;

#define VERB_IV 2
#define VERB_VIII 6
static const verb_tpl verb_tpl_tab[] = {
	{"123", "123", {NULL, NULL}},	/* I, II (and the present of IV) */
	{"1A23", "1A23", {"m1A23h", "m1A23"}},	/* III */
	{"A123", NULL, {"A12A3", "m123"}},	/* IV */
	{"t123", "t123", {"t123", "mt123"}},	/* V */
	{"t1A23", "t1A23", {"t1A23", "mt1A23"}},	/* VI */
	{"An123", "n123", {"An12A3", "mn123"}},	/* VII */
	{"A1t23", "1t23", {"A1t2A3", "m1t23"}},	/* VIII */
	{"Ast123", "st123", {"Ast12A3", "mst123"}},	/* X */
};

static void propose(root_ctx *c, const cp16 *r0, int k);

/* The family of a root: words that attest it (one besides the analyzed stem is needed). */
static const char *const family3[] = {
	"123", "123h", "1A23", "1A23h", "m12w3", "m12w3h", "12y3", "12y3h", "12A3", "12A3h",
	"12w3", "m123", "m123h", "t12y3", "A12A3", "A1t2A3", "Ast12A3", "m1A23h", "mst123",
	"t1A23", "A123", "=12",
};
static const char *const family4[] = {"1234", "1234h", "m1234", "t1234"};

#define NELEM(a) (int) (sizeof(a) / sizeof((a)[0]))

/* Is w[0..n) attested (lexicon or a hand-listed plural)?  A hamza also tries its folded seat ا (مسألة). */
static bool
attested(const root_ctx *c, const cp16 *w, int n)
{
	cp16		tmp[AR_STEM_MAXCP];
	const entry *e;
	bool		hamza = false;
	int			i;

	if (n < 2 || n > AR_STEM_MAXCP)
		return false;
	if (ar_lexicon_get(c->st->lex, w, n))
		return true;
	e = stem_lookup(c->st, w, n);
	if (e && (e->flags & F_PLUR))
		return true;
	for (i = 0; i < n; i++)
	{
		tmp[i] = w[i] == HAMZA && i > 0 ? ALEF : w[i];
		hamza |= tmp[i] != w[i];
	}
	return hamza && ar_lexicon_get(c->st->lex, tmp, n) != 0;
}

/* Does t (a template) describe n letters (conditions ~ = ^ aside)? */
static inline bool
tpl_fits(const char *t, int n)
{
	return (int) strlen(t) - (*t == '~' || *t == '=' || *t == '^') == n;
}

/*
 * Is the root rad[1..k] supported by an attested word of its family (from
 * entry first on) other than w[0..n)?
 */
static bool
root_supported_from(const root_ctx *c, const cp16 *rad, int k, const cp16 *w, int n, int first)
{
	const char *const *fam = k == 4 ? family4 : family3;
	int			nf = k == 4 ? NELEM(family4) : NELEM(family3);
	cp16		buf[MAXSTEM + 2];
	int			i;

	for (i = first; i < nf; i++)
	{
		int			m;

		if ((fam[i][0] == 'A' && rad[1] == TEH) || (fam[i][0] == 'm' && rad[2] == TEH))
			continue;			/* اتخاذ, مرتد are افتعال, مفتعل of أخذ, ردد */
		m = ar_pattern_fill(fam[i], rad, buf);

		if (m < 2 || (m == n && memcmp(buf, w, n * sizeof(cp16)) == 0))
			continue;
		if (attested(c, buf, m))
			return true;
	}
	return false;
}

/* Is the root rad[1..k] supported by an attested word of its family other than w[0..n)? */
static inline bool
root_supported(const root_ctx *c, const cp16 *rad, int k, const cp16 *w, int n)
{
	return root_supported_from(c, rad, k, w, n, 0);
}

/* Propose the root rad[1..3] when an attested word of its family (other than w[0..n)) supports it. */
static void
propose_supported(root_ctx *c, cp16 *rad, const cp16 *w, int n)
{
	if (root_supported(c, rad, 3, w, n))
		propose(c, rad + 1, 3);
}

/*
 * Rivals of a three-letter stem s that a full reading hides: a present
 * prefix ت ي ن before a doubled or و root (تحل, تقف), a past ت after a
 * doubled one (هبت).
 */
static void
short_stem_rivals(root_ctx *c, const cp16 *s)
{
	cp16		rad[5] = {0};

	if (s[0] == TEH || s[0] == YEH || s[0] == NOON)
	{
		rad[1] = WAW, rad[2] = s[1], rad[3] = s[2];
		propose_supported(c, rad, s, 3);
		rad[1] = s[1], rad[2] = rad[3] = s[2];
		propose_supported(c, rad, s, 3);
	}
	if (s[2] == TEH)
	{
		rad[1] = s[0], rad[2] = rad[3] = s[1];
		propose_supported(c, rad, s, 3);
	}
}

/* Propose the root r[0..k) (ا and ء are one hamza radical). */
static void
propose(root_ctx *c, const cp16 *r0, int k)
{
	cp16		r[4];
	int			i;

	for (i = 0; i < k; i++)
		r[i] = r0[i] == ALEF ? HAMZA : r0[i];	/* ا can only be a first radical: a hamza */
	for (i = 0; i < c->nroots && i < MAXROOTS; i++)
		if (c->rlen[i] == k && memcmp(c->roots[i], r, k * sizeof(cp16)) == 0)
			return;
	if (c->nroots < MAXROOTS)
	{
		memcpy(c->roots[c->nroots], r, k * sizeof(cp16));
		c->rlen[c->nroots] = k;
	}
	c->nroots++;				/* past MAXROOTS: ambiguous anyway */
}

/*
 * Propose the root r[0..k) read from s[0..n); a final ي may stand for و
 * (مبنى: بني or بنو), so the و root competes when its family is attested.
 */
static void
propose_weak(root_ctx *c, const cp16 *r, int k, const cp16 *s, int n)
{
	cp16		rad[5] = {0};

	propose(c, r, k);
	if (k == 3 && r[2] == YEH)
	{
		memcpy(rad + 1, r, 3 * sizeof(cp16));
		rad[3] = WAW;
		if (root_supported_from(c, rad, 3, s, n, 1))	/* not by its bare فعل: بنو */
			propose(c, rad + 1, 3);
	}
}

/*
 * Radicals of a quadriliteral root: consonants, not an affix letter first;
 * ت first (ترجم, not the تفعل of a triliteral root) only with its فعللة
 * attested, and not in that word itself (تكلفة).
 */
static bool
quad_radicals_ok(const root_ctx *c, const cp16 *rad, const cp16 *s, int n)
{
	cp16		buf[6];
	int			i;

	ar_pattern_fill("1234h", rad, buf);
	for (i = 1; i <= 4; i++)
		if (rad[i] == ALEF || rad[i] == WAW || rad[i] == YEH || rad[i] == HAMZA)
			return false;
	if (rad[1] == TEH)
		return (n != 5 || memcmp(buf, s, 5 * sizeof(cp16)) != 0) && attested(c, buf, 5);
	return rad[1] != MEEM && rad[1] != NOON && rad[1] != SEEN && rad[1] != YEH;
}

/*
 * Does s[0..n), matched to template t, show a weak or hamza radical only
 * through a seat after a long vowel (قائمة زائر: hollow; بناء لقاء بداية:
 * final و ي or ء; إيمان: أ; سنوي: a nisba) or after the م of مفعال
 * (ميلاد: و)?  Such a letter does not tell which radical it stands for.
 * A final ت after ا is the plural ending (قوات).
 */
static bool
weak_seat(const char *t, const cp16 *s, int n)
{
	int			i;

	for (i = 1; i < n; i++)
		if (t[i] >= '1' && t[i] <= '4' && (s[i] == HAMZA || s[i] == YEH) &&
			(t[i - 1] == 'A' || t[i - 1] == 'w' || t[i - 1] == 'y' || (i == 1 && t[0] == 'm' && s[i] == YEH)))
			return true;
		else if (i == n - 1 && t[i] == '3' && t[i - 1] == 'A' && s[i] == TEH)
			return true;		/* قوات: the plural ات, not a radical ت */
	return false;
}

/* Is the three-letter s a present verb as likely as anything else (ت or ا first, or ي ن first and ي last)? */
static inline bool
present_like(const cp16 *s)
{
	return s[0] == TEH || s[0] == ALEF || ((s[0] == YEH || s[0] == NOON) && s[2] == YEH);
}

/* Match an attested noun stem s[0..n) against the noun templates (reduced: an ending was removed to reach it). */
static void
noun_stem(root_ctx *c, const cp16 *s, int n, bool reduced)
{
	cp16		rad[5],
				r[5];
	int			i,
				k;

	if (n < 2 || n > MAXSTEM)
		return;
	if (n == 3)
		short_stem_rivals(c, s);
	for (i = 0; i < NELEM(noun_tpl); i++)
	{
		const root_tpl *tp = &noun_tpl[i];
		const char *t = tp->stem + (*tp->stem == '=');

		if (!tpl_fits(tp->stem, n) || !ar_pattern_match(t, s, n, rad) || weak_seat(t, s, n))
			continue;
		if (*tp->stem == '=')
			rad[3] = rad[2];	/* حق: ح ق ق */
		if (((tp->flags & NO_Y2) && rad[2] == YEH) || ((tp->flags & NO_M1) && rad[1] == MEEM) ||
			((tp->flags & NO_S1) && rad[1] == SEEN) || ((tp->flags & NO_A1) && rad[1] == ALEF) ||
			((tp->flags & NO_W2) && rad[2] == WAW) || ((tp->flags & NO_T2) && rad[2] == TEH))
			continue;
		if (tp->root[1] == tp->root[2] && (rad[1] == ALEF || rad[2] == HAMZA))
			continue;			/* مارة سيئ: no doubled root with a hamza */
		if (n == 3 && present_like(s))
			continue;			/* تضم تحل نرى أجد: a present verb as often as a noun */
		if (*tp->stem == '=' && reduced)
			continue;			/* سنين is not سن + ين */
		k = ar_pattern_fill(tp->root, rad, r + 1);
		memcpy(rad + 1, r + 1, k * sizeof(cp16));
		/* a doubled root needs a word that shows both its letters (دم يد: biliteral nouns of weak roots) */
		if (root_supported_from(c, rad, 3, s, n, tp->root[1] == tp->root[2] ? 2 : 0))
			propose_weak(c, r + 1, k, s, n);
		if ((tp->flags & Y2_RIVAL) && rad[2] == YEH)
		{
			rad[2] = WAW;
			if (root_supported_from(c, rad, 3, s, n, 1))
				propose(c, rad + 1, 3);
		}
	}
	for (i = 0; i < NELEM(quad_tpl); i++)
		if (tpl_fits(quad_tpl[i].stem, n) && ar_pattern_match(quad_tpl[i].stem, s, n, rad) &&
			quad_radicals_ok(c, rad, s, n) && root_supported(c, rad, 4, s, n))
			propose(c, rad + 1, 4);
}

/*
 * Read an attested noun s[0..n); a nisba ي whose noun is attested is read as
 * that noun only (مثالي -> مثال, رئاسي -> رئاسة).  iya: the word was written
 * with ية; reduced: an ending was removed to reach s.
 */
static void
noun_candidate(root_ctx *c, const cp16 *s, int n, bool iya, bool reduced)
{
	cp16		x[MAXSTEM + 1];
	bool		nisba = false;

	/* three letters: only a word written with ية (حرية -> حر, but مشي بنى stay) */
	if ((n >= 4 || (n == 3 && iya)) && n <= MAXSTEM && s[n - 1] == YEH)
	{
		if (attested(c, s, n - 1))
		{
			noun_stem(c, s, n - 1, true);
			nisba = true;
		}
		memcpy(x, s, (n - 1) * sizeof(cp16));
		x[n - 1] = TEHM;
		if (attested(c, x, n))
		{
			noun_stem(c, x, n, true);
			nisba = true;
		}
	}
	if (!nisba)
		noun_stem(c, s, n, reduced);
}

/* Noun readings of x[0..n) (proclitics and enclitic removed): the attested word, its reduced ending, its singular. */
static void
noun_reading(root_ctx *c, const cp16 *x, int n)
{
	cp16		out[AR_STEM_MAXCP + 1];
	int			how,
				m;
	const entry *e;
	bool		iya;

	if (n < 2 || n > AR_STEM_MAXCP)
		return;
	iya = n >= 3 && x[n - 2] == YEH && x[n - 1] == TEHM;
	if (attested(c, x, n))
	{
		c->noun_seen = true;
		noun_candidate(c, x, n, iya, false);
	}
	m = ar_morph_reduce(c->st->lex, x, n, -1, true, out, &how);
	if (m >= 2 && (m != n || memcmp(out, x, n * sizeof(cp16)) != 0) && attested(c, out, m))
	{
		c->noun_seen = true;
		noun_candidate(c, out, m, iya, m < n);
	}
	if ((e = stem_lookup(c->st, x, n)) != NULL && (e->flags & F_PLUR) && e->val_len >= 2)
	{
		c->noun_seen = true;
		noun_candidate(c, c->st->pool + e->val_off, e->val_len, false, false);
	}
	if (n <= MAXSTEM && (m = ar_broken_plural_singular(c->st->lex, x, n, out)) >= 2)
		noun_candidate(c, out, m, iya, m < n);
}

/* Is the verb form vt of the root rad attested by its verbal noun or participle (or, form I, by the family)? */
static bool
verb_evidence(const root_ctx *c, const verb_tpl *vt, const cp16 *rad, const cp16 *s, int n)
{
	cp16		buf[MAXSTEM + 2];
	int			i,
				m;

	if (!root_supported(c, rad, 3, s, n))
		return false;
	if (!vt->evidence[0])
		return true;
	for (i = 0; i < 2; i++)
	{
		m = ar_pattern_fill(vt->evidence[i], rad, buf);
		if (m >= 2 && m < MAXSTEM + 2 &&	/* templates are short; the bound is for the ة below */
			(attested(c, buf, m) || (buf[m] = TEHM, attested(c, buf, m + 1))))
			return true;
	}
	return false;
}

/* Match a verb stem s[0..n) (past, or present after its prefix) against the verb forms. */
static void
verb_stem(root_ctx *c, const cp16 *s, int n, bool present)
{
	cp16		rad[5];
	int			i;

	if (n < 3 || n > MAXSTEM || (!present && n == 3 && present_like(s)))
		return;
	for (i = 0; i < NELEM(verb_tpl_tab); i++)
	{
		const char *t = present ? verb_tpl_tab[i].present : verb_tpl_tab[i].past;

		if (t && tpl_fits(t, n) && ar_pattern_match(t, s, n, rad) &&
			(present || (rad[1] != YEH && rad[2] != YEH)) &&
			!(i == VERB_VIII && rad[1] == SEEN) && !(i == VERB_IV && rad[1] == TEH) &&
			verb_evidence(c, &verb_tpl_tab[i], rad, s, n))
		{
			propose_weak(c, rad + 1, 3, s, n);
			if (present && rad[2] == YEH)
			{
				/* يجيد يريد: أفعل of a و root, as much as فعل of a ي root */
				rad[2] = WAW;
				if (root_supported_from(c, rad, 3, s, n, 1))
					propose(c, rad + 1, 3);
			}
		}
	}
}

/* Does w[0..n) end with the letters of the ASCII stand-ins sfx? */
static bool
has_suffix(const cp16 *w, int n, const char *sfx, const cp16 *letters)
{
	int			k = (int) strlen(sfx),
				i;

	if (k >= n)
		return false;
	for (i = 0; i < k; i++)
		if (w[n - k + i] != letters[(unsigned char) sfx[i]])
			return false;
	return true;
}

/* Pronoun enclitics, and the endings of past and present verbs, in stand-ins (h = ه here). */
static const char *const enclitics[] = {"", "H", "HA", "Hm", "HmA", "Hn", "km", "nA", "k", "kmA"};
#define NOUN_ENCLITICS 8		/* as the stemmer's default level: not ك كما (مكسيك) */
static const char *const past_endings[] = {"", "t", "tm", "tmA", "nA", "wA", "A", "tA", "w"};
static const char *const present_endings[] = {"", "wn", "An", "yn", "wA", "w"};

/* Letter table of the suffix stand-ins. */
static void
suffix_letters(cp16 *l)
{
	memset(l, 0, 128 * sizeof(cp16));
	l['H'] = HEH;
	l['A'] = ALEF;
	l['m'] = MEEM;
	l['n'] = NOON;
	l['k'] = KAF;
	l['y'] = YEH;
	l['t'] = TEH;
	l['w'] = WAW;
}

/* The plural وا loses its ا before a pronoun (كتبوه), and و alone ends a verb only there. */
static inline bool
plural_w_fits(const char *ending, const char *enclitic)
{
	if (strcmp(ending, "wA") == 0)
		return *enclitic == '\0';
	if (strcmp(ending, "w") == 0)
		return *enclitic != '\0';
	return true;
}

/* Verb readings of r[0..n) (after و/ف): past, and present after س/ل and a prefix ي ت ن ا. */
static void
verb_readings(root_ctx *c, const cp16 *r, int n, const cp16 *l)
{
	int			e,
				v,
				p;

	for (e = 0; e < NELEM(enclitics); e++)
	{
		int			m;

		if (*enclitics[e] && !has_suffix(r, n, enclitics[e], l))
			continue;
		m = n - (int) strlen(enclitics[e]);
		for (v = 0; v < NELEM(past_endings); v++)
		{
			if (!plural_w_fits(past_endings[v], enclitics[e]) ||
				(*past_endings[v] && !has_suffix(r, m, past_endings[v], l)))
				continue;
			verb_stem(c, r, m - (int) strlen(past_endings[v]), false);
		}
		for (p = 0; p < 2; p++)
		{
			const cp16 *b = r + p;	/* future س or ل before the prefix */
			int			bm = m - p;

			if (p && r[0] != SEEN && r[0] != LAM)
				continue;
			if (bm < 4 || (b[0] != YEH && b[0] != TEH && b[0] != NOON))
				continue;
			for (v = 0; v < (b[0] == NOON ? 1 : NELEM(present_endings)); v++)
			{
				/* نفعل takes no ending (نورمان is no verb) */
				if (!plural_w_fits(present_endings[v], enclitics[e]) ||
					(*present_endings[v] && !has_suffix(b, bm, present_endings[v], l)))
					continue;
				verb_stem(c, b + 1, bm - 1 - (int) strlen(present_endings[v]), true);
			}
		}
	}
}

/* Noun readings of r[0..n) (after the proclitics): with or without one pronoun enclitic. */
static void
noun_readings(root_ctx *c, const cp16 *r, int n, const cp16 *l)
{
	cp16		x[AR_STEM_MAXCP];
	int			e;

	for (e = 0; e < NOUN_ENCLITICS; e++)
	{
		int			m;

		if (*enclitics[e] && !has_suffix(r, n, enclitics[e], l))
			continue;
		m = n - (int) strlen(enclitics[e]);
		if (m < 2)
			continue;
		memcpy(x, r, m * sizeof(cp16));
		if (*enclitics[e] && x[m - 1] == TEH && !attested(c, x, m))
			x[m - 1] = TEHM;	/* مدرسته: مدرسة + ه */
		noun_reading(c, x, m);
	}
}

/* Is w[0..k) a chain of noun proclitics (و ف, ب ك ل, ال)?  Then a hamza at k starts the stem (الأعمال, وأكد). */
static bool
proclitics_only(const cp16 *w, int k)
{
	int			i = 0;

	if (i < k && (w[i] == WAW || w[i] == FEH))
		i++;
	if (i < k && (w[i] == BEH || w[i] == KAF || w[i] == LAM))
		i++;
	if (i + 2 == k && w[i] == ALEF && w[i + 1] == LAM)
		i += 2;
	else if (i > 0 && i + 1 == k && w[i - 1] == LAM && w[i] == LAM)
		i++;
	return i == k;
}

/* Letters of word[0..len), the hamza seats أ إ inside the word kept as ء (سأل, not سال); -1: not one word. */
static int
word_letters(const ar_stemmer *st, const char *word, size_t len, cp16 *w, ar_buf *scratch)
{
	const unsigned char *p = (const unsigned char *) word;
	uint32_t	mask = st->imask & ~(uint32_t) AR_N_ALEF;
	int			n = stem_letters(st, word, len, w, scratch),
				k = 0;
	size_t		i = 0;
	cp16		raw[AR_STEM_MAXCP];

	if (n < 2)
		return -1;
	while (i < len && k <= n)
	{
		int			adv;
		uint32_t	f = ar_norm_fold_cp(ar_utf8_decode(p + i, len - i, &adv), mask);

		i += adv;
		if (f == 0)
			continue;
		if (k == n)
			return n;			/* not read letter by letter (presentation forms): as folded */
		raw[k++] = (cp16) (f > 0xFFFF ? 0 : f);
	}
	if (k != n)
		return n;
	for (k = 1; k < n; k++)
		if (w[k] == ALEF && (raw[k] == 0x0623 || raw[k] == 0x0625) && !proclitics_only(w, k))
			w[k] = HAMZA;
	return n;
}

/* Root of a word (see ar_root.h). */
bool
ar_root(const ar_stemmer *st, const char *word, size_t len, ar_buf *scratch, ar_buf *out)
{
	static const cp16 conj[] = {0, WAW, FEH};
	static const cp16 prep[] = {0, BEH, KAF, LAM};
	cp16		w[AR_STEM_MAXCP];
	cp16		l[128];
	root_ctx	c;
	bool		whole;
	int			n,
				a,
				b,
				art,
				i;

	if (!st || !st->lex || len == 0 || len > AR_ROOT_MAXBYTES)
		return false;
	if (len >= 2 && (unsigned char) word[0] == 0xD8 && (unsigned char) word[1] == 0xA2)
		return false;			/* آ first: ء + ا folded into one letter, no template reads it */
	n = word_letters(st, word, len, w, scratch);
	if (n < 2)
		return false;
	{
		/* a function word, also behind clitics (في, وقد, وكان, ولم, لله), is no root's word */
		ar_stem_result r;
		size_t		at = scratch->len;

		ar_stem_word(st, word, len, scratch, &r);
		scratch->len = at;
		if (r.stopword)
			return false;
	}
	memset(&c, 0, sizeof(c));
	c.st = st;
	suffix_letters(l);
	whole = attested(&c, w, n);	/* an attested word keeps its first letters (والد, كاتب, بحث) */
	for (a = 0; a < 3; a++)
	{
		int			pa = conj[a] ? 1 : 0;

		if (pa && (n < 4 || w[0] != conj[a]))
			continue;
		for (b = 0; b < 4; b++)
		{
			int			pb = pa + (prep[b] ? 1 : 0);

			if (prep[b] && (n - pb < 3 || w[pa] != prep[b]))
				continue;
			for (art = 0; art < 2; art++)
			{
				int			pc = pb;

				if (art)
				{
					/* ال, and ل + ال written لل */
					if (prep[b] == LAM && w[pb] == LAM)
						pc = pb + 1;
					else if (prep[b] != LAM && w[pb] == ALEF && w[pb + 1] == LAM)
						pc = pb + 2;
					else
						continue;
				}
				if (n - pc >= 2 && !(whole && pc > 0 && !art))
					noun_readings(&c, w + pc, n - pc, l);
			}
		}
	}
	for (a = 0; a < 3 && !c.noun_seen; a++)
	{
		int			pa = conj[a] ? 1 : 0;

		if (!pa || (n >= 4 && w[0] == conj[a] && !whole))
			verb_readings(&c, w + pa, n - pa, l);
	}
	if (c.nroots != 1)
		return false;
	for (i = 0; i < c.rlen[0]; i++)
		ar_buf_append_cp(out, c.roots[0][i] == HAMZA ? HAMZA_ALEF : c.roots[0][i]);
	return true;
}
