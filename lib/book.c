/*
 * book: the SQLite connection, its safety settings, transactions,
 * migrations, and every SQL statement of hourbook.
 *
 * Statements are named in one table (sql[]) and prepared once per
 * connection, on first use: the hot paths of a batch bind and step the same
 * statement a million times.  Every statement is reset after use, so a
 * helper never leaves one half-stepped.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/clock.h"
#include "hourbook/diag.h"

/* PRAGMA application_id: "hour" in ASCII, so we never migrate a stranger. */
#define HB_APPLICATION_ID 0x686f7572

enum sql_id {
	SQL_SETTING_GET,
	SQL_SETTING_PUT,
	SQL_PROJECT_SETTING_GET,
	SQL_PROJECT_SETTING_PUT,
	SQL_EVENT_INSERT,
	SQL_HOLIDAY_GET,
	SQL_HOLIDAY_INSERT,
	SQL_HOLIDAY_ALL,
	SQL_CLIENT_GET,
	SQL_CLIENT_INSERT,
	SQL_CLIENT_SET_CONTACT,
	SQL_CLIENT_ALL,
	SQL_PERSON_GET,
	SQL_PERSON_INSERT,
	SQL_PERSON_ALL,
	SQL_PROJECT_GET,
	SQL_PROJECT_INSERT,
	SQL_PROJECT_ALL,
	SQL_MEMBER_STATE,
	SQL_MEMBER_JOIN,
	SQL_MEMBER_LEAVE,
	SQL_TASK_GET,
	SQL_TASK_INSERT,
	SQL_TASK_UPDATE,
	SQL_TASK_SELECT,
	SQL_TASK_OPEN_OF,
	SQL_EVENT_SELECT,
	SQL_COMMENT_INSERT,
	SQL_COMMENT_GET,
	SQL_COMMENT_SELECT,
	SQL_PACKAGE_GET,
	SQL_PACKAGE_INSERT,
	SQL_PACKAGE_STATUS,
	SQL_PACKAGE_START,
	SQL_PACKAGE_CLOSE,
	SQL_SCOPE_PACKAGES,
	SQL_SCOPE_LOADS,
	SQL_SCOPE_USE,
	SQL_SCOPE_PERIODS,
	SQL_SCOPE_COMMITTED,
	SQL_PACKAGE_USE_ADD,
	SQL_TASK_USE_ADD,
	SQL_INVOICE_INSERT,
	SQL_PAYMENT_INSERT,
	SQL_LEDGER_INSERT,
	SQL_PACKAGE_SELECT,
	SQL_ENTRY_INSERT,
	SQL_ENTRY_BY_REF,
	SQL_ENTRY_SPLIT_INSERT,
	SQL_ENTRY_GET,
	SQL_ENTRY_REVERSAL,
	SQL_ENTRY_SPLITS,
	SQL_FEE_INSERT,
	SQL_MONEY_SUMS,
	SQL_REQUESTS_IN_MONTH,
	SQL_WITHDRAWAL_INSERT,
	SQL_WITHDRAWAL_GET,
	SQL_WITHDRAWAL_BY_KEY,
	SQL_WITHDRAWAL_DECIDE,
	SQL_WITHDRAWAL_SELECT,
	SQL_EARNING_SELECT,
	SQL_EXPORT_ACTIVITIES,
	SQL_EXPORT_ENTRIES,
	SQL_EXPORT_COMMENTS,
	SQL_EXPORT_EVENTS,
	SQL_INVOICE_NEW,
	SQL_INVOICE_LINE,
	SQL_STAFF_EXISTS,
	SQL_NAMES_CLIENT,
	SQL_NAMES_PERSON,
	SQL_NAMES_PROJECT,
	SQL_BATCH_FIND,
	SQL_BATCH_INSERT,
	SQL_CHECK_STORAGE,
	SQL_CHECK_REFERENCES,
	SQL_CHECK_USE,
	SQL_CHECK_DRAWS,
	SQL_CHECK_TASK_TOTALS,
	SQL_CHECK_REVERSALS,
	SQL_CHECK_INVOICES,
	SQL_REQUEST_FIND,
	SQL_REQUEST_INSERT,
	SQL_PERSON_ROLE,
	SQL_COUNT
};

#define CLIENT_COLUMNS \
	"c.id, c.name, c.display_name, c.email, c.currency, " \
	"(SELECT handle FROM person WHERE id = c.contact_id), c.created"
#define PERSON_COLUMNS \
	"p.id, p.handle, p.name, p.email, p.role, p.rate, p.client_id, " \
	"(SELECT name FROM client WHERE id = p.client_id), p.created"
#define PROJECT_COLUMNS \
	"p.id, p.code, p.client_id, c.name, c.currency, p.name, p.rate, " \
	"p.model, p.penalty_base, p.penalty_daily, " \
	"(SELECT group_concat(key || '=' || value, ';') FROM " \
	"(SELECT key, value FROM project_setting WHERE project_id = p.id " \
	"ORDER BY key)), p.created"

#define TASK_COLUMNS \
	"t.id, t.project_id, j.code, j.client_id, j.model, t.kind, t.title, " \
	"t.description, t.status, t.blocked_from, t.assignee_id, " \
	"(SELECT handle FROM person WHERE id = t.assignee_id), t.estimate, " \
	"t.due, t.due_kind, t.urgent, t.extra, t.fee, t.created, t.updated, " \
	"t.worked, t.billed, (SELECT currency FROM client WHERE id = j.client_id)"
#define COMMENT_COLUMNS "id, task_id, author, body, reply_to, created"
#define PACKAGE_COLUMNS \
	"k.id, k.project_id, j.code, c.name, c.currency, k.plan, k.minutes, " \
	"k.bonus_minutes, k.discount, k.bonus, k.months, k.rate, k.price, " \
	"k.expires, k.lapse, k.status, k.created, k.start_month, k.closed_on"
/* The projects a balance is about: ?1 client, ?2 project code, ?3 a
 * package of the project, ?4 the project id (each NULL: any). */
#define SCOPE \
	"k.project_id IN (SELECT j.id FROM project j JOIN client c " \
	"ON c.id = j.client_id WHERE (?1 IS NULL OR c.name = ?1) " \
	"AND (?2 IS NULL OR j.code = ?2) AND (?3 IS NULL OR j.id = " \
	"(SELECT project_id FROM package WHERE id = ?3)) " \
	"AND (?4 IS NULL OR j.id = ?4))"
#define WITHDRAWAL_COLUMNS \
	"w.id, p.handle, w.amount, coalesce(o.outcome, 'requested'), " \
	"w.requested, w.due, o.day, o.reason, w.key, w.currency"

