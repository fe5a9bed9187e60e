file(REMOVE_RECURSE
  "libhourbook_xlsx.a"
)
