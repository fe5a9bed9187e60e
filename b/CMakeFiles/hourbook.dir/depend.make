# Empty dependencies file for hourbook.
# This may be replaced when dependencies are built.
