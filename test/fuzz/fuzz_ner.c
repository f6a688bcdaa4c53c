/*
 * fuzz_ner.c
 *    libFuzzer harness of entity extraction: a model with pseudo-random
 *    weights (built in memory, so entities do come out) and a small gazetteer
 *    and the first line of the input as a user row (also put, removed and put
 *    again row by row as the extension's cache does; in a gazetteer of its own,
 *    as the extension passes user rows, and half of it inside the first), and
 *    a name-token table with pseudo-random name-likeness log-odds.  Every
 *    entity must lie inside the input on token boundaries, its code-point span
 *    must agree with its byte span, labels must be valid, scores in [0, 1],
 *    and the model loader must reject any truncated or altered file.
 */
#include <stdlib.h>
#include <string.h>

#include "ar_ner.h"
#include "ar_ner_names.h"

#define NB 1024
#define NV 256					/* vocabulary slots, half of them filled */
#define NN 64					/* name-table slots */
#define NAMES_BYTES (NN * (sizeof(uint64_t) + 1) + AR_NAMES_NGRAMS)

static unsigned char model_file[sizeof(ar_ner_header) +
								(AR_NER_NLABELS + 1) * AR_NER_NLABELS * sizeof(float) +
								NB * AR_NER_NLABELS * sizeof(int16_t) + NAMES_BYTES +
								NV * sizeof(uint32_t)];

