/*
 * ar_tagger.c
 *    Named-entity tagger of the core: token analysis (normalized form,
 *    clitic-stripped base, affixes, shape, lexicon class, gazetteer match),
 *    hashed features, Viterbi decoding, the gazetteer hash and entity
 *    canonicalization.  See ar_tagger.h.
 */
#include <string.h>
#include <stdlib.h>

#include "ar_tagger.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include "ar_chars.h"
#include "ar_dates.h"
#include "ar_ner_names.h"
#include "ar_normalize.h"
#include "ar_tokenize.h"

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

/* ------------------------------------------------------------------ */
/* hashing                                                             */
/* ------------------------------------------------------------------ */

/* FNV-1a over bytes. */
static inline uint32_t
fnv(const char *s, size_t n)
{
	uint32_t	h = 2166136261u;

	while (n--)
		h = (h ^ (unsigned char) *s++) * 16777619u;
	return h;
}

/* Mix a template id with a value hash into a feature hash. */
static inline uint32_t
feat(uint32_t tmpl, uint32_t h)
{
	h ^= tmpl * 0x9E3779B1u;
	h ^= h >> 16;
	h *= 0x85EBCA6Bu;
	h ^= h >> 13;
	h *= 0xC2B2AE35u;
	h ^= h >> 16;
	return h;
}

/* 32-bit-word FNV-style checksum of data, continuing from h. */
static uint32_t
checksum(uint32_t h, const void *data, size_t len)
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

/* e^x for x <= 0 (2^f polynomial with exponent bits), so the core needs no libm. */
static float
exp_nonpos(float x)
{
	float		t,
				f,
				p;
	int			i;
	union
	{
		float		f;
		uint32_t	u;
	}			v;

	if (x < -80.0f)
		return 0.0f;
	if (x > 0.0f)
		x = 0.0f;
	t = x * 1.44269504f;
	i = (int) t;
	if ((float) i > t)
		i--;
	f = t - (float) i;
	p = 1.0f + f * (0.6931472f + f * (0.2402265f + f * (0.0555041f + f * (0.0096181f + f * 0.0013334f))));
	v.u = (uint32_t) (i + 127) << 23;
	return p * v.f;
}

/* Checksum of a model file: every header field (checksum taken as 0) and the payload. */
uint32_t
ar_ner_file_checksum(const ar_ner_header *h, const void *payload, size_t len)
{
	ar_ner_header c = *h;

	c.checksum = 0;
	return checksum(checksum(2166136261u, &c, sizeof(c)), payload, len);
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
	nbytes = h.nnames ? (uint64_t) h.nnames * sizeof(uint64_t) + AR_NAMES_NGRAMS : 0;
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
	m->likeness = h.nnames ? (const int8_t *) (m->names + h.nnames) : NULL;
	m->nvocab = (uint32_t) (vbytes / sizeof(uint32_t));
	m->vocab = m->nvocab ? (const uint32_t *) ((const char *) (m->w) +
											   (size_t) h.nbuckets * AR_NER_NLABELS * sizeof(int16_t) +
											   (size_t) nbytes)
		: NULL;
	return NULL;
}

/* ------------------------------------------------------------------ */
/* normalization of tokens                                             */
/* ------------------------------------------------------------------ */

#define CP_ALEF		0x0627
#define CP_LAM		0x0644
#define CP_WAW		0x0648
#define CP_FEH		0x0641
#define CP_BEH		0x0628
#define CP_KAF		0x0643
#define CP_YEH		0x064A
#define CP_HEH		0x0647
#define CP_HAMZA	0x0621
#define CP_MEEM		0x0645
#define CP_NOON		0x0646

/* Fold one code point the way search normalization does; 0 = dropped. */
static inline uint32_t
fold_cp(uint32_t c)
{
	c = ar_norm_fold_cp(c, AR_PROFILE_SEARCH);
	if (c >= 0x0600 && c <= 0x06FF)
		c = ar_norm_fold_cp(c, AR_PROFILE_SEARCH);
	if (c >= 'A' && c <= 'Z')
		c += 32;
	return c;
}

/* Append the folded form of s[0..len) to out; returns the number of code points. */
static size_t
fold_into(const char *s, size_t len, ar_buf *out)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0,
				n = 0;

	while (i < len)
	{
		int			adv;
		uint32_t	c = ar_utf8_decode(p + i, len - i, &adv);

		i += adv;
		c = fold_cp(c);
		if (c == 0)
			continue;
		ar_buf_append_cp(out, c);
		n++;
	}
	return n;
}

/* Code point at byte offset *i of s (len bytes), advancing *i. */
static inline uint32_t
next_cp(const char *s, size_t len, size_t *i)
{
	int			adv;
	uint32_t	c = ar_utf8_decode((const unsigned char *) s + *i, len - *i, &adv);

	*i += adv;
	return c;
}

/*
 * Whether folded s[0..len) is all Arabic letters.  Callers then index it two
 * bytes per letter (ar_at), which holds for U+0600..U+07FF; the few letters of
 * the Arabic Extended blocks (U+0870.., U+08A0..) that folding keeps take three
 * bytes, so features of such rare words are computed on shifted letters (the
 * reads stay within the string).
 */
static bool
all_arabic(const char *s, size_t len)
{
	size_t		i = 0;

	if (len == 0)
		return false;
	while (i < len)
	{
		const unsigned char *p = (const unsigned char *) s + i;
		uint32_t	c;

		/* two-byte sequences of U+0600..U+077F inline, anything else through the decoder */
		if (p[0] >= 0xD8 && p[0] <= 0xDD && i + 1 < len && (p[1] & 0xC0) == 0x80)
		{
			c = ((uint32_t) (p[0] & 0x1F) << 6) | (p[1] & 0x3F);
			i += 2;
		}
		else
			c = next_cp(s, len, &i);
		if (!ar_is_letter(c))
			return false;
	}
	return true;
}

/* Arabic letter at letter index k of an all-Arabic folded string. */
static inline uint32_t
ar_at(const char *s, size_t k)
{
	const unsigned char *p = (const unsigned char *) s + 2 * k;

	return ((uint32_t) (p[0] & 0x1F) << 6) | (p[1] & 0x3F);
}

/*
 * Clitic prefixes of a folded all-Arabic word: conjunction و/ف, preposition
 * ب/ل/ك, article ال, and ل+ال written لل.  Returns the byte offset of the
 * base and a small code describing what was stripped; at least 3 letters
 * are always left.  Pronoun suffixes are not stripped: the base's suffix
 * features see them instead (names ending in ه/ها are too common).
 */
static size_t
strip_prefixes(const char *s, size_t len, int *code)
{
	size_t		n = len / 2,
				k = 0;
	int			c = 0;

	if (n >= 4 && (ar_at(s, 0) == CP_WAW || ar_at(s, 0) == CP_FEH))
	{
		c = ar_at(s, 0) == CP_WAW ? 1 : 2;
		k = 1;
	}
	if (n - k >= 4 && ar_at(s, k) == CP_LAM && ar_at(s, k + 1) == CP_LAM)
	{
		k += 2;
		c = c * 8 + 3;
	}
	else
	{
		if (n - k >= 4 && (ar_at(s, k) == CP_BEH || ar_at(s, k) == CP_KAF ||
						   ar_at(s, k) == CP_LAM) &&
			ar_at(s, k + 1) == CP_ALEF && ar_at(s, k + 2) == CP_LAM)
		{
			c = c * 8 + (ar_at(s, k) == CP_BEH ? 4 : ar_at(s, k) == CP_KAF ? 5 : 6);
			k += 1;
		}
		if (n - k >= 4 && ar_at(s, k) == CP_ALEF && ar_at(s, k + 1) == CP_LAM)
		{
			k += 2;
			c = c * 8 + 7;
		}
	}
	*code = c;
	return 2 * k;
}

/* ------------------------------------------------------------------ */
/* lexicon classes (folded spellings: no hamza seats, ة -> ه, ى -> ي)    */
/* ------------------------------------------------------------------ */

enum
{
	LEX_NONE = 0, LEX_TITLE, LEX_ORGHEAD, LEX_LOCHEAD, LEX_NISBA, LEX_SAY, LEX_TIME, LEX_AGENCY
};

typedef struct lexword
{
	const char *w;
	size_t		len;
	int			cls;
} lexword;

#define LW(w, c) {w, sizeof(w) - 1, c}

/*
 * Words compared against the clitic-stripped base of a token: titles and roles
 * preceding names (LEX_TITLE), organisation heads (LEX_ORGHEAD), place heads
 * (LEX_LOCHEAD), speech verbs around person names (LEX_SAY), time words that
 * are never names (LEX_TIME), news agencies and bylines (LEX_AGENCY).  Sorted
 * by byte length, then bytes (lex_lookup searches it by halving; the unit test
 * ner_lexicon_sorted checks the order).
 */
