# Empty compiler generated dependencies file for comment.
# This may be replaced when dependencies are built.
