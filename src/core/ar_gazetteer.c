/*
 * ar_gazetteer.c
 *    The gazetteer of the entity tagger: names keyed by their folded words,
 *    a spelling-skeleton index for variant spellings, a table of the words
 *    of the names with the labels they have there, the row order and
 *    fingerprint of the ar_gazetteer table, and the gazetteer image (the
 *    surname index is in ar_gaz_surname.c).  See ar_gazetteer.h.
 */
#include <string.h>
#include <stdlib.h>

#include "ar_gazetteer.h"
#include "ar_ner_internal.h"
#include "ar_tokenize.h"
#include "ar_gazetteer_internal.h"

/* One word of the names: per label 1..8, the folds it comes from (bit 15: a shipped/user row). */
typedef struct gaz_word
{
	uint32_t	hash;
	uint32_t	off;
	uint32_t	len;
	uint16_t	folds[AR_NER_NLABELS];
} gaz_word;

#define WORD_EXTERNAL 0x8000u

static bool gaz_add(ar_gazetteer *g, const char *surface, size_t len, int type,
					const char *canon, size_t canon_len, uint32_t flags, bool index_surnames);
/*
 * The filters of the key index and of the word table: a bit set for the hash
 * of every key (word) present, 8 bits per slot of the table, never in an image
 * (rebuilt when one is read).  Most lookups are of words in no name (three in
 * four over news); a clear bit answers them from 64 kB instead of probing the
 * tables (2 MB of words, 900 kB of entries).  A removed key leaves its bit set,
 * which only costs the probe.
 */
static inline uint32_t
filter_bit(uint32_t h, size_t nbytes)
{
	uint32_t	x = h * 0x9E3779B1u;

	return (x ^ (x >> 15)) & (uint32_t) (nbytes * 8 - 1);
}

/* Set the bit of hash h in a filter of nbytes. */
static inline void
filter_set(uint8_t *f, size_t nbytes, uint32_t h)
{
	uint32_t	b = filter_bit(h, nbytes);

	f[b >> 3] |= (uint8_t) (1u << (b & 7));
}

/* Whether the bit of hash h is set (false: the key or word is absent). */
static inline bool
filter_has(const uint8_t *f, size_t nbytes, uint32_t h)
{
	uint32_t	b = filter_bit(h, nbytes);

	return (f[b >> 3] >> (b & 7)) & 1;
}

/* (Re)build the key filter for the current cap, from the entries. */
static void
kfilter_build(ar_gazetteer *g)
{
	size_t		i;

	if (g->kfilter)
		g->alloc->free_fn(g->alloc->ctx, g->kfilter);
	g->kfilter = g->alloc->realloc_fn(g->alloc->ctx, NULL, g->cap);
	memset(g->kfilter, 0, g->cap);
	for (i = 0; i < g->nents; i++)
		filter_set(g->kfilter, g->cap, g->ents[i].hash);
}

/* (Re)build the word filter for the current wcap, from the word table. */
static void
wfilter_build(ar_gazetteer *g)
{
	size_t		i;

	if (g->wfilter)
		g->alloc->free_fn(g->alloc->ctx, g->wfilter);
	g->wfilter = g->alloc->realloc_fn(g->alloc->ctx, NULL, g->wcap ? g->wcap : 1);
	memset(g->wfilter, 0, g->wcap ? g->wcap : 1);
	for (i = 0; i < g->wcap; i++)
		if (g->words[i].len)
			filter_set(g->wfilter, g->wcap, g->words[i].hash);
}

/* An empty gazetteer whose memory comes from alloc. */
ar_gazetteer *
ar_gaz_create(const ar_allocator *alloc)
{
	ar_gazetteer *g = alloc->realloc_fn(alloc->ctx, NULL, sizeof(ar_gazetteer));

	memset(g, 0, sizeof(*g));
	g->alloc = alloc;
	g->cap = 1024;
	g->idx = alloc->realloc_fn(alloc->ctx, NULL, g->cap * sizeof(uint32_t));
	g->skel = alloc->realloc_fn(alloc->ctx, NULL, g->cap * sizeof(uint32_t));
	g->skelhash = alloc->realloc_fn(alloc->ctx, NULL, g->cap * sizeof(uint32_t));
	memset(g->idx, 0, g->cap * sizeof(uint32_t));
	memset(g->skel, 0, g->cap * sizeof(uint32_t));
	memset(g->skelhash, 0, g->cap * sizeof(uint32_t));	/* images are written byte for byte */
	ar_buf_init(&g->pool, alloc, 4096);
	kfilter_build(g);
	return g;
}

