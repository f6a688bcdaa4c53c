/*
 * names_eval.c
 *    Cross-script name retrieval on held-out pairs: for each held-out Latin
 *    token, rank every held-out Arabic token (the candidates) by
 *    ar_name_similarity and by a naive baseline (consonant skeletons of both
 *    scripts and edit distance), and print top-1 accuracy and MRR@10 of the
 *    correct Arabic spelling (any Arabic token paired with the Latin token in
 *    the list counts as correct; ties are ranked against it, pessimistically).
 *    Also prints how often ar_name_key of the Latin token equals the key of
 *    a correct Arabic spelling, and how many candidates share its key.
 *
 *    names_eval MODEL DEV_PAIRS.tsv SLICE [MAX_QUERIES]
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ar_core.h"
#include "ar_names.h"

#define MAXC 40000

static char *cand[MAXC];		/* distinct folded Arabic candidates (as UTF-8) */
static char *cand_key[MAXC];
static char *cand_skel[MAXC];
static int	ncand;

typedef struct query
{
	char	   *latin;			/* as in the list */
	char	   *skel;
	int			gold[16];
	int			ngold;
} query;
static query *qs;
static int	nq;

/* held-out pairs of the slice, for the romanization figures */
static char *pair_ar[MAXC],
		   *pair_lat[MAXC];
static int	npair;

/* Naive skeleton of a Latin token: consonant letters, each mapped to the one Arabic letter a
 * beginner would write (a hand table, no learning), vowels and h after c/s/t/k/g dropped as letters. */
static void
latin_skeleton(const uint8_t *s, int n, char *out)
{
	static const char *map = "-bkd-fgh-jklmn-bkrst-f-k-z";	/* a-z; - dropped */
	int			k = 0;

	for (int i = 0; i < n; i++)
	{
		char		c = map[s[i] - 1];

		if (c == '-' || c == 'v')
			continue;
		if (c == 'h' && i > 0 && strchr("cstkg", 'a' + s[i - 1] - 1))
			continue;
		if (k == 0 || out[k - 1] != c)
			out[k++] = c;
	}
	out[k] = '\0';
}

/* Naive skeleton of an Arabic token: letters mapped to the same Latin consonants, ا و ي ع ء ه dropped. */
static void
arabic_skeleton(const uint8_t *s, int n, char *out)
{
	/* ء ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي */
	static const char *map = "--btsjhkdzrzsssdtz-gfkklmnh--";
	int			k = 0;

	for (int i = 0; i < n; i++)
	{
		char		c = map[s[i] - 1];

		if (c == '-')
			continue;
		if (k == 0 || out[k - 1] != c)
			out[k++] = c;
	}
	out[k] = '\0';
}

/* Levenshtein distance of two short strings. */
static int
edit(const char *a, const char *b)
{
	int			la = (int) strlen(a),
				lb = (int) strlen(b);
	int			d[64][64];

	if (la > 63)
		la = 63;
	if (lb > 63)
		lb = 63;
	for (int i = 0; i <= la; i++)
		for (int j = 0; j <= lb; j++)
		{
			int			v;

			if (i == 0 || j == 0)
				v = i + j;
			else
			{
				v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
				if (d[i - 1][j] + 1 < v)
					v = d[i - 1][j] + 1;
				if (d[i][j - 1] + 1 < v)
					v = d[i][j - 1] + 1;
			}
			d[i][j] = v;
		}
	return d[la][lb];
}

/* Id of a folded Arabic candidate, added when new (linear hash). */
static int
cand_id(const char *s)
{
	static int	tab[1 << 17];
	uint32_t	h = 2166136261u;

	for (const char *p = s; *p; p++)
		h = (h ^ (unsigned char) *p) * 16777619u;
	for (h &= (1 << 17) - 1;; h = (h + 1) & ((1 << 17) - 1))
	{
		if (!tab[h])
		{
			if (ncand >= MAXC)
				return -1;
			cand[ncand] = strdup(s);
			tab[h] = ++ncand;
			return ncand - 1;
		}
		if (strcmp(cand[tab[h] - 1], s) == 0)
			return tab[h] - 1;
	}
}

/* Rank of the best gold candidate (1-based, ties against it) under scores sc. */
static int
gold_rank(const double *sc, const query *q)
{
	double		best = -1e300;
	int			r = 1;

	for (int g = 0; g < q->ngold; g++)
		if (sc[q->gold[g]] > best)
			best = sc[q->gold[g]];
	for (int c = 0; c < ncand; c++)
	{
		bool		isgold = false;

		for (int g = 0; g < q->ngold; g++)
			isgold |= q->gold[g] == c;
		if (!isgold && sc[c] >= best)
			r++;
	}
	return r;
}

/* Folded a-z spelling of a Latin token (NUL-terminated). */
static void
latin_letters(const char *s, char *out)
{
	uint8_t		sym[AR_NAMES_MAXSYM];
	ar_name_script sc;
	int			n = ar_names_fold(s, strlen(s), sym, &sc);

	for (int i = 0; i < n; i++)
		out[i] = (char) ('a' + sym[i] - 1);
	out[n] = '\0';
}

