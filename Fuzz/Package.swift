// swift-tools-version:6.1
// The fuzz target, a package of its own (like Benchmarks/) so `make test` never builds it:
// libFuzzer's driver is only there when the build asks for -sanitize=fuzzer (`make fuzz`).
import PackageDescription

let package = Package(
    name: "boligsocial-fuzz",
    dependencies: [.package(name: "boligsocial", path: "..")],
    targets: [
        .executableTarget(
            name: "boligsocial-fuzz",
            dependencies: [.product(name: "BoligsocialCore", package: "boligsocial")],
            // No top-level code: libFuzzer's driver runs the program.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ]
)
