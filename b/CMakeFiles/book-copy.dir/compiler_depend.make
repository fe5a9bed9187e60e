# Empty compiler generated dependencies file for book-copy.
# This may be replaced when dependencies are built.
