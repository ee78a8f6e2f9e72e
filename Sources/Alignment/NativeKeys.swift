import ICU

/// Computes the folded form, the Latin match key, the vowel-class key and the alternative readings of a
/// word natively, giving the same results as the ICU transliterators of ``MatchKeyMaker``.
///
/// ICU's chain for a key is `::Lower;` → letter rules → `::NFD;` → remove nonspacing marks → `::NFC;` →
/// `::Latin-ASCII;` → `::Lower;` → keep `a-z` → convention rules. For Latin-script text every step except
/// the rule files works one character at a time, so a word is rewritten as: each character lowercased,
/// the letter rules run natively (``RewriteRules``), each character mapped through the rest of the chain,
/// the convention rules run natively. The per-character mappings come from ICU itself, once per distinct
/// character above ASCII, and are cached.
///
/// The same holds for the scripts of most non-Latin place names (Cyrillic, CJK and others; see
/// ``isPerCharacter(_:)``), whose letters the key drops and the folded form keeps: a glossary's hundreds
/// of thousands of such names are indexed without ICU, whose rule-based transliterators take one
/// process-wide lock for every call. Words with a character outside these ranges return nil, and the
/// caller asks ICU. Before it is used, a rewriter compares itself with ICU on probe words that exercise
/// every rule file; if any differs, ``init(rules:icu:)`` returns nil and ICU is used throughout.
final class NativeKeyRewriter {
  /// The ICU transliterators that fill the per-character tables and judge the probes.
  struct ICUReference {
    let lower: Transliterator
    let latinTail: Transliterator
    let foldTail: Transliterator
  }

  private let letters: RewriteRules
  private let conventions: RewriteRules
  private let skeletonRules: RewriteRules
  private let alternates: [RewriteRules]
  private let icu: ICUReference
  // The tables and buffers are private to this class, which is not `Sendable`, and no access to one of
  // them overlaps another access to the same one (no method that touches it runs while it is held), so
  // the per-character loops go without a dynamic exclusivity check on every append.
  @exclusivity(unchecked) private var lowerTable: [UInt32: [UInt32]] = [:]
  @exclusivity(unchecked) private var latinTailTable: [UInt32: [UInt32]] = [:]
  @exclusivity(unchecked) private var foldTailTable: [UInt32: [UInt32]] = [:]
  @exclusivity(unchecked) private var buffer: [UInt32] = []
  @exclusivity(unchecked) private var scratch: [UInt32] = []
  @exclusivity(unchecked) private var lowered: [UInt32] = []

  /// The rest of ICU's Latin key chain after the letter rules, for one character.
  static let latinTailRules =
    "::NFD;\n::[:Nonspacing Mark:] Remove;\n::NFC;\n::Latin-ASCII;\n::Lower;\n[^a-z] > ;\n"
  /// The rest of ICU's folding chain after lowercasing, for one character.
  static let foldTailRules =
    "::NFD;\n::[:Nonspacing Mark:] Remove;\n::NFC;\n::Latin-ASCII;\n::Lower;\n[[:Lm:][^[:L:][:N:]]] > ;\n"

  /// Nil when a rule file uses syntax the native rewriter does not support, or when it disagrees with
  /// `reference` (the maker's own ICU transliterators) on a probe word.
  init?(rules: MatchKeyRules, icu: ICUReference, reference: (String) -> (folded: String, key: String, skeleton: String, alternates: [String])) {
    do {
      letters = try RewriteRules(rules.letters)
      conventions = try RewriteRules(concatenating: rules.conventions)
      skeletonRules = try RewriteRules(rules.skeleton)
      alternates = try rules.alternateReadings.map { try RewriteRules($0) }
    } catch {
      return nil
    }
    self.icu = icu
    guard !VerifiedRules.shared.contains(rules) else { return }
    for probe in Self.probes {
      guard let folded = folded(probe), let key = latinKey(probe) else { return nil }
      let expected = reference(probe)
      let readings = (0..<alternates.count).map { alternateReading($0, of: probe) }
      guard folded == expected.folded, key == expected.key, skeleton(of: key) == expected.skeleton,
        readings.map({ $0 ?? "" }) == expected.alternates
      else { return nil }
    }
    VerifiedRules.shared.insert(rules)
  }

  /// Rules whose native rewriter agreed with ICU on every probe in this process: the probes give the
  /// same answers each time, so later rewriters of the same rules skip them.
  private final class VerifiedRules: @unchecked Sendable {
    static let shared = VerifiedRules()
    // Read and written only while `lock` is held.
    private var verified: Set<MatchKeyRules> = []
    private let lock = Lock()

    func contains(_ rules: MatchKeyRules) -> Bool { lock.withLock { verified.contains(rules) } }

    func insert(_ rules: MatchKeyRules) { _ = lock.withLock { verified.insert(rules) } }
  }

  /// Words that exercise every rule of the shipped files, written the ways the press writes them, and
  /// place names in the non-Latin scripts read natively.
  static let probes = [
    "Ḥassaké", "al-Ḥasaka", "Hasakah", "Qamishly", "Qamichli", "Dscharablus", "Dzharablus", "Manbidzh",
    "Nedzsef", "Münbiç", "Şanlıurfa", "Nəcəf", "Helebce", "Halep", "Intlib", "Mpagdad", "Ǧarābulus",
    "Ḫān", "Šayḫ", "Ṯawra", "Ḏahab", "Ẓāhir", "Žilina", "Straße", "Lattaquié", "Latakieh", "Afrine",
    "Khabour", "Sindjar", "Tschad", "Deir", "Dayr", "Sanamejn", "Majadin", "Syrien", "Kerbela", "Karbala",
    "Mossul", "Baghdad", "Bağdat", "Tell", "Ma'arrat", "Maʿarrat", "Raʾs", "Qusayr", "Raqqa", "Rakka",
    "Iskenderiyya", "Philadelphia", "Aleppo", "İdlib", "ÆRØ", "Ğ", "Ijmuiden", "Chuzestan", "Qaraqosh",
    "Sheikh", "Zor", "Ezzor", "Albukamal", "Athar", "Dhahab", "Mooney", "Zeebrugge", "Ayyash", "Aya",
    "Москва", "Йошкар", "Ўзбекистон", "Երևան", "אָבִיב", "თბილისი", "กรุงเทพฯ", "東京", "がっこう", "서울",
  ]

