import Testing

@testable import Alignment

@Suite struct MatcherHelperTests {
  /// The byte shortcuts of `Matcher.containsMark` answer as `String.contains` does, line breaks,
  /// combining marks and compatibility characters included.
  @Test(arguments: [
    "khabur", "qamishli", "hasaka", "ab\r\nc", "a\rb", "h\u{0323}asan", "\u{1E25}asan", "tell abyad",
    "dayr az-zawr", "kelvin \u{212A}", "", "x",
  ])
  func containsMarkAgreesWithStringContains(_ surface: String) {
    let markSets: [[String]] = [
      ["kh"], ["q"], ["h"], ["\r"], ["\n"], ["b\r"], ["\r\n"], ["c"], ["\u{1E25}"], ["h\u{0323}"], ["k"], ["\u{212A}"],
      ["dh", "gh", "aa"], ["zz", "y a"], ["ab"],
    ]
    for marks in markSets {
      #expect(Matcher.containsMark(surface, among: marks) == marks.contains { Self.contains(surface, $0) }, "\(marks)")
    }
  }

  /// Whether `text` holds `part` as a run of characters (compared as `Character`s are: canonically
  /// equivalent ones are equal), as the standard library's `contains` finds it without Foundation.
  static func contains(_ text: String, _ part: String) -> Bool {
    let characters = Array(text), wanted = Array(part)
    guard !wanted.isEmpty else { return true }
    guard characters.count >= wanted.count else { return false }
    return (0...(characters.count - wanted.count)).contains { Array(characters[$0..<($0 + wanted.count)]) == wanted }
  }

  @Test func hasSuffixComparesBytes() {
    #expect(Matcher.hasSuffix("syrische", "ische"))
    #expect(Matcher.hasSuffix("ische", "ische"))
    #expect(!Matcher.hasSuffix("sche", "ische"))
    #expect(!Matcher.hasSuffix("syrischen", "ische"))
    #expect(Matcher.hasSuffix("ab", ""))
  }

  /// The folded form alone is the folded form of the word's keys: Latin, Arabic, generic heads, articles,
  /// several words.
  @Test(arguments: ["Ḥassaké", "الحسكة", "Provinz", "al", "Tell Abyad", "Dair az-Zaur", "Bağdat", "", "X"])
  func foldedAloneIsTheKeysFolded(_ text: String) throws {
    let maker = try MatchKeyMaker(rules: .standard)
    var copy = text
    let alone = copy.withUTF8 { maker.folded(utf8: $0) }
    let again = copy.withUTF8 { maker.folded(utf8: $0) }
    #expect(alone == again)
    #expect(alone == maker.keys(for: text).folded)
  }

  @Test func arenaBytesAreTheStrings() {
    var builder = StringArenaBuilder()
    for text in ["Rakka", "", "Dair az-Zaur", "الرقة"] { builder.append(text) }
    let arena = builder.arena()
    for index in 0..<arena.count {
      #expect(arena.withBytes(index) { String(decoding: $0, as: UTF8.self) } == arena[index])
    }
  }
}
