# -o FILE: what it writes over and what it leaves behind.  A FIFO, a
# character device and /dev/stdout are written into, not replaced; a file
# that is replaced keeps its mode (and, as root, its owner); temporary files
# have random names, and the ones SIGKILL leaves are swept by the next
# command that writes into that folder -- only those; SIGKILL at random
# moments never leaves a truncated file.  HB_KILLS sets the rounds per
# format.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
kills=${HB_KILLS:-30}
export TMPDIR="$T/tmp"
mkdir "$TMPDIR"
umask 022

client-add -q acme >/dev/null
client-add -q beta >/dev/null
report-export clients >"$T/clients.csv"
report-export clients -f xlsx >"$T/clients.xlsx"
clients() { sql 'SELECT count(*) FROM client'; }
unzips() { $PY -c 'import zipfile,sys; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)' "$1" 2>/dev/null; }

# -o '' names no file.
expect_exit 64 report-export clients -o ''
expect_err "says why" "-o: give a file name"
expect_exit 64 client-add -o '' omega
expect_eq "-o '': nothing written" 2 "$(clients)"
expect_exit 74 report-export clients -o "$T"
expect_err "-o FOLDER: says why" "is a folder, not a file"

# A FIFO is written into, never replaced: csv, xlsx, and a writing
# command's deferred rows.  The reader is started first; a FIFO that was
# replaced (or never opened) would leave it waiting, so it is ended then
# (or times out).
mkfifo "$T/fifo"
through_fifo() {
	timeout 10 cat "$T/fifo" >"$T/got" 2>/dev/null &
	reader=$!
	run timeout 20 "$@"
	if [ -p "$T/fifo" ]; then
		wait $reader
		ok "still a FIFO after: $*"
	else
		kill $reader 2>/dev/null
		wait $reader 2>/dev/null
		not_ok "still a FIFO after: $*" "$(ls -l "$T/fifo")"
		rm -f "$T/fifo"
		mkfifo "$T/fifo"
	fi
	expect_eq "exit 0: $*" 0 "$status"
}
through_fifo report-export clients -o "$T/fifo"
cmp -s "$T/got" "$T/clients.csv" && ok "the reader got the csv" || not_ok "the reader got the csv" "$(head -c 300 "$T/got")"
through_fifo report-export clients -f xlsx -o "$T/fifo"
cmp -s "$T/got" "$T/clients.xlsx" && ok "the reader got the xlsx" || not_ok "the reader got the xlsx"
through_fifo client-add -o "$T/fifo" gamma
expect_eq "the reader got the written rows" "gamma,gamma,,EUR,,2026-11-23T10:00:00Z," "$(tail -n 1 "$T/got")"
report-export clients >"$T/clients.csv"
report-export clients -f xlsx >"$T/clients.xlsx"

# /dev/stdout, /dev/stderr, /dev/fd/N: the descriptor is written where it
# stands (here after a first line: not truncated, not replaced).  /dev/fd/1
# goes first: were it replaced, the temporary file could not even be made
# (in /proc), so the names in /dev are tried only once it works.
printf 'first\n' | cat - "$T/clients.csv" >"$T/want-after-first"
{ echo first; report-export clients -o /dev/fd/1; } >"$T/out" 2>"$T/err"
if [ $? -eq 0 ] && cmp -s "$T/out" "$T/want-after-first"; then
	ok "-o /dev/fd/1 writes after what is there"
	{ echo first; report-export clients -o /dev/stdout; } >"$T/out" 2>"$T/err"
	expect_eq "-o /dev/stdout into a file: exit 0" 0 "$?"
	cmp -s "$T/out" "$T/want-after-first" && ok "-o /dev/stdout writes after what is there" || not_ok "-o /dev/stdout writes after what is there" "$(head -c 300 "$T/out")"
	report-export clients -o /dev/stdout | cat >"$T/out"
	cmp -s "$T/out" "$T/clients.csv" && ok "-o /dev/stdout into a pipe" || not_ok "-o /dev/stdout into a pipe"
	report-export clients -f xlsx -o /dev/stdout >"$T/out"
	cmp -s "$T/out" "$T/clients.xlsx" && ok "an xlsx to -o /dev/stdout" || not_ok "an xlsx to -o /dev/stdout"
	report-export clients -o /dev/stderr 2>"$T/out"
	cmp -s "$T/out" "$T/clients.csv" && ok "-o /dev/stderr" || not_ok "-o /dev/stderr"
	ln -s /dev/stdout "$T/to-stdout"
	report-export clients -o "$T/to-stdout" >"$T/out"
	cmp -s "$T/out" "$T/clients.csv" && [ -L "$T/to-stdout" ] && ok "a link to /dev/stdout means it too" || not_ok "a link to /dev/stdout means it too" "$(ls -l "$T/to-stdout")"
	[ -L /dev/stdout ] && [ -L /dev/stderr ] && ok "/dev/stdout and /dev/stderr are left as they were" || not_ok "/dev/stdout and /dev/stderr are left as they were" "$(ls -l /dev/stdout /dev/stderr)"
