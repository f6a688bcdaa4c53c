-- ar_entities: named entities with the shipped model and gazetteer.
-- Sentences written for this test.

-- people with titles, places, organisations
SELECT entity, label, start_pos, length, canonical
FROM ar_entities('التقى الرئيس الروسي فلاديمير بوتين في موسكو وزير الخارجية الأمريكي ريكس تيلرسون، بحضور سيرغي لافروف.');

SELECT entity, label, canonical
FROM ar_entities('دعا الأمين العام للأمم المتحدة أنطونيو غوتيريش مجلس الأمن الدولي إلى اجتماع طارئ في جنيف.');

SELECT entity, label, canonical
FROM ar_entities('أعلن حلف شمال الأطلسي أن قمة مجموعة السبع ستعقد في برلين، حسب وكالة شينخوا.');

-- groups of countries named by their size are organisations (a rule: the training text has
-- none); «a group of students» and «the three groups» are not; numbers keep their digits
SELECT entity, label, canonical
FROM ar_entities('دعا وزراء مجموعة العشرين ولمجموعة الدول السبع الكبرى ومجموعة الـ 77 إلى الحوار، بينما وقفت مجموعة من الطلاب أمام المجموعة الثلاث.')
ORDER BY start_pos;

-- clitic-glued mentions group with the full name; spelling variants share one canonical form
SELECT entity, label, canonical
FROM ar_entities('قال سيرغي لافروف إن موسكو ترحب، وأكد ذلك مكتب للافروف، ثم عاد ولافروف إلى الكرملين، وغادر الوفد الكريملن مساء.');

SELECT count(DISTINCT canonical) AS lavrov_forms
FROM ar_entities('قال سيرغي لافروف إن موسكو ترحب، وأكد ذلك مكتب للافروف، ثم عاد ولافروف إلى العاصمة.')
WHERE entity LIKE '%لافروف%';

-- the span law: substr(input, start_pos, length) = entity, on awkward inputs too
WITH inputs(t) AS (VALUES
  ('وصل بوتين إلى طهران، ثم إلى دمشق.'),
  ('بَشّار الأَسَد في دِمَشق'),                 -- diacritics
  ('وزير الخارجية جون كيري (واشنطن) 🙂 والرئيس باراك أوباما'),
  ('NATO و الناتو و Reuters'),
  ('   '),
  (''),
  ('١٢٣ موسكو ٢٠٢١ ـــ القاهرة'),
  (repeat('قال أنطونيو غوتيريش في نيويورك. ', 300))
)
SELECT count(*) AS entities,
       count(*) FILTER (WHERE substr(t, start_pos, length) = entity) AS span_law_holds,
       count(*) FILTER (WHERE score > 0 AND score <= 1) AS scores_in_range,
       count(*) FILTER (WHERE label IN ('PER', 'LOC', 'ORG', 'MISC')) AS known_labels
FROM inputs, ar_entities(t);

SELECT * FROM ar_entities(NULL);

-- same input, same output
SELECT (SELECT array_agg(e ORDER BY start_pos) FROM ar_entities('زار ماكرون بكين والتقى شي جين بينغ.') e)
     = (SELECT array_agg(e ORDER BY start_pos) FROM ar_entities('زار ماكرون بكين والتقى شي جين بينغ.') e) AS deterministic;

-- declared properties: IMMUTABLE for a given model and gazetteer version (see the COMMENT)
SELECT p.proname, p.provolatile, p.proparallel, p.proisstrict, p.proretset
FROM pg_proc p WHERE p.proname = 'ar_entities';

-- the gazetteer: shipped rows, dump registration, privileges
SELECT origin, count(*) > 0 AS has_rows FROM ar_gazetteer GROUP BY origin ORDER BY origin COLLATE "C";
SELECT c.relname, e.extcondition
FROM pg_extension e, unnest(e.extconfig) WITH ORDINALITY AS x(oid, i)
JOIN pg_class c ON c.oid = x.oid
CROSS JOIN LATERAL (SELECT e.extcondition[x.i] AS extcondition) ec
WHERE e.extname = 'pg_arabic';
SELECT has_table_privilege('public', 'ar_gazetteer', 'SELECT') AS public_select,
       has_table_privilege('public', 'ar_gazetteer', 'INSERT') AS public_insert,
       has_table_privilege('public', 'ar_gazetteer', 'DELETE') AS public_delete;

