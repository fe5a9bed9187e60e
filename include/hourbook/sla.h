/*
 * sla: the service-level rules, one table, evaluated as of a moment.
 *
 * Each rule checks a set of entities (tasks, comments, packages,
 * withdrawals) and says for each whether it passes; a failure has the
 * rule's severity.  The results print as findings (rows in CSV, a table
 * or JSON Lines), TAP 13 or JUnit XML, and an error-severity finding makes
 * sla-check exit 1: a CI gate.
 */
#ifndef HOURBOOK_SLA_H
#define HOURBOOK_SLA_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct hb_book;
struct hb_csv_writer;

/* HB_SLA_ROWS: the failed checks as rows, through the writer's format. */
enum hb_sla_format { HB_SLA_ROWS, HB_SLA_TAP, HB_SLA_JUNIT };

/* The rule ids, NULL-terminated. */
extern const char *const hb_sla_rule_ids[];
/* "due-rigid, due-flexible, ..." for messages; true when id is a rule. */
const char *hb_sla_rule_names(void);
bool hb_sla_rule_known(const char *id);

/* Evaluate the rules (only `rule`, and only `project`, when not NULL) as
 * of instant as_of, and print in format through w (TAP and JUnit to its
 * stream; nothing when quiet).  Returns true when an error-severity rule
 * failed. */
bool hb_sla_check(struct hb_book *book, int64_t as_of, const char *rule,
    const char *project, enum hb_sla_format format, bool quiet,
    struct hb_csv_writer *w);

#endif