static const char *const sql[SQL_COUNT] = {
	[SQL_SETTING_GET] = "SELECT value FROM setting WHERE key = ?",
	[SQL_SETTING_PUT] = "INSERT INTO setting (key, value) VALUES (?, ?) "
	    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	[SQL_PROJECT_SETTING_GET] = "SELECT value FROM project_setting "
	    "WHERE project_id = ? AND key = ?",
	[SQL_PROJECT_SETTING_PUT] = "INSERT INTO project_setting "
	    "(project_id, key, value) VALUES (?, ?, ?) ON CONFLICT "
	    "(project_id, key) DO UPDATE SET value = excluded.value",
	[SQL_EVENT_INSERT] = "INSERT INTO event (at, actor, entity, key, what, "
	    "old, new, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[SQL_HOLIDAY_GET] = "SELECT name FROM holiday WHERE day = ?",
	[SQL_HOLIDAY_INSERT] = "INSERT INTO holiday (day, name) VALUES (?, ?)",
	[SQL_HOLIDAY_ALL] = "SELECT day FROM holiday ORDER BY day",
	[SQL_CLIENT_GET] = "SELECT " CLIENT_COLUMNS " FROM client c "
	    "WHERE c.name = ?",
	[SQL_CLIENT_INSERT] = "INSERT INTO client (name, display_name, email, "
	    "currency, created) VALUES (?, ?, ?, ?, ?)",
	[SQL_CLIENT_SET_CONTACT] = "UPDATE client SET contact_id = ? "
	    "WHERE id = ?",
	[SQL_CLIENT_ALL] = "SELECT " CLIENT_COLUMNS " FROM client c "
	    "ORDER BY c.name",
	[SQL_PERSON_GET] = "SELECT " PERSON_COLUMNS " FROM person p "
	    "WHERE p.handle = ?",
	[SQL_PERSON_INSERT] = "INSERT INTO person (handle, name, email, role, "
	    "rate, client_id, created) VALUES (?, ?, ?, ?, ?, ?, ?)",
	[SQL_PERSON_ALL] = "SELECT " PERSON_COLUMNS " FROM person p "
	    "WHERE (?1 IS NULL OR p.client_id = "
	    "(SELECT id FROM client WHERE name = ?1)) "
	    "AND (?2 IS NULL OR p.id IN (SELECT m.person_id FROM member m "
	    "JOIN project j ON j.id = m.project_id "
	    "WHERE j.code = ?2 AND m.left_at IS NULL)) ORDER BY p.handle",
	[SQL_PROJECT_GET] = "SELECT " PROJECT_COLUMNS " FROM project p "
	    "JOIN client c ON c.id = p.client_id WHERE p.code = ?",
	[SQL_PROJECT_INSERT] = "INSERT INTO project (code, client_id, name, "
	    "rate, model, penalty_base, penalty_daily, created) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[SQL_PROJECT_ALL] = "SELECT " PROJECT_COLUMNS " FROM project p "
	    "JOIN client c ON c.id = p.client_id "
	    "WHERE ?1 IS NULL OR c.name = ?1 ORDER BY p.code",
	[SQL_MEMBER_STATE] = "SELECT left_at IS NULL FROM member "
	    "WHERE project_id = ? AND person_id = ?",
	[SQL_MEMBER_JOIN] = "INSERT INTO member (project_id, person_id, joined) "
	    "VALUES (?1, ?2, ?3) ON CONFLICT (project_id, person_id) "
	    "DO UPDATE SET joined = ?3, left_at = NULL",
	[SQL_MEMBER_LEAVE] = "UPDATE member SET left_at = ?3 "
	    "WHERE project_id = ?1 AND person_id = ?2",
	[SQL_TASK_GET] = "SELECT " TASK_COLUMNS " FROM task t "
	    "JOIN project j ON j.id = t.project_id WHERE t.id = ?",
	[SQL_TASK_INSERT] = "INSERT INTO task (project_id, kind, title, "
	    "description, status, assignee_id, estimate, due, due_kind, "
	    "urgent, extra, fee, created, updated) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[SQL_TASK_UPDATE] = "UPDATE task SET status = ?2, blocked_from = ?3, "
	    "assignee_id = ?4, estimate = ?5, due = ?6, due_kind = ?7, "
	    "updated = ?8 WHERE id = ?1",
	[SQL_TASK_SELECT] = "SELECT " TASK_COLUMNS " FROM task t "
	    "JOIN project j ON j.id = t.project_id "
	    "WHERE (?1 IS NULL OR j.code = ?1) "
	    "AND (?2 IS NULL OR instr(',' || ?2 || ',', "
	    "',' || t.status || ',') > 0) "
	    "AND (?3 IS NULL OR t.assignee_id = "
	    "(SELECT id FROM person WHERE handle = ?3)) "
	    "AND (?4 IS NULL OR t.kind = ?4) "
	    "AND (?5 IS NULL OR (t.due < ?5 AND t.status NOT IN "
	    "('done', 'rejected', 'cancelled'))) "
	    "AND (?6 IS NULL OR t.due < ?6) "
	    "AND (?7 IS NULL OR j.client_id = "
	    "(SELECT id FROM client WHERE name = ?7)) "
	    "ORDER BY t.id",
	[SQL_TASK_OPEN_OF] = "SELECT id FROM task WHERE project_id = ? "
	    "AND assignee_id = ? AND status NOT IN "
	    "('done', 'rejected', 'cancelled') ORDER BY id",
	[SQL_EVENT_SELECT] = "SELECT id, at, actor, entity, key, what, old, "
	    "new, reason FROM event WHERE entity = ? AND key = ? ORDER BY id",
	[SQL_COMMENT_INSERT] = "INSERT INTO comment (task_id, author, body, "
	    "reply_to, created) VALUES (?, ?, ?, ?, ?)",
	[SQL_COMMENT_GET] = "SELECT " COMMENT_COLUMNS " FROM comment "
	    "WHERE id = ?",
	[SQL_COMMENT_SELECT] = "SELECT " COMMENT_COLUMNS " FROM comment "
	    "WHERE task_id = ? ORDER BY id",
	[SQL_PACKAGE_GET] = "SELECT " PACKAGE_COLUMNS " FROM package k "
	    "JOIN project j ON j.id = k.project_id "
	    "JOIN client c ON c.id = j.client_id WHERE k.id = ?",
	[SQL_PACKAGE_INSERT] = "INSERT INTO package (project_id, plan, "
	    "minutes, bonus_minutes, discount, bonus, months, rate, price, "
	    "expires, lapse, status, created, start_month) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'quoted', ?, ?)",
	[SQL_PACKAGE_STATUS] = "UPDATE package SET status = ?2 WHERE id = ?1",
	[SQL_PACKAGE_START] = "UPDATE package SET start_month = ?2 "
	    "WHERE id = ?1",
	[SQL_PACKAGE_CLOSE] = "UPDATE package SET status = 'closed', "
	    "closed_on = ?2 WHERE id = ?1",
	[SQL_SCOPE_PACKAGES] = "SELECT " PACKAGE_COLUMNS " FROM package k "
	    "JOIN project j ON j.id = k.project_id "
	    "JOIN client c ON c.id = j.client_id WHERE " SCOPE
	    " ORDER BY k.project_id, k.id",
	[SQL_SCOPE_LOADS] = "SELECT h.package_id, coalesce(h.period, 0), "
	    "h.minutes, h.day FROM hours_ledger h JOIN package k "
	    "ON k.id = h.package_id WHERE " SCOPE " AND h.kind = 'load' "
	    "AND h.day <= ?5 ORDER BY h.package_id, h.id",
	[SQL_SCOPE_USE] = "SELECT u.package_id, substr(u.day, 1, 7), "
	    "sum(u.minutes) FROM package_use u JOIN package k "
	    "ON k.id = u.package_id WHERE " SCOPE " AND u.day <= ?5 "
	    "GROUP BY u.package_id, substr(u.day, 1, 7) "
	    "ORDER BY u.package_id, substr(u.day, 1, 7)",
	[SQL_SCOPE_PERIODS] = "SELECT k.id, (SELECT count(*) FROM "
	    "package_invoice WHERE package_id = k.id AND issued <= ?5), "
	    "(SELECT count(*) FROM package_payment WHERE package_id = k.id "
	    "AND paid <= ?5), (SELECT max(issued) FROM package_invoice "
	    "WHERE package_id = k.id AND issued <= ?5) FROM package k "
	    "WHERE " SCOPE " ORDER BY k.id",
	/* ?5 the agreed, unfinished states, as ",open,approved,...,". */
	[SQL_SCOPE_COMMITTED] = "SELECT k.project_id, k.id, k.status, "
	    "k.blocked_from, k.estimate, k.urgent, k.billed FROM task k "
	    "WHERE " SCOPE " AND k.estimate IS NOT NULL AND (?5 LIKE "
	    "'%,' || k.status || ',%' OR ?5 LIKE "
	    "'%,' || k.blocked_from || ',%') ORDER BY k.project_id, k.id",
	[SQL_PACKAGE_USE_ADD] = "INSERT INTO package_use (package_id, day, "
	    "minutes) VALUES (?1, ?2, ?3) ON CONFLICT (package_id, day) "
	    "DO UPDATE SET minutes = package_use.minutes + excluded.minutes",
	[SQL_TASK_USE_ADD] = "UPDATE task SET worked = worked + ?2, "
	    "billed = billed + ?3 WHERE id = ?1",
	[SQL_INVOICE_INSERT] = "INSERT INTO package_invoice (package_id, "
	    "period, amount, issued) VALUES (?, ?, ?, ?)",
	[SQL_PAYMENT_INSERT] = "INSERT INTO package_payment (package_id, "
	    "period, paid) VALUES (?, ?, ?)",
	[SQL_LEDGER_INSERT] = "INSERT INTO hours_ledger (package_id, kind, "
	    "minutes, period, day) VALUES (?, ?, ?, ?, ?)",
	[SQL_PACKAGE_SELECT] = "SELECT k.id FROM package k "
	    "JOIN project j ON j.id = k.project_id "
	    "JOIN client c ON c.id = j.client_id "
	    "WHERE (?1 IS NULL OR c.name = ?1) AND (?2 IS NULL OR j.code = ?2) "
	    "AND (?3 IS NULL OR k.id = ?3) ORDER BY k.id",
	[SQL_ENTRY_INSERT] = "INSERT INTO entry (task_id, person_id, day, "
	    "minutes, billable, overage, package_id, package_minutes, note, "
	    "reverses, reason, actor, created, earned, ref) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[SQL_ENTRY_BY_REF] = "SELECT id FROM entry WHERE person_id = ? "
	    "AND ref = ?",
	[SQL_ENTRY_SPLIT_INSERT] = "INSERT INTO entry_split (entry_id, "
	    "package_id, minutes) VALUES (?, ?, ?)",
	[SQL_ENTRY_GET] = "SELECT e.id, e.task_id, e.person_id, e.day, "
	    "e.minutes, e.billable, e.overage, e.package_id, e.package_minutes, "
	    "e.reverses, p.handle, e.earned FROM entry e "
	    "JOIN person p ON p.id = e.person_id WHERE e.id = ?",
	[SQL_ENTRY_REVERSAL] = "SELECT id FROM entry WHERE reverses = ?",
	[SQL_ENTRY_SPLITS] = "SELECT package_id, minutes FROM entry_split "
	    "WHERE entry_id = ? ORDER BY rowid",
	[SQL_FEE_INSERT] = "INSERT INTO money_ledger (person_id, kind, amount, "
	    "task_id, day, created, currency) VALUES (?, 'fee', ?, ?, ?, ?, ?)",
	/* ?2 and ?3: the first and last day of the month of the payments
	 * counted as paid this month. */
	[SQL_MONEY_SUMS] = "SELECT cur, sum(earned), sum(pending), sum(paid), "
	    "sum(paid_now) FROM (SELECT c.currency AS cur, e.earned AS earned, "
	    "0 AS pending, 0 AS paid, 0 AS paid_now FROM entry e "
	    "JOIN task t ON t.id = e.task_id JOIN project j "
	    "ON j.id = t.project_id JOIN client c ON c.id = j.client_id "
	    "WHERE e.person_id = ?1 AND e.earned <> 0 "
	    "UNION ALL SELECT currency, amount, 0, 0, 0 FROM money_ledger "
	    "WHERE person_id = ?1 "
	    "UNION ALL SELECT w.currency, 0, CASE WHEN o.outcome IS NULL "
	    "THEN w.amount ELSE 0 END, CASE WHEN o.outcome = 'paid' "
	    "THEN w.amount ELSE 0 END, CASE WHEN o.outcome = 'paid' "
	    "AND o.day BETWEEN ?2 AND ?3 THEN w.amount ELSE 0 END "
	    "FROM withdrawal w LEFT JOIN withdrawal_outcome o "
	    "ON o.withdrawal_id = w.id WHERE w.person_id = ?1) sums "
	    "GROUP BY cur ORDER BY cur",
	[SQL_REQUESTS_IN_MONTH] = "SELECT count(*) FROM withdrawal w "
	    "LEFT JOIN withdrawal_outcome o ON o.withdrawal_id = w.id "
	    "WHERE w.person_id = ? AND w.month = ? "
	    "AND (o.outcome IS NULL OR o.outcome <> 'rejected')",
	[SQL_WITHDRAWAL_INSERT] = "INSERT INTO withdrawal (person_id, amount, "
	    "requested, month, due, key, actor, currency) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[SQL_WITHDRAWAL_GET] = "SELECT " WITHDRAWAL_COLUMNS " FROM withdrawal w "
	    "JOIN person p ON p.id = w.person_id LEFT JOIN withdrawal_outcome o "
	    "ON o.withdrawal_id = w.id WHERE w.id = ?",
	[SQL_WITHDRAWAL_BY_KEY] = "SELECT id FROM withdrawal "
	    "WHERE person_id = ? AND key = ?",
	[SQL_WITHDRAWAL_DECIDE] = "INSERT INTO withdrawal_outcome "
	    "(withdrawal_id, outcome, reason, day, actor, created) "
	    "VALUES (?, ?, ?, ?, ?, ?)",
	[SQL_WITHDRAWAL_SELECT] = "SELECT " WITHDRAWAL_COLUMNS
	    " FROM withdrawal w JOIN person p ON p.id = w.person_id "
	    "LEFT JOIN withdrawal_outcome o ON o.withdrawal_id = w.id "
	    "WHERE (?1 IS NULL OR p.handle = ?1) "
	    "AND (?2 IS NULL OR date(w.requested, 'localtime') >= ?2) "
	    "AND (?3 IS NULL OR date(w.requested, 'localtime') <= ?3) "
	    "ORDER BY w.id",
	[SQL_EARNING_SELECT] = "SELECT p.handle, e.day, CASE WHEN e.reverses "
	    "IS NULL THEN 'time' ELSE 'reversal' END, e.task_id, e.id, "
	    "e.minutes, e.earned, c.currency FROM entry e "
	    "JOIN person p ON p.id = e.person_id JOIN task t ON t.id = e.task_id "
	    "JOIN project j ON j.id = t.project_id "
	    "JOIN client c ON c.id = j.client_id "
	    "WHERE e.earned <> 0 AND (?1 IS NULL OR p.handle = ?1) "
	    "AND e.day BETWEEN coalesce(?2, '0000') AND coalesce(?3, '9999') "
	    "UNION ALL SELECT p.handle, m.day, m.kind, m.task_id, NULL, NULL, "
	    "m.amount, m.currency FROM money_ledger m "
	    "JOIN person p ON p.id = m.person_id "
	    "WHERE (?1 IS NULL OR p.handle = ?1) "
	    "AND m.day BETWEEN coalesce(?2, '0000') AND coalesce(?3, '9999') "
	    "ORDER BY 1, 2, 5",
	/* The parameters of every export: ?1 client, ?2 project, ?3 package,
	 * ?4 person, ?5 from, ?6 to. */
	[SQL_EXPORT_ACTIVITIES] = "SELECT t.id, j.code, t.title, t.kind, "
	    "(SELECT handle FROM person WHERE id = t.assignee_id), t.status, "
	    "CASE WHEN t.status IN ('idea', 'requested', 'estimated') "
	    "THEN 'pending' WHEN t.status IN ('rejected', 'cancelled') "
	    "THEN t.status ELSE 'approved' END, t.estimate, "
	    "(SELECT coalesce(sum(e.minutes), 0) FROM entry e "
	    "WHERE e.task_id = t.id AND e.day BETWEEN coalesce(?5, '0000') "
	    "AND coalesce(?6, '9999')), "
	    "(SELECT coalesce(sum(e.billable), 0) FROM entry e "
	    "WHERE e.task_id = t.id AND e.day BETWEEN coalesce(?5, '0000') "
	    "AND coalesce(?6, '9999')), "
	    "t.due, t.due_kind, t.extra, t.urgent, "
	    "(SELECT date(min(at), 'localtime') FROM event "
	    "WHERE entity = 'task' AND key = CAST(t.id AS TEXT) "
	    "AND what = 'status' AND new = 'delivered'), "
	    "(SELECT date(max(at), 'localtime') FROM event WHERE entity = 'task' "
	    "AND key = CAST(t.id AS TEXT) AND what = 'status' AND new = 'done') "
	    "FROM task t JOIN project j ON j.id = t.project_id "
	    "JOIN client c ON c.id = j.client_id "
	    "WHERE (?1 IS NULL OR c.name = ?1) AND (?2 IS NULL OR j.code = ?2) "
	    "AND (?3 IS NULL OR j.id = (SELECT project_id FROM package "
	    "WHERE id = ?3)) AND ?4 IS NULL "
	    "AND ((?5 IS NULL AND ?6 IS NULL) "
	    "OR substr(t.created, 1, 10) BETWEEN coalesce(?5, '0000') "
	    "AND coalesce(?6, '9999') "
	    "OR substr(t.updated, 1, 10) BETWEEN coalesce(?5, '0000') "
	    "AND coalesce(?6, '9999') "
	    "OR EXISTS (SELECT 1 FROM entry e WHERE e.task_id = t.id "
	    "AND e.day BETWEEN coalesce(?5, '0000') AND coalesce(?6, '9999'))) "
	    "ORDER BY j.code, t.id",
	[SQL_EXPORT_ENTRIES] = "SELECT e.id, e.task_id, j.code, c.name, "
	    "p.handle, e.day, e.minutes, e.billable, e.overage, "
	    "CASE WHEN e.package_id IS NOT NULL THEN e.package_id || "
	    "coalesce((SELECT ';' || group_concat(package_id, ';') "
	    "FROM entry_split WHERE entry_id = e.id), '') END, "
	    "e.earned, e.note, e.reverses, e.ref "
	    "FROM entry e JOIN task t ON t.id = e.task_id "
	    "JOIN project j ON j.id = t.project_id "
	    "JOIN client c ON c.id = j.client_id "
	    "JOIN person p ON p.id = e.person_id "
	    "WHERE (?1 IS NULL OR c.name = ?1) AND (?2 IS NULL OR j.code = ?2) "
	    "AND (?3 IS NULL OR e.package_id = ?3 OR EXISTS (SELECT 1 "
	    "FROM entry_split s WHERE s.entry_id = e.id AND s.package_id = ?3)) "
	    "AND (?4 IS NULL OR p.handle = ?4) "
	    "AND (?5 IS NULL OR e.day >= ?5) AND (?6 IS NULL OR e.day <= ?6) "
	    "ORDER BY e.id",
	[SQL_EXPORT_COMMENTS] = "SELECT m.id, m.task_id, j.code, m.author, "
	    "m.reply_to, m.created, m.body FROM comment m "
	    "JOIN task t ON t.id = m.task_id "
	    "JOIN project j ON j.id = t.project_id "
	    "JOIN client c ON c.id = j.client_id "
	    "WHERE (?1 IS NULL OR c.name = ?1) AND (?2 IS NULL OR j.code = ?2) "
	    "AND ?3 IS NULL AND (?4 IS NULL OR m.author = ?4) "
	    "AND (?5 IS NULL OR substr(m.created, 1, 10) >= ?5) "
	    "AND (?6 IS NULL OR substr(m.created, 1, 10) <= ?6) "
	    "ORDER BY m.id",
	[SQL_INVOICE_NEW] = "INSERT INTO invoice (project_id, package_id, "
	    "period, currency, created) VALUES (?, ?, ?, ?, ?)",
	[SQL_INVOICE_LINE] = "INSERT INTO invoice_line (invoice_id, line, kind, "
	    "description, quantity_minutes, unit_price, amount, task_id, "
	    "package_invoice_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[SQL_STAFF_EXISTS] = "SELECT 1 FROM person WHERE role = 'staff' "
	    "LIMIT 1",
	[SQL_NAMES_CLIENT] = "SELECT name FROM client ORDER BY name",
	[SQL_NAMES_PERSON] = "SELECT handle FROM person ORDER BY handle",
	[SQL_NAMES_PROJECT] = "SELECT code FROM project ORDER BY code",
	[SQL_BATCH_FIND] = "SELECT id, name, records, actor, at FROM batch "
	    "WHERE command = ? AND digest = ? ORDER BY id LIMIT 1",
	[SQL_BATCH_INSERT] = "INSERT INTO batch (command, digest, name, "
	    "records, actor, at) VALUES (?, ?, ?, ?, ?, ?)",
	[SQL_REQUEST_FIND] = "SELECT digest, output, at FROM request_key "
	    "WHERE command = ? AND actor = ? AND key = ?",
	[SQL_REQUEST_INSERT] = "INSERT INTO request_key (command, actor, key, "
	    "digest, output, at) VALUES (?, ?, ?, ?, ?, ?)",
	[SQL_PERSON_ROLE] = "SELECT role FROM person WHERE handle = ?",
	[SQL_EXPORT_EVENTS] = "SELECT id, at, actor, entity, key, what, old, "
	    "new, reason FROM event WHERE ?1 IS NULL AND ?2 IS NULL "
	    "AND ?3 IS NULL AND (?4 IS NULL OR actor = ?4) "
	    "AND (?5 IS NULL OR substr(at, 1, 10) >= ?5) "
	    "AND (?6 IS NULL OR substr(at, 1, 10) <= ?6) ORDER BY id",
	/* book-check.  SQLite's own checks of its file, every finding
	 * (integrity_check stops at 100 unless told more). */
	[SQL_CHECK_STORAGE] = "PRAGMA integrity_check(1000000)",
	[SQL_CHECK_REFERENCES] = "PRAGMA foreign_key_check",
	/* What package_use says each package drew each day, beside what the
	 * entries of that day drew. */
	[SQL_CHECK_USE] = "SELECT package_id, day, sum(recorded), sum(drawn) "
	    "FROM (SELECT package_id, day, minutes AS recorded, 0 AS drawn "
	    "FROM package_use UNION ALL SELECT package_id, day, 0, "
	    "package_minutes FROM entry WHERE package_id IS NOT NULL "
	    "UNION ALL SELECT s.package_id, e.day, 0, s.minutes "
	    "FROM entry_split s JOIN entry e ON e.id = s.entry_id) d "
	    "GROUP BY package_id, day ORDER BY package_id, day",
	/* What the entries dated until ?1 drew from each package. */
	[SQL_CHECK_DRAWS] = "SELECT package_id, sum(minutes) FROM ("
	    "SELECT package_id, package_minutes AS minutes FROM entry "
	    "WHERE package_id IS NOT NULL AND day <= ?1 UNION ALL "
	    "SELECT s.package_id, s.minutes FROM entry_split s "
	    "JOIN entry e ON e.id = s.entry_id WHERE e.day <= ?1) d "
	    "GROUP BY package_id ORDER BY package_id",
	[SQL_CHECK_TASK_TOTALS] = "SELECT t.id, t.worked, t.billed, "
	    "coalesce(sum(e.minutes), 0), coalesce(sum(e.billable), 0) "
	    "FROM task t LEFT JOIN entry e ON e.task_id = t.id "
	    "GROUP BY t.id, t.worked, t.billed ORDER BY t.id",
	/* Each reversal beside the entry it reverses (NULLs when that one
	 * is missing), grouped by the original. */
	[SQL_CHECK_REVERSALS] = "SELECT r.id, r.task_id, r.person_id, r.day, "
	    "r.minutes, r.billable, r.overage, r.package_id, r.package_minutes, "
	    "r.reverses, r.earned, o.id, o.task_id, o.person_id, o.day, "
	    "o.minutes, o.billable, o.overage, o.package_id, o.package_minutes, "
	    "o.reverses, o.earned FROM entry r LEFT JOIN entry o "
	    "ON o.id = r.reverses WHERE r.reverses IS NOT NULL "
	    "ORDER BY r.reverses, r.id",
	[SQL_CHECK_INVOICES] = "SELECT i.project_id, j.code, i.period, "
	    "i.package_id, count(*), min(i.id), max(i.id) FROM invoice i "
	    "LEFT JOIN project j ON j.id = i.project_id "
	    "GROUP BY i.project_id, j.code, i.period, i.package_id "
	    "ORDER BY i.project_id, i.period, i.package_id",
};

/* Migrations: migration[v] takes a book from version v to v + 1.  Each
 * runs inside the one transaction that also sets user_version. */
