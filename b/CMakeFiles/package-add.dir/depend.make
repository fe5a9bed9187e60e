# Empty dependencies file for package-add.
# This may be replaced when dependencies are built.
