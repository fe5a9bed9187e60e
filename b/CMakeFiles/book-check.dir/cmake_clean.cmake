file(REMOVE_RECURSE
  "CMakeFiles/book-check.dir/cmd/book-check.c.o"
  "CMakeFiles/book-check.dir/cmd/book-check.c.o.d"
  "book-check"
  "book-check.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/book-check.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
