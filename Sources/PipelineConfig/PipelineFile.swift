import Alignment
import GlossaCore
import GlossaJSON
import Glossary
import Normalization
import Segmentation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A problem in a pipeline file, located by file, line and column.
public struct PipelineFileError: Error, Sendable, CustomStringConvertible {
  public var location: InputLocation
  public var message: String
  public var description: String { "\(location): error: \(message)" }
}

/// The options of one stage in a pipeline file, read with checks: every option must be used, and of
/// the right type; a mistake names the line and column.
public struct StageOptions {
  /// The stage's name.
  public let name: String
  private let members: [JSONMember]
  private let locate: (Int) -> InputLocation
  private var used: Set<String> = ["stage"]
  /// Term indexes already loaded for this pipeline file, by glossary path (an `align` and an `apply`
  /// stage of one file share theirs).
  let termIndexes: TermIndexCache

  init(name: String, members: [JSONMember], locate: @escaping (Int) -> InputLocation, termIndexes: TermIndexCache) {
    self.name = name
    self.members = members
    self.locate = locate
    self.termIndexes = termIndexes
  }

  private func member(_ key: String) -> JSONMember? { members.first { $0.key == key } }

  /// An error at option `key` (or at the stage when absent).
  public func error(_ key: String?, _ message: String) -> PipelineFileError {
    let offset = key.flatMap(member)?.offset ?? members.first?.offset ?? 0
    return PipelineFileError(location: locate(offset), message: "stage \"\(name)\": \(message)")
  }

  /// The string option `key`, or `default` when absent.
  public mutating func string(_ key: String, default value: String? = nil) throws -> String? {
    used.insert(key)
    guard let member = member(key) else { return value }
    guard case .string(let text) = member.value else { throw error(key, "option \"\(key)\" must be a string") }
    return text
  }

  /// The boolean option `key`, or `default` when absent.
  public mutating func bool(_ key: String, default value: Bool) throws -> Bool {
    used.insert(key)
    guard let member = member(key) else { return value }
    guard case .bool(let flag) = member.value else { throw error(key, "option \"\(key)\" must be true or false") }
    return flag
  }

  /// The option `key` as one of an enumeration's raw values.
  public mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, default value: T) throws -> T where T.RawValue == String {
    guard let text = try string(key) else { return value }
    guard let choice = T(rawValue: text) else {
      throw error(key, "option \"\(key)\" must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(text)\"")
    }
    return choice
  }

  /// Fails on any option the stage did not read.
  public func checkAllUsed() throws {
    if let unknown = members.first(where: { !used.contains($0.key) }) {
      throw error(unknown.key, "unknown option \"\(unknown.key)\"")
    }
  }
}

/// Named stages that a pipeline file can use. Each maker reads its options and builds the stage.
///
/// ```swift
/// var registry = StageRegistry.standard
/// registry.register("lowercase") { options in AnyDocumentStage(name: "lowercase", Lowercase()) }
/// ```
public struct StageRegistry: Sendable {
  public typealias Maker = @Sendable (_ options: inout StageOptions, _ defaultLanguage: String?) throws -> AnyDocumentStage

  private var makers: [String: Maker] = [:]

  public init() {}

  /// Adds or replaces the stage `name`.
  public mutating func register(_ name: String, _ maker: @escaping Maker) { makers[name] = maker }

  /// The names of all stages, sorted.
  public var names: [String] { makers.keys.sorted() }

  func maker(_ name: String) -> Maker? { makers[name] }

  /// The stages of Glossa's normalization, segmentation and alignment modules.
  public static let standard: StageRegistry = {
    var registry = StageRegistry()
    registry.register("normalize") { options, _ in
      let form = try options.choice("form", default: NormalizationForm.nfc)
      return AnyDocumentStage(name: "normalize", UnicodeNormalization(form))
    }
    registry.register("punctuation") { options, _ in
      let stage = PunctuationNormalization(
        apostrophes: try options.bool("apostrophes", default: true),
        quotes: try options.bool("quotes", default: true),
        dashes: try options.bool("dashes", default: true),
        collapseSpaces: try options.bool("collapse-spaces", default: true),
        lineEnds: try options.choice("line-ends", default: PunctuationNormalization.LineEnds.lf))
      return AnyDocumentStage(name: "punctuation", stage)
    }
    registry.register("transliterate") { options, _ in
      guard let id = try options.string("id") else { throw options.error(nil, "needs an \"id\" (an ICU transliterator id)") }
      if let rules = try options.string("rules") {
        return AnyDocumentStage(name: "transliterate", try Transliteration(id: id, rules: rules))
      }
      return AnyDocumentStage(name: "transliterate", try Transliteration(id: id))
    }
    registry.register("segment") { options, language in
      guard let lang = try options.string("lang", default: language) else { throw options.error(nil, "needs a \"lang\"") }
      return AnyDocumentStage(name: "segment", try SentenceSegmenter(language: lang))
    }
    registry.register("tokenize") { options, language in
      guard let lang = try options.string("lang", default: language) else { throw options.error(nil, "needs a \"lang\"") }
      return AnyDocumentStage(name: "tokenize", try WordTokenizer(language: lang))
    }
    registry.register("align") { options, language in
      let index = try termIndex(&options)
      let lang = try options.string("lang", default: language ?? "de") ?? "de"
      return AnyDocumentStage(name: "align", TermAligner(index: index, language: lang))
    }
    registry.register("apply") { options, language in
      let index = try termIndex(&options)
      let mode = try options.choice("mode", default: ApplyMode.replace)
      let target = try options.string("target-lang", default: language ?? "de") ?? "de"
      return AnyDocumentStage(name: "apply", TermApplier(index: index, mode: mode, targetLanguage: target))
    }
    return registry
  }()