static const lexword lexicon[] = {
	/* 2 letters */
	LW("حي", LEX_LOCHEAD),
	/* 3 letters */
	LW("احد", LEX_TIME), LW("اكد", LEX_SAY), LW("امس", LEX_TIME), LW("بحر", LEX_LOCHEAD),
	LW("بنك", LEX_ORGHEAD), LW("جبل", LEX_LOCHEAD), LW("جزر", LEX_LOCHEAD), LW("جيش", LEX_ORGHEAD),
	LW("حزب", LEX_ORGHEAD), LW("حلف", LEX_ORGHEAD), LW("دعا", LEX_SAY), LW("سبت", LEX_TIME),
	LW("سيد", LEX_TITLE), LW("شيخ", LEX_TITLE), LW("صرح", LEX_SAY), LW("عام", LEX_TIME),
	LW("قال", LEX_SAY), LW("ملك", LEX_TITLE), LW("نجم", LEX_TITLE), LW("نهر", LEX_LOCHEAD),
	LW("واس", LEX_AGENCY), LW("وفا", LEX_AGENCY), LW("يوم", LEX_TIME),
	/* 4 letters */
	LW("اشار", LEX_SAY), LW("اضاف", LEX_SAY), LW("اعرب", LEX_SAY), LW("اعلن", LEX_SAY),
	LW("اكدت", LEX_SAY), LW("امام", LEX_TITLE), LW("امير", LEX_TITLE), LW("امين", LEX_TITLE),
	LW("اوضح", LEX_SAY), LW("بابا", LEX_TITLE), LW("بلده", LEX_LOCHEAD), LW("جبهه", LEX_ORGHEAD),
	LW("جمعه", LEX_TIME), LW("حاكم", LEX_TITLE), LW("حركه", LEX_ORGHEAD), LW("خليج", LEX_LOCHEAD),
	LW("خميس", LEX_TIME), LW("دوله", LEX_LOCHEAD), LW("رءيس", LEX_TITLE), LW("زعيم", LEX_TITLE),
	LW("سانا", LEX_AGENCY), LW("سفير", LEX_TITLE), LW("سيده", LEX_TITLE), LW("شارع", LEX_LOCHEAD),
	LW("شاعر", LEX_TITLE), LW("شركه", LEX_ORGHEAD), LW("صباح", LEX_TIME), LW("عقيد", LEX_TITLE),
	LW("عميد", LEX_TITLE), LW("فنان", LEX_TITLE), LW("قاءد", LEX_TITLE), LW("قاضي", LEX_TITLE),
	LW("قالت", LEX_SAY), LW("قريه", LEX_LOCHEAD), LW("قناه", LEX_ORGHEAD), LW("كاتب", LEX_TITLE),
	LW("كليه", LEX_ORGHEAD), LW("لاعب", LEX_TITLE), LW("لجنه", LEX_ORGHEAD), LW("لواء", LEX_TITLE),
	LW("مارس", LEX_TIME), LW("مايو", LEX_TIME), LW("مجلس", LEX_ORGHEAD), LW("مجمع", LEX_ORGHEAD),
	LW("مخرج", LEX_TITLE), LW("مخيم", LEX_LOCHEAD), LW("مدرب", LEX_TITLE), LW("مدير", LEX_TITLE),
	LW("مرشح", LEX_TITLE), LW("مركز", LEX_ORGHEAD), LW("مساء", LEX_TIME), LW("مصرف", LEX_ORGHEAD),
	LW("مطار", LEX_LOCHEAD), LW("معهد", LEX_ORGHEAD), LW("مفوض", LEX_TITLE), LW("ملكه", LEX_TITLE),
	LW("ممثل", LEX_TITLE), LW("موفد", LEX_TITLE), LW("ناءب", LEX_TITLE), LW("نادي", LEX_ORGHEAD),
	LW("ناطق", LEX_TITLE), LW("نايب", LEX_TITLE), LW("نظير", LEX_TITLE), LW("هيءه", LEX_ORGHEAD),
	LW("وزير", LEX_TITLE),
	/* 5 letters */
	LW("ابريل", LEX_TIME), LW("اتحاد", LEX_ORGHEAD), LW("اثنين", LEX_TIME), LW("اذاعه", LEX_ORGHEAD),
	LW("استاذ", LEX_TITLE), LW("اضافت", LEX_SAY), LW("اعلنت", LEX_SAY), LW("اغسطس", LEX_TIME),
	LW("اقليم", LEX_LOCHEAD), LW("التقي", LEX_SAY), LW("اماره", LEX_LOCHEAD), LW("اميره", LEX_TITLE),
	LW("ايتار", LEX_AGENCY), LW("تحالف", LEX_ORGHEAD), LW("جامعه", LEX_ORGHEAD), LW("جزيره", LEX_LOCHEAD),
	LW("جمعيه", LEX_ORGHEAD), LW("جنرال", LEX_TITLE), LW("دكتور", LEX_TITLE), LW("رءيسه", LEX_TITLE),
	LW("رابطه", LEX_ORGHEAD), LW("سفيره", LEX_TITLE), LW("صحيفه", LEX_ORGHEAD), LW("صندوق", LEX_ORGHEAD),
	LW("عاصمه", LEX_LOCHEAD), LW("فرانس", LEX_AGENCY), LW("فنانه", LEX_TITLE), LW("قاعده", LEX_LOCHEAD),
	LW("مؤتمر", LEX_ORGHEAD), LW("مؤسسه", LEX_ORGHEAD), LW("مبعوث", LEX_TITLE), LW("متحدث", LEX_TITLE),
	LW("محامي", LEX_TITLE), LW("محكمه", LEX_ORGHEAD), LW("مديره", LEX_TITLE), LW("مدينه", LEX_LOCHEAD),
	LW("مرشحه", LEX_TITLE), LW("مساعد", LEX_TITLE), LW("معارض", LEX_TITLE), LW("مفوضه", LEX_TITLE),
	LW("مملكه", LEX_LOCHEAD), LW("مندوب", LEX_TITLE), LW("منطقه", LEX_LOCHEAD), LW("منظمه", LEX_ORGHEAD),
	LW("موتمر", LEX_ORGHEAD), LW("موسسه", LEX_ORGHEAD), LW("ميناء", LEX_LOCHEAD), LW("نظيره", LEX_TITLE),
	LW("نقابه", LEX_ORGHEAD), LW("وزاره", LEX_ORGHEAD), LW("وزيره", LEX_TITLE), LW("وكاله", LEX_ORGHEAD),
	LW("ولايه", LEX_LOCHEAD), LW("يناير", LEX_TIME), LW("يوليو", LEX_TIME), LW("يونيو", LEX_TIME),
	/* 6 letters */
	LW("اربعاء", LEX_TIME), LW("استقبل", LEX_SAY), LW("اكتوبر", LEX_TIME), LW("برلمان", LEX_ORGHEAD),
	LW("ثلاثاء", LEX_TIME), LW("ديسمبر", LEX_TIME), LW("رويترز", LEX_AGENCY), LW("سبتمبر", LEX_TIME),
	LW("شينخوا", LEX_AGENCY), LW("فبراير", LEX_TIME), LW("متحدثه", LEX_TITLE), LW("مجموعه", LEX_ORGHEAD),
	LW("محافظه", LEX_LOCHEAD), LW("مستشار", LEX_TITLE), LW("مندوبه", LEX_TITLE), LW("نوفمبر", LEX_TIME),
	/* 7 letters */
	LW("اسوشيتد", LEX_AGENCY), LW("جمهوريه", LEX_LOCHEAD), LW("مستشاره", LEX_TITLE),
	/* 8 letters */
	LW("بروفيسور", LEX_TITLE),
	/* 19 bytes */
	LW("رءيس_وزراء", LEX_TITLE),
};

#define NLEXICON (sizeof(lexicon) / sizeof(lexicon[0]))

/* Order of lexicon words: byte length, then bytes. */
static int
lex_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	if (alen != blen)
		return alen < blen ? -1 : 1;
	return memcmp(a, b, alen);
}

/* Lexicon class of a clitic-stripped base, by halving over the sorted lexicon; LEX_NONE when absent. */
static int
lex_lookup(const char *base, size_t blen)
{
	size_t		lo = 0,
				hi = NLEXICON;

	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2;
		int			c = lex_cmp(lexicon[mid].w, lexicon[mid].len, base, blen);

		if (c == 0)
			return lexicon[mid].cls;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return LEX_NONE;
}

/* Index of the first lexicon word out of order, or -1 when the lexicon is sorted (for the unit tests). */
int
ar_ner_lexicon_unsorted(void)
{
	size_t		k;

	for (k = 1; k < NLEXICON; k++)
		if (lex_cmp(lexicon[k - 1].w, lexicon[k - 1].len, lexicon[k].w, lexicon[k].len) >= 0)
			return (int) k;
	return -1;
}

/*
 * Nationality and regional adjectives (folded masculine singular): a lone one
 * is never a person, also indefinite (مسؤول روسي, دبلوماسيون غربيون), which
 * the ال...ي pattern of lex_class does not see.  Ambiguous ones (مالي
 * financial, غاني rich) are left out.
 */
static const char *const demonyms[] = {
	"روسي", "امريكي", "اميركي", "فرنسي", "بريطاني", "الماني", "صيني", "ياباني", "هندي",
	"باكستاني", "افغاني", "ايراني", "تركي", "عراقي", "سوري", "لبناني", "اردني", "فلسطيني",
	"اسراءيلي", "مصري", "سعودي", "قطري", "اماراتي", "كويتي", "بحريني", "عماني", "يمني",
	"سوداني", "ليبي", "تونسي", "جزاءري", "مغربي", "موريتاني", "صومالي", "اثيوبي", "اريتري",
	"كيني", "نيجيري", "ايطالي", "اسباني", "برتغالي", "يوناني", "هولندي", "بلجيكي", "سويسري",
	"نمساوي", "سويدي", "نرويجي", "دنماركي", "فنلندي", "بولندي", "تشيكي", "مجري", "روماني",
	"بلغاري", "صربي", "كرواتي", "اوكراني", "بيلاروسي", "جورجي", "ارميني", "اذربيجاني",
	"كازاخي", "اوزبكي", "كوري", "فيتنامي", "تايلاندي", "اندونيسي", "ماليزي", "فلبيني",
	"استرالي", "كندي", "مكسيكي", "برازيلي", "ارجنتيني", "تشيلي", "كولومبي", "فنزويلي", "كوبي",
	"بيروفي", "اوروبي", "افريقي", "اسيوي", "عربي", "خليجي", "اسكتلندي", "ايرلندي", "كردي",
	"شيشاني", "قبرصي", "سنغالي", "كاميروني", "ايفواري", "اوغندي", "تنزاني", "رواندي",
	"كونغولي", "نيوزيلندي", "سريلانكي", "بنغالي", "نيبالي", "سنغافوري", "امازيغي", "غربي",
	NULL
};

/* Whether folded s[0..len) is one of the NUL-terminated list words. */
static bool
in_list(const char *const *list, const char *s, size_t len)
{
	for (; *list; list++)
		if (strlen(*list) == len && memcmp(*list, s, len) == 0)
			return true;
	return false;
}

/* Whether a folded clitic-stripped base is a demonym, also feminine, dual or plural (روسيه, روسيان, روسيون, روسيين, روسيات). */
static bool
is_demonym(const char *b, size_t blen)
{
	static const char *const endings[] = {"", "ه", "ان", "ين", "ون", "ات", NULL};
	const char *const *e;

	for (e = endings; *e; e++)
	{
		size_t		el = strlen(*e);

		if (blen > el && memcmp(b + blen - el, *e, el) == 0 && in_list(demonyms, b, blen - el))
			return true;
	}
	return false;
}


/* Lexicon class of a folded word; nationality adjectives by list and by pattern (ال...ي / ال...يه). */
static int
lex_class(const char *full, size_t flen, const char *base, size_t blen)
{
	int			cls = lex_lookup(base, blen);

	if (cls != LEX_NONE)
		return cls;

	/* ar_at reads 2 bytes per letter: within flen bytes whatever the text; all_arabic last, as it is dearer */
	if (flen >= 10 && ar_at(full, 0) == CP_ALEF && ar_at(full, 1) == CP_LAM)
	{
		size_t		n = flen / 2;

		if ((ar_at(full, n - 1) == CP_YEH ||
			 (ar_at(full, n - 1) == CP_HEH && ar_at(full, n - 2) == CP_YEH)) &&
			all_arabic(full, flen))
			return LEX_NISBA;
	}
	return LEX_NONE;
}

/* ------------------------------------------------------------------ */
/* gazetteer                                                           */
/* ------------------------------------------------------------------ */

