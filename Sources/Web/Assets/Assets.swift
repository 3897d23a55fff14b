import HTTPTypes
import Hummingbird
import HummingbirdCore

/// The style sheet and the one script, compiled into the binary (no external
/// resources, DESIGN §8). They carry no data, so they are served without a session and
/// may be cached.
enum Assets {
    /// The only paths served without a session.
    static let names: Set<String> = ["/assets/app.css", "/assets/app.js"]

    static func response(_ name: String) -> Response? {
        let (type, text): (String, String)
        switch name {
        case "app.css": (type, text) = ("text/css; charset=utf-8", StyleSheet.text)
        case "app.js": (type, text) = ("text/javascript; charset=utf-8", Script.text)
        default: return nil
        }
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