else
	not_ok "-o /dev/fd/1 writes after what is there (so /dev/stdout is not tried)" "$(head -c 300 "$T/out")" "$(head -c 300 "$T/err")"
fi
expect_exit 74 report-export clients -o /dev/fd/9
expect_err "a descriptor that is not open" "/dev/fd/9: Bad file descriptor"

# A character device, as root: one made in $T first, and /dev/null only
# once that one survives.
if [ "$(id -u)" -eq 0 ]; then
	mknod "$T/null" c 1 3
	run report-export clients -o "$T/null"
	expect_eq "-o a character device: exit 0" 0 "$status"
	run report-export clients -f xlsx -o "$T/null"
	expect_eq "an xlsx to a character device: exit 0" 0 "$status"
	if [ -c "$T/null" ]; then
		ok "a character device is written into, not replaced"
		before=$(stat -c '%i %a %u:%g %t:%T' /dev/null)
		expect_exit 0 report-export clients -o /dev/null
		expect_exit 0 report-export clients -f xlsx -o /dev/null
		expect_exit 0 client-add -o /dev/null delta
		expect_exit 74 report-export clients -o /dev/full
		expect_err "a device that is full: a write error" "/dev/full: write error: No space left on device"
		[ -c /dev/full ] && ok "/dev/full is left a device" || not_ok "/dev/full is left a device"
		expect_eq "/dev/null is left as it was" "$before" "$(stat -c '%i %a %u:%g %t:%T' /dev/null)"
		expect_eq "no temporary file in /dev" "" "$(ls -A /dev | grep '^\.hourbook-tmp-')"
	else
		not_ok "a character device is written into, not replaced (so /dev/null is not tried)" "$(ls -l "$T/null")"
	fi
	report-export clients >"$T/clients.csv"
else
	echo "# skip: character devices need root (mknod), and -o /dev/null is tested as root"
	ok "character devices # SKIP not root"
fi

# A file replaced keeps its mode, whatever the umask; as root also its
# owner and group.  csv, xlsx, a writing command, package-set --sheet.
for f in p.csv p.xlsx w.csv; do
	echo old >"$T/$f"
	chmod 600 "$T/$f"
done
report-export clients -o "$T/p.csv"
expect_eq "a 0600 csv stays 0600" 600 "$(stat -c %a "$T/p.csv")"
cmp -s "$T/p.csv" "$T/clients.csv" && ok "and holds the export" || not_ok "and holds the export"
report-export clients -o "$T/p.xlsx"
expect_eq "a 0600 xlsx stays 0600" 600 "$(stat -c %a "$T/p.xlsx")"
unzips "$T/p.xlsx" && ok "and holds the workbook" || not_ok "and holds the workbook"
client-add -q -o "$T/w.csv" epsilon
expect_eq "a writing command's -o keeps 0600" 600 "$(stat -c %a "$T/w.csv")"
chmod 640 "$T/p.csv"
(umask 077 && report-export clients -o "$T/p.csv")
expect_eq "a 0640 file stays 0640 under umask 077" 640 "$(stat -c %a "$T/p.csv")"
(umask 027 && report-export clients -o "$T/new.csv")
expect_eq "a new file: 0666 less the umask" 640 "$(stat -c %a "$T/new.csv")"
project-add -q --client acme web >/dev/null
package-add -q --project web --hours 10 >/dev/null
package-set -q --invoiced 1 >/dev/null
package-set -q --paid 1 >/dev/null
echo old >"$T/sheet.xlsx"
chmod 600 "$T/sheet.xlsx"
expect_exit 0 package-set --closed --sheet "$T/sheet.xlsx" 1
expect_eq "package-set --sheet keeps 0600" 600 "$(stat -c %a "$T/sheet.xlsx")"
unzips "$T/sheet.xlsx" && ok "and writes the sheet" || not_ok "and writes the sheet"
if [ "$(id -u)" -eq 0 ]; then
	chown 65534:65534 "$T/p.csv" "$T/p.xlsx"
	report-export clients -o "$T/p.csv"
	report-export clients -o "$T/p.xlsx"
	expect_eq "root replacing another user's csv keeps owner, group, mode" "65534:65534 640" "$(stat -c '%u:%g %a' "$T/p.csv")"
	expect_eq "and an xlsx" "65534:65534 600" "$(stat -c '%u:%g %a' "$T/p.xlsx")"
