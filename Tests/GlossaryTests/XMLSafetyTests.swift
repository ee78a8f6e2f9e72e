import GlossaCore
import Testing
@testable import Glossary

@Test func billionLaughsIsRefusedAtTheFirstEntity() throws {
  var lol = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n  <!ENTITY lol \"lol\">\n"
  for n in 1...9 { lol += "  <!ENTITY lol\(n) \"" + String(repeating: "&lol\(n == 1 ? "" : String(n - 1));", count: 10) + "\">\n" }
  lol += "]>\n<tbx><text><body><conceptEntry id=\"c\"><langSec xml:lang=\"en\"><termSec><term>&lol9;</term></termSec></langSec></conceptEntry></body></text></tbx>\n"
  let clock = ContinuousClock()
  var caught: GlossaryError?
  let elapsed = clock.measure {
    do { _ = try Glossary.read(lol, file: "lol.tbx") } catch let error as GlossaryError { caught = error } catch {}
  }
  #expect(elapsed < .seconds(1))
  let diagnostic = try #require(caught?.diagnostics.first)
  #expect(diagnostic.kind == .unsafeXML)
  #expect(diagnostic.location == InputLocation(file: "lol.tbx", line: 3, column: 3))
  #expect(diagnostic.description.contains("entity declaration refused"))
}

@Test func externalEntityIsRefused() throws {
  let xxe = """
    <?xml version="1.0"?>
    <!DOCTYPE tbx [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
    <tbx><text><body><conceptEntry id="c"><langSec xml:lang="en"><termSec><term>&xxe;</term></termSec></langSec></conceptEntry></body></text></tbx>
    """
  #expect {
    try Glossary.read(xxe, file: "xxe.tbx")
  } throws: { error in
    (error as? GlossaryError)?.diagnostics.map(\.description) == [
      "xxe.tbx:2:17: error: entity declaration refused: glossary XML may not declare entities (no entity expansion, no external entities)"
    ]
  }
  let undeclared = "<tbx><text><body><conceptEntry id=\"c\"><langSec xml:lang=\"en\"><termSec><term>&xxe;</term></termSec></langSec></conceptEntry></body></text></tbx>"
  #expect {
    try Glossary.read(undeclared, file: "ref.tbx")
  } throws: { error in
    (error as? GlossaryError)?.diagnostics.first?.kind == .unsafeXML
  }
}

@Test func characterReferencesAndPredefinedEntitiesAreDecoded() throws {
  let tbx = """
    <tbx><text><body><conceptEntry id="geo:163843"><langSec xml:lang="ar"><termSec><term>&#x633;&#1608;&#x631;&#x64A;&#x627;</term></termSec></langSec>
    <langSec xml:lang="en"><termSec><term>Syria &amp; &lt;Levant&gt;</term></termSec></langSec></conceptEntry></body></text></tbx>
    """
  let glossary = try Glossary.read(tbx)
  #expect(glossary.concepts[0].terms.map(\.text) == ["سوريا", "Syria & <Levant>"])
}
