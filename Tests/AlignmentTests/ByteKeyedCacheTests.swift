import Testing

@testable import Alignment

@Suite struct ByteKeyedCacheTests {
  private func find(_ cache: ByteKeyedCache<Int>, _ key: [UInt8]) -> Int? { key.withUnsafeBufferPointer { cache[$0] } }

  private func insert(_ cache: inout ByteKeyedCache<Int>, _ value: Int, _ key: [UInt8]) {
    key.withUnsafeBufferPointer { cache.insert(value, for: $0) }
  }

  /// Agrees with a dictionary across growth and restarts: prefixes of each other, the empty key, keys
  /// with high bytes.
  @Test func agreesWithADictionary() {
    var cache = ByteKeyedCache<Int>(limit: 500)
    var reference: [[UInt8]: Int] = [:]
    var generator = SystemRandomNumberGenerator()
    var keys: [[UInt8]] = [[], [0], [0, 0], [0xFF], Array("Rakka".utf8), Array("Rakkas".utf8), Array("Rakk".utf8)]
    for _ in 0..<3000 {
      let length = Int.random(in: 0...12, using: &generator)
      keys.append((0..<length).map { _ in UInt8.random(in: 0...3, using: &generator) * 60 })
    }
    for (number, key) in keys.enumerated() {
      if find(cache, key) == nil {
        #expect(reference[key] == nil)
        if cache.count >= 500 { reference.removeAll() }
        insert(&cache, number, key)
        reference[key] = number
      }
      #expect(find(cache, key) == reference[key])
    }
    for key in keys { #expect(find(cache, key) == reference[key]) }
  }

  /// `insertIfAbsent` keeps a stored value, stores a new one, and starts over when full as `insert` does.
  @Test func insertIfAbsentKeepsStoredValues() {
    var cache = ByteKeyedCache<Int>(limit: 3)
    let keys = [Array("a".utf8), Array("b".utf8), Array("c".utf8), Array("d".utf8)]
    for (number, key) in keys.prefix(3).enumerated() { key.withUnsafeBufferPointer { cache.insertIfAbsent(number, for: $0) } }
    keys[1].withUnsafeBufferPointer { cache.insertIfAbsent(9, for: $0) }
    #expect(find(cache, keys[1]) == 1)
    #expect(cache.count == 3)
    keys[3].withUnsafeBufferPointer { cache.insertIfAbsent(3, for: $0) }
    #expect(cache.count == 1)
    #expect(find(cache, keys[3]) == 3)
    #expect(find(cache, keys[0]) == nil)
  }

  @Test func longKeysAreNotStored() {
    var cache = ByteKeyedCache<Int>(limit: 10)
    let long = [UInt8](repeating: 0x61, count: ByteKeyedCache<Int>.maximumKeyLength)
    let shorter = Array(long.dropLast())
    insert(&cache, 1, long)
    insert(&cache, 2, shorter)
    #expect(find(cache, long) == nil)
    #expect(find(cache, shorter) == 2)
  }
}
