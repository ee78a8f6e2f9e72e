import ICU
import Synchronization

/// The Unicode properties the word scanner asks of a scalar, as bits. Below U+10000 they come from a
/// table filled a block of 256 scalars at a time, when a scalar of the block is first asked for (a text
/// in one script touches a few blocks, and filling the whole plane up front would cost every run about
/// 15 ms); above it, from the properties.
struct ScalarFlags: OptionSet, Sendable {
  let rawValue: UInt8

  static let alphabetic = ScalarFlags(rawValue: 1)
  static let uppercase = ScalarFlags(rawValue: 2)
  static let lowercase = ScalarFlags(rawValue: 4)
  static let numeric = ScalarFlags(rawValue: 8)
  static let modifierLetter = ScalarFlags(rawValue: 16)
  /// Alphabetic, a mark, a decimal digit or a modifier letter: part of a word.
  static let wordScalar = ScalarFlags(rawValue: 32)

  private static let basicPlane = ScalarFlagTable()

  @inline(__always)
  static func of(_ scalar: Unicode.Scalar) -> ScalarFlags {
    scalar.value < 0x10000 ? basicPlane[scalar.value] : computed(scalar)
  }

  /// The flags from the scalar's Unicode properties.
  static func computed(_ scalar: Unicode.Scalar) -> ScalarFlags {
    let properties = scalar.properties
    var flags: ScalarFlags = []
    if properties.isAlphabetic { flags.insert(.alphabetic) }
    if properties.isUppercase { flags.insert(.uppercase) }
    if properties.isLowercase { flags.insert(.lowercase) }
    if properties.numericType != nil { flags.insert(.numeric) }
    let category = properties.generalCategory
    if category == .modifierLetter { flags.insert(.modifierLetter) }
    switch category {
    case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .modifierLetter: flags.insert(.wordScalar)
    default: if properties.isAlphabetic { flags.insert(.wordScalar) }
    }
    return flags
  }
}

/// ``ScalarFlags`` of the Basic Multilingual Plane, filled block by block on first use and shared by all
/// threads.
///
/// A block's bytes are written once, with the lock held, before its ready flag is set with release
/// ordering; a reader that loads the flag set (acquire ordering) reads bytes that no longer change.
private final class ScalarFlagTable: @unchecked Sendable {
  private static var blockCount: Int { 256 }
  private let flags: UnsafeMutablePointer<ScalarFlags>
  private let ready: UnsafeMutablePointer<Atomic<Bool>>
  private let filling = Lock()

  init() {
    flags = .allocate(capacity: Self.blockCount * 256)
    flags.initialize(repeating: [], count: Self.blockCount * 256)
    ready = .allocate(capacity: Self.blockCount)
    for block in 0..<Self.blockCount { (ready + block).initialize(to: Atomic(false)) }
  }

  deinit {
    ready.deinitialize(count: Self.blockCount)
    ready.deallocate()
    flags.deallocate()
  }

  /// The flags of scalar value `value` (below U+10000).
  @inline(__always)
  subscript(_ value: UInt32) -> ScalarFlags {
    let block = Int(value >> 8)
    if !ready[block].load(ordering: .acquiring) { fill(block) }
    return flags[Int(value)]
  }

  private func fill(_ block: Int) {
    filling.withLock {
      guard !ready[block].load(ordering: .acquiring) else { return }
      for value in (block * 256)..<(block * 256 + 256) {
        flags[value] = Unicode.Scalar(UInt32(value)).map(ScalarFlags.computed) ?? []
      }
      ready[block].store(true, ordering: .releasing)
    }
  }
}