/* Free a gazetteer. */
void
ar_gaz_destroy(ar_gazetteer *g)
{
	const ar_allocator *a;

	if (!g)
		return;
	a = g->alloc;
	if (g->ents)
		a->free_fn(a->ctx, g->ents);
	a->free_fn(a->ctx, g->idx);
	a->free_fn(a->ctx, g->skel);
	a->free_fn(a->ctx, g->skelhash);
	if (g->words)
		a->free_fn(a->ctx, g->words);
	if (g->eskel)
		a->free_fn(a->ctx, g->eskel);
	ar_gaz_sur_free(g);
	if (g->kfilter)
		a->free_fn(a->ctx, g->kfilter);
	if (g->wfilter)
		a->free_fn(a->ctx, g->wfilter);
	ar_buf_free(&g->pool);
	a->free_fn(a->ctx, g);
}

/* Copy n bytes of src into fresh memory from alloc (NULL for NULL). */
static void *
dup_bytes(const ar_allocator *alloc, const void *src, size_t n)
{
	void	   *p;

	if (!src)
		return NULL;
	p = alloc->realloc_fn(alloc->ctx, NULL, n ? n : 1);
	memcpy(p, src, n);
	return p;
}

/* Flags of a row's origin (see ar_gaz_row). */
static uint32_t
origin_flags(const char *origin)
{
	if (strcmp(origin, "user") == 0)
		return AR_GAZ_USER;
	return strcmp(origin, "anercorp") == 0 ? 1u : 0u;
}

/* NULL-last byte-order comparison. */
static int
cmp_nullable(const char *a, const char *b)
{
	if (!a || !b)
		return (a == NULL) - (b == NULL);
	return strcmp(a, b);
}

/* qsort comparator of the cache's row order (see ar_gaz_row). */
static int
row_cmp(const void *a, const void *b)
{
	const ar_gaz_row *x = a,
			   *y = b;
	int			c = (strcmp(y->origin, "anercorp") == 0) - (strcmp(x->origin, "anercorp") == 0);

	if (c == 0)
		c = strcmp(x->origin, y->origin);
	if (c == 0)
		c = strcmp(x->surface, y->surface);
	if (c == 0)
		c = strcmp(x->label, y->label);
	if (c == 0)
		c = cmp_nullable(x->canon, y->canon);
	return c;
}

/* Sort rows into the cache's row order and add them (see ar_gazetteer.h). */
void
ar_gaz_add_rows(ar_gazetteer *g, ar_gaz_row *rows, size_t n)
{
	size_t		i;

	qsort(rows, n, sizeof(ar_gaz_row), row_cmp);
	for (i = 0; i < n; i++)
	{
		const ar_gaz_row *r = &rows[i];

		AR_CHECK_INTERRUPTS(g->alloc, i);
		(void) gaz_add(g, r->surface, strlen(r->surface),
					   ar_ner_type_from_name(r->label, strlen(r->label)),
					   r->canon ? r->canon : "", r->canon ? strlen(r->canon) : 0,
					   origin_flags(r->origin), false);
	}
	ar_gaz_sur_rebuild(g);				/* once, from the final entries */
}

/* Parse one line of the shipped gazetteer file into row (see ar_gazetteer.h). */
int
ar_gaz_parse_row(char *line, ar_gaz_row *row)
{
	char	   *f[4] = {NULL, NULL, NULL, NULL};
	int			nf = ar_gaz_split_line(line, f, 4);

	if (nf == 0)
		return 0;
	if (nf < 4)
		return -1;
	row->surface = f[0];
	row->label = f[1];
	row->canon = f[2][0] ? f[2] : NULL;
	row->origin = f[3];
	return 1;
}

/* FNV-1a 64 of s, continuing from h. */
static uint64_t
fnv64(uint64_t h, const char *s, size_t n)
{
	size_t		i;

	for (i = 0; i < n; i++)
		h = (h ^ (uint8_t) s[i]) * 0x100000001B3ull;
	return h;
}

/* 64-bit hash of a row (see ar_gazetteer.h). */
uint64_t
ar_gaz_row_hash(const ar_gaz_row *r)
{
	uint64_t	h = 0xCBF29CE484222325ull;

	h = fnv64(h, r->surface, strlen(r->surface));
	h = fnv64(h, "\x1f", 1);
	h = fnv64(h, r->label, strlen(r->label));
	h = fnv64(h, r->canon ? "\x1f\x01" : "\x1f\x00", 2);
	if (r->canon)
		h = fnv64(h, r->canon, strlen(r->canon));
	h = fnv64(h, "\x1f", 1);
	return fnv64(h, r->origin, strlen(r->origin));
}

#define GAZ_IMAGE_MAGIC "ARGAZIM1"

