/*
 * ar_ner_names.c
 *    The name-token table of the entity tagger (see ar_ner_names.h).
 */
#include <string.h>

#include "ar_ner_names.h"
#include "ar_ner_internal.h"

const char *const ar_names_kind_names[AR_NAMES_NKINDS] = {
	"wd", "tr", "per_last", "loc", "nat", "org", "misc"
};

/* The bit of a kind name, 0 when unknown. */
uint32_t
ar_names_kind_from_name(const char *s)
{
	int			k;

	for (k = 0; k < AR_NAMES_NKINDS; k++)
		if (strcmp(s, ar_names_kind_names[k]) == 0)
			return 1u << k;
	return 0;
}

/* Ordinary-word class of a listed token seen total times, ordinary of them outside entities. */
int
ar_names_ratio_class(uint32_t ordinary, uint32_t total)
{
	if (total == 0)
		return 0;
	if (ordinary == 0)
		return 1;
	if (ordinary * 3 < total)
		return 2;
	if (ordinary * 4 < total * 3)
		return 3;
	if (ordinary * 20 < total * 19)
		return 4;
	return total < 10 ? 5 : 6;
}

/* Fold s[0..len) into out as the tagger folds its tokens. */
void
ar_ner_names_fold(const char *s, size_t len, ar_buf *out)
{
	ar_ner_fold_into(s, len, out);
}

/* FNV-1a of s[0..len) continued from h. */
static uint32_t
fnv_from(uint32_t h, const char *s, size_t len)
{
	size_t		i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char) s[i]) * 16777619u;
	return h;
}

/* Hash of a folded token (never 0). */
uint32_t
ar_names_hash(const char *s, size_t len)
{
	uint32_t	h = fnv_from(0x9DC5811Cu, s, len);

	return h ? h : 1;
}

/* Lookup keys of a token: form, base, article + base, lam + base (see ar_ner_names.h). */
int
ar_names_keys(const char *form, size_t flen, const char *base, size_t blen, uint32_t keys[AR_NAMES_MAXKEYS])
{
	static const char al[] = "\xD8\xA7\xD9\x84";	/* ال */
	static const char ll[] = "\xD9\x84\xD9\x84";	/* لل */
	int			n = 0;

	keys[n++] = ar_names_hash(form, flen);
	if (blen > 0 && (blen != flen || memcmp(form, base, blen) != 0))
	{
		uint32_t	h;

		keys[n++] = ar_names_hash(base, blen);
		if (!(blen >= 4 && memcmp(base, al, 4) == 0))
		{
			h = fnv_from(fnv_from(0x9DC5811Cu, al, 4), base, blen);
			keys[n++] = h ? h : 1;
		}
		/* لل was read as ل + ال: it may be ل + a name that starts with ل (للافروف) */
		if (flen >= blen + 4 && memcmp(form + (flen - blen) - 4, ll, 4) == 0)
		{
			h = fnv_from(fnv_from(0x9DC5811Cu, ll + 2, 2), base, blen);
			keys[n++] = h ? h : 1;
		}
	}
	return n;
}

/* Slot of key in the table: its entry, or the empty slot where it goes (nslots if full). */
uint32_t
ar_names_slot(const uint64_t *tab, uint32_t nslots, uint32_t key)
{
	uint32_t	mask = nslots - 1,
				i = key & mask,
				probes;

	for (probes = 0; probes < nslots; probes++, i = (i + 1) & mask)
		if (tab[i] == 0 || (uint32_t) (tab[i] >> 32) == key)
			return i;
	return nslots;
}

/* Payload of key (0: absent). */
uint32_t
ar_names_find(const uint64_t *tab, uint32_t nslots, uint32_t key)
{
	uint32_t	i;

	if (!tab || nslots == 0)
		return 0;
	i = ar_names_slot(tab, nslots, key);
	return i < nslots ? (uint32_t) tab[i] : 0;
}

/* OR payload into key's entry, creating it. */
bool
ar_names_put(uint64_t *tab, uint32_t nslots, uint32_t key, uint32_t payload)
{
	uint32_t	i = ar_names_slot(tab, nslots, key);

	if (i >= nslots)
		return false;
	tab[i] = ((uint64_t) key << 32) | ((uint32_t) tab[i] | payload);
	return true;
}

