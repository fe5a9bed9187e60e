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
#include "hourbook/clock.h"
#include "hourbook/csv.h"
#include "hourbook/date.h"
#include "hourbook/diag.h"
#include "hourbook/duration.h"
#include "hourbook/field.h"
#include "hourbook/money.h"
#include "hourbook/suggest.h"

struct hb_common_options hb_opts;

enum {
	OPT_AS = 256,
	OPT_NO_HEADER,
	OPT_CSV,
	OPT_VERSION,
	OPT_ALLOW_NETWORK_FS,
	OPT_DRY_RUN,
	OPT_AGAIN,
	OPT_KEY
};

/* The formats of every command that prints rows (cli.h). */
static const char *const common_formats[] = { "csv", "table", "jsonl", NULL };

static const struct {
	const char *name;
	enum hb_csv_format format;
} writer_formats[] = {
	{ "csv", HB_CSV_PLAIN }, { "table", HB_CSV_TABLE },
	{ "jsonl", HB_CSV_JSONL }, { "excel-csv", HB_CSV_EXCEL },
	{ "xlsx", HB_CSV_XLSX },
};

/* How long a --key may be, in bytes. */
#define KEY_MAX 200

static const struct hb_option common_options[] = {
	{ "db", 'd', "BOOK", "the book: a SQLite file, or a PostgreSQL URL (postgresql://...) or libpq keywords (default: $HOURBOOK_DB, else $XDG_DATA_HOME/hourbook/book.db)", HB_ARG_FILE, NULL },
	{ "as", OPT_AS, "HANDLE", "act as HANDLE, a person of the book (default: $HOURBOOK_USER, else the login name)", HB_ARG_TEXT, NULL },
	{ "quiet", 'q', NULL, "print no notes on stderr", 0, NULL },
	{ "format", 'f', "FORMAT", "print the rows as csv (the default), table (aligned, for people) or jsonl (JSON Lines)", HB_ARG_CHOICE, common_formats },
	{ "output", 'o', "FILE", "write the output to FILE (atomically) instead of stdout", HB_ARG_FILE, NULL },
	{ "no-header", OPT_NO_HEADER, NULL, "leave out the CSV header row", 0, NULL },
	{ "csv", OPT_CSV, "FILE", "read many records from CSV FILE (- for stdin)", HB_ARG_FILE, NULL },
	{ "dry-run", OPT_DRY_RUN, NULL, "check everything and print what would be written; write nothing", 0, NULL },
	{ "again", OPT_AGAIN, NULL, "apply a --csv batch that was applied before, once more", 0, NULL },
	{ "key", OPT_KEY, "TOKEN", "make the change once: the same TOKEN again prints the first result and writes nothing", HB_ARG_TEXT, NULL },
	{ "allow-network-fs", OPT_ALLOW_NETWORK_FS, NULL, "open a book on a network file system", 0, NULL },
	{ "help", 'h', NULL, "print this help and exit", 0, NULL },
	{ "version", OPT_VERSION, NULL, "print the version and exit", 0, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static bool
common_applies(const struct hb_command *cmd, int key)
{
	if (key == OPT_CSV)
		return (cmd->flags & HB_CLI_CSV) != 0;
	if (key == OPT_DRY_RUN)
		return (cmd->flags & HB_CLI_WRITES) != 0;
	if (key == OPT_AGAIN)
		return (cmd->flags & HB_CLI_LEDGER) != 0;
	if (key == OPT_KEY)
		return (cmd->flags & HB_CLI_KEY) != 0;
	if (key == 'd' || key == OPT_AS || key == OPT_ALLOW_NETWORK_FS)
		return (cmd->flags & HB_CLI_NO_DB) == 0;
	return true;
}

/* Whether --help lists a common option, and "did you mean" offers it:
 * a command that names its books as operands still parses -d/--db, to
 * refuse it with a reason. */
static bool
common_listed(const struct hb_command *cmd, int key)
{
	if (key == 'd' && (cmd->flags & HB_CLI_BOOK_OPERANDS) != 0)
		return false;
	return common_applies(cmd, key);
}

void
hb_cli_print_usage(const struct hb_command *cmd, FILE *fp)
{
	for (size_t i = 0; cmd->synopsis[i] != NULL; i++)
		fprintf(fp, "%s %s %s\n", i == 0 ? "usage:" : "      ",
		    cmd->name, cmd->synopsis[i]);
}

/* "csv, table, jsonl, excel-csv or xlsx": the formats cmd takes, into
 * buf of size bytes. */
static const char *
format_list(const struct hb_command *cmd, char *buf, size_t size)
{
	const char *all[16];
	size_t n = 0, len = 0;

	for (size_t i = 0; common_formats[i] != NULL; i++)
		all[n++] = common_formats[i];
	for (size_t i = 0; cmd->formats != NULL && cmd->formats[i] != NULL &&
	    n < sizeof all / sizeof all[0]; i++)
		all[n++] = cmd->formats[i];
	buf[0] = '\0';
	for (size_t i = 0; i < n && len < size; i++) {
		snprintf(buf + len, size - len, "%s%s", i == 0 ? ""
		    : i + 1 == n ? " or " : ", ", all[i]);
		len = strlen(buf);
	}
	return buf;
}

/* -f of a command with formats of its own. */
static void
print_format_option(FILE *fp, const struct hb_command *cmd)
{
	char list[160];

	format_list(cmd, list, sizeof list);
	fprintf(fp, "  %-26s  print the rows as %s (default: csv)\n",
	    "-f, --format FORMAT", list);
}

static void
print_options(FILE *fp, const struct hb_command *cmd,
    const struct hb_option *opts)
{
	for (const struct hb_option *o = opts; o->name != NULL; o++) {
		char left[64];
		int n;

		if (opts == common_options && !common_listed(cmd, o->key))
			continue;
		if (opts == common_options && o->key == 'f' &&
		    cmd->formats != NULL) {
			print_format_option(fp, cmd);
			continue;
		}
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

/* ---- option values ------------------------------------------------------ */

/* -f FORMAT: one of the command's formats, else a usage error that lists
 * them (a format is how the command is used, not data). */
static void
take_format(const struct hb_command *cmd, const char *value)
{
	struct hb_suggest sug;
	char list[160], near[160];

	for (size_t i = 0; common_formats[i] != NULL; i++)
		if (strcmp(value, common_formats[i]) == 0)
			goto found;
	for (size_t i = 0; cmd->formats != NULL && cmd->formats[i] != NULL; i++)
		if (strcmp(value, cmd->formats[i]) == 0)
			goto found;
	hb_suggest_init(&sug, value);
	for (size_t i = 0; common_formats[i] != NULL; i++)
		hb_suggest_add(&sug, common_formats[i]);
	for (size_t i = 0; cmd->formats != NULL && cmd->formats[i] != NULL; i++)
		hb_suggest_add(&sug, cmd->formats[i]);
	hb_usage_error(cmd, "--format: \"%s\" is not a format: %s%s", value,
	    format_list(cmd, list, sizeof list),
	    hb_suggest_text(&sug, near, sizeof near));
found:
	hb_opts.format = value;
}

enum hb_csv_format
hb_cli_format(void)
{
	for (size_t i = 0; hb_opts.format != NULL &&
	    i < sizeof writer_formats / sizeof writer_formats[0]; i++)
		if (strcmp(hb_opts.format, writer_formats[i].name) == 0)
			return writer_formats[i].format;
	return HB_CSV_PLAIN;
}

static void
check_choice(const char *what, const char *const *choices, const char *value)
{
	struct hb_suggest sug;
	char list[512] = "", near[160];

	for (size_t i = 0; choices[i] != NULL; i++)
		if (strcmp(value, choices[i]) == 0)
			return;
	hb_suggest_init(&sug, value);
	for (size_t i = 0; choices[i] != NULL; i++) {
		hb_list_append(list, sizeof list, choices[i]);
		hb_suggest_add(&sug, choices[i]);
	}
	hb_fail(HB_EXIT_DATA, what, "\"%s\" is not one of %s%s", value, list,
	    hb_suggest_text(&sug, near, sizeof near));
}

/* A short code: letters, digits, '.', '_', '-'; the same rule as
 * hb_field_key, which names CSV columns. */
static const char *
name_problem(const char *s)
{
	if (*s == '\0')
		return "is empty";
	if (strlen(s) > 64)
		return "is longer than 64 characters";
	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
	    (*s >= '0' && *s <= '9')))
		return "must start with an ASCII letter or digit";
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' ||
		    *p == '-'))
			return "may only hold ASCII letters, digits, '.', '_' "
			    "and '-'";
	return NULL;
}

