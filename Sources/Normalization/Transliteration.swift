import GlossaCore
import ICU

/// Transliterates the text with an ICU transliterator, by id (`Any-Latin; Latin-ASCII`, `Arabic-Latin`,
/// `de-ASCII`, …) or from custom rules.
///
/// Each run of non-space text is transliterated on its own and becomes one edit when it changes, so
/// offsets map back word by word. ICU handles are borrowed per task from a pool.
///
/// ```swift
/// let stage = try Transliteration(id: "Any-Latin; Latin-ASCII")
/// // "دير الزور" -> "dyr alzwr"
/// ```
public struct Transliteration: DocumentStage {
  public let id: String
  private let pool: HandlePool<Transliterator>

  /// Checks the id at once: an unknown id throws an ``ICUError`` naming it.
  public init(id: String) throws {
    _ = try Transliterator(id: id)
    self.id = id
    self.pool = HandlePool { try Transliterator(id: id) }
  }

  /// Compiles custom ICU transliteration rules, named `id`.
  public init(id: String, rules: String) throws {
    _ = try Transliterator(id: id, rules: rules)
    self.id = id
    self.pool = HandlePool { try Transliterator(id: id, rules: rules) }
  }

  public func run(_ input: Document, diagnostics: inout Diagnostics) throws -> Document {
    let edits = try pool.withHandle { transliterator -> [TextEdit] in
      var text = input.text
      return try text.withUTF8 { utf8 -> [TextEdit] in
        var edits: [TextEdit] = []
        var start = 0
        let count = utf8.count
        while start < count {
          while start < count && isSpace(utf8[start]) { start += 1 }
          var end = start
          while end < count && !isSpace(utf8[end]) { end += 1 }
          if end > start {
            let piece = UnsafeBufferPointer(rebasing: utf8[start..<end])
            let result = try transliterator.transliterate(utf8: piece)
            if !result.utf8.elementsEqual(piece) {
              edits.append(TextEdit(TextSpan(start: start, end: end), result))
            }
          }
          start = end
        }
        return edits
      }
    }
    var document = input
    document.apply(edits)
    return document
  }
}

@inline(__always)
private func isSpace(_ byte: UInt8) -> Bool {
  byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
}
