/*
 * book: the engine-neutral store: every SQL statement of hourbook, in one
 * table, and the functions the domain calls.
 *
 * Each statement has one text for both engines wherever one serves; the
 * few that cannot be shared have a PostgreSQL override (sql_pg[]).  The
 * engines (store_sqlite.c, store_pg.c) prepare, bind, step and read them;
 * nothing here knows which engine it has, but for picking a text.
 * Inserts take their id as the largest plus one, under the writer's lock,
 * so both engines number rows alike and a rolled-back transaction leaves
 * no gap.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "book-internal.h"
#include "hourbook/diag.h"

/* Every statement of the store, by name (the enum and the names the
 * test of both engines prints). */
#define SQL_IDS(X) \
	X(SQL_SETTING_PUT) X(SQL_SETTING_ALL) X(SQL_PROJECT_SETTING_PUT) \
	X(SQL_EVENT_INSERT) X(SQL_HOLIDAY_GET) X(SQL_HOLIDAY_INSERT) \
	X(SQL_HOLIDAY_ALL) X(SQL_CLIENT_GET) X(SQL_CLIENT_INSERT) \
	X(SQL_CLIENT_SET_CONTACT) X(SQL_CLIENT_ALL) X(SQL_PERSON_GET) \
	X(SQL_PERSON_INSERT) X(SQL_PERSON_ALL) X(SQL_PROJECT_GET) \
	X(SQL_PROJECT_INSERT) X(SQL_PROJECT_ALL) X(SQL_MEMBER_STATE) \
	X(SQL_MEMBER_JOIN) X(SQL_MEMBER_LEAVE) X(SQL_TASK_GET) \
	X(SQL_TASK_INSERT) X(SQL_TASK_UPDATE) X(SQL_TASK_SELECT) \
	X(SQL_TASK_OPEN_OF) X(SQL_EVENT_SELECT) X(SQL_COMMENT_INSERT) \
	X(SQL_COMMENT_GET) X(SQL_COMMENT_SELECT) X(SQL_PACKAGE_GET) \
	X(SQL_PACKAGE_INSERT) X(SQL_PACKAGE_STATUS) X(SQL_PACKAGE_START) \
	X(SQL_PACKAGE_CLOSE) X(SQL_SCOPE_PACKAGES) X(SQL_SCOPE_LOADS) \
	X(SQL_SCOPE_USE) X(SQL_SCOPE_PERIODS) X(SQL_SCOPE_COMMITTED) \
	X(SQL_ONE_PACKAGES) X(SQL_ONE_LOADS) X(SQL_ONE_USE) X(SQL_ONE_PERIODS) \
	X(SQL_ONE_COMMITTED) \
	X(SQL_PACKAGE_USE_ADD) X(SQL_PACKAGE_MONTH_ADD) \
	X(SQL_PERSON_EARNED_GET) X(SQL_PERSON_EARNED_ADD) X(SQL_TASK_USE_ADD) X(SQL_INVOICE_INSERT) \
	X(SQL_PAYMENT_INSERT) X(SQL_LEDGER_INSERT) X(SQL_PACKAGE_SELECT) \
	X(SQL_ENTRY_INSERT) X(SQL_ENTRY_BY_REF) X(SQL_ENTRY_NEXT_ID) \
	X(SQL_ENTRY_SPLIT_INSERT) X(SQL_ENTRY_GET) X(SQL_ENTRY_REVERSAL) \
	X(SQL_ENTRY_SPLITS) X(SQL_FEE_INSERT) X(SQL_MONEY_SUMS) \
	X(SQL_REQUESTS_IN_MONTH) X(SQL_WITHDRAWAL_INSERT) \
	X(SQL_WITHDRAWAL_GET) X(SQL_WITHDRAWAL_BY_KEY) \
	X(SQL_WITHDRAWAL_DECIDE) X(SQL_WITHDRAWAL_SELECT) \
	X(SQL_EARNING_SELECT) X(SQL_EXPORT_ACTIVITIES) \
	X(SQL_EXPORT_ENTRIES) X(SQL_EXPORT_COMMENTS) X(SQL_EXPORT_EVENTS) \
	X(SQL_INVOICE_NEW) X(SQL_INVOICE_LINE) X(SQL_STAFF_EXISTS) \
	X(SQL_NAMES_CLIENT) X(SQL_NAMES_PERSON) X(SQL_NAMES_PROJECT) \
	X(SQL_BATCH_FIND) X(SQL_BATCH_INSERT) X(SQL_CHECK_USE) \
	X(SQL_CHECK_MONTHS) X(SQL_CHECK_EARNED) \
	X(SQL_CHECK_DRAWS) X(SQL_CHECK_TASK_TOTALS) X(SQL_CHECK_REVERSALS) \
	X(SQL_CHECK_INVOICES) X(SQL_REQUEST_FIND) X(SQL_REQUEST_INSERT) \
	X(SQL_PERSON_ROLE) X(SQL_TIMER_GET) X(SQL_TIMER_ALL) \
	X(SQL_TIMER_INSERT) X(SQL_TIMER_DELETE) \
	X(SQL_RATES_PERSON) X(SQL_RATES_PROJECT) \
	X(SQL_RATE_PERSON_PUT) X(SQL_RATE_PROJECT_PUT) \
	X(SQL_RATE_PERSON_DELETE) X(SQL_RATE_PROJECT_DELETE) X(SQL_CLIENT_UPDATE) \
	X(SQL_PERSON_UPDATE) X(SQL_PROJECT_UPDATE) X(SQL_PROJECT_WINDOW) \
	X(SQL_PROJECT_TOP) \
	X(SQL_PROJECT_SETTING_DELETE) X(SQL_FEE_CREDITED) X(SQL_CHECK_RATES) \
	X(SQL_SHARE_STEPS) X(SQL_SHARE_PUT) X(SQL_SHARE_DELETE) \
	X(SQL_SALES_INSERT) X(SQL_SALES_GET)

enum sql_id {
#define AS_ENUM(id) id,
	SQL_IDS(AS_ENUM)
#undef AS_ENUM
	SQL_COUNT
};

#define CLIENT_COLUMNS \
	"c.id, c.name, c.display_name, c.email, c.currency, " \
	"(SELECT handle FROM person WHERE id = c.contact_id), c.created, " \
	"c.lang"
#define PERSON_COLUMNS \
	"p.id, p.handle, p.name, p.email, p.role, p.rate, p.client_id, " \
	"(SELECT name FROM client WHERE id = p.client_id), p.created"
/* A project's settings as "key=value;key=value", in key order: the one
 * aggregate the engines spell differently (SQLite 3.40 has no
 * string_agg, PostgreSQL no group_concat). */
#define PROJECT_COLUMNS_WITH(settings) \
	"p.id, p.code, p.client_id, c.name, c.currency, p.name, p.rate, " \
	"p.model, p.penalty_base, p.penalty_daily, " settings ", p.created, " \
	"ss.from_month, ss.minimum, ss.kpi, ss.threshold, ss.percent, ss.cap, " \
	"p.support_hours, p.priority, p.deemed_delivery"
/* The plan of a project's package active on a day (schema 18): its first
 * payment dated on or before the day and not closed by then; the oldest,
 * the one time is drawn from.  NULL: none. */
#define ACTIVE_PLAN(project, day) "(SELECT k.plan FROM package k " \
	"WHERE k.project_id = " project " AND (SELECT min(y.paid) FROM " \
	"package_payment y WHERE y.package_id = k.id) <= " day " AND " \
	"(k.closed_on IS NULL OR k.closed_on > " day ") ORDER BY k.id LIMIT 1)"
/* 'top' or 'normal': as set, else top on the upfront plan. */
#define PRIORITY(j, day) "coalesce(" j ".priority, CASE WHEN " \
	ACTIVE_PLAN(j ".id", day) " = 'upfront' THEN 'top' ELSE 'normal' END)"
/* A project's newest step of its sales-share history (schema 17). */
#define PROJECT_SHARE "LEFT JOIN sales_share ss ON ss.project_id = p.id " \
	"AND ss.from_month = (SELECT max(from_month) FROM sales_share " \
	"WHERE project_id = p.id) "
#define PROJECT_COLUMNS PROJECT_COLUMNS_WITH( \
	"(SELECT group_concat(key || '=' || value, ';') FROM " \
	"(SELECT key, value FROM project_setting WHERE project_id = p.id " \
	"ORDER BY key))")
#define PROJECT_COLUMNS_PG PROJECT_COLUMNS_WITH( \
	"(SELECT string_agg(key || '=' || value, ';' ORDER BY key) " \
	"FROM project_setting WHERE project_id = p.id)")
/* An entry's packages: its own, then those it spilled into. */
#define ENTRY_PACKAGES_WITH(splits) \
	"CASE WHEN e.package_id IS NOT NULL THEN e.package_id || " \
	"coalesce((SELECT ';' || " splits "), '') END"
#define ENTRY_PACKAGES ENTRY_PACKAGES_WITH( \
	"group_concat(package_id, ';') FROM (SELECT package_id " \
	"FROM entry_split WHERE entry_id = e.id ORDER BY package_id)")
#define ENTRY_PACKAGES_PG ENTRY_PACKAGES_WITH( \
	"string_agg(CAST(package_id AS TEXT), ';' ORDER BY package_id) " \
	"FROM entry_split WHERE entry_id = e.id")

#define TASK_COLUMNS \
	"t.id, t.project_id, j.code, j.client_id, j.model, t.kind, t.title, " \
	"t.description, t.status, t.blocked_from, t.assignee_id, " \
	"(SELECT handle FROM person WHERE id = t.assignee_id), t.estimate, " \
	"t.due, t.due_kind, t.urgent, t.extra, t.fee, t.created, t.updated, " \
	"t.worked, t.billed, (SELECT currency FROM client WHERE id = j.client_id), " \
	"CASE WHEN t.status = 'blocked' AND EXISTS (SELECT 1 FROM event pe " \
	"WHERE pe.entity = 'task' AND pe.key = CAST(t.id AS TEXT) " \
	"AND pe.what = 'paused' AND pe.id > (SELECT max(id) FROM event " \
	"WHERE entity = 'task' AND key = CAST(t.id AS TEXT) " \
	"AND what = 'status')) THEN 1 ELSE 0 END"
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
/* The same scope when it is one project, by id (hours-log, the
 * extra-request check): its packages straight from their index. */
#define SCOPE_ONE \
	"k.project_id = ?4 AND ?1 IS NULL AND ?2 IS NULL AND ?3 IS NULL"
#define SCOPE_PACKAGES(scope) "SELECT " PACKAGE_COLUMNS " FROM package k " \
	"JOIN project j ON j.id = k.project_id " \
	"JOIN client c ON c.id = j.client_id WHERE " scope \
	" ORDER BY k.project_id, k.id"
#define SCOPE_LOADS(scope) "SELECT h.package_id, coalesce(h.period, 0), " \
	"h.minutes, h.day FROM hours_ledger h JOIN package k " \
	"ON k.id = h.package_id WHERE " scope " AND h.kind = 'load' " \
	"AND h.day <= ?5 ORDER BY h.package_id, h.id"
/* What the packages drew, in no order asked for: the caller adds the
 * rows up by month (balance.c).  Each package's months before the one of
 * ?5 (?6 its first day) come from package_month, and that month's days
 * until ?5 from package_use: a balance reads a row a month, not a row a
 * day.  The packages first, each one's rows from its primary key (CROSS
 * JOIN keeps that order: SQLite would otherwise walk every row of the
 * book and look its package up). */
#define SCOPE_USE(scope) "SELECT u.package_id, u.month, u.minutes " \
	"FROM package k CROSS JOIN package_month u " \
	"WHERE u.package_id = k.id AND " scope " AND u.month < ?6 " \
	"UNION ALL SELECT u.package_id, u.day, u.minutes " \
	"FROM package k CROSS JOIN package_use u " \
	"WHERE u.package_id = k.id AND " scope " AND u.day >= ?6 " \
	"AND u.day <= ?5"
#define SCOPE_PERIODS(scope) "SELECT k.id, (SELECT count(*) FROM " \
	"package_invoice WHERE package_id = k.id AND issued <= ?5), " \
	"(SELECT count(*) FROM package_payment WHERE package_id = k.id " \
	"AND paid <= ?5), (SELECT max(issued) FROM package_invoice " \
	"WHERE package_id = k.id AND issued <= ?5) FROM package k " \
	"WHERE " scope " ORDER BY k.id"
/* ?5 to ?12 the agreed, unfinished states (NULL for the rest); a task
 * blocked from one of them counts too (the schema ties blocked_from to
 * 'blocked').  Listed, they let the (project_id, status) index find just
 * those tasks instead of reading every task of the scope. */
#define COMMITTED_STATES "(?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
#define COMMITTED_STATES_MAX 8
#define SCOPE_COMMITTED(scope) "SELECT k.project_id, k.id, k.status, " \
	"k.blocked_from, k.estimate, k.urgent, k.billed FROM task k " \
	"WHERE " scope " AND k.estimate IS NOT NULL AND k.status IN " \
	"(?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'blocked') AND (k.status <> " \
	"'blocked' OR k.blocked_from IN " COMMITTED_STATES ") " \
	"ORDER BY k.project_id, k.id"
#define WITHDRAWAL_COLUMNS \
	"w.id, p.handle, w.amount, coalesce(o.outcome, 'requested'), " \
	"w.requested, w.due, o.day, o.reason, w.key, w.currency"

/* An entry: its id from the engine's last_id where it has one (SQLite),
 * else returned (sql_pg[]). */
#define ENTRY_INSERT "INSERT INTO entry (id, task_id, person_id, day, " \
	"minutes, billable, overage, package_id, package_minutes, note, " \
	"reverses, reason, actor, created, earned, ref) " \
	"VALUES ((SELECT coalesce(max(id), 0) + 1 FROM entry), ?, ?, ?, ?, " \
	"?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

