import Foundation
import LinearProgramming

/// The solver's statuses and settings, named here so the layers above need not import the LP wrapper.
public typealias SolveStatus = LinearProgramming.SolveStatus
public typealias SolveOptions = LinearProgramming.SolveOptions
public typealias ModelFormat = LinearProgramming.ModelFormat
public typealias MIPProgress = LinearProgramming.MIPProgress
