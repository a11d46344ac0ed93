# Kernel build: nasm boot code + Embedded-Swift kernel + the libraries' Embedded objects → ELF → GRUB ISO,
# QEMU boot tests and boot-time figures. Included by the top-level Makefile (BUILD, EMB, EMBEDDED_FLAGS).
#
#   make kernel      build/kernel/warden.elf
#   make iso         build/kernel/warden.iso (console image; ISO_MODULES become GRUB module2 lines)
#   make run         boot the ISO in QEMU, console on this terminal (KVM if a probe shows it works, else TCG)
#   make boot-test   QEMU boot tests (test kernel modes), part of `make test`
#   make boot-bench  boot-time figures (part of `make bench`)
#   make kernel-link-check  every library object linked with the kernel (missing runtime symbols), in `make test`

KBUILD      := $(BUILD)/kernel
NASM        ?= nasm
LLD         ?= $(or $(shell command -v ld.lld 2>/dev/null),/opt/swift/usr/bin/ld.lld)
QEMU        ?= qemu-system-x86_64
QEMU_MEM    ?= 1G
SWIFT_EMBEDDED_LIBDIR ?= $(abspath $(dir $(shell command -v $(SWIFTC)))/../lib/swift/embedded/x86_64-unknown-none-elf)

# Library modules the kernel links (their Embedded objects come from the top-level `embedded_module` rules).
KERNEL_LIBS := KernelCore Blake3AVX512 Blake3 WasmRuntime InferenceAVX2 InferenceAVX512 Inference Gateway AgentHost
KERNEL_LIB_OBJS = $(addprefix $(EMB)/,$(addsuffix .o,$(KERNEL_LIBS)))

# ---- Evaluation and benchmarks in the kernel (docs/evaluation.md "In-kernel replay and benchmarks") ----
# GatewayInference: the one SafetyModel adapter over Inference (warden-eval and the kernel). Listed here,
# before the Kernel.o rule, because prerequisite lists are expanded when a rule is read.
$(eval $(call embedded_module,GatewayInference,Gateway/InferenceBridge,,Gateway Inference,))
KERNEL_LIBS += GatewayInference

# Boot modules as path:name (name and any key=value words form the module2 command line; crc32= and size=
# are appended by the ISO script): the policy (`policy`), the file-system image (`fsimage`), the agents'
# environment (`env`), each agent module and manifest under its file name, the model (Kernel/Model/model.mk).
#   make run POLICY=file AGENTS="a.wasm b.wasm" AGENT_MANIFEST_FILES="a.manifest b.manifest" MODEL=m.gguf
POLICY               ?= Gateway/Data/constitution.policy
# (agents.mk is included after this file: its variables are not yet set when these prerequisites expand)
AGENTS               ?= $(addprefix $(BUILD)/agents/,assistant.wasm injected.wasm destructive.wasm misbehave.wasm \
                          rogue_import.wasm rogue_signature.wasm)
