# Empty dependencies file for hours-log.
# This may be replaced when dependencies are built.
