import BoligsocialCore
import BoligsocialReports
import HTTPTypes
import Hummingbird

extension WhatIfServer {
    /// The what-if page: self-contained (its style and script inline, nothing fetched but the API).
    func page() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("Content-Security-Policy")!] =
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'"
        let text = WhatIfPage(scenario: loaded.scenario, round: loaded.round, language: language).html()
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
