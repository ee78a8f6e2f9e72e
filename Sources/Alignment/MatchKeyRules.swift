/// The data behind match keys and precision guards: ICU transliteration rules per spelling convention
/// and word lists, read from the module's resource files.
///
/// Every list and rule set is plain text, so conventions and guards change without code changes:
/// `keys-letters.txt` (scholarly, Turkish and Kurdish letters), `keys-de.txt`, `keys-fr.txt`,
/// `keys-en.txt` (one file per source convention), `keys-common.txt`, `keys-skeleton.txt` (the vowel-class
/// key), `keys-ar.txt` (Arabic script), `articles.txt`, `common-de.txt` (German words that are never a
/// place name on their own), `lookalikes.txt` (real names elsewhere that look like a glossary name),
/// `given-names.txt` (name cues), `determiners-de.txt`, `place-cues.txt` (words before a place name),
/// `transliteration-marks.txt`, `adjective-endings-de.txt`, `endings-foreign.txt` (case endings of other
/// languages), `keys-alt-tr.txt` and `keys-alt-el.txt` (alternative readings of a letter, tried only when a
/// word matches nothing as written) and `generic-heads.txt` (generic head nouns such as `Provinz`).
///
/// ```swift
/// var rules = MatchKeyRules.standard
/// rules.commonWords.insert("basar")
/// let index = try TermIndex(glossary: glossary, rules: rules)
/// ```
public struct MatchKeyRules: Sendable, Hashable {
  /// ICU rules for a Latin word's match key, one entry per source convention, applied in order after
  /// case folding and diacritic removal. Each is a self-contained ICU rule text.
  public var conventions: [String]
  /// ICU rules applied to a Latin word before diacritics are stripped (letters such as ş, ǧ, ḫ).
  public var letters: String
  /// ICU rules that turn a match key into its vowel-class key.
  public var skeleton: String
  /// ICU rules that normalize an Arabic-script word.
  public var arabic: String
  /// Arabic article forms (`al`, `el`, `ar`, …), lowercase.
  public var articles: Set<String>
  /// Article prefixes that may be written attached to the name (`Albukamal`), lowercase.
  public var attachedArticles: [String]
  /// German words (folded) that never stand for a place on their own, however close their key.
  public var commonWords: Set<String>
  /// Names (folded) of other places, people and things that look like glossary names; they match only
  /// when the glossary lists them as written.
  public var lookalikes: Set<String>
  /// Given names and name particles (folded): before an article + name, they make it a person's name.
  public var givenNames: Set<String>
  /// Determiners (folded) after which a word ending in -s is not a genitive of a place name
  /// (`die Hamas`), except `des`.
  public var determiners: Set<String>
  /// Words (folded) that announce a place right after them (`aus`, `bei`, `Provinz`).
  public var placeCues: Set<String>
  /// Letters and letter groups (lowercase) that show a word was transliterated (`q`, `ḥ`, `kh`, `ş`).
  public var transliterationMarks: [String]
  /// Endings (folded) of adjectives and demonyms made from place names (`ische`).
  public var adjectiveEndings: [String]
  /// Case and nominative endings (folded) of other languages (`as` in `Tikritas`, `o` in `Bagdado`): a
  /// word that matches only without one matches loosely.
  public var foreignEndings: [String]
  /// ICU rules, each an alternative reading of a lowercased word (Turkish `c` = j), tried only when the
  /// word as written matches nothing.
  public var alternateReadings: [String]
  /// Groups of generic head nouns (folded) that name the same kind of place (`provinz`, `gouvernement`,
  /// `governorate`): a mention keeps the text's head noun when replaced.
  public var genericHeads: [[String]]

  /// The rules shipped with Glossa: German, French, English, Turkish/Kurdish and scholarly conventions.
  public static let standard = MatchKeyRules(
    conventions: [
      text(PackageResources.keys_de_txt),
      text(PackageResources.keys_fr_txt),
      text(PackageResources.keys_en_txt),
      text(PackageResources.keys_common_txt),
    ],
    letters: text(PackageResources.keys_letters_txt),
    skeleton: text(PackageResources.keys_skeleton_txt),
    arabic: text(PackageResources.keys_ar_txt),
    articles: Set(words(PackageResources.articles_txt)),
    attachedArticles: ["al", "el"],
    commonWords: Set(words(PackageResources.common_de_txt)),
    lookalikes: Set(words(PackageResources.lookalikes_txt)),
    givenNames: Set(words(PackageResources.given_names_txt)),
    determiners: Set(words(PackageResources.determiners_de_txt)),
    placeCues: Set(words(PackageResources.place_cues_txt)),
    transliterationMarks: words(PackageResources.transliteration_marks_txt),
    adjectiveEndings: words(PackageResources.adjective_endings_de_txt),
    foreignEndings: words(PackageResources.endings_foreign_txt),
    alternateReadings: [
      text(PackageResources.keys_alt_tr_txt), text(PackageResources.keys_alt_el_txt),
    ],
    genericHeads: lines(PackageResources.generic_heads_txt)
  )

  public init(
    conventions: [String], letters: String, skeleton: String, arabic: String, articles: Set<String>,
    attachedArticles: [String], commonWords: Set<String>, lookalikes: Set<String>, givenNames: Set<String>,
    determiners: Set<String>, placeCues: Set<String>, transliterationMarks: [String], adjectiveEndings: [String],
    foreignEndings: [String] = [], alternateReadings: [String] = [], genericHeads: [[String]] = []
  ) {
    self.conventions = conventions
    self.letters = letters
    self.skeleton = skeleton
    self.arabic = arabic
    self.articles = articles
    self.attachedArticles = attachedArticles
    self.commonWords = commonWords
    self.lookalikes = lookalikes
    self.givenNames = givenNames
    self.determiners = determiners
    self.placeCues = placeCues
    self.transliterationMarks = transliterationMarks
    self.adjectiveEndings = adjectiveEndings
    self.foreignEndings = foreignEndings
    self.alternateReadings = alternateReadings
    self.genericHeads = genericHeads
  }

  /// The complete ICU rule text of the Latin match key: lowercase, special letters, diacritics removed,
  /// ASCII only, then each convention as its own pass.
  var latinKeyRules: String {
    var rules = "::Lower;\n" + letters + "\n::NFD;\n::[:Nonspacing Mark:] Remove;\n::NFC;\n::Latin-ASCII;\n::Lower;\n[^a-z] > ;\n"
    for convention in conventions { rules += "::Null;\n" + convention + "\n" }
    return rules
  }

  /// ICU rules of the folded form: lowercase, no diacritics, letters and digits only.
  static let foldingRules = """
    ::Lower;
    ::NFD;
    ::[:Nonspacing Mark:] Remove;
    ::NFC;
    ::Latin-ASCII;
    ::Lower;
    [[:Lm:][^[:L:][:N:]]] > ;
    """

  private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  /// The lines of a list file that hold words, each line's words as one group.
  private static func lines(_ bytes: [UInt8]) -> [[String]] {
    text(bytes).split(separator: "\n").map { line in
      line.prefix { $0 != "#" }.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map { $0.lowercased() }
    }.filter { !$0.isEmpty }
  }

  /// The words of a list file: whitespace-separated, `#` starts a comment, lowercased.
  private static func words(_ bytes: [UInt8]) -> [String] {
    text(bytes).split(separator: "\n").flatMap { line -> [String] in
      let content = line.prefix { $0 != "#" }
      return content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map { $0.lowercased() }
    }
  }
}
