import GlossaCore
import Testing

/// Checks what every stage must guarantee about a document it returns:
/// - every sentence, token and term span lies inside the current text, on character boundaries, in order;
/// - every span maps back to a range of the original input on character boundaries, in the same order.
/// Failures are recorded as test issues with the offending span.
public func checkSpans(_ document: Document, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
  let text = Array(document.text.utf8)
  let original = Array(document.original.utf8)
  let spans = document.sentences + document.tokens.map(\.span) + document.terms.map(\.span)
  for span in spans {
    #expect(span.start >= 0 && span.end <= text.count, "span \(span) outside the text", sourceLocation: sourceLocation)
    guard span.start >= 0 && span.end <= text.count else { continue }
    #expect(isBoundary(text, span.start) && isBoundary(text, span.end), "span \(span) cuts a character", sourceLocation: sourceLocation)
    let mapped = document.originalSpan(of: span)
    #expect(mapped.start >= 0 && mapped.end <= original.count, "mapped span \(mapped) outside the original", sourceLocation: sourceLocation)
    guard mapped.end <= original.count else { continue }
    #expect(isBoundary(original, mapped.start) && isBoundary(original, mapped.end), "mapped span \(mapped) cuts a character", sourceLocation: sourceLocation)
  }
  for list in [document.sentences, document.tokens.map(\.span), document.terms.map(\.span)] {
    for (a, b) in zip(list, list.dropFirst()) {
      #expect(a.end <= b.start, "spans \(a) and \(b) overlap or are out of order", sourceLocation: sourceLocation)
      #expect(document.originalSpan(of: a).end <= document.originalSpan(of: b).start, "mapped spans of \(a) and \(b) out of order", sourceLocation: sourceLocation)
    }
  }
}

/// The texts of the document's sentences.
public func sentenceTexts(_ document: Document) -> [String] {
  document.sentences.map { String(document.text(of: $0)) }
}

/// The texts of the document's tokens.
public func tokenTexts(_ document: Document) -> [String] {
  document.tokens.map { String(document.text(of: $0.span)) }
}

/// The byte span of the first occurrence of `needle` in `text`.
public func span(of needle: String, in text: String) -> TextSpan? {
  let haystack = Array(text.utf8), pattern = Array(needle.utf8)
  guard !pattern.isEmpty, pattern.count <= haystack.count else { return nil }
  for start in 0...(haystack.count - pattern.count) where haystack[start..<start + pattern.count].elementsEqual(pattern) {
    return TextSpan(start: start, end: start + pattern.count)
  }
  return nil
}

private func isBoundary(_ bytes: [UInt8], _ offset: Int) -> Bool {
  offset == bytes.count || bytes[offset] & 0xC0 != 0x80
}
