# 010_fdw.pl — scale-out with postgres_fdw: a coordinator and two shard clusters.
#
# The coordinator's table `articles` is partitioned by shard; each partition is a
# foreign table on one shard cluster (server option extensions 'pg_arabic', every
# cluster has CREATE EXTENSION pg_arabic).  Checks, from EXPLAIN VERBOSE, that
# filters and aggregates over our IMMUTABLE functions are shipped to the shards in
# the Remote SQL (and are not without the extensions option), and that the results
# equal those of the same query over a local copy of the rows.  Text-search filters
# with the extension's configuration `ar` and ar_entities are checked when those
# objects exist (they are diagnosed as skipped otherwise).
use strict;
use warnings;
use utf8;
use PostgreSQL::Test::Utils;
use Test::More;
use PgArabicTAP;

my @sentences = corpus_sentences();
my $coord = new_node('coord');
my @shards = map { new_node("shard$_") } 1 .. 2;
$coord->safe_psql('postgres', 'CREATE EXTENSION postgres_fdw');

# rows: sentence i goes to shard 1 + i % 2
my $rows = '';
for my $i (0 .. $#sentences)
{
	(my $s = $sentences[$i]) =~ s/'/''/g;
	$rows .= sprintf("(%d, %d, '%s'),\n", $i + 1, 1 + $i % 2, $s);
}
$rows =~ s/,\n\z//;
my $load = "CREATE TABLE articles(id int PRIMARY KEY, shard int NOT NULL, body text NOT NULL);\n"
  . "INSERT INTO articles VALUES $rows;";
utf8::encode($load);
for my $n (1 .. 2)
{
	$shards[ $n - 1 ]->safe_psql('postgres', "$load\nDELETE FROM articles WHERE shard <> $n; ANALYZE articles;");
}
(my $local_load = $load) =~ s/CREATE TABLE articles\(/CREATE TABLE articles_local(/;
$local_load =~ s/INSERT INTO articles VALUES/INSERT INTO articles_local VALUES/;
$coord->safe_psql('postgres', $local_load);

my $setup = "CREATE TABLE articles(id int, shard int NOT NULL, body text NOT NULL) PARTITION BY LIST (shard);\n";
for my $n (1 .. 2)
{
	my $sh = $shards[ $n - 1 ];
	$setup .= sprintf(q{
		CREATE SERVER s%d FOREIGN DATA WRAPPER postgres_fdw
		  OPTIONS (host '%s', port '%d', dbname 'postgres', extensions 'pg_arabic',
		           fdw_tuple_cost '0.5');
		CREATE USER MAPPING FOR CURRENT_USER SERVER s%d;
		CREATE FOREIGN TABLE articles_s%d PARTITION OF articles FOR VALUES IN (%d)
		  SERVER s%d OPTIONS (table_name 'articles', use_remote_estimate 'true');
	}, $n, $sh->host, $sh->port, $n, $n, $n, $n);
}
$coord->safe_psql('postgres', $setup . "ANALYZE articles;");
is($coord->safe_psql('postgres', 'SELECT count(*) FROM articles'), scalar(@sentences), 'all rows reachable through the shards');

# Runs $sql on the coordinator over `articles` and over the local copy: same rows.
sub same_result
{
	my ($sql, $label) = @_;
	my $q = $sql;
	utf8::encode($q);
	my $remote = $coord->safe_psql('postgres', $q);
	(my $l = $q) =~ s/\barticles\b/articles_local/g;
	my $local = $coord->safe_psql('postgres', $l);
	is($remote, $local, "$label: sharded result equals the local result");
	return $remote;
}

# EXPLAIN VERBOSE of $sql: the Remote SQL lines.
sub remote_sql
{
	my ($sql, $settings) = @_;
	my $q = ($settings // '') . "EXPLAIN (VERBOSE, COSTS OFF) $sql";
	utf8::encode($q);
	my $plan = $coord->safe_psql('postgres', $q);
	utf8::decode($plan);
	return ($plan, grep { /Remote SQL:/ } split /\n/, $plan);
}

# 1. a WHERE filter over ar_normalize is shipped to both shards
my $filter = q{SELECT id FROM articles WHERE ar_normalize(body) LIKE '%' || ar_normalize('الأمريكي') || '%' ORDER BY id};
my ($plan, @remote) = remote_sql($filter);
diag("plan:\n$plan");
is(scalar(grep { /ar_normalize\(body/ } @remote), 2, 'ar_normalize filter is in the Remote SQL of both shards');
my $hits = same_result($filter, 'ar_normalize filter');
cmp_ok(scalar(split /\n/, $hits), '>', 0, 'the filter matches some rows');

# 2. aggregates over our functions are computed on the shards (partitionwise)
my $agg = q{SELECT shard, count(*), sum(length(ar_normalize(body))), sum(length(ar_normalize(body, 'clean')))
	FROM articles GROUP BY shard ORDER BY shard};
($plan, @remote) = remote_sql($agg, "SET enable_partitionwise_aggregate = on;\n");
diag("plan:\n$plan");
is(scalar(grep { /sum\(length\(\S*ar_normalize\(body/ } @remote), 2, 'aggregate over ar_normalize is computed on both shards');
same_result($agg, 'aggregate over ar_normalize');

# 3. without the extensions option nothing of ours is shipped (the option is what matters)
$coord->safe_psql('postgres', "ALTER SERVER s1 OPTIONS (DROP extensions); ALTER SERVER s2 OPTIONS (DROP extensions)");
($plan, @remote) = remote_sql($filter);
is(scalar(grep { /ar_normalize/ } @remote), 0, 'without extensions \'pg_arabic\' the filter runs on the coordinator');
like($plan, qr/Filter: \(ar_normalize\(articles\w*\.body/, 'local Filter line shows ar_normalize evaluated on the coordinator');
same_result($filter, 'ar_normalize filter evaluated locally');
$coord->safe_psql('postgres', "ALTER SERVER s1 OPTIONS (ADD extensions 'pg_arabic'); ALTER SERVER s2 OPTIONS (ADD extensions 'pg_arabic')");

# 4. full-text search with the extension's configuration, when it exists
my @configs = ext_configs($coord);
if (grep { $_ eq 'public.ar' } @configs)
{
	my $fts = q{SELECT id FROM articles WHERE to_tsvector('ar', body) @@ websearch_to_tsquery('ar', 'الوزير موسكو') ORDER BY id};
	($plan, @remote) = remote_sql($fts);
	diag("plan:\n$plan");
	is(scalar(grep { /to_tsvector\(.*ar.*body/ } @remote), 2, "to_tsvector('ar', …) filter is in the Remote SQL of both shards");
	my $r = same_result($fts, "to_tsvector('ar') filter");
	cmp_ok(scalar(split /\n/, $r), '>', 0, 'the search matches some rows');
	my $fts_agg = q{SELECT shard, count(*) FROM articles WHERE to_tsvector('ar', body) @@ plainto_tsquery('ar', 'الاقتصاد') GROUP BY shard ORDER BY shard};
	($plan, @remote) = remote_sql($fts_agg, "SET enable_partitionwise_aggregate = on;\n");
	diag("plan:\n$plan");
	is(scalar(grep { /to_tsvector\(.*ar.*body/ } @remote), 2, 'search filter of the count shipped to both shards');
	diag('count(*) itself ' . ((grep { /count\(\*\)/ } @remote) ? 'is' : 'is not') . ' computed on the shards (planner cost choice)');
	same_result($fts_agg, 'search + count');
}
else
{
	diag('SKIPPED (LOUD): text-search configuration ar does not exist yet; to_tsvector pushdown not tested');
}

# 5. entity extraction, when it exists.  Scalar uses of ar_entities in a filter or an
#    aggregate can only be shipped if it is IMMUTABLE; report what the planner does.
my ($ent) = grep { $_->{name} eq 'ar_entities' } ext_functions($coord);
if ($ent)
{
	my $vol = $coord->safe_psql('postgres', "SELECT provolatile FROM pg_proc WHERE oid = $ent->{oid}");
	my $q = q{SELECT shard, count(*) FROM articles a WHERE EXISTS (SELECT 1 FROM ar_entities(a.body)) GROUP BY shard ORDER BY shard};
	($plan, @remote) = remote_sql($q, "SET enable_partitionwise_aggregate = on;\n");
	diag("ar_entities is " . ($vol eq 'i' ? 'IMMUTABLE' : $vol eq 's' ? 'STABLE' : 'VOLATILE') . "; plan:\n$plan");
	same_result($q, 'rows with entities');
	# postgres_fdw never ships set-returning functions or sublinks, whatever their
	# volatility: entity filters go to the shards through the scalar companion
	# ar_entity_keys(text) (IMMUTABLE, text[]).
	my $kq = q{SELECT shard, count(*) FROM articles a WHERE ar_entity_keys(a.body) <> '{}' GROUP BY shard ORDER BY shard};
	my ($kplan, @kremote) = remote_sql($kq, "SET enable_partitionwise_aggregate = on;\n");
	diag("ar_entity_keys plan:\n$kplan");
	same_result($kq, 'rows with entity keys');
	is(scalar(grep { /ar_entity_keys/ } @kremote), 2, 'ar_entity_keys filter is shipped to both shards');
}
else
{
	diag('SKIPPED (LOUD): ar_entities does not exist yet; entity pushdown not tested');
}

$_->stop for ($coord, @shards);
done_testing();
