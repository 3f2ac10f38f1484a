/// A public housing area ("alment boligområde").
public struct Area: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var district: String
    public var risk: RiskClass
    public init(id: String, name: String, district: String, risk: RiskClass) {
        self.id = id
        self.name = name
        self.district = district
        self.risk = risk
    }
}
