/*
 * names_train.c
 *    Trains the name alignment model of src/core/ar_names.c from pairs of an
 *    Arabic name token and its Latin-script spelling (the two TSV lists of
 *    ../shared/data/names), with EM over all many-to-many alignments of the
 *    two letter strings (Latin 0-2 letters with Arabic 0-1 letters, or one
 *    Latin letter with two Arabic letters; conditioned on the position in
 *    the Arabic word), as m2m-aligner and Phonetisaurus align.
 *
 *    names_train -w WIKIDATA.tsv -p WIKIPEDIA.tsv [-d DEV_PERCENT] [-i ITERS]
 *                [-m MODEL_OUT] [-D DEV_PAIRS_OUT]
 *
 *    The dev split holds out DEV_PERCENT % of the connected components of
 *    the graph "Arabic token -- Latin token" (so no Arabic and no Latin token
 *    of the dev pairs is seen in training); each dev pair is written with its
 *    slice: "tune" (first half of the held-out buckets) or "report".
 *    Deterministic: no randomness, fixed iteration count.
 *
 *    names_train -a TAGGED_CORPUS -s STOPWORDS -l WORDS_OUT -n NAMES_OUT ...
 *    writes the word lists of the ar_names configuration instead (names_words.c).
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ar_core.h"
#include "ar_names.h"
#include "ar_names_rom.h"
#include "names_words.h"
#include "names_train.h"
#include "ar_namefilter.h"
#include "ar_normalize.h"

#define NL AR_NAMES_NLAT
#define NA AR_NAMES_NAR
#define NX (1 + NL + NL * NL)
#define NY (1 + NA)
#define NPOS 3
#define MAXLEN 30				/* longer tokens are not trained on */



pair	   *pairs;
int			npairs;
int			nwikidata;
static int	cpairs;
static double bonus = 1.5;		/* -b: per-Arabic-letter bonus of the cross score */

/* ---- string ids (open addressing) ---- */
static char **htab;
static int *hid;
static int	hcap = 1 << 19;
int			nids;
static int *parent;

/* FNV-1a hash of a string. */
static uint32_t
fnv(const char *s)
{
	uint32_t	h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char) *s) * 16777619u;
	return h;
}

/* Id of a string already seen, or -1 (see names_train.h). */
int
str_find(const char *s)
{
	uint32_t	h = fnv(s) & (uint32_t) (hcap - 1);

	while (htab[h])
	{
		if (strcmp(htab[h], s) == 0)
			return hid[h];
		h = (h + 1) & (uint32_t) (hcap - 1);
	}
	return -1;
}

/* Id of a string (new ids get their own union-find set). */
static int
str_id(const char *s)
{
	int			id = str_find(s);
	uint32_t	h = fnv(s) & (uint32_t) (hcap - 1);

	if (id >= 0)
		return id;
	while (htab[h])
		h = (h + 1) & (uint32_t) (hcap - 1);
	htab[h] = strdup(s);
	hid[h] = nids;
	parent[nids] = nids;
	return nids++;
}

/* Union-find root with path halving. */
static int
find(int x)
{
	while (parent[x] != x)
		x = parent[x] = parent[parent[x]];
	return x;
}

/* Key string of folded symbols with a script tag. */
void
sym_key(char tag, const uint8_t *s, int n, char *out)
{
	out[0] = tag;
	for (int i = 0; i < n; i++)
		out[i + 1] = (char) ('@' + s[i]);
	out[n + 1] = '\0';
}