static const char *const migration[HB_SCHEMA_VERSION] = {
	/* 0 -> 1: the setup of a book. */
	"CREATE TABLE setting ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL"
	") STRICT;"
	"CREATE TABLE holiday ("
	"  day TEXT PRIMARY KEY"
	"    CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),"
	"  name TEXT NOT NULL DEFAULT ''"
	") STRICT;"
	"CREATE TABLE client ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),"
	"  display_name TEXT NOT NULL,"
	"  email TEXT NOT NULL DEFAULT '',"
	"  currency TEXT NOT NULL CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),"
	"  contact_id INTEGER REFERENCES person (id),"
	"  created TEXT NOT NULL"
	") STRICT;"
	"CREATE TABLE person ("
	"  id INTEGER PRIMARY KEY,"
	"  handle TEXT NOT NULL UNIQUE CHECK (length(handle) BETWEEN 1 AND 64),"
	"  name TEXT NOT NULL DEFAULT '',"
	"  email TEXT NOT NULL DEFAULT '',"
	"  role TEXT NOT NULL CHECK (role IN ('client', 'freelancer', 'staff')),"
	"  rate INTEGER NOT NULL DEFAULT 0 CHECK (rate >= 0),"
	"  client_id INTEGER REFERENCES client (id),"
	"  created TEXT NOT NULL,"
	"  CHECK ((role = 'client') = (client_id IS NOT NULL))"
	") STRICT;"
	"CREATE TABLE project ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),"
	"  client_id INTEGER NOT NULL REFERENCES client (id),"
	"  name TEXT NOT NULL DEFAULT '',"
	"  rate INTEGER NOT NULL DEFAULT 0 CHECK (rate >= 0),"
	"  model TEXT NOT NULL CHECK (model IN ('package', 'self-service')),"
	"  penalty_base INTEGER CHECK (penalty_base BETWEEN 0 AND 10000),"
	"  penalty_daily INTEGER CHECK (penalty_daily BETWEEN 0 AND 10000),"
	"  created TEXT NOT NULL,"
	"  CHECK ((penalty_base IS NULL) = (penalty_daily IS NULL))"
	") STRICT;"
	"CREATE TABLE project_setting ("
	"  project_id INTEGER NOT NULL REFERENCES project (id),"
	"  key TEXT NOT NULL,"
	"  value TEXT NOT NULL,"
	"  PRIMARY KEY (project_id, key)"
	") STRICT;"
	"CREATE TABLE member ("
	"  project_id INTEGER NOT NULL REFERENCES project (id),"
	"  person_id INTEGER NOT NULL REFERENCES person (id),"
	"  joined TEXT NOT NULL,"
	"  left_at TEXT,"
	"  PRIMARY KEY (project_id, person_id)"
	") STRICT;"
	"CREATE INDEX member_person ON member (person_id);"
	"CREATE TABLE event ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  entity TEXT NOT NULL,"
	"  key TEXT NOT NULL,"
	"  what TEXT NOT NULL,"
	"  old TEXT,"
	"  new TEXT,"
	"  reason TEXT"
	") STRICT;"
	"CREATE INDEX event_entity ON event (entity, key);",

	/* 1 -> 2: tasks and their comments. */
	"CREATE TABLE task ("
	"  id INTEGER PRIMARY KEY,"
	"  project_id INTEGER NOT NULL REFERENCES project (id),"
	"  kind TEXT NOT NULL CHECK (kind IN ('idea', 'request', 'activity')),"
	"  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),"
	"  description TEXT NOT NULL DEFAULT '',"
	"  status TEXT NOT NULL CHECK (status IN ('idea', 'requested',"
	"    'estimated', 'open', 'approved', 'in-progress', 'blocked',"
	"    'delivered', 'revision', 'done', 'rejected', 'cancelled')),"
	"  blocked_from TEXT CHECK ((status = 'blocked') ="
	"    (blocked_from IS NOT NULL)),"
	"  assignee_id INTEGER REFERENCES person (id),"
	"  estimate INTEGER CHECK (estimate >= 0),"
	"  due TEXT CHECK (due GLOB"
	"    '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),"
	"  due_kind TEXT NOT NULL DEFAULT 'flexible'"
	"    CHECK (due_kind IN ('rigid', 'flexible')),"
	"  urgent INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),"
	"  extra INTEGER NOT NULL DEFAULT 0 CHECK (extra IN (0, 1)),"
	"  fee INTEGER CHECK (fee >= 0),"
	"  created TEXT NOT NULL,"
	"  updated TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX task_project ON task (project_id, status);"
	"CREATE INDEX task_assignee ON task (assignee_id, status);"
	"CREATE TABLE comment ("
	"  id INTEGER PRIMARY KEY,"
	"  task_id INTEGER NOT NULL REFERENCES task (id),"
	"  author TEXT NOT NULL,"
	"  body TEXT NOT NULL CHECK (length(body) > 0),"
	"  reply_to INTEGER REFERENCES comment (id),"
	"  created TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX comment_task ON comment (task_id, id);",

	/* 2 -> 3: packages, their invoices and payments, the hours ledger,
	 * time entries. */
	"CREATE TABLE package ("
	"  id INTEGER PRIMARY KEY,"
	"  project_id INTEGER NOT NULL REFERENCES project (id),"
	"  plan TEXT NOT NULL CHECK (plan IN ('standard', 'monthly', 'upfront')),"
	"  minutes INTEGER NOT NULL CHECK (minutes > 0),"
	"  bonus_minutes INTEGER NOT NULL CHECK (bonus_minutes >= 0),"
	"  discount INTEGER NOT NULL CHECK (discount BETWEEN 0 AND 10000),"
	"  bonus INTEGER NOT NULL CHECK (bonus >= 0),"
	"  months INTEGER CHECK (months >= 3),"
	"  rate INTEGER NOT NULL CHECK (rate >= 0),"
	"  price INTEGER NOT NULL CHECK (price >= 0),"
	"  expires TEXT,"
	"  lapse INTEGER NOT NULL DEFAULT 0 CHECK (lapse IN (0, 1)),"
	"  status TEXT NOT NULL CHECK (status IN ('quoted', 'invoiced',"
	"    'active', 'closed')),"
	"  created TEXT NOT NULL,"
	"  CHECK ((plan = 'monthly') = (months IS NOT NULL)),"
	"  CHECK (plan = 'monthly' OR lapse = 0)"
	") STRICT;"
	"CREATE INDEX package_project ON package (project_id, status);"
	"CREATE TABLE package_invoice ("
	"  id INTEGER PRIMARY KEY,"
	"  package_id INTEGER NOT NULL REFERENCES package (id),"
	"  period INTEGER NOT NULL CHECK (period >= 1),"
	"  amount INTEGER NOT NULL CHECK (amount >= 0),"
	"  issued TEXT NOT NULL,"
	"  UNIQUE (package_id, period)"
	") STRICT;"
	"CREATE TABLE package_payment ("
	"  id INTEGER PRIMARY KEY,"
	"  package_id INTEGER NOT NULL REFERENCES package (id),"
	"  period INTEGER NOT NULL,"
	"  paid TEXT NOT NULL,"
	"  UNIQUE (package_id, period),"
	"  FOREIGN KEY (package_id, period)"
	"    REFERENCES package_invoice (package_id, period)"
	") STRICT;"
	"CREATE TABLE hours_ledger ("
	"  id INTEGER PRIMARY KEY,"
	"  package_id INTEGER NOT NULL REFERENCES package (id),"
	"  kind TEXT NOT NULL CHECK (kind IN ('load', 'lapse')),"
	"  minutes INTEGER NOT NULL CHECK ((kind = 'load') = (minutes > 0)),"
	"  period INTEGER,"
	"  day TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX hours_ledger_package ON hours_ledger (package_id);"
	"CREATE TABLE entry ("
	"  id INTEGER PRIMARY KEY,"
	"  task_id INTEGER NOT NULL REFERENCES task (id),"
	"  person_id INTEGER NOT NULL REFERENCES person (id),"
	"  day TEXT NOT NULL,"
	"  minutes INTEGER NOT NULL CHECK (minutes <> 0),"
	"  billable INTEGER NOT NULL,"
	"  overage INTEGER NOT NULL DEFAULT 0,"
	"  package_id INTEGER REFERENCES package (id),"
	"  package_minutes INTEGER NOT NULL DEFAULT 0,"
	"  earned INTEGER NOT NULL DEFAULT 0,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  reverses INTEGER REFERENCES entry (id),"
	"  reason TEXT,"
	"  actor TEXT NOT NULL,"
	"  created TEXT NOT NULL,"
	"  CHECK ((reverses IS NULL) = (minutes > 0))"
	") STRICT;"
	"CREATE INDEX entry_task ON entry (task_id);"
	"CREATE INDEX entry_person ON entry (person_id, day);"
	"CREATE INDEX entry_package ON entry (package_id);"
	/* An entry is reversed at most once; only reversals are indexed. */
	"CREATE UNIQUE INDEX entry_reverses ON entry (reverses)"
	"  WHERE reverses IS NOT NULL;"
	"CREATE TABLE entry_split ("
	"  entry_id INTEGER NOT NULL REFERENCES entry (id),"
	"  package_id INTEGER NOT NULL REFERENCES package (id),"
	"  minutes INTEGER NOT NULL"
	") STRICT;"
	"CREATE INDEX entry_split_package ON entry_split (package_id);"
	"CREATE INDEX entry_split_entry ON entry_split (entry_id);",

	/* 3 -> 4: fees earned, withdrawals and their outcomes. */
	"CREATE TABLE money_ledger ("
	"  id INTEGER PRIMARY KEY,"
	"  person_id INTEGER NOT NULL REFERENCES person (id),"
	"  kind TEXT NOT NULL CHECK (kind IN ('fee')),"
	"  amount INTEGER NOT NULL,"
	"  task_id INTEGER REFERENCES task (id),"
	"  day TEXT NOT NULL,"
	"  created TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX money_ledger_person ON money_ledger (person_id);"
	"CREATE TABLE withdrawal ("
	"  id INTEGER PRIMARY KEY,"
	"  person_id INTEGER NOT NULL REFERENCES person (id),"
	"  amount INTEGER NOT NULL CHECK (amount > 0),"
	"  requested TEXT NOT NULL,"
	"  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),"
	"  due TEXT NOT NULL,"
	"  key TEXT,"
	"  actor TEXT NOT NULL,"
	"  UNIQUE (person_id, key)"
	") STRICT;"
	"CREATE INDEX withdrawal_person ON withdrawal (person_id, month);"
	"CREATE TABLE withdrawal_outcome ("
	"  withdrawal_id INTEGER PRIMARY KEY REFERENCES withdrawal (id),"
	"  outcome TEXT NOT NULL CHECK (outcome IN ('paid', 'rejected')),"
	"  reason TEXT,"
	"  day TEXT NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  created TEXT NOT NULL,"
	"  CHECK ((outcome = 'rejected') = (reason IS NOT NULL))"
	") STRICT;",

	/* 4 -> 5: invoices from billing-run, at most one per project, month
	 * and package; a package invoice and a task's penalty are billed once;
	 * a month's lapse is recorded once. */
	"CREATE TABLE invoice ("
	"  id INTEGER PRIMARY KEY,"
	"  project_id INTEGER NOT NULL REFERENCES project (id),"
	"  package_id INTEGER REFERENCES package (id),"
	"  period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),"
	"  currency TEXT NOT NULL,"
	"  created TEXT NOT NULL"
	") STRICT;"
	"CREATE UNIQUE INDEX invoice_once ON invoice"
	"  (project_id, period, ifnull(package_id, 0));"
	"CREATE TABLE invoice_line ("
	"  invoice_id INTEGER NOT NULL REFERENCES invoice (id),"
	"  line INTEGER NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('fee', 'overage', 'penalty')),"
	"  description TEXT NOT NULL,"
	"  quantity_minutes INTEGER,"
	"  unit_price INTEGER NOT NULL,"
	"  amount INTEGER NOT NULL,"
	"  task_id INTEGER REFERENCES task (id),"
	"  package_invoice_id INTEGER REFERENCES package_invoice (id),"
	"  PRIMARY KEY (invoice_id, line)"
	") STRICT;"
	"CREATE UNIQUE INDEX invoice_line_fee ON invoice_line (package_invoice_id)"
	"  WHERE package_invoice_id IS NOT NULL;"
	"CREATE UNIQUE INDEX invoice_line_penalty ON invoice_line (task_id)"
	"  WHERE kind = 'penalty';"
	"CREATE UNIQUE INDEX hours_ledger_lapse ON hours_ledger (package_id, period)"
	"  WHERE kind = 'lapse' AND period IS NOT NULL;",

	/* 5 -> 6: every --csv batch that adds time or money is recorded, so
	 * the same batch is not applied twice by mistake; a time entry may
	 * carry the id it has in the tool it came from (ref), once per
	 * person.  (The book's time zone is set in C: see migrate().) */
	"CREATE TABLE batch ("
	"  id INTEGER PRIMARY KEY,"
	"  command TEXT NOT NULL,"
	"  digest TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  records INTEGER NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  at TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX batch_digest ON batch (command, digest);"
	"ALTER TABLE entry ADD COLUMN ref TEXT;"
	"CREATE UNIQUE INDEX entry_ref ON entry (person_id, ref)"
	"  WHERE ref IS NOT NULL;",

	/* 6 -> 7: one balance.  A package's lapses are computed from the
	 * clock (expiry, a lapsing month's end, closing), not recorded by
	 * billing-run: the lapse rows billing-run wrote stay as history and
	 * are no longer read.  A monthly package knows the month of its
	 * first period; a closed one the day it closed.  What the entries
	 * drew from each package per day, and what each task has worked and
	 * billed, are kept beside the ledger (derived rows, written with
	 * every entry and checked by book-check), so balances read them
	 * instead of every entry. */
	"ALTER TABLE package ADD COLUMN start_month TEXT"
	"  CHECK (start_month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]');"
	"ALTER TABLE package ADD COLUMN closed_on TEXT;"
	"UPDATE package SET start_month = (SELECT substr(min(paid), 1, 7)"
	"  FROM package_payment WHERE package_id = package.id)"
	"  WHERE plan = 'monthly';"
	"UPDATE package SET closed_on = coalesce((SELECT max(day) FROM hours_ledger"
	"  WHERE package_id = package.id AND kind = 'lapse' AND period IS NULL),"
	"  (SELECT substr(max(at), 1, 10) FROM event WHERE entity = 'package'"
	"  AND key = CAST(package.id AS TEXT) AND what = 'status'"
	"  AND new = 'closed'), substr(created, 1, 10))"
	"  WHERE status = 'closed';"
	"ALTER TABLE task ADD COLUMN worked INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE task ADD COLUMN billed INTEGER NOT NULL DEFAULT 0;"
	"UPDATE task SET worked = (SELECT coalesce(sum(minutes), 0) FROM entry"
	"  WHERE task_id = task.id), billed = (SELECT coalesce(sum(billable), 0)"
	"  FROM entry WHERE task_id = task.id);"
	"CREATE TABLE package_use ("
	"  package_id INTEGER NOT NULL REFERENCES package (id),"
	"  day TEXT NOT NULL,"
	"  minutes INTEGER NOT NULL,"
	"  PRIMARY KEY (package_id, day)"
	") STRICT;"
	"INSERT INTO package_use (package_id, day, minutes)"
	"  SELECT package_id, day, sum(minutes) FROM ("
	"  SELECT package_id, day, package_minutes AS minutes FROM entry"
	"  WHERE package_id IS NOT NULL UNION ALL"
	"  SELECT s.package_id, e.day, s.minutes FROM entry_split s"
	"  JOIN entry e ON e.id = s.entry_id) GROUP BY package_id, day;"
	/* Money is per currency: a fee in its project's, a withdrawal in
	 * the one requested (for the old ones: the one currency the person
	 * earned in, else the book's). */
	"ALTER TABLE money_ledger ADD COLUMN currency TEXT NOT NULL"
	"  DEFAULT 'EUR' CHECK (currency GLOB '[A-Z][A-Z][A-Z]');"
	"UPDATE money_ledger SET currency = coalesce((SELECT c.currency"
	"  FROM task t JOIN project j ON j.id = t.project_id"
	"  JOIN client c ON c.id = j.client_id WHERE t.id = money_ledger.task_id),"
	"  (SELECT value FROM setting WHERE key = 'currency'), 'EUR');"
	"ALTER TABLE withdrawal ADD COLUMN currency TEXT NOT NULL"
	"  DEFAULT 'EUR' CHECK (currency GLOB '[A-Z][A-Z][A-Z]');"
	"UPDATE withdrawal SET currency = coalesce((SELECT min(c.currency)"
	"  FROM entry e JOIN task t ON t.id = e.task_id"
	"  JOIN project j ON j.id = t.project_id"
	"  JOIN client c ON c.id = j.client_id"
	"  WHERE e.person_id = withdrawal.person_id AND e.earned <> 0"
	"  HAVING count(DISTINCT c.currency) = 1),"
	"  (SELECT value FROM setting WHERE key = 'currency'), 'EUR');",

	/* 7 -> 8: changes made once.  A single-record writer given --key
	 * records the actor's key with a digest of the request and the rows
	 * it printed, in the transaction of the change: the same key again
	 * prints those rows and writes nothing, and with another request it
	 * is refused (batch.c). */
	"CREATE TABLE request_key ("
	"  id INTEGER PRIMARY KEY,"
	"  command TEXT NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 200),"
	"  digest TEXT NOT NULL,"
	"  output TEXT NOT NULL,"
	"  at TEXT NOT NULL,"
	"  UNIQUE (command, actor, key)"
	") STRICT;",
};

struct hb_book {
	sqlite3 *db;
	char *path;
	int busy_ms;
	char now[HB_TIMESTAMP_BUFSZ];	/* hb_now(), formatted once */
	const char *clock_by;	/* why $HOURBOOK_NOW is honoured, or NULL */
	int64_t changes_at_begin;	/* to tell whether a transaction wrote */
	sqlite3_stmt *stmt[SQL_COUNT];
	sqlite3_stmt *query[HB_Q_COUNT];
	/* book-check only.  While it opens the book, damage jumps to trap
	 * with its text in damage; afterwards, with tolerant set, a statement
	 * that meets damage ends as if it had no more rows and its text waits
	 * in damage for hb_book_damage(). */
	jmp_buf *trap;
	bool tolerant;
	char *damage;
};

/* Say why the book cannot be written: the file, the folder that must hold
 * the WAL's -wal and -shm files, or those files left by another user. */
static _Noreturn void
readonly_cause(struct hb_book *b, const char *msg)
{
	static const char *const sides[] = { "-wal", "-shm" };
	char *copy = hb_xstrdup(b->path), *side;
	const char *dir = dirname(copy);
	struct stat st;

	for (size_t i = 0; i < 2; i++) {
		side = hb_xprintf("%s%s", b->path, sides[i]);
		if (stat(side, &st) == 0 && access(side, W_OK) != 0)
			hb_die(HB_EXIT_IO, "%s: belongs to another user (uid %ld) "
			    "and is not writable for you: ask its owner, or fix its "
			    "permissions", side, (long)st.st_uid);
		free(side);
	}
	if (access(b->path, W_OK) != 0)
		hb_die(HB_EXIT_IO, "%s: the book is read-only for you (even "
		    "reading needs write access to a WAL book's side files)",
		    b->path);
	if (access(dir, W_OK) != 0)
		hb_die(HB_EXIT_IO, "%s: the folder %s is read-only for you, and "
		    "the book needs to keep its -wal and -shm files there",
		    b->path, dir);
	hb_die(HB_EXIT_IO, "%s: the book is read-only here (%s)", b->path, msg);
}

/* What a statement's sum() adds up, for the message of a total that
 * does not fit (see fail_db). */
static const char *
total_of(const char *text)
{
	static const struct {
		enum sql_id id;
		const char *total;
	} named[] = {
		{ SQL_MONEY_SUMS, "the person's earnings" },
		{ SQL_SCOPE_USE, "the minutes drawn from a package" },
		{ SQL_SCOPE_LOADS, "the minutes loaded on a package" },
		{ SQL_EXPORT_ACTIVITIES, "the minutes logged on a task" },
	};

	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (text != NULL && strcmp(text, sql[named[i].id]) == 0)
			return named[i].total;
	return "a sum in the book";
}

/* Did SQLite find the file damaged?  Besides its two codes for that, a
 * schema format number it does not know (the header's bytes 44-47) is
 * damage here: every SQLite since 2006 writes 4, and so every book has it. */
static bool
damaged(struct hb_book *b, int rc)
{
	return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB ||
	    ((rc & 0xff) == SQLITE_ERROR && b->db != NULL &&
	    strcmp(sqlite3_errmsg(b->db), "unsupported file format") == 0);
}

/* SQLite's words about the damage, fit for a terminal: a damaged schema's
 * message quotes the damaged bytes. */
static char *
damage_text(const char *msg)
{
	char *text = hb_xstrdup(msg);

	for (unsigned char *p = (unsigned char *)text; *p; p++)
		if (*p < 0x20 || *p > 0x7e)
			*p = '?';
	return text;
}

