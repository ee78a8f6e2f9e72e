import Testing
@testable import Glossary

private func diagnostics(_ text: String, file: String, format: GlossaryFormat? = nil) throws -> [String] {
  try GlossaryDocument.read(Array(text.utf8), file: file, format: format).validate().map(\.description)
}

@Test func tsvPlantedErrorsAreLocated() throws {
  let tsv = """
    concept\tlang\tterm\tstatus
    geo:173811\tde\tal-Hasaka\tpreferred
    geo:173811\tde\tHasaka\tpreferred
    geo:173811\tde\t\tadmitted
    geo:173811\tdeu_DE\tHassake\tadmitted
    geo:163345\tde\tTell Tamer\tpreferred
    geo:163345\tde\tTal Tamar\tfavourite
    geo:163345\tde\tHasaka\tadmitted

    """
  let got = try diagnostics(tsv, file: "broken.tsv")
  #expect(got == [
    "broken.tsv:3:15: error: second preferred term 'Hasaka' for concept 'geo:173811' in language 'de' (the preferred term is 'al-Hasaka')",
    "broken.tsv:4:15: error: empty term in concept 'geo:173811'",
    "broken.tsv:5:19: error: bad language tag 'deu_DE' (expected BCP 47, e.g. de, ar-SY, und)",
    "broken.tsv:5:19: error: concept 'geo:173811' has terms in 'deu_DE' but no preferred term for it",
    "broken.tsv:7:25: error: unknown status 'favourite' (expected preferred, admitted or deprecated)",
    "broken.tsv:8:15: warning: 'Hasaka' (de) of concept 'geo:163345' is also a term of concept 'geo:173811' (broken.tsv:3:15)",
  ])
}

@Test func csvPlantedErrorsAreLocated() throws {
  let csv = """
    concept,lang,term,status
    geo:169577,de,Homs,preferred
    geo:169577,en,Homs,preferred
    geo:169577,en,Hims,preferred
    geo:169577,x1,"Hums",admitted
    geo:170063,de,"Aleppo",preffered

    """
  let got = try diagnostics(csv, file: "broken.csv")
  #expect(got == [
    "broken.csv:4:15: error: second preferred term 'Hims' for concept 'geo:169577' in language 'en' (the preferred term is 'Homs')",
    "broken.csv:5:15: error: bad language tag 'x1' (expected BCP 47, e.g. de, ar-SY, und)",
    "broken.csv:5:15: error: concept 'geo:169577' has terms in 'x1' but no preferred term for it",
    "broken.csv:6:1: error: concept 'geo:170063' has no terms",
    "broken.csv:6:24: error: unknown status 'preffered' (expected preferred, admitted or deprecated)",
  ])
}