typedef struct gaz_entry
{
	uint32_t	key_off,
				key_len;
	uint32_t	canon_off,
				canon_len;
	uint32_t	flags;
	uint32_t	hash;
	uint8_t		type;
	uint8_t		nwords;
} gaz_entry;

#define SKEL_AMBIG 0xFFFFFFFFu

struct ar_gazetteer
{
	const ar_allocator *alloc;
	gaz_entry  *ents;
	size_t		nents,
				entcap;
	uint32_t   *idx;			/* open addressing by key: entry index + 1 */
	uint32_t   *skel;			/* open addressing by skeleton: entry index + 1 or AMBIG */
	uint32_t   *skelhash;		/* skeleton hash per skel slot */
	size_t		cap;			/* slots in idx and skel, power of two */
	ar_buf		pool;
	int			maxwords;
	/* word table: each word of each name, with the BIO label it has there */
	struct gaz_word *words;
	size_t		wcap,
				nwords;
};

/* One word of the names: per label 1..8, the folds it comes from (bit 15: a shipped/user row). */
typedef struct gaz_word
{
	uint32_t	hash;
	uint32_t	off;
	uint32_t	len;
	uint16_t	folds[AR_NER_NLABELS];
} gaz_word;

#define WORD_EXTERNAL 0x8000u

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

/* Sort rows into the cache's row order and add them (see ar_tagger.h). */
void
ar_gaz_add_rows(ar_gazetteer *g, ar_gaz_row *rows, size_t n)
{
	size_t		i;

	qsort(rows, n, sizeof(ar_gaz_row), row_cmp);
	for (i = 0; i < n; i++)
	{
		const ar_gaz_row *r = &rows[i];

		AR_CHECK_INTERRUPTS(g->alloc, i);
		(void) ar_gaz_add(g, r->surface, strlen(r->surface),
						  ar_ner_type_from_name(r->label, strlen(r->label)),
						  r->canon ? r->canon : "", r->canon ? strlen(r->canon) : 0,
						  origin_flags(r->origin));
	}
}

/* Parse one line of the shipped gazetteer file into row (see ar_tagger.h). */
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

/* 64-bit hash of a row (see ar_tagger.h). */
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
	uint32_t	entsize,		/* sizeof(gaz_entry), sizeof(gaz_word): layout check */
				wordsize;
	uint64_t	rows,			/* fingerprint of the rows it was built from: */
				rowsum;			/* count, and sum of row hashes modulo 2^64 */
	uint64_t	nents,
				cap,
				wcap,
				nwords,
				poollen,
				maxwords;
	uint64_t	checksum;		/* checksum() of the header (this field 0) and the tables */
} gaz_image_header;

/* Checksum of an image: its header with the checksum field zeroed, then its tables. */
static uint64_t
image_checksum(const gaz_image_header *hdr, const char *tables, size_t len)
{
	gaz_image_header h = *hdr;

	h.checksum = 0;
	return checksum(checksum(2166136261u, &h, sizeof(h)), tables, len);
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

/* Write g as an image (see ar_tagger.h). */
void
ar_gaz_image_write(const ar_gazetteer *g, uint64_t rows, uint64_t rowsum, ar_buf *out)
{
	gaz_image_header h;
	size_t		start;

	memset(&h, 0, sizeof(h));
	memcpy(h.magic, GAZ_IMAGE_MAGIC, 8);
	h.entsize = (uint32_t) sizeof(gaz_entry);
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
		ar_buf_append(out, (const char *) g->ents, g->nents * sizeof(gaz_entry));
	ar_buf_append(out, (const char *) g->idx, g->cap * sizeof(uint32_t));
	ar_buf_append(out, (const char *) g->skel, g->cap * sizeof(uint32_t));
	ar_buf_append(out, (const char *) g->skelhash, g->cap * sizeof(uint32_t));
	if (g->wcap)
		ar_buf_append(out, (const char *) g->words, g->wcap * sizeof(gaz_word));
	ar_buf_append(out, g->pool.data, g->pool.len);
	h.checksum = image_checksum(&h, out->data + start, out->len - start);
	memcpy(out->data + start - sizeof(h), &h, sizeof(h));
}

/* Read an image into a new gazetteer (see ar_tagger.h). */
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
	if (h.entsize != sizeof(gaz_entry) || h.wordsize != sizeof(gaz_word))
		return (*err = "image written by a build with another layout", NULL);
	/* divisions, not products: a crafted count must not wrap around */
	if (h.cap < 2 || h.cap > ((uint64_t) 1 << 28) || (h.cap & (h.cap - 1)) ||
		(h.wcap && (h.wcap > ((uint64_t) 1 << 28) || (h.wcap & (h.wcap - 1)))) ||
		h.nents > h.cap / 2 || h.nwords > h.wcap / 2 || h.poollen >= UINT32_MAX ||
		h.maxwords > 255)
		return (*err = "image sizes out of range", NULL);
	need = h.nents * sizeof(gaz_entry) + 3 * h.cap * sizeof(uint32_t) +
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
	g->ents = h.nents ? dup_bytes(alloc, p, h.nents * sizeof(gaz_entry)) : NULL;
	p += h.nents * sizeof(gaz_entry);
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
		const gaz_entry *e = &g->ents[i];

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
	if (*err)
	{
		ar_gaz_destroy(g);
		return NULL;
	}
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

/* Split one line of a gazetteer file in place (see ar_tagger.h). */
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
static int
gaz_prio(uint32_t flags)
{
	if (flags & AR_GAZ_USER)
		return 2;
	return (flags & AR_GAZ_FOLDS) ? 0 : 1;
}

/*
 * Spelling skeleton of a folded key: inner long vowels and hamza dropped
 * (الكرملين / الكريملن, الامريكي / الاميركي), غ/ج/ق merged (سيرغي / سيرجي).
 */
static void
skeleton(const char *key, size_t len, ar_buf *out)
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
		const gaz_entry *e = &g->ents[g->idx[i] - 1];

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
	size_t		mask = g->cap - 1,
				i = h & mask;

	while (g->skel[i] && g->skelhash[i] != h)
		i = (i + 1) & mask;
	return i;
}

/* Register entry ei under its skeleton, resolving conflicts by priority. */
static void
skel_insert(ar_gazetteer *g, uint32_t ei)
{
	const gaz_entry *e = &g->ents[ei];
	ar_buf		b;
	uint32_t	h;
	size_t		s;

	ar_buf_init(&b, g->alloc, 64);
	skeleton(g->pool.data + e->key_off, e->key_len, &b);
	if (b.len < 6)
	{
		ar_buf_free(&b);
		return;
	}
	h = fnv(b.data, b.len) | 1u;
	ar_buf_free(&b);
	s = skel_slot(g, h);
	if (!g->skel[s])
	{
		g->skelhash[s] = h;
		g->skel[s] = ei + 1;
	}
	else if (g->skel[s] != SKEL_AMBIG && g->skel[s] != ei + 1)
	{
		const gaz_entry *o = &g->ents[g->skel[s] - 1];
		int			po = gaz_prio(o->flags),
					pn = gaz_prio(e->flags);

		if (pn > po)
			g->skel[s] = ei + 1;
		else if (pn == po &&
				 (o->type != e->type || o->canon_len != e->canon_len ||
				  memcmp(g->pool.data + o->canon_off, g->pool.data + e->canon_off,
						 e->canon_len) != 0))
			g->skel[s] = SKEL_AMBIG;
	}
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
		gaz_entry  *e = &g->ents[i];

		g->idx[gaz_slot(g, g->pool.data + e->key_off, e->key_len, e->hash)] = (uint32_t) i + 1;
	}
	for (i = 0; i < g->nents; i++)
		skel_insert(g, (uint32_t) i);
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
		if (fold_into(s + t.byte_start, t.byte_len, out) == 0)
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
	}
	slot = word_slot(g, w, len, h);
	if (!g->words[slot].len)
	{
		g->words[slot].hash = h;
		g->words[slot].off = (uint32_t) g->pool.len;
		g->words[slot].len = (uint32_t) len;
		ar_buf_append(&g->pool, w, len);
		g->nwords++;
	}
	g->words[slot].folds[lab] |= bits;
}

/* Whether a folded word occurs in any name (all folds). */
static bool
word_present(const ar_gazetteer *g, const char *w, size_t len)
{
	if (!g || !g->nwords || len == 0)
		return false;
	return g->words[word_slot(g, w, len, fnv(w, len))].len != 0;
}

/* Labels (bit l for label l) a folded word has in the names, honouring the fold exclusion. */
static uint32_t
word_labels(const ar_gazetteer *g, const char *w, size_t len, int exclude_fold)
{
	size_t		slot;
	uint32_t	r = 0;
	int			l;

	if (!g || !g->nwords)
		return 0;
	slot = word_slot(g, w, len, fnv(w, len));
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
	ar_buf		k;
	int			nw;
	uint32_t	h;
	size_t		slot;
	gaz_entry  *e;
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
		if (gaz_prio(flags) < gaz_prio(e->flags))
			return true;
		if (gaz_prio(flags) == 0 && gaz_prio(e->flags) == 0)
			flags |= e->flags & AR_GAZ_FOLDS;
	}
	else
	{
		if (g->nents == g->entcap)
		{
			g->entcap = g->entcap ? g->entcap * 2 : 256;
			g->ents = g->alloc->realloc_fn(g->alloc->ctx, g->ents, g->entcap * sizeof(gaz_entry));
		}
		g->idx[slot] = (uint32_t) ++g->nents;
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
		ar_buf_free(&kc);
	}
	return true;
}

/* Entry for a folded key, honouring the fold exclusion; NULL when absent. */
static const gaz_entry *
gaz_find(const ar_gazetteer *g, const char *key, size_t len, int exclude_fold)
{
	const gaz_entry *e;
	size_t		slot;

	if (!g || g->nents == 0)
		return NULL;
	slot = gaz_slot(g, key, len, fnv(key, len));
	if (!g->idx[slot])
		return NULL;
	e = &g->ents[g->idx[slot] - 1];
	if (exclude_fold >= 0 && (e->flags & AR_GAZ_FOLDS) &&
		(e->flags & AR_GAZ_FOLDS & ~(1u << exclude_fold)) == 0)
		return NULL;
	return e;
}

/* Entry registered under the skeleton of a folded key; NULL when absent or ambiguous. */
static const gaz_entry *
gaz_find_skel(const ar_gazetteer *g, const char *key, size_t len)
{
	ar_buf		b;
	uint32_t	h;
	size_t		s;

	if (!g || g->nents == 0)
		return NULL;
	ar_buf_init(&b, g->alloc, len + 8);
	skeleton(key, len, &b);
	h = fnv(b.data, b.len) | 1u;
	ar_buf_free(&b);
	s = skel_slot(g, h);
	if (!g->skel[s] || g->skel[s] == SKEL_AMBIG)
		return NULL;
	return &g->ents[g->skel[s] - 1];
}

