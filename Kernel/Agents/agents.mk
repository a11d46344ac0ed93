# Demo agents and the agent SDK: build rules (included by the top-level Makefile).
# C agents: clang --target=wasm32 with Kernel/SDK/warden.h; the assistant: Embedded Swift with
# Kernel/SDK/Warden.swift and the tiny runtime warden_rt.c. Output: build/agents/*.wasm, their
# manifests, the demo file-system image (demo.wfs) and environment (demo.env).

AGENTS_DIR    := Kernel/Agents
AGENTS_OUT    := $(BUILD)/agents
SDK_DIR       := Kernel/SDK
WASM_CLANG    ?= /opt/swift/usr/bin/clang
WASM_CFLAGS   := --target=wasm32 -O2 -nostdlib -Wl,--no-entry -I $(SDK_DIR)
WASM_SWIFTFLAGS := -target wasm32-unknown-none-wasm -enable-experimental-feature Embedded \
  -enable-experimental-feature Extern -wmo -Osize -parse-as-library -Xfrontend -disable-stack-protector \
  -Xclang-linker -nostdlib -Xlinker --no-entry

AGENT_C_SOURCES := $(AGENTS_DIR)/injected/injected.c $(AGENTS_DIR)/destructive/destructive.c \
  $(AGENTS_DIR)/misbehave/misbehave.c $(AGENTS_DIR)/rogue/rogue_import.c $(AGENTS_DIR)/rogue/rogue_signature.c \
  $(AGENTS_DIR)/bench/callloop.c
AGENT_WASM := $(foreach s,$(AGENT_C_SOURCES),$(AGENTS_OUT)/$(basename $(notdir $(s))).wasm) $(AGENTS_OUT)/assistant.wasm
AGENT_MANIFESTS := $(wildcard $(AGENTS_DIR)/*/*.manifest)
AGENT_FS_FILES := $(shell find $(AGENTS_DIR)/fs -type f 2>/dev/null)

.PHONY: agents
agents: $(AGENT_WASM) $(AGENTS_OUT)/demo.wfs $(AGENTS_OUT)/demo.env $(AGENTS_OUT)/.manifests

define agent_c_rule
$(AGENTS_OUT)/$(basename $(notdir $(1))).wasm: $(1) $(SDK_DIR)/warden.h
	@mkdir -p $(AGENTS_OUT)
	@echo "  CLANG(wasm32) $$@"
	@$(WASM_CLANG) $(WASM_CFLAGS) $$< -o $$@
endef
$(foreach s,$(AGENT_C_SOURCES),$(eval $(call agent_c_rule,$(s))))

$(AGENTS_OUT)/warden_rt.o: $(SDK_DIR)/warden_rt.c
	@mkdir -p $(AGENTS_OUT)
	@$(WASM_CLANG) --target=wasm32 -O2 -nostdlib -fno-builtin -c $< -o $@

$(AGENTS_OUT)/assistant.wasm: $(AGENTS_DIR)/assistant/Assistant.swift $(SDK_DIR)/Warden.swift $(AGENTS_OUT)/warden_rt.o
	@echo "  SWIFTC(wasm32) $@"
	@$(SWIFTC) $(WASM_SWIFTFLAGS) -module-name Assistant $(SDK_DIR)/Warden.swift $< $(AGENTS_OUT)/warden_rt.o -o $@

$(AGENTS_OUT)/demo.wfs: $(AGENTS_DIR)/mkfsimg.py $(AGENT_FS_FILES)
	@mkdir -p $(AGENTS_OUT)
	@$(PYTHON) $(AGENTS_DIR)/mkfsimg.py $(AGENTS_DIR)/fs $@

$(AGENTS_OUT)/demo.env: $(AGENTS_DIR)/demo.env
	@mkdir -p $(AGENTS_OUT)
	@cp $< $@

$(AGENTS_OUT)/.manifests: $(AGENT_MANIFESTS)
	@mkdir -p $(AGENTS_OUT)
	@cp $(AGENT_MANIFESTS) $(AGENTS_OUT)/
	@touch $@

# The host tests run the agents (Tests/AgentHostTests): build them first.
TEST_PREREQS += agents

# make bench: cost of one governed host call from a WASM agent on the host build (release).
.PHONY: agent-bench
agent-bench: agents
	@$(SWIFT) build -c release --product warden-agent-bench 2>&1 | grep -E "error" || true
	@$(SWIFT) run -c release --skip-build warden-agent-bench $(AGENTS_OUT)
BENCH_TARGETS += agent-bench
