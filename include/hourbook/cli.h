/*
 * cli: the command-line conventions every command shares.
 *
 * A command declares its options once, in a table that drives getopt_long,
 * the optstring and the --help text; its usage lines match the man page
 * SYNOPSIS (a test compares them).  The common options (-d/--db, --as,
 * -q/--quiet, -o/--output, --no-header, --csv, --allow-network-fs,
 * -h/--help, --version) are handled here and land in hb_opts.
 */
#ifndef HOURBOOK_CLI_H
#define HOURBOOK_CLI_H

#include <stdbool.h>
#include <stdio.h>

/* Keys of command-specific long-only options start here. */
#define HB_OPT_FIRST 1000

struct hb_option {
	const char *name;	/* long name */
	int key;		/* short letter, or HB_OPT_FIRST + n */
	const char *arg;	/* argument name in --help; NULL for a flag */
	const char *help;
};

enum {
	HB_CLI_CSV = 1 << 0,	/* a writing command: takes --csv FILE */
	HB_CLI_NO_DB = 1 << 1	/* does not open a book */
};

struct hb_command {
	const char *name;
	const char *const *synopsis;	/* usage lines, without the name */
	const char *summary;		/* one line: what the command does */
	const struct hb_option *options;	/* ends with a zeroed entry */
	unsigned flags;
};

/* The common options, after hb_cli_parse. */
struct hb_common_options {
	const char *db;		/* -d/--db */
	const char *actor;	/* --as */
	bool quiet;		/* -q */
	const char *output;	/* -o */
	bool no_header;		/* --no-header */
	const char *csv;	/* --csv FILE|- */
	bool allow_network_fs;	/* --allow-network-fs */
};
extern struct hb_common_options hb_opts;

typedef void hb_option_fn(void *ctx, int key, const char *arg);

/* Initialise diagnostics, parse argv, call on_option for each of the
 * command's own options, handle the common ones (printing --help and
 * --version and exiting 0).  Returns the index of the first operand. */
int hb_cli_parse(const struct hb_command *cmd, int argc, char **argv,
    hb_option_fn *on_option, void *ctx);

/* Print "command: message", then the usage, to stderr and exit 64. */
_Noreturn void hb_usage_error(const struct hb_command *cmd,
    const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The usage lines ("usage: NAME SYNOPSIS"), as --help prints them. */
void hb_cli_print_usage(const struct hb_command *cmd, FILE *fp);

/* The actor of writes: --as, else $HOURBOOK_USER, else the login name.
 * Borrowed; valid until exit. */
const char *hb_actor(void);

#endif
