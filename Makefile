# Warden build: host libraries and tests (SwiftPM), the Embedded-Swift kernel, the GRUB ISO,
# QEMU boot tests and benchmarks. Subsystem rules live in one fragment per module (*.mk).
#
#   make run     install what is missing, fetch the default model, build the ISO, boot it in QEMU
#   make test    every test: host unit tests, embedded-mode check, spec suites, QEMU boot tests
#   make bench   benchmarks (not part of `make test`)

SHELL        := /bin/bash
.DEFAULT_GOAL := help
BUILD        := build
SWIFT        ?= swift
SWIFTC       ?= swiftc
PYTHON       ?= python3
NPROC        := $(shell nproc 2>/dev/null || echo 2)

# Targets that fragments append to.
TEST_TARGETS  :=
# Things host tests need first (fixtures, spec-suite conversion, the default model).
TEST_PREREQS  :=
EMBEDDED_OBJS :=
BENCH_TARGETS :=

# ----------------------------------------------------------------------------------------------
# Dependencies (idempotent: check, then install only what is missing)
# ----------------------------------------------------------------------------------------------
DEB_PKGS := nasm grub-pc-bin grub-common xorriso mtools qemu-system-x86 wabt b3sum
PIP_PKGS := gguf==0.19.0

.PHONY: deps
deps: $(BUILD)/.deps-ok
$(BUILD)/.deps-ok: Makefile
	@missing=""; for p in $(DEB_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "deps: installing$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	else echo "deps: Debian packages present"; fi
	@$(PYTHON) -c 'import gguf' 2>/dev/null || { echo "deps: pip install $(PIP_PKGS)"; $(PYTHON) -m pip install -q $(PIP_PKGS); }
	@mkdir -p $(BUILD) && touch $@

# ----------------------------------------------------------------------------------------------
# Embedded-mode compilation of the pure libraries (the objects the kernel links)
# ----------------------------------------------------------------------------------------------
EMB := $(BUILD)/embedded
EMBEDDED_FLAGS := -enable-experimental-feature Embedded -enable-experimental-feature Extern \
  -wmo -parse-as-library -target x86_64-unknown-none-elf -Osize \
  -Xcc -mno-red-zone -Xcc -fno-pic -Xfrontend -disable-stack-protector

# $(call lib_sources,dir,excluded-subdirs)
lib_sources = $(shell find $(1) -name '*.swift' $(foreach e,$(2),-not -path '$(1)/$(e)/*') | sort)

# $(call embedded_module,Name,dir,excluded-subdirs,module-deps,extra-flags)
define embedded_module
$(EMB)/$(1).o: $(call lib_sources,$(2),$(3)) $(foreach d,$(4),$(EMB)/$(d).o)
	@mkdir -p $(EMB)
	@echo "  SWIFTC(embedded) $(1)"
	@$(SWIFTC) $(EMBEDDED_FLAGS) $(5) -module-name $(1) -I $(EMB) \
	  -emit-module -emit-module-path $(EMB)/$(1).swiftmodule \
	  -c $$(filter %.swift,$$^) -o $$@
EMBEDDED_OBJS += $(EMB)/$(1).o
endef

# ----------------------------------------------------------------------------------------------
# Subsystem fragments (before the library modules: they may set *_EMB_DEPS and add modules)
# ----------------------------------------------------------------------------------------------
include Kernel/kernel.mk
include WasmRuntime/wasm.mk
include Inference/inference.mk
include Gateway/gateway.mk
include Kernel/Agents/agents.mk

# The pure libraries, compiled in Embedded mode.
$(eval $(call embedded_module,Blake3AVX512,Gateway/Blake3AVX512,,,-target-cpu skylake-avx512))
$(eval $(call embedded_module,Blake3,Gateway/Blake3,,,))
$(eval $(call embedded_module,KernelCore,Kernel/Core,,,))
$(eval $(call embedded_module,WasmRuntime,WasmRuntime,CLI Bench Fuzz,,))
$(eval $(call embedded_module,Inference,Inference,CLI Bench $(INFERENCE_EMB_EXCLUDE),$(INFERENCE_EMB_DEPS),))
$(eval $(call embedded_module,Gateway,Gateway,Blake3 Blake3AVX512 CLI Benchmark Data Fuzz InferenceBridge,Blake3,))
$(eval $(call embedded_module,AgentHost,Kernel/AgentHost,,WasmRuntime Gateway,))

.PHONY: embedded-check
embedded-check: $(EMBEDDED_OBJS)
	@echo "embedded-check: all libraries compile in Embedded mode for x86_64-unknown-none-elf"

# ----------------------------------------------------------------------------------------------
# Host build and unit tests
# ----------------------------------------------------------------------------------------------
.PHONY: host-build host-test
host-build:
	$(SWIFT) build --build-tests
host-test: deps $(TEST_PREREQS) host-build
	$(SWIFT) test --skip-build

# ----------------------------------------------------------------------------------------------
# Top-level targets
# ----------------------------------------------------------------------------------------------
.PHONY: test bench clean help
test: deps
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory host-test embedded-check $(TEST_TARGETS) && \
	echo "make test: all passed in $$(( $$(date +%s) - start )) s"

bench: deps
	$(MAKE) --no-print-directory $(BENCH_TARGETS)

clean:
	rm -rf $(BUILD) .build

help:
	@echo "make run    build the ISO and boot it in QEMU (serial console on this terminal)"
	@echo "make test   run every test (host unit tests, embedded check, spec suites, QEMU boot tests)"
	@echo "make bench  run the benchmarks"
