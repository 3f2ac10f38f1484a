import BoligsocialCore

/// One fuzz input is the three inputs of `validate` in a row, separated by the byte 0x1E (ASCII's
/// record separator): scenario TOML, areas.csv, applications.csv. A part that starts like a zip
/// archive is read as an .xlsx workbook (the seeds put one last, where its own 0x1E bytes stay in it). Every check must return its
/// problems; a crash, a hang or a sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let parts = bytes.split(separator: 0x1E, maxSplits: 2, omittingEmptySubsequences: false).map(Array.init)
    let scenario = parts.first ?? [], areas = parts.count > 1 ? parts[1] : [], applications = parts.count > 2 ? parts[2] : []
    _ = InputCheck.problems(scenario: scenario, areas: areas, applications: applications)
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry point as `<module>_main`; it hands over to libFuzzer.
@_cdecl("boligsocial_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzOne)
}
