/*
 * ar_namefilter.c
 *    Name / ordinary-word decision for Arabic tokens (see ar_namefilter.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_namefilter.h"
#include "ar_normalize.h"

typedef struct wordset
{
	char	  **words;			/* sorted, normalized, distinct */
	size_t		n;
	ar_buf		store;			/* the words' bytes */
} wordset;

struct ar_namefilter
{
	const ar_allocator *alloc;
	wordset		known;			/* stopwords and ordinary words */
	wordset		names;			/* known names */
};

/* strcmp for qsort / bsearch over char * arrays. */
static int
cmp_word(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Append every word of a list text to a set's store (offsets into *offs). */
static void
add_list(ar_namefilter *f, wordset *ws, const char *text, size_t len, size_t **offs, size_t *noffs,
		 size_t *cap)
{
	size_t		i = 0;

	while (i < len)
	{
		const char *line = text + i;
		const char *nl = memchr(line, '\n', len - i);
		size_t		ll = nl ? (size_t) (nl - line) : len - i;
		size_t		start;

		i += ll + 1;
		while (ll && (line[ll - 1] == '\r' || line[ll - 1] == ' ' || line[ll - 1] == '\t'))
			ll--;
		if (ll == 0 || line[0] == '#')
			continue;
		start = ws->store.len;
		ar_normalize(line, ll, AR_PROFILE_SEARCH, &ws->store);
		if (ws->store.len == start)
			continue;
		ar_buf_append(&ws->store, "", 1);
		if (*noffs == *cap)
		{
			*cap = *cap ? *cap * 2 : 1024;
			*offs = f->alloc->realloc_fn(f->alloc->ctx, *offs, *cap * sizeof(size_t));
		}
		(*offs)[(*noffs)++] = start;
	}
}

/* Build a sorted set of the words of up to two list texts. */
static void
build_set(ar_namefilter *f, wordset *ws, const char *t1, size_t l1, const char *t2, size_t l2)
{
	size_t	   *offs = NULL,
				noffs = 0,
				cap = 0,
				k = 0;

	ar_buf_init(&ws->store, f->alloc, l1 + l2 + 16);
	add_list(f, ws, t1, l1, &offs, &noffs, &cap);
	if (t2)
		add_list(f, ws, t2, l2, &offs, &noffs, &cap);
	ws->words = f->alloc->realloc_fn(f->alloc->ctx, NULL, (noffs + 1) * sizeof(char *));
	for (size_t i = 0; i < noffs; i++)
		ws->words[i] = ws->store.data + offs[i];
	qsort(ws->words, noffs, sizeof(char *), cmp_word);
	for (size_t i = 0; i < noffs; i++)	/* drop duplicates */
		if (k == 0 || strcmp(ws->words[k - 1], ws->words[i]) != 0)
			ws->words[k++] = ws->words[i];
	ws->n = k;
	if (offs)
		f->alloc->free_fn(f->alloc->ctx, offs);
}

/* A new filter over three word lists (see ar_namefilter.h). */
ar_namefilter *
ar_namefilter_new(const ar_allocator *alloc, const char *stop, size_t stoplen,
				  const char *lex, size_t lexlen, const char *names, size_t nameslen)
{
	ar_namefilter *f = alloc->realloc_fn(alloc->ctx, NULL, sizeof(ar_namefilter));

	f->alloc = alloc;
	build_set(f, &f->known, stop, stoplen, lex, lexlen);
	build_set(f, &f->names, names, nameslen, NULL, 0);
	return f;
}

/* Release a filter. */
void
ar_namefilter_free(ar_namefilter *f)
{
	if (!f)
		return;
	ar_buf_free(&f->known.store);
	ar_buf_free(&f->names.store);
	f->alloc->free_fn(f->alloc->ctx, f->known.words);
	f->alloc->free_fn(f->alloc->ctx, f->names.words);
	f->alloc->free_fn(f->alloc->ctx, f);
}

/* Number of distinct words the filter knows. */
size_t
ar_namefilter_count(const ar_namefilter *f)
{
	return f->known.n + f->names.n;
}

/* Is the NUL-terminated normalized word in the set? */
static bool
in_set(const wordset *ws, const char *w)
{
	return bsearch(&w, ws->words, ws->n, sizeof(char *), cmp_word) != NULL;
}

/* Number of code points of a NUL-terminated UTF-8 string. */
static size_t
letters(const char *s)
{
	return ar_utf8_count(s, strlen(s));
}

/* Is the token a name; its forms if so (see ar_namefilter.h). */
int
ar_namefilter_forms(const ar_namefilter *f, const char *w, size_t len, ar_buf *scratch,
					size_t offs[AR_NAMEFILTER_MAXFORMS])
{
	/* proclitic chains, longest first within each group: (و|ف)? (ب|ك|ل)? (ال)?, and لل */
	static const char *const conj[] = {"", "و", "ف"};
	static const char *const prep[] = {"", "ب", "ك", "ل"};
	static const char *const art[] = {"", "ال"};
	char		norm[512];
	int			n = 0;
	bool		whole;

	scratch->len = 0;
	ar_normalize(w, len, AR_PROFILE_SEARCH, scratch);
	if (scratch->len == 0 || scratch->len >= sizeof(norm))
		return 0;
	memcpy(norm, scratch->data, scratch->len + 1);
	if (in_set(&f->known, norm))
		return 0;				/* a stopword or an ordinary word */
	offs[n++] = 0;
	ar_buf_append(scratch, "", 1);
	whole = in_set(&f->names, norm);	/* a known name as written (لبنان, not ل + بنان) */
	for (int c = 0; c < 3; c++)
		for (int p = 0; p < 4; p++)
			for (int a = 0; a < 2; a++)
			{
				char		pre[16];
				size_t		pl;
				const char *rest;

				if (c + p + a == 0)
					continue;
				snprintf(pre, sizeof pre, "%s%s%s", conj[c], prep[p], art[a]);
				/* ل + ال is written لل */
				if (p == 3 && a == 1)
					snprintf(pre, sizeof pre, "%sلل", conj[c]);
				pl = strlen(pre);
				if (strncmp(norm, pre, pl) != 0)
					continue;
				rest = norm + pl;
				if (letters(rest) < 3)
					continue;
				if (whole)
				{
					/* a known name: other forms only when they are known names too (وليبيا) */
					if (in_set(&f->names, rest) && !in_set(&f->known, rest) &&
						n < AR_NAMEFILTER_MAXFORMS)
					{
						offs[n++] = scratch->len;
						ar_buf_append(scratch, rest, strlen(rest) + 1);
					}
					continue;
				}
				if (in_set(&f->known, rest))
					return 0;	/* an ordinary word with a clitic */
				if (in_set(&f->names, rest))
				{
					/* a known name with a clitic: that name only */
					scratch->len = 0;
					ar_buf_append(scratch, rest, strlen(rest) + 1);
					offs[0] = 0;
					return 1;
				}
				if (n < AR_NAMEFILTER_MAXFORMS)
				{
					offs[n++] = scratch->len;
					ar_buf_append(scratch, rest, strlen(rest) + 1);
				}
			}
	return n;
}
