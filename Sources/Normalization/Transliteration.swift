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
            if let edit = narrowedEdit(piece, result, at: start) { edits.append(edit) }
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

/// The edit that turns `source` (at byte `offset` of the text) into `result`, without the prefix and
/// suffix they share, so that offsets map back character by character; `nil` when nothing changed.
func narrowedEdit(_ source: UnsafeBufferPointer<UInt8>, _ result: String, at offset: Int) -> TextEdit? {
  let target = Array(result.utf8)
  var prefix = 0
  while prefix < source.count && prefix < target.count && source[prefix] == target[prefix] { prefix += 1 }
  if prefix == source.count && prefix == target.count { return nil }
  // Back off to a character start in both texts.
  while prefix > 0 && (isContinuation(source, prefix) || isContinuation(target, prefix)) { prefix -= 1 }
  var suffix = 0
  while suffix < source.count - prefix && suffix < target.count - prefix
    && source[source.count - 1 - suffix] == target[target.count - 1 - suffix] { suffix += 1 }
  while suffix > 0 && (isContinuation(source, source.count - suffix) || isContinuation(target, target.count - suffix)) { suffix -= 1 }
  let replacement = String(decoding: target[prefix..<(target.count - suffix)], as: UTF8.self)
  return TextEdit(TextSpan(start: offset + prefix, end: offset + source.count - suffix), replacement)
}

@inline(__always)
private func isContinuation(_ bytes: some RandomAccessCollection<UInt8>, _ index: Int) -> Bool {
  guard index < bytes.count else { return false }
  return bytes[bytes.index(bytes.startIndex, offsetBy: index)] & 0xC0 == 0x80
}

@inline(__always)
private func isSpace(_ byte: UInt8) -> Bool {
  byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
}