/* ------------------------------------------------------------------ */
/* sequence analysis and features                                      */
/* ------------------------------------------------------------------ */

enum
{
	SH_ARABIC = 1, SH_LATIN, SH_DIGIT, SH_PUNCT, SH_OTHER, SH_MIXED
};

typedef struct tokinfo
{
	uint32_t	off,
				len;			/* folded form in q->pool */
	uint32_t	boff,
				blen;			/* clitic-stripped base in q->pool */
	uint32_t	hw,
				hb;
	uint8_t		shape,
				lenb,
				clitic,
				lex,
				gazf,
				gazb;
	uint8_t		gazlen;			/* length in tokens of the gazetteer match gaz */
	uint8_t		freq;			/* training-text frequency class of the base (0: not known) */
	const gaz_entry *gaz;		/* longest gazetteer match starting here */
	uint16_t	wl;				/* labels this word has inside known names (bit per label) */
	uint32_t	doff;			/* folded form with its digits in q->pool (off but for numbers) */
	uint32_t	names;			/* name-table payload (ar_ner_names.h), 0: in no list */
} tokinfo;

struct ar_ner_seq
{
	const ar_allocator *alloc;
	size_t		n;
	tokinfo    *t;
	ar_buf		pool;
};

/* Shape class of a raw token. */
static int
shape_of(const char *s, size_t len)
{
	size_t		i = 0;
	int			ar = 0,
				la = 0,
				dg = 0,
				ot = 0;

	while (i < len)
	{
		uint32_t	c = next_cp(s, len, &i);

		if (ar_is_letter(c) || ar_is_mark(c) || c == AR_TATWEEL)
			ar++;
		else if ((c | 32) >= 'a' && (c | 32) <= 'z')
			la++;
		else if ((c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9))
			dg++;
		else
			ot++;
	}
	if (ar && !la && !dg && !ot)
		return SH_ARABIC;
	if (la && !ar && !ot)
		return SH_LATIN;
	if (dg && !ar && !la)
		return SH_DIGIT;
	if (!ar && !la && !dg)
		return SH_PUNCT;
	return (ar && (la || dg || ot)) ? SH_MIXED : SH_OTHER;
}

/* Hash of the first/last k code points of a folded string (0 when shorter). */
static void
affix_hashes(const char *s, size_t len, uint32_t *pre, uint32_t *suf, int kmax)
{
	size_t		offs[64];
	size_t		n = 0,
				i = 0;
	int			k;

	while (i < len && n < 63)
	{
		offs[n++] = i;
		(void) next_cp(s, len, &i);
	}
	offs[n] = i;
	if (i < len)				/* very long token: affixes from the first 63 only */
		len = i;
	for (k = 1; k <= kmax; k++)
	{
		if (pre)
			pre[k - 1] = ((size_t) k < n) ? fnv(s, offs[k]) : 0;
		if (suf)
			suf[k - 1] = ((size_t) k < n) ? fnv(s + offs[n - k], len - offs[n - k]) : 0;
	}
}

static size_t canon_candidates(const char *w, size_t len, int type, char cands[][256],
							   size_t *clens);

/*
 * Gazetteer matches of q in g: the longest match at each position, on the
 * folded or base first word.  Only runs of words that occur in some name can
 * match, so the word table bounds the lengths tried (most positions try
 * none).  With features, a match sets the token's gazetteer features (the
 * shipped rows, as in training); without, it only records the entry and its
 * length where a match starts (the user rows, which override the model on
 * their span but never act as features).
 */
static void
gaz_match(ar_ner_seq *q, const ar_gazetteer *g, int exclude_fold, bool features)
{
	const ar_allocator *alloc = q->alloc;
	size_t		n = q->n,
				i;
	ar_buf		key;
	bool	   *inname;

	ar_buf_init(&key, alloc, 256);
	inname = alloc->realloc_fn(alloc->ctx, NULL, (n ? n : 1));
	for (i = 0; i < n; i++)
		inname[i] = q->t[i].shape != SH_PUNCT &&
			word_present(g, q->pool.data + q->t[i].off, q->t[i].len);
	for (i = 0; i < n; i++)
	{
		tokinfo    *t = &q->t[i];
		const gaz_entry *found = NULL;
		char		vars[4][256];
		size_t		vlens[4],
					nv,
					v;
		unsigned	present = 0;
		int			k,
					j,
					maxk = 1;

		if (t->shape == SH_PUNCT || t->len >= 240)
			continue;
		/* the word as written, then with its proclitics stripped (بالقاهرة, لأوباما, وموسكو) */
		memcpy(vars[0], q->pool.data + t->off, t->len);
		vlens[0] = t->len;
		nv = 1 + canon_candidates(vars[0], t->len, AR_NER_LOC, vars + 1, vlens + 1);
		for (v = 0; v < nv; v++)
			if (v == 0 ? inname[i] : word_present(g, vars[v], vlens[v]))
				present |= 1u << v;
		if (!present)
			continue;
		while (i + maxk < n && maxk < g->maxwords && inname[i + maxk])
			maxk++;
		for (k = maxk; k >= 1 && !found; k--)
		{
			for (v = 0; v < nv; v++)
			{
				if (!(present & (1u << v)))
					continue;
				key.len = 0;
				ar_buf_append(&key, vars[v], vlens[v]);
				for (j = 1; j < k; j++)
				{
					ar_buf_append(&key, " ", 1);
					ar_buf_append(&key, q->pool.data + q->t[i + j].off, q->t[i + j].len);
				}
				found = gaz_find(g, key.data, key.len, exclude_fold);
				if (found)
				{
					t->gaz = found;
					t->gazlen = (uint8_t) k;
					if (!features)
						break;
					if (v == 0)
						t->gazf = (uint8_t) AR_NER_B(found->type);
					else
						t->gazb = (uint8_t) AR_NER_B(found->type);
					for (j = 1; j < k; j++)
						if (!q->t[i + j].gazf)
							q->t[i + j].gazf = (uint8_t) AR_NER_I(found->type);
					break;
				}
			}
		}
	}
	ar_buf_free(&key);
	alloc->free_fn(alloc->ctx, inname);
}

/*
 * A group of countries named by its size (مجموعة السبع G7, مجموعة الثماني
 * G8, مجموعة العشرين G20, مجموعة الدول السبع, مجموعة الـ77) starting at
 * token i: its length in tokens, or 0.  The words are folded (search
 * normalization); the head may carry proclitics (لمجموعة, ومجموعة) but not
 * the article (المجموعة الثلاث is "the three groups").
 */
static size_t
group_of_n(const ar_ner_seq *q, size_t i)
{
	static const char *const numbers[] = {
		"الثلاث", "الثلاثه", "الاربع", "الاربعه", "الخمس", "الخمسه", "الست", "السته",
		"السبع", "السبعه", "الثماني", "الثمان", "الثمانيه", "التسع", "التسعه", "العشر",
		"العشره", "العشرين", NULL
	};
	static const char *const between[] = {"الدول", "الصناعيه", "الكبري", NULL};
	static const char *const proclitics[] = {"", "و", "ف", "ل", "ب", "ول", "فل", "وب", "فب", NULL};
	static const char head[] = "مجموعه";	/* without the article: the construct state */
	const tokinfo *t = &q->t[i];
	size_t		hl = sizeof(head) - 1,
				j = i + 1,
				k;

	if (t->len < hl || memcmp(q->pool.data + t->off + t->len - hl, head, hl) != 0 ||
		!in_list(proclitics, q->pool.data + t->off, t->len - hl))
		return 0;
	/* الدول / الدول الصناعية between the head and the number */
	for (k = 0; k < 2 && j < q->n &&
		 in_list(between, q->pool.data + q->t[j].off, q->t[j].len); k++)
		j++;
	if (j >= q->n)
		return 0;
	if (q->t[j].shape == SH_DIGIT ||
		in_list(numbers, q->pool.data + q->t[j].off, q->t[j].len))
		j++;
	else if (q->t[j].len == 4 && memcmp(q->pool.data + q->t[j].off, "ال", 4) == 0 &&
			 j + 1 < q->n && q->t[j + 1].shape == SH_DIGIT)
		j += 2;					/* مجموعة الـ 77 */
	else
		return 0;
	/* السبع الكبرى, الثماني الصناعية */
	if (j < q->n && in_list(between + 1, q->pool.data + q->t[j].off, q->t[j].len))
		j++;
	return j - i;
}

/* Whether folded token i is the word w (NUL-terminated). */
static bool
tok_is(const ar_ner_seq *q, size_t i, const char *w)
{
	size_t		l = strlen(w);

	return i < q->n && q->t[i].len == l && memcmp(q->pool.data + q->t[i].off, w, l) == 0;
}

/* Length in tokens (1 or 2) of a Gregorian month name at token i (the date finder's list), or 0. */
static size_t
month_at(const ar_ner_seq *q, size_t i)
{
	const tokinfo *t;

	if (i >= q->n || q->t[i].shape != SH_ARABIC)
		return 0;
	t = &q->t[i];
	return (size_t) ar_dates_gregorian_month(q->pool.data + t->off, t->len,
											 i + 1 < q->n ? q->pool.data + q->t[i + 1].off : NULL,
											 i + 1 < q->n ? q->t[i + 1].len : 0);
}

/*
 * Length of a month name at token i that stands in a date, or 0: a number
 * before it (9 نيسان) or after it (نيسان 2024), or a slash to another month
 * or a number (نيسان/أبريل, 4/نيسان).  ANERcorp leaves dates O, and news
 * writes them everywhere: نيسان is also Nissan, ايار / اب are also words.
 */
static size_t
month_in_date(const ar_ner_seq *q, size_t i)
{
	size_t		k = month_at(q, i),
				e = i + k;		/* the token after the month */

	if (k == 0)
		return 0;
	if ((i > 0 && q->t[i - 1].shape == SH_DIGIT) || (e < q->n && q->t[e].shape == SH_DIGIT))
		return k;
	if (tok_is(q, e, "/") && e + 1 < q->n && (q->t[e + 1].shape == SH_DIGIT || month_at(q, e + 1)))
		return k;
	if (i >= 2 && tok_is(q, i - 1, "/") && (q->t[i - 2].shape == SH_DIGIT || month_at(q, i - 2) ||
											(i >= 3 && month_at(q, i - 3) == 2)))
		return k;
	return 0;
}

