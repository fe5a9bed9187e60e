file(REMOVE_RECURSE
  "CMakeFiles/test_xlsxzip.dir/unit/test_xlsxzip.c.o"
  "CMakeFiles/test_xlsxzip.dir/unit/test_xlsxzip.c.o.d"
  "test_xlsxzip"
  "test_xlsxzip.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_xlsxzip.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
