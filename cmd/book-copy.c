/*
 * book-copy: copy a whole book into an empty place, from a SQLite file to
 * a PostgreSQL database or back (the copy itself is copy.c's).
 */
#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "hourbook/actor.h"
#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/copy.h"
#include "hourbook/csv.h"
#include "hourbook/diag.h"
#include "hourbook/output.h"
#include "hourbook/session.h"
#include "hourbook/suggest.h"

static const struct hb_option options[] = {
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"[--dry-run] [-q] FROM TO",
	NULL
};

static const struct hb_command command = {
	"book-copy", synopsis,
	"Copy a whole book, every row with its id, into an empty SQLite file "
	"or PostgreSQL database.",
	options, HB_CLI_WRITES | HB_CLI_BOOK_OPERANDS, NULL
};

static const char *const columns[] = { "table", "rows", NULL };

static void
on_option(void *ctx, int key, const char *arg)
{
	(void)ctx;
	(void)key;
	(void)arg;
}

/* FROM names a file that is not there: the files beside it that it may
 * have meant (not a book's -wal, -shm or -journal). */
static _Noreturn void
no_such_file(const char *path)
{
	char *copy = hb_xstrdup(path), *folder = dirname(copy), near[200];
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	struct hb_suggest sug;
	struct dirent *e;
	DIR *dir;

	hb_suggest_init(&sug, base);
	if ((dir = opendir(folder)) != NULL) {
		while ((e = readdir(dir)) != NULL) {
			const char *dash = strrchr(e->d_name, '-');

			if (e->d_name[0] == '.' || (dash != NULL &&
			    (strcmp(dash, "-wal") == 0 || strcmp(dash, "-shm") == 0 ||
			    strcmp(dash, "-journal") == 0)))
				continue;
			hb_suggest_add(&sug, e->d_name);
		}
		closedir(dir);
	}
	free(copy);
	hb_die(HB_EXIT_NOINPUT, "FROM: %s: no such book%s", path,
	    hb_suggest_text(&sug, near, sizeof near));
}

/* A location is a path, a postgresql:// URL or libpq's keywords
 * ("service=agency"): "postgresq://..." is a typo, not a file to make.
 * Only the scheme is shown: the rest may hold a password.  A FROM file
 * must exist (the engine would say so too, with advice about --db that
 * is not book-copy's). */
static void
check_location(const char *what, const char *location, bool must_exist)
{
	size_t len = strspn(location, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
	struct stat st;

	if (*location == '\0')
		hb_usage_error(&command, "%s is empty: name a book", what);
	if (hb_book_location_is_server(location))
		return;
	if (len > 0 && strncmp(location + len, "://", 3) == 0) {
		if ((len == 10 && strncmp(location, "postgresql", 10) == 0) ||
		    (len == 8 && strncmp(location, "postgres", 8) == 0))
			return;
		hb_usage_error(&command, "%s: \"%.*s://\" is not a kind of "
		    "location hourbook knows: a book is a file path, or a "
		    "postgresql:// URL", what, (int)len, location);
	}
	if (must_exist && stat(location, &st) != 0 && errno == ENOENT)
		no_such_file(location);
}

static void
print_table(void *ctx, const char *table, int64_t rows)
{
	struct hb_csv_writer *w = ctx;

	hb_csv_text(w, table);
	hb_csv_int(w, rows);
	hb_csv_end_row(w);
}

int
main(int argc, char **argv)
{
	int i = hb_cli_parse(&command, argc, argv, on_option, NULL);
	struct hb_book_config from_cfg, to_cfg;
	struct hb_copy_result done;
	const struct hb_actor *a;
	struct hb_csv_writer *w;
	struct hb_book *from;
	bool made;

	if (argc - i != 2)
		hb_usage_error(&command, "give FROM and TO");
	check_location("FROM", argv[i], true);
	check_location("TO", argv[i + 1], false);
	/* A reader: FROM is never created, and never upgraded. */
	hb_book_config_at(&from_cfg, argv[i], HB_BOOK_READ);
	from = hb_book_connect(&from_cfg, &made);
	hb_book_begin_read(from);
	/* The copy becomes a team's book: moving it is staff's. */
	a = hb_actor_get(from);
	if (!hb_actor_is_staff(a))
		hb_die(HB_EXIT_REFUSED, "%s: only staff copy a book (%s): "
		    "nothing was written", hb_book_location(from),
		    hb_actor_text(a));
	w = hb_output_begin(hb_cli_format(), true);
	hb_output_header(columns);
	hb_book_config_at(&to_cfg, argv[i + 1], HB_BOOK_CREATE);
	hb_book_copy(from, &to_cfg, hb_opts.dry_run, print_table, w, &done);
	if (hb_opts.dry_run) {
		hb_note("dry run: %lld rows of %lld tables copied to %s and "
		    "rolled back: nothing was written%s", (long long)done.rows,
		    (long long)done.tables, done.target, done.created
		    ? " (the file made for it is removed)" : "");
	} else {
		hb_output_committed();
		hb_note("copied %lld rows of %lld tables from %s to %s%s",
		    (long long)done.rows, (long long)done.tables,
		    hb_book_location(from), done.target, done.created
		    ? " (a new file)" : "");
	}
	free(done.target);
	hb_book_close(from);
	hb_output_finish();
	return HB_EXIT_OK;
}
