/*
 * ar_stem_nisba.h
 *    The place name a nisba adjective derives from (إيراني -> إيران,
 *    أوكراني -> أوكرانيا), for a second lexeme: a query for the place finds
 *    the adjective (النووي الإيراني answers إيران) while the adjective keeps
 *    its own stem.  Private to the stemmer's files.
 */
#ifndef AR_STEM_NISBA_H
#define AR_STEM_NISBA_H

#include "ar_stem_internal.h"

/*
 * Place name of the nisba stem s[0..n) (X + ي, X of 3+ letters): s + ا
 * (روسي -> روسيا), X (إيراني -> إيران) or X + ا (أمريكي -> أمريكا), the
 * first that the protected list holds as a place ("word place" lines: its
 * country and city names), written
 * to out (room for n + 1 code points); returns its length, or 0 when s is
 * no nisba of a listed place.
 */
extern int	ar_nisba_place(const ar_stemmer *st, const cp16 *s, int n, cp16 *out);

#endif							/* AR_STEM_NISBA_H */
