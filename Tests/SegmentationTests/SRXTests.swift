import Testing
import Segmentation

/// An SRX 2.0 file of the kind CAT tools export: exceptions before breaks, a default rule set mapped
/// last, and cascading.
let sampleSRX = """
  <?xml version="1.0" encoding="UTF-8"?>
  <srx xmlns="http://www.lisa.org/srx20" version="2.0">
    <header segmentsubflows="yes" cascade="yes">
      <formathandle type="start" include="no"/>
      <formathandle type="end" include="yes"/>
      <formathandle type="isolated" include="yes"/>
    </header>
    <body>
      <languagerules>
        <languagerule languagerulename="German">
          <!-- no break after these abbreviations -->
          <rule break="no">
            <beforebreak>\\b(?:z\\.\\s?B|usw|Nr|Dr|bzw)\\.</beforebreak>
            <afterbreak>\\s</afterbreak>
          </rule>
          <!-- the break position inside "z. B.": before and after patterns together -->
          <rule break="no">
            <beforebreak>\\bz\\.</beforebreak>
            <afterbreak>\\s?B\\.</afterbreak>
          </rule>
          <rule break="no">
            <beforebreak>\\b\\d{1,2}\\.</beforebreak>
            <afterbreak>\\s+(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)</afterbreak>
          </rule>
        </languagerule>
        <languagerule languagerulename="Default">
          <rule break="no">
            <beforebreak>\\b[A-Z]\\.</beforebreak>
            <afterbreak>\\s</afterbreak>
          </rule>
          <rule break="yes">
            <beforebreak>[.?!]+[\\u201C\\u201D"')]*</beforebreak>
            <afterbreak>\\s</afterbreak>
          </rule>
          <rule>
            <beforebreak>;</beforebreak>
            <afterbreak>\\s</afterbreak>
          </rule>
        </languagerule>
      </languagerules>
      <maprules>
        <languagemap languagepattern="de.*" languagerulename="German"/>
        <languagemap languagepattern=".*" languagerulename="Default"/>
      </maprules>
    </body>
  </srx>
  """

@Suite struct SRXTests {
  @Test func parsesRulesAndMaps() throws {
    let srx = try SRXRules(parsing: sampleSRX)
    #expect(srx.cascade)
    #expect(srx.maps.map(\.ruleName) == ["German", "Default"])
    #expect(srx.languageRules["Default"]?.count == 3)
    #expect(srx.languageRules["Default"]?[2].isBreak == true)  // break defaults to yes
    #expect(try srx.rules(for: "de-DE").count == 6)  // cascade: German, then Default
    #expect(try srx.rules(for: "EN").count == 3)  // language patterns ignore case
  }

  @Test func splitsLikeACATTool() throws {
    let srx = try SRXRules(parsing: sampleSRX)
    let german = try SentenceSegmenter(srx: srx, language: "de")
    #expect(try check(german, "Am 3. Oktober kam Dr. Weber, z. B. mit J. Klein. Danach: Ruhe; „Endlich!“ Gut.") == [
      "Am 3. Oktober kam Dr. Weber, z. B. mit J. Klein.", "Danach: Ruhe;", "„Endlich!“", "Gut.",
    ])
    // Without cascading, German text gets only the German exceptions: no rule breaks.
    var single = srx
    single.cascade = false
    let noBreaks = try SentenceSegmenter(srx: single, language: "de")
    #expect(try check(noBreaks, "Er kam. Sie ging.") == ["Er kam. Sie ging."])
    // English maps to the default rules only: "Dr." is not an exception there.
    let english = try SentenceSegmenter(srx: srx, language: "en")
    #expect(try check(english, "Ask Dr. Weber. He knows.") == ["Ask Dr.", "Weber.", "He knows."])
    // Line breaks still end segments.
    #expect(try check(english, "Title\nText here") == ["Title", "Text here"])
  }

  @Test func rejectsDoctypeAndBadXML() {
    #expect(throws: SRXError.self) {
      try SRXRules(parsing: "<!DOCTYPE srx [<!ENTITY x \"y\">]><srx><body/></srx>")
    }
    #expect(throws: SRXError.self) { try SRXRules(parsing: "<srx><body><languagerules></body></srx>") }
    #expect(throws: SRXError.self) { try SRXRules(parsing: "<tmx/>") }
  }

  @Test func reportsBadRegexWithLine() throws {
    let bad = """
      <srx version="2.0"><header cascade="no"/><body>
      <languagerules><languagerule languagerulename="X">
      <rule break="yes"><beforebreak>[.</beforebreak><afterbreak>\\s</afterbreak></rule>
      </languagerule></languagerules>
      <maprules><languagemap languagepattern=".*" languagerulename="X"/></maprules>
      </body></srx>
      """
    let srx = try SRXRules(parsing: bad)
    do {
      _ = try SentenceSegmenter(srx: srx, language: "de")
      Issue.record("expected an error")
    } catch let error as SRXError {
      #expect(error.line == 3)
    }
  }

  @Test func entitiesAndCDATA() throws {
    let xml = """
      <srx version="2.0"><header cascade="no"/><body><languagerules><languagerule languagerulename="A">
      <rule break="yes"><beforebreak><![CDATA[[.!?]]]></beforebreak><afterbreak>\\s&#x2B;</afterbreak></rule>
      </languagerule></languagerules><maprules><languagemap languagepattern="e&#110;" languagerulename="A"/></maprules>
      </body></srx>
      """
    let srx = try SRXRules(parsing: xml)
    #expect(srx.languageRules["A"]?.first?.beforeBreak == "[.!?]")
    #expect(srx.languageRules["A"]?.first?.afterBreak == "\\s+")
    #expect(srx.maps.first?.pattern == "en")
  }
}