static const char *const sql[SQL_COUNT] = {
	[SQL_SETTING_PUT] = "INSERT INTO setting (key, value) VALUES (?, ?) "
	    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	[SQL_SETTING_ALL] = "SELECT 0, key, value FROM setting "
	    "UNION ALL SELECT project_id, key, value FROM project_setting",
	[SQL_PROJECT_SETTING_PUT] = "INSERT INTO project_setting "
	    "(project_id, key, value) VALUES (?, ?, ?) ON CONFLICT "
	    "(project_id, key) DO UPDATE SET value = excluded.value",
	[SQL_EVENT_INSERT] = "INSERT INTO event (id, at, actor, entity, key, what, "
	    "old, new, reason) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM event), ?, ?, ?, ?, ?, ?, ?, ?)",
	[SQL_HOLIDAY_GET] = "SELECT name FROM holiday WHERE day = ?",
	[SQL_HOLIDAY_INSERT] = "INSERT INTO holiday (day, name) VALUES (?, ?)",
	[SQL_HOLIDAY_ALL] = "SELECT day FROM holiday ORDER BY day",
	[SQL_CLIENT_GET] = "SELECT " CLIENT_COLUMNS " FROM client c "
	    "WHERE c.name = ?",
	[SQL_CLIENT_INSERT] = "INSERT INTO client (id, name, display_name, email, "
	    "currency, created, lang) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM client), ?, ?, ?, ?, ?, ?) RETURNING id",
	[SQL_CLIENT_SET_CONTACT] = "UPDATE client SET contact_id = ? "
	    "WHERE id = ?",
	[SQL_CLIENT_ALL] = "SELECT " CLIENT_COLUMNS " FROM client c "
	    "ORDER BY c.name",
	[SQL_PERSON_GET] = "SELECT " PERSON_COLUMNS " FROM person p "
	    "WHERE p.handle = ?",
	[SQL_PERSON_INSERT] = "INSERT INTO person (id, handle, name, email, role, "
	    "rate, client_id, created) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM person), ?, ?, ?, ?, ?, ?, ?) RETURNING id",
	[SQL_PERSON_ALL] = "SELECT " PERSON_COLUMNS " FROM person p "
	    "WHERE (?1 IS NULL OR p.client_id = "
	    "(SELECT id FROM client WHERE name = ?1)) "
	    "AND (?2 IS NULL OR p.id IN (SELECT m.person_id FROM member m "
	    "JOIN project j ON j.id = m.project_id "
	    "WHERE j.code = ?2 AND m.left_at IS NULL)) ORDER BY p.handle",
#define PROJECT_GET(columns) "SELECT " columns " FROM project p " \
	"JOIN client c ON c.id = p.client_id " PROJECT_SHARE "WHERE p.code = ?"
	[SQL_PROJECT_GET] = PROJECT_GET(PROJECT_COLUMNS),
	[SQL_PROJECT_INSERT] = "INSERT INTO project (id, code, client_id, name, "
	    "rate, model, penalty_base, penalty_daily, created, support_hours, "
	    "priority, deemed_delivery) "
	    "VALUES ((SELECT coalesce(max(id), 0) + 1 FROM project), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
	[SQL_PROJECT_WINDOW] = "SELECT j.support_hours, " ACTIVE_PLAN("j.id",
	    "?2") " FROM project j WHERE j.id = ?1",
	[SQL_PROJECT_TOP] = "SELECT " PRIORITY("j", "?2") " FROM project j "
	    "WHERE j.id = ?1",
#define PROJECT_ALL(columns) "SELECT " columns " FROM project p " \
	"JOIN client c ON c.id = p.client_id " PROJECT_SHARE \
	"WHERE ?1 IS NULL OR c.name = ?1 ORDER BY p.code"
	[SQL_PROJECT_ALL] = PROJECT_ALL(PROJECT_COLUMNS),
	[SQL_MEMBER_STATE] = "SELECT left_at IS NULL FROM member "
	    "WHERE project_id = ? AND person_id = ?",
	[SQL_MEMBER_JOIN] = "INSERT INTO member (project_id, person_id, joined) "
	    "VALUES (?1, ?2, ?3) ON CONFLICT (project_id, person_id) "
	    "DO UPDATE SET joined = ?3, left_at = NULL",
	[SQL_MEMBER_LEAVE] = "UPDATE member SET left_at = ?3 "
	    "WHERE project_id = ?1 AND person_id = ?2",
	[SQL_TASK_GET] = "SELECT " TASK_COLUMNS " FROM task t "
	    "JOIN project j ON j.id = t.project_id WHERE t.id = ?",
	[SQL_TASK_INSERT] = "INSERT INTO task (id, project_id, kind, title, "
	    "description, status, assignee_id, estimate, due, due_kind, "
	    "urgent, extra, fee, created, updated) "
	    "VALUES ((SELECT coalesce(max(id), 0) + 1 FROM task), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
	[SQL_TASK_UPDATE] = "UPDATE task SET status = ?2, blocked_from = ?3, "
	    "assignee_id = ?4, estimate = ?5, due = ?6, due_kind = ?7, "
	    "updated = ?8, fee = ?9 WHERE id = ?1",
	[SQL_TASK_SELECT] = "SELECT " TASK_COLUMNS ", " PRIORITY("j", "?9")
	    " FROM task t JOIN project j ON j.id = t.project_id "
	    "WHERE (?1 IS NULL OR j.code = ?1) "
	    "AND (?2 IS NULL OR (',' || ?2 || ',') LIKE "
	    "('%,' || t.status || ',%')) "
	    "AND (?3 IS NULL OR t.assignee_id = "
	    "(SELECT id FROM person WHERE handle = ?3)) "
	    "AND (?4 IS NULL OR t.kind = ?4) "
	    "AND (?5 IS NULL OR (t.due < ?5 AND "
	    "?8 NOT LIKE ('%,' || t.status || ',%'))) "
	    "AND (?6 IS NULL OR t.due < ?6) "
	    "AND (?7 IS NULL OR j.client_id = "
	    "(SELECT id FROM client WHERE name = ?7)) "
	    /* By priority (?10): the open tasks first, top priority first,
	     * then by due date (none last); the rest by id. */
	    "ORDER BY CASE WHEN ?10 IS NULL OR ?8 LIKE ('%,' || t.status || "
	    "',%') THEN 1 ELSE 0 END, CASE WHEN ?10 IS NULL OR ?8 LIKE ('%,' "
	    "|| t.status || ',%') THEN '' ELSE " PRIORITY("j", "?9") " END "
	    "DESC, CASE WHEN ?10 IS NULL OR ?8 LIKE ('%,' || t.status || ',%') "
	    "THEN '' ELSE coalesce(t.due, '9999-12-31') END, t.id",
	[SQL_TASK_OPEN_OF] = "SELECT id FROM task WHERE project_id = ?1 "
	    "AND assignee_id = ?2 AND ?3 NOT LIKE ('%,' || status || ',%') "
	    "ORDER BY id",
	[SQL_EVENT_SELECT] = "SELECT id, at, actor, entity, key, what, old, "
	    "new, reason FROM event WHERE entity = ? AND key = ? ORDER BY id",
	[SQL_COMMENT_INSERT] = "INSERT INTO comment (id, task_id, author, body, "
	    "reply_to, created) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM comment), ?, ?, ?, ?, ?) RETURNING id",
	[SQL_COMMENT_GET] = "SELECT " COMMENT_COLUMNS " FROM comment "
	    "WHERE id = ?",
	[SQL_COMMENT_SELECT] = "SELECT " COMMENT_COLUMNS " FROM comment "
	    "WHERE task_id = ? ORDER BY id",
	[SQL_PACKAGE_GET] = "SELECT " PACKAGE_COLUMNS " FROM package k "
	    "JOIN project j ON j.id = k.project_id "
	    "JOIN client c ON c.id = j.client_id WHERE k.id = ?",
	[SQL_PACKAGE_INSERT] = "INSERT INTO package (id, project_id, plan, "
	    "minutes, bonus_minutes, discount, bonus, months, rate, price, "
	    "expires, lapse, status, created, start_month) "
	    "VALUES ((SELECT coalesce(max(id), 0) + 1 FROM package), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'quoted', ?, ?) RETURNING id",
	[SQL_PACKAGE_STATUS] = "UPDATE package SET status = ?2 WHERE id = ?1",
	[SQL_PACKAGE_START] = "UPDATE package SET start_month = ?2 "
	    "WHERE id = ?1",
	[SQL_PACKAGE_CLOSE] = "UPDATE package SET status = 'closed', "
	    "closed_on = ?2 WHERE id = ?1",
	[SQL_SCOPE_PACKAGES] = SCOPE_PACKAGES(SCOPE),
	[SQL_SCOPE_LOADS] = SCOPE_LOADS(SCOPE),
	[SQL_SCOPE_USE] = SCOPE_USE(SCOPE),
	[SQL_SCOPE_PERIODS] = SCOPE_PERIODS(SCOPE),
	[SQL_SCOPE_COMMITTED] = SCOPE_COMMITTED(SCOPE),
	[SQL_ONE_PACKAGES] = SCOPE_PACKAGES(SCOPE_ONE),
	[SQL_ONE_LOADS] = SCOPE_LOADS(SCOPE_ONE),
	[SQL_ONE_USE] = SCOPE_USE(SCOPE_ONE),
	[SQL_ONE_PERIODS] = SCOPE_PERIODS(SCOPE_ONE),
	[SQL_ONE_COMMITTED] = SCOPE_COMMITTED(SCOPE_ONE),
	[SQL_PACKAGE_USE_ADD] = "INSERT INTO package_use (package_id, day, "
	    "minutes) VALUES (?1, ?2, ?3) ON CONFLICT (package_id, day) "
	    "DO UPDATE SET minutes = package_use.minutes + excluded.minutes",
	[SQL_PACKAGE_MONTH_ADD] = "INSERT INTO package_month (package_id, "
	    "month, minutes) VALUES (?1, ?2, ?3) ON CONFLICT (package_id, "
	    "month) DO UPDATE SET minutes = package_month.minutes + "
	    "excluded.minutes",
	/* What the person ?1 earned so far in the currency of project ?2,
	 * and that currency. */
	[SQL_PERSON_EARNED_GET] = "SELECT coalesce(e.earned, 0), c.currency "
	    "FROM project j JOIN client c ON c.id = j.client_id "
	    "LEFT JOIN person_earned e ON e.person_id = ?1 "
	    "AND e.currency = c.currency WHERE j.id = ?2",
	/* ?2 the project: its client's currency is the money's. */
	[SQL_PERSON_EARNED_ADD] = "INSERT INTO person_earned (person_id, "
	    "currency, earned) SELECT ?1, c.currency, ?3 FROM project j "
	    "JOIN client c ON c.id = j.client_id WHERE j.id = ?2 "
	    "ON CONFLICT (person_id, currency) DO UPDATE SET earned = "
	    "person_earned.earned + excluded.earned",
	[SQL_TASK_USE_ADD] = "UPDATE task SET worked = worked + ?2, "
	    "billed = billed + ?3, overage = overage + ?4 WHERE id = ?1",
	[SQL_INVOICE_INSERT] = "INSERT INTO package_invoice (id, package_id, "
	    "period, amount, issued) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM package_invoice), ?, ?, ?, ?) RETURNING id",
	[SQL_PAYMENT_INSERT] = "INSERT INTO package_payment (id, package_id, "
	    "period, paid) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM package_payment), ?, ?, ?)",
	[SQL_LEDGER_INSERT] = "INSERT INTO hours_ledger (id, package_id, kind, "
	    "minutes, period, day) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM hours_ledger), ?, ?, ?, ?, ?)",
	[SQL_PACKAGE_SELECT] = "SELECT k.id FROM package k "
	    "JOIN project j ON j.id = k.project_id "
	    "JOIN client c ON c.id = j.client_id "
	    "WHERE (?1 IS NULL OR c.name = ?1) AND (?2 IS NULL OR j.code = ?2) "
	    "AND (?3 IS NULL OR k.id = ?3) ORDER BY k.id",
	[SQL_ENTRY_INSERT] = ENTRY_INSERT,
	[SQL_ENTRY_BY_REF] = "SELECT id FROM entry WHERE person_id = ? "
	    "AND ref = ?",
	[SQL_ENTRY_NEXT_ID] = "SELECT coalesce(max(id), 0) + 1 FROM entry",
	[SQL_ENTRY_SPLIT_INSERT] = "INSERT INTO entry_split (entry_id, "
	    "package_id, minutes) VALUES (?, ?, ?)",
	[SQL_ENTRY_GET] = "SELECT e.id, e.task_id, e.person_id, e.day, "
	    "e.minutes, e.billable, e.overage, e.package_id, e.package_minutes, "
	    "e.reverses, p.handle, e.earned FROM entry e "
	    "JOIN person p ON p.id = e.person_id WHERE e.id = ?",
	[SQL_ENTRY_REVERSAL] = "SELECT id FROM entry WHERE reverses = ?",
	[SQL_ENTRY_SPLITS] = "SELECT package_id, minutes FROM entry_split "
	    "WHERE entry_id = ? ORDER BY package_id",
	[SQL_FEE_INSERT] = "INSERT INTO money_ledger (id, person_id, kind, amount, "
	    "task_id, day, created, currency) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM money_ledger), ?, 'fee', ?, ?, ?, ?, ?)",
	/* ?2 and ?3: the first and last day of the month of the payments
	 * counted as paid this month. */
	[SQL_MONEY_SUMS] = "SELECT cur, sum(earned), sum(pending), sum(paid), "
	    "sum(paid_now) FROM (SELECT currency AS cur, earned, "
	    "0 AS pending, 0 AS paid, 0 AS paid_now FROM person_earned "
	    "WHERE person_id = ?1 "
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
	    "AND (o.outcome IS NULL OR o.outcome = 'paid')",
	[SQL_WITHDRAWAL_INSERT] = "INSERT INTO withdrawal (id, person_id, amount, "
	    "requested, month, due, key, actor, currency) "
	    "VALUES ((SELECT coalesce(max(id), 0) + 1 FROM withdrawal), ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
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
	    "AND (?2 IS NULL OR w.requested >= ?2) "
	    "AND (?3 IS NULL OR w.requested < ?3) "
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
	    /* A fee (no entry) first on its day, as SQLite sorts a NULL
	     * and PostgreSQL must be told to; fees of a day by task. */
	    "ORDER BY 1, 2, 5 NULLS FIRST, 4",
	/* The parameters of every export: ?1 client, ?2 project, ?3 package,
	 * ?4 person, ?5 from, ?6 to: local days where the rows have days
	 * (entries); where they have instants (comments, events), the UTC
	 * instants that begin from and the day after to in the book's zone
	 * (hb_book_export), which the activities have as ?7 and ?8. */
	[SQL_EXPORT_ACTIVITIES] = "SELECT t.id, j.code, t.title, t.kind, "
	    "(SELECT handle FROM person WHERE id = t.assignee_id), "
	    /* A task done as deemed delivered (deemed.h) says so. */
	    "CASE WHEN t.status = 'done' AND (SELECT reason FROM event "
	    "WHERE entity = 'task' AND key = CAST(t.id AS TEXT) "
	    "AND what = 'status' AND new = 'done' ORDER BY id DESC LIMIT 1) "
	    "LIKE 'deemed delivered%' THEN 'deemed delivered' "
	    "ELSE t.status END, t.status, t.estimate, "
	    /* A task's totals are kept with its entries; only a period
	     * sums them. */
	    "CASE WHEN ?5 IS NULL AND ?6 IS NULL THEN t.worked ELSE "
	    "(SELECT coalesce(sum(e.minutes), 0) FROM entry e "
	    "WHERE e.task_id = t.id AND e.day BETWEEN coalesce(?5, '0000') "
	    "AND coalesce(?6, '9999')) END, "
	    "CASE WHEN ?5 IS NULL AND ?6 IS NULL THEN t.billed ELSE "
	    "(SELECT coalesce(sum(e.billable), 0) FROM entry e "
	    "WHERE e.task_id = t.id AND e.day BETWEEN coalesce(?5, '0000') "
	    "AND coalesce(?6, '9999')) END, "
	    "t.due, t.due_kind, t.extra, t.urgent, "
	    "(SELECT min(at) FROM event "
	    "WHERE entity = 'task' AND key = CAST(t.id AS TEXT) "
	    "AND what = 'status' AND new = 'delivered'), "
	    "(SELECT max(at) FROM event WHERE entity = 'task' "
	    "AND key = CAST(t.id AS TEXT) AND what = 'status' AND new = 'done'), "
	    /* What the client's sheet (sheet.c) shows beyond the CSV: names
	     * for handles, and when the task last changed. */
	    "(SELECT coalesce(nullif(name, ''), handle) FROM person "
	    "WHERE id = t.assignee_id), coalesce(nullif(j.name, ''), j.code), "
	    "t.updated, "
	    /* ... and the minutes beyond the packages (its Summary): kept
	     * with the task, summed from its entries for a period. */
	    "CASE WHEN ?5 IS NULL AND ?6 IS NULL THEN t.overage ELSE "
	    "(SELECT coalesce(sum(e.overage), 0) FROM entry e "
	    "WHERE e.task_id = t.id AND e.day BETWEEN coalesce(?5, '0000') "
	    "AND coalesce(?6, '9999')) END "
	    "FROM task t JOIN project j ON j.id = t.project_id "
	    "JOIN client c ON c.id = j.client_id "
	    /* The projects first, as a list the (project_id, status)
	     * index serves: else SQLite read every task of the book, and
	     * the entries of each in the period. */
	    "WHERE t.project_id IN (SELECT j2.id FROM project j2 JOIN client "
	    "c2 ON c2.id = j2.client_id WHERE (?1 IS NULL OR c2.name = ?1) "
	    "AND (?2 IS NULL OR j2.code = ?2) AND (?3 IS NULL OR j2.id = "
	    "(SELECT project_id FROM package WHERE id = ?3))) AND ?4 IS NULL "
	    "AND ((?5 IS NULL AND ?6 IS NULL) "
	    "OR ((?7 IS NULL OR t.created >= ?7) "
	    "AND (?8 IS NULL OR t.created < ?8)) "
	    "OR ((?7 IS NULL OR t.updated >= ?7) "
	    "AND (?8 IS NULL OR t.updated < ?8)) "
	    "OR EXISTS (SELECT 1 FROM entry e WHERE e.task_id = t.id "
	    "AND e.day BETWEEN coalesce(?5, '0000') AND coalesce(?6, '9999'))) "
	    "ORDER BY j.code, t.id",
#define EXPORT_ENTRIES(packages) "SELECT e.id, e.task_id, j.code, " \
	"c.name, p.handle, e.day, e.minutes, e.billable, e.overage, " \
	packages ", e.earned, c.currency, e.note, e.reverses, e.ref " \
	"FROM entry e JOIN task t ON t.id = e.task_id " \
	"JOIN project j ON j.id = t.project_id " \
	"JOIN client c ON c.id = j.client_id " \
	"JOIN person p ON p.id = e.person_id " \
	"WHERE (?1 IS NULL OR c.name = ?1) AND (?2 IS NULL OR j.code = ?2) " \
	"AND (?3 IS NULL OR e.package_id = ?3 OR EXISTS (SELECT 1 " \
	"FROM entry_split s WHERE s.entry_id = e.id AND s.package_id = ?3)) " \
	"AND (?4 IS NULL OR p.handle = ?4) " \
	"AND (?5 IS NULL OR e.day >= ?5) AND (?6 IS NULL OR e.day <= ?6) " \
	"ORDER BY e.id"
	[SQL_EXPORT_ENTRIES] = EXPORT_ENTRIES(ENTRY_PACKAGES),
	[SQL_EXPORT_COMMENTS] = "SELECT m.id, m.task_id, j.code, m.author, "
	    "m.reply_to, m.created, m.body FROM comment m "
	    "JOIN task t ON t.id = m.task_id "
	    "JOIN project j ON j.id = t.project_id "
	    "JOIN client c ON c.id = j.client_id "
	    "WHERE (?1 IS NULL OR c.name = ?1) AND (?2 IS NULL OR j.code = ?2) "
	    "AND ?3 IS NULL AND (?4 IS NULL OR m.author = ?4) "
	    "AND (?5 IS NULL OR m.created >= ?5) "
	    "AND (?6 IS NULL OR m.created < ?6) "
	    "ORDER BY m.id",
	[SQL_INVOICE_NEW] = "INSERT INTO invoice (id, project_id, package_id, "
	    "period, currency, created) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM invoice), ?, ?, ?, ?, ?) RETURNING id",
	[SQL_INVOICE_LINE] = "INSERT INTO invoice_line (invoice_id, line, kind, "
	    "description, quantity_minutes, unit_price, amount, task_id, "
	    "package_invoice_id, sales_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "?)",
	[SQL_STAFF_EXISTS] = "SELECT 1 FROM person WHERE role = 'staff' "
	    "LIMIT 1",
	[SQL_NAMES_CLIENT] = "SELECT name FROM client ORDER BY name",
	[SQL_NAMES_PERSON] = "SELECT handle FROM person ORDER BY handle",
	[SQL_NAMES_PROJECT] = "SELECT code FROM project ORDER BY code",
	[SQL_BATCH_FIND] = "SELECT id, name, records, actor, at FROM batch "
	    "WHERE command = ? AND digest = ? ORDER BY id LIMIT 1",
	[SQL_BATCH_INSERT] = "INSERT INTO batch (id, command, digest, name, "
	    "records, actor, at) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM batch), ?, ?, ?, ?, ?, ?)",
	[SQL_REQUEST_FIND] = "SELECT digest, output, at FROM request_key "
	    "WHERE command = ? AND actor = ? AND key = ?",
	[SQL_REQUEST_INSERT] = "INSERT INTO request_key (id, command, actor, key, "
	    "digest, output, at) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM request_key), ?, ?, ?, ?, ?, ?)",
	[SQL_PERSON_ROLE] = "SELECT role FROM person WHERE handle = ?",
