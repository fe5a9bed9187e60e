file(REMOVE_RECURSE
  "CMakeFiles/report-export.dir/cmd/report-export.c.o"
  "CMakeFiles/report-export.dir/cmd/report-export.c.o.d"
  "report-export"
  "report-export.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/report-export.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
