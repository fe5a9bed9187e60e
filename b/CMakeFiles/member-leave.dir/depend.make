# Empty dependencies file for member-leave.
# This may be replaced when dependencies are built.
