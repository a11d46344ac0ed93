// swift-tools-version:6.0
// Host build of Warden's pure libraries, their tests and the host CLIs.
// The same library sources are compiled in Embedded mode for the kernel by the Makefile
// (`make embedded-check`, `make kernel`); nothing here may depend on Foundation.
import PackageDescription

/// Flags shared by every library target: keep host builds honest about Embedded restrictions.
let libSettings: [SwiftSetting] = [
    .enableExperimentalFeature("Extern"),
    .unsafeFlags(["-Werror", "EmbeddedRestrictions"]),
]

let package = Package(
    name: "Warden",
    products: [
        .library(name: "Blake3", targets: ["Blake3"]),
        .library(name: "WasmRuntime", targets: ["WasmRuntime"]),
        .library(name: "Inference", targets: ["Inference"]),
        .library(name: "Gateway", targets: ["Gateway"]),
        .library(name: "KernelCore", targets: ["KernelCore"]),
        .library(name: "AgentHost", targets: ["AgentHost"]),
        .library(name: "GatewayInference", targets: ["GatewayInference"]),
        .executable(name: "warden-wasm", targets: ["warden-wasm"]),
        .executable(name: "warden-infer", targets: ["warden-infer"]),
        .executable(name: "warden-eval", targets: ["warden-eval"]),
        .executable(name: "warden-audit", targets: ["warden-audit"]),
        .executable(name: "warden-mcp", targets: ["warden-mcp"]),
        .executable(name: "warden-gateway-bench", targets: ["warden-gateway-bench"]),
        .executable(name: "warden-agent-bench", targets: ["warden-agent-bench"]),
    ],
    targets: [
        // MARK: Pure libraries (also compiled in Embedded mode)
        // The 16-lane AVX-512 chunk kernel, bound by C symbol (Gateway/Blake3/Blake3Wide.swift).
        .target(name: "Blake3AVX512", path: "Gateway/Blake3AVX512",
                swiftSettings: [.unsafeFlags(["-O", "-target-cpu", "skylake-avx512"])]),
        .target(name: "Blake3", dependencies: ["Blake3AVX512"], path: "Gateway/Blake3", swiftSettings: libSettings),
        .target(name: "WasmRuntime", path: "WasmRuntime", exclude: ["CLI", "Bench", "Fuzz", "wasm.mk"],
                // The interpreter's state lives in class properties; dynamic exclusivity checks cost ~2x.
                swiftSettings: libSettings + [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
        .target(name: "InferenceAVX2", path: "Inference/ISA/AVX2",
                swiftSettings: [.enableExperimentalFeature("BuiltinModule"),
                                .unsafeFlags(["-O", "-target-cpu", "haswell", "-Xcc", "-mavx2", "-Xcc", "-mfma"])]),
        .target(name: "InferenceAVX512", path: "Inference/ISA/AVX512",
                swiftSettings: [.enableExperimentalFeature("BuiltinModule"),
                                .unsafeFlags(["-O", "-target-cpu", "icelake-server"])]),
        .target(name: "Inference", dependencies: ["InferenceAVX2", "InferenceAVX512"], path: "Inference",
                exclude: ["CLI", "ISA", "Scripts", "inference.mk"],
                swiftSettings: libSettings + [.unsafeFlags(["-O"])], linkerSettings: [.linkedLibrary("m")]),
        .target(name: "Gateway", dependencies: ["Blake3"], path: "Gateway",
                exclude: ["Blake3", "Blake3AVX512", "CLI", "Data", "Benchmark", "Fuzz", "InferenceBridge", "gateway.mk"], swiftSettings: libSettings),
        .target(name: "KernelCore", path: "Kernel/Core", swiftSettings: libSettings),
        // The gateway's SafetyModel over the Inference engine: one adapter for warden-eval and the kernel.
        .target(name: "GatewayInference", dependencies: ["Gateway", "Inference"], path: "Gateway/InferenceBridge",
                swiftSettings: libSettings),
        // Agent hosting: the 15 governed host functions, tool providers, manifests (pure; the kernel wires hardware).
        .target(name: "AgentHost", dependencies: ["WasmRuntime", "Gateway"], path: "Kernel/AgentHost", swiftSettings: libSettings),

        // MARK: Host CLIs
        // Whole-file reads for the host tools, benchmarks and tests (Glibc; never compiled for the kernel).
        .target(name: "HostSupport", path: "Gateway/CLI/HostSupport"),
        .executableTarget(name: "warden-wasm", dependencies: ["WasmRuntime"], path: "WasmRuntime/CLI"),
        .executableTarget(name: "warden-infer", dependencies: ["Inference"], path: "Inference/CLI"),
        .executableTarget(name: "warden-eval", dependencies: ["Gateway", "GatewayInference", "Inference", "HostSupport"],
                          path: "Gateway/CLI/Eval"),
        .executableTarget(name: "warden-audit", dependencies: ["Gateway", "Blake3"], path: "Gateway/CLI/Audit"),
        .executableTarget(name: "warden-mcp", dependencies: ["Gateway", "Blake3"], path: "Gateway/CLI/MCP"),
        .executableTarget(name: "warden-gateway-bench", dependencies: ["Gateway", "Blake3", "HostSupport"], path: "Gateway/Benchmark",
                          exclude: ["instructions.py", "probe_prompt_lab.py", "probe_templates.py", "probe_search.py", "probe_search_swift.py",
                                    "probe_search_multicue.py", "probe_rowinfo.py", "probe_select.py", "probe_likelihood_select.py", "scores"]),

        .executableTarget(name: "warden-agent-bench", dependencies: ["AgentHost", "WasmRuntime", "Gateway", "Blake3", "HostSupport"],
                          path: "Kernel/Agents/Bench"),

        // MARK: Host tests
        .testTarget(name: "Blake3Tests", dependencies: ["Blake3"], path: "Tests/Blake3Tests"),
        .testTarget(name: "WasmRuntimeTests", dependencies: ["WasmRuntime"], path: "Tests/WasmRuntimeTests"),
        .testTarget(name: "InferenceTests", dependencies: ["Inference"], path: "Tests/InferenceTests"),
        .testTarget(name: "GatewayInferenceTests", dependencies: ["GatewayInference", "Gateway", "Inference"],
                    path: "Tests/GatewayInferenceTests"),
        .testTarget(name: "GatewayTests", dependencies: ["Gateway", "Blake3"], path: "Tests/GatewayTests", exclude: ["Golden"]),
        .testTarget(name: "AgentHostTests", dependencies: ["AgentHost", "WasmRuntime", "Gateway", "Blake3", "HostSupport"],
                    path: "Tests/AgentHostTests"),
        .testTarget(name: "KernelCoreTests", dependencies: ["KernelCore"], path: "Tests/KernelCoreTests"),
    ]
)
