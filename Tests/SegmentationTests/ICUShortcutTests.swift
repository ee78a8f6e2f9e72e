import Foundation
import Testing
@testable import Segmentation

/// The rules segmenter skips ICU's iterator on text where its boundaries cannot matter; the sentences
/// must be the same as with ICU consulted on every text.
@Suite struct ICUShortcutTests {
  static let pieces = RobustnessTests.pieces + [
    "\u{2029}", "\u{0085}", "\u{2024}", "।", "։", "።", "\u{037E}", "(", "„", ".(", "Sie ging", "e.V.",
  ]

  @Test(arguments: ["de", "en", "fr", "ar", "zh", "ru"])
  func shortcutGivesTheSameSentences(language: String) throws {
    let fast = try SentenceSegmenter(language: language)
    var slow = fast
    slow.consultICU = .always
    var generator = SplitMix(seed: UInt64(language.utf8.reduce(11) { $0 &* 131 &+ Int($1) }))
    for _ in 0..<400 {
      var text = ""
      for _ in 0..<Int(generator.next() % 30) { text += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] }
      #expect(try fast.sentenceSpans(in: text) == slow.sentenceSpans(in: text), "\(text.debugDescription)")
    }
  }

  /// Set GLOSSA_SEGMENT_CORPUS to a text file (one document a line) to compare on real text.
  @Test func shortcutOnACorpus() throws {
    guard let path = ProcessInfo.processInfo.environment["GLOSSA_SEGMENT_CORPUS"] else { return }
    let fast = try SentenceSegmenter(language: "de")
    var slow = fast
    slow.consultICU = .always
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    var differing = 0
    for line in lines where try fast.sentenceSpans(in: String(line)) != slow.sentenceSpans(in: String(line)) {
      differing += 1
    }
    #expect(differing == 0)
  }
}
