import GlossaJSON

/// The JSON glossary format:
///
/// ```json
/// {"concepts": [
///   {"id": "geo:173811", "subject": "populated place", "references": {"geonames": "173811"}, "notes": [],
///    "terms": [
///     {"lang": "de", "term": "al-Hasaka", "status": "preferred"},
///     {"lang": "de", "term": "Hassake", "status": "admitted", "note": "…"}]}
/// ]}
/// ```
/// A top-level array of concepts is read as well.
enum JSONFormat {
  // MARK: Reader

  static func read(_ bytes: [UInt8], into builder: inout GlossaryBuilder) {
    let root: JSONNode
    do {
      root = try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> JSONNode in try JSONParser.parseNode(utf8: buffer) }
    } catch {
      builder.report(.error, .syntax, error.message, at: error.offset)
      return
    }
    let concepts: [JSONNode]
    if let list = root.elements {
      concepts = list
    } else if let value = root["concepts"] {
      guard let list = value.elements else {
        builder.report(.error, .syntax, "\"concepts\" must be an array", at: value.offset)
        return
      }
      concepts = list
    } else {
      builder.report(.error, .syntax, "expected an object with \"concepts\" or an array of concepts", at: root.offset)
      return
    }
    for entry in concepts {
      guard entry.members != nil else {
        builder.report(.error, .syntax, "a concept must be an object", at: entry.offset)
        continue
      }
      guard let idNode = entry["id"], let id = idNode.stringValue else {
        builder.report(.error, .syntax, "concept without a string \"id\"", at: entry.offset)
        continue
      }
      let c = builder.appendConcept(Concept(id: id), at: idNode.offset)
      if let subject = entry["subject"] {
        if let text = subject.stringValue { builder.concepts[c].subject = text } else if subject.content != .null {
          builder.report(.error, .syntax, "\"subject\" must be a string", at: subject.offset)
        }
      }
      if let notes = entry["notes"] {
        if let list = notes.elements {
          for note in list {
            if let text = note.stringValue { builder.concepts[c].notes.append(text) } else {
              builder.report(.error, .syntax, "a note must be a string", at: note.offset)
            }
          }
        } else {
          builder.report(.error, .syntax, "\"notes\" must be an array of strings", at: notes.offset)
        }
      }
      if let references = entry["references"] {
        if let members = references.members {
          for member in members {
            if let text = member.value.stringValue { builder.concepts[c].references[member.key] = text } else {
              builder.report(.error, .syntax, "reference \"\(member.key)\" must be a string", at: member.value.offset)
            }
          }
        } else {
          builder.report(.error, .syntax, "\"references\" must be an object", at: references.offset)
        }
      }
      guard let terms = entry["terms"]?.elements else {
        builder.report(.error, .syntax, "concept '\(id)' without a \"terms\" array", at: entry.offset)
        continue
      }
      for term in terms {
        guard term.members != nil, let textNode = term["term"], let text = textNode.stringValue else {
          builder.report(.error, .syntax, "a term must be an object with a string \"term\"", at: term.offset)
          continue
        }
        guard let language = term["lang"]?.stringValue else {
          builder.report(.error, .badLanguageTag, "term '\(text)' without a string \"lang\"", at: term.offset)
          continue
        }
        let statusNode = term["status"]
        let statusText = statusNode?.stringValue ?? ""
        guard let status = Term.Status(rawValue: statusText) else {
          builder.report(.error, .unknownStatus, "unknown status '\(statusText)' (expected preferred, admitted or deprecated)", at: statusNode?.offset ?? term.offset)
          continue
        }
        builder.addTerm(Term(language: language, text: text, status: status, note: term["note"]?.stringValue), toConcept: c, at: textNode.offset)
      }
    }
  }

  // MARK: Writer

  static func write(_ glossary: Glossary) -> [UInt8] {
    var out: [UInt8] = []
    func text(_ literal: String) { out.append(contentsOf: literal.utf8) }
    func quoted(_ value: String) { JSONWriter.appendString(value, to: &out) }
    text("{\"concepts\": [\n")
    for (n, concept) in glossary.concepts.enumerated() {
      text("  {\"id\": ")
      quoted(concept.id)
      if let subject = concept.subject {
        text(", \"subject\": ")
        quoted(subject)
      }
      if !concept.references.isEmpty {
        text(", \"references\": {")
        for (r, reference) in concept.references.sorted(by: { $0.key < $1.key }).enumerated() {
          if r > 0 { text(", ") }
          quoted(reference.key)
          text(": ")
          quoted(reference.value)
        }
        text("}")
      }
      if !concept.notes.isEmpty {
        text(", \"notes\": [")
        for (i, note) in concept.notes.enumerated() {
          if i > 0 { text(", ") }
          quoted(note)
        }
        text("]")
      }
      text(", \"terms\": [")
      for (t, term) in concept.terms.enumerated() {
        text("\n    {\"lang\": ")
        quoted(term.language)
        text(", \"term\": ")
        quoted(term.text)
        text(", \"status\": \"\(term.status.rawValue)\"")
        if let note = term.note {
          text(", \"note\": ")
          quoted(note)
        }
        text(t == concept.terms.count - 1 ? "}" : "},")
      }
      text("]}" + (n == glossary.concepts.count - 1 ? "\n" : ",\n"))
    }
    text("]}\n")
    return out
  }
}
