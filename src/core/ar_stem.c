/*
 * ar_stem.c
 *    Clitic-aware light stemmer (see ar_stem.h).
 *
 * Words are handled as arrays of code points of the Arabic letter block
 * (U+0621..U+064A), normalized with the stemmer's rule mask except teh
 * marbuta, which stays distinct from heh while stemming (ة is a feminine
 * ending, ه a pronoun) and is folded on output when the mask says so.
 *
 * Stemming tries every proclitic split allowed by the chain grammar
 *     [و|ف] [ب|ك|ل] [ال]    (ل + ال is written لل)   for nouns,
 *     [و|ف] [ل] ي                                    for imperfect verbs
 * (heavy level: also ت ن ا and the future س), longest first.  A split whose
 * remainder, or what is left of it after suffix removal, is in the protected
 * or plural lists wins at once; otherwise the longest split that leaves a
 * plausible remainder is taken.  Suffixes are then removed: one pronoun
 * enclitic, then one inflectional ending (ات -> ة, ون ين ان وا ا, ية -> ي),
 * each only while the stem keeps a minimum length.
 *
 * The list table and the stemmer's construction are in ar_stem_table.c.
 */
#include <string.h>

#include "ar_stem_internal.h"
#include "ar_normalize.h"
#include "ar_stem_patterns.h"
#include "ar_stem_nisba.h"
#include "ar_stem_loan.h"

/* to_cps() flags: a letter of Persian or Maghrebi spelling was mapped (anywhere, first letter) */
#define FOREIGN_LETTER	1
#define FOREIGN_FIRST	2

#ifndef PREP_MIN_REST
#define PREP_MIN_REST 3
#endif

/* ---- normalization ---- */

/* Code points that need the full normalizer (presentation forms, combining hamza/madda). */
static inline bool
needs_full_normalizer(uint32_t c)
{
	return (c >= 0xFB50 && c <= 0xFEFE) || (c >= 0x0653 && c <= 0x0655) || c == '&' || c == ';';
}

/* Is c a letter the stemmer works on? */
static inline bool
is_stem_letter(uint32_t c)
{
	return c >= HAMZA && c <= YEH && c != 0x0640 && !(c >= 0x063B && c <= 0x063F);
}

/*
 * Decode and normalize s[0..len) into w (internal mask).  Returns the number
 * of code points, or -1 when the word is not made only of Arabic letters
 * (after normalization) or is too long to stem.  With loanword folding, a
 * letter of Persian or Maghrebi spelling becomes its Arabic letter and sets
 * FOREIGN_LETTER in *foreign (and FOREIGN_FIRST when it is the first letter).
 * Bit i of *hamzas (i < 16) says the letter w[i] was written أ or إ (on the
 * fast path; the rare full-normalizer path leaves it 0).
 */
static int
to_cps(const ar_stemmer *st, const char *s, size_t len, cp16 *w, ar_buf *tmp, int *foreign,
	   unsigned *hamzas)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0;
	int			n = 0;

	while (i < len)
	{
		int			adv;
		uint32_t	c = ar_utf8_decode(p + i, len - i, &adv);
		uint32_t	f;

		if (needs_full_normalizer(c))
			goto slow;
		i += adv;
		f = ar_norm_fold_cp(c, st->imask);
		if (f == 0)
			continue;
		if (!is_stem_letter(f) && st->loan && (f = ar_loan_letter(f)) != 0)
			*foreign |= n == 0 ? FOREIGN_LETTER | FOREIGN_FIRST : FOREIGN_LETTER;	/* ڤ -> ف, ... */
		if (!is_stem_letter(f) || n >= AR_STEM_MAXCP)
			return -1;
		if ((c == 0x0623 || c == 0x0625) && n < 16)
			*hamzas |= 1u << n;
		w[n++] = (cp16) f;
	}
	if (n == 0)
		goto slow;
	if ((st->imask & AR_N_HAMZA) && n >= 3 && w[n - 1] == HAMZA && w[n - 2] == YEH)
	{
		/* as the normalizer: a final run of ي + ء after a letter becomes ء (شيء = شء) */
		int			p = n - 2;

		while (p > 0 && w[p - 1] == YEH)
			p--;
		if (p > 0)
		{
			w[p] = HAMZA;
			n = p + 1;
		}
	}
	return n;

slow:
	/* rare path: let the full normalizer handle it, then read its output */
	tmp->len = 0;
	*hamzas = 0;
	ar_normalize(s, len, st->imask, tmp);
	p = (const unsigned char *) tmp->data;
	i = 0;
	n = 0;
	while (i < tmp->len)
	{
		int			adv;
		uint32_t	c = ar_utf8_decode(p + i, tmp->len - i, &adv);

		i += adv;
		if (!is_stem_letter(c) && st->loan && (c = ar_loan_letter(c)) != 0)
			*foreign |= n == 0 ? FOREIGN_LETTER | FOREIGN_FIRST : FOREIGN_LETTER;
		if (!is_stem_letter(c) || n >= AR_STEM_MAXCP)
			return -1;
		w[n++] = (cp16) c;
	}
	return n > 0 ? n : -1;
}

/* Normalized letters of a word for ar_root.c (see ar_stem_internal.h). */
int
stem_letters(const ar_stemmer *st, const char *s, size_t len, cp16 *w, ar_buf *tmp)
{
	int			foreign = 0;
	unsigned	hamzas = 0;
	int			n = st->level > AR_STEM_NONE ? to_cps(st, s, len, w, tmp, &foreign, &hamzas) : -1;

	return foreign ? -1 : n;
}

/* ---- stemming ---- */

