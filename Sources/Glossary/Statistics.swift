/// Counts that describe a glossary.
public struct GlossaryStatistics: Sendable, Hashable, CustomStringConvertible {
  /// Term counts of one language.
  public struct LanguageCounts: Sendable, Hashable {
    public var preferred = 0
    public var admitted = 0
    public var deprecated = 0
    public var total: Int { preferred + admitted + deprecated }
  }

  public var concepts = 0
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
    for concept in concepts {
      s.terms += concept.terms.count
      for term in concept.terms {
        texts.insert(term.text)
        switch term.status {
        case .preferred: s.languages[term.language, default: .init()].preferred += 1
        case .admitted: s.languages[term.language, default: .init()].admitted += 1
        case .deprecated: s.languages[term.language, default: .init()].deprecated += 1
        }
      }
      for scheme in concept.references.keys { s.references[scheme, default: 0] += 1 }
      if let subject = concept.subject { s.subjects[subject, default: 0] += 1 }
    }
    s.distinctTerms = texts.count
    return s
  }
}
