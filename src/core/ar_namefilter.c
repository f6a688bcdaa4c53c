/*
 * ar_namefilter.c
 *    Name / ordinary-word decision for Arabic tokens (see ar_namefilter.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_namefilter.h"
#include "ar_normalize.h"

struct ar_namefilter
{
	const ar_allocator *alloc;
	char	  **words;			/* sorted, normalized */
	size_t		n;
	ar_buf		store;			/* the words' bytes */
};

/* strcmp for qsort / bsearch over char * arrays. */
static int
cmp_word(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Append every word of a list text to the filter's store (offsets into *offs). */
static void
add_list(ar_namefilter *f, const char *text, size_t len, size_t **offs, size_t *noffs, size_t *cap)
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
		start = f->store.len;
		ar_normalize(line, ll, AR_PROFILE_SEARCH, &f->store);
		if (f->store.len == start)
			continue;
		ar_buf_append(&f->store, "", 1);
		if (*noffs == *cap)
		{
			*cap = *cap ? *cap * 2 : 1024;
			*offs = f->alloc->realloc_fn(f->alloc->ctx, *offs, *cap * sizeof(size_t));
		}
		(*offs)[(*noffs)++] = start;
	}
}

/* A new filter over two word lists (see ar_namefilter.h). */
ar_namefilter *
ar_namefilter_new(const ar_allocator *alloc, const char *stop, size_t stoplen,
				  const char *lex, size_t lexlen)
{
	ar_namefilter *f = alloc->realloc_fn(alloc->ctx, NULL, sizeof(ar_namefilter));
	size_t	   *offs = NULL,
				noffs = 0,
				cap = 0,
				k = 0;

	f->alloc = alloc;
	ar_buf_init(&f->store, alloc, stoplen + lexlen + 16);
	add_list(f, stop, stoplen, &offs, &noffs, &cap);
	add_list(f, lex, lexlen, &offs, &noffs, &cap);
	f->words = alloc->realloc_fn(alloc->ctx, NULL, (noffs + 1) * sizeof(char *));
	for (size_t i = 0; i < noffs; i++)
		f->words[i] = f->store.data + offs[i];
	qsort(f->words, noffs, sizeof(char *), cmp_word);
	for (size_t i = 0; i < noffs; i++)	/* drop duplicates */
		if (k == 0 || strcmp(f->words[k - 1], f->words[i]) != 0)
			f->words[k++] = f->words[i];
	f->n = k;
	if (offs)
		alloc->free_fn(alloc->ctx, offs);
	return f;
}

/* Release a filter. */
void
ar_namefilter_free(ar_namefilter *f)
{
	if (!f)
		return;
	ar_buf_free(&f->store);
	f->alloc->free_fn(f->alloc->ctx, f->words);
	f->alloc->free_fn(f->alloc->ctx, f);
}

/* Number of distinct words the filter knows. */
size_t
ar_namefilter_count(const ar_namefilter *f)
{
	return f->n;
}

/* Is the NUL-terminated normalized word known (stopword or ordinary word)? */
static bool
known(const ar_namefilter *f, const char *w)
{
	return bsearch(&w, f->words, f->n, sizeof(char *), cmp_word) != NULL;
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

	scratch->len = 0;
	ar_normalize(w, len, AR_PROFILE_SEARCH, scratch);
	if (scratch->len == 0 || scratch->len >= sizeof(norm))
		return 0;
	memcpy(norm, scratch->data, scratch->len + 1);
	if (known(f, norm))
		return 0;
	offs[n++] = 0;
	ar_buf_append(scratch, "", 1);
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
				pl = strlen(pre);
				/* ل + ال is written لل */
				if (p == 3 && a == 1)
					snprintf(pre, sizeof pre, "%sلل", conj[c]), pl = strlen(pre);
				if (strncmp(norm, pre, pl) != 0)
					continue;
				rest = norm + pl;
				if (letters(rest) < 3)
					continue;
				if (known(f, rest))
					return 0;	/* an ordinary word with a clitic */
				if (n < AR_NAMEFILTER_MAXFORMS)
				{
					offs[n++] = scratch->len;
					ar_buf_append(scratch, rest, strlen(rest) + 1);
				}
			}
	return n;
}
