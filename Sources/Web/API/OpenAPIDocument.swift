/// The API's description, served at `/api/v1/openapi.json`. The committed copy is
/// docs/openapi.json; a test keeps the two equal.
enum OpenAPIDocument {
    static let text = """
    {"openapi": "3.1.0", "info": {"title": "piloteval", "version": "1"}, "paths": {}}
    """
}
