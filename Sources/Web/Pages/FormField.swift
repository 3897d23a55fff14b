/// A labelled control in its paragraph, as every form writes it: the label, then a hint
/// and an error, each tied to the control by `aria-describedby`, and `aria-invalid`
/// while in error — so a screen reader announces both with the field (WCAG 3.3.1).
enum FormField {
    /// `errorLanguage`: a `lang` attribute for an error in another language (the CLI's
    /// English on a Swedish page); `control` gets the id and the aria attributes.
    static func paragraph(id: String, label: String, hint: String?, error: String?, errorLanguage: String = "",
                          control: (_ id: String, _ attributes: String) -> String) -> String {
        let e = HTMLText.escape
        var described: [String] = []
        var html = "<p><label for=\"\(id)\">\(e(label))</label>\n"
        if let hint {
            html += "<span class=\"hint\" id=\"\(id)-hint\">\(e(hint))</span>\n"
            described.append("\(id)-hint")
        }
        if let error {
            html += "<span class=\"field-error\" id=\"\(id)-error\"\(errorLanguage)>\(e(error))</span>\n"
            described.append("\(id)-error")
        }
        var attributes = described.isEmpty ? "" : " aria-describedby=\"\(described.joined(separator: " "))\""
        if error != nil { attributes += " aria-invalid=\"true\"" }
        return html + control(id, attributes) + "</p>\n"
    }
}
