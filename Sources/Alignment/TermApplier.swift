import GlossaCore

/// How ``TermApplier`` writes the mentions it found.
public enum ApplyMode: String, Sendable, Hashable, CaseIterable {
  /// Each mention becomes the concept's canonical name in the target language; a genitive ending and
  /// the mention's all-caps or sentence-initial casing are kept: `Rakkas` → `ar-Raqqas`. A generic head
  /// noun of the canonical name is left out, as the text's own stays: `in der Provinz Anbar` →
  /// `in der Provinz al-Anbar`, not `in der Gouvernement al-Anbar`.
  case replace
  /// The canonical name follows each mention in brackets: `Hassake [al-Hasaka]`.
  case annotate
  /// Each mention is wrapped in `<term concept="…" canonical="…">…</term>`; the rest of the text is
  /// XML-escaped, and ``TermMarkup/strip(_:)`` gives the input back exactly.
  case markup
  /// Each mention (with its genitive ending) becomes `<ph id="N" concept="…"/>` for a machine translation
  /// engine; ``PlaceholderRestorer`` puts target-language names back.
  case placeholder
}

/// The applying stage: rewrites a document's term mentions (found by ``TermAligner``, or found here when
/// the document has none) through `Document.apply`, so offsets still map back to the input.
///
/// Applying twice gives the same text as applying once, in every mode.
///
/// ```swift
/// let index = try TermIndex(glossary: glossary)
/// let applier = TermApplier(index: index, mode: .annotate, targetLanguage: "de")
/// try applier.run(Document("Kämpfe in Hassake.")).output.text
/// // "Kämpfe in Hassake [al-Hasaka]."
/// ```
public struct TermApplier: DocumentStage {
  public let index: TermIndex
  public let mode: ApplyMode
  /// Canonical names are taken in this language, else from the concept's `und` preferred term; a concept
  /// with neither is left as written.
  public let targetLanguage: String

  public init(index: TermIndex, mode: ApplyMode = .replace, targetLanguage: String) {
    self.index = index
    self.mode = mode
    self.targetLanguage = targetLanguage
  }

  public func run(_ input: Document, diagnostics: inout Diagnostics) throws -> Document {
    var document = input
    if mode == .markup, document.text.contains(TermMarkup.openingMark) {
      // Already marked up: go back to the plain text, then mark up again.
      document.apply(TermMarkup.stripEdits(document.text))
      document.terms = []
    }
    // Each mention with its canonical name in the target language. Mentions found here come with their
    // concept's number and name, so no concept is looked up again by its id.
    var named: [NamedTerm]
    if document.terms.isEmpty {
      let language = document.language ?? targetLanguage
      let mentions = try TermAligner.mentions(in: document.text, index: index, language: language)
      document.terms = mentions.map(\.annotation)
      named = mentions.map { mention in
        NamedTerm(
          term: mention.annotation,
          canonical: language == targetLanguage ? mention.preferred : index.names.preferred(mention.concept, in: targetLanguage))
      }
    } else {
      named = document.terms.map { NamedTerm(term: $0, canonical: index.canonical(of: $0.concept, in: targetLanguage)) }
    }
    let bytes = Array(document.text.utf8)
    let tags = tagRanges(bytes)
    named.removeAll { named in tags.contains { $0.overlaps(named.term.span.range) } }
    var edits: [TextEdit] = []
    switch mode {
    case .replace: edits = replaceEdits(named, bytes)
    case .annotate: edits = annotateEdits(named, bytes)
    case .markup: edits = markupEdits(named, bytes)
    case .placeholder: edits = placeholderEdits(named.map(\.term), bytes)
    }
    document.apply(edits)
    return document
  }

  /// A mention and its concept's canonical name in the target language (nil when it has none there).
  private struct NamedTerm {
    var term: TermAnnotation
    var canonical: String?
  }

  private func replaceEdits(_ terms: [NamedTerm], _ bytes: [UInt8]) -> [TextEdit] {
    var edits: [TextEdit] = []
    for named in terms {
      let (term, canonical) = (named.term, named.canonical)
      // The text's own head noun (Provinz, Stadt) stays outside the mention; the name replaces the name.
      guard let name = canonical.map(index.nameWithoutGenericHead) else { continue }
      let surface = text(bytes, term.span.range)
      var replacement = Self.cased(name, like: surface, sentenceStart: startsSentence(bytes, term.span.start))
      var span = term.span
      // "Rakkas" → "ar-Raqqas", but "Tartus" + s → "Tartus'".
      if let last = replacement.unicodeScalars.last, "sßxzSXZ".unicodeScalars.contains(last),
        span.end < bytes.count, bytes[span.end] == UInt8(ascii: "s"), !isLetter(bytes, span.end + 1) {
        replacement += "'"
        span = TextSpan(start: span.start, end: span.end + 1)
      }
      if replacement != text(bytes, span.range) { edits.append(TextEdit(span, replacement)) }
    }
    return edits
  }