-- a lone nationality adjective is not a person, also indefinite
SELECT entity, label FROM ar_entities('وأكد مسؤول روسي أن موسكو مستعدة للحوار، وقال دبلوماسيون غربيون إن الرد متوقع.');

-- a phrase the model does not take for a name until a user row names it;
-- the next statement sees the row
SELECT entity, label FROM ar_entities('زرنا الحديقة الخضراء ثم مررنا بالحديقة الخضراء مساء.');
INSERT INTO ar_gazetteer (surface, label, canonical) VALUES ('الحديقة الخضراء', 'ORG', 'نادي الحديقة الخضراء');
SELECT entity, label, canonical FROM ar_entities('زرنا الحديقة الخضراء ثم مررنا بالحديقة الخضراء مساء.');
SELECT entity, label FROM ar_entities('وصلت زوبيرتا كلاندوف إلى مدينة قرطبونة أمس.');
INSERT INTO ar_gazetteer (surface, label) VALUES ('زوبيرتا كلاندوف', 'PER');
INSERT INTO ar_gazetteer (surface, label, canonical) VALUES ('قرطبونة', 'LOC', 'قرطبونة الكبرى');
SELECT entity, label, canonical FROM ar_entities('وصلت زوبيرتا كلاندوف إلى مدينة قرطبونة أمس.');
-- clitic-glued mention of the new name
SELECT entity, label, canonical FROM ar_entities('سافر الوفد إلى قرطبونة ثم عاد من بقرطبونة.') ORDER BY start_pos;
-- a user row can relabel a name
UPDATE ar_gazetteer SET label = 'ORG' WHERE surface = 'زوبيرتا كلاندوف';
SELECT entity, label FROM ar_entities('وصلت زوبيرتا كلاندوف إلى مدينة قرطبونة أمس.');
DELETE FROM ar_gazetteer WHERE origin = 'user';
SELECT entity, label FROM ar_entities('وصلت زوبيرتا كلاندوف إلى مدينة قرطبونة أمس.');

-- a user row overrides the model on its span but is not a model feature: the
-- names around it are found as without the row (موسكو was lost when it was)
SELECT entity, label FROM ar_entities('موسكو تجربة أولى') ORDER BY start_pos;
INSERT INTO ar_gazetteer (surface, label) VALUES ('تجربة أولى', 'ORG');
SELECT entity, label FROM ar_entities('موسكو تجربة أولى') ORDER BY start_pos;
DELETE FROM ar_gazetteer WHERE origin = 'user';

