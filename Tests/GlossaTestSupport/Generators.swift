/// A small, seeded random generator (SplitMix64), so generated test input is the same on every run.
public struct SeededRandom: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Generates messy news-like text: German words, transliterated place names in precomposed and
/// decomposed forms, the many apostrophes, quotes, dashes and spaces of real input, and Arabic script.
public struct MessyTextGenerator {
  public static let words = [
    "Die", "Lage", "in", "der", "Stadt", "bleibt", "angespannt", "Kämpfe", "Größe", "Straße", "Militärpolizei",
    "am", "13.", "April", "berichteten", "Quellen", "Konvoi", "über", "z.", "B.", "usw.", "Dr.", "Nr.", "5",
    "1,2", "Mio.", "12.30", "Uhr", "Hassaka", "al-Hasaka", "Deir", "ez-Zor", "Ezzor", "Homs", "Tal", "Tamar",
    "Raqqa", "Rakka", "Qamischli", "Euphrat", "Syrien", "Irak", "دير", "الزور", "الحسكة", "Ḥimṣ", "Ṣūrān",
  ]
  public static let decorations = [
    "’", "‘", "ʼ", "ʻ", "ʿ", "ʾ", "`", "´", "′", "„", "“", "”", "‚", "»", "«", "‐", "‑", "‒", "–", "—", "−",
    "\u{00A0}", "\u{2009}", "\u{202F}", "\u{200B}", "\u{00AD}", "\u{0301}", "\u{0323}", "\u{0007}", "\t", ".", "!",
    "?", ",", ";", ":", "(", ")", "…", "...", "\"", "'", "-", " ",
  ]

  public var random: SeededRandom

  public init(seed: UInt64) { random = SeededRandom(seed: seed) }

  /// One text of about `count` pieces.
  public mutating func text(pieces count: Int) -> String {
    var text = ""
    for _ in 0..<count {
      switch Int.random(in: 0..<10, using: &random) {
      case 0..<6: text += Self.words.randomElement(using: &random)!
      case 6..<9: text += Self.decorations.randomElement(using: &random)!
      default: text += ". "
      }
      if Bool.random(using: &random) { text += " " }
    }
    return text
  }
}
