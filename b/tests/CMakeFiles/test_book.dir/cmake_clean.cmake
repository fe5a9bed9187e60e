file(REMOVE_RECURSE
  "CMakeFiles/test_book.dir/unit/test_book.c.o"
  "CMakeFiles/test_book.dir/unit/test_book.c.o.d"
  "test_book"
  "test_book.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_book.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
