# Demo agents and the agent SDK: build rules (included by the top-level Makefile).
