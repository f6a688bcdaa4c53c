/*
 * ar_stem_patterns.c
 *    Broken-plural patterns and evidence-based ending reduction (see
 *    ar_stem_patterns.h).
 *
 * A pattern is written with ASCII stand-ins: digits 1-4 are the radicals,
 * A = ا, w = و, y = ي, ' = ء, h = ة, m = م, t = ت, s = س, n = ن (the last three
 * for the derived forms of ar_root.c); a singular template may start
 * with a condition: ~ (the second radical is و or ي: hollow roots),
 * = (the second and third radicals are equal: doubled roots), ^ (the first
 * radical slot holds ا: the أفاعل shapes).  A plural that the lexicon lists
 * with a sound suffix class (F T M) is a singular of its own (مشارك, a
 * participle, not the plural of مشرك; دخول, a verbal noun, not the plural
 * of دخل).  Ayaspell lists broken plurals as stems of their own, with no
 * class: a pattern only applies to a word the lexicon lists bare, and only
 * gives a singular the lexicon lists; a radical is a consonant (never ة, ا
 * only as the first: a hamza), and a word that starts with ي ت ن under the
 * first radical is taken for an imperfect verb (نقول, نحاول), not a plural.
 */
#include <string.h>

#include "ar_stem_patterns.h"

#define SOUND_CLASSES (AR_LEX_FEM | AR_LEX_PL_AT | AR_LEX_PL_UN)

/* Longest plural a pattern describes. */
#define AR_PATTERN_MAXCP 6

typedef struct plural_pattern
{
	int			len;			/* of the plural */
	const char *plural;
	const char *singular[4];	/* tried in order; NULL ends */
} plural_pattern;

static const plural_pattern patterns[] = {
	{5, "A12A3", {"=12", "123", "~1A3", NULL}},	/* أفعال: أعداد أصوات أموال */
	{4, "12w3", {"=12", "123", NULL, NULL}},	/* فعول: بيوت دروس حدود */
	{5, "12A'3", {"12y3h", "12A3h", "12y3", NULL}},	/* فعائل: رسائل حقائق وسائل */
	{5, "1wA23", {"1A23", "1A23h", NULL, NULL}},	/* فواعل: شوارع عواصم عوائق */
	{6, "1wA2y3", {"1A2w3", "1A23", NULL, NULL}},	/* فواعيل: طواحين */
	{5, "12A34", {"^23A4", "1234", "1234h", NULL}},	/* فعالل مفاعل: مطالب مناطق أماكن */
	{6, "m2A3y4", {"m23A4", "m23w4", "m23y4", NULL}},	/* مفاعيل: مفاتيح مشاريع مواعيد */
	{6, "12A3y4", {"123w4", "123A4", "123y4", "1234"}},	/* فعاليل: دساتير تقارير عناوين */
	{5, "123A'", {"1A23", "12y3", NULL, NULL}},	/* فعلاء: علماء وزراء */
	{6, "A123A'", {"12y3", NULL, NULL, NULL}},	/* أفعلاء: أصدقاء أقرباء */
	{5, "A12A'", {"12y2", NULL, NULL, NULL}},	/* أفعلاء of doubled roots: أطباء أحباء */
	{5, "A123h", {"12A3", "12y3", "12w3", NULL}},	/* أفعلة: أسلحة أنظمة أعمدة */
};

#define NPATTERNS (int) (sizeof(patterns) / sizeof(patterns[0]))

/* Letter of an ASCII stand-in, 0 for a radical slot. */
static cp16
literal(char c)
{
	switch (c)
	{
		case 'A':
			return ALEF;
		case 'w':
			return WAW;
		case 'y':
			return YEH;
		case '\'':
			return HAMZA;
		case 'h':
			return TEHM;
		case 'm':
			return MEEM;
		case 't':
			return TEH;
		case 's':
			return SEEN;
		case 'n':
			return NOON;
		default:
			return 0;
	}
}

/* Bind the radicals of w[0..n) to template t (n letters); false when w does not fit it. */
bool
ar_pattern_match(const char *t, const cp16 *w, int n, cp16 *rad)
{
	int			i;

	memset(rad, 0, 5 * sizeof(cp16));
	for (i = 0; i < n; i++)
	{
		if (t[i] >= '1' && t[i] <= '4')
		{
			cp16	   *r = &rad[t[i] - '0'];

			/* a radical is a consonant: never ة, ا only as the first (a hamza: أصابع) */
			if ((*r && *r != w[i]) || w[i] == TEHM || (w[i] == ALEF && t[i] != '1'))
				return false;
			*r = w[i];
		}
		else if (w[i] != literal(t[i]))
			return false;
	}
	return true;
}

