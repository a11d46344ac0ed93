# Make rules of the WasmRuntime subsystem (included by the top-level Makefile).
#   build/spec/        the WebAssembly 2.0 testsuite converted by wast2json (host tests read it)
#   make wasm-bench    WasmRuntime vs WasmKit 0.4.2 on C benchmarks (part of `make bench`)
#   make wasm-fuzz     libFuzzer over decode+validate+instantiate+run (WASM_FUZZ_RUNS, not in `make test`)

WASM_SPEC_DIR  := ../shared/wasm-spec
WASM_SPEC_WAST := $(filter-out $(WASM_SPEC_DIR)/simd_%,$(wildcard $(WASM_SPEC_DIR)/*.wast))
WASM_CLANG     ?= $(firstword $(wildcard /opt/swift/usr/bin/clang) clang)
WASM_FIXTURES  := Tests/Fixtures/wasm
WASM_BENCH_PROGRAMS := sha256 quicksort nqueens mandelbrot fib crc32

# Convert every non-SIMD .wast once (the spec test converts missing files itself as well).
.PHONY: wasm-spec-json
wasm-spec-json: $(BUILD)/spec/.converted
$(BUILD)/spec/.converted: $(WASM_SPEC_WAST)
ifeq ($(WASM_SPEC_WAST),)
	@echo "wasm-spec: $(WASM_SPEC_DIR) absent, the spec suite will report SKIPPED"
else
	@for w in $(WASM_SPEC_WAST); do n=$$(basename $$w .wast); mkdir -p $(BUILD)/spec/$$n; \
	  wast2json $$w -o $(BUILD)/spec/$$n/$$n.json || exit 1; done
	@echo "wasm-spec: converted $(words $(WASM_SPEC_WAST)) files into $(BUILD)/spec"
endif
	@mkdir -p $(BUILD)/spec && touch $@
TEST_PREREQS += wasm-spec-json

# C benchmark programs compiled to wasm32 (the same sources the differential tests use).
$(BUILD)/wasm/%.wasm: $(WASM_FIXTURES)/%.c $(WASM_FIXTURES)/fixture.h
	@mkdir -p $(BUILD)/wasm
	$(WASM_CLANG) --target=wasm32 -O2 -nostdlib -ffp-contract=off -Wl,--no-entry -o $@ $<

.PHONY: wasm-bench
wasm-bench: $(foreach p,$(WASM_BENCH_PROGRAMS),$(BUILD)/wasm/$(p).wasm)
	cd WasmRuntime/Bench && $(SWIFT) build -c release --product wasm-bench
	WasmRuntime/Bench/.build/release/wasm-bench $(abspath $(BUILD)/wasm) $(WASM_BENCH_PROGRAMS)
BENCH_TARGETS += wasm-bench

# libFuzzer target: swiftc -sanitize=fuzzer over the library sources plus the fuzz entry point.
WASM_FUZZ_RUNS ?= 200000
.PHONY: wasm-fuzz
wasm-fuzz:
	@mkdir -p $(BUILD)/fuzz/corpus
	$(SWIFTC) -sanitize=fuzzer,address -parse-as-library -O -g -module-name WasmRuntime \
	  $(call lib_sources,WasmRuntime,CLI Bench Fuzz) WasmRuntime/Fuzz/FuzzEntry.swift -o $(BUILD)/fuzz/wasm-fuzz
	@cp -n $(WASM_FIXTURES)/fuzz/*.wasm $(BUILD)/fuzz/corpus/ 2>/dev/null || true
	@for f in $(BUILD)/spec/*/*.wasm; do cp -n $$f $(BUILD)/fuzz/corpus/$$(basename $$(dirname $$f))-$$(basename $$f) 2>/dev/null; done; true
	$(BUILD)/fuzz/wasm-fuzz -runs=$(WASM_FUZZ_RUNS) -max_len=4096 -artifact_prefix=$(BUILD)/fuzz/ $(BUILD)/fuzz/corpus
