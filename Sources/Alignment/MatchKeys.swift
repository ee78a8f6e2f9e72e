import ICU

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The writing system of a word, as far as matching cares.
public enum WordScript: Sendable, Hashable {
  case latin, arabic, other
}

/// The forms of one word that the index compares, from strict to loose.
public struct WordKeys: Sendable, Hashable {
  /// Lowercase, diacritics removed, letters and digits only: `Ḥassaké` → `hassake`.
  public var folded: String
  /// The transliteration key: spelling conventions abstracted (`Hassake`, `Hasakah` → `hasaka`).
  /// For Arabic-script words, the normalized Arabic word.
  public var key: String
  /// The key with vowels reduced to where they are (`Karbala`, `Kerbela` → `karbala`).
  public var skeleton: String
  /// The key without an attached article (`Albukamal` → `bukamal`, `Ezzor` → `sur`), if it has one.
  public var keyWithoutArticle: String?
  /// The vowel-class key of `keyWithoutArticle`.
  public var skeletonWithoutArticle: String?
  public var script: WordScript
  /// Whether the word is an Arabic article (`al`, `el`, `ar`, …).
  public var isArticle: Bool
  /// Whether the word is a generic head noun (`Provinz`, `Gouvernement`); its key then names its group of
  /// interchangeable heads, so `Provinz Anbar` has the key of `Gouvernement Anbar`.
  public var isGenericHead: Bool = false
}

/// A word's keys as a ``MatchKeyMaker`` caches them, with what the matcher works out about the word
/// alone, memoized here so that a repeated word costs one cache probe for all of it.
final class WordEntry {
  let keys: WordKeys
  /// Whether the word alone may begin a key of several words (the matcher's prefix filter), once asked.
  var mayContinue: Bool?
  /// The matcher's last lookup of the word as a candidate of its own: its byte of flags and levels (for a
  /// word alone a function of the word), and the match found (its span relative to the word's start).
  var lookup: Lookup?
  /// What the index's word lists say about the word, once the matcher asked.
  var facts: Facts?
  /// What the index's prefix filters say about the word as a candidate's start, once the matcher asked.
  var startFacts: StartFacts?

  /// Whether a word may begin a form of the index by the prefix filters (``PrefixFilters``).
  struct StartFacts: OptionSet {
    let rawValue: UInt8
    /// Its bytes may begin an exact form of several words.
    static let exact = StartFacts(rawValue: 1)
    /// Its folded form may begin a folded form of several words.
    static let folded = StartFacts(rawValue: 2)
  }

  /// What the word lists of an index's rules say about a word's folded form and key.
  struct Facts: OptionSet {
    let rawValue: UInt8
    /// A common word of the text's language (``MatchKeyRules/commonWords``).
    static let commonWord = Facts(rawValue: 1)
    /// A word that looks like a name but is not one (``MatchKeyRules/lookalikes``).
    static let lookalike = Facts(rawValue: 2)
    /// Its key is one that common words share (``TermIndex/commonKeys``).
    static let commonKey = Facts(rawValue: 4)
    /// It ends like an adjective (``MatchKeyRules/adjectiveEndings``).
    static let adjectiveEnding = Facts(rawValue: 8)
  }

  init(keys: WordKeys) {
    self.keys = keys
  }

  /// A remembered lookup, boxed: most entries (all of an index build's) never hold one, and a match
  /// stored inline would double their size.
  final class Lookup {
    let flags: UInt8
    let match: TermMatch?

    init(flags: UInt8, match: TermMatch?) {
      self.flags = flags
      self.match = match
    }
  }
}

extension MatchKeyRules {
  /// Compiles the rules' ICU transliterators once for the process, so that the key makers of an index
  /// made later (one per build task and per worker) copy them instead of compiling them; a caller can
  /// run this while it reads a glossary. Throws when a rule file does not compile.
  public func prepare() throws {
    _ = try MatchKeyMaker(rules: self, cacheLimit: 1)
  }
}

