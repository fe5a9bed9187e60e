# Empty dependencies file for test_digest.
# This may be replaced when dependencies are built.
