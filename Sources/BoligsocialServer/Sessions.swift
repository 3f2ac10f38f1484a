import Foundation

/// The browser sessions, each with its own solver thread and kept model: at most `maximum` at a
/// time (the least recently used one gives way), and one idle for `idle` seconds is freed.
actor Sessions {
    static let maximum = 32
    static let idle: TimeInterval = 15 * 60

    private var threads: [String: (thread: SolverThread, used: Date)] = [:]

    /// The session's thread, made on first use; `id` is checked by the caller.
    func thread(for id: String, now: Date = Date()) -> SolverThread {
        for (key, entry) in threads where now.timeIntervalSince(entry.used) > Self.idle {
            entry.thread.stop()
            threads[key] = nil
        }
        if let entry = threads[id] {
            threads[id] = (entry.thread, now)
            return entry.thread
        }
        if threads.count >= Self.maximum, let oldest = threads.min(by: { $0.value.used < $1.value.used }) {
            oldest.value.thread.stop()
            threads[oldest.key] = nil
        }
        let thread = SolverThread(name: "boligsocial session")
        threads[id] = (thread, now)
        return thread
    }

    var count: Int { threads.count }

    /// A session id as the page sends it: 1 to 64 letters, digits and dashes.
    static func valid(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count)
            && id.utf8.allSatisfy {
                ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x2D
            }
    }
}
