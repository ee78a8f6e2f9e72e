import GlossaCore

/// A self-contained HTML report of term alignment: every input line with each mention highlighted, its
/// concept, canonical name, match kind and score in a tooltip and a table per line. One file, no
/// scripts, no external resources; every text from the input is escaped.
///
/// The report streams: write ``header(title:)`` once, ``line(number:document:)`` for each input line in
/// order, then ``footer``.
///
/// ```swift
/// var html = HTMLTermReport.header(title: "news.txt")
/// html += HTMLTermReport.line(number: 1, document: alignedDocument)
/// html += HTMLTermReport.footer
/// ```
public enum HTMLTermReport {
  /// The start of the report: document head, styles and a legend of the match kinds.
  public static func header(title: String) -> String {
    let kinds = ["exact", "folded", "script", "key", "fuzzy"]
    let legend = kinds.map { "<mark class=\"\($0)\">\($0)</mark>" }.joined(separator: " ")
    return """
      <!DOCTYPE html>
      <html lang="de">
      <head>
      <meta charset="utf-8">
      <title>glossa align: \(xmlEscaped(title, quoted: true))</title>
      <style>
      body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:60em;color:#222}
      section{border-bottom:1px solid #ddd;padding:.4em 0}
      .n{color:#888;font-size:80%;margin-right:.6em}
      mark{border-radius:3px;padding:0 2px}
      mark.exact{background:#b7e4c7}mark.folded{background:#d8f3dc}mark.script{background:#cde7ff}
      mark.key{background:#ffe8a3}mark.fuzzy{background:#ffc9b9}mark.ambiguous{outline:2px dashed #c00}
      table{border-collapse:collapse;font-size:85%;margin:.3em 0 0 2.2em}
      td,th{padding:1px 8px;text-align:left;border-bottom:1px solid #eee}
      </style>
      </head>
      <body>
      <h1>glossa align: \(xmlEscaped(title, quoted: true))</h1>
      <p>Match kinds: \(legend); a dashed outline marks an ambiguous mention.</p>

      """
  }

  /// One input line: its original text with the mentions highlighted, then a table of the mentions.
  /// Spans are mapped back to the original input, so the line is shown exactly as read.
  public static func line(number: Int, document: Document) -> String {
    let original = Array(document.original.utf8)
    var body = ""
    var rows = ""
    var position = 0
    for term in document.terms {
      let span = document.originalSpan(of: term.span)
      guard span.start >= position, span.end <= original.count, span.start < span.end else { continue }
      body += xmlEscaped(String(decoding: original[position..<span.start], as: UTF8.self), quoted: true)
      let surface = String(decoding: original[span.start..<span.end], as: UTF8.self)
      let ambiguous = term.alternatives.isEmpty ? "" : " ambiguous"
      var note = "\(term.concept) · \(term.canonical) · \(term.match.rawValue) \(score(term.score))"
      if !term.alternatives.isEmpty { note += " · also: " + term.alternatives.joined(separator: ", ") }
      body += "<mark class=\"\(term.match.rawValue)\(ambiguous)\" title=\"\(xmlEscaped(note, quoted: true))\">\(xmlEscaped(surface, quoted: true))</mark>"
      rows += "<tr><td>\(xmlEscaped(surface, quoted: true))</td><td>\(xmlEscaped(term.concept, quoted: true))</td><td>\(xmlEscaped(term.canonical, quoted: true))</td>"
        + "<td>\(term.match.rawValue)</td><td>\(score(term.score))</td>"
        + "<td>\(xmlEscaped(term.alternatives.joined(separator: ", "), quoted: true))</td></tr>"
      position = span.end
    }
    body += xmlEscaped(String(decoding: original[position...], as: UTF8.self), quoted: true)
    var html = "<section id=\"l\(number)\"><p><span class=\"n\">\(number)</span>\(body)</p>"
    if !rows.isEmpty {
      html += "<table><tr><th>mention</th><th>concept</th><th>canonical</th><th>match</th><th>score</th>"
        + "<th>alternatives</th></tr>\(rows)</table>"
    }
    return html + "</section>\n"
  }

  /// The end of the report.
  public static let footer = "</body>\n</html>\n"

  private static func score(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
  }
}
