import ArgumentParser
import BoligsocialCore
import BoligsocialReports
import BoligsocialServer
import Foundation

extension Boligsocial {
    /// `serve`: the what-if page and its JSON API on a local address.
    struct ServeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract:
                "The what-if page: move envelopes, rules and decisions in the browser and see the allocation change (a local server)."
        )

        @Argument(help: "The scenario file the page starts from.")
        var scenario: String

        @Option(help: "The port to listen on (0: any free port, printed).")
        var port = 8080

        @Option(help: "The address to listen on; the default keeps the page on this machine.")
        var host = "127.0.0.1"

        @Option(help: "The page's language: en or da.")
        var lang: Language = .en

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        }

        func run() throws {
            let server: WhatIfServer
            do {
                server = try WhatIfServer(scenarioPath: scenario, language: lang)
            } catch let error as InputError {
                throw fail(error, language: lang)
            }
            let done = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var failure: Error?
            let host = host
            let port = port
            Task.detached {
                do {
                    try await server.run(host: host, port: port) { address in
                        FileHandle.standardOutput.write(Data("boligsocial serve: \(address) (Ctrl-C stops it)\n".utf8))
                    }
                } catch {
                    failure = error
                }
                done.signal()
            }
            done.wait()
            if let failure {
                printError("boligsocial serve: \(failure)")
                throw Exit.cannotWrite
            }
        }
    }
}
