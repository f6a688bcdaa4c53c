# 031_gazetteer_statement.pl — one statement sees one gazetteer version.
#
# A writer inserts and deletes a user row of ar_gazetteer in a loop (each change
# committed) while:
#  - 8 readers run statements that call ar_entities and ar_entity_keys on the same
#    texts (20 rows each) and compare them inside the statement: the keys of
#    ar_entities and ar_entity_keys must agree for every row of every statement;
#  - CREATE TABLE ... AS SELECT ar_entity_keys(...) over 3,000 rows: every row of the
#    new table must carry the same keys (one gazetteer version for the statement);
#  - a parallel query (forced parallel plan, ar_entity_keys called in the parallel scan)
#    must give the same keys in every worker and in the leader.
# Then, after the writer stopped, every session must see the final state in its next
# statement (no session stuck on an old version), and sessions that followed changes
# incrementally agree with a fresh session after: user rows folding to one key, updates,
# deletes, rollbacks, a transaction's own changes, and 9000 changes that prune the log
# past an idle session.
use strict;
use warnings;
use utf8;
use PostgreSQL::Test::Utils;
use Test::More;
use Time::HiRes qw(time sleep);
use PgArabicTAP;

my $node = new_node('stmt', conf => "max_worker_processes = 8\nmax_parallel_workers = 4\n");

my $text = 'وصل الوفد الرسمي إلى مدينة زمرشتان صباح أمس في زيارة رسمية';
my $name = 'زمرشتان';
my $canon = 'زمرشتان الشرقي';
sub enc { my $s = shift; utf8::encode($s); return $s; }

my $base = utf8_psql($node, 'postgres', "SELECT ar_entity_keys('$text')::text");
my $ins = enc("INSERT INTO ar_gazetteer(surface, label, canonical) VALUES ('$name', 'ORG', '$canon')");
my $del = enc("DELETE FROM ar_gazetteer WHERE surface = '$name' AND origin = 'user'");
$node->safe_psql('postgres', $ins);
my $with_row = utf8_psql($node, 'postgres', "SELECT ar_entity_keys('$text')::text");
$node->safe_psql('postgres', $del);
isnt($with_row, $base, "the user row changes the keys ($base -> $with_row)");

# one statement, two functions, 20 rows: true when ar_entities and ar_entity_keys agree on every row
my $agree = enc(qq{SELECT bool_and(ARRAY(SELECT DISTINCT e.label || ':' || e.canonical COLLATE "C"
	  FROM ar_entities(s.t) e ORDER BY 1) = ar_entity_keys(s.t))
	FROM generate_series(1, 20) g, LATERAL (SELECT '$text ' || g AS t) s});
is($node->safe_psql('postgres', $agree), 't', 'the agreement probe holds without concurrent changes');

my $writer = Session->new($node);
my @readers = map { Session->new($node) } 1 .. 8;
my $ctas = Session->new($node);
$ctas->query('SET client_min_messages = warning');
my $par = Session->new($node);
$par->query('SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0; '
	  . 'SET max_parallel_workers_per_gather = 2; SET parallel_leader_participation = on');
$node->safe_psql('postgres', enc("CREATE TABLE par_texts AS SELECT g, '$text ' || g AS t FROM generate_series(1, 3000) g; ANALYZE par_texts"));
# the number of distinct keys, computed in the parallel scan (workers and leader)
my $par_probe = 'SELECT count(*) FROM (SELECT ar_entity_keys(t) AS k FROM par_texts GROUP BY 1) s';
my $plan = $par->query("EXPLAIN (VERBOSE, COSTS OFF) $par_probe");
like($plan, qr/Parallel Seq Scan.*\n\s*Output: ar_entity_keys/, 'the parallel probe calls ar_entity_keys in the workers');

