import GlossaCore

extension Glossary {
  /// Merges glossaries in order. Concepts with the same id become one: terms are united (a term already present
  /// in the same language is kept once), notes are united, references and subject come from the first glossary
  /// that has them. Every disagreement is reported as a `conflict` warning and resolved for the earlier glossary:
  /// a second preferred term in a language becomes admitted, a differing status of the same term or a differing
  /// reference or subject is dropped.
  ///
  /// - Parameter locate: where concept `i` (or its term `j`) of glossary `g` is in its file, for diagnostics.
  public static func merged(
    _ glossaries: [Glossary], locate: (_ glossary: Int, _ concept: Int, _ term: Int?) -> InputLocation? = { _, _, _ in nil }
  ) -> (glossary: Glossary, diagnostics: [GlossaryDiagnostic]) {
    var result = Glossary()
    var index: [String: Int] = [:]
    var diagnostics: [GlossaryDiagnostic] = []
    for (g, glossary) in glossaries.enumerated() {
      for (c, concept) in glossary.concepts.enumerated() {
        guard let existing = index[concept.id] else {
          index[concept.id] = result.concepts.count
          result.concepts.append(concept)
          continue
        }
        var target = result.concepts[existing]
        for (scheme, value) in concept.references.sorted(by: { $0.key < $1.key }) {
          if let have = target.references[scheme], have != value {
            diagnostics.append(GlossaryDiagnostic(.warning, .conflict, "concept '\(concept.id)': \(scheme) reference \(value) conflicts with \(have); kept \(have)", at: locate(g, c, nil)))
          } else {
            target.references[scheme] = value
          }
        }
        if let subject = concept.subject {
          if let have = target.subject, have != subject {
            diagnostics.append(GlossaryDiagnostic(.warning, .conflict, "concept '\(concept.id)': subject '\(subject)' conflicts with '\(have)'; kept '\(have)'", at: locate(g, c, nil)))
          } else {
            target.subject = subject
          }
        }
        for note in concept.notes where !target.notes.contains(note) { target.notes.append(note) }
        for (t, term) in concept.terms.enumerated() {
          if let have = target.terms.first(where: { $0.language == term.language && $0.text == term.text }) {
            if have.status != term.status {
              diagnostics.append(GlossaryDiagnostic(
                .warning, .conflict, "concept '\(concept.id)': '\(term.text)' (\(term.language)) is \(term.status.rawValue) here but \(have.status.rawValue) before; kept \(have.status.rawValue)",
                at: locate(g, c, t)))
            }
            continue
          }
          var added = term
          if term.status == .preferred, let have = target.terms.first(where: { $0.language == term.language && $0.status == .preferred }) {
            diagnostics.append(GlossaryDiagnostic(
              .warning, .conflict, "concept '\(concept.id)': preferred '\(term.text)' (\(term.language)) conflicts with preferred '\(have.text)'; merged as admitted",
              at: locate(g, c, t)))
            added.status = .admitted
          }
          target.terms.append(added)
        }
        result.concepts[existing] = target
      }
    }
    return (result, diagnostics)
  }
}

extension GlossaryDocument {
  /// Merges documents in order (see `Glossary.merged`); conflicts carry the location in the later file.
  public static func merged(_ documents: [GlossaryDocument]) -> (glossary: Glossary, diagnostics: [GlossaryDiagnostic]) {
    let lines = documents.map { LineIndex(file: $0.file, bytes: $0.bytes) }
    return Glossary.merged(documents.map(\.glossary)) { g, c, t in
      let d = documents[g]
      guard c < d.conceptOffsets.count else { return nil }
      if let t, t < d.termOffsets[c].count { return lines[g].location(ofByte: d.termOffsets[c][t]) }
      return lines[g].location(ofByte: d.conceptOffsets[c])
    }
  }
}
