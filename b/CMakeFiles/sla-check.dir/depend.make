# Empty dependencies file for sla-check.
# This may be replaced when dependencies are built.