@Test func tbxPlantedErrorsAreLocated() throws {
  let tbx = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
      <text><body>
        <conceptEntry id="geo:170794">
          <langSec xml:lang="de">
            <termSec><term>Deir ez-Zor</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
            <termSec><term>Deir Ezzor</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
            <termSec><term> </term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
            <termSec><term>Der Sor</term><termNote type="administrativeStatus">wrongTerm-admn-sts</termNote></termSec>
          </langSec>
          <langSec xml:lang="en_US">
            <termSec><term>Deir ez-Zor</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
          </langSec>
        </conceptEntry>
        <conceptEntry id="geo:170792">
          <langSec xml:lang="de">
            <termSec><term>Deir Ezzor</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
          </langSec>
        </conceptEntry>
      </body></text>
    </tbx>
    """
  let got = try diagnostics(tbx, file: "broken.tbx")
  #expect(got == [
    "broken.tbx:7:18: error: second preferred term 'Deir Ezzor' for concept 'geo:170794' in language 'de' (the preferred term is 'Deir ez-Zor')",
    "broken.tbx:8:18: error: empty term in concept 'geo:170794'",
    "broken.tbx:9:38: error: unknown administrativeStatus 'wrongTerm-admn-sts' (expected preferredTerm-admn-sts, admittedTerm-admn-sts or deprecatedTerm-admn-sts)",
    "broken.tbx:12:18: error: bad language tag 'en_US' (expected BCP 47, e.g. de, ar-SY, und)",
    "broken.tbx:17:18: warning: 'Deir Ezzor' (de) of concept 'geo:170792' is also a term of concept 'geo:170794' (broken.tbx:7:18)",
  ])
}

@Test func jsonPlantedErrorsAreLocated() throws {
  let json = """
    {"concepts": [
      {"id": "geo:163345", "terms": [
        {"lang": "de", "term": "Tell Tamer", "status": "preferred"},
        {"lang": "de", "term": "", "status": "admitted"},
        {"lang": "de", "term": "Tal Tamar", "status": "approved"},
        {"lang": "de DE", "term": "Tall Tamr", "status": "preferred"}]},
      {"id": "geo:163345", "terms": [
        {"lang": "de", "term": "Tell Tamer", "status": "preferred"}]}
    ]}
    """
  let got = try diagnostics(json, file: "broken.json")
  #expect(got == [
    "broken.json:4:28: error: empty term in concept 'geo:163345'",
    "broken.json:5:51: error: unknown status 'approved' (expected preferred, admitted or deprecated)",
    "broken.json:6:31: error: bad language tag 'de DE' (expected BCP 47, e.g. de, ar-SY, und)",
    "broken.json:7:10: error: concept id 'geo:163345' is used twice (first at broken.json:2:10)",
    "broken.json:8:28: warning: 'Tell Tamer' (de) of concept 'geo:163345' is also a term of concept 'geo:163345' (broken.json:3:28)",
  ])
}

@Test func malformedXMLAndJSONAreLocated() throws {
  let tbx = "<tbx>\n  <text><body>\n    <conceptEntry id=\"x\">\n  </text>\n</tbx>\n"
  let got = try diagnostics(tbx, file: "bad.tbx")
  #expect(got == ["bad.tbx:4:3: error: end tag </text> does not match <conceptEntry>"])
  let json = "{\"concepts\": [\n  {\"id\": \"x\" \"terms\": []}\n]}"
  let gotJSON = try diagnostics(json, file: "bad.json")
  #expect(gotJSON == ["bad.json:2:14: error: expected ',' or '}' in object"])
}

@Test func languageTags() {
  for good in ["de", "en-US", "ar-SY", "sr-Latn-RS", "und", "zh-Hant-TW", "de-CH-1996", "x-glossa", "en-u-ca-gregory", "es-419"] {
    #expect(LanguageTag.isWellFormed(good), "\(good)")
  }
  for bad in ["", "de_DE", "de DE", "Deutsch!", "e", "de-", "-de", "12", "de--CH", "en-US-u"] {
    #expect(!LanguageTag.isWellFormed(bad), "\(bad)")
  }
}

@Test func tbx2PlantedErrorsAreLocated() throws {
  let martif = """
    <martif type="TBX-Basic" xml:lang="en">
      <text><body>
        <termEntry id="geo:173377">
          <langSet xml:lang="de">
            <tig><term>Qamischli</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
            <tig><term>Kamischli</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
          </langSet>
          <langSet>
            <tig><term>Qamishli</term></tig>
          </langSet>
          <langSet xml:lang="ku">
            <ntig><termGrp><term>Qamişlo</term><termNote type="administrativeStatus">standardTerm</termNote></termGrp></ntig>
          </langSet>
        </termEntry>
      </body></text>
    </martif>
    """
  let got = try diagnostics(martif, file: "broken.tbx")
  #expect(got == [
    "broken.tbx:6:14: error: second preferred term 'Kamischli' for concept 'geo:173377' in language 'de' (the preferred term is 'Qamischli')",
    "broken.tbx:8:7: error: <langSet> without xml:lang",
    "broken.tbx:12:44: error: unknown administrativeStatus 'standardTerm' (expected preferredTerm-admn-sts, admittedTerm-admn-sts or deprecatedTerm-admn-sts)",
  ])
}

@Test func twoColumnPlantedErrorsAreLocated() throws {
  let csv = "de,en\nDeir Ezzor,Deir ez-Zor\nal-Hassake\nTal Tamar,Tell Tamer,Tall Tamr\n\"Hasaka,Al-Hasakah\n"
  let got = try diagnostics(csv, file: "pairs.csv", format: .csv)
  #expect(got == [
    "pairs.csv:3:1: error: expected 2 columns, found 1",
    "pairs.csv:4:1: error: expected 2 columns, found 3",
    "pairs.csv:5:1: error: unterminated quoted field",
  ])
}
