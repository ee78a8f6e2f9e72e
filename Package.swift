// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Glossa",
  products: [
    .executable(name: "glossa", targets: ["glossa"]),
    .library(name: "GlossaCore", targets: ["GlossaCore"]),
    .library(name: "ICU", targets: ["ICU"]),
    .library(name: "Normalization", targets: ["Normalization"]),
    .library(name: "Segmentation", targets: ["Segmentation"]),
    .library(name: "Glossary", targets: ["Glossary"]),
    .library(name: "GlossaFormats", targets: ["GlossaFormats"]),
    .library(name: "PipelineConfig", targets: ["PipelineConfig"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
  ],
  targets: [
    // ICU's C library. Only carries the pkg-config flags; no Swift module imports it.
    .systemLibrary(
      name: "CICU",
      pkgConfig: "icu-i18n",
      providers: [.apt(["libicu-dev"])]
    ),
    // The only place that sees ICU's headers. Its public header has plain C types and opaque handles.
    .target(
      name: "ICUShim",
      dependencies: ["CICU"],
      cxxSettings: [.define("U_SHOW_CPLUSPLUS_API", to: "1")],
      linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
    ),
    // Safe Swift API over ICU: Normalizer, Transliterator, BreakIterator, ICUError.
    .target(name: "ICU", dependencies: ["ICUShim"]),
    // Pure Swift pipeline model: Document, offsets, spans, stages, pipeline builder.
    .target(name: "GlossaCore"),
    // Stage modules: each depends only on GlossaCore and ICU.
    .target(name: "Normalization", dependencies: ["GlossaCore", "ICU"]),
    .target(name: "Segmentation", dependencies: ["GlossaCore", "ICU"], resources: [.process("Resources")]),
    // The glossary model and its file formats (TBX, TSV, CSV, JSON, GeoNames).
    .target(name: "Glossary"),
    // Input and output formats (text, JSONL).
    .target(name: "GlossaFormats", dependencies: ["GlossaCore"]),
    // Pipelines described in a JSON file, built from named stages.
    .target(name: "PipelineConfig", dependencies: ["GlossaCore", "GlossaFormats", "Normalization", "Segmentation"]),
    // The command-line tool: thin over the library.
    .executableTarget(
      name: "glossa",
      dependencies: [
        "GlossaCore", "ICU", "Normalization", "Segmentation", "GlossaFormats", "PipelineConfig",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(name: "GlossaTestSupport", dependencies: ["GlossaCore"], path: "Tests/GlossaTestSupport"),
    .testTarget(name: "ICUTests", dependencies: ["ICU"]),
    .testTarget(name: "GlossaCoreTests", dependencies: ["GlossaCore", "GlossaTestSupport"]),
    .testTarget(name: "NormalizationTests", dependencies: ["Normalization", "GlossaTestSupport"]),
    .testTarget(name: "SegmentationTests", dependencies: ["Segmentation", "GlossaTestSupport"]),
    .testTarget(name: "GlossaFormatsTests", dependencies: ["GlossaFormats"]),
    .testTarget(name: "PipelineConfigTests", dependencies: ["PipelineConfig", "GlossaTestSupport"]),
    .testTarget(name: "GlossaCLITests", dependencies: ["glossa"]),
  ],
  swiftLanguageModes: [.v6]
)
