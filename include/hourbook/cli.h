/*
 * cli: the command-line conventions every command shares.
 *
 * A command declares its options once, in a table that drives getopt_long,
 * the optstring and the --help text; its usage lines match the man page
 * SYNOPSIS (a test compares them).  Each option that takes a value says
 * what kind of value (a date, a duration, one of a set of words...), and
 * the value is checked here, before the command sees it: a malformed value
 * is exit 65 with a message naming the option and the accepted forms.  An
 * unknown option is exit 64 with the nearest option names.  The common
 * options (-d/--db, --as, -q/--quiet, -f/--format, -o/--output,
 * --no-header, --csv, --dry-run, --again, --key, --allow-network-fs,
 * -h/--help, --version) are handled here and land in hb_opts.
 *
 * -f/--format is the form of the rows every command prints: csv (the
 * default, the pipeline contract), table (for people) or jsonl (JSON
 * Lines); a command may take more (its hb_command.formats: report-export's
 * excel-csv and xlsx, sla-check's tap and junit).  A format the command
 * does not take is a usage error (64) that lists the ones it does.
 */
#ifndef HOURBOOK_CLI_H
#define HOURBOOK_CLI_H

#include <stdbool.h>
#include <stdio.h>

/* Keys of command-specific long-only options start here. */
#define HB_OPT_FIRST 1000

/* What an option's value is; checked before the command sees it. */
enum hb_arg {
	HB_ARG_TEXT,		/* UTF-8 text on one line (the default) */
	HB_ARG_MULTILINE,	/* UTF-8 text; newlines and tabs allowed */
	HB_ARG_NAME,		/* a short code: a client, project or handle */
	HB_ARG_NUMBER,		/* a record's number: 1 and up */
	HB_ARG_COUNT,		/* a whole number: 0 and up */
	HB_ARG_DATE,		/* YYYY-MM-DD, or relative to today:
				   hb_cli_resolve_dates */
	HB_ARG_MONTH,		/* YYYY-MM */
	HB_ARG_WHEN,		/* a date (relative too) or a UTC timestamp */
	HB_ARG_DURATION,	/* 90, 90m, 1h30m, 1h30, 1:30, 1.5h */
	HB_ARG_MONEY,		/* 100, 100.5, 100.50 */
	HB_ARG_PERCENT,		/* 40, 40% */
	HB_ARG_CHOICE,		/* one of choices */
	HB_ARG_CHOICES,		/* one or more of choices, joined by ',' */
	HB_ARG_FILE		/* a path; an empty one is a usage error */
};

struct hb_option {
	const char *name;	/* long name */
	int key;		/* short letter, or HB_OPT_FIRST + n */
	const char *arg;	/* argument name in --help; NULL for a flag */
	const char *help;
	enum hb_arg type;	/* what the argument is */
	const char *const *choices;	/* HB_ARG_CHOICE(S): NULL-terminated */
};

enum {
	HB_CLI_CSV = 1 << 0,	/* takes --csv FILE for many records */
	HB_CLI_NO_DB = 1 << 1,	/* does not open a book */
	HB_CLI_WRITES = 1 << 2,	/* writes the book: takes --dry-run */
	HB_CLI_CREATES = 1 << 3,	/* a setup command: may create the book */
	HB_CLI_LEDGER = 1 << 4,	/* its --csv rows add time or money: each
				   batch is recorded, and the same batch
				   again needs --again */
	HB_CLI_KEY = 1 << 5,	/* a single-record writer: takes --key TOKEN,
				   which makes the change once (batch.h) */
	HB_CLI_BOOK_OPERANDS = 1 << 6	/* names its books as operands
					   (book-copy): -d/--db is refused */
};

struct hb_command {
	const char *name;
	const char *const *synopsis;	/* usage lines, without the name */
	const char *summary;		/* one line: what the command does */
	const struct hb_option *options;	/* ends with a zeroed entry */
	unsigned flags;
	const char *const *formats;	/* -f choices besides csv, table and
					   jsonl, NULL-terminated; or NULL */
};

