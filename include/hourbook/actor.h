/*
 * actor: who is acting, as a person of the book.
 *
 * The actor of every command is --as, else $HOURBOOK_USER, else the login
 * name (cli.h: hb_actor), and it must be a person in the book: an unknown
 * actor ends the program with exit 66 and the nearest handles, so a typo
 * never acts with someone else's rights.  Only while the book has no
 * staff person does anyone act as staff: that is how a new book is set up,
 * and the first member-add --role staff ends it.  On one machine this is
 * workflow integrity, not authentication: the book's file permissions are
 * the access control.
 */
#ifndef HOURBOOK_ACTOR_H
#define HOURBOOK_ACTOR_H

#include <stdbool.h>
#include <stdint.h>

struct hb_book;

struct hb_actor {
	const char *handle;	/* borrowed from hb_actor() */
	int64_t person_id;	/* 0: the bootstrap actor, acting as staff */
	char role[16];		/* "client", "freelancer" or "staff" */
	int64_t client_id;	/* a client-role person's client, else 0 */
	char client[72];
	bool contact;		/* the designated contact of their client */
};

/* The actor, resolved once per process (borrowed).  Dies 66 when the
 * actor is not a person of a book that has staff, 65 when the name is
 * not text. */
const struct hb_actor *hb_actor_get(struct hb_book *book);
bool hb_actor_is(const struct hb_actor *a, const char *role);
/* Staff, or the bootstrap actor. */
bool hb_actor_is_staff(const struct hb_actor *a);
/* "maria (staff)", "giulia (client, the client's contact)": for messages;
 * borrowed until the next call. */
const char *hb_actor_text(const struct hb_actor *a);

#endif
