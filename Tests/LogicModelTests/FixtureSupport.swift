import Foundation
import LogicModel

enum Fixtures {
    static func url(_ path: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(path)
    }

    static func read(_ path: String) -> LogicModelDecoder.Result {
        LogicModelDecoder.read(path: url(path).path, displayName: (path as NSString).lastPathComponent)
    }
}