/* Header of a gazetteer image; the tables follow in the order of the fields. */
typedef struct gaz_image_header
{
	char		magic[8];
	uint32_t	entsize,		/* sizeof(ar_gaz_entry), sizeof(gaz_word): layout check */
				wordsize;
	uint64_t	rows,			/* fingerprint of the rows it was built from: */
				rowsum;			/* count, and sum of row hashes modulo 2^64 */
	uint64_t	nents,
				cap,
				wcap,
				nwords,
				poollen,
				maxwords;
	uint64_t	checksum;		/* ar_ner_checksum() of the header (this field 0) and the tables */
} gaz_image_header;

/* Checksum of an image: its header with the checksum field zeroed, then its tables. */
static uint64_t
image_checksum(const gaz_image_header *hdr, const char *tables, size_t len)
{
	gaz_image_header h = *hdr;

	h.checksum = 0;
	return ar_ner_checksum(ar_ner_checksum(2166136261u, &h, sizeof(h)), tables, len);
}

/* Recompute the checksum of an image after an edit (tests that damage images). */
void
ar_gaz_image_reseal(char *data, size_t len)
{
	gaz_image_header h;

	if (len < sizeof(h))
		return;
	memcpy(&h, data, sizeof(h));
	h.checksum = image_checksum(&h, data + sizeof(h), len - sizeof(h));
	memcpy(data, &h, sizeof(h));
}

/* Write g as an image (see ar_gazetteer.h). */
void
ar_gaz_image_write(const ar_gazetteer *g, uint64_t rows, uint64_t rowsum, ar_buf *out)
{
	gaz_image_header h;
	size_t		start;

	memset(&h, 0, sizeof(h));
	memcpy(h.magic, GAZ_IMAGE_MAGIC, 8);
	h.entsize = (uint32_t) sizeof(ar_gaz_entry);
	h.wordsize = (uint32_t) sizeof(gaz_word);
	h.rows = rows;
	h.rowsum = rowsum;
	h.nents = g->nents;
	h.cap = g->cap;
	h.wcap = g->wcap;
	h.nwords = g->nwords;
	h.poollen = g->pool.len;
	h.maxwords = (uint64_t) g->maxwords;
	ar_buf_append(out, (const char *) &h, sizeof(h));
	start = out->len;
	if (g->nents)
		ar_buf_append(out, (const char *) g->ents, g->nents * sizeof(ar_gaz_entry));
	ar_buf_append(out, (const char *) g->idx, g->cap * sizeof(uint32_t));
	ar_buf_append(out, (const char *) g->skel, g->cap * sizeof(uint32_t));
	ar_buf_append(out, (const char *) g->skelhash, g->cap * sizeof(uint32_t));
	if (g->wcap)
		ar_buf_append(out, (const char *) g->words, g->wcap * sizeof(gaz_word));
	ar_buf_append(out, g->pool.data, g->pool.len);
	h.checksum = image_checksum(&h, out->data + start, out->len - start);
	memcpy(out->data + start - sizeof(h), &h, sizeof(h));
}