/* Fill template t with the radicals; returns the length, 0 when its condition fails. */
int
ar_pattern_fill(const char *t, const cp16 *rad, cp16 *out)
{
	int			n = 0;

	if (*t == '~')
	{
		if (rad[2] != WAW && rad[2] != YEH)
			return 0;
		t++;
	}
	else if (*t == '=')
	{
		if (rad[2] != rad[3])
			return 0;
		t++;
	}
	else if (*t == '^')
	{
		if (rad[1] != ALEF)
			return 0;
		t++;
	}
	for (; *t; t++)
		out[n++] = (*t >= '1' && *t <= '4') ? rad[*t - '0'] : literal(*t);
	return n;
}

/* Singular of the broken plural w[0..n) whose lexicon classes are c. */
static int
plural_singular(const ar_lexicon *lx, const cp16 *w, int n, unsigned c, cp16 *out)
{
	int			p,
				k;
	cp16		rad[5];

	if (n < 4 || n > AR_PATTERN_MAXCP || (c & SOUND_CLASSES) || !c)
		return 0;
	for (p = 0; p < NPATTERNS; p++)
	{
		if (patterns[p].len != n || !ar_pattern_match(patterns[p].plural, w, n, rad))
			continue;
		/* ي ت ن first: an imperfect verb (نقول, نحاول, يتابع), not فعول or فعالل */
		if (patterns[p].plural[0] == '1' && (rad[1] == YEH || rad[1] == TEH || rad[1] == NOON))
			continue;
		for (k = 0; k < 4 && patterns[p].singular[k]; k++)
		{
			int			m = ar_pattern_fill(patterns[p].singular[k], rad, out);

			if (m >= 2 && ar_lexicon_get(lx, out, m))
				return m;
		}
	}
	return 0;
}

/* Singular of a broken plural (see ar_stem_patterns.h). */
int
ar_broken_plural_singular(const ar_lexicon *lx, const cp16 *w, int n, cp16 *out)
{
	return lx && n >= 4 && n <= AR_PATTERN_MAXCP ? plural_singular(lx, w, n, ar_lexicon_get(lx, w, n), out) : 0;
}

/* Copy w[0..n) to out, optionally followed by ة; returns the length. */
static int
put_stem(cp16 *out, const cp16 *w, int n, bool tehm)
{
	memmove(out, w, n * sizeof(cp16));
	if (tehm)
		out[n++] = TEHM;
	return n;
}

/* Is X+ة (x[0..n) then ة) attested?  Uses out as scratch. */
static bool
fem_attested(const ar_lexicon *lx, const cp16 *x, int n, cp16 *out)
{
	put_stem(out, x, n, true);
	return ar_lexicon_get(lx, out, n + 1) != 0;
}

/* Length of the stem of an attested word w[0..n): a nisba in ية drops its ة (ميزانية -> ميزاني), others keep n. */
static inline int
nisba_stem_len(const cp16 *w, int n)
{
	return n >= 4 && w[n - 2] == YEH && w[n - 1] == TEHM ? n - 1 : n;
}

/* An attested stem out[0..n) that is a bare broken plural becomes its singular (أسواقا -> سوق); returns the length. */
static int
settle(const ar_lexicon *lx, cp16 *out, int n, bool patterns, int *how)
{
	cp16		sing[AR_PATTERN_MAXCP + 1];
	int			m = patterns && n <= AR_PATTERN_MAXCP ? ar_broken_plural_singular(lx, out, n, sing) : 0;

	if (m == 0)
		return n;
	memcpy(out, sing, m * sizeof(cp16));
	*how = AR_MORPH_PATTERN;
	return m;
}

/*
 * Singular of the sound plural s[0..n) = X+ات: X for a noun that takes ات
 * without being an adjective (برلمان, حساب), X+ة when attested (شركة), X
 * when attested at all (كبيرات -> كبير), a nisba يات -> ي; 0 without evidence.
 */
