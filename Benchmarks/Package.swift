// swift-tools-version: 6.1
// The benchmarks live in their own package so the main build and `swift test` stay lean:
// `make bench` (or `swift package benchmark` in this folder) builds and runs them.
import PackageDescription

let package = Package(
    name: "boligsocial-benchmarks",
    dependencies: [
        .package(name: "boligsocial", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "AllocationBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "BoligsocialCore", package: "boligsocial"),
                .product(name: "BoligsocialReports", package: "boligsocial"),
            ],
            path: "Benchmarks/AllocationBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
