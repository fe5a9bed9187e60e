# Empty dependencies file for test_xlsxzip.
# This may be replaced when dependencies are built.