/* Read an image into a new gazetteer (see ar_gazetteer.h). */
ar_gazetteer *
ar_gaz_image_read(const void *data, size_t len, const ar_allocator *alloc,
				  uint64_t *rows, uint64_t *rowsum, const char **err)
{
	const char *p = data;
	gaz_image_header h;
	ar_gazetteer *g;
	uint64_t	need;
	size_t		i,
				used,
				maxnw = 0;

	*err = NULL;
	if (len < sizeof(h))
		return (*err = "image shorter than its header", NULL);
	memcpy(&h, p, sizeof(h));
	if (memcmp(h.magic, GAZ_IMAGE_MAGIC, 8) != 0)
		return (*err = "not a gazetteer image of this version", NULL);
	if (h.entsize != sizeof(ar_gaz_entry) || h.wordsize != sizeof(gaz_word))
		return (*err = "image written by a build with another layout", NULL);
	/* divisions, not products: a crafted count must not wrap around */
	if (h.cap < 2 || h.cap > ((uint64_t) 1 << 28) || (h.cap & (h.cap - 1)) ||
		(h.wcap && (h.wcap > ((uint64_t) 1 << 28) || (h.wcap & (h.wcap - 1)))) ||
		h.nents > h.cap / 2 || h.nwords > h.wcap / 2 || h.poollen >= UINT32_MAX ||
		h.maxwords > 255)
		return (*err = "image sizes out of range", NULL);
	need = h.nents * sizeof(ar_gaz_entry) + 3 * h.cap * sizeof(uint32_t) +
		h.wcap * sizeof(gaz_word) + h.poollen;
	if (len - sizeof(h) != need)
		return (*err = "image size does not match its header", NULL);
	if (image_checksum(&h, p + sizeof(h), (size_t) need) != h.checksum)
		return (*err = "image checksum mismatch", NULL);

	g = alloc->realloc_fn(alloc->ctx, NULL, sizeof(ar_gazetteer));
	memset(g, 0, sizeof(*g));
	g->alloc = alloc;
	g->nents = g->entcap = (size_t) h.nents;
	g->cap = (size_t) h.cap;
	g->wcap = (size_t) h.wcap;
	g->nwords = (size_t) h.nwords;
	g->maxwords = (int) h.maxwords;
	p += sizeof(h);
	g->ents = h.nents ? dup_bytes(alloc, p, h.nents * sizeof(ar_gaz_entry)) : NULL;
	p += h.nents * sizeof(ar_gaz_entry);
	g->idx = dup_bytes(alloc, p, h.cap * sizeof(uint32_t));
	p += h.cap * sizeof(uint32_t);
	g->skel = dup_bytes(alloc, p, h.cap * sizeof(uint32_t));
	p += h.cap * sizeof(uint32_t);
	g->skelhash = dup_bytes(alloc, p, h.cap * sizeof(uint32_t));
	p += h.cap * sizeof(uint32_t);
	g->words = h.wcap ? dup_bytes(alloc, p, h.wcap * sizeof(gaz_word)) : NULL;
	p += h.wcap * sizeof(gaz_word);
	ar_buf_init(&g->pool, alloc, (size_t) h.poollen + 1);
	ar_buf_append(&g->pool, p, (size_t) h.poollen);

	/*
	 * every offset and index inside its table, and the hash tables as full as
	 * their counts say (an open-addressing probe needs an empty slot to stop),
	 * so that lookups stay in bounds and end
	 */
	for (i = 0; i < g->nents && !*err; i++)
	{
		const ar_gaz_entry *e = &g->ents[i];

		if ((uint64_t) e->key_off + e->key_len > h.poollen ||
			(uint64_t) e->canon_off + e->canon_len > h.poollen ||
			e->type < 1 || e->type >= AR_NER_NTYPES)
			*err = "image entry out of bounds";
		if (e->nwords > maxnw)
			maxnw = e->nwords;
	}
	if (!*err && h.maxwords < maxnw)
		*err = "image word count of its names out of range";
	for (i = 0, used = 0; i < g->cap && !*err; i++)
	{
		if (g->idx[i] > g->nents || (g->skel[i] > g->nents && g->skel[i] != SKEL_AMBIG))
			*err = "image index out of bounds";
		used += g->idx[i] != 0;
	}
	if (!*err && used != g->nents)
		*err = "image key index does not match its entries";
	for (i = 0, used = 0; i < g->cap && !*err; i++)
		used += g->skel[i] != 0;
	if (!*err && used > g->nents)
		*err = "image spelling index fuller than its entries";
	for (i = 0, used = 0; i < g->wcap && !*err; i++)
	{
		if ((uint64_t) g->words[i].off + g->words[i].len > h.poollen)
			*err = "image word out of bounds";
		used += g->words[i].len != 0;
	}
	if (!*err && used != g->nwords)
		*err = "image word table does not match its count";
	if (!*err)
	{
		kfilter_build(g);
		if (g->wcap)
			wfilter_build(g);
	}
	if (*err)
	{
		ar_gaz_destroy(g);
		return NULL;
	}
	ar_gaz_sur_rebuild(g);
	*rows = h.rows;
	*rowsum = h.rowsum;
	return g;
}

/* Number of distinct keys. */
size_t
ar_gaz_count(const ar_gazetteer *g)
{
	return g ? g->nents : 0;
}

/* Split one line of a gazetteer file in place (see ar_gazetteer.h). */
int
ar_gaz_split_line(char *line, char **fields, int max)
{
	char	   *p = line;
	int			nf = 0;

	line[strcspn(line, "\r\n")] = '\0';
	if (line[0] == '#' || line[0] == '\0')
		return 0;
	while (nf < max)
	{
		fields[nf++] = p;
		p = strchr(p, '\t');
		if (!p)
			break;
		*p++ = '\0';
	}
	return nf;
}

/* Priority of an entry for skeleton conflicts: user > curated > learned. */
int
ar_gaz_prio(uint32_t flags)
{
	if (flags & AR_GAZ_USER)
		return 2;
	return (flags & AR_GAZ_FOLDS) ? 0 : 1;
}

/*
 * Spelling skeleton of a folded key: inner long vowels and hamza dropped
 * (الكرملين / الكريملن, الامريكي / الاميركي), غ/ج/ق merged (سيرغي / سيرجي).
 */
void
ar_gaz_skeleton(const char *key, size_t len, ar_buf *out)
{
	size_t		i = 0;
	bool		wstart = true;

	while (i < len)
	{
		uint32_t	c = next_cp(key, len, &i);

		if (c == ' ')
		{
			ar_buf_append(out, " ", 1);
			wstart = true;
			continue;
		}
		if (!wstart && (c == CP_ALEF || c == CP_WAW || c == CP_YEH || c == CP_HAMZA))
			continue;
		if (c == 0x063A || c == 0x0642)	/* غ ق -> ج */
			c = 0x062C;
		ar_buf_append_cp(out, c);
		wstart = false;
	}
}

