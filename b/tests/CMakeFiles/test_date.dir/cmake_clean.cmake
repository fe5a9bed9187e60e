file(REMOVE_RECURSE
  "CMakeFiles/test_date.dir/unit/test_date.c.o"
  "CMakeFiles/test_date.dir/unit/test_date.c.o.d"
  "test_date"
  "test_date.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_date.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
