# Empty compiler generated dependencies file for test_xlsx.
# This may be replaced when dependencies are built.
