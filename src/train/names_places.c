/*
 * names_places.c
 *    The list lines of the name model file that come from the place list
 *    (arwikicats) and the training pairs: "exo" exonyms and "lex" spellings
 *    for the Latin-to-Arabic direction (see names_train.c, docs/names.md);
 *    the "dsp" lines are in names_display.c.
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
bool
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
