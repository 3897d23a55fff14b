import Foundation

/// Roles per pilot (DESIGN §8), cumulative: a reader reads what the public audience
/// allows, an editor enters values and uploads, an approver locks periods, an admin does
/// all of that and manages accounts (on every pilot when granted without one).
public enum Role: String, Sendable, CaseIterable, Codable, Comparable {
    case reader, editor, approver, admin

    public static func < (a: Role, b: Role) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One role of an account: on one pilot, or on every pilot (`pilot` nil).
public struct Grant: Sendable, Hashable, Codable {
    public let role: Role
    public let pilot: String?
    /// A reader granted the internal audience (small counts) on this pilot.
    public let `internal`: Bool
}

public struct User: Sendable, Hashable {
    public let id: Int
    public let name: String
    public let disabled: Bool
    public let createdAt: String
    public let grants: [Grant]
    /// Sessions begun before this end (a password was reset since).
    public var validAfter: Date? = nil

    /// The roles on a pilot: those granted on it and those granted on every pilot.
    public func roles(on pilot: String) -> Set<Role> {
        Set(grants.filter { $0.pilot == nil || $0.pilot == pilot }.map(\.role))
    }

    /// Whether the pilot exists for this account at all (any role on it).
    public func sees(_ pilot: String) -> Bool { !roles(on: pilot).isEmpty }

    /// Whether the account may do what `role` may on the pilot. Each role adds to the one
    /// below it (an approver enters values too, an admin does everything).
    public func may(_ role: Role, on pilot: String) -> Bool {
        roles(on: pilot).contains { $0 >= role }
    }

    /// Whether the account reads the pilot's pages and documents with small counts: the
    /// team (editor, approver, admin), or a reader an admin granted the internal audience.
    public func seesInternal(_ pilot: String) -> Bool {
        grants.contains { ($0.pilot == nil || $0.pilot == pilot) && ($0.role != .reader || $0.internal) }
    }

    /// An admin on every pilot: manages accounts and reads the access log.
    public var isGlobalAdmin: Bool { grants.contains { $0.role == .admin && $0.pilot == nil } }
}
