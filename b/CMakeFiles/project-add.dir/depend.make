# Empty dependencies file for project-add.
# This may be replaced when dependencies are built.
