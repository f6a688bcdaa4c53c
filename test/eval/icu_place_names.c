/*
 * icu_place_names.c
 *    Prints ICU's CLDR Arabic names of countries (uloc_getDisplayCountry) and
 *    of time-zone exemplar cities (pattern "VVV"), one "kind<TAB>name" a line.
 *    The single-word names of 4+ letters in src/tsearch_data/pg_arabic.protected
 *    (tagged "place" there since 0.5)
 *    come from this output (names with the article written without it; a few
 *    homographs of common words such as مالي, بنين, العيون left out).
 *
 *    cc test/eval/icu_place_names.c -o /tmp/icu_names $(pkg-config --cflags --libs icu-i18n icu-uc)
 *    /tmp/icu_names | awk -F'\t' '$2 !~ / /'
 */
#include <stdio.h>
#include <string.h>
#include <unicode/uloc.h>
#include <unicode/udat.h>
#include <unicode/ucal.h>
#include <unicode/ustring.h>
#include <unicode/uenum.h>
static void out(const char *kind, const UChar *u, int32_t n) {
  char b[512]; UErrorCode e = U_ZERO_ERROR; int32_t bl;
  u_strToUTF8(b, sizeof b, &bl, u, n, &e); if (U_FAILURE(e)) return;
  printf("%s\t%s\n", kind, b);
}
int main(void) {
  const char *const *c = uloc_getISOCountries();
  for (; *c; c++) {
    char loc[16]; UChar u[256]; UErrorCode e = U_ZERO_ERROR;
    snprintf(loc, sizeof loc, "und_%s", *c);
    int32_t n = uloc_getDisplayCountry(loc, "ar", u, 256, &e);
    if (U_SUCCESS(e) && n > 0) out("country", u, n);
  }
  UErrorCode e = U_ZERO_ERROR;
  UEnumeration *z = ucal_openTimeZones(&e);
  const UChar *id; int32_t idl;
  UChar pat[] = {'V','V','V',0};
  while ((id = uenum_unext(z, &idl, &e)) != NULL) {
    UErrorCode e2 = U_ZERO_ERROR; UChar u[256];
    UDateFormat *f = udat_open(UDAT_PATTERN, UDAT_PATTERN, "ar", id, idl, pat, -1, &e2);
    if (U_FAILURE(e2)) continue;
    int32_t n = udat_format(f, 0.0, u, 256, NULL, &e2);
    if (U_SUCCESS(e2) && n > 0) out("city", u, n);
    udat_close(f);
  }
  uenum_close(z);
  return 0;
}
