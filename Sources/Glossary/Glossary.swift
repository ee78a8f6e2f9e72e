/// A concept-oriented multilingual glossary: concepts, each with terms per language.
///
/// ```swift
/// var hasaka = Concept(id: "geo:173811")
/// hasaka.references["geonames"] = "173811"
/// hasaka.terms = [
///   Term(language: "de", text: "al-Hasaka", status: .preferred),
///   Term(language: "de", text: "Hassake", status: .admitted),
///   Term(language: "en", text: "Al-Hasakah", status: .preferred),
/// ]
/// let glossary = Glossary(concepts: [hasaka])
/// glossary.concepts[0].preferred(in: "en")?.text   // "Al-Hasakah"
/// ```
public struct Glossary: Sendable, Hashable {
  public var concepts: [Concept]

  public init(concepts: [Concept] = []) { self.concepts = concepts }
}

/// One concept (a place, an organization, …) with its terms in every language.
public struct Concept: Sendable, Hashable {
  /// The concept's id, unique in its glossary, e.g. `geo:173811`.
  public var id: String
  /// External references by scheme, e.g. `["geonames": "173811", "wikidata": "Q193014"]`.
  public var references: [String: String]
  /// A subject field, e.g. `populated place`.
  public var subject: String?
  /// Free-text notes.
  public var notes: [String]
  /// The concept's terms, in every language.
  public var terms: [Term]

  public init(id: String, references: [String: String] = [:], subject: String? = nil, notes: [String] = [], terms: [Term] = []) {
    self.id = id
    self.references = references
    self.subject = subject
    self.notes = notes
    self.terms = terms
  }

  /// The preferred term in `language` (BCP 47), falling back to the preferred term tagged `und`.
  public func preferred(in language: String) -> Term? {
    terms.first { $0.status == .preferred && $0.language == language }
      ?? terms.first { $0.status == .preferred && $0.language == Term.undetermined }
  }
}

/// A term of a concept in one language.
public struct Term: Sendable, Hashable {
  /// How a term stands in its language.
  public enum Status: String, Sendable, Hashable, CaseIterable {
    /// The canonical name of the concept in this language (exactly one per concept and language).
    case preferred
    /// An accepted variant.
    case admitted
    /// A known wrong spelling that should be replaced.
    case deprecated
  }

  /// The language tag for terms whose language is not known (as in GeoNames): they belong to every language.
  public static let undetermined = "und"

  /// BCP 47 language tag, or `und`.
  public var language: String
  public var text: String
  public var status: Status
  public var note: String?

  public init(language: String, text: String, status: Status, note: String? = nil) {
    self.language = language
    self.text = text
    self.status = status
    self.note = note
  }
}