/* Read one list (header line first; columns arabic, latin[, count]). */
static void
read_list(const char *path)
{
	FILE	   *f = fopen(path, "r");
	char		line[1024];
	int			lineno = 0;

	if (!f)
	{
		fprintf(stderr, "MISSING: cannot open %s\n", path);
		exit(1);
	}
	while (fgets(line, sizeof line, f))
	{
		char	   *tab,
				   *lat,
				   *end;
		pair		p;
		ar_name_script sa,
					sl;
		char		ka[AR_NAMES_MAXSYM + 2],
					kl[AR_NAMES_MAXSYM + 2];

		if (lineno++ == 0)
			continue;
		line[strcspn(line, "\r\n")] = '\0';
		tab = strchr(line, '\t');
		if (!tab)
			continue;
		*tab = '\0';
		lat = tab + 1;
		end = strchr(lat, '\t');
		p.count = end ? atoi(end + 1) : 1;
		if (p.count < 1)
			p.count = 1;
		if (end)
			*end = '\0';
		{
			int			cnt = p.count;

			memset(&p, 0, sizeof p);
			p.count = cnt;
		}
		p.na = ar_names_fold(line, strlen(line), p.ar, &sa);
		p.nl = ar_names_fold(lat, strlen(lat), p.lat, &sl);
		if (sa != AR_NAME_ARABIC || sl != AR_NAME_LATIN || p.na > MAXLEN || p.nl > MAXLEN)
			continue;
		sym_key('A', p.ar, p.na, ka);
		sym_key('L', p.lat, p.nl, kl);
		p.ar_id = str_id(ka);
		p.lat_id = str_id(kl);
		p.ar_text = strdup(line);
		p.lat_text = strdup(lat);
		if (npairs == cpairs)
		{
			cpairs = cpairs ? cpairs * 2 : 65536;
			pairs = realloc(pairs, sizeof(pair) * (size_t) cpairs);
		}
		pairs[npairs++] = p;
	}
	fclose(f);
}

/* Assign every pair the bucket (0-99) of its component: a hash of the component's smallest Arabic key. */
static void
split(void)
{
	uint32_t   *comp_hash = malloc(sizeof(uint32_t) * (size_t) nids);
	char	  **comp_min = calloc((size_t) nids, sizeof(char *));

	for (int i = 0; i < npairs; i++)
	{
		int			a = find(pairs[i].ar_id),
					b = find(pairs[i].lat_id);

		if (a != b)
			parent[a] = b;
	}
	for (int i = 0; i < npairs; i++)
	{
		int			r = find(pairs[i].ar_id);

		if (!comp_min[r] || strcmp(pairs[i].ar_text, comp_min[r]) < 0)
			comp_min[r] = pairs[i].ar_text;
	}
	for (int i = 0; i < nids; i++)
		if (comp_min[i])
			comp_hash[i] = fnv(comp_min[i]);
	for (int i = 0; i < npairs; i++)
		pairs[i].bucket = (int) (comp_hash[find(pairs[i].ar_id)] % 100);
	free(comp_hash);
	free(comp_min);
}

/* ---- EM ---- */
static double seg[NPOS][NX][NY],
			seg2[NPOS][NL + 1][NY][NY];	/* probabilities */
static double cnt[NPOS][NX][NY],
			cnt2[NPOS][NL + 1][NY][NY];	/* expected counts */

/* Position class of an Arabic segment (as in ar_names.c). */
static inline int
apos(int j, int dy, int na)
{
	return j == 0 ? 0 : (j + dy >= na ? 2 : 1);
}

/* Latin segment index. */
static inline int
xidx(int a, int b)
{
	return b ? 1 + NL + (a - 1) * NL + (b - 1) : a;
}

/* Probability of the move (dx, dy) into cell (i, j) of pair p, and where its count goes. */
static double *
move_prob(const pair *p, int i, int j, int dx, int dy, double **cslot)
{
	int			pos = apos(j - dy, dy, p->na);

	if (dx == 1 && dy == 0)
		return *cslot = &cnt[pos][p->lat[i - 1]][0], &seg[pos][p->lat[i - 1]][0];
	if (dx == 0 && dy == 1)
		return *cslot = &cnt[pos][0][p->ar[j - 1]], &seg[pos][0][p->ar[j - 1]];
	if (dx == 1 && dy == 1)
		return *cslot = &cnt[pos][p->lat[i - 1]][p->ar[j - 1]], &seg[pos][p->lat[i - 1]][p->ar[j - 1]];
	if (dx == 2 && dy == 1)
	{
		int			x = xidx(p->lat[i - 2], p->lat[i - 1]);

		return *cslot = &cnt[pos][x][p->ar[j - 1]], &seg[pos][x][p->ar[j - 1]];
	}
	/* dx == 1, dy == 2 */
	return *cslot = &cnt2[pos][p->lat[i - 1]][p->ar[j - 2]][p->ar[j - 1]],
		&seg2[pos][p->lat[i - 1]][p->ar[j - 2]][p->ar[j - 1]];
}

