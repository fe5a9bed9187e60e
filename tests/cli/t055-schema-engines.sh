# A SQLite book and a PostgreSQL book have the same tables, columns and
# constraints: schema/sqlite/001..009 applied in order, and schema/pg/007,
# 008 and 009, describe one book.  For each table: its columns in order, with
# their type (integer or text), NOT NULL and default; its primary key; its
# unique constraints; its foreign keys; its CHECK constraints; its indexes
# by name, with their columns, uniqueness and partial WHERE.
#
# Expressions (CHECKs, indexes) are compared as PostgreSQL prints them:
# each SQLite one, in the few words the dialects spell differently
# (GLOB, ifnull), is rebuilt on a temporary copy of its table in the
# PostgreSQL book, in a transaction rolled back, and printed by
# pg_get_constraintdef/pg_get_indexdef beside the book's own.
. "$(dirname "$0")/lib.sh"
engine_only pg "compares a SQLite book with a PostgreSQL book (the PostgreSQL run has both)"

lite=$T/x.db
expect_exit 0 env HOURBOOK_DB="$lite" client-add acme Acme
expect_exit 0 client-add acme Acme

# Differences that have a reason: the side that has the line, the line,
# why (tab-separated).  Each must still be there: one that went away is
# dropped from here.
printf '%s\t%s\t%s\n' >"$T/known" \
    pg 'table hourbook_schema' 'SQLite keeps the schema version and the application in its header (PRAGMA user_version, application_id); PostgreSQL in this table' \
    pg 'hourbook_schema: column 01 version integer not null default -' 'the same' \
    pg 'hourbook_schema: column 02 application text bytewise not null default -' 'the same'

# ---- SQLite, from its own catalogue ---------------------------------------
# The tables, and each table's text as SQLite keeps it (ALTER TABLE ADD
# COLUMN appends to it).
lite_sql() {
	sqlite3 -batch -noheader "$lite" "$1"
}
TABLES="SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
TABLES_SQL="SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
describe_sqlite() {
	# A table that is not STRICT would take a text in an integer column,
	# as no PostgreSQL table does.
	lite_sql "SELECT 'table ' || name || CASE WHEN strict THEN '' ELSE
	    ' (not STRICT)' END FROM pragma_table_list
	    WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'"
	lite_sql "SELECT type || ' ' || name FROM sqlite_master
	    WHERE type IN ('view', 'trigger')"
	lite_sql "SELECT 'sequence of ' || name FROM sqlite_master
	    WHERE name = 'sqlite_sequence'"
	# A primary key column is NOT NULL on both engines: PostgreSQL says
	# so; SQLite's INTEGER PRIMARY KEY is the rowid (never NULL) and the
	# primary key of a STRICT table is NOT NULL.  Text compares byte by
	# byte: SQLite's BINARY, unless the table's text names a collation.
	lite_sql "SELECT m.name || ': column ' || printf('%02d', p.cid + 1) ||
	    ' ' || p.name || ' ' || CASE upper(p.type) WHEN 'INTEGER' THEN
	    'integer' WHEN 'TEXT' THEN 'text' || CASE WHEN m.sql LIKE
	    '%COLLATE%' THEN ' (a collation: see the table)' ELSE ' bytewise'
	    END ELSE 'type ' || p.type END ||
	    CASE WHEN p.\"notnull\" OR p.pk > 0 THEN ' not null' ELSE ' null'
	    END || ' default ' || coalesce(p.dflt_value, '-')
	    FROM ($TABLES_SQL) m, pragma_table_info(m.name) p"
	lite_sql "SELECT m.name || ': primary key (' || (SELECT group_concat(name,
	    ', ') FROM (SELECT name FROM pragma_table_info(m.name) WHERE pk > 0
	    ORDER BY pk)) || ')' FROM ($TABLES) m
	    WHERE EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE pk > 0)"
	lite_sql "SELECT m.name || ': unique (' || (SELECT group_concat(name,
	    ', ') FROM (SELECT name FROM pragma_index_info(i.name)
	    ORDER BY seqno)) || ')' FROM ($TABLES) m, pragma_index_list(m.name) i
	    WHERE i.origin = 'u'"
	lite_sql "WITH f AS (SELECT m.name AS t, f.* FROM ($TABLES) m,
	    pragma_foreign_key_list(m.name) f ORDER BY m.name, f.id, f.seq)
	    SELECT t || ': foreign key (' || group_concat(\"from\", ', ') ||
	    ') -> ' || \"table\" || ' (' || group_concat(\"to\", ', ') ||
	    ') on update ' || on_update || ' on delete ' || on_delete
	    FROM f GROUP BY t, id"
}

