extension Glossary {
  /// Every problem of the glossary: duplicate concept ids, empty terms, bad language tags, more than one
  /// preferred term (or none) per concept and language, a term listed twice in a concept (warning), and a term
  /// listed under two concepts for the same language (warning: an ambiguity the aligner must resolve).
  /// Terms tagged `und` count for every language.
  ///
  /// - Parameter locate: where concept `i` (or its term `j`) is in its file; diagnostics carry that location.
  public func validate(locate: (Int, Int?) -> SourceLocation? = { _, _ in nil }) -> [GlossaryDiagnostic] {
    var diagnostics: [GlossaryDiagnostic] = []
    var conceptByID: [String: Int] = [:]
    conceptByID.reserveCapacity(concepts.count)
    var tagValidity: [String: Bool] = [:]
    /// Concepts (and a term of each) by term text, for ambiguity.
    var owners: [String: [(concept: Int, term: Int, language: String)]] = [:]
    owners.reserveCapacity(concepts.count * 4)

    for (c, concept) in concepts.enumerated() {
      if let first = conceptByID[concept.id] {
        let other = locate(first, nil).map { " (first at \($0))" } ?? ""
        diagnostics.append(GlossaryDiagnostic(.error, .duplicateConcept, "concept id '\(concept.id)' is used twice\(other)", at: locate(c, nil)))
      } else {
        conceptByID[concept.id] = c
      }
      if concept.id.isEmpty {
        diagnostics.append(GlossaryDiagnostic(.error, .syntax, "concept without an id", at: locate(c, nil)))
      }
      if concept.terms.isEmpty {
        diagnostics.append(GlossaryDiagnostic(.error, .emptyTerm, "concept '\(concept.id)' has no terms", at: locate(c, nil)))
        continue
      }
      var preferredByLanguage: [String: Int] = [:]
      var firstTermByLanguage: [String: Int] = [:]
      var seen: Set<TermKey> = []
      for (t, term) in concept.terms.enumerated() {
        let valid: Bool
        if let known = tagValidity[term.language] {
          valid = known
        } else {
          valid = LanguageTag.isWellFormed(term.language)
          tagValidity[term.language] = valid
        }
        if !valid {
          diagnostics.append(GlossaryDiagnostic(.error, .badLanguageTag, "bad language tag '\(term.language)' (expected BCP 47, e.g. de, ar-SY, und)", at: locate(c, t)))
        }
        if term.text.allSatisfy(\.isWhitespace) {
          diagnostics.append(GlossaryDiagnostic(.error, .emptyTerm, "empty term in concept '\(concept.id)'", at: locate(c, t)))
          continue
        }
        if !seen.insert(TermKey(language: term.language, text: term.text)).inserted {
          diagnostics.append(GlossaryDiagnostic(.warning, .duplicateTerm, "'\(term.text)' (\(term.language)) is listed twice in concept '\(concept.id)'", at: locate(c, t)))
          continue
        }
        if firstTermByLanguage[term.language] == nil { firstTermByLanguage[term.language] = t }
        if term.status == .preferred {
          if let first = preferredByLanguage[term.language] {
            diagnostics.append(GlossaryDiagnostic(
              .error, .duplicatePreferred,
              "second preferred term '\(term.text)' for concept '\(concept.id)' in language '\(term.language)' (the preferred term is '\(concept.terms[first].text)')",
              at: locate(c, t)))
          } else {
            preferredByLanguage[term.language] = t
          }
        }
        owners[term.text, default: []].append((c, t, term.language))
      }
      let hasUndeterminedPreferred = preferredByLanguage[Term.undetermined] != nil
      for (language, t) in firstTermByLanguage.sorted(by: { $0.value < $1.value })
      where preferredByLanguage[language] == nil && !hasUndeterminedPreferred {
        diagnostics.append(GlossaryDiagnostic(
          .error, .missingPreferred, "concept '\(concept.id)' has terms in '\(language)' but no preferred term for it", at: locate(c, t)))
      }
    }

    for (text, list) in owners where list.count > 1 {
      var reported: Set<Int> = []
      for i in 1..<list.count {
        let here = list[i]
        guard !reported.contains(here.concept) else { continue }
        if let earlier = list[..<i].first(where: { $0.concept != here.concept && languagesOverlap($0.language, here.language) }) {
          reported.insert(here.concept)
          let other = locate(earlier.concept, earlier.term).map { " (\($0))" } ?? ""
          diagnostics.append(GlossaryDiagnostic(
            .warning, .ambiguousTerm,
            "'\(text)' (\(here.language)) of concept '\(concepts[here.concept].id)' is also a term of concept '\(concepts[earlier.concept].id)'\(other)",
            at: locate(here.concept, here.term)))
        }
      }
    }
    return diagnostics.sortedByLocation()
  }

  private func languagesOverlap(_ a: String, _ b: String) -> Bool {
    a == b || a == Term.undetermined || b == Term.undetermined
  }
}

private struct TermKey: Hashable {
  var language: String
  var text: String
}

extension [GlossaryDiagnostic] {
  /// Sorted by line and column (stable; diagnostics without a location last).
  func sortedByLocation() -> [GlossaryDiagnostic] {
    enumerated().sorted { a, b in
      switch (a.element.location, b.element.location) {
      case (let la?, let lb?):
        if (la.line, la.column) != (lb.line, lb.column) { return (la.line, la.column) < (lb.line, lb.column) }
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): break
      }
      return a.offset < b.offset
    }.map(\.element)
  }
}