else
	echo "# skip: only root can give a file to its old owner"
	ok "owner and group # SKIP not root"
fi

# Temporary files: a random name with one prefix, 0600 while written.  A
# writing command waiting for its --csv input holds one; another command
# writing into that folder leaves it alone; SIGKILL leaves it; the next
# command writing into the folder removes it, and nothing else: not a
# link, a folder, a FIFO, another user's file, or a name that only looks
# alike.
mkdir "$T/obs"
mkfifo "$T/in"
held() {	# start client-add --csv - -o $T/obs/$1, blocked on its input
	client-add --csv - -o "$T/obs/$1" <"$T/in" >/dev/null 2>&1 &
	holder=$!
	exec 3>"$T/in"
	n=0
	while [ $n -lt 500 ] && ! ls -A "$T/obs" | grep -q "^\.hourbook-tmp-$1\."; do
		sleep 0.01
		n=$((n + 1))
	done
}
held new.csv
temp=$(ls -A "$T/obs" | grep '^\.hourbook-tmp-')
case $temp in
.hourbook-tmp-new.csv.??????) ok "a temporary file named .hourbook-tmp-NAME.XXXXXX" ;;
*) not_ok "a temporary file named .hourbook-tmp-NAME.XXXXXX" "got: $(ls -A "$T/obs")" ;;
esac
expect_eq "0600 while it is written" 600 "$(stat -c %a "$T/obs/$temp" 2>&1)"
report-export clients -o "$T/obs/other.csv"
[ -e "$T/obs/$temp" ] && ok "a live command's temporary file is not swept" || not_ok "a live command's temporary file is not swept"
printf 'client\nzeta\n' >&3
exec 3>&-
wait $holder
expect_eq "which then finishes its file" "zeta,zeta,,EUR,,2026-11-23T10:00:00Z," "$(tail -n 1 "$T/obs/new.csv" 2>&1)"
held new.csv
kill -9 $holder
wait $holder 2>/dev/null
exec 3>&-
temp=$(ls -A "$T/obs" | grep '^\.hourbook-tmp-')
[ -n "$temp" ] && ok "SIGKILL leaves its temporary file" || not_ok "SIGKILL leaves its temporary file"
touch "$T/obs/.hourbook-tmp-stale.csv.AAAAAA" "$T/obs/.hourbook-tmp" \
    "$T/obs/.hourbook-tmpx.csv.AAAAAA" "$T/obs/.hourbook-tmp-short" \
    "$T/obs/.new.csv.123" "$T/obs/notes.txt" "$T/obs/mine"
ln -s mine "$T/obs/.hourbook-tmp-link.csv.AAAAAA"
mkdir "$T/obs/.hourbook-tmp-dir.csv.AAAAAA"
mkfifo "$T/obs/.hourbook-tmp-fifo.csv.AAAAAA"
others=".hourbook-tmp .hourbook-tmp-dir.csv.AAAAAA .hourbook-tmp-fifo.csv.AAAAAA .hourbook-tmp-link.csv.AAAAAA .hourbook-tmp-short .hourbook-tmpx.csv.AAAAAA .new.csv.123 mine new.csv notes.txt other.csv"
if [ "$(id -u)" -eq 0 ]; then
	touch "$T/obs/.hourbook-tmp-theirs.csv.AAAAAA"
	chown 65534 "$T/obs/.hourbook-tmp-theirs.csv.AAAAAA"
	others="$others .hourbook-tmp-theirs.csv.AAAAAA"
fi
run timeout 20 client-add -o "$T/obs/new.csv" eta
expect_eq "the next command: exit 0" 0 "$status"
expect_eq "it swept the dead temporary files, and nothing else" \
    "$(echo $others | tr ' ' '\n' | LC_ALL=C sort)" "$(ls -A "$T/obs" | LC_ALL=C sort)"