/* Does w[0..n) end with the suffix sfx (sn code points)? */
static inline bool
ends_with(const cp16 *w, int n, const cp16 *sfx, int sn)
{
	int			i;

	if (n < sn)
		return false;
	for (i = 0; i < sn; i++)
		if (w[n - sn + i] != sfx[i])
			return false;
	return true;
}

typedef struct sfx
{
	cp16		c[3];
	int8_t		n;
	int8_t		minstem;		/* minimum stem left, at the default level */
	int8_t		level;			/* lowest level that strips it */
} sfx;

/* Pronoun enclitics, longest first. */
static const sfx enclitics[] = {
	{{HEH, MEEM, ALEF}, 3, 3, 2},	/* هما */
	{{KAF, MEEM, ALEF}, 3, 3, 3},	/* كما: rare in news, and often part of a word */
	{{HEH, MEEM}, 2, 3, 2},		/* هم */
	{{HEH, NOON}, 2, 3, 2},		/* هن */
	{{KAF, MEEM}, 2, 3, 2},		/* كم */
	{{KAF, NOON}, 2, 3, 3},		/* كن: rare in news; أماكن, مساكن */
	{{HEH, ALEF}, 2, 3, 2},		/* ها */
	{{NOON, ALEF}, 2, 3, 2},		/* نا */
	{{NOON, YEH}, 2, 3, 3},		/* ني */
	{{HEH}, 1, 3, 2},			/* ه */
	{{KAF}, 1, 3, 3},			/* ك */
};

#define NENCLITICS (int) (sizeof(enclitics) / sizeof(enclitics[0]))

/* Minimum stem length of a suffix at a level. */
static inline int
min_stem(const sfx *s, int level)
{
	return level >= AR_STEM_HEAVY && s->minstem > 2 ? s->minstem - 1 : s->minstem;
}

/* Outcome of suffix analysis of one remainder. */
typedef struct sfx_out
{
	const cp16 *stem;			/* stem code points (into the word or the pool) */
	int			stem_len;
	int			consumed;		/* remainder code points the stem stands for */
	bool		hit;			/* came from (or confirmed by) a list */
	bool		attested;		/* the lexicon attests the stem */
	int8_t		rule;			/* AR_RULE_* that produced the stem */
} sfx_out;

/* Length of the common prefix of a[0..n) and b[0..m). */
static inline int
common_prefix(const cp16 *a, int n, const cp16 *b, int m)
{
	int			i = 0;

	while (i < n && i < m && a[i] == b[i])
		i++;
	return i;
}

/* Look w[0..n) up in the protected/plural lists; fill o on success. */
static inline bool
list_hit(const ar_stemmer *st, const cp16 *w, int n, int consumed, sfx_out *o)
{
	const entry *e;

	if (st->level < AR_STEM_LIGHT)
		return false;
	e = stem_lookup(st, w, n);
	if (!e || !(e->flags & (F_PROT | F_PLUR)))
		return false;
	o->stem = st->pool + e->val_off;
	o->stem_len = e->val_len;
	o->consumed = consumed;
	o->hit = true;
	o->attested = true;
	o->rule = AR_RULE_LIST;
	/* for display: a stem that differs from the word only at its end (شركات -> شركة) shows the rest as suffix */
	{
		int			cp = common_prefix(o->stem, o->stem_len, w, n);

		if (cp >= o->stem_len - 1 && cp < consumed)
			o->consumed = cp;
	}
	return true;
}

/*
 * Is x[0..n) a derived verbal noun that takes the plural ات without being
 * feminine: forms IV, VII, VIII, X (إفعال انفعال افتعال استفعال: starts with
 * ا, long ا before the last radical) and form II (تفعيل)?
 */
static inline bool
masculine_verbal_noun(const cp16 *x, int n)
{
	return n >= 5 && ((x[0] == ALEF && x[n - 2] == ALEF) || (x[0] == TEH && x[n - 2] == YEH));
}

/* Heavy level: the feminine ة and the nisba ي go too; returns the new length. */
static inline int
heavy_endings(const cp16 *w, int n)
{
	if (n >= 3 && w[n - 1] == TEHM)
		n -= 1;
	if (n >= 4 && w[n - 1] == YEH)
		n -= 1;
	return n;
}

/*
 * Reduce the inflectional ending of w[0..n) in place; returns the new length.
 * Sound feminine plurals and feminine duals become the singular in ة
 * (حكومات, حكومتين -> حكومة; but اجتماعات, تحقيقات -> اجتماع, تحقيق),
 * masculine plural and dual endings ون ين ان, past plural وا and the
 * accusative ا go, and the feminine nisba ية becomes the nisba ي (الحكومية
 * -> حكومي).  The feminine ة itself and the nisba ي stay at the default
 * level, since they usually make a different word (مدرسة is not مدرس,
 * سياسي is not سياسة); the heavy level removes them too.
 */
static int
strip_endings(const ar_stemmer *st, cp16 *w, int n)
{
	int			heavy = st->level >= AR_STEM_HEAVY;

	if (n >= 5 && w[n - 2] == ALEF && w[n - 1] == TEH)
	{
		n -= 2;					/* ات */
		if (!masculine_verbal_noun(w, n))
			w[n++] = TEHM;
	}
	else if (n >= 5 && w[n - 3] == TEH && (w[n - 2] == YEH || w[n - 2] == ALEF) && w[n - 1] == NOON)
		w[n - 3] = TEHM, n -= 2;	/* تين تان -> ة */
	else if (n >= 5 && w[n - 1] == NOON && (w[n - 2] == WAW || w[n - 2] == YEH || w[n - 2] == ALEF))
		n -= 2;					/* ون ين ان */
	else if (n >= 5 && w[n - 2] == WAW && w[n - 1] == ALEF && st->level >= AR_STEM_DEFAULT)
		n -= 2;					/* past plural: فعلوا */
	else if (n >= 4 && w[n - 1] == ALEF && st->level >= AR_STEM_DEFAULT)
		n -= 1;					/* accusative tanwin: كثيرا */
	else if (n >= 5 && w[0] == ALEF && w[n - 1] == TEH && st->level >= AR_STEM_DEFAULT)
		n -= 1;					/* past feminine of forms VII, VIII, X: انسحبت, استقبلت */
	if (st->level >= AR_STEM_DEFAULT && n >= 4 && w[n - 2] == YEH && w[n - 1] == TEHM)
		n -= 1;					/* ية -> ي */
	return heavy ? heavy_endings(w, n) : n;
}

