# Empty compiler generated dependencies file for book-config.
# This may be replaced when dependencies are built.
