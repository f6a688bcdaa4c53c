/*
 * dates_scan_test.c
 *    Unit tests of the date scanner's shortcuts, each against the plain
 *    run: the opener prefilter (the grammar tried at every token finds
 *    nothing more) and, below, the token windows (a tiny window finds
 *    exactly what the whole text does).  Inputs: every line of the
 *    regression script sql/dates_forms.sql, the project corpus
 *    the five texts of test/corpus, and sentences written here for patterns that open
 *    on a rare word.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "ar_core.h"
#include "ar_dates.h"

/* Sentences written for these tests: one per way an expression can open. */
static const char *const written[] = {
	"قال إن المشروع تأخر على مدى الخمس سنوات الماضية ثم استؤنف خلال الستة أشهر الأولى.",
	"ارتفعت الأسعار خمسة في المئة يوم الإثنين الماضي.",
	"عاش في الفترة العثمانية ثم في عهد المماليك وفي العهد الأيوبي.",
	"في الأربعينات من القرن الماضي وثمانينات القرن العشرين وفي القرن التاسع عشر.",
	"يصدر التقرير أسبوعيا وشهريا وسنويا.",
	"من 13 وحتى 15 تشرين الثاني 2019 وبين 2001 و2005 ومن الأحد إلى الخميس.",
	"وصل أول أمس وسيغادر بعد غد، أما أمس الأول فكان ماطرا.",
	"هذا العام وهذه السنة والشهر الجاري ومطلع العام ونهاية الأسبوع.",
	"بتاريخ: (12/5/2020) وفي يوم الجمعة الموافق 3 نيسان 2020 وفي شهر رمضان المبارك.",
	"منذ سنوات وبعد أشهر وقبل شهر وخلال أسبوع ولمدة عقدين وطوال عقود.",
	"توفي في 15 رمضان 1440 هـ ودفن عام 1325 هجري وبني سنة (1343) هجري و1348هـ.",
	"في 31 شباط 2021 وفي 30 فبراير وفي 29 فبراير 2023 وفي 29 شباط 2024.",
	NULL
};

/* Matches of s as "start+len=value;..." with the given options. */
static char *
scan_text(const char *s, size_t len, const ar_date_ref *ref, const ar_dates_opts *o)
{
	ar_date_list l;
	size_t		i,
				cap = 256,
				n = 0;
	char	   *out = malloc(cap);
	ar_dates_status st;

	out[0] = '\0';
	st = ar_dates_find_opts(s, len, ref, &ar_malloc_allocator, o, &l);
	if (st != AR_DATES_OK)
		return out;
	for (i = 0; i < l.n; i++)
	{
		char		item[128];
		size_t		k = (size_t) snprintf(item, sizeof(item), "%zu+%zu=%s;", l.v[i].byte_start,
										  l.v[i].byte_len, l.v[i].value);

		if (n + k + 1 > cap)
		{
			cap = 2 * (n + k + 1);
			out = realloc(out, cap);
		}
		memcpy(out + n, item, k + 1);
		n += k;
	}
	ar_date_list_free(&l);
	return out;
}

/* Project files compared whole (paths from the source root, where make runs the tests). */
static const char *const files[] = {"sql/dates_forms.sql", "test/corpus/01_diplomacy.txt",
	"test/corpus/02_economy.txt", "test/corpus/03_sport.txt", "test/corpus/04_health.txt",
"test/corpus/05_technology.txt", NULL};

/* Compare the default run with the run under o on s, with and without a reference; true if it found dates. */
static bool
compare_one(const char *s, size_t len, const ar_dates_opts *o, const char *what, const char *label)
{
	static const ar_date_ref ref = {2020, 3, 15};
	bool		found = false;
	int			r;

	for (r = 0; r < 2; r++)
	{
		char	   *a = scan_text(s, len, r ? &ref : NULL, NULL),
				   *b = scan_text(s, len, r ? &ref : NULL, o);

		if (!unit_check_streq(b, a, what, __FILE__, __LINE__))
			fprintf(stderr, "  input: %s\n", label);
		found |= a[0] != '\0';
		free(a);
		free(b);
	}
	return found;
}

/* Compare the default run with the run under o on every written sentence and project file. */
static void
compare_runs(const ar_dates_opts *o, const char *what)
{
	size_t		k,
				len = 0;

	for (k = 0; written[k]; k++)
		CHECK(compare_one(written[k], strlen(written[k]), o, what, written[k]));
	for (k = 0; files[k]; k++)
	{
		char	   *s = unit_slurp(files[k], &len);

		if (!CHECK(s != NULL))
			continue;
		CHECK(compare_one(s, len, o, what, files[k]));
		free(s);
	}
}

UNIT_TEST(dates_prefilter_misses_nothing)
{
	ar_dates_opts o = {0, true};

	compare_runs(&o, "dates with the grammar tried at every token");
}

UNIT_TEST(dates_windows_match_whole_text)
{
	/* the smallest window (AR_DATES_CONTEXT + 2 tokens), a prime-sized one, a short one */
	ar_dates_opts tiny = {AR_DATES_CONTEXT + 2, false},
				odd = {37, false},
				small = {200, false};

	compare_runs(&tiny, "dates read in windows of 10 tokens");
	compare_runs(&odd, "dates read in windows of 37 tokens");
	compare_runs(&small, "dates read in windows of 200 tokens");
}