static const char *
text_problem(const char *s, bool multiline)
{
	if (!hb_utf8_valid(s, strlen(s)))
		return "is not valid UTF-8";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 || *p == 0x7f) &&
		    !(multiline && (*p == '\n' || *p == '\t' || *p == '\r')))
			return "holds a control character";
	return NULL;
}

static const char *
number_problem(const char *s, int64_t min)
{
	int64_t v = 0;
	const char *p = s;

	if (*p == '\0')
		return "is empty";
	for (; *p >= '0' && *p <= '9'; p++)
		if ((v = v * 10 + (*p - '0')) > INT64_C(999999999999))
			return "is too large";
	if (*p != '\0')
		return min > 0 ? "is not a number (1, 2, ...)"
		    : "is not a whole number";
	if (v < min)
		return "must be 1 or more";
	return NULL;
}

void
hb_cli_check_value(const char *what, enum hb_arg type,
    const char *const *choices, const char *value)
{
	const char *why = NULL;
	int64_t n;
	int32_t bp;
	hb_day day;

	switch (type) {
	case HB_ARG_TEXT: why = text_problem(value, false); break;
	case HB_ARG_MULTILINE: why = text_problem(value, true); break;
	case HB_ARG_FILE:
		/* Any name the system takes is a file name; an empty one is
		 * a missing argument. */
		if (*value == '\0')
			hb_fail(HB_EXIT_USAGE, what, "is empty: name a file");
		return;
	case HB_ARG_NAME: why = name_problem(value); break;
	case HB_ARG_NUMBER: why = number_problem(value, 1); break;
	case HB_ARG_COUNT: why = number_problem(value, 0); break;
	case HB_ARG_DATE:
		hb_field_date_check(what, value);
		return;
	case HB_ARG_MONTH: hb_month_parse(value, &day, &why); break;
	case HB_ARG_WHEN:
		if (!hb_date_relative(value) &&
		    hb_clock_parse(value, &n, &why) != 0)
			why = "is not a date (YYYY-MM-DD, today, yesterday, -N "
			    "or a weekday) or a UTC timestamp "
			    "(YYYY-MM-DDTHH:MM:SSZ)";
		break;
	case HB_ARG_DURATION: hb_duration_parse(value, &n, &why); break;
	case HB_ARG_MONEY: hb_money_parse(value, &n, &why); break;
	case HB_ARG_PERCENT: hb_percent_parse(value, &bp, &why); break;
	case HB_ARG_CHOICE:
		check_choice(what, choices, value);
		return;
	case HB_ARG_CHOICES: {
		char *copy = hb_xstrdup(value), *rest = copy, *item;

		while ((item = strsep(&rest, ",")) != NULL)
			check_choice(what, choices, item);
		free(copy);
		return;
	}
	}
	if (why != NULL)
		hb_fail(HB_EXIT_DATA, what, "\"%s\" %s", value, why);
}