#define TIMER_SELECT "SELECT t.person_id, p.handle, t.task_id, t.started, " \
	"t.note, t.actor FROM timer t JOIN person p ON p.id = t.person_id "
	[SQL_TIMER_GET] = TIMER_SELECT "WHERE t.person_id = ?",
	[SQL_TIMER_ALL] = TIMER_SELECT "WHERE ?1 = 0 OR t.person_id = ?1 "
	    "ORDER BY p.handle",
	[SQL_TIMER_INSERT] = "INSERT INTO timer (person_id, task_id, started, "
	    "note, actor, created) VALUES (?, ?, ?, ?, ?, ?)",
	[SQL_TIMER_DELETE] = "DELETE FROM timer WHERE person_id = ?",
	/* Rate histories (schema 16), ascending. */
	[SQL_RATES_PERSON] = "SELECT from_day, rate FROM person_rate "
	    "WHERE person_id = ? ORDER BY from_day",
	[SQL_RATES_PROJECT] = "SELECT from_day, rate FROM project_rate "
	    "WHERE project_id = ? ORDER BY from_day",
	[SQL_RATE_PERSON_PUT] = "INSERT INTO person_rate (person_id, "
	    "from_day, rate) VALUES (?1, ?2, ?3) ON CONFLICT (person_id, "
	    "from_day) DO UPDATE SET rate = excluded.rate",
	[SQL_RATE_PROJECT_PUT] = "INSERT INTO project_rate (project_id, "
	    "from_day, rate) VALUES (?1, ?2, ?3) ON CONFLICT (project_id, "
	    "from_day) DO UPDATE SET rate = excluded.rate",
	[SQL_RATE_PERSON_DELETE] = "DELETE FROM person_rate "
	    "WHERE person_id = ? AND from_day = ?",
	[SQL_RATE_PROJECT_DELETE] = "DELETE FROM project_rate "
	    "WHERE project_id = ? AND from_day = ?",
	[SQL_CLIENT_UPDATE] = "UPDATE client SET display_name = ?2, "
	    "email = ?3 WHERE id = ?1",
	[SQL_PERSON_UPDATE] = "UPDATE person SET name = ?2, email = ?3, "
	    "rate = ?4 WHERE id = ?1",
	[SQL_PROJECT_UPDATE] = "UPDATE project SET name = ?2, rate = ?3, "
	    "penalty_base = ?4, penalty_daily = ?5, support_hours = ?6, "
	    "priority = ?7, deemed_delivery = ?8 WHERE id = ?1",
	[SQL_PROJECT_SETTING_DELETE] = "DELETE FROM project_setting "
	    "WHERE project_id = ? AND key = ?",
	/* What the fees of a task credited so far (a reopened task that is
	 * done again is credited only the rest). */
	[SQL_FEE_CREDITED] = "SELECT coalesce(sum(amount), 0) FROM "
	    "money_ledger WHERE task_id = ? AND kind = 'fee'",
	/* Each freelancer's and project's rate beside the newest step of
	 * its history (NULL when it has none). */
	[SQL_CHECK_RATES] = "SELECT 'person', p.handle, p.rate, (SELECT "
	    "r.rate FROM person_rate r WHERE r.person_id = p.id ORDER BY "
	    "r.from_day DESC LIMIT 1) FROM person p WHERE p.role = 'freelancer' "
	    "UNION ALL SELECT 'project', j.code, j.rate, (SELECT r.rate FROM "
	    "project_rate r WHERE r.project_id = j.id ORDER BY r.from_day DESC "
	    "LIMIT 1) FROM project j ORDER BY 1, 2",
	/* Sales-share histories and the sales ledger (schema 17). */
	[SQL_SHARE_STEPS] = "SELECT from_month, minimum, kpi, threshold, "
	    "percent, cap FROM sales_share WHERE project_id = ? "
	    "ORDER BY from_month",
	[SQL_SHARE_PUT] = "INSERT INTO sales_share (project_id, from_month, "
	    "minimum, kpi, threshold, percent, cap) VALUES (?1, ?2, ?3, ?4, "
	    "?5, ?6, ?7) ON CONFLICT (project_id, from_month) DO UPDATE SET "
	    "minimum = excluded.minimum, kpi = excluded.kpi, threshold = "
	    "excluded.threshold, percent = excluded.percent, cap = excluded.cap",
	[SQL_SHARE_DELETE] = "DELETE FROM sales_share "
	    "WHERE project_id = ? AND from_month = ?",
	[SQL_SALES_INSERT] = "INSERT INTO sales (id, project_id, month, units, "
	    "revenue, note, reverses, reason, actor, created) VALUES ((SELECT "
	    "coalesce(max(id), 0) + 1 FROM sales), ?, ?, ?, ?, ?, ?, ?, ?, ?) "
	    "RETURNING id",
	[SQL_SALES_GET] = "SELECT x.id, x.project_id, j.code, c.currency, "
	    "x.month, x.units, x.revenue, x.note, x.reverses, x.reason, "
	    "x.actor, x.created FROM sales x JOIN project j "
	    "ON j.id = x.project_id JOIN client c ON c.id = j.client_id "
	    "WHERE x.id = ?",
	[SQL_EXPORT_EVENTS] = "SELECT id, at, actor, entity, key, what, old, "
	    "new, reason FROM event WHERE ?1 IS NULL AND ?2 IS NULL "
	    "AND ?3 IS NULL AND (?4 IS NULL OR actor = ?4) "
	    "AND (?5 IS NULL OR at >= ?5) "
	    "AND (?6 IS NULL OR at < ?6) ORDER BY id",
	/* book-check.  SQLite's own checks of its file, every finding
	 * (integrity_check stops at 100 unless told more). */
	/* What package_use says each package drew each day, beside what the
	 * entries of that day drew. */
	[SQL_CHECK_USE] = "SELECT package_id, day, sum(recorded), sum(drawn) "
	    "FROM (SELECT package_id, day, minutes AS recorded, 0 AS drawn "
	    "FROM package_use UNION ALL SELECT package_id, day, 0, "
	    "package_minutes FROM entry WHERE package_id IS NOT NULL "
	    "UNION ALL SELECT s.package_id, e.day, 0, s.minutes "
	    "FROM entry_split s JOIN entry e ON e.id = s.entry_id) d "
	    "GROUP BY package_id, day ORDER BY package_id, day",
	/* What package_month says each package drew each month, beside
	 * what package_use says of its days. */
	[SQL_CHECK_MONTHS] = "SELECT package_id, month, sum(recorded), "
	    "sum(drawn) FROM (SELECT package_id, month, minutes AS recorded, "
	    "0 AS drawn FROM package_month UNION ALL SELECT package_id, "
	    "substr(day, 1, 8) || '01', 0, minutes FROM package_use) d "
	    "GROUP BY package_id, month ORDER BY package_id, month",
	/* What person_earned says each person earned in each currency,
	 * beside what their entries earned. */
	[SQL_CHECK_EARNED] = "SELECT p.handle, d.currency, sum(d.recorded), "
	    "sum(d.earned) FROM (SELECT person_id, currency, earned AS "
	    "recorded, 0 AS earned FROM person_earned UNION ALL SELECT "
	    "e.person_id, c.currency, 0, e.earned FROM entry e JOIN task t "
	    "ON t.id = e.task_id JOIN project j ON j.id = t.project_id "
	    "JOIN client c ON c.id = j.client_id WHERE e.earned <> 0) d "
	    "JOIN person p ON p.id = d.person_id "
	    "GROUP BY p.handle, d.currency ORDER BY p.handle, d.currency",
	/* What the entries dated until ?1 drew from each package. */
	[SQL_CHECK_DRAWS] = "SELECT package_id, sum(minutes) FROM ("
	    "SELECT package_id, package_minutes AS minutes FROM entry "
	    "WHERE package_id IS NOT NULL AND day <= ?1 UNION ALL "
	    "SELECT s.package_id, s.minutes FROM entry_split s "
	    "JOIN entry e ON e.id = s.entry_id WHERE e.day <= ?1) d "
	    "GROUP BY package_id ORDER BY package_id",
	[SQL_CHECK_TASK_TOTALS] = "SELECT t.id, t.worked, t.billed, "
	    "coalesce(sum(e.minutes), 0), coalesce(sum(e.billable), 0), "
	    "t.overage, coalesce(sum(e.overage), 0) "
	    "FROM task t LEFT JOIN entry e ON e.task_id = t.id "
	    "GROUP BY t.id, t.worked, t.billed, t.overage ORDER BY t.id",
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

/* Statements the PostgreSQL engine needs in its own words (counted: the
 * test of the two engines' statements lists them). */
static const char *const sql_pg[SQL_COUNT] = {
	[SQL_PROJECT_GET] = PROJECT_GET(PROJECT_COLUMNS_PG),
	[SQL_PROJECT_ALL] = PROJECT_ALL(PROJECT_COLUMNS_PG),
	[SQL_EXPORT_ENTRIES] = EXPORT_ENTRIES(ENTRY_PACKAGES_PG),
	[SQL_ENTRY_INSERT] = ENTRY_INSERT " RETURNING id",
};

/* Statements that may return very many rows (exports). */
static const unsigned sql_flags[SQL_COUNT] = {
	[SQL_EXPORT_ACTIVITIES] = HB_STMT_STREAM,
	[SQL_EXPORT_ENTRIES] = HB_STMT_STREAM,
	[SQL_EXPORT_COMMENTS] = HB_STMT_STREAM,
	[SQL_EXPORT_EVENTS] = HB_STMT_STREAM,
	[SQL_EARNING_SELECT] = HB_STMT_STREAM,
	[SQL_WITHDRAWAL_SELECT] = HB_STMT_STREAM,
	[SQL_TASK_SELECT] = HB_STMT_STREAM,
};

/* ---- statements ------------------------------------------------------------
 *
 * A statement is prepared once per book, on first use, and kept: the hot
 * paths of a batch bind and step the same statement a million times.
 * Every use ends with done(), so a helper never leaves one half-stepped.
 */

struct stmt {
	struct hb_book *book;
	const struct hb_engine *e;
	struct hb_engine_stmt *s;
	const char *sql;
	bool writes;		/* INSERT, UPDATE or DELETE */
	bool reads_entries;	/* sees entry or entry_split: the bulk rows
				   go first */
};

static void bulk_flush(struct hb_book *b);

/* ",done,rejected,cancelled,": the states no move leaves. */
static const char *
final_states(void)
{
	static char buf[HB_TASK_STATE_LIST_BUFSZ];

	return buf[0] ? buf : hb_task_state_list(hb_task_state_final, buf,
	    sizeof buf);
}
static void settings_forget(struct hb_book *b);
static void bulk_discard(struct hb_book *b);

static struct stmt *
prepared(struct hb_book *b, size_t id, const char *text, unsigned flags)
{
	struct stmt *st;

	if (id >= b->nstmts) {
		size_t n = SQL_COUNT + HB_Q_COUNT;

		b->stmts = hb_xrealloc(b->stmts, n * sizeof *b->stmts);
		memset(b->stmts + b->nstmts, 0, (n - b->nstmts) *
		    sizeof *b->stmts);
		b->nstmts = n;
	}
	if (b->stmts[id] == NULL) {
		st = hb_xcalloc(1, sizeof *st);
		st->book = b;
		st->e = b->engine;
		st->sql = text;
		st->writes = strncmp(text, "INSERT", 6) == 0 ||
		    strncmp(text, "UPDATE", 6) == 0 ||
		    strncmp(text, "DELETE", 6) == 0;
		/* Every statement that names the table may read it (an
		 * entry's reference is answered from the waiting rows). */
		st->reads_entries = strstr(text, "entry") != NULL &&
		    id != SQL_ENTRY_BY_REF;
		st->s = b->engine->prepare(b, text, flags);
		b->stmts[id] = st;
	}
	return b->stmts[id];
}

static struct stmt *
stmt(struct hb_book *b, enum sql_id id)
{
	const char *text = b->engine == &hb_engine_postgresql &&
	    sql_pg[id] != NULL ? sql_pg[id] : sql[id];

	return prepared(b, id, text, sql_flags[id]);
}

/* Step s: true for a row, false when done. */
static bool
step(struct hb_book *b, struct stmt *s)
{
	(void)b;
	if (s->reads_entries && s->book->bulk != NULL)
		bulk_flush(s->book);
	if (s->writes)
		s->book->wrote = true;
	return s->e->step(s->book, s->s);
}

static void
done(struct hb_book *b, struct stmt *s)
{
	(void)b;
	s->e->reset(s->book, s->s);
}

static void
bind_int(struct stmt *s, int i, int64_t v)
{
	s->e->bind_int(s->s, i, v);
}

static void
bind_null_int(struct stmt *s, int i)
{
	s->e->bind_null_int(s->s, i);
}

static void
bind_optional_int(struct stmt *s, int i, bool present, int64_t v)
{
	if (present)
		bind_int(s, i, v);
	else
		bind_null_int(s, i);
}

/* NULL binds a NULL. */
static void
bind_text(struct stmt *s, int i, const char *v)
{
	s->e->bind_text(s->s, i, v);
}

static bool
col_null(struct stmt *s, int i)
{
	return s->e->column_null(s->s, i);
}

static int64_t
col_int(struct stmt *s, int i)
{
	return s->e->column_int(s->s, i);
}

/* Borrowed until the next step. */
static const char *
col_text(struct stmt *s, int i)
{
	return s->e->column_text(s->s, i);
}

/* A copy of column i (the caller's), or NULL. */
static char *
column_text(struct stmt *s, int i)
{
	const char *t = col_text(s, i);

	return t ? hb_xstrdup(t) : NULL;
}

/* Run an INSERT ... RETURNING id and give the id. */
static int64_t
insert_id(struct hb_book *b, struct stmt *s)
{
	int64_t id = 0;

	if (step(b, s))
		id = col_int(s, 0);
	done(b, s);
	return id;
}

/* Fetch the one row statement `id` finds for a text or an integer key
 * (key NULL: the integer), reading it into out with read(). */
static bool
get_row(struct hb_book *b, enum sql_id id, const char *key, int64_t number,
    void (*read)(struct stmt *, void *), void *out)
{
	struct stmt *s = stmt(b, id);
	bool found;

	if (key != NULL)
		bind_text(s, 1, key);
	else
		bind_int(s, 1, number);
	found = step(b, s);
	if (found)
		read(s, out);
	done(b, s);
	return found;
}

/* ---- damage and totals: what both engines say the same way ---------------- */

char *
hb_book_printable(const char *msg)
{
	char *text = hb_xstrdup(msg ? msg : "");

	for (unsigned char *p = (unsigned char *)text; *p; p++)
		if (*p < 0x20 || *p > 0x7e)
			*p = '?';
	return text;
}

void
hb_book_damaged(struct hb_book *b, char *reason)
{
	if (b->trap != NULL) {
		b->damage = reason;
		longjmp(*b->trap, 1);
	}
	hb_die(HB_EXIT_IO, "%s: the book is damaged (%s): run book-check, and "
	    "restore the book from a backup", b->shown ? b->shown : b->location,
	    reason);
}

const char *
hb_book_total_of(struct hb_book *b, const char *text)
{
	static const struct {
		enum sql_id id;
		const char *total;
	} named[] = {
		{ SQL_MONEY_SUMS, "the person's earnings" },
		{ SQL_SCOPE_LOADS, "the minutes loaded on a package" },
		{ SQL_EXPORT_ACTIVITIES, "the minutes logged on a task" },
	};

	(void)b;
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (text != NULL && (strcmp(text, sql[named[i].id]) == 0 ||
		    (sql_pg[named[i].id] != NULL &&
		    strcmp(text, sql_pg[named[i].id]) == 0)))
			return named[i].total;
	return "a sum in the book";
}

void
hb_book_fail(struct hb_book *b, int status, const char *fmt, ...)
{
	va_list ap;
	char buf[1024];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	hb_die(status, "%s: %s", b->shown ? b->shown : b->location, buf);
}

/* ---- opening ---------------------------------------------------------------- */

/* A PostgreSQL location is a URL (postgresql://, postgres://) or libpq's
 * keyword form, whose first word is a keyword and "=" ("host=db
 * dbname=hourbook", "service=agency"); anything else is a SQLite path
 * (a file named "x=y" is written ./x=y). */
static const struct hb_engine *
engine_for(const char *location)
{
	const char *p = location + strspn(location, " \t");
	size_t word = strspn(p, "abcdefghijklmnopqrstuvwxyz_");

	if (strncmp(location, "postgresql://", 13) == 0 ||
	    strncmp(location, "postgres://", 11) == 0)
		return &hb_engine_postgresql;
	if (word > 0 && p[word + strspn(p + word, " \t")] == '=')
		return &hb_engine_postgresql;
	return &hb_engine_sqlite;
}

bool
hb_book_location_is_server(const char *location)
{
	return engine_for(location) == &hb_engine_postgresql;
}

/* The migration scripts of each engine, by the version they make
 * (generated from schema/ENGINE/NNN-*.sql by cmake/EmbedSchema.cmake). */
extern const char *const hb_schema_sqlite[];
extern const char *const hb_schema_pg[];
extern const int hb_schema_latest;

/* Inside the write transaction: take the book from version to the
 * current schema.  An engine's first script may make the book at a later
 * version (PostgreSQL books start at 7). */
static void
run_scripts(struct hb_book *b, int64_t version)
{
	const char *const *scripts = b->engine == &hb_engine_postgresql
	    ? hb_schema_pg : hb_schema_sqlite;

	if (hb_schema_latest != HB_SCHEMA_VERSION)
		hb_die(HB_EXIT_SOFTWARE, "schema scripts stop at %d, the code "
		    "at %d", hb_schema_latest, HB_SCHEMA_VERSION);
	for (int64_t v = version + 1; v <= HB_SCHEMA_VERSION; v++)
		if (scripts[v] != NULL)
			b->engine->migrate(b, scripts[v], v);
}

/* The book's identity (schema 13): 32 random hex digits, put once, by
 * the writer that makes or upgrades the book; a copy keeps its source's
 * (book-copy copies the settings).  The client's sheet records it, and
 * task-set --sheet applies a sheet only to the book it was made from. */
static void
book_id(struct hb_book *b)
{
	unsigned char bytes[16];
	char hex[2 * sizeof bytes + 1], *id;
	size_t got = 0;

	if ((id = hb_book_setting(b, "book.id")) != NULL) {
		free(id);
		return;
	}
	while (got < sizeof bytes) {
		ssize_t n = getrandom(bytes + got, sizeof bytes - got, 0);

		if (n < 0)
			hb_die(HB_EXIT_IO, "cannot read random bytes for the "
			    "book's identity");
		got += (size_t)n;
	}
	for (size_t i = 0; i < sizeof bytes; i++)
		snprintf(hex + 2 * i, 3, "%02x", bytes[i]);
	hb_book_setting_put(b, "book.id", hex);
}

/* Bring the book to the current schema in one write transaction; true
 * when this call made a new book of an empty one. */
static bool
migrate(struct hb_book *b, const struct hb_book_config *cfg)
{
	int64_t version = b->engine->version(b);
	char *zone;
	bool made;

	if (hb_schema_latest != HB_SCHEMA_VERSION)
		hb_die(HB_EXIT_SOFTWARE, "schema scripts stop at %d, the code "
		    "at %d", hb_schema_latest, HB_SCHEMA_VERSION);
	if (version == HB_SCHEMA_VERSION)
		return false;
	if (version > HB_SCHEMA_VERSION)
		hb_book_fail(b, HB_EXIT_IO, "the book has schema version %lld, "
		    "newer than this hourbook understands (%d): upgrade hourbook",
		    (long long)version, HB_SCHEMA_VERSION);
	/* A reader never changes the book: the upgrade is a writer's. */
	if (cfg->mode == HB_BOOK_READ)
		hb_book_fail(b, HB_EXIT_IO, "the book has schema version %lld "
		    "and this hourbook uses %d: the next writing command (a "
		    "setup command, hours-log, task-set ...) upgrades it, once",
		    (long long)version, HB_SCHEMA_VERSION);
	b->engine->begin_write(b);
	b->in_transaction = true;
	/* Another process may have migrated while we waited for the lock. */
	version = b->engine->version(b);
	made = version == 0;
	run_scripts(b, version);
	if ((zone = hb_book_setting(b, "timezone")) == NULL) {
		if (cfg->zone == NULL)
			hb_die(HB_EXIT_SOFTWARE, "a book without a time zone");
		hb_book_setting_put(b, "timezone", cfg->zone);
	}
	free(zone);
	book_id(b);
	/* Whoever makes a book decides whether its clock may come from
	 * outside (session.c). */
	if (made && cfg->clock_override)
		hb_book_setting_put(b, "clock.override", "on");
	b->engine->commit(b);
	b->in_transaction = false;
	return made;
}

/* Open cfg's location with its engine, which refuses what is not a book
 * and an empty book to all but a setup command. */
static void
attach(struct hb_book *b, const struct hb_book_config *cfg)
{
	b->engine = engine_for(cfg->location);
	b->location = hb_xstrdup(cfg->location);
	b->busy_ms = cfg->busy_ms;
	b->actor = hb_xstrdup("hourbook");
	b->engine->open(b, cfg);
}

static struct hb_book *
connect_into(struct hb_book *b, const struct hb_book_config *cfg,
    bool *made)
{
	attach(b, cfg);
	*made = migrate(b, cfg);
	return b;
}

struct hb_book *
hb_book_connect(const struct hb_book_config *cfg, bool *made)
{
	return connect_into(hb_xcalloc(1, sizeof(struct hb_book)), cfg, made);
}

struct hb_book *
hb_book_connect_check(const struct hb_book_config *cfg, char **damage)
{
	struct hb_book *b = hb_xcalloc(1, sizeof *b);
	jmp_buf trap;
	bool made;

	*damage = NULL;
	/* Nothing of ours is allocated between here and the jump but what
	 * b holds, and the jump comes from an engine's error path. */
	if (setjmp(trap) != 0) {
		*damage = b->damage;
		b->damage = NULL;
		b->engine->close(b);
		free(b->location);
		free(b->shown);
		free(b->actor);
		free(b);
		return NULL;
	}
	b->trap = &trap;
	connect_into(b, cfg, &made);
	b->trap = NULL;
	b->tolerant = true;
	return b;
}

