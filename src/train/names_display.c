/*
 * names_display.c
 *    The "dsp LATIN ARABIC" lines of the name model file: the Latin
 *    spelling that ar_translit(…, 'names') shows for a known Arabic token
 *    instead of the romanizer's guess.  Places of the arwikicats list show
 *    their English name (موسكو Moscow); people's name tokens show their
 *    commonest Wikidata spelling (خالد Khalid) or, failing that, the
 *    spelling of a well-known person of the arwikicats list (بوتين Putin).
 *    See docs/names.md.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_core.h"
#include "ar_names.h"
#include "names_words.h"
#include "names_train.h"

#define KIND_WIKIDATA 4			/* after the four place kinds */
#define KIND_PERSON_LIST 5
#define MIN_SIMILARITY 0.7		/* a person's Latin and Arabic words must be this similar (ar_name_similarity) */

typedef struct display_place
{
	char		key[AR_NAMES_MAXSYM + 2];	/* folded Arabic (sym_key), the sort key */
	char	   *line;
	int			kind;
	float		sim;
} display_place;

typedef struct display_list
{
	display_place *v;
	size_t		n,
				cap;
} display_list;

/* qsort of display entries by Arabic, then the preferred entry first (kind order, score, Latin). */
static int
cmp_display(const void *x, const void *y)
{
	const display_place *a = x,
			   *b = y;
	int			c = strcmp(a->key, b->key);

	if (c)
		return c;
	if (a->kind != b->kind)
		return a->kind - b->kind;
	if (a->sim != b->sim)
		return a->sim > b->sim ? -1 : 1;
	return strcmp(a->line, b->line);
}

/* Append an entry "dsp LATIN ARABIC" with folded Latin symbols lat and the Arabic text ar (al bytes). */
static void
add_display(display_list *d, const uint8_t *lat, int nl, const char *ar, size_t al, int kind, float sim)
{
	uint8_t		sym[AR_NAMES_MAXSYM];
	ar_name_script sc;
	int			na = ar_names_fold(ar, al, sym, &sc);
	display_place *e;
	size_t		at;

	if (na < 2 || sc != AR_NAME_ARABIC || nl < 2 || memchr(ar, ' ', al))
		return;
	if (d->n == d->cap)
		d->cap = d->cap ? d->cap * 2 : 1024, d->v = realloc(d->v, d->cap * sizeof(display_place));
	e = &d->v[d->n++];
	sym_key('A', sym, na, e->key);
	e->line = malloc((size_t) nl + al + 6);
	memcpy(e->line, "dsp ", 4);
	for (int i = 0; i < nl; i++)
		e->line[4 + i] = (char) ('a' + lat[i] - 1);
	at = 4 + (size_t) nl;
	e->line[at++] = ' ';
	memcpy(e->line + at, ar, al);
	e->line[at + al] = '\0';
	e->kind = kind;
	e->sim = sim;
}

/* Folded Latin symbols of s (len bytes) into lat; their number, 0 when s is not a Latin word. */
static int
latin_symbols(const char *s, size_t len, uint8_t lat[AR_NAMES_MAXSYM])
{
	ar_name_script sc;
	int			n = ar_names_fold(s, len, lat, &sc);

	return sc == AR_NAME_LATIN ? n : 0;
}

/*
 * The commonest training pair of each Arabic id among pairs[0..upto) into best (index + 1, 0: none),
 * and the sum of their counts into total when it is not NULL.
 */
static void
commonest_pairs(int upto, const bool *train, int *best, int *total)
{
	for (int i = 0; i < upto; i++)
		if (train[i])
		{
			int			a = pairs[i].ar_id;

			if (total)
				total[a] += pairs[i].count;
			if (!best[a] || pairs[i].count > pairs[best[a] - 1].count)
				best[a] = i + 1;
		}
}

/*
 * Entries of the one-word places of an arwikicats-style list (kind, english, arabic): countries,
 * cities and regions first, then "place" rows (several languages' names: alemanya, ehipto) by the
 * model's ar_name_similarity.  A token that is a person's name in the training pairs (a pair seen at
 * least twice) is left to the person entries unless the place's name is its commonest spelling there
 * (جونسون Johnson, لندن London; كينيدي is Kennedy, not Kenedy County).
 */