static int
sound_feminine_plural(const ar_lexicon *lx, const cp16 *s, int n, bool patterns, cp16 *out, int *how)
{
	unsigned	x = ar_lexicon_get(lx, s, n - 2);

	if ((x & AR_LEX_PL_AT) && !(x & AR_LEX_FEM))
		return settle(lx, out, put_stem(out, s, n - 2, false), patterns, how);
	if (fem_attested(lx, s, n - 2, out))
		return nisba_stem_len(out, n - 1);	/* ميزانيات -> ميزاني, as ميزانية */
	if (x)
		return settle(lx, out, put_stem(out, s, n - 2, false), patterns, how);
	if (n >= 5 && s[n - 3] == YEH && ar_lexicon_get(lx, s, n - 3))
		return put_stem(out, s, n - 2, false);	/* nisba يات -> ي */
	return 0;
}

/* Reduce endings with evidence (see ar_stem_patterns.h). */
int
ar_morph_reduce(const ar_lexicon *lx, const cp16 *s, int n, int classes, bool patterns, cp16 *out, int *how)
{
	unsigned	c;
	int			m;

	if (!lx || n < 2)
		return -1;
	*how = AR_MORPH_LEXICON;
	c = classes >= 0 ? (unsigned) classes : ar_lexicon_get(lx, s, n);
	if (c)
	{
		/* an attested word: a bare broken plural meets its singular, a nisba ية its ي */
		if (patterns && (m = plural_singular(lx, s, n, c, out)) > 0)
		{
			*how = AR_MORPH_PATTERN;
			return m;
		}
		if (nisba_stem_len(s, n) < n)
			return put_stem(out, s, n - 1, false);
		if (n >= 5 && s[n - 2] == YEH && s[n - 1] == NOON)
		{
			/* both cases listed (عشرين, عشرون): the nominative */
			put_stem(out, s, n, false);
			out[n - 2] = WAW;
			if (ar_lexicon_get(lx, out, n))
				return n;
		}
		/* a plural in ات listed bare (رحلات, رسومات) */
		if (!(c & SOUND_CLASSES) && n >= 5 && s[n - 2] == ALEF && s[n - 1] == TEH &&
			(m = sound_feminine_plural(lx, s, n, patterns, out, how)) > 0)
			return m;
		return put_stem(out, s, n, false);
	}
	if (n >= 5 && s[n - 2] == ALEF && s[n - 1] == TEH && (m = sound_feminine_plural(lx, s, n, patterns, out, how)) > 0)
		return m;
	if (n >= 5 && s[n - 3] == TEH && (s[n - 2] == ALEF || s[n - 2] == YEH) && s[n - 1] == NOON)
	{
		/* feminine dual تان تين */
		if (fem_attested(lx, s, n - 3, out))
			return n - 2;
		if (ar_lexicon_get(lx, s, n - 3) & AR_LEX_FEM)
			return put_stem(out, s, n - 3, false);
	}
	if (n >= 4 && s[n - 1] == NOON && (s[n - 2] == WAW || s[n - 2] == YEH || s[n - 2] == ALEF))
	{
		/* ون ين ان: the singular, or a nisba (فلسطينيين -> فلسطيني) */
		if (ar_lexicon_get(lx, s, n - 2))
			return settle(lx, out, put_stem(out, s, n - 2, false), patterns, how);
		if (n >= 6 && s[n - 3] == YEH && s[n - 2] != ALEF && ar_lexicon_get(lx, s, n - 3))
			return put_stem(out, s, n - 2, false);
	}
	if (n >= 4 && (s[n - 1] == WAW || s[n - 1] == YEH) && (ar_lexicon_get(lx, s, n - 1) & AR_LEX_PL_UN))
		return put_stem(out, s, n - 1, false);	/* construct state of ون ين: منتجو, حاملي */
	if (n >= 3 && s[n - 1] == TEHM && (ar_lexicon_get(lx, s, n - 1) & AR_LEX_FEM))
		return put_stem(out, s, n - 1, false);	/* كبيرة -> كبير */
	if (n >= 4 && s[n - 1] == ALEF && ar_lexicon_get(lx, s, n - 1))
		return settle(lx, out, put_stem(out, s, n - 1, false), patterns, how);	/* accusative: كبيرا, أسواقا */
	if (patterns && (m = plural_singular(lx, s, n, c, out)) > 0)
	{
		*how = AR_MORPH_PATTERN;
		return m;
	}
	return -1;
}
