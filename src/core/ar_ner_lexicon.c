/*
 * ar_ner_lexicon.c
 *    The word lists of the entity tagger, in folded spellings (no hamza
 *    seats, ة -> ه, ى -> ي): the lexicon of titles, organisation and place
 *    heads, speech verbs, time words and news agencies (a token feature and
 *    a hint for canonical forms), and the nationality adjectives (a rule).
 */
#include <string.h>

#include "ar_ner_internal.h"

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
 * the ال...ي pattern of ar_ner_lex_class does not see.  Ambiguous ones (مالي
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
bool
ar_ner_in_list(const char *const *list, const char *s, size_t len)
{
	for (; *list; list++)
		if (strlen(*list) == len && memcmp(*list, s, len) == 0)
			return true;
	return false;
}

/* Whether a folded clitic-stripped base is a demonym, also feminine, dual or plural (روسيه, روسيان, روسيون, روسيين, روسيات). */
bool
ar_ner_is_demonym(const char *b, size_t blen)
{
	static const char *const endings[] = {"", "ه", "ان", "ين", "ون", "ات", NULL};
	const char *const *e;

	for (e = endings; *e; e++)
	{
		size_t		el = strlen(*e);

		if (blen > el && memcmp(b + blen - el, *e, el) == 0 && ar_ner_in_list(demonyms, b, blen - el))
			return true;
	}
	return false;
}

/* Lexicon class of a folded word; nationality adjectives by list and by pattern (ال...ي / ال...يه). */
int
ar_ner_lex_class(const char *full, size_t flen, const char *base, size_t blen)
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
			ar_ner_all_arabic(full, flen))
			return LEX_NISBA;
	}
	return LEX_NONE;
}
