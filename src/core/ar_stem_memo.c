/*
 * ar_stem_memo.c
 *    Memo of recent words for a stemming dictionary (see ar_stem_memo.h).
 */
#include <string.h>

#include "ar_stem_memo.h"

/* Bytes of an entry's key + stem + second lexeme: two entries share a 64-byte cache line. */
#define MEMO_DATA 28

typedef struct memo_entry
{
	uint8_t		klen;
	uint8_t		slen;
	uint8_t		alen;
	uint8_t		has_stem;		/* 0: no lexeme (stopword or empty stem) */
	char		data[MEMO_DATA];	/* key, then stem, then second lexeme */
} memo_entry;

/*
 * Tags (16 bits of the hash; 0 = empty way) and recency ranks (0 = most
 * recently used .. AR_MEMO_WAYS - 1) of one set's ways: 16 bytes, so the
 * tags of the whole memo stay in the CPU's second-level cache.
 */
typedef struct memo_set
{
	uint16_t	tag[AR_MEMO_WAYS];
	uint8_t		rank[AR_MEMO_WAYS];
	uint8_t		pad[16 - 3 * AR_MEMO_WAYS];
} memo_set;

struct ar_stem_memo
{
	const ar_allocator *alloc;
	memo_set   *sets;
	memo_entry *ents;			/* 64-byte aligned inside ents_raw */
	void	   *ents_raw;
	size_t		nsets;			/* power of two */
	uint32_t	misses;			/* until the memo has grown */
};

/* Hash of word bytes: 8 bytes at a time, multiply and fold. */
static inline uint32_t
memo_hash(const char *s, size_t n)
{
	uint64_t	h = 0x9E3779B97F4A7C15ull ^ n,
				v;

	while (n >= 8)
	{
		memcpy(&v, s, 8);
		h = (h ^ v) * 0xFF51AFD7ED558CCDull;
		h ^= h >> 32;
		s += 8;
		n -= 8;
	}
	if (n > 0)
	{
		v = 0;
		for (size_t i = 0; i < n; i++)
			v |= (uint64_t) (unsigned char) s[i] << (8 * i);
		h = (h ^ v) * 0xC4CEB9FE1A85EC53ull;
		h ^= h >> 29;
	}
	h *= 0x9E3779B97F4A7C15ull;
	return (uint32_t) (h >> 32);
}

/* Allocate empty tables of nsets sets; the previous ones stay in place if an allocation fails. */
static void
memo_alloc(ar_stem_memo *m, size_t nsets)
{
	size_t		ebytes = nsets * AR_MEMO_WAYS * sizeof(memo_entry);
	memo_set   *sets = m->alloc->realloc_fn(m->alloc->ctx, NULL, nsets * sizeof(memo_set));
	void	   *raw = m->alloc->realloc_fn(m->alloc->ctx, NULL, ebytes + 63);

	memset(sets, 0, nsets * sizeof(memo_set));
	for (size_t i = 0; i < nsets; i++)
		for (int w = 0; w < AR_MEMO_WAYS; w++)
			sets[i].rank[w] = (uint8_t) w;
	m->sets = sets;
	m->ents_raw = raw;
	m->ents = (memo_entry *) (((uintptr_t) raw + 63) & ~(uintptr_t) 63);
	m->nsets = nsets;
}

/* The tag of hash h: its high 16 bits (the set comes from the low bits), never 0. */
static inline uint16_t
memo_tag(uint32_t h)
{
	uint16_t	t = (uint16_t) (h >> 16);

	return t ? t : 1;
}

/* The way of set s to (re)use: an empty one, else the least recently used. */
static inline int
memo_victim(const memo_set *s)
{
	int			v = 0;

	for (int w = 0; w < AR_MEMO_WAYS; w++)
	{
		if (s->tag[w] == 0)
			return w;
		if (s->rank[w] > s->rank[v])
			v = w;
	}
	return v;
}

/* Make way w of set s the most recently used. */
static inline void
memo_touch(memo_set *s, int w)
{
	uint8_t		r = s->rank[w];

	for (int v = 0; v < AR_MEMO_WAYS; v++)
		if (s->rank[v] < r)
			s->rank[v]++;
	s->rank[w] = 0;
}