  private func annotateEdits(_ terms: [NamedTerm], _ bytes: [UInt8]) -> [TextEdit] {
    var edits: [TextEdit] = []
    for named in terms {
      let (term, canonical) = (named.term, named.canonical)
      guard let name = canonical else { continue }
      let surface = text(bytes, term.span.range)
      if surface == name || surface == index.nameWithoutGenericHead(name) { continue }
      let end = wordEnd(bytes, term.span.end)
      let note = " [\(name)]"
      if text(bytes, end..<min(bytes.count, end + note.utf8.count)) == note { continue }
      if term.span.start > 0, bytes[term.span.start - 1] == UInt8(ascii: "["), term.span.end < bytes.count,
        bytes[term.span.end] == UInt8(ascii: "]") {
        continue
      }
      edits.append(TextEdit(TextSpan(start: end, end: end), note))
    }
    return edits
  }

  private func markupEdits(_ terms: [NamedTerm], _ bytes: [UInt8]) -> [TextEdit] {
    var edits: [TextEdit] = []
    var position = 0
    func escapePlain(upTo end: Int) {
      while position < end {
        if let entity = TermMarkup.entity(for: bytes[position]) {
          edits.append(TextEdit(TextSpan(start: position, end: position + 1), entity))
        }
        position += 1
      }
    }
    for named in terms {
      let (term, canonical) = (named.term, named.canonical)
      escapePlain(upTo: term.span.start)
      let name = canonical ?? term.canonical
      let tag = "<term concept=\"\(TermMarkup.escape(term.concept))\" canonical=\"\(TermMarkup.escape(name))\">"
      edits.append(TextEdit(term.span, tag + TermMarkup.escape(text(bytes, term.span.range)) + TermMarkup.closingMark))
      position = term.span.end
    }
    escapePlain(upTo: bytes.count)
    return edits
  }

  private func placeholderEdits(_ terms: [TermAnnotation], _ bytes: [UInt8]) -> [TextEdit] {
    var edits: [TextEdit] = []
    var number = Placeholders.highestNumber(in: bytes)
    for term in terms {
      number += 1
      let end = wordEnd(bytes, term.span.end)
      edits.append(TextEdit(TextSpan(start: term.span.start, end: end), Placeholders.tag(number: number, concept: term.concept)))
    }
    return edits
  }

  /// `name` in the casing of `surface`: all caps stays all caps; at a sentence start the first letter is
  /// uppercase.
  static func cased(_ name: String, like surface: String, sentenceStart: Bool) -> String {
    var letters = 0
    var hasLowercase = false
    for scalar in surface.unicodeScalars {
      if scalar.isASCII {
        let value = scalar.value | 0x20
        guard value >= 0x61, value <= 0x7A else { continue }
        letters += 1
        hasLowercase = scalar.value >= 0x61
      } else if scalar.properties.isAlphabetic {
        letters += 1
        hasLowercase = scalar.properties.isLowercase
      }
      if hasLowercase { break }
    }
    if letters >= 2, !hasLowercase { return name.uppercased() }
    if sentenceStart, let first = name.first, first.isLowercase {
      return first.uppercased() + name.dropFirst()
    }
    return name
  }

  /// The end of the genitive ending right after a mention (`s`, `'s`, `’s`, `'`), or `end`.
  private func wordEnd(_ bytes: [UInt8], _ end: Int) -> Int {
    for ending in [[0x27, 0x73], [0xE2, 0x80, 0x99, 0x73], [0x73], [0x27], [0xE2, 0x80, 0x99]] as [[UInt8]] {
      if end + ending.count <= bytes.count, Array(bytes[end..<(end + ending.count)]) == ending,
        !isLetter(bytes, end + ending.count) {
        return end + ending.count
      }
    }
    return end
  }

  private func isLetter(_ bytes: [UInt8], _ offset: Int) -> Bool {
    guard offset < bytes.count else { return false }
    let byte = bytes[offset]
    return byte >= 0x80 || (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || (byte >= 0x30 && byte <= 0x39)
  }

  private func startsSentence(_ bytes: [UInt8], _ start: Int) -> Bool {
    var offset = start - 1
    while offset >= 0, bytes[offset] == 0x20 || bytes[offset] == UInt8(ascii: "\"") { offset -= 1 }
    guard offset >= 0 else { return true }
    return [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), 0x0A].contains(bytes[offset])
  }

  private func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  /// Byte ranges of `<term …>`, `</term>` and `<ph …/>` tags already in the text.
  private func tagRanges(_ bytes: [UInt8]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "<"), TermMarkup.startsTag(bytes, at: index),
        let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) {
        ranges.append(index..<(close + 1))
        index = close + 1
      } else {
        index += 1
      }
    }
    return ranges
  }
}

/// The `markup` mode's format.
public enum TermMarkup {
  static let openingMark = "<term concept=\""
  static let closingMark = "</term>"

