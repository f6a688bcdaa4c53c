/*
 * names_words.c
 *    The word lists of the ar_names configuration (src/core/ar_namefilter.c),
 *    written by names_train -a: the ordinary words (ANERcorp tokens seen
 *    outside entities, optionally hunspell-ar forms no name list has) and the
 *    known names (the Arabic tokens of name lists, and ANERcorp tokens mostly
 *    seen inside entities); on the held-out end of the corpus it measures how
 *    many tokens outside and inside entities the filter takes for names.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ar_core.h"
#include "ar_namefilter.h"
#include "ar_normalize.h"
#include "names_words.h"

#ifndef LEX_MIN_O
#define LEX_MIN_O 1
#endif

static char **hun_words,
		  **name_words;
static size_t nhun,
			chun,
			nname,
			cname;


/* Read a whole file (see names_words.h). */
char *
slurp(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		n;

	if (!f)
	{
		fprintf(stderr, "MISSING: cannot open %s\n", path);
		exit(1);
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t) n + 1);
	if (fread(buf, 1, (size_t) n, f) != (size_t) n)
		exit(1);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t) n;
	return buf;
}


typedef struct lexword
{
	char	   *w;
	int			o,
				ent;
} lexword;

/* qsort by word. */
static int
cmp_lexword(const void *a, const void *b)
{
	return strcmp(((const lexword *) a)->w, ((const lexword *) b)->w);
}

/*
 * Ordinary words of a tagged corpus ("token TAG" lines): normalized tokens
 * seen outside entities and at most 10 % as often inside them, from the
 * first (100 - holdout) % of the lines.  On the held-out lines, prints how
 * many Arabic tokens outside entities (stopwords excluded) and inside PERS /
 * LOC entities the filter (stopwords + lexicon) takes for names.
 */
/* Add every Arabic word of column col (1-based; -1: every field) of a TSV list, normalized, to *set. */
static void
read_words(const char *path, int col, char ***set, size_t *n, size_t *cap)
{
	size_t		len;
	char	   *text = slurp(path, &len),
			   *save = NULL,
			   *line;
	ar_buf		nb;

	ar_buf_init(&nb, &ar_malloc_allocator, 64);
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
	{
		char	   *f = line;

		for (int c = 1; c < col && f; c++)
		{
			f = strchr(f, '\t');
			if (f)
				f++;
		}
		if (!f)
			continue;
		/* each space-separated word of the field (flags after '/' dropped) */
		for (char *w = f; *w;)
		{
			size_t		wl = strcspn(w, " \t/");

			if (wl && (unsigned char) w[0] >= 0xD8)
			{
				nb.len = 0;
				ar_normalize(w, wl, AR_PROFILE_SEARCH, &nb);
				if (nb.len)
				{
					if (*n == *cap)
						*cap = *cap ? *cap * 2 : 65536, *set = realloc(*set, *cap * sizeof(char *));
					(*set)[(*n)++] = strdup(nb.data);
				}
			}
			w += wl;
			if (*w == '/')
				w += strcspn(w, " \t");
			if (*w == '\t' && col > 0)
				break;
			if (*w)
				w++;
		}
	}
	free(text);
}

/* Add the words of a list to the known names or the hunspell forms (see names_words.h). */
void
names_words_read(const char *path, int col, bool names)
{
	if (names)
		read_words(path, col, &name_words, &nname, &cname);
	else
		read_words(path, col, &hun_words, &nhun, &chun);
}

/* strcmp for qsort / bsearch over char *. */
static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}


