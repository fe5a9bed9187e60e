# Empty dependencies file for hourbook_xlsx.
# This may be replaced when dependencies are built.
