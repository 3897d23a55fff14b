import Accounts
import Foundation
import HTTPTypes
import Hummingbird
import Presentation
import Store

/// The access log for an administrator (issue 24): `/admin/audit`, filtered by date and
/// account, newest first, as a table, or as CSV to keep or hand to whoever reviews it.
/// Only an admin on every pilot sees it; for anyone else, and in local mode, it does not
/// exist. Looking at it is itself logged.
struct AuditRoutes: Sendable {
    let services: WebServer.Services

    /// A page shows the latest entries; the CSV holds all that match.
    static let pageLimit = 500

    func register(on router: Router<WebContext>) {
        router.get("/admin/audit") { request, context in try await audit(request, context, csv: false) }
        router.get("/admin/audit.csv") { request, context in try await audit(request, context, csv: true) }
    }

    func audit(_ request: Request, _ context: WebContext, csv: Bool) async throws -> Response {
        let s = WebStrings(context.language)
        guard let user = context.user, user.isGlobalAdmin else { throw WebError.notFound(s("error.not_found")) }
        let query = request.uri.queryParameters
        let since = query.get("since").flatMap { $0.isEmpty ? nil : $0 }
        let who = query.get("user").flatMap { $0.isEmpty ? nil : $0 }
        if let since, Timestamp.parse(since) == nil, Timestamp.parse(since + "T00:00:00Z") == nil {
            throw WebError.badRequest(s("audit.bad_date"))
        }
        let entries = try await services.data.logAccess { db -> [AccessEntry] in
            try AccessLog(db).record(user: user.name, action: "view", what: "access log" + (csv ? " (csv)" : ""))
            return try AccessLog(db).list(since: since, user: who)
        }
        if csv {
            var headers = HTTPFields()
            headers[.contentType] = "text/csv; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"atkomstlogg.csv\""
            let rows = [["id", "at", "user", "action", "pilot", "what"]] + entries.map { ["\($0.id)", $0.at, $0.user, $0.action, $0.pilot ?? "", $0.what ?? ""] }
            let text = rows.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        let e = HTMLText.escape
        var body = "<p class=\"lead\">\(e(s("audit.lead")))</p>\n"
        body += "<form method=\"get\" action=\"/admin/audit\" class=\"inline\">\n"
            + "<p><label for=\"audit-since\">\(e(s("audit.since")))</label>\n<input type=\"date\" id=\"audit-since\" name=\"since\" value=\"\(e(since ?? ""))\"></p>\n"
            + "<p><label for=\"audit-user\">\(e(s("audit.user")))</label>\n<input type=\"text\" id=\"audit-user\" name=\"user\" value=\"\(e(who ?? ""))\"></p>\n"
            + "<p><button type=\"submit\">\(e(s("audit.show")))</button></p>\n</form>\n"
        var csvQuery: [String] = []
        if let since { csvQuery.append("since=" + (since.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")) }
        if let who { csvQuery.append("user=" + (who.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")) }
        body += "<p><a href=\"/admin/audit.csv\(csvQuery.isEmpty ? "" : "?" + csvQuery.joined(separator: "&"))\">\(e(s("audit.csv")))</a></p>\n"
        let shown = entries.suffix(Self.pageLimit).reversed()
        body += "<p>\(e(s("audit.count", ["shown": "\(shown.count)", "all": "\(entries.count)"])))</p>\n"
        if !shown.isEmpty {
            let header = ["audit.col.at", "audit.col.user", "audit.col.action", "audit.col.pilot", "audit.col.what"].map { TableBlock.Cell(s($0)) }
            var table = TableBlock(header: [header], rows: shown.map { entry in
                [TableBlock.Cell(Self.shownTime(entry.at), isRowHeader: true), TableBlock.Cell(entry.user),
                 TableBlock.Cell(s.has("audit.action." + entry.action) ? s("audit.action." + entry.action) : entry.action),
                 TableBlock.Cell(entry.pilot ?? ""), TableBlock.Cell(entry.what ?? "")]
            })
            table.alignments = [.left, .left, .left, .left, .left]
            body += PageContent([.blocks([.table(table)])]).html(context.language)
        }
        return Page(title: s("audit.title"), language: context.language, body: body, session: context.session, path: "/admin/audit").response()
    }

    /// "2026-12-07T04:34:07Z" as "2026-12-07 04:34:07" (the column says UTC).
    static func shownTime(_ at: String) -> String {
        at.replacingOccurrences(of: "T", with: "\u{00A0}").replacingOccurrences(of: "Z", with: "")
    }

    /// A cell as CSV. A text starting with = + - @ gets a leading ' so that a spreadsheet
    /// opening the file does not run it as a formula (what is logged comes partly from
    /// whoever sent a request).
    static func csvField(_ raw: String) -> String {
        let s = raw.first.map { "=+-@".contains($0) } == true ? "'" + raw : raw
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
