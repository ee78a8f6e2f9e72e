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
