/// `text` escaped for XML or HTML content; with `quoted`, also for a double-quoted attribute value
/// (quotes, tabs and line feeds as character references). Text with nothing to escape is returned as is.
///
/// ```swift
/// xmlEscaped("Tal & Tamar <Hasaka>")          // "Tal &amp; Tamar &lt;Hasaka&gt;"
/// xmlEscaped("geo:\"1\"", quoted: true)         // "geo:&quot;1&quot;"
/// ```
public func xmlEscaped(_ text: String, quoted: Bool = false) -> String {
  if !text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x0D || (quoted && ($0 == 0x22 || $0 == 0x0A || $0 == 0x09)) }) {
    return text
  }
  var result = ""
  result.reserveCapacity(text.utf8.count)
  for scalar in text.unicodeScalars {
    switch scalar {
    case "&": result += "&amp;"
    case "<": result += "&lt;"
    case ">": result += "&gt;"
    case "\"" where quoted: result += "&quot;"
    case "\n" where quoted: result += "&#10;"
    case "\t" where quoted: result += "&#9;"
    case "\r": result += "&#13;"
    default: result.unicodeScalars.append(scalar)
    }
  }
  return result
}