/* The common options, after hb_cli_parse. */
struct hb_common_options {
	const char *db;		/* -d/--db */
	const char *actor;	/* --as */
	bool quiet;		/* -q */
	const char *format;	/* -f, one of the command's formats; NULL
				   when not given (csv) */
	const char *output;	/* -o */
	bool no_header;		/* --no-header */
	const char *csv;	/* --csv FILE|- */
	bool allow_network_fs;	/* --allow-network-fs */
	bool dry_run;		/* --dry-run: validate, print, write nothing */
	bool again;		/* --again: apply a batch applied before */
	const char *key;	/* --key TOKEN: a request made once (batch.h) */
};
extern struct hb_common_options hb_opts;

typedef void hb_option_fn(void *ctx, int key, const char *arg);

/* Initialise diagnostics, parse argv, call on_option for each of the
 * command's own options, handle the common ones (printing --help and
 * --version and exiting 0).  Returns the index of the first operand. */
int hb_cli_parse(const struct hb_command *cmd, int argc, char **argv,
    hb_option_fn *on_option, void *ctx);

/* A DATE option may be given relative to today ("yesterday", "-3",
 * "monday": date.h), which only the book's time zone and clock decide;
 * the value on_option gets for it is a buffer that holds the form until
 * the book is open, and the date it names from then on.  The session
 * calls this right after it puts the book's zone and clock in place
 * (session.c): it resolves every such buffer in place, or ends the
 * program (65) for a day before the first one hourbook takes.  So a
 * command reads such an option's value, beyond keeping it, only after it
 * opened the book. */
void hb_cli_resolve_dates(void);

/* An option of the command's own table as it was given. */
struct hb_cli_value {
	const char *name;	/* its long name */
	const char *value;	/* NULL for a flag */
	bool file;		/* the value names a file (HB_ARG_FILE) */
};
/* The command's own options in the order given, and its operands, after
 * hb_cli_parse: borrowed.  Returns the number of options. */
size_t hb_cli_given(const struct hb_cli_value **options,
    const char *const **operands, size_t *noperands);

/* Print "command: message", then the usage, to stderr and exit 64. */
_Noreturn void hb_usage_error(const struct hb_command *cmd,
    const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The usage lines ("usage: NAME SYNOPSIS"), as --help prints them. */
void hb_cli_print_usage(const struct hb_command *cmd, FILE *fp);

#include "hourbook/csv.h"

/* The writer format -f names: HB_CSV_PLAIN when -f was not given or names
 * a format the command prints itself (tap, junit). */
enum hb_csv_format hb_cli_format(void);

/* The actor of writes: --as, else $HOURBOOK_USER, else the login name.
 * Borrowed; valid until exit.  Whether it is a person of the book is the
 * domain's question (actor.h). */
const char *hb_actor(void);

/* Check value against an option type, as the parser does (for values
 * that arrive another way); dies 65 naming `what` ("--due"). */
void hb_cli_check_value(const char *what, enum hb_arg type,
    const char *const *choices, const char *value);

/*
 * The options spec: what shell completion knows of a command, written by
 * the build from `COMMAND --options-spec` (completion/generate.sh).  Given
 * as the only argument, hb_cli_parse prints it and exits 0; --help does
 * not list it, for it is the build's and not a person's.  One line per
 * fact, fields separated by tabs, a field left empty when it does not
 * apply:
 *
 *   command NAME SUMMARY
 *   option  LONG SHORT ARG TYPE NAMES CHOICES HELP
 *   operand POSITION ARG TYPE NAMES CHOICES
 *
 * an option line for each option of the command's table, then for each
 * common option it takes; an operand line for each operand of the first
 * usage line, POSITION 1, 2, ... or "*" for an operand that repeats
 * ("TASK ...").  TYPE is the hb_arg's name (text, name, number, ...,
 * choice, choices, file), or "flag" for an option without a value;
 * CHOICES the values of a choice, joined by ','.  NAMES says which names
 * of the book a value is, by the argument's name, the way every table
 * and SYNOPSIS names them: C a client, P a project, HANDLE a person, TASK
 * a task; empty for an operand of a setup command (HB_CLI_CREATES), which
 * names what it adds.  An operand's TYPE comes from the same names (TASK a
 * number, DATE a date...), else it is text.
 */
void hb_cli_print_spec(const struct hb_command *cmd, FILE *fp);

/* The values the command's first operand takes, when they are a set
 * (report-export's KIND, book-config's KEY): the options spec lists
 * them.  NULL-terminated, borrowed for the life of the program; call
 * before hb_cli_parse. */
void hb_cli_operand_choices(const char *const *choices);

#endif
