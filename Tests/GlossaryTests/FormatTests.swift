import Testing
@testable import Glossary

/// Two concepts with everything the model carries: references, subject, concept notes, term notes, all statuses,
/// Arabic script and characters that need escaping in XML, JSON and CSV.
let richGlossary = Glossary(concepts: [
  Concept(
    id: "geo:173811", references: ["geonames": "173811", "wikidata": "Q193014"], subject: "populated place",
    notes: ["Hauptstadt des Gouvernements al-Hasaka", "Stadt am Chabur"],
    terms: [
      Term(language: "de", text: "al-Hasaka", status: .preferred),
      Term(language: "de", text: "al-Hassake", status: .admitted),
      Term(language: "de", text: "Hassaka", status: .admitted),
      Term(language: "de", text: "El Haseke", status: .deprecated, note: "französisch geprägte Schreibung"),
      Term(language: "en", text: "Al-Hasakah", status: .preferred),
      Term(language: "en", text: "Hasakah", status: .admitted),
      Term(language: "fr", text: "Hassaké", status: .preferred),
      Term(language: "ar", text: "الحسكة", status: .preferred),
    ]),
  Concept(
    id: "geo:170794", references: ["geonames": "170794"], subject: "populated place",
    terms: [
      Term(language: "de", text: "Deir ez-Zor", status: .preferred),
      Term(language: "de", text: "Deir Ezzor", status: .admitted, note: "so im Artikel \"Calibre Obscura\" & Co."),
      Term(language: "en", text: "Deir ez-Zor", status: .preferred),
      Term(language: "en", text: "Dayr az-Zawr", status: .admitted),
      Term(language: "fr", text: "Deir ez-Zor", status: .preferred),
      Term(language: "fr", text: "Deir el-Zor, <ville>", status: .admitted),
      Term(language: "ar", text: "دير الزور", status: .preferred),
    ]),
])

@Test(arguments: GlossaryFormat.allCases)
func everyFormatRoundTripsTheFullModel(format: GlossaryFormat) throws {
  let bytes = try richGlossary.encoded(as: format)
  #expect(GlossaryFormat.detect(bytes) == format)
  #expect(try Glossary.read(bytes, format: format) == richGlossary)
  #expect(try Glossary.read(bytes) == richGlossary)
}

@Test func tsvToTBXToTSVIsLossless() throws {
  let tsv = try richGlossary.string(as: .tsv)
  let tbx = try Glossary.read(tsv).encoded(as: .tbx)
  #expect(try Glossary.read(tbx).string(as: .tsv) == tsv)
}

@Test func tbxToJSONToTBXIsLossless() throws {
  let tbx = try richGlossary.string(as: .tbx)
  let json = try Glossary.read(tbx).encoded(as: .json)
  #expect(try Glossary.read(json).string(as: .tbx) == tbx)
}

@Test func tbxUsesTBXBasicStatuses() throws {
  let tbx = try richGlossary.string(as: .tbx)
  #expect(tbx.contains("<conceptEntry id=\"geo:173811\">"))
  #expect(tbx.contains("<langSec xml:lang=\"ar\">"))
  #expect(tbx.contains("<term>El Haseke</term>\n            <termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>"))
  #expect(tbx.contains("<xref type=\"externalCrossReference\" target=\"https://www.geonames.org/173811\">geonames:173811</xref>"))
  #expect(tbx.contains("&quot;Calibre Obscura&quot; &amp; Co.") || tbx.contains("\"Calibre Obscura\" &amp; Co."))
}

