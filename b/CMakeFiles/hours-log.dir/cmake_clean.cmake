file(REMOVE_RECURSE
  "CMakeFiles/hours-log.dir/cmd/hours-log.c.o"
  "CMakeFiles/hours-log.dir/cmd/hours-log.c.o.d"
  "hours-log"
  "hours-log.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/hours-log.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