struct hb_book *
hb_book_connect_new(const struct hb_book_config *cfg, int64_t *version)
{
	struct hb_book *b = hb_xcalloc(1, sizeof *b);
	jmp_buf trap;

	/* What the engine takes for a damaged book is, here, something
	 * else in the way: not an empty place, and not to be checked. */
	if (setjmp(trap) != 0)
		hb_book_fail(b, HB_EXIT_IO, "not an empty place for a new book "
		    "(%s): nothing was changed", b->damage);
	b->trap = &trap;
	attach(b, cfg);
	b->trap = NULL;
	/* A book is refused without waiting for its lock, and looked at
	 * again under the lock: another process may make one meanwhile. */
	if ((*version = b->engine->version(b)) != 0)
		return b;
	hb_book_begin(b);
	if ((*version = b->engine->version(b)) != 0) {
		hb_book_rollback(b);
		return b;
	}
	run_scripts(b, 0);
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
hb_book_set_context(struct hb_book *b, const char *actor, const char *now)
{
	free(b->actor);
	b->actor = hb_xstrdup(actor);
	snprintf(b->now, sizeof b->now, "%s", now);
}

void
hb_book_on_commit(struct hb_book *b, void (*fn)(struct hb_book *, void *),
    void *ctx)
{
	b->on_commit = fn;
	b->on_commit_ctx = ctx;
}

const char *
hb_book_location(const struct hb_book *b)
{
	return b->shown ? b->shown : b->location;
}

const char *
hb_book_engine(const struct hb_book *b)
{
	return b->engine->name;
}

void
hb_book_close(struct hb_book *b)
{
	if (b == NULL)
		return;
	for (size_t i = 0; i < b->nstmts; i++)
		if (b->stmts[i] != NULL) {
			b->engine->finalize(b, b->stmts[i]->s);
			free(b->stmts[i]);
		}
	free(b->stmts);
	bulk_discard(b);
	settings_forget(b);
	/* A reader's snapshot ends here; a writer that did not commit
	 * wrote nothing. */
	if (b->in_transaction && b->conn != NULL)
		b->engine->rollback(b);
	b->engine->close(b);
	free(b->damage);
	free(b->location);
	free(b->shown);
	free(b->actor);
	free(b);
}

void
hb_book_verify(struct hb_book *b)
{
	b->engine->verify(b);
}

void
hb_book_begin(struct hb_book *b)
{
	settings_forget(b);
	b->engine->begin_write(b);
	b->in_transaction = true;
	b->wrote = false;
}

void
hb_book_begin_read(struct hb_book *b)
{
	settings_forget(b);
	b->engine->begin_read(b);
	b->in_transaction = true;
}

void
hb_book_commit(struct hb_book *b)
{
	bulk_flush(b);
	if (b->wrote && b->on_commit != NULL)
		b->on_commit(b, b->on_commit_ctx);
	b->engine->commit(b);
	b->in_transaction = false;
	settings_forget(b);
}

void
hb_book_rollback(struct hb_book *b)
{
	bulk_discard(b);
	settings_forget(b);
	b->engine->rollback(b);
	b->in_transaction = false;
}

char *
hb_book_person_role(struct hb_book *b, const char *handle)
{
	struct stmt *s = stmt(b, SQL_PERSON_ROLE);
	char *role = NULL;

	bind_text(s, 1, handle);
	if (step(b, s))
		role = column_text(s, 0);
	done(b, s);
	return role;
}

void
hb_book_check_storage(struct hb_book *b,
    void (*fn)(void *ctx, const char *message), void *ctx)
{
	b->engine->check_storage(b, fn, ctx);
}

void
hb_book_check_references(struct hb_book *b,
    void (*fn)(void *ctx, const char *table, int64_t rowid,
    const char *parent), void *ctx)
{
	b->engine->check_references(b, fn, ctx);
}

void
hb_book_check_wal(struct hb_book *b, void (*fn)(void *ctx,
    const char *message), void *ctx)
{
	b->engine->check_wal(b, fn, ctx);
}

/* ---- settings and events ----------------------------------------------- */

/* ---- settings ------------------------------------------------------------
 *
 * The book's settings and the projects' are read many times a command
 * (sla-check asks for a rule's hours once per task): they are read once
 * a transaction, all of them, and looked up here.  A transaction's start
 * and end forget them (another process may change them in between), as
 * does a change made here.
 */

struct setting {
	int64_t project_id;	/* 0: the book's */
	char *key, *value;
};

struct settings {
	struct setting *v;
	size_t n;
};

static int
setting_cmp(const void *a, const void *b)
{
	const struct setting *x = a, *y = b;

	if (x->project_id != y->project_id)
		return x->project_id < y->project_id ? -1 : 1;
	return strcmp(x->key, y->key);
}

static void
settings_forget(struct hb_book *b)
{
	struct settings *c = b->settings;

	if (c == NULL)
		return;
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].key);
		free(c->v[i].value);
	}
	free(c->v);
	free(c);
	b->settings = NULL;
}

static const char *
setting_of(struct hb_book *b, int64_t project_id, const char *key)
{
	struct setting want = { project_id, (char *)key, NULL }, *hit;
	struct settings *c = b->settings;

	if (c == NULL) {
		struct stmt *s = stmt(b, SQL_SETTING_ALL);
		size_t cap = 0;

		c = hb_xcalloc(1, sizeof *c);
		while (step(b, s)) {
			if (c->n == cap) {
				cap = cap ? 2 * cap : 32;
				c->v = hb_xrealloc(c->v, cap * sizeof *c->v);
			}
			c->v[c->n].project_id = col_int(s, 0);
			c->v[c->n].key = column_text(s, 1);
			c->v[c->n].value = column_text(s, 2);
			c->n++;
		}
		done(b, s);
		if (c->n > 0)
			qsort(c->v, c->n, sizeof *c->v, setting_cmp);
		b->settings = c;
	}
	if (c->n == 0)
		return NULL;
	hit = bsearch(&want, c->v, c->n, sizeof *c->v, setting_cmp);
	return hit ? hit->value : NULL;
}

char *
hb_book_setting(struct hb_book *b, const char *key)
{
	const char *v = setting_of(b, 0, key);

	return v ? hb_xstrdup(v) : NULL;
}

void
hb_book_setting_put(struct hb_book *b, const char *key, const char *value)
{
	struct stmt *s = stmt(b, SQL_SETTING_PUT);

	settings_forget(b);
	bind_text(s, 1, key);
	bind_text(s, 2, value);
	step(b, s);
	done(b, s);
}

char *
hb_book_project_setting(struct hb_book *b, int64_t project_id,
    const char *key)
{
	const char *v = setting_of(b, project_id, key);

	return v ? hb_xstrdup(v) : NULL;
}

void
hb_book_project_setting_put(struct hb_book *b, int64_t project_id,
    const char *key, const char *value)
{
	struct stmt *s = stmt(b, SQL_PROJECT_SETTING_PUT);

	settings_forget(b);
	bind_int(s, 1, project_id);
	bind_text(s, 2, key);
	bind_text(s, 3, value);
	step(b, s);
	done(b, s);
}

void
hb_book_project_setting_delete(struct hb_book *b, int64_t project_id,
    const char *key)
{
	struct stmt *s = stmt(b, SQL_PROJECT_SETTING_DELETE);

	settings_forget(b);
	bind_int(s, 1, project_id);
	bind_text(s, 2, key);
	step(b, s);
	done(b, s);
}

void
hb_book_event(struct hb_book *b, const char *entity, const char *key,
    const char *what, const char *old_value, const char *new_value,
    const char *reason)
{
	hb_book_event_at(b, b->now, entity, key, what, old_value, new_value,
	    reason);
}

void
hb_book_event_at(struct hb_book *b, const char *at, const char *entity,
    const char *key, const char *what, const char *old_value,
    const char *new_value, const char *reason)
{
	struct stmt *s = stmt(b, SQL_EVENT_INSERT);

	bind_text(s, 1, at);
	bind_text(s, 2, b->actor);
	bind_text(s, 3, entity);
	bind_text(s, 4, key);
	bind_text(s, 5, what);
	bind_text(s, 6, old_value);
	bind_text(s, 7, new_value);
	bind_text(s, 8, reason);
	step(b, s);
	done(b, s);
}

void
hb_book_event_id(struct hb_book *b, const char *entity, int64_t id,
    const char *what, const char *old_value, const char *new_value,
    const char *reason)
{
	char key[24];

	snprintf(key, sizeof key, "%lld", (long long)id);
	hb_book_event(b, entity, key, what, old_value, new_value, reason);
}

/* ---- holidays ---------------------------------------------------------- */

bool
hb_book_holiday(struct hb_book *b, hb_day day, char **name)
{
	struct stmt *s = stmt(b, SQL_HOLIDAY_GET);
	char buf[HB_DATE_BUFSZ];
	bool found;

	bind_text(s, 1, hb_date_format(day, buf));
	found = step(b, s);
	if (found && name != NULL)
		*name = column_text(s, 0);
	done(b, s);
	return found;
}

void
hb_book_holiday_insert(struct hb_book *b, hb_day day, const char *name)
{
	struct stmt *s = stmt(b, SQL_HOLIDAY_INSERT);
	char buf[HB_DATE_BUFSZ];

	bind_text(s, 1, hb_date_format(day, buf));
	bind_text(s, 2, name ? name : "");
	step(b, s);
	done(b, s);
}

hb_day *
hb_book_holidays(struct hb_book *b, size_t *count)
{
	struct stmt *s = stmt(b, SQL_HOLIDAY_ALL);
	hb_day *days = NULL;
	size_t n = 0, cap = 0;

	while (step(b, s)) {
		hb_day d;

		if (hb_date_parse(col_text(s, 0), &d,
		    NULL) != 0)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 32;
			days = hb_xrealloc(days, cap * sizeof *days);
		}
		days[n++] = d;
	}
	done(b, s);
	*count = n;
	return days;
}

/* ---- clients, people, projects, teams ----------------------------------- */

static void
read_client(struct stmt *s, void *out)
{
	struct hb_client *c = out;
	c->id = col_int(s, 0);
	c->name = column_text(s, 1);
	c->display_name = column_text(s, 2);
	c->email = column_text(s, 3);
	c->currency = column_text(s, 4);
	c->contact = column_text(s, 5);
	c->created = column_text(s, 6);
	c->lang = column_text(s, 7);
}

bool
hb_book_client_get(struct hb_book *b, const char *name, struct hb_client *out)
{
	return get_row(b, SQL_CLIENT_GET, name, 0, read_client, out);
}

void
hb_book_client_insert(struct hb_book *b, struct hb_client *c)
{
	struct stmt *s = stmt(b, SQL_CLIENT_INSERT);

	bind_text(s, 1, c->name);
	bind_text(s, 2, c->display_name);
	bind_text(s, 3, c->email);
	bind_text(s, 4, c->currency);
	bind_text(s, 5, c->created);
	bind_text(s, 6, c->lang);
	c->id = insert_id(b, s);
}

void
hb_book_client_set_contact(struct hb_book *b, int64_t client_id,
    int64_t person_id)
{
	struct stmt *s = stmt(b, SQL_CLIENT_SET_CONTACT);

	bind_int(s, 1, person_id);
	bind_int(s, 2, client_id);
	step(b, s);
	done(b, s);
}

void
hb_book_each_client(struct hb_book *b,
    void (*fn)(void *ctx, const struct hb_client *), void *ctx)
{
	struct stmt *s = stmt(b, SQL_CLIENT_ALL);
	struct hb_client c;

	while (step(b, s)) {
		read_client(s, &c);
		fn(ctx, &c);
		hb_client_release(&c);
	}
	done(b, s);
}

static void
read_person(struct stmt *s, void *out)
{
	struct hb_person *p = out;
	p->id = col_int(s, 0);
	p->handle = column_text(s, 1);
	p->name = column_text(s, 2);
	p->email = column_text(s, 3);
	p->role = column_text(s, 4);
	p->rate = col_int(s, 5);
	p->client_id = col_int(s, 6);
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
	struct stmt *s = stmt(b, SQL_PERSON_INSERT);

	bind_text(s, 1, p->handle);
	bind_text(s, 2, p->name);
	bind_text(s, 3, p->email);
	bind_text(s, 4, p->role);
	bind_int(s, 5, p->rate);
	if (p->client_id > 0)
		bind_int(s, 6, p->client_id);
	else
		bind_null_int(s, 6);
	bind_text(s, 7, p->created);
	p->id = insert_id(b, s);
}

void
hb_book_each_person(struct hb_book *b, const char *client,
    const char *project, void (*fn)(void *ctx, const struct hb_person *),
    void *ctx)
{
	struct stmt *s = stmt(b, SQL_PERSON_ALL);
	struct hb_person p;

	bind_text(s, 1, client);
	bind_text(s, 2, project);
	while (step(b, s)) {
		read_person(s, &p);
		fn(ctx, &p);
		hb_person_release(&p);
	}
	done(b, s);
}

/* A step of a sales-share history from column `at` on: from_month,
 * minimum, kpi, threshold, percent, cap; month is "" when the step is
 * missing (NULL). */
static void
read_share(struct stmt *s, int at, char month[8], struct hb_share_terms *t)
{
	const char *m = col_text(s, at);

	memset(t, 0, sizeof *t);
	snprintf(month, 8, "%s", m ? m : "");
	if (col_null(s, at + 2))
		return;
	t->active = true;
	t->minimum = col_int(s, at + 1);
	t->by_revenue = strcmp(col_text(s, at + 2), "revenue") == 0;
	t->threshold = col_int(s, at + 3);
	t->percent = (int32_t)col_int(s, at + 4);
	t->has_cap = !col_null(s, at + 5);
	t->cap = t->has_cap ? col_int(s, at + 5) : 0;
}

static void
read_project(struct stmt *s, void *out)
{
	struct hb_project *p = out;
	p->id = col_int(s, 0);
	p->code = column_text(s, 1);
	p->client_id = col_int(s, 2);
	p->client = column_text(s, 3);
	p->currency = column_text(s, 4);
	p->name = column_text(s, 5);
	p->rate = col_int(s, 6);
	p->model = column_text(s, 7);
	p->has_penalty = !col_null(s, 8);
	p->penalty_base = (int)col_int(s, 8);
	p->penalty_daily = (int)col_int(s, 9);
	p->sla = column_text(s, 10);
	p->created = column_text(s, 11);
	read_share(s, 12, p->share_from, &p->share);
	p->support_hours = column_text(s, 18);
	p->priority = column_text(s, 19);
	p->deemed_delivery = col_int(s, 20) != 0;
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
	struct stmt *s = stmt(b, SQL_PROJECT_INSERT);

	bind_text(s, 1, p->code);
	bind_int(s, 2, p->client_id);
	bind_text(s, 3, p->name);
	bind_int(s, 4, p->rate);
	bind_text(s, 5, p->model);
	if (p->has_penalty) {
		bind_int(s, 6, p->penalty_base);
		bind_int(s, 7, p->penalty_daily);
	} else {
		bind_null_int(s, 6);
		bind_null_int(s, 7);
	}
	bind_text(s, 8, p->created);
	bind_text(s, 9, p->support_hours);
	bind_text(s, 10, p->priority);
	bind_int(s, 11, p->deemed_delivery);
	p->id = insert_id(b, s);
}

void
hb_book_client_update(struct hb_book *b, const struct hb_client *c)
{
	struct stmt *s = stmt(b, SQL_CLIENT_UPDATE);

	bind_int(s, 1, c->id);
	bind_text(s, 2, c->display_name);
	bind_text(s, 3, c->email);
	step(b, s);
	done(b, s);
}

void
hb_book_person_update(struct hb_book *b, const struct hb_person *p)
{
	struct stmt *s = stmt(b, SQL_PERSON_UPDATE);

	bind_int(s, 1, p->id);
	bind_text(s, 2, p->name);
	bind_text(s, 3, p->email);
	bind_int(s, 4, p->rate);
	step(b, s);
	done(b, s);
}

void
hb_book_project_update(struct hb_book *b, const struct hb_project *p)
{
	struct stmt *s = stmt(b, SQL_PROJECT_UPDATE);

	bind_int(s, 1, p->id);
	bind_text(s, 2, p->name);
	bind_int(s, 3, p->rate);
	bind_optional_int(s, 4, p->has_penalty, p->penalty_base);
	bind_optional_int(s, 5, p->has_penalty, p->penalty_daily);
	bind_text(s, 6, p->support_hours);
	bind_text(s, 7, p->priority);
	bind_int(s, 8, p->deemed_delivery);
	step(b, s);
	done(b, s);
}

void
hb_book_project_window(struct hb_book *b, int64_t project_id, hb_day day,
    char **override, char **plan)
{
	struct stmt *s = stmt(b, SQL_PROJECT_WINDOW);
	char text[HB_DATE_BUFSZ];

	bind_int(s, 1, project_id);
	bind_text(s, 2, hb_date_format(day, text));
	*override = *plan = NULL;
	if (step(b, s)) {
		*override = column_text(s, 0);
		*plan = column_text(s, 1);
	}
	done(b, s);
}

bool
hb_book_project_top(struct hb_book *b, int64_t project_id, hb_day day)
{
	struct stmt *s = stmt(b, SQL_PROJECT_TOP);
	char text[HB_DATE_BUFSZ];
	bool top = false;

	bind_int(s, 1, project_id);
	bind_text(s, 2, hb_date_format(day, text));
	if (step(b, s))
		top = strcmp(col_text(s, 0), "top") == 0;
	done(b, s);
	return top;
}

/* The first step of a history is dated 0001-01-01, before the dates a
 * user may type (hb_date_parse takes 1900 on). */
static bool
rate_day(const char *text, hb_day *day)
{
	if (text == NULL)
		return false;
	if (strcmp(text, "0001-01-01") == 0) {
		*day = HB_DAY_MIN;
		return true;
	}
	return hb_date_parse(text, day, NULL) == 0;
}

size_t
hb_book_rates(struct hb_book *b, enum hb_rate_of of, int64_t id,
    struct hb_rate_step **out)
{
	struct stmt *s = stmt(b, of == HB_RATE_PERSON ? SQL_RATES_PERSON
	    : SQL_RATES_PROJECT);
	struct hb_rate_step *steps = NULL;
	size_t n = 0, cap = 0;
	hb_day day;

	bind_int(s, 1, id);
	while (step(b, s)) {
		if (!rate_day(col_text(s, 0), &day))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 4;
			steps = hb_xrealloc(steps, cap * sizeof *steps);
		}
		steps[n].from = day;
		steps[n++].rate = col_int(s, 1);
	}
	done(b, s);
	*out = steps;
	return n;
}

void
hb_book_rate_put(struct hb_book *b, enum hb_rate_of of, int64_t id,
    hb_day from, int64_t rate)
{
	struct stmt *s = stmt(b, of == HB_RATE_PERSON ? SQL_RATE_PERSON_PUT
	    : SQL_RATE_PROJECT_PUT);
	char day[HB_DATE_BUFSZ];

	bind_int(s, 1, id);
	bind_text(s, 2, hb_date_format(from, day));
	bind_int(s, 3, rate);
	step(b, s);
	done(b, s);
}

void
hb_book_rate_delete(struct hb_book *b, enum hb_rate_of of, int64_t id,
    hb_day from)
{
	struct stmt *s = stmt(b, of == HB_RATE_PERSON ? SQL_RATE_PERSON_DELETE
	    : SQL_RATE_PROJECT_DELETE);
	char day[HB_DATE_BUFSZ];

	bind_int(s, 1, id);
	bind_text(s, 2, hb_date_format(from, day));
	step(b, s);
	done(b, s);
}

void
hb_book_each_project(struct hb_book *b, const char *client,
    void (*fn)(void *ctx, const struct hb_project *), void *ctx)
{
	struct stmt *s = stmt(b, SQL_PROJECT_ALL);
	struct hb_project p;

	bind_text(s, 1, client);
	while (step(b, s)) {
		read_project(s, &p);
		fn(ctx, &p);
		hb_project_release(&p);
	}
	done(b, s);
}

bool
hb_book_staff_exists(struct hb_book *b)
{
	struct stmt *s = stmt(b, SQL_STAFF_EXISTS);
	bool found = step(b, s);

	done(b, s);
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
	struct stmt *s = stmt(b, ids[kind]);

	while (step(b, s))
		fn(ctx, col_text(s, 0));
	done(b, s);
}

int
hb_book_member_state(struct hb_book *b, int64_t project_id, int64_t person_id)
{
	struct stmt *s = stmt(b, SQL_MEMBER_STATE);
	int state = -1;

	bind_int(s, 1, project_id);
	bind_int(s, 2, person_id);
	if (step(b, s))
		state = (int)col_int(s, 0);
	done(b, s);
	return state;
}

