import Testing
@testable import Segmentation

/// The byte set answers most misses from its hash filter; it must agree with a plain set on every
/// key, across growth.
@Suite struct ByteSetTests {
  @Test func agreesWithASetAcrossGrowth() {
    var generator = SplitMix(seed: 3)
    var set = ByteSet()
    var reference: Set<[UInt8]> = []
    func randomKey() -> [UInt8] {
      let letters = Array("abcdeÄö.z".utf8)
      return (0..<Int(1 + generator.next() % 6)).map { _ in letters[Int(generator.next() % UInt64(letters.count))] }
    }
    for round in 0..<3000 {
      let key = randomKey()
      let inserted = key.withUnsafeBufferPointer { set.insert($0) }
      #expect(inserted == reference.insert(key).inserted)
      if round % 10 == 0 {
        for _ in 0..<50 {
          let probe = randomKey()
          #expect(probe.withUnsafeBufferPointer { set.contains($0) } == reference.contains(probe), "\(probe)")
        }
      }
    }
    #expect(set.count == reference.count)
    for key in reference { #expect(key.withUnsafeBufferPointer { set.contains($0) }) }
    #expect(!ByteSet().contains("z.B."))
  }
}