static const int moves[5][2] = {{1, 0}, {0, 1}, {1, 1}, {2, 1}, {1, 2}};

/* One E step over a pair: add its expected event counts; returns its log likelihood. */
static double
estep(const pair *p)
{
	static double al[MAXLEN + 1][MAXLEN + 1],
				be[MAXLEN + 1][MAXLEN + 1];
	int			n = p->nl,
				m = p->na;
	double		z;

	for (int i = 0; i <= n; i++)
		for (int j = 0; j <= m; j++)
		{
			double		s = (i + j == 0) ? 1.0 : 0.0;

			for (int k = 0; k < 5; k++)
			{
				int			dx = moves[k][0],
							dy = moves[k][1];
				double	   *c;

				if (i >= dx && j >= dy)
					s += al[i - dx][j - dy] * *move_prob(p, i, j, dx, dy, &c);
			}
			al[i][j] = s;
		}
	z = al[n][m];
	if (!(z > 0.0))
		return 0.0;
	for (int i = n; i >= 0; i--)
		for (int j = m; j >= 0; j--)
		{
			double		s = (i == n && j == m) ? 1.0 : 0.0;

			for (int k = 0; k < 5; k++)
			{
				int			dx = moves[k][0],
							dy = moves[k][1];
				double	   *c;

				if (i + dx <= n && j + dy <= m)
				{
					double		pr = *move_prob(p, i + dx, j + dy, dx, dy, &c);

					s += be[i + dx][j + dy] * pr;
					*c += al[i][j] * pr * be[i + dx][j + dy] / z;
				}
			}
			be[i][j] = s;
		}
	return log(z);
}

/* M step: normalize the counts of each position class into probabilities. */
static void
mstep(void)
{
	for (int p = 0; p < NPOS; p++)
	{
		double		tot = 0.0;

		for (int x = 0; x < NX; x++)
			for (int y = 0; y < NY; y++)
				tot += cnt[p][x][y];
		for (int x = 0; x <= NL; x++)
			for (int y = 0; y < NY; y++)
				for (int z = 0; z < NY; z++)
					tot += cnt2[p][x][y][z];
		for (int x = 0; x < NX; x++)
			for (int y = 0; y < NY; y++)
				seg[p][x][y] = tot > 0 ? cnt[p][x][y] / tot : 0.0;
		for (int x = 0; x <= NL; x++)
			for (int y = 0; y < NY; y++)
				for (int z = 0; z < NY; z++)
					seg2[p][x][y][z] = tot > 0 ? cnt2[p][x][y][z] / tot : 0.0;
	}
	memset(cnt, 0, sizeof cnt);
	memset(cnt2, 0, sizeof cnt2);
}

/* Uniform start over every event that can occur. */
static void
init_uniform(void)
{
	for (int p = 0; p < NPOS; p++)
	{
		for (int x = 0; x < NX; x++)
			for (int y = 0; y < NY; y++)
				seg[p][x][y] = (x || y) ? 1.0 : 0.0;
		for (int x = 1; x <= NL; x++)
			for (int y = 1; y < NY; y++)
				for (int z = 1; z < NY; z++)
					seg2[p][x][y][z] = 1.0;
		/* normalized as counts */
		memcpy(cnt[p], seg[p], sizeof cnt[p]);
		memcpy(cnt2[p], seg2[p], sizeof cnt2[p]);
	}
	mstep();
}

/* Print a segment field: "-" or the letters. */
static void
put_field(FILE *f, const int *sym, int n, bool latin)
{
	char		u[8];

	if (n == 0)
		fputc('-', f);
	for (int i = 0; i < n; i++)
	{
		if (latin)
			fputc('a' + sym[i] - 1, f);
		else
			fwrite(u, 1, (size_t) ar_utf8_encode(ar_names_arabic_cp(sym[i]), u), f);
	}
}

#define MIN_PROB 1e-7			/* events below this are left out of the file (floor) */

/* Write one event line. */
static void
put_event(FILE *f, int p, const int *x, int nx, const int *y, int ny, double pr)
{
	fprintf(f, "seg %d ", p);
	put_field(f, x, nx, true);
	fputc(' ', f);
	put_field(f, y, ny, false);
	fprintf(f, " %.4f\n", log(pr));
}

