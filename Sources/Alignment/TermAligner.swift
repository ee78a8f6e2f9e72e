import GlossaCore

/// The alignment stage: finds every mention of a glossary concept in a document and fills
/// `document.terms`, in order and without overlaps.
///
/// Each mention carries its concept, the concept's canonical name in the document's language (or
/// `language` when the document has none), how it matched and a score; ambiguous mentions list the
/// other concepts in `alternatives`.
///
/// ```swift
/// let aligner = TermAligner(index: try TermIndex(glossary: glossary), language: "de")
/// let document = try aligner.run(Document("Kämpfe nahe Deir Ezzor.")).output
/// document.terms.map(\.canonical)   // ["Deir ez-Zor"]
/// ```
public struct TermAligner: DocumentStage {
  public let index: TermIndex
  /// The language whose canonical names are reported when the document does not say its own.
  public let language: String

  public init(index: TermIndex, language: String = "de") {
    self.index = index
    self.language = language
  }

  public func run(_ input: Document, diagnostics: inout Diagnostics) throws -> Document {
    var document = input
    let language = document.language ?? self.language
    document.terms = try Self.mentions(in: document.text, index: index, language: language).map(\.annotation)
    return document
  }

  /// A mention as the aligner reports it, with what the applier needs of its concept.
  struct Mention {
    var annotation: TermAnnotation
    /// The concept's number in the index.
    var concept: Int
    /// The concept's preferred term in the annotation's language, else its `und` one
    /// (``TermIndex/canonical(of:in:)``); nil when it has neither.
    var preferred: String?
  }

  /// The mentions in `text`, each naming its concept in `language`: its preferred term there, else in
  /// `und`, else in English, else its first preferred term.
  static func mentions(in text: String, index: TermIndex, language: String) throws -> [Mention] {
    try index.matches(in: text).map { match in
      let concept = Int(match.conceptNumber)
      let preferred = index.names.preferred(concept, in: language)
      return Mention(
        annotation: TermAnnotation(
          span: match.span, concept: match.concept, canonical: preferred ?? index.fallbackName(of: concept),
          match: match.match, score: match.score, alternatives: match.alternatives),
        concept: concept, preferred: preferred)
    }
  }
}
