# 020_dump_restore.pl — user data around pg_arabic survives pg_dump / pg_restore.
#
# Covered now: a table with a generated column and an expression index over
# ar_normalize, and a view over ar_tokenize.  Covered when the objects exist (a loud
# SKIPPED diag otherwise): user rows added to ar_gazetteer, and a text-search
# configuration copied from `ar` and customized (mapping changed), plus a generated
# tsvector column using it.
use strict;
use warnings;
use utf8;
use PostgreSQL::Test::Utils;
use Test::More;
use PgArabicTAP;

my $node = new_node('dump');
my $tmp = $PostgreSQL::Test::Utils::tmp_check;

sub sql { return utf8_psql($node, @_); }

sql('postgres', q{
	CREATE TABLE news(id int PRIMARY KEY, body text NOT NULL,
	                  norm text GENERATED ALWAYS AS (ar_normalize(body)) STORED);
	INSERT INTO news(id, body) VALUES
	  (1, 'قالَ وزيرُ الخارجيّة إنّ المحادثات ستُستأنف في الرّياض'),
	  (2, 'ارتفعت أسعار النفط ﻻ سيما بعد قرار أوبك'),
	  (3, 'فاز المنتخب السعوديّ على نظيره الأرجنتينيّ');
	CREATE INDEX news_norm_idx ON news (ar_normalize(body, 'search'));
	CREATE VIEW news_tokens AS SELECT n.id, t.pos, t.token FROM news n, ar_tokenize(n.body) t;
});

my @configs = ext_configs($node);
my $has_ar = grep { $_ eq 'public.ar' } @configs;
if ($has_ar)
{
	# customized copy: the first mapped token type goes to the simple dictionary
	sql('postgres', q{
		CREATE TEXT SEARCH CONFIGURATION my_ar (COPY = public.ar);
		DO $$
		DECLARE tt text;
		BEGIN
		  SELECT t.alias INTO tt
		  FROM pg_ts_config_map m
		  JOIN ts_token_type((SELECT cfgparser FROM pg_ts_config WHERE oid = 'my_ar'::regconfig)) t
		    ON t.tokid = m.maptokentype
		  WHERE m.mapcfg = 'my_ar'::regconfig ORDER BY t.tokid LIMIT 1;
		  EXECUTE format('ALTER TEXT SEARCH CONFIGURATION my_ar ALTER MAPPING FOR %I WITH simple', tt);
		END $$;
		ALTER TABLE news ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('my_ar', body)) STORED;
		CREATE INDEX news_tsv_idx ON news USING gin (to_tsvector('public.ar', body));
	});
}
else
{
	diag('SKIPPED (LOUD): text-search configuration ar does not exist yet; customized configuration not dumped');
}

my $has_gaz = sql('postgres', q{SELECT to_regclass('public.ar_gazetteer') IS NOT NULL}) eq 't';
my $gaz_marker = 'مؤسسة اختبار النسخ الاحتياطي';
my $gaz_before;
if ($has_gaz)
{
	# a user row: an existing row (or all defaults) with its first text column set to a marker
	my $cols = sql('postgres', q{
		SELECT string_agg(attname || ':' || format_type(atttypid, atttypmod) || ':' ||
		                  (attidentity <> '' OR atthasdef OR attgenerated <> '')::text, ',' ORDER BY attnum)
		FROM pg_attribute WHERE attrelid = 'public.ar_gazetteer'::regclass AND attnum > 0 AND NOT attisdropped});
	diag("ar_gazetteer columns: $cols");
	my @cols = map { [ split /:/ ] } split /,/, $cols;
	my ($textcol) = map { $_->[0] } grep { $_->[1] eq 'text' } @cols;
	my @copy = map { $_->[0] } grep { $_->[2] ne 'true' } @cols;
	my $sel = join ', ', map { $_ eq $textcol ? "'$gaz_marker'" : "g.$_" } @copy;
	sql('postgres', "INSERT INTO public.ar_gazetteer (" . join(', ', @copy) . ")
		SELECT $sel FROM public.ar_gazetteer g LIMIT 1");
	$gaz_before = sql('postgres', "SELECT count(*) FROM public.ar_gazetteer WHERE $textcol = '$gaz_marker'");
	is($gaz_before, 1, 'user row added to ar_gazetteer');
	$has_gaz = $textcol;
}
else
{
	diag('SKIPPED (LOUD): ar_gazetteer does not exist yet; user gazetteer rows not dumped');
}

# the state to compare after the round trip
my $state_sql = q{
	SELECT 'news', string_agg(id || '|' || body || '|' || norm, E'\n' ORDER BY id) FROM news
	UNION ALL SELECT 'tokens', count(*)::text || '/' || string_agg(token, ' ' ORDER BY id, pos) FROM news_tokens
	UNION ALL SELECT 'norm_index', (SELECT string_agg(id::text, ',') FROM news WHERE ar_normalize(body, 'search') = ar_normalize('فاز المنتخب السعودي على نظيره الارجنتيني'))};
$state_sql .= q{
	UNION ALL SELECT 'my_ar_map', string_agg(m.maptokentype || ':' || m.mapseqno || ':' || m.mapdict::regdictionary, ',' ORDER BY 1)
	          FROM pg_ts_config_map m WHERE m.mapcfg = 'my_ar'::regconfig
	UNION ALL SELECT 'my_ar_tsv', string_agg(tsv::text, E'\n' ORDER BY id) FROM news
	UNION ALL SELECT 'ar_search', string_agg(id::text, ',' ORDER BY id) FROM news WHERE to_tsvector('public.ar', body) @@ plainto_tsquery('public.ar', 'المنتخب')}
  if $has_ar;
$state_sql .= qq{
	UNION ALL SELECT 'gazetteer_user_rows', count(*)::text FROM public.ar_gazetteer WHERE $has_gaz = '$gaz_marker'}
  if $has_gaz;
$state_sql .= ' ORDER BY 1';
my $before = sql('postgres', $state_sql);
diag("state before dump:\n$before");

# dump, restore into a fresh database, compare
my $dump = "$tmp/pg_arabic.dump";
$node->command_ok([ 'pg_dump', '-Fc', '-f', $dump, '-d', $node->connstr('postgres') ], 'pg_dump -Fc');
sql('postgres', 'CREATE DATABASE restored');
$node->command_ok([ 'pg_restore', '--exit-on-error', '-d', $node->connstr('restored'), $dump ], 'pg_restore');
my $after = sql('restored', $state_sql);
is($after, $before, 'user tables, generated columns, expression indexes, views' .
	($has_ar ? ', customized configuration' : '') . ($has_gaz ? ', user gazetteer rows' : '') . ' survive the round trip');
like(sql('restored', q{EXPLAIN (COSTS OFF) SELECT * FROM news WHERE ar_normalize(body, 'search') = 'x'} =~ s/^/SET enable_seqscan = off;/r),
	qr/news_norm_idx/, 'the restored expression index over ar_normalize is usable');

# plain-format dump replays too (the form people keep in backups)
my $plain = "$tmp/pg_arabic.sql";
$node->command_ok([ 'pg_dump', '-f', $plain, '-d', $node->connstr('postgres') ], 'pg_dump plain');
sql('postgres', 'CREATE DATABASE restored_plain');
$node->command_ok([ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', $plain, '-d', $node->connstr('restored_plain') ],
	'plain dump replays with ON_ERROR_STOP');
is(sql('restored_plain', $state_sql), $before, 'same state after the plain dump');

$node->stop;
done_testing();
