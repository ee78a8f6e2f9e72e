// swift-tools-version:6.0
// libFuzzer targets that need SwiftPM (ICU, embedded resources). Build and run with ../run.
import PackageDescription

let package = Package(
  name: "GlossaFuzz",
  dependencies: [.package(path: "../..")],
  targets: [
    .executableTarget(
      name: "fuzz-srx",
      dependencies: [.product(name: "Segmentation", package: "main"), .product(name: "GlossaCore", package: "main")]
    ),
    .executableTarget(
      name: "fuzz-align",
      dependencies: [
        .product(name: "Alignment", package: "main"), .product(name: "Glossary", package: "main"),
        .product(name: "GlossaCore", package: "main"),
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)