  /// The text without its `<term>` tags and with XML entities decoded: exactly the input of the `markup`
  /// mode.
  public static func strip(_ text: String) -> String {
    var document = Document(text)
    document.apply(stripEdits(text))
    return document.text
  }

  /// The edits that remove `<term>` tags and decode `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`.
  static func stripEdits(_ text: String) -> [TextEdit] {
    let bytes = Array(text.utf8)
    var edits: [TextEdit] = []
    var index = 0
    let entities: [(String, String)] = [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")]
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "<"), startsTag(bytes, at: index, termOnly: true),
        let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) {
        edits.append(TextEdit(TextSpan(start: index, end: close + 1), ""))
        index = close + 1
        continue
      }
      if byte == UInt8(ascii: "&"),
        let (entity, character) = entities.first(where: { bytes[index...].starts(with: Array($0.0.utf8)) }) {
        edits.append(TextEdit(TextSpan(start: index, end: index + entity.utf8.count), character))
        index += entity.utf8.count
        continue
      }
      index += 1
    }
    return edits
  }

  static func startsTag(_ bytes: [UInt8], at index: Int, termOnly: Bool = false) -> Bool {
    let rest = bytes[index...]
    if rest.starts(with: Array(openingMark.utf8)) || rest.starts(with: Array(closingMark.utf8)) { return true }
    return !termOnly && rest.starts(with: Array(Placeholders.openingMark.utf8))
  }

  static func entity(for byte: UInt8) -> String? {
    switch byte {
    case UInt8(ascii: "&"): "&amp;"
    case UInt8(ascii: "<"): "&lt;"
    case UInt8(ascii: ">"): "&gt;"
    case UInt8(ascii: "\""): "&quot;"
    default: nil
    }
  }

  /// `text` with `&`, `<`, `>` and `"` escaped.
  static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if scalar.isASCII, let entity = entity(for: UInt8(scalar.value)) { result += entity } else { result.unicodeScalars.append(scalar) }
    }
    return result
  }
}

/// The `placeholder` mode's tags, and putting names back after translation.
public enum Placeholders {
  static let openingMark = "<ph id=\""

  static func tag(number: Int, concept: String) -> String {
    "<ph id=\"\(number)\" concept=\"\(TermMarkup.escape(concept))\"/>"
  }

  static func attribute(_ name: String, in tag: Substring) -> String? {
    guard let start = tag.firstRange(of: name + "=\"") else { return nil }
    guard let end = tag[start.upperBound...].firstIndex(of: "\"") else { return nil }
    return TermMarkup.strip(String(tag[start.upperBound..<end]))
  }

  /// The highest placeholder number already in the text, so new ones never repeat an id.
  static func highestNumber(in bytes: [UInt8]) -> Int {
    let text = String(decoding: bytes, as: UTF8.self)
    var highest = 0
    var rest = text[...]
    while let open = rest.firstRange(of: openingMark) {
      let digits = rest[open.upperBound...].prefix { $0.isASCII && $0.isNumber }
      highest = max(highest, Int(digits) ?? 0)
      rest = rest[open.upperBound...]
    }
    return highest
  }
}

/// The stage after machine translation: every `<ph id="N" concept="C"/>` of the `placeholder` mode
/// becomes concept C's canonical name in the target language. Unknown placeholders stay and are reported
/// as warnings.
///
/// ```swift
/// let restorer = PlaceholderRestorer(index: index, targetLanguage: "en")
/// try restorer.run(Document("Fighting near <ph id=\"1\" concept=\"geo:173811\"/>.")).output.text
/// // "Fighting near Al-Hasakah."
/// ```
public struct PlaceholderRestorer: DocumentStage {
  public let index: TermIndex
  public let targetLanguage: String

  public init(index: TermIndex, targetLanguage: String) {
    self.index = index
    self.targetLanguage = targetLanguage
  }

  public func run(_ input: Document, diagnostics: inout Diagnostics) throws -> Document {
    var document = input
    let bytes = Array(document.text.utf8)
    var edits: [TextEdit] = []
    var index = 0
    let open = Array("<ph ".utf8)
    while index < bytes.count {
      guard bytes[index] == UInt8(ascii: "<"), bytes[index...].starts(with: open),
        let close = bytes[index...].firstIndex(of: UInt8(ascii: ">"))
      else {
        index += 1
        continue
      }
      let tag = String(decoding: bytes[index...close], as: UTF8.self)
      if let concept = Placeholders.attribute("concept", in: tag[...]),
        let name = self.index.canonical(of: concept, in: targetLanguage) {
        edits.append(TextEdit(TextSpan(start: index, end: close + 1), name))
      } else {
        diagnostics.warning("placeholder \(tag) names no concept with a name in \(targetLanguage)")
      }
      index = close + 1
    }
    document.apply(edits)
    return document
  }
}
