# Empty dependencies file for withdraw.
# This may be replaced when dependencies are built.