@Test func readsTBXv2WithTigAndNtig() throws {
  let martif = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
    <martif type="TBX" xml:lang="en">
      <martifHeader><fileDesc><sourceDesc><p>Levant places</p></sourceDesc></fileDesc></martifHeader>
      <text><body>
        <termEntry id="homs">
          <descrip type="subjectField">populated place</descrip>
          <xref type="externalCrossReference" target="https://www.geonames.org/169577">GeoNames</xref>
          <langSet xml:lang="de">
            <tig><term>Homs</term></tig>
          </langSet>
          <langSet xml:lang="fr">
            <ntig><termGrp><term>Homs</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termGrp></ntig>
            <ntig><termGrp><term>Hims</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termGrp></ntig>
          </langSet>
          <langSet xml:lang="ar"><tig><term><![CDATA[حمص]]></term></tig></langSet>
        </termEntry>
      </body></text>
    </martif>
    """
  let glossary = try Glossary.read(martif)
  let homs = glossary.concepts[0]
  #expect(homs.id == "homs")
  #expect(homs.references == ["geonames": "169577"])
  #expect(homs.subject == "populated place")
  #expect(homs.terms == [
    Term(language: "de", text: "Homs", status: .preferred),
    Term(language: "fr", text: "Homs", status: .preferred),
    Term(language: "fr", text: "Hims", status: .admitted),
    Term(language: "ar", text: "حمص", status: .preferred),
  ])
}

@Test func twoColumnFilesNeedTheirLanguages() throws {
  let deepl = "Deir Ezzor\tDeir ez-Zor\nDer Sor\tDeir ez-Zor\nal-Hassake\tAl-Hasakah\n"
  #expect(throws: GlossaryError.self) { try Glossary.read(deepl, format: .tsv) }
  let glossary = try Glossary.read(deepl, format: .tsv, options: GlossaryFormatOptions(sourceLanguage: "de", targetLanguage: "en"))
  #expect(glossary.concepts.count == 2)
  #expect(glossary.concepts[0].terms == [
    Term(language: "de", text: "Deir Ezzor", status: .preferred),
    Term(language: "en", text: "Deir ez-Zor", status: .preferred),
    Term(language: "de", text: "Der Sor", status: .admitted),
  ])
  let pairs = GlossaryFormatOptions(sourceLanguage: "de", targetLanguage: "en")
  #expect(try glossary.string(as: .tsv, options: pairs) == deepl)
}

@Test func csvPairsWithLanguageHeaderAndQuoting() throws {
  let options = GlossaryFormatOptions(sourceLanguage: "de", targetLanguage: "fr")
  let csv = try richGlossary.string(as: .csv, options: options)
  #expect(csv == """
    de,fr
    al-Hasaka,Hassaké
    al-Hassake,Hassaké
    Hassaka,Hassaké
    El Haseke,Hassaké
    Deir ez-Zor,Deir ez-Zor
    Deir Ezzor,Deir ez-Zor

    """)
  let back = try Glossary.read(csv, format: .csv)
  #expect(back.concepts[0].preferred(in: "fr")?.text == "Hassaké")
  #expect(back.concepts[0].terms.filter { $0.language == "de" }.count == 4)
  let quoted = "de,en\n\"Tell Tamer, Stadt\",\"Tell \"\"Tamer\"\"\"\n"
  #expect(try Glossary.read(quoted, format: .csv).concepts[0].terms.map(\.text) == ["Tell Tamer, Stadt", "Tell \"Tamer\""])
}

@Test func aFirstRowOfPlaceNamesIsNotALanguageHeader() throws {
  let options = GlossaryFormatOptions(sourceLanguage: "de", targetLanguage: "fr")
  let glossary = try Glossary.read("Tartus\tTartous\nLatakia\tLattaquié\n", format: .tsv, options: options)
  #expect(glossary.concepts.map { $0.preferred(in: "fr")?.text } == ["Tartous", "Lattaquié"])
  #expect(throws: GlossaryError.self) { try Glossary.read("Tartus\tTartous\n", format: .tsv) }
  let withHeader = try Glossary.read("de\tfr\nTartus\tTartous\n", format: .tsv, options: options)
  #expect(withHeader.concepts.count == 1)
}

@Test func readsTBX2019DCTStyle() throws {
  let dct = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tbx style="dct" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:basic="http://www.tbxinfo.net/ns/basic">
      <tbxHeader><fileDesc><sourceDesc><p>DCT</p></sourceDesc></fileDesc></tbxHeader>
      <text><body>
        <conceptEntry id="geo:163808">
          <basic:subjectField>populated place</basic:subjectField>
          <langSec xml:lang="de">
            <termSec><term>Palmyra</term><basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus></termSec>
            <termSec><term>Tadmur</term><basic:administrativeStatus>admittedTerm-admn-sts</basic:administrativeStatus></termSec>
          </langSec>
        </conceptEntry>
      </body></text>
    </tbx>
    """
  let palmyra = try Glossary.read(dct).concepts[0]
  #expect(palmyra.subject == "populated place")
  #expect(palmyra.terms == [Term(language: "de", text: "Palmyra", status: .preferred), Term(language: "de", text: "Tadmur", status: .admitted)])
}
