#if canImport(Glibc)
    import Glibc
#endif

/// How large an input may be, checked before it is read: a scenario is a page of TOML, a round's
/// CSV file a few megabytes even at 100,000 applications.
public enum InputLimits {
    public static let scenarioBytes = 1 << 20
    public static let tableBytes = 512 << 20
}

/// Reads a whole input file, or says why it cannot be opened (exit 66): only a regular file (after
/// links) of at most `limit` bytes is read, so `/dev/zero`, a FIFO or a directory is refused
/// instead of read until memory runs out or blocking forever.
public func readInputFile(_ path: String, limit: Int = InputLimits.tableBytes) throws(InputError) -> [UInt8] {
    // Opened without blocking (a FIFO with no writer would block `open` itself), then checked.
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: .system(errno)) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
        let reason = OpenProblem.system(errno)
        close(descriptor)
        throw .cannotOpen(path: path, reason: reason)
    }
    guard (status.st_mode & S_IFMT) == S_IFREG else {
        close(descriptor)
        throw .cannotOpen(path: path, reason: .notRegularFile)
    }
    let size = Int(status.st_size)
    guard size <= limit else {
        close(descriptor)
        throw .cannotOpen(path: path, reason: .tooLarge(megabytes: limit >> 20))
    }
    // Back to blocking reads for a regular file, read in one call into an array of its size.
    _ = fcntl(descriptor, F_SETFL, 0)
    guard let file = fdopen(descriptor, "rb") else {
        let reason = OpenProblem.system(errno)
        close(descriptor)
        throw .cannotOpen(path: path, reason: reason)
    }
    defer { fclose(file) }
    var bytes = [UInt8](repeating: 0, count: size)
    if size > 0 {
        let count = fread(&bytes, 1, size, file)
        if count < size {
            if ferror(file) != 0 { throw .cannotOpen(path: path, reason: .system(errno)) }
            bytes.removeLast(size - count) // the file shrank while it was read: take what is there
        }
    }
    return bytes
}

/// `base` joined with a path relative to the directory of `base`; absolute paths stay as they are.
func resolve(_ path: String, relativeTo file: String) -> String {
    if path.hasPrefix("/") { return path }
    guard let slash = file.lastIndex(of: "/") else { return path }
    var directory = String(file[..<slash])
    var rest = Substring(path)
    while rest.hasPrefix("./") { rest = rest.dropFirst(2) }
    if directory.isEmpty { directory = "/" }
    return normalized(directory == "/" ? "/" + rest : directory + "/" + rest)
}

/// Removes `.` and `dir/..` components, so a file reached two ways has one name.
func normalized(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
        if part == "." { continue }
        if part == "..", let last = parts.last, last != ".." {
            parts.removeLast()
        } else {
            parts.append(part)
        }
    }
    let joined = parts.joined(separator: "/")
    return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
}
