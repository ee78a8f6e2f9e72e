import GlossaCore

/// Unifies the punctuation and white space that news text and transliterations spell many ways.
///
/// - apostrophes and the ayn/hamza marks of transliterations (’ ‘ ʼ ʻ ʿ ʾ ` ´ ′) become `'`;
/// - quotation marks („ “ ” ‚ ‘ » « ‹ › ″ ＂) become `"` (single ones `'`), when `quotes` is on;
/// - hyphens and dashes (‐ ‑ ‒ – — ― −) become `-`, when `dashes` is on;
/// - no-break, thin and other fixed-width spaces become a plain space; zero-width spaces, word joiners,
///   byte order marks and soft hyphens are removed; other control characters are removed;
/// - runs of spaces and tabs collapse to one space, when `collapseSpaces` is on;
/// - CRLF and lone CR become LF, when `lineEnds` is `.lf`.
///
/// Every rewrite is an edit of the document, so offsets map back to the input.
///
/// ```swift
/// let stage = PunctuationNormalization()
/// // "Deir ez‑Zor’s" (non-breaking hyphen, curly apostrophe) -> "Deir ez-Zor's"
/// ```
public struct PunctuationNormalization: DocumentStage {
  /// What to do with line ends.
  public enum LineEnds: String, Sendable, CaseIterable {
    /// Leave CRLF and CR as they are.
    case keep
    /// CRLF and lone CR become LF.
    case lf
  }

  public var apostrophes: Bool
  public var quotes: Bool
  public var dashes: Bool
  public var collapseSpaces: Bool
  public var lineEnds: LineEnds

  public init(apostrophes: Bool = true, quotes: Bool = true, dashes: Bool = true, collapseSpaces: Bool = true, lineEnds: LineEnds = .lf) {
    self.apostrophes = apostrophes
    self.quotes = quotes
    self.dashes = dashes
    self.collapseSpaces = collapseSpaces
    self.lineEnds = lineEnds
  }

  /// The replacement of one scalar, or `nil` to keep it.
  @inline(__always)
  func replacement(for scalar: UInt32) -> Substitute? {
    switch scalar {
    case 0x2019, 0x2018, 0x02BC, 0x02BB, 0x02BF, 0x02BE, 0x0060, 0x00B4, 0x2032, 0x02B9, 0xFF07:
      // ‘ is also an opening single quote; as an apostrophe it is far more common in transliterations.
      return apostrophes ? .text("'") : nil
    case 0x201E, 0x201C, 0x201D, 0x201F, 0x00BB, 0x00AB, 0x2033, 0xFF02, 0x301D, 0x301E:
      return quotes ? .text("\"") : nil
    case 0x201A, 0x201B, 0x2039, 0x203A:
      return quotes ? .text("'") : nil
    case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63, 0xFF0D:
      return dashes ? .text("-") : nil
    case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
      return .space
    case 0x200B, 0x2060, 0xFEFF, 0x00AD:
      return .remove
    case 0x0009, 0x0020:
      return .space
    case 0x000A:
      return nil
    case 0x000D:
      return lineEnds == .lf ? .carriageReturn : nil
    case 0x0000...0x001F, 0x007F...0x009F:
      return .remove
    default:
      return nil
    }
  }

  enum Substitute: Equatable {
    case text(String)
    case space
    case remove
    case carriageReturn
  }

  public func run(_ input: Document, diagnostics: inout Diagnostics) throws -> Document {
    let edits = self.edits(for: input.text)
    guard !edits.isEmpty else { return input }
    var document = input
    document.apply(edits)
    return document
  }

  /// The edits that normalize `text`, sorted and non-overlapping.
  func edits(for text: String) -> [TextEdit] {
    var copy = text
    return copy.withUTF8 { edits(utf8: $0) }
  }

  /// The edits that normalize valid UTF-8 text. Printable ASCII other than the backtick is skipped a
  /// byte at a time without decoding.
  private func edits(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [TextEdit] {
    var edits: [TextEdit] = []
    var offset = 0
    let count = bytes.count
    while offset < count {
      let byte = bytes[offset]
      if byte > 0x20 && byte < 0x7F && byte != 0x60 {
        offset += 1
        continue
      }
      let (scalar, width) = decodeScalar(bytes, at: offset)
      guard let substitute = replacement(for: scalar) else {
        offset += width
        continue
      }
      switch substitute {
      case .text(let replacement):
        edits.append(TextEdit(TextSpan(start: offset, end: offset + width), replacement))
        offset += width
      case .remove:
        edits.append(TextEdit(TextSpan(start: offset, end: offset + width), ""))
        offset += width
      case .carriageReturn:
        // CRLF -> LF, lone CR -> LF.
        let crlf = offset + 1 < count && bytes[offset + 1] == 0x0A
        edits.append(TextEdit(TextSpan(start: offset, end: offset + 1), crlf ? "" : "\n"))
        offset += 1
      case .space:
        // A run of horizontal white space (and the zero-width characters inside it).
        var end = offset + width
        var run = 1
        while collapseSpaces, end < count {
          let (following, followingWidth) = decodeScalar(bytes, at: end)
          guard let more = replacement(for: following), more == .space || more == .remove else { break }
          end += followingWidth
          run += 1
        }
        let plainSpace = run == 1 && scalar == 0x20
        if !plainSpace && (collapseSpaces || scalar != 0x20) {
          edits.append(TextEdit(TextSpan(start: offset, end: end), " "))
        }
        offset = end
      }
    }
    return edits
  }
}

/// The scalar value and byte width of the UTF-8 sequence at `offset` of valid UTF-8.
@inline(__always)
private func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (UInt32, Int) {
  let lead = UInt32(bytes[offset])
  switch lead {
  case 0..<0x80: return (lead, 1)
  case 0xC0..<0xE0: return ((lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F), 2)
  case 0xE0..<0xF0:
    return ((lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F), 3)
  default:
    return ((lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12 | UInt32(bytes[offset + 2] & 0x3F) << 6
      | UInt32(bytes[offset + 3] & 0x3F), 4)
  }
}
