# Empty dependencies file for package-set.
# This may be replaced when dependencies are built.
