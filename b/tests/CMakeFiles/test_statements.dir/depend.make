# Empty dependencies file for test_statements.
# This may be replaced when dependencies are built.
