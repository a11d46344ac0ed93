// swift-tools-version:6.3
// Benchmark of WasmRuntime against swiftwasm/WasmKit 0.4.2, kept out of the main package so the
// Warden build stays dependency-free. Run through `make wasm-bench` (part of `make bench`).
import PackageDescription

let package = Package(
    name: "WasmRuntimeBench",
    dependencies: [
        .package(url: "https://github.com/swiftwasm/WasmKit", exact: "0.4.2"),
    ],
    targets: [
        // The library's own sources, through the symlink Sources/WasmRuntime -> ../.. (WasmRuntime/).
        .target(name: "WasmRuntime", path: "Sources/WasmRuntime", exclude: ["CLI", "Bench", "Fuzz", "wasm.mk"],
                swiftSettings: [.enableExperimentalFeature("Extern"), .unsafeFlags(["-enforce-exclusivity=unchecked"])]),
        .executableTarget(
            name: "wasm-bench",
            dependencies: [
                "WasmRuntime",
                .product(name: "WasmKit", package: "WasmKit"),
            ],
            path: "Sources/wasm-bench"
        ),
    ]
)
