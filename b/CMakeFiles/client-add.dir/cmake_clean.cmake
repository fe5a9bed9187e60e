file(REMOVE_RECURSE
  "CMakeFiles/client-add.dir/cmd/client-add.c.o"
  "CMakeFiles/client-add.dir/cmd/client-add.c.o.d"
  "client-add"
  "client-add.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/client-add.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
