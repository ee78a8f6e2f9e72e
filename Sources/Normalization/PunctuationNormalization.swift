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
    var edits: [TextEdit] = []
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    var offset = 0
    while index != scalars.endIndex {
      let scalar = scalars[index]
      let width = UTF8.width(scalar)
      guard let substitute = replacement(for: scalar.value) else {
        index = scalars.index(after: index)
        offset += width
        continue
      }
      switch substitute {
      case .text(let replacement):
        edits.append(TextEdit(TextSpan(start: offset, end: offset + width), replacement))
        index = scalars.index(after: index)
        offset += width
      case .remove:
        edits.append(TextEdit(TextSpan(start: offset, end: offset + width), ""))
        index = scalars.index(after: index)
        offset += width
      case .carriageReturn:
        // CRLF -> LF, lone CR -> LF.
        let next = scalars.index(after: index)
        if next != scalars.endIndex && scalars[next] == "\n" {
          edits.append(TextEdit(TextSpan(start: offset, end: offset + 1), ""))
        } else {
          edits.append(TextEdit(TextSpan(start: offset, end: offset + 1), "\n"))
        }
        index = next
        offset += 1
      case .space:
        // A run of horizontal white space (and the zero-width characters inside it).
        let start = offset
        var end = offset + width
        var plain = scalar == " "
        var next = scalars.index(after: index)
        var count = 1
        while collapseSpaces, next != scalars.endIndex {
          let following = scalars[next]
          guard let more = replacement(for: following.value), more == .space || more == .remove else { break }
          if following != " " || count > 0 { plain = plain && false }
          end += UTF8.width(following)
          count += 1
          next = scalars.index(after: next)
        }
        if count == 1 && plain {
          // A single plain space: nothing to do.
        } else if !collapseSpaces && scalar == " " {
          // Keep the space as it is.
        } else {
          edits.append(TextEdit(TextSpan(start: start, end: end), " "))
        }
        index = next
        offset = end
      }
    }
    return edits
  }
}