/* Compare doubles for qsort. */
static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return (x > y) - (x < y);
}

/* ---- joint bigram counts for the romanizer (src/core/ar_names_rom.c) ---- */

typedef struct bicount
{
	int64_t		key;			/* (prev + 2) << 32 | (next + 2) */
	double		count;
} bicount;

static bicount *bitab;
static int	bicap = 1 << 20;

/* Token id of the move (dx, dy) into cell (i, j) of pair p (as AR_ROM_TOKEN). */
static int32_t
move_token(const pair *p, int i, int j, int dx, int dy)
{
	int			x = dx == 0 ? 0 : (dx == 1 ? p->lat[i - 1] : xidx(p->lat[i - 2], p->lat[i - 1]));
	int			y1 = dy == 0 ? 0 : p->ar[j - dy],
				y2 = dy == 2 ? p->ar[j - 1] : 0;

	return AR_ROM_TOKEN(x, y1, y2);
}

/* Add one to the count of the bigram (prev, next). */
static void
count_bigram(int32_t prev, int32_t next)
{
	int64_t		key = ((int64_t) (prev + 2) << 32) | (int64_t) (next + 2);
	uint64_t	h = (uint64_t) key * 0x9E3779B97F4A7C15ull;

	for (h >>= 44;; h = (h + 1) & (uint64_t) (bicap - 1))
	{
		if (bitab[h].count == 0.0)
			bitab[h].key = key;
		if (bitab[h].key == key)
		{
			bitab[h].count += 1.0;
			return;
		}
	}
}

/*
 * May the romanizer's alignment use move k into cell (i, j) of pair p, the previous move having been
 * an inserted Latin letter (ins)?  The display alignment ("rbi" lines) takes only what its decoder
 * can spell back and a reader expects: at most one inserted letter in a row; one Latin letter for two
 * Arabic letters only for a stop and a sibilant (ت د ط ك + ج ز س ش ص: ch تش, x كس); no unspelt consonant but the ل of a
 * leading article, and no unspelt first letter but the article's ا.  Otherwise a consonant's segment
 * swallows the article or a neighbouring letter (s:ال, m:لم) and the decoder drops letters.
 */
static bool
display_move(const pair *p, int i, int j, int k, bool ins)
{
	int			dx = moves[k][0],
				dy = moves[k][1];
	if (dx == 1 && dy == 0)
		return !ins;
	if (dx == 1 && dy == 2)		/* a stop and a sibilant: x كس, c تش, z تز, j دج */
		return strchr("aeiouy", 'a' + p->lat[i - 1] - 1) == NULL &&
			strchr("\x04\x09\x11\x17", p->ar[j - 2]) && strchr("\x06\x0c\x0d\x0e\x0f", p->ar[j - 1]);
	if (dx == 0 && dy == 1)
		return ar_names_rom_silent_ok(p->ar, p->na, j - 1);
	return true;
}

static double display_min_share = 0.001;	/* -r: see rare_rendering */

/*
 * Is a joint token a rare rendering of its one Arabic letter: below display_min_share of that
 * letter's renderings (all positions; du for ب, la for د, from عبد / abdullah, a Latin token
 * spanning two Arabic words)?  The romanizer leaves such tokens out, so that no segment spells
 * the letters of a neighbouring Arabic letter.
 */
static bool
rare_token(int32_t tok)
{
	int			x = tok / 900,
				y = (tok % 900) / 30;
	double		pr = 0.0,
				tot = 0.0;

	if (tok < 0 || y == 0 || tok % 30 != 0)
		return false;
	for (int pos = 0; pos < NPOS; pos++)
	{
		pr += seg[pos][x][y];
		for (int xx = 0; xx < NX; xx++)
			tot += seg[pos][xx][y];
	}
	return pr < display_min_share * tot;
}

/*
 * Count the token bigrams of every training pair's best alignment under the trained model: with
 * every move (display false: "bi" lines, the Latin-to-Arabic direction of keys), or with the moves
 * of display_move (display true: "rbi" lines, the romanizer), dropping pairs it cannot align.
 */
