@testable import Alignment
import Testing

@Suite struct ScalarFlagsTests {
  @Test func tableAgreesWithTheUnicodeProperties() {
    var mismatches: [UInt32] = []
    for value in UInt32(0)..<0x11000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let flags = ScalarFlags.of(scalar), properties = scalar.properties
      if flags != ScalarFlags.computed(scalar) || flags.contains(.alphabetic) != properties.isAlphabetic
        || flags.contains(.uppercase) != properties.isUppercase || flags.contains(.lowercase) != properties.isLowercase
        || flags.contains(.numeric) != (properties.numericType != nil) {
        mismatches.append(value)
      }
    }
    #expect(mismatches.isEmpty)
  }
}
