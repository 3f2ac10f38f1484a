/// Which exact inputs a report was computed from (docs/json.md `inputs`).
public struct InputStamp: Sendable, Equatable {
    /// Over the scenario file and every file it extends, child first.
    public var scenarioSHA256: String
    public var applicationsSHA256: String
    public var areasSHA256: String
    public var toolVersion: String
    public var glpkVersion: String
    /// The what-ifs given on the command line (`--envelope`, `--set`, …), as given; empty for a
    /// scenario read as written.
    public var overrides: [String] = []
    /// The overrides were made on the what-if page (`serve`), as the lines of the scenario file
    /// "save as scenario" writes, rather than given on the command line.
    public var overridesOnPage = false

    public init(
        scenarioSHA256: String, applicationsSHA256: String, areasSHA256: String, toolVersion: String,
        glpkVersion: String,
        overrides: [String] = []
    ) {
        self.scenarioSHA256 = scenarioSHA256
        self.applicationsSHA256 = applicationsSHA256
        self.areasSHA256 = areasSHA256
        self.toolVersion = toolVersion
        self.glpkVersion = glpkVersion
        self.overrides = overrides
    }
}

/// The tool's version, printed by `--version` and stamped into every report.
public let toolVersion = "0.1.0"
