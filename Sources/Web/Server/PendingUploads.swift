import Foundation
import NIOConcurrencyHelpers

/// Files uploaded in the browser and previewed, waiting for the person to confirm: held
/// in memory only (never on disk or in the database), for the session that sent them,
/// for 30 minutes at most, one per session and model (a new preview replaces the one
/// before), and at most `capacity` in all. Confirming imports the same bytes the preview
/// read; expired ones are dropped whenever the store is used.
final class PendingUploads: Sendable {
    struct Upload: Sendable {
        let session: String
        let modelID: String
        let fileName: String
        /// What kind of file, with its options as the preview read them.
        let request: UploadRequest
        let data: Data
        let at: Date
    }

    private let uploads = NIOLockedValueBox([String: Upload]())
    let lifetime: TimeInterval = 30 * 60
    let capacity = 32

    func keep(_ upload: Upload) -> String {
        var generator = SystemRandomNumberGenerator()
        let id = randomHex(bytes: 16, using: &generator)
        uploads.withLockedValue { all in
            all = all.filter { Date().timeIntervalSince($0.value.at) < lifetime
                && !($0.value.session == upload.session && $0.value.modelID == upload.modelID) }
            // The oldest go first when many sessions preview at once.
            while all.count >= capacity, let oldest = all.min(by: { $0.value.at < $1.value.at })?.key { all[oldest] = nil }
            all[id] = upload
        }
        return id
    }

    /// The upload, removed, if this session sent it for this model and it has not expired.
    func take(_ id: String, session: String, modelID: String) -> Upload? {
        uploads.withLockedValue { all in
            all = all.filter { Date().timeIntervalSince($0.value.at) < lifetime }
            guard let upload = all[id], upload.session == session, upload.modelID == modelID,
                  Date().timeIntervalSince(upload.at) < lifetime else { return nil }
            all[id] = nil
            return upload
        }
    }
}
