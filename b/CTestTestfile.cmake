# CMake generated Testfile for 
# Source directory: /tmp/exp
# Build directory: /tmp/exp/b
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
subdirs("tests")
