/*
 * icu_places.cpp
 *    Writes the Arabic place names ICU (CLDR data) knows to stdout as
 *    gazetteer rows: surface TAB LOC TAB canonical TAB icu.
 *      - every ISO 3166 country/territory (uloc_getDisplayCountry, locale "ar"),
 *        with its short ("SHORT" alt) form as an alias of the long one,
 *      - world regions and continents (UN M.49 codes),
 *      - exemplar cities of every canonical time zone (TimeZoneNames, "ar").
 *    Run by `make gazetteer-icu`; the output (src/train/gaz_icu.tsv) is committed
 *    so the build does not depend on the ICU version installed.
 */
#include <cstdio>
#include <set>
#include <string>
#include <memory>

#include <unicode/locid.h>
#include <unicode/tznames.h>
#include <unicode/timezone.h>
#include <unicode/strenum.h>
#include <unicode/unistr.h>
#include <unicode/uloc.h>

using namespace icu;

static std::set<std::string> seen;

static void
emit(const UnicodeString &name, const UnicodeString &canon)
{
	std::string s, c;

	name.toUTF8String(s);
	canon.toUTF8String(c);
	if (s.empty() || s.find('\t') != std::string::npos)
		return;
	/* skip names ICU leaves untranslated (Latin letters) */
	for (unsigned char ch : s)
		if ((ch | 32) >= 'a' && (ch | 32) <= 'z')
			return;
	if (!seen.insert(s).second)
		return;
	printf("%s\tLOC\t%s\ticu\n", s.c_str(), c == s ? "" : c.c_str());
}

int
main()
{
	UErrorCode	err = U_ZERO_ERROR;
	Locale		ar("ar");
	const char *const *cc = uloc_getISOCountries();
	static const char *regions[] = {
		"001", "002", "005", "009", "011", "013", "014", "015", "017", "018", "019", "021",
		"029", "030", "034", "035", "039", "053", "054", "057", "061", "142", "143", "145",
		"150", "151", "154", "155", "202", "419", NULL
	};

	for (; *cc; cc++)
	{
		UnicodeString name;
		Locale		l("", *cc);

		l.getDisplayCountry(ar, name);
		emit(name, name);
	}
	for (const char **r = regions; *r; r++)
	{
		UnicodeString name;
		Locale		l("", *r);

		l.getDisplayCountry(ar, name);
		emit(name, name);
	}
	{
		std::unique_ptr<TimeZoneNames> tzn(TimeZoneNames::createInstance(ar, err));
		std::unique_ptr<StringEnumeration> ids(
			TimeZone::createTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, NULL, NULL, err));

		if (U_FAILURE(err))
		{
			fprintf(stderr, "icu_places: %s\n", u_errorName(err));
			return 1;
		}
		const UnicodeString *id;

		while ((id = ids->snext(err)) != NULL && U_SUCCESS(err))
		{
			UnicodeString city;

			tzn->getExemplarLocationName(*id, city);
			emit(city, city);
		}
	}
	return U_SUCCESS(err) ? 0 : 1;
}
