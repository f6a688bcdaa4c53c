/*
 * ar_lexseq.c
 *    Token sequence with folded keys for the date and quotation finders.
 */
#include <string.h>

#include "ar_lexseq.h"
#include "ar_normalize.h"

/* Fold one token's text into its key, appended to keys with its NUL; keylen 255 marks a truncated key. */
static void
fold_key(const unsigned char *s, size_t len, ar_lex *lx, ar_buf *keys)
{
	size_t		i = 0,
				o = 0;
	bool		trunc = false;
	char		key[AR_LEX_KEYMAX + 1];

	while (i < len)
	{
		int			adv;
		uint32_t	c = ar_utf8_decode(s + i, len - i, &adv);
		char		tmp[4];
		int			n;

		i += adv;
		c = ar_norm_fold_cp(c, AR_LEX_FOLD_MASK);
		if (c != 0)
			c = ar_norm_fold_cp(c, AR_LEX_FOLD_MASK);	/* ۃ -> ة -> ه */
		if (c == 0)
			continue;
		n = ar_utf8_encode(c, tmp);
		if (o + n > AR_LEX_KEYMAX)
		{
			trunc = true;
			break;
		}
		memcpy(key + o, tmp, n);
		o += n;
	}
	key[o] = '\0';
	ar_buf_append(keys, key, o + 1);
	lx->keylen = trunc ? 255 : (uint8_t) o;
}

/* Start reading s[0..len) into an empty seq, window by window (ar_lexstream_fill). */
void
ar_lexstream_init(ar_lexstream *st, const char *s, size_t len, const ar_allocator *alloc,
				  ar_lexseq *seq, size_t keys_hint)
{
	if (len > UINT32_MAX)
		len = UINT32_MAX;		/* 32-bit offsets (see ar_lexseq.h) */
	st->s = s;
	st->nl = false;
	st->done = false;
	st->cap = 16;
	ar_tokenizer_init(&st->tz, s, len);
	memset(seq, 0, sizeof(*seq));	/* not paged: base 0, nv = n */
	seq->alloc = alloc;
	seq->n = 0;
	seq->v = alloc->realloc_fn(alloc->ctx, NULL, st->cap * sizeof(ar_lex));
	ar_buf_init(&seq->keys, alloc, keys_hint);
}

/*
 * Drop tokens [0, keep_from) of seq, then append the next tokens of the
 * input until seq holds max of them or the input ends (st->done).  The
 * tokens are those of one tokenizer pass over the whole input, whatever the
 * windows: offsets stay those of the input.
 */
void
ar_lexstream_fill(ar_lexstream *st, ar_lexseq *seq, size_t keep_from, size_t max)
{
	const ar_allocator *alloc = seq->alloc;
	ar_token	tok;
	size_t		i,
				off;

	if (keep_from > 0)
	{
		size_t		kept = seq->n - keep_from;

		off = keep_from < seq->n ? (size_t) (seq->v[keep_from].key - seq->keys.data) : seq->keys.len;
		memmove(seq->keys.data, seq->keys.data + off, seq->keys.len - off);
		seq->keys.len -= off;
		memmove(seq->v, seq->v + keep_from, kept * sizeof(ar_lex));
		seq->n = kept;
	}
	while (seq->n < max && ar_tokenizer_next(&st->tz, &tok))
	{
		ar_lex	   *lx;

		AR_CHECK_INTERRUPTS(alloc, seq->n);
		if (tok.kind == AR_TOK_SPACE)
		{
			if (memchr(st->s + tok.byte_start, '\n', tok.byte_len) ||
				memchr(st->s + tok.byte_start, '\r', tok.byte_len))
				st->nl = true;
			continue;
		}
		if (seq->n == st->cap)
		{
			st->cap *= 2;
			seq->v = alloc->realloc_fn(alloc->ctx, seq->v, st->cap * sizeof(ar_lex));
		}
		lx = &seq->v[seq->n++];
		lx->kind = (uint8_t) tok.kind;
		lx->byte_start = (uint32_t) tok.byte_start;
		lx->byte_len = (uint32_t) tok.byte_len;
		lx->char_start = (uint32_t) tok.char_start;
		lx->char_len = (uint32_t) tok.char_len;
		lx->nl_before = st->nl;
		st->nl = false;
		fold_key((const unsigned char *) st->s + tok.byte_start, tok.byte_len, lx, &seq->keys);
	}
	if (seq->n < max)
		st->done = true;
	seq->nv = seq->n;
	/* the pool has stopped moving: point every token at its key */
	for (i = 0, off = 0; i < seq->n; i++)
	{
		seq->v[i].key = seq->keys.data + off;
		off += strlen(seq->keys.data + off) + 1;
	}
}

/* Tokenize s[0..len) into seq (white space dropped, keys folded). */
void
ar_lexseq_build(const char *s, size_t len, const ar_allocator *alloc, ar_lexseq *seq)
{
	ar_lexstream st;

	ar_lexstream_init(&st, s, len, alloc, seq, (len > UINT32_MAX ? UINT32_MAX : len) / 2 + 16);
	ar_lexstream_fill(&st, seq, 0, SIZE_MAX);
}

