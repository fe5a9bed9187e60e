/*
 * stopwatch: time one whole process, for scripts/bench.  It forks, execs
 * the command and waits for it, and writes the wall-clock seconds from the
 * fork to the end of the wait, the peak RSS in KB, and the CPU seconds
 * (user and system) the command used, to TIMEFILE.  The command's standard
 * streams are the stopwatch's; its exit status is the stopwatch's (128 +
 * the signal if it was killed).  Unlike date(1) around a command in a
 * shell script, the shell's forks and the clock's own process are not in
 * the figure, which matters for commands that take a few milliseconds.
 * The CPU seconds move less with the load of a busy machine (other
 * processes make a command wait longer, not work more), but leave out the
 * time it waits for the disk.
 *
 * usage: stopwatch TIMEFILE COMMAND [ARG...]
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	pid_t pid;
	int status;
	FILE *out;

	if (argc < 3) {
		fprintf(stderr, "usage: stopwatch TIMEFILE COMMAND [ARG...]\n");
		return 64;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		perror("stopwatch: fork");
		return 71;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		fprintf(stderr, "stopwatch: %s: ", argv[2]);
		perror(NULL);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("stopwatch: wait4");
		return 71;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if ((out = fopen(argv[1], "w")) == NULL) {
		perror(argv[1]);
		return 73;
	}
	fprintf(out, "%.6f %ld %.6f\n", (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9, ru.ru_maxrss,
	    (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6);
	if (fclose(out) != 0) {
		perror(argv[1]);
		return 73;
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) :
	    128 + WTERMSIG(status);
}
