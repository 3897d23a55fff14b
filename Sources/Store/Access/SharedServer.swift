extension Database {
    /// True when the database holds an account: it is a shared server's (issue 24), where
    /// what belongs to no pilot is shown to none, rather than to every pilot as a
    /// process leader's own database of one pilot expects.
    public func hasAccounts() throws -> Bool {
        try queryFirst("SELECT 1 AS one FROM users LIMIT 1") != nil
    }
}
