/// A range of a document's text, as UTF-8 byte offsets (`start` inclusive, `end` exclusive).
///
/// Spans always refer to one particular text: the current text of a ``Document`` or its original.
/// ``Document/originalSpan(of:)`` maps a span of the current text back to the original input.
public struct TextSpan: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var start: Int
  public var end: Int

  @inlinable
  public init(start: Int, end: Int) {
    precondition(start <= end, "a span's start must not be after its end")
    self.start = start
    self.end = end
  }

  @inlinable
  public init(_ range: Range<Int>) { self.init(start: range.lowerBound, end: range.upperBound) }

  @inlinable public var range: Range<Int> { start..<end }
  @inlinable public var length: Int { end - start }
  @inlinable public var isEmpty: Bool { start == end }

  public static func < (a: TextSpan, b: TextSpan) -> Bool {
    (a.start, a.end) < (b.start, b.end)
  }

  public var description: String { "\(start)..<\(end)" }
}

/// One rewrite of a text: the bytes of `span` are replaced by `replacement`.
public struct TextEdit: Hashable, Sendable {
  public var span: TextSpan
  public var replacement: String

  public init(_ span: TextSpan, _ replacement: String) {
    self.span = span
    self.replacement = replacement
  }
}