my ($stmts, $bad, $errors, $ctas_runs, $ctas_mixed, $par_runs, $par_mixed) = (0, 0, 0, 0, 0, 0, 0);
my $t0 = time;
my @tags = map { $_->send($agree) } @readers;
my $ctas_tag = $ctas->send("DROP TABLE IF EXISTS ctas_keys; CREATE TABLE ctas_keys AS SELECT g, ar_entity_keys(t) AS k FROM par_texts; SELECT count(DISTINCT k) FROM ctas_keys");
my $par_tag = $par->send($par_probe);
my $changes = 0;
while (time - $t0 < 20 || $stmts < 400)
{
	$writer->query($changes % 2 ? $del : $ins);
	$changes++;
	for my $k (0 .. $#readers)
	{
		next unless $readers[$k]->done($tags[$k]);
		my ($out, $err) = $readers[$k]->wait($tags[$k]);
		if ($err ne '') { $errors++; diag("reader $k: $err"); }
		$stmts++;
		$bad++ if $out ne 't';
		$tags[$k] = $readers[$k]->send($agree);
	}
	if ($ctas->done($ctas_tag))
	{
		my ($out, $err) = $ctas->wait($ctas_tag);
		if ($err ne '') { $errors++; diag("ctas: $err"); }
		$ctas_runs++;
		$ctas_mixed++ if $out ne '1';
		$ctas_tag = $ctas->send("DROP TABLE IF EXISTS ctas_keys; CREATE TABLE ctas_keys AS SELECT g, ar_entity_keys(t) AS k FROM par_texts; SELECT count(DISTINCT k) FROM ctas_keys");
	}
	if ($par->done($par_tag))
	{
		my ($out, $err) = $par->wait($par_tag);
		if ($err ne '') { $errors++; diag("parallel: $err"); }
		$par_runs++;
		$par_mixed++ if $out ne '1';
		$par_tag = $par->send($par_probe);
	}
	last if time - $t0 > 120;
}
for my $k (0 .. $#readers)
{
	my ($out, $err) = $readers[$k]->wait($tags[$k]);
	$stmts++;
	$bad++ if $out ne 't';
}
for ([ $ctas, $ctas_tag, \$ctas_runs, \$ctas_mixed ], [ $par, $par_tag, \$par_runs, \$par_mixed ])
{
	my ($s, $tag, $runs, $mixed) = @$_;
	my ($out, $err) = $s->wait($tag);
	$errors++ if $err ne '';
	$$runs++;
	$$mixed++ if $out ne '1';
}
diag(sprintf('%d gazetteer changes in %.1f s; %d reader statements, %d disagreed (%.1f %%); '
	  . 'CREATE TABLE AS: %d runs, %d mixed; parallel: %d runs, %d mixed',
	$changes, time - $t0, $stmts, $bad, 100 * $bad / ($stmts || 1), $ctas_runs, $ctas_mixed, $par_runs, $par_mixed));
is($errors, 0, 'no errors');
ok($stmts >= 400, "enough reader statements ($stmts)");
is($bad, 0, 'ar_entities and ar_entity_keys agree within every statement');
is($ctas_mixed, 0, "every CREATE TABLE AS used one gazetteer version for all its rows ($ctas_runs runs)");
is($par_mixed, 0, "parallel workers used the leader's gazetteer version ($par_runs runs)");

# final state: the writer's last change is seen by everyone's next statement
my $final = $changes % 2 ? $with_row : $base;
my $probe = enc("SELECT ar_entity_keys(t)::text FROM (SELECT '$text' || '' AS t) s");
for my $s (@readers, $ctas, $par)
{
	my $got = $s->query($probe);
	utf8::decode($got);
	is($got, $final, 'a session that followed the changes sees the final state');
}
my $fresh = utf8_psql($node, 'postgres', "SELECT ar_entity_keys('$text')::text");
is($fresh, $final, 'a fresh session agrees');

# sessions that follow changes incrementally agree with a fresh session: user rows that
# fold to the same key (the greatest row wins), updates, deletes, a rolled-back change,
# a change in a transaction that read before writing, and a log pruned past an idle session
my $idle = Session->new($node);
# (names made of letters: the tagger does not match names with digits)
my $k_text = 'التقى أحمد زمرشتاني مع وفد مؤسسة الاختبار ذحاا في مدينة زمرشتان';
my $k_probe = enc("SELECT ar_entity_keys(t)::text FROM (SELECT '$k_text' || '' AS t) s");
$idle->query($k_probe);
sub agree
{
	my ($label) = @_;
	my $fresh = $node->safe_psql('postgres', $k_probe);
	my @got = map { scalar $_->query($k_probe) } @readers[ 0 .. 2 ];
	is(join('|', @got), join('|', ($fresh) x 3), "$label: sessions that followed agree with a fresh one") or diag(join(' / ', @got) . " vs $fresh");
	my $show = $fresh;
	utf8::decode($show);
	diag("$label: $show");
	return $fresh;
}
$readers[$_]->query($k_probe) for 0 .. 2;
$writer->query(enc("INSERT INTO ar_gazetteer(surface, label, canonical) VALUES ('أحمد زمرشتاني', 'PER', NULL), ('احمد زمرشتاني', 'ORG', 'مجموعة زمرشتاني')"));
agree('two user rows with one folded key');
$writer->query(enc("DELETE FROM ar_gazetteer WHERE surface = 'احمد زمرشتاني' AND origin = 'user'"));
agree('the winner of a key deleted');
$writer->query(enc("UPDATE ar_gazetteer SET label = 'LOC' WHERE surface = 'أحمد زمرشتاني' AND origin = 'user'"));
agree('an update');
$writer->query(enc("BEGIN; DELETE FROM ar_gazetteer WHERE surface = 'أحمد زمرشتاني' AND origin = 'user'; ROLLBACK"));
agree('a rolled-back delete');
$readers[0]->query('BEGIN');
$readers[0]->query('SELECT pg_catalog.txid_current()');
$readers[0]->query($k_probe);
$readers[0]->query(enc("DELETE FROM ar_gazetteer WHERE surface = 'أحمد زمرشتاني' AND origin = 'user'"));
my $own = $readers[0]->query($k_probe);
my $others = $idle->query($k_probe);
isnt($own, $others, 'a transaction sees its own uncommitted delete, others do not');
$readers[0]->query('COMMIT');
agree('a delete by a transaction that had read before it wrote');
$writer->query(enc("INSERT INTO ar_gazetteer(surface, label) SELECT 'مؤسسة الاختبار ' || translate(g::text, '0123456789', 'ابتثجحخدذر'), 'ORG' FROM generate_series(1, 9000) g"));
is($node->safe_psql('postgres', "SELECT count(*) > 0 FROM ar_gazetteer_log WHERE op = 'P'"), 't', '9000 changes pruned the log');
my $after = agree('9000 rows inserted (log pruned)');
is($idle->query($k_probe), $after, 'a session idle while the log was pruned agrees too');
like($after, qr/ORG:/, 'the inserted rows are used');
$writer->query(enc("DELETE FROM ar_gazetteer WHERE surface LIKE 'مؤسسة الاختبار %' AND origin = 'user'"));
is($idle->query($k_probe), $node->safe_psql('postgres', $k_probe), 'after deleting them, the idle session agrees with a fresh one');
agree('9000 rows deleted');

# a cursor keeps the version of its query while newer statements of its transaction see newer ones
my $c = $readers[1];
$c->query('BEGIN');
$c->query(enc("DECLARE c CURSOR FOR SELECT ar_entity_keys('$k_text ' || g)::text FROM generate_series(1, 3) g"));
my $first = $c->query('FETCH 1 FROM c');
$writer->query(enc("INSERT INTO ar_gazetteer(surface, label) VALUES ('أحمد زمرشتاني', 'ORG')"));
my $newer = $c->query($k_probe);
isnt($newer, $first, 'a new statement in the cursor\'s transaction sees the committed change');
is($c->query('FETCH 1 FROM c'), $first, 'the cursor keeps its version');
$c->query($k_probe);
is($c->query('FETCH 1 FROM c'), $first, 'the cursor keeps its version after another newer statement');
$c->query('COMMIT');
is($c->query($k_probe), $newer, 'after the transaction the session is back on the newest version');
$idle->quit;

$_->quit for ($writer, @readers, $ctas, $par);
ok(!$node->log_contains('terminated by signal|PANIC'), 'no crashed backend');
$node->stop;
done_testing();
