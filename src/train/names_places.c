/*
 * names_places.c
 *    The list lines of the name model file that come from the place list
 *    (arwikicats) and the training pairs: "exo" exonyms and "lex" spellings
 *    for the Latin-to-Arabic direction, "dsp" English names of places for
 *    romanization (see names_train.c, docs/names.md).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_core.h"
#include "ar_names.h"
#include "names_words.h"
#include "names_train.h"

#define LEX_MIN_SIMILARITY 0.5	/* a training name's spelling must be at least this similar */

/* Order two pairs by Latin name. */
static int
cmp_lat_only(const pair *a, const pair *b)
{
	for (int i = 0; i < a->nl && i < b->nl; i++)
		if (a->lat[i] != b->lat[i])
			return a->lat[i] < b->lat[i] ? -1 : 1;
	return a->nl - b->nl;
}

/* qsort of pair indices by Latin name, the commonest pair of a name first. */
static int
cmp_pair_latin(const void *x, const void *y)
{
	const pair *a = &pairs[*(const int *) x],
			   *b = &pairs[*(const int *) y];
	int			c = cmp_lat_only(a, b);

	if (c)
		return c;
	if (a->count != b->count)
		return b->count - a->count;
	return *(const int *) x - *(const int *) y;
}

/* qsort of exonym lines by their Latin name. */
static int
cmp_line(const void *a, const void *b)
{
	return strcmp(*(char *const *) a + 4, *(char *const *) b + 4);	/* after "exo " / "lex " */
}

/*
 * The Latin (a-z only) and Arabic (one word) fields of a list row "kind<TAB>latin<TAB>arabic" whose
 * tabs are t1 and t2 and whose end is nl (NULL: the end of the text); false when either is not one.
 */
static bool
place_row(const char *t1, const char *t2, const char *nl, char lat[128], char ar[256], size_t *ll, size_t *al)
{
	bool		ok;

	*ll = (size_t) (t2 - t1 - 1);
	*al = nl ? (size_t) (nl - t2 - 1) : strlen(t2 + 1);
	ok = *ll > 0 && *ll < 128 && *al > 0 && *al < 256;
	for (size_t i = 0; ok && i < *ll; i++)
		ok = t1[1 + i] >= 'a' && t1[1 + i] <= 'z';
	if (!ok)
		return false;
	memcpy(lat, t1 + 1, *ll);
	lat[*ll] = '\0';
	memcpy(ar, t2 + 1, *al);
	ar[*al] = '\0';
	return !strchr(ar, ' ') && (unsigned char) ar[0] >= 0xD8;
}

/*
 * Exonym lines "exo LATIN ARABIC" from an arwikicats-style list (kind, english, arabic): single-word
 * names of countries, cities, regions and places whose Arabic name the model's transliteration does
 * not reach (a different name key), the first entry of a Latin name winning (kinds in that order);
 * then, likewise, the commonest Arabic spelling of each Latin name of the training pairs.
 */
