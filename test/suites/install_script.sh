#!/usr/bin/env bash
# Static check of the install scripts src/pg_arabic--*.sql: every object created,
# altered, commented on, granted or referenced by name is schema-qualified
# (@extschema@. or pg_catalog.), and every SQL/PL function pins its search_path (or
# is a C function).  Prints each offending line; exits 1 if there is any.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
perl -0777 -ne '
  my $file = $ARGV;
  s{--[^\n]*}{}g;                          # comments
  my $bad = 0;
  my $q = qr/(?:\@extschema\@|pg_catalog)\./;
  my $kinds = qr/(?:OR\s+REPLACE\s+)?(?:FUNCTION|PROCEDURE|AGGREGATE|TABLE|VIEW|MATERIALIZED\s+VIEW|SEQUENCE|TYPE|DOMAIN|INDEX\s+\S+\s+ON|OPERATOR\s+CLASS|OPERATOR|TEXT\s+SEARCH\s+(?:CONFIGURATION|DICTIONARY|PARSER|TEMPLATE))/i;
  # strip dollar-quoted bodies but remember them for the function check
  my @stmts = split /;\s*(?=\n|$)/;
  for my $st (@stmts) {
    (my $flat = $st) =~ s/\$(\w*)\$.*?\$\1\$/\$BODY\$/gs;
    $flat =~ s/\s+/ /g;
    next if $flat =~ /^\s*$/ || $flat =~ /^\s*\\echo/;
    if ($flat =~ /\b(?:CREATE|ALTER|DROP)\s+$kinds\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?(\S+)/i) {
      my $n = $1;
      if ($n !~ /^$q/) { print "$file: unqualified name $n in: ", substr($flat, 0, 120), "\n"; $bad++; }
    }
    if ($flat =~ /\bCOMMENT\s+ON\s+$kinds\s+(\S+)/i) {
      my $n = $1;
      if ($n !~ /^$q/) { print "$file: unqualified name $n in: ", substr($flat, 0, 120), "\n"; $bad++; }
    }
    my @refs;
    push @refs, $1 if $flat =~ /^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|COPY|TRUNCATE)\s+([A-Za-z_@][\w@.]*)/i;
    push @refs, $flat =~ /\bREFERENCES\s+([A-Za-z_@][\w@.]*)/gi;
    push @refs, $1 if $flat =~ /^\s*(?:GRANT|REVOKE)\b.*?\bON\s+(?:TABLE\s+|FUNCTION\s+|SEQUENCE\s+)?([A-Za-z_@][\w@.]*)/i;
    push @refs, $1 if $flat =~ /^\s*CREATE\s+(?:CONSTRAINT\s+)?TRIGGER\s+\S+\s.*?\bON\s+([A-Za-z_@][\w@.]*)/i;
    push @refs, $1 if $flat =~ /\bEXECUTE\s+(?:FUNCTION|PROCEDURE)\s+([A-Za-z_@][\w@.]*)/i;
    for my $n (@refs) {
      if ($n !~ /^$q/) { print "$file: unqualified name $n in: ", substr($flat, 0, 120), "\n"; $bad++; }
    }
    if ($flat =~ /\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:FUNCTION|PROCEDURE)\b/i
        && $flat =~ /\bLANGUAGE\s+(sql|plpgsql)\b/i && $flat !~ /\bSET\s+search_path\b/i
        && $flat !~ /\bBEGIN\s+ATOMIC\b/i) {
      print "$file: SQL/PL function without SET search_path: ", substr($flat, 0, 120), "\n"; $bad++;
    }
  }
  $total += $bad;
  END { print "install scripts: ", ($total ? "$total problem(s)" : "every object schema-qualified"), "\n"; exit($total ? 1 : 0); }
' "$root"/src/pg_arabic--*.sql
