file(REMOVE_RECURSE
  "CMakeFiles/task-add.dir/cmd/task-add.c.o"
  "CMakeFiles/task-add.dir/cmd/task-add.c.o.d"
  "task-add"
  "task-add.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/task-add.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
