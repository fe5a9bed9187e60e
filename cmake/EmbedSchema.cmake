# EmbedSchema.cmake: write OUTPUT, a C file holding every migration script
# of schema/ENGINE/NNN-*.sql as a string, indexed by the version it takes
# a book to: hb_schema_ENGINE[NNN] (NULL where an engine has no script for
# that version).  Run at build time (cmake -P), so the scripts are part of
# the binary and a changed .sql file rebuilds it.
#
#   cmake -DSCHEMA_DIR=... -DOUTPUT=... -P EmbedSchema.cmake
set(out "/* Generated from ${SCHEMA_DIR} by cmake/EmbedSchema.cmake: do not edit. */\n")
string(APPEND out "#include <stddef.h>\n\n")
set(max 0)
foreach(engine sqlite pg)
  file(GLOB files "${SCHEMA_DIR}/${engine}/[0-9][0-9][0-9]-*.sql")
  list(SORT files)
  set(entries "")
  foreach(f IN LISTS files)
    get_filename_component(name "${f}" NAME)
    string(SUBSTRING "${name}" 0 3 num)
    math(EXPR v "${num}")
    if(v GREATER max)
      set(max ${v})
    endif()
    file(READ "${f}" text)
    string(REPLACE "\\" "\\\\" text "${text}")
    string(REPLACE "\"" "\\\"" text "${text}")
    string(REPLACE "\n" "\\n\"\n\t\"" text "${text}")
    string(APPEND entries "\t[${v}] = \"${text}\",\n")
  endforeach()
  set(table_${engine} "${entries}")
endforeach()
foreach(engine sqlite pg)
  math(EXPR size "${max} + 1")
  string(APPEND out "const char *const hb_schema_${engine}[${size}] = {\n${table_${engine}}};\n")
endforeach()
string(APPEND out "const int hb_schema_latest = ${max};\n")
file(WRITE "${OUTPUT}.tmp" "${out}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
