/*
 * session: find the book, open it, and set the scene: its time zone, the
 * clock, the actor.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hourbook/actor.h"
#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/clock.h"
#include "hourbook/diag.h"
#include "hourbook/session.h"

static char *
book_location(void)
{
	const char *env;

	if (hb_opts.db != NULL && *hb_opts.db != '\0')
		return hb_xstrdup(hb_opts.db);
	env = getenv("HOURBOOK_DB");
	if (env != NULL && *env != '\0')
		return hb_xstrdup(env);
	env = getenv("XDG_DATA_HOME");
	if (env != NULL && env[0] == '/')
		return hb_xprintf("%s/hourbook/book.db", env);
	env = getenv("HOME");
	if (env != NULL && env[0] == '/')
		return hb_xprintf("%s/.local/share/hourbook/book.db", env);
	hb_die(HB_EXIT_USAGE, "no book: give --db FILE or set HOURBOOK_DB");
}

static int
busy_timeout(void)
{
	const char *env = getenv("HOURBOOK_BUSY_MS");
	char *end;
	long v;

	if (env == NULL || *env == '\0')
		return 5000;
	errno = 0;
	v = strtol(env, &end, 10);
	if (errno != 0 || *end != '\0' || end == env || v < 0 || v > 3600000)
		hb_die(HB_EXIT_USAGE, "HOURBOOK_BUSY_MS: \"%s\" is not a number of "
		    "milliseconds (0 to 3600000)", env);
	return (int)v;
}

/* The zone a new book gets: the creator's TZ, or UTC when TZ is unset. */
static char *
zone_from_environment(void)
{
	const char *tz = getenv("TZ"), *why;

	if (tz == NULL || *tz == '\0')
		return hb_xstrdup("UTC");
	if (*tz == ':')
		tz++;
	if ((why = hb_zone_problem(tz)) != NULL)
		hb_die(HB_EXIT_USAGE, "TZ: \"%s\" %s; the book keeps its own time "
		    "zone (its timezone setting), taken from TZ when it is "
		    "created: set TZ to such a name, or unset it for UTC", tz,
		    why);
	return hb_xstrdup(tz);
}

/* A bad TZ is refused before a new book is made. */
static void
check_zone(void)
{
	free(zone_from_environment());
}

/* Put the book's own time zone in place: every day, month and business
 * hour is decided in it, whatever the caller's TZ. */
static void
use_zone(struct hb_book *b)
{
	char *zone = hb_book_setting(b, "timezone");
	const char *why;

	/* Every book gets one when it is made (book.c: migrate). */
	if (zone == NULL)
		hb_die(HB_EXIT_IO, "%s: the book is damaged (it has no timezone "
		    "setting): run book-check, and restore the book from a "
		    "backup", hb_book_location(b));
	if ((why = hb_zone_problem(zone)) != NULL)
		hb_die(HB_EXIT_IO, "%s: the book's timezone \"%s\" %s (is the "
		    "tzdata package installed?)", hb_book_location(b), zone, why);
	hb_zone_use(zone);
	free(zone);
}

/* Why $HOURBOOK_NOW is honoured, or NULL. */
static const char *clock_by;

/* Is $HOURBOOK_NOW, when set, to replace the clock?  It lets the caller
 * write any date into the book, so only when the book allows it (its
 * clock.override setting) or the actor is staff (or acts as staff while
 * the book has none); otherwise the command is refused (64) before
 * anything is read or written.  The changes made under it are recorded in
 * the event log (log_clock). */
static void
decide_clock(struct hb_book *b)
{
	const char *handle = hb_actor();
	char *setting, *role;

	if (hb_clock_override() == NULL)
		return;
	setting = hb_book_setting(b, "clock.override");
	if (setting != NULL && strcmp(setting, "on") == 0) {
		clock_by = "HOURBOOK_NOW, allowed by the book's clock.override";
	} else {
		role = hb_book_person_role(b, handle);
		if (role != NULL ? strcmp(role, "staff") == 0
		    : !hb_book_staff_exists(b))
			clock_by = "HOURBOOK_NOW, set by staff";
		free(role);
	}
	free(setting);
	if (clock_by == NULL)
		hb_die(HB_EXIT_USAGE, "HOURBOOK_NOW: the book takes its clock "
		    "from outside only from staff (its clock.override is off), "
		    "and %s is not staff: unset HOURBOOK_NOW, or have staff run "
		    "book-config clock.override on", handle);
	hb_clock_allow_override();
}

