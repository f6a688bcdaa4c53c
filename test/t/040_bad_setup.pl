# 040_bad_setup.pl — bad set-ups give clear SQL errors, never crashes.
#
# Non-UTF8 databases (LATIN1, SQL_ASCII), a LATIN1 client, and for every text-search
# template of the extension: unknown options, bad option values, and data-file names
# that are missing or carry a path.  Each error must be an ordinary SQL error (not the
# XX class), name the offending option or file, and leave the server running.
use strict;
use warnings;
use utf8;
use PostgreSQL::Test::Utils;
use Test::More;
use PgArabicTAP;

my $node = new_node('bad');
my $started = $node->safe_psql('postgres', 'SELECT pg_postmaster_start_time()');

# Runs $sql expecting an error; returns (sqlstate, full stderr).
sub fails
{
	my ($db, $sql) = @_;
	my $q = "\\set VERBOSITY verbose\n$sql";
	utf8::encode($q);
	my ($rc, $out, $err) = $node->psql($db, $q);
	utf8::decode($err);
	my ($state) = $err =~ /ERROR:\s+([0-9A-Z]{5}):/;
	return ($rc, $state // 'none', $err);
}

sub clean_error
{
	my ($db, $sql, $like, $label) = @_;
	my ($rc, $state, $err) = fails($db, $sql);
	ok($rc != 0 && $state ne 'none' && $state !~ /^XX/, "$label: clean SQL error ($state)") or diag($err);
	like($err, $like, "$label: message names the problem") if $like;
	diag("$label: " . (split /\n/, $err)[0]);
	return $err;
}

# non-UTF8 databases
for my $enc ('LATIN1', 'SQL_ASCII')
{
	$node->safe_psql('postgres', "CREATE DATABASE db_" . lc($enc) . " ENCODING '$enc' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
	my $err = clean_error("db_" . lc($enc), 'CREATE EXTENSION pg_arabic', qr/UTF8/, "CREATE EXTENSION in a $enc database");
	like($err, qr/HINT:.*UTF8/s, "$enc: the hint says how to fix it");
}

# a LATIN1 client of a UTF8 database: Arabic output cannot be converted, a clean error
clean_error('postgres', "SET client_encoding = 'LATIN1'; SELECT ar_normalize(U&'\\0623\\062D\\0645\\062F')",
	qr/LATIN1/, 'Arabic result to a LATIN1 client');
is($node->safe_psql('postgres', "SET client_encoding = 'LATIN1'; SELECT length(ar_normalize(U&'\\0623\\062D\\0645\\062F'))"),
	'4', 'a LATIN1 client can still use results that convert');

# text-search templates of the extension
my $templates = $node->safe_psql('postgres', q{
	SELECT t.oid::regclass::text, t.tmplname FROM pg_ts_template t
	JOIN pg_depend d ON d.classid = 'pg_ts_template'::regclass AND d.objid = t.oid AND d.deptype = 'e'
	JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic' ORDER BY 2});
my @templates = map { (split /\|/)[1] } grep { $_ ne '' } split /\n/, $templates;
if (!@templates)
{
	diag('SKIPPED (LOUD): the extension has no text-search template yet; dictionary option errors not tested');
}
my $n = 0;
for my $t (@templates)
{
	my $mk = sub { my $opts = shift; $n++; return "CREATE TEXT SEARCH DICTIONARY bad_$n (TEMPLATE = public.$t, $opts)"; };
	clean_error('postgres', $mk->('NoSuchOption = 1'), qr/nosuchoption/i, "$t: unknown option");
	next unless $t eq 'ar_stem_template';
	# documented options: StopWords, ProtectedWords, Plurals (file base names in
	# tsearch_data), Aggressiveness (0-3), Normalization (ar_normalize rule spec)
	for my $opt ('StopWords', 'ProtectedWords', 'Plurals')
	{
		clean_error('postgres', $mk->("$opt = 'no_such_list_xyz'"), qr/no_such_list_xyz/, "$t: $opt names a missing file");
		clean_error('postgres', $mk->("$opt = '../../../../etc/passwd'"), qr/passwd|path|\//i, "$t: $opt with a relative path");
		clean_error('postgres', $mk->("$opt = '/etc/passwd'"), qr/passwd|path|\//i, "$t: $opt with an absolute path");
		clean_error('postgres', $mk->("$opt = ''"), undef, "$t: empty $opt");
	}
	clean_error('postgres', $mk->('Aggressiveness = 7'), qr/aggressiveness/i, "$t: Aggressiveness out of range");
	clean_error('postgres', $mk->("Aggressiveness = 'lots'"), qr/aggressiveness/i, "$t: Aggressiveness not a number");
	clean_error('postgres', $mk->("Normalization = 'search,no_such_rule'"), qr/no_such_rule/, "$t: unknown normalization rule");
}

is($node->safe_psql('postgres', 'SELECT pg_postmaster_start_time()'), $started, 'server never restarted');
ok(!$node->log_contains('terminated by signal|PANIC'), 'no crashed backend');
$node->stop;
done_testing();
