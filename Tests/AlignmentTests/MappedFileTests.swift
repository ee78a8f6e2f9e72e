import Foundation
import Testing

@testable import Alignment

/// Where a file cannot be mapped, it is read into memory: the same bytes either way.
@Suite struct MappedFileTests {
  @Test func readFallbackHoldsTheSameBytesAsTheMapping() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-\(UUID().uuidString).glossa-index").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Fixtures.index.write(toFile: path)
    let mapped = try MappedFile(path: path)
    let read = try MappedFile(path: path, map: false)
    #expect(mapped.size == read.size)
    #expect(mapped.size > 1000)
    #expect(memcmp(mapped.base, read.base, mapped.size) == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)).withUnsafeBytes { memcmp($0.baseAddress!, read.base, read.size) } == 0)
    #expect(throws: MappedFile.MappingError.self) { try MappedFile(path: path + ".missing", map: false) }
  }
}