static const struct hb_option *
option_of(const struct hb_command *cmd, int key)
{
	for (const struct hb_option *o = cmd->options; o->name; o++)
		if (o->key == key)
			return o;
	for (const struct hb_option *o = common_options; o->name; o++)
		if (o->key == key)
			return o;
	return NULL;
}

static void
check_option(const struct hb_command *cmd, int key, const char *arg)
{
	const struct hb_option *o = option_of(cmd, key);
	char what[80];

	if (o == NULL || o->arg == NULL || arg == NULL)
		return;
	snprintf(what, sizeof what, "--%s", o->name);
	hb_cli_check_value(what, o->type, o->choices, arg);
}

/* ---- relative dates --------------------------------------------------------
 *
 * A DATE option may be relative ("yesterday", "-3", "monday"), but today
 * is a day of the book's time zone, known only once the book is open, and
 * options are parsed before.  So each relative value is copied into a
 * buffer of its own, which the command gets in place of argv's string and
 * keeps like any option value; the session resolves every buffer in place
 * (hb_cli_resolve_dates) right after it puts the book's zone and clock in
 * place, before any command code reads it.  A command that compares such
 * dates does so after opening the book.
 */

/* Long enough for each relative form (date.c: at most "-" and 9 digits)
 * and for the date it becomes. */