/* Every command stops the same way on a damaged book, whether SQLite met
 * the damage in a page the command read or wrote, or a batch's check of
 * the whole book found it (hb_book_verify); how to go on is the same too.
 * While book-check opens a book, the damage (reason, which it takes) goes
 * back to hb_book_open_check instead. */
static _Noreturn void
damage_found(struct hb_book *b, char *reason)
{
	if (b->trap != NULL) {
		b->damage = reason;
		longjmp(*b->trap, 1);
	}
	hb_die(HB_EXIT_IO, "%s: the book is damaged (%s): run book-check, and "
	    "restore the book from a backup", b->path, reason);
}

/* End the program for a failed SQLite call, with the exit status its
 * cause deserves. */
static _Noreturn void
fail_db(struct hb_book *b, int rc, const char *what)
{
	const char *msg = b->db ? sqlite3_errmsg(b->db) : sqlite3_errstr(rc);
	char *text, *reason;

	if (damaged(b, rc)) {
		text = damage_text(msg);
		reason = hb_xprintf("SQLite: %s", text);
		free(text);
		damage_found(b, reason);
	}
	/* sum() over integers that do not fit in 64 bits fails with a plain
	 * SQLITE_ERROR and the message "integer overflow" (no result code of
	 * its own), where a wrong total would be worse: the figures are too
	 * large, not the book broken.  Exit 65, as every total the C code
	 * refuses. */
	if ((rc & 0xff) == SQLITE_ERROR && strstr(msg, "integer overflow") != NULL)
		hb_die(HB_EXIT_DATA, "the total of %s is too large",
		    total_of(what));
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		hb_die(HB_EXIT_LOCKED, "%s: the book is locked by another "
		    "process (waited %d ms; try again later)", b->path,
		    b->busy_ms);
	case SQLITE_READONLY:
		readonly_cause(b, msg);
	case SQLITE_FULL:
		hb_die(HB_EXIT_IO, "%s: the disk is full", b->path);
	case SQLITE_IOERR:
		/* Not which statement: what happened to the file. */
		hb_die(HB_EXIT_IO, "%s: %s (is the disk full, or the file "
		    "larger than this process may write?)", b->path, msg);
	case SQLITE_CANTOPEN:
		hb_die(HB_EXIT_IO, "%s: cannot open the book (%s)", b->path, msg);
	case SQLITE_CONSTRAINT:
		hb_die(HB_EXIT_DATA, "%s: refused by the book: %s", what, msg);
	default:
		hb_die(HB_EXIT_IO, "%s: %s: %s", b->path, what, msg);
	}
}

static void
exec(struct hb_book *b, const char *text)
{
	int rc = sqlite3_exec(b->db, text, NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		fail_db(b, rc, text);
}

static int64_t
elapsed_ms(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (int64_t)(now.tv_sec - start->tv_sec) * 1000 +
	    (now.tv_nsec - start->tv_nsec) / 1000000;
}

/* Run text, retrying while the book is busy, up to the busy timeout.
 * Some statements (switching a new book to WAL while other processes open
 * it) fail with SQLITE_BUSY at once, without calling the busy handler. */
static void
exec_retry(struct hb_book *b, const char *text)
{
	struct timespec start;
	int rc;

	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		rc = sqlite3_exec(b->db, text, NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			return;
		if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
			fail_db(b, rc, text);
		if (elapsed_ms(&start) >= b->busy_ms)
			fail_db(b, rc, text);
		sqlite3_sleep(5 + (int)(getpid() % 7));
	}
}

static sqlite3_stmt *
stmt(struct hb_book *b, enum sql_id id)
{
	int rc;

	if (b->stmt[id] == NULL) {
		rc = sqlite3_prepare_v3(b->db, sql[id], -1,
		    SQLITE_PREPARE_PERSISTENT, &b->stmt[id], NULL);
		if (rc != SQLITE_OK)
			fail_db(b, rc, sql[id]);
	}
	return b->stmt[id];
}

/* book-check reads on past damage: keep SQLite's words about the first
 * damage met, for hb_book_damage(). */
static bool
tolerated(struct hb_book *b, int rc)
{
	if (!b->tolerant || !damaged(b, rc))
		return false;
	if (b->damage == NULL)
		b->damage = damage_text(sqlite3_errmsg(b->db));
	return true;
}

/* Step s: true for a row, false when done (and then s is reset). */
static bool
step(struct hb_book *b, sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW)
		return true;
	sqlite3_reset(s);
	if (rc != SQLITE_DONE && !tolerated(b, rc))
		fail_db(b, rc, sqlite3_sql(s));
	return false;
}

static void
done(sqlite3_stmt *s)
{
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

static void
bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

static char *
column_text(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t ? hb_xstrdup((const char *)t) : NULL;
}

static int64_t
scalar_int(struct hb_book *b, const char *text)
{
	sqlite3_stmt *s;
	int64_t v = 0;
	int rc = sqlite3_prepare_v2(b->db, text, -1, &s, NULL);

	if (rc != SQLITE_OK)
		fail_db(b, rc, text);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	else if (rc != SQLITE_DONE && !tolerated(b, rc)) {
		sqlite3_finalize(s);
		fail_db(b, rc, text);
	}
	sqlite3_finalize(s);
	return v;
}

/* Fetch the one row statement `id` finds for a text or an integer key
 * (key NULL: the integer), reading it into out with read(). */
static bool
get_row(struct hb_book *b, enum sql_id id, const char *key, int64_t number,
    void (*read)(sqlite3_stmt *, void *), void *out)
{
	sqlite3_stmt *s = stmt(b, id);
	bool found;

	if (key != NULL)
		bind_text(s, 1, key);
	else
		sqlite3_bind_int64(s, 1, number);
	found = step(b, s);
	if (found)
		read(s, out);
	done(s);
	return found;
}

/* ---- opening ------------------------------------------------------------ */

static char *
book_path(void)
{
	const char *env;

	if (hb_opts.db != NULL && *hb_opts.db != '\0')
		return hb_xstrdup(hb_opts.db);
	env = getenv("HOURBOOK_DB");
	if (env != NULL && *env != '\0')
		return hb_xstrdup(env);
	env = getenv("XDG_DATA_HOME");
	if (env != NULL && env[0] == '/')
		return hb_xprintf("%s/hourbook/book.db", env);
	env = getenv("HOME");
	if (env != NULL && env[0] == '/')
		return hb_xprintf("%s/.local/share/hourbook/book.db", env);
	hb_die(HB_EXIT_USAGE, "no book: give --db FILE or set HOURBOOK_DB");
}

/* mkdir -p the folders above path, each new one with mode 0700. */
static void
make_parents(const char *path)
{
	char *dir = hb_xstrdup(path);

	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			hb_die(HB_EXIT_IO, "%s: cannot create folder: %s", dir,
			    strerror(errno));
		*p = '/';
	}
	free(dir);
}

/* File systems on which WAL's shared memory cannot lock reliably. */
static void
refuse_network_fs(const char *path)
{
	static const struct {
		long magic;
		const char *name;
	} network[] = {
		{ 0x6969, "NFS" },
		{ 0x517b, "SMB" },
		{ (long)0xff534d42, "CIFS" },
		{ (long)0xfe534d42, "SMB2" },
		{ 0x564c, "NCP" },
		{ 0x7461636f, "OCFS2" },
		{ 0x47504653, "GPFS" },
		{ 0x1021997, "9P" },
	};
	char *copy = hb_xstrdup(path);
	struct statfs st;

	if (statfs(dirname(copy), &st) == 0) {
		for (size_t i = 0; i < sizeof network / sizeof network[0]; i++)
			if ((long)st.f_type == network[i].magic) {
				free(copy);
				hb_die(HB_EXIT_IO, "%s: the book is on a network "
				    "file system (%s), where its locks do not "
				    "hold; move it, or pass --allow-network-fs",
				    path, network[i].name);
			}
	}
	free(copy);
}

static int
busy_timeout(void)
{
	const char *env = getenv("HOURBOOK_BUSY_MS");
	char *end;
	long v;

	if (env == NULL || *env == '\0')
		return 5000;
	errno = 0;
	v = strtol(env, &end, 10);
	if (errno != 0 || *end != '\0' || end == env || v < 0 || v > 3600000)
		hb_die(HB_EXIT_USAGE, "HOURBOOK_BUSY_MS: \"%s\" is not a number of "
		    "milliseconds (0 to 3600000)", env);
	return (int)v;
}

/* The zone a new book gets: the creator's TZ, or UTC when TZ is unset. */
static char *
zone_from_environment(void)
{
	const char *tz = getenv("TZ"), *why;

	if (tz == NULL || *tz == '\0')
		return hb_xstrdup("UTC");
	if (*tz == ':')
		tz++;
	if ((why = hb_zone_problem(tz)) != NULL)
		hb_die(HB_EXIT_USAGE, "TZ: \"%s\" %s; the book keeps its own time "
		    "zone (its timezone setting), taken from TZ when it is "
		    "created: set TZ to such a name, or unset it for UTC", tz,
		    why);
	return hb_xstrdup(tz);
}

/* Bring the book to the current schema; true when this process made a
 * new book of an empty file. */
static bool
migrate(struct hb_book *b, enum hb_book_mode mode)
{
	int64_t version = scalar_int(b, "PRAGMA user_version");
	char *text, *zone;
	bool made;

	if (version == HB_SCHEMA_VERSION)
		return false;
	if (version > HB_SCHEMA_VERSION)
		hb_die(HB_EXIT_IO, "%s: the book has schema version %lld, newer "
		    "than this hourbook understands (%d): upgrade hourbook",
		    b->path, (long long)version, HB_SCHEMA_VERSION);
	/* A reader never changes the book: the upgrade is a writer's. */
	if (mode == HB_BOOK_READ)
		hb_die(HB_EXIT_IO, "%s: the book has schema version %lld and this "
		    "hourbook uses %d: the next writing command (a setup "
		    "command, hours-log, task-set ...) upgrades it, once",
		    b->path, (long long)version, HB_SCHEMA_VERSION);
	hb_book_begin(b);
	/* Another process may have migrated while we waited for the lock. */
	version = scalar_int(b, "PRAGMA user_version");
	made = version == 0;
	for (; version < HB_SCHEMA_VERSION; version++) {
		int rc = sqlite3_exec(b->db, migration[version], NULL, NULL,
		    NULL);

		/* Dying rolls the whole upgrade back. */
		if (damaged(b, rc))
			fail_db(b, rc, migration[version]);
		if (rc != SQLITE_OK)
			hb_die(HB_EXIT_IO, "%s: upgrading the book from schema "
			    "%lld to %lld failed: %s; the book is as it was",
			    b->path, (long long)version, (long long)version + 1,
			    sqlite3_errmsg(b->db));
	}
	text = hb_xprintf("PRAGMA user_version = %d; PRAGMA application_id = %d",
	    HB_SCHEMA_VERSION, HB_APPLICATION_ID);
	exec(b, text);
	free(text);
	/* The book's time zone: its creator's, or for a book made before
	 * books had one, the zone of whoever upgrades it. */
	if ((zone = hb_book_setting(b, "timezone")) == NULL) {
		zone = zone_from_environment();
		hb_book_setting_put(b, "timezone", zone);
	}
	free(zone);
	/* Whoever makes a book decides whether its clock may come from
	 * outside: a book made under HOURBOOK_NOW (the tests' books, a
	 * replay's copy) takes it from everyone.  One made without it never
	 * does, until staff say so (book-config clock.override on). */
	if (made && hb_clock_override() != NULL)
		hb_book_setting_put(b, "clock.override", "on");
	hb_book_commit(b);
	return made;
}

/* Is this file a book, before anything is written to it (not even a
 * pragma that switches the journal)?  Reading the header is all SQLite
 * does here.  Returns true for an empty file that may become a book. */
static bool
identify(struct hb_book *b)
{
	int64_t app = scalar_int(b, "PRAGMA application_id");
	int64_t version = scalar_int(b, "PRAGMA user_version");

	/* Both are set by the one statement that ends a migration: a book
	 * without a version has had its header damaged. */
	if (app == HB_APPLICATION_ID) {
		if (version < 1)
			damage_found(b, hb_xprintf("its header gives schema "
			    "version %lld", (long long)version));
		return false;
	}
	if (app != 0)
		hb_die(HB_EXIT_IO, "%s: not a hourbook book (another "
		    "application's SQLite file): nothing was changed", b->path);
	if (version != 0 || scalar_int(b, "SELECT count(*) FROM sqlite_master")
	    != 0)
		hb_die(HB_EXIT_IO, "%s: not a hourbook book (an SQLite file with "
		    "other tables): nothing was changed", b->path);
	return true;
}

/* Put the book's own time zone in place: every day, month and business
 * hour is decided in it, whatever the caller's TZ. */
static void
use_zone(struct hb_book *b)
{
	char *zone = hb_book_setting(b, "timezone");
	const char *why;

	/* Every book gets one when it is made (migrate). */
	if (zone == NULL)
		damage_found(b, hb_xstrdup("it has no timezone setting"));
	if ((why = hb_zone_problem(zone)) != NULL)
		hb_die(HB_EXIT_IO, "%s: the book's timezone \"%s\" %s (is the "
		    "tzdata package installed?)", b->path, zone, why);
	hb_zone_use(zone);
	free(zone);
}

/* ---- reading on a full disk ----------------------------------------------
 *
 * The first reader of a WAL book (once the last connection has closed,
 * SQLite removes the -wal and -shm files) makes the WAL index, -shm, and
 * sizes it by writing into it: on a full disk that write fails, and so
 * did every reading command ("disk I/O error", exit 74).  A reader needs
 * no index of its own.  Opened read-only with readonly_shm, SQLite uses
 * a writer's index when one is open and otherwise reads the -wal into
 * memory; it writes nothing.  Only a reader that met this failure opens
 * the book that way: the usual open keeps its locks and its messages.
 */

/* Did the first read fail for want of room for the WAL index? */
static bool
no_room_for_index(struct hb_book *b)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(b->db, "PRAGMA application_id", -1, &s,
	    NULL);

	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		sqlite3_finalize(s);
	}
	return rc == SQLITE_IOERR_SHMOPEN || rc == SQLITE_IOERR_SHMSIZE ||
	    rc == SQLITE_IOERR_SHMMAP || (rc & 0xff) == SQLITE_FULL;
}

/* "file:PATH?readonly_shm=1", PATH percent-encoded but for the letters,
 * digits and "/-._~" (an absolute path after an empty authority, so
 * that "//x" is not read as a host). */
static char *
readonly_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF", tail[] = "?readonly_shm=1";
	char *uri = hb_xmalloc(sizeof "file://" + 3 * strlen(path) + sizeof tail);
	char *p = uri;

	memcpy(p, "file:", 5);
	p += 5;
	if (path[0] == '/') {
		memcpy(p, "//", 2);
		p += 2;
	}
	for (const unsigned char *c = (const unsigned char *)path; *c; c++) {
		if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		    (*c >= '0' && *c <= '9') || strchr("/-._~", *c) != NULL) {
			*p++ = (char)*c;
			continue;
		}
		*p++ = '%';
		*p++ = hex[*c >> 4];
		*p++ = hex[*c & 15];
	}
	memcpy(p, tail, sizeof tail);
	return uri;
}

/* Is $HOURBOOK_NOW, when set, to replace the clock?  It lets the caller
 * write any date into the book, so only when the book allows it (its
 * clock.override setting) or the actor is staff (or acts as staff while
 * the book has none); otherwise the command is refused (64) before
 * anything is read or written.  The changes made under it are recorded in
 * the event log (hb_book_commit). */
static void
decide_clock(struct hb_book *b)
{
	const char *handle = hb_actor();
	char *setting, *role = NULL;
	sqlite3_stmt *s;

	if (hb_clock_override() == NULL)
		return;
	setting = hb_book_setting(b, "clock.override");
	if (setting != NULL && strcmp(setting, "on") == 0) {
		b->clock_by = "HOURBOOK_NOW, allowed by the book's "
		    "clock.override";
	} else {
		s = stmt(b, SQL_PERSON_ROLE);
		bind_text(s, 1, handle);
		if (step(b, s))
			role = column_text(s, 0);
		done(s);
		if (role != NULL ? strcmp(role, "staff") == 0
		    : !hb_book_staff_exists(b))
			b->clock_by = "HOURBOOK_NOW, set by staff";
	}
	free(setting);
	free(role);
	if (b->clock_by == NULL)
		hb_die(HB_EXIT_USAGE, "HOURBOOK_NOW: the book takes its clock "
		    "from outside only from staff (its clock.override is off), "
		    "and %s is not staff: unset HOURBOOK_NOW, or have staff run "
		    "book-config clock.override on", handle);
	hb_clock_allow_override();
}

