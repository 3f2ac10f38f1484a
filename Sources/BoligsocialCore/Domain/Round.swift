/// A grant round: its years, areas and applications.
public struct Round: Sendable, Equatable {
    public var years: [Int]
    public var areas: [Area]
    public var applications: [Application]
    private var areaIndex: [String: Int]

    public init(years: [Int], areas: [Area], applications: [Application]) {
        self.years = years
        self.areas = areas
        self.applications = applications
        var index: [String: Int] = [:]
        for (i, area) in areas.enumerated() where index[area.id] == nil { index[area.id] = i }
        areaIndex = index
    }

    public func area(_ id: String) -> Area? { areaIndex[id].map { areas[$0] } }

    public static func == (a: Round, b: Round) -> Bool {
        a.years == b.years && a.areas == b.areas && a.applications == b.applications
    }
}
