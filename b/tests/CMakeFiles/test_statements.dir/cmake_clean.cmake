file(REMOVE_RECURSE
  "CMakeFiles/test_statements.dir/unit/test_statements.c.o"
  "CMakeFiles/test_statements.dir/unit/test_statements.c.o.d"
  "test_statements"
  "test_statements.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_statements.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
