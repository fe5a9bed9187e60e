file(REMOVE_RECURSE
  "CMakeFiles/holiday-add.dir/cmd/holiday-add.c.o"
  "CMakeFiles/holiday-add.dir/cmd/holiday-add.c.o.d"
  "holiday-add"
  "holiday-add.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/holiday-add.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