# An xlsx for standard output is built in TMPDIR, swept there alike.
touch "$TMPDIR/.hourbook-tmp-stdout.AAAAAA"
report-export clients -f xlsx >/dev/null
expect_eq "TMPDIR swept too" "" "$(ls -A "$TMPDIR")"

# SIGKILL at random moments, xlsx and csv, on a book of a few thousand
# entries.  The rounds alternate between two exports (A: October, B: all),
# so that after each kill the file is the old complete one or the new
# complete one; the same export then runs to completion, and must leave the
# folder holding that file alone.
project-add -q --client acme --model self-service blog >/dev/null
member-add -q --project blog bruno >/dev/null
task=$(task-add --project blog --assign bruno "Work" | awk -F, 'NR == 2 { print $1 }')
awk -v task="$task" 'BEGIN { print "task,minutes,date,person,note"
	for (i = 1; i <= 4000; i++) printf "%d,%d,2026-%02d-%02d,bruno,\"note %d, \"\"quoted\"\"\"\n", task, 1 + i % 90, 9 + i % 3, 1 + i % 22, i }' >"$T/entries.csv"
hours-log -q --csv "$T/entries.csv" >/dev/null && ok "a book of 4000 entries" || not_ok "a book of 4000 entries"
mkdir "$T/kill"
for f in csv xlsx; do
	report-export entries -f $f --month 2026-10 >"$T/A.$f"
	report-export entries -f $f >"$T/B.$f"
	start=$(date +%s%N)
	report-export entries -o "$T/kill/once.$f"
	took=$(( ($(date +%s%N) - start) / 1000000 ))
	rm -f "$T/kill/once.$f"
	echo "# a complete $f export takes ${took} ms; kills land within 0..$((took * 6 / 5)) ms"
	failures=0 left=0 prev=
	i=1
	while [ $i -le "$kills" ]; do
		if [ $((i % 2)) -eq 1 ]; then filter="--month 2026-10" cur=A; else filter= cur=B; fi
		delay=$(awk -v s=$((i + ${#f} * 1000)) -v ms="$took" 'BEGIN { srand(s); printf "%.3f", rand() * ms * 1.2 / 1000 }')
		# shellcheck disable=SC2086
		report-export entries $filter -o "$T/kill/out.$f" >/dev/null 2>&1 &
		pid=$!
		sleep "$delay"
		kill -9 $pid 2>/dev/null
		wait $pid 2>/dev/null
		problem=
		ls -A "$T/kill" | grep -q '^\.' && left=$((left + 1))
		if [ -e "$T/kill/out.$f" ]; then
			if cmp -s "$T/kill/out.$f" "$T/$cur.$f"; then :
			elif [ -n "$prev" ] && cmp -s "$T/kill/out.$f" "$T/$prev.$f"; then :
			else problem="neither old nor new: $(wc -c <"$T/kill/out.$f") bytes"
			fi
			[ $f = csv ] || unzips "$T/kill/out.$f" || problem="$problem does-not-unzip"
		elif [ -n "$prev" ]; then
			problem="the old file is gone"
		fi
		# shellcheck disable=SC2086
		report-export entries $filter -o "$T/kill/out.$f" >/dev/null 2>"$T/err" || problem="$problem rerun:$?:$(head -c 200 "$T/err")"
		cmp -s "$T/kill/out.$f" "$T/$cur.$f" || problem="$problem rerun-not-complete"
		[ "$(ls -A "$T/kill")" = "out.$f" ] || problem="$problem left: $(ls -A "$T/kill" | tr '\n' ' ')"
		if [ -n "$problem" ]; then
			failures=$((failures + 1))
			echo "# $f kill $i (after ${delay}s): $problem"
		fi
		prev=$cur
		i=$((i + 1))
	done
	echo "# $f: $left of $kills kills left a temporary file, each swept by the next run"
	expect_eq "$kills kills of an $f export: old or new file, never a part, no temporary left" 0 "$failures"
	rm -f "$T/kill/out.$f"
done
# (libxlsxwriter's own scratch files, tmp.XXXXXXXXXX, are not ours: it
# unlinks each as it makes it, and a kill in between leaves one.)
expect_eq "none of ours left in TMPDIR" "" "$(ls -A "$TMPDIR" | grep '^\.hourbook-tmp-')"

finish