-- many user rows removed in one statement (the session reloads instead of applying 600
-- removals one by one): the removed names are gone, the kept row (ORG, not the model's PER) stays
INSERT INTO ar_gazetteer (surface, label)
  SELECT 'بلدة ' || translate(g::text, '0123456789', 'سبتثجحخدذر'), 'LOC' FROM generate_series(1, 600) g;
INSERT INTO ar_gazetteer (surface, label) VALUES ('زوبيرتا كلاندوف', 'ORG');
SELECT entity, label FROM ar_entities('وصلت زوبيرتا كلاندوف إلى بلدة حخ أمس.') ORDER BY start_pos;
DELETE FROM ar_gazetteer WHERE origin = 'user' AND surface LIKE 'بلدة %';
SELECT entity, label FROM ar_entities('وصلت زوبيرتا كلاندوف إلى بلدة حخ أمس.') ORDER BY start_pos;
DELETE FROM ar_gazetteer WHERE origin = 'user';

-- inside a transaction, too
BEGIN;
INSERT INTO ar_gazetteer (surface, label) VALUES ('الساحة الكبيرة', 'LOC');
SELECT entity, label FROM ar_entities('تجمع الناس في الساحة الكبيرة.');
ROLLBACK;
SELECT entity, label FROM ar_entities('تجمع الناس في الساحة الكبيرة.');

-- the owner may change shipped rows too: the shipped layer of the cache is rebuilt
-- (DEBUG1 says where the shipped rows came from: the build's image, or the table once they differ)
BEGIN;
UPDATE ar_gazetteer SET canonical = 'مجلس الأمن التابع للأمم المتحدة'
  WHERE surface = 'مجلس الأمن' AND origin = 'curated';
SET client_min_messages = debug1;
SELECT entity, label, canonical FROM ar_entities('اجتمع مجلس الأمن أمس.');
RESET client_min_messages;
INSERT INTO ar_gazetteer (surface, label) VALUES ('الساحة الكبيرة', 'LOC');
SELECT entity, label, canonical FROM ar_entities('اجتمع مجلس الأمن أمس في الساحة الكبيرة.');
ROLLBACK;
SET client_min_messages = debug1;
SELECT entity, label, canonical FROM ar_entities('اجتمع مجلس الأمن أمس في الساحة الكبيرة.');
RESET client_min_messages;

-- only the owner writes the gazetteer; everyone reads it and extracts
CREATE ROLE ner_reader;
SET ROLE ner_reader;
SELECT count(*) > 0 AS can_read FROM ar_gazetteer;
INSERT INTO ar_gazetteer (surface, label) VALUES ('شخص مجهول', 'PER');
UPDATE ar_gazetteer SET label = 'PER' WHERE surface = 'موسكو';
DELETE FROM ar_gazetteer;
TRUNCATE ar_gazetteer;
SELECT entity, label FROM ar_entities('زار بوتين القاهرة.');
RESET ROLE;
DROP ROLE ner_reader;

-- invalid rows are refused; one user row per surface
INSERT INTO ar_gazetteer (surface, label) VALUES ('زوبيرتا كلاندوف', 'PER');
INSERT INTO ar_gazetteer (surface, label) VALUES ('زوبيرتا كلاندوف', 'ORG');
DELETE FROM ar_gazetteer WHERE origin = 'user';
INSERT INTO ar_gazetteer (surface, label) VALUES ('شيء', 'THING');
INSERT INTO ar_gazetteer (surface, label) VALUES ('', 'PER');

-- ar_entity_keys: the distinct LABEL:canonical keys as a scalar text[] (GIN-indexable, shippable)
SELECT ar_entity_keys('قال الرئيس فلاديمير بوتين في موسكو إن بوتين سيزور لندن') AS keys,
       ar_entity_keys('') AS empty, ar_entity_keys(NULL) IS NULL AS strict;
CREATE TEMP TABLE ent_docs(id int, body text);
INSERT INTO ent_docs VALUES (1, 'زار وزير الخارجية سيرغي لافروف القاهرة'), (2, 'ارتفعت أسعار النفط اليوم');
CREATE INDEX ON ent_docs USING gin (ar_entity_keys(body));
SELECT id FROM ent_docs WHERE ar_entity_keys(body) @> ARRAY['LOC:القاهره'] ORDER BY id;

-- a month name in a date is no name (نيسان is also Nissan), the same word elsewhere is the model's call
SELECT entity, label FROM ar_entities('وصل الوزير إلى موسكو يوم 9 نيسان/أبريل 2024، وفي 15 نيسان عاد إلى القاهرة.') ORDER BY start_pos;

-- a preposition glued to a hamza-initial word starts a person's name, never continues one
SELECT entity, label FROM ar_entities('نقل السفير تحيات ميركل لأردوغان أمس.') ORDER BY start_pos;

-- pg_arabic.ner_model: which model file ar_entities reads (superusers only; names, not paths)
SHOW pg_arabic.ner_model;
SET pg_arabic.ner_model = 'pg_arabic_ner_dev';
SELECT entity, label, canonical FROM ar_entities('قال الرئيس الروسي فلاديمير بوتين في موسكو.');
SET pg_arabic.ner_model = '../pg_arabic_ner';
SET pg_arabic.ner_model = 'pg_arabic_ner.model';
SET pg_arabic.ner_model = '';
SET pg_arabic.ner_model = 'no_such_model';
SELECT entity FROM ar_entities('قال بوتين.');
RESET pg_arabic.ner_model;
SELECT entity, label FROM ar_entities('قال بوتين.');
CREATE ROLE ner_setter;
SET ROLE ner_setter;
SET pg_arabic.ner_model = 'pg_arabic_ner_dev';
RESET ROLE;
DROP ROLE ner_setter;
