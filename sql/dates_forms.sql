-- ar_dates: every supported form, with and without a reference date.
-- Sentences written for these tests.
SELECT expression, value, start_pos, length FROM ar_dates(
  'وصل الوفد إلى عمّان في 13 أبريل 2017 والتقى بالمسؤولين.');
-- Levantine/Egyptian pair, unresolved then resolved with a reference
SELECT expression, value FROM ar_dates('تعقد الجلسة المقبلة في 24 نيسان/أبريل بحضور الأعضاء.');
SELECT expression, value FROM ar_dates('تعقد الجلسة المقبلة في 24 نيسان/أبريل بحضور الأعضاء.', '2017-04-13');
SELECT expression, value FROM ar_dates('بدأ البرنامج في كانون الثاني(يناير) بعد تأخير.');
SELECT expression, value FROM ar_dates('وصدر المرسوم بتاريخ 3/7/2019 ونشر في الجريدة الرسمية.');
SELECT expression, value FROM ar_dates('ولد في 4/22/1948 حسب السجل، وسجل في 1.2.2001 وفي 2019-07-03.');
-- years, month + year, year ranges, era marks
SELECT expression, value FROM ar_dates('تأسست الجمعية عام 2017 وتوسعت في تموز 1970 ثم في العام (1985) وخلال 1936 - 1939.');
SELECT expression, value FROM ar_dates('بني المسجد عام 1325 هجري الموافق عام 1907 ميلادي.');
-- all Levantine names
SELECT string_agg(value, ' ' ORDER BY start_pos) FROM ar_dates(
  '1 كانون الثاني 2020، 2 شباط 2020، 3 آذار 2020، 4 نيسان 2020، 5 أيار 2020، 6 حزيران 2020، 7 تموز 2020، 8 آب 2020، 9 أيلول 2020، 10 تشرين الأول 2020، 11 تشرين الثاني 2020، 12 كانون الأول 2020');
-- Egyptian/Gulf names and spelling variants
SELECT string_agg(value, ' ' ORDER BY start_pos) FROM ar_dates(
  '1 يناير 2021، 2 فبراير 2021، 3 مارس 2021، 4 أبريل 2021، 4 إبريل 2021، 5 مايو 2021، 6 يونيو 2021، 6 يونيه 2021، 7 يوليو 2021، 7 يوليه 2021، 8 أغسطس 2021، 8 اغسطس 2021، 9 سبتمبر 2021، 10 أكتوبر 2021، 11 نوفمبر 2021، 12 ديسمبر 2021');
-- Maghrebi names
SELECT string_agg(value, ' ' ORDER BY start_pos) FROM ar_dates(
  '1 جانفي 2022، 2 فيفري 2022، 3 مارس 2022، 4 أفريل 2022، 5 ماي 2022، 6 جوان 2022، 7 جويلية 2022، 8 أوت 2022، 9 سبتمبر 2022، 10 أكتوبر 2022، 11 نوفمبر 2022، 12 ديسمبر 2022');
-- Arabic-Indic digits and clitics
SELECT expression, value FROM ar_dates('وفي ١٥ مارس ٢٠٢٠ أغلقت المدارس، وبأيار ٢٠٢١ أعيد فتحها.');
-- Hijri dates through ICU (Umm al-Qura)
SELECT expression, value FROM ar_dates('توفي في 15 رمضان 1440 هـ ودفن في اليوم التالي.');
SELECT expression, value FROM ar_dates('وقعت الحادثة في 1 ذو الحجة 1444 هـ.');
SELECT expression, value FROM ar_dates('يبدأ الصيام في شهر رمضان المبارك.', '2024-03-01');
SELECT expression, value FROM ar_dates('يبدأ الصيام في شهر رمضان المبارك.');
-- weekdays and relative words, unresolved then resolved (reference is a Thursday)
SELECT expression, value FROM ar_dates(
  'قال الوزير يوم الأربعاء إنه سيعود غدا، وكان قد وصل أمس بعد زيارة أول أمس، ويعقد الاجتماع اليوم.');
SELECT expression, value FROM ar_dates(
  'قال الوزير يوم الأربعاء إنه سيعود غدا، وكان قد وصل أمس بعد زيارة أول أمس، ويعقد الاجتماع اليوم.', '2017-04-13');
SELECT expression, value FROM ar_dates(
  'ارتفعت الأسعار الأسبوع الماضي، ويتوقع انخفاضها الشهر المقبل، بعد أن استقرت العام الماضي وهذا العام.');
SELECT expression, value FROM ar_dates(
  'ارتفعت الأسعار الأسبوع الماضي، ويتوقع انخفاضها الشهر المقبل، بعد أن استقرت العام الماضي وهذا العام.', '2017-04-13');
