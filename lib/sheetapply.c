/*
 * sheetapply: the client's decisions of a returned activity sheet,
 * applied as the client's contact would on the command line (task-set
 * --sheet), and the digest of a hidden row, which the writer (sheet.c)
 * and the reader (sheetread.c) share.  Here, in libhourbook, so that
 * neither the writer nor the book's rules link the reader's libraries.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hourbook/actor.h"
#include "hourbook/book.h"
#include "hourbook/csv.h"
#include "hourbook/diag.h"
#include "hourbook/digest.h"
#include "hourbook/lang.h"
#include "hourbook/sheetread.h"
#include "hourbook/task.h"

#define MESSAGE_MAX 2000

void
hb_sheet_row_digest(const char *book_id, long row, int64_t task,
    const char *state, const char *updated, char hex[HB_DIGEST_HEX])
{
	struct hb_digest d;
	char head[64];
	int n;

	hb_digest_init(&d);
	hb_digest_add(&d, book_id, strlen(book_id) + 1);
	n = snprintf(head, sizeof head, "%ld %lld", row, (long long)task);
	hb_digest_add(&d, head, (size_t)n + 1);
	hb_digest_add(&d, state, strlen(state) + 1);
	hb_digest_add(&d, updated, strlen(updated) + 1);
	hb_digest_hex(&d, hex);
}

/* The decisions of the approval cells: the word of the sheet's language
 * (or the move's own name), the move, the state it leaves and reaches. */
static const struct decision {
	const char *key, *action;
	int from, to;
} decisions[] = {
	{ "decision.approve", "approve", HB_TASK_ESTIMATED, HB_TASK_APPROVED },
	{ "decision.reject", "reject", HB_TASK_ESTIMATED, HB_TASK_REJECTED },
	{ "decision.accept", "accept", HB_TASK_DELIVERED, HB_TASK_DONE },
	{ "decision.revise", "revise", HB_TASK_DELIVERED, HB_TASK_REVISION },
};
#define NDECISIONS (sizeof decisions / sizeof decisions[0])

/* s without its leading and trailing blanks, into a new string. */
static char *
trimmed(const char *s)
{
	size_t len;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	return hb_xprintf("%.*s", (int)len, s);
}

enum fate { NOTHING, APPLY, APPLIED };

struct plan {
	const struct decision *d;	/* NULL: no decision */
	char *note;			/* NULL: none */
	enum fate fate;
};

/* Did the actor make decision d on task t after the sheet was made: is
 * the first move out of the sheet's state, at or after the sheet's
 * time, d's, by the actor? */
struct first_move {
	const struct hb_sheet_row *row;
	const char *actor;
	const char *to;
	bool seen, same;
};

static void
each_event(void *ctx, const struct hb_event *e)
{
	struct first_move *m = ctx;

	if (m->seen || strcmp(e->what, "status") != 0 || e->old_value == NULL ||
	    strcmp(e->old_value, m->row->state) != 0 ||
	    strcmp(e->at, m->row->updated) < 0)
		return;
	m->seen = true;
	m->same = e->new_value != NULL && strcmp(e->new_value, m->to) == 0 &&
	    strcmp(e->actor, m->actor) == 0;
}

static bool
made_already(struct hb_book *book, const struct hb_actor *a,
    const struct hb_sheet_row *row, const struct decision *d)
{
	struct first_move m = { row, a->handle, hb_task_state_names[d->to],
		false, false };
	char key[24];

	snprintf(key, sizeof key, "%lld", (long long)row->task);
	hb_book_each_event(book, "task", key, each_event, &m);
	return m.same;
}

/* Has the actor written this note on the task already? */
struct same_note {
	const char *author, *body;
	bool found;
};

static void
each_comment(void *ctx, const struct hb_comment *c)
{
	struct same_note *n = ctx;

	n->found |= strcmp(c->author, n->author) == 0 &&
	    strcmp(c->body, n->body) == 0;
}

static bool
noted_already(struct hb_book *book, const struct hb_actor *a, int64_t task,
    const char *note)
{
	struct same_note n = { a->handle, note, false };

	hb_book_each_comment(book, task, each_comment, &n);
	return n.found;
}

static const struct decision *
decision_of(const char *name, const struct hb_sheet_row *row,
    enum hb_lang lang, int state)
{
	char *word = trimmed(row->decision);
	const struct decision *d = NULL;

	for (size_t i = 0; i < NDECISIONS && d == NULL; i++)
		if (strcasecmp(word, hb_lang_text(lang, decisions[i].key)) == 0 ||
		    strcasecmp(word, decisions[i].action) == 0)
			d = &decisions[i];
	/* The dash the sheet writes where nothing is asked is no word. */
	if (d == NULL && *word != '\0' && strcmp(word, "\xe2\x80\x93") != 0)
		hb_fail(HB_EXIT_DATA, NULL, "%s: row %ld: \"%s\" is not one of "
		    "the decisions of the list", name, row->row, word);
	if (d != NULL && d->from != state)
		hb_fail(HB_EXIT_DATA, NULL, "%s: row %ld: task %lld was %s when "
		    "the sheet was made: \"%s\" is not a decision on it", name,
		    row->row, (long long)row->task, hb_task_state_names[state],
		    word);
	free(word);
	return d;
}