#define RELATIVE_BUFSZ 16

static struct {
	char text[RELATIVE_BUFSZ];
	char what[72];		/* "--date", for a message */
} relative[32];
static size_t nrelative;

/* The value the command gets for an option: a relative date's own
 * buffer, else argv's string. */
static const char *
date_value(const struct hb_option *o, const char *arg)
{
	if (o == NULL || arg == NULL || (o->type != HB_ARG_DATE &&
	    o->type != HB_ARG_WHEN) || !hb_date_relative(arg))
		return arg;
	if (nrelative >= sizeof relative / sizeof relative[0])
		hb_die(HB_EXIT_USAGE, "too many relative dates");
	if (strlen(arg) >= RELATIVE_BUFSZ)
		hb_die(HB_EXIT_SOFTWARE, "a relative date longer than its "
		    "buffer");
	snprintf(relative[nrelative].text, RELATIVE_BUFSZ, "%s", arg);
	snprintf(relative[nrelative].what, sizeof relative[nrelative].what,
	    "--%s", o->name);
	return relative[nrelative++].text;
}

void
hb_cli_resolve_dates(void)
{
	char day[HB_DATE_BUFSZ];

	for (size_t i = 0; i < nrelative; i++) {
		hb_field_date_text(relative[i].what, relative[i].text, day);
		memcpy(relative[i].text, day, sizeof day);
	}
	nrelative = 0;
}

/* "unknown option --stauts (did you mean --status?)" */
static _Noreturn void
unknown_option(const struct hb_command *cmd, const char *arg)
{
	struct hb_suggest sug;
	char word[HB_SUGGEST_NAME], near[200];
	size_t len;

	if (arg == NULL || strncmp(arg, "--", 2) != 0)
		hb_usage_error(cmd, "unknown option %s", arg ? arg : "");
	len = strcspn(arg + 2, "=");
	snprintf(word, sizeof word, "%.*s", (int)len, arg + 2);
	hb_suggest_init(&sug, word);
	for (const struct hb_option *o = common_options; o->name; o++)
		if (common_listed(cmd, o->key))
			hb_suggest_add(&sug, o->name);
	for (const struct hb_option *o = cmd->options; o->name; o++)
		hb_suggest_add(&sug, o->name);
	hb_suggest_text(&sug, near, sizeof near);
	/* " (did you mean status?)" -> with dashes. */
	if (near[0] != '\0') {
		char with[240] = " (did you mean ";

		for (size_t i = 0; i < sug.n; i++) {
			len = strlen(with);
			snprintf(with + len, sizeof with - len, "%s--%s",
			    i == 0 ? "" : i + 1 == sug.n ? " or " : ", ",
			    sug.names[i]);
		}
		len = strlen(with);
		snprintf(with + len, sizeof with - len, "?)");
		hb_usage_error(cmd, "unknown option --%s%s", word, with);
	}
	hb_usage_error(cmd, "unknown option --%s (%s --help lists them)", word,
	    cmd->name);
}

/* ---- the options spec (shell completion) ------------------------------ */

static const char *const *operand_choices;

void
hb_cli_operand_choices(const char *const *choices)
{
	operand_choices = choices;
}

