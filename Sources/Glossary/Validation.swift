import GlossaCore

extension Glossary {
  /// Every problem of the glossary: duplicate concept ids, empty terms, bad language tags, more than one
  /// preferred term (or none) per concept and language, a term listed twice in a concept (warning), and a term
  /// listed under two concepts for the same language (warning: an ambiguity the aligner must resolve).
  /// Terms tagged `und` count for every language.
  ///
  /// - Parameter locate: where concept `i` (or its term `j`) is in its file; diagnostics carry that location.
  public func validate(locate: (Int, Int?) -> InputLocation? = { _, _ in nil }) -> [GlossaryDiagnostic] {
    var diagnostics: [GlossaryDiagnostic] = []
    var conceptByID: [String: Int] = [:]
    conceptByID.reserveCapacity(concepts.count)
    var tagValidity: [String: Bool] = [:]
    var lastTag = ""
    var lastTagValid = false
    // Every (concept, term) by term text, as chains through `owners`: the dictionary holds the newest entry.
    var newestOwner: [String: Int32] = [:]
    newestOwner.reserveCapacity(concepts.count * 4)
    var owners: [(concept: Int32, term: Int32, next: Int32)] = []
    owners.reserveCapacity(concepts.count * 4)

    for (c, concept) in concepts.enumerated() {
      if let first = conceptByID.updateValue(c, forKey: concept.id) {
        conceptByID[concept.id] = first
        let other = locate(first, nil).map { " (first at \($0))" } ?? ""
        diagnostics.append(GlossaryDiagnostic(.error, .duplicateConcept, "concept id '\(concept.id)' is used twice\(other)", at: locate(c, nil)))
      }
      if concept.id.isEmpty {
        diagnostics.append(GlossaryDiagnostic(.error, .syntax, "concept without an id", at: locate(c, nil)))
      }
      if concept.terms.isEmpty {
        diagnostics.append(GlossaryDiagnostic(.error, .emptyTerm, "concept '\(concept.id)' has no terms", at: locate(c, nil)))
        continue
      }
      // Per language: the first term and the preferred term (few languages per concept: linear search).
      var languages: [(language: String, firstTerm: Int, preferred: Int)] = []
      for (t, term) in concept.terms.enumerated() {
        if term.language != lastTag {
          lastTag = term.language
          if let known = tagValidity[term.language] {
            lastTagValid = known
          } else {
            lastTagValid = LanguageTag.isWellFormed(term.language)
            tagValidity[term.language] = lastTagValid
          }
        }
        if !lastTagValid {
          diagnostics.append(GlossaryDiagnostic(.error, .badLanguageTag, "bad language tag '\(term.language)' (expected BCP 47, e.g. de, ar-SY, und)", at: locate(c, t)))
        }
        if term.text.allSatisfy(\.isWhitespace) {
          diagnostics.append(GlossaryDiagnostic(.error, .emptyTerm, "empty term in concept '\(concept.id)'", at: locate(c, t)))
          continue
        }
        if concept.terms[..<t].contains(where: { $0.language == term.language && $0.text == term.text }) {
          diagnostics.append(GlossaryDiagnostic(.warning, .duplicateTerm, "'\(term.text)' (\(term.language)) is listed twice in concept '\(concept.id)'", at: locate(c, t)))
          continue
        }
        let l: Int
        if let found = languages.firstIndex(where: { $0.language == term.language }) {
          l = found
        } else {
          languages.append((term.language, t, -1))
          l = languages.count - 1
        }
        if term.status == .preferred {
          if languages[l].preferred >= 0 {
            diagnostics.append(GlossaryDiagnostic(
              .error, .duplicatePreferred,
              "second preferred term '\(term.text)' for concept '\(concept.id)' in language '\(term.language)' (the preferred term is '\(concept.terms[languages[l].preferred].text)')",
              at: locate(c, t)))
          } else {
            languages[l].preferred = t
          }
        }
        // Ambiguity: an earlier term with the same text in another concept and an overlapping language.
        let newest = Int32(owners.count)
        let previous = newestOwner.updateValue(newest, forKey: term.text)
        owners.append((Int32(c), Int32(t), previous ?? -1))
        var step = previous ?? -1
        var walked = 0
        while step >= 0, walked < 1000 {
          let earlier = owners[Int(step)]
          if Int(earlier.concept) == c { break }
          let earlierTerm = concepts[Int(earlier.concept)].terms[Int(earlier.term)]
          if languagesOverlap(earlierTerm.language, term.language) {
            let other = locate(Int(earlier.concept), Int(earlier.term)).map { " (\($0))" } ?? ""
            diagnostics.append(GlossaryDiagnostic(
              .warning, .ambiguousTerm,
              "'\(term.text)' (\(term.language)) of concept '\(concept.id)' is also a term of concept '\(concepts[Int(earlier.concept)].id)'\(other)",
              at: locate(c, t)))
            break
          }
          step = earlier.next
          walked += 1
        }
      }
      let hasUndeterminedPreferred = languages.contains { $0.language == Term.undetermined && $0.preferred >= 0 }
      for entry in languages where entry.preferred < 0 && !hasUndeterminedPreferred {
        diagnostics.append(GlossaryDiagnostic(
          .error, .missingPreferred, "concept '\(concept.id)' has terms in '\(entry.language)' but no preferred term for it", at: locate(c, entry.firstTerm)))
      }
    }
    return diagnostics.sortedByLocation()
  }

  private func languagesOverlap(_ a: String, _ b: String) -> Bool {
    a == b || a == Term.undetermined || b == Term.undetermined
  }
}

extension [GlossaryDiagnostic] {
  /// Sorted by line and column (stable; diagnostics without a location last).
  func sortedByLocation() -> [GlossaryDiagnostic] {
    enumerated().sorted { a, b in
      switch (a.element.location, b.element.location) {
      case (let la?, let lb?):
        if (la.line, la.column) != (lb.line, lb.column) { return (la.line ?? 0, la.column ?? 0) < (lb.line ?? 0, lb.column ?? 0) }
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): break
      }
      return a.offset < b.offset
    }.map(\.element)
  }
}