AGENT_MANIFEST_FILES ?= $(filter-out %/callloop.manifest %/callloop-reads.manifest,$(wildcard Kernel/Agents/*/*.manifest))
FSIMAGE              ?= $(BUILD)/agents/demo.wfs
AGENT_ENV            ?= $(BUILD)/agents/demo.env
GATE_MODULES = $(if $(POLICY),$(POLICY):policy) $(FSIMAGE):fsimage $(AGENT_ENV):env \
  $(foreach f,$(AGENTS) $(AGENT_MANIFEST_FILES),$(f):$(notdir $(f)))
ISO_MODULES ?= $(KBUILD)/testmod.bin:testmod $(GATE_MODULES) $(MODEL_MODULES)
# The model: none in the test images (ProbeLogits fails closed); `make run` defaults to SmolLM2 (`make model`).
MODEL         ?=
MODEL_MODULES ?= $(if $(MODEL),$(MODEL):model)
RUN_MODEL     ?= $(or $(MODEL),$(BUILD)/models/SmolLM2-135M-Instruct.Q4_1.gguf)
# Extra kernel command line for the console image (`make run`).
KERNEL_CMDLINE ?=
# The kernel build id recorded in the audit genesis: BLAKE3 of the kernel ELF (`b3sum build/kernel/warden.elf`).
BUILD_ID_ARG = warden.build=$$(b3sum --no-names $(KERNEL_ELF))

BOOT_OBJS      := $(patsubst Boot/%.asm,$(KBUILD)/boot/%.o,$(wildcard Boot/*.asm))
KERNEL_SOURCES := $(shell find Kernel -name '*.swift' -not -path 'Kernel/Core/*' -not -path 'Kernel/SIMD/*' -not -path 'Kernel/Host/*' -not -path 'Kernel/AgentHost/*' -not -path 'Kernel/Agents/*' -not -path 'Kernel/SDK/*' | sort)
KERNEL_SIMD_SOURCES := $(wildcard Kernel/SIMD/*.swift)
KERNEL_HEADERS := $(wildcard Kernel/Arch/include/*)
KERNEL_ELF     := $(KBUILD)/warden.elf
ISO_SCRIPT     := Kernel/Host/mkiso.py
ISO_INPUTS      = $(KERNEL_ELF) $(ISO_SCRIPT) $(foreach m,$(ISO_MODULES),$(firstword $(subst :, ,$(m))))

.PHONY: kernel iso run boot-test boot-bench
kernel: $(KERNEL_ELF)
iso: $(KBUILD)/warden.iso

$(KBUILD)/boot/%.o: Boot/%.asm
	@mkdir -p $(dir $@)
	@echo "  NASM     $<"
	@$(NASM) -f elf64 -w+all $< -o $@

# AVX2/FMA kernels: a separate module compiled for Haswell, called only when CPUID reports AVX2 + FMA.
# NOTE: it also carries weak copies of Swift runtime functions (swift_retain, ...) compiled for Haswell;
# it is linked LAST so the linker keeps the baseline copies from Kernel.o (lld keeps the first weak definition).
$(KBUILD)/KernelSIMD.o: $(KERNEL_SIMD_SOURCES)
	@mkdir -p $(KBUILD)
	@echo "  SWIFTC(embedded, haswell) KernelSIMD"
	@$(SWIFTC) $(EMBEDDED_FLAGS) -target-cpu haswell -module-name KernelSIMD \
	  -emit-module -emit-module-path $(KBUILD)/KernelSIMD.swiftmodule -c $(KERNEL_SIMD_SOURCES) -o $@

$(KBUILD)/Kernel.o: $(KERNEL_SOURCES) $(KERNEL_HEADERS) $(KERNEL_LIB_OBJS) $(KBUILD)/KernelSIMD.o
	@echo "  SWIFTC(embedded) Kernel"
	@$(SWIFTC) $(EMBEDDED_FLAGS) -module-name Kernel -I $(EMB) -I $(KBUILD) -I Kernel/Arch/include \
	  -c $(KERNEL_SOURCES) -o $@

$(KERNEL_ELF): linker.ld $(BOOT_OBJS) $(KBUILD)/Kernel.o $(KBUILD)/KernelSIMD.o $(KERNEL_LIB_OBJS)
	@echo "  LD       $@"
	@$(LLD) -T linker.ld -nostdlib -static -z max-page-size=0x1000 --gc-sections -o $@ \
	  $(BOOT_OBJS) $(KBUILD)/Kernel.o $(KERNEL_LIB_OBJS) $(KBUILD)/KernelSIMD.o \
	  $(SWIFT_EMBEDDED_LIBDIR)/libswiftUnicodeDataTables.a
	@echo "  kernel   $@: $$(stat -c %s $@) bytes"

# A deterministic 192 KiB test module (read and CRC-checked by the boot tests).
$(KBUILD)/testmod.bin: Kernel/Host/mkiso.py
	@mkdir -p $(KBUILD)
	@$(PYTHON) Kernel/Host/mkiso.py --make-test-module $@

# One ISO per kernel command line: console, boot tests, fault test, out-of-memory panic test.
$(KBUILD)/warden.iso: $(ISO_INPUTS) | deps
	@$(PYTHON) $(ISO_SCRIPT) --kernel $(KERNEL_ELF) --out $@ --cmdline "$(KERNEL_CMDLINE) $(BUILD_ID_ARG)" $(ISO_MODULES)
$(KBUILD)/warden-test-boot.iso: $(ISO_INPUTS) | deps
	@$(PYTHON) $(ISO_SCRIPT) --kernel $(KERNEL_ELF) --out $@ --cmdline "warden.test=boot $(BUILD_ID_ARG)" $(ISO_MODULES)
$(KBUILD)/warden-test-fault.iso: $(ISO_INPUTS) | deps
	@$(PYTHON) $(ISO_SCRIPT) --kernel $(KERNEL_ELF) --out $@ --cmdline "warden.test=fault" $(ISO_MODULES)
$(KBUILD)/warden-test-oom.iso: $(ISO_INPUTS) | deps
	@$(PYTHON) $(ISO_SCRIPT) --kernel $(KERNEL_ELF) --out $@ --cmdline "warden.test=oom" $(ISO_MODULES)
# Agents + gateway + audit integration image: the console image with the test-only `tamper` command.
$(KBUILD)/warden-test-agents.iso: $(ISO_INPUTS) | deps
	@$(PYTHON) $(ISO_SCRIPT) --kernel $(KERNEL_ELF) --out $@ --cmdline "warden.tamper=1 $(BUILD_ID_ARG)" $(ISO_MODULES)

# `make run`: the console image plus the model (default SmolLM2-135M-Instruct).
RUN_MODULES = $(filter-out %:model,$(ISO_MODULES)) $(if $(RUN_MODEL),$(RUN_MODEL):model)
$(KBUILD)/warden-run.iso: $(ISO_INPUTS) $(RUN_MODEL) | deps
	@$(PYTHON) $(ISO_SCRIPT) --kernel $(KERNEL_ELF) --out $@ --cmdline "$(KERNEL_CMDLINE) $(BUILD_ID_ARG)" $(RUN_MODULES)

run: deps $(KBUILD)/warden-run.iso
	@QEMU="$(QEMU)" QEMU_MEM="$(QEMU_MEM)" Kernel/Host/run.sh $(KBUILD)/warden-run.iso

BOOT_TEST_ISOS := $(KBUILD)/warden-test-boot.iso $(KBUILD)/warden-test-fault.iso $(KBUILD)/warden-test-oom.iso $(KBUILD)/warden.iso \
  $(KBUILD)/warden-test-agents.iso
boot-test: deps $(BOOT_TEST_ISOS)
	@$(PYTHON) Kernel/Host/boottest.py --qemu $(QEMU) --dir Tests/Boot --iso-dir $(KBUILD)

boot-bench: deps $(BOOT_TEST_ISOS)
	@$(PYTHON) Kernel/Host/boottest.py --qemu $(QEMU) --dir Tests/Boot --iso-dir $(KBUILD) --bench --elf $(KERNEL_ELF)

# Links the kernel with every library's Embedded object and no --gc-sections: a C/runtime symbol that some
# library needs but the kernel does not provide fails `make test`, before any code calls it.
.PHONY: kernel-link-check
kernel-link-check: embedded-check linker.ld $(BOOT_OBJS) $(KBUILD)/Kernel.o $(KBUILD)/KernelSIMD.o
	@$(LLD) -T linker.ld -nostdlib -static -z max-page-size=0x1000 -o $(KBUILD)/link-check.elf \
	  $(BOOT_OBJS) $(KBUILD)/Kernel.o $(sort $(EMBEDDED_OBJS)) $(KBUILD)/KernelSIMD.o \
	  $(SWIFT_EMBEDDED_LIBDIR)/libswiftUnicodeDataTables.a
	@echo "kernel-link-check: kernel + $(notdir $(sort $(EMBEDDED_OBJS))) link with no undefined symbols"

TEST_TARGETS  += boot-test kernel-link-check

-include Kernel/Model/model.mk
BENCH_TARGETS += boot-bench

# Kernel integration tests driven from the host: the audit export verified by warden-audit; the MCP Python SDK
# client against the in-kernel MCP server on COM2 (QEMU socket chardev).
.PHONY: integration-test
integration-test: deps $(KBUILD)/warden-test-agents.iso
	@$(SWIFT) build --product warden-audit 2>&1 | grep -E "error" || true
	@$(PYTHON) Tests/Integration/audit_export_test.py --qemu $(QEMU) --iso $(KBUILD)/warden-test-agents.iso \
	  --elf $(KERNEL_ELF) --policy $(POLICY) --warden-audit $$($(SWIFT) build --show-bin-path)/warden-audit
	@$(PYTHON) -c 'import mcp' 2>/dev/null || { echo "  PIP install mcp"; $(PYTHON) -m pip install -q mcp; }
	@$(PYTHON) Tests/Integration/kernel_mcp_test.py --qemu $(QEMU) --iso $(KBUILD)/warden-test-agents.iso

TEST_TARGETS += integration-test

# ---- In-kernel replay and benchmarks (docs/evaluation.md "In-kernel replay and benchmarks") ----
#   make kernel-eval-test   (make test) one boot, `eval <config> fake` × 4 on the project benchmark, output
#                           identical to host `warden-eval --model fake`
#   make kernel-bench       (make bench) `bench gateway`, `bench agent`, `eval full model` (SmolLM2) in-kernel vs
#                           warden-gateway-bench, warden-agent-bench, warden-eval on the host; KEVAL_ROWS=N: first N rows;
#                           KEVAL_SKIP_MODEL=1: the gateway and agent benchmarks only (minutes, not hours, under TCG)
KEVAL_SET         ?= Gateway/Data/warden_mcp_bench.jsonl
KEVAL_AGENTS_SET  := Tests/Boot/keval/agent_time_rows.jsonl
KEVAL_ROWS        ?=
KEVAL_GATEWAY_N   ?= 20000
KEVAL_MODEL       ?= $(BUILD)/models/SmolLM2-135M-Instruct.Q4_1.gguf
KEVAL_BENCH_AGENTS = $(BUILD)/agents/callloop.wasm Kernel/Agents/bench/callloop.manifest Kernel/Agents/bench/callloop-reads.manifest
$(KBUILD)/warden-test-eval.iso: $(KERNEL_ELF) $(ISO_SCRIPT) $(POLICY) $(KEVAL_SET) $(KEVAL_AGENTS_SET) | deps
	@$(PYTHON) $(ISO_SCRIPT) --kernel $(KERNEL_ELF) --out $@ --cmdline "$(BUILD_ID_ARG)" $(POLICY):policy $(KEVAL_SET):evalset \
	  $(KEVAL_AGENTS_SET):evalset-agents
$(KBUILD)/warden-bench-eval.iso: $(KERNEL_ELF) $(ISO_SCRIPT) $(POLICY) $(KEVAL_SET) $(KEVAL_MODEL) $(KEVAL_BENCH_AGENTS) $(FSIMAGE) | deps
	@$(PYTHON) $(ISO_SCRIPT) --kernel $(KERNEL_ELF) --out $@ --cmdline "$(BUILD_ID_ARG)" $(POLICY):policy $(KEVAL_SET):evalset \
	  $(FSIMAGE):fsimage $(foreach f,$(KEVAL_BENCH_AGENTS),$(f):$(notdir $(f))) $(KEVAL_MODEL):model

.PHONY: kernel-eval-test kernel-bench
kernel-eval-test: deps gateway-eval-build $(KBUILD)/warden-test-eval.iso
	@$(PYTHON) Tests/Integration/kernel_eval_test.py --qemu $(QEMU) --iso $(KBUILD)/warden-test-eval.iso \
	  --warden-eval $(WARDEN_EVAL) --set $(KEVAL_SET) --agents-set $(KEVAL_AGENTS_SET) --policy $(POLICY)
kernel-bench: deps gateway-eval-build agents $(KBUILD)/warden-bench-eval.iso
	@$(SWIFT) build -c release --product warden-gateway-bench 2>&1 | grep -E "error" || true
	@$(SWIFT) build -c release --product warden-agent-bench 2>&1 | grep -E "error" || true
	@$(PYTHON) Tests/Integration/kernel_bench.py --qemu $(QEMU) --iso $(KBUILD)/warden-bench-eval.iso \
	  --warden-eval $(WARDEN_EVAL) --set $(KEVAL_SET) --policy $(POLICY) --model $(KEVAL_MODEL) $(if $(KEVAL_ROWS),--rows $(KEVAL_ROWS)) \
	  --gateway-n $(KEVAL_GATEWAY_N) --bin-dir $$($(SWIFT) build -c release --show-bin-path) --agents-dir $(BUILD)/agents \
	  $(if $(KEVAL_SKIP_MODEL),--skip-model)
TEST_TARGETS  += kernel-eval-test
BENCH_TARGETS += kernel-bench
# Egress end to end (Tests/Integration/kernel_egress_test.py): an MCP client on COM2, Kernel/Host/egress_peer.py on
# COM3, a local HTTP server. Network tools are always ProbeLogits-gated and the fast images cannot afford SmolLM2
# under TCG, so the image carries a stand-in model (Kernel/Host/mkstandin.py: a real engine whose logits are all 0,
# margin 0, P(unsafe) = calibration(0) for any prompt) and the default policy with the ProbeLogits threshold at
# 0.99 (the only change); every other layer and rule applies unchanged.
EGRESS_TEST_POLICY := $(KBUILD)/egress-test.policy
EGRESS_STANDIN     := $(KBUILD)/standin-zero-logits.gguf
$(EGRESS_TEST_POLICY): $(POLICY)
	@mkdir -p $(KBUILD)
	@sed -E 's/^probelogits threshold .*/probelogits threshold 0.99/' $< > $@
	@grep -q '^probelogits threshold 0.99$$' $@ || { echo "egress-test.policy: no probelogits threshold line to set"; exit 1; }
$(EGRESS_STANDIN): Kernel/Host/mkstandin.py | deps
	@mkdir -p $(KBUILD)
	@$(PYTHON) Kernel/Host/mkstandin.py $@
$(KBUILD)/warden-test-egress.iso: $(ISO_INPUTS) $(EGRESS_TEST_POLICY) $(EGRESS_STANDIN) | deps
	@$(PYTHON) $(ISO_SCRIPT) --kernel $(KERNEL_ELF) --out $@ --cmdline "$(BUILD_ID_ARG)" \
	  $(filter-out %:policy %:model,$(ISO_MODULES)) $(EGRESS_TEST_POLICY):policy $(EGRESS_STANDIN):model:ctx=4096
.PHONY: kernel-egress-test
kernel-egress-test: deps $(KBUILD)/warden-test-egress.iso
	@$(PYTHON) Tests/Integration/kernel_egress_test.py --qemu $(QEMU) --iso $(KBUILD)/warden-test-egress.iso
TEST_TARGETS += kernel-egress-test
