file(REMOVE_RECURSE
  "CMakeFiles/member-add.dir/cmd/member-add.c.o"
  "CMakeFiles/member-add.dir/cmd/member-add.c.o.d"
  "member-add"
  "member-add.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/member-add.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
