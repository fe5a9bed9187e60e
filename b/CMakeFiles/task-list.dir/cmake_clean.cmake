file(REMOVE_RECURSE
  "CMakeFiles/task-list.dir/cmd/task-list.c.o"
  "CMakeFiles/task-list.dir/cmd/task-list.c.o.d"
  "task-list"
  "task-list.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/task-list.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