/* Exact-match rate and character error rate of romanizing the slice's Arabic tokens with m. */
static void
romanize_score(const ar_names_model *m, const char *label)
{
	double		exact = 0,
				cer = 0,
				keyed = 0;
	ar_buf		b,
				ka,
				kb;

	ar_buf_init(&b, &ar_malloc_allocator, 64);
	ar_buf_init(&ka, &ar_malloc_allocator, 64);
	ar_buf_init(&kb, &ar_malloc_allocator, 64);
	for (int i = 0; i < npair; i++)
	{
		char		gold[AR_NAMES_MAXSYM + 1];

		latin_letters(pair_lat[i], gold);
		b.len = 0;
		ar_name_romanize(m, pair_ar[i], strlen(pair_ar[i]), &b);
		ar_buf_append(&b, "", 0);
		exact += strcmp(b.data, gold) == 0;
		cer += gold[0] ? (double) edit(b.data, gold) / strlen(gold) : 0.0;
		/* defect check: the romanization's name key is the Arabic's (no letter added or lost) */
		ka.len = kb.len = 0;
		ar_name_key(m, pair_ar[i], strlen(pair_ar[i]), &ka);
		ar_name_key(m, b.data, strlen(b.data), &kb);
		ar_buf_append(&ka, "", 0);
		ar_buf_append(&kb, "", 0);
		keyed += strcmp(ka.data, kb.data) == 0;
	}
	printf("%s: exact %.4f  character error rate %.4f  same key as the Arabic %.4f (%d held-out pairs)\n",
		   label, exact / npair, cer / npair, keyed / npair, npair);
	/* the article: a leading ال shown as al- exactly when the list's Latin drops it (no al / el) */
	{
		int			nal = 0,
					agree = 0;

		for (int i = 0; i < npair; i++)
		{
			char		gold[AR_NAMES_MAXSYM + 1];
			bool		dropped;

			if (strncmp(pair_ar[i], "\xd8\xa7\xd9\x84", 4) != 0 || strlen(pair_ar[i]) < 10)
				continue;		/* ال and at least 3 more letters */
			latin_letters(pair_lat[i], gold);
			dropped = !(gold[0] == 'a' || gold[0] == 'e') || gold[1] != 'l';
			b.len = 0;
			ar_name_romanize_text(m, pair_ar[i], strlen(pair_ar[i]), &b);
			nal++;
			agree += dropped == (b.len > 3 && memcmp(b.data, "al-", 3) == 0);
		}
		if (nal)
			printf("%s: article shown as al- exactly where the list drops it %.4f (%d pairs with a leading al)\n",
				   label, (double) agree / nal, nal);
	}
	ar_buf_free(&b);
	ar_buf_free(&ka);
	ar_buf_free(&kb);
}

/* Romanization figures of the model, and of the same model without its bigrams (letter by letter). */
static void
romanization_figures(const ar_names_model *m, const char *img, size_t len)
{
	char	   *copy = malloc(len + 1);
	size_t		k = 0;
	const char *err;
	ar_names_model *plain;

	for (size_t i = 0; i < len;)
	{
		const char *nl = memchr(img + i, '\n', len - i);
		size_t		ll = nl ? (size_t) (nl - img - i) + 1 : len - i;

		if (!(ll >= 3 && (memcmp(img + i, "bi ", 3) == 0 || memcmp(img + i, "lm ", 3) == 0)) &&
			!(ll >= 4 && memcmp(img + i, "rbi ", 4) == 0))
		{
			memcpy(copy + k, img + i, ll);
			k += ll;
		}
		i += ll;
	}
	plain = ar_names_model_open(&ar_malloc_allocator, copy, k, &err);
	romanize_score(m, "ar_translit(.., 'names') joint bigram");
	if (plain)
		romanize_score(plain, "letter-by-letter romanization");
	free(copy);
}