/* A transaction that changed the book under a clock from $HOURBOOK_NOW
 * says so in the event log: which time, the real one, who, and why it
 * was allowed. */
static void
log_clock(struct hb_book *b, void *ctx)
{
	char real[HB_TIMESTAMP_BUFSZ], now[HB_TIMESTAMP_BUFSZ];

	(void)ctx;
	hb_timestamp_format((int64_t)time(NULL), real);
	hb_timestamp_format(hb_now(), now);
	hb_book_event(b, "clock", hb_progname(), "override", real, now,
	    clock_by);
}

/* A reading command acts on nothing, so it runs under a login name that
 * is no person of the book (a CI job's); but an actor the caller named,
 * with --as or $HOURBOOK_USER, who is not a person is a typo all the
 * same, and is refused as a writer refuses it (actor.h).  A writer
 * checks its actor in its transaction. */
static void
check_named_actor(struct hb_book *b)
{
	const char *env = getenv("HOURBOOK_USER");

	if ((hb_opts.actor != NULL && *hb_opts.actor != '\0') ||
	    (env != NULL && *env != '\0'))
		hb_actor_get(b);
}

static void
config(struct hb_book_config *cfg, enum hb_book_mode mode, char **location,
    char **zone)
{
	*location = book_location();
	/* The zone a book gets when it has none: only a writer sets it, so
	 * only a writer asks TZ (and refuses a bad one). */
	*zone = mode != HB_BOOK_READ ? zone_from_environment() : NULL;
	memset(cfg, 0, sizeof *cfg);
	cfg->location = *location;
	cfg->mode = mode;
	cfg->busy_ms = busy_timeout();
	cfg->allow_network_fs = hb_opts.allow_network_fs;
	cfg->dry_run = hb_opts.dry_run;
	cfg->zone = *zone;
	/* Whoever makes a book decides whether its clock may come from
	 * outside: a book made under HOURBOOK_NOW (the tests' books, a
	 * replay's copy) takes it from everyone.  One made without it never
	 * does, until staff say so (book-config clock.override on). */
	cfg->clock_override = hb_clock_override() != NULL;
	cfg->before_create = check_zone;
}

struct hb_book *
hb_book_open(enum hb_book_mode mode)
{
	struct hb_book_config cfg;
	struct hb_book *b;
	char *location, *zone, now[HB_TIMESTAMP_BUFSZ];
	bool made;

	config(&cfg, mode, &location, &zone);
	b = hb_book_connect(&cfg, &made);
	free(location);
	free(zone);
	use_zone(b);
	decide_clock(b);
	hb_cli_resolve_dates();
	hb_book_set_context(b, hb_actor(), hb_timestamp_format(hb_now(), now));
	if (clock_by != NULL)
		hb_book_on_commit(b, log_clock, NULL);
	if (made)
		hb_note("created a new book at %s (time zone %s%s)",
		    hb_book_location(b), hb_zone(), clock_by != NULL
		    ? "; its clock comes from HOURBOOK_NOW: clock.override is on"
		    : "");
	/* A reader sees one snapshot from here to hb_book_close(): an
	 * export's sheets agree with each other, and PostgreSQL reads a
	 * long result through a cursor, a chunk at a time. */
	if (mode == HB_BOOK_READ) {
		hb_book_begin_read(b);
		check_named_actor(b);
	}
	return b;
}

struct hb_book *
hb_book_open_check(char **damage)
{
	struct hb_book_config cfg;
	struct hb_book *b;
	char *location, *zone, now[HB_TIMESTAMP_BUFSZ];

	config(&cfg, HB_BOOK_READ, &location, &zone);
	b = hb_book_connect_check(&cfg, damage);
	free(location);
	free(zone);
	if (b == NULL)
		return NULL;
	use_zone(b);
	decide_clock(b);
	hb_cli_resolve_dates();
	hb_book_set_context(b, hb_actor(), hb_timestamp_format(hb_now(), now));
	return b;
}

void
hb_book_config_at(struct hb_book_config *cfg, const char *location,
    enum hb_book_mode mode)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->location = location;
	cfg->mode = mode;
	cfg->busy_ms = busy_timeout();
	cfg->allow_network_fs = hb_opts.allow_network_fs;
}
