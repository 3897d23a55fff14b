import Foundation

// The fuzz build compiles the CSV reader without swift-crypto (a long build that adds
// nothing to what is fuzzed): the import log's hash is not exercised here.
public enum ContentHash {
    public static func sha256(_ data: Data) -> String { String(data.count) }
}
