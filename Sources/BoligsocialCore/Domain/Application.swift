/// One application for co-funding, as read from applications.csv.
public struct Application: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var areaID: String
    /// Focus areas in the file's order; the first is the primary focus. Empty: outside the focus areas.
    public var focus: [FocusArea]
    public var objectives: [Objective]
    public var targetGroup: TargetGroup
    public var sofInSteeringGroup: Bool
    public var clearGoals: Bool
    public var anchoringPlan: Bool
    public var coordinatorRole: Bool
    public var crossAdmin: Bool
    public var activityAccounting: Bool
    public var theoryOfChange: TheoryOfChange
    /// The memo's criteria in optional yes/no columns (blank or absent: no).
    public var needDocumented = false
    public var involvement = false
    public var holistic = false
    public var commonGoal = false
    public var indicators = false
    /// The caseworker's overall score, 1–5 (`assessment`); `nil` when not assessed.
    public var assessment: Int?
    /// Co-funding ("medfinansiering"), in the round's year order: the main project's total budget
    /// (`total_budget_YYYY`; `nil` when not given) and what other funders give (`other_funding_YYYY`,
    /// blank is 0). Both empty when the file has no such columns.
    public var totalBudget: [Double?] = []
    public var otherFunding: [Double] = []

    public func totalBudget(year index: Int) -> Double? { index < totalBudget.count ? totalBudget[index] : nil }
    public func otherFunding(year index: Int) -> Double { index < otherFunding.count ? otherFunding[index] : 0 }
    /// Below this share of its request the project is not viable; `nil` when the column is blank.
    public var minFraction: Double?
    /// Requested DKK, `requests[yearIndex][category]`, in the order of the round's years.
    public var requests: [CategoryMap<Double>]

    public init(
        id: String, title: String, areaID: String, focus: [FocusArea], objectives: [Objective],
        targetGroup: TargetGroup, sofInSteeringGroup: Bool = true, clearGoals: Bool = false,
        anchoringPlan: Bool = false, coordinatorRole: Bool = false, crossAdmin: Bool = false,
        activityAccounting: Bool = true, theoryOfChange: TheoryOfChange = .none, minFraction: Double? = nil,
        requests: [CategoryMap<Double>]
    ) {
        self.id = id
        self.title = title
        self.areaID = areaID
        self.focus = focus
        self.objectives = objectives
        self.targetGroup = targetGroup
        self.sofInSteeringGroup = sofInSteeringGroup
        self.clearGoals = clearGoals
        self.anchoringPlan = anchoringPlan
        self.coordinatorRole = coordinatorRole
        self.crossAdmin = crossAdmin
        self.activityAccounting = activityAccounting
        self.theoryOfChange = theoryOfChange
        self.minFraction = minFraction
        self.requests = requests
    }

    public var primaryFocus: FocusArea? { focus.first }

    /// Whether it meets one of the criteria read from optional columns.
    public func meets(_ criterion: QualityCriterion) -> Bool {
        switch criterion {
        case .needDocumented: needDocumented
        case .involvement: involvement
        case .holistic: holistic
        case .commonGoal: commonGoal
        case .indicators: indicators
        case .clearGoals: clearGoals
        case .anchoringPlan: anchoringPlan
        case .coordinatorRole: coordinatorRole
        case .crossAdmin: crossAdmin
        case .theoryOfChangeExplicit: theoryOfChange == .explicit
        case .theoryOfChangeImplicit: theoryOfChange == .implicit
        }
    }

    /// Sets one of the criteria read from optional columns (the others have their own fields).
    public mutating func set(_ criterion: QualityCriterion, _ value: Bool) {
        switch criterion {
        case .needDocumented: needDocumented = value
        case .involvement: involvement = value
        case .holistic: holistic = value
        case .commonGoal: commonGoal = value
        case .indicators: indicators = value
        case .clearGoals, .anchoringPlan, .coordinatorRole, .crossAdmin, .theoryOfChangeExplicit,
            .theoryOfChangeImplicit:
            break
        }
    }

    public func request(_ category: CostCategory, year index: Int) -> Double { requests[index][category] ?? 0 }
}
