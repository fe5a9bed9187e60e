file(REMOVE_RECURSE
  "CMakeFiles/project-add.dir/cmd/project-add.c.o"
  "CMakeFiles/project-add.dir/cmd/project-add.c.o.d"
  "project-add"
  "project-add.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/project-add.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
