import Foundation
import ZIPFoundation

/// The parts of a WordprocessingML package (ECMA-376 Part 2, Open Packaging
/// Conventions) and their zip. Every part a Word document needs to open without a
/// repair prompt is here: content types, package and document relationships, styles,
/// settings, numbering, core and app properties, and the media.
struct DOCXPackage {
    struct Media {
        var name: String       // "figure-1.png"
        var relationshipID: String
        var data: Data
    }

    var documentXML: String
    var stylesXML: String
    var numberingXML: String
    var media: [Media]
    var title: String
    var subject: String
    var creator: String
    var languageTag: String
    var keywords: String
    var description: String
    /// ISO 8601 UTC.
    var created: String
    var toolVersion: String
    /// The page header part (`word/header1.xml`), when the document has a marking.
    var headerXML: String? = nil
    /// The page footer part (`word/footer1.xml`): the page number on every page.
    var footerXML: String = DOCXPackage.pageNumberFooter

    static let headerRelationshipID = "rIdHeader1"
    static let footerRelationshipID = "rIdFooter1"

    /// "3 / 54", centred and small: Word's PAGE and NUMPAGES fields, which Word and
    /// LibreOffice fill in as they lay out (the same words in both languages, as the HTML
    /// pages print them).
    static let pageNumberFooter: String = {
        func field(_ instruction: String) -> String {
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> \(instruction) </w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        }
        let size = "<w:rPr><w:color w:val=\"555555\"/><w:sz w:val=\"17\"/></w:rPr>"
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:ftr \(WordML.namespaces)><w:p><w:pPr><w:jc w:val="center"/>\(size)</w:pPr>\(field("PAGE"))<w:r>\(size)<w:t xml:space="preserve"> / </w:t></w:r>\(field("NUMPAGES"))</w:p></w:ftr>
        """
    }()

    func contentTypes() -> String {
        let extensions = Set(media.map { ($0.name as NSString).pathExtension })
        var defaults = """
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
        <Default Extension="xml" ContentType="application/xml"/>
        """
        if extensions.contains("png") { defaults += "\n<Default Extension=\"png\" ContentType=\"image/png\"/>" }
        if extensions.contains("svg") { defaults += "\n<Default Extension=\"svg\" ContentType=\"image/svg+xml\"/>" }
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
        \(defaults)
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
        <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
        <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
        <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
        <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\(headerXML == nil ? "" : "\n<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>")
        </Types>
        """
    }

    static let packageRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
    </Relationships>
    """

    func documentRelationships() -> String {
        var rels = """
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
        """
        rels += "\n<Relationship Id=\"\(Self.footerRelationshipID)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
        if headerXML != nil {
            rels += "\n<Relationship Id=\"\(Self.headerRelationshipID)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>"
        }
        for m in media {
            rels += "\n<Relationship Id=\"\(m.relationshipID)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/\(m.name)\"/>"
        }
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        \(rels)
        </Relationships>
        """
    }

    /// `updateFields` makes Word ask on opening whether to update the document's fields:
    /// the contents list's PAGEREF fields, whose cached page is a dash until then (Word's
    /// question speaks of fields that "may refer to other files"; these refer only to
    /// bookmarks in the document). Without it Word shows the dashes until F9 or printing;
    /// LibreOffice computes the pages either way (docs/decisions.md, "Contents pages").
    func settings() -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:defaultTabStop w:val="709"/>
        <w:characterSpacingControl w:val="doNotCompress"/>
        <w:updateFields w:val="true"/>
        <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
        <w:themeFontLang w:val="\(languageTag)"/>
        </w:settings>
        """
    }

    func coreProperties() -> String {
        let e = WordML.escape
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <dc:title>\(e(title))</dc:title>
        <dc:subject>\(e(subject))</dc:subject>
        <dc:creator>\(e(creator))</dc:creator>
        <cp:keywords>\(e(keywords))</cp:keywords>
        <dc:description>\(e(description))</dc:description>
        <dc:language>\(languageTag)</dc:language>
        <cp:lastModifiedBy>piloteval</cp:lastModifiedBy>
        <dcterms:created xsi:type="dcterms:W3CDTF">\(created)</dcterms:created>
        <dcterms:modified xsi:type="dcterms:W3CDTF">\(created)</dcterms:modified>
        </cp:coreProperties>
        """
    }

    func appProperties() -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">
        <Application>piloteval \(WordML.escape(toolVersion))</Application>
        <DocSecurity>0</DocSecurity>
        </Properties>
        """
    }

    /// The package as zip bytes. `[Content_Types].xml` goes first, as Word itself writes
    /// it; every entry carries the report's date, so equal reports are equal files.
    func zip() throws -> Data {
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw DOCXError(message: "cannot create the DOCX archive in memory: \(error)")
        }
        let date = ISO8601DateFormatter().date(from: created) ?? Date(timeIntervalSince1970: 315_532_800)
        var parts: [(String, Data)] = [
            ("[Content_Types].xml", Data(contentTypes().utf8)),
            ("_rels/.rels", Data(Self.packageRelationships.utf8)),
            ("docProps/core.xml", Data(coreProperties().utf8)),
            ("docProps/app.xml", Data(appProperties().utf8)),
            ("word/document.xml", Data(documentXML.utf8)),
            ("word/styles.xml", Data(stylesXML.utf8)),
            ("word/settings.xml", Data(settings().utf8)),
            ("word/numbering.xml", Data(numberingXML.utf8)),
            ("word/_rels/document.xml.rels", Data(documentRelationships().utf8)),
        ]
        if let headerXML { parts.append(("word/header1.xml", Data(headerXML.utf8))) }
        parts.append(("word/footer1.xml", Data(footerXML.utf8)))
        parts += media.map { ("word/media/\($0.name)", $0.data) }
        for (path, data) in parts {
            // PNG is already compressed; deflating it again only costs time.
            let method: CompressionMethod = path.hasSuffix(".png") ? .none : .deflate
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                 compressionMethod: method) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let bytes = archive.data else { throw DOCXError(message: "the DOCX archive came out empty") }
        return bytes
    }
}

public struct DOCXError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
