import GlossaCore
import Segmentation

/// The sentences of `text` as strings, after checking that every span is an exact, trimmed, in-order
/// substring of the input.
func sentences(_ text: String, _ language: String, joinLines: Bool = false, rules: SentenceRules? = nil) throws -> [String] {
  let base = try rules ?? SentenceRules.builtIn(for: language)
  let segmenter = try SentenceSegmenter(language: language, rules: base, joinLines: joinLines)
  return try check(segmenter, text)
}

/// Runs `segmenter` as a stage and checks its spans: in bounds, ascending, not overlapping, trimmed.
func check(_ segmenter: SentenceSegmenter, _ text: String) throws -> [String] {
  var diagnostics = Diagnostics()
  let document = try segmenter.run(Document(text), diagnostics: &diagnostics)
  var previousEnd = 0
  let bytes = Array(text.utf8)
  for span in document.sentences {
    precondition(span.start >= previousEnd && span.end <= bytes.count && span.start < span.end, "bad span \(span)")
    precondition(bytes[span.start] != 0x20 && bytes[span.end - 1] != 0x20, "untrimmed span \(span)")
    previousEnd = span.end
  }
  return document.sentences.map { String(document.originalText(of: $0)) }
}
