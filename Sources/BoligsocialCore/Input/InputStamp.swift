/// Which exact inputs a report was computed from (docs/json.md `inputs`).
public struct InputStamp: Sendable, Equatable {
    /// Over the scenario file and every file it extends, child first.
    public var scenarioSHA256: String
    public var applicationsSHA256: String
    public var areasSHA256: String
    public var toolVersion: String
    public var glpkVersion: String
}

/// The tool's version, printed by `--version` and stamped into every report.
public let toolVersion = "0.1.0"
