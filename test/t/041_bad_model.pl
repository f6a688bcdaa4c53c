# 041_bad_model.pl — a corrupt named-entity model file gives a clean error naming it.
#
# Writes damaged copies of the installed model (tsearch_data/pg_arabic_ner.model) into
# the installation's tsearch_data under new names — truncated, empty, wrong magic,
# wrong format version, wrong feature version, a flipped payload byte (checksum) — and
# points pg_arabic.ner_model at each.  Every function that uses the model must fail
# with an ordinary SQL error (SQLSTATE outside the XX class) whose message names the
# file and whose detail says what is wrong, and the session must keep working after
# RESET.  A model file overwritten in place after a session read it does not disturb
# that session (it is read, not mapped), and a new session gets the clean error.
# The damaged files are removed at the end (by test/suites/tap.sh when it made them).
use strict;
use warnings;
use utf8;
use File::Copy;
use PostgreSQL::Test::Utils;
use Test::More;
use PgArabicTAP;

my $node = new_node('badmodel');
my $started = $node->safe_psql('postgres', 'SELECT pg_postmaster_start_time()');
my $tsdata = $node->config_data('--sharedir') . '/tsearch_data';
my $good = "$tsdata/pg_arabic_ner.model";
ok(-r $good, "the installed model exists ($good)");

open my $fh, '<:raw', $good or die "$good: $!";
my $bytes = do { local $/; <$fh> };
close $fh;
my @made;

# Writes $content as tsearch_data/NAME.model (test/suites/tap.sh makes writable empty
# placeholders when the directory is not writable; files this test creates it removes).
sub install_model
{
	my ($name, $content) = @_;
	my $path = "$tsdata/$name.model";
	push @made, $path unless -e $path;
	open my $out, '>:raw', $path
	  or BAIL_OUT("cannot write $path ($!): run through test/suites/tap.sh, which provides writable placeholders");
	print $out $content;
	close $out;
	return $path;
}

# header: magic[8], format u32, features u32, nlabels u32, nbuckets u32, scale f32, checksum u32, ...
my %bad = (
	pgatap_truncated => [ substr($bytes, 0, int(length($bytes) / 2)), qr/truncated|size does not match/i ],
	pgatap_short => [ substr($bytes, 0, 20), qr/too short/i ],
	pgatap_empty => [ '', qr/empty/i ],
	pgatap_magic => [ 'NOTAMODL' . substr($bytes, 8), qr/magic/i ],
	pgatap_version => [ substr($bytes, 0, 8) . pack('V', 9999) . substr($bytes, 12), qr/format version/i ],
	pgatap_features => [ substr($bytes, 0, 12) . pack('V', 9999) . substr($bytes, 16), qr/feature/i ],
	pgatap_checksum => [
		substr($bytes, 0, length($bytes) - 100) . chr(ord(substr($bytes, -100, 1)) ^ 0x5A) . substr($bytes, length($bytes) - 99),
		qr/checksum/i
	],
);
install_model($_, $bad{$_}[0]) for keys %bad;

my $text = 'قال وزير الخارجية الروسي سيرغي لافروف في موسكو إن المحادثات مستمرة';
my @calls = (
	[ 'ar_entities', "SELECT count(*) FROM ar_entities('$text')" ],
	[ 'ar_entity_keys', "SELECT ar_entity_keys('$text')" ],
	[ 'ar_quotes', "SELECT count(*) FROM ar_quotes('$text')" ],
);

# Runs $sql in a fresh session after SET pg_arabic.ner_model = $model; returns (rc, sqlstate, stderr).
sub run_with_model
{
	my ($model, $sql) = @_;
	my $q = "\\set VERBOSITY verbose\nSET pg_arabic.ner_model = '$model';\n$sql;\nRESET pg_arabic.ner_model;\n$sql;";
	utf8::encode($q);
	my ($rc, $out, $err) = $node->psql('postgres', $q, on_error_stop => 0);
	utf8::decode($err);
	utf8::decode($out);
	my ($state) = $err =~ /ERROR:\s+([0-9A-Z]{5}):/;
	return ($rc, $state // 'none', $err, $out);
}

for my $name (sort keys %bad)
{
	for my $c (@calls)
	{
		my ($fn, $sql) = @$c;
		my ($rc, $state, $err, $out) = run_with_model($name, $sql);
		ok($state ne 'none' && $state !~ /^XX/, "$name, $fn: clean SQL error ($state)") or diag($err);
		like($err, qr/\Q$name.model\E/, "$name, $fn: the message names the file");
		like($err, $bad{$name}[1], "$name, $fn: the message says what is wrong");
		like($err, qr/HINT:.*pg_arabic\.ner_model/s, "$name, $fn: the hint names the setting");
		isnt($out, '', "$name, $fn: after RESET the same session works with the shipped model");
		diag("$name, $fn: " . join(' | ', grep { /ERROR|DETAIL/ } split /\n/, $err)) if $fn eq 'ar_entities';
	}
}

# a missing file, and a name that is not a file base name
my ($rc, $state, $err) = run_with_model('pgatap_missing', $calls[0][1]);
ok($state ne 'none' && $state !~ /^XX/ && $err =~ /pgatap_missing\.model/, "missing model: clean error naming the file ($state)") or diag($err);
my ($rc2, $out2, $err2) = $node->psql('postgres', "SELECT ar_normalize('x'); SET pg_arabic.ner_model = '../pg_arabic_ner'");
like($err2, qr/ERROR:.*invalid value for parameter "pg_arabic.ner_model"/, 'a path is refused by the setting (library loaded)');
# set before the library is loaded: a placeholder, refused with a warning when the library
# defines the setting, and the shipped model is used
my ($rc4, $out4, $err4) = $node->psql('postgres', "SET pg_arabic.ner_model = '../pg_arabic_ner'; $calls[0][1]; SHOW pg_arabic.ner_model");
like($err4, qr/WARNING:.*invalid value for parameter "pg_arabic.ner_model"/, 'a path set before the library is loaded is refused with a warning');
like($out4, qr/pg_arabic_ner$/, 'and the shipped model is used');

# a model read by a session, then overwritten in place with a corrupt one
my $swap = install_model('pgatap_swap', $bytes);
my $s = Session->new($node);
my $probe = "SELECT count(*) FROM ar_entities('$text')";
utf8::encode($probe);
$s->query("SET pg_arabic.ner_model = 'pgatap_swap'");
my $before = $s->query($probe);
ok($before > 0, "the session tags with the copied model ($before entities)");
install_model('pgatap_swap', substr($bytes, 0, 1000));
is($s->query($probe), $before, 'a model overwritten in place does not disturb a session that read it');
my ($rc3, $state3, $err3) = run_with_model('pgatap_swap', $calls[0][1]);
ok($state3 ne 'none' && $state3 !~ /^XX/ && $err3 =~ /pgatap_swap\.model/, "a new session gets the clean error ($state3)") or diag($err3);
$s->quit;

unlink @made;
is($node->safe_psql('postgres', 'SELECT pg_postmaster_start_time()'), $started, 'server never restarted');
ok(!$node->log_contains('terminated by signal|PANIC'), 'no crashed backend');
$node->stop;
done_testing();
