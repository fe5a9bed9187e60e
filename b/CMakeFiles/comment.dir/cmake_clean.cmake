file(REMOVE_RECURSE
  "CMakeFiles/comment.dir/cmd/comment.c.o"
  "CMakeFiles/comment.dir/cmd/comment.c.o.d"
  "comment"
  "comment.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/comment.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