static void
member_change(struct hb_book *b, enum sql_id id, int64_t project_id,
    int64_t person_id)
{
	struct stmt *s = stmt(b, id);

	bind_int(s, 1, project_id);
	bind_int(s, 2, person_id);
	bind_text(s, 3, b->now);
	step(b, s);
	done(b, s);
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
read_task(struct stmt *s, void *out)
{
	struct hb_task *t = out;
	const char *text;

	memset(t, 0, sizeof *t);
	t->id = col_int(s, 0);
	t->project_id = col_int(s, 1);
	t->project = column_text(s, 2);
	t->client_id = col_int(s, 3);
	t->model = column_text(s, 4);
	t->kind = column_text(s, 5);
	t->title = column_text(s, 6);
	t->description = column_text(s, 7);
	t->status = hb_task_state_find(col_text(s, 8));
	text = col_text(s, 9);
	t->blocked_from = text ? hb_task_state_find(text) : -1;
	t->assignee_id = col_int(s, 10);
	t->assignee = column_text(s, 11);
	t->has_estimate = !col_null(s, 12);
	t->estimate = col_int(s, 12);
	text = col_text(s, 13);
	t->has_due = text != NULL && hb_date_parse(text, &t->due, NULL) == 0;
	text = col_text(s, 14);
	t->rigid = text != NULL && strcmp(text, "rigid") == 0;
	t->urgent = (int)col_int(s, 15) != 0;
	t->extra = (int)col_int(s, 16) != 0;
	t->has_fee = !col_null(s, 17);
	t->fee = col_int(s, 17);
	t->created = column_text(s, 18);
	t->updated = column_text(s, 19);
	t->worked = col_int(s, 20);
	t->billed = col_int(s, 21);
	t->currency = column_text(s, 22);
	t->paused = col_int(s, 23) != 0;
}

bool
hb_book_task_get(struct hb_book *b, int64_t id, struct hb_task *out)
{
	return get_row(b, SQL_TASK_GET, NULL, id, read_task, out);
}

void
hb_book_task_insert(struct hb_book *b, struct hb_task *t)
{
	struct stmt *s = stmt(b, SQL_TASK_INSERT);
	char due[HB_DATE_BUFSZ];

	bind_int(s, 1, t->project_id);
	bind_text(s, 2, t->kind);
	bind_text(s, 3, t->title);
	bind_text(s, 4, t->description ? t->description : "");
	bind_text(s, 5, hb_task_state_names[t->status]);
	bind_optional_int(s, 6, t->assignee_id > 0, t->assignee_id);
	bind_optional_int(s, 7, t->has_estimate, t->estimate);
	bind_text(s, 8, t->has_due ? hb_date_format(t->due, due) : NULL);
	bind_text(s, 9, t->rigid ? "rigid" : "flexible");
	bind_int(s, 10, t->urgent);
	bind_int(s, 11, t->extra);
	bind_optional_int(s, 12, t->has_fee, t->fee);
	bind_text(s, 13, t->created);
	bind_text(s, 14, t->updated);
	t->id = insert_id(b, s);
}

void
hb_book_task_update(struct hb_book *b, const struct hb_task *t)
{
	struct stmt *s = stmt(b, SQL_TASK_UPDATE);
	char due[HB_DATE_BUFSZ];

	bind_int(s, 1, t->id);
	bind_text(s, 2, hb_task_state_names[t->status]);
	bind_text(s, 3, t->blocked_from >= 0
	    ? hb_task_state_names[t->blocked_from] : NULL);
	bind_optional_int(s, 4, t->assignee_id > 0, t->assignee_id);
	bind_optional_int(s, 5, t->has_estimate, t->estimate);
	bind_text(s, 6, t->has_due ? hb_date_format(t->due, due) : NULL);
	bind_text(s, 7, t->rigid ? "rigid" : "flexible");
	bind_text(s, 8, t->updated);
	bind_optional_int(s, 9, t->has_fee, t->fee);
	step(b, s);
	done(b, s);
}

void
hb_book_each_task(struct hb_book *b, const struct hb_task_filter *f,
    void (*fn)(void *ctx, const struct hb_task *), void *ctx)
{
	struct stmt *s = stmt(b, SQL_TASK_SELECT);
	char today[HB_DATE_BUFSZ];
	struct hb_task t;

	bind_text(s, 1, f->project);
	bind_text(s, 2, f->statuses);
	bind_text(s, 3, f->assignee);
	bind_text(s, 4, f->kind);
	bind_text(s, 5, f->overdue ? hb_date_format(f->today, today) : NULL);
	bind_text(s, 6, f->due_before);
	bind_text(s, 7, f->client);
	bind_text(s, 8, final_states());
	bind_text(s, 9, hb_date_format(f->today, today));
	bind_text(s, 10, f->by_priority ? "yes" : NULL);
	while (step(b, s)) {
		read_task(s, &t);
		t.top = strcmp(col_text(s, 24), "top") == 0;
		fn(ctx, &t);
		hb_task_release(&t);
	}
	done(b, s);
}

/* The int64 first column of every row of s, into an array. */
static int64_t *
collect_ids(struct hb_book *b, struct stmt *s, size_t *count)
{
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;

	while (step(b, s)) {
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			ids = hb_xrealloc(ids, cap * sizeof *ids);
		}
		ids[n++] = col_int(s, 0);
	}
	done(b, s);
	*count = n;
	return ids;
}

int64_t *
hb_book_open_tasks_of(struct hb_book *b, int64_t project_id,
    int64_t person_id, size_t *count)
{
	struct stmt *s = stmt(b, SQL_TASK_OPEN_OF);

	bind_int(s, 1, project_id);
	bind_int(s, 2, person_id);
	bind_text(s, 3, final_states());
	return collect_ids(b, s, count);
}

void
hb_book_each_event(struct hb_book *b, const char *entity, const char *key,
    void (*fn)(void *ctx, const struct hb_event *), void *ctx)
{
	struct stmt *s = stmt(b, SQL_EVENT_SELECT);
	struct hb_event e;

	bind_text(s, 1, entity);
	bind_text(s, 2, key);
	while (step(b, s)) {
		e.id = col_int(s, 0);
		e.at = col_text(s, 1);
		e.actor = col_text(s, 2);
		e.entity = col_text(s, 3);
		e.key = col_text(s, 4);
		e.what = col_text(s, 5);
		e.old_value = col_text(s, 6);
		e.new_value = col_text(s, 7);
		e.reason = col_text(s, 8);
		fn(ctx, &e);
	}
	done(b, s);
}

static void
read_comment(struct stmt *s, void *out)
{
	struct hb_comment *c = out;
	c->id = col_int(s, 0);
	c->task_id = col_int(s, 1);
	c->author = column_text(s, 2);
	c->body = column_text(s, 3);
	c->reply_to = col_int(s, 4);
	c->created = column_text(s, 5);
}

void
hb_book_comment_insert(struct hb_book *b, struct hb_comment *c)
{
	struct stmt *s = stmt(b, SQL_COMMENT_INSERT);

	bind_int(s, 1, c->task_id);
	bind_text(s, 2, c->author);
	bind_text(s, 3, c->body);
	bind_optional_int(s, 4, c->reply_to > 0, c->reply_to);
	bind_text(s, 5, c->created);
	c->id = insert_id(b, s);
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
	struct stmt *s = stmt(b, SQL_COMMENT_SELECT);
	struct hb_comment c;

	bind_int(s, 1, task_id);
	while (step(b, s)) {
		read_comment(s, &c);
		fn(ctx, &c);
		hb_comment_release(&c);
	}
	done(b, s);
}

/* ---- packages, the hours ledger, time entries ------------------------- */

static void
read_package(struct stmt *s, void *out)
{
	struct hb_package *p = out;
	const char *text;

	memset(p, 0, sizeof *p);
	p->id = col_int(s, 0);
	p->project_id = col_int(s, 1);
	p->project = column_text(s, 2);
	p->client = column_text(s, 3);
	p->currency = column_text(s, 4);
	p->plan = column_text(s, 5);
	p->minutes = col_int(s, 6);
	p->bonus_minutes = col_int(s, 7);
	p->discount = (int)col_int(s, 8);
	p->bonus = (int)col_int(s, 9);
	p->months = (int)col_int(s, 10);
	p->rate = col_int(s, 11);
	p->price = col_int(s, 12);
	text = col_text(s, 13);
	p->has_expires = text != NULL && hb_date_parse(text, &p->expires,
	    NULL) == 0;
	p->lapse = (int)col_int(s, 14) != 0;
	p->status = column_text(s, 15);
	p->created = column_text(s, 16);
	text = col_text(s, 17);
	p->has_start = text != NULL && hb_month_parse(text, &p->start,
	    NULL) == 0;
	text = col_text(s, 18);
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
	struct stmt *s = stmt(b, SQL_PACKAGE_INSERT);
	char day[HB_DATE_BUFSZ];

	bind_int(s, 1, p->project_id);
	bind_text(s, 2, p->plan);
	bind_int(s, 3, p->minutes);
	bind_int(s, 4, p->bonus_minutes);
	bind_int(s, 5, p->discount);
	bind_int(s, 6, p->bonus);
	bind_optional_int(s, 7, p->months > 0, p->months);
	bind_int(s, 8, p->rate);
	bind_int(s, 9, p->price);
	bind_text(s, 10, p->has_expires ? hb_date_format(p->expires, day) : NULL);
	bind_int(s, 11, p->lapse);
	bind_text(s, 12, p->created);
	if (p->has_start) {
		hb_date_format(p->start, day);
		day[7] = '\0';
		bind_text(s, 13, day);
	} else {
		bind_text(s, 13, NULL);	/* a text column: PostgreSQL types it once */
	}
	p->id = insert_id(b, s);
}

void
hb_book_package_set_status(struct hb_book *b, int64_t id, const char *status)
{
	struct stmt *s = stmt(b, SQL_PACKAGE_STATUS);

	bind_int(s, 1, id);
	bind_text(s, 2, status);
	step(b, s);
	done(b, s);
}

void
hb_book_package_start(struct hb_book *b, int64_t id, hb_day first)
{
	struct stmt *s = stmt(b, SQL_PACKAGE_START);
	char day[HB_DATE_BUFSZ];

	bind_int(s, 1, id);
	hb_date_format(first, day);
	day[7] = '\0';
	bind_text(s, 2, day);
	step(b, s);
	done(b, s);
}

void
hb_book_package_close(struct hb_book *b, int64_t id, hb_day day)
{
	struct stmt *s = stmt(b, SQL_PACKAGE_CLOSE);
	char buf[HB_DATE_BUFSZ];

	bind_int(s, 1, id);
	bind_text(s, 2, hb_date_format(day, buf));
	step(b, s);
	done(b, s);
}

/* Bind a scope's four parameters. */
/* A scope of one project, by id: its own statements. */
static bool
one_project(const struct hb_scope *sc)
{
	return sc->project_id > 0 && sc->client == NULL &&
	    sc->project == NULL && sc->package_id <= 0;
}

static void
bind_scope(struct stmt *s, const struct hb_scope *sc)
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
	struct stmt *s = stmt(b, one_project(sc) ? SQL_ONE_PACKAGES :
	    SQL_SCOPE_PACKAGES);
	struct hb_package p;

	bind_scope(s, sc);
	while (step(b, s)) {
		read_package(s, &p);
		fn(ctx, &p);
	}
	done(b, s);
}

void
hb_book_scope_loads(struct hb_book *b, const struct hb_scope *sc,
    hb_day as_of, void (*fn)(void *ctx, const struct hb_load *l), void *ctx)
{
	struct stmt *s = stmt(b, one_project(sc) ? SQL_ONE_LOADS :
	    SQL_SCOPE_LOADS);
	char day[HB_DATE_BUFSZ];
	struct hb_load l;

	bind_scope(s, sc);
	bind_text(s, 5, hb_date_format(as_of, day));
	while (step(b, s)) {
		l.package_id = col_int(s, 0);
		l.period = (int)col_int(s, 1);
		l.minutes = col_int(s, 2);
		if (hb_date_parse(col_text(s, 3),
		    &l.day, NULL) != 0)
			l.day = 0;
		fn(ctx, &l);
	}
	done(b, s);
}

void
hb_book_scope_use(struct hb_book *b, const struct hb_scope *sc, hb_day as_of,
    void (*fn)(void *ctx, int64_t package_id, hb_day month, int64_t minutes),
    void *ctx)
{
	struct stmt *s = stmt(b, one_project(sc) ? SQL_ONE_USE :
	    SQL_SCOPE_USE);
	char day[HB_DATE_BUFSZ], first[HB_DATE_BUFSZ], last[8] = "";
	const char *text;
	hb_day on, month = 0;
	int y, m, d;

	bind_scope(s, sc);
	bind_text(s, 5, hb_date_format(as_of, day));
	hb_civil_from_day(as_of, &y, &m, &d);
	bind_text(s, 6, hb_date_format(hb_day_from_civil(y, m, 1), first));
	while (step(b, s)) {
		/* A package's rows come together, a month's days in a row:
		 * the month is worked out once per "YYYY-MM". */
		text = col_text(s, 1);
		if (text == NULL || strncmp(text, last, 7) != 0) {
			if (text == NULL ||
			    hb_date_parse(text, &on, NULL) != 0) {
				last[0] = '\0';
				continue;
			}
			hb_civil_from_day(on, &y, &m, &d);
			month = hb_day_from_civil(y, m, 1);
			memcpy(last, text, 7);
			last[7] = '\0';
		}
		fn(ctx, col_int(s, 0), month, col_int(s, 2));
	}
	done(b, s);
}

void
hb_book_scope_periods(struct hb_book *b, const struct hb_scope *sc,
    hb_day as_of, void (*fn)(void *ctx, int64_t package_id, int invoiced,
    int paid, const char *last_issued), void *ctx)
{
	struct stmt *s = stmt(b, one_project(sc) ? SQL_ONE_PERIODS :
	    SQL_SCOPE_PERIODS);
	char day[HB_DATE_BUFSZ];

	bind_scope(s, sc);
	bind_text(s, 5, hb_date_format(as_of, day));
	while (step(b, s))
		fn(ctx, col_int(s, 0), (int)col_int(s, 1),
		    (int)col_int(s, 2),
		    col_text(s, 3));
	done(b, s);
}

void
hb_book_scope_commitments(struct hb_book *b, const struct hb_scope *sc,
    const char *states, void (*fn)(void *ctx, const struct hb_commitment *c),
    void *ctx)
{
	struct stmt *s = stmt(b, one_project(sc) ? SQL_ONE_COMMITTED :
	    SQL_SCOPE_COMMITTED);
	struct hb_commitment c;

	/* Bound as they are (SQLITE_STATIC): one buffer each. */
	char state[COMMITTED_STATES_MAX][32];
	const char *p = states, *comma;
	int n = 0;
	size_t len;

	bind_scope(s, sc);
	/* ",open,approved,...," into ?5, ?6, ...: a state longer than any
	 * the schema allows, or more of them than there are places, is the
	 * caller's mistake. */
	while (*p == ',' && p[1] != '\0') {
		p++;
		comma = strchr(p, ',');
		len = comma ? (size_t)(comma - p) : strlen(p);
		if (n == COMMITTED_STATES_MAX || len >= sizeof state[n])
			hb_die(HB_EXIT_SOFTWARE, "the committed states %s do "
			    "not fit the statement", states);
		memcpy(state[n], p, len);
		state[n][len] = '\0';
		bind_text(s, 5 + n, state[n]);
		n++;
		p += len;
	}
	while (n < COMMITTED_STATES_MAX)
		bind_text(s, 5 + n++, NULL);
	while (step(b, s)) {
		c.project_id = col_int(s, 0);
		c.task_id = col_int(s, 1);
		c.estimate = col_int(s, 4);
		c.urgent = (int)col_int(s, 5) != 0;
		c.billed = col_int(s, 6);
		fn(ctx, &c);
	}
	done(b, s);
}

void
hb_book_package_use_add(struct hb_book *b, int64_t package_id, hb_day day,
    int64_t minutes)
{
	struct stmt *s = stmt(b, SQL_PACKAGE_USE_ADD);
	char buf[HB_DATE_BUFSZ];

	int y, m, d;

	bind_int(s, 1, package_id);
	bind_text(s, 2, hb_date_format(day, buf));
	bind_int(s, 3, minutes);
	step(b, s);
	done(b, s);
	s = stmt(b, SQL_PACKAGE_MONTH_ADD);
	hb_civil_from_day(day, &y, &m, &d);
	bind_int(s, 1, package_id);
	bind_text(s, 2, hb_date_format(hb_day_from_civil(y, m, 1), buf));
	bind_int(s, 3, minutes);
	step(b, s);
	done(b, s);
}

bool
hb_book_person_earned_add(struct hb_book *b, int64_t person_id,
    int64_t project_id, int64_t amount, char currency[4])
{
	struct stmt *s = stmt(b, SQL_PERSON_EARNED_GET);
	int64_t earned = 0, sum;
	const char *cur;

	/* The sum is made here, where its overflow can be told apart. */
	currency[0] = '\0';
	bind_int(s, 1, person_id);
	bind_int(s, 2, project_id);
	if (step(b, s)) {
		earned = col_int(s, 0);
		if ((cur = col_text(s, 1)) != NULL)
			snprintf(currency, 4, "%s", cur);
	}
	done(b, s);
	if (__builtin_add_overflow(earned, amount, &sum))
		return false;
	s = stmt(b, SQL_PERSON_EARNED_ADD);
	bind_int(s, 1, person_id);
	bind_int(s, 2, project_id);
	bind_int(s, 3, amount);
	step(b, s);
	done(b, s);
	return true;
}

void
hb_book_task_use_add(struct hb_book *b, int64_t task_id, int64_t minutes,
    int64_t billable, int64_t overage)
{
	struct stmt *s = stmt(b, SQL_TASK_USE_ADD);

	bind_int(s, 1, task_id);
	bind_int(s, 2, minutes);
	bind_int(s, 3, billable);
	bind_int(s, 4, overage);
	step(b, s);
	done(b, s);
}



static int64_t
invoice_insert(struct hb_book *b, int64_t package_id, int period,
    int64_t amount, hb_day issued)
{
	struct stmt *s = stmt(b, SQL_INVOICE_INSERT);
	char day[HB_DATE_BUFSZ];

	bind_int(s, 1, package_id);
	bind_int(s, 2, period);
	bind_int(s, 3, amount);
	bind_text(s, 4, hb_date_format(issued, day));
	return insert_id(b, s);
}

void
hb_book_invoice_insert(struct hb_book *b, int64_t package_id, int period,
    int64_t amount, hb_day issued)
{
	invoice_insert(b, package_id, period, amount, issued);
}

void
hb_book_payment_insert(struct hb_book *b, int64_t package_id, int period,
    hb_day paid)
{
	struct stmt *s = stmt(b, SQL_PAYMENT_INSERT);
	char day[HB_DATE_BUFSZ];

	bind_int(s, 1, package_id);
	bind_int(s, 2, period);
	bind_text(s, 3, hb_date_format(paid, day));
	step(b, s);
	done(b, s);
}

void
hb_book_ledger_insert(struct hb_book *b, int64_t package_id,
    const char *kind, int64_t minutes, int period, hb_day day)
{
	struct stmt *s = stmt(b, SQL_LEDGER_INSERT);
	char buf[HB_DATE_BUFSZ];

	bind_int(s, 1, package_id);
	bind_text(s, 2, kind);
	bind_int(s, 3, minutes);
	bind_optional_int(s, 4, period > 0, period);
	bind_text(s, 5, hb_date_format(day, buf));
	step(b, s);
	done(b, s);
}


int64_t *
hb_book_packages(struct hb_book *b, const struct hb_package_filter *f,
    size_t *count)
{
	struct stmt *s = stmt(b, SQL_PACKAGE_SELECT);

	bind_text(s, 1, f->client);
	bind_text(s, 2, f->project);
	if (f->package != NULL)
		bind_int(s, 3, strtoll(f->package, NULL, 10));
	else
		bind_null_int(s, 3);
	return collect_ids(b, s, count);
}


/* ---- bulk appends ----------------------------------------------------------
 *
 * An engine with a bulk path (PostgreSQL's COPY) takes a transaction's
 * entries and their splits in chunks: the ids are given here, the next
 * after the largest in the book (one writer at a time: nobody else adds
 * one meanwhile); the rows wait in COPY's text format and go in one round
 * trip a chunk, before any statement that reads entries and at the
 * commit, so no reader ever misses one.  A row the server refuses is
 * reported at its own FILE:LINE, as if it had been written at once.
 */