static void
count_alignments(const bool *train, bool display)
{
	static double v[MAXLEN + 1][MAXLEN + 1][2];
	static int	back[MAXLEN + 1][MAXLEN + 1][2];
	int			dropped = 0;

	if (bitab)
		free(bitab);
	bitab = calloc((size_t) bicap, sizeof(bicount));
	for (int n = 0; n < npairs; n++)
	{
		const pair *p = &pairs[n];
		int32_t		seq[2 * MAXLEN + 2];
		int			ns = 0,
					end;

		if (!train[n])
			continue;
		/* state s: 1 when the last move was an inserted Latin letter (display alignments only) */
		for (int i = 0; i <= p->nl; i++)
			for (int j = 0; j <= p->na; j++)
				for (int s = 0; s < 2; s++)
				{
					v[i][j][s] = (i + j == 0 && s == 0) ? 0.0 : -1e300;
					back[i][j][s] = -1;
					for (int k = 0; k < 5; k++)
					{
						int			dx = moves[k][0],
									dy = moves[k][1],
									into = (display && dx == 1 && dy == 0) ? 1 : 0;
						double	   *c,
									pr;

						if (into != s || i < dx || j < dy)
							continue;
						for (int t = 0; t < 2; t++)
						{
							if (v[i - dx][j - dy][t] <= -1e299 ||
								(display && !display_move(p, i, j, k, t == 1)))
								continue;
							pr = *move_prob(p, i, j, dx, dy, &c);
							if (pr > 0.0 && v[i - dx][j - dy][t] + log(pr) > v[i][j][s])
								v[i][j][s] = v[i - dx][j - dy][t] + log(pr), back[i][j][s] = k * 2 + t;
						}
					}
				}
		end = v[p->nl][p->na][1] > v[p->nl][p->na][0] ? 1 : 0;
		if (back[p->nl][p->na][end] < 0)
		{
			dropped++;
			continue;
		}
		for (int i = p->nl, j = p->na, s = end; i + j > 0;)
		{
			int			k = back[i][j][s] / 2,
						t = back[i][j][s] % 2;

			seq[ns++] = move_token(p, i, j, moves[k][0], moves[k][1]);
			i -= moves[k][0];
			j -= moves[k][1];
			s = t;
		}
		count_bigram(AR_ROM_BOS, seq[ns - 1]);
		for (int t = ns - 1; t > 0; t--)
			count_bigram(seq[t], seq[t - 1]);
		count_bigram(seq[0], AR_ROM_EOS);
	}
	if (display)
		fprintf(stderr, "names_train: %d training pairs the display alignment cannot align\n", dropped);
}

/* Print a joint token as the model file spells it. */
static void
put_token(FILE *f, int32_t tok)
{
	int			x,
				xs[2],
				nx,
				ys[2],
				ny;

	if (tok == AR_ROM_BOS || tok == AR_ROM_EOS)
	{
		fputc(tok == AR_ROM_BOS ? '^' : '$', f);
		return;
	}
	x = tok / 900;
	nx = x == 0 ? 0 : (x <= NL ? 1 : 2);
	if (nx == 1)
		xs[0] = x;
	else if (nx == 2)
		xs[0] = 1 + (x - 1 - NL) / NL, xs[1] = 1 + (x - 1 - NL) % NL;
	ys[0] = (tok % 900) / 30;
	ys[1] = tok % 30;
	ny = ys[0] ? (ys[1] ? 2 : 1) : 0;
	put_field(f, xs, nx, true);
	fputc(':', f);
	put_field(f, ys, ny, false);
}

/* qsort of bigram counts by key. */
static int
cmp_bicount(const void *a, const void *b)
{
	int64_t		x = ((const bicount *) a)->key,
				y = ((const bicount *) b)->key;

	return (x > y) - (x < y);
}

#define MIN_BIGRAM 2			/* rarer bigrams are left out of the file */

