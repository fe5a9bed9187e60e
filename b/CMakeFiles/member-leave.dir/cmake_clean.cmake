file(REMOVE_RECURSE
  "CMakeFiles/member-leave.dir/cmd/member-leave.c.o"
  "CMakeFiles/member-leave.dir/cmd/member-leave.c.o.d"
  "member-leave"
  "member-leave.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/member-leave.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
