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
    .library(name: "Alignment", targets: ["Alignment"]),
    .library(name: "GlossaJSON", targets: ["GlossaJSON"]),
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
    // Sentence rules per language (Resources/*.rules), compiled into the binary.
    .target(
      name: "Segmentation",
      dependencies: ["GlossaCore", "ICU"],
      resources: ["ar", "de", "en", "es", "fr", "it", "ja", "nl", "pl", "pt", "ru", "zh"].map { .embedInCode("Resources/\($0).rules") }
    ),
    // The glossary model and its file formats (TBX, TSV, CSV, JSON, GeoNames).
    .target(name: "Glossary", dependencies: ["GlossaCore", "GlossaJSON"]),
    // Glossary term alignment: match keys (rules in Resources/), term index, aligner and applier stages.
    .target(
      name: "Alignment",
      dependencies: ["GlossaCore", "ICU", "Glossary"],
      resources: [
        .embedInCode("Resources/keys-letters.txt"), .embedInCode("Resources/keys-de.txt"),
        .embedInCode("Resources/keys-fr.txt"), .embedInCode("Resources/keys-en.txt"),
        .embedInCode("Resources/keys-common.txt"), .embedInCode("Resources/keys-skeleton.txt"),
        .embedInCode("Resources/keys-ar.txt"), .embedInCode("Resources/articles.txt"),
        .embedInCode("Resources/common-de.txt"), .embedInCode("Resources/lookalikes.txt"),
        .embedInCode("Resources/given-names.txt"), .embedInCode("Resources/determiners-de.txt"),
        .embedInCode("Resources/place-cues.txt"), .embedInCode("Resources/transliteration-marks.txt"),
        .embedInCode("Resources/adjective-endings-de.txt"), .embedInCode("Resources/endings-foreign.txt"),
        .embedInCode("Resources/keys-alt-tr.txt"),
        .embedInCode("Resources/keys-alt-el.txt"),
        .embedInCode("Resources/generic-heads.txt"),
      ]
    ),
    // A strict, Foundation-free JSON parser and writer with byte offsets for every error.
    .target(name: "GlossaJSON"),
    // Input and output formats (text, JSONL), streamed in bounded batches on parallel workers.
    .target(name: "GlossaFormats", dependencies: ["GlossaCore", "GlossaJSON"]),
    // Pipelines described in a JSON file, built from named stages.
    .target(
      name: "PipelineConfig", dependencies: ["GlossaCore", "GlossaJSON", "Normalization", "Segmentation", "Glossary", "Alignment"]),
    // The command-line tool: thin over the library.
    .executableTarget(
      name: "glossa",
      dependencies: [
        "GlossaCore", "ICU", "Normalization", "Segmentation", "GlossaJSON", "GlossaFormats", "PipelineConfig",
        "Glossary", "Alignment",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // A release binary carries the Swift runtime inside: no Swift libraries to find and bind at start-up
      // (a one-line run 15 -> 10 ms). ICU stays the system's shared library. The argument parser's
      // FoundationEssentials needs its two helper archives named.
      linkerSettings: [
        .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
        .linkedLibrary("_FoundationCollections", .when(platforms: [.linux], configuration: .release)),
        .linkedLibrary("_FoundationCShims", .when(platforms: [.linux], configuration: .release)),
        .linkedLibrary("swiftSynchronization", .when(platforms: [.linux], configuration: .release)),
      ]
    ),
    .target(name: "GlossaTestSupport", dependencies: ["GlossaCore"], path: "Tests/GlossaTestSupport"),
    .testTarget(name: "ICUTests", dependencies: ["ICU"]),
    .testTarget(name: "GlossaCoreTests", dependencies: ["GlossaCore", "GlossaTestSupport"]),
    .testTarget(name: "NormalizationTests", dependencies: ["Normalization", "GlossaTestSupport"]),
    .testTarget(name: "SegmentationTests", dependencies: ["Segmentation", "GlossaTestSupport"]),
    .testTarget(name: "GlossaJSONTests", dependencies: ["GlossaJSON"]),
    .testTarget(name: "GlossaFormatsTests", dependencies: ["GlossaFormats", "GlossaJSON"]),
    .testTarget(name: "PipelineConfigTests", dependencies: ["PipelineConfig", "GlossaTestSupport"]),
    .testTarget(name: "AlignmentTests", dependencies: ["Alignment", "Glossary", "GlossaTestSupport"]),
    .testTarget(name: "GlossaCLITests", dependencies: ["glossa"]),
    .testTarget(name: "GlossaryTests", dependencies: ["Glossary", "GlossaCore"]),
  ],
  swiftLanguageModes: [.v6]
)
