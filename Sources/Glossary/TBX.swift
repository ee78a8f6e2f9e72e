import GlossaCore
/// TBX (ISO 30042) reading and writing.
///
/// Reads TBX 2019 (`tbx`/`conceptEntry`/`langSec`/`termSec`) and TBX v2 (`martif`/`termEntry`/`langSet`/
/// `tig` or `ntig`/`termGrp`), DCA style, TBX-Basic data categories:
/// - `<descrip type="subjectField">` → `Concept.subject`; concept-level `<note>` → `Concept.notes`;
/// - `<xref type="externalCrossReference">` with content `scheme:value` (or a GeoNames / Wikidata URL as
///   `target`) → `Concept.references`;
/// - `<termNote type="administrativeStatus">`: `preferredTerm-admn-sts`, `admittedTerm-admn-sts`,
///   `deprecatedTerm-admn-sts` (and `supersededTerm-admn-sts`, read as deprecated); a term-level `<note>` →
///   `Term.note`. A term without a status is admitted, except that when no term of a language section is
///   preferred, its first unmarked term is (the usual reading of a one-term TBX entry).
/// TBX 2019 DCT style (`<basic:administrativeStatus>`, `<basic:subjectField>`) is read as well.
enum TBX {
  static func read(_ bytes: [UInt8], into builder: inout GlossaryBuilder) {
    let root: XMLReader.Element
    var number = 0
    do {
      // Entries (tbx/martif > text > body > entry) are turned into concepts as soon as they are complete.
      root = try XMLReader.parse(bytes) { element, depth in
        guard depth == 3, element.localName == "conceptEntry" || element.localName == "termEntry" else { return false }
        number += 1
        readEntry(element, number: number, into: &builder)
        return true
      }
    } catch {
      builder.report(.error, error.kind, error.message, at: error.offset)
      return
    }
    guard root.localName == "tbx" || root.localName == "martif" else {
      builder.report(.error, .syntax, "root element <\(root.name)> is not <tbx> (TBX 2019) or <martif> (TBX v2)", at: root.offset)
      return
    }
    guard let text = root.elements.first(where: { $0.localName == "text" }),
      text.elements.contains(where: { $0.localName == "body" })
    else {
      builder.report(.error, .syntax, "no <text><body> in the TBX file", at: root.offset)
      return
    }
  }

  private static func readEntry(_ entry: XMLReader.Element, number: Int, into builder: inout GlossaryBuilder) {
    let id = entry.attribute("id") ?? "c\(number)"
    let c = builder.appendConcept(Concept(id: id), at: entry.offset)
    readConceptLevel(entry, concept: c, into: &builder)
    for section in entry.elements where section.localName == "langSec" || section.localName == "langSet" {
      guard let language = section.attribute("xml:lang") ?? section.attribute("lang") else {
        builder.report(.error, .badLanguageTag, "<\(section.name)> without xml:lang", at: section.offset)
        continue
      }
      readLanguageSection(section, language: language, concept: c, into: &builder)
    }
  }

  private static func readConceptLevel(_ entry: XMLReader.Element, concept c: Int, into builder: inout GlossaryBuilder) {
    var queue = entry.elements.filter { $0.localName != "langSec" && $0.localName != "langSet" }
    while !queue.isEmpty {
      let element = queue.removeFirst()
      switch element.localName {
      case "descripGrp", "adminGrp", "transacGrp":
        queue.append(contentsOf: element.elements)
      case "descrip" where element.attribute("type") == "subjectField", "subjectField":
        TableFormat.setSubject(element.text, concept: c, at: element.offset, into: &builder)
      case "note":
        builder.concepts[c].notes.append(element.text)
      case "xref", "ref":
        if let (scheme, value) = reference(element) {
          TableFormat.addReferences("\(scheme):\(value)", concept: c, at: element.offset, into: &builder)
        } else {
          builder.report(.warning, .syntax, "reference '\(element.text)' is neither scheme:value nor a GeoNames or Wikidata URL; skipped", at: element.offset)
        }
      default:
        break
      }
    }
  }

