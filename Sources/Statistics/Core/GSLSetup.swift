import CGSL

/// GSL aborts the process on any error unless its handler is switched off. Every
/// entry point that calls GSL touches `GSL.ready` first; Swift runs the initialiser
/// of a global exactly once, thread-safely.
enum GSL {
    static let ready: Void = {
        gsl_set_error_handler_off()
    }()
}