static void
open_into(struct hb_book *b, enum hb_book_mode mode)
{
	struct stat st;
	bool empty, made;
	int rc, fd;

	b->path = book_path();
	if (strncmp(b->path, "postgresql://", 13) == 0 ||
	    strncmp(b->path, "postgres://", 11) == 0)
		hb_die(HB_EXIT_USAGE, "%s: PostgreSQL books are not supported by "
		    "this build", b->path);
	b->busy_ms = busy_timeout();
	if (stat(b->path, &st) != 0) {
		if (errno != ENOENT)
			hb_die(HB_EXIT_IO, "%s: %s", b->path, strerror(errno));
		if (mode != HB_BOOK_CREATE)
			hb_die(HB_EXIT_NOINPUT, "%s: no such book (a setup command "
			    "such as client-add creates one; check --db and "
			    "HOURBOOK_DB)", b->path);
		if (hb_opts.dry_run)
			hb_die(HB_EXIT_NOINPUT, "%s: no such book, and a dry run "
			    "creates nothing", b->path);
		/* A bad TZ is refused before anything is made. */
		free(zone_from_environment());
		make_parents(b->path);
		fd = open(b->path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			hb_die(HB_EXIT_IO, "%s: cannot create the book: %s",
			    b->path, strerror(errno));
		if (fd >= 0)
			close(fd);
	} else if (S_ISDIR(st.st_mode)) {
		hb_die(HB_EXIT_IO, "%s: is a folder, not a book", b->path);
	} else if (!S_ISREG(st.st_mode)) {
		hb_die(HB_EXIT_IO, "%s: is a %s, not a book (a book is a regular "
		    "file)", b->path, S_ISFIFO(st.st_mode) ? "FIFO"
		    : S_ISCHR(st.st_mode) ? "character device"
		    : S_ISBLK(st.st_mode) ? "block device"
		    : S_ISSOCK(st.st_mode) ? "socket" : "special file");
	}
	if (!hb_opts.allow_network_fs)
		refuse_network_fs(b->path);

	rc = sqlite3_open_v2(b->path, &b->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		fail_db(b, rc, "open");
	sqlite3_extended_result_codes(b->db, 1);
	if (mode == HB_BOOK_READ && no_room_for_index(b)) {
		char *uri = readonly_uri(b->path);

		sqlite3_close(b->db);
		rc = sqlite3_open_v2(uri, &b->db, SQLITE_OPEN_READONLY |
		    SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
		free(uri);
		if (rc != SQLITE_OK)
			fail_db(b, rc, "open");
		sqlite3_extended_result_codes(b->db, 1);
	}
	sqlite3_busy_timeout(b->db, b->busy_ms);
	empty = identify(b);
	if (empty && mode != HB_BOOK_CREATE)
		hb_die(HB_EXIT_IO, "%s: is an empty file, not a book (a setup "
		    "command such as client-add makes a book of it)", b->path);
	exec(b, "PRAGMA foreign_keys = ON");
	/* WAL lets readers and one writer work at once; FULL makes every
	 * commit durable, not only crash-consistent. */
	if (scalar_int(b, "SELECT count(*) FROM pragma_journal_mode "
	    "WHERE journal_mode = 'wal'") == 0)
		exec_retry(b, "PRAGMA journal_mode = WAL");
	exec(b, "PRAGMA synchronous = FULL");
	/* A batch grows a table and its indexes at once: with SQLite's 2 MiB
	 * default their pages keep leaving the cache.  16 MiB is a quarter
	 * less time for a large import, and constant memory.  Readers keep
	 * the default: exports stream and need no cache. */
	if (mode != HB_BOOK_READ)
		exec(b, "PRAGMA cache_size = -16384");
	made = migrate(b, mode);
	use_zone(b);
	decide_clock(b);
	hb_timestamp_format(hb_now(), b->now);
	if (made)
		hb_note("created a new book at %s (time zone %s%s)", b->path,
		    hb_zone(), b->clock_by != NULL ? "; its clock comes from "
		    "HOURBOOK_NOW: clock.override is on" : "");
}

struct hb_book *
hb_book_open(enum hb_book_mode mode)
{
	struct hb_book *b = hb_xcalloc(1, sizeof *b);

	open_into(b, mode);
	return b;
}

struct hb_book *
hb_book_open_check(char **damage)
{
	struct hb_book *b = hb_xcalloc(1, sizeof *b);
	jmp_buf trap;

	*damage = NULL;
	/* Nothing of ours is allocated between here and the jump but what
	 * b holds, and the jump comes from fail_db, after SQLite returned. */
	if (setjmp(trap) != 0) {
		*damage = b->damage;
		b->damage = NULL;
		for (int i = 0; i < SQL_COUNT; i++)
			sqlite3_finalize(b->stmt[i]);
		sqlite3_close(b->db);
		free(b->path);
		free(b);
		return NULL;
	}
	b->trap = &trap;
	open_into(b, HB_BOOK_READ);
	b->trap = NULL;
	b->tolerant = true;
	return b;
}

char *
hb_book_damage(struct hb_book *b)
{
	char *d = b->damage;

	b->damage = NULL;
	return d;
}

void
hb_book_close(struct hb_book *b)
{
	if (b == NULL)
		return;
	for (int i = 0; i < SQL_COUNT; i++)
		sqlite3_finalize(b->stmt[i]);
	for (int i = 0; i < HB_Q_COUNT; i++)
		sqlite3_finalize(b->query[i]);
	if (sqlite3_close(b->db) != SQLITE_OK)
		hb_die(HB_EXIT_IO, "%s: %s", b->path, sqlite3_errmsg(b->db));
	free(b->damage);
	free(b->path);
	free(b);
}

/* A write on a book SQLite has not yet seen damaged in the pages it read
 * may go on for a long time while the damage sits elsewhere: a batch
 * checks the whole book first.  quick_check reads every page once (about
 * 6 ms a megabyte, seven times a one-record write on a book of 100,000
 * entries: too much for every write); it leaves out whether indexes agree
 * with their rows, which integrity_check (three or four times as long)
 * and book-check compare. */
void
hb_book_verify(struct hb_book *b)
{
	sqlite3_stmt *s;
	const char *first;
	char *text, *reason;
	int rc = sqlite3_prepare_v2(b->db, "PRAGMA quick_check(1)", -1, &s,
	    NULL);

	if (rc != SQLITE_OK)
		fail_db(b, rc, "PRAGMA quick_check");
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(s);
		fail_db(b, rc == SQLITE_DONE ? SQLITE_ERROR : rc,
		    "PRAGMA quick_check");
	}
	first = (const char *)sqlite3_column_text(s, 0);
	if (first != NULL && strcmp(first, "ok") == 0) {
		sqlite3_finalize(s);
		return;
	}
	text = damage_text(first ? first : "no answer");
	sqlite3_finalize(s);
	reason = hb_xprintf("SQLite's quick_check: %s", text);
	free(text);
	damage_found(b, reason);
}

void
hb_book_begin(struct hb_book *b)
{
	exec(b, "BEGIN IMMEDIATE");
	b->changes_at_begin = sqlite3_total_changes64(b->db);
}

/* A transaction that changed the book under a clock from $HOURBOOK_NOW
 * says so in the event log: which time, the real one, who, and why it
 * was allowed. */
static void
log_clock(struct hb_book *b)
{
	char real[HB_TIMESTAMP_BUFSZ];

	if (b->clock_by == NULL ||
	    sqlite3_total_changes64(b->db) == b->changes_at_begin)
		return;
	hb_timestamp_format((int64_t)time(NULL), real);
	hb_book_event(b, "clock", hb_progname(), "override", real, b->now,
	    b->clock_by);
}

void
hb_book_commit(struct hb_book *b)
{
	log_clock(b);
	exec(b, "COMMIT");
}

/* ---- settings and events ----------------------------------------------- */

char *
hb_book_setting(struct hb_book *b, const char *key)
{
	sqlite3_stmt *s = stmt(b, SQL_SETTING_GET);
	char *v = NULL;

	bind_text(s, 1, key);
	if (step(b, s))
		v = column_text(s, 0);
	done(s);
	return v;
}

void
hb_book_setting_put(struct hb_book *b, const char *key, const char *value)
{
	sqlite3_stmt *s = stmt(b, SQL_SETTING_PUT);

	bind_text(s, 1, key);
	bind_text(s, 2, value);
	step(b, s);
	done(s);
}

char *
hb_book_project_setting(struct hb_book *b, int64_t project_id,
    const char *key)
{
	sqlite3_stmt *s = stmt(b, SQL_PROJECT_SETTING_GET);
	char *v = NULL;

	sqlite3_bind_int64(s, 1, project_id);
	bind_text(s, 2, key);
	if (step(b, s))
		v = column_text(s, 0);
	done(s);
	return v;
}

void
hb_book_project_setting_put(struct hb_book *b, int64_t project_id,
    const char *key, const char *value)
{
	sqlite3_stmt *s = stmt(b, SQL_PROJECT_SETTING_PUT);

	sqlite3_bind_int64(s, 1, project_id);
	bind_text(s, 2, key);
	bind_text(s, 3, value);
	step(b, s);
	done(s);
}

void
hb_book_event(struct hb_book *b, const char *entity, const char *key,
    const char *what, const char *old_value, const char *new_value,
    const char *reason)
{
	sqlite3_stmt *s = stmt(b, SQL_EVENT_INSERT);

	bind_text(s, 1, b->now);
	bind_text(s, 2, hb_actor());
	bind_text(s, 3, entity);
	bind_text(s, 4, key);
	bind_text(s, 5, what);
	bind_text(s, 6, old_value);
	bind_text(s, 7, new_value);
	bind_text(s, 8, reason);
	step(b, s);
	done(s);
}

/* ---- holidays ---------------------------------------------------------- */

bool
hb_book_holiday(struct hb_book *b, hb_day day, char **name)
{
	sqlite3_stmt *s = stmt(b, SQL_HOLIDAY_GET);
	char buf[HB_DATE_BUFSZ];
	bool found;

	bind_text(s, 1, hb_date_format(day, buf));
	found = step(b, s);
	if (found && name != NULL)
		*name = column_text(s, 0);
	done(s);
	return found;
}

void
hb_book_holiday_insert(struct hb_book *b, hb_day day, const char *name)
{
	sqlite3_stmt *s = stmt(b, SQL_HOLIDAY_INSERT);
	char buf[HB_DATE_BUFSZ];

	bind_text(s, 1, hb_date_format(day, buf));
	bind_text(s, 2, name ? name : "");
	step(b, s);
	done(s);
}

hb_day *
hb_book_holidays(struct hb_book *b, size_t *count)
{
	sqlite3_stmt *s = stmt(b, SQL_HOLIDAY_ALL);
	hb_day *days = NULL;
	size_t n = 0, cap = 0;

	while (step(b, s)) {
		hb_day d;

		if (hb_date_parse((const char *)sqlite3_column_text(s, 0), &d,
		    NULL) != 0)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 32;
			days = hb_xrealloc(days, cap * sizeof *days);
		}
		days[n++] = d;
	}
	done(s);
	*count = n;
	return days;
}

/* ---- clients, people, projects, teams ----------------------------------- */

static void
read_client(sqlite3_stmt *s, void *out)
{
	struct hb_client *c = out;
	c->id = sqlite3_column_int64(s, 0);
	c->name = column_text(s, 1);
	c->display_name = column_text(s, 2);
	c->email = column_text(s, 3);
	c->currency = column_text(s, 4);
	c->contact = column_text(s, 5);
	c->created = column_text(s, 6);
}

bool
hb_book_client_get(struct hb_book *b, const char *name, struct hb_client *out)
{
	return get_row(b, SQL_CLIENT_GET, name, 0, read_client, out);
}

void
hb_book_client_insert(struct hb_book *b, struct hb_client *c)
{
	sqlite3_stmt *s = stmt(b, SQL_CLIENT_INSERT);

	bind_text(s, 1, c->name);
	bind_text(s, 2, c->display_name);
	bind_text(s, 3, c->email);
	bind_text(s, 4, c->currency);
	bind_text(s, 5, c->created);
	step(b, s);
	done(s);
	c->id = sqlite3_last_insert_rowid(b->db);
}

void
hb_book_client_set_contact(struct hb_book *b, int64_t client_id,
    int64_t person_id)
{
	sqlite3_stmt *s = stmt(b, SQL_CLIENT_SET_CONTACT);

	sqlite3_bind_int64(s, 1, person_id);
	sqlite3_bind_int64(s, 2, client_id);
	step(b, s);
	done(s);
}

void
hb_book_each_client(struct hb_book *b,
    void (*fn)(void *ctx, const struct hb_client *), void *ctx)
{
	sqlite3_stmt *s = stmt(b, SQL_CLIENT_ALL);
	struct hb_client c;

	while (step(b, s)) {
		read_client(s, &c);
		fn(ctx, &c);
		hb_client_release(&c);
	}
	done(s);
}

static void
read_person(sqlite3_stmt *s, void *out)
{
	struct hb_person *p = out;
	p->id = sqlite3_column_int64(s, 0);
	p->handle = column_text(s, 1);
	p->name = column_text(s, 2);
	p->email = column_text(s, 3);
	p->role = column_text(s, 4);
	p->rate = sqlite3_column_int64(s, 5);
	p->client_id = sqlite3_column_int64(s, 6);
	p->client = column_text(s, 7);
	p->created = column_text(s, 8);
}

bool
hb_book_person_get(struct hb_book *b, const char *handle,
    struct hb_person *out)
{
	return get_row(b, SQL_PERSON_GET, handle, 0, read_person, out);
}

void
hb_book_person_insert(struct hb_book *b, struct hb_person *p)
{
	sqlite3_stmt *s = stmt(b, SQL_PERSON_INSERT);

	bind_text(s, 1, p->handle);
	bind_text(s, 2, p->name);
	bind_text(s, 3, p->email);
	bind_text(s, 4, p->role);
	sqlite3_bind_int64(s, 5, p->rate);
	if (p->client_id > 0)
		sqlite3_bind_int64(s, 6, p->client_id);
	else
		sqlite3_bind_null(s, 6);
	bind_text(s, 7, p->created);
	step(b, s);
	done(s);
	p->id = sqlite3_last_insert_rowid(b->db);
}

void
hb_book_each_person(struct hb_book *b, const char *client,
    const char *project, void (*fn)(void *ctx, const struct hb_person *),
    void *ctx)
{
	sqlite3_stmt *s = stmt(b, SQL_PERSON_ALL);
	struct hb_person p;

	bind_text(s, 1, client);
	bind_text(s, 2, project);
	while (step(b, s)) {
		read_person(s, &p);
		fn(ctx, &p);
		hb_person_release(&p);
	}
	done(s);
}

static void
read_project(sqlite3_stmt *s, void *out)
{
	struct hb_project *p = out;
	p->id = sqlite3_column_int64(s, 0);
	p->code = column_text(s, 1);
	p->client_id = sqlite3_column_int64(s, 2);
	p->client = column_text(s, 3);
	p->currency = column_text(s, 4);
	p->name = column_text(s, 5);
	p->rate = sqlite3_column_int64(s, 6);
	p->model = column_text(s, 7);
	p->has_penalty = sqlite3_column_type(s, 8) != SQLITE_NULL;
	p->penalty_base = sqlite3_column_int(s, 8);
	p->penalty_daily = sqlite3_column_int(s, 9);
	p->sla = column_text(s, 10);
	p->created = column_text(s, 11);
}

bool
hb_book_project_get(struct hb_book *b, const char *code,
    struct hb_project *out)
{
	return get_row(b, SQL_PROJECT_GET, code, 0, read_project, out);
}

void
hb_book_project_insert(struct hb_book *b, struct hb_project *p)
{
	sqlite3_stmt *s = stmt(b, SQL_PROJECT_INSERT);

	bind_text(s, 1, p->code);
	sqlite3_bind_int64(s, 2, p->client_id);
	bind_text(s, 3, p->name);
	sqlite3_bind_int64(s, 4, p->rate);
	bind_text(s, 5, p->model);
	if (p->has_penalty) {
		sqlite3_bind_int(s, 6, p->penalty_base);
		sqlite3_bind_int(s, 7, p->penalty_daily);
	} else {
		sqlite3_bind_null(s, 6);
		sqlite3_bind_null(s, 7);
	}
	bind_text(s, 8, p->created);
	step(b, s);
	done(s);
	p->id = sqlite3_last_insert_rowid(b->db);
}

void
hb_book_each_project(struct hb_book *b, const char *client,
    void (*fn)(void *ctx, const struct hb_project *), void *ctx)
{
	sqlite3_stmt *s = stmt(b, SQL_PROJECT_ALL);
	struct hb_project p;

	bind_text(s, 1, client);
	while (step(b, s)) {
		read_project(s, &p);
		fn(ctx, &p);
		hb_project_release(&p);
	}
	done(s);
}

bool
hb_book_staff_exists(struct hb_book *b)
{
	sqlite3_stmt *s = stmt(b, SQL_STAFF_EXISTS);
	bool found = step(b, s);

	done(s);
	return found;
}

void
hb_book_each_name(struct hb_book *b, enum hb_name_kind kind,
    void (*fn)(void *ctx, const char *name), void *ctx)
{
	static const enum sql_id ids[] = {
		[HB_NAME_CLIENT] = SQL_NAMES_CLIENT,
		[HB_NAME_PERSON] = SQL_NAMES_PERSON,
		[HB_NAME_PROJECT] = SQL_NAMES_PROJECT,
	};
	sqlite3_stmt *s = stmt(b, ids[kind]);

	while (step(b, s))
		fn(ctx, (const char *)sqlite3_column_text(s, 0));
	done(s);
}

int
hb_book_member_state(struct hb_book *b, int64_t project_id, int64_t person_id)
{
	sqlite3_stmt *s = stmt(b, SQL_MEMBER_STATE);
	int state = -1;

	sqlite3_bind_int64(s, 1, project_id);
	sqlite3_bind_int64(s, 2, person_id);
	if (step(b, s))
		state = sqlite3_column_int(s, 0);
	done(s);
	return state;
}

static void
member_change(struct hb_book *b, enum sql_id id, int64_t project_id,
    int64_t person_id)
{
	sqlite3_stmt *s = stmt(b, id);

	sqlite3_bind_int64(s, 1, project_id);
	sqlite3_bind_int64(s, 2, person_id);
	bind_text(s, 3, b->now);
	step(b, s);
	done(s);
}

void
hb_book_member_join(struct hb_book *b, int64_t project_id, int64_t person_id)
{
	member_change(b, SQL_MEMBER_JOIN, project_id, person_id);
}

void
hb_book_member_leave(struct hb_book *b, int64_t project_id,
    int64_t person_id)
{
	member_change(b, SQL_MEMBER_LEAVE, project_id, person_id);
}

/* ---- tasks, events and comments ---------------------------------------- */

static void
read_task(sqlite3_stmt *s, void *out)
{
	struct hb_task *t = out;
	const char *text;

	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(s, 0);
	t->project_id = sqlite3_column_int64(s, 1);
	t->project = column_text(s, 2);
	t->client_id = sqlite3_column_int64(s, 3);
	t->model = column_text(s, 4);
	t->kind = column_text(s, 5);
	t->title = column_text(s, 6);
	t->description = column_text(s, 7);
	t->status = hb_task_state_find((const char *)sqlite3_column_text(s, 8));
	text = (const char *)sqlite3_column_text(s, 9);
	t->blocked_from = text ? hb_task_state_find(text) : -1;
	t->assignee_id = sqlite3_column_int64(s, 10);
	t->assignee = column_text(s, 11);
	t->has_estimate = sqlite3_column_type(s, 12) != SQLITE_NULL;
	t->estimate = sqlite3_column_int64(s, 12);
	text = (const char *)sqlite3_column_text(s, 13);
	t->has_due = text != NULL && hb_date_parse(text, &t->due, NULL) == 0;
	text = (const char *)sqlite3_column_text(s, 14);
	t->rigid = text != NULL && strcmp(text, "rigid") == 0;
	t->urgent = sqlite3_column_int(s, 15) != 0;
	t->extra = sqlite3_column_int(s, 16) != 0;
	t->has_fee = sqlite3_column_type(s, 17) != SQLITE_NULL;
	t->fee = sqlite3_column_int64(s, 17);
	t->created = column_text(s, 18);
	t->updated = column_text(s, 19);
	t->worked = sqlite3_column_int64(s, 20);
	t->billed = sqlite3_column_int64(s, 21);
	t->currency = column_text(s, 22);
}

bool
hb_book_task_get(struct hb_book *b, int64_t id, struct hb_task *out)
{
	return get_row(b, SQL_TASK_GET, NULL, id, read_task, out);
}

static void
bind_optional_int(sqlite3_stmt *s, int i, bool present, int64_t v)
{
	if (present)
		sqlite3_bind_int64(s, i, v);
	else
		sqlite3_bind_null(s, i);
}

void
hb_book_task_insert(struct hb_book *b, struct hb_task *t)
{
	sqlite3_stmt *s = stmt(b, SQL_TASK_INSERT);
	char due[HB_DATE_BUFSZ];

	sqlite3_bind_int64(s, 1, t->project_id);
	bind_text(s, 2, t->kind);
	bind_text(s, 3, t->title);
	bind_text(s, 4, t->description ? t->description : "");
	bind_text(s, 5, hb_task_state_names[t->status]);
	bind_optional_int(s, 6, t->assignee_id > 0, t->assignee_id);
	bind_optional_int(s, 7, t->has_estimate, t->estimate);
	bind_text(s, 8, t->has_due ? hb_date_format(t->due, due) : NULL);
	bind_text(s, 9, t->rigid ? "rigid" : "flexible");
	sqlite3_bind_int(s, 10, t->urgent);
	sqlite3_bind_int(s, 11, t->extra);
	bind_optional_int(s, 12, t->has_fee, t->fee);
	bind_text(s, 13, t->created);
	bind_text(s, 14, t->updated);
	step(b, s);
	done(s);
	t->id = sqlite3_last_insert_rowid(b->db);
}

void
hb_book_task_update(struct hb_book *b, const struct hb_task *t)
{
	sqlite3_stmt *s = stmt(b, SQL_TASK_UPDATE);
	char due[HB_DATE_BUFSZ];

	sqlite3_bind_int64(s, 1, t->id);
	bind_text(s, 2, hb_task_state_names[t->status]);
	bind_text(s, 3, t->blocked_from >= 0
	    ? hb_task_state_names[t->blocked_from] : NULL);
	bind_optional_int(s, 4, t->assignee_id > 0, t->assignee_id);
	bind_optional_int(s, 5, t->has_estimate, t->estimate);
	bind_text(s, 6, t->has_due ? hb_date_format(t->due, due) : NULL);
	bind_text(s, 7, t->rigid ? "rigid" : "flexible");
	bind_text(s, 8, t->updated);
	step(b, s);
	done(s);
}

void
hb_book_each_task(struct hb_book *b, const struct hb_task_filter *f,
    void (*fn)(void *ctx, const struct hb_task *), void *ctx)
{
	sqlite3_stmt *s = stmt(b, SQL_TASK_SELECT);
	char today[HB_DATE_BUFSZ];
	struct hb_task t;

	bind_text(s, 1, f->project);
	bind_text(s, 2, f->statuses);
	bind_text(s, 3, f->assignee);
	bind_text(s, 4, f->kind);
	bind_text(s, 5, f->overdue ? hb_date_format(f->today, today) : NULL);
	bind_text(s, 6, f->due_before);
	bind_text(s, 7, f->client);
	while (step(b, s)) {
		read_task(s, &t);
		fn(ctx, &t);
		hb_task_release(&t);
	}
	done(s);
}

/* The int64 first column of every row of s, into an array. */
static int64_t *
collect_ids(struct hb_book *b, sqlite3_stmt *s, size_t *count)
{
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;

	while (step(b, s)) {
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			ids = hb_xrealloc(ids, cap * sizeof *ids);
		}
		ids[n++] = sqlite3_column_int64(s, 0);
	}
	done(s);
	*count = n;
	return ids;
}

