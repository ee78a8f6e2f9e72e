import Foundation
import Testing

/// `glossa align` reports: TSV with input line numbers, JSONL by the design contract, one HTML page.
@Suite(.serialized) struct AlignCommandTests {
  let input = "Neue Kämpfe bei al-Hassake.\nKeine Meldung.\nKonvois <b>fuhren</b> von Deir Ezzor nach Rakka & \"Homs\".\n"

  @Test func tsvReportStartsWithTheInputLine() throws {
    let result = try Glossa.run(["align", "--lang", "de"], input: input)
    #expect(result.status == 0)
    let rows = result.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    #expect(rows.map { $0[0] } == ["1", "3", "3", "3"])
    #expect(rows.map { $0[3] } == ["al-Hassake", "Deir Ezzor", "Rakka", "Homs"])
    #expect(rows[0][1...2] == ["16", "26"])
    #expect(rows.allSatisfy { $0.count >= 8 })
  }

  @Test func jsonlKeepsTheDesignContract() throws {
    let result = try Glossa.run(
      ["align", "--lang", "de", "--input-format", "jsonl", "--output-format", "jsonl"],
      input: #"{"id": 7, "text": "Lage in Hasaka ruhig."}"# + "\n")
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix(#"{"id":7,"text":"Lage in Hasaka ruhig.","terms":[{"start":8,"end":14,"surface":"Hasaka","concept":"#))
  }

  @Test func htmlReportIsOneEscapedOfflinePage() throws {
    let result = try Glossa.run(["align", "--lang", "de", "--report", "html"], input: input)
    #expect(result.status == 0)
    let page = result.stdout
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(page.hasSuffix("</html>\n"))
    #expect(page.components(separatedBy: "<section").count - 1 == 3)
    #expect(page.contains(#"<mark class="exact" title="geo:173811 · al-Hasaka · exact 1.00">al-Hassake</mark>"#))
    #expect(page.contains("&lt;b&gt;fuhren&lt;/b&gt;") && page.contains("&amp; &quot;"))
    #expect(!page.contains("<b>") && !page.contains("http") && !page.contains("<script"))
  }
}
