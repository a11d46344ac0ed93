# Make rules of this subsystem (included by the top-level Makefile).
