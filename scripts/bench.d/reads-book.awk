# reads-book.awk: the plan of a realistic book for scripts/bench reads and
# latency, as the CSV files the hourbook commands take, one folder per
# month.  Nothing here touches a book: scripts/bench feeds the files to the
# commands month by month, with the clock (HOURBOOK_NOW) at the month's
# first day for its set-up and at its last for its work.
#
# usage: awk -v entries=N -v tasks=T -v dir=DIR -f reads-book.awk
#
# The shape: 36 months (2023-11 to 2026-10); 20 clients, the last four in
# USD, the others in EUR; 100 projects, 5 of them self-service, every third
# with a late-delivery penalty; 15 staff (maria first) and 35 freelancers
# with rates, 5 freelancers and 2 staff on each team, and each client's
# contact.  Projects are not alike: project p gets about
# (p/100)^(2/3) - ((p-1)/100)^(2/3) of the time (the first 4.6%, the last
# 0.3%).  Each package project buys a package a year, its cycle starting
# in month p % 12 + 1 (and a smaller one at the start for the months
# before): standard, upfront (expiring a month after its year), or
# standard with a monthly plan beside it (every other one lapsing),
# sized to about 80% of the project's expected billable time, so most
# entries draw from packages and the last months of a cycle are overage;
# every fourth project closes its old package when it buys the next.
# Tasks: T spread evenly over the projects and months, each worked for
# 2 or more months; a tenth are requests (estimated by staff, most
# approved; a few stay waiting, a few are never estimated), a fifth have
# due dates (half rigid; a third of those due before the end of the work,
# so delivered late), one in 25 urgent, one in 15 extra (never a
# request: task-add refuses an extra request the packages cannot cover,
# and many projects are in overage at the end of a cycle), one in 17
# never finished, one in 41 cancelled, one in 31 blocked for a month, one
# in 10 sent back for a revision once.  Entries: N, the same number each month, on weekdays,
# 15 minutes to 4 hours, on the tasks being worked on, by the assignee
# (4 in 5) or another member of the team, with notes that need quoting.
#
# The files of month NN (m/NN/): packages.csv (package-add), new.ids
# (the packages added, to invoice and pay), close.ids, tasks.csv
# (task-add), approve.ids, entries.csv (hours-log --overdraft --csv),
# ends.ids (tasks whose work ends: deliver, or cancel the ones in
# cancel.ids), block.ids, client-NN.csv (comments of client NN's
# contact), staff.csv (maria's comments and replies).  months.txt: one
# line per month: NN YYYY-MM first-day last-day.  setup/: clients.csv,
# projects.csv, people.csv.

function weekday(y, m, d,    t) {	# 0 = Sunday (Sakamoto)
	split("0 3 2 5 0 3 5 1 4 6 2 4", t, " ")
	if (m < 3)
		y--
	return (y + int(y / 4) - int(y / 100) + int(y / 400) + t[m] + d) % 7
}