  /// The folded form (`Ḥassaké` → `hassake`), or nil when the word needs ICU.
  func folded(_ word: String) -> String? {
    guard lowercase(word) else { return nil }
    buffer.removeAll(keepingCapacity: true)
    for scalar in lowered {
      if scalar < 128 {
        if (scalar >= 0x61 && scalar <= 0x7A) || (scalar >= 0x30 && scalar <= 0x39) { buffer.append(scalar) }
      } else {
        buffer += tail(scalar, table: &foldTailTable, icu.foldTail)
      }
    }
    return Self.string(buffer)
  }

  /// The Latin match key (`Hasakah` → `hasaka`), or nil when the word needs ICU.
  func latinKey(_ word: String) -> String? {
    guard lowercase(word) else { return nil }
    swap(&buffer, &lowered)
    letters.rewrite(&buffer, scratch: &scratch)
    lowered.removeAll(keepingCapacity: true)
    for scalar in buffer {
      if scalar < 128 {
        if scalar >= 0x61 && scalar <= 0x7A { lowered.append(scalar) }
      } else {
        lowered += tail(scalar, table: &latinTailTable, icu.latinTail)
      }
    }
    swap(&buffer, &lowered)
    conventions.rewrite(&buffer, scratch: &scratch)
    return Self.string(buffer)
  }

  /// The vowel-class key of a match key.
  func skeleton(of key: String) -> String {
    buffer.removeAll(keepingCapacity: true)
    for scalar in key.unicodeScalars { buffer.append(scalar.value) }
    skeletonRules.rewrite(&buffer, scratch: &scratch)
    return Self.string(buffer)
  }

  /// The word lowercased and read by alternative reading `number`, or nil when the word needs ICU.
  func alternateReading(_ number: Int, of word: String) -> String? {
    guard lowercase(word) else { return nil }
    swap(&buffer, &lowered)
    alternates[number].rewrite(&buffer, scratch: &scratch)
    return Self.string(buffer)
  }

  /// Fills `lowered` with the word's characters lowercased as ICU's `::Lower;` does; false when a
  /// character is outside the ranges where the chain works per character.
  private func lowercase(_ word: String) -> Bool {
    lowered.removeAll(keepingCapacity: true)
    for unicode in word.unicodeScalars {
      let scalar = unicode.value
      if scalar < 128 {
        lowered.append(scalar >= 0x41 && scalar <= 0x5A ? scalar | 0x20 : scalar)
        continue
      }
      guard Self.isPerCharacter(scalar) else { return false }
      if let known = lowerTable[scalar] {
        lowered += known
      } else {
        let mapped = Self.scalars(of: (try? icu.lower.transliterate(String(unicode))) ?? String(unicode))
        lowerTable[scalar] = mapped
        lowered += mapped
      }
    }
    return true
  }

  private func tail(_ scalar: UInt32, table: inout [UInt32: [UInt32]], _ transliterator: Transliterator) -> [UInt32] {
    if let known = table[scalar] { return known }
    let text = Unicode.Scalar(scalar).map { String($0) } ?? ""
    let mapped = Self.scalars(of: (try? transliterator.transliterate(text)) ?? "")
    table[scalar] = mapped
    return mapped
  }

  /// Characters whose lowercase, decomposition and ASCII form do not depend on their neighbours: Latin,
  /// IPA, spacing modifier letters, combining diacritics, Latin Extended Additional, quotation marks and
  /// primes; and the scripts of most non-Latin place names, which lowercase one letter at a time and
  /// whose decompositions recompose within one character or lose a nonspacing mark: Cyrillic, Armenian,
  /// Hebrew, Thai, Georgian, kana, CJK ideographs and Hangul syllables. Not Greek: its final sigma
  /// lowercases by what follows.
  private static func isPerCharacter(_ scalar: UInt32) -> Bool {
    if scalar <= 0x036F { return true }
    for range in perCharacterRanges {
      if scalar < range.lowerBound { return false }
      if scalar <= range.upperBound { return true }
    }
    return false
  }

  /// The ranges of ``isPerCharacter(_:)`` above U+036F, in code point order.
  static let perCharacterRanges: [ClosedRange<UInt32>] = [
    0x0400...0x052F, 0x0530...0x058F, 0x0590...0x05FF, 0x0E00...0x0E7F, 0x10A0...0x10FF, 0x1E00...0x1EFF,
    0x2018...0x201F, 0x2032...0x2037, 0x3041...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3,
  ]

  private static func scalars(of text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

  private static func string(_ scalars: [UInt32]) -> String {
    if scalars.allSatisfy({ $0 < 0x80 }) {
      return String(unsafeUninitializedCapacity: scalars.count) { buffer in
        for (offset, scalar) in scalars.enumerated() { buffer[offset] = UInt8(truncatingIfNeeded: scalar) }
        return scalars.count
      }
    }
    var text = ""
    text.unicodeScalars.reserveCapacity(scalars.count)
    for scalar in scalars {
      if let unicode = Unicode.Scalar(scalar) { text.unicodeScalars.append(unicode) }
    }
    return text
  }
}