/* Write the bigrams seen at least MIN_BIGRAM times, sorted by (prev, next). */
static void
write_bigrams(FILE *f, const char *tag)
{
	int			k = 0;

	for (int i = 0; i < bicap; i++)
		if (bitab[i].count >= MIN_BIGRAM &&
			!(tag[0] == 'r' && (rare_token((int32_t) ((bitab[i].key >> 32) - 2)) ||
								rare_token((int32_t) ((bitab[i].key & 0xFFFFFFFF) - 2)))))
			bitab[k++] = bitab[i];
	qsort(bitab, (size_t) k, sizeof(bicount), cmp_bicount);
	for (int i = 0; i < k; i++)
	{
		fputs(tag, f);
		fputc(' ', f);
		put_token(f, (int32_t) ((bitab[i].key >> 32) - 2));
		fputc(' ', f);
		put_token(f, (int32_t) ((bitab[i].key & 0xFFFFFFFF) - 2));
		fprintf(f, " %.0f\n", bitab[i].count);
	}
	fprintf(stderr, "names_train: %d joint bigrams (%s lines)\n", k, tag);
}

/* Write the Latin letter trigram counts of the training pairs' Latin names ("lm" lines, for the romanizer). */
static void
write_letter_trigrams(FILE *f, const bool *train)
{
	static double c[NL + 1][NL + 1][NL + 1];
	int			k = 0;

	memset(c, 0, sizeof c);
	for (int n = 0; n < npairs; n++)
	{
		const pair *p = &pairs[n];
		int			a = 0,
					b = 0;

		if (!train[n])
			continue;
		for (int i = 0; i <= p->nl; i++)
		{
			int			x = i < p->nl ? p->lat[i] : 0;

			c[a][b][x] += 1.0;
			a = b;
			b = x;
		}
	}
	for (int a = 0; a <= NL; a++)
		for (int b = 0; b <= NL; b++)
			for (int x = 0; x <= NL; x++)
				if (c[a][b][x] > 0.0 && !(b == 0 && a != 0))
				{
					fprintf(f, "lm %c%c%c %.0f\n", a ? 'a' + a - 1 : '^', b ? 'a' + b - 1 : '^',
							x ? 'a' + x - 1 : '$', c[a][b][x]);
					k++;
				}
	fprintf(stderr, "names_train: %d Latin letter trigrams (lm lines)\n", k);
}

