/*
 * ar_stem_nisba.c
 *    Place names behind nisba adjectives (see ar_stem_nisba.h).
 */
#include "ar_stem_nisba.h"

/* Is w[0..n) a place name of the protected list (not only a derived form of one)? */
static inline bool
place_entry(const ar_stemmer *st, const cp16 *w, int n)
{
	const entry *e = stem_lookup(st, w, n);

	return e && (e->flags & F_PLACE);
}

/* The place name of a nisba stem, or 0 (see ar_stem_nisba.h). */
int
ar_nisba_place(const ar_stemmer *st, const cp16 *s, int n, cp16 *out)
{
	int			x = n - 1;

	if (n < 4 || s[x] != YEH || s[x - 1] == YEH || s[x - 1] == ALEF || s[x - 1] == WAW)
		return 0;
	memcpy(out, s, n * sizeof(cp16));
	out[n] = ALEF;
	if (place_entry(st, out, n + 1))
		return n + 1;			/* روسي -> روسيا */
	if (place_entry(st, out, x))
		return x;				/* إيراني -> إيران */
	out[x] = ALEF;
	return place_entry(st, out, n) ? n : 0;	/* أمريكي -> أمريكا */
}
