/*
 * cli: getopt_long driven by each command's option table, the common
 * options, --help and --version.
 */
#include <getopt.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hourbook/cli.h"
#include "hourbook/diag.h"

struct hb_common_options hb_opts;

enum {
	OPT_AS = 256,
	OPT_NO_HEADER,
	OPT_CSV,
	OPT_VERSION,
	OPT_ALLOW_NETWORK_FS
};

static const struct hb_option common_options[] = {
	{ "db", 'd', "FILE", "the book (default: $HOURBOOK_DB, else $XDG_DATA_HOME/hourbook/book.db)" },
	{ "as", OPT_AS, "HANDLE", "act as HANDLE (default: $HOURBOOK_USER, else the login name)" },
	{ "quiet", 'q', NULL, "print no notes on stderr" },
	{ "output", 'o', "FILE", "write the CSV to FILE (atomically) instead of stdout" },
	{ "no-header", OPT_NO_HEADER, NULL, "leave out the CSV header row" },
	{ "csv", OPT_CSV, "FILE", "read many records from CSV FILE (- for stdin)" },
	{ "allow-network-fs", OPT_ALLOW_NETWORK_FS, NULL, "open a book on a network file system" },
	{ "help", 'h', NULL, "print this help and exit" },
	{ "version", OPT_VERSION, NULL, "print the version and exit" },
	{ NULL, 0, NULL, NULL }
};

static bool
common_applies(const struct hb_command *cmd, int key)
{
	if (key == OPT_CSV)
		return (cmd->flags & HB_CLI_CSV) != 0;
	if (key == 'd' || key == OPT_AS || key == OPT_ALLOW_NETWORK_FS)
		return (cmd->flags & HB_CLI_NO_DB) == 0;
	return true;
}

void
hb_cli_print_usage(const struct hb_command *cmd, FILE *fp)
{
	for (size_t i = 0; cmd->synopsis[i] != NULL; i++)
		fprintf(fp, "%s %s %s\n", i == 0 ? "usage:" : "      ",
		    cmd->name, cmd->synopsis[i]);
}

static void
print_options(FILE *fp, const struct hb_command *cmd,
    const struct hb_option *opts)
{
	for (const struct hb_option *o = opts; o->name != NULL; o++) {
		char left[64];
		int n;

		if (opts == common_options && !common_applies(cmd, o->key))
			continue;
		if (o->key < 256)
			n = snprintf(left, sizeof left, "-%c, --%s%s%s", o->key,
			    o->name, o->arg ? " " : "", o->arg ? o->arg : "");
		else
			n = snprintf(left, sizeof left, "    --%s%s%s", o->name,
			    o->arg ? " " : "", o->arg ? o->arg : "");
		fprintf(fp, "  %-*s  %s\n", n < 26 ? 26 : n, left, o->help);
	}
}

static void
print_help(const struct hb_command *cmd)
{
	hb_cli_print_usage(cmd, stdout);
	printf("\n%s\n", cmd->summary);
	if (cmd->options[0].name != NULL) {
		printf("\noptions:\n");
		print_options(stdout, cmd, cmd->options);
	}
	printf("\ncommon options:\n");
	print_options(stdout, cmd, common_options);
	printf("\nSee %s(1) and hourbook(7).\n", cmd->name);
}

void
hb_usage_error(const struct hb_command *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", cmd->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	hb_cli_print_usage(cmd, stderr);
	exit(HB_EXIT_USAGE);
}

static void
add_option(struct option *lo, size_t *nlo, char *shorts, size_t *nshort,
    const struct hb_option *o)
{
	lo[*nlo].name = o->name;
	lo[*nlo].has_arg = o->arg ? required_argument : no_argument;
	lo[*nlo].flag = NULL;
	lo[*nlo].val = o->key;
	(*nlo)++;
	if (o->key < 256) {
		shorts[(*nshort)++] = (char)o->key;
		if (o->arg)
			shorts[(*nshort)++] = ':';
	}
}

int
hb_cli_parse(const struct hb_command *cmd, int argc, char **argv,
    hb_option_fn *on_option, void *ctx)
{
	struct option lo[96];
	char shorts[192];
	size_t nlo = 0, nshort = 0;
	int c;

	hb_diag_init(cmd->name);
	shorts[nshort++] = ':';	/* report a missing argument as ':' */
	for (const struct hb_option *o = common_options; o->name; o++)
		if (common_applies(cmd, o->key))
			add_option(lo, &nlo, shorts, &nshort, o);
	for (const struct hb_option *o = cmd->options; o->name; o++) {
		if (nlo + 2 >= sizeof lo / sizeof lo[0])
			hb_die(HB_EXIT_SOFTWARE, "too many options");
		add_option(lo, &nlo, shorts, &nshort, o);
	}
	memset(&lo[nlo], 0, sizeof lo[nlo]);
	shorts[nshort] = '\0';

	opterr = 0;
	while ((c = getopt_long(argc, argv, shorts, lo, NULL)) != -1) {
		switch (c) {
		case 'h':
			print_help(cmd);
			if (fflush(stdout) != 0 || ferror(stdout))
				exit(HB_EXIT_IO);
			exit(HB_EXIT_OK);
		case OPT_VERSION:
			printf("%s (hourbook) %s\n", cmd->name, HB_VERSION);
			exit(fflush(stdout) == 0 ? HB_EXIT_OK : HB_EXIT_IO);
		case 'd':
			hb_opts.db = optarg;
			break;
		case OPT_AS:
			hb_opts.actor = optarg;
			break;
		case 'q':
			hb_opts.quiet = true;
			hb_diag_set_quiet(1);
			break;
		case 'o':
			if (*optarg == '\0')
				hb_usage_error(cmd, "-o: give a file name");
			hb_opts.output = optarg;
			break;
		case OPT_NO_HEADER:
			hb_opts.no_header = true;
			break;
		case OPT_CSV:
			hb_opts.csv = optarg;
			break;
		case OPT_ALLOW_NETWORK_FS:
			hb_opts.allow_network_fs = true;
			break;
		case ':':
			hb_usage_error(cmd, "option %s needs an argument",
			    argv[optind - 1]);
		case '?':
			if (optopt != 0 && optopt < 256)
				hb_usage_error(cmd, "unknown option -%c", optopt);
			hb_usage_error(cmd, "unknown option %s", argv[optind - 1]);
		default:
			on_option(ctx, c, optarg);
			break;
		}
	}
	return optind;
}

const char *
hb_actor(void)
{
	static char *login;
	const char *env;
	struct passwd *pw;

	if (hb_opts.actor != NULL && *hb_opts.actor != '\0')
		return hb_opts.actor;
	env = getenv("HOURBOOK_USER");
	if (env != NULL && *env != '\0')
		return env;
	if (login == NULL) {
		pw = getpwuid(geteuid());
		login = hb_xstrdup(pw && pw->pw_name ? pw->pw_name : "unknown");
	}
	return login;
}
