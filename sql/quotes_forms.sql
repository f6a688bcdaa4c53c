-- ar_quotes: quote styles, reported speech, speaker resolution.
-- Sentences written for these tests.
-- «» with the speaker after the verb (title + name)
SELECT speaker, quote FROM ar_quotes(
  'قال وزير الخارجية المصري سامح شكري «نحن ندعم الحوار بين الأطراف».');
-- “” and "" styles; the verb-only attribution goes to the last named speaker
SELECT speaker, quote FROM ar_quotes(
  'وقال الرئيس الفرنسي إيمانويل ماكرون “لن نتراجع عن الإصلاح”. وأضاف "الحوار مفتوح مع النقابات".');
-- &quot; and orphan quot; debris
SELECT speaker, quote FROM ar_quotes(
  'وصرح المدير سعيد الحربي &quot;المشروع سيكتمل قريبا&quot; للصحفيين.');
SELECT speaker, quote FROM ar_quotes(
  'وأكد الوزير خالد منصور quot;الأسعار ستنخفضquot; في بيان.');
-- reported speech after إن / أن, with a colon, and with a participle
SELECT speaker, quote FROM ar_quotes(
  'قال وزير المالية أحمد ناصر إن الميزانية ستقدم الشهر المقبل. وأوضح أن العجز سينخفض. وتابع: إن الإصلاحات مستمرة.');
SELECT speaker, quote FROM ar_quotes(
  'واتفق معه الوزير عمر سالم، قائلا إن التعاون ضروري للطرفين.');
-- subject before the verb, and a title resolved to the person named earlier
SELECT speaker, quote FROM ar_quotes(
  'التقى وزير الخارجية الأردني أيمن الصفدي نظيره التركي هاكان فيدان في أنقرة. فيدان قال إن المباحثات كانت بناءة. وقال الوزير التركي إن الزيارة ناجحة.');
-- anonymous sources and institutions are returned as written
SELECT speaker, quote FROM ar_quotes(
  'وقال متحدث باسم وزارة الصحة إن عدد الإصابات تراجع. وقالت الوزارة إن المستشفيات جاهزة.');
-- a marked quotation without a speech verb goes to the person named before it
SELECT speaker, quote FROM ar_quotes(
  'وأشاد الرئيس التونسي قيس سعيد بالمحادثات “المثمرة” مع ضيفه.');
-- "according to" a person
SELECT speaker, quote FROM ar_quotes(
  'التقى الوزير كريم داود بالوفد. ووفقا لداود، فإن المشروع سيبدأ قريبا.');
-- a feminine verb alone does not go back to a speaker introduced with a masculine verb
SELECT speaker, quote FROM ar_quotes(
  'قال الوزير كريم داود إن الطريق مفتوح. وأعلنت الحكومة خطة جديدة، وقالت إن التمويل متوفر.');
-- names after longer titles: لدى + organization, عبد + article, a first name ending in ة
SELECT speaker, quote FROM ar_quotes(
  'وقال السفير المصري لدى الأمم المتحدة محمد إدريس للصحفيين: إن الجلسة تأجلت.');
SELECT speaker, quote FROM ar_quotes(
  'وقال الخبير عبد الله الشمري إن الأسعار سترتفع، مشيرا إلى أن الطلب قوي.');
SELECT speaker, quote FROM ar_quotes('وقالت الباحثة فاطمة الزهراني إن النتائج مشجعة.');
-- a role nobody held before is returned as written; a time word after the verb is not its subject
SELECT speaker, quote FROM ar_quotes('وأشار رئيس اللجنة المنظمة إلى أن المؤتمر ناجح.');
SELECT speaker, quote FROM ar_quotes('وكان الوزير سامي حسن قد صرح الأسبوع الماضي بأن «الاتفاق قريب».');
-- no speaker known
SELECT speaker, quote FROM ar_quotes('رفع المتظاهرون لافتات كتب عليها «لا للفساد».');
-- PERSON spans given by the caller; ar_quotes(text) gets يوسف from the entity tagger
-- (the title and speech-verb guesses alone miss names starting with ي)
SELECT speaker, quote FROM ar_quotes('قال يوسف إن الموعد تأجل.', ARRAY[int4range(5, 9)]);
SELECT speaker, quote FROM ar_quotes('قال يوسف إن الموعد تأجل.');
SELECT speaker, quote FROM ar_quotes('قال الوزير سامي حسن إن الموعد تأجل.', '{}'::int4range[]);
SELECT speaker, quote FROM ar_quotes('قال يوسف إن الموعد تأجل.', ARRAY[NULL, 'empty', int4range(5, 9)]::int4range[]);
SELECT * FROM ar_quotes('قال يوسف إن الموعد تأجل.', ARRAY[int4range(5, NULL)]);
SELECT * FROM ar_quotes('قال يوسف', ARRAY[[int4range(1, 2)]]);
-- offsets law
WITH t(s) AS (VALUES ('ﻻ «اقتباس أول» ثم قال الوزير علي حسن إن 😀 الأمر انتهى. و"ثان"'))
SELECT bool_and(substr(s, start_pos, length) = quote) AS offsets_ok, count(*)
FROM t, ar_quotes(t.s);
-- unbalanced marks, empty input, NULL (STRICT)
SELECT speaker, quote FROM ar_quotes('قال المتحدث «هذا نص بلا إغلاق');
SELECT count(*) FROM ar_quotes('');
SELECT count(*) FROM ar_quotes('«»""“”');
SELECT count(*) FROM ar_quotes(NULL);
-- ar_quotes(text) reads the tagger's PER spans, so a user gazetteer row names a speaker
-- that neither the model nor the guesses find (rolled back)
BEGIN;
SELECT speaker, quote FROM ar_quotes('قابل الصحفيون زمرد خلف التي وصفت الخطة بأنها «فاشلة».');
INSERT INTO ar_gazetteer (surface, label) VALUES ('زمرد خلف', 'PER');
SELECT speaker, quote FROM ar_quotes('قابل الصحفيون زمرد خلف التي وصفت الخطة بأنها «فاشلة».');
ROLLBACK;
-- a title inside a tagger span stays a title (the tagger returns الخبير عبد الله الشمري)
SELECT speaker, quote FROM ar_quotes('وقال الخبير عبد الله الشمري إن الأسعار سترتفع.');
-- a guessed full name after a title widens the tagger's surname span (ديلاتر alone)
SELECT speaker, quote FROM ar_quotes('وقال السفير الفرنسي لدى الأمم المتحدة فرنسوا ديلاتر للصحفيين: لا يمكننا الاستسلام.');
-- declared properties: ar_quotes(text) is IMMUTABLE for a given model and gazetteer version
SELECT p.oid::regprocedure AS function, p.provolatile, p.proparallel, p.proisstrict
FROM pg_proc p WHERE p.proname = 'ar_quotes' ORDER BY 1;