# The CHECK expressions of each table, as "TABLE<tab>EXPR", from its text:
# every CHECK (...) outside quotes, parentheses balanced.
sqlite_checks() {
	lite_sql "SELECT name, replace(replace(sql, char(10), ' '), char(9), ' ')
	    FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
	    ORDER BY name" | awk -F'|' '{
		table = $1; s = substr($0, length($1) + 2); n = length(s); q = 0
		for (i = 1; i <= n; i++) {
			c = substr(s, i, 1)
			if (c == "\047") { q = !q; continue }
			if (q || toupper(substr(s, i, 5)) != "CHECK") continue
			if (i > 1 && substr(s, i - 1, 1) ~ /[A-Za-z0-9_]/) continue
			j = i + 5
			while (substr(s, j, 1) == " ") j++
			if (substr(s, j, 1) != "(") continue
			depth = 0; inq = 0
			for (k = j; k <= n; k++) {
				d = substr(s, k, 1)
				if (d == "\047") inq = !inq
				else if (!inq && d == "(") depth++
				else if (!inq && d == ")" && --depth == 0) break
			}
			printf "%s\t%s\n", table, substr(s, j, k - j + 1)
			i = k
		}
	}'
}

# SQLite's words in PostgreSQL's: X GLOB 'pattern' as X ~ '^regex$' (a
# class stays, * is .*, ? is ., a run of one atom is atom{n}), ifnull as
# coalesce.
to_pg() {
	awk '
	function glob2re(p,    out, atoms, na, i, c, a, k, n) {
		na = 0; n = length(p)
		for (i = 1; i <= n; i++) {
			c = substr(p, i, 1)
			if (c == "[") {
				k = index(substr(p, i + 1), "]")
				a = substr(p, i, k + 1); i += k
			} else if (c == "*") a = ".*"
			else if (c == "?") a = "."
			else if (c ~ /[.^$+(){}|\\]/) a = "\\" c
			else a = c
			atoms[++na] = a
		}
		out = "^"
		for (i = 1; i <= na; i = k) {
			for (k = i + 1; k <= na && atoms[k] == atoms[i]; k++) ;
			out = out atoms[i] (k - i > 1 ? "{" (k - i) "}" : "")
		}
		return out "$"
	}
	{
		line = $0
		while (match(line, /GLOB +\047[^\047]*\047/)) {
			m = substr(line, RSTART, RLENGTH)
			q = index(m, "\047")
			pat = substr(m, q + 1, RLENGTH - q - 1)
			line = substr(line, 1, RSTART - 1) "~ \047" glob2re(pat) "\047" substr(line, RSTART + RLENGTH)
		}
		gsub(/ifnull\(/, "coalesce(", line)
		print line
	}'
}

# ---- PostgreSQL, from its catalogue ---------------------------------------
pg_sql() {
	"$hb_pg_bin/psql" -X -q -At -v ON_ERROR_STOP=1 -d "$HOURBOOK_DB" "$@"
}
# What both sides print in PostgreSQL's words, of the tables in the
# namespace given: CHECKs, and the indexes that no PRIMARY KEY or UNIQUE
# constraint makes (those are compared by their columns).
pg_expressions() {
	cat <<EOF
SELECT t.relname || ': ' || pg_get_constraintdef(c.oid)
FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
WHERE c.contype = 'c' AND t.relnamespace = $1;
SELECT t.relname || ': index ' || regexp_replace(pg_get_indexdef(i.indexrelid),
    ' ON [a-z0-9_]+\.', ' ON ')
FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
WHERE t.relnamespace = $1 AND NOT EXISTS (SELECT 1 FROM pg_constraint c
    WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'));
EOF
}
NS='current_schema()::regnamespace'
describe_pg() {
	pg_sql <<EOF
SELECT 'table ' || tablename FROM pg_tables WHERE schemaname = current_schema();
SELECT 'view ' || viewname FROM pg_views WHERE schemaname = current_schema();
SELECT 'trigger ' || t.tgname FROM pg_trigger t JOIN pg_class c
    ON c.oid = t.tgrelid WHERE NOT t.tgisinternal AND c.relnamespace = $NS;
SELECT 'sequence of ' || relname FROM pg_class
    WHERE relkind = 'S' AND relnamespace = $NS;
SELECT table_name || ': column ' || lpad(CAST(row_number() OVER (PARTITION BY
    table_name ORDER BY ordinal_position) AS text), 2, '0') || ' ' ||
    column_name || ' ' || CASE data_type WHEN 'bigint' THEN 'integer'
    WHEN 'text' THEN 'text' || CASE WHEN collation_name IN ('C', 'POSIX')
    THEN ' bytewise' ELSE ' collate ' || coalesce(collation_name,
    'the database''s') END ELSE 'type ' || data_type END ||
    CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE ' null' END ||
    ' default ' || coalesce(regexp_replace(column_default, '::[a-z ]+$', ''), '-')
FROM information_schema.columns WHERE table_schema = current_schema();
SELECT t.relname || CASE c.contype WHEN 'p' THEN ': primary key ('
    ELSE ': unique (' END || string_agg(a.attname, ', ' ORDER BY k.n) || ')'
FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY k(attnum, n)
JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
WHERE c.contype IN ('p', 'u') AND t.relnamespace = $NS
GROUP BY t.relname, c.oid, c.contype;
SELECT t.relname || ': foreign key (' || string_agg(a.attname, ', ' ORDER BY
    k.n) || ') -> ' || r.relname || ' (' || string_agg(b.attname, ', '
    ORDER BY k.n) || ') on update ' || min(u.action) || ' on delete ' ||
    min(d.action)
FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
JOIN pg_class r ON r.oid = c.confrelid
CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY k(att, ref, n)
JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.att
JOIN pg_attribute b ON b.attrelid = r.oid AND b.attnum = k.ref
JOIN (VALUES ('a', 'NO ACTION'), ('r', 'RESTRICT'), ('c', 'CASCADE'),
    ('n', 'SET NULL'), ('d', 'SET DEFAULT')) u(code, action)
    ON u.code = c.confupdtype
JOIN (VALUES ('a', 'NO ACTION'), ('r', 'RESTRICT'), ('c', 'CASCADE'),
    ('n', 'SET NULL'), ('d', 'SET DEFAULT')) d(code, action)
    ON d.code = c.confdeltype
WHERE c.contype = 'f' AND t.relnamespace = $NS
GROUP BY t.relname, r.relname, c.oid;
$(pg_expressions "$NS")
EOF
}

# SQLite's CHECKs and indexes, rebuilt on temporary copies (LIKE: the
# columns alone) of its tables in the PostgreSQL book, which the
# temporary schema hides while the transaction lasts.
sqlite_expressions() {
	{
		echo "BEGIN;"
		lite_sql "$TABLES ORDER BY name" | while read -r table; do
			grep -qx "table $table" "$T/pg.raw" &&
			    echo "CREATE TEMP TABLE $table (LIKE public.$table);"
		done
		sqlite_checks | to_pg | while IFS='	' read -r table check; do
			grep -qx "table $table" "$T/pg.raw" &&
			    echo "ALTER TABLE pg_temp.$table ADD CHECK $check;"
		done
		lite_sql "SELECT sql || ';' FROM sqlite_master WHERE type = 'index'
		    AND sql IS NOT NULL ORDER BY name" | to_pg
		pg_expressions 'pg_my_temp_schema()'
		echo "ROLLBACK;"
	} >"$T/rebuild.sql"
	pg_sql -f "$T/rebuild.sql"
}

describe_pg >"$T/pg.raw" 2>"$T/pg.err" ||
    not_ok "describe the PostgreSQL book" "$(head -5 "$T/pg.err")"
{ describe_sqlite; sqlite_expressions; } >"$T/sqlite.raw" 2>"$T/sqlite.err" ||
    not_ok "describe the SQLite book" "$(head -5 "$T/sqlite.err")"
LC_ALL=C sort "$T/sqlite.raw" >"$T/sqlite.txt"
LC_ALL=C sort "$T/pg.raw" >"$T/pg.txt"

# The descriptions are whole: every table has columns and a key, and the
# kinds of line each side gives are there.
for kind in ': column ' ': primary key ' ': unique ' ': foreign key ' \
    ': CHECK ' ': index CREATE INDEX ' ': index CREATE UNIQUE INDEX ' \
    ' WHERE '; do
	expect_eq "SQLite side has${kind}lines" yes \
	    "$(grep -qF -- "$kind" "$T/sqlite.txt" && echo yes || echo no)"
	expect_eq "PostgreSQL side has${kind}lines" yes \
	    "$(grep -qF -- "$kind" "$T/pg.txt" && echo yes || echo no)"
done
expect_eq "tables described" \
    "$(lite_sql "SELECT count(*) FROM ($TABLES)")" \
    "$(grep -c '^table ' "$T/sqlite.txt")"

# The known differences, taken out of the side that has them.
cp "$T/sqlite.txt" "$T/sqlite.cmp"
cp "$T/pg.txt" "$T/pg.cmp"
while IFS='	' read -r side line why; do
	case $side in pg) file=$T/pg.cmp ;; *) file=$T/sqlite.cmp ;; esac
	if grep -qxF -- "$line" "$file"; then
		grep -vxF -- "$line" "$file" >"$T/cmp.tmp"
		mv "$T/cmp.tmp" "$file"
		ok "known difference, $side only: $line ($why)"
	else
		not_ok "known difference still there: $side only: $line" \
		    "drop it from the list"
	fi
done <"$T/known"

if cmp -s "$T/sqlite.cmp" "$T/pg.cmp"; then
	ok "the same tables, columns and constraints on both engines"
else
	not_ok "the same tables, columns and constraints on both engines" \
	    "< SQLite, > PostgreSQL:"
	diff "$T/sqlite.cmp" "$T/pg.cmp" | grep '^[<>]' | sed 's/^/#   /'
fi
finish