/* Whether raw token s (as written) is ب/ك/ل, maybe after و/ف, then a hamza on or under alef (لأردوغان, وبإيران). */
static bool
prep_hamza(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		o = 0;

	if (len >= 2 && p[0] == 0xD9 && (p[1] == 0x88 || p[1] == 0x81))
		o = 2;					/* و ف */
	if (len < o + 4 ||
		!((p[o] == 0xD8 && p[o + 1] == 0xA8) || (p[o] == 0xD9 && (p[o + 1] == 0x83 || p[o + 1] == 0x84))))
		return false;
	return p[o + 2] == 0xD8 && (p[o + 3] == 0xA2 || p[o + 3] == 0xA3 || p[o + 3] == 0xA5);
}

/* Analyse a token sequence (see ar_tagger.h). */
ar_ner_seq *
ar_ner_prepare(const ar_ner_token *toks, size_t n, const ar_gazetteer *g,
			   int exclude_fold, const ar_allocator *alloc)
{
	ar_ner_seq *q = alloc->realloc_fn(alloc->ctx, NULL, sizeof(ar_ner_seq));
	size_t		i;

	q->alloc = alloc;
	q->n = n;
	q->t = alloc->realloc_fn(alloc->ctx, NULL, (n ? n : 1) * sizeof(tokinfo));
	memset(q->t, 0, (n ? n : 1) * sizeof(tokinfo));
	{
		size_t		bytes = 64 + n;

		for (i = 0; i < n; i++)
			bytes += toks[i].len;
		ar_buf_init(&q->pool, alloc, bytes);
	}

	for (i = 0; i < n; i++)
	{
		tokinfo    *t = (AR_CHECK_INTERRUPTS(alloc, i), &q->t[i]);
		int			code = 0;
		size_t		ncp,
					k;

		t->off = (uint32_t) q->pool.len;
		ncp = fold_into(toks[i].s, toks[i].len, &q->pool);
		t->len = (uint32_t) (q->pool.len - t->off);
		t->shape = (uint8_t) shape_of(toks[i].s, toks[i].len);
		t->doff = t->off;
		if (t->shape == SH_DIGIT)
		{
			/* numbers share one form per digit pattern; the digits stay for canonical forms */
			ar_buf_reserve(&q->pool, t->len);	/* before copying within the pool */
			t->off = (uint32_t) q->pool.len;
			ar_buf_append(&q->pool, q->pool.data + t->doff, t->len);
			for (k = t->off; k < q->pool.len; k++)
				if (q->pool.data[k] >= '0' && q->pool.data[k] <= '9')
					q->pool.data[k] = '0';
		}
		t->lenb = (uint8_t) (ncp > 10 ? 10 : ncp);
		t->boff = t->off;
		t->blen = t->len;
		if (all_arabic(q->pool.data + t->off, t->len))
		{
			size_t		b = strip_prefixes(q->pool.data + t->off, t->len, &code);

			t->boff = t->off + (uint32_t) b;
			t->blen = t->len - (uint32_t) b;
		}
		t->clitic = (uint8_t) code;
		ar_buf_append(&q->pool, "", 0);
	}
	/* hashes after the pool stopped moving */
	for (i = 0; i < n; i++)
	{
		tokinfo    *t = &q->t[i];
		const char *f = q->pool.data + t->off;
		const char *b = q->pool.data + t->boff;

		t->hw = fnv(f, t->len);
		t->hb = fnv(b, t->blen);
		t->lex = (uint8_t) lex_class(f, t->len, b, t->blen);
		if (g)
		{
			t->wl = (uint16_t) word_labels(g, f, t->len, exclude_fold);
			if (!t->wl && t->blen != t->len)
				t->wl = (uint16_t) word_labels(g, b, t->blen, exclude_fold);
		}
	}

	if (g && g->nents)
		gaz_match(q, g, exclude_fold, true);
	return q;
}

/* Free a prepared sequence. */
void
ar_ner_seq_free(ar_ner_seq *q)
{
	if (!q)
		return;
	ar_buf_free(&q->pool);
	q->alloc->free_fn(q->alloc->ctx, q->t);
	q->alloc->free_fn(q->alloc->ctx, q);
}

#define H_BOS 0x51ED270Bu
#define H_EOS 0x2F0C7A5Du

/* Identity hash of token i's clitic-stripped base (the key of the vocabulary table). */
uint32_t
ar_ner_seq_base_hash(const ar_ner_seq *q, size_t i)
{
	return i < q->n ? q->t[i].hb : 0;
}

/* Frequency class of a training-text count: 1 unseen, 2 once, 3 2-3, 4 4-9, 5 10-49, 6 more. */
int
ar_ner_freq_class(uint32_t count)
{
	return count == 0 ? 1 : count == 1 ? 2 : count < 4 ? 3 : count < 10 ? 4 : count < 50 ? 5 : 6;
}

/* Set token i's training-text frequency class (see ar_ner_freq_class). */
void
ar_ner_seq_set_freq(ar_ner_seq *q, size_t i, int cls)
{
	if (i < q->n && cls >= 0 && cls < 16)
		q->t[i].freq = (uint8_t) cls;
}

/* Token i's folded form and clitic-stripped base. */
void
ar_ner_seq_forms(const ar_ner_seq *q, size_t i, const char **form, size_t *flen,
				 const char **base, size_t *blen)
{
	*form = q->pool.data + q->t[i].off;
	*flen = q->t[i].len;
	*base = q->pool.data + q->t[i].boff;
	*blen = q->t[i].blen;
}

/* Set token i's name-table payload. */
void
ar_ner_seq_set_names(ar_ner_seq *q, size_t i, uint32_t payload)
{
	if (i < q->n)
		q->t[i].names = payload;
}

/* Set every token's frequency class and name payload from the model's tables. */
void
ar_ner_seq_apply_vocab(const ar_ner_model *m, ar_ner_seq *q)
{
	size_t		i;

	for (i = 0; m->names && i < q->n; i++)
	{
		tokinfo    *t = &q->t[i];

		t->names = t->shape == SH_PUNCT ? 0 :
			ar_names_lookup(m->names, m->nnames, q->pool.data + t->off, t->len,
							q->pool.data + t->boff, t->blen);
		if (t->names == 0)
			t->names = AR_NAMES_WITH_LIKE(0, ar_names_likeness(m->likeness, q->pool.data + t->boff,
															   t->blen));
	}
	if (!m->vocab || m->nvocab == 0)
		return;
	for (i = 0; i < q->n; i++)
	{
		uint32_t	h = q->t[i].hb,
					mask = m->nvocab - 1,
					k = (h >> 3) & mask,
					probes = 0,
					cls = 1;	/* unseen */

		while (m->vocab[k] != 0 && probes++ < m->nvocab)
		{
			if ((m->vocab[k] & ~7u) == (h & ~7u))
			{
				cls = m->vocab[k] & 7u;
				break;
			}
			k = (k + 1) & mask;
		}
		q->t[i].freq = (uint8_t) cls;
	}
}

/* Hashed features of token i into out[AR_NER_MAXFEATS]; returns their number. */
int
ar_ner_features(const ar_ner_seq *q, size_t i, uint32_t *out)
{
	const tokinfo *t = &q->t[i];
	const tokinfo *p1 = i >= 1 ? &q->t[i - 1] : NULL;
	const tokinfo *p2 = i >= 2 ? &q->t[i - 2] : NULL;
	const tokinfo *n1 = i + 1 < q->n ? &q->t[i + 1] : NULL;
	const tokinfo *n2 = i + 2 < q->n ? &q->t[i + 2] : NULL;
	uint32_t	wp1 = p1 ? p1->hw : H_BOS,
				wp2 = p2 ? p2->hw : H_BOS,
				wn1 = n1 ? n1->hw : H_EOS,
				wn2 = n2 ? n2->hw : H_EOS;
	uint32_t	lp1 = p1 ? p1->lex : 15,
				lp2 = p2 ? p2->lex : 15,
				ln1 = n1 ? n1->lex : 15;
	uint32_t	hpre[4],
				hsuf[4],
				hbsuf[3];
	int			k,
				n = 0;

	/* affixes are hashed here rather than stored: 44 bytes less per token on large inputs */
	affix_hashes(q->pool.data + t->off, t->len, hpre, hsuf, 4);
	affix_hashes(q->pool.data + t->boff, t->blen, NULL, hbsuf, 3);
	out[n++] = feat(1, 0);
	out[n++] = feat(2, t->hw);
	out[n++] = feat(3, wp1);
	out[n++] = feat(4, wn1);
	out[n++] = feat(5, wp2);
	out[n++] = feat(6, wn2);
	out[n++] = feat(7, t->hb);
	out[n++] = feat(8, p1 ? p1->hb : H_BOS);
	out[n++] = feat(9, n1 ? n1->hb : H_EOS);
	for (k = 0; k < 4; k++)
	{
		if (hpre[k])
			out[n++] = feat(10 + k, hpre[k]);
		if (hsuf[k])
			out[n++] = feat(14 + k, hsuf[k]);
	}
	for (k = 0; k < 3; k++)
		if (hbsuf[k])
			out[n++] = feat(18 + k, hbsuf[k]);
	out[n++] = feat(21, t->shape);
	out[n++] = feat(22, (p1 ? p1->shape : 9) * 16 + t->shape * 256 + (n1 ? n1->shape : 9) * 4096);
	out[n++] = feat(23, t->lenb);
	out[n++] = feat(24, t->clitic);
	out[n++] = feat(25, t->gazf);
	out[n++] = feat(26, t->gazb);
	out[n++] = feat(27, p1 ? p1->gazf : 15);
	out[n++] = feat(28, n1 ? n1->gazf : 15);
	out[n++] = feat(29, t->lex);
	out[n++] = feat(30, lp1);
	out[n++] = feat(31, lp2);
	out[n++] = feat(32, ln1);
	out[n++] = feat(33, wp1 * 31 + t->hw);
	out[n++] = feat(34, t->hw * 31 + wn1);
	out[n++] = feat(35, (uint32_t) (t->gazf | t->gazb) * 32 + lp1);
	out[n++] = feat(36, lp1 * 32 + lp2);
	out[n++] = feat(37, t->hb * 31 + lp1);
	out[n++] = feat(38, (p1 ? p1->hb : H_BOS) * 31 + t->hb);
	out[n++] = feat(39, t->lenb * 16 + t->clitic);
	out[n++] = feat(40, (uint32_t) t->gazf * 16 + (n1 ? n1->gazf : 15));
	/* labels the word has inside known names, alone and with its neighbours' */
	out[n++] = feat(42, t->wl);
	out[n++] = feat(43, (uint32_t) t->wl * 512 + (p1 ? p1->wl : 511));
	out[n++] = feat(44, (uint32_t) t->wl * 512 + (n1 ? n1->wl : 511));
	for (k = 1; k < AR_NER_NLABELS; k++)
		if (t->wl & (1u << k))
			out[n++] = feat(45, (uint32_t) k);
	/* how often the base occurs in the training text: unseen words are mostly names */
	if (t->freq)
	{
		out[n++] = feat(46, (uint32_t) t->freq * 16 + t->shape);
		out[n++] = feat(47, (uint32_t) t->freq * 16 + lp1);
		out[n++] = feat(48, (uint32_t) t->freq * 16 + (p1 ? p1->freq : 15));
		out[n++] = feat(49, (uint32_t) t->freq * 16 + (n1 ? n1->freq : 15));
		out[n++] = feat(50, (uint32_t) t->freq * 16 + t->clitic);
		/* the words around an unseen or rare one (وعلق باريرا على), two back too */
		out[n++] = feat(51, (p1 ? p1->hb : H_BOS) * 31 + t->freq);
		out[n++] = feat(52, (n1 ? n1->hb : H_EOS) * 31 + t->freq);
		out[n++] = feat(53, (p2 ? p2->hb : H_BOS) * 31 + t->freq);
		out[n++] = feat(54, (uint32_t) t->freq * 16 + lp2);
	}
	/* name knowledge: the kinds of list the word is in, with its ordinary-word class */
	{
		uint32_t	nk = AR_NAMES_KINDS(t->names),
					nr = AR_NAMES_RATIO(t->names),
					pk = p1 ? AR_NAMES_KINDS(p1->names) : 0x100,
					xk = n1 ? AR_NAMES_KINDS(n1->names) : 0x100;

		if (nk)
		{
			out[n++] = feat(55, nk);
			out[n++] = feat(56, nk * 8 + nr);
			for (k = 0; k < AR_NAMES_NKINDS; k++)
				if (nk & (1u << k))
					out[n++] = feat(57, (uint32_t) k * 8 + nr);
			out[n++] = feat(58, nr * 16 + t->freq);
		}
		if (AR_NAMES_LIKE(t->names))
		{
			/* a word in no list: how much it looks like a name, with its rarity and left context */
			uint32_t	lk = AR_NAMES_LIKE(t->names);

			out[n++] = feat(62, lk);
			out[n++] = feat(63, lk * 16 + t->freq);
			out[n++] = feat(64, lk * 16 + lp1);
		}
		if (nk || (pk & 0xFF) || (xk & 0xFF))
		{
			out[n++] = feat(59, nk * 512 + pk);
			out[n++] = feat(60, nk * 512 + xk);
			out[n++] = feat(61, nk * 16 + lp1);
		}
	}
	/* character trigrams of the base, with word boundaries */
	if (t->shape == SH_ARABIC && t->blen >= 4)
	{
		const char *b = q->pool.data + t->boff;
		size_t		nl = t->blen / 2,
					j;

		for (j = 0; j + 3 <= nl + 2 && n < AR_NER_MAXFEATS - 1; j++)
		{
			uint32_t	h = 0x811C9DC5u;
			size_t		c;

			for (c = j; c < j + 3; c++)
			{
				uint32_t	cp = (c == 0 || c == nl + 1) ? '#' : ar_at(b, c - 1);

				h = (h ^ cp) * 16777619u;
			}
			out[n++] = feat(41, h);
		}
	}
	return n;
}

