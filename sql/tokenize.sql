-- Tokenization: kinds, offsets, punctuation (the same in a database of any locale), edge cases.
-- zero-width format characters (bidi marks, ZWJ, ZWNJ...) shown as <U+XXXX>: psql 16+ and 15
-- lay out columns holding them differently
CREATE FUNCTION pg_temp.vis(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(string_agg(CASE WHEN c ~ '[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]'
                                  THEN format('<U+%s>', upper(lpad(to_hex(ascii(c)), 4, '0'))) ELSE c END, '' ORDER BY n), '')
  FROM regexp_split_to_table(t, '') WITH ORDINALITY AS s(c, n) $$;

SELECT * FROM ar_tokenize('قال الوزيرُ: «سنواصل المحادثات»، ثم غادر؟');

SELECT * FROM ar_tokenize('بلغت النسبة ٣٥٫٧٪ أو 35.7% من 1,200 دولار في ١٢/٣/٢٠٢٤');

SELECT pos, pg_temp.vis(token) AS token, kind, start_pos, length FROM ar_tokenize('قمة G7 وNATO في Москва و北京 🇸🇦 👨‍👩‍👧');

-- ZWNJ inside a word stays in it; tatweel and diacritics too
SELECT pg_temp.vis(token) AS token, kind, length FROM ar_tokenize(E'مي\u200Cخواهم الـمـؤتـمـر الرُّوسِيَّة');

-- edge cases
SELECT count(*) AS tokens FROM ar_tokenize('');
SELECT * FROM ar_tokenize('ًٌٍ ــــ');
SELECT * FROM ar_tokenize(E' \t\n\u200F ');

-- the offset law: substr(input, start_pos, length) = token, always
WITH inputs(x) AS (VALUES
  ('قال الوزيرُ: «سنواصل المحادثات»، ثم غادر؟'),
  ('قمة G7 وNATO في Москва و北京 🇸🇦 👨‍👩‍👧 ١٢٫٥'),
  (E'مي\u200Cخواهم \u200Fنص\u200E ﻻ ﷺ'),
  (repeat('مرحباً بكم 😀 ', 200))
)
SELECT count(*) AS tokens,
       count(*) FILTER (WHERE substr(x, t.start_pos, t.length) = t.token) AS offsets_ok,
       bool_and(t.pos > 0) AS positions_ok
FROM inputs, ar_tokenize(x) t;

-- positions are consecutive
SELECT count(*) AS tokens, bool_and(pos = rn) AS consecutive
FROM (SELECT pos, row_number() OVER (ORDER BY start_pos) AS rn
      FROM ar_tokenize('واحد، اثنان؛ ثلاثة؟ أربعة!')) s;

SELECT count(*) AS rows_for_null FROM ar_tokenize(NULL);