/* Replace the payload of key's entry. */
void
ar_names_set(uint64_t *tab, uint32_t nslots, uint32_t key, uint32_t payload)
{
	uint32_t	i = ar_names_slot(tab, nslots, key);

	if (i < nslots && tab[i] != 0)
		tab[i] = ((uint64_t) key << 32) | payload;
}

/* Bit of key in a filter of nslots bytes. */
static inline uint32_t
filter_bit(uint32_t key, uint32_t nslots)
{
	return ((key * 0x9E3779B1u) >> 7) & (nslots * 8 - 1);
}

/* Set the filter bit of every key of the table. */
void
ar_names_filter_build(const uint64_t *tab, uint32_t nslots, uint8_t *filter)
{
	uint32_t	i;

	memset(filter, 0, nslots);
	for (i = 0; i < nslots; i++)
		if (tab[i] != 0)
		{
			uint32_t	b = filter_bit((uint32_t) (tab[i] >> 32), nslots);

			filter[b >> 3] |= (uint8_t) (1u << (b & 7));
		}
}

/* Union of the kinds of a token's keys, with the ordinary-word class of the first key found. */
uint32_t
ar_names_lookup(const uint64_t *tab, uint32_t nslots, const uint8_t *filter, const char *form,
				size_t flen, const char *base, size_t blen)
{
	uint32_t	keys[AR_NAMES_MAXKEYS],
				r = 0;
	int			n,
				k;

	if (!tab || nslots == 0 || flen == 0)
		return 0;
	n = ar_names_keys(form, flen, base, blen, keys);
	for (k = 0; k < n; k++)
	{
		uint32_t	p,
					b = filter_bit(keys[k], nslots);

		if (filter && !(filter[b >> 3] & (1u << (b & 7))))
			continue;
		p = ar_names_find(tab, nslots, keys[k]);

		if (p && !AR_NAMES_KINDS(r))
			r = p;
		else
			r |= AR_NAMES_KINDS(p);
	}
	return r;
}

/* Buckets of the 2-, 3- and 4-grams of an all-Arabic folded base with boundary marks. */
int
ar_names_ngrams(const char *base, size_t blen, uint32_t out[AR_NAMES_MAXGRAMS])
{
	uint32_t	cp[22];
	size_t		i = 0,
				n = 1,
				a;
	int			g,
				m = 0;

	cp[0] = '#';
	while (i < blen)
	{
		int			adv;
		uint32_t	c = ar_utf8_decode((const unsigned char *) base + i, blen - i, &adv);

		if (c < 0x0621 || c > 0x064A || n >= 21)
			return 0;
		cp[n++] = c;
		i += adv;
	}
	if (n < 4)
		return 0;
	cp[n++] = '#';
	for (g = 2; g <= 4; g++)
		for (a = 0; a + g <= n; a++)
		{
			uint32_t	h = 0x811C9DC5u ^ (uint32_t) g;
			int			c;

			for (c = 0; c < g; c++)
				h = (h ^ cp[a + c]) * 16777619u;
			out[m++] = (h ^ (h >> 15)) & (AR_NAMES_NGRAMS - 1);
		}
	return m;
}

/* Mean log-odds of a base's n-grams, as a class 1..8 (0: not scored). */
int
ar_names_likeness(const int8_t *tab, const char *base, size_t blen)
{
	uint32_t	b[AR_NAMES_MAXGRAMS];
	int			m,
				k,
				sum = 0,
				cls;

	if (!tab)
		return 0;
	m = ar_names_ngrams(base, blen, b);
	if (m == 0)
		return 0;
	for (k = 0; k < m; k++)
		sum += tab[b[k]];
	/* sum / (8 m) is the mean log-odds: classes of width 1 from below -3 to 3 and above */
	cls = (int) ((sum + 4 * 8 * m) / (8 * m)) + (sum + 4 * 8 * m < 0 ? -1 : 0);
	return cls < 0 ? 1 : cls > 7 ? 8 : cls + 1;
}