/* Grow to AR_MEMO_BIG_SLOTS entries, keeping what the memo holds and its recency order. */
static void
memo_grow(ar_stem_memo *m)
{
	memo_set   *old_sets = m->sets;
	memo_entry *old_ents = m->ents;
	void	   *old_raw = m->ents_raw;
	size_t		old_n = m->nsets;

	memo_alloc(m, AR_MEMO_BIG_SLOTS / AR_MEMO_WAYS);
	for (size_t i = 0; i < old_n; i++)
		for (int r = AR_MEMO_WAYS - 1; r >= 0; r--)
			for (int w = 0; w < AR_MEMO_WAYS; w++)
				if (old_sets[i].tag[w] != 0 && old_sets[i].rank[w] == r)
				{
					const memo_entry *x = &old_ents[i * AR_MEMO_WAYS + w];
					uint32_t	h = memo_hash(x->data, x->klen);
					size_t		idx = h & (m->nsets - 1);
					memo_set   *s = &m->sets[idx];
					int			v = memo_victim(s);

					s->tag[v] = memo_tag(h);
					memo_touch(s, v);
					m->ents[idx * AR_MEMO_WAYS + v] = *x;
				}
	m->alloc->free_fn(m->alloc->ctx, old_sets);
	m->alloc->free_fn(m->alloc->ctx, old_raw);
}

/* A new, empty memo (see ar_stem_memo.h). */
ar_stem_memo *
ar_stem_memo_new(const ar_allocator *alloc)
{
	ar_stem_memo *m = alloc->realloc_fn(alloc->ctx, NULL, sizeof(ar_stem_memo));

	memset(m, 0, sizeof(*m));
	m->alloc = alloc;
	memo_alloc(m, AR_MEMO_SMALL_SLOTS / AR_MEMO_WAYS);
	return m;
}

/* Release a memo. */
void
ar_stem_memo_free(ar_stem_memo *m)
{
	if (!m)
		return;
	m->alloc->free_fn(m->alloc->ctx, m->sets);
	m->alloc->free_fn(m->alloc->ctx, m->ents_raw);
	m->alloc->free_fn(m->alloc->ctx, m);
}

/* Look a word up (see ar_stem_memo.h). */
bool
ar_stem_memo_get(ar_stem_memo *m, const char *word, size_t len, ar_memo_entry *e, uint32_t *hash)
{
	uint32_t	h;
	size_t		idx;
	memo_set   *s;
	uint16_t	tag;

	if (len == 0 || len > MEMO_DATA)
	{
		*hash = 0;
		return false;
	}
	h = memo_hash(word, len);
	*hash = h;
	idx = h & (m->nsets - 1);
	s = &m->sets[idx];
	tag = memo_tag(h);
	for (int w = 0; w < AR_MEMO_WAYS; w++)
		if (s->tag[w] == tag)
		{
			const memo_entry *x = &m->ents[idx * AR_MEMO_WAYS + w];

			if (x->klen == len && memcmp(x->data, word, len) == 0)
			{
				memo_touch(s, w);
				e->stem = x->has_stem ? x->data + x->klen : NULL;
				e->stem_len = x->slen;
				e->also = x->alen ? x->data + x->klen + x->slen : NULL;
				e->also_len = x->alen;
				return true;
			}
		}
	if (m->nsets < AR_MEMO_BIG_SLOTS / AR_MEMO_WAYS)
		m->misses++;
	return false;
}

/* Remember a word's answer (see ar_stem_memo.h). */
void
ar_stem_memo_put(ar_stem_memo *m, uint32_t hash, const char *word, size_t len,
				 const char *stem, size_t stem_len, const char *also, size_t also_len)
{
	size_t		idx;
	memo_set   *s;
	memo_entry *x;
	int			v;

	if (!stem)
		stem_len = 0;
	if (!stem || !also)
		also_len = 0;
	if (len == 0 || len + stem_len + also_len > MEMO_DATA)
		return;
	if (m->misses >= AR_MEMO_GROW_MISSES && m->nsets < AR_MEMO_BIG_SLOTS / AR_MEMO_WAYS)
		memo_grow(m);
	idx = hash & (m->nsets - 1);
	s = &m->sets[idx];
	v = memo_victim(s);
	x = &m->ents[idx * AR_MEMO_WAYS + v];
	x->klen = (uint8_t) len;
	x->slen = (uint8_t) stem_len;
	x->alen = (uint8_t) also_len;
	x->has_stem = stem != NULL;
	memcpy(x->data, word, len);
	if (stem_len)
		memcpy(x->data + len, stem, stem_len);
	if (also_len)
		memcpy(x->data + len + stem_len, also, also_len);
	s->tag[v] = memo_tag(hash);
	memo_touch(s, v);
}

/* Bytes held by the memo. */
size_t
ar_stem_memo_bytes(const ar_stem_memo *m)
{
	return m ? sizeof(*m) + m->nsets * (sizeof(memo_set) + AR_MEMO_WAYS * sizeof(memo_entry)) + 63 : 0;
}