#define BULK_CHUNK (4u << 20)	/* bytes of rows sent at once */

struct bulk_table {
	const char *copy;
	struct hb_copy_rows rows;
	struct {
		const char *name;	/* the row's FILE:LINE, if any */
		long line;
	} *where;
	size_t nrows, maxrows;
};

/* The references of the entries waiting: a ref logged twice in one chunk
 * is found here, as the book finds one logged before. */
struct pending_ref {
	int64_t person_id;
	char *ref;		/* NULL: a free slot */
	int64_t id;
};

struct bulk {
	struct bulk_table entry, split;
	int64_t next_id;	/* of the next entry; 0: to be asked */
	struct pending_ref *refs;
	size_t nrefs, refcap;
};

static void
copy_put(struct hb_copy_rows *r, const char *s, size_t n)
{
	if (r->len + n + 1 > r->cap) {
		r->cap = (r->len + n + 1) * 2;
		r->buf = hb_xrealloc(r->buf, r->cap);
	}
	memcpy(r->buf + r->len, s, n);
	r->len += n;
}

void
hb_copy_int(struct hb_copy_rows *r, int64_t v, bool first)
{
	char num[24];
	int n = snprintf(num, sizeof num, "%s%lld", first ? "" : "\t",
	    (long long)v);

	copy_put(r, num, (size_t)n);
}

void
hb_copy_text(struct hb_copy_rows *r, const char *v, bool first)
{
	const char *p, *run;

	if (!first)
		copy_put(r, "\t", 1);
	if (v == NULL) {
		copy_put(r, "\\N", 2);
		return;
	}
	for (p = run = v; *p != '\0'; p++) {
		const char *esc = *p == '\\' ? "\\\\" : *p == '\t' ? "\\t" :
		    *p == '\n' ? "\\n" : *p == '\r' ? "\\r" : NULL;

		if (esc == NULL)
			continue;
		copy_put(r, run, (size_t)(p - run));
		copy_put(r, esc, 2);
		run = p + 1;
	}
	copy_put(r, run, (size_t)(p - run));
}

void
hb_copy_end_row(struct hb_copy_rows *r)
{
	copy_put(r, "\n", 1);
}

static void
bulk_int(struct bulk_table *t, int64_t v, bool first)
{
	hb_copy_int(&t->rows, v, first);
}

static void
bulk_optional_int(struct bulk_table *t, bool present, int64_t v)
{
	if (present)
		hb_copy_int(&t->rows, v, false);
	else
		hb_copy_text(&t->rows, NULL, false);
}

/* Text as COPY reads it: a backslash, tab, newline or carriage return
 * escaped; NULL as \N. */
static void
bulk_text(struct bulk_table *t, const char *v)
{
	hb_copy_text(&t->rows, v, false);
}

static void
bulk_end_row(struct bulk_table *t)
{
	long line;
	const char *name = hb_diag_location(&line);

	hb_copy_end_row(&t->rows);
	if (t->nrows == t->maxrows) {
		t->maxrows = t->maxrows ? 2 * t->maxrows : 1024;
		t->where = hb_xrealloc(t->where, t->maxrows * sizeof *t->where);
	}
	t->where[t->nrows].name = name;
	t->where[t->nrows].line = line;
	t->nrows++;
}

static void
bulk_at_row(void *ctx, long row)
{
	struct bulk_table *t = ctx;

	if (row >= 1 && (size_t)row <= t->nrows && t->where[row - 1].name)
		hb_diag_set_location(t->where[row - 1].name,
		    t->where[row - 1].line);
}

static void
bulk_send(struct hb_book *b, struct bulk_table *t)
{
	if (t->nrows == 0)
		return;
	b->engine->copy_in(b, t->copy, t->rows.buf, t->rows.len, bulk_at_row,
	    t);
	t->rows.len = 0;
	t->nrows = 0;
}