int64_t *
hb_book_open_tasks_of(struct hb_book *b, int64_t project_id,
    int64_t person_id, size_t *count)
{
	sqlite3_stmt *s = stmt(b, SQL_TASK_OPEN_OF);

	sqlite3_bind_int64(s, 1, project_id);
	sqlite3_bind_int64(s, 2, person_id);
	return collect_ids(b, s, count);
}

void
hb_book_each_event(struct hb_book *b, const char *entity, const char *key,
    void (*fn)(void *ctx, const struct hb_event *), void *ctx)
{
	sqlite3_stmt *s = stmt(b, SQL_EVENT_SELECT);
	struct hb_event e;

	bind_text(s, 1, entity);
	bind_text(s, 2, key);
	while (step(b, s)) {
		e.id = sqlite3_column_int64(s, 0);
		e.at = (const char *)sqlite3_column_text(s, 1);
		e.actor = (const char *)sqlite3_column_text(s, 2);
		e.entity = (const char *)sqlite3_column_text(s, 3);
		e.key = (const char *)sqlite3_column_text(s, 4);
		e.what = (const char *)sqlite3_column_text(s, 5);
		e.old_value = (const char *)sqlite3_column_text(s, 6);
		e.new_value = (const char *)sqlite3_column_text(s, 7);
		e.reason = (const char *)sqlite3_column_text(s, 8);
		fn(ctx, &e);
	}
	done(s);
}

static void
read_comment(sqlite3_stmt *s, void *out)
{
	struct hb_comment *c = out;
	c->id = sqlite3_column_int64(s, 0);
	c->task_id = sqlite3_column_int64(s, 1);
	c->author = column_text(s, 2);
	c->body = column_text(s, 3);
	c->reply_to = sqlite3_column_int64(s, 4);
	c->created = column_text(s, 5);
}

void
hb_book_comment_insert(struct hb_book *b, struct hb_comment *c)
{
	sqlite3_stmt *s = stmt(b, SQL_COMMENT_INSERT);

	sqlite3_bind_int64(s, 1, c->task_id);
	bind_text(s, 2, c->author);
	bind_text(s, 3, c->body);
	bind_optional_int(s, 4, c->reply_to > 0, c->reply_to);
	bind_text(s, 5, c->created);
	step(b, s);
	done(s);
	c->id = sqlite3_last_insert_rowid(b->db);
}

bool
hb_book_comment_get(struct hb_book *b, int64_t id, struct hb_comment *out)
{
	return get_row(b, SQL_COMMENT_GET, NULL, id, read_comment, out);
}

void
hb_book_each_comment(struct hb_book *b, int64_t task_id,
    void (*fn)(void *ctx, const struct hb_comment *), void *ctx)
{
	sqlite3_stmt *s = stmt(b, SQL_COMMENT_SELECT);
	struct hb_comment c;

	sqlite3_bind_int64(s, 1, task_id);
	while (step(b, s)) {
		read_comment(s, &c);
		fn(ctx, &c);
		hb_comment_release(&c);
	}
	done(s);
}

/* ---- packages, the hours ledger, time entries ------------------------- */

static void
read_package(sqlite3_stmt *s, void *out)
{
	struct hb_package *p = out;
	const char *text;

	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(s, 0);
	p->project_id = sqlite3_column_int64(s, 1);
	p->project = column_text(s, 2);
	p->client = column_text(s, 3);
	p->currency = column_text(s, 4);
	p->plan = column_text(s, 5);
	p->minutes = sqlite3_column_int64(s, 6);
	p->bonus_minutes = sqlite3_column_int64(s, 7);
	p->discount = sqlite3_column_int(s, 8);
	p->bonus = sqlite3_column_int(s, 9);
	p->months = sqlite3_column_int(s, 10);
	p->rate = sqlite3_column_int64(s, 11);
	p->price = sqlite3_column_int64(s, 12);
	text = (const char *)sqlite3_column_text(s, 13);
	p->has_expires = text != NULL && hb_date_parse(text, &p->expires,
	    NULL) == 0;
	p->lapse = sqlite3_column_int(s, 14) != 0;
	p->status = column_text(s, 15);
	p->created = column_text(s, 16);
	text = (const char *)sqlite3_column_text(s, 17);
	p->has_start = text != NULL && hb_month_parse(text, &p->start,
	    NULL) == 0;
	text = (const char *)sqlite3_column_text(s, 18);
	p->has_closed = text != NULL && hb_date_parse(text, &p->closed_on,
	    NULL) == 0;
}

bool
hb_book_package_get(struct hb_book *b, int64_t id, struct hb_package *out)
{
	return get_row(b, SQL_PACKAGE_GET, NULL, id, read_package, out);
}

void
hb_book_package_insert(struct hb_book *b, struct hb_package *p)
{
	sqlite3_stmt *s = stmt(b, SQL_PACKAGE_INSERT);
	char day[HB_DATE_BUFSZ];

	sqlite3_bind_int64(s, 1, p->project_id);
	bind_text(s, 2, p->plan);
	sqlite3_bind_int64(s, 3, p->minutes);
	sqlite3_bind_int64(s, 4, p->bonus_minutes);
	sqlite3_bind_int(s, 5, p->discount);
	sqlite3_bind_int(s, 6, p->bonus);
	bind_optional_int(s, 7, p->months > 0, p->months);
	sqlite3_bind_int64(s, 8, p->rate);
	sqlite3_bind_int64(s, 9, p->price);
	bind_text(s, 10, p->has_expires ? hb_date_format(p->expires, day) : NULL);
	sqlite3_bind_int(s, 11, p->lapse);
	bind_text(s, 12, p->created);
	if (p->has_start) {
		hb_date_format(p->start, day);
		day[7] = '\0';
		bind_text(s, 13, day);
	} else {
		sqlite3_bind_null(s, 13);
	}
	step(b, s);
	done(s);
	p->id = sqlite3_last_insert_rowid(b->db);
}

void
hb_book_package_set_status(struct hb_book *b, int64_t id, const char *status)
{
	sqlite3_stmt *s = stmt(b, SQL_PACKAGE_STATUS);

	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, status);
	step(b, s);
	done(s);
}

void
hb_book_package_start(struct hb_book *b, int64_t id, hb_day first)
{
	sqlite3_stmt *s = stmt(b, SQL_PACKAGE_START);
	char day[HB_DATE_BUFSZ];

	sqlite3_bind_int64(s, 1, id);
	hb_date_format(first, day);
	day[7] = '\0';
	bind_text(s, 2, day);
	step(b, s);
	done(s);
}

void
hb_book_package_close(struct hb_book *b, int64_t id, hb_day day)
{
	sqlite3_stmt *s = stmt(b, SQL_PACKAGE_CLOSE);
	char buf[HB_DATE_BUFSZ];

	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, hb_date_format(day, buf));
	step(b, s);
	done(s);
}

/* Bind a scope's four parameters. */
static void
bind_scope(sqlite3_stmt *s, const struct hb_scope *sc)
{
	bind_text(s, 1, sc->client);
	bind_text(s, 2, sc->project);
	bind_optional_int(s, 3, sc->package_id > 0, sc->package_id);
	bind_optional_int(s, 4, sc->project_id > 0, sc->project_id);
}

void
hb_book_scope_packages(struct hb_book *b, const struct hb_scope *sc,
    void (*fn)(void *ctx, struct hb_package *p), void *ctx)
{
	sqlite3_stmt *s = stmt(b, SQL_SCOPE_PACKAGES);
	struct hb_package p;

	bind_scope(s, sc);
	while (step(b, s)) {
		read_package(s, &p);
		fn(ctx, &p);
	}
	done(s);
}

void
hb_book_scope_loads(struct hb_book *b, const struct hb_scope *sc,
    hb_day as_of, void (*fn)(void *ctx, const struct hb_load *l), void *ctx)
{
	sqlite3_stmt *s = stmt(b, SQL_SCOPE_LOADS);
	char day[HB_DATE_BUFSZ];
	struct hb_load l;

	bind_scope(s, sc);
	bind_text(s, 5, hb_date_format(as_of, day));
	while (step(b, s)) {
		l.package_id = sqlite3_column_int64(s, 0);
		l.period = sqlite3_column_int(s, 1);
		l.minutes = sqlite3_column_int64(s, 2);
		if (hb_date_parse((const char *)sqlite3_column_text(s, 3),
		    &l.day, NULL) != 0)
			l.day = 0;
		fn(ctx, &l);
	}
	done(s);
}

void
hb_book_scope_use(struct hb_book *b, const struct hb_scope *sc, hb_day as_of,
    void (*fn)(void *ctx, int64_t package_id, hb_day month, int64_t minutes),
    void *ctx)
{
	sqlite3_stmt *s = stmt(b, SQL_SCOPE_USE);
	char day[HB_DATE_BUFSZ];
	hb_day month;

	bind_scope(s, sc);
	bind_text(s, 5, hb_date_format(as_of, day));
	while (step(b, s)) {
		if (hb_month_parse((const char *)sqlite3_column_text(s, 1),
		    &month, NULL) != 0)
			continue;
		fn(ctx, sqlite3_column_int64(s, 0), month,
		    sqlite3_column_int64(s, 2));
	}
	done(s);
}

void
hb_book_scope_periods(struct hb_book *b, const struct hb_scope *sc,
    hb_day as_of, void (*fn)(void *ctx, int64_t package_id, int invoiced,
    int paid, const char *last_issued), void *ctx)
{
	sqlite3_stmt *s = stmt(b, SQL_SCOPE_PERIODS);
	char day[HB_DATE_BUFSZ];

	bind_scope(s, sc);
	bind_text(s, 5, hb_date_format(as_of, day));
	while (step(b, s))
		fn(ctx, sqlite3_column_int64(s, 0), sqlite3_column_int(s, 1),
		    sqlite3_column_int(s, 2),
		    (const char *)sqlite3_column_text(s, 3));
	done(s);
}

void
hb_book_scope_commitments(struct hb_book *b, const struct hb_scope *sc,
    const char *states, void (*fn)(void *ctx, const struct hb_commitment *c),
    void *ctx)
{
	sqlite3_stmt *s = stmt(b, SQL_SCOPE_COMMITTED);
	struct hb_commitment c;

	bind_scope(s, sc);
	bind_text(s, 5, states);
	while (step(b, s)) {
		c.project_id = sqlite3_column_int64(s, 0);
		c.task_id = sqlite3_column_int64(s, 1);
		c.estimate = sqlite3_column_int64(s, 4);
		c.urgent = sqlite3_column_int(s, 5) != 0;
		c.billed = sqlite3_column_int64(s, 6);
		fn(ctx, &c);
	}
	done(s);
}

void
hb_book_package_use_add(struct hb_book *b, int64_t package_id, hb_day day,
    int64_t minutes)
{
	sqlite3_stmt *s = stmt(b, SQL_PACKAGE_USE_ADD);
	char buf[HB_DATE_BUFSZ];

	sqlite3_bind_int64(s, 1, package_id);
	bind_text(s, 2, hb_date_format(day, buf));
	sqlite3_bind_int64(s, 3, minutes);
	step(b, s);
	done(s);
}

void
hb_book_task_use_add(struct hb_book *b, int64_t task_id, int64_t minutes,
    int64_t billable)
{
	sqlite3_stmt *s = stmt(b, SQL_TASK_USE_ADD);

	sqlite3_bind_int64(s, 1, task_id);
	sqlite3_bind_int64(s, 2, minutes);
	sqlite3_bind_int64(s, 3, billable);
	step(b, s);
	done(s);
}



void
hb_book_invoice_insert(struct hb_book *b, int64_t package_id, int period,
    int64_t amount, hb_day issued)
{
	sqlite3_stmt *s = stmt(b, SQL_INVOICE_INSERT);
	char day[HB_DATE_BUFSZ];

	sqlite3_bind_int64(s, 1, package_id);
	sqlite3_bind_int(s, 2, period);
	sqlite3_bind_int64(s, 3, amount);
	bind_text(s, 4, hb_date_format(issued, day));
	step(b, s);
	done(s);
}

void
hb_book_payment_insert(struct hb_book *b, int64_t package_id, int period,
    hb_day paid)
{
	sqlite3_stmt *s = stmt(b, SQL_PAYMENT_INSERT);
	char day[HB_DATE_BUFSZ];

	sqlite3_bind_int64(s, 1, package_id);
	sqlite3_bind_int(s, 2, period);
	bind_text(s, 3, hb_date_format(paid, day));
	step(b, s);
	done(s);
}

