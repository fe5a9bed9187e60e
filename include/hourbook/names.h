/*
 * names: find a record by the name a user typed, or say what they meant.
 *
 * Every option and column that names a record (--client, --project,
 * --person, --assign, --reassign-to, a task or package number ...) goes
 * through here, in writers and readers alike: a name that matches nothing
 * ends the program with exit 66 and the nearest names ("did you mean
 * verde-site?"), so a typo never yields an empty, green result.  A
 * malformed name is exit 65.
 */
#ifndef HOURBOOK_NAMES_H
#define HOURBOOK_NAMES_H

#include <stdint.h>
#include "hourbook/setup.h"

struct hb_book;
struct hb_package;
struct hb_task;

/* Fill *out (the caller releases it) or die 66 naming column. */
void hb_need_client(struct hb_book *book, const char *column,
    const char *name, struct hb_client *out);
void hb_need_person(struct hb_book *book, const char *column,
    const char *handle, struct hb_person *out);
void hb_need_project(struct hb_book *book, const char *column,
    const char *code, struct hb_project *out);
void hb_need_task(struct hb_book *book, const char *column, const char *s,
    struct hb_task *out);
/* The package's record without its figures. */
void hb_need_package(struct hb_book *book, const char *column,
    const char *s, struct hb_package *out);

/* Only check that each name given (not NULL) exists: for filters. */
void hb_check_names(struct hb_book *book, const char *client,
    const char *project, const char *package, const char *person);

#endif
