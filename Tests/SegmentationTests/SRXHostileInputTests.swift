import GlossaCore
import Segmentation
import Testing

/// SRX files from strangers: bounded time and depth, clear errors.
@Suite struct SRXHostileInputTests {
  func srx(beforeBreak: String) -> String {
    """
    <?xml version="1.0"?>
    <srx version="2.0"><header segmentsubflows="yes" cascade="no"/><body>
    <languagerules><languagerule languagerulename="Deutsch">
    <rule break="yes"><beforebreak>\(beforeBreak)</beforebreak><afterbreak>\\s</afterbreak></rule>
    </languagerule></languagerules>
    <maprules><languagemap languagepattern="de.*" languagerulename="Deutsch"/></maprules>
    </body></srx>
    """
  }

  @Test func aPathologicalRegularExpressionStopsWithAnError() throws {
    let segmenter = try SentenceSegmenter(srx: SRXRules(parsing: srx(beforeBreak: "(a+)+b")), language: "de")
    let text = "Die Patrouille erreichte " + String(repeating: "a", count: 80) + "c und kehrte zurück."
    #expect {
      _ = try segmenter.run(Document(text))
    } throws: { error in
      "\(error)".contains("U_REGEX_TIME_OUT")
    }
  }

  @Test func deeplyNestedElementsAreRefused() {
    let deep = String(repeating: "<x>", count: 100_000) + String(repeating: "</x>", count: 100_000)
    #expect(throws: SRXError.self) { _ = try SRXRules(parsing: "<srx version=\"2.0\"><body>" + deep + "</body></srx>") }
  }

  @Test func aWellBehavedRuleStillSplits() throws {
    let segmenter = try SentenceSegmenter(srx: SRXRules(parsing: srx(beforeBreak: "[.!?]")), language: "de")
    let (document, _) = try segmenter.run(Document("Die Lage ist ruhig. Der Konvoi fährt weiter."))
    #expect(document.sentences.count == 2)
  }
}
