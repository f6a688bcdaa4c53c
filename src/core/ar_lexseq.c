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

/* Release the sequence. */
void
ar_lexseq_free(ar_lexseq *seq)
{
	if (seq->v)
	{
		seq->alloc->free_fn(seq->alloc->ctx, seq->v);
		ar_buf_free(&seq->keys);
	}
	seq->v = NULL;
	seq->n = 0;
}

/* True when token i exists and its key equals the NUL-terminated word w. */
bool
ar_lex_is(const ar_lexseq *seq, size_t i, const char *w)
{
	return i < seq->n && strcmp(seq->v[i].key, w) == 0;
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