  /// The term index named by a stage's `"glossary"` option: a compiled index (`glossa glossary compile`)
  /// or a glossary file (TBX, TSV, CSV, JSON), its path relative to the working directory, whose compiled
  /// index beside it is loaded instead when it was compiled from the file as it is now; the shipped
  /// Levant glossary, compiled into the library, when the option is absent.
  private static func termIndex(_ options: inout StageOptions) throws -> TermIndex {
    let path = try options.string("glossary")
    if let known = options.termIndexes.loaded[path ?? ""] { return known }
    let index: TermIndex
    if let path {
      do {
        if TermIndex.isCompiledIndex(path: path) {
          index = try TermIndex(contentsOf: path)
        } else if let compiled = try? TermIndex.compiledIndex(besideGlossary: path) {
          index = compiled
        } else {
          index = try TermIndex(glossary: try Glossary.load(contentsOf: path))
        }
      } catch {
        throw options.error("glossary", "\(error)")
      }
    } else {
      index = try TermIndex(glossary: .levantPlaces)
    }
    options.termIndexes.loaded[path ?? ""] = index
    return index
  }
}

/// The term indexes loaded while one pipeline file is read, by glossary path ("" for the shipped one).
final class TermIndexCache {
  var loaded: [String: TermIndex] = [:]
}

/// A pipeline described in a JSON file:
///
/// ```json
/// { "lang": "de",
///   "stages": [
///     { "stage": "normalize", "form": "nfc" },
///     { "stage": "punctuation", "line-ends": "keep" },
///     { "stage": "segment" },
///     { "stage": "tokenize" } ] }
/// ```
public struct PipelineFile: Sendable {
  /// The default language of the stages that take one.
  public var language: String?
  /// The stages, in order.
  public var pipeline: DocumentPipeline

  /// Reads and builds a pipeline file. Unknown stages or options, wrong option types, unknown locales
  /// or transliterator ids are errors with the file's line and column.
  public static func load(path: String, registry: StageRegistry = .standard) throws -> PipelineFile {
    guard let bytes = readFile(path) else {
      throw PipelineFileError(location: InputLocation(file: path), message: "cannot read pipeline file: \(String(cString: strerror(errno)))")
    }
    return try parse(bytes, file: path, registry: registry)
  }

  /// Builds a pipeline from the JSON text of a pipeline file named `file`.
  public static func parse(_ bytes: [UInt8], file: String, registry: StageRegistry = .standard) throws -> PipelineFile {
    let locate = { (offset: Int) -> InputLocation in
      var line = 1, column = 1
      for byte in bytes.prefix(offset) {
        if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
      }
      return InputLocation(file: file, line: line, column: column)
    }
    let root: JSONValue
    do {
      root = try bytes.withUnsafeBufferPointer { try JSONParser.parse(utf8: $0) }
    } catch let error as JSONSyntaxError {
      throw PipelineFileError(location: locate(error.offset), message: "malformed JSON: \(error.message)")
    }
    guard case .object(let top) = root else {
      throw PipelineFileError(location: locate(0), message: "a pipeline file is a JSON object with a \"stages\" list")
    }
    var language: String?
    var stageList: [JSONValue]?
    for member in top {
      switch (member.key, member.value) {
      case ("lang", .string(let text)): language = text
      case ("stages", .array(let list)): stageList = list
      case ("lang", _): throw PipelineFileError(location: locate(member.offset), message: "\"lang\" must be a string")
      case ("stages", _): throw PipelineFileError(location: locate(member.offset), message: "\"stages\" must be a list")
      default: throw PipelineFileError(location: locate(member.offset), message: "unknown field \"\(member.key)\" (expected \"lang\", \"stages\")")
      }
    }
    guard let stageList else { throw PipelineFileError(location: locate(0), message: "missing \"stages\" list") }
    var stages: [AnyDocumentStage] = []
    let termIndexes = TermIndexCache()
    for (index, entry) in stageList.enumerated() {
      guard case .object(let members) = entry, let nameMember = members.first(where: { $0.key == "stage" }) else {
        throw PipelineFileError(location: locate(0), message: "stage \(index + 1) must be an object with a \"stage\" name")
      }
      guard case .string(let name) = nameMember.value else {
        throw PipelineFileError(location: locate(nameMember.offset), message: "a stage name must be a string")
      }
      guard let maker = registry.maker(name) else {
        throw PipelineFileError(location: locate(nameMember.offset), message: "unknown stage \"\(name)\" (known: \(registry.names.joined(separator: ", ")))")
      }
      var options = StageOptions(name: name, members: members, locate: locate, termIndexes: termIndexes)
      do {
        let stage = try maker(&options, language)
        try options.checkAllUsed()
        stages.append(stage)
      } catch let error as PipelineFileError {
        throw error
      } catch {
        throw PipelineFileError(location: locate(nameMember.offset), message: "stage \"\(name)\": \(error)")
      }
    }
    return PipelineFile(language: language, pipeline: DocumentPipeline(stages))
  }
}

private func readFile(_ path: String) -> [UInt8]? {
  guard let file = fopen(path, "rb") else { return nil }
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let count = chunk.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, $0.count, file) }
    if count == 0 { break }
    bytes.append(contentsOf: chunk[0..<count])
  }
  return ferror(file) != 0 ? nil : bytes
}
