# Empty compiler generated dependencies file for task-list.
# This may be replaced when dependencies are built.