/* Whether label y may follow label prev (prev = NLABELS for the start). */
static inline bool
allowed(int prev, int y)
{
	if (y == 0 || AR_NER_IS_B(y))
		return true;
	if (prev == AR_NER_NLABELS || prev == 0)
		return false;
	return AR_NER_TYPE(prev) == AR_NER_TYPE(y);
}

/* Viterbi with BIO constraints. */
void
ar_ner_viterbi(const float *emis, const float *trans, size_t n, int *labels)
{
	float		prev[AR_NER_NLABELS],
				cur[AR_NER_NLABELS];
	size_t		i;
	int			y,
				p;
	uint8_t		bpbuf[512 * AR_NER_NLABELS];
	uint8_t    *bp = bpbuf;

	if (n == 0)
		return;
	if (n > 512)
	{
		/* long sequence: decode in windows that end on a confident O label */
		size_t		start = 0;

		while (start < n)
		{
			size_t		end = start + 512 < n ? start + 512 : n;

			ar_ner_viterbi(emis + start * AR_NER_NLABELS, trans, end - start, labels + start);
			/* restart at the last O so an entity is never cut by the window */
			if (end < n)
			{
				size_t		k = end;

				while (k > start + 256 && labels[k - 1] != 0)
					k--;
				end = k;
			}
			start = end;
		}
		return;
	}
	for (y = 0; y < AR_NER_NLABELS; y++)
		prev[y] = allowed(AR_NER_NLABELS, y) ?
			trans[AR_NER_NLABELS * AR_NER_NLABELS + y] + emis[y] : -1e30f;
	for (i = 1; i < n; i++)
	{
		for (y = 0; y < AR_NER_NLABELS; y++)
		{
			float		best = -3e38f;
			int			arg = 0;

			/* O and B-x follow any label; I-x only B-x or I-x (allowed()), tried in the same order */
			for (p = AR_NER_IS_B(y) || y == 0 ? 0 : y - 1;
				 p < (AR_NER_IS_B(y) || y == 0 ? AR_NER_NLABELS : y + 1); p++)
			{
				float		s = prev[p] + trans[p * AR_NER_NLABELS + y];

				if (s > best)
				{
					best = s;
					arg = p;
				}
			}
			cur[y] = best + emis[i * AR_NER_NLABELS + y];
			bp[i * AR_NER_NLABELS + y] = (uint8_t) arg;
		}
		memcpy(prev, cur, sizeof(prev));
	}
	y = 0;
	for (p = 1; p < AR_NER_NLABELS; p++)
		if (prev[p] > prev[y])
			y = p;
	for (i = n; i-- > 0;)
	{
		labels[i] = y;
		if (i > 0)
			y = bp[i * AR_NER_NLABELS + y];
	}
}

/* Scale of perceptron scores for the confidence softmax (weights are update counts). */
#define CONF_TEMPERATURE 20.0f

/*
 * acc[y] = sum over the nf features of weight row f[k] & mask, label y (the
 * row of 9 int16 weights of each feature, summed in 32 bits).  Labels 0-7 in
 * two SSE2 registers where the compiler targets it (every x86-64), label 8
 * and other targets in plain C; integer sums, so both give the same result.
 */
static inline void
ner_sum_rows(const int16_t *w, const uint32_t *f, int nf, uint32_t mask, int32_t *acc)
{
	int			k;
#if defined(__SSE2__) && AR_NER_NLABELS == 9
	__m128i		lo = _mm_setzero_si128(),
				hi = _mm_setzero_si128();
	int32_t		last = 0;

	for (k = 0; k < nf; k++)
	{
		const int16_t *r = w + (size_t) (f[k] & mask) * AR_NER_NLABELS;
		__m128i		x = _mm_loadu_si128((const __m128i *) r);

		/* sign-extend the 8 int16 to int32: interleave with themselves, shift right arithmetically */
		lo = _mm_add_epi32(lo, _mm_srai_epi32(_mm_unpacklo_epi16(x, x), 16));
		hi = _mm_add_epi32(hi, _mm_srai_epi32(_mm_unpackhi_epi16(x, x), 16));
		last += r[8];
	}
	_mm_storeu_si128((__m128i *) acc, lo);
	_mm_storeu_si128((__m128i *) (acc + 4), hi);
	acc[8] = last;
#else
	int			y;

	for (y = 0; y < AR_NER_NLABELS; y++)
		acc[y] = 0;
	for (k = 0; k < nf; k++)
	{
		const int16_t *r = w + (size_t) (f[k] & mask) * AR_NER_NLABELS;

		for (y = 0; y < AR_NER_NLABELS; y++)
			acc[y] += r[y];
	}
#endif
}

/* Tag a prepared sequence: labels[n] and a per-token confidence conf[n]. */
void
ar_ner_tag(const ar_ner_model *m, const ar_ner_seq *q, int *labels, float *conf)
{
	const ar_allocator *a = q->alloc;
	size_t		nn = q->n ? q->n : 1;
	float	   *emis = a->realloc_fn(a->ctx, NULL, nn * AR_NER_NLABELS * sizeof(float));
	uint32_t	f[AR_NER_MAXFEATS];
	uint32_t	mask = m->nbuckets - 1;
	size_t		i;

	for (i = 0; i < q->n; i++)
	{
		int32_t		acc[AR_NER_NLABELS];
		int			nf = (AR_CHECK_INTERRUPTS(a, i), ar_ner_features(q, i, f)),
					k,
					y;

#if defined(__GNUC__) || defined(__clang__)
		/* the weight rows are scattered over 2.4 MB: ask for all of them before summing */
		for (k = 0; k < nf; k++)
			__builtin_prefetch(m->w + (size_t) (f[k] & mask) * AR_NER_NLABELS);
#endif
		ner_sum_rows(m->w, f, nf, mask, acc);
		for (y = 0; y < AR_NER_NLABELS; y++)
			emis[i * AR_NER_NLABELS + y] = (float) acc[y] * m->scale;
	}
	ar_ner_viterbi(emis, m->trans, q->n, labels);
	for (i = 0; conf && i < q->n; i++)
	{
		int			prev = i ? labels[i - 1] : AR_NER_NLABELS,
					y;
		float		s[AR_NER_NLABELS],
					mx = -3e38f,
					z = 0;

		for (y = 0; y < AR_NER_NLABELS; y++)
		{
			s[y] = allowed(prev, y) ?
				emis[i * AR_NER_NLABELS + y] + m->trans[prev * AR_NER_NLABELS + y] : -3e38f;
			if (s[y] > mx)
				mx = s[y];
		}
		/* softmax at temperature CONF_TEMPERATURE: raw perceptron margins saturate it */
		for (y = 0; y < AR_NER_NLABELS; y++)
			z += s[y] > -1e38f ? exp_nonpos((s[y] - mx) / CONF_TEMPERATURE) : 0.0f;
		conf[i] = exp_nonpos((s[labels[i]] - mx) / CONF_TEMPERATURE) / z;
	}
	a->free_fn(a->ctx, emis);
}

/* ------------------------------------------------------------------ */
/* extraction and canonicalization                                     */
/* ------------------------------------------------------------------ */

typedef struct span
{
	size_t		first,
				last;			/* token indices, inclusive */
	int			type;
	float		score;
	ar_buf		canon;
	ar_buf		skel;			/* skeleton of the last word, for surname grouping */
	bool		absorbed;
} span;

/* Whether folded word w is an organisation head (type ORG) or a place head (type LOC) of the lexicon. */
static bool
is_type_head(const char *w, size_t len, int type)
{
	int			cls = type == AR_NER_ORG ? LEX_ORGHEAD : type == AR_NER_LOC ? LEX_LOCHEAD : LEX_NONE;

	return cls != LEX_NONE && lex_class(w, len, w, len) == cls;
}