/* Slot of key in the key index (empty slot when absent). */
static size_t
gaz_slot(const ar_gazetteer *g, const char *key, size_t len, uint32_t h)
{
	size_t		mask = g->cap - 1,
				i = h & mask;

	while (g->idx[i])
	{
		const ar_gaz_entry *e = &g->ents[g->idx[i] - 1];

		if (e->hash == h && e->key_len == len &&
			memcmp(g->pool.data + e->key_off, key, len) == 0)
			return i;
		i = (i + 1) & mask;
	}
	return i;
}

/* Slot of a skeleton hash in the skeleton index. */
static size_t
skel_slot(const ar_gazetteer *g, uint32_t h)
{
	return ar_gaz_hash_slot(g->skel, g->skelhash, g->cap, h);
}

/*
 * State of a skeleton slot (0: empty, entry index + 1, or AMBIG) after
 * entry ei with that skeleton is registered: the higher priority wins, equal
 * priorities with another type or canonical form make it ambiguous.
 */
uint32_t
ar_gaz_skel_merge(const ar_gazetteer *g, uint32_t cur, uint32_t ei)
{
	const ar_gaz_entry *e = &g->ents[ei],
			   *o;
	int			po,
				pn;

	if (cur == 0)
		return ei + 1;
	if (cur == SKEL_AMBIG || cur == ei + 1)
		return cur;
	o = &g->ents[cur - 1];
	po = ar_gaz_prio(o->flags);
	pn = ar_gaz_prio(e->flags);
	if (pn > po)
		return ei + 1;
	if (pn == po &&
		(o->type != e->type || o->canon_len != e->canon_len ||
		 memcmp(g->pool.data + o->canon_off, g->pool.data + e->canon_off, e->canon_len) != 0))
		return SKEL_AMBIG;
	return cur;
}

/* Register entry ei under its skeleton, resolving conflicts by priority. */
static void
skel_insert(ar_gazetteer *g, uint32_t ei)
{
	const ar_gaz_entry *e = &g->ents[ei];
	ar_buf		b;
	uint32_t	h;
	size_t		s;

	ar_buf_init(&b, g->alloc, 64);
	ar_gaz_skeleton(g->pool.data + e->key_off, e->key_len, &b);
	if (g->eskel)
		g->eskel[ei] = 0;
	if (b.len < 6)
	{
		ar_buf_free(&b);
		return;
	}
	h = fnv(b.data, b.len) | 1u;
	ar_buf_free(&b);
	if (g->eskel)
		g->eskel[ei] = h;
	s = skel_slot(g, h);
	if (!g->skel[s])
		g->skelhash[s] = h;
	g->skel[s] = ar_gaz_skel_merge(g, g->skel[s], ei);
}

/* Double the index tables and re-insert every entry. */
static void
gaz_grow(ar_gazetteer *g)
{
	const ar_allocator *a = g->alloc;
	size_t		i;

	g->cap *= 2;
	g->idx = a->realloc_fn(a->ctx, g->idx, g->cap * sizeof(uint32_t));
	g->skel = a->realloc_fn(a->ctx, g->skel, g->cap * sizeof(uint32_t));
	g->skelhash = a->realloc_fn(a->ctx, g->skelhash, g->cap * sizeof(uint32_t));
	memset(g->idx, 0, g->cap * sizeof(uint32_t));
	memset(g->skel, 0, g->cap * sizeof(uint32_t));
	memset(g->skelhash, 0, g->cap * sizeof(uint32_t));
	for (i = 0; i < g->nents; i++)
	{
		ar_gaz_entry  *e = &g->ents[i];

		g->idx[gaz_slot(g, g->pool.data + e->key_off, e->key_len, e->hash)] = (uint32_t) i + 1;
	}
	for (i = 0; i < g->nents; i++)
		skel_insert(g, (uint32_t) i);
	kfilter_build(g);
}

/* Folded words of s[0..len) joined by one space into out; returns the word count. */
static int
key_of(const char *s, size_t len, ar_buf *out)
{
	ar_tokenizer tz;
	ar_token	t;
	int			n = 0;

	ar_tokenizer_init(&tz, s, len);
	while (ar_tokenizer_next(&tz, &t))
	{
		size_t		before;

		if (t.kind == AR_TOK_SPACE)
			continue;
		before = out->len;
		if (n > 0)
			ar_buf_append(out, " ", 1);
		if (ar_ner_fold_into(s + t.byte_start, t.byte_len, out) == 0)
		{
			out->len = before;
			out->data[before] = '\0';
			continue;
		}
		n++;
	}
	return n;
}