/* Write the model file: header, calibration, every event above MIN_PROB, exonyms. */
static void
write_model(const char *path, const char *recipe, int ntrain, const bool *train, const char *exofile)
{
	FILE	   *f = fopen(path, "w");
	const ar_names_model *m;
	ar_names_model *mm;
	const char *err;
	char	   *img;
	size_t		imglen;
	long		nev = 0;
	double	   *good = malloc(sizeof(double) * (size_t) npairs),
			   *bad = malloc(sizeof(double) * (size_t) npairs);
	int			ng = 0;
	FILE	   *mf;

	if (!f)
	{
		perror(path);
		exit(1);
	}
	/* events first into a memory image, to compute the calibration with the real scorer */
	mf = open_memstream(&img, &imglen);
	fprintf(mf, "pg_arabic_names 1\n");
	for (int p = 0; p < NPOS; p++)
	{
		for (int x = 0; x < NX; x++)
			for (int y = 0; y < NY; y++)
				if (seg[p][x][y] >= MIN_PROB)
				{
					int			xs[2],
								nx = x == 0 ? 0 : (x <= NL ? 1 : 2),
								ys[1] = {y};

					if (nx == 1)
						xs[0] = x;
					else if (nx == 2)
						xs[0] = 1 + (x - 1 - NL) / NL, xs[1] = 1 + (x - 1 - NL) % NL;
					put_event(mf, p, xs, nx, ys, y ? 1 : 0, seg[p][x][y]);
					nev++;
				}
		for (int x = 1; x <= NL; x++)
			for (int y = 1; y < NY; y++)
				for (int z = 1; z < NY; z++)
					if (seg2[p][x][y][z] >= MIN_PROB)
					{
						int			xs[1] = {x},
									ys[2] = {y, z};

						put_event(mf, p, xs, 1, ys, 2, seg2[p][x][y][z]);
						nev++;
					}
	}
	/* the romanizer's bigrams, so that the exonym choice below sees the runtime transliteration */
	count_alignments(train, false);
	write_bigrams(mf, "bi");
	count_alignments(train, true);
	write_bigrams(mf, "rbi");
	write_letter_trigrams(mf, train);
	fprintf(mf, "calib -10 0 0\n");
	fclose(mf);
	mm = ar_names_model_open(&ar_malloc_allocator, img, imglen, &err);
	if (!mm)
	{
		fprintf(stderr, "names_train: own model invalid: %s\n", err);
		exit(1);
	}
	m = mm;
	/* calibration: per-Latin-letter score of training pairs (0.9 quantile -> 1) and of
	 * mismatched training pairs (median -> 0) */
	for (int i = 0, k = 0; i < npairs; i++)
		if (train[i] && (k++ % 7) == 0)
		{
			const pair *p = &pairs[i],
					   *q = &pairs[(i + 7919) % npairs];

			good[ng] = (ar_names_cross_logp(m, p->lat, p->nl, p->ar, p->na) + bonus * p->na) / p->nl;
			bad[ng++] = (ar_names_cross_logp(m, p->lat, p->nl, q->ar, q->na) + bonus * q->na) / p->nl;
		}
	qsort(good, (size_t) ng, sizeof(double), cmp_double);
	qsort(bad, (size_t) ng, sizeof(double), cmp_double);
	fprintf(f, "pg_arabic_names 1\n");
	fprintf(f, "# pg_arabic name alignment model, trained by src/train/names_train.c (%s)\n", recipe);
	fprintf(f, "# on %d pairs derived from Wikidata labels (CC0 1.0, via Merhav & Ash 2018) and\n", ntrain);
	fprintf(f, "# google/transliteration ar2en (Apache License 2.0); see docs/names.md.\n");
	fprintf(f, "# seg POS LATIN ARABIC LOGP: log P(latin, arabic | POS), POS 0 start, 1 middle, 2 end\n");
	fprintf(f, "# bi PREV NEXT COUNT: joint bigrams of LATIN:ARABIC tokens in the best alignments (^ start, $ end)\n");
	fprintf(f, "# rbi PREV NEXT COUNT: the same for romanization, alignments restricted to what its decoder spells\n");
	fprintf(f, "# lm ABC COUNT: Latin letter trigrams of the training names (^ start, $ end), for romanization\n");
	fprintf(f, "# exo LATIN ARABIC: exonyms (arwikicats, MIT licence) the transliteration does not reach;\n");
	fprintf(f, "# lex LATIN ARABIC: the commonest Arabic spelling of a training name, where its key differs\n");
	fprintf(f, "# dsp LATIN ARABIC: the spelling romanization displays for a known place or person token, by ARABIC\n");
	fprintf(f, "# calib LO HI BONUS: per-Latin-letter cross score (log probability + BONUS per Arabic\n");
	fprintf(f, "# letter) of mismatched pairs (median, LO) and of training pairs (0.9 quantile, HI)\n");
	fprintf(f, "calib %.4f %.4f %.2f\n", bad[ng / 2], good[ng * 9 / 10], bonus);
	fwrite(img + 18, 1, imglen - 18 - strlen("calib -10 0 0\n"), f);
	if (exofile)
	{
		write_exonyms(f, m, exofile, train);
		write_display_names(f, m, exofile, train);
	}
	fclose(f);
	fprintf(stderr, "names_train: %ld events, calib %.4f %.4f, written to %s\n", nev, bad[ng / 2],
			good[ng * 9 / 10], path);
	ar_names_model_free(&ar_malloc_allocator, mm);
	free(img);
	free(good);
	free(bad);
}


