import Dispatch
import Foundation

/// Work items done by up to `jobs` threads, each item wholly on one thread, so a solver problem made
/// inside an item is created, solved and freed there (Debian's GLPK keeps its state per thread).
/// Results come back in item order whatever the threads did; the first error is rethrown.
///
/// A module of its own, below the solver: loading and the reports use it without importing the solver.
public enum PerThread {
    public static func map<T: Sendable>(count: Int, jobs: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let workers = max(1, min(jobs, count))
        if workers == 1 { return try (0..<count).map(body) }
        let results = Results<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let item = results.next() {
                do { results.store(item, try body(item)) } catch { results.fail(error) }
            }
        }
        return try results.all()
    }
}

/// Which item is next, and each item's result in its place.
private final class Results<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var nextItem = 0
    private var values: [T?]
    private var error: Error?

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func next() -> Int? {
        lock.withLock {
            guard error == nil, nextItem < values.count else { return nil }
            defer { nextItem += 1 }
            return nextItem
        }
    }

    func store(_ index: Int, _ value: T) { lock.withLock { values[index] = value } }
    func fail(_ failure: Error) { lock.withLock { if error == nil { error = failure } } }

    func all() throws -> [T] {
        try lock.withLock {
            if let error { throw error }
            // Every item was stored unless one failed, and a failure was rethrown above.
            return values.map { $0! }
        }
    }
}
