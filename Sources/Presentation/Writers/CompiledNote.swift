/// The discreet line that opens a part the tool compiled from the results, "Sammanställt
/// ur rapportens resultat." (`generated.note`): it belongs to what follows it, so the
/// writers keep it there, and Chromium no longer prints it alone at a page's foot (the
/// final report's 7 Slutsatser, issue 20). HTML gives it `class="compiled-note"`, which the
/// print CSS keeps with the next block; DOCX the paragraph style CompiledNote and keepNext.
///
/// The report engine writes it as a paragraph of its words in italics, and the block
/// model has no role for a paragraph; so it is known by being exactly that paragraph in
/// the writer's strings (the engine's: `ReportRenderer` passes both the same), never by
/// a prefix, so an author's sentence that starts with the same words is prose.
enum CompiledNote {
    static func matches(_ text: RichText, strings: ReportStrings) -> Bool {
        text == RichText([.emphasis(strings("generated.note"))])
    }
}
