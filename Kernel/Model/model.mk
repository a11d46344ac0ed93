# Kernel/Model: the resident model in the kernel (included by Kernel/kernel.mk via `-include Kernel/Model/model.mk`).
# The Kernel/Model sources are part of Kernel.o (kernel.mk's KERNEL_SOURCES); they import Inference (whose
# per-ISA modules InferenceAVX2/InferenceAVX512 must be linked too: dispatch picks one by CPUID) and Gateway.
#
#   make model-boot-test   fixture parity in the kernel under TCG (part of `make test`)
#   make model-boot-bench  SmolLM2 ProbeLogits decisions in the kernel, timed by TSC (part of `make bench`)
#   make model-gate-test   SmolLM2 gated decisions on the kernel console vs the host engine (part of `make test`)
#   make model-gate-likelihood-test   the same with `probelogits design likelihood` (part of `make bench`)
MODEL_MISSING_LIBS := $(filter-out $(KERNEL_LIBS),Blake3AVX512 Blake3 InferenceAVX2 InferenceAVX512 Inference Gateway)
KERNEL_LIBS += $(MODEL_MISSING_LIBS)

MODEL_FIXTURES    := llama_q4_0_untied llama_f16_tied llama_q4_1_q6k_linear qwen2_q8_0_tied qwen2_f32_untied
MODEL_FIXTURE_DIR := Tests/Fixtures/inference
MODEL_REFS        := $(addprefix $(KBUILD)/model/,$(addsuffix .ref,$(MODEL_FIXTURES)))
MODEL_FIXTURE_MODULES := $(foreach f,$(MODEL_FIXTURES),$(MODEL_FIXTURE_DIR)/$(f).gguf:fixture-gguf:label=$(f) $(KBUILD)/model/$(f).ref:fixture-ref)
MODEL_BOOT_MODEL  ?= $(BUILD)/models/SmolLM2-135M-Instruct.Q4_1.gguf

$(KBUILD)/model/%.ref: $(MODEL_FIXTURE_DIR)/%.logits.json Kernel/Model/mkref.py
	@mkdir -p $(dir $@)
	@$(PYTHON) Kernel/Model/mkref.py $< $@

$(KBUILD)/warden-test-model-fixture.iso: $(KERNEL_ELF) $(ISO_SCRIPT) $(MODEL_REFS) $(addprefix $(MODEL_FIXTURE_DIR)/,$(addsuffix .gguf,$(MODEL_FIXTURES))) | deps
	@$(PYTHON) $(ISO_SCRIPT) --kernel $(KERNEL_ELF) --out $@ --cmdline "warden.model-test=fixture" $(MODEL_FIXTURE_MODULES)
$(KBUILD)/warden-test-model-probe.iso: $(KERNEL_ELF) $(ISO_SCRIPT) $(MODEL_BOOT_MODEL) | deps
	@$(PYTHON) $(ISO_SCRIPT) --kernel $(KERNEL_ELF) --out $@ --cmdline "warden.model-test=probe" $(MODEL_BOOT_MODEL):model

# The real-model gate test: the console image with SmolLM2 as `model`; the host reference is model-gate-ref,
# Kernel/Host/ModelGateRef/main.swift compiled with warden-eval's sources (its EngineLoader; the model is GatewayInference.ProbeSafetyModel) against the
# release build of the libraries (no SwiftPM target of its own). The library objects are the ones SwiftPM itself
# links into warden-eval (its Objects.LinkFileList minus warden-eval's own), so objects left in .build by deleted
# sources are never picked up.
MODEL_GATE_REF := $(KBUILD)/model-gate-ref
MODEL_GATE_REF_OBJECTS := .build/release/warden-eval.product/Objects.LinkFileList
$(KBUILD)/warden-test-model-gate.iso: $(ISO_INPUTS) $(MODEL_BOOT_MODEL) | deps
	@$(PYTHON) $(ISO_SCRIPT) --kernel $(KERNEL_ELF) --out $@ --cmdline "$(BUILD_ID_ARG)" \
	  $(filter-out %:model,$(ISO_MODULES)) $(MODEL_BOOT_MODEL):model
.PHONY: model-gate-ref
model-gate-ref:
	@$(SWIFT) build -c release --product warden-eval 2>&1 | grep -E "error" || true
	@mkdir -p $(KBUILD)
	@echo "  SWIFTC   $(MODEL_GATE_REF)"
	@$(SWIFTC) -O -module-name ModelGateRef -I .build/release/Modules Kernel/Host/ModelGateRef/main.swift \
	  $(filter-out %/main.swift,$(wildcard Gateway/CLI/Eval/*.swift)) \
	  $$(grep -v '/warden_eval.build/' $(MODEL_GATE_REF_OBJECTS)) -o $(MODEL_GATE_REF)

# The same test with the likelihood design: the constitution plus `probelogits design likelihood` as the policy
# of both the kernel image and the host reference (make bench: two passes per decision under TCG).
MODEL_GATE_LIKELIHOOD_POLICY := $(KBUILD)/model/likelihood.policy
$(MODEL_GATE_LIKELIHOOD_POLICY): $(POLICY)
	@mkdir -p $(dir $@)
	@{ cat $(POLICY); printf '\nprobelogits design likelihood\n'; } > $@
$(KBUILD)/warden-test-model-gate-likelihood.iso: $(ISO_INPUTS) $(MODEL_BOOT_MODEL) $(MODEL_GATE_LIKELIHOOD_POLICY) | deps
	@$(PYTHON) $(ISO_SCRIPT) --kernel $(KERNEL_ELF) --out $@ --cmdline "$(BUILD_ID_ARG)" \
	  $(filter-out %:model %:policy,$(ISO_MODULES)) $(MODEL_GATE_LIKELIHOOD_POLICY):policy $(MODEL_BOOT_MODEL):model

.PHONY: model-boot-test model-boot-bench model-gate-test model-gate-likelihood-test
model-gate-test: deps model-gate-ref $(KBUILD)/warden-test-model-gate.iso
	@$(PYTHON) Tests/Boot/model-gate/model_gate_test.py --qemu $(QEMU) --iso $(KBUILD)/warden-test-model-gate.iso \
	  --ref $(MODEL_GATE_REF) --model $(MODEL_BOOT_MODEL) --policy $(POLICY)
model-gate-likelihood-test: deps model-gate-ref $(KBUILD)/warden-test-model-gate-likelihood.iso
	@$(PYTHON) Tests/Boot/model-gate/model_gate_test.py --qemu $(QEMU) --iso $(KBUILD)/warden-test-model-gate-likelihood.iso \
	  --ref $(MODEL_GATE_REF) --model $(MODEL_BOOT_MODEL) --policy $(MODEL_GATE_LIKELIHOOD_POLICY)
model-boot-test: deps $(KBUILD)/warden-test-model-fixture.iso
	@$(PYTHON) Kernel/Host/boottest.py --qemu $(QEMU) --dir Tests/Boot/model --iso-dir $(KBUILD)
model-boot-bench: deps $(KBUILD)/warden-test-model-probe.iso
	@$(PYTHON) Kernel/Host/boottest.py --qemu $(QEMU) --dir Tests/Boot/model-bench --iso-dir $(KBUILD)

TEST_TARGETS  += model-boot-test model-gate-test
BENCH_TARGETS += model-boot-bench model-gate-likelihood-test