/* Fold the tokens from byte pos / code point pos cpos (nl: a line break before) into *v and keys (emptied first), at most max; returns their number. */
static size_t
lex_fill(const char *s, size_t len, size_t pos, size_t cpos, bool nl, size_t max,
		 const ar_allocator *alloc, ar_lex **v, size_t *cap, ar_buf *keys)
{
	ar_lexstream st;
	ar_lexseq	tmp;

	memset(&tmp, 0, sizeof(tmp));
	tmp.alloc = alloc;
	tmp.v = *v;
	tmp.keys = *keys;
	tmp.keys.len = 0;
	st.s = s;
	st.nl = nl;
	st.done = false;
	st.cap = *cap;
	ar_tokenizer_init(&st.tz, s, len);
	st.tz.pos = pos;
	st.tz.cpos = cpos;
	ar_lexstream_fill(&st, &tmp, 0, max);
	*v = tmp.v;
	*keys = tmp.keys;
	*cap = st.cap;
	return tmp.n;
}

/* Tokenize s[0..len) into seq a page at a time when it has more than page tokens (see ar_lexseq.h). */
void
ar_lexseq_build_paged(const char *s, size_t len, size_t page, const ar_allocator *alloc,
					  ar_lexseq *seq)
{
	ar_tokenizer tz;
	ar_token	tok;
	size_t		n = 0,
				ckcap = 16;
	uint32_t   *ck;
	bool		nl = false;

	if (len > UINT32_MAX)
		len = UINT32_MAX;
	if (page < 4 * AR_LEX_CHECKPOINT)
		page = 4 * AR_LEX_CHECKPOINT;
	/* most texts fit a page: build the whole sequence, unless it gets longer than a page */
	{
		size_t		cap = 16;

		memset(seq, 0, sizeof(*seq));
		seq->alloc = alloc;
		seq->v = alloc->realloc_fn(alloc->ctx, NULL, cap * sizeof(ar_lex));
		ar_buf_init(&seq->keys, alloc, (len < 2 * page ? len : 2 * page) / 2 + 16);
		seq->n = seq->nv = lex_fill(s, len, 0, 0, false, page + 1, alloc, &seq->v, &cap, &seq->keys);
		if (seq->n <= page)
			return;
		ar_lexseq_free(seq);
	}
	/* count the tokens, with a checkpoint every AR_LEX_CHECKPOINT of them */
	ck = alloc->realloc_fn(alloc->ctx, NULL, ckcap * 3 * sizeof(uint32_t));
	ar_tokenizer_init(&tz, s, len);
	for (;;)
	{
		size_t		pos = tz.pos,
					cpos = tz.cpos;

		if (!ar_tokenizer_next(&tz, &tok))
			break;
		if (tok.kind == AR_TOK_SPACE)
		{
			if (memchr(s + tok.byte_start, '\n', tok.byte_len) ||
				memchr(s + tok.byte_start, '\r', tok.byte_len))
				nl = true;
			continue;
		}
		AR_CHECK_INTERRUPTS(alloc, n);
		if (n % AR_LEX_CHECKPOINT == 0)
		{
			size_t		k = n / AR_LEX_CHECKPOINT;

			if (k == ckcap)
			{
				ckcap *= 2;
				ck = alloc->realloc_fn(alloc->ctx, ck, ckcap * 3 * sizeof(uint32_t));
			}
			ck[3 * k] = (uint32_t) pos;
			ck[3 * k + 1] = (uint32_t) cpos;
			ck[3 * k + 2] = nl;
		}
		nl = false;
		n++;
	}
	memset(seq, 0, sizeof(*seq));
	seq->alloc = alloc;
	seq->n = n;
	seq->page = page;
	seq->s = s;
	seq->len = len;
	seq->ck = ck;
	seq->v = alloc->realloc_fn(alloc->ctx, NULL, page * sizeof(ar_lex));
	seq->v2 = alloc->realloc_fn(alloc->ctx, NULL, page * sizeof(ar_lex));
	ar_buf_init(&seq->keys, alloc, 1024);
	ar_buf_init(&seq->keys2, alloc, 1024);
	seq->nv = seq->nv2 = 0;
	(void) ar_lexseq_load(seq, 0);
}

