import GlossaCore
import GlossaTestSupport
import Segmentation
import Testing

@Suite struct SegmentationPropertyTests {
  /// Sentences are trimmed, in order, and joined with the original text between them give the input
  /// back byte for byte; what lies between them is only white space.
  @Test(arguments: ["de", "en", "ar"])
  func sentencesAndTheWhiteSpaceBetweenThemAreTheInput(language: String) throws {
    var generator = MessyTextGenerator(seed: 7)
    let segmenter = try SentenceSegmenter(language: language)
    for _ in 0..<200 {
      var text = generator.text(pieces: Int.random(in: 1...60, using: &generator.random))
      if Bool.random(using: &generator.random) { text += "\nZweite Zeile. Mit zwei Sätzen." }
      let (document, _) = try segmenter.run(Document(text))
      checkSpans(document)
      let bytes = Array(text.utf8)
      var rebuilt: [UInt8] = []
      var position = 0
      for sentence in document.sentences {
        let gap = bytes[position..<sentence.start]
        let gapIsSpace = String(decoding: gap, as: UTF8.self).unicodeScalars.allSatisfy { $0.properties.isWhitespace }
        #expect(gapIsSpace, "non-space \(String(decoding: gap, as: UTF8.self).unicodeScalars.map { String($0.value, radix: 16) }) between sentences")
        rebuilt += gap
        let piece = bytes[sentence.start..<sentence.end]
        let pieceText = String(decoding: piece, as: UTF8.self)
        let trimmed = pieceText.unicodeScalars.first?.properties.isWhitespace == false
          && pieceText.unicodeScalars.last?.properties.isWhitespace == false
        #expect(trimmed, "untrimmed sentence \(pieceText.unicodeScalars.map { String($0.value, radix: 16) })")
        #expect(!pieceText.contains("\n"), "a sentence spans a line break")
        rebuilt += piece
        position = sentence.end
      }
      rebuilt += bytes[position...]
      #expect(rebuilt == bytes)
    }
  }
}
