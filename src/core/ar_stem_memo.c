/*
 * ar_stem_memo.c
 *    Memo of recent words for a stemming dictionary (see ar_stem_memo.h).
 */
#include <string.h>

#include "ar_stem_memo.h"

/* Bytes of an entry before its data. */
#define MEMO_HEAD 4

/*
 * An entry: 32 bytes in the short table (two share a 64-byte cache line), 64
 * in the long one; its data holds the key, then the stem, then the second
 * lexeme.
 */
typedef struct memo_entry
{
	uint8_t		klen;
	uint8_t		slen;
	uint8_t		alen;
	uint8_t		has_stem;		/* 0: no lexeme (stopword or empty stem) */
	char		data[];		
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

/* One table: sets of AR_MEMO_WAYS entries of esize bytes. */
typedef struct memo_table
{
	memo_set   *sets;
	char	   *ents;			/* 64-byte aligned inside ents_raw */
	void	   *ents_raw;
	size_t		nsets;			/* power of two */
	size_t		esize;			/* 32 or 64 */
} memo_table;

struct ar_stem_memo
{
	const ar_allocator *alloc;
	memo_table	tab[2];			/* short entries, long entries */
	uint32_t	misses;			/* until the memo has grown */
	bool		grown;
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

/* Entry w of set idx of table t. */
static inline memo_entry *
memo_ent(const memo_table *t, size_t idx, int w)
{
	return (memo_entry *) (t->ents + (idx * AR_MEMO_WAYS + w) * t->esize);
}

/* Allocate empty tables of nslots entries for t; t keeps its old tables if an allocation fails. */
static void
memo_alloc(const ar_allocator *a, memo_table *t, size_t nslots, size_t esize)
{
	size_t		nsets = nslots / AR_MEMO_WAYS;
	memo_set   *sets = a->realloc_fn(a->ctx, NULL, nsets * sizeof(memo_set));
	void	   *raw = a->realloc_fn(a->ctx, NULL, nslots * esize + 63);

	memset(sets, 0, nsets * sizeof(memo_set));
	for (size_t i = 0; i < nsets; i++)
		for (int w = 0; w < AR_MEMO_WAYS; w++)
			sets[i].rank[w] = (uint8_t) w;
	t->sets = sets;
	t->ents_raw = raw;
	t->ents = (char *) (((uintptr_t) raw + 63) & ~(uintptr_t) 63);
	t->nsets = nsets;
	t->esize = esize;
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

/* Grow table t to nslots entries, keeping what it holds and its recency order. */
static void
memo_grow(const ar_allocator *a, memo_table *t, size_t nslots)
{
	memo_table	old = *t;

	memo_alloc(a, t, nslots, old.esize);
	for (size_t i = 0; i < old.nsets; i++)
		for (int r = AR_MEMO_WAYS - 1; r >= 0; r--)
			for (int w = 0; w < AR_MEMO_WAYS; w++)
				if (old.sets[i].tag[w] != 0 && old.sets[i].rank[w] == r)
				{
					const memo_entry *x = memo_ent(&old, i, w);
					uint32_t	h = memo_hash(x->data, x->klen);
					size_t		idx = h & (t->nsets - 1);
					memo_set   *s = &t->sets[idx];
					int			v = memo_victim(s);

					s->tag[v] = memo_tag(h);
					memo_touch(s, v);
					memcpy(memo_ent(t, idx, v), x, old.esize);
				}
	a->free_fn(a->ctx, old.sets);
	a->free_fn(a->ctx, old.ents_raw);
}

/* A new, empty memo (see ar_stem_memo.h). */
ar_stem_memo *
ar_stem_memo_new(const ar_allocator *alloc)
{
	ar_stem_memo *m = alloc->realloc_fn(alloc->ctx, NULL, sizeof(ar_stem_memo));

	memset(m, 0, sizeof(*m));
	m->alloc = alloc;
	memo_alloc(alloc, &m->tab[0], AR_MEMO_SMALL_SLOTS, 32);
	memo_alloc(alloc, &m->tab[1], AR_MEMO_SMALL_SLOTS / 8, 64);
	return m;
}

/* Release a memo. */
void
ar_stem_memo_free(ar_stem_memo *m)
{
	if (!m)
		return;
	for (int i = 0; i < 2; i++)
	{
		m->alloc->free_fn(m->alloc->ctx, m->tab[i].sets);
		m->alloc->free_fn(m->alloc->ctx, m->tab[i].ents_raw);
	}
	m->alloc->free_fn(m->alloc->ctx, m);
}

/* Look word[0..len) up in table t (hash h): true and *e filled on a hit. */
static inline bool
memo_find(memo_table *t, uint32_t h, const char *word, size_t len, ar_memo_entry *e)
{
	size_t		idx = h & (t->nsets - 1);
	memo_set   *s = &t->sets[idx];
	uint16_t	tag = memo_tag(h);

	for (int w = 0; w < AR_MEMO_WAYS; w++)
		if (s->tag[w] == tag)
		{
			const memo_entry *x = memo_ent(t, idx, w);

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
	return false;
}

/* Look a word up (see ar_stem_memo.h): the short table, then the long one. */
bool
ar_stem_memo_get(ar_stem_memo *m, const char *word, size_t len, ar_memo_entry *e, uint32_t *hash)
{
	uint32_t	h;

	if (len == 0 || len > 64 - MEMO_HEAD)
	{
		*hash = 0;
		return false;
	}
	h = memo_hash(word, len);
	*hash = h;
#ifdef __GNUC__
	{
		/* fetch the set's short entries (two cache lines) while its tags are compared */
		const char *x = m->tab[0].ents + (h & (m->tab[0].nsets - 1)) * AR_MEMO_WAYS * 32;

		__builtin_prefetch(x);
		__builtin_prefetch(x + 64);
	}
#endif
	if (len <= 32 - MEMO_HEAD && memo_find(&m->tab[0], h, word, len, e))
		return true;
	if (memo_find(&m->tab[1], h, word, len, e))
		return true;
	if (!m->grown)
		m->misses++;
	return false;
}

/* Remember a word's answer (see ar_stem_memo.h), in the first table its bytes fit. */
void
ar_stem_memo_put(ar_stem_memo *m, uint32_t hash, const char *word, size_t len,
				 const char *stem, size_t stem_len, const char *also, size_t also_len)
{
	memo_table *t;
	size_t		idx,
				need;
	memo_set   *s;
	memo_entry *x;
	int			v;

	if (!stem)
		stem_len = 0;
	if (!stem || !also)
		also_len = 0;
	need = MEMO_HEAD + len + stem_len + also_len;
	if (len == 0 || need > 64)
		return;
	if (!m->grown && m->misses >= AR_MEMO_GROW_MISSES)
	{
		memo_grow(m->alloc, &m->tab[0], AR_MEMO_BIG_SLOTS);
		memo_grow(m->alloc, &m->tab[1], AR_MEMO_BIG_SLOTS / 8);
		m->grown = true;
	}
	t = &m->tab[need > 32];
	idx = hash & (t->nsets - 1);
	s = &t->sets[idx];
	v = memo_victim(s);
	x = memo_ent(t, idx, v);
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
	size_t		n = 0;

	if (!m)
		return 0;
	for (int i = 0; i < 2; i++)
		n += m->tab[i].nsets * (sizeof(memo_set) + AR_MEMO_WAYS * m->tab[i].esize) + 63;
	return sizeof(*m) + n;
}
