# 050_upgrade.pl — ALTER EXTENSION pg_arabic UPDATE from every earlier version.
#
# For each version older than the default one (from pg_available_extension_versions,
# so a new upgrade script is covered without editing this test): install it, add a
# user gazetteer row, make the shipped rows stale (as an older gazetteer file left
# them: one shipped row gone, one that the current file no longer has), update, and
# compare with a fresh install of the default version: every member object with its
# definition, comment and privileges, the gazetteer table's columns, constraints,
# indexes and triggers, the config-dump registration, the shipped rows, the user row,
# and ar_entities using the prebuilt gazetteer image again.  0.1 is also updated from
# the variant that main carried before 0.2 (0.1 plus _ar_gaz_row_hash).
use strict;
use warnings;
use utf8;
use PostgreSQL::Test::Utils;
use Test::More;
use PgArabicTAP;

my $node = new_node('upgrade');    # database postgres: a fresh install of the default version

sub sql { return utf8_psql($node, @_); }

# Everything an upgrade must reproduce, as one sorted text.
my $catalog_sql = q{
	WITH ext AS (SELECT oid, extconfig, extcondition FROM pg_catalog.pg_extension WHERE extname = 'pg_arabic'),
	members AS (
	  SELECT d.classid, d.objid FROM pg_catalog.pg_depend d, ext
	  WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e'),
	gaz AS (SELECT 'public.ar_gazetteer'::regclass AS rel)
	SELECT pg_catalog.string_agg(x, E'\n' ORDER BY x) FROM (
	  SELECT 'member ' || pg_catalog.pg_describe_object(m.classid, m.objid, 0)
	         || ' | ' || coalesce(pg_catalog.obj_description(m.objid, m.classid::regclass::text), '<no comment>')
	         || coalesce(' | ' || (SELECT pg_catalog.pg_get_functiondef(p.oid) || ' acl ' || coalesce(p.proacl::text, '')
	                               FROM pg_catalog.pg_proc p WHERE p.oid = m.objid AND p.prokind IN ('f', 'p')
	                                 AND m.classid = 'pg_catalog.pg_proc'::regclass), '')
	         || coalesce(' | acl ' || (SELECT coalesce(c.relacl::text, '') FROM pg_catalog.pg_class c
	                                   WHERE c.oid = m.objid AND m.classid = 'pg_catalog.pg_class'::regclass), '')
	         || coalesce(' | init ' || (SELECT coalesce(t.dictinitoption, '')
	                                    FROM (SELECT dictinitoption FROM pg_catalog.pg_ts_dict WHERE oid = m.objid
	                                            AND m.classid = 'pg_catalog.pg_ts_dict'::regclass) t), '')
	         || coalesce(' | map ' || (SELECT pg_catalog.string_agg(cm.maptokentype || ':' || cm.mapseqno || ':' || cm.mapdict::regdictionary, ',' ORDER BY 1)
	                                   FROM pg_catalog.pg_ts_config_map cm
	                                   WHERE cm.mapcfg = m.objid AND m.classid = 'pg_catalog.pg_ts_config'::regclass), '')
	         AS x FROM members m
	  UNION ALL
	  SELECT 'column ' || a.attname || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) || ' notnull=' || a.attnotnull
	         || ' default=' || coalesce(pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), '') || ' | '
	         || coalesce(pg_catalog.col_description(a.attrelid, a.attnum), '')
	  FROM gaz, pg_catalog.pg_attribute a
	  LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
	  WHERE a.attrelid = gaz.rel AND a.attnum > 0 AND NOT a.attisdropped
	  UNION ALL
	  SELECT 'constraint ' || pg_catalog.pg_get_constraintdef(c.oid) FROM gaz, pg_catalog.pg_constraint c WHERE c.conrelid = gaz.rel
	  UNION ALL
	  SELECT 'index ' || pg_catalog.pg_get_indexdef(i.indexrelid) FROM gaz, pg_catalog.pg_index i WHERE i.indrelid = gaz.rel
	  UNION ALL
	  SELECT 'trigger ' || pg_catalog.pg_get_triggerdef(t.oid) FROM gaz, pg_catalog.pg_trigger t
	  WHERE t.tgrelid = gaz.rel AND NOT t.tgisinternal
	  UNION ALL
	  SELECT 'config dump ' || ext.extconfig::regclass[]::text || ' ' || coalesce(ext.extcondition::text, '') FROM ext
	) s};

