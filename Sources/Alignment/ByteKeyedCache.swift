/// A bounded cache from byte strings (a word's UTF-8) to values, looked up without making or hashing a
/// `String`: open addressing over ``FormHasher`` hashes, keys stored back to back in one byte array.
///
/// When it holds `limit` values it starts over empty, so its memory stays bounded whatever the input.
///
/// ```swift
/// var cache = ByteKeyedCache<Int>(limit: 1000)
/// "Hassake".utf8.withContiguousStorageIfAvailable { cache.insert(7, for: $0) }
/// "Hassake".utf8.withContiguousStorageIfAvailable { cache[$0] }   // 7
/// ```
struct ByteKeyedCache<Value> {
  /// Per slot: the hash's high 32 bits, then value number + 1 in the low 32 bits; 0 marks an empty
  /// slot. At most half the slots are used, and a slot of another word is mostly told by its bits alone.
  private var slots: [UInt64]
  /// Key `i` is `keyBytes[keyEnds[i - 1]..<keyEnds[i]]` (from 0 for the first).
  private var keyEnds: [Int] = []
  private var keyBytes: [UInt8] = []
  private var values: [Value] = []
  /// How many values the cache holds before it starts over.
  let limit: Int
  private let mask: Int

  init(limit: Int) {
    self.limit = max(1, limit)
    var size = 16
    while size < 2 * self.limit { size *= 2 }
    slots = [UInt64](repeating: 0, count: size)
    mask = size - 1
  }

  var count: Int { values.count }

  /// The value stored for `key`, if any.
  subscript(key: UnsafeBufferPointer<UInt8>) -> Value? {
    find(key, hash: FormHasher.hash(key)).map { values[$0] }
  }

  /// Stores `value` for `key` (which must not be stored yet).
  mutating func insert(_ value: Value, for key: UnsafeBufferPointer<UInt8>) {
    if values.count >= limit { removeAll() }
    let hash = FormHasher.hash(key)
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    values.append(value)
    slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(values.count)
    keyBytes.append(contentsOf: key)
    keyEnds.append(keyBytes.count)
  }

  mutating func removeAll() {
    for index in slots.indices { slots[index] = 0 }
    keyEnds.removeAll(keepingCapacity: true)
    keyBytes.removeAll(keepingCapacity: true)
    values.removeAll(keepingCapacity: true)
  }

  private func equals(_ key: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
    for offset in 0..<key.count where keyBytes[start + offset] != key[offset] { return false }
    return true
  }

  private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
    var slot = Int(truncatingIfNeeded: hash) & mask
    let tag = hash & 0xFFFF_FFFF_0000_0000
    while true {
      let stored = slots[slot]
      if stored == 0 { return nil }
      if stored & 0xFFFF_FFFF_0000_0000 == tag {
        let number = Int(stored & 0xFFFF_FFFF) - 1
        let start = number == 0 ? 0 : keyEnds[number - 1]
        if keyEnds[number] - start == key.count, equals(key, at: start) { return number }
      }
      slot = (slot + 1) & mask
    }
  }
}
