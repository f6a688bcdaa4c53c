-- ar_root(word): the root of one Arabic word where the lexicon and the patterns make it certain
SET client_min_messages = warning;

-- certain roots: derived nouns, broken plurals, verbs with prefixes and endings, hamza, weak radicals
SELECT v.w, ar_root(v.w) AS root
FROM (VALUES
  (1, 'كتاب'), (2, 'الكاتب'), (3, 'مكتوب'), (4, 'المكتبات'), (5, 'المدارس'),
  (6, 'يستخدمون'), (7, 'استخدام'), (8, 'المستخدمين'), (9, 'الانتخابات'), (10, 'اجتماع'),
  (11, 'المفاوضات'), (12, 'تفاعل'), (13, 'الوزراء'), (14, 'الرسائل'), (15, 'حقوق'),
  (16, 'مسؤول'), (17, 'سؤال'), (18, 'مسألة'), (19, 'يسأل'), (20, 'المبادئ'),
  (21, 'يقول'), (22, 'تقويم'), (23, 'المشاريع'), (24, 'أصدقاء'), (25, 'والمعلمين'),
  (26, 'الاقتصادية'), (27, 'المصانع'), (28, 'كتبوا'), (29, 'يدرسون'), (30, 'علماء')) AS v(i, w)
ORDER BY v.i;

-- hamza seats, diacritics and tatweel are normalized as in the stemmer
SELECT ar_root('مُسْؤُول') AS diacritics, ar_root('مسـؤول') AS tatweel, ar_root('مسئول') AS seat;

-- uncertain or ambiguous: NULL (hollow and defective forms, doubled comparatives, loanwords)
SELECT v.w, ar_root(v.w) IS NULL AS no_root
FROM (VALUES (1, 'قال'), (2, 'مكان'), (3, 'بناء'), (4, 'أهم'), (5, 'التلفزيون'), (6, 'واشنطن'),
             (7, 'إيمان'), (8, 'قائمة'), (9, 'مبنى'), (10, 'ترجمة')) AS v(i, w)
ORDER BY v.i;

-- not one Arabic word: NULL, no error
SELECT ar_root('') IS NULL AS empty, ar_root('book') IS NULL AS latin, ar_root('123') IS NULL AS digits,
       ar_root('١٢٣') IS NULL AS arabic_digits, ar_root('كتاب جديد') IS NULL AS two_words,
       ar_root(' كتاب') IS NULL AS space, ar_root('في') IS NULL AS stopword,
       ar_root('كتابbook') IS NULL AS mixed, ar_root(NULL) IS NULL AS null_input;

-- a function word behind clitics is no root's word either (و + قد, و + كان, ف + كان, ل + له)
SELECT w, ar_root(w) AS root
FROM unnest(ARRAY['وقد', 'وكان', 'فكان', 'وكانت', 'ولم', 'وعلى', 'لله', 'وكتب']) AS w;

-- very long input: NULL, quickly (the work is bounded)
SELECT ar_root(repeat('ب', 100000)) IS NULL AS long_letters,
       ar_root(repeat('كتاب ', 50000)) IS NULL AS long_text;

-- one answer per word, whatever the order of calls (the lexicon is loaded once per backend)
SELECT count(*) AS words, count(DISTINCT ar_root(w)) AS roots
FROM (SELECT unnest(array['يكتب', 'كتاب', 'مكتوب', 'كاتب', 'الكتابة']) AS w) s;

SELECT p.provolatile, p.proisstrict, p.proparallel
FROM pg_proc p WHERE p.proname = 'ar_root';
SELECT obj_description('ar_root(text)'::regprocedure, 'pg_proc') IS NOT NULL AS commented;
