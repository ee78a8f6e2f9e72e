/// The unit every stage works on: a text, what the stages found in it, and the way back to the input.
///
/// The current `text` changes only through ``apply(_:)`` (or ``replace(_:with:)``), which records every
/// rewrite in ``offsets`` and moves the spans already found, so any span can be mapped back to the
/// exact original input with ``originalSpan(of:)``.
///
/// ```swift
/// var document = Document("Die Stadt Ḥasaka")
/// document.replace(TextSpan(start: 10, end: 13), with: "H")
/// document.text                                   // "Die Stadt Hasaka"
/// document.originalSpan(of: TextSpan(start: 10, end: 16))  // 10..<18: "Ḥasaka" in the input
/// ```
public struct Document: Sendable {
  /// The input exactly as read.
  public let original: String
  /// The current text, after the text-changing stages so far.
  public private(set) var text: String
  /// Maps the current text back to `original`.
  public private(set) var offsets: OffsetMap
  /// The document's language as a BCP 47 tag, if known.
  public var language: String?
  /// Sentence spans in the current text, in order.
  public var sentences: [TextSpan]
  /// Word-level tokens in the current text, in order.
  public var tokens: [Token]
  /// Glossary term mentions in the current text, in order, never overlapping.
  public var terms: [TermAnnotation]
  /// Fields of the input record carried through unchanged.
  public var metadata: Metadata

  public init(_ text: String, language: String? = nil, metadata: Metadata = Metadata()) {
    self.original = text
    self.text = text
    self.offsets = OffsetMap()
    self.language = language
    self.sentences = []
    self.tokens = []
    self.terms = []
    self.metadata = metadata
  }

  /// The current text of `span`.
  public func text(of span: TextSpan) -> Substring {
    let utf8 = text.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: span.start)
    let end = utf8.index(start, offsetBy: span.length)
    return text[start..<end]
  }

  /// The span of the original input that `span` of the current text came from.
  public func originalSpan(of span: TextSpan) -> TextSpan { offsets.original(span) }

  /// The original input text that `span` of the current text came from.
  public func originalText(of span: TextSpan) -> Substring {
    let mapped = originalSpan(of: span)
    let utf8 = original.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: mapped.start)
    let end = utf8.index(start, offsetBy: mapped.length)
    return original[start..<end]
  }

  /// Rewrites the current text. `edits` are sorted, do not overlap, and lie on character boundaries.
  /// The offset map grows by the edits; sentence, token and term spans move with the text (a span that
  /// an edit cuts into grows to cover the whole rewritten region, and tokens that end up overlapping,
  /// such as the words of a rewritten name, become one token of the first one's kind).
  public mutating func apply(_ edits: [TextEdit]) {
    guard !edits.isEmpty else { return }
    var bytes: [UInt8] = []
    let utf8 = text.utf8
    bytes.reserveCapacity(utf8.count + 16)
    var position = 0
    text.utf8.withContiguousStorageIfAvailable { buffer in
      for edit in edits {
        precondition(edit.span.start >= position && edit.span.end <= buffer.count, "edits must be sorted, in bounds and not overlap")
        bytes.append(contentsOf: buffer[position..<edit.span.start])
        bytes.append(contentsOf: edit.replacement.utf8)
        position = edit.span.end
      }
      bytes.append(contentsOf: buffer[position...])
    } ?? {
      let all = Array(utf8)
      for edit in edits {
        bytes.append(contentsOf: all[position..<edit.span.start])
        bytes.append(contentsOf: edit.replacement.utf8)
        position = edit.span.end
      }
      bytes.append(contentsOf: all[position...])
    }()
    let shift = EditShift(edits)
    sentences = sentences.map(shift.move)
    var moved: [Token] = []
    moved.reserveCapacity(tokens.count)
    for token in tokens {
      let span = shift.move(token.span)
      if let last = moved.last, span.start < last.span.end {
        moved[moved.count - 1].span = TextSpan(start: last.span.start, end: max(last.span.end, span.end))
      } else {
        moved.append(Token(span: span, kind: token.kind))
      }
    }
    tokens = moved
    terms = terms.map { var term = $0; term.span = shift.move(term.span); return term }
    offsets.apply(edits)
    text = String(decoding: bytes, as: UTF8.self)
  }

  /// Replaces one span of the current text.
  public mutating func replace(_ span: TextSpan, with replacement: String) {
    apply([TextEdit(span, replacement)])
  }
}

/// Moves spans of a text through a sorted list of edits.
struct EditShift {
  private let edits: [TextEdit]
  private let growthBefore: [Int]  // total growth of edits[0..<i]

  init(_ edits: [TextEdit]) {
    self.edits = edits
    var growth = [0]
    growth.reserveCapacity(edits.count + 1)
    for edit in edits { growth.append(growth.last! + edit.replacement.utf8.count - edit.span.length) }
    self.growthBefore = growth
  }

  func move(_ span: TextSpan) -> TextSpan {
    let start = position(span.start, isEnd: false)
    return TextSpan(start: start, end: max(start, position(span.end, isEnd: true)))
  }

  private func position(_ offset: Int, isEnd: Bool) -> Int {
    // The first edit that ends after `offset` (or at it, for an end inside an insertion point).
    var low = 0, high = edits.count
    while low < high {
      let mid = (low + high) / 2
      if edits[mid].span.end <= offset { low = mid + 1 } else { high = mid }
    }
    if low < edits.count, edits[low].span.start < offset {
      // Inside an edit: widen to the whole replacement.
      let base = edits[low].span.start + growthBefore[low]
      return isEnd ? base + edits[low].replacement.utf8.count : base
    }
    return offset + growthBefore[low]
  }
}