/* Slot of a word in the word table. */
static size_t
word_slot(const ar_gazetteer *g, const char *w, size_t len, uint32_t h)
{
	size_t		mask = g->wcap - 1,
				i = h & mask;

	while (g->words[i].len)
	{
		const gaz_word *x = &g->words[i];

		if (x->hash == h && x->len == len && memcmp(g->pool.data + x->off, w, len) == 0)
			return i;
		i = (i + 1) & mask;
	}
	return i;
}

/* Record that the word w (folded) has label lab in a name from the given folds. */
static void
word_add(ar_gazetteer *g, const char *w, size_t len, int lab, uint32_t flags)
{
	uint32_t	h = fnv(w, len);
	size_t		slot;
	uint16_t	bits = (flags & AR_GAZ_FOLDS) ? (uint16_t) (flags & 0x7FFF) : WORD_EXTERNAL;

	if (len == 0)
		return;
	if ((g->nwords + 1) * 2 > g->wcap)
	{
		gaz_word   *old = g->words;
		size_t		oldcap = g->wcap,
					i;

		g->wcap = g->wcap ? g->wcap * 2 : 1024;
		g->words = g->alloc->realloc_fn(g->alloc->ctx, NULL, g->wcap * sizeof(gaz_word));
		memset(g->words, 0, g->wcap * sizeof(gaz_word));
		for (i = 0; i < oldcap; i++)
			if (old[i].len)
				g->words[word_slot(g, g->pool.data + old[i].off, old[i].len, old[i].hash)] = old[i];
		if (old)
			g->alloc->free_fn(g->alloc->ctx, old);
		wfilter_build(g);
	}
	slot = word_slot(g, w, len, h);
	if (!g->words[slot].len)
	{
		g->words[slot].hash = h;
		g->words[slot].off = (uint32_t) g->pool.len;
		g->words[slot].len = (uint32_t) len;
		ar_buf_append(&g->pool, w, len);
		g->nwords++;
		filter_set(g->wfilter, g->wcap, h);
	}
	g->words[slot].folds[lab] |= bits;
}

/* Whether a folded word occurs in any name (all folds). */
bool
ar_gaz_word_present(const ar_gazetteer *g, const char *w, size_t len)
{
	uint32_t	h;

	if (!g || !g->nwords || len == 0)
		return false;
	h = fnv(w, len);
	if (!filter_has(g->wfilter, g->wcap, h))
		return false;
	return g->words[word_slot(g, w, len, h)].len != 0;
}

/* Labels (bit l for label l) a folded word has in the names, honouring the fold exclusion. */
uint32_t
ar_gaz_word_labels(const ar_gazetteer *g, const char *w, size_t len, int exclude_fold)
{
	size_t		slot;
	uint32_t	r = 0,
				h;
	int			l;

	if (!g || !g->nwords)
		return 0;
	h = fnv(w, len);
	if (!filter_has(g->wfilter, g->wcap, h))
		return 0;
	slot = word_slot(g, w, len, h);
	if (!g->words[slot].len)
		return 0;
	for (l = 1; l < AR_NER_NLABELS; l++)
	{
		uint16_t	f = g->words[slot].folds[l];

		if (exclude_fold >= 0)
			f &= (uint16_t) ~(1u << exclude_fold);
		if (f)
			r |= 1u << l;
	}
	return r;
}

/* Add (or replace) surface -> (type, canonical). */
bool
ar_gaz_add(ar_gazetteer *g, const char *surface, size_t len, int type,
		   const char *canon, size_t canon_len, uint32_t flags)
{
	return gaz_add(g, surface, len, type, canon, canon_len, flags, true);
}