# The shipped rows as a digest, and the user rows.
my $rows_sql = q{
	SELECT (SELECT pg_catalog.count(*) || ' ' || pg_catalog.md5(pg_catalog.string_agg(
	               surface || '|' || label || '|' || coalesce(canonical, '') || '|' || origin, E'\n'
	               ORDER BY surface, label, canonical, origin))
	        FROM public.ar_gazetteer WHERE origin <> 'user')
	    || ' / user: ' || (SELECT coalesce(pg_catalog.string_agg(surface || '|' || label, ',' ORDER BY surface), '')
	                       FROM public.ar_gazetteer WHERE origin = 'user')};

my $default = sql('postgres', q{SELECT default_version FROM pg_catalog.pg_available_extensions WHERE name = 'pg_arabic'});
my @older = split /\n/, sql('postgres', qq{
	SELECT version FROM pg_catalog.pg_available_extension_versions
	WHERE name = 'pg_arabic' AND version <> '$default' ORDER BY version});
diag("default version $default; older versions: @older");
ok(scalar(@older) >= 1, 'there is at least one older version to update from');

my $marker = 'مؤسسة اختبار الترقية';
sql('postgres', "INSERT INTO public.ar_gazetteer (surface, label) VALUES ('$marker', 'ORG')");
my $want_catalog = sql('postgres', $catalog_sql);
my $want_rows = sql('postgres', $rows_sql);
like($want_rows, qr{ / user: \Q$marker\E\|ORG$}, 'the fresh install has the user row');

my @cases = map { [ $_, '' ] } @older;
push @cases, [ '0.1', 'with_hash' ] if grep { $_ eq '0.1' } @older;
for my $case (@cases)
{
	my ($from, $variant) = @$case;
	(my $db = "from_$from" . ($variant ? "_$variant" : '')) =~ s/\W/_/g;
	sql('postgres', "CREATE DATABASE $db");
	sql($db, "CREATE EXTENSION pg_arabic VERSION '$from'");
	if ($variant eq 'with_hash')
	{
		# main carried _ar_gaz_row_hash in its 0.1 script before 0.2 existed
		sql($db, q{
			CREATE FUNCTION public._ar_gaz_row_hash(surface text, label text, canonical text, origin text)
			  RETURNS bigint AS '$libdir/pg_arabic', 'ar_gaz_row_hash_sql' LANGUAGE C IMMUTABLE PARALLEL SAFE;
			ALTER EXTENSION pg_arabic ADD FUNCTION public._ar_gaz_row_hash(text, text, text, text)});
	}
	sql($db, "INSERT INTO public.ar_gazetteer (surface, label) VALUES ('$marker', 'ORG')");
	# shipped rows of an older gazetteer file: one missing, one the current file lacks
	sql($db, q{
		DELETE FROM public.ar_gazetteer WHERE ctid = (SELECT ctid FROM public.ar_gazetteer WHERE origin = 'curated' LIMIT 1);
		INSERT INTO public.ar_gazetteer (surface, label, origin) VALUES ('اسم لم يعد في الملف', 'PER', 'curated')});
	isnt(sql($db, $rows_sql), $want_rows, "$db: shipped rows made stale before the update");

	sql($db, 'ALTER EXTENSION pg_arabic UPDATE');
	is(sql($db, q{SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'pg_arabic'}), $default,
		"$db: updated to $default");
	my $got_catalog = sql($db, $catalog_sql);
	is($got_catalog, $want_catalog, "$db: catalog after the update equals a fresh install");
	if ($got_catalog ne $want_catalog)
	{
		my %w = map { $_ => 1 } split /\n/, $want_catalog;
		my %g = map { $_ => 1 } split /\n/, $got_catalog;
		diag("missing after update: $_") for grep { !$g{$_} } sort keys %w;
		diag("extra after update: $_") for grep { !$w{$_} } sort keys %g;
	}
	is(sql($db, $rows_sql), $want_rows, "$db: shipped rows are the installed file's, the user row is kept");

	# the tagger sees the user row, and the shipped rows match the prebuilt image again
	my $sentence = "أعلنت $marker عن نتائجها";
	my ($rc, $out, $err) = $node->psql($db, "SET client_min_messages = debug1;
		SELECT entity || '|' || label FROM public.ar_entities('$sentence') WHERE label = 'ORG'");
	utf8::decode($out);
	utf8::decode($err);
	is($rc, 0, "$db: ar_entities runs after the update");
	is($out, "$marker|ORG", "$db: ar_entities returns the user row");
	like($err, qr/shipped gazetteer rows loaded from the image/, "$db: the gazetteer image is used after the update")
	  or diag($err);
}

$node->stop;
done_testing();
