// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "boligsocial",
    products: [
        .executable(name: "boligsocial", targets: ["boligsocial"]),
        .library(name: "BoligsocialCore", targets: ["BoligsocialCore"]),
        .library(name: "BoligsocialReports", targets: ["BoligsocialReports"]),
        .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // GLPK's C API (Debian's libglpk-dev). No pkg-config file exists, so the module map links it.
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK"),
        // glibc's mallopt (not in Swift's Glibc module), and the process support built on it: how
        // the heap keeps freed memory, and the huge-page restart for a large round.
        .systemLibrary(name: "CProcessSupport", path: "Sources/CProcessSupport"),
        .target(name: "ProcessSupport", dependencies: ["CProcessSupport"]),
        // Work items spread over threads, each item wholly on one (a solver problem lives on one thread).
        .target(name: "Parallel"),
        // The only module that sees a pointer or a glp_* call.
        .target(name: "LinearProgramming", dependencies: ["CGLPK", "Parallel"]),
        // libxlsxwriter's C API (Debian's libxlsxwriter-dev), and the only module that calls it.
        .systemLibrary(name: "CXLSXWriter", path: "Sources/CXLSXWriter"),
        .target(name: "Spreadsheet", dependencies: ["CXLSXWriter"]),
        // The memo's domain: areas, applications, scenarios, eligibility, weights and the formulation.
        .target(
            name: "BoligsocialCore",
            dependencies: [
                "LinearProgramming", "Parallel", .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Pure functions from a solved allocation to text.
        .target(name: "BoligsocialReports", dependencies: ["BoligsocialCore", "Parallel", "Spreadsheet"]),
        // The what-if page and its JSON API (`serve`): the only target that needs a server framework.
        .target(
            name: "BoligsocialServer",
            dependencies: [
                "BoligsocialCore", "BoligsocialReports", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "boligsocial",
            dependencies: [
                "BoligsocialCore", "BoligsocialReports", "BoligsocialServer", "ProcessSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "LinearProgrammingTests",
            dependencies: ["LinearProgramming", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "BoligsocialCoreTests",
            dependencies: [
                "BoligsocialCore", "BoligsocialReports", "LinearProgramming",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "BoligsocialReportsTests",
            dependencies: ["BoligsocialReports", "TestSupport"],
            resources: [.copy("Golden")]
        ),
        .testTarget(name: "CLITests", dependencies: ["boligsocial", "BoligsocialCore", "TestSupport"], exclude: ["Corpus", "Golden", "Round", "Tools"]),
        // Golden files and their diffs, shared by the report and command-line tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
    ]
)