static void
add_places(display_list *d, const ar_names_model *m, const char *text, const bool *train)
{
	static const char *const kinds[] = {"country", "city", "region", "place"};
	bool	   *person = calloc((size_t) nids + 1, sizeof(bool));
	int		   *best = calloc((size_t) nids + 1, sizeof(int));	/* commonest training pair of an Arabic id, + 1 */

	commonest_pairs(npairs, train, best, NULL);
	for (int i = 0; i < npairs; i++)
		if (train[i] && pairs[i].count >= 2)
			person[pairs[i].ar_id] = true;
	for (const char *line = text; line && *line;)
	{
		const char *nl = strchr(line, '\n'),
				   *t1 = strchr(line, '\t'),
				   *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
		int			kind = -1;

		for (int i = 0; t1 && i < 4; i++)
			if ((size_t) (t1 - line) == strlen(kinds[i]) && memcmp(line, kinds[i], (size_t) (t1 - line)) == 0)
				kind = i;
		if (kind >= 0 && t2 && (!nl || t2 < nl))
		{
			char		lat[128],
						ar[256],
						key[AR_NAMES_MAXSYM + 2];
			size_t		ll,
						al;
			uint8_t		sym[AR_NAMES_MAXSYM],
						lsym[AR_NAMES_MAXSYM];
			ar_name_script sc;
			int			ns,
						nls,
						id;

			if (place_row(t1, t2, nl, lat, ar, &ll, &al) && al <= 2 * 24 && ll <= 24 &&
				(ns = ar_names_fold(ar, al, sym, &sc)) > 0 && sc == AR_NAME_ARABIC &&
				(nls = latin_symbols(lat, ll, lsym)) > 0)
			{
				char		lk[AR_NAMES_MAXSYM + 2];

				sym_key('A', sym, ns, key);
				sym_key('L', lsym, nls, lk);
				id = str_find(key);
				if (id < 0 || !person[id] || (best[id] && pairs[best[id] - 1].lat_id == str_find(lk)))
					add_display(d, lsym, nls, ar, al, kind, ar_name_similarity(m, lat, ll, ar, al));
			}
		}
		line = nl ? nl + 1 : NULL;
	}
	free(person);
	free(best);
}

/*
 * Whether a person's Latin word lat and Arabic word ar belong in a display entry: with the article
 * written "al-"/"el-" in the Latin, both lose it and romanization shows al-X behind the Arabic article
 * (الأسد al-assad: أسد Assad, shown al-Assad); a Wikidata Latin word that starts with al/el
 * otherwise is left to the romanizer (الحسن alassane, البرادعي elbaradei), while a listed person's
 * English name is kept (الإسكندر Alexander); with no al/el the word stays whole (البرغوثي
 * Barghouti).  The model must find the two similar (not الأميرة princess).
 */
static bool
person_words(const ar_names_model *m, const char **lat, size_t *ll, const char **ar, size_t *al, bool listed)
{
	if (*al > 4 + 4 && memcmp(*ar, "ال", 4) == 0)
	{
		if (*ll > 3 && (memcmp(*lat, "al-", 3) == 0 || memcmp(*lat, "el-", 3) == 0))
			*lat += 3, *ll -= 3, *ar += 4, *al -= 4;
		else if (!listed && *ll > 2 && (memcmp(*lat, "al", 2) == 0 || memcmp(*lat, "el", 2) == 0))
			return false;		/* article glued or a name of its own (الحسن alassane): the romanizer decides */
	}
	return *al < 200 && ar_name_similarity(m, *lat, *ll, *ar, *al) >= MIN_SIMILARITY;
}

/*
 * Entries of people's name tokens from the Wikidata pairs: the commonest Latin spelling of an Arabic
 * token when it has at least two labels and at least 30 % of the token's labels (يوسف youssef, 96 of
 * 212; بوتين, one botín and one putin, gets none) and the model finds the two similar (الله, whose
 * commonest pair is a misaligned granada with 7 of 19, gets none).
 */
static void
add_wikidata_people(display_list *d, const ar_names_model *m, const bool *train)
{
	int		   *total = calloc((size_t) nids + 1, sizeof(int));
	int		   *best = calloc((size_t) nids + 1, sizeof(int));	/* + 1 */

	commonest_pairs(nwikidata, train, best, total);
	for (int a = 0; a < nids; a++)
		if (best[a])
		{
			const pair *p = &pairs[best[a] - 1];
			const char *lat = p->lat_text,
					   *ar = p->ar_text;
			size_t		ll = strlen(lat),
						al = strlen(ar);
			uint8_t		lsym[AR_NAMES_MAXSYM];
			int			nls;

			if (p->count >= 2 && 10 * p->count >= 3 * total[a] && person_words(m, &lat, &ll, &ar, &al, false) &&
				(nls = latin_symbols(lat, ll, lsym)) > 0)
				add_display(d, lsym, nls, ar, al, KIND_WIKIDATA, (float) p->count);
		}
	free(total);
	free(best);
}