static const char *const arg_type_names[] = {
	[HB_ARG_TEXT] = "text", [HB_ARG_MULTILINE] = "multiline",
	[HB_ARG_NAME] = "name", [HB_ARG_NUMBER] = "number",
	[HB_ARG_COUNT] = "count", [HB_ARG_DATE] = "date",
	[HB_ARG_MONTH] = "month", [HB_ARG_WHEN] = "when",
	[HB_ARG_DURATION] = "duration", [HB_ARG_MONEY] = "money",
	[HB_ARG_PERCENT] = "percent", [HB_ARG_CHOICE] = "choice",
	[HB_ARG_CHOICES] = "choices", [HB_ARG_FILE] = "file"
};

static const char *
arg_type_name(enum hb_arg type)
{
	if ((size_t)type < sizeof arg_type_names / sizeof arg_type_names[0] &&
	    arg_type_names[type] != NULL)
		return arg_type_names[type];
	return "text";
}

/* What an argument's name says of its value, as every option table and
 * SYNOPSIS names them: the names of the book it is (for completion), and
 * an operand's type (an option's is declared in its table). */
static const struct {
	const char *arg;
	enum hb_arg type;
	const char *names;
} arg_conventions[] = {
	{ "C", HB_ARG_NAME, "client" },
	{ "CLIENT", HB_ARG_NAME, "client" },
	{ "P", HB_ARG_NAME, "project" },
	{ "PROJECT", HB_ARG_NAME, "project" },
	{ "HANDLE", HB_ARG_NAME, "person" },
	{ "TASK", HB_ARG_NUMBER, "task" },
	{ "PACKAGE", HB_ARG_NUMBER, NULL },
	{ "ENTRY", HB_ARG_NUMBER, NULL },
	{ "COMMENT", HB_ARG_NUMBER, NULL },
	{ "WITHDRAWAL", HB_ARG_NUMBER, NULL },
	{ "DATE", HB_ARG_DATE, NULL },
	{ "DURATION", HB_ARG_DURATION, NULL },
	{ "AMOUNT", HB_ARG_MONEY, NULL },
	{ "FILE", HB_ARG_FILE, NULL },
	{ "DIR", HB_ARG_FILE, NULL },
	{ "BOOK", HB_ARG_FILE, NULL },
	{ "FROM", HB_ARG_FILE, NULL },	/* book-copy's books */
	{ "TO", HB_ARG_FILE, NULL },
};

static int
arg_convention(const char *arg)
{
	for (size_t i = 0; i < sizeof arg_conventions / sizeof arg_conventions[0];
	    i++)
		if (strcmp(arg_conventions[i].arg, arg) == 0)
			return (int)i;
	return -1;
}

/* A help text on one line of the spec: no tab or newline in it. */
static void
print_spec_text(FILE *fp, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, fp);
}

static void
print_spec_choices(FILE *fp, const char *const *choices)
{
	for (size_t i = 0; choices != NULL && choices[i] != NULL; i++)
		fprintf(fp, "%s%s", i == 0 ? "" : ",", choices[i]);
}

static void
print_spec_option(FILE *fp, const struct hb_command *cmd,
    const struct hb_option *o)
{
	const char *names = NULL;
	int c;

	if (o->arg != NULL && (o->type == HB_ARG_NAME ||
	    o->type == HB_ARG_NUMBER || o->type == HB_ARG_TEXT) &&
	    (c = arg_convention(o->arg)) >= 0)
		names = arg_conventions[c].names;
	fprintf(fp, "option\t%s\t", o->name);
	if (o->key < 256)
		fputc(o->key, fp);
	fprintf(fp, "\t%s\t%s\t%s\t", o->arg ? o->arg : "",
	    o->arg ? arg_type_name(o->type) : "flag", names ? names : "");
	if (o->arg != NULL && (o->type == HB_ARG_CHOICE ||
	    o->type == HB_ARG_CHOICES))
		print_spec_choices(fp, o->choices);
	/* -f: the common formats, then the command's own. */
	if (o->choices == common_formats && cmd->formats != NULL)
		for (size_t i = 0; cmd->formats[i] != NULL; i++)
			fprintf(fp, ",%s", cmd->formats[i]);
	fputc('\t', fp);
	print_spec_text(fp, o->help);
	fputc('\n', fp);
}

