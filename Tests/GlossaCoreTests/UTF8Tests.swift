import GlossaCore
import Testing

@Suite struct UTF8ValidationTests {
  func check(_ bytes: [UInt8]) -> Int? { bytes.withUnsafeBufferPointer(firstInvalidUTF8) }

  @Test func everyScriptIsValid() {
    #expect(check(Array("Deir ez-Zor دير الزور Дейр-эз-Зор 代尔祖尔 🏙️ Hassaké Ḥimṣ".utf8)) == nil)
    #expect(check([]) == nil)
  }

  @Test func brokenSequencesAreFoundWhereTheyStart() {
    #expect(check([0x41, 0xED, 0xA0, 0x80]) == 1)  // a UTF-16 surrogate
    #expect(check([0x41, 0x42, 0xC0, 0xAF]) == 2)  // overlong '/'
    #expect(check(Array("Homs".utf8) + [0xE2, 0x82]) == 4)  // truncated
    #expect(check(Array("Raqqa und Hasaka".utf8) + [0xF4, 0x90, 0x80, 0x80]) == 16)  // above U+10FFFF
    #expect(check([0xFF]) == 0)
  }
}