/* ar_gaz_add, keeping the surname index up to date or (in a batch rebuilt afterwards) not. */
static bool
gaz_add(ar_gazetteer *g, const char *surface, size_t len, int type,
		const char *canon, size_t canon_len, uint32_t flags, bool index_surnames)
{
	bool		replaced = false;

	ar_buf		k;
	int			nw;
	uint32_t	h;
	size_t		slot;
	ar_gaz_entry  *e;
	uint32_t	koff,
				klen,
				coff,
				clen;

	if (type < 1 || type >= AR_NER_NTYPES)
		return false;
	ar_buf_init(&k, g->alloc, len * 2 + 8);
	nw = key_of(surface, len, &k);
	if (nw == 0 || nw > 255 || k.len > 1000)
	{
		ar_buf_free(&k);
		return false;
	}
	h = fnv(k.data, k.len);
	if ((g->nents + 1) * 2 > g->cap)
		gaz_grow(g);
	slot = gaz_slot(g, k.data, k.len, h);
	koff = (uint32_t) g->pool.len;
	ar_buf_append(&g->pool, k.data, k.len);
	coff = (uint32_t) g->pool.len;
	clen = 0;
	if (canon && canon_len > 0)
	{
		ar_buf		ck;

		ar_buf_init(&ck, g->alloc, canon_len * 2 + 8);
		if (key_of(canon, canon_len, &ck) > 0)
		{
			ar_buf_append(&g->pool, ck.data, ck.len);
			clen = (uint32_t) ck.len;
		}
		ar_buf_free(&ck);
	}
	if (clen == 0)
	{
		coff = koff;
		clen = (uint32_t) k.len;
	}
	klen = (uint32_t) k.len;
	ar_buf_free(&k);
	if (g->idx[slot])
	{
		e = &g->ents[g->idx[slot] - 1];
		/* a learned row never replaces a curated or user row */
		if (ar_gaz_prio(flags) < ar_gaz_prio(e->flags))
			return true;
		if (ar_gaz_prio(flags) == 0 && ar_gaz_prio(e->flags) == 0)
			flags |= e->flags & AR_GAZ_FOLDS;
		replaced = true;
	}
	else
	{
		if (g->nents == g->entcap)
		{
			g->entcap = g->entcap ? g->entcap * 2 : 256;
			g->ents = g->alloc->realloc_fn(g->alloc->ctx, g->ents, g->entcap * sizeof(ar_gaz_entry));
			if (g->eskel || g->nents == 0)	/* not for images, which are never changed */
				g->eskel = g->alloc->realloc_fn(g->alloc->ctx, g->eskel, g->entcap * sizeof(uint32_t));
		}
		g->idx[slot] = (uint32_t) ++g->nents;
		filter_set(g->kfilter, g->cap, h);
		e = &g->ents[g->nents - 1];
		memset(e, 0, sizeof(*e));	/* padding too: images are written byte for byte */
	}
	e->key_off = koff;
	e->key_len = klen;
	e->canon_off = coff;
	e->canon_len = clen;
	e->flags = flags;
	e->hash = h;
	e->type = (uint8_t) type;
	e->nwords = (uint8_t) nw;
	if (nw > g->maxwords)
		g->maxwords = nw;
	skel_insert(g, (uint32_t) (e - g->ents));
	{
		/* copy the key: word_add may grow the pool */
		ar_buf		kc;
		size_t		a = 0,
					b;
		int			wi = 0;

		ar_buf_init(&kc, g->alloc, e->key_len + 1);
		ar_buf_append(&kc, g->pool.data + e->key_off, e->key_len);
		while (a <= kc.len)
		{
			for (b = a; b < kc.len && kc.data[b] != ' '; b++)
				;
			word_add(g, kc.data + a, b - a, wi == 0 ? AR_NER_B(type) : AR_NER_I(type), flags);
			wi++;
			a = b + 1;
		}
		if (index_surnames && replaced)
			ar_gaz_sur_recompute_key(g, kc.data, kc.len);
		else if (index_surnames)
			ar_gaz_sur_note(g, (uint32_t) (e - g->ents));
		ar_buf_free(&kc);
	}
	return true;
}

/* Entry for a folded key, honouring the fold exclusion; NULL when absent. */
const ar_gaz_entry *
ar_gaz_find(const ar_gazetteer *g, const char *key, size_t len, int exclude_fold)
{
	const ar_gaz_entry *e;
	size_t		slot;
	uint32_t	h;

	if (!g || g->nents == 0)
		return NULL;
	h = fnv(key, len);
	if (!filter_has(g->kfilter, g->cap, h))
		return NULL;
	slot = gaz_slot(g, key, len, h);
	if (!g->idx[slot])
		return NULL;
	e = &g->ents[g->idx[slot] - 1];
	if (exclude_fold >= 0 && (e->flags & AR_GAZ_FOLDS) &&
		(e->flags & AR_GAZ_FOLDS & ~(1u << exclude_fold)) == 0)
		return NULL;
	return e;
}

/* Entry registered under the skeleton of a folded key; NULL when absent or ambiguous. */
const ar_gaz_entry *
ar_gaz_find_skel(const ar_gazetteer *g, const char *key, size_t len)
{
	ar_buf		b;
	uint32_t	h;
	size_t		s;

	if (!g || g->nents == 0)
		return NULL;
	ar_buf_init(&b, g->alloc, len + 8);
	ar_gaz_skeleton(key, len, &b);
	h = fnv(b.data, b.len) | 1u;
	ar_buf_free(&b);
	s = skel_slot(g, h);
	if (!g->skel[s] || g->skel[s] == SKEL_AMBIG)
		return NULL;
	return &g->ents[g->skel[s] - 1];
}

/* Most words in one name of g. */
int
ar_gaz_max_words(const ar_gazetteer *g)
{
	return g->maxwords;
}