/// Computes ``WordKeys`` as the ICU transliterators compiled from ``MatchKeyRules`` define them.
///
/// The rule files run natively (``NativeKeyRewriter``), checked against ICU on probe words when the maker
/// is made; words in scripts the native rewriter does not cover, and rules outside its syntax, go through
/// ICU. Holds ICU handles and a cache of the words seen so far (found by their bytes), so it is not
/// `Sendable`: each task uses its own, borrowed from the ``TermIndex``'s pool. Repeated words are a hash
/// lookup.
///
/// ```swift
/// let keys = try MatchKeyMaker(rules: .standard)
/// keys.keys(for: "Hassaké").key     // "hasaka"
/// keys.keys(for: "الحسكة").key       // "حسكه"
/// ```
public final class MatchKeyMaker {
  public let rules: MatchKeyRules
  private let fold: Transliterator
  private let latin: Transliterator
  private let vowels: Transliterator
  private let arabic: Transliterator
  private let alternates: [Transliterator]
  private var cache: ByteKeyedCache<WordEntry>
  /// Folded forms asked for alone (``folded(utf8:)``), apart from `cache` so that they do not crowd out
  /// the words of the text.
  private var foldedCache: ByteKeyedCache<String>
  private let headGroups: [String: Int]
  private let shared: SharedByteKeyedCache<WordKeys>?
  /// The native rewriter, or nil when the rules need ICU.
  private var native: NativeKeyRewriter?
  /// Per mention (its UTF-8 bytes), whether it holds a transliteration mark of the index's rules (filled
  /// by the matcher for loose matches).
  var markMemo = ByteKeyedCache<Bool>(limit: 100_000)
  /// Per run of content words (their UTF-8 bytes, each followed by a 0 byte), whether they may begin a
  /// key of several words (filled by the matcher's prefix filter for candidates of several content words).
  var continuationMemo = ByteKeyedCache<Bool>(limit: 200_000)

  /// Compiles the rules; an error in a rule file names its rule line.
  public convenience init(rules: MatchKeyRules, cacheLimit: Int = 200_000) throws {
    try self.init(rules: rules, cacheLimit: cacheLimit, shared: nil)
  }

  /// A key maker that also looks words up in, and adds them to, a cache shared with the other makers of
  /// the same rules (the workers of one index), so that parallel workers do not each compute the keys of the same
  /// words.
  init(rules: MatchKeyRules, cacheLimit: Int = 200_000, shared: SharedByteKeyedCache<WordKeys>?, native useNative: Bool = true) throws {
    self.shared = shared
    self.rules = rules
    self.fold = try Transliterator(id: "glossa-fold", rules: MatchKeyRules.foldingRules)
    self.latin = try Transliterator(id: "glossa-key", rules: rules.latinKeyRules)
    self.vowels = try Transliterator(id: "glossa-skeleton", rules: rules.skeleton)
    self.arabic = try Transliterator(id: "glossa-arabic", rules: rules.arabic)
    self.alternates = try rules.alternateReadings.enumerated().map {
      try Transliterator(id: "glossa-alternate-\($0.offset)", rules: "::Lower;\n" + $0.element)
    }
    self.cache = ByteKeyedCache(limit: cacheLimit)
    self.foldedCache = ByteKeyedCache(limit: cacheLimit)
    var headGroups: [String: Int] = [:]
    for (number, group) in rules.genericHeads.enumerated() {
      for word in group { headGroups[word] = headGroups[word] ?? number }
    }
    self.headGroups = headGroups
    if useNative {
      let reference = NativeKeyRewriter.ICUReference(
        lower: try Transliterator(id: "Any-Lower"),
        latinTail: try Transliterator(id: "glossa-key-tail", rules: NativeKeyRewriter.latinTailRules),
        foldTail: try Transliterator(id: "glossa-fold-tail", rules: NativeKeyRewriter.foldTailRules))
      let (fold, latin, vowels, alternates) = (fold, latin, vowels, alternates)
      native = NativeKeyRewriter(rules: rules, icu: reference) { word in
        let key = (try? latin.transliterate(word)) ?? ""
        return (
          (try? fold.transliterate(word)) ?? "", key, (try? vowels.transliterate(key)) ?? "",
          alternates.map { (try? $0.transliterate(word)) ?? "" }
        )
      }
    }
  }

  /// Whether keys are computed natively (``NativeKeyRewriter``) rather than by ICU.
  var isNative: Bool { native != nil }

  /// The keys of one word (no spaces or hyphens inside).
  public func keys(for word: Substring) -> WordKeys {
    var text = String(word)
    return text.withUTF8 { keys(utf8: $0) }
  }

  /// The keys of one word given as UTF-8 bytes; a word seen before costs a hash of its bytes.
  func keys(utf8 word: UnsafeBufferPointer<UInt8>) -> WordKeys { entry(utf8: word).keys }

  /// The cache entry of one word given as UTF-8 bytes (its keys, and room for the matcher's memos); a
  /// word seen before costs a hash of its bytes.
  func entry(utf8 word: UnsafeBufferPointer<UInt8>) -> WordEntry {
    if let cached = cache[word] { return cached }
    let computed: WordKeys
    if let shared, let known = shared[word] {
      computed = known
    } else {
      computed = compute(String(decoding: word, as: UTF8.self))
      shared?.insert(computed, for: word)
    }
    let entry = WordEntry(keys: computed)
    cache.insert(entry, for: word)
    return entry
  }