/* The option a usage word names ("--due", "-f", "[--status"), or NULL. */
static const struct hb_option *
usage_option(const struct hb_command *cmd, const char *word, size_t len)
{
	const struct hb_option *tables[] = { cmd->options, common_options };

	for (size_t t = 0; t < 2; t++)
		for (const struct hb_option *o = tables[t]; o->name; o++) {
			if (len > 2 && word[1] == '-' &&
			    strlen(o->name) == len - 2 &&
			    strncmp(o->name, word + 2, len - 2) == 0)
				return o;
			if (len == 2 && word[1] == o->key)
				return o;
		}
	return NULL;
}

static void
print_spec_operand(FILE *fp, const struct hb_command *cmd, int position,
    bool repeats, const char *arg, size_t len)
{
	char name[64];
	enum hb_arg type = HB_ARG_TEXT;
	const char *names = NULL;
	int c;

	snprintf(name, sizeof name, "%.*s", (int)len, arg);
	if (position == 1 && operand_choices != NULL)
		type = HB_ARG_CHOICE;
	else if ((c = arg_convention(name)) >= 0) {
		type = arg_conventions[c].type;
		if ((cmd->flags & HB_CLI_CREATES) == 0)
			names = arg_conventions[c].names;
	}
	if (repeats)
		fprintf(fp, "operand\t*\t");
	else
		fprintf(fp, "operand\t%d\t", position);
	fprintf(fp, "%s\t%s\t%s\t", name, arg_type_name(type),
	    names ? names : "");
	if (type == HB_ARG_CHOICE)
		print_spec_choices(fp, operand_choices);
	fputc('\n', fp);
}

/* The operands of the first usage line: its words that are neither an
 * option nor an option's argument, optional ones ("[VALUE]") included;
 * "..." after one says it repeats.  Words are separated by spaces; a
 * word's brackets are not part of it, and a '|' within a word joins the
 * values of one argument ("-f csv|xlsx"). */
static void
print_spec_operands(FILE *fp, const struct hb_command *cmd)
{
	const char *p = cmd->synopsis[0], *word = NULL;
	size_t len = 0;
	int position = 0;
	bool value_next = false;

	while (p != NULL && *(p += strspn(p, " ")) != '\0') {
		const char *w = p;
		size_t n = strcspn(p, " ");
		bool repeats = false;

		p += n;
		while (n > 0 && (*w == '[' || *w == '(')) {
			w++;
			n--;
		}
		if (n > 3 && strncmp(w + n - 3, "...", 3) == 0) {
			repeats = true;
			n -= 3;
		}
		while (n > 0 && (w[n - 1] == ']' || w[n - 1] == ')'))
			n--;
		if (n == 0 || (n == 1 && *w == '|'))
			continue;
		/* "TASK ..." or "TASK...": the operand before repeats. */
		if (n == 3 && strncmp(w, "...", 3) == 0) {
			if (word != NULL)
				print_spec_operand(fp, cmd, position, true,
				    word, len);
			word = NULL;
			continue;
		}
		if (word != NULL)
			print_spec_operand(fp, cmd, position, false, word,
			    len);
		word = NULL;
		if (value_next) {
			value_next = false;
		} else if (*w == '-' && n > 1) {
			const struct hb_option *o = usage_option(cmd, w, n);

			value_next = o != NULL && o->arg != NULL &&
			    memchr(w, '=', n) == NULL;
		} else {
			word = w;
			len = n;
			position++;
			if (repeats) {
				print_spec_operand(fp, cmd, position, true,
				    word, len);
				word = NULL;
			}
		}
	}
	if (word != NULL)
		print_spec_operand(fp, cmd, position, false, word, len);
}

void
hb_cli_print_spec(const struct hb_command *cmd, FILE *fp)
{
	fprintf(fp, "command\t%s\t", cmd->name);
	print_spec_text(fp, cmd->summary);
	fputc('\n', fp);
	for (const struct hb_option *o = cmd->options; o->name; o++)
		print_spec_option(fp, cmd, o);
	for (const struct hb_option *o = common_options; o->name; o++)
		if (common_listed(cmd, o->key))
			print_spec_option(fp, cmd, o);
	print_spec_operands(fp, cmd);
}

