import Testing
import Segmentation

/// Random texts from tricky pieces: every segmenter must cover all non-space text, in order, without
/// trapping (debug builds check every buffer index).
@Suite struct RobustnessTests {
  static let pieces = [
    "Er kam", ".", " ", "\n", "\r\n", "?", "!", "…", "...", "„", "“", "”", "»", "«", "(", ")", "[", "]",
    "z. B.", "13.", "II.", "A.", "usw.", "al-Bab", "\u{00A0}", "\u{202F}", "。", "！", "」", "「", "؟", "،",
    "Ä", "é", "Я", "漢", "😀", "e\u{0301}", "1.200", "www.example.org", "U.S.", "-", "–", ":", ";", "\t",
    "\u{2028}", "\u{FEFF}", "Dr.", "Nr.", "3", "i", "D", "ſ",
  ]

  @Test(arguments: ["de", "en", "fr", "ru", "ar", "zh", "ja", "pl"])
  func randomTextsAreCoveredExactly(language: String) throws {
    var generator = SplitMix(seed: UInt64(language.utf8.reduce(7) { $0 &* 31 &+ Int($1) }))
    let plain = try SentenceSegmenter(language: language)
    let joined = try SentenceSegmenter(language: language, rules: SentenceRules.builtIn(for: language), joinLines: true)
    for _ in 0..<300 {
      var text = ""
      for _ in 0..<Int(generator.next() % 40) { text += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] }
      for segmenter in [plain, joined] {
        let spans = try segmenter.sentenceSpans(in: text)
        let bytes = Array(text.utf8)
        var covered: [UInt8] = []
        var previous = 0
        for span in spans {
          #expect(span.start >= previous && span.start < span.end && span.end <= bytes.count)
          covered += bytes[span.start..<span.end]
          previous = span.end
        }
        let withoutSpace = { (b: [UInt8]) in String(decoding: b, as: UTF8.self).unicodeScalars.filter { !$0.properties.isWhitespace } }
        #expect(String(String.UnicodeScalarView(withoutSpace(covered))) == String(String.UnicodeScalarView(withoutSpace(bytes))))
      }
    }
  }
}

/// A small deterministic random generator.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
