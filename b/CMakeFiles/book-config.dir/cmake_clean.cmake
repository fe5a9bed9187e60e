file(REMOVE_RECURSE
  "CMakeFiles/book-config.dir/cmd/book-config.c.o"
  "CMakeFiles/book-config.dir/cmd/book-config.c.o.d"
  "book-config"
  "book-config.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/book-config.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
