import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Store

/// One line per request on stderr: time, method, path, status, milliseconds. Never the
/// query string (the token arrives in one) nor headers (the session cookie, the bearer
/// token); identity numbers in a path are masked like every other message.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let log: @Sendable (String) -> Void

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let status: Int
        do {
            let response = try await next(request, context)
            status = Int(response.status.code)
            write(request, status: status, since: start)
            return response
        } catch let error as any HTTPResponseError {
            write(request, status: Int(error.status.code), since: start)
            throw error
        } catch {
            write(request, status: 500, since: start)
            throw error
        }
    }

    private func write(_ request: Request, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let line = "\(Self.timestamp()) \(request.method.rawValue) \(request.uri.path) \(status) \(String(format: "%.1f", ms)) ms"
        log(IdentityNumberScanner.masking(line))
    }

    /// A value-type format style: no formatter object made per request.
    static func timestamp() -> String {
        Date().formatted(.iso8601)
    }
}
