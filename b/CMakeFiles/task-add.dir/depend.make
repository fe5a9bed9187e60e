# Empty dependencies file for task-add.
# This may be replaced when dependencies are built.