static size_t
ref_slot(const struct bulk *k, int64_t person_id, const char *ref)
{
	uint64_t h = (uint64_t)person_id * 0x9e3779b97f4a7c15u;
	size_t i;

	for (const char *p = ref; *p; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3u;
	for (i = h % k->refcap; k->refs[i].ref != NULL; i = (i + 1) % k->refcap)
		if (k->refs[i].person_id == person_id &&
		    strcmp(k->refs[i].ref, ref) == 0)
			break;
	return i;
}

static void
refs_clear(struct bulk *k)
{
	for (size_t i = 0; i < k->refcap; i++) {
		free(k->refs[i].ref);
		k->refs[i].ref = NULL;
	}
	k->nrefs = 0;
}

static void
ref_add(struct bulk *k, int64_t person_id, const char *ref, int64_t id)
{
	size_t i;

	if (2 * (k->nrefs + 1) > k->refcap) {
		struct pending_ref *old = k->refs;
		size_t oldcap = k->refcap;

		k->refcap = k->refcap ? 2 * k->refcap : 256;
		k->refs = hb_xcalloc(k->refcap, sizeof *k->refs);
		for (size_t j = 0; j < oldcap; j++)
			if (old[j].ref != NULL)
				k->refs[ref_slot(k, old[j].person_id,
				    old[j].ref)] = old[j];
		free(old);
	}
	i = ref_slot(k, person_id, ref);
	k->refs[i].person_id = person_id;
	k->refs[i].ref = hb_xstrdup(ref);
	k->refs[i].id = id;
	k->nrefs++;
}

static struct bulk *
bulk_of(struct hb_book *b)
{
	if (b->bulk == NULL) {
		b->bulk = hb_xcalloc(1, sizeof *b->bulk);
		b->bulk->entry.copy = "COPY entry (id, task_id, person_id, day, "
		    "minutes, billable, overage, package_id, package_minutes, "
		    "note, reverses, reason, actor, created, earned, ref) "
		    "FROM STDIN";
		b->bulk->split.copy = "COPY entry_split (entry_id, package_id, "
		    "minutes) FROM STDIN";
	}
	return b->bulk;
}

/* Send what waits: the entries, then the splits that refer to them. */
static void
bulk_flush(struct hb_book *b)
{
	struct bulk *k = b->bulk;

	if (k == NULL || (k->entry.nrows == 0 && k->split.nrows == 0))
		return;
	b->bulk = NULL;		/* the statements below must not flush */
	bulk_send(b, &k->entry);
	bulk_send(b, &k->split);
	refs_clear(k);
	b->bulk = k;
}

/* Forget what waits and the next id: the transaction ends. */
static void
bulk_discard(struct hb_book *b)
{
	struct bulk *k = b->bulk;

	if (k == NULL)
		return;
	refs_clear(k);
	free(k->refs);
	free(k->entry.rows.buf);
	free(k->entry.where);
	free(k->split.rows.buf);
	free(k->split.where);
	free(k);
	b->bulk = NULL;
}

static void
bulk_entry(struct hb_book *b, struct hb_entry_row *e)
{
	struct bulk *k = bulk_of(b);
	struct bulk_table *t = &k->entry;
	char day[HB_DATE_BUFSZ];

	if (k->next_id == 0) {
		struct stmt *s = stmt(b, SQL_ENTRY_NEXT_ID);

		if (!step(b, s))
			hb_die(HB_EXIT_SOFTWARE, "no next entry id");
		k->next_id = col_int(s, 0);
		done(b, s);
	}
	e->id = k->next_id++;
	bulk_int(t, e->id, true);
	bulk_int(t, e->task_id, false);
	bulk_int(t, e->person_id, false);
	bulk_text(t, hb_date_format(e->day, day));
	bulk_int(t, e->minutes, false);
	bulk_int(t, e->billable, false);
	bulk_int(t, e->overage, false);
	bulk_optional_int(t, e->package_id > 0, e->package_id);
	bulk_int(t, e->package_minutes, false);
	bulk_text(t, e->note ? e->note : "");
	bulk_optional_int(t, e->reverses > 0, e->reverses);
	bulk_text(t, e->reason);
	bulk_text(t, b->actor);
	bulk_text(t, b->now);
	bulk_int(t, e->earned, false);
	bulk_text(t, e->ref);
	bulk_end_row(t);
	if (e->ref != NULL)
		ref_add(k, e->person_id, e->ref, e->id);
	b->wrote = true;
}

void
hb_book_entry_insert(struct hb_book *b, struct hb_entry_row *e)
{
	struct stmt *s;
	char day[HB_DATE_BUFSZ];

	if (b->engine->copy_in != NULL) {
		bulk_entry(b, e);
		if (b->bulk->entry.rows.len + b->bulk->split.rows.len >=
		    BULK_CHUNK)
			bulk_flush(b);
		return;
	}
	s = stmt(b, SQL_ENTRY_INSERT);
	bind_int(s, 1, e->task_id);
	bind_int(s, 2, e->person_id);
	bind_text(s, 3, hb_date_format(e->day, day));
	bind_int(s, 4, e->minutes);
	bind_int(s, 5, e->billable);
	bind_int(s, 6, e->overage);
	bind_optional_int(s, 7, e->package_id > 0, e->package_id);
	bind_int(s, 8, e->package_minutes);
	bind_text(s, 9, e->note ? e->note : "");
	bind_optional_int(s, 10, e->reverses > 0, e->reverses);
	bind_text(s, 11, e->reason);
	bind_text(s, 12, b->actor);
	bind_text(s, 13, b->now);
	bind_int(s, 14, e->earned);
	bind_text(s, 15, e->ref);
	if (b->engine->last_id != NULL) {
		step(b, s);
		done(b, s);
		e->id = b->engine->last_id(b);
	} else {
		e->id = insert_id(b, s);
	}
}

int64_t
hb_book_entry_by_ref(struct hb_book *b, int64_t person_id, const char *ref)
{
	struct stmt *s;
	int64_t id = 0;

	if (b->bulk != NULL && b->bulk->nrefs > 0) {
		struct pending_ref *r = &b->bulk->refs[ref_slot(b->bulk,
		    person_id, ref)];

		if (r->ref != NULL)
			return r->id;
	}
	s = stmt(b, SQL_ENTRY_BY_REF);
	bind_int(s, 1, person_id);
	bind_text(s, 2, ref);
	if (step(b, s))
		id = col_int(s, 0);
	done(b, s);
	return id;
}

void
hb_book_entry_split_insert(struct hb_book *b, int64_t entry_id,
    int64_t package_id, int64_t minutes)
{
	struct stmt *s;

	if (b->engine->copy_in != NULL) {
		struct bulk_table *t = &bulk_of(b)->split;

		bulk_int(t, entry_id, true);
		bulk_int(t, package_id, false);
		bulk_int(t, minutes, false);
		bulk_end_row(t);
		b->wrote = true;
		return;
	}
	s = stmt(b, SQL_ENTRY_SPLIT_INSERT);
	bind_int(s, 1, entry_id);
	bind_int(s, 2, package_id);
	bind_int(s, 3, minutes);
	step(b, s);
	done(b, s);
}

static void
read_entry(struct stmt *s, void *out)
{
	struct hb_entry_row *e = out;

	memset(e, 0, sizeof *e);
	e->id = col_int(s, 0);
	e->task_id = col_int(s, 1);
	e->person_id = col_int(s, 2);
	hb_date_parse(col_text(s, 3), &e->day, NULL);
	e->minutes = col_int(s, 4);
	e->billable = col_int(s, 5);
	e->overage = col_int(s, 6);
	e->package_id = col_int(s, 7);
	e->package_minutes = col_int(s, 8);
	e->reverses = col_int(s, 9);
	snprintf(e->person, sizeof e->person, "%s",
	    col_text(s, 10));
	e->earned = col_int(s, 11);
}

bool
hb_book_entry_get(struct hb_book *b, int64_t id, struct hb_entry_row *out)
{
	return get_row(b, SQL_ENTRY_GET, NULL, id, read_entry, out);
}

int64_t
hb_book_entry_reversal(struct hb_book *b, int64_t id)
{
	struct stmt *s = stmt(b, SQL_ENTRY_REVERSAL);
	int64_t v = 0;

	bind_int(s, 1, id);
	if (step(b, s))
		v = col_int(s, 0);
	done(b, s);
	return v;
}

int64_t *
hb_book_entry_splits(struct hb_book *b, int64_t entry_id, size_t *npairs)
{
	struct stmt *s = stmt(b, SQL_ENTRY_SPLITS);
	int64_t *pairs = NULL;
	size_t n = 0, cap = 0;

	bind_int(s, 1, entry_id);
	while (step(b, s)) {
		if (n + 2 > cap) {
			cap = cap ? 2 * cap : 8;
			pairs = hb_xrealloc(pairs, cap * sizeof *pairs);
		}
		pairs[n++] = col_int(s, 0);
		pairs[n++] = col_int(s, 1);
	}
	done(b, s);
	*npairs = n / 2;
	return pairs;
}

/* ---- earnings and withdrawals ----------------------------------------- */

void
hb_book_fee_insert(struct hb_book *b, int64_t person_id, int64_t task_id,
    int64_t amount, const char *currency, hb_day day)
{
	struct stmt *s = stmt(b, SQL_FEE_INSERT);
	char buf[HB_DATE_BUFSZ];

	bind_int(s, 1, person_id);
	bind_int(s, 2, amount);
	bind_int(s, 3, task_id);
	bind_text(s, 4, hb_date_format(day, buf));
	bind_text(s, 5, b->now);
	bind_text(s, 6, currency);
	step(b, s);
	done(b, s);
}

int64_t
hb_book_fee_credited(struct hb_book *b, int64_t task_id)
{
	struct stmt *s = stmt(b, SQL_FEE_CREDITED);
	int64_t v = 0;

	bind_int(s, 1, task_id);
	if (step(b, s))
		v = col_int(s, 0);
	done(b, s);
	return v;
}

size_t
hb_book_money_sums(struct hb_book *b, int64_t person_id, hb_day first,
    hb_day last, struct hb_money_sums **out)
{
	struct stmt *s = stmt(b, SQL_MONEY_SUMS);
	char from[HB_DATE_BUFSZ], to[HB_DATE_BUFSZ];
	struct hb_money_sums *rows = NULL;
	const char *cur;
	size_t n = 0;

	bind_int(s, 1, person_id);
	bind_text(s, 2, hb_date_format(first, from));
	bind_text(s, 3, hb_date_format(last, to));
	while (step(b, s)) {
		rows = hb_xrealloc(rows, (n + 1) * sizeof *rows);
		memset(&rows[n], 0, sizeof rows[n]);
		cur = col_text(s, 0);
		snprintf(rows[n].currency, sizeof rows[n].currency, "%s",
		    cur ? cur : "???");
		rows[n].earned = col_int(s, 1);
		rows[n].pending = col_int(s, 2);
		rows[n].paid = col_int(s, 3);
		rows[n].paid_in_month = col_int(s, 4);
		n++;
	}
	done(b, s);
	*out = rows;
	return n;
}

int
hb_book_requests_in_month(struct hb_book *b, int64_t person_id,
    const char *month)
{
	struct stmt *s = stmt(b, SQL_REQUESTS_IN_MONTH);
	int n = 0;

	bind_int(s, 1, person_id);
	bind_text(s, 2, month);
	if (step(b, s))
		n = (int)col_int(s, 0);
	done(b, s);
	return n;
}

int64_t
hb_book_withdrawal_insert(struct hb_book *b, const struct hb_withdrawal_row *w)
{
	struct stmt *s = stmt(b, SQL_WITHDRAWAL_INSERT);
	char due[HB_DATE_BUFSZ];

	bind_int(s, 1, w->person_id);
	bind_int(s, 2, w->amount);
	bind_text(s, 3, b->now);
	bind_text(s, 4, w->month);
	bind_text(s, 5, hb_date_format(w->due, due));
	bind_text(s, 6, w->key);
	bind_text(s, 7, b->actor);
	bind_text(s, 8, w->currency);
	return insert_id(b, s);
}

static void
read_withdrawal(struct stmt *s, void *out)
{
	struct hb_withdrawal *w = out;

	memset(w, 0, sizeof *w);
	w->id = col_int(s, 0);
	w->person = column_text(s, 1);
	w->amount = col_int(s, 2);
	w->status = column_text(s, 3);
	w->requested = column_text(s, 4);
	hb_date_parse(col_text(s, 5), &w->due, NULL);
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
	struct stmt *s = stmt(b, SQL_WITHDRAWAL_BY_KEY);
	int64_t id = 0;

	bind_int(s, 1, person_id);
	bind_text(s, 2, key);
	if (step(b, s))
		id = col_int(s, 0);
	done(b, s);
	return id;
}

void
hb_book_withdrawal_decide(struct hb_book *b, int64_t id, const char *outcome,
    const char *reason, hb_day day)
{
	struct stmt *s = stmt(b, SQL_WITHDRAWAL_DECIDE);
	char buf[HB_DATE_BUFSZ];

	bind_int(s, 1, id);
	bind_text(s, 2, outcome);
	bind_text(s, 3, reason);
	bind_text(s, 4, hb_date_format(day, buf));
	bind_text(s, 5, b->actor);
	bind_text(s, 6, b->now);
	step(b, s);
	done(b, s);
}

/* A date the caller has checked. */
static hb_day
local_day(const char *date)
{
	hb_day d;
	const char *why;

	if (hb_date_parse(date, &d, &why) != 0)
		hb_die(HB_EXIT_SOFTWARE, "%s: %s", date, why);
	return d;
}

/* The UTC timestamp of the first instant of a local date (a date the
 * caller has checked) plus `add` days, in the book's zone: the bound of
 * a filter by days over rows that hold instants.  NULL without a date, or
 * past the last date hourbook handles (the day after 9999-12-31): no
 * bound. */
static const char *
day_start(const char *date, int add, char buf[HB_TIMESTAMP_BUFSZ])
{
	hb_day day;

	if (date == NULL)
		return NULL;
	day = local_day(date) + add;
	if (day > HB_DAY_MAX)
		return NULL;
	return hb_timestamp_format(hb_local_instant(day, 0), buf);
}

void
hb_book_each_withdrawal(struct hb_book *b, const char *person,
    const char *from, const char *to,
    void (*fn)(void *ctx, const struct hb_withdrawal *), void *ctx)
{
	struct stmt *s = stmt(b, SQL_WITHDRAWAL_SELECT);
	struct hb_withdrawal w;
	char lo[HB_TIMESTAMP_BUFSZ], hi[HB_TIMESTAMP_BUFSZ];

	/* Requests are instants; from and to local days: the instants from
	 * from's first minute to before the day after to. */
	bind_text(s, 1, person);
	bind_text(s, 2, day_start(from, 0, lo));
	bind_text(s, 3, day_start(to, 1, hi));
	while (step(b, s)) {
		read_withdrawal(s, &w);
		fn(ctx, &w);
		hb_withdrawal_release(&w);
	}
	done(b, s);
}

void
hb_book_each_earning(struct hb_book *b, const char *person,
    const char *from, const char *to,
    void (*fn)(void *ctx, const struct hb_earning *), void *ctx)
{
	struct stmt *s = stmt(b, SQL_EARNING_SELECT);
	struct hb_earning e;

	bind_text(s, 1, person);
	bind_text(s, 2, from);
	bind_text(s, 3, to);
	while (step(b, s)) {
		e.person = col_text(s, 0);
		e.day = col_text(s, 1);
		e.kind = col_text(s, 2);
		e.task_id = col_int(s, 3);
		e.entry_id = col_int(s, 4);
		e.minutes = col_int(s, 5);
		e.amount = col_int(s, 6);
		e.currency = col_text(s, 7);
		fn(ctx, &e);
	}
	done(b, s);
}

/* A row is the statement itself, seen through the hb_row accessors. */
struct hb_row {
	struct stmt *stmt;
};

/* ---- named queries ------------------------------------------------------ */

/* How many rows of a project's month of sales stand unreversed (sales.c
 * keeps it at most one). */
#define SALES_STANDING(project, month) "(SELECT count(*) FROM sales x " \
	"WHERE x.project_id = " project " AND x.month = " month " AND " \
	"x.reverses IS NULL AND NOT EXISTS (SELECT 1 FROM sales r " \
	"WHERE r.reverses = x.id))"
/* The row of a project's month standing unreversed (0: none). */
#define SALES_STANDING_ID(project, month) "(SELECT coalesce(max(x.id), 0) " \
	"FROM sales x WHERE x.project_id = " project " AND x.month = " month \
	" AND x.reverses IS NULL AND NOT EXISTS (SELECT 1 FROM sales r " \
	"WHERE r.reverses = x.id))"
/* The invoice whose line billed figures of a project's month (their
 * minimum fee, or a share billed late): the month's figures are final. */
#define SALES_SETTLED(project, month) "(SELECT max(l.invoice_id) FROM " \
	"invoice_line l JOIN sales x ON x.id = l.sales_id WHERE " \
	"x.project_id = " project " AND x.month = " month ")"
/* The invoice that billed a project's month under its sales-share
 * agreement: the one with its minimum fee. */
#define SALES_INVOICE(project, month) "(SELECT max(i.id) FROM invoice i " \
	"JOIN invoice_line l ON l.invoice_id = i.id WHERE i.project_id = " \
	project " AND i.period = " month " AND l.kind = 'minimum')"

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
	/* Each entry's overage at the project's rate of the entry's day
	 * (schema 16: its rate history; the project's rate where the
	 * history has no step): a line per project and rate step. */
	[HB_Q_OVERAGE] = "SELECT o.project_id, sum(o.overage), o.rate, (SELECT "
	    "currency FROM client WHERE id = o.client_id), o.code, o.from_day "
	    "FROM (SELECT t.project_id, e.overage, j.client_id, j.code, "
	    "coalesce(r.rate, j.rate) AS rate, coalesce(r.from_day, "
	    "'0001-01-01') AS from_day FROM entry e "
	    "JOIN task t ON t.id = e.task_id JOIN project j "
	    "ON j.id = t.project_id LEFT JOIN project_rate r "
	    "ON r.project_id = j.id AND r.from_day = (SELECT max(from_day) "
	    "FROM project_rate WHERE project_id = j.id AND from_day <= e.day) "
	    "WHERE e.day BETWEEN ?1 AND ?2 AND e.overage <> 0) o "
	    "GROUP BY o.project_id, o.from_day, o.rate, o.client_id, o.code "
	    "HAVING sum(o.overage) <> 0 ORDER BY o.project_id, o.from_day",
	/* The contract value of a task is priced at the project's rate of
	 * its due date (schema 16: its rate history). */
	[HB_Q_LATE_DELIVERIES] = "SELECT t.id, t.project_id, t.due, d.at, t.estimate, t.fee, "
	    "coalesce((SELECT r.rate FROM project_rate r WHERE r.project_id = "
	    "j.id AND r.from_day <= t.due ORDER BY r.from_day DESC LIMIT 1), "
	    "j.rate), j.penalty_base, j.penalty_daily, j.model, t.title, "
	    "(SELECT currency FROM client WHERE id = j.client_id), j.code "
	    "FROM task t JOIN project j ON j.id = t.project_id JOIN (SELECT "
	    "CAST(key AS BIGINT) AS task_id, min(at) AS at FROM event "
	    "WHERE entity = 'task' AND what = 'status' AND new = 'delivered' "
	    "GROUP BY key) d ON d.task_id = t.id "
	    "WHERE j.penalty_base IS NOT NULL AND t.due_kind = 'rigid' "
	    "AND t.due IS NOT NULL AND substr(d.at, 1, 10) "
	    "BETWEEN ?1 AND ?2 "
	    "AND NOT EXISTS (SELECT 1 FROM invoice_line l "
	    "WHERE l.task_id = t.id AND l.kind = 'penalty') ORDER BY t.id",
	[HB_Q_NEWEST_PACKAGE] = "SELECT max(id) FROM package WHERE project_id = ?1 "
	    "AND status IN ('invoiced', 'active')",
	[HB_Q_INVOICE_FIND] = "SELECT id FROM invoice WHERE project_id = ?1 AND period = ?2 "
	    "AND coalesce(package_id, 0) = coalesce(?3, 0)",
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
	    "AND ?2 NOT LIKE ('%,' || t.status || ',%') ORDER BY t.id",
	[HB_Q_SLA_COMMENTS] = "SELECT m.id, m.task_id, j.code, j.id, m.author, m.created, "
	    "t.status, coalesce(p.role, 'staff'), "
	    "c.contact_id IS NOT NULL AND c.contact_id = p.id "
	    "FROM comment m JOIN task t ON t.id = m.task_id "
	    "JOIN project j ON j.id = t.project_id "
	    "JOIN client c ON c.id = j.client_id "
	    "LEFT JOIN person p ON p.handle = m.author "
	    "WHERE (?1 IS NULL OR j.code = ?1) "
	    "AND ?2 NOT LIKE ('%,' || t.status || ',%') "
	    "ORDER BY m.task_id, m.id",
	[HB_Q_SLA_WITHDRAWALS] = "SELECT w.id, p.handle, w.due, w.requested FROM withdrawal w "
	    "JOIN person p ON p.id = w.person_id "
	    "LEFT JOIN withdrawal_outcome o ON o.withdrawal_id = w.id "
	    "WHERE o.outcome IS NULL ORDER BY w.id",
	[HB_Q_DASH_TASKS] = "SELECT t.id, coalesce(nullif(j.name, ''), j.code), t.title, "
	    "t.status, t.due, t.due_kind, coalesce(nullif(p.name, ''), "
	    "p.handle), (SELECT max(at) FROM event WHERE entity = 'task' "
	    "AND key = CAST(t.id AS TEXT) AND what = 'status' "
	    "AND new = t.status), t.created, t.estimate FROM task t "
	    "JOIN project j ON j.id = t.project_id "
	    "JOIN client c ON c.id = j.client_id "
	    "LEFT JOIN person p ON p.id = t.assignee_id "
	    "WHERE c.name = ?1 AND ?2 LIKE ('%,' || t.status || ',%') "
	    "ORDER BY t.due IS NULL, t.due, t.id",
	[HB_Q_DASH_COMMENTS] = "SELECT m.id, m.task_id, t.title, "
	    "coalesce(nullif(p.name, ''), m.author), m.created, m.body "
	    "FROM comment m JOIN task t ON t.id = m.task_id "
	    "JOIN project j ON j.id = t.project_id "
	    "JOIN client c ON c.id = j.client_id "
	    "LEFT JOIN person p ON p.handle = m.author "
	    "WHERE c.name = ?1 ORDER BY m.id DESC LIMIT ?2",
	[HB_Q_DASH_INVOICES] = "SELECT i.id, coalesce(nullif(j.name, ''), j.code), i.period, "
	    "i.currency, (SELECT coalesce(sum(l.amount), 0) FROM invoice_line l "
	    "WHERE l.invoice_id = i.id), (SELECT count(*) FROM invoice_line l "
	    "WHERE l.invoice_id = i.id AND l.package_invoice_id IS NOT NULL), "
	    "(SELECT count(*) FROM invoice_line l JOIN package_invoice pi "
	    "ON pi.id = l.package_invoice_id JOIN package_payment pp "
	    "ON pp.package_id = pi.package_id AND pp.period = pi.period "
	    "WHERE l.invoice_id = i.id AND pp.paid <= ?4) "
	    "FROM invoice i JOIN project j ON j.id = i.project_id "
	    "JOIN client c ON c.id = j.client_id WHERE c.name = ?1 "
	    "AND i.period >= ?2 AND i.period <= ?3 "
	    "ORDER BY i.period DESC, i.id DESC",
	[HB_Q_SALES_STANDING] = "SELECT max(x.id) FROM sales x "
	    "WHERE x.project_id = ?1 AND x.month = ?2 AND x.reverses IS NULL "
	    "AND NOT EXISTS (SELECT 1 FROM sales r WHERE r.reverses = x.id)",
	[HB_Q_SALES_REVERSAL] = "SELECT id FROM sales WHERE reverses = ?1",
	[HB_Q_SALES_BILLED] = "SELECT " SALES_INVOICE("?1", "?2") ", "
	    SALES_SETTLED("?1", "?2"),
	[HB_Q_PLAIN_INVOICE_FROM] = "SELECT min(period) FROM invoice "
	    "WHERE project_id = ?1 AND package_id IS NULL AND period >= ?2",
	/* The step in force in month ?1: the newest from it or before. */
	[HB_Q_SALES_TO_BILL] = "SELECT j.id, j.code, c.currency, s.minimum, "
	    "s.kpi, s.threshold, s.percent, s.cap, "
	    SALES_STANDING_ID("j.id", "?1") ", (SELECT coalesce(sum(units), 0) "
	    "FROM sales WHERE project_id = j.id AND month = ?1), (SELECT "
	    "coalesce(sum(revenue), 0) FROM sales WHERE project_id = j.id "
	    "AND month = ?1) FROM sales_share s JOIN project j "
	    "ON j.id = s.project_id JOIN client c ON c.id = j.client_id "
	    "WHERE s.kpi IS NOT NULL AND s.from_month = (SELECT "
	    "max(from_month) FROM sales_share WHERE project_id = s.project_id "
	    "AND from_month <= ?1) AND " SALES_INVOICE("j.id", "?1")
	    " IS NULL ORDER BY j.id",
	/* Figures that came after their month was billed at the minimum
	 * and are not billed yet, of months before ?1, with the terms in
	 * force in their month: billed-late shares. */
	[HB_Q_LATE_SHARES] = "SELECT j.id, j.code, c.currency, s.minimum, "
	    "s.kpi, s.threshold, s.percent, s.cap, x.id, x.units, "
	    "x.revenue, x.month, " SALES_INVOICE("j.id", "x.month")
	    " FROM sales x JOIN project j ON j.id = x.project_id "
	    "JOIN client c ON c.id = j.client_id JOIN sales_share s "
	    "ON s.project_id = x.project_id AND s.from_month = (SELECT "
	    "max(from_month) FROM sales_share WHERE project_id = x.project_id "
	    "AND from_month <= x.month) WHERE x.month < ?1 AND "
	    "x.reverses IS NULL AND s.kpi IS NOT NULL AND NOT EXISTS (SELECT "
	    "1 FROM sales r WHERE r.reverses = x.id) AND EXISTS (SELECT 1 "
	    "FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id WHERE "
	    "i.project_id = x.project_id AND i.period = x.month AND "
	    "l.kind = 'minimum' AND l.sales_id IS NULL) AND NOT EXISTS "
	    "(SELECT 1 FROM invoice_line l WHERE l.sales_id = x.id) "
	    "ORDER BY j.id, x.month",
	[HB_Q_SHARE_PROJECTS] = "SELECT j.id, j.code, c.name, c.currency "
	    "FROM project j JOIN client c ON c.id = j.client_id "
	    "WHERE EXISTS (SELECT 1 FROM sales_share s WHERE s.project_id = "
	    "j.id) AND (?1 IS NULL OR c.name = ?1) AND (?2 IS NULL OR "
	    "j.code = ?2) ORDER BY j.code",
	[HB_Q_SALES_MONTHS] = "SELECT m.month, (SELECT coalesce(sum(units), "
	    "0) FROM sales WHERE project_id = ?1 AND month = m.month), (SELECT "
	    "coalesce(sum(revenue), 0) FROM sales WHERE project_id = ?1 AND "
	    "month = m.month), " SALES_STANDING("?1", "m.month") ", "
	    SALES_INVOICE("?1", "m.month") ", " SALES_SETTLED("?1", "m.month")
	    " FROM (SELECT month FROM sales "
	    "WHERE project_id = ?1 UNION SELECT i.period FROM invoice i "
	    "JOIN invoice_line l ON l.invoice_id = i.id WHERE i.project_id = "
	    "?1 AND l.kind = 'minimum') m ORDER BY m.month",
	/* book-check: a reversal is its row negated, of the same month. */
	[HB_Q_CHECK_SALES_REVERSALS] = "SELECT r.id, r.reverses FROM sales r "
	    "LEFT JOIN sales o ON o.id = r.reverses WHERE r.reverses IS NOT "
	    "NULL AND (o.id IS NULL OR o.reverses IS NOT NULL OR "
	    "o.project_id <> r.project_id OR o.month <> r.month OR "
	    "o.units <> -r.units OR o.revenue <> -r.revenue) ORDER BY r.id",
	[HB_Q_DEEMED_TASKS] = "SELECT t.id, j.id, j.code, t.title, "
	    "(SELECT currency FROM client WHERE id = j.client_id), "
	    "(SELECT max(at) FROM event WHERE entity = 'task' "
	    "AND key = CAST(t.id AS TEXT) AND what = 'status' "
	    "AND new = 'blocked') FROM task t JOIN project j "
	    "ON j.id = t.project_id WHERE j.deemed_delivery = 1 "
	    "AND t.status = 'blocked' AND t.blocked_from IN ('open', "
	    "'approved', 'in-progress', 'delivered', 'revision') "
	    "ORDER BY t.id",
	[HB_Q_TERM_PACKAGES] = "SELECT id, status, plan, start_month, months, "
	    "expires, closed_on, created FROM package WHERE project_id = ?1 "
	    "AND status IN ('invoiced', 'active', 'closed') ORDER BY id",
	[HB_Q_TERM_SHARES] = "SELECT from_month, CASE WHEN kpi IS NULL "
	    "THEN 1 ELSE 0 END FROM sales_share WHERE project_id = ?1 "
	    "ORDER BY from_month",
	[HB_Q_CHECK_SALES_STANDING] = "SELECT j.code, x.month, count(*) "
	    "FROM sales x JOIN project j ON j.id = x.project_id "
	    "WHERE x.reverses IS NULL AND NOT EXISTS (SELECT 1 FROM sales r "
	    "WHERE r.reverses = x.id) GROUP BY j.code, x.month "
	    "HAVING count(*) > 1 ORDER BY j.code, x.month",
	/* Complaints and vouchers (schema 20, voucher.c). */
	[HB_Q_COMPLAINT_INSERT] = "INSERT INTO complaint (id, task_id, reason, "
	    "status, actor, created) VALUES ((SELECT coalesce(max(id), 0) + 1 "
	    "FROM complaint), ?1, ?2, 'open', ?3, ?4) RETURNING id",
	[HB_Q_COMPLAINT_DECIDE] = "UPDATE complaint SET status = ?2, "
	    "decision = ?3, decided_by = ?4, decided = ?5, minutes = ?6, "
	    "amount = ?7, expires = ?8 WHERE id = ?1 AND status = 'open' "
	    "RETURNING id",
	/* An hours voucher's use counts from its load (the package's use
	 * on the days before it is not the voucher's), after the vouchers
	 * loaded before it on its package (complaint order), whatever rows
	 * are printed. */
#define VOUCHER_USED_BEFORE(x) "(SELECT coalesce(sum(u.minutes), 0) FROM " \
	"package_use u WHERE u.package_id = " x ".package_id AND u.day < " \
	"(SELECT min(h.day) FROM hours_ledger h WHERE h.package_id = " x \
	".package_id AND h.kind = 'load' AND h.period = " x ".period))"
#define VOUCHERS_BEFORE(x) "(SELECT coalesce(sum(y.minutes), 0) FROM " \
	"complaint y WHERE y.package_id = " x ".package_id AND y.id < " x ".id)"
	[HB_Q_COMPLAINTS] = "SELECT x.id, t.id, t.title, j.code, c.name, "
	    "c.currency, x.reason, x.status, x.actor, x.created, x.decision, "
	    "x.decided_by, x.decided, x.minutes, x.amount, x.expires, "
	    "x.package_id, x.period, (SELECT coalesce(-sum(l.amount), 0) FROM "
	    "invoice_line l WHERE l.complaint_id = x.id), c.id, "
	    VOUCHER_USED_BEFORE("x") ", " VOUCHERS_BEFORE("x") " "
	    "FROM complaint x JOIN task t ON t.id = x.task_id "
	    "JOIN project j ON j.id = t.project_id "
	    "JOIN client c ON c.id = j.client_id "
	    "WHERE (?1 IS NULL OR x.id = ?1) AND (?2 IS NULL OR c.name = ?2) "
	    "AND (?3 IS NULL OR j.code = ?3) ORDER BY x.id",
	[HB_Q_VOUCHER_HOURS_DUE] = "SELECT x.id, x.minutes, x.minutes "
	    "FROM complaint x "
	    "JOIN task t ON t.id = x.task_id JOIN project j ON j.id = "
	    "t.project_id WHERE j.client_id = (SELECT client_id FROM project "
	    "WHERE id = ?1) AND x.status = 'accepted' AND x.minutes IS NOT NULL AND x.package_id IS NULL AND "
	    "(x.expires IS NULL OR x.expires >= ?2) ORDER BY x.id",
	[HB_Q_VOUCHER_LOAD] = "UPDATE complaint SET package_id = ?2, "
	    "period = ?3 WHERE id = ?1 AND package_id IS NULL",
	[HB_Q_VOUCHER_MONEY_DUE] = "SELECT v.id, v.amount - v.credited, v.amount FROM "
	    "(SELECT x.id, x.amount, (SELECT coalesce(-sum(l.amount), 0) FROM "
	    "invoice_line l WHERE l.complaint_id = x.id) AS credited, x.expires "
	    "FROM complaint x JOIN task t ON t.id = x.task_id JOIN project j "
	    "ON j.id = t.project_id WHERE j.client_id = (SELECT client_id FROM "
	    "project WHERE id = ?1) AND x.status = 'accepted' AND x.amount IS NOT NULL) v WHERE v.amount > v.credited "
	    "AND (v.expires IS NULL OR v.expires >= ?2) ORDER BY v.id",
	[HB_Q_VOUCHER_LINE] = "INSERT INTO invoice_line (invoice_id, line, "
	    "kind, description, unit_price, amount, complaint_id) VALUES "
	    "(?1, ?2, 'voucher', ?3, ?4, ?5, ?6)",
	[HB_Q_VOUCHER_CREDITS] = "SELECT l.invoice_id, -l.amount, i.period "
	    "FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id "
	    "WHERE l.complaint_id = ?1 ORDER BY l.invoice_id",
	[HB_Q_SHEET_VOUCHERS] = "SELECT 'hours', x.id, x.task_id, "
	    "x.package_id, x.minutes, NULL, c.currency, "
	    VOUCHER_USED_BEFORE("x") ", " VOUCHERS_BEFORE("x") " FROM complaint x "
	    "JOIN package k ON k.id = x.package_id JOIN project j ON j.id = "
	    "k.project_id JOIN client c ON c.id = j.client_id WHERE (?1 IS "
	    "NULL OR c.name = ?1) AND (?2 IS NULL OR j.code = ?2) AND (?3 IS "
	    "NULL OR k.id = ?3) UNION ALL SELECT 'money', x.id, x.task_id, "
	    "l.invoice_id, -l.amount, i.period, c.currency, 0, 0 "
	    "FROM invoice_line l "
	    "JOIN complaint x ON x.id = l.complaint_id JOIN invoice i ON i.id = "
	    "l.invoice_id JOIN project j ON j.id = i.project_id JOIN client c "
	    "ON c.id = j.client_id WHERE (?1 IS NULL OR c.name = ?1) AND (?2 "
	    "IS NULL OR j.code = ?2) AND (?3 IS NULL OR i.package_id = ?3) AND "
	    "(?4 IS NULL OR i.period >= ?4) AND (?5 IS NULL OR i.period <= ?5) "
	    "ORDER BY 1, 2, 4",
	/* book-check: a money voucher credits at most its amount; an hours
	 * voucher loaded is a load of its minutes on its package's period. */
	[HB_Q_CHECK_VOUCHERS] = "SELECT x.id, 1 FROM complaint x WHERE "
	    "(SELECT coalesce(-sum(l.amount), 0) FROM invoice_line l WHERE "
	    "l.complaint_id = x.id) > coalesce(x.amount, 0) UNION ALL "
	    "SELECT x.id, 0 FROM complaint x WHERE x.package_id IS NOT NULL "
	    "AND NOT EXISTS (SELECT 1 FROM hours_ledger h WHERE h.package_id "
	    "= x.package_id AND h.kind = 'load' AND h.period = x.period AND "
	    "h.minutes = x.minutes) ORDER BY 1, 2",
};

