import Dispatch
import Foundation

/// Work items done by up to `jobs` threads, each item wholly on one thread, so a solver problem made
/// inside an item is created, solved and freed there (Debian's GLPK keeps its state per thread).
/// Results come back in item order whatever the threads did; the first error is rethrown, with
/// its own type (a body that cannot fail gives a map that cannot fail).
///
/// A module of its own, below the solver: loading and the reports use it without importing the solver.
public enum PerThread {
    public static func map<T: Sendable, E: Error>(count: Int, jobs: Int, _ body: @Sendable (Int) throws(E) -> T)
        throws(E) -> [T]
    {
        let workers = max(1, min(jobs, count))
        if workers == 1 {
            var results: [T] = []
            results.reserveCapacity(count)
            for item in 0..<count { results.append(try body(item)) }
            return results
        }
        let results = Results<T, E>(count: count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let item = results.next() {
                do throws(E) { results.store(item, try body(item)) } catch { results.fail(error) }
            }
        }
        return try results.all()
    }

    /// `first` and `second` side by side, each on a thread of its own; the first error is rethrown.
    public static func pair<A: Sendable, B: Sendable>(
        _ first: @Sendable () throws -> A, _ second: @Sendable () throws -> B
    ) throws -> (A, B) {
        let a = Slot<A>()
        let b = Slot<B>()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { a.set(Result { try first() }) } else { b.set(Result { try second() }) }
        }
        return (try a.get(), try b.get())
    }
}

/// Which item is next, and each item's result in its place.
private final class Results<T: Sendable, E: Error>: @unchecked Sendable {
    private let lock = NSLock()
    private var nextItem = 0
    private var values: [T?]
    private var error: E?

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func next() -> Int? {
        lock.withLock {
            guard error == nil, nextItem < values.count else { return nil }
            defer { nextItem += 1 }
            return nextItem
        }
    }

    func store(_ index: Int, _ value: T) { lock.withLock { values[index] = value } }
    func fail(_ failure: E) { lock.withLock { if error == nil { error = failure } } }

    func all() throws(E) -> [T] {
        let (failure, done) = lock.withLock { (error, values) }
        if let failure { throw failure }
        // Every item was stored unless one failed, and a failure was rethrown above.
        return done.map { $0! }
    }
}

/// One result, set by one thread and read after the threads are done.
private final class Slot<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, any Error>?
    func set(_ value: Result<T, any Error>) { lock.withLock { result = value } }
    func get() throws -> T { try lock.withLock { result! }.get() }
}
