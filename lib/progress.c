/*
 * progress: one line on a terminal, rewritten in place (progress.h).
 */
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "hourbook/cli.h"
#include "hourbook/diag.h"
#include "hourbook/progress.h"

#define DEFAULT_DELAY_MS 1000
#define UPDATE_NS (200 * INT64_C(1000000))	/* five updates a second */

/* The progress whose line is on the terminal, to clear before a message. */
static struct hb_progress *showing;

static int64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void
clear_line(void)
{
	if (showing == NULL || !showing->shown)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	showing->shown = false;
}

static int64_t
delay_ns(void)
{
	const char *env = getenv("HOURBOOK_PROGRESS_MS");
	char *end;
	long long ms;

	if (env == NULL || *env == '\0')
		return DEFAULT_DELAY_MS * INT64_C(1000000);
	ms = strtoll(env, &end, 10);
	if (*end != '\0' || ms < 0 || ms > 86400000LL)
		return DEFAULT_DELAY_MS * INT64_C(1000000);
	return ms * INT64_C(1000000);
}

void
hb_progress_begin(struct hb_progress *p, FILE *input)
{
	struct stat st;

	p->done = 0;
	p->shown = false;
	p->on = !hb_opts.quiet && isatty(STDERR_FILENO);
	p->input = NULL;
	p->input_size = 0;
	if (input != NULL && fstat(fileno(input), &st) == 0 &&
	    S_ISREG(st.st_mode) && st.st_size > 0) {
		p->input = input;
		p->input_size = st.st_size;
	}
	p->delay_ns = p->on ? delay_ns() : 0;
	p->start_ns = p->on ? now_ns() : 0;
	p->next_ns = p->start_ns + p->delay_ns;
}

void
hb_progress_check(struct hb_progress *p)
{
	int64_t t = now_ns(), elapsed = t - p->start_ns;
	char line[160];
	int n;

	if (t < p->next_ns)
		return;
	p->next_ns = t + UPDATE_NS;
	n = snprintf(line, sizeof line, "%s: %lld rows", hb_progname(),
	    (long long)p->done);
	if (elapsed > 0 && n > 0 && (size_t)n < sizeof line)
		n += snprintf(line + n, sizeof line - (size_t)n, ", %lld rows/s",
		    (long long)((double)p->done * 1e9 / (double)elapsed));
	if (p->input != NULL && n > 0 && (size_t)n < sizeof line) {
		long at = ftell(p->input);

		if (at >= 0) {
			int64_t pct = (int64_t)at * 100 / p->input_size;

			snprintf(line + n, sizeof line - (size_t)n, ", %lld%%",
			    (long long)(pct > 100 ? 100 : pct));
		}
	}
	fprintf(stderr, "\r%s\033[K", line);
	fflush(stderr);
	p->shown = true;
	if (showing != p) {
		showing = p;
		hb_diag_set_before_message(clear_line);
	}
}

void
hb_progress_end(struct hb_progress *p)
{
	if (showing == p) {
		clear_line();
		showing = NULL;
		hb_diag_set_before_message(NULL);
	}
	p->on = false;
}
