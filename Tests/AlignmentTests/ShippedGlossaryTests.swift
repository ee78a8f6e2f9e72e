import Alignment
import GlossaCore
import GlossaTestSupport
import Glossary
import Testing

/// The aligner with the glossary Glossa ships, `Glossaries/levant-places.tbx`, on news sentences written
/// for these tests in the style of the seed article and with its spellings.
@Suite struct ShippedGlossaryTests {
  static let index: TermIndex = {
    var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    let path = (parts + ["Glossaries", "levant-places.tbx"]).joined(separator: "/")
    return try! TermIndex(glossary: Glossary.load(contentsOf: path))
  }()

  func mentions(_ text: String) throws -> [(String, String)] {
    let document = try TermAligner(index: Self.index, language: "de").run(Document(text)).output
    checkSpans(document)
    return document.terms.map { (String(document.text(of: $0.span)), $0.canonical) }
  }

  func apply(_ text: String, _ mode: ApplyMode = .replace) throws -> String {
    try TermApplier(index: Self.index, mode: mode, targetLanguage: "de").run(Document(text, language: "de")).output.text
  }

  @Test func everyPlaceInSeedArticleSpellings() throws {
    let text = """
      Milizen aus dem Iran griffen Stellungen in Syrien und im Irak an. Bei Al-Sukhnah, östlich von Homs, \
      starben sechs Soldaten. Zwischen Homs und Deir Ezzor sind Zellen aktiv. Das al-Khabour-Netzwerk meldete \
      Truppen aus der Türkei nahe al-Hassake. Russland schickte eine Patrouille nach Hasaka und einen Posten \
      nahe der Stadt Tal Tamar in Hassaka. Die USA ziehen Soldaten aus Nordsyrien ab, die Lage Syriens bleibt offen.
      """
    let found = try mentions(text)
    #expect(found.map(\.0) == [
      "Iran", "Syrien", "Irak", "Al-Sukhnah", "Homs", "Homs", "Deir Ezzor", "al-Khabour", "Türkei", "al-Hassake",
      "Russland", "Hasaka", "Tal Tamar", "Hassaka", "USA", "Nordsyrien", "Syrien",
    ])
    #expect(found.map(\.1) == [
      "Iran", "Syrien", "Irak", "as-Suchna", "Homs", "Homs", "Deir ez-Zor", "Chabur", "Türkei", "al-Hasaka",
      "Russland", "al-Hasaka", "Tell Tamer", "al-Hasaka", "Vereinigte Staaten", "Nordsyrien", "Syrien",
    ])
  }

  @Test func adjectivesAreNoPlaces() throws {
    #expect(try mentions("Irakische Milizen und iranische Berater trafen syrische Offiziere.").isEmpty)
  }

  @Test func provinceKeepsTheTextsHeadNoun() throws {
    let found = try mentions("Festnahmen in der Provinz Anbar und im Gouvernement Idlib.")
    #expect(found.map(\.0) == ["Anbar", "Idlib"])
    #expect(try apply("Die Armee meldete Festnahmen in der Provinz Anbar nahe der Grenze.")
      == "Die Armee meldete Festnahmen in der Provinz al-Anbar nahe der Grenze.")
  }

  @Test(arguments: ApplyMode.allCases)
  func applyingTwiceEqualsOnce(_ mode: ApplyMode) throws {
    let text = "In der Provinz Anbar und in Hassakeh blieb es ruhig; Konvois fuhren nach Deir Ezzor & Rakka."
    let once = try apply(text, mode)
    #expect(try apply(once, mode) == once)
    if mode == .markup { #expect(TermMarkup.strip(once) == text) }
  }
}
