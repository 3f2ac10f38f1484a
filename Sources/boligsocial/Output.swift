import ArgumentParser
import BoligsocialCore
import Foundation

/// Exit codes of docs/commands.md.
enum Exit {
    static let infeasible = ExitCode(2)
    static let usage = ExitCode(64)
    static let badData = ExitCode(65)
    static let cannotOpen = ExitCode(66)
    static let cannotWrite = ExitCode(73)
    static let internalError = ExitCode(70)
}

/// Standard error, for diagnostics.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Prints an input problem and turns it into the exit code of docs/commands.md.
func fail(_ error: InputError) -> ExitCode {
    switch error {
    case .badData(let diagnostics):
        printError(diagnostics.isEmpty ? "the input has problems" : diagnostics.map(\.description).joined(separator: "\n"))
        return Exit.badData
    case .cannotOpen:
        printError(error.description)
        return Exit.cannotOpen
    }
}

/// Writes a report or model to a temporary file beside `path` and renames it into place, so a
/// failure leaves nothing partial; never writes over one of the inputs.
enum OutputWriter {
    struct Failure: Error { let message: String }

    static func write(_ bytes: [UInt8], to path: String, inputs: [String]) throws(Failure) {
        try write(to: path, inputs: inputs) { temporary in
            guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
                throw Failure(message: "\(path): cannot write: " + String(cString: strerror(errno)))
            }
        }
    }

    /// `produce` writes the whole content to the temporary path it is given.
    static func write(to path: String, inputs: [String], produce: (String) throws -> Void) throws(Failure) {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target {
            throw Failure(message: "\(path): refusing to write over an input file")
        }
        // Renaming over a device, a directory or a pipe would replace it (as root, /dev/null
        // itself): only a regular file, or a new one, may be the output.
        var info = stat()
        if lstat(target, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            throw Failure(message: "\(path): not a regular file; give a file path for --output")
        }
        let directory = (target as NSString).deletingLastPathComponent
        let temporary = (directory as NSString).appendingPathComponent(".\((target as NSString).lastPathComponent).\(getpid()).tmp")
        do {
            try produce(temporary)
        } catch let failure as Failure {
            unlink(temporary)
            throw failure
        } catch {
            unlink(temporary)
            throw Failure(message: "\(path): cannot write: \(error)")
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(message: "\(path): cannot write: \(reason)")
        }
    }

    /// Streams chunks to standard output, or to a temporary file renamed into place; a write
    /// failure exits 73 and leaves nothing behind.
    static func emit(to path: String?, inputs: [String], chunks produce: (([UInt8]) throws -> Void) throws -> Void) throws {
        guard let path else {
            try produce { FileHandle.standardOutput.write(Data($0)) }
            return
        }
        do {
            try write(to: path, inputs: inputs) { temporary in
                guard FileManager.default.createFile(atPath: temporary, contents: nil),
                      let handle = FileHandle(forWritingAtPath: temporary) else {
                    throw Failure(message: "\(path): cannot write: " + String(cString: strerror(errno)))
                }
                defer { try? handle.close() }
                do {
                    try produce { try handle.write(contentsOf: $0) }
                } catch let failure as Failure {
                    throw failure
                } catch {
                    throw Failure(message: "\(path): cannot write: \(error.localizedDescription)")
                }
            }
        } catch {
            printError(error.message)
            throw Exit.cannotWrite
        }
    }

    /// Prints to standard output, or writes the file; a write failure exits 73.
    static func emit(_ text: String, to path: String?, inputs: [String]) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try write(Array(text.utf8), to: path, inputs: inputs)
        } catch {
            printError(error.message)
            throw Exit.cannotWrite
        }
    }
}
