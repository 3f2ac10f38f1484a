import Foundation
import LinearProgramming

/// How much of its request an application gets.
public enum FundingStatus: String, Sendable, Codable, CaseIterable {
    case full, partial, unfunded, ineligible
}