/*
 * Is w[0..n) protected, directly or as a derived form of a protected word
 * (feminine ة, nisba ي, past-tense ت: كبيرة, وطني, وقعت)?
 */
static bool
protected_form(const ar_stemmer *st, const cp16 *w, int n)
{
	const entry *e;

	if (st->level < AR_STEM_LIGHT)
		return false;
	e = stem_lookup(st, w, n);

	if (e && (e->flags & F_PROT))
		return true;
	if (n >= 4 && (w[n - 1] == TEHM || w[n - 1] == YEH || w[n - 1] == TEH))
	{
		e = stem_lookup(st, w, n - 1);
		return e && (e->flags & F_PROT);
	}
	return false;
}

/* Does w[0..n) end in the masculine plural or dual ending ون ين ان (not the feminine dual تين تان)? */
static inline bool
sound_masculine_ending(const cp16 *w, int n)
{
	return n >= 5 && w[n - 1] == NOON && (w[n - 2] == WAW || w[n - 2] == YEH || w[n - 2] == ALEF) &&
		w[n - 3] != YEH && !(w[n - 3] == TEH && w[n - 2] != WAW);
}

/* Is w[0..n) with its final ت written ة an attested word (صحة, حياة)? */
static bool
lexicon_tehm(const ar_stemmer *st, const cp16 *w, int n)
{
	cp16		tmp[AR_STEM_MAXCP];

	memcpy(tmp, w, n * sizeof(cp16));
	tmp[n - 1] = TEHM;
	return ar_lexicon_get(st->lex, tmp, n) != 0;
}

/* How analyze_suffixes() reads a remainder. */
#define AN_NOUN		0
#define AN_VERB		1
#define AN_RULES	2
#define AN_ARTICLE	3			/* a noun after the article: its final ه may be ة */

/*
 * Endings of work[0..k) reduced with the lexicon as evidence (see
 * ar_morph_reduce; classes of work[0..k) if known, else -1); false when the
 * lexicon says nothing about them.
 */
static bool
lexicon_endings(const ar_stemmer *st, const cp16 *r, int m, cp16 *work, int k, int classes,
				bool verb, sfx_out *o)
{
	cp16		tmp[AR_STEM_MAXCP + 1];
	int			how,
				t = ar_morph_reduce(st->lex, work, k, classes, !verb, tmp, &how);

	if (t <= 0)
		return false;
	memcpy(work, tmp, t * sizeof(cp16));
	/* the reduced stem may be in the lists (a spelling variant: أميركيين -> أمريكي) */
	if (t < k && list_hit(st, work, t, common_prefix(work, t, r, m), o))
		return true;
	if (st->level >= AR_STEM_HEAVY)
		t = heavy_endings(work, t);
	o->stem = work;
	o->stem_len = t;
	/* a pattern's singular shares no tail with the plural: the enclitic alone is the suffix */
	o->consumed = how == AR_MORPH_PATTERN ? k : common_prefix(work, t, r, m);
	o->hit = protected_form(st, work, t);
	o->attested = true;
	o->rule = how == AR_MORPH_PATTERN ? AR_RULE_PATTERN : AR_RULE_LEXICON;
	return true;
}

/*
 * Suffix analysis of the remainder r[0..m) as mode says (AN_NOUN; AN_VERB
 * after an imperfect-verb prefix: no broken-plural pattern; AN_RULES: no
 * lexicon, for a split the rules find implausible, which only the lists can
 * confirm); work is a scratch buffer of at
 * least m code points and receives the stem unless a list supplies it.
 * With a lexicon (default level and up), a remainder the lexicon attests
 * keeps its letters (امتحان, اتجاه), endings are undone by its evidence
 * first, and the masculine endings ون ين ان of an unattested word stay
 * (كلينتون) unless a verb prefix was removed (يريدان): only the rules of
 * strip_endings() apply otherwise.
 */
