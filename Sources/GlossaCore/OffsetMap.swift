/// Maps offsets in a document's current text back to its original input, through every rewrite.
///
/// The map stores only the regions that changed; between them, text is unchanged and offsets shift by
/// a constant. A span that starts or ends inside a changed region widens to the whole region in the
/// original, so a mapped span always covers exactly the original text it came from.
public struct OffsetMap: Sendable, Hashable {
  /// A changed region: `current` bytes of the current text came from `original` bytes of the input.
  public struct Region: Sendable, Hashable {
    public var current: Range<Int>
    public var original: Range<Int>
  }

  /// Changed regions in ascending order, never overlapping.
  public private(set) var regions: [Region] = []

  /// The identity map: nothing has been rewritten.
  public init() {}

  /// Whether any text has been rewritten.
  public var isIdentity: Bool { regions.isEmpty }

  /// The original offset of a span's start at `offset` in the current text.
  public func originalStart(_ offset: Int) -> Int { map(offset, isEnd: false) }

  /// The original offset of a span's end at `offset` in the current text.
  public func originalEnd(_ offset: Int) -> Int { map(offset, isEnd: true) }

  /// The original span of `span` in the current text.
  public func original(_ span: TextSpan) -> TextSpan {
    if regions.isEmpty { return span }
    let start = originalStart(span.start)
    return TextSpan(start: start, end: max(start, originalEnd(span.end)))
  }

  private func map(_ offset: Int, isEnd: Bool) -> Int {
    // The last region that starts at or before `offset`.
    var low = 0, high = regions.count
    while low < high {
      let mid = (low + high) / 2
      if regions[mid].current.lowerBound <= offset { low = mid + 1 } else { high = mid }
    }
    guard low > 0 else { return offset }
    let region = regions[low - 1]
    if region.current.isEmpty && offset == region.current.lowerBound {
      // At a deletion: what ends here ends before the deleted text, what starts here starts after it.
      return isEnd ? region.original.lowerBound : region.original.upperBound
    }
    if offset < region.current.upperBound {
      if offset == region.current.lowerBound { return region.original.lowerBound }
      return isEnd ? region.original.upperBound : region.original.lowerBound
    }
    return offset - region.current.upperBound + region.original.upperBound
  }

  /// Composes this map with a rewrite of the current text: afterwards, offsets of the rewritten text
  /// map back to the original. `edits` must be sorted and must not overlap. Runs in one pass.
  public mutating func apply(_ edits: [TextEdit]) {
    guard !edits.isEmpty else { return }
    var result: [Region] = []
    result.reserveCapacity(regions.count + edits.count)
    var oldIndex = 0
    var editIndex = 0
    var shift = 0  // new offset minus old offset, after the edits handled so far
    func keepOld() {
      let old = regions[oldIndex]
      result.append(Region(current: (old.current.lowerBound + shift)..<(old.current.upperBound + shift), original: old.original))
      oldIndex += 1
    }
    while editIndex < edits.count {
      let first = edits[editIndex]
      while oldIndex < regions.count && regions[oldIndex].current.upperBound <= first.span.start
        && !touches(regions[oldIndex].current, first.span.range) {
        keepOld()
      }
      // One cluster: this edit, every old region it touches, and every edit those overlap in turn.
      var low = first.span.start, high = first.span.end
      var growth = first.replacement.utf8.count - first.span.length
      var originalLow = originalStart(low), originalHigh = originalEnd(high)
      editIndex += 1
      var grew = true
      while grew {
        grew = false
        while oldIndex < regions.count && touches(regions[oldIndex].current, low..<high) {
          let old = regions[oldIndex]
          low = min(low, old.current.lowerBound)
          high = max(high, old.current.upperBound)
          originalLow = min(originalLow, old.original.lowerBound)
          originalHigh = max(originalHigh, old.original.upperBound)
          oldIndex += 1
          grew = true
        }
        while editIndex < edits.count && overlaps(edits[editIndex].span.range, low..<high) {
          let edit = edits[editIndex]
          high = max(high, edit.span.end)
          originalHigh = max(originalHigh, originalEnd(high))
          growth += edit.replacement.utf8.count - edit.span.length
          editIndex += 1
          grew = true
        }
      }
      result.append(Region(current: (low + shift)..<(high + shift + growth), original: originalLow..<max(originalLow, originalHigh)))
      shift += growth
    }
    while oldIndex < regions.count { keepOld() }
    regions = result
  }

  /// Whether an old region belongs to a cluster: it overlaps it, or it is a deletion at its edge.
  private func touches(_ old: Range<Int>, _ cluster: Range<Int>) -> Bool {
    if old.isEmpty { return cluster.lowerBound <= old.lowerBound && old.lowerBound <= cluster.upperBound }
    return overlaps(old, cluster)
  }

  /// Whether two ranges share a byte, or an empty one sits strictly inside the other.
  private func overlaps(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
    if a.isEmpty { return b.lowerBound < a.lowerBound && a.lowerBound < b.upperBound }
    if b.isEmpty { return a.lowerBound < b.lowerBound && b.lowerBound < a.upperBound }
    return a.lowerBound < b.upperBound && b.lowerBound < a.upperBound
  }
}