/* Candidate canonical first words, most stripped first: و/ف, then ب/ل/ك (keeping ال), لل -> ال. */
static size_t
canon_candidates(const char *w, size_t len, int type, char cands[][256], size_t *clens)
{
	size_t		n = 0,
				nl = len / 2,
				k = 0;

	if (len >= 240 || !all_arabic(w, len))
		return 0;
	if (nl >= 4 && (ar_at(w, 0) == CP_WAW || ar_at(w, 0) == CP_FEH))
		k = 1;
	if (nl - k >= 4)
	{
		uint32_t	c = ar_at(w, k);

		if (c == CP_BEH || c == CP_KAF || c == CP_LAM)
		{
			if (c == CP_LAM && ar_at(w, k + 1) == CP_LAM && type != AR_NER_PER)
			{
				memcpy(cands[n], "\xd8\xa7", 2);
				memcpy(cands[n] + 2, w + 2 * (k + 1), len - 2 * (k + 1));
				clens[n++] = 2 + len - 2 * (k + 1);
			}
			memcpy(cands[n], w + 2 * (k + 1), len - 2 * (k + 1));
			clens[n++] = len - 2 * (k + 1);
		}
	}
	if (k > 0)
	{
		memcpy(cands[n], w + 2 * k, len - 2 * k);
		clens[n++] = len - 2 * k;
	}
	return n;
}

/* Append the folded words of tokens [from, to] (skipping punctuation-only ones) to out. */
static void
words_into(const ar_ner_seq *q, size_t from, size_t to, ar_buf *out)
{
	size_t		j;

	for (j = from; j <= to; j++)
	{
		if (q->t[j].shape == SH_PUNCT)
			continue;
		if (out->len)
			ar_buf_append(out, " ", 1);
		ar_buf_append(out, q->pool.data + q->t[j].doff, q->t[j].len);
	}
}

/*
 * Text-level comparisons between mentions look at most this many mentions
 * (or, for tokens, this many tokens) away, so huge inputs stay linear.
 */
#define MENTION_WINDOW 256

/* Whether key (folded words) is the key of another nearby mention of the same type. */
static bool
mentioned(const ar_ner_seq *q, const span *sp, size_t nsp, size_t self, const char *key,
		  size_t klen)
{
	size_t		s,
				hi = self + MENTION_WINDOW < nsp ? self + MENTION_WINDOW : nsp;

	for (s = self > MENTION_WINDOW ? self - MENTION_WINDOW : 0; s < hi; s++)
	{
		ar_buf		b;
		bool		eq,
					eqlast = false;

		if (s == self || sp[s].type != sp[self].type)
			continue;
		ar_buf_init(&b, q->alloc, 64);
		words_into(q, sp[s].first, sp[s].last, &b);
		eq = (b.len == klen && memcmp(b.data, key, klen) == 0);
		if (!eq && sp[s].last > sp[s].first)
		{
			const tokinfo *t = &q->t[sp[s].last];

			eqlast = (t->len == klen && memcmp(q->pool.data + t->off, key, klen) == 0);
		}
		ar_buf_free(&b);
		if (eq || eqlast)
			return true;
	}
	return false;
}

/*
 * Entry of the given type for a folded key: the user rows first, then the
 * shipped ones, exact keys before spelling skeletons; *from is the gazetteer
 * the entry belongs to.
 */
static const gaz_entry *
find_name(const ar_gazetteer *g, const ar_gazetteer *user, const char *key, size_t len, int type,
		  const ar_gazetteer **from)
{
	const ar_gazetteer *gs[2] = {user, g};
	int			pass,
				k;

	for (pass = 0; pass < 2; pass++)
		for (k = 0; k < 2; k++)
		{
			const gaz_entry *e = pass == 0 ? gaz_find(gs[k], key, len, -1) :
				gaz_find_skel(gs[k], key, len);

			if (e && e->type == type)
			{
				*from = gs[k];
				return e;
			}
		}
	return NULL;
}

/* Canonical form of span s: clitics stripped, gazetteer spelling when known. */
static void
canon_span(const ar_ner_seq *q, const ar_gazetteer *g, const ar_gazetteer *user, span *sp,
		   size_t nsp, size_t s)
{
	span	   *x = &sp[s];
	const tokinfo *t0 = &q->t[x->first];
	const char *w = q->pool.data + t0->doff;
	char		cands[8][256];
	size_t		clens[8];
	size_t		nc = canon_candidates(w, t0->len, x->type, cands, clens);
	size_t		c;
	ar_buf		key;
	const gaz_entry *e = NULL;
	const ar_gazetteer *from = NULL;
	bool		chosen = false;
	size_t		chosen_c = 0;

	ar_buf_init(&key, q->alloc, 128);
	/*
	 * a stripped candidate wins when the gazetteer or another mention knows
	 * it, or when it is a head word of the span's type (لمجموعة العشرين,
	 * ولوزارة الخارجية, بمدينة حلب: the head, not لمجموعه)
	 */
	for (c = 0; c <= nc && !chosen; c++)
	{
		key.len = 0;
		if (c < nc)
			ar_buf_append(&key, cands[c], clens[c]);
		else
			ar_buf_append(&key, w, t0->len);
		if (x->last > x->first)
		{
			ar_buf		rest;

			ar_buf_init(&rest, q->alloc, 64);
			words_into(q, x->first + 1, x->last, &rest);
			if (rest.len)
			{
				ar_buf_append(&key, " ", 1);
				ar_buf_append(&key, rest.data, rest.len);
			}
			ar_buf_free(&rest);
		}
		e = find_name(g, user, key.data, key.len, x->type, &from);
		if (e || c == nc || mentioned(q, sp, nsp, s, key.data, key.len) ||
			is_type_head(cands[c], clens[c], x->type))
		{
			chosen = true;
			chosen_c = c;
		}
	}
	/* default when nothing knows a stripped form: drop clitics before the article */
	if (!e && chosen_c == nc && nc > 0 && x->type != AR_NER_PER && t0->boff > t0->off)
	{
		size_t		strip = t0->boff - t0->off;
		const char *f = w;
		bool		rebuilt = false;

		if (strip >= 4 && memcmp(f + strip - 4, "\xd8\xa7\xd9\x84", 4) == 0 && strip > 4)
		{
			key.len = 0;
			ar_buf_append(&key, f + strip - 4, t0->len - (strip - 4));
			rebuilt = true;
		}
		else if (strip >= 4 && memcmp(f + strip - 4, "\xd9\x84\xd9\x84", 4) == 0)
		{
			key.len = 0;
			ar_buf_append(&key, "\xd8\xa7\xd9\x84", 4);
			ar_buf_append(&key, f + strip, t0->len - strip);
			rebuilt = true;
		}
		if (rebuilt && x->last > x->first)
		{
			ar_buf		rest;

			ar_buf_init(&rest, q->alloc, 64);
			words_into(q, x->first + 1, x->last, &rest);
			if (rest.len && key.len)
			{
				ar_buf_append(&key, " ", 1);
				ar_buf_append(&key, rest.data, rest.len);
			}
			ar_buf_free(&rest);
		}
	}
	if (e)
		ar_buf_append(&x->canon, from->pool.data + e->canon_off, e->canon_len);
	else
		ar_buf_append(&x->canon, key.data, key.len);
	ar_buf_free(&key);
	/* skeleton of the last word of the canonical form (surname grouping) */
	{
		const char *lastw = x->canon.data;
		const char *sp_ = strrchr(x->canon.data, ' ');

		if (sp_)
			lastw = sp_ + 1;
		skeleton(lastw, strlen(lastw), &x->skel);
	}
}

/*
 * Rule: a name the model found once is the same name elsewhere in the text.
 * An untagged word whose clitic-stripped base equals a one-word entity, or the
 * last word (surname) of a person's full name, gets that entity's label
 * (للافروف after سيرغي لافروف).  Only plain Arabic words of 3+ letters that
 * are not titles, heads or time words are considered.
 */
static void
propagate_mentions(const ar_ner_seq *q, int *labels, float *conf)
{
	size_t		i,
				j,
				k,
				lo = 0,
				nk = 0,
				n = q->n;
	size_t	   *keys;			/* token index of each name word to propagate */

	if (n == 0)
		return;
	keys = q->alloc->realloc_fn(q->alloc->ctx, NULL, n * sizeof(size_t));
	for (j = 0; j < n; j++)
	{
		size_t		e;
		int			ty;

		if (!AR_NER_IS_B(labels[j]))
			continue;
		ty = AR_NER_TYPE(labels[j]);
		for (e = j; e + 1 < n && labels[e + 1] == AR_NER_I(ty); e++)
			;
		if ((e == j || ty == AR_NER_PER) && q->t[e].shape == SH_ARABIC && q->t[e].blen >= 6)
			keys[nk++] = e;
	}
	for (i = 0; i < n && nk > 0; i++)
	{
		const tokinfo *t = &q->t[i];
		char		cands[4][256];
		size_t		clens[4],
					nc;

		if (labels[i] != 0 || t->shape != SH_ARABIC || t->lex != LEX_NONE || t->blen < 6)
			continue;
		nc = canon_candidates(q->pool.data + t->off, t->len, AR_NER_PER, cands, clens);

		while (lo < nk && keys[lo] + 16 * MENTION_WINDOW < i)
			lo++;
		for (k = lo; k < nk && keys[k] < i + 16 * MENTION_WINDOW; k++)
		{
			const tokinfo *u = &q->t[keys[k]];
			bool		match = t->hb == u->hb && t->blen == u->blen &&
				memcmp(q->pool.data + t->boff, q->pool.data + u->boff, t->blen) == 0;
			size_t		c;

			/* ولافروف, للافروف: a proclitic glued to the bare name */
			for (c = 0; c < nc && !match; c++)
				match = clens[c] == u->len && memcmp(cands[c], q->pool.data + u->off, u->len) == 0;
			if (match)
			{
				labels[i] = AR_NER_B(AR_NER_TYPE(labels[keys[k]]));
				conf[i] = conf[keys[k]] * 0.9f;
				/* a following I- of another entity cannot continue this one */
				if (i + 1 < n && labels[i + 1] != 0 && !AR_NER_IS_B(labels[i + 1]))
					labels[i + 1] = AR_NER_B(AR_NER_TYPE(labels[i + 1]));
				break;
			}
		}
	}
	q->alloc->free_fn(q->alloc->ctx, keys);
}

/* A token's offsets in the input (16 bytes instead of ar_token's 40). */
typedef struct tokspan
{
	uint32_t	byte_start,
				byte_len,
				char_start,
				char_len;
} tokspan;

