/// A set of short byte strings (words, abbreviations) looked up straight from UTF-8 bytes, with no
/// `String` or array made per lookup: open addressing over FNV-1a hashes into one byte store.
///
/// Most lookups are misses (a word before a period that is no abbreviation); a bit filter of the
/// entries' hashes, a few hundred bytes that stay in the cache, answers most of them without probing
/// the slots.
struct ByteSet: Sendable {
  private var bytes: [UInt8] = []
  private var entries: [Entry] = []
  private var slots: [Int32] = Array(repeating: -1, count: 16)
  /// One bit per hash value (bits 32 and up of the hash), four bits per slot: a clear bit means the
  /// key is not in the set.
  private var filter: [UInt64] = [0]

  private struct Entry: Sendable {
    var start: Int32
    var length: Int32
    var hash: UInt64
  }

  init() {}

  /// The number of distinct entries.
  var count: Int { entries.count }

  /// Adds `word` (its UTF-8 bytes); returns whether it was new.
  @discardableResult
  mutating func insert(_ word: String) -> Bool {
    var copy = word
    return copy.withUTF8 { insert($0) }
  }

  /// Adds `key`; returns whether it was new.
  @discardableResult
  mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
    if contains(key) { return false }
    if (entries.count + 1) * 2 > slots.count { grow() }
    let hash = Self.hash(key)
    let entry = Entry(start: Int32(bytes.count), length: Int32(key.count), hash: hash)
    bytes.append(contentsOf: key)
    entries.append(entry)
    place(Int32(entries.count - 1), hash: hash)
    return true
  }

  /// Whether `key` is in the set.
  @inline(__always)
  func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let hash = Self.hash(key)
    let bit = filterBit(hash)
    if filter[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return false }
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    return bytes.withUnsafeBufferPointer { store in
      while true {
        let index = slots[slot]
        if index < 0 { return false }
        let entry = entries[Int(index)]
        if entry.hash == hash, Int(entry.length) == key.count {
          var equal = true
          var i = 0
          let start = Int(entry.start)
          while i < key.count {
            if store[start + i] != key[i] { equal = false; break }
            i += 1
          }
          if equal { return true }
        }
        slot = (slot + 1) & mask
      }
    }
  }

  /// Whether the word is in the set.
  func contains(_ word: String) -> Bool {
    var copy = word
    return copy.withUTF8 { contains($0) }
  }

  /// Every entry, as strings (for inspection and tests).
  var words: [String] {
    entries.map { String(decoding: bytes[Int($0.start)..<Int($0.start + $0.length)], as: UTF8.self) }
  }

  private mutating func grow() {
    slots = Array(repeating: -1, count: slots.count * 2)
    filter = Array(repeating: 0, count: slots.count * 4 / 64)
    for (index, entry) in entries.enumerated() { place(Int32(index), hash: entry.hash) }
  }

  private mutating func place(_ index: Int32, hash: UInt64) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = index
    let bit = filterBit(hash)
    filter[bit >> 6] |= 1 << UInt64(bit & 63)
  }

  /// The filter bit of a hash: bits the slot index does not use.
  @inline(__always)
  private func filterBit(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 32) & (filter.count * 64 - 1) }

  @inline(__always)
  static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return hash ^ (hash >> 29)
  }
}
