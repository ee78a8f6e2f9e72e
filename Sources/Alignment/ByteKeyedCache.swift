/// A bounded cache from byte strings (a word's UTF-8) to values, looked up without making or hashing a
/// `String`: open addressing over ``FormHasher`` hashes, keys stored back to back in one byte array.
///
/// When it holds `limit` values it starts over empty, so its memory stays bounded whatever the input.
/// Its table of slots starts small and doubles as values come, so a cache that holds few values stays
/// in the processor's near caches.
/// Keys of ``maximumKeyLength`` bytes or more are not stored (a lookup of one finds nothing).
///
/// ```swift
/// var cache = ByteKeyedCache<Int>(limit: 1000)
/// "Hassake".utf8.withContiguousStorageIfAvailable { cache.insert(7, for: $0) }
/// "Hassake".utf8.withContiguousStorageIfAvailable { cache[$0] }   // 7
/// ```
struct ByteKeyedCache<Value> {
  /// Keys this long or longer are not stored: a slot has 8 bits for the length.
  static var maximumKeyLength: Int { 255 }

  /// Per slot: the hash's high 24 bits, the key's length (8 bits), and where its record starts in
  /// `records` (32 bits, never 0); 0 marks an empty slot. At most half the slots are used, and a slot of
  /// another word is mostly told by its bits alone; a probe reads the slot and then one record.
  private var slots: [UInt64] = [UInt64](repeating: 0, count: ByteKeyedCache.initialSlotCount)
  /// Per key, its bytes and then its value number (4 bytes, little-endian); one unused byte first, so
  /// that no record starts at 0.
  private var records: [UInt8] = [0]
  private var values: [Value] = []
  /// How many values the cache holds before it starts over.
  let limit: Int
  private var mask = ByteKeyedCache.initialSlotCount - 1
  /// The most slots the table grows to: twice `limit`, rounded up to a power of two.
  private let maximumSlotCount: Int

  private static var initialSlotCount: Int { 16 }

  init(limit: Int) {
    self.limit = max(1, limit)
    var size = Self.initialSlotCount
    while size < 2 * self.limit { size *= 2 }
    maximumSlotCount = size
  }

  var count: Int { values.count }

  /// The value stored for `key`, if any.
  subscript(key: UnsafeBufferPointer<UInt8>) -> Value? {
    guard key.count < Self.maximumKeyLength else { return nil }
    return find(key, hash: FormHasher.hash(key)).number.map { values[$0] }
  }

  /// Stores `value` for `key` (which must not be stored yet), unless the key is too long to store.
  mutating func insert(_ value: Value, for key: UnsafeBufferPointer<UInt8>) {
    guard key.count < Self.maximumKeyLength else { return }
    let hash = FormHasher.hash(key)
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    store(value, for: key, hash: hash, at: slot)
  }

  /// Stores `value` for `key` unless a value is stored for it already (or the key is too long to store),
  /// probing the table once.
  mutating func insertIfAbsent(_ value: Value, for key: UnsafeBufferPointer<UInt8>) {
    guard key.count < Self.maximumKeyLength else { return }
    let hash = FormHasher.hash(key)
    let (number, empty) = find(key, hash: hash)
    guard number == nil else { return }
    store(value, for: key, hash: hash, at: empty)
  }

  /// Stores `value` for `key` (not stored yet) in `slot`, the first empty slot of its probe sequence;
  /// when the cache is full it starts over first, and the key goes to its home slot's sequence.
  private mutating func store(_ value: Value, for key: UnsafeBufferPointer<UInt8>, hash: UInt64, at slot: Int) {
    var slot = slot
    if values.count >= limit || records.count + key.count + 4 > Int(UInt32.max) {
      removeAll()
      slot = Int(truncatingIfNeeded: hash) & mask
    } else if 2 * (values.count + 1) > slots.count, slots.count < maximumSlotCount {
      grow()
      slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
    }
    let number = UInt32(values.count)
    values.append(value)
    slots[slot] = (hash & Self.tagMask) | UInt64(key.count) << 32 | UInt64(records.count)
    records.append(contentsOf: key)
    for shift in stride(from: 0, to: 32, by: 8) { records.append(UInt8(truncatingIfNeeded: number >> UInt32(shift))) }
  }

  /// Doubles the table of slots, placing each stored key anew by its hash (read back from its record).
  private mutating func grow() {
    let old = slots
    slots = [UInt64](repeating: 0, count: 2 * old.count)
    mask = slots.count - 1
    records.withUnsafeBufferPointer { records in
      for stored in old where stored != 0 {
        let start = Int(stored & 0xFFFF_FFFF)
        let length = Int(stored >> 32 & 0xFF)
        var slot = Int(truncatingIfNeeded: FormHasher.hash(UnsafeBufferPointer(rebasing: records[start..<(start + length)]))) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = stored
      }
    }
  }

  mutating func removeAll() {
    for index in slots.indices { slots[index] = 0 }
    records.removeAll(keepingCapacity: true)
    records.append(0)
    values.removeAll(keepingCapacity: true)
  }

  private static var tagMask: UInt64 { 0xFFFF_FF00_0000_0000 }

  /// The value number of `key` (shorter than ``maximumKeyLength``) if stored, else nil and the empty
  /// slot that ended the search.
  private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (number: Int?, empty: Int) {
    var slot = Int(truncatingIfNeeded: hash) & mask
    let wanted = (hash & Self.tagMask) | UInt64(key.count) << 32
    return records.withUnsafeBufferPointer { records in
      while true {
        let stored = slots[slot]
        if stored == 0 { return (nil, slot) }
        if stored & 0xFFFF_FFFF_0000_0000 == wanted {
          let start = Int(stored & 0xFFFF_FFFF)
          var same = true
          for offset in 0..<key.count where records[start + offset] != key[offset] {
            same = false
            break
          }
          if same {
            let end = start + key.count
            let number = Int(records[end]) | Int(records[end + 1]) << 8 | Int(records[end + 2]) << 16 | Int(records[end + 3]) << 24
            return (number, slot)
          }
        }
        slot = (slot + 1) & mask
      }
    }
  }
}