  /// The keys of one word.
  public func keys(for word: String) -> WordKeys { keys(for: word[...]) }

  /// The folded form (``WordKeys/folded``) of a text given as UTF-8 bytes, without its other keys; a
  /// text seen before costs a hash of its bytes.
  func folded(utf8 text: UnsafeBufferPointer<UInt8>) -> String {
    if let cached = foldedCache[text] { return cached }
    let word = String(decoding: text, as: UTF8.self)
    let computed = folded(word, script: Self.script(of: word))
    foldedCache.insert(computed, for: text)
    return computed
  }

  private func folded(_ word: String, script: WordScript) -> String {
    script == .arabic ? icuFolded(word) : (native?.folded(word) ?? icuFolded(word))
  }

  private func compute(_ word: String) -> WordKeys {
    let script = Self.script(of: word)
    let folded = folded(word, script: script)
    if script == .arabic {
      let key = (try? arabic.transliterate(word)) ?? word
      return WordKeys(
        folded: folded, key: key, skeleton: key, keyWithoutArticle: nil, skeletonWithoutArticle: nil, script: .arabic,
        isArticle: key == "ال")
    }
    let isArticle = rules.articles.contains(folded)
    if let group = headGroups[folded] {
      // Digits never occur in Latin keys, so the group number cannot collide with a name.
      let key = "0\(group)"
      return WordKeys(
        folded: folded, key: key, skeleton: key, keyWithoutArticle: nil, script: script, isArticle: false,
        isGenericHead: true)
    }
    let key = isArticle ? "" : latinKey(word)
    var keyWithoutArticle: String?
    if !isArticle, let stem = attachedArticleStem(folded) {
      keyWithoutArticle = latinKey(stem)
    }
    return WordKeys(
      folded: folded, key: key, skeleton: skeleton(of: key), keyWithoutArticle: keyWithoutArticle,
      skeletonWithoutArticle: keyWithoutArticle.map { skeleton(of: $0) }, script: script, isArticle: isArticle)
  }

  /// The keys of a Latin word under each alternative reading (`Necef` read as `Nejef`) that differ from
  /// its key as written; computed only when asked for (the matcher asks once per word and remembers its
  /// answer).
  public func alternateKeys(for word: String) -> [String] {
    let own = keys(for: word).key
    var result: [String] = []
    let lowercased = word.lowercased()
    for (number, alternate) in alternates.enumerated() {
      guard let read = native?.alternateReading(number, of: word) ?? (try? alternate.transliterate(word)),
        read != lowercased
      else { continue }
      let key = latinKey(read)
      if key != own, !result.contains(key) { result.append(key) }
    }
    return result
  }

  /// The transliteration key of a Latin word.
  func latinKey(_ word: String) -> String {
    native?.latinKey(word) ?? ((try? latin.transliterate(word)) ?? word.lowercased())
  }

  /// The vowel-class key of a transliteration key.
  func skeleton(of key: String) -> String {
    if key.isEmpty { return key }
    if let native { return native.skeleton(of: key) }
    return (try? vowels.transliterate(key)) ?? key
  }

  private func icuFolded(_ word: String) -> String { (try? fold.transliterate(word)) ?? word.lowercased() }

  /// `bukamal` for `albukamal`, `zor` for `ezzor` (assimilated article: vowel, doubled consonant);
  /// nil when the word has no attached article or too little would remain.
  private func attachedArticleStem(_ folded: String) -> String? {
    let letters = Array(folded.utf8)
    guard letters.count >= 5 else { return nil }
    for prefix in rules.attachedArticles {
      let p = Array(prefix.utf8)
      if letters.count >= 6, letters.starts(with: p), letters.count - p.count >= 4 {
        return String(decoding: letters[p.count...], as: UTF8.self)
      }
    }
    let isVowel: (UInt8) -> Bool = { $0 == 0x61 || $0 == 0x65 || $0 == 0x69 || $0 == 0x6F || $0 == 0x75 }
    if isVowel(letters[0]), letters[1] == letters[2], !isVowel(letters[1]), letters[1] >= 0x61, letters[1] <= 0x7A {
      return String(decoding: letters[2...], as: UTF8.self)
    }
    return nil
  }

  /// Whether the word is written in Arabic script (any Arabic letter), Latin, or something else.
  static func script(of word: String) -> WordScript {
    var sawLatin = false
    for scalar in word.unicodeScalars {
      switch scalar.value {
      case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return .arabic
      case 0x41...0x5A, 0x61...0x7A, 0xC0...0x024F, 0x1E00...0x1EFF: sawLatin = true
      default: break
      }
    }
    return sawLatin ? .latin : .other
  }
}