  private static func reference(_ element: XMLReader.Element) -> (String, String)? {
    let content = element.text.trimmingASCIISpace()
    let (parsed, bad) = Concept.parseReferences(content)
    if parsed.count == 1, bad.isEmpty, !content.contains("/") { return parsed[0] }
    let target = element.attribute("target") ?? content
    for (scheme, marker) in [("geonames", "geonames.org/"), ("wikidata", "wikidata.org/wiki/"), ("wikidata", "wikidata.org/entity/")] {
      if let range = target.firstRange(of: marker) {
        let value = target[range.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if !value.isEmpty { return (scheme, String(value)) }
      }
    }
    return nil
  }

  private static func readLanguageSection(_ section: XMLReader.Element, language: String, concept c: Int, into builder: inout GlossaryBuilder) {
    var firstUnmarked: Int?
    var hasPreferred = false
    for holder in section.elements where ["termSec", "tig", "ntig"].contains(holder.localName) {
      var parts = holder.elements
      if holder.localName == "ntig", let group = parts.first(where: { $0.localName == "termGrp" }) {
        parts = group.elements + parts.filter { $0.localName != "termGrp" }
      }
      guard let termElement = parts.first(where: { $0.localName == "term" }) else {
        builder.report(.error, .emptyTerm, "<\(holder.name)> without <term>", at: holder.offset)
        continue
      }
      var status: Term.Status?
      var note: String?
      var bad = false
      for part in parts {
        if (part.localName == "termNote" && part.attribute("type") == "administrativeStatus") || part.localName == "administrativeStatus" {
          let value = part.text.trimmingASCIISpace()
          switch value {
          case "preferredTerm-admn-sts": status = .preferred
          case "admittedTerm-admn-sts": status = .admitted
          case "deprecatedTerm-admn-sts", "supersededTerm-admn-sts": status = .deprecated
          default:
            builder.report(.error, .unknownStatus, "unknown administrativeStatus '\(value)' (expected preferredTerm-admn-sts, admittedTerm-admn-sts or deprecatedTerm-admn-sts)", at: part.offset)
            bad = true
          }
        } else if part.localName == "note" {
          note = part.text
        }
      }
      if bad { continue }
      if status == .preferred { hasPreferred = true }
      builder.addTerm(Term(language: language, text: termElement.text, status: status ?? .admitted, note: note), toConcept: c, at: termElement.offset)
      if status == nil, firstUnmarked == nil { firstUnmarked = builder.concepts[c].terms.count - 1 }
    }
    if !hasPreferred, let t = firstUnmarked { builder.concepts[c].terms[t].status = .preferred }
  }

  // MARK: Writer

  /// TBX 2019 TBX-Basic (`version2` false) or TBX v2 `martif` (`version2` true).
  static func write(_ glossary: Glossary, version2: Bool, title: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(glossary.concepts.count * 1024)
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    let entry = version2 ? "termEntry" : "conceptEntry"
    let langElement = version2 ? "langSet" : "langSec"
    let termElement = version2 ? "tig" : "termSec"
    if version2 {
      out += "<martif type=\"TBX-Basic\" xml:lang=\"en\">\n"
      out += "  <martifHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>\(xmlEscaped(title))</p>\n      </sourceDesc>\n    </fileDesc>\n  </martifHeader>\n"
    } else {
      out += "<tbx style=\"dca\" type=\"TBX-Basic\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n"
      out += "  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>\(xmlEscaped(title))</p>\n      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n"
    }
    out += "  <text>\n    <body>\n"
    for concept in glossary.concepts {
      out += "      <\(entry) id=\"\(xmlEscaped(concept.id, quoted: true))\">\n"
      if let subject = concept.subject {
        out += "        <descrip type=\"subjectField\">\(xmlEscaped(subject))</descrip>\n"
      }
      for (scheme, value) in concept.references.sorted(by: { $0.key < $1.key }) {
        let target: String
        switch scheme {
        case "geonames": target = "https://www.geonames.org/\(value)"
        case "wikidata": target = "https://www.wikidata.org/wiki/\(value)"
        default: target = "urn:x-glossa:\(scheme):\(value)"
        }
        out += "        <xref type=\"externalCrossReference\" target=\"\(xmlEscaped(target, quoted: true))\">\(xmlEscaped("\(scheme):\(value)"))</xref>\n"
      }
      for note in concept.notes { out += "        <note>\(xmlEscaped(note))</note>\n" }
      var languages: [String] = []
      for term in concept.terms where !languages.contains(term.language) { languages.append(term.language) }
      for language in languages {
        out += "        <\(langElement) xml:lang=\"\(xmlEscaped(language, quoted: true))\">\n"
        for term in concept.terms where term.language == language {
          out += "          <\(termElement)>\n"
          out += "            <term>\(xmlEscaped(term.text))</term>\n"
          out += "            <termNote type=\"administrativeStatus\">\(term.status.tbxValue)</termNote>\n"
          if let note = term.note { out += "            <note>\(xmlEscaped(note))</note>\n" }
          out += "          </\(termElement)>\n"
        }
        out += "        </\(langElement)>\n"
      }
      out += "      </\(entry)>\n"
    }
    out += "    </body>\n  </text>\n"
    out += version2 ? "</martif>\n" : "</tbx>\n"
    return out
  }
}

extension [UInt8] {
  /// Appends the UTF-8 of `text` (the writers build their output as bytes, not as one growing `String`).
  static func += (bytes: inout [UInt8], text: String) {
    bytes.append(contentsOf: text.utf8)
  }
}

extension Term.Status {
  /// The TBX `administrativeStatus` value, e.g. `preferredTerm-admn-sts`.
  public var tbxValue: String { "\(rawValue == "preferred" ? "preferredTerm" : rawValue == "admitted" ? "admittedTerm" : "deprecatedTerm")-admn-sts" }
}
