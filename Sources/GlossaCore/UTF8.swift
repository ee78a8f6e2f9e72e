/// The offset of the first byte that is not part of well-formed UTF-8 (no overlongs, no surrogates,
/// nothing above U+10FFFF), or `nil` when all is valid. Checks eight ASCII bytes at a time.
public func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
  var index = 0
  let count = bytes.count
  while index < count {
    // ASCII fast path, eight bytes at a time.
    if index + 8 <= count,
      UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
    {
      index += 8
      continue
    }
    let byte = bytes[index]
    if byte < 0x80 { index += 1; continue }
    let width: Int
    var low: UInt8 = 0x80, high: UInt8 = 0xBF
    switch byte {
    case 0xC2...0xDF: width = 2
    case 0xE0: width = 3; low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: width = 3
    case 0xED: width = 3; high = 0x9F
    case 0xF0: width = 4; low = 0x90
    case 0xF1...0xF3: width = 4
    case 0xF4: width = 4; high = 0x8F
    default: return index
    }
    guard index + width <= count else { return index }
    let second = bytes[index + 1]
    if second < low || second > high { return index }
    for next in 2..<width where bytes[index + next] & 0xC0 != 0x80 { return index }
    index += width
  }
  return nil
}
