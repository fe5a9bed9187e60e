
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/tmp/exp/lib/actor.c" "CMakeFiles/hourbook.dir/lib/actor.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/actor.c.o.d"
  "/tmp/exp/lib/balance.c" "CMakeFiles/hourbook.dir/lib/balance.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/balance.c.o.d"
  "/tmp/exp/lib/batch.c" "CMakeFiles/hourbook.dir/lib/batch.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/batch.c.o.d"
  "/tmp/exp/lib/billing.c" "CMakeFiles/hourbook.dir/lib/billing.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/billing.c.o.d"
  "/tmp/exp/lib/book.c" "CMakeFiles/hourbook.dir/lib/book.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/book.c.o.d"
  "/tmp/exp/lib/calendar.c" "CMakeFiles/hourbook.dir/lib/calendar.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/calendar.c.o.d"
  "/tmp/exp/lib/check.c" "CMakeFiles/hourbook.dir/lib/check.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/check.c.o.d"
  "/tmp/exp/lib/cli.c" "CMakeFiles/hourbook.dir/lib/cli.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/cli.c.o.d"
  "/tmp/exp/lib/clock.c" "CMakeFiles/hourbook.dir/lib/clock.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/clock.c.o.d"
  "/tmp/exp/lib/config.c" "CMakeFiles/hourbook.dir/lib/config.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/config.c.o.d"
  "/tmp/exp/lib/copy.c" "CMakeFiles/hourbook.dir/lib/copy.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/copy.c.o.d"
  "/tmp/exp/lib/csv.c" "CMakeFiles/hourbook.dir/lib/csv.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/csv.c.o.d"
  "/tmp/exp/lib/date.c" "CMakeFiles/hourbook.dir/lib/date.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/date.c.o.d"
  "/tmp/exp/lib/diag.c" "CMakeFiles/hourbook.dir/lib/diag.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/diag.c.o.d"
  "/tmp/exp/lib/digest.c" "CMakeFiles/hourbook.dir/lib/digest.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/digest.c.o.d"
  "/tmp/exp/lib/duration.c" "CMakeFiles/hourbook.dir/lib/duration.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/duration.c.o.d"
  "/tmp/exp/lib/earnings.c" "CMakeFiles/hourbook.dir/lib/earnings.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/earnings.c.o.d"
  "/tmp/exp/lib/field.c" "CMakeFiles/hourbook.dir/lib/field.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/field.c.o.d"
  "/tmp/exp/lib/hours.c" "CMakeFiles/hourbook.dir/lib/hours.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/hours.c.o.d"
  "/tmp/exp/lib/money.c" "CMakeFiles/hourbook.dir/lib/money.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/money.c.o.d"
  "/tmp/exp/lib/names.c" "CMakeFiles/hourbook.dir/lib/names.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/names.c.o.d"
  "/tmp/exp/lib/output.c" "CMakeFiles/hourbook.dir/lib/output.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/output.c.o.d"
  "/tmp/exp/lib/package.c" "CMakeFiles/hourbook.dir/lib/package.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/package.c.o.d"
  "/tmp/exp/lib/records.c" "CMakeFiles/hourbook.dir/lib/records.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/records.c.o.d"
  "/tmp/exp/lib/report.c" "CMakeFiles/hourbook.dir/lib/report.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/report.c.o.d"
  "/tmp/exp/lib/session.c" "CMakeFiles/hourbook.dir/lib/session.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/session.c.o.d"
  "/tmp/exp/lib/setup.c" "CMakeFiles/hourbook.dir/lib/setup.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/setup.c.o.d"
  "/tmp/exp/lib/sla.c" "CMakeFiles/hourbook.dir/lib/sla.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/sla.c.o.d"
  "/tmp/exp/lib/store_pg.c" "CMakeFiles/hourbook.dir/lib/store_pg.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/store_pg.c.o.d"
  "/tmp/exp/lib/store_sqlite.c" "CMakeFiles/hourbook.dir/lib/store_sqlite.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/store_sqlite.c.o.d"
  "/tmp/exp/lib/suggest.c" "CMakeFiles/hourbook.dir/lib/suggest.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/suggest.c.o.d"
  "/tmp/exp/lib/task.c" "CMakeFiles/hourbook.dir/lib/task.c.o" "gcc" "CMakeFiles/hourbook.dir/lib/task.c.o.d"
  "/tmp/exp/b/schema.c" "CMakeFiles/hourbook.dir/schema.c.o" "gcc" "CMakeFiles/hourbook.dir/schema.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
