/*
 * actor: the acting person, looked up once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hourbook/actor.h"
#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/csv.h"
#include "hourbook/diag.h"
#include "hourbook/setup.h"
#include "hourbook/suggest.h"

static struct hb_actor actor;
static const struct hb_book *resolved_for;

static void
consider(void *ctx, const char *name)
{
	hb_suggest_add(ctx, name);
}

/* Where the actor's name came from, for the message. */
static const char *
source(void)
{
	if (hb_opts.actor != NULL && *hb_opts.actor != '\0')
		return "--as";
	if (getenv("HOURBOOK_USER") != NULL && *getenv("HOURBOOK_USER"))
		return "$HOURBOOK_USER";
	return "the login name";
}

const struct hb_actor *
hb_actor_get(struct hb_book *book)
{
	struct hb_person p;
	struct hb_client c;
	struct hb_suggest sug;
	char near[200];
	const char *handle = hb_actor();

	if (resolved_for == book)
		return &actor;
	memset(&actor, 0, sizeof actor);
	actor.handle = handle;
	/* The actor is written into the event log of every change. */
	if (!hb_utf8_valid(handle, strlen(handle)) || strlen(handle) > 200)
		hb_die(HB_EXIT_DATA, "the actor (%s) is not a short UTF-8 "
		    "name", source());
	for (const unsigned char *s = (const unsigned char *)handle; *s; s++)
		if (*s < 0x20 || *s == 0x7f)
			hb_die(HB_EXIT_DATA, "the actor (%s) holds a control "
			    "character", source());
	if (hb_book_person_get(book, handle, &p)) {
		actor.person_id = p.id;
		snprintf(actor.role, sizeof actor.role, "%s", p.role);
		actor.client_id = p.client_id;
		if (p.client != NULL) {
			snprintf(actor.client, sizeof actor.client, "%s",
			    p.client);
			if (hb_book_client_get(book, p.client, &c)) {
				actor.contact = c.contact != NULL &&
				    strcmp(c.contact, p.handle) == 0;
				hb_client_release(&c);
			}
		}
		hb_person_release(&p);
	} else if (hb_book_staff_exists(book)) {
		hb_suggest_init(&sug, handle);
		hb_book_each_name(book, HB_NAME_PERSON, consider, &sug);
		hb_suggest_text(&sug, near, sizeof near);
		hb_die(HB_EXIT_NOINPUT, "the actor \"%s\" (%s) is not a person "
		    "of the book%s: act as a person with --as HANDLE or "
		    "HOURBOOK_USER (member-add adds people)", handle, source(),
		    near);
	} else {
		snprintf(actor.role, sizeof actor.role, "staff");
	}
	resolved_for = book;
	return &actor;
}

bool
hb_actor_is(const struct hb_actor *a, const char *role)
{
	return a->person_id != 0 && strcmp(a->role, role) == 0;
}

bool
hb_actor_is_staff(const struct hb_actor *a)
{
	return a->person_id == 0 || strcmp(a->role, "staff") == 0;
}

const char *
hb_actor_text(const struct hb_actor *a)
{
	static char buf[160];

	snprintf(buf, sizeof buf, "%s (%s%s)", a->handle,
	    a->person_id == 0 ? "acting as staff: the book has no staff yet"
	    : a->role, a->contact ? ", the client's contact" : "");
	return buf;
}
