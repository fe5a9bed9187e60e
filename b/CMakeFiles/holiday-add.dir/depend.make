# Empty dependencies file for holiday-add.
# This may be replaced when dependencies are built.