static void
analyze_suffixes(const ar_stemmer *st, const cp16 *r, int m, int mode, cp16 *work, sfx_out *o)
{
	int			k = m,
				i,
				rclasses;
	bool		lexok = mode != AN_RULES && st->lex && st->level >= AR_STEM_DEFAULT,
				verb = mode == AN_VERB;

	o->hit = false;
	o->attested = false;
	o->rule = AR_RULE_LIGHT;
	if (list_hit(st, r, m, m, o))
		return;
	memcpy(work, r, m * sizeof(cp16));
	/*
	 * after the article a final ه is no pronoun but ة written without its
	 * dots (الجامعه = الجامعة, المتحده = المتحدة, الرمضانيه = الرمضانية)
	 * unless the lexicon knows the word in ه (الوجه, التنبيه, الجنيه): when it
	 * knows the word in ة, a masculine that takes ة, or ends in يه
	 */
	if (mode == AN_ARTICLE && lexok && m >= 4 && m <= AR_STEM_MAXCP && work[m - 1] == HEH &&
		!ar_lexicon_get(st->lex, work, m) &&
		(lexicon_tehm(st, work, m) || (ar_lexicon_get(st->lex, work, m - 1) & AR_LEX_FEM) || work[m - 2] == YEH))
	{
		cp16		tmp[AR_STEM_MAXCP];

		memcpy(tmp, r, m * sizeof(cp16));
		tmp[m - 1] = TEHM;
		analyze_suffixes(st, tmp, m, AN_ARTICLE, work, o);
		if (o->consumed == m - 1)
			o->consumed = m;	/* the ه is the stem's, not a suffix */
		return;
	}
	/* one pronoun enclitic, unless the whole remainder is an attested word */
	rclasses = lexok ? (int) ar_lexicon_get(st->lex, r, m) : 0;
	for (i = rclasses ? NENCLITICS : 0; i < NENCLITICS; i++)
	{
		const sfx  *s = &enclitics[i];

		if (s->level > st->level || m - s->n < min_stem(s, st->level))
			continue;
		if (ends_with(r, m, s->c, s->n))
		{
			k = m - s->n;
			if (list_hit(st, r, k, k, o))
				return;
			/*
			 * ت before a pronoun is the feminine ending: حكومته = حكومة + ه;
			 * the lexicon also knows short ones (صحته, حياته) and words
			 * that end in ت (صوتها, سكوته)
			 */
			if (work[k - 1] != TEH)
				break;
			if (!lexok)
			{
				if (!(k >= 2 && work[k - 2] == ALEF) && k - 1 >= 3)
					work[k - 1] = TEHM;
			}
			else if (k >= 2 && work[k - 2] == ALEF)
			{
				if (lexicon_tehm(st, work, k))
					work[k - 1] = TEHM;	/* حياته, not حيات + ه */
			}
			else if (!ar_lexicon_get(st->lex, work, k) && (k - 1 >= 3 || lexicon_tehm(st, work, k)))
				work[k - 1] = TEHM;
			break;
		}
	}
	if (lexok && lexicon_endings(st, r, m, work, k, k == m ? rclasses : -1, verb, o))
		return;
	if (!(lexok && !verb && sound_masculine_ending(work, k)))
		k = strip_endings(st, work, k);
	if (k < m && list_hit(st, work, k, common_prefix(work, k, r, m), o))
		return;
	o->stem = work;
	o->stem_len = k;
	o->consumed = common_prefix(work, k, r, m);
	o->hit = protected_form(st, work, k);
	o->attested = o->hit || (lexok && ar_lexicon_get(st->lex, work, k));
}

typedef struct prefix_cand
{
	int			len;
	bool		article;		/* ends in ال or is لل */
	bool		prep;			/* has ب ك ل (or س) */
	bool		conj;			/* starts with و or ف */
	bool		feh;			/* the conjunction is ف */
	bool		verb;			/* ends in an imperfect-tense prefix (ي...) */
	bool		fut;			/* the preposition slot holds the future س */
	bool		teh;			/* the imperfect prefix is ت */
	bool		kaf;			/* the preposition is ك */
} prefix_cand;

#define MAX_CANDS 16

/* Is c an imperfect-tense prefix stripped at this level? */
static inline bool
imperfect_prefix(const ar_stemmer *st, cp16 c)
{
	if (c == YEH || c == TEH)
		return st->level >= AR_STEM_DEFAULT;	/* ت: see plausible() */
	return st->level >= AR_STEM_HEAVY && (c == NOON || c == ALEF);
}

/*
 * Is c an imperfect-tense prefix after the future س at this level?  سي ست
 * سن سا (سيقول, ستستمر, سنعمل, سأزور) from the default level on: after س
 * the letter is a verb prefix, while a bare ت ن ا often starts a noun.
 */
static inline bool
future_prefix(const ar_stemmer *st, cp16 c)
{
	return st->level >= AR_STEM_DEFAULT && (c == YEH || c == TEH || c == NOON || c == ALEF);
}

/*
 * Enumerate proclitic splits of w[0..n), longest first; returns their count.
 * Grammar: [و|ف] [ب|ك|ل|س] [ال] for nouns (ل + ال = لل), and
 * [و|ف] [ل|س] ي for imperfect verbs (ي at the default level; ت ن ا heavy).
 */
static int
prefix_candidates(const ar_stemmer *st, const cp16 *w, int n, prefix_cand *out)
{
	static const cp16 preps[] = {0, BEH, KAF, LAM, SEEN};
	int			cnt = 0,
				c,
				p,
				a,
				v;

	for (c = 0; c <= 1; c++)
	{
		int			i = c;

		if (c == 1 && !(n > 1 && (w[0] == WAW || w[0] == FEH)))
			continue;
		for (p = 0; p < 5; p++)
		{
			int			j = i;
			cp16		pc = preps[p];

			if (pc)
			{
				if (j >= n || w[j] != pc)
					continue;
				j++;
			}
			for (a = 0; a <= 1; a++)
			{
				for (v = 0; v <= 1; v++)
				{
					int			k = j;

					if (a && v)
						continue;
					if (a)
					{
						if (pc == SEEN)
							continue;
						if (pc == LAM)
						{
							/* لل: the article's alef is elided after ل */
							if (!(k < n && w[k] == LAM))
								continue;
							k += 1;
						}
						else
						{
							if (!(k + 1 < n && w[k] == ALEF && w[k + 1] == LAM))
								continue;
							k += 2;
						}
					}
					if (v)
					{
						if (pc == BEH || pc == KAF || !(k < n && (imperfect_prefix(st, w[k]) ||
																 (pc == SEEN && future_prefix(st, w[k])))))
							continue;
						k += 1;
					}
					/* future س only before an imperfect prefix */
					if (pc == SEEN && !v)
						continue;
					if (cnt >= MAX_CANDS)
						continue;
					out[cnt].len = k;
					out[cnt].article = a == 1;
					out[cnt].prep = pc != 0;
					out[cnt].conj = c == 1;
					out[cnt].feh = c == 1 && w[0] == FEH;
					out[cnt].verb = v == 1;
					out[cnt].fut = pc == SEEN;
					out[cnt].teh = v == 1 && w[k - 1] == TEH;
					out[cnt].kaf = pc == KAF;
					cnt++;
				}
			}
		}
	}
	/* sort by length, longest first */
	for (c = 1; c < cnt; c++)
	{
		prefix_cand t = out[c];

		for (p = c; p > 0 && out[p - 1].len < t.len; p--)
			out[p] = out[p - 1];
		out[p] = t;
	}
	return cnt;
}