void
names_words_build(const char *corpus, const char *stopfile, const char *out, const char *namesout,
				  int holdout)
{
	size_t		len,
				stoplen,
				nlines = 0,
				cut,
				line = 0;
	char	   *text = slurp(corpus, &len),
			   *stop = slurp(stopfile, &stoplen),
			   *p;
	lexword    *ws = NULL;
	size_t		nw = 0,
				cw = 0,
				k = 0,
				nlex = 0;
	ar_buf		nb,
				lexbuf,
				namebuf,
				scratch;
	ar_namefilter *flt;
	long		o_tok = 0,
				o_name = 0,
				e_tok = 0,
				e_name = 0;
	FILE	   *f;

	for (p = text; *p; p++)
		nlines += *p == '\n';
	cut = nlines - nlines * (size_t) holdout / 100;
	ar_buf_init(&nb, &ar_malloc_allocator, 64);
	for (p = text; *p && line < cut; line++)
	{
		char	   *nl = strchr(p, '\n'),
				   *sp;

		if (!nl)
			break;
		sp = memchr(p, ' ', (size_t) (nl - p));
		if (sp && (unsigned char) p[0] >= 0xD8)
		{
			nb.len = 0;
			ar_normalize(p, (size_t) (sp - p), AR_PROFILE_SEARCH, &nb);
			if (nb.len)
			{
				if (nw == cw)
					cw = cw ? cw * 2 : 65536, ws = realloc(ws, cw * sizeof(lexword));
				ws[nw].w = strdup(nb.data);
				ws[nw].o = sp[1] == 'O';
				ws[nw].ent = sp[1] != 'O';
				nw++;
			}
		}
		p = nl + 1;
	}
	qsort(ws, nw, sizeof(lexword), cmp_lexword);
	for (size_t i = 0; i < nw; i++)
	{
		if (k && strcmp(ws[k - 1].w, ws[i].w) == 0)
			ws[k - 1].o += ws[i].o, ws[k - 1].ent += ws[i].ent;
		else
			ws[k++] = ws[i];
	}
	ar_buf_init(&lexbuf, &ar_malloc_allocator, 1 << 20);
	for (size_t i = 0; i < k; i++)
		if (ws[i].o >= LEX_MIN_O && ws[i].ent * 10 <= ws[i].o)
		{
			ar_buf_append(&lexbuf, ws[i].w, strlen(ws[i].w));
			ar_buf_append(&lexbuf, "\n", 1);
			nlex++;
		}
	/* words mostly seen inside entities are known names (kept whole: الاسد, not ال + اسد) */
	for (size_t i = 0; i < k; i++)
		if (ws[i].ent >= 2 && ws[i].ent > ws[i].o)
		{
			if (nname == cname)
				cname = cname ? cname * 2 : 65536, name_words = realloc(name_words, cname * sizeof(char *));
			name_words[nname++] = strdup(ws[i].w);
		}
	/* hunspell word forms that no name list has */
	qsort(name_words, nname, sizeof(char *), cmp_str);
	qsort(hun_words, nhun, sizeof(char *), cmp_str);
	for (size_t i = 0; i < nhun; i++)
		if ((i == 0 || strcmp(hun_words[i - 1], hun_words[i]) != 0) &&
			!bsearch(&hun_words[i], name_words, nname, sizeof(char *), cmp_str))
		{
			ar_buf_append(&lexbuf, hun_words[i], strlen(hun_words[i]));
			ar_buf_append(&lexbuf, "\n", 1);
			nlex++;
		}
	f = fopen(out, "w");
	if (!f)
	{
		perror(out);
		exit(1);
	}
	fprintf(f, "# pg_arabic_names.words: ordinary Arabic words (normalized) that the ar_names\n");
	fprintf(f, "# configuration never takes for names; made by src/train/names_train.c from\n");
	fprintf(f, "# the ANERcorp training split (tokens seen outside entities, at most 10 %% as\n");
	fprintf(f, "# often inside them) and the word forms of hunspell-ar (ayaspell, GPL 2.0 /\n");
	fprintf(f, "# LGPL 2.1 / MPL 1.1) that no name list has; see docs/names.md for the licences.\n");
	fwrite(lexbuf.data, 1, lexbuf.len, f);
	fclose(f);
	ar_buf_init(&namebuf, &ar_malloc_allocator, 1 << 20);
	for (size_t i = 0; i < nname; i++)
		if (i == 0 || strcmp(name_words[i - 1], name_words[i]) != 0)
		{
			ar_buf_append(&namebuf, name_words[i], strlen(name_words[i]));
			ar_buf_append(&namebuf, "\n", 1);
		}
	if (namesout)
	{
		f = fopen(namesout, "w");
		if (!f)
		{
			perror(namesout);
			exit(1);
		}
		fprintf(f, "# pg_arabic_names.names: Arabic name tokens (normalized) that the ar_names\n");
		fprintf(f, "# configuration keeps whole (never split into clitic + word); made by\n");
		fprintf(f, "# src/train/names_train.c from the Wikidata (CC0 1.0), google/transliteration\n");
		fprintf(f, "# (Apache 2.0) and Unicode CLDR (Unicode-DFS-2016) name lists; see docs/names.md.\n");
		fwrite(namebuf.data, 1, namebuf.len, f);
		fclose(f);
	}
	flt = ar_namefilter_new(&ar_malloc_allocator, stop, stoplen, lexbuf.data, lexbuf.len,
							namebuf.data, namebuf.len);
	fprintf(stderr, "names_train: %zu ordinary words written to %s (the filter knows %zu words)\n",
			nlex, out, ar_namefilter_count(flt));
	if (holdout == 0)
		return;
	ar_buf_init(&scratch, &ar_malloc_allocator, 256);
	for (; *p; line++)
	{
		char	   *nl = strchr(p, '\n'),
				   *sp;
		size_t		offs[AR_NAMEFILTER_MAXFORMS];

		if (!nl)
			break;
		sp = memchr(p, ' ', (size_t) (nl - p));
		if (sp && (unsigned char) p[0] >= 0xD8)
		{
			int			isname = ar_namefilter_forms(flt, p, (size_t) (sp - p), &scratch, offs) > 0;

			nb.len = 0;
			ar_normalize(p, (size_t) (sp - p), AR_PROFILE_SEARCH, &nb);
			if (sp[1] == 'O')
			{
				o_tok++;
				o_name += isname;
			}
			else if (strstr(sp, "PERS") || strstr(sp, "LOC"))
			{
				e_tok++;
				e_name += isname;
			}
		}
		p = nl + 1;
	}
	fprintf(stderr, "names_train: held-out last %d %% of %s: %.4f of %ld Arabic tokens outside entities "
			"get name keys; %.4f of %ld PERS/LOC tokens do\n",
			holdout, corpus, (double) o_name / o_tok, o_tok, (double) e_name / e_tok, e_tok);
}

