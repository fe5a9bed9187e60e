# Empty dependencies file for report-export.
# This may be replaced when dependencies are built.