void
hb_book_ledger_insert(struct hb_book *b, int64_t package_id,
    const char *kind, int64_t minutes, int period, hb_day day)
{
	sqlite3_stmt *s = stmt(b, SQL_LEDGER_INSERT);
	char buf[HB_DATE_BUFSZ];

	sqlite3_bind_int64(s, 1, package_id);
	bind_text(s, 2, kind);
	sqlite3_bind_int64(s, 3, minutes);
	bind_optional_int(s, 4, period > 0, period);
	bind_text(s, 5, hb_date_format(day, buf));
	step(b, s);
	done(s);
}


int64_t *
hb_book_packages(struct hb_book *b, const struct hb_package_filter *f,
    size_t *count)
{
	sqlite3_stmt *s = stmt(b, SQL_PACKAGE_SELECT);

	bind_text(s, 1, f->client);
	bind_text(s, 2, f->project);
	bind_text(s, 3, f->package);
	return collect_ids(b, s, count);
}


void
hb_book_entry_insert(struct hb_book *b, struct hb_entry_row *e)
{
	sqlite3_stmt *s = stmt(b, SQL_ENTRY_INSERT);
	char day[HB_DATE_BUFSZ];

	sqlite3_bind_int64(s, 1, e->task_id);
	sqlite3_bind_int64(s, 2, e->person_id);
	bind_text(s, 3, hb_date_format(e->day, day));
	sqlite3_bind_int64(s, 4, e->minutes);
	sqlite3_bind_int64(s, 5, e->billable);
	sqlite3_bind_int64(s, 6, e->overage);
	bind_optional_int(s, 7, e->package_id > 0, e->package_id);
	sqlite3_bind_int64(s, 8, e->package_minutes);
	bind_text(s, 9, e->note ? e->note : "");
	bind_optional_int(s, 10, e->reverses > 0, e->reverses);
	bind_text(s, 11, e->reason);
	bind_text(s, 12, hb_actor());
	bind_text(s, 13, b->now);
	sqlite3_bind_int64(s, 14, e->earned);
	bind_text(s, 15, e->ref);
	step(b, s);
	done(s);
	e->id = sqlite3_last_insert_rowid(b->db);
}

int64_t
hb_book_entry_by_ref(struct hb_book *b, int64_t person_id, const char *ref)
{
	sqlite3_stmt *s = stmt(b, SQL_ENTRY_BY_REF);
	int64_t id = 0;

	sqlite3_bind_int64(s, 1, person_id);
	bind_text(s, 2, ref);
	if (step(b, s))
		id = sqlite3_column_int64(s, 0);
	done(s);
	return id;
}

void
hb_book_entry_split_insert(struct hb_book *b, int64_t entry_id,
    int64_t package_id, int64_t minutes)
{
	sqlite3_stmt *s = stmt(b, SQL_ENTRY_SPLIT_INSERT);

	sqlite3_bind_int64(s, 1, entry_id);
	sqlite3_bind_int64(s, 2, package_id);
	sqlite3_bind_int64(s, 3, minutes);
	step(b, s);
	done(s);
}

static void
read_entry(sqlite3_stmt *s, void *out)
{
	struct hb_entry_row *e = out;

	memset(e, 0, sizeof *e);
	e->id = sqlite3_column_int64(s, 0);
	e->task_id = sqlite3_column_int64(s, 1);
	e->person_id = sqlite3_column_int64(s, 2);
	hb_date_parse((const char *)sqlite3_column_text(s, 3), &e->day, NULL);
	e->minutes = sqlite3_column_int64(s, 4);
	e->billable = sqlite3_column_int64(s, 5);
	e->overage = sqlite3_column_int64(s, 6);
	e->package_id = sqlite3_column_int64(s, 7);
	e->package_minutes = sqlite3_column_int64(s, 8);
	e->reverses = sqlite3_column_int64(s, 9);
	snprintf(e->person, sizeof e->person, "%s",
	    (const char *)sqlite3_column_text(s, 10));
	e->earned = sqlite3_column_int64(s, 11);
}

bool
hb_book_entry_get(struct hb_book *b, int64_t id, struct hb_entry_row *out)
{
	return get_row(b, SQL_ENTRY_GET, NULL, id, read_entry, out);
}

int64_t
hb_book_entry_reversal(struct hb_book *b, int64_t id)
{
	sqlite3_stmt *s = stmt(b, SQL_ENTRY_REVERSAL);
	int64_t v = 0;

	sqlite3_bind_int64(s, 1, id);
	if (step(b, s))
		v = sqlite3_column_int64(s, 0);
	done(s);
	return v;
}

int64_t *
hb_book_entry_splits(struct hb_book *b, int64_t entry_id, size_t *npairs)
{
	sqlite3_stmt *s = stmt(b, SQL_ENTRY_SPLITS);
	int64_t *pairs = NULL;
	size_t n = 0, cap = 0;

	sqlite3_bind_int64(s, 1, entry_id);
	while (step(b, s)) {
		if (n + 2 > cap) {
			cap = cap ? 2 * cap : 8;
			pairs = hb_xrealloc(pairs, cap * sizeof *pairs);
		}
		pairs[n++] = sqlite3_column_int64(s, 0);
		pairs[n++] = sqlite3_column_int64(s, 1);
	}
	done(s);
	*npairs = n / 2;
	return pairs;
}

/* ---- earnings and withdrawals ----------------------------------------- */

void
hb_book_fee_insert(struct hb_book *b, int64_t person_id, int64_t task_id,
    int64_t amount, const char *currency, hb_day day)
{
	sqlite3_stmt *s = stmt(b, SQL_FEE_INSERT);
	char buf[HB_DATE_BUFSZ];

	sqlite3_bind_int64(s, 1, person_id);
	sqlite3_bind_int64(s, 2, amount);
	sqlite3_bind_int64(s, 3, task_id);
	bind_text(s, 4, hb_date_format(day, buf));
	bind_text(s, 5, b->now);
	bind_text(s, 6, currency);
	step(b, s);
	done(s);
}

size_t
hb_book_money_sums(struct hb_book *b, int64_t person_id, hb_day first,
    hb_day last, struct hb_money_sums **out)
{
	sqlite3_stmt *s = stmt(b, SQL_MONEY_SUMS);
	char from[HB_DATE_BUFSZ], to[HB_DATE_BUFSZ];
	struct hb_money_sums *rows = NULL;
	const char *cur;
	size_t n = 0;

	sqlite3_bind_int64(s, 1, person_id);
	bind_text(s, 2, hb_date_format(first, from));
	bind_text(s, 3, hb_date_format(last, to));
	while (step(b, s)) {
		rows = hb_xrealloc(rows, (n + 1) * sizeof *rows);
		memset(&rows[n], 0, sizeof rows[n]);
		cur = (const char *)sqlite3_column_text(s, 0);
		snprintf(rows[n].currency, sizeof rows[n].currency, "%s",
		    cur ? cur : "???");
		rows[n].earned = sqlite3_column_int64(s, 1);
		rows[n].pending = sqlite3_column_int64(s, 2);
		rows[n].paid = sqlite3_column_int64(s, 3);
		rows[n].paid_in_month = sqlite3_column_int64(s, 4);
		n++;
	}
	done(s);
	*out = rows;
	return n;
}

int
hb_book_requests_in_month(struct hb_book *b, int64_t person_id,
    const char *month)
{
	sqlite3_stmt *s = stmt(b, SQL_REQUESTS_IN_MONTH);
	int n = 0;

	sqlite3_bind_int64(s, 1, person_id);
	bind_text(s, 2, month);
	if (step(b, s))
		n = sqlite3_column_int(s, 0);
	done(s);
	return n;
}

int64_t
hb_book_withdrawal_insert(struct hb_book *b, const struct hb_withdrawal_row *w)
{
	sqlite3_stmt *s = stmt(b, SQL_WITHDRAWAL_INSERT);
	char due[HB_DATE_BUFSZ];

	sqlite3_bind_int64(s, 1, w->person_id);
	sqlite3_bind_int64(s, 2, w->amount);
	bind_text(s, 3, b->now);
	bind_text(s, 4, w->month);
	bind_text(s, 5, hb_date_format(w->due, due));
	bind_text(s, 6, w->key);
	bind_text(s, 7, hb_actor());
	bind_text(s, 8, w->currency);
	step(b, s);
	done(s);
	return sqlite3_last_insert_rowid(b->db);
}

static void
read_withdrawal(sqlite3_stmt *s, void *out)
{
	struct hb_withdrawal *w = out;

	memset(w, 0, sizeof *w);
	w->id = sqlite3_column_int64(s, 0);
	w->person = column_text(s, 1);
	w->amount = sqlite3_column_int64(s, 2);
	w->status = column_text(s, 3);
	w->requested = column_text(s, 4);
	hb_date_parse((const char *)sqlite3_column_text(s, 5), &w->due, NULL);
	w->decided = column_text(s, 6);
	w->reason = column_text(s, 7);
	w->key = column_text(s, 8);
	w->currency = column_text(s, 9);
}

bool
hb_book_withdrawal_get(struct hb_book *b, int64_t id, struct hb_withdrawal *out)
{
	return get_row(b, SQL_WITHDRAWAL_GET, NULL, id, read_withdrawal, out);
}

int64_t
hb_book_withdrawal_by_key(struct hb_book *b, int64_t person_id,
    const char *key)
{
	sqlite3_stmt *s = stmt(b, SQL_WITHDRAWAL_BY_KEY);
	int64_t id = 0;

	sqlite3_bind_int64(s, 1, person_id);
	bind_text(s, 2, key);
	if (step(b, s))
		id = sqlite3_column_int64(s, 0);
	done(s);
	return id;
}

void
hb_book_withdrawal_decide(struct hb_book *b, int64_t id, const char *outcome,
    const char *reason, hb_day day)
{
	sqlite3_stmt *s = stmt(b, SQL_WITHDRAWAL_DECIDE);
	char buf[HB_DATE_BUFSZ];

	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, outcome);
	bind_text(s, 3, reason);
	bind_text(s, 4, hb_date_format(day, buf));
	bind_text(s, 5, hb_actor());
	bind_text(s, 6, b->now);
	step(b, s);
	done(s);
}

void
hb_book_each_withdrawal(struct hb_book *b, const char *person,
    const char *from, const char *to,
    void (*fn)(void *ctx, const struct hb_withdrawal *), void *ctx)
{
	sqlite3_stmt *s = stmt(b, SQL_WITHDRAWAL_SELECT);
	struct hb_withdrawal w;

	bind_text(s, 1, person);
	bind_text(s, 2, from);
	bind_text(s, 3, to);
	while (step(b, s)) {
		read_withdrawal(s, &w);
		fn(ctx, &w);
		hb_withdrawal_release(&w);
	}
	done(s);
}

void
hb_book_each_earning(struct hb_book *b, const char *person,
    const char *from, const char *to,
    void (*fn)(void *ctx, const struct hb_earning *), void *ctx)
{
	sqlite3_stmt *s = stmt(b, SQL_EARNING_SELECT);
	struct hb_earning e;

	bind_text(s, 1, person);
	bind_text(s, 2, from);
	bind_text(s, 3, to);
	while (step(b, s)) {
		e.person = (const char *)sqlite3_column_text(s, 0);
		e.day = (const char *)sqlite3_column_text(s, 1);
		e.kind = (const char *)sqlite3_column_text(s, 2);
		e.task_id = sqlite3_column_int64(s, 3);
		e.entry_id = sqlite3_column_int64(s, 4);
		e.minutes = sqlite3_column_int64(s, 5);
		e.amount = sqlite3_column_int64(s, 6);
		e.currency = (const char *)sqlite3_column_text(s, 7);
		fn(ctx, &e);
	}
	done(s);
}

/* A row is the statement itself, seen through the hb_row accessors. */
struct hb_row {
	sqlite3_stmt *stmt;
};

/* ---- named queries ------------------------------------------------------ */

static const char *const query_sql[HB_Q_COUNT] = {
	[HB_Q_MONTHLY_TO_INVOICE] = "SELECT k.id, (SELECT count(*) FROM "
	    "package_invoice WHERE package_id = k.id), k.months, k.price, "
	    "k.start_month FROM package k WHERE k.plan = 'monthly' "
	    "AND k.status = 'active' AND k.start_month IS NOT NULL "
	    "ORDER BY k.id",
	[HB_Q_FEES_TO_BILL] = "SELECT pi.id, k.id, k.project_id, pi.period, pi.amount, "
	    "k.minutes + k.bonus_minutes, k.plan, k.months, (SELECT c.currency "
	    "FROM project j JOIN client c ON c.id = j.client_id "
	    "WHERE j.id = k.project_id), k.start_month, pi.issued, k.closed_on, "
	    "(SELECT code FROM project WHERE id = k.project_id) "
	    "FROM package_invoice pi JOIN package k ON k.id = pi.package_id "
	    "WHERE pi.issued BETWEEN ?1 AND ?2 AND NOT EXISTS (SELECT 1 "
	    "FROM invoice_line l WHERE l.package_invoice_id = pi.id) "
	    "ORDER BY pi.id",
	[HB_Q_OVERAGE] = "SELECT t.project_id, sum(e.overage), j.rate, (SELECT "
	    "currency FROM client WHERE id = j.client_id), j.code FROM entry e "
	    "JOIN task t ON t.id = e.task_id JOIN project j "
	    "ON j.id = t.project_id WHERE e.day BETWEEN ?1 AND ?2 "
	    "GROUP BY t.project_id HAVING sum(e.overage) <> 0 "
	    "ORDER BY t.project_id",
	[HB_Q_LATE_DELIVERIES] = "SELECT t.id, t.project_id, t.due, d.at, t.estimate, t.fee, "
	    "j.rate, j.penalty_base, j.penalty_daily, j.model, t.title, "
	    "(SELECT currency FROM client WHERE id = j.client_id), j.code "
	    "FROM task t JOIN project j ON j.id = t.project_id JOIN (SELECT "
	    "CAST(key AS INTEGER) AS task_id, min(at) AS at FROM event "
	    "WHERE entity = 'task' AND what = 'status' AND new = 'delivered' "
	    "GROUP BY key) d ON d.task_id = t.id "
	    "WHERE j.penalty_base IS NOT NULL AND t.due_kind = 'rigid' "
	    "AND t.due IS NOT NULL AND substr(d.at, 1, 10) "
	    "BETWEEN date(?1, '-1 day') AND date(?2, '+1 day') "
	    "AND NOT EXISTS (SELECT 1 FROM invoice_line l "
	    "WHERE l.task_id = t.id AND l.kind = 'penalty') ORDER BY t.id",
	[HB_Q_NEWEST_PACKAGE] = "SELECT max(id) FROM package WHERE project_id = ?1 "
	    "AND status IN ('invoiced', 'active')",
	[HB_Q_INVOICE_FIND] = "SELECT id FROM invoice WHERE project_id = ?1 AND period = ?2 "
	    "AND ifnull(package_id, 0) = ifnull(?3, 0)",
	[HB_Q_INVOICES_OF] = "SELECT i.id, c.name, j.code, i.package_id, i.period, l.line, "
	    "l.kind, l.description, l.quantity_minutes, l.unit_price, "
	    "l.amount, i.currency FROM invoice i JOIN invoice_line l "
	    "ON l.invoice_id = i.id JOIN project j ON j.id = i.project_id "
	    "JOIN client c ON c.id = j.client_id WHERE i.period = ?1 "
	    "ORDER BY i.id, l.line",
	[HB_Q_INVOICES_ALL] = "SELECT i.id, c.name, j.code, i.package_id, i.period, l.line, "
	    "l.kind, l.description, l.quantity_minutes, l.unit_price, "
	    "l.amount, i.currency FROM invoice i JOIN invoice_line l "
	    "ON l.invoice_id = i.id JOIN project j ON j.id = i.project_id "
	    "JOIN client c ON c.id = j.client_id "
	    "WHERE (?1 IS NULL OR c.name = ?1) AND (?2 IS NULL OR j.code = ?2) "
	    "AND (?3 IS NULL OR i.package_id = ?3) "
	    "AND (?4 IS NULL OR i.period >= substr(?4, 1, 7)) "
	    "AND (?5 IS NULL OR i.period <= substr(?5, 1, 7)) "
	    "ORDER BY i.id, l.line",
	[HB_Q_SLA_TASKS] = "SELECT t.id, j.code, j.id, t.status, t.kind, t.due, "
	    "t.due_kind, t.created, (SELECT max(at) FROM event "
	    "WHERE entity = 'task' AND key = CAST(t.id AS TEXT) "
	    "AND what = 'status' AND new = t.status) FROM task t "
	    "JOIN project j ON j.id = t.project_id "
	    "WHERE (?1 IS NULL OR j.code = ?1) "
	    "AND t.status NOT IN ('done', 'rejected', 'cancelled') "
	    "ORDER BY t.id",
	[HB_Q_SLA_COMMENTS] = "SELECT m.id, m.task_id, j.code, j.id, m.author, m.created, "
	    "t.status, coalesce(p.role, 'staff'), "
	    "c.contact_id IS NOT NULL AND c.contact_id = p.id "
	    "FROM comment m JOIN task t ON t.id = m.task_id "
	    "JOIN project j ON j.id = t.project_id "
	    "JOIN client c ON c.id = j.client_id "
	    "LEFT JOIN person p ON p.handle = m.author "
	    "WHERE (?1 IS NULL OR j.code = ?1) "
	    "AND t.status NOT IN ('done', 'rejected', 'cancelled') "
	    "ORDER BY m.task_id, m.id",
	[HB_Q_SLA_PACKAGES] = "SELECT k.id, j.code, j.id FROM package k "
	    "JOIN project j ON j.id = k.project_id "
	    "WHERE k.status = 'active' AND (?1 IS NULL OR j.code = ?1) "
	    "ORDER BY k.id",
	[HB_Q_SLA_WITHDRAWALS] = "SELECT w.id, p.handle, w.due, w.requested FROM withdrawal w "
	    "JOIN person p ON p.id = w.person_id "
	    "LEFT JOIN withdrawal_outcome o ON o.withdrawal_id = w.id "
	    "WHERE o.outcome IS NULL ORDER BY w.id",
};

