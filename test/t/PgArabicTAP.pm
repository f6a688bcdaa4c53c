# PgArabicTAP.pm — helpers shared by the pg_arabic TAP tests (test/t/*.pl).
#
# Cluster set-up with the extension, discovery of the extension's functions and
# text-search configurations from the catalogs (so objects added later are covered
# without editing the tests), sensible values for non-text arguments, corpus access,
# backend memory readings and an interactive psql session we can poll.
package PgArabicTAP;

use strict;
use warnings;
use Exporter 'import';
use IPC::Run;
use Time::HiRes qw(time sleep);
use Test::More;
use PostgreSQL::Test::Cluster;

our @EXPORT = qw(new_node utf8_psql ext_functions ext_configs ext_ts_objects arg_value call_expr call_sql corpus_sentences
  proc_status_kb);

# diag() and note() of the tests' Arabic strings reach the terminal and the log as UTF-8 bytes.
# PostgreSQL's test library (INIT block, run before this one) ties Test::More's handles to
# PostgreSQL::Test::SimpleTee, whose warnings are FATAL from PostgreSQL 17: printing a
# character string there dies of "Wide character", and through a :utf8 layer of "Unicode
# non-character" (the fuzz inputs of 001_crash.pl hold some).  So each tied handle is re-tied to
# PgArabicTAP::ByteTee, which encodes character strings to UTF-8 bytes and hands them on.
INIT
{
	my $builder = Test::More->builder;
	for my $fh ($builder->output, $builder->failure_output, $builder->todo_output)
	{
		my $inner = tied(*$fh);
		next if !$inner || ref($inner) eq 'PgArabicTAP::ByteTee';
		no warnings 'untie';
		untie *$fh;
		tie *$fh, 'PgArabicTAP::ByteTee', $inner;
	}
}

# A started UTF8 cluster with pg_arabic created in database postgres.
sub new_node
{
	my ($name, %opt) = @_;
	my $node = PostgreSQL::Test::Cluster->new($name);
	$node->init(extra => [ '--encoding=UTF8', '--locale=C' ]);
	$node->append_conf('postgresql.conf', $opt{conf}) if $opt{conf};
	$node->start;
	$node->safe_psql('postgres', 'CREATE EXTENSION pg_arabic');
	return $node;
}

# safe_psql with Perl character strings in and out (the tests' Arabic literals are utf8).
sub utf8_psql
{
	my ($node, $db, $q) = @_;
	utf8::encode($q);
	my $out = $node->safe_psql($db, $q);
	utf8::decode($out);
	return $out;
}

# Every SQL-callable function of the extension (skips those taking internal):
# list of hashes {oid, sig, name, retset, argtypes => [...], argnames => [...],
# ndefaults, prokind}.
sub ext_functions
{
	my ($node, $db) = @_;
	my $rows = $node->safe_psql($db // 'postgres', q{
		SELECT p.oid, p.oid::regprocedure, p.proname, p.proretset,
		       pg_catalog.array_to_string(ARRAY(SELECT pg_catalog.format_type(t, NULL)
		            FROM pg_catalog.unnest(p.proargtypes::oid[]) t), ';'),
		       pg_catalog.array_to_string(ARRAY(SELECT coalesce(u.n, '')
		            FROM unnest(p.proargnames, coalesce(p.proargmodes,
		                   pg_catalog.array_fill('i'::"char", ARRAY[coalesce(pg_catalog.cardinality(p.proargnames), 0)])))
		                 AS u(n, m)
		            WHERE u.m IN ('i', 'b', 'v')), ';'),
		       p.pronargdefaults
		FROM pg_catalog.pg_proc p
		JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass
		     AND d.objid = p.oid AND d.deptype = 'e'
		JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
		WHERE p.prokind = 'f'
		  AND NOT ('internal'::regtype = ANY (p.proargtypes::oid[]))
		ORDER BY p.proname, p.oid});
	my @f;
	for my $line (split /\n/, $rows)
	{
		my ($oid, $sig, $name, $retset, $types, $names, $ndef) = split /\|/, $line, -1;
		my @types = $types eq '' ? () : split /;/, $types, -1;
		my @names = $names eq '' ? () : split /;/, $names, -1;
		push @f, { oid => $oid, sig => $sig, name => $name, retset => $retset eq 't',
			argtypes => \@types, argnames => \@names, ndefaults => $ndef };
	}
	return @f;
}

