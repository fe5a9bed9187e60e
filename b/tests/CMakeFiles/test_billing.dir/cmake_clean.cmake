file(REMOVE_RECURSE
  "CMakeFiles/test_billing.dir/unit/test_billing.c.o"
  "CMakeFiles/test_billing.dir/unit/test_billing.c.o.d"
  "test_billing"
  "test_billing.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_billing.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
