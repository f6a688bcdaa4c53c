/*
 * fuzz_stem.c
 *    libFuzzer harness of the stemmer: the first byte chooses the level (bits
 *    0-1) and loanword folding (bit 2), the rest is one word.  Checks, besides memory safety, that every part of a
 *    stemmed word lies inside the scratch buffer and holds only Arabic letters, that a stemmed word's normalized
 *    form equals ar_normalize() of it (without loanword folding, which also maps ڤ پ گ), that the stem of a stemmed word is no
 *    longer than the word, and that stemming is deterministic.  The same word goes through
 *    ar_root(): a root, when there is one, is 3 or 4 Arabic letters and the same on a second call.
 *    And the dictionary's word memo (one per stemmer, kept across inputs) gives back exactly the
 *    lexemes of a fresh ar_stem_lexeme().
 */
#include <stdlib.h>
#include <string.h>

#include "ar_normalize.h"
#include "ar_stem.h"
#include "ar_root.h"
#include "ar_stem_memo.h"

static ar_stemmer *stemmers[8];
static ar_stem_memo *memos[8];

/* Small built-in lists (and a lexicon) so the list and lexicon paths are exercised. */
static const char protected_list[] = "وزير\nلافروف\nالبحرين\nيوم\nكتاب\nبيروت place\nروسيا place\n";
static const char plural_list[] = "مدارس مدرسة\nكتب كتاب\nوزراء وزير\nديبلوماس* دبلوماس*\n";
static const char stop_list[] = "في\nمن\nالتي\nهذا\n";
static const char lexicon_list[] = "دستور -\nدساتير -\nأسواق -\nبرلمان T\nكبير FMT\nمطلب T\nعالم FT\nحيوان T\nامتحان T\nصحة T\nسوق -\nكاتب FMT\nمكتب T\nاستخدام T\nمسءول M\n";

/* Does s[0..len) hold only Arabic letters U+0621..U+064A (what a stemmed word is made of)? */
static int
only_letters(const char *s, size_t len)
{
	size_t		i;

	for (i = 0; i < len; i += 2)
	{
		uint32_t	c;

		if (i + 1 >= len)
			return 0;
		c = (((uint32_t) (unsigned char) s[i] & 0x1F) << 6) | ((unsigned char) s[i + 1] & 0x3F);
		if (((unsigned char) s[i] & 0xE0) != 0xC0 || ((unsigned char) s[i + 1] & 0xC0) != 0x80 ||
			c < 0x0621 || c > 0x064A)
			return 0;
	}
	return 1;
}

/* Check one part of a result. */
static void
check_part(const ar_buf *b, size_t off, size_t len)
{
	if (off + len >= b->len + 1 || b->data[off + len] != '\0' || !only_letters(b->data + off, len))
		abort();
}

/* Does the memo's answer e equal the lexemes of r in b (as the dictionary keeps them)? */
static int
memo_agrees(const ar_memo_entry *e, const ar_stem_result *r, const ar_buf *b)
{
	bool		lex = !r->stopword && r->stem_len > 0;
	size_t		alen = lex ? r->also_len : 0;

	if ((e->stem != NULL) != lex || (lex && (e->stem_len != r->stem_len ||
											 memcmp(e->stem, b->data + r->stem_off, r->stem_len) != 0)))
		return 0;
	return (e->also ? e->also_len : 0) == alen &&
		(alen == 0 || memcmp(e->also, b->data + r->also_off, alen) == 0);
}

