import ArgumentParser
import BoligsocialCore
import BoligsocialReports
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a report or model to a temporary file beside `path` and renames it into place, so a
/// failure leaves nothing partial; never writes over one of the inputs.
///
/// The temporary file lives in a directory of its own, made by `mkdtemp` (mode 0700, a fresh random
/// name) in the target's directory: no one else can plant a link under the name it is written to,
/// and its short name leaves room for a target name at the file-name limit. The target's
/// permissions are kept when it is replaced. The directory is removed on every exit, an interrupt
/// or termination signal included.
enum OutputWriter {
    struct Failure: Error { let message: String }

    static func write(_ bytes: [UInt8], to path: String, inputs: [String]) throws(Failure) {
        try write(to: path, inputs: inputs) { temporary in
            guard let file = fopen(temporary, "wbx") else {
                throw Failure(message: "\(path): cannot write: " + String(cString: strerror(errno)))
            }
            let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, bytes.count, file) }
            let closed = fclose(file)
            guard written == bytes.count, closed == 0 else {
                throw Failure(message: "\(path): cannot write: " + String(cString: strerror(errno)))
            }
        }
    }

    /// `produce` writes the whole content to the temporary path it is given.
    static func write(to path: String, inputs: [String], produce: (String) throws -> Void) throws(Failure) {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        for input in inputs
        where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target {
            throw Failure(message: "\(path): refusing to write over an input file")
        }
        // Renaming over a device, a directory or a pipe would replace it (as root, /dev/null
        // itself): only a regular file, or a new one, may be the output.
        var info = stat()
        let exists = lstat(target, &info) == 0
        if exists, (info.st_mode & S_IFMT) != S_IFREG {
            throw Failure(message: "\(path): not a regular file; give a file path for --output")
        }
        let directory = (target as NSString).deletingLastPathComponent
        guard let scratch = Cleanup.makeScratch(in: directory.isEmpty ? "." : directory) else {
            throw Failure(message: "\(path): cannot write: " + String(cString: strerror(errno)))
        }
        let temporary = scratch + "/out"
        defer {
            unlink(temporary)
            rmdir(scratch)
            Cleanup.clear()
        }
        do {
            try produce(temporary)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(message: "\(path): cannot write: \(error)")
        }
        // The target's permissions, when it is replaced; a new file's are the process's defaults.
        if exists { chmod(temporary, info.st_mode & 0o7777) }
        guard rename(temporary, target) == 0 else {
            throw Failure(message: "\(path): cannot write: " + String(cString: strerror(errno)))
        }
    }

    /// Streams chunks to standard output, or to a temporary file renamed into place; a write
    /// failure exits 73 and leaves nothing behind.
    static func emit(to path: String?, inputs: [String], chunks produce: (([UInt8]) throws -> Void) throws -> Void)
        throws
    {
        guard let path else {
            try produce { bytes in try StandardStream.output(bytes) }
            return
        }
        try write(to: path, inputs: inputs) { temporary in
            guard let file = fopen(temporary, "wbx") else {
                throw Failure(message: "\(path): cannot write: " + String(cString: strerror(errno)))
            }
            var failed: String?
            do {
                try produce { bytes in
                    let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, bytes.count, file) }
                    if written != bytes.count {
                        throw Failure(message: "\(path): cannot write: " + String(cString: strerror(errno)))
                    }
                }
            } catch let failure as Failure {
                failed = failure.message
            }
            if fclose(file) != 0, failed == nil {
                failed = "\(path): cannot write: " + String(cString: strerror(errno))
            }
            if let failed { throw Failure(message: failed) }
        }
    }

    /// Prints to standard output, or writes the file; a write failure exits 73.
    static func emit(_ text: String, to path: String?, inputs: [String]) throws {
        guard let path else {
            try StandardStream.output(Array(text.utf8))
            return
        }
        try write(Array(text.utf8), to: path, inputs: inputs)
    }
}

/// The temporary file and directory of the write in progress, removed if a signal ends the
/// process. Kept as C strings set before the signal handlers may read them (async-signal-safe).
enum Cleanup {
    nonisolated(unsafe) private static var file: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var directory: UnsafeMutablePointer<CChar>?

    /// Ignores SIGPIPE (a closed pipe is then a write error, exit 73) and removes the temporary
    /// file on SIGINT, SIGTERM and SIGHUP before the signal ends the process as it would have.
    static func install() {
        signal(SIGPIPE, SIG_IGN)
        // A parent may hand these signals down blocked; unblocked, they reach the handler.
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, sig) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { caught in
                if let file = Cleanup.file { unlink(file) }
                if let directory = Cleanup.directory { rmdir(directory) }
                signal(caught, SIG_DFL)
                raise(caught)
            }
        }
    }

    /// Makes the private directory the output is written in (`mkdtemp`, mode 0700) and registers it
    /// and its file `out` for removal on a signal. The directory's name is registered before it
    /// exists (`mkdtemp` fills in the name in the registered buffer, then makes it), so a signal at
    /// any moment, on any thread, removes whatever was made.
    static func makeScratch(in parent: String) -> String? {
        clear()
        guard let template = strdup(parent + "/.boligsocial-XXXXXX") else { return nil }
        directory = template
        guard mkdtemp(template) != nil else {
            clear()
            return nil
        }
        let path = String(cString: template)
        file = strdup(path + "/out")
        return path
    }

    static func clear() {
        let (f, d) = (file, directory)
        file = nil
        directory = nil
        free(f)
        free(d)
    }
}