/* The command's own options as given, and its operands: what a --key
 * request is (hb_cli_given). */
static struct {
	struct hb_cli_value option[64];
	size_t noptions;
	const char *const *operands;
	size_t noperands;
} given;

static void
note_given(const struct hb_command *cmd, int key, const char *arg)
{
	const struct hb_option *o = option_of(cmd, key);

	if (o == NULL)
		return;
	if (given.noptions >= sizeof given.option / sizeof given.option[0])
		hb_die(HB_EXIT_USAGE, "too many options");
	given.option[given.noptions].name = o->name;
	given.option[given.noptions].value = arg;
	given.option[given.noptions].file = o->arg != NULL &&
	    o->type == HB_ARG_FILE;
	given.noptions++;
}

/* The long name of an option given with a value that fills column (its
 * name with '-' for '_'), or NULL: for diag.c's messages. */
static const char *
option_of_column(const char *column)
{
	for (size_t i = 0; i < given.noptions; i++) {
		const char *n = given.option[i].name, *c = column;

		if (given.option[i].value == NULL)
			continue;
		while (*n != '\0' && (*n == *c || (*n == '-' && *c == '_'))) {
			n++;
			c++;
		}
		if (*n == '\0' && *c == '\0')
			return given.option[i].name;
	}
	return NULL;
}

size_t
hb_cli_given(const struct hb_cli_value **options,
    const char *const **operands, size_t *noperands)
{
	*options = given.option;
	*operands = given.operands;
	*noperands = given.noperands;
	return given.noptions;
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
	hb_diag_set_column_option(option_of_column);
	if (argc == 2 && strcmp(argv[1], "--options-spec") == 0) {
		hb_cli_print_spec(cmd, stdout);
		exit(fflush(stdout) == 0 && !ferror(stdout) ? HB_EXIT_OK
		    : HB_EXIT_IO);
	}
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
			if (cmd->flags & HB_CLI_BOOK_OPERANDS)
				hb_usage_error(cmd, "-d/--db is not taken: "
				    "name the books as operands");
			check_option(cmd, c, optarg);
			hb_opts.db = optarg;
			break;
		case OPT_AS:
			check_option(cmd, c, optarg);
			hb_opts.actor = optarg;
			break;
		case 'q':
			hb_opts.quiet = true;
			hb_diag_set_quiet(1);
			break;
		case 'f':
			take_format(cmd, optarg);
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
			check_option(cmd, c, optarg);
			hb_opts.csv = optarg;
			break;
		case OPT_ALLOW_NETWORK_FS:
			hb_opts.allow_network_fs = true;
			break;
		case OPT_DRY_RUN:
			hb_opts.dry_run = true;
			break;
		case OPT_AGAIN:
			hb_opts.again = true;
			break;
		case OPT_KEY:
			check_option(cmd, c, optarg);
			if (*optarg == '\0')
				hb_usage_error(cmd, "--key: give a TOKEN");
			if (strlen(optarg) > KEY_MAX)
				hb_fail(HB_EXIT_DATA, "--key", "is longer than %d "
				    "bytes", KEY_MAX);
			hb_opts.key = optarg;
			break;
		case ':':
			hb_usage_error(cmd, "option %s needs an argument",
			    argv[optind - 1]);
		case '?':
			if (optopt != 0 && optopt < 256)
				hb_usage_error(cmd, "unknown option -%c", optopt);
			if (optopt != 0)
				hb_usage_error(cmd, "option %s takes no value",
				    argv[optind - 1]);
			unknown_option(cmd, argv[optind - 1]);
		default: {
			const char *value = date_value(option_of(cmd, c), optarg);

			check_option(cmd, c, optarg);
			on_option(ctx, c, value);
			note_given(cmd, c, value);
			break;
		}
		}
	}
	if (hb_opts.key != NULL && hb_opts.csv != NULL)
		hb_usage_error(cmd, "--key makes one change once: it does not "
		    "go with --csv (a batch is all or nothing)");
	given.operands = (const char *const *)argv + optind;
	given.noperands = (size_t)(argc - optind);
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