/* May the split pc be taken on rule grounds alone (no list hit)? */
static bool
plausible(const ar_stemmer *st, const prefix_cand *pc, const cp16 *r, int m)
{
	if (pc->len == 0)
		return true;
	if (st->level < AR_STEM_DEFAULT && pc->prep && !pc->article)
		return false;
	if (pc->article)
		return m >= 2;
	if (pc->verb && pc->prep && pc->fut)
	{
		/*
		 * future: what follows is a verb stem, never a feminine noun or
		 * plural (سيارة, سياسة, سنوات), a stem in ا (سياسي, ستالين), a
		 * word ending in ي or ا (سينمائي, سيبيريا) or a bare dual or plural
		 * ending (سنتين)
		 */
		return m >= 3 && m <= 6 && r[0] != ALEF && r[m - 1] != TEHM &&
			r[m - 1] != YEH && r[m - 1] != ALEF &&
			!(r[m - 2] == ALEF && r[m - 1] == TEH) &&
			!(m < 5 && r[m - 1] == NOON && (r[m - 2] == WAW || r[m - 2] == YEH || r[m - 2] == ALEF));
	}
	if (pc->verb && pc->teh && st->level < AR_STEM_HEAVY)
	{
		/*
		 * imperfect ت (تقع, تمتد, توصف) below the heavy level: only verb-shaped
		 * remainders of 3 to 5 letters, never the shapes of nouns that start
		 * with ت: تفعيل, تفعال (تقرير, تمثال), تفاعل (تعاون), تفعلة, تفعلات,
		 * and no nisba adjective (تركي, تعليمي, تقني)
		 */
		return m >= 3 && m <= 5 && r[1] != ALEF && r[m - 1] != TEHM &&
			r[m - 1] != YEH && r[m - 2] != YEH && r[m - 2] != ALEF &&
			!(m >= 4 && r[m - 3] == YEH && r[m - 1] == HEH);	/* تحقيقه */
	}
	if (pc->verb)
		return m >= 3;
	if (pc->prep)
		return m >= (st->level >= AR_STEM_HEAVY ? 3 : PREP_MIN_REST);
	/* bare conjunction */
	if (pc->feh)
		return st->level >= AR_STEM_HEAVY && m >= 3;
	return m >= 3;
}

/* Does a split shorter than cands[i] leave an attested, plausible stem? */
static bool
attested_shorter(const ar_stemmer *st, const prefix_cand *cands, const sfx_out *res, int i, int nc,
				 const cp16 *w, int n)
{
	int			j;

	for (j = i + 1; j < nc; j++)
		if (res[j].attested && res[j].stem_len >= 2 &&
			plausible(st, &cands[j], w + cands[j].len, n - cands[j].len))
			return true;
	return false;
}

/*
 * Would the split pc leave an unattested two letters + ت, the rest of a
 * past-tense verb in ت whose first radical looks like a clitic (بدأت is not
 * ب + دات, لعبت not ل + عبت, وجدت not و + جدت)?  Not when the rest starts
 * with a written hamza (وأدت = و + أدت).  A preposition (ب ك ل) never comes
 * before a past verb, so after one the letter is the radical; و and ف do,
 * before a doubled verb too (وشنت = و + شنت, وضمت = و + ضمت), so there the
 * lexicon must know the word without its ت (وجد, وصل, وقع).  With a lexicon only.
 */
static bool
past_feminine_rest(const ar_stemmer *st, const prefix_cand *pc, const sfx_out *o, const cp16 *r, int m,
				   unsigned hamzas)
{
	cp16		last;

	if (!(st->lex && st->level >= AR_STEM_DEFAULT && pc->len > 0 && !pc->article && !pc->verb &&
		  m == 3 && r[2] == TEH && !o->attested && !(pc->len < 16 && (hamzas & (1u << pc->len)))))
		return false;
	last = r[-1];				/* the clitic next to the rest */
	return !(last == WAW || last == FEH) || ar_lexicon_get(st->lex, r - pc->len, pc->len + 2) != 0;
}

/* Is pc an article split whose alef was written أ or إ (ألسنة is not ال + سنة)? */
static bool
hamza_article(const prefix_cand *pc, const cp16 *w, unsigned hamzas)
{
	int			a = pc->len - 2;	/* the article's alef (لل has none) */

	return pc->article && a >= 0 && a < 16 && w[a] == ALEF && (hamzas & (1u << a));
}

/*
 * Is the article split pc of w[0..n) sure to be the article, so that what
 * follows takes no pronoun?  Not when its alef was written أ or إ (ألبومات,
 * إلقاء) nor when the lexicon knows the word with its ال before a pronoun
 * (الزامه = إلزام + ه, التحاقها).
 */
