/// A word-level token of the current text.
public struct Token: Hashable, Sendable {
  /// What kind of text the token holds, from ICU's word rules.
  public enum Kind: String, Hashable, Sendable {
    case word, number, punctuation, space, other
  }

  public var span: TextSpan
  public var kind: Kind

  public init(span: TextSpan, kind: Kind) {
    self.span = span
    self.kind = kind
  }
}

/// How a term mention was matched against the glossary.
public enum MatchKind: String, Hashable, Sendable, CaseIterable {
  /// The text is a glossary term as written.
  case exact
  /// Equal after case and accent folding.
  case folded
  /// Equal after the transliteration key (spelling conventions abstracted away).
  case key
  /// Close to a key within a bounded edit distance.
  case fuzzy
  /// Matched in another script (e.g. Arabic) after that script's normalization.
  case script
}

/// A mention of a glossary concept in the current text.
public struct TermAnnotation: Hashable, Sendable {
  public var span: TextSpan
  /// The concept's id in the glossary, e.g. `geo:173811`.
  public var concept: String
  /// The canonical name the mention was linked to.
  public var canonical: String
  public var match: MatchKind
  /// Confidence in 0...1.
  public var score: Double
  /// Other concepts this mention could also mean; non-empty marks an ambiguous mention.
  public var alternatives: [String]

  public init(span: TextSpan, concept: String, canonical: String, match: MatchKind, score: Double, alternatives: [String] = []) {
    self.span = span
    self.concept = concept
    self.canonical = canonical
    self.match = match
    self.score = score
    self.alternatives = alternatives
  }
}

/// Fields of an input record that Glossa does not interpret and carries through unchanged, in order.
/// Values are kept as their raw JSON text.
public struct Metadata: Hashable, Sendable {
  public var fields: [(key: String, json: String)] {
    get { storage.map { (key: $0.key, json: $0.json) } }
    set { storage = newValue.map { Field(key: $0.key, json: $0.json) } }
  }

  private struct Field: Hashable, Sendable {
    var key: String
    var json: String
  }
  private var storage: [Field] = []

  public init() {}

  public init(_ fields: [(key: String, json: String)]) { self.fields = fields }

  public var isEmpty: Bool { storage.isEmpty }

  /// The raw JSON value of `key`, if present.
  public subscript(key: String) -> String? { storage.first { $0.key == key }?.json }
}
