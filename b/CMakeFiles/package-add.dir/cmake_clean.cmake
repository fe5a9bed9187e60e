file(REMOVE_RECURSE
  "CMakeFiles/package-add.dir/cmd/package-add.c.o"
  "CMakeFiles/package-add.dir/cmd/package-add.c.o.d"
  "package-add"
  "package-add.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/package-add.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
