# Empty dependencies file for member-add.
# This may be replaced when dependencies are built.