/* The canonical form of entry e of g (e->canon_len bytes). */
const char *
ar_gaz_entry_canon(const ar_gazetteer *g, const ar_gaz_entry *e)
{
	return g->pool.data + e->canon_off;
}

/* ---- changing a gazetteer: the cache of the user rows ---- */

/* Folded key of a name (see ar_gazetteer.h). */
int
ar_gaz_key(const char *surface, size_t len, ar_buf *out)
{
	size_t		start = out->len;
	int			nw = key_of(surface, len, out);

	if (nw == 0 || nw > 255 || out->len - start > 1000)
	{
		out->len = start;
		if (out->data)
			out->data[start] = '\0';
		return 0;
	}
	return nw;
}

/* Order of rows in the cache (see ar_gazetteer.h). */
int
ar_gaz_row_cmp(const ar_gaz_row *a, const ar_gaz_row *b)
{
	return row_cmp(a, b);
}

/*
 * Recompute the skeleton slot of skeleton hash h from the entries that have
 * it, as a fresh build in entry order would set it; a slot left without
 * entries becomes AMBIG (found by no lookup, but still a link of the probe
 * chains).
 */
static void
skel_recompute(ar_gazetteer *g, uint32_t h)
{
	size_t		s = skel_slot(g, h),
				i;
	uint32_t	st = 0;

	if (!g->skel[s])
		return;
	for (i = 0; i < g->nents; i++)
		if (g->eskel[i] == h)
			st = ar_gaz_skel_merge(g, st, (uint32_t) i);
	g->skel[s] = st ? st : SKEL_AMBIG;
}

/* Remove a folded key (see ar_gazetteer.h). */
bool
ar_gaz_remove(ar_gazetteer *g, const char *key, size_t len)
{
	size_t		mask = g->cap - 1,
				i,
				j,
				last;
	uint32_t	ei,
				h,
				koff,
				klen;

	if (g->nents == 0 || !g->eskel)
		return false;
	i = gaz_slot(g, key, len, fnv(key, len));
	if (!g->idx[i])
		return false;
	ei = g->idx[i] - 1;
	h = g->eskel[ei];
	koff = g->ents[ei].key_off;
	klen = g->ents[ei].key_len;
	/* linear probing: shift back the entries of the chain behind the hole */
	g->idx[i] = 0;
	for (j = (i + 1) & mask; g->idx[j]; j = (j + 1) & mask)
	{
		size_t		home = g->ents[g->idx[j] - 1].hash & mask;

		if (i <= j ? (i < home && home <= j) : (i < home || home <= j))
			continue;
		g->idx[i] = g->idx[j];
		g->idx[j] = 0;
		i = j;
	}
	/* the last entry fills the hole */
	last = g->nents - 1;
	if (ei != last)
	{
		ar_gaz_entry *m = &g->ents[last];

		g->idx[gaz_slot(g, g->pool.data + m->key_off, m->key_len, m->hash)] = ei + 1;
		if (g->eskel[last])
		{
			size_t		s = skel_slot(g, g->eskel[last]);

			if (g->skel[s] == last + 1)
				g->skel[s] = ei + 1;
		}
		ar_gaz_sur_moved(g, last, ei);
		g->ents[ei] = *m;
		g->eskel[ei] = g->eskel[last];
	}
	g->nents--;
	if (h)
		skel_recompute(g, h);
	ar_gaz_sur_recompute_key(g, g->pool.data + koff, klen);	/* the pool keeps removed keys */
	return true;
}

/* Set a row's key to that row (see ar_gazetteer.h). */
bool
ar_gaz_put_row(ar_gazetteer *g, const ar_gaz_row *r)
{
	ar_buf		k;
	int			type = ar_ner_type_from_name(r->label, strlen(r->label));
	size_t		ei;

	if (type < 1 || type >= AR_NER_NTYPES || (g->nents > 0 && !g->eskel))
		return false;
	ar_buf_init(&k, g->alloc, strlen(r->surface) * 2 + 8);
	if (ar_gaz_key(r->surface, strlen(r->surface), &k) == 0)
	{
		ar_buf_free(&k);
		return false;
	}
	(void) ar_gaz_remove(g, k.data, k.len);
	ar_buf_free(&k);
	if (!ar_gaz_add(g, r->surface, strlen(r->surface), type,
					r->canon ? r->canon : "", r->canon ? strlen(r->canon) : 0,
					origin_flags(r->origin)))
		return false;
	/* a slot left AMBIG by removed entries (or a tombstone) is recomputed */
	ei = g->nents - 1;
	if (g->eskel[ei] && g->skel[skel_slot(g, g->eskel[ei])] == SKEL_AMBIG)
		skel_recompute(g, g->eskel[ei]);
	return true;
}
