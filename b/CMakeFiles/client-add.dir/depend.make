# Empty dependencies file for client-add.
# This may be replaced when dependencies are built.
