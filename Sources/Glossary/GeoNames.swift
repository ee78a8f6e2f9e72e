import GlossaCore

/// Builds a glossary from GeoNames dump files (https://download.geonames.org/export/dump/, CC BY 4.0):
/// the 19-column gazetteer layout of `cities500.txt`, `cities15000.txt` and `allCountries.txt`, optionally with
/// `alternateNamesV2.txt` for names tagged with their language.
///
/// Each selected place becomes a concept `geo:<geonameid>` with a `geonames` reference, a subject field from its
/// feature class and code, its GeoNames name as the preferred `und` term, and its ASCII name and alternate names
/// as admitted `und` terms. With an alternate-names file, names with an ISO language become terms in that
/// language (preferred when GeoNames marks them so, notes for short, colloquial and historic names), and
/// `wkdt` entries become `wikidata` references.
///
/// ```swift
/// var importer = GeoNamesImporter()
/// importer.countries = ["SY", "IQ"]
/// importer.featureClasses = ["P"]
/// importer.minimumPopulation = 20_000
/// let places = try importer.glossary(gazetteerPath: "cities500.txt", alternateNamesPath: "alternateNamesV2.txt")
/// ```
public struct GeoNamesImporter: Sendable {
  /// ISO 3166-1 alpha-2 country codes to keep (e.g. `SY`); empty keeps every country.
  public var countries: Set<String> = []
  /// Feature classes to keep (`A` areas, `H` water, `L` regions, `P` populated places, `S` spots, `T` terrain, …);
  /// empty keeps all.
  public var featureClasses: Set<String> = []
  /// Feature codes to keep (e.g. `PPLA`, `PPLC`, `ADM1`, `STM`); empty keeps all.
  public var featureCodes: Set<String> = []
  /// The smallest population to keep (0 keeps places with unknown population).
  public var minimumPopulation: Int = 0
  /// Languages to take from the alternate-names file; empty takes every well-formed language tag.
  public var languages: Set<String> = []

  /// An importer that keeps every place; set the filters before importing.
  public init() {}

  /// Reads the gazetteer file (and the alternate-names file, if given), streaming them line by line.
  public func glossary(gazetteerPath: String, alternateNamesPath: String? = nil) throws -> Glossary {
    var state = State()
    try LineReader(path: gazetteerPath).forEachLine { line, number in
      try addGazetteerLine(line, number: number, file: gazetteerPath, to: &state)
      return true
    }
    if let alternateNamesPath {
      try LineReader(path: alternateNamesPath).forEachLine { line, number in
        try addAlternateNameLine(line, number: number, file: alternateNamesPath, to: &state)
        return true
      }
    }
    return state.finish()
  }

  /// The same from in-memory file contents.
  public func glossary(gazetteer: String, alternateNames: String? = nil) throws -> Glossary {
    var state = State()
    try forEachLine(gazetteer) { try addGazetteerLine($0, number: $1, file: "<gazetteer>", to: &state) }
    if let alternateNames {
      try forEachLine(alternateNames) { try addAlternateNameLine($0, number: $1, file: "<alternateNames>", to: &state) }
    }
    return state.finish()
  }

  private func forEachLine(_ text: String, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
    var bytes = Array(text.utf8)
    if bytes.last != 0x0A { bytes.append(0x0A) }
    try bytes.withUnsafeBufferPointer { all in
      var start = 0
      var number = 0
      for i in 0..<all.count where all[i] == 0x0A {
        number += 1
        var end = i
        if end > start, all[end - 1] == 0x0D { end -= 1 }
        try body(UnsafeBufferPointer(rebasing: all[start..<end]), number)
        start = i + 1
      }
    }
  }

  private struct State {
    var concepts: [Concept] = []
    var index: [Int: Int] = [:]

    /// The glossary, each concept's terms grouped by language (in order of first appearance), as TBX stores them.
    func finish() -> Glossary {
      Glossary(concepts: concepts.map { concept in
        var grouped = concept
        var languages: [String] = []
        for term in concept.terms where !languages.contains(term.language) { languages.append(term.language) }
        grouped.terms = languages.flatMap { language in concept.terms.filter { $0.language == language } }
        return grouped
      })
    }
  }

  private static func fields(_ line: UnsafeBufferPointer<UInt8>) -> [Substring] {
    String(decoding: line, as: UTF8.self).split(separator: "\t", omittingEmptySubsequences: false)
  }

  private func addGazetteerLine(_ line: UnsafeBufferPointer<UInt8>, number: Int, file: String, to state: inout State) throws {
    if line.isEmpty || line[0] == 0x23 { return }
    if !passesFilters(line) { return }
    let f = Self.fields(line)
    guard f.count >= 15, let id = Int(f[0]) else {
      throw GlossaryError(.syntax, "not a GeoNames gazetteer line: expected 19 tab-separated columns starting with a geonameid, found \(f.count)", at: InputLocation(file: file, line: number, column: 1))
    }
    let featureClass = String(f[6]), featureCode = String(f[7]), country = String(f[8])
    let population = Int(f[14]) ?? 0
    if !countries.isEmpty, !countries.contains(country) { return }
    if !featureClasses.isEmpty, !featureClasses.contains(featureClass) { return }
    if !featureCodes.isEmpty, !featureCodes.contains(featureCode) { return }
    if population < minimumPopulation { return }
    var concept = Concept(id: "geo:\(id)", references: ["geonames": String(id)], subject: Self.subject(featureClass, featureCode))
    concept.notes = ["country \(country)" + (population > 0 ? ", population \(population)" : "")]
    let name = f[1].trimmingASCIISpace()
    concept.terms.append(Term(language: Term.undetermined, text: name, status: .preferred))
    var seen: Set<String> = [name]
    var alternates = [f[2].trimmingASCIISpace()]
    alternates += f[3].split(separator: ",").map { $0.trimmingASCIISpace() }
    for alternate in alternates where !alternate.isEmpty && seen.insert(alternate).inserted {
      concept.terms.append(Term(language: Term.undetermined, text: alternate, status: .admitted))
    }
    if state.index[id] == nil {
      state.index[id] = state.concepts.count
      state.concepts.append(concept)
    }
  }