size_t
hb_book_query(struct hb_book *b, enum hb_query q, const struct hb_param *params,
    size_t nparams, void (*fn)(void *ctx, const struct hb_row *), void *ctx)
{
	sqlite3_stmt *s;
	struct hb_row row;
	size_t n = 0;
	int rc;

	if (b->query[q] == NULL) {
		rc = sqlite3_prepare_v3(b->db, query_sql[q], -1,
		    SQLITE_PREPARE_PERSISTENT, &b->query[q], NULL);
		if (rc != SQLITE_OK)
			fail_db(b, rc, query_sql[q]);
	}
	s = row.stmt = b->query[q];
	for (size_t i = 0; i < nparams; i++) {
		switch (params[i].type) {
		case HB_P_NULL: sqlite3_bind_null(s, (int)i + 1); break;
		case HB_P_INT: sqlite3_bind_int64(s, (int)i + 1, params[i].i); break;
		case HB_P_TEXT: bind_text(s, (int)i + 1, params[i].s); break;
		}
	}
	while (step(b, s)) {
		n++;
		if (fn != NULL)
			fn(ctx, &row);
	}
	done(s);
	return n;
}

/* ---- invoices ----------------------------------------------------------- */

int64_t
hb_book_bill_insert(struct hb_book *b, int64_t project_id,
    int64_t package_id, const char *period, const char *currency)
{
	sqlite3_stmt *s = stmt(b, SQL_INVOICE_NEW);

	sqlite3_bind_int64(s, 1, project_id);
	bind_optional_int(s, 2, package_id > 0, package_id);
	bind_text(s, 3, period);
	bind_text(s, 4, currency);
	bind_text(s, 5, b->now);
	step(b, s);
	done(s);
	return sqlite3_last_insert_rowid(b->db);
}

void
hb_book_bill_line_insert(struct hb_book *b, int64_t invoice_id, int line,
    const char *kind, const char *description, int64_t quantity_minutes,
    bool has_quantity, int64_t unit_price, int64_t amount, int64_t task_id,
    int64_t package_invoice_id)
{
	sqlite3_stmt *s = stmt(b, SQL_INVOICE_LINE);

	sqlite3_bind_int64(s, 1, invoice_id);
	sqlite3_bind_int(s, 2, line);
	bind_text(s, 3, kind);
	bind_text(s, 4, description);
	bind_optional_int(s, 5, has_quantity, quantity_minutes);
	sqlite3_bind_int64(s, 6, unit_price);
	sqlite3_bind_int64(s, 7, amount);
	bind_optional_int(s, 8, task_id > 0, task_id);
	bind_optional_int(s, 9, package_invoice_id > 0, package_invoice_id);
	step(b, s);
	done(s);
}

int64_t
hb_book_package_invoice_add(struct hb_book *b, int64_t package_id, int period,
    int64_t amount, hb_day day)
{
	hb_book_invoice_insert(b, package_id, period, amount, day);
	return sqlite3_last_insert_rowid(b->db);
}


void
hb_book_rollback(struct hb_book *b)
{
	exec(b, "ROLLBACK");
}

/* ---- batches -------------------------------------------------------- */

bool
hb_book_batch_find(struct hb_book *b, const char *command, const char *digest,
    struct hb_batch_record *out)
{
	sqlite3_stmt *s = stmt(b, SQL_BATCH_FIND);
	bool found;

	bind_text(s, 1, command);
	bind_text(s, 2, digest);
	found = step(b, s);
	if (found) {
		out->id = sqlite3_column_int64(s, 0);
		out->name = column_text(s, 1);
		out->records = sqlite3_column_int64(s, 2);
		out->actor = column_text(s, 3);
		out->at = column_text(s, 4);
	}
	done(s);
	return found;
}

void
hb_book_batch_insert(struct hb_book *b, const char *command,
    const char *digest, const char *name, int64_t records)
{
	sqlite3_stmt *s = stmt(b, SQL_BATCH_INSERT);

	bind_text(s, 1, command);
	bind_text(s, 2, digest);
	bind_text(s, 3, name);
	sqlite3_bind_int64(s, 4, records);
	bind_text(s, 5, hb_actor());
	bind_text(s, 6, b->now);
	step(b, s);
	done(s);
}

bool
hb_book_request_find(struct hb_book *b, const char *command, const char *key,
    struct hb_request *out)
{
	sqlite3_stmt *s = stmt(b, SQL_REQUEST_FIND);
	bool found;

	bind_text(s, 1, command);
	bind_text(s, 2, hb_actor());
	bind_text(s, 3, key);
	found = step(b, s);
	if (found) {
		out->digest = column_text(s, 0);
		out->output = column_text(s, 1);
		out->at = column_text(s, 2);
	}
	done(s);
	return found;
}

void
hb_book_request_insert(struct hb_book *b, const char *command,
    const char *key, const char *digest, const char *output)
{
	sqlite3_stmt *s = stmt(b, SQL_REQUEST_INSERT);

	bind_text(s, 1, command);
	bind_text(s, 2, hb_actor());
	bind_text(s, 3, key);
	bind_text(s, 4, digest);
	bind_text(s, 5, output);
	bind_text(s, 6, b->now);
	step(b, s);
	done(s);
}

void
hb_request_release(struct hb_request *r)
{
	free(r->digest);
	free(r->output);
	free(r->at);
	r->digest = r->output = r->at = NULL;
}

/* ---- exports ------------------------------------------------------------ */

bool
hb_row_null(const struct hb_row *row, int column)
{
	return sqlite3_column_type(row->stmt, column) == SQLITE_NULL;
}

int64_t
hb_row_int(const struct hb_row *row, int column)
{
	return sqlite3_column_int64(row->stmt, column);
}

const char *
hb_row_text(const struct hb_row *row, int column)
{
	return (const char *)sqlite3_column_text(row->stmt, column);
}

void
hb_book_export(struct hb_book *b, enum hb_export what,
    const struct hb_export_filter *f,
    void (*fn)(void *ctx, const struct hb_row *), void *ctx)
{
	static const enum sql_id ids[] = {
		[HB_EXPORT_ACTIVITIES] = SQL_EXPORT_ACTIVITIES,
		[HB_EXPORT_ENTRIES] = SQL_EXPORT_ENTRIES,
		[HB_EXPORT_COMMENTS] = SQL_EXPORT_COMMENTS,
		[HB_EXPORT_EVENTS] = SQL_EXPORT_EVENTS,
	};
	sqlite3_stmt *s = stmt(b, ids[what]);
	struct hb_row row = { s };

	bind_text(s, 1, f->client);
	bind_text(s, 2, f->project);
	if (f->package != NULL)
		sqlite3_bind_int64(s, 3, strtoll(f->package, NULL, 10));
	else
		sqlite3_bind_null(s, 3);
	bind_text(s, 4, f->person);
	bind_text(s, 5, f->from);
	bind_text(s, 6, f->to);
	while (step(b, s))
		fn(ctx, &row);
	done(s);
}

/* ---- book-check ----------------------------------------------------------- */

void
hb_book_check_storage(struct hb_book *b,
    void (*fn)(void *ctx, const char *message), void *ctx)
{
	sqlite3_stmt *s = stmt(b, SQL_CHECK_STORAGE);
	const char *m;

	while (step(b, s)) {
		m = (const char *)sqlite3_column_text(s, 0);
		if (m != NULL && strcmp(m, "ok") != 0)
			fn(ctx, m);
	}
	done(s);
}

void
hb_book_check_references(struct hb_book *b,
    void (*fn)(void *ctx, const char *table, int64_t rowid,
    const char *parent), void *ctx)
{
	sqlite3_stmt *s = stmt(b, SQL_CHECK_REFERENCES);

	while (step(b, s))
		fn(ctx, (const char *)sqlite3_column_text(s, 0),
		    sqlite3_column_int64(s, 1),
		    (const char *)sqlite3_column_text(s, 2));
	done(s);
}

void
hb_book_check_use(struct hb_book *b, void (*fn)(void *ctx,
    int64_t package_id, const char *day, int64_t recorded, int64_t drawn),
    void *ctx)
{
	sqlite3_stmt *s = stmt(b, SQL_CHECK_USE);

	while (step(b, s))
		fn(ctx, sqlite3_column_int64(s, 0),
		    (const char *)sqlite3_column_text(s, 1),
		    sqlite3_column_int64(s, 2), sqlite3_column_int64(s, 3));
	done(s);
}

void
hb_book_check_draws(struct hb_book *b, hb_day until,
    void (*fn)(void *ctx, int64_t package_id, int64_t drawn), void *ctx)
{
	sqlite3_stmt *s = stmt(b, SQL_CHECK_DRAWS);
	char day[HB_DATE_BUFSZ];

	bind_text(s, 1, hb_date_format(until, day));
	while (step(b, s))
		fn(ctx, sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1));
	done(s);
}

void
hb_book_check_task_totals(struct hb_book *b, void (*fn)(void *ctx,
    const struct hb_task_totals *t), void *ctx)
{
	sqlite3_stmt *s = stmt(b, SQL_CHECK_TASK_TOTALS);
	struct hb_task_totals t;

	while (step(b, s)) {
		t.task_id = sqlite3_column_int64(s, 0);
		t.worked = sqlite3_column_int64(s, 1);
		t.billed = sqlite3_column_int64(s, 2);
		t.minutes = sqlite3_column_int64(s, 3);
		t.billable = sqlite3_column_int64(s, 4);
		fn(ctx, &t);
	}
	done(s);
}

/* The entry in the 11 columns from first: id, task, person, day, minutes,
 * billable, overage, package, package minutes, reverses, earned. */
static void
read_entry_columns(sqlite3_stmt *s, int first, struct hb_entry_row *e)
{
	const char *day = (const char *)sqlite3_column_text(s, first + 3);

	memset(e, 0, sizeof *e);
	e->id = sqlite3_column_int64(s, first);
	e->task_id = sqlite3_column_int64(s, first + 1);
	e->person_id = sqlite3_column_int64(s, first + 2);
	if (day == NULL || hb_date_parse(day, &e->day, NULL) != 0)
		e->day = 0;
	e->minutes = sqlite3_column_int64(s, first + 4);
	e->billable = sqlite3_column_int64(s, first + 5);
	e->overage = sqlite3_column_int64(s, first + 6);
	e->package_id = sqlite3_column_int64(s, first + 7);
	e->package_minutes = sqlite3_column_int64(s, first + 8);
	e->reverses = sqlite3_column_int64(s, first + 9);
	e->earned = sqlite3_column_int64(s, first + 10);
}

void
hb_book_check_reversals(struct hb_book *b, void (*fn)(void *ctx,
    const struct hb_entry_row *reversal, const struct hb_entry_row *original),
    void *ctx)
{
	sqlite3_stmt *s = stmt(b, SQL_CHECK_REVERSALS);
	struct hb_entry_row r, o;

	while (step(b, s)) {
		read_entry_columns(s, 0, &r);
		read_entry_columns(s, 11, &o);
		fn(ctx, &r, sqlite3_column_type(s, 11) == SQLITE_NULL ? NULL : &o);
	}
	done(s);
}

void
hb_book_check_invoices(struct hb_book *b, void (*fn)(void *ctx,
    const struct hb_invoice_group *g), void *ctx)
{
	sqlite3_stmt *s = stmt(b, SQL_CHECK_INVOICES);
	struct hb_invoice_group g;

	while (step(b, s)) {
		g.project_id = sqlite3_column_int64(s, 0);
		g.project = (const char *)sqlite3_column_text(s, 1);
		g.period = (const char *)sqlite3_column_text(s, 2);
		g.package_id = sqlite3_column_int64(s, 3);
		g.count = sqlite3_column_int64(s, 4);
		g.first = sqlite3_column_int64(s, 5);
		g.last = sqlite3_column_int64(s, 6);
		fn(ctx, &g);
	}
	done(s);
}

/* ---- the WAL's last transactions ------------------------------------------ */

/* The WAL's layout (https://sqlite.org/fileformat2.html#walformat): a
 * 32-byte header (magic, version, page size, checkpoint sequence, two
 * salts, a checksum of the first 24 bytes), then frames of a 24-byte
 * header (page, the database size after a commit or 0, the two salts, a
 * checksum running over every frame so far) and the page.  SQLite reads
 * frames while they carry the header's salts and the checksums run true,
 * and uses them up to the last commit among those: frames after one that
 * fails are dropped, without a word. */
#define WAL_HEADER 32
#define WAL_FRAME_HEADER 24

static uint32_t
wal_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static void
wal_checksum(bool big_endian, const unsigned char *p, size_t n,
    uint32_t sum[2])
{
	for (size_t i = 0; i + 8 <= n; i += 8) {
		uint32_t x0 = big_endian ? wal_be32(p + i) : (uint32_t)p[i] |
		    (uint32_t)p[i + 1] << 8 | (uint32_t)p[i + 2] << 16 |
		    (uint32_t)p[i + 3] << 24;
		uint32_t x1 = big_endian ? wal_be32(p + i + 4) : (uint32_t)p[i + 4] |
		    (uint32_t)p[i + 5] << 8 | (uint32_t)p[i + 6] << 16 |
		    (uint32_t)p[i + 7] << 24;

		sum[0] += x0 + sum[1];
		sum[1] += x1 + sum[0];
	}
}

/* A commit in the WAL that SQLite does not use: a frame after the last
 * one it reads that still carries the WAL's salts and marks a commit.
 * Frames beyond SQLite's end are otherwise left from transactions that
 * never committed (a rollback, a process killed before its commit) or
 * from an earlier round of the WAL, with other salts; a committed frame
 * is only ever at or before SQLite's end.  So such a frame is a
 * transaction lost to damage, or cut off by a crash in the middle of its
 * commit (before the command said it was done).  The WAL is read under
 * the write lock, so that no writer is half-way through a frame. */
void
hb_book_check_wal(struct hb_book *b, void (*fn)(void *ctx,
    const char *message), void *ctx)
{
	char *path = hb_xprintf("%s-wal", b->path), *msg;
	unsigned char head[WAL_HEADER], *frame = NULL;
	char used[48] = "none of the WAL";
	uint32_t magic, page, salt[2], sum[2] = { 0, 0 };
	int64_t n = 0, end = 0, bad = 0, lost = 0, last = 0;
	bool big, running = true, header_ok;
	FILE *fp;
	int rc;

	rc = sqlite3_exec(b->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		if (!tolerated(b, rc))
			fail_db(b, rc, "BEGIN IMMEDIATE");
		free(path);
		return;
	}
	fp = fopen(path, "rb");
	if (fp == NULL || fread(head, 1, WAL_HEADER, fp) != WAL_HEADER)
		goto out;
	magic = wal_be32(head);
	page = wal_be32(head + 8);
	big = (magic & 1) != 0;
	salt[0] = wal_be32(head + 16);
	salt[1] = wal_be32(head + 20);
	wal_checksum(big, head, 24, sum);
	header_ok = (magic & ~UINT32_C(1)) == 0x377f0682 &&
	    wal_be32(head + 4) == 3007000 && page >= 512 && page <= 65536 &&
	    (page & (page - 1)) == 0 && sum[0] == wal_be32(head + 24) &&
	    sum[1] == wal_be32(head + 28);
	if (!header_ok) {
		/* The frames' size is unknown too: take the book's. */
		page = (uint32_t)scalar_int(b, "PRAGMA page_size");
		running = false;
	}
	frame = hb_xmalloc(WAL_FRAME_HEADER + page);
	while (fread(frame, 1, WAL_FRAME_HEADER + page, fp) ==
	    WAL_FRAME_HEADER + page) {
		bool ours = wal_be32(frame + 8) == salt[0] &&
		    wal_be32(frame + 12) == salt[1];
		bool commit = wal_be32(frame + 4) != 0;

		n++;
		if (running) {
			wal_checksum(big, frame, 8, sum);
			wal_checksum(big, frame + WAL_FRAME_HEADER, page, sum);
			running = ours && wal_be32(frame) != 0 &&
			    sum[0] == wal_be32(frame + 16) &&
			    sum[1] == wal_be32(frame + 20);
			if (running) {
				if (commit)
					end = n;
				continue;
			}
			bad = n;
		}
		if (ours && commit) {
			lost++;
			last = n;
		}
	}
	if (lost == 0)
		goto out;
	if (!header_ok)
		msg = hb_xprintf("the WAL's header fails its checksum, so SQLite "
		    "ignores the WAL: its %lld commit(s), up to frame %lld, are "
		    "lost unless a checkpoint had copied them into the book",
		    (long long)lost, (long long)last);
	else {
		if (end > 0)
			snprintf(used, sizeof used, "the WAL up to frame %lld",
			    (long long)end);
		msg = hb_xprintf("frame %lld of the WAL fails its checksum, so "
		    "SQLite uses %s: %lld commit(s) after that, up to frame "
		    "%lld, are lost unless a checkpoint had copied them into the "
		    "book (a crash in the middle of a commit leaves the same "
		    "trace)", (long long)bad, used, (long long)lost,
		    (long long)last);
	}
	fn(ctx, msg);
	free(msg);
out:
	if (fp != NULL)
		fclose(fp);
	free(frame);
	free(path);
	exec(b, "ROLLBACK");
}