/* Build the in-memory model file (deterministic weights). */
static void
build_model(void)
{
	ar_ner_header h;
	size_t		payload = sizeof(model_file) - sizeof(h);
	unsigned char *p = model_file + sizeof(h);
	float		trans[(AR_NER_NLABELS + 1) * AR_NER_NLABELS];
	uint32_t	x = 12345;
	size_t		i;

	for (i = 0; i < sizeof(trans) / sizeof(float); i++)
	{
		x = x * 1103515245u + 12345u;
		trans[i] = (float) ((int) (x >> 16) % 200 - 100) / 100.0f;
	}
	memcpy(p, trans, sizeof(trans));
	for (i = 0; i < (size_t) NB * AR_NER_NLABELS; i++)
	{
		int16_t		w;

		x = x * 1103515245u + 12345u;
		w = (int16_t) ((int) (x >> 16) % 2000 - 1000);
		memcpy(p + sizeof(trans) + i * sizeof(int16_t), &w, sizeof(w));
	}
	{
		/* name tokens (folded) of every kind, their filter, random likeness log-odds */
		static const char *const toks[] = {"بوتين", "لافروف", "الاسد", "موسكو", "روسي", "الهلال", "يورو"};
		uint64_t	tab[NN];
		unsigned char *q = p + sizeof(trans) + (size_t) NB * AR_NER_NLABELS * sizeof(int16_t);

		memset(tab, 0, sizeof(tab));
		for (i = 0; i < sizeof(toks) / sizeof(toks[0]); i++)
			ar_names_put(tab, NN, ar_names_hash(toks[i], strlen(toks[i])),
						 AR_NAMES_PAYLOAD(1u << (i % AR_NAMES_NKINDS), i % 7));
		memcpy(q, tab, sizeof(tab));
		ar_names_filter_build(tab, NN, q + sizeof(tab));
		for (i = 0; i < AR_NAMES_NGRAMS; i++)
		{
			x = x * 1103515245u + 12345u;
			q[sizeof(tab) + NN + i] = (unsigned char) (int8_t) ((int) (x >> 16) % 255 - 127);
		}
	}
	for (i = 0; i < NV; i++)
	{
		uint32_t	v = 0;

		x = x * 1103515245u + 12345u;
		if (i & 1)
			v = AR_NER_VOCAB_ENTRY(x, 1 + (x >> 29) % 6);
		memcpy(p + sizeof(trans) + (size_t) NB * AR_NER_NLABELS * sizeof(int16_t) + NAMES_BYTES +
			   i * sizeof(v), &v, sizeof(v));
	}
	ar_ner_header_init(&h, NB, NN, 0.01f, p, payload);
	memcpy(model_file, &h, sizeof(h));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int	built = 0;
	static const char *names[][2] = {
		{"فلاديمير بوتين", "PER"}, {"موسكو", "LOC"}, {"الأمم المتحدة", "ORG"},
		{"حلف شمال الأطلسي", "ORG"}, {"الكرملين", "ORG"}, {"سيرغي لافروف", "PER"},
	};
	const char *text = (const char *) data;
	ar_ner_model m;
	ar_gazetteer *g,
			   *u;
	ar_ner_entity *e;
	size_t		n,
				i,
				nl;

	if (!built)
	{
		build_model();
		built = 1;
	}
	if (ar_ner_model_open(&m, model_file, sizeof(model_file)) != NULL)
		abort();
	/* a truncated model and one with an input-chosen altered byte are refused */
	if (ar_ner_model_open(&m, model_file, sizeof(model_file) - 1 - (size % 4096)) == NULL)
		abort();
	if (size > 0)
	{
		static unsigned char bad[sizeof(model_file)];
		size_t		at = ((size_t) data[0] * 7919u + size) % sizeof(bad);

		memcpy(bad, model_file, sizeof(bad));
		bad[at] ^= (unsigned char) (data[size - 1] | 1);
		if (ar_ner_model_open(&m, bad, sizeof(bad)) == NULL)
			abort();
	}
	if (ar_ner_model_open(&m, model_file, sizeof(model_file)) != NULL)
		abort();

	g = ar_gaz_create(&ar_malloc_allocator);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		ar_gaz_add(g, names[i][0], strlen(names[i][0]), ar_ner_type_from_name(names[i][1], 3),
				   NULL, 0, 0);
	for (nl = 0; nl < size && data[nl] != '\n'; nl++)
		;
	/* user rows in their own gazetteer (as the extension passes them) and one inside g too */
	u = ar_gaz_create(&ar_malloc_allocator);
	ar_gaz_add(u, text, nl, 1 + (int) (size % 4), text, nl / 2, AR_GAZ_USER);
	if (nl > 0)
		ar_gaz_add(g, text, nl / 2, 1 + (int) ((size / 4) % 4), NULL, 0, AR_GAZ_USER);
	/* the first line and its first half changed row by row as the extension's cache does */
	{
		char	   *line = malloc(nl + 1),
				   *half = malloc(nl / 2 + 1);
		ar_gaz_row	r1 = {line, "ORG", NULL, "user"},
					r2 = {half, "PER", line, "user"};
		ar_buf		k;

		memcpy(line, text, nl);
		line[nl] = '\0';
		memcpy(half, text, nl / 2);
		half[nl / 2] = '\0';
		ar_buf_init(&k, &ar_malloc_allocator, 64);
		(void) ar_gaz_put_row(u, &r1);
		(void) ar_gaz_put_row(u, &r2);
		if (ar_gaz_key(line, strlen(line), &k) > 0)
			(void) ar_gaz_remove(u, k.data, k.len);
		(void) ar_gaz_put_row(u, &r1);
		ar_buf_free(&k);
		free(line);
		free(half);
	}

	/* the gazetteer written as an image and read back tags the same; an altered image never crashes */
	{
		ar_buf		img;
		ar_gazetteer *g2;
		ar_ner_entity *e2;
		uint64_t	rows,
					rowxor;
		const char *err;
		size_t		n2,
					k;

		ar_buf_init(&img, &ar_malloc_allocator, 4096);
		ar_gaz_image_write(g, 7, 0x1234, &img);
		g2 = ar_gaz_image_read(img.data, img.len, &ar_malloc_allocator, &rows, &rowxor, &err);
		if (!g2 || rows != 7 || rowxor != 0x1234)
			abort();
		n = ar_ner_extract(&m, g, u, text, size, &ar_malloc_allocator, &e);
		n2 = ar_ner_extract(&m, g2, u, text, size, &ar_malloc_allocator, &e2);
		if (n2 != n)
			abort();
		for (k = 0; k < n; k++)
			if (e[k].type != e2[k].type || e[k].byte_start != e2[k].byte_start ||
				e[k].byte_len != e2[k].byte_len || strcmp(e[k].canonical, e2[k].canonical) != 0)
				abort();
		ar_ner_entities_free(e, n, &ar_malloc_allocator);
		ar_ner_entities_free(e2, n2, &ar_malloc_allocator);
		ar_gaz_destroy(g2);
		if (size > 0)
		{
			img.data[((size_t) data[0] * 131u + size) % img.len] ^= (char) (data[size - 1] | 1);
			/* half the time behind a valid checksum, so the structural checks are what stands */
			if (size % 2 == 0)
				ar_gaz_image_reseal(img.data, img.len);
			g2 = ar_gaz_image_read(img.data, img.len - (size % 3 == 0 ? 1 : 0), &ar_malloc_allocator,
								   &rows, &rowxor, &err);
			if (g2)
			{
				/* a damaged but accepted image must still be safe to look up and to grow */
				ar_gaz_add(g2, text, nl, 1 + (int) (size % 4), NULL, 0, AR_GAZ_USER);
				n2 = ar_ner_extract(&m, g2, u, text, size, &ar_malloc_allocator, &e2);
				ar_ner_entities_free(e2, n2, &ar_malloc_allocator);
				ar_gaz_destroy(g2);
			}
			else if (err == NULL)
				abort();
		}
		ar_buf_free(&img);
	}

	n = ar_ner_extract(&m, g, u, text, size, &ar_malloc_allocator, &e);
	for (i = 0; i < n; i++)
	{
		if (e[i].type < 1 || e[i].type >= AR_NER_NTYPES)
			abort();
		if (e[i].byte_len == 0 || e[i].byte_start + e[i].byte_len > size)
			abort();
		if (e[i].char_start != ar_utf8_count(text, e[i].byte_start) ||
			e[i].char_len != ar_utf8_count(text + e[i].byte_start, e[i].byte_len))
			abort();
		if (!(e[i].score >= 0.0f && e[i].score <= 1.0f))
			abort();
		if (e[i].canonical == NULL || strlen(e[i].canonical) != e[i].canonical_len)
			abort();
		if (i > 0 && e[i].byte_start < e[i - 1].byte_start + e[i - 1].byte_len)
			abort();
	}
	ar_ner_entities_free(e, n, &ar_malloc_allocator);
	ar_gaz_destroy(g);
	ar_gaz_destroy(u);
	return 0;
}
