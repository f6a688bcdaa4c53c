/*
 * ner_train_lexicon.c
 *    Ordinary-word evidence for the entity tagger: the attested words of the
 *    stemmer's lexicon (src/tsearch_data/pg_arabic.lexicon, from Ayaspell),
 *    with the endings their classes allow, as base-form hashes.  The
 *    vocabulary table of the model marks the bases it attests (see
 *    AR_NER_VOCAB_ENTRY in ar_ner.h): a word the training text never shows
 *    that is a dictionary word is seldom a name.
 */
#include <stdlib.h>
#include <string.h>

#include "ner_train.h"
#include "ar_lexicon.h"

static uint32_t *lex_hashes;	/* sorted, distinct */
static size_t nlex;

/* Order of two hashes (qsort, bsearch). */
static int
cmp_u32(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *) a,
				y = *(const uint32_t *) b;

	return x < y ? -1 : x > y;
}

/* Base hash of the word w (as a token, and behind the article) appended to out. */
static void
add_word(const char *w, size_t len, uint32_t **out, size_t *n, size_t *cap)
{
	char		buf[512];
	ar_ner_token t;
	ar_ner_seq *q;
	int			v;

	if (len + 4 >= sizeof(buf))
		return;
	for (v = 0; v < 2; v++)
	{
		/* as written (وزير: the tagger strips its و), and behind ال (الوزير -> وزير) */
		size_t		k = 0;

		if (v == 1)
		{
			memcpy(buf, "\xD8\xA7\xD9\x84", 4);
			k = 4;
		}
		memcpy(buf + k, w, len);
		t.s = buf;
		t.len = k + len;
		q = ar_ner_prepare(&t, 1, NULL, -1, &ar_malloc_allocator);
		if (*n == *cap)
		{
			*cap = *cap ? *cap * 2 : 65536;
			*out = realloc(*out, *cap * sizeof(uint32_t));
		}
		(*out)[(*n)++] = ar_ner_seq_base_hash(q, 0);
		ar_ner_seq_free(q);
	}
}

/* Load the lexicon at path: each stem, and with ة, ات, ون, ين where its classes allow. */
void
load_lexicon(const char *path)
{
	FILE	   *f = fopen(path, "r");
	char		line[1024];
	size_t		cap = 0,
				n = 0,
				i;

	if (!f)
		die("cannot open lexicon", path);
	while (fgets(line, sizeof(line), f))
	{
		char	   *sp = strchr(line, ' ');
		char		w[600];
		size_t		len;
		int			cls;

		if (line[0] == '#' || !sp)
			continue;
		len = (size_t) (sp - line);
		if (len == 0 || len + 8 >= sizeof(w))
			continue;
		cls = ar_lexicon_parse_classes(sp + 1, strcspn(sp + 1, " \t\r\n"));
		if (cls < 0)
			die("bad lexicon classes", line);
		memcpy(w, line, len);
		add_word(w, len, &lex_hashes, &n, &cap);
		if (cls & AR_LEX_FEM)			/* F: ة */
		{
			memcpy(w + len, "\xD8\xA9", 2);
			add_word(w, len + 2, &lex_hashes, &n, &cap);
		}
		if (cls & AR_LEX_PL_AT)			/* T: ات */
		{
			memcpy(w + len, "\xD8\xA7\xD8\xAA", 4);
			add_word(w, len + 4, &lex_hashes, &n, &cap);
		}
		if (cls & AR_LEX_PL_UN)			/* M: ون, ين */
		{
			memcpy(w + len, "\xD9\x88\xD9\x86", 4);
			add_word(w, len + 4, &lex_hashes, &n, &cap);
			memcpy(w + len, "\xD9\x8A\xD9\x86", 4);
			add_word(w, len + 4, &lex_hashes, &n, &cap);
		}
	}
	fclose(f);
	qsort(lex_hashes, n, sizeof(uint32_t), cmp_u32);
	for (i = 0, nlex = 0; i < n; i++)
		if (nlex == 0 || lex_hashes[nlex - 1] != lex_hashes[i])
			lex_hashes[nlex++] = lex_hashes[i];
	fprintf(stderr, "ner_train: %zu attested base forms from %s\n", nlex, path);
}

/* Whether base hash h is attested by the lexicon (false without one). */
bool
lexicon_attested(uint32_t h)
{
	return nlex > 0 && bsearch(&h, lex_hashes, nlex, sizeof(uint32_t), cmp_u32) != NULL;
}

/* The attested base hashes (sorted) and their number. */
size_t
lexicon_hashes(const uint32_t **out)
{
	*out = lex_hashes;
	return nlex;
}