/* The memo's answer for w, before and after storing the fresh one, is the fresh one. */
static void
check_memo(ar_stem_memo *m, const ar_stemmer *st, const char *w, size_t wl, ar_buf *b)
{
	ar_stem_result r;
	ar_memo_entry e;
	uint32_t	h;
	bool		lex;

	ar_stem_lexeme(st, w, wl, b, &r);
	lex = !r.stopword && r.stem_len > 0;
	if (ar_stem_memo_get(m, w, wl, &e, &h))
	{
		if (!memo_agrees(&e, &r, b))
			abort();
		return;
	}
	ar_stem_memo_put(m, h, w, wl, lex ? b->data + r.stem_off : NULL, r.stem_len,
					 lex && r.also_len ? b->data + r.also_off : NULL, r.also_len);
	if (ar_stem_memo_get(m, w, wl, &e, &h) && !memo_agrees(&e, &r, b))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ar_stemmer *st;
	ar_buf		a,
				b,
				n;
	ar_stem_result r,
				r2;
	const char *w;
	size_t		wl;

	if (size < 1)
		return 0;
	if (data[0] == 0xFF)
	{
		/* the rest is a list file: each kind loads it or names a bad line, and the stemmer still works */
		for (int k = 0; k < 4; k++)
		{
			size_t		bad = 0;

			st = ar_stemmer_new(&ar_malloc_allocator, AR_PROFILE_SEARCH, AR_STEM_DEFAULT);
			ar_stemmer_set_loanwords(st, true);
			if (ar_stemmer_load(st, (ar_stem_list) k, (const char *) data + 1, size - 1, &bad) < 0 && bad == 0)
				abort();
			ar_buf_init(&a, &ar_malloc_allocator, 16);
			ar_stem_word(st, "والديبلوماسيون", strlen("والديبلوماسيون"), &a, &r);
			ar_buf_free(&a);
			ar_stemmer_free(st);
		}
		return 0;
	}
	if (!stemmers[0])
	{
		int			i;

		for (i = 0; i < 8; i++)
		{
			stemmers[i] = ar_stemmer_new(&ar_malloc_allocator, AR_PROFILE_SEARCH, i & 3);
			ar_stemmer_set_loanwords(stemmers[i], i >= 4);
			ar_stemmer_load(stemmers[i], AR_LIST_LEXICON, lexicon_list, sizeof(lexicon_list) - 1, NULL);
			ar_stemmer_load(stemmers[i], AR_LIST_PROTECTED, protected_list, sizeof(protected_list) - 1, NULL);
			ar_stemmer_load(stemmers[i], AR_LIST_PLURALS, plural_list, sizeof(plural_list) - 1, NULL);
			ar_stemmer_load(stemmers[i], AR_LIST_STOPWORDS, stop_list, sizeof(stop_list) - 1, NULL);
			memos[i] = ar_stem_memo_new(&ar_malloc_allocator);
		}
	}
	st = stemmers[data[0] & 7];
	w = (const char *) data + 1;
	wl = size - 1;
	/* a word from the parser never contains NUL; invalid bytes become U+FFFD */
	if (memchr(w, 0, wl))
		return 0;
	ar_buf_init(&a, &ar_malloc_allocator, 16);
	ar_buf_init(&b, &ar_malloc_allocator, 16);
	ar_stem_word(st, w, wl, &a, &r);
	if (r.stemmed || r.stopword)
	{
		check_part(&a, r.norm_off, r.norm_len);
		check_part(&a, r.prefix_off, r.prefix_len);
		check_part(&a, r.stem_off, r.stem_len);
		check_part(&a, r.suffix_off, r.suffix_len);
		/* the second lexeme (a nisba's place) lies in the buffer and is letters only */
		if (r.also_len > 0 && (r.also_off + r.also_len > a.len || !only_letters(a.data + r.also_off, r.also_len)))
			abort();
		/* the fast normalization path agrees with the normalizer */
		ar_buf_init(&n, &ar_malloc_allocator, 16);
		ar_normalize(w, wl, AR_PROFILE_SEARCH, &n);
		if ((data[0] & 4) == 0 && (n.len != r.norm_len || memcmp(n.data, a.data + r.norm_off, n.len) != 0))
			abort();
		ar_buf_free(&n);
		if (r.stemmed && !r.lexicon && r.stem_len > r.norm_len)
			abort();
	}
	else if (r.stem_off + r.stem_len > a.len)
		abort();
	ar_stem_word(st, w, wl, &b, &r2);
	if (r2.stem_len != r.stem_len || memcmp(a.data + r.stem_off, b.data + r2.stem_off, r.stem_len) != 0)
		abort();
	/* the root: 3 or 4 letters, deterministic */
	a.len = b.len = 0;
	ar_buf_init(&n, &ar_malloc_allocator, 16);
	if (ar_root(st, w, wl, &a, &n))
	{
		ar_buf		n2;

		if ((n.len != 6 && n.len != 8) || !only_letters(n.data, n.len))
			abort();
		ar_buf_init(&n2, &ar_malloc_allocator, 16);
		if (!ar_root(st, w, wl, &b, &n2) || n2.len != n.len || memcmp(n.data, n2.data, n.len) != 0)
			abort();
		ar_buf_free(&n2);
	}
	else if (n.len != 0)
		abort();
	ar_buf_free(&n);
	check_memo(memos[data[0] & 7], st, w, wl, &b);
	ar_buf_free(&a);
	ar_buf_free(&b);
	return 0;
}