/* Train, write the model and the dev pairs. */
int
main(int argc, char **argv)
{
	const char *wd = NULL,
			   *wp = NULL,
			   *model = NULL,
			   *devout = NULL,
			   *corpus = NULL,
			   *stopfile = NULL,
			   *lexout = NULL;
	int			holdout = 0,
				nnamefiles = 0;
	const char *exofile = NULL;
	const char *hunspell = NULL,
			   *namesout = NULL;
	char	   *namefiles[8];
	int			dev = 0,
				iters = 8,
				opt,
				ntrain = 0;
	bool	   *train;
	char		recipe[256];

	while ((opt = getopt(argc, argv, "w:p:d:i:m:D:a:s:l:x:H:N:n:E:b:r:")) != -1)
	{
		switch (opt)
		{
			case 'w':
				wd = optarg;
				break;
			case 'p':
				wp = optarg;
				break;
			case 'd':
				dev = atoi(optarg);
				break;
			case 'i':
				iters = atoi(optarg);
				break;
			case 'm':
				model = optarg;
				break;
			case 'D':
				devout = optarg;
				break;
			case 'a':
				corpus = optarg;
				break;
			case 's':
				stopfile = optarg;
				break;
			case 'l':
				lexout = optarg;
				break;
			case 'x':
				holdout = atoi(optarg);
				break;
			case 'b':
				bonus = atof(optarg);
				break;
			case 'r':
				display_min_share = atof(optarg);
				break;
			case 'E':
				exofile = optarg;
				break;
			case 'n':
				namesout = optarg;
				break;
			case 'H':
				hunspell = optarg;
				break;
			case 'N':
				if (nnamefiles < 8)
					namefiles[nnamefiles++] = optarg;
				break;
			default:
				fprintf(stderr, "usage: names_train -w WIKIDATA.tsv -p WIKIPEDIA.tsv [-d DEV_PERCENT] [-i ITERS] [-m MODEL] [-D DEV_PAIRS] [-E EXONYMS.tsv] [-b BONUS] [-r DISPLAY_SHARE]\n       names_train -a TAGGED_CORPUS -s STOPWORDS -l LEXICON_OUT [-x HOLDOUT_PERCENT] [-H HUNSPELL.dic] [-N NAMELIST:COLUMN ...] [-n NAMES_OUT]\n");
				return 2;
		}
	}
	if (hunspell)
		names_words_read(hunspell, 1, false);
	for (int i = 0; i < nnamefiles; i++)
	{
		/* "FILE:COL" */
		char	   *c = strrchr(namefiles[i], ':');

		if (!c)
		{
			fprintf(stderr, "names_train: -N takes FILE:COLUMN\n");
			return 2;
		}
		*c = '\0';
		names_words_read(namefiles[i], atoi(c + 1), true);
	}
	if (corpus && stopfile && lexout)
	{
		names_words_build(corpus, stopfile, lexout, namesout, holdout);
		return 0;
	}
	if (!wd || !wp || dev < 0 || dev > 50 || iters < 1)
	{
		fprintf(stderr, "names_train: -w and -p are required; -d is 0-50, -i at least 1\n");
		return 2;
	}
	htab = calloc((size_t) hcap, sizeof(char *));
	hid = calloc((size_t) hcap, sizeof(int));
	parent = calloc((size_t) hcap, sizeof(int));
	read_list(wd);
	nwikidata = npairs;
	read_list(wp);
	split();
	train = calloc(npairs > 0 ? (size_t) npairs : 1, sizeof(bool));
	/* the same folded pair twice (in both lists) is trained on once */
	for (int i = 0; i < npairs; i++)
	{
		char		k[2 * AR_NAMES_MAXSYM + 4];
		uint32_t	h;

		if (pairs[i].bucket < dev)
			continue;
		sym_key('P', pairs[i].ar, pairs[i].na, k);
		sym_key('|', pairs[i].lat, pairs[i].nl, k + strlen(k));
		h = fnv(k);
		(void) h;
		if (str_id(k) == nids - 1)
			train[i] = true, ntrain++;
	}
	if (devout)
	{
		FILE	   *f = fopen(devout, "w");

		if (!f)
		{
			perror(devout);
			return 1;
		}
		fprintf(f, "arabic\tlatin\tslice\n");
		for (int i = 0; i < npairs; i++)
			if (pairs[i].bucket < dev)
				fprintf(f, "%s\t%s\t%s\n", pairs[i].ar_text, pairs[i].lat_text,
						pairs[i].bucket < dev / 2 ? "tune" : "report");
		fclose(f);
	}
	init_uniform();
	for (int it = 0; it < iters; it++)
	{
		double		ll = 0.0;

		for (int i = 0; i < npairs; i++)
			if (train[i])
				ll += estep(&pairs[i]);
		mstep();
		fprintf(stderr, "names_train: iteration %d, log likelihood per pair %.4f\n", it + 1, ll / ntrain);
	}
	snprintf(recipe, sizeof recipe, "-d %d -i %d -b %.2f -r %g%s", dev, iters, bonus, display_min_share,
			 exofile ? " -E arwikicats" : "");
	if (model)
		write_model(model, recipe, ntrain, train, exofile);
	return 0;
}
