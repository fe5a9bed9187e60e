# Empty compiler generated dependencies file for task-set.
# This may be replaced when dependencies are built.