void
write_exonyms(FILE *f, const ar_names_model *m, const char *path, const bool *train)
{
	size_t		nlexicon = 0;
	static const char *const kinds[] = {"country", "city", "region", "place"};
	size_t		len;
	char	   *text = slurp(path, &len);
	char	  **lines = NULL;
	size_t		n = 0,
				cap = 0,
				k = 0;
	ar_buf		ka,
				kl;

	ar_buf_init(&ka, &ar_malloc_allocator, 64);
	ar_buf_init(&kl, &ar_malloc_allocator, 64);
	for (int kind = 0; kind < 4; kind++)
		for (char *line = text; line && *line;)
		{
			char	   *nl = strchr(line, '\n'),
					   *t1 = strchr(line, '\t'),
					   *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
			size_t		kl_ = t1 ? (size_t) (t1 - line) : 0;

			if (t1 && t2 && (!nl || t2 < nl) && kl_ == strlen(kinds[kind]) &&
				memcmp(line, kinds[kind], kl_) == 0)
			{
				char		lat[128],
							ar[256];
				size_t		ll,
							al;

				if (place_row(t1, t2, nl, lat, ar, &ll, &al))
				{
					ka.len = kl.len = 0;
					ar_name_key(m, lat, ll, &kl);
					ar_name_key(m, ar, al, &ka);
					if (ka.len && strcmp(ka.data, kl.data ? kl.data : "") != 0)
					{
						char	   *l = malloc(ll + al + 8);

						sprintf(l, "exo %s %s", lat, ar);
						if (n == cap)
							cap = cap ? cap * 2 : 1024, lines = realloc(lines, cap * sizeof(char *));
						lines[n++] = l;
					}
				}
			}
			line = nl ? nl + 1 : NULL;
		}
	/* then the training names: a Latin name's commonest Arabic spelling, where the key differs */
	{
		int		   *idx = malloc(sizeof(int) * (size_t) npairs);
		int			ni = 0;

		for (int i = 0; i < npairs; i++)
			if (train[i])
				idx[ni++] = i;
		qsort(idx, (size_t) ni, sizeof(int), cmp_pair_latin);
		for (int i = 0; i < ni; i++)
		{
			const pair *p = &pairs[idx[i]];
			char		lat[AR_NAMES_MAXSYM + 1],
						ar[AR_NAMES_MAXSYM * 2 + 1];
			int			al = 0;

			if (i > 0 && cmp_lat_only(&pairs[idx[i - 1]], p) == 0)
				continue;		/* not the commonest spelling of this Latin name */
			for (int j = 0; j < p->nl; j++)
				lat[j] = (char) ('a' + p->lat[j] - 1);
			lat[p->nl] = '\0';
			for (int j = 0; j < p->na; j++)
				al += ar_utf8_encode(ar_names_arabic_cp(p->ar[j]), ar + al);
			ar[al] = '\0';
			ka.len = kl.len = 0;
			ar_name_key(m, lat, strlen(lat), &kl);
			ar_name_key(m, ar, (size_t) al, &ka);
			/* noise in the lists (libya السنوسي) fails the model's own similarity */
			if (ka.len && strcmp(ka.data, kl.data ? kl.data : "") != 0 &&
				ar_name_similarity(m, lat, strlen(lat), ar, (size_t) al) >= LEX_MIN_SIMILARITY)
			{
				char	   *l = malloc(strlen(lat) + (size_t) al + 8);

				sprintf(l, "lex %s %s", lat, ar);
				if (n == cap)
					cap = cap ? cap * 2 : 1024, lines = realloc(lines, cap * sizeof(char *));
				lines[n++] = l;
				nlexicon++;
			}
		}
		free(idx);
	}
	/* sort by Latin name; the first of a kind order wins, so keep the earliest index per name */
	for (size_t i = 0; i < n; i++)
	{
		char	   *l = lines[i];
		char		tag[32];

		snprintf(tag, sizeof tag, "\x01%08zu", i);
		lines[i] = malloc(strlen(l) + sizeof tag + 1);
		sprintf(lines[i], "%s%s", l, tag);
		free(l);
	}
	qsort(lines, n, sizeof(char *), cmp_line);
	for (size_t i = 0; i < n; i++)
	{
		char	   *sp = strchr(lines[i] + 4, ' ');
		size_t		kl2 = (size_t) (sp - lines[i]) - 4;

		/* lines of one Latin name are adjacent; a name followed by a space sorts before others */
		if (k && strncmp(lines[k - 1] + 4, lines[i] + 4, kl2 + 1) == 0)
			continue;
		lines[k++] = lines[i];
	}
	for (size_t i = 0; i < k; i++)
	{
		*strchr(lines[i], '\x01') = '\0';
		fprintf(f, "%s\n", lines[i]);
	}
	fprintf(stderr, "names_train: %zu exo lines (%zu candidate spellings of training names among them before deduplication)\n",
			k, nlexicon);
	free(text);
}

typedef struct display_place
{
	char		key[AR_NAMES_MAXSYM + 2];	/* folded Arabic (sym_key), the sort key */
	char	   *line;
	int			kind;
	float		sim;
} display_place;