static bool
article_certain(const ar_stemmer *st, const prefix_cand *pc, const cp16 *w, int n, unsigned hamzas)
{
	int			a = pc->len - 2,	/* the article's alef (لل has none) */
				i;

	if (!pc->article || !st->lex || st->level < AR_STEM_DEFAULT)
		return false;
	if (hamza_article(pc, w, hamzas))
		return false;
	if (a < 0 || w[a] != ALEF)
		return true;
	for (i = 0; i < NENCLITICS; i++)
	{
		const sfx  *s = &enclitics[i];

		if (s->level <= st->level && n - s->n - a >= 4 && ends_with(w, n, s->c, s->n) &&
			ar_lexicon_get(st->lex, w + a, n - s->n - a))
			return false;
	}
	return true;
}

/* Is the whole word a chain of proclitics (وال, بال, لل), the imperfect prefix aside? */
static bool
clitics_only(const prefix_cand *cands, int nc, int n)
{
	int			i;

	for (i = 0; i < nc && cands[i].len == n; i++)
		if (!cands[i].verb)
			return true;
	return false;
}

/* Is w[0..n) a stopword, possibly behind و/ف and a preposition ب ك ل, or before a pronoun? */
static bool
is_stopword(const ar_stemmer *st, const cp16 *w, int n)
{
	const entry *e = stem_lookup(st, w, n);
	cp16		tmp[AR_STEM_MAXCP];
	int			i = 0;

	if (e && (e->flags & F_STOP))
		return true;
	/* the rules below guess; a protected word (ولاية, واحد) is never a stopword */
	if (protected_form(st, w, n))
		return false;
	/* a preposition or particle with a third-person or "our" pronoun: ضدنا, بينهما, نفسه */
	if (n >= 3 && !(w[0] == ALEF && w[1] == LAM))
	{
		for (i = 0; i < NENCLITICS; i++)
		{
			const sfx  *s = &enclitics[i];

			if (s->c[0] == KAF || s->level > AR_STEM_DEFAULT)
				continue;		/* كم كن كما ك: too often part of a word (أماكن) */
			if (n - s->n >= 2 && ends_with(w, n, s->c, s->n))
			{
				e = stem_lookup(st, w, n - s->n);
				if (e && (e->flags & F_STOP))
					return true;
				break;
			}
		}
	}
	i = 0;
	if (n >= 3 && (w[0] == WAW || w[0] == FEH))
	{
		i = 1;
		e = stem_lookup(st, w + 1, n - 1);
		if (e && (e->flags & F_STOP))
			return true;
	}
	if (n - i >= 3 && (w[i] == BEH || w[i] == KAF || w[i] == LAM))
	{
		e = stem_lookup(st, w + i + 1, n - i - 1);
		if (e && (e->flags & F_STOP))
			return true;
		/* لل + relative pronoun: للتي = ل + التي */
		if (w[i] == LAM && w[i + 1] == LAM && n - i < AR_STEM_MAXCP)
		{
			tmp[0] = ALEF;
			memcpy(tmp + 1, w + i + 1, (n - i - 1) * sizeof(cp16));
			e = stem_lookup(st, tmp, n - i);
			if (e && (e->flags & F_STOP))
				return true;
		}
	}
	return false;
}

/* Encode cps as UTF-8 into b, folding ة to ه when the mask says so. */
static void
emit(const ar_stemmer *st, ar_buf *b, const cp16 *w, int n)
{
	int			i;

	ar_buf_reserve(b, (size_t) n * 2 + 1);
	for (i = 0; i < n; i++)
	{
		uint32_t	c = w[i];

		if (c == TEHM && (st->mask & AR_N_TEH_MARBUTA))
			c = HEH;
		b->len += ar_utf8_encode(c, b->data + b->len);
	}
	b->data[b->len++] = '\0';
}

