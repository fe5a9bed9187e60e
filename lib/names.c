/*
 * names: lookups that fail with the nearest names.
 */
#include <stdlib.h>
#include <string.h>

#include "hourbook/book.h"
#include "hourbook/diag.h"
#include "hourbook/field.h"
#include "hourbook/names.h"
#include "hourbook/package.h"
#include "hourbook/suggest.h"
#include "hourbook/task.h"

static void
consider(void *ctx, const char *name)
{
	hb_suggest_add(ctx, name);
}

/* "column: \"verde-sit\" does not exist (did you mean verde-site?)" */
static _Noreturn void
no_such(struct hb_book *book, enum hb_name_kind kind, const char *column,
    const char *name)
{
	static const char *const what[] = {
		[HB_NAME_CLIENT] = "client", [HB_NAME_PERSON] = "person",
		[HB_NAME_PROJECT] = "project",
	};
	static const char *const lists[] = {
		[HB_NAME_CLIENT] = "report-export clients",
		[HB_NAME_PERSON] = "report-export people",
		[HB_NAME_PROJECT] = "report-export projects",
	};
	struct hb_suggest sug;
	char near[200];

	hb_suggest_init(&sug, name);
	hb_book_each_name(book, kind, consider, &sug);
	hb_suggest_text(&sug, near, sizeof near);
	if (near[0] != '\0')
		hb_fail(HB_EXIT_NOINPUT, column, "\"%s\" does not exist%s", name,
		    near);
	hb_fail(HB_EXIT_NOINPUT, column, "\"%s\" does not exist (no %s has "
	    "that name; %s lists them)", name, what[kind], lists[kind]);
}

void
hb_need_client(struct hb_book *book, const char *column, const char *name,
    struct hb_client *out)
{
	if (!hb_book_client_get(book, hb_field_key(column, name), out))
		no_such(book, HB_NAME_CLIENT, column, name);
}

void
hb_need_person(struct hb_book *book, const char *column, const char *handle,
    struct hb_person *out)
{
	if (!hb_book_person_get(book, hb_field_key(column, handle), out))
		no_such(book, HB_NAME_PERSON, column, handle);
}

void
hb_need_project(struct hb_book *book, const char *column, const char *code,
    struct hb_project *out)
{
	if (!hb_book_project_get(book, hb_field_key(column, code), out))
		no_such(book, HB_NAME_PROJECT, column, code);
}

void
hb_need_task(struct hb_book *book, const char *column, const char *s,
    struct hb_task *out)
{
	int64_t id = hb_task_id(column, s);

	if (!hb_book_task_get(book, id, out))
		hb_fail(HB_EXIT_NOINPUT, strcmp(column, "task") == 0 ? NULL
		    : column, "task %lld does not exist "
		    "(task-list shows the tasks)", (long long)id);
}

void
hb_need_package(struct hb_book *book, const char *column, const char *s,
    struct hb_package *out)
{
	int64_t id = hb_field_count(column, s, 1, INT64_C(999999999999));

	if (!hb_book_package_get(book, id, out))
		hb_fail(HB_EXIT_NOINPUT, strcmp(column, "package") == 0 ? NULL
		    : column, "package %lld does not exist "
		    "(report-export balances shows the packages)",
		    (long long)id);
}

void
hb_check_names(struct hb_book *book, const char *client, const char *project,
    const char *package, const char *person)
{
	struct hb_client c;
	struct hb_project j;
	struct hb_person p;
	struct hb_package k;

	if (hb_given(client)) {
		hb_need_client(book, "client", client, &c);
		hb_client_release(&c);
	}
	if (hb_given(project)) {
		hb_need_project(book, "project", project, &j);
		hb_project_release(&j);
	}
	if (hb_given(package)) {
		hb_need_package(book, "package", package, &k);
		hb_package_release(&k);
	}
	if (hb_given(person)) {
		hb_need_person(book, "person", person, &p);
		hb_person_release(&p);
	}
}