/* Read pairs, build candidates and queries, score, print. */
int
main(int argc, char **argv)
{
	FILE	   *f;
	char	   *img;
	long		imglen;
	const char *err;
	ar_names_model *m;
	char		line[1024];
	int			maxq = argc > 4 ? atoi(argv[4]) : 2000;
	double	   *sc;
	double		top1[2] = {0, 0},
				mrr[2] = {0, 0},
				keyeq = 0,
				keycoll = 0,
				secs = 0;
	long		npairs_scored = 0;
	ar_buf		b;

	if (argc < 4)
	{
		fprintf(stderr, "usage: names_eval MODEL DEV_PAIRS.tsv SLICE [MAX_QUERIES]\n");
		return 2;
	}
	f = fopen(argv[1], "rb");
	if (!f)
	{
		fprintf(stderr, "MISSING: %s (make names-dev-model)\n", argv[1]);
		return 1;
	}
	fseek(f, 0, SEEK_END);
	imglen = ftell(f);
	rewind(f);
	img = malloc((size_t) imglen);
	if (fread(img, 1, (size_t) imglen, f) != (size_t) imglen)
		return 1;
	fclose(f);
	m = ar_names_model_open(&ar_malloc_allocator, img, (size_t) imglen, &err);
	if (!m)
	{
		fprintf(stderr, "invalid model: %s\n", err);
		return 1;
	}
	f = fopen(argv[2], "r");
	if (!f)
	{
		fprintf(stderr, "MISSING: %s (make names-dev-model)\n", argv[2]);
		return 1;
	}
	qs = calloc(MAXC, sizeof(query));
	ar_buf_init(&b, &ar_malloc_allocator, 64);
	while (fgets(line, sizeof line, f))
	{
		char	   *lat,
				   *slice;
		uint8_t		s[AR_NAMES_MAXSYM];
		ar_name_script sc_;
		int			n,
					id,
					qi;

		line[strcspn(line, "\r\n")] = '\0';
		lat = strchr(line, '\t');
		if (!lat || strncmp(line, "arabic\t", 7) == 0)
			continue;
		*lat++ = '\0';
		slice = strchr(lat, '\t');
		if (!slice)
			continue;
		*slice++ = '\0';
		n = ar_names_fold(line, strlen(line), s, &sc_);
		b.len = 0;
		for (int i = 0; i < n; i++)
			ar_buf_append_cp(&b, ar_names_arabic_cp(s[i]));
		id = cand_id(b.data);
		if (id < 0)
			continue;
		if (strcmp(slice, argv[3]) != 0)
			continue;
		if (npair < MAXC)
		{
			pair_ar[npair] = strdup(line);
			pair_lat[npair++] = strdup(lat);
		}
		for (qi = 0; qi < nq; qi++)
			if (strcmp(qs[qi].latin, lat) == 0)
				break;
		if (qi == nq)
		{
			qs[nq].latin = strdup(lat);
			nq++;
		}
		if (qs[qi].ngold < 16)
			qs[qi].gold[qs[qi].ngold++] = id;
	}
	fclose(f);
	sc = malloc(sizeof(double) * (size_t) ncand);
	for (int c = 0; c < ncand; c++)
	{
		uint8_t		s[AR_NAMES_MAXSYM];
		ar_name_script sc_;
		int			n = ar_names_fold(cand[c], strlen(cand[c]), s, &sc_);
		char		sk[AR_NAMES_MAXSYM + 1];

		arabic_skeleton(s, n, sk);
		cand_skel[c] = strdup(sk);
		b.len = 0;
		ar_name_key(m, cand[c], strlen(cand[c]), &b);
		cand_key[c] = strdup(b.data ? b.data : "");
	}
	{
		int			step = nq > maxq ? nq / maxq : 1,
					used = 0;

		for (int qi = 0; qi < nq; qi += step)
		{
			query	   *q = &qs[qi];
			uint8_t		s[AR_NAMES_MAXSYM];
			ar_name_script sc_;
			int			n = ar_names_fold(q->latin, strlen(q->latin), s, &sc_);
			char		sk[AR_NAMES_MAXSYM + 1];
			size_t		ql = strlen(q->latin);
			clock_t		t0;
			int			r;

			used++;
			/* the model */
			t0 = clock();
			for (int c = 0; c < ncand; c++)
				sc[c] = ar_name_similarity(m, q->latin, ql, cand[c], strlen(cand[c]));
			secs += (double) (clock() - t0) / CLOCKS_PER_SEC;
			npairs_scored += ncand;
			r = gold_rank(sc, q);
			top1[0] += r == 1;
			mrr[0] += r <= 10 ? 1.0 / r : 0.0;
			/* the naive baseline */
			latin_skeleton(s, n, sk);
			for (int c = 0; c < ncand; c++)
				sc[c] = -edit(sk, cand_skel[c]) - 0.01 * abs((int) strlen(cand[c]) / 2 - n);
			r = gold_rank(sc, q);
			top1[1] += r == 1;
			mrr[1] += r <= 10 ? 1.0 / r : 0.0;
			/* keys */
			b.len = 0;
			ar_name_key(m, q->latin, ql, &b);
			{
				bool		eq = false;
				int			coll = 0;

				for (int g = 0; g < q->ngold; g++)
					eq |= strcmp(cand_key[q->gold[g]], b.data ? b.data : "") == 0;
				for (int c = 0; c < ncand; c++)
					coll += strcmp(cand_key[c], b.data ? b.data : "") == 0;
				keyeq += eq;
				keycoll += coll;
			}
		}
		printf("names_eval: slice %s, %d held-out Latin queries (of %d), %d Arabic candidates\n",
			   argv[3], used, nq, ncand);
		printf("ar_name_similarity: top-1 %.4f  MRR@10 %.4f\n", top1[0] / used, mrr[0] / used);
		printf("naive skeleton+edit: top-1 %.4f  MRR@10 %.4f\n", top1[1] / used, mrr[1] / used);
		printf("ar_name_key: equal to a correct spelling's key %.4f; candidates sharing the query key %.2f on average\n",
			   keyeq / used, keycoll / used);
		printf("ar_name_similarity speed in this run: %.2f million pairs/s\n", npairs_scored / secs / 1e6);
		romanization_figures(m, img, (size_t) imglen);
	}
	return 0;
}
