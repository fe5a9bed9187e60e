file(REMOVE_RECURSE
  "CMakeFiles/task-set.dir/cmd/task-set.c.o"
  "CMakeFiles/task-set.dir/cmd/task-set.c.o.d"
  "task-set"
  "task-set.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/task-set.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
