import GlossaCore
import GlossaTestSupport
import ICU
import Normalization
import Testing

/// Properties over generated messy text (seeded, so every run checks the same 300 texts).
@Suite struct NormalizationPropertyTests {
  static let texts: [String] = {
    var generator = MessyTextGenerator(seed: 2026)
    return (0..<300).map { _ in generator.text(pieces: Int.random(in: 1...40, using: &generator.random)) }
  }()

  @Test(arguments: Normalizer.Form.allCases)
  func normalizationIsIdempotent(form: Normalizer.Form) throws {
    let stage = UnicodeNormalization(form)
    for text in Self.texts {
      let (once, _) = try stage.run(Document(text))
      let (twice, _) = try stage.run(Document(once.text))
      #expect(twice.text == once.text, "\(form) not idempotent on \(text.debugDescription)")
      #expect(twice.offsets.isIdentity, "normalized text was rewritten again")
    }
  }

  @Test func punctuationCleanupIsIdempotent() throws {
    for text in Self.texts {
      let (once, _) = try PunctuationNormalization().run(Document(text))
      let (twice, _) = try PunctuationNormalization().run(Document(once.text))
      #expect(twice.text == once.text, "not idempotent on \(text.debugDescription)")
    }
  }

  /// Every run of non-space text in the output maps back to an original substring that the same
  /// stages turn into exactly that run.
  @Test func everyWordMapsBackToTheOriginalItCameFrom() throws {
    let pipeline = Pipeline {
      UnicodeNormalization(.nfc)
      PunctuationNormalization()
    }
    for text in Self.texts {
      var (document, _) = try pipeline.run(Document(text))
      document.tokens = nonSpaceRuns(document.text).map { Token(span: $0, kind: .word) }
      checkSpans(document)
      for token in document.tokens {
        let original = String(document.originalText(of: token.span))
        let (again, _) = try pipeline.run(Document(original))
        #expect(again.text == String(document.text(of: token.span)), "\(original.debugDescription) in \(text.debugDescription)")
      }
      // The whole text maps to the whole input, but for characters the stages delete at its edges.
      let whole = document.originalSpan(of: TextSpan(start: 0, end: document.text.utf8.count))
      let input = Array(document.original.utf8)
      for edge in [input[..<whole.start], input[whole.end...]] {
        let (rest, _) = try pipeline.run(Document(String(decoding: edge, as: UTF8.self)))
        #expect(rest.text.allSatisfy { $0 == " " }, "input outside the mapped text: \(String(decoding: edge, as: UTF8.self).debugDescription)")
      }
    }
  }
}

/// Spans of maximal runs of bytes other than space and line feed.
func nonSpaceRuns(_ text: String) -> [TextSpan] {
  var spans: [TextSpan] = []
  var start: Int?
  for (offset, byte) in text.utf8.enumerated() {
    let space = byte == 0x20 || byte == 0x0A
    if space, let begin = start {
      spans.append(TextSpan(start: begin, end: offset))
      start = nil
    } else if !space && start == nil {
      start = offset
    }
  }
  if let begin = start { spans.append(TextSpan(start: begin, end: text.utf8.count)) }
  return spans
}
