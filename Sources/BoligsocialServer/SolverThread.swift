import Foundation

/// One thread that runs jobs one after another: a browser session's solver problem is created,
/// solved and freed on it (GLPK's problems belong to the thread that made them). The state the
/// jobs share (the kept model) is touched only from this thread.
final class SolverThread: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [() -> Void] = []
    private var stopping = false
    private var thread: Thread?
    /// Touched only by jobs, on the thread.
    var kept = KeptModel()

    init(name: String) {
        let thread = Thread { [unowned self] in self.loop() }
        thread.name = name
        thread.stackSize = 8 << 20
        self.thread = thread
        thread.start()
    }

    private func loop() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping { condition.wait() }
            if jobs.isEmpty && stopping {
                condition.unlock()
                break
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
        // The kept problem is freed here, on its own thread.
        kept = KeptModel()
    }

    /// Runs `body` on the thread and returns its result.
    func perform<T: Sendable>(_ body: @escaping @Sendable (SolverThread) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
            condition.lock()
            jobs.append { [unowned self] in
                do { continuation.resume(returning: try body(self)) } catch { continuation.resume(throwing: error) }
            }
            condition.signal()
            condition.unlock()
        }
    }

    /// Ends the thread once its queued jobs are done.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }
}
