import Glossary
import Testing

@testable import Alignment

/// The native key rewriter must give exactly ICU's keys: these tests run both on real words.
@Suite struct NativeKeysTests {
  // MARK: rule semantics

  @Test func firstRuleInFileOrderWins() throws {
    let rules = try RewriteRules("sch > x; ch > x; c > k;")
    #expect(rewrite("dschabal", rules) == "dxabal")
    #expect(rewrite("ochsen", rules) == "oxsen")
    #expect(rewrite("cafe", rules) == "kafe")
  }

  @Test func beforeContextSeesRewrittenTextAfterContextSeesInput() throws {
    let rules = try RewriteRules("$consonant = [b-df-hj-np-tv-z]; $consonant { y } $ > i; q > k; ay > ai;")
    // q was rewritten to k before the cursor reached the y; k is a consonant either way.
    #expect(rewrite("qamishly", rules) == "kamishli")
    #expect(rewrite("dayr", rules) == "dair")
    #expect(rewrite("yabrud", rules) == "yabrud")
  }

  @Test func anchorsAndRepeatedSets() throws {
    let rules = try RewriteRules("ah } $ > a; ^ al > ; [aeiou]+ > a;")
    #expect(rewrite("alraqqah", rules) == "raqqa")
    #expect(rewrite("bahrain", rules) == "bahran")
    #expect(rewrite("walah", rules) == "wala")
  }

  @Test func passesRunOneAfterTheOther() throws {
    let rules = try RewriteRules("o > u;\n::Null;\nuu > u;")
    #expect(rewrite("mossoul", rules) == "mussul")
    let single = try RewriteRules("o > u; uu > u;")
    #expect(rewrite("mossoul", single) == "mussuul")
  }

  @Test func quotedAndEscapedLiteralsAndSetsWithApostrophes() throws {
    let rules = try RewriteRules("[ʿʾ'`] > ; '-' > ; \\u0131 > i;")
    #expect(rewrite("maʿarrat-an-nuʿman", rules) == "maarratannuman")
    #expect(rewrite("ma'arrat", rules) == "maarrat")
    #expect(rewrite("şanlıurfa", rules) == "şanliurfa")
  }

  @Test(arguments: [
    "::NFD;", "a > b | c;", "(a) > b;", "a <> b;", "a < b;", "[[:L:]] > ;", "a* > b;", "[$v] > a;", ". > a;",
    "a > b", "$undefined > a;",
  ])
  func unsupportedSyntaxIsRefused(_ text: String) {
    #expect(throws: RewriteRules.Unsupported.self) { try RewriteRules(text) }
  }

  // MARK: agreement with ICU

  @Test func shippedRulesRunNatively() throws {
    #expect(try MatchKeyMaker(rules: .standard, shared: nil).isNative)
  }

  @Test func rulesOutsideTheSubsetFallBackToICU() throws {
    var rules = MatchKeyRules.standard
    rules.conventions.append("::NFD;\nx > ks;")
    let maker = try MatchKeyMaker(rules: rules, shared: nil)
    #expect(!maker.isNative)
    #expect(maker.keys(for: "Khabour").key == "ksabur")
  }

  @Test func everyWordOfTheShippedGlossaryGetsICUsKeys() throws {
    var words: Set<String> = []
    for concept in Glossary.levantPlaces.concepts {
      for term in concept.terms {
        for word in term.text.split(whereSeparator: { $0 == " " || $0 == "-" }) { words.insert(String(word)) }
      }
    }
    #expect(words.count > 1000)
    try expectAgreement(Array(words))
  }

  @Test func germanNewsWordsGetICUsKeys() throws {
    let text = """
      Bei Gefechten nahe der Stadt Tall Tamr im Nordosten Syriens sind nach Angaben der Beobachtungsstelle \
      mindestens zwölf Kämpfer getötet worden. Die Türkei hatte am 13. April Stellungen der YPG südlich von \
      Raʾs al-ʿAin beschossen; Ankara spricht von „Terroristen“. Im Gouvernement Dair az-Zaur übernahm die \
      Armee den Ölförderort al-Ǧafra, während Straßensperren bei Qāmišlī und Ḥasaka geräumt wurden. \
      Der Außenminister äußerte sich in Brüssel über Hilfsgüter für Aleppo, Idlib und Ma’arrat an-Nu‘man. \
      Œuvre, Ærø, Łódź, İzmir, Şırnak, Nəcəf, Ǆemal, ﬁnal, Ångström, Čačak, Đakovo, Øresund, Þingvellir.
      """
    let words = text.split(whereSeparator: { " .,;:„“()-".contains($0) || $0.isNewline }).map(String.init)
    try expectAgreement(words)
  }

  @Test func everyCharacterReadNativelyGetsICUsKeysInContext() throws {
    var words: [String] = []
    for range in [0x20...0x036F] + NativeKeyRewriter.perCharacterRanges {
      // Every character of the small ranges; every 7th of the CJK ideographs and Hangul syllables.
      for value in stride(from: range.lowerBound, through: range.upperBound, by: range.count > 5_000 ? 7 : 1) {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let character = String(scalar)
        words += [character, "Ha\(character)ab", "dz\(character)", "\(character)ie"]
      }
    }
    try expectAgreement(words)
  }

  @Test func placeNamesInOtherScriptsGetICUsKeys() throws {
    let names = [
      "Санкт-Петербург", "Новосибирск", "Київ", "Ґродно", "Қарағанды", "Өскемен", "Ўрганч", "Йошкар-Ола",
      "Ёлкино", "Нижний Тагил", "Երևան", "Գյումրի", "ירושלים", "תֵּל־אָבִיב", "באר שבע", "თბილისი", "ქუთაისი",
      "ბათუმი", "เชียงใหม่", "กรุงเทพมหานคร", "ภูเก็ต", "大阪", "北京市", "広島", "とうきょう", "がっこう", "ガザ",
      "ヴェネツィア", "부산광역시", "서울특별시", "대구", "Москва2", "Kyiv-Київ",
    ]
    let words = names.flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "־" }).map(String.init) }
    try expectAgreement(words)
  }

  // MARK: helpers

  private func rewrite(_ word: String, _ rules: RewriteRules) -> String {
    var scalars = word.unicodeScalars.map(\.value)
    rules.rewrite(&scalars)
    return String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
  }

  private func expectAgreement(_ words: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let native = try MatchKeyMaker(rules: .standard, shared: nil)
    let icu = try MatchKeyMaker(rules: .standard, shared: nil, native: false)
    #expect(native.isNative && !icu.isNative, sourceLocation: sourceLocation)
    var differences: [String] = []
    for word in words {
      let (mine, theirs) = (native.keys(for: word), icu.keys(for: word))
      if mine != theirs { differences.append("\(word): \(mine) ≠ \(theirs)") }
      if native.alternateKeys(for: word) != icu.alternateKeys(for: word) { differences.append("\(word): alternates") }
      if native.latinKey(word) != icu.latinKey(word) { differences.append("\(word): latin key") }
    }
    #expect(differences.isEmpty, "\(differences.prefix(20))", sourceLocation: sourceLocation)
  }
}