function days_in(y, m) {
	if (m == 2)
		return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28
	return (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31
}

# Day d of month k (1 is 2023-11; past 36 as well).
function day_of(k, d) {
	return sprintf("%04d-%02d-%02d", 2023 + int((k + 9) / 12),
	    (k + 9) % 12 + 1, d)
}

function ceil(x) {
	return (x == int(x)) ? x : int(x) + 1
}

function fopen(name) {
	return dir "/" name
}

BEGIN {
	srand(20261102)
	if (entries < 1 || tasks < 1 || dir == "") {
		print "reads-book.awk: entries, tasks and dir are needed" > "/dev/stderr"
		exit 64
	}
	MONTHS = 36; PROJECTS = 100; CLIENTS = 20; STAFF = 15; FREE = 35
	AVG_MINUTES = 127.5	# 15 * (1 + 16) / 2, before the urgent factor
	y = 2023; m = 11
	for (mi = 1; mi <= MONTHS; mi++) {
		Y[mi] = y; M[mi] = m; last[mi] = days_in(y, m)
		nwd[mi] = 0
		for (d = 1; d <= last[mi]; d++) {
			w = weekday(y, m, d)
			if (w != 0 && w != 6)
				wd[mi, ++nwd[mi]] = d
		}
		f = sprintf("%02d", mi)
		printf "%s %04d-%02d %s %s\n", f, y, m, day_of(mi, 1),
		    day_of(mi, last[mi]) > fopen("months.txt")
		if (++m > 12) { m = 1; y++ }
	}

	# ---- setup ----
	out = fopen("setup/clients.csv")
	print "client,display_name,currency" > out
	for (c = 1; c <= CLIENTS; c++)
		printf "c%02d,\"Client %d, Ltd.\",%s\n", c, c,
		    (c > 16 ? "USD" : "EUR") > out
	close(out)
	out = fopen("setup/projects.csv")
	print "project,client,rate,model,penalty" > out
	for (p = 1; p <= PROJECTS; p++) {
		selfservice[p] = p % 20 == 0
		printf "p%03d,c%02d,%d,%s,%s\n", p, (p - 1) % CLIENTS + 1,
		    40 + (p * 7) % 60, selfservice[p] ? "self-service" : "package",
		    p % 3 == 0 ? "\"10,2\"" : "" > out
		weight[p] = (p / 100) ^ (2 / 3) - ((p - 1) / 100) ^ (2 / 3)
	}
	close(out)
	# A person's details on their first row only: a later row only
	# joins a team (member-add refuses new details for a known person).
	out = fopen("setup/people.csv")
	print "person,role,rate,client,contact,project" > out
	print "maria,staff,,,," > out
	for (p = 1; p <= PROJECTS; p++) {
		for (j = 0; j < 5; j++) {
			f = (p * 3 + j * 7) % FREE
			team[p, j] = sprintf("f%02d", f + 1)
			if (seen[team[p, j]]++)
				printf "%s,,,,,p%03d\n", team[p, j], p > out
			else
				printf "%s,freelancer,%d,,,p%03d\n", team[p, j],
				    20 + f * 3 % 40, p > out
		}
		for (j = 0; j < 2; j++) {
			team[p, 5 + j] = sprintf("s%02d", (p + j * 5) % (STAFF - 1) + 2)
			printf "%s,%s,,,,p%03d\n", team[p, 5 + j],
			    seen[team[p, 5 + j]]++ ? "" : "staff", p > out
		}
		c = (p - 1) % CLIENTS + 1
		if (seen["k" c]++)
			printf "k%02d,,,,,p%03d\n", c, p > out
		else
			printf "k%02d,client,,c%02d,yes,p%03d\n", c, c, p > out
	}
	close(out)

	# ---- packages: a cycle a year per package project ----
	# Planned per project, numbered as package-add will number them:
	# in the order of the months, and within a month of the projects.
	nrec = 0
	for (p = 1; p <= PROJECTS; p++) {
		if (selfservice[p])
			continue
		# The project's expected minutes a month (billable: urgent
		# tasks count three times, one task in 25).
		demand = entries / MONTHS * weight[p] * AVG_MINUTES * (1 + 2 / 25)
		c0 = p % 12 + 1
		starts = ""
		if (c0 > 1)
			starts = "1:" (c0 - 1)
		for (s = c0; s <= MONTHS; s += 12)
			starts = starts (starts == "" ? "" : " ") s ":12"
		n = split(starts, cyc, " ")
		prev = 0
		for (i = 1; i <= n; i++) {
			split(cyc[i], sl, ":")
			s = sl[1]; len = sl[2]
			hours = ceil(0.8 * len * demand / 60)
			if (p % 4 == 1) {
				rec_row[++nrec] = sprintf("p%03d,%d,upfront,,%s,",
				    p, ceil(hours / 1.1), day_of(s + len, 1))
				rec_month[nrec] = s
				self = nrec
			} else {
				mh = 0
				if (p % 4 == 2 && len >= 3) {
					mh = ceil(0.45 * demand / 60)
					hours = ceil(hours - mh * len)
					if (hours < 1)
						hours = 1
				}
				rec_row[++nrec] = sprintf("p%03d,%d,standard,,,", p, hours)
				rec_month[nrec] = s
				self = nrec
				if (mh > 0) {
					rec_row[++nrec] = sprintf("p%03d,%d,monthly,%d,,%s",
					    p, mh, len, p % 8 == 2 ? "yes" : "")
					rec_month[nrec] = s
				}
			}
			if (p % 4 == 3 && prev > 0)
				rec_closes[self] = prev
			prev = self
		}
	}
	pkg = 0
	for (mi = 1; mi <= MONTHS; mi++) {
		f = sprintf("%02d", mi)
		for (r = 1; r <= nrec; r++) {
			if (rec_month[r] != mi)
				continue
			out = fopen("m/" f "/packages.csv")
			newids = fopen("m/" f "/new.ids")
			if (!(f in started)) {
				print "project,hours,plan,months,expires,lapse" > out
				started[f] = 1
			}
			print rec_row[r] > out
			print (idof[r] = ++pkg) > newids
			if (r in rec_closes)
				print idof[rec_closes[r]] > fopen("m/" f "/close.ids")
		}
		if (f in started) {
			close(fopen("m/" f "/packages.csv"))
			close(fopen("m/" f "/new.ids"))
			close(fopen("m/" f "/close.ids"))
		}
	}

	# ---- tasks, in the order they are added: by month, then project ----
	per = tasks / PROJECTS
	span = ceil(MONTHS / per) + 2
	if (span < 2)
		span = 2
	id = 0
	for (mi = 1; mi <= MONTHS; mi++) {
		f = sprintf("%02d", mi)
		out = fopen("m/" f "/tasks.csv")
		print "project,kind,assign,estimate,due,rigid,urgent,extra,fee,description,title" > out
		for (p = 1; p <= PROJECTS; p++) {
			# tasks j of project p with 1 + int((j - 1) * MONTHS / per) == mi
			lo = ceil((mi - 1) * per / MONTHS) + 1
			hi = ceil(mi * per / MONTHS)
			for (j = lo; j <= hi && j <= per; j++) {
				id++
				end = mi + span - 1
				kind = "activity"
				estimate = 60 * (2 + j % 20)
				loggable = 1
				# (j + p): the requests, and so the gaps, of the
				# projects fall in different months.
				if (!selfservice[p] && (j + p) % 10 == 5) {
					kind = "request"
					if ((j + p) % 50 == 5) {
						estimate = ""	# never estimated
						loggable = 0
					} else if ((j + p) % 20 == 15) {
						loggable = 0	# waits for approval
					} else
						approve[f] = approve[f] " " id
				}
				due = ""; rigid = ""
				if (j % 5 == 2 && end <= MONTHS + 2) {
					rigid = j % 10 == 2 ? "yes" : ""
					if (j % 15 == 2)	# before the work ends: late
						due = day_of(end <= MONTHS ? end : MONTHS, 10)
					else
						due = day_of(end + 1, 15)
				}
				who = team[p, j % 5 == 4 ? 5 : j % 5]
				printf "p%03d,%s,%s,%s,%s,%s,%s,%s,%s,%s,\"Task %d, part %d of \"\"p%03d\"\"\"\n",
				    p, kind, who, selfservice[p] ? "" : estimate, due, rigid,
				    j % 25 == 0 ? "yes" : "",
				    j % 15 == 0 && kind != "request" ? "yes" : "",
				    selfservice[p] ? 50 + (j % 10) * 10 : "",
				    j % 3 == 0 ? "\"Scope: pages, forms; café\"" : "",
				    id, j, p > out
				assignee[id] = who
				if (loggable)
					for (k = mi; k <= end && k <= MONTHS; k++)
						live[p, k] = live[p, k] " " id
				if (loggable && end <= MONTHS && j % 17 != 0) {
					g = sprintf("%02d", end)
					ends[g] = ends[g] " " id
					if (j % 41 == 0)
						cancels[g] = cancels[g] " " id
				}
				if (loggable && j % 31 == 0)
					blocks[f] = blocks[f] " " id
			}
		}
		close(out)
	}
	for (f in approve) {
		out = fopen("m/" f "/approve.ids")
		n = split(approve[f], ids, " ")
		for (i = 1; i <= n; i++)
			print ids[i] > out
		close(out)
	}
	for (f in ends) {
		out = fopen("m/" f "/ends.ids")
		n = split(ends[f], ids, " ")
		for (i = 1; i <= n; i++)
			print ids[i] > out
		close(out)
	}
	for (f in cancels) {
		out = fopen("m/" f "/cancel.ids")
		n = split(cancels[f], ids, " ")
		for (i = 1; i <= n; i++)
			print ids[i] > out
		close(out)
	}
	for (f in blocks) {
		out = fopen("m/" f "/block.ids")
		n = split(blocks[f], ids, " ")
		for (i = 1; i <= n; i++)
			print ids[i] > out
		close(out)
	}

	# ---- entries and comments, month by month ----
	cum[0] = 0
	for (p = 1; p <= PROJECTS; p++)
		cum[p] = cum[p - 1] + weight[p]
	serial = 0
	for (mi = 1; mi <= MONTHS; mi++) {
		f = sprintf("%02d", mi)
		for (p = 1; p <= PROJECTS; p++) {
			nlive[p] = split(live[p, mi], ids, " ")
			for (i = 1; i <= nlive[p]; i++)
				L[p, i] = ids[i]
		}
		out = fopen("m/" f "/entries.csv")
		print "task,minutes,date,person,note,overdraft" > out
		want = int(entries * mi / MONTHS) - int(entries * (mi - 1) / MONTHS)
		for (k = 1; k <= nwd[mi]; k++) {
			n = int(want * k / nwd[mi]) - int(want * (k - 1) / nwd[mi])
			day = day_of(mi, wd[mi, k])
			for (i = 0; i < n; i++) {
				tries = 0
				do {
					if (++tries > 100000) {
						print "reads-book.awk: no task to log time on in month " f > "/dev/stderr"
						exit 70
					}
					r = rand()
					lo = 1; hi = PROJECTS
					while (lo < hi) {
						mid = int((lo + hi) / 2)
						if (cum[mid] < r) lo = mid + 1; else hi = mid
					}
					p = lo
				} while (nlive[p] == 0)
				t = L[p, 1 + int(rand() * nlive[p])]
				who = rand() < 0.8 ? assignee[t] : team[p, int(rand() * 7)]
				serial++
				note = serial % 4 == 0 ? "" : serial % 4 == 1 ? \
				    sprintf("\"Revisão %d, \"\"hero\"\" section; café\"", serial) : \
				    sprintf("review of part %d", serial % 97)
				printf "%d,%d,%s,%s,%s,yes\n", t, 15 * (1 + int(rand() * 16)),
				    day, who, note > out
			}
		}
		close(out)

		# Two clients' contacts comment on up to 20 of their tasks
		# being worked on; maria answers all but one in eight, and
		# comments on a tenth of the other tasks being worked on.
		staff = fopen("m/" f "/staff.csv")
		print "task,body" > staff
		for (q = 0; q < 2; q++) {
			c = (mi * 7 + q * 11) % CLIENTS + 1
			out = fopen(sprintf("m/%s/client-%02d.csv", f, c))
			print "task,body" > out
			said = 0
			for (p = c; p <= PROJECTS && said < 20; p += CLIENTS)
				for (i = 1; i <= nlive[p] && said < 20; i += 2) {
					t = L[p, i]
					printf "%d,\"Any news on this? The deadline, for us, is close.\"\n", t > out
					if (++said % 8 != 0)
						printf "%d,\"On it: a first version this week.\"\n", t > staff
				}
			close(out)
		}
		for (p = 1; p <= PROJECTS; p++)
			for (i = 1; i <= nlive[p]; i++)
				if ((L[p, i] + mi) % 10 == 0)
					printf "%d,\"Notes, month %d: see the \"\"plan\"\".\"\n", L[p, i], mi > staff
		close(staff)
	}
}