/* qsort of strings. */
static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/*
 * Entries of the name tokens of well-known people in an arwikicats-style list ("person" rows whose
 * English and Arabic names have as many words): the Latin word of the same position, the commonest
 * one of a token winning (فلاديمير بوتين vladimir putin: بوتين Putin), when the model finds the two
 * words similar (the words of abdullah yusuf azzam and عبد الله عزام do not align).  An Arabic word with the article
 * whose English word has it as "al-"/"el-" gives the word without it (الأسد al-assad: أسد Assad),
 * which romanization finds behind the article.
 */
static void
add_listed_people(display_list *d, const ar_names_model *m, const char *text)
{
	char	  **cand = NULL;
	size_t		n = 0,
				cap = 0;

	for (const char *line = text; line && *line;)
	{
		const char *nl = strchr(line, '\n'),
				   *t1 = strchr(line, '\t'),
				   *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;

		if (t1 && t2 && (!nl || t2 < nl) && t1 - line == 6 && memcmp(line, "person", 6) == 0)
		{
			const char *lat = t1 + 1,
					   *ar = t2 + 1,
					   *aend = nl ? nl : ar + strlen(ar);
			int			wl = 1,
						wa = 1;

			for (const char *c = lat; c < t2; c++)
				wl += *c == ' ';
			for (const char *c = ar; c < aend; c++)
				wa += *c == ' ';
			while (wl == wa && lat < t2 && ar < aend)
			{
				const char *le = memchr(lat, ' ', (size_t) (t2 - lat)),
						   *ae = memchr(ar, ' ', (size_t) (aend - ar));
				size_t		ll,
							al;
				uint8_t		lsym[AR_NAMES_MAXSYM];
				int			nls;

				le = le ? le : t2;
				ae = ae ? ae : aend;
				ll = (size_t) (le - lat);
				al = (size_t) (ae - ar);
				if (person_words(m, &lat, &ll, &ar, &al, true) && (nls = latin_symbols(lat, ll, lsym)) >= 2)
				{
					char	   *c = malloc((size_t) nls + al + 2);

					for (int i = 0; i < nls; i++)
						c[i] = (char) ('a' + lsym[i] - 1);
					c[nls] = '\t';	/* "LATIN<TAB>ARABIC": equal pairs sort together */
					memcpy(c + nls + 1, ar, al);
					c[nls + 1 + al] = '\0';
					if (n == cap)
						cap = cap ? cap * 2 : 1024, cand = realloc(cand, cap * sizeof(char *));
					cand[n++] = c;
				}
				lat = le + 1;
				ar = ae + 1;
			}
		}
		line = nl ? nl + 1 : NULL;
	}
	qsort(cand, n, sizeof(char *), cmp_str);
	for (size_t i = 0, j; i < n; i = j)
	{
		char	   *tab = strchr(cand[i], '\t');
		uint8_t		lsym[AR_NAMES_MAXSYM];
		int			nls = latin_symbols(cand[i], (size_t) (tab - cand[i]), lsym);

		for (j = i + 1; j < n && strcmp(cand[j], cand[i]) == 0; j++)
			;
		add_display(d, lsym, nls, tab + 1, strlen(tab + 1), KIND_PERSON_LIST, (float) (j - i));
	}
	for (size_t i = 0; i < n; i++)
		free(cand[i]);
	free(cand);
}

/*
 * Write the "dsp" lines, sorted by Arabic, one per Arabic token: a place's English name first, then
 * the commonest Wikidata spelling, then the spelling of a well-known person of the list.
 */
void
write_display_names(FILE *f, const ar_names_model *m, const char *path, const bool *train)
{
	size_t		len,
				k = 0,
				kinds[KIND_PERSON_LIST + 1] = {0};
	char	   *text = slurp(path, &len);
	display_list d = {NULL, 0, 0};

	add_places(&d, m, text, train);
	add_wikidata_people(&d, m, train);
	add_listed_people(&d, m, text);
	qsort(d.v, d.n, sizeof(display_place), cmp_display);
	for (size_t i = 0; i < d.n; i++)
		if (i == 0 || strcmp(d.v[i].key, d.v[i - 1].key) != 0)
		{
			fprintf(f, "%s\n", d.v[i].line);
			kinds[d.v[i].kind]++;
			k++;
		}
	fprintf(stderr, "names_train: %zu dsp lines (names to display: %zu places, %zu Wikidata tokens, %zu tokens of listed people)\n",
			k, kinds[0] + kinds[1] + kinds[2] + kinds[3], kinds[KIND_WIKIDATA], kinds[KIND_PERSON_LIST]);
	for (size_t i = 0; i < d.n; i++)
		free(d.v[i].line);
	free(d.v);
	free(text);
}