/* Tokenize, tag, apply rules and canonicalize (see ar_tagger.h). */
size_t
ar_ner_extract(const ar_ner_model *m, const ar_gazetteer *g, const ar_gazetteer *user,
			   const char *text, size_t len,
			   const ar_allocator *alloc, ar_ner_entity **out)
{
	ar_tokenizer tz;
	ar_token	tk;
	tokspan    *toks;
	ar_ner_token *in;
	size_t		n = 0,
				cap = 64,
				i,
				nsp = 0,
				spcap,
				s;
	ar_ner_seq *q;
	int		   *labels;
	float	   *conf;
	span	   *sp;
	ar_ner_entity *ents;

	if (len > UINT32_MAX)
		len = UINT32_MAX;		/* 32-bit offsets: PostgreSQL text is at most 1 GB */
	toks = alloc->realloc_fn(alloc->ctx, NULL, cap * sizeof(tokspan));
	ar_tokenizer_init(&tz, text, len);
	while (ar_tokenizer_next(&tz, &tk))
	{
		if (tk.kind == AR_TOK_SPACE)
			continue;
		AR_CHECK_INTERRUPTS(alloc, n);
		if (n == cap)
		{
			cap *= 2;
			toks = alloc->realloc_fn(alloc->ctx, toks, cap * sizeof(tokspan));
		}
		toks[n].byte_start = (uint32_t) tk.byte_start;
		toks[n].byte_len = (uint32_t) tk.byte_len;
		toks[n].char_start = (uint32_t) tk.char_start;
		toks[n].char_len = (uint32_t) tk.char_len;
		n++;
	}
	/* give back the slack of the doubling: every byte per token counts on large inputs */
	toks = alloc->realloc_fn(alloc->ctx, toks, (n ? n : 1) * sizeof(tokspan));
	in = alloc->realloc_fn(alloc->ctx, NULL, (n ? n : 1) * sizeof(ar_ner_token));
	for (i = 0; i < n; i++)
	{
		in[i].s = text + toks[i].byte_start;
		in[i].len = toks[i].byte_len;
	}
	q = ar_ner_prepare(in, n, g, -1, alloc);
	alloc->free_fn(alloc->ctx, in);		/* the sequence holds its own copy */
	ar_ner_seq_apply_vocab(m, q);
	labels = alloc->realloc_fn(alloc->ctx, NULL, (n ? n : 1) * sizeof(int));
	conf = alloc->realloc_fn(alloc->ctx, NULL, (n ? n : 1) * sizeof(float));
	ar_ner_tag(m, q, labels, conf);

	/* rule: a group of countries named by its size (مجموعة السبع) is an organisation, where the model saw nothing */
	for (i = 0; i < n; i++)
	{
		size_t		k = labels[i] == 0 ? group_of_n(q, i) : 0,
					j;

		for (j = 1; j < k && labels[i + j] == 0; j++)
			;
		if (k == 0 || j < k)
			continue;			/* the model tagged part of it: its call */
		/* all O before, so the next label is O or a B- (BIO-constrained decoding) */
		for (j = 0; j < k; j++)
		{
			labels[i + j] = j ? AR_NER_I(AR_NER_ORG) : AR_NER_B(AR_NER_ORG);
			conf[i + j] = 0.5f;
		}
		i += k - 1;
	}

	/* rule: user gazetteer rows override the model on their span (matched after tagging: never features) */
	if (user && user->nents)
		gaz_match(q, user, -1, false);
	for (i = 0; i < n; i++)
	{
		const tokinfo *t = &q->t[i];

		if (t->gaz && (t->gaz->flags & AR_GAZ_USER))
		{
			size_t		j,
						k = t->gazlen;

			for (j = 0; j < k; j++)
			{
				labels[i + j] = j ? AR_NER_I(t->gaz->type) : AR_NER_B(t->gaz->type);
				conf[i + j] = 1.0f;
			}
			if (i + k < n && labels[i + k] != 0 && !AR_NER_IS_B(labels[i + k]))
				labels[i + k] = AR_NER_B(AR_NER_TYPE(labels[i + k]));
			i += k - 1;
		}
	}

	propagate_mentions(q, labels, conf);

	/* rule: a word written as a preposition before a hamza-initial word (لأردوغان) starts a person's name, never continues one */
	for (i = 1; i < n; i++)
		if (labels[i] == AR_NER_I(AR_NER_PER) &&
			prep_hamza(text + toks[i].byte_start, toks[i].byte_len))
			labels[i] = AR_NER_B(AR_NER_PER);

	/*
	 * rule: a month name in a date is no name (9 نيسان/أبريل 2024: not Nissan),
	 * also after propagation from a mention elsewhere; user rows still win
	 */
	for (i = 0; i < n; i++)
	{
		size_t		k,
					j;

		if (!AR_NER_IS_B(labels[i]) || (k = month_in_date(q, i)) == 0 ||
			(q->t[i].gaz && (q->t[i].gaz->flags & AR_GAZ_USER)))
			continue;
		for (j = 0; j < k; j++)
			labels[i + j] = 0;
		/* an entity that went on after the month starts anew */
		if (i + k < n && labels[i + k] != 0 && !AR_NER_IS_B(labels[i + k]))
			labels[i + k] = AR_NER_B(AR_NER_TYPE(labels[i + k]));
		i += k - 1;
	}

	/* spans from BIO labels; punctuation-only edges are trimmed (far fewer than tokens: grown as needed) */
	spcap = 64;
	sp = alloc->realloc_fn(alloc->ctx, NULL, spcap * sizeof(span));
	for (i = 0; i < n;)
	{
		size_t		j;
		float		sum;

		if (labels[i] == 0)
		{
			i++;
			continue;
		}
		j = i;
		sum = conf[i];
		while (j + 1 < n && labels[j + 1] != 0 && !AR_NER_IS_B(labels[j + 1]) &&
			   AR_NER_TYPE(labels[j + 1]) == AR_NER_TYPE(labels[i]))
			sum += conf[++j];
		{
			size_t		a = i,
						b = j;

			while (a <= b && q->t[a].shape == SH_PUNCT)
				a++;
			while (b > a && q->t[b].shape == SH_PUNCT)
				b--;
			/* a lone nationality adjective is not a person (مسؤول روسي) */
			if (a == b && AR_NER_TYPE(labels[i]) == AR_NER_PER &&
				!(q->t[a].gaz && (q->t[a].gaz->flags & AR_GAZ_USER)) &&	/* user rows rule */
				is_demonym(q->pool.data + q->t[a].boff, q->t[a].blen))
				a = b + 1;
			if (a <= b && q->t[a].shape != SH_PUNCT)
			{
				span	   *x;

				if (nsp == spcap)
				{
					spcap *= 2;
					sp = alloc->realloc_fn(alloc->ctx, sp, spcap * sizeof(span));
				}
				x = &sp[nsp++];

				x->first = a;
				x->last = b;
				x->type = AR_NER_TYPE(labels[i]);
				x->score = sum / (float) (j - i + 1);
				x->absorbed = false;
				ar_buf_init(&x->canon, alloc, 32);
				ar_buf_init(&x->skel, alloc, 16);
			}
		}
		i = j + 1;
	}
	for (s = 0; s < nsp; s++)
		canon_span(q, g, user, sp, nsp, s);
	/* a full person name absorbs mentions of its last word (the surname) */
	for (s = 0; s < nsp; s++)
	{
		size_t		f,
					fhi = s + MENTION_WINDOW < nsp ? s + MENTION_WINDOW : nsp;

		if (sp[s].type != AR_NER_PER || strchr(sp[s].canon.data, ' ') != NULL)
			continue;

		for (f = s > MENTION_WINDOW ? s - MENTION_WINDOW : 0; f < fhi; f++)
		{
			if (f == s || sp[f].type != AR_NER_PER || sp[f].absorbed ||
				strchr(sp[f].canon.data, ' ') == NULL || sp[f].skel.len < 4)
				continue;
			if (sp[f].skel.len == sp[s].skel.len &&
				memcmp(sp[f].skel.data, sp[s].skel.data, sp[s].skel.len) == 0)
			{
				sp[s].canon.len = 0;
				ar_buf_append(&sp[s].canon, sp[f].canon.data, sp[f].canon.len);
				sp[s].absorbed = true;
				break;
			}
		}
	}
	/* spelling variants inside one text share the first mention's form */
	for (s = 0; s < nsp; s++)
	{
		size_t		f;
		ar_buf		a;

		if (sp[s].absorbed)
			continue;
		ar_buf_init(&a, alloc, 64);
		skeleton(sp[s].canon.data, sp[s].canon.len, &a);
		for (f = s > MENTION_WINDOW ? s - MENTION_WINDOW : 0; f < s; f++)
		{
			ar_buf		b;
			bool		eq;

			if (sp[f].type != sp[s].type)
				continue;
			ar_buf_init(&b, alloc, 64);
			skeleton(sp[f].canon.data, sp[f].canon.len, &b);
			eq = a.len >= 6 && a.len == b.len && memcmp(a.data, b.data, a.len) == 0;
			ar_buf_free(&b);
			if (eq)
			{
				sp[s].canon.len = 0;
				ar_buf_append(&sp[s].canon, sp[f].canon.data, sp[f].canon.len);
				break;
			}
		}
		ar_buf_free(&a);
	}

	ents = alloc->realloc_fn(alloc->ctx, NULL, (nsp ? nsp : 1) * sizeof(ar_ner_entity));
	for (s = 0; s < nsp; s++)
	{
		const tokspan *a = &toks[sp[s].first],
				   *b = &toks[sp[s].last];

		ents[s].type = sp[s].type;
		ents[s].score = sp[s].score;
		ents[s].byte_start = a->byte_start;
		ents[s].byte_len = b->byte_start + b->byte_len - a->byte_start;
		ents[s].char_start = a->char_start;
		ents[s].char_len = b->char_start + b->char_len - a->char_start;
		ents[s].canonical = sp[s].canon.data;
		ents[s].canonical_len = sp[s].canon.len;
		ar_buf_free(&sp[s].skel);
	}
	alloc->free_fn(alloc->ctx, sp);
	alloc->free_fn(alloc->ctx, conf);
	alloc->free_fn(alloc->ctx, labels);
	ar_ner_seq_free(q);
	alloc->free_fn(alloc->ctx, toks);
	*out = ents;
	return nsp;
}

/* Free the result of ar_ner_extract. */
void
ar_ner_entities_free(ar_ner_entity *e, size_t n, const ar_allocator *alloc)
{
	size_t		i;

	if (!e)
		return;
	for (i = 0; i < n; i++)
		if (e[i].canonical)
			alloc->free_fn(alloc->ctx, e[i].canonical);
	alloc->free_fn(alloc->ctx, e);
}