/* Stem one word; with parts false only the stem is written to scratch. */
static void
stem_word(const ar_stemmer *st, const char *word, size_t len, ar_buf *scratch,
		  ar_stem_result *r, bool parts)
{
	cp16		w[AR_STEM_MAXCP];
	cp16		works[MAX_CANDS][AR_STEM_MAXCP];
	sfx_out		res[MAX_CANDS];
	prefix_cand cands[MAX_CANDS];
	cp16		loan[AR_STEM_MAXCP];
	int			foreign = 0;	/* FOREIGN_* flags of to_cps() */
	unsigned	hamzas = 0;		/* letters written أ or إ (to_cps()) */
	int			n,
				nc,
				i,
				chosen = -1;
	sfx_out		best;
	cp16		place[AR_STEM_MAXCP + 1];
	int			k;

	memset(r, 0, sizeof(*r));
	n = st->level > AR_STEM_NONE ? to_cps(st, word, len, w, scratch, &foreign, &hamzas) : -1;
	scratch->len = 0;
	if (n < 0)
	{
		/* not stemmable: the normalized word is the stem */
		ar_normalize(word, len, st->mask, scratch);
		ar_buf_append(scratch, "", 1);	/* terminator of norm */
		r->norm_len = r->stem_len = scratch->len - 1;
		r->prefix_off = r->suffix_off = scratch->len - 1;	/* empty strings */
		return;
	}

	nc = prefix_candidates(st, w, n, cands);
	if (foreign & FOREIGN_FIRST)
	{
		cands[0] = cands[nc - 1];	/* ڤ پ are never a clitic: only the empty split (ڤيمارا) */
		nc = 1;
	}
	/*
	 * stopwords: the word itself, after و/ف and one of ب ك ل (بهذا, وبما,
	 * للتي), before a pronoun (ضدنا); and a bare clitic chain (والـ before a
	 * Latin name); a word with a letter of Persian spelling (ڤان: ف + ان)
	 * is never a function word
	 */
	if (!(foreign & FOREIGN_LETTER) &&
		(is_stopword(st, w, n) || (st->level >= AR_STEM_DEFAULT && clitics_only(cands, nc, n))))
	{
		r->stopword = true;
		r->rule = AR_RULE_STOPWORD;
		emit(st, scratch, w, n);
		r->norm_len = r->stem_len = scratch->len - 1;
		r->prefix_off = r->suffix_off = scratch->len - 1;
		return;
	}

	memset(&best, 0, sizeof(best));
	/* the whole word in the lists: no clitic is split off (البحرين, وزير) */
	if (list_hit(st, w, n, n, &best) || protected_form(st, w, n))
	{
		chosen = nc - 1;		/* the empty split */
		if (!best.hit)
			analyze_suffixes(st, w, n, AN_NOUN, works[0], &best);
	}
	/* a split confirmed by the lists wins, longest first */
	for (i = 0; i < nc && chosen < 0; i++)
	{
		analyze_suffixes(st, w + cands[i].len, n - cands[i].len,
						 !plausible(st, &cands[i], w + cands[i].len, n - cands[i].len) ? AN_RULES :
						 cands[i].verb ? AN_VERB :
						 article_certain(st, &cands[i], w, n, hamzas) ? AN_ARTICLE : AN_NOUN, works[i], &res[i]);
		if (res[i].hit && res[i].stem_len > 0 && !hamza_article(&cands[i], w, hamzas))
			chosen = i;
	}
	/*
	 * the lexicon's evidence: the longest plausible split that leaves an
	 * attested stem (a rare word of the same letters, وسوق or باسم, does not
	 * keep و or ب; the protected list keeps لبنان, لجنة whole)
	 */
	if (chosen < 0 && st->lex && st->level >= AR_STEM_DEFAULT)
	{
		for (i = 0; i < nc && chosen < 0; i++)
		{
			bool		ok = plausible(st, &cands[i], w + cands[i].len, n - cands[i].len);

			if (res[i].attested && res[i].stem_len >= 2 && ok &&
				!(cands[i].kaf && (res[i].rule == AR_RULE_PATTERN || attested_shorter(st, cands, res, i, nc, w, n))))
				chosen = i;			/* ك: not on a pattern's word (كلثوم), nor before a shorter reading (وكالات) */
			else if (ok && (cands[i].article || cands[i].verb))
				break;			/* the rules decide: التهم is not آلة + هم, تبلغ not the noun تبلّغ */
		}
	}
	/*
	 * otherwise the longest plausible split (all splits were analyzed above);
	 * with a lexicon, ك only before an attested word (كلينتون, كوريا)
	 */
	for (i = 0; i < nc && chosen < 0; i++)
		if (plausible(st, &cands[i], w + cands[i].len, n - cands[i].len) &&
			(res[i].stem_len >= 2 || cands[i].len == 0) &&
			!(cands[i].kaf && st->lex && st->level < AR_STEM_HEAVY) &&
			!past_feminine_rest(st, &cands[i], &res[i], w + cands[i].len, n - cands[i].len, hamzas))
			chosen = i;
	if (chosen < 0)
		chosen = nc - 1;		/* the empty split is always last */
	if (!best.stem)
		best = res[chosen];

	r->lexicon = best.hit || best.rule == AR_RULE_PATTERN || best.rule == AR_RULE_LEXICON;
	if (st->loan && ar_loan_candidate(st, best.stem, best.stem_len, (ar_stem_rule) best.rule, foreign != 0))
	{
		/* a loanword's spelling variant: one stem for all its spellings */
		int			loan_len = ar_loan_stem(st, best.stem, best.stem_len, (ar_stem_rule) best.rule,
											best.attested, foreign != 0, loan);

		if (loan_len > 0)
		{
			best.stem = loan;
			best.stem_len = loan_len;
			best.rule = AR_RULE_LOAN;
		}
	}
	r->rule = best.rule;
	r->stemmed = true;
	if (parts)
	{
		emit(st, scratch, w, n);
		r->norm_len = scratch->len - 1;
		r->prefix_off = scratch->len;
		emit(st, scratch, w, cands[chosen].len);
		r->prefix_len = scratch->len - 1 - r->prefix_off;
	}
	r->stem_off = scratch->len;
	emit(st, scratch, best.stem, best.stem_len);
	r->stem_len = scratch->len - 1 - r->stem_off;
	if (parts)
	{
		r->suffix_off = scratch->len;
		emit(st, scratch, w + cands[chosen].len + best.consumed,
			 n - cands[chosen].len - best.consumed);
		r->suffix_len = scratch->len - 1 - r->suffix_off;
	}
	else
		r->norm_off = r->prefix_off = r->suffix_off = r->stem_off + r->stem_len;	/* empty */
	/* the place a nisba adjective derives from, as a second lexeme (إيراني: إيران too) */
	if (st->level >= AR_STEM_DEFAULT && best.stem_len >= 4 && best.stem_len < AR_STEM_MAXCP &&
		best.stem[best.stem_len - 1] == YEH && (k = ar_nisba_place(st, best.stem, best.stem_len, place)) > 0)
	{
		/* the place's own lexeme: a listed name takes loanword folding too (منغوليا -> منجولا) */
		if (st->loan && ar_loan_candidate(st, place, k, AR_RULE_LIST, false))
		{
			cp16		folded[AR_STEM_MAXCP];
			int			loan_len = ar_loan_stem(st, place, k, AR_RULE_LIST, true, false, folded);

			if (loan_len > 0)
			{
				memcpy(place, folded, loan_len * sizeof(cp16));
				k = loan_len;
			}
		}
		r->also_off = scratch->len;
		emit(st, scratch, place, k);
		r->also_len = scratch->len - 1 - r->also_off;
	}
}

