# Empty dependencies file for test_book.
# This may be replaced when dependencies are built.
