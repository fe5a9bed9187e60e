file(REMOVE_RECURSE
  "CMakeFiles/test_digest.dir/unit/test_digest.c.o"
  "CMakeFiles/test_digest.dir/unit/test_digest.c.o.d"
  "test_digest"
  "test_digest.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_digest.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
