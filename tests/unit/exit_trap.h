/*
 * exit_trap: for unit tests of code that ends the program.  With
 * hb_diag_set_exit(fake_exit), a death longjmps back to the setjmp(back)
 * of the test instead, leaving its status in exited.
 */
#ifndef HOURBOOK_TEST_EXIT_TRAP_H
#define HOURBOOK_TEST_EXIT_TRAP_H

#include <setjmp.h>

static jmp_buf back;
static int exited;

static void
fake_exit(int status)
{
	exited = status;
	longjmp(back, 1);
}

#endif
