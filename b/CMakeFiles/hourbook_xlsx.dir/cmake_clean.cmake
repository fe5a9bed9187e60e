file(REMOVE_RECURSE
  "CMakeFiles/hourbook_xlsx.dir/lib/xlsx.c.o"
  "CMakeFiles/hourbook_xlsx.dir/lib/xlsx.c.o.d"
  "CMakeFiles/hourbook_xlsx.dir/lib/xlsxzip.c.o"
  "CMakeFiles/hourbook_xlsx.dir/lib/xlsxzip.c.o.d"
  "libhourbook_xlsx.a"
  "libhourbook_xlsx.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/hourbook_xlsx.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
