file(REMOVE_RECURSE
  "CMakeFiles/sla-check.dir/cmd/sla-check.c.o"
  "CMakeFiles/sla-check.dir/cmd/sla-check.c.o.d"
  "sla-check"
  "sla-check.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/sla-check.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