SELECT expression, value FROM ar_dates('وصل قبل ثلاثة أيام بعد غياب منذ عامين، وسيبقى خلال 45 يوما.', '2020-03-01');
SELECT expression, value FROM ar_dates('وصل قبل ثلاثة أيام بعد غياب منذ عامين، وسيبقى خلال 45 يوما.');
SELECT expression, value FROM ar_dates('تحسن الوضع في الأيام الأخيرة، ويجتمع المجلس أسبوعيا، والسبت الماضي كان عطلة.', '2017-04-13');
-- month names with a past/next adjective, and a relative day with its weekday in parentheses
SELECT expression, value FROM ar_dates('عاد في يناير الماضي وسيسافر في مايو المقبل، وأعلن اليوم (الاثنين) النتائج.', '2017-04-13');
-- decades, centuries, the current period after a boundary word; a market named after a day
SELECT expression, value FROM ar_dates(
  'ازدهرت المدينة في الأربعينات من القرن الماضي وفي ثمانينات القرن العشرين، وتتغير في القرن الحادي والعشرين.');
SELECT expression, value FROM ar_dates('يكتمل المشروع مطلع العام، والتقرير نهاية الشهر، وسوق الجمعة مزدحم يوم الجمعة.', '2017-04-13');
-- a Hijri date and its Gregorian writing are two expressions with the same value
SELECT expression, value FROM ar_dates('صدر القرار في 15 رمضان 1440 هـ الموافق 20 مايو 2019 م.');
-- ranges and named periods
SELECT expression, value FROM ar_dates('ارتفعت الإصابات بين يناير ومارس، واستمر المعرض من 13 وحتى 15 تشرين الثاني 2016.');
SELECT expression, value FROM ar_dates('وثائق من الفترة العثمانية محفوظة في الأرشيف.');
-- not dates: counts, page numbers
SELECT count(*) FROM ar_dates('شارك 2000 شخص في المسيرة، ورقم 1995 هو رقم الملف، ونسبة 2017 % غير منطقية.');
SELECT count(*) FROM ar_dates('شاشة بدقة 1920 × 1080، وعالج المستشفى 1893 مريضا.');
SELECT expression FROM ar_dates('وفي 2015 أيضا تضاعف العدد.');
SELECT count(*) FROM ar_dates('مارس الضغط على الحكومة وقال إن أب الطفل وصل.');
-- offsets law: substr(input, start_pos, length) = expression
WITH t(s) AS (VALUES ('ﻻ شيء في ٢٤ نيسان/أبريل 2017 ثم أمس 😀 وفي 3/7/2019.'))
SELECT bool_and(substr(s, start_pos, length) = expression) AS offsets_ok, count(*)
FROM t, ar_dates(t.s);
-- NULL handling: no rows for NULL input; NULL reference = unresolved
SELECT count(*) FROM ar_dates(NULL);
SELECT value FROM ar_dates('أمس', NULL);
SELECT count(*) FROM ar_dates('');
-- errors
SELECT * FROM ar_dates('أمس', 'infinity');
SELECT * FROM ar_dates('أمس', '10000-01-01');
-- a number word with the article opens a duration; في المئة is "per cent"
SELECT expression, value FROM ar_dates('تراجع الإنتاج على مدى الخمس سنوات الماضية وخلال الستة أشهر الأولى.');
SELECT expression, value FROM ar_dates('ارتفع المؤشر خمسة في المئة يوم الإثنين.');
-- dates that do not exist are never emitted: the impossible day is dropped, the month remains
SELECT expression, value FROM ar_dates('اجتمعوا في 31 شباط ثم في 31 حزيران.', '2020-01-01');
SELECT expression, value FROM ar_dates('اجتمعوا في 31 حزيران وفي 30 شباط وفي 29 شباط.');
SELECT expression, value FROM ar_dates('اجتمعوا في 29 شباط 2021 وفي 29 شباط 2024.');
SELECT expression, value FROM ar_dates('سيجتمعون في 29 شباط المقبل.', '2021-06-01');
-- resolved values stay in years 1-9999: beyond, the value is the one without a reference
SELECT expression, value FROM ar_dates('الأسبوع المقبل وغدا والشهر المقبل والأحد المقبل', '9999-12-31');
SELECT expression, value FROM ar_dates('أمس والعام الماضي والأسبوع الماضي', '0001-01-01');
-- a Hijri day its month does not have in that year (Ramadan 1440 had 29 days): the month remains
SELECT expression, value FROM ar_dates('صام الناس من 1 رمضان 1440 هـ، وانتهى الشهر في 30 رمضان 1440 هـ حسب التقويم.');
