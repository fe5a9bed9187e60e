# Empty dependencies file for book-check.
# This may be replaced when dependencies are built.