# Text-search objects of catalog $catalog (pg_ts_config, pg_ts_dict or pg_ts_parser)
# owned by the extension, as qualified names.
my %ts_cols = (pg_ts_config => [ 'cfgname', 'cfgnamespace' ],
	pg_ts_dict => [ 'dictname', 'dictnamespace' ], pg_ts_parser => [ 'prsname', 'prsnamespace' ]);

sub ext_ts_objects
{
	my ($node, $catalog, $db) = @_;
	my ($name, $nsp) = @{ $ts_cols{$catalog} or die "unknown catalog $catalog" };
	my $rows = $node->safe_psql($db // 'postgres', qq{
		SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(o.$name)
		FROM pg_catalog.$catalog o
		JOIN pg_catalog.pg_namespace n ON n.oid = o.$nsp
		JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.$catalog'::regclass
		     AND d.objid = o.oid AND d.deptype = 'e'
		JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
		ORDER BY 1});
	return grep { $_ ne '' } split /\n/, $rows;
}

# Text-search configurations owned by the extension.
sub ext_configs { return ext_ts_objects($_[0], 'pg_ts_config', $_[1]); }

# A sensible SQL literal for a non-fuzzed argument, by name then type; undef if unknown.
sub arg_value
{
	my ($type, $name, $configs) = @_;
	$name //= '';
	my $cfg = @$configs ? $configs->[0] : 'simple';
	return "'search'" if $name =~ /profile/ && $type eq 'text';
	return "'buckwalter'" if $name =~ /scheme/ && $type eq 'text';
	return "'$cfg'" if $type eq 'regconfig' || ($type eq 'text' && $name =~ /^(cfg|config)/);
	return "'2024-03-15'::date" if $type eq 'date';
	return "'2024-03-15 12:00:00+00'::$type" if $type =~ /^timestamp/;
	return "3" if $type =~ /^(integer|smallint|bigint)$/;
	return "0.5" if $type =~ /^(numeric|real|double precision)$/;
	return "true" if $type eq 'boolean';
	return "'{}'::jsonb" if $type eq 'jsonb';
	return "'{}'::$type" if $type =~ /\[\]$/;
	return "''" if $type eq 'text';
	return undef;
}

