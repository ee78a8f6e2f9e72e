/// Counts that describe a glossary.
public struct GlossaryStatistics: Sendable, Hashable, CustomStringConvertible {
  /// Term counts of one language.
  public struct LanguageCounts: Sendable, Hashable {
    /// Preferred terms (one per concept that has the language).
    public var preferred = 0
    /// Admitted variants.
    public var admitted = 0
    /// Deprecated spellings.
    public var deprecated = 0
    /// All terms of the language.
    public var total: Int { preferred + admitted + deprecated }
  }

  /// Number of concepts.
  public var concepts = 0
  /// Number of terms, in every language.
  public var terms = 0
  /// Different term texts (one text under several concepts counts once).
  public var distinctTerms = 0
  /// Counts by language tag.
  public var languages: [String: LanguageCounts] = [:]
  /// How many concepts carry a reference of each scheme (`geonames`, `wikidata`, …).
  public var references: [String: Int] = [:]
  /// Concepts by subject field.
  public var subjects: [String: Int] = [:]

  /// Several lines: totals, then one line per language and per reference scheme.
  public var description: String {
    var lines = ["concepts: \(concepts)", "terms: \(terms)", "distinct terms: \(distinctTerms)"]
    for (language, c) in languages.sorted(by: { $0.key < $1.key }) {
      lines.append("  \(language): \(c.total) terms (\(c.preferred) preferred, \(c.admitted) admitted, \(c.deprecated) deprecated)")
    }
    for (scheme, n) in references.sorted(by: { $0.key < $1.key }) { lines.append("references \(scheme): \(n)") }
    for (subject, n) in subjects.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
      lines.append("subject \(subject): \(n)")
    }
    return lines.joined(separator: "\n")
  }
}

extension Glossary {
  /// Counts of concepts, terms per language and status, references and subjects.
  public var statistics: GlossaryStatistics {
    var s = GlossaryStatistics()
    s.concepts = concepts.count
    var texts: Set<String> = []
    texts.reserveCapacity(concepts.count * 4)
    // Few languages, many terms: count in an array, remembering the last language's slot.
    var languages: [(language: String, counts: GlossaryStatistics.LanguageCounts)] = []
    var last = -1
    for concept in concepts {
      s.terms += concept.terms.count
      for term in concept.terms {
        texts.insert(term.text)
        if last < 0 || languages[last].language != term.language {
          if let found = languages.firstIndex(where: { $0.language == term.language }) {
            last = found
          } else {
            languages.append((term.language, .init()))
            last = languages.count - 1
          }
        }
        switch term.status {
        case .preferred: languages[last].counts.preferred += 1
        case .admitted: languages[last].counts.admitted += 1
        case .deprecated: languages[last].counts.deprecated += 1
        }
      }
      for scheme in concept.references.keys { s.references[scheme, default: 0] += 1 }
      if let subject = concept.subject { s.subjects[subject, default: 0] += 1 }
    }
    for (language, counts) in languages { s.languages[language] = counts }
    s.distinctTerms = texts.count
    return s
  }
}