/* Stem one word with all its parts (see ar_stem.h). */
void
ar_stem_word(const ar_stemmer *st, const char *word, size_t len, ar_buf *scratch, ar_stem_result *r)
{
	stem_word(st, word, len, scratch, r, true);
}

/* Stem one word, writing only the stem (see ar_stem.h). */
void
ar_stem_lexeme(const ar_stemmer *st, const char *word, size_t len, ar_buf *scratch, ar_stem_result *r)
{
	stem_word(st, word, len, scratch, r, false);
}

/* ---- loading lists ---- */

/*
 * Stem of a list entry w[0..n): a protected word is kept as written (a plural
 * in ات becomes its singular in ة); a singular of the plural list gets the
 * full suffix analysis.
 */
static int
entry_stem(const ar_stemmer *st, const cp16 *w, int n, cp16 *out, bool endings_only)
{
	sfx_out		o;
	cp16		work[AR_STEM_MAXCP];

	if (endings_only)
	{
		memcpy(out, w, n * sizeof(cp16));
		if (n >= 4 && w[n - 2] == ALEF && w[n - 1] == TEH)
			out[n - 2] = TEHM, n--;
		return n;
	}
	analyze_suffixes(st, w, n, AN_NOUN, work, &o);
	memcpy(out, o.stem, o.stem_len * sizeof(cp16));
	return o.stem_len;
}

/* Split a line into at most 3 whitespace-separated fields; returns the count. */
static int
split_fields(const char *s, size_t len, const char **f, size_t *fl)
{
	size_t		i = 0;
	int			nf = 0;

	while (i < len)
	{
		size_t		b;

		while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
			i++;
		if (i >= len)
			break;
		b = i;
		while (i < len && s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			i++;
		if (nf < 3)
		{
			f[nf] = s + b;
			fl[nf] = i - b;
		}
		nf++;
	}
	return nf;
}

/* Load a list (see ar_stem.h). */
long
ar_stemmer_load(ar_stemmer *st, ar_stem_list which, const char *text, size_t len, size_t *bad_line)
{
	size_t		pos = 0,
				line = 0;
	long		added = 0;
	ar_buf		tmp;
	int			saved_level = st->level;
	int			foreign = 0;	/* unused: list entries are Arabic words */
	unsigned	hamzas = 0;		/* unused */

	ar_buf_init(&tmp, st->alloc, 64);
	while (pos < len)
	{
		size_t		e = pos,
					l;
		const char *f[3];
		size_t		fl[3];
		int			nf;
		cp16		a[AR_STEM_MAXCP],
					b[AR_STEM_MAXCP],
					s[AR_STEM_MAXCP];
		int			an,
					bn,
					sn;
		bool		star;

		while (e < len && text[e] != '\n')
			e++;
		line++;
		l = e - pos;
		for (size_t i = 0; i < l; i++)
			if (text[pos + i] == '#')
			{
				l = i;
				break;
			}
		nf = split_fields(text + pos, l, f, fl);
		if (nf > 0)
		{
			if ((which == AR_LIST_PLURALS || which == AR_LIST_LEXICON) ? nf != 2 :
				which == AR_LIST_PROTECTED ? !(nf == 1 || (nf == 2 && fl[1] == 5 && memcmp(f[1], "place", 5) == 0)) :
				nf != 1)
				goto bad;
			/* a plurals line "FROM* TO*" (both starred) is a prefix spelling; one star is an error */
			star = which == AR_LIST_PLURALS && f[0][fl[0] - 1] == '*';
			if (which == AR_LIST_PLURALS && star != (f[1][fl[1] - 1] == '*'))
				goto bad;
			/* list entries are normalized at the default level even if stemming is off */
			st->level = saved_level < AR_STEM_LIGHT ? AR_STEM_LIGHT : saved_level;
			an = to_cps(st, f[0], fl[0] - (star ? 1 : 0), a, &tmp, &foreign, &hamzas);
			if (an < 0)
				goto bad;
			if (which == AR_LIST_LEXICON)
			{
				int			classes = ar_lexicon_parse_classes(f[1], fl[1]);

				if (classes < 0)
					goto bad;
				if (!st->lex)
					st->lex = ar_lexicon_new(st->alloc);
				ar_lexicon_add(st->lex, a, an, (unsigned) classes);
			}
			else if (which == AR_LIST_STOPWORDS)
				stem_put(st, a, an, F_STOP, NULL, 0);
			else if (which == AR_LIST_PROTECTED)
			{
				uint8_t		fl_prot = nf == 2 ? F_PROT | F_PLACE : F_PROT;	/* "word place" */

				sn = entry_stem(st, a, an, s, true);
				stem_put(st, a, an, fl_prot, s, sn);
				if (sn != an)
					stem_put(st, s, sn, fl_prot, s, sn);
			}
			else if (star)
			{
				/* "FROM* TO*": a loanword's second spelling, as a prefix (ar_stem_loan.c) */
				bn = to_cps(st, f[1], fl[1] - 1, b, &tmp, &foreign, &hamzas);
				if (bn < 0 || !ar_loan_add_spelling(st, a, an, b, bn))
					goto bad;
			}
			else
			{
				bn = to_cps(st, f[1], fl[1], b, &tmp, &foreign, &hamzas);
				if (bn < 0)
					goto bad;
				sn = entry_stem(st, b, bn, s, false);
				stem_put(st, a, an, F_PLUR, s, sn);
			}
			st->level = saved_level;
			st->counts[which]++;
			added++;
		}
		pos = e + 1;
	}
	ar_buf_free(&tmp);
	return added;

bad:
	st->level = saved_level;
	ar_buf_free(&tmp);
	if (bad_line)
		*bad_line = line;
	return -1;
}