/* qsort of display places by Arabic, then the preferred entry first (kind order, similarity, Latin). */
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

/*
 * "dsp LATIN ARABIC" lines: the English name to display for a one-word place of the arwikicats list
 * (موسكو Moscow, ألمانيا Germany).  The list holds several languages' names of one place under the
 * kind "place" (alemanya, ehipto), so country, city and region entries come first, then the one the
 * model finds likeliest as a spelling of the Arabic (ar_name_similarity).  A token that is a person's
 * name in the training pairs (a pair seen at least twice) is left to the romanizer unless the place's
 * name is its commonest spelling there (جونسون Johnson, لندن London; كينيدي is Kennedy, not Kenedy County).
 */
void
write_display_places(FILE *f, const ar_names_model *m, const char *path, const bool *train)
{
	static const char *const kinds[] = {"country", "city", "region", "place"};
	size_t		len;
	char	   *text = slurp(path, &len);
	bool	   *person = calloc((size_t) nids + 1, sizeof(bool));
	display_place *v = NULL;
	size_t		n = 0,
				cap = 0,
				k = 0;

	int		   *best = calloc((size_t) nids + 1, sizeof(int));	/* commonest training pair of an Arabic id, + 1 */

	for (int i = 0; i < npairs; i++)
		if (train[i])
		{
			int			a = pairs[i].ar_id;

			if (pairs[i].count >= 2)
				person[a] = true;
			if (!best[a] || pairs[i].count > pairs[best[a] - 1].count)
				best[a] = i + 1;
		}
	for (char *line = text; line && *line;)
	{
		char	   *nl = strchr(line, '\n'),
				   *t1 = strchr(line, '\t'),
				   *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
		int			kind = -1;

		for (int i = 0; t1 && i < 4; i++)
			if ((size_t) (t1 - line) == strlen(kinds[i]) && memcmp(line, kinds[i], (size_t) (t1 - line)) == 0)
				kind = i;
		if (kind >= 0 && t2 && (!nl || t2 < nl))
		{
			char		lat[128],
						ar[256];
			size_t		ll,
						al;
			uint8_t		sym[AR_NAMES_MAXSYM];
			ar_name_script sc;
			int			ns,
						id;

			if (place_row(t1, t2, nl, lat, ar, &ll, &al) && al <= 2 * 24 && ll <= 24 &&
				(ns = ar_names_fold(ar, al, sym, &sc)) > 0 && sc == AR_NAME_ARABIC)
			{
				if (n == cap)
					cap = cap ? cap * 2 : 1024, v = realloc(v, cap * sizeof(display_place));
				char		lk[AR_NAMES_MAXSYM + 2];
				uint8_t		lsym[AR_NAMES_MAXSYM];
				ar_name_script lsc;
				int			nls = ar_names_fold(lat, ll, lsym, &lsc);

				sym_key('A', sym, ns, v[n].key);
				sym_key('L', lsym, nls, lk);
				id = str_find(v[n].key);
				if (id < 0 || !person[id] || (best[id] && pairs[best[id] - 1].lat_id == str_find(lk)))
				{
					v[n].line = malloc(sizeof lat + sizeof ar + 8);
					snprintf(v[n].line, sizeof lat + sizeof ar + 8, "dsp %s %s", lat, ar);
					v[n].kind = kind;
					v[n].sim = ar_name_similarity(m, lat, ll, ar, al);
					n++;
				}
			}
		}
		line = nl ? nl + 1 : NULL;
	}
	qsort(v, n, sizeof(display_place), cmp_display);
	for (size_t i = 0; i < n; i++)
		if (i == 0 || strcmp(v[i].key, v[i - 1].key) != 0)
		{
			fprintf(f, "%s\n", v[i].line);
			k++;
		}
	fprintf(stderr, "names_train: %zu dsp lines (place names to display)\n", k);
	for (size_t i = 0; i < n; i++)
		free(v[i].line);
	free(v);
	free(person);
	free(best);
	free(text);
}
