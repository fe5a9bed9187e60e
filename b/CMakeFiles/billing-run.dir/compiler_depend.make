# Empty compiler generated dependencies file for billing-run.
# This may be replaced when dependencies are built.
