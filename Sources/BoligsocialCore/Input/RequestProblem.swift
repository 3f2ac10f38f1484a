/// What is wrong with a what-if request to `serve` (worded by the reports module, like every
/// input problem); the request key it concerns travels beside it.
public enum RequestProblem: Sendable, Equatable {
    case notJSON
    case notAnObject
    case unknownKey(String, allowed: [String])
    case notAnApplicationID
    case scaleOutOfRange
    case notAnObjectOf(String)
    case notAnAmount(String)
    case decisionNotAnObject
    case nestsTooDeep(String)
    case tooManyChanges
    case notFinite(String)
    case tooLong(String)
    case tooManyValues(String)
    case notANumberList(String)
    case noValue(String)
    case objectNotValue(String)
    case badSession
    case bodyTooLarge(kilobytes: Int)
    case idMissing
    case unknownApplication(String)
}
