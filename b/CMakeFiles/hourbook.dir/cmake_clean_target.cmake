file(REMOVE_RECURSE
  "libhourbook.a"
)
