import Alignment
import GlossaCore
import Glossary

/// A small Levant glossary written for the tests: real places, their German, English and Arabic names
/// and a few admitted variants, in the shape of the shipped glossary.
enum Fixtures {
  static let glossary: Glossary = {
    func concept(_ id: String, _ terms: [(String, String, Term.Status)]) -> Concept {
      Concept(id: id, terms: terms.map { Term(language: $0.0, text: $0.1, status: $0.2) })
    }
    return Glossary(concepts: [
      concept("geo:173811", [("de", "al-Hasaka", .preferred), ("en", "Al-Hasakah", .preferred), ("ar", "الحسكة", .preferred)]),
      concept("geo:170794", [("de", "Deir ez-Zor", .preferred), ("en", "Deir ez-Zor", .preferred), ("ar", "دير الزور", .preferred)]),
      concept("geo:172955", [("de", "ar-Raqqa", .preferred), ("en", "Raqqa", .preferred), ("ar", "الرقة", .preferred)]),
      concept("geo:169577", [("de", "Homs", .preferred), ("en", "Homs", .preferred), ("ar", "حمص", .preferred)]),
      concept("geo:170017", [("de", "Hama", .preferred), ("en", "Hama", .preferred), ("ar", "حماه", .preferred)]),
      concept("geo:172425", [("de", "as-Suchna", .preferred), ("en", "Sukhnah", .preferred), ("ar", "السخنة", .preferred)]),
      concept("geo:163434", [("de", "Tall Tamr", .preferred), ("en", "Tell Tamer", .preferred), ("ar", "تل تمر", .preferred)]),
      concept("river:khabur", [("de", "Chabur", .preferred), ("en", "Khabur", .preferred), ("ar", "الخابور", .preferred)]),
      concept("geo:99072", [("de", "Mosul", .preferred), ("en", "Mosul", .preferred), ("de", "Mossul", .admitted)]),
      concept("geo:98182", [("de", "Bagdad", .preferred), ("en", "Baghdad", .preferred), ("ar", "بغداد", .preferred)]),
      concept("geo:163345", [("de", "Tartus", .preferred), ("en", "Tartus", .preferred)]),
      concept("geo:91597", [("de", "Samarra", .preferred), ("en", "Samarra", .preferred), ("ar", "سامراء", .preferred)]),
      concept("geo:163843", [("de", "Syrien", .preferred), ("en", "Syria", .preferred)]),
      concept("geo:99237", [("de", "Irak", .preferred), ("en", "Iraq", .preferred), ("ar", "العراق", .preferred)]),
      concept("geo:130758", [("de", "Iran", .preferred), ("en", "Iran", .preferred), ("ar", "إيران", .preferred)]),
      concept("geo:298795", [("de", "Türkei", .preferred), ("en", "Turkey", .preferred)]),
      concept("geo:167357", [("de", "Manbidsch", .preferred), ("en", "Manbij", .preferred)]),
      concept("geo:94824", [("de", "Kerbela", .preferred), ("en", "Karbala", .preferred)]),
      concept("geo:448149", [("de", "Sindschar", .preferred), ("en", "Sinjar", .preferred)]),
      concept("geo:170063", [("de", "Aleppo", .preferred), ("en", "Aleppo", .preferred), ("de", "Halab", .admitted)]),
    ])
  }()

  static let index: TermIndex = try! TermIndex(glossary: glossary)

  /// The mentions of `text` as (surface, concept) pairs.
  static func mentions(_ text: String, language: String = "de") throws -> [(String, String)] {
    let document = try TermAligner(index: index, language: language).run(Document(text)).output
    return document.terms.map { (String(document.text(of: $0.span)), $0.concept) }
  }

  static func concepts(_ text: String) throws -> [String] { try mentions(text).map(\.1) }
}