/* Load the page holding token i (see ar_lexseq.h). */
const ar_lex *
ar_lexseq_load(ar_lexseq *seq, size_t i)
{
	static const ar_lex none = {"", 0, 0, 0, 0, 0, false, 0};
	ar_lex	   *tv;
	ar_buf		tk;
	size_t		tb,
				tn,
				start,
				k,
				cap;

	if (i >= seq->n || seq->page == 0)
		return &none;
	/* the page before becomes current, the current one the page before */
	tv = seq->v;
	seq->v = seq->v2;
	seq->v2 = tv;
	tk = seq->keys;
	seq->keys = seq->keys2;
	seq->keys2 = tk;
	tb = seq->base;
	seq->base = seq->base2;
	seq->base2 = tb;
	tn = seq->nv;
	seq->nv = seq->nv2;
	seq->nv2 = tn;
	if (i - seq->base < seq->nv)
		return &seq->v[i - seq->base];
	/* a new page from two checkpoints before i (scans go backwards too; further back is the page before) */
	start = i > 2 * AR_LEX_CHECKPOINT ? i - 2 * AR_LEX_CHECKPOINT : 0;
	k = start / AR_LEX_CHECKPOINT;
	cap = seq->page;
	seq->base = k * AR_LEX_CHECKPOINT;
	seq->nv = lex_fill(seq->s, seq->len, seq->ck[3 * k], seq->ck[3 * k + 1], seq->ck[3 * k + 2] != 0,
					   seq->page, seq->alloc, &seq->v, &cap, &seq->keys);
	return &seq->v[i - seq->base];
}

/* First token whose end lies after code point cp: through the checkpoints, then within a stretch of them. */
size_t
ar_lexseq_token_after(const ar_lexseq *seq, size_t cp)
{
	size_t		lo = 0,
				hi = seq->n;

	if (seq->page)
	{
		/* the last checkpoint token starting at or before cp: the answer is at or after it */
		size_t		a = 0,
					b = (seq->n + AR_LEX_CHECKPOINT - 1) / AR_LEX_CHECKPOINT;

		while (b - a > 1)
		{
			size_t		mid = (a + b) / 2;

			if (seq->ck[3 * mid + 1] <= cp)
				a = mid;
			else
				b = mid;
		}
		lo = a * AR_LEX_CHECKPOINT;
		hi = lo + 2 * AR_LEX_CHECKPOINT < seq->n ? lo + 2 * AR_LEX_CHECKPOINT : seq->n;
	}
	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;
		const ar_lex *t = ar_lex_at(seq, mid);

		if (t->char_start + t->char_len <= cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Release the sequence. */
void
ar_lexseq_free(ar_lexseq *seq)
{
	if (seq->v)
	{
		seq->alloc->free_fn(seq->alloc->ctx, seq->v);
		ar_buf_free(&seq->keys);
	}
	if (seq->page)
	{
		seq->alloc->free_fn(seq->alloc->ctx, seq->v2);
		ar_buf_free(&seq->keys2);
		seq->alloc->free_fn(seq->alloc->ctx, seq->ck);
	}
	seq->page = 0;
	seq->v = NULL;
	seq->n = 0;
}

/* True when token i exists and its key equals the NUL-terminated word w. */
bool
ar_lex_is(const ar_lexseq *seq, size_t i, const char *w)
{
	return i < seq->n && strcmp(ar_lex_at(seq, i)->key, w) == 0;
}

/* key is w, or w behind one clitic letter taken from pre (a UTF-8 string of 2-byte Arabic letters). */
bool
ar_lex_key_is(const char *key, const char *w, const char *pre)
{
	size_t		kl = strlen(key),
				wl = strlen(w);
	const char *p;

	if (kl == wl)
		return strcmp(key, w) == 0;
	if (kl != wl + 2 || strcmp(key + 2, w) != 0)
		return false;
	for (p = pre; p[0] && p[1]; p += 2)
		if (key[0] == p[0] && key[1] == p[1])
			return true;
	return false;
}

/* FNV-1a hash of a NUL-terminated string. */
static size_t
hash_key(const char *k)
{
	uint32_t	h = 2166136261u;

	for (; *k; k++)
		h = (h ^ (unsigned char) *k) * 16777619u;
	return h;
}

/* A map for up to n keys. */
void
ar_keymap_init(ar_keymap *m, const ar_allocator *a, size_t n)
{
	m->cap = 16;
	while (m->cap < 2 * n + 2)
		m->cap *= 2;
	m->alloc = a;
	m->keys = a->realloc_fn(a->ctx, NULL, m->cap * sizeof(char *));
	m->vals = a->realloc_fn(a->ctx, NULL, m->cap * sizeof(size_t));
	memset(m->keys, 0, m->cap * sizeof(char *));
}

/* The value slot of key; with insert a new slot holds (size_t) -1; else NULL if absent. */
size_t *
ar_keymap_slot(ar_keymap *m, const char *key, bool insert)
{
	size_t		h = hash_key(key) & (m->cap - 1);

	while (m->keys[h])
	{
		if (strcmp(m->keys[h], key) == 0)
			return &m->vals[h];
		h = (h + 1) & (m->cap - 1);
	}
	if (!insert)
		return NULL;
	m->keys[h] = key;
	m->vals[h] = (size_t) -1;
	return &m->vals[h];
}

/* Free a map. */
void
ar_keymap_free(ar_keymap *m)
{
	m->alloc->free_fn(m->alloc->ctx, m->keys);
	m->alloc->free_fn(m->alloc->ctx, m->vals);
}

