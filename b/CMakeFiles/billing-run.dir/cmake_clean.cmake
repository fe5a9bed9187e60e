file(REMOVE_RECURSE
  "CMakeFiles/billing-run.dir/cmd/billing-run.c.o"
  "CMakeFiles/billing-run.dir/cmd/billing-run.c.o.d"
  "billing-run"
  "billing-run.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/billing-run.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