size_t
hb_book_query(struct hb_book *b, enum hb_query q, const struct hb_param *params,
    size_t nparams, void (*fn)(void *ctx, const struct hb_row *), void *ctx)
{
	struct stmt *s = prepared(b, SQL_COUNT + q, query_sql[q], 0);
	struct hb_row row = { s };
	size_t n = 0;

	for (size_t i = 0; i < nparams; i++) {
		switch (params[i].type) {
		case HB_P_NULL: bind_text(s, (int)i + 1, NULL); break;
		case HB_P_NULL_INT: bind_null_int(s, (int)i + 1); break;
		case HB_P_INT: bind_int(s, (int)i + 1, params[i].i); break;
		case HB_P_TEXT: bind_text(s, (int)i + 1, params[i].s); break;
		}
	}
	while (step(b, s)) {
		n++;
		if (fn != NULL)
			fn(ctx, &row);
	}
	done(b, s);
	return n;
}

/* ---- invoices ----------------------------------------------------------- */

int64_t
hb_book_bill_insert(struct hb_book *b, int64_t project_id,
    int64_t package_id, const char *period, const char *currency)
{
	struct stmt *s = stmt(b, SQL_INVOICE_NEW);

	bind_int(s, 1, project_id);
	bind_optional_int(s, 2, package_id > 0, package_id);
	bind_text(s, 3, period);
	bind_text(s, 4, currency);
	bind_text(s, 5, b->now);
	return insert_id(b, s);
}

void
hb_book_bill_line_insert(struct hb_book *b, int64_t invoice_id, int line,
    const char *kind, const char *description, int64_t quantity_minutes,
    bool has_quantity, int64_t unit_price, int64_t amount, int64_t task_id,
    int64_t package_invoice_id, int64_t sales_id)
{
	struct stmt *s = stmt(b, SQL_INVOICE_LINE);

	bind_int(s, 1, invoice_id);
	bind_int(s, 2, line);
	bind_text(s, 3, kind);
	bind_text(s, 4, description);
	bind_optional_int(s, 5, has_quantity, quantity_minutes);
	bind_int(s, 6, unit_price);
	bind_int(s, 7, amount);
	bind_optional_int(s, 8, task_id > 0, task_id);
	bind_optional_int(s, 9, package_invoice_id > 0, package_invoice_id);
	bind_optional_int(s, 10, sales_id > 0, sales_id);
	step(b, s);
	done(b, s);
}

int64_t
hb_book_package_invoice_add(struct hb_book *b, int64_t package_id, int period,
    int64_t amount, hb_day day)
{
	return invoice_insert(b, package_id, period, amount, day);
}

/* ---- batches -------------------------------------------------------- */

bool
hb_book_batch_find(struct hb_book *b, const char *command, const char *digest,
    struct hb_batch_record *out)
{
	struct stmt *s = stmt(b, SQL_BATCH_FIND);
	bool found;

	bind_text(s, 1, command);
	bind_text(s, 2, digest);
	found = step(b, s);
	if (found) {
		out->id = col_int(s, 0);
		out->name = column_text(s, 1);
		out->records = col_int(s, 2);
		out->actor = column_text(s, 3);
		out->at = column_text(s, 4);
	}
	done(b, s);
	return found;
}

void
hb_book_batch_insert(struct hb_book *b, const char *command,
    const char *digest, const char *name, int64_t records)
{
	struct stmt *s = stmt(b, SQL_BATCH_INSERT);

	bind_text(s, 1, command);
	bind_text(s, 2, digest);
	bind_text(s, 3, name);
	bind_int(s, 4, records);
	bind_text(s, 5, b->actor);
	bind_text(s, 6, b->now);
	step(b, s);
	done(b, s);
}

bool
hb_book_request_find(struct hb_book *b, const char *command, const char *key,
    struct hb_request *out)
{
	struct stmt *s = stmt(b, SQL_REQUEST_FIND);
	bool found;

	bind_text(s, 1, command);
	bind_text(s, 2, b->actor);
	bind_text(s, 3, key);
	found = step(b, s);
	if (found) {
		out->digest = column_text(s, 0);
		out->output = column_text(s, 1);
		out->at = column_text(s, 2);
	}
	done(b, s);
	return found;
}

void
hb_book_request_insert(struct hb_book *b, const char *command,
    const char *key, const char *digest, const char *output)
{
	struct stmt *s = stmt(b, SQL_REQUEST_INSERT);

	bind_text(s, 1, command);
	bind_text(s, 2, b->actor);
	bind_text(s, 3, key);
	bind_text(s, 4, digest);
	bind_text(s, 5, output);
	bind_text(s, 6, b->now);
	step(b, s);
	done(b, s);
}

/* ---- sales-share agreements and the sales ledger (schema 17) ------------ */

size_t
hb_book_share_steps(struct hb_book *b, int64_t project_id,
    struct hb_share_step **out)
{
	struct stmt *s = stmt(b, SQL_SHARE_STEPS);
	struct hb_share_step *steps = NULL;
	size_t n = 0, cap = 0;
	char month[8];
	hb_day day;

	bind_int(s, 1, project_id);
	while (step(b, s)) {
		if (n == cap) {
			cap = cap ? 2 * cap : 4;
			steps = hb_xrealloc(steps, cap * sizeof *steps);
		}
		read_share(s, 0, month, &steps[n].terms);
		if (hb_month_parse(month, &day, NULL) != 0)
			continue;
		steps[n++].from = day;
	}
	done(b, s);
	*out = steps;
	return n;
}

static const char *
month_text(hb_day first, char buf[HB_DATE_BUFSZ])
{
	hb_date_format(first, buf);
	buf[7] = '\0';
	return buf;
}

void
hb_book_share_put(struct hb_book *b, int64_t project_id, hb_day month,
    const struct hb_share_terms *t)
{
	struct stmt *s = stmt(b, SQL_SHARE_PUT);
	char buf[HB_DATE_BUFSZ];

	bind_int(s, 1, project_id);
	bind_text(s, 2, month_text(month, buf));
	bind_optional_int(s, 3, t->active, t->minimum);
	bind_text(s, 4, t->active ? (t->by_revenue ? "revenue" : "units")
	    : NULL);
	bind_optional_int(s, 5, t->active, t->threshold);
	bind_optional_int(s, 6, t->active, t->percent);
	bind_optional_int(s, 7, t->active && t->has_cap, t->cap);
	step(b, s);
	done(b, s);
}

void
hb_book_share_delete(struct hb_book *b, int64_t project_id, hb_day month)
{
	struct stmt *s = stmt(b, SQL_SHARE_DELETE);
	char buf[HB_DATE_BUFSZ];

	bind_int(s, 1, project_id);
	bind_text(s, 2, month_text(month, buf));
	step(b, s);
	done(b, s);
}

void
hb_book_sales_insert(struct hb_book *b, struct hb_sales *x)
{
	struct stmt *s = stmt(b, SQL_SALES_INSERT);

	bind_int(s, 1, x->project_id);
	bind_text(s, 2, x->month);
	bind_int(s, 3, x->units);
	bind_int(s, 4, x->revenue);
	bind_text(s, 5, x->note);
	bind_optional_int(s, 6, x->reverses > 0, x->reverses);
	bind_text(s, 7, x->reason);
	bind_text(s, 8, b->actor);
	bind_text(s, 9, b->now);
	x->id = insert_id(b, s);
}

static void
read_sales(struct stmt *s, void *out)
{
	struct hb_sales *x = out;

	x->id = col_int(s, 0);
	x->project_id = col_int(s, 1);
	x->project = column_text(s, 2);
	x->currency = column_text(s, 3);
	x->month = column_text(s, 4);
	x->units = col_int(s, 5);
	x->revenue = col_int(s, 6);
	x->note = column_text(s, 7);
	x->reverses = col_null(s, 8) ? 0 : col_int(s, 8);
	x->reason = column_text(s, 9);
	x->actor = column_text(s, 10);
	x->created = column_text(s, 11);
}

bool
hb_book_sales_get(struct hb_book *b, int64_t id, struct hb_sales *out)
{
	memset(out, 0, sizeof *out);
	return get_row(b, SQL_SALES_GET, NULL, id, read_sales, out);
}

/* ---- timers -------------------------------------------------------------- */

static void
read_timer(struct stmt *s, void *out)
{
	struct hb_timer *t = out;

	t->person_id = col_int(s, 0);
	t->person = column_text(s, 1);
	t->task_id = col_int(s, 2);
	t->started = column_text(s, 3);
	t->note = column_text(s, 4);
	t->actor = column_text(s, 5);
}

bool
hb_book_timer_get(struct hb_book *b, int64_t person_id, struct hb_timer *out)
{
	memset(out, 0, sizeof *out);
	return get_row(b, SQL_TIMER_GET, NULL, person_id, read_timer, out);
}

void
hb_book_each_timer(struct hb_book *b, int64_t person_id,
    void (*fn)(void *ctx, const struct hb_timer *), void *ctx)
{
	struct stmt *s = stmt(b, SQL_TIMER_ALL);
	struct hb_timer t;

	bind_int(s, 1, person_id);
	while (step(b, s)) {
		read_timer(s, &t);
		fn(ctx, &t);
		hb_timer_release(&t);
	}
	done(b, s);
}

void
hb_book_timer_insert(struct hb_book *b, int64_t person_id, int64_t task_id,
    const char *started, const char *note)
{
	struct stmt *s = stmt(b, SQL_TIMER_INSERT);

	bind_int(s, 1, person_id);
	bind_int(s, 2, task_id);
	bind_text(s, 3, started);
	bind_text(s, 4, note);
	bind_text(s, 5, b->actor);
	bind_text(s, 6, b->now);
	step(b, s);
	done(b, s);
}

void
hb_book_timer_delete(struct hb_book *b, int64_t person_id)
{
	struct stmt *s = stmt(b, SQL_TIMER_DELETE);

	bind_int(s, 1, person_id);
	step(b, s);
	done(b, s);
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
	return col_null(row->stmt, column);
}

int64_t
hb_row_int(const struct hb_row *row, int column)
{
	return col_int(row->stmt, column);
}

const char *
hb_row_text(const struct hb_row *row, int column)
{
	return col_text(row->stmt, column);
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
	struct stmt *s = stmt(b, ids[what]);
	struct hb_row row = { s };
	char lo_buf[HB_TIMESTAMP_BUFSZ], hi_buf[HB_TIMESTAMP_BUFSZ];
	/* Comments, events and the changes of tasks are instants: a local
	 * day of the book's zone holds those from its first minute to
	 * before the next day's, not those whose UTC date it is. */
	const char *lo = day_start(f->from, 0, lo_buf);
	const char *hi = day_start(f->to, 1, hi_buf);
	bool instants = what == HB_EXPORT_COMMENTS || what == HB_EXPORT_EVENTS;

	bind_text(s, 1, f->client);
	bind_text(s, 2, f->project);
	if (f->package != NULL)
		bind_int(s, 3, strtoll(f->package, NULL, 10));
	else
		bind_null_int(s, 3);
	bind_text(s, 4, f->person);
	bind_text(s, 5, instants ? lo : f->from);
	bind_text(s, 6, instants ? hi : f->to);
	if (what == HB_EXPORT_ACTIVITIES) {
		bind_text(s, 7, lo);
		bind_text(s, 8, hi);
	}
	while (step(b, s))
		fn(ctx, &row);
	done(b, s);
}

/* ---- book-check ----------------------------------------------------------- */

void
hb_book_check_use(struct hb_book *b, void (*fn)(void *ctx,
    int64_t package_id, const char *day, int64_t recorded, int64_t drawn),
    void *ctx)
{
	struct stmt *s = stmt(b, SQL_CHECK_USE);

	while (step(b, s))
		fn(ctx, col_int(s, 0),
		    col_text(s, 1),
		    col_int(s, 2), col_int(s, 3));
	done(b, s);
}

void
hb_book_check_months(struct hb_book *b, void (*fn)(void *ctx,
    int64_t package_id, const char *month, int64_t recorded, int64_t drawn),
    void *ctx)
{
	struct stmt *s = stmt(b, SQL_CHECK_MONTHS);

	while (step(b, s))
		fn(ctx, col_int(s, 0), col_text(s, 1), col_int(s, 2),
		    col_int(s, 3));
	done(b, s);
}

void
hb_book_check_earned(struct hb_book *b, void (*fn)(void *ctx,
    const char *person, const char *currency, int64_t recorded,
    int64_t earned), void *ctx)
{
	struct stmt *s = stmt(b, SQL_CHECK_EARNED);

	while (step(b, s))
		fn(ctx, col_text(s, 0), col_text(s, 1), col_int(s, 2),
		    col_int(s, 3));
	done(b, s);
}

void
hb_book_check_draws(struct hb_book *b, hb_day until,
    void (*fn)(void *ctx, int64_t package_id, int64_t drawn), void *ctx)
{
	struct stmt *s = stmt(b, SQL_CHECK_DRAWS);
	char day[HB_DATE_BUFSZ];

	bind_text(s, 1, hb_date_format(until, day));
	while (step(b, s))
		fn(ctx, col_int(s, 0), col_int(s, 1));
	done(b, s);
}

void
hb_book_check_task_totals(struct hb_book *b, void (*fn)(void *ctx,
    const struct hb_task_totals *t), void *ctx)
{
	struct stmt *s = stmt(b, SQL_CHECK_TASK_TOTALS);
	struct hb_task_totals t;

	while (step(b, s)) {
		t.task_id = col_int(s, 0);
		t.worked = col_int(s, 1);
		t.billed = col_int(s, 2);
		t.minutes = col_int(s, 3);
		t.billable = col_int(s, 4);
		t.overage = col_int(s, 5);
		t.beyond = col_int(s, 6);
		fn(ctx, &t);
	}
	done(b, s);
}

/* The entry in the 11 columns from first: id, task, person, day, minutes,
 * billable, overage, package, package minutes, reverses, earned. */
static void
read_entry_columns(struct stmt *s, int first, struct hb_entry_row *e)
{
	const char *day = col_text(s, first + 3);

	memset(e, 0, sizeof *e);
	e->id = col_int(s, first);
	e->task_id = col_int(s, first + 1);
	e->person_id = col_int(s, first + 2);
	if (day == NULL || hb_date_parse(day, &e->day, NULL) != 0)
		e->day = 0;
	e->minutes = col_int(s, first + 4);
	e->billable = col_int(s, first + 5);
	e->overage = col_int(s, first + 6);
	e->package_id = col_int(s, first + 7);
	e->package_minutes = col_int(s, first + 8);
	e->reverses = col_int(s, first + 9);
	e->earned = col_int(s, first + 10);
}

void
hb_book_check_reversals(struct hb_book *b, void (*fn)(void *ctx,
    const struct hb_entry_row *reversal, const struct hb_entry_row *original),
    void *ctx)
{
	struct stmt *s = stmt(b, SQL_CHECK_REVERSALS);
	struct hb_entry_row r, o;

	while (step(b, s)) {
		read_entry_columns(s, 0, &r);
		read_entry_columns(s, 11, &o);
		fn(ctx, &r, col_null(s, 11) ? NULL : &o);
	}
	done(b, s);
}

void
hb_book_check_rates(struct hb_book *b, void (*fn)(void *ctx,
    const char *entity, const char *key, int64_t rate, bool has_history,
    int64_t newest), void *ctx)
{
	struct stmt *s = stmt(b, SQL_CHECK_RATES);

	while (step(b, s))
		fn(ctx, col_text(s, 0), col_text(s, 1), col_int(s, 2),
		    !col_null(s, 3), col_int(s, 3));
	done(b, s);
}

void
hb_book_check_invoices(struct hb_book *b, void (*fn)(void *ctx,
    const struct hb_invoice_group *g), void *ctx)
{
	struct stmt *s = stmt(b, SQL_CHECK_INVOICES);
	struct hb_invoice_group g;

	while (step(b, s)) {
		g.project_id = col_int(s, 0);
		g.project = col_text(s, 1);
		g.period = col_text(s, 2);
		g.package_id = col_int(s, 3);
		g.count = col_int(s, 4);
		g.first = col_int(s, 5);
		g.last = col_int(s, 6);
		fn(ctx, &g);
	}
	done(b, s);
}

/* ---- every statement, for the test of both engines ------------------------ */

/* The statements' names, for the test's messages (a query added to
 * enum hb_query and not here is shown by its slot and its text). */
#define NAMED(id) [id] = #id,
static const char *const sql_names[SQL_COUNT] = {
	SQL_IDS(NAMED)
};
static const char *const query_names[HB_Q_COUNT] = {
	NAMED(HB_Q_MONTHLY_TO_INVOICE) NAMED(HB_Q_FEES_TO_BILL)
	NAMED(HB_Q_OVERAGE) NAMED(HB_Q_LATE_DELIVERIES)
	NAMED(HB_Q_NEWEST_PACKAGE) NAMED(HB_Q_INVOICE_FIND)
	NAMED(HB_Q_INVOICES_OF) NAMED(HB_Q_INVOICES_ALL)
	NAMED(HB_Q_SLA_TASKS) NAMED(HB_Q_SLA_COMMENTS)
	NAMED(HB_Q_SLA_WITHDRAWALS) NAMED(HB_Q_DASH_TASKS)
	NAMED(HB_Q_DASH_COMMENTS) NAMED(HB_Q_DASH_INVOICES)
	NAMED(HB_Q_SALES_STANDING) NAMED(HB_Q_SALES_REVERSAL)
	NAMED(HB_Q_SALES_BILLED) NAMED(HB_Q_PLAIN_INVOICE_FROM)
	NAMED(HB_Q_SALES_TO_BILL) NAMED(HB_Q_LATE_SHARES)
	NAMED(HB_Q_SHARE_PROJECTS)
	NAMED(HB_Q_SALES_MONTHS) NAMED(HB_Q_CHECK_SALES_REVERSALS)
	NAMED(HB_Q_CHECK_SALES_STANDING) NAMED(HB_Q_DEEMED_TASKS)
	NAMED(HB_Q_TERM_PACKAGES) NAMED(HB_Q_TERM_SHARES)
	NAMED(HB_Q_COMPLAINT_INSERT) NAMED(HB_Q_COMPLAINT_DECIDE)
	NAMED(HB_Q_COMPLAINTS) NAMED(HB_Q_VOUCHER_HOURS_DUE)
	NAMED(HB_Q_VOUCHER_LOAD) NAMED(HB_Q_VOUCHER_MONEY_DUE)
	NAMED(HB_Q_VOUCHER_LINE) NAMED(HB_Q_VOUCHER_CREDITS)
	NAMED(HB_Q_SHEET_VOUCHERS) NAMED(HB_Q_CHECK_VOUCHERS)
};
#undef NAMED

void
hb_book_each_statement(struct hb_book *b,
    void (*fn)(void *ctx, const struct hb_book_statement *st), void *ctx)
{
	struct hb_book_statement st;
	bool pg = b->engine == &hb_engine_postgresql;

	/* The text each engine runs, as stmt() and hb_book_query() pick it. */
	for (size_t id = 0; id < SQL_COUNT; id++) {
		st.name = sql_names[id];
		st.id = id;
		st.overridden = sql_pg[id] != NULL;
		st.sql = pg && st.overridden ? sql_pg[id] : sql[id];
		fn(ctx, &st);
	}
	for (size_t q = 0; q < HB_Q_COUNT; q++) {
		st.name = query_names[q];
		st.id = SQL_COUNT + q;
		st.overridden = false;
		st.sql = query_sql[q];
		fn(ctx, &st);
	}
}