  /// Checks country, feature class and code, and population on the bytes, before any `String` is made:
  /// `allCountries.txt` has 13 million lines, most of which a filtered import drops. Lines too short to tell
  /// pass, and are reported by the full parse.
  private func passesFilters(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    if countries.isEmpty && featureClasses.isEmpty && featureCodes.isEmpty && minimumPopulation == 0 { return true }
    var starts = [Int](repeating: 0, count: 16)
    var field = 1
    for i in 0..<line.count where line[i] == 0x09 {
      starts[field] = i + 1
      field += 1
      if field == 16 { break }
    }
    guard field == 16 else { return true }
    func text(_ f: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: line[starts[f]..<(starts[f + 1] - 1)]) }
    func matches(_ f: Int, _ set: Set<String>) -> Bool { set.isEmpty || set.contains(String(decoding: text(f), as: UTF8.self)) }
    if !matches(8, countries) || !matches(6, featureClasses) || !matches(7, featureCodes) { return false }
    if minimumPopulation > 0 {
      var population = 0
      for b in text(14) {
        guard b >= 0x30, b <= 0x39, population < Int.max / 10 else { return true }
        population = population * 10 + Int(b - 0x30)
      }
      if population < minimumPopulation { return false }
    }
    return true
  }

  /// Language codes of `alternateNamesV2.txt` that are not languages.
  private static let pseudoLanguages: Set<String> = ["link", "post", "iata", "icao", "faac", "abbr", "unlc", "tcid", "phon", "piny", "wkdt"]

  private func addAlternateNameLine(_ line: UnsafeBufferPointer<UInt8>, number: Int, file: String, to state: inout State) throws {
    if line.isEmpty || line[0] == 0x23 { return }
    // Most lines of alternateNamesV2.txt (16 million) are for places not selected: look at the id first.
    if let id = Self.secondFieldNumber(line), state.index[id] == nil { return }
    let f = Self.fields(line)
    guard f.count >= 4, let id = Int(f[1]) else {
      throw GlossaryError(.syntax, "not a GeoNames alternate-names line: expected alternateNameId, geonameid, isolanguage, name, …", at: InputLocation(file: file, line: number, column: 1))
    }
    guard let c = state.index[id] else { return }
    let language = String(f[2])
    let name = f[3].trimmingASCIISpace()
    if name.isEmpty { return }
    if language == "wkdt" {
      state.concepts[c].references["wikidata"] = name
      return
    }
    if Self.pseudoLanguages.contains(language) { return }
    let tag = language.isEmpty ? Term.undetermined : language
    guard LanguageTag.isWellFormed(tag) else { return }
    if tag != Term.undetermined, !languages.isEmpty, !languages.contains(tag) { return }
    func flag(_ i: Int) -> Bool { i < f.count && f[i] == "1" }
    var notes: [String] = []
    if flag(5) { notes.append("short name") }
    if flag(6) { notes.append("colloquial") }
    if flag(7) { notes.append("historic") }
    var terms = state.concepts[c].terms
    if terms.contains(where: { $0.language == tag && $0.text == name }) { return }
    let hasPreferred = terms.contains { $0.language == tag && $0.status == .preferred }
    let status: Term.Status = flag(4) && !hasPreferred && tag != Term.undetermined ? .preferred : .admitted
    let term = Term(language: tag, text: name, status: status, note: notes.isEmpty ? nil : notes.joined(separator: ", "))
    if tag != Term.undetermined, let i = terms.firstIndex(where: { $0.language == Term.undetermined && $0.text == name && $0.status == .admitted }) {
      terms[i] = term
    } else {
      terms.append(term)
    }
    state.concepts[c].terms = terms
  }

  /// The number in the second tab-separated field of `line`, read from the bytes.
  private static func secondFieldNumber(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let tab = line.firstIndex(of: 0x09) else { return nil }
    var value = 0
    var i = tab + 1
    while i < line.count, line[i] != 0x09 {
      let digit = line[i] &- 0x30
      guard digit < 10, value < Int.max / 10 else { return nil }
      value = value * 10 + Int(digit)
      i += 1
    }
    return i > tab + 1 ? value : nil
  }

  private static func subject(_ featureClass: String, _ code: String) -> String {
    let kind: String
    switch featureClass {
    case "A": kind = "country, state, region"
    case "H": kind = "stream, lake"
    case "L": kind = "parks, area"
    case "P": kind = "populated place"
    case "R": kind = "road, railroad"
    case "S": kind = "spot, building, farm"
    case "T": kind = "mountain, hill, rock"
    case "U": kind = "undersea"
    case "V": kind = "forest, heath"
    default: kind = "place"
    }
    return code.isEmpty ? kind : "\(kind) (\(featureClass).\(code))"
  }
}
