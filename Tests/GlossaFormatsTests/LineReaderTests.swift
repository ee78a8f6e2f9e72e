import Foundation
import Testing
@testable import GlossaFormats

@Suite struct LineReaderTests {
  @Test func readsLinesWithNumbersOffsetsAndLineEnds() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("glossa-lines-\(UUID()).txt").path
    // A long line (over the reader's first buffer) between CRLF and a last line without a newline.
    let long = String(repeating: "Deir ez-Zor liegt am Euphrat. ", count: 50_000)
    let content = "Erste Zeile\r\n\(long)\nLetzte"
    try content.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let reader = try LineReader(path: path)
    var lines: [(String, Int, Int, Bool, Bool)] = []
    while let line = try reader.next() {
      lines.append((String(decoding: line.bytes, as: UTF8.self), line.number, line.offset, line.endedWithCRLF, line.endedWithNewline))
    }
    #expect(lines.count == 3)
    #expect(lines[0].0 == "Erste Zeile" && lines[0].3)
    #expect(lines[1].0 == long && lines[1].1 == 2 && lines[1].2 == 13)
    #expect(lines[2].0 == "Letzte" && !lines[2].4)
  }

  @Test func missingFilesAndDirectoriesAreErrors() {
    #expect(throws: InputError.self) { _ = try LineReader(path: "/nonexistent/news.txt") }
    #expect(throws: InputError.self) { _ = try LineReader(path: "/tmp") }
  }
}
