CMakeFiles/hourbook.dir/schema.c.o: /tmp/exp/b/schema.c \
 /usr/include/stdc-predef.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h
