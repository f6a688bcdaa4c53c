/*
 * ar_ner_model.c
 *    The model file of the entity tagger: entity type names, the file
 *    checksum, the header a trainer writes and the validation that points an
 *    ar_ner_model into the mapped bytes.  See ar_ner.h for the layout.
 */
#include <string.h>

#include "ar_ner_internal.h"
#include "ar_ner_names.h"

const char *const ar_ner_type_names[AR_NER_NTYPES] = {"O", "PER", "LOC", "ORG", "MISC"};

/* "PER", "PERS", "LOC", "ORG", "MISC" (any case) -> type; 0 when unknown. */
int
ar_ner_type_from_name(const char *s, size_t len)
{
	char		u[8];
	size_t		i;

	if (len == 0 || len > 7)
		return 0;
	for (i = 0; i < len; i++)
		u[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char) (s[i] - 32) : s[i];
	u[len] = '\0';
	if (!strcmp(u, "PER") || !strcmp(u, "PERS"))
		return AR_NER_PER;
	if (!strcmp(u, "LOC"))
		return AR_NER_LOC;
	if (!strcmp(u, "ORG"))
		return AR_NER_ORG;
	if (!strcmp(u, "MISC") || !strcmp(u, "MIS"))
		return AR_NER_MISC;
	return 0;
}

/* 32-bit-word FNV-style checksum of data, continuing from h. */
uint32_t
ar_ner_checksum(uint32_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t		i = 0;

	for (; i + 4 <= len; i += 4)
	{
		uint32_t	w;

		memcpy(&w, p + i, 4);
		h = (h ^ w) * 16777619u;
		h ^= h >> 15;
	}
	for (; i < len; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

/* Checksum of a model file: every header field (checksum taken as 0) and the payload. */
uint32_t
ar_ner_file_checksum(const ar_ner_header *h, const void *payload, size_t len)
{
	ar_ner_header c = *h;

	c.checksum = 0;
	return ar_ner_checksum(ar_ner_checksum(2166136261u, &c, sizeof(c)), payload, len);
}

/* Fill a header for a payload of trans + nbuckets weight rows. */
void
ar_ner_header_init(ar_ner_header *h, uint32_t nbuckets, uint32_t nnames, float scale,
				   const void *payload, size_t len)
{
	memset(h, 0, sizeof(*h));
	memcpy(h->magic, AR_NER_MAGIC, 8);
	h->format = AR_NER_FORMAT;
	h->features = AR_NER_FEATURES;
	h->nlabels = AR_NER_NLABELS;
	h->nbuckets = nbuckets;
	h->nnames = nnames;
	h->scale = scale;
	h->payload = len;
	h->checksum = ar_ner_file_checksum(h, payload, len);
}

/* Validate data[0..len) and point m into it.  NULL on success, else a static message. */
const char *
ar_ner_model_open(ar_ner_model *m, const void *data, size_t len)
{
	ar_ner_header h;
	size_t		tsize = (AR_NER_NLABELS + 1) * AR_NER_NLABELS * sizeof(float);
	uint64_t	vbytes,
				nbytes;

	if (len < sizeof(h))
		return "file too short for a model header";
	memcpy(&h, data, sizeof(h));
	if (memcmp(h.magic, AR_NER_MAGIC, 8) != 0)
		return "bad magic number (not a pg_arabic NER model)";
	if (h.format != AR_NER_FORMAT)
		return "unsupported model format version";
	if (h.features != AR_NER_FEATURES)
		return "model was trained for another feature-extraction version";
	if ((h.nnames & (h.nnames - 1)) != 0 || h.nnames > (1u << 24))
		return "model name table size is not a power of two";
	if (h.nlabels != AR_NER_NLABELS)
		return "model has an unexpected number of labels";
	if (h.nbuckets == 0 || (h.nbuckets & (h.nbuckets - 1)) != 0 || h.nbuckets > (1u << 26))
		return "model bucket count is not a power of two";
	if (h.payload != len - sizeof(h) ||
		h.payload < tsize + (uint64_t) h.nbuckets * AR_NER_NLABELS * sizeof(int16_t))
		return "model file size does not match its header (truncated or corrupt)";
	vbytes = h.payload - tsize - (uint64_t) h.nbuckets * AR_NER_NLABELS * sizeof(int16_t);
	nbytes = h.nnames ? (uint64_t) h.nnames * (sizeof(uint64_t) + 1) + AR_NAMES_NGRAMS : 0;
	if (vbytes < nbytes)
		return "model file size does not match its header (truncated or corrupt)";
	vbytes -= nbytes;
	if (vbytes % sizeof(uint32_t) != 0 || vbytes / sizeof(uint32_t) > (1u << 26) ||
		((vbytes / sizeof(uint32_t)) & (vbytes / sizeof(uint32_t) - 1)) != 0)
		return "model vocabulary table size is not a power of two";
	if (!(h.scale > 0.0f) || !(h.scale < 1e30f))
		return "model weight scale is invalid";
	if (ar_ner_file_checksum(&h, (const char *) data + sizeof(h), len - sizeof(h)) != h.checksum)
		return "model checksum mismatch (corrupt file)";
	m->nbuckets = h.nbuckets;
	m->scale = h.scale;
	m->trans = (const float *) ((const char *) data + sizeof(h));
	m->w = (const int16_t *) ((const char *) data + sizeof(h) + tsize);
	m->nnames = h.nnames;
	m->names = h.nnames ? (const uint64_t *) ((const char *) (m->w) +
											  (size_t) h.nbuckets * AR_NER_NLABELS * sizeof(int16_t))
		: NULL;
	m->names_filter = h.nnames ? (const uint8_t *) (m->names + h.nnames) : NULL;
	m->likeness = h.nnames ? (const int8_t *) (m->names_filter + h.nnames) : NULL;
	m->nvocab = (uint32_t) (vbytes / sizeof(uint32_t));
	m->vocab = m->nvocab ? (const uint32_t *) ((const char *) (m->w) +
											   (size_t) h.nbuckets * AR_NER_NLABELS * sizeof(int16_t) +
											   (size_t) nbytes)
		: NULL;
	return NULL;
}
