import Alignment
import GlossaCore
import GlossaTestSupport
import Testing

@Suite struct ApplierTests {
  let text = "Gefechte bei al-Hassake & in Rakkas Altstadt; HASSAKE meldet <Ruhe>. Damaskus ist fern."

  func apply(_ mode: ApplyMode, _ input: String, target: String = "de") throws -> Document {
    try TermApplier(index: Fixtures.index, mode: mode, targetLanguage: target).run(Document(input, language: "de")).output
  }

  @Test func replaceKeepsInflectionAndCasing() throws {
    let result = try apply(.replace, text, target: "en").text
    #expect(result == "Gefechte bei Al-Hasakah & in Raqqas Altstadt; AL-HASAKAH meldet <Ruhe>. Damaskus ist fern.")
    #expect(try apply(.replace, "Tartous Hafen und Tartouss Kai.", target: "de").text.hasPrefix("Tartus Hafen"))
  }

  @Test func casingIsReadFromLettersBeyondASCIIToo() throws {
    #expect(try apply(.replace, "Meldungen aus ḤASSAKE.").text == "Meldungen aus AL-HASAKA.")
    #expect(try apply(.replace, "Meldungen aus Ḥassake.").text == "Meldungen aus al-Hasaka.")
    #expect(try apply(.replace, "Ḥassake meldet Ruhe.").text == "Al-Hasaka meldet Ruhe.")
  }

  @Test func annotate() throws {
    #expect(try apply(.annotate, "Verstärkung nach Hassake.").text == "Verstärkung nach Hassake [al-Hasaka].")
  }

  @Test(arguments: ApplyMode.allCases)
  func applyingTwiceEqualsOnce(_ mode: ApplyMode) throws {
    let once = try apply(mode, text).text
    let twice = try apply(mode, once).text
    #expect(once == twice)
  }

  @Test func markupRoundTrips() throws {
    let marked = try apply(.markup, text)
    #expect(marked.text.contains("<term concept=\"geo:173811\" canonical=\"al-Hasaka\">al-Hassake</term>"))
    #expect(marked.text.contains("&amp; in") && marked.text.contains("&lt;Ruhe&gt;"))
    #expect(TermMarkup.strip(marked.text) == text)
    checkSpans(marked)
  }

  @Test func placeholderAndRestore() throws {
    let masked = try apply(.placeholder, "Kämpfe bei Hassaka und in Rakkas Altstadt.").text
    #expect(masked == "Kämpfe bei <ph id=\"1\" concept=\"geo:173811\"/> und in <ph id=\"2\" concept=\"geo:172955\"/> Altstadt.")
    let translated = "Fighting near <ph id=\"1\" concept=\"geo:173811\"/> and in the old town of <ph id=\"2\" concept=\"geo:172955\"/>."
    let restored = try PlaceholderRestorer(index: Fixtures.index, targetLanguage: "en").run(Document(translated))
    #expect(restored.output.text == "Fighting near Al-Hasakah and in the old town of Raqqa.")
    #expect(restored.diagnostics.isEmpty)
  }
}
