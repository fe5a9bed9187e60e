/*
 * member-add: add people (clients' contacts, freelancers, staff) and join
 * them to project teams.
 */
#include "hourbook/batch.h"
#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/field.h"
#include "hourbook/setup.h"

enum {
	COL_PERSON, COL_NAME, COL_EMAIL, COL_ROLE, COL_CLIENT, COL_CONTACT,
	COL_RATE, COL_PROJECT, NCOL
};

static const struct hb_csv_column columns[NCOL] = {
	[COL_PERSON] = { "person|handle", true },
	[COL_NAME] = { "name", false },
	[COL_EMAIL] = { "email", false },
	[COL_ROLE] = { "role", false },
	[COL_CLIENT] = { "client", false },
	[COL_CONTACT] = { "contact", false },
	[COL_RATE] = { "rate", false },
	[COL_PROJECT] = { "project", false },
};

enum {
	OPT_NAME = HB_OPT_FIRST, OPT_EMAIL, OPT_ROLE, OPT_CLIENT, OPT_CONTACT,
	OPT_RATE, OPT_PROJECT
};

static const struct hb_option options[] = {
	{ "name", OPT_NAME, "NAME", "the person's full name", HB_ARG_TEXT, NULL },
	{ "email", OPT_EMAIL, "E", "the person's e-mail address", HB_ARG_TEXT, NULL },
	{ "role", OPT_ROLE, "ROLE", "client, freelancer or staff (default: client with --client, else freelancer)", HB_ARG_CHOICE, hb_person_roles },
	{ "client", OPT_CLIENT, "C", "the client a client-role person speaks for", HB_ARG_NAME, NULL },
	{ "contact", OPT_CONTACT, NULL, "make this client-role person the client's contact", 0, NULL },
	{ "rate", OPT_RATE, "MONEY", "a freelancer's hourly pay rate", HB_ARG_MONEY, NULL },
	{ "project", OPT_PROJECT, "P", "join the team of project P", HB_ARG_NAME, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"[--name NAME] [--email E] [--role client|freelancer|staff] [--client C] "
	"[--contact] [--rate MONEY] [--project P] HANDLE",
	"[--project P] --csv FILE",
	NULL
};

static const struct hb_command command = {
	"member-add", synopsis,
	"Add people to the book and join them to project teams.", options,
	HB_CLI_CSV | HB_CLI_WRITES | HB_CLI_KEY | HB_CLI_CREATES, NULL
};

static void
on_option(void *ctx, int key, const char *arg)
{
	const char **values = ctx;

	switch (key) {
	case OPT_NAME: values[COL_NAME] = arg; break;
	case OPT_EMAIL: values[COL_EMAIL] = arg; break;
	case OPT_ROLE: values[COL_ROLE] = arg; break;
	case OPT_CLIENT: values[COL_CLIENT] = arg; break;
	case OPT_CONTACT: values[COL_CONTACT] = "yes"; break;
	case OPT_RATE: values[COL_RATE] = arg; break;
	case OPT_PROJECT: values[COL_PROJECT] = arg; break;
	}
}

static void
apply(void *ctx, struct hb_book *book, const char *const *v)
{
	struct hb_person_input in = {
		v[COL_PERSON], v[COL_NAME], v[COL_EMAIL], v[COL_ROLE],
		v[COL_CLIENT], v[COL_RATE], v[COL_PROJECT],
		v[COL_CONTACT] && hb_field_flag("contact", v[COL_CONTACT])
	};
	struct hb_person p;
	bool joined;

	hb_person_add(book, &in, &p, &joined);
	hb_person_print(ctx, &p, v[COL_PROJECT]);
	hb_person_release(&p);
}

int
main(int argc, char **argv)
{
	const char *values[NCOL] = { NULL };
	struct hb_batch batch = { &command, columns, NCOL, values, apply, NULL };
	int i = hb_cli_parse(&command, argc, argv, on_option, values);
	static const size_t operands[] = { COL_PERSON };

	hb_batch_operands(&batch, argc - i, argv + i, operands, 1, 1, "HANDLE");
	return hb_batch_main(&batch, hb_person_columns);
}
