import Testing
@testable import ICU

/// Text made only of characters that NFC never changes is accepted without ICU; the answer must be
/// ICU's for every character around the shortcut's ranges, alone and in context.
@Suite struct NFCShortcutTests {
  static func agree(_ bytes: [UInt8]) -> Bool {
    let nfc = Normalizer(.nfc)
    return bytes.withUnsafeBufferPointer { nfc.isNormalized(utf8: $0) == nfc.isNormalizedByICU(utf8: $0) }
  }

  @Test func everyCharacterUpToU3000AgreesWithICU() {
    for value in UInt32(0)..<0x3000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let character = Array(String(scalar).utf8)
      for bytes in [character, Array("Stra".utf8) + character + Array("e".utf8), Array("a".utf8) + character,
                    character + Array("\u{0301}".utf8), character + Array("\u{0308}x".utf8)] {
        #expect(Self.agree(bytes), "U+\(String(value, radix: 16))")
      }
    }
  }

  @Test func germanNewsIsAcceptedWithoutICU() {
    let line = "„Die Lage ist ernst“, sagte Müller – am 13. April – in Köln… Kosten: 20 € (ca. 5 ‰)."
    var copy = line
    #expect(copy.withUTF8 { isInertForNFC($0) })
    #expect(Normalizer(.nfc).isNormalized(line))
    // A combining mark, a replaced space and Cyrillic go to ICU.
    for other in ["Hims\u{0323}", "a\u{2000}b", "Москва"] {
      var text = other
      #expect(!text.withUTF8 { isInertForNFC($0) })
    }
    #expect(!Normalizer(.nfc).isNormalized("Hims\u{0323}"))
    #expect(!Normalizer(.nfc).isNormalized("a\u{2000}b"))
  }

  @Test func illFormedBytesAreLeftToICU() {
    for bytes: [UInt8] in [[0x80], [0xC3], [0x61, 0xC3], [0xE2, 0x80], [0xC0, 0x80], [0xC3, 0x28], [0xE2, 0x28, 0xA1],
                           [0xE2, 0x80, 0x28], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98, 0x80], [0xFF]] {
      #expect(!bytes.withUnsafeBufferPointer { isInertForNFC($0) } || bytes.allSatisfy { $0 < 0x80 })
      #expect(Self.agree(bytes), "\(bytes)")
    }
  }
}
