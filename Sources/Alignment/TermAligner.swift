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
    document.terms = try index.matches(in: document.text).map { match in
      TermAnnotation(
        span: match.span, concept: match.concept,
        canonical: index.displayName(of: index.conceptIndex(match.concept) ?? 0, language: language),
        match: match.match, score: match.score, alternatives: match.alternatives)
    }
    return document
  }
}
