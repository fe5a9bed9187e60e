file(REMOVE_RECURSE
  "CMakeFiles/withdraw.dir/cmd/withdraw.c.o"
  "CMakeFiles/withdraw.dir/cmd/withdraw.c.o.d"
  "withdraw"
  "withdraw.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/withdraw.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