# The call of function $f with $1 at argument position $pos (other arguments from
# arg_value, or %$override by position); undef if some argument has no known value.
sub call_expr
{
	my ($f, $pos, $configs, $override) = @_;
	my @args;
	for my $i (0 .. $#{ $f->{argtypes} })
	{
		my $t = $f->{argtypes}[$i];
		if ($i == $pos) { push @args, '$1'; next; }
		if ($override && defined $override->{$i}) { push @args, $override->{$i}; next; }
		my $v = arg_value($t, $f->{argnames}[$i], $configs);
		return undef unless defined $v;
		push @args, $v;
	}
	my $name = $f->{sig} =~ s/\(.*//sr;    # name (qualified if needed) from regprocedure
	return "$name(" . join(', ', @args) . ')';
}

# A query producing one text value from expression $expr (a call, or an SRF if
# $retset): the result's text form, an SRF's rows joined, so every output function runs.
sub call_sql
{
	my ($expr, $retset) = @_;
	return $retset
	  ? "SELECT pg_catalog.string_agg(x::text, E'\\n') FROM $expr x"
	  : "SELECT ($expr)::text";
}

# The sentences of the project's sample corpus (test/corpus), one per element.
sub corpus_sentences
{
	my $root = $ENV{PGARABIC_ROOT} or die "PGARABIC_ROOT is not set (run via test/suites/tap.sh)";
	my @s;
	for my $file (glob "$root/test/corpus/[0-9]*.txt")
	{
		open my $fh, '<:encoding(UTF-8)', $file or die "$file: $!";
		local $/;
		my $txt = <$fh>;
		close $fh;
		push @s, grep { length > 2 } map { s/^\s+|\s+$//gr } split /(?<=[.!?؟،\n])/, $txt;
	}
	die "no corpus sentences in $root/test/corpus" unless @s > 20;
	return @s;
}

# A field (in kB) of /proc/<pid>/status.
sub proc_status_kb
{
	my ($pid, $field) = @_;
	open my $fh, '<', "/proc/$pid/status" or die "/proc/$pid/status: $!";
	while (<$fh>) { return $1 if /^\Q$field\E:\s+(\d+)\s+kB/; }
	die "no $field in /proc/$pid/status";
}

# A tied output handle that prints character strings as UTF-8 bytes through another tied
# handle object (PostgreSQL::Test::SimpleTee).
package PgArabicTAP::ByteTee;

sub TIEHANDLE { my ($class, $inner) = @_; return bless { inner => $inner }, $class; }

# Encode (a copy of) each character string, then print through the inner tie.
sub PRINT
{
	my $self = shift;
	my @bytes = map { my $s = $_; utf8::encode($s) if defined $s && utf8::is_utf8($s); $s } @_;
	return $self->{inner}->PRINT(@bytes);
}

# printf as print of the formatted string.
sub PRINTF { my ($self, $fmt, @args) = @_; return $self->PRINT(sprintf($fmt, @args)); }

# Interactive psql we can feed and poll: Session->new($node, $db).
package Session;
use Time::HiRes qw(time sleep);

sub new
{
	my ($class, $node, $db) = @_;
	my $self = bless { in => '', out => '', err => '', n => 0 }, $class;
	$self->{h} = IPC::Run::start(
		[ $node->installed_command('psql'), '-XAtq', '-v', 'ON_ERROR_STOP=0',
			'-d', $node->connstr($db // 'postgres') ],
		'<', \$self->{in}, '>', \$self->{out}, '2>', \$self->{err});
	$self->{pid} = $self->query('SELECT pg_catalog.pg_backend_pid()');
	return $self;
}

# Send $sql without waiting; returns a marker to pass to wait/done.
sub send
{
	my ($self, $sql) = @_;
	my $tag = '__done_' . (++$self->{n}) . '__';
	$self->{out} = '';
	$self->{err} = '';
	$sql =~ s/;?\s*\z/;/;    # psql runs a backslash command before an unterminated query
	$self->{in} .= "$sql\n\\echo $tag\n";
	$self->{h}->pump_nb;
	return $tag;
}

sub done
{
	my ($self, $tag) = @_;
	$self->{h}->pump_nb;
	return $self->{out} =~ /\Q$tag\E\n/;
}

# Wait for $tag (timeout seconds, default 600); returns (stdout, stderr).
sub wait
{
	my ($self, $tag, $timeout) = @_;
	my $end = time + ($timeout // 600);
	until ($self->done($tag))
	{
		die "timeout waiting for psql (stderr: $self->{err})" if time > $end;
		sleep 0.01;
	}
	my $out = $self->{out} =~ s/\Q$tag\E\n//r;
	chomp $out;
	return ($out, $self->{err});
}

# Run $sql and return its stdout (dies on stderr output unless $allow_err).
sub query
{
	my ($self, $sql, $allow_err) = @_;
	my ($out, $err) = $self->wait($self->send($sql));
	die "psql error: $err\nin: $sql" if $err ne '' && !$allow_err;
	return wantarray ? ($out, $err) : $out;
}

sub quit
{
	my ($self) = @_;
	$self->{in} .= "\\q\n";
	$self->{h}->finish;
}

1;
