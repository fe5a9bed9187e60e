file(REMOVE_RECURSE
  "CMakeFiles/book-copy.dir/cmd/book-copy.c.o"
  "CMakeFiles/book-copy.dir/cmd/book-copy.c.o.d"
  "book-copy"
  "book-copy.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/book-copy.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