void
hb_sheet_apply(struct hb_book *book, const struct hb_sheet *s,
    const char *name, void (*print)(void *ctx, const struct hb_task *t),
    void *ctx)
{
	const struct hb_actor *a = hb_actor_get(book);
	struct plan *plan = hb_xcalloc(s->nrows ? s->nrows : 1, sizeof *plan);
	char *id = hb_book_setting(book, "book.id");
	char stale[MESSAGE_MAX] = "";
	size_t nstale = 0, applied = 0, noted = 0, already = 0;
	enum hb_lang lang = (enum hb_lang)hb_lang_find(s->lang);

	if (!hb_actor_is(a, "client") || !a->contact)
		hb_fail(HB_EXIT_REFUSED, NULL, "%s: the sheet holds a client's "
		    "decisions: act as the client's contact (--as HANDLE); "
		    "%s is not", name, hb_actor_text(a));
	if (id == NULL || strcmp(id, s->book_id) != 0)
		hb_fail(HB_EXIT_DATA, NULL, "%s: the sheet was made from another "
		    "book (its id %s; this book's %s)", name, s->book_id,
		    id ? id : "none");
	free(id);

	/* First every row is checked, so that a refusal names every row
	 * that no longer applies; then all are applied, in the one
	 * transaction of the batch. */
	for (size_t i = 0; i < s->nrows; i++) {
		const struct hb_sheet_row *row = &s->rows[i];
		struct plan *p = &plan[i];
		char digest[HB_DIGEST_HEX];
		int state = hb_task_state_find(row->state);
		struct hb_task t;

		hb_sheet_row_digest(s->book_id, row->row, row->task, row->state,
		    row->updated, digest);
		if (state < 0 || strcmp(digest, row->digest) != 0)
			hb_fail(HB_EXIT_DATA, NULL, "%s: row %ld: the sheet's "
			    "hidden record of the row was changed", name,
			    row->row);
		if (row->decision != NULL)
			p->d = decision_of(name, row, lang, state);
		if (row->note != NULL) {
			p->note = trimmed(row->note);
			if (*p->note == '\0') {
				free(p->note);
				p->note = NULL;
			}
		}
		if (p->d == NULL && p->note == NULL)
			continue;
		if (!hb_book_task_get(book, row->task, &t))
			hb_fail(HB_EXIT_NOINPUT, NULL, "%s: row %ld: task %lld "
			    "is not in the book", name, row->row,
			    (long long)row->task);
		if (p->d == NULL) {
			p->fate = APPLY;	/* a note alone */
		} else if (t.status == state && strcmp(t.updated,
		    row->updated) == 0) {
			p->fate = APPLY;
		} else if (t.status == p->d->to && made_already(book, a, row,
		    p->d)) {
			p->fate = APPLIED;
		} else {
			size_t len = strlen(stale);

			nstale++;
			if (len + 200 < sizeof stale)
				snprintf(stale + len, sizeof stale - len,
				    "%srow %ld: task %lld was %s and is %s now%s",
				    len ? "; " : "", row->row, (long long)t.id,
				    row->state, hb_task_state_names[t.status],
				    t.status == state ? " (changed since)" : "");
		}
		hb_task_release(&t);
	}
	if (nstale > 0)
		hb_fail(HB_EXIT_REFUSED, NULL, "%s: %s; the task%s moved since the "
		    "sheet was made, so %s no longer appl%s: nothing was "
		    "applied (make a new sheet)", name, stale, nstale > 1 ?
		    "s" : "", nstale > 1 ? "these decisions" : "the decision",
		    nstale > 1 ? "y" : "ies");

	for (size_t i = 0; i < s->nrows; i++) {
		const struct hb_sheet_row *row = &s->rows[i];
		struct plan *p = &plan[i];
		char task[24];

		snprintf(task, sizeof task, "%lld", (long long)row->task);
		/* The note first: the reason is on the thread when the
		 * move lands. */
		if (p->note != NULL && !noted_already(book, a, row->task,
		    p->note)) {
			struct hb_comment c;

			hb_comment_add(book, task, p->note, NULL, &c);
			hb_comment_release(&c);
			noted++;
		}
		if (p->d != NULL && p->fate == APPLY) {
			struct hb_task_change ch = { 0 };
			struct hb_task t;

			ch.action = p->d->action;
			hb_task_set(book, task, &ch, &t);
			print(ctx, &t);
			hb_task_release(&t);
			applied++;
		} else if (p->d != NULL && p->fate == APPLIED) {
			hb_note("%s: row %ld: task %lld: %s was applied "
			    "already, by this sheet or the same decision", name,
			    row->row, (long long)row->task, p->d->action);
			already++;
		}
		free(p->note);
	}
	free(plan);
	if (applied + noted == 0)
		hb_note("%s: nothing to apply%s", name, already ?
		    ": every decision in it was applied already" : "");
	else
		hb_note("%s: %zu decision%s applied, %zu note%s added as "
		    "comment%s", name, applied, applied == 1 ? "" : "s", noted,
		    noted == 1 ? "" : "s", noted == 1 ? "" : "s");
}
