import Foundation
import NIOConcurrencyHelpers

/// Files uploaded in the browser and previewed, waiting for the person to confirm: held
/// in memory only (never on disk or in the database), for the session that sent them,
/// for 30 minutes at most. Confirming imports the same bytes the preview read.
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

    func keep(_ upload: Upload) -> String {
        var generator = SystemRandomNumberGenerator()
        let id = randomHex(bytes: 16, using: &generator)
        uploads.withLockedValue { all in
            all = all.filter { Date().timeIntervalSince($0.value.at) < lifetime }
            all[id] = upload
        }
        return id
    }

    /// The upload, removed, if this session sent it for this model and it has not expired.
    func take(_ id: String, session: String, modelID: String) -> Upload? {
        uploads.withLockedValue { all in
            guard let upload = all[id], upload.session == session, upload.modelID == modelID,
                  Date().timeIntervalSince(upload.at) < lifetime else { return nil }
            all[id] = nil
            return upload
        }
    }
}
