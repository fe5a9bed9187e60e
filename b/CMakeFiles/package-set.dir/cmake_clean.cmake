file(REMOVE_RECURSE
  "CMakeFiles/package-set.dir/cmd/package-set.c.o"
  "CMakeFiles/package-set.dir/cmd/package-set.c.o.d"
  "package-set"
  "package-set.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/package-set.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
