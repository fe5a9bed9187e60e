# Books that another user owns: read-only books and folders, and -wal/-shm
# files left by another user.  Each gives a clear error (exit 74) and
# changes nothing; what can be read is read.  As root (CI) the other user
# is "nobody" through setpriv; otherwise the test uses file modes.  On
# PostgreSQL the server's roles and grants decide instead.
. "$(dirname "$0")/lib.sh"
engine_only sqlite "file modes of the book, its folder and its -wal/-shm files"

if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
	other() { setpriv --reuid=nobody --regid=nogroup --clear-groups \
	    env PATH="$PATH" HOURBOOK_USER=other HOURBOOK_DB="$book" "$@"; }
else
	other() { env HOURBOOK_DB="$book" "$@"; }
fi
chmod 711 "$T"
mkdir "$T/shared"
book="$T/shared/book.db"
HOURBOOK_DB="$book" client-add -q acme >/dev/null
clients() { sqlite3 "$book" 'SELECT count(*) FROM client'; }

# A read-only book in a read-only folder.
chmod 444 "$book"
chmod 555 "$T/shared"
run other report-export clients
expect_eq "read-only folder: exit 74" 74 "$status"
expect_err "says the book is read-only" "the book is read-only for you"
run other client-add beta
expect_eq "writing: exit 74" 74 "$status"
expect_empty_out "nothing printed"
chmod 755 "$T/shared"
chmod 644 "$book"
expect_eq "nothing changed" 1 "$(clients)"

if [ "$(id -u)" -eq 0 ]; then
	# Another user's book in a folder everyone may write: reads work,
	# writes are refused clearly.
	chmod 1777 "$T/shared"
	run other report-export clients
	expect_eq "reading another user's book" 0 "$status"
	run other client-add beta
	expect_eq "writing it: exit 74" 74 "$status"
	expect_err "says why" "the book is read-only for you"

	# -wal and -shm left by another user (root holds the book open).
	chmod 666 "$book"
	mkfifo "$T/fifo"
	sqlite3 "$book" <"$T/fifo" >/dev/null 2>&1 &
	exec 3>"$T/fifo"
	echo "SELECT count(*) FROM client;" >&3
	sleep 0.5
	chmod 644 "$book-wal" "$book-shm"
	run other client-add beta
	expect_eq "-wal/-shm of another user: exit 74" 74 "$status"
	expect_err "names the file and its owner" "book.db-wal: belongs to another user (uid 0)"
	run other report-export clients
	expect_eq "reading still works" 0 "$status"
	exec 3>&-
	wait
	expect_eq "nothing changed" 1 "$(clients)"
else
	ok "other-user cases need root to switch users # SKIP"
fi

finish
