@testable import Alignment
import Foundation
import Glossary
import Testing

@Suite struct FormTableBuilderTests {
  private func add(_ builder: inout FormTableBuilder, _ form: String, _ entry: Int32, _ concept: Int32) {
    var form = form
    form.withUTF8 { builder.add($0, entry: entry, concept: concept) }
  }

  private func list(_ table: FormTable, _ form: String) -> [Int32]? { table[form] }

  @Test func listsKeepOneEntryPerConceptInOrder() {
    var builder = FormTableBuilder()
    add(&builder, "hasaka", 0, 0)
    add(&builder, "hasaka", 1, 0)
    add(&builder, "dair sur", 2, 1)
    add(&builder, "hasaka", 3, 2)
    add(&builder, "", 4, 2)
    let table = builder.table()
    #expect(table.count == 2)
    #expect(list(table, "hasaka") == [0, 3])
    #expect(list(table, "dair sur") == [2])
    #expect(list(table, "") == nil)
    #expect(list(table, "hasak") == nil)
  }

  @Test func appendingAPartGivesTheSerialTable() {
    // Enough forms that the tables grow several times.
    let forms = (0..<5000).map { "form\($0 % 1700)" }
    var serial = FormTableBuilder()
    for (entry, form) in forms.enumerated() { add(&serial, form, Int32(entry), Int32(entry / 3)) }
    var first = FormTableBuilder(), second = FormTableBuilder()
    for (entry, form) in forms.enumerated() {
      if entry < 2400 {
        add(&first, form, Int32(entry), Int32(entry / 3))
      } else {
        add(&second, form, Int32(entry - 2400), Int32(entry / 3))
      }
    }
    first.append(second, entryOffset: 2400)
    let expected = serial.table(), joined = first.table()
    #expect(joined.slots == expected.slots)
    #expect(joined.formStarts == expected.formStarts)
    #expect(joined.bytes == expected.bytes)
    #expect(joined.valueStarts == expected.valueStarts)
    #expect(joined.values == expected.values)
    #expect(list(joined, "form5") == [5, 1705, 3405])
  }

  @Test func addFirstKeepsTheFirstValue() {
    var builder = FormTableBuilder()
    for (value, id) in ["geo:1", "geo:2", "geo:1"].enumerated() {
      var id = id
      id.withUTF8 { builder.addFirst($0, value: Int32(value)) }
    }
    let table = builder.table()
    #expect(list(table, "geo:1") == [0])
    #expect(list(table, "geo:2") == [1])
  }

  @Test func reservedSlotsGiveTheSameTable() {
    let forms = (0..<3000).map { "form\($0 % 2100)" }
    var plain = FormTableBuilder(), reserved = FormTableBuilder()
    reserved.reserveSlots(forms: 2100)
    #expect(reserved.slotCount == FormTable.capacity(forms: 2100))
    for (entry, form) in forms.enumerated() {
      add(&plain, form, Int32(entry), Int32(entry))
      add(&reserved, form, Int32(entry), Int32(entry))
    }
    let expected = plain.table(), table = reserved.table()
    #expect(table.slots == expected.slots)
    #expect(table.formStarts == expected.formStarts)
    #expect(table.values == expected.values)
    #expect(Array(table.slots) == FormTable.slots(expected.formStarts.indices.dropLast().map { number in
      FormHasher.hash(expected.form(number))
    }, capacity: FormTable.capacity(forms: 2100)))
  }

  @Test func filterCountsAreTheNumberOfHashesInserted() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let shipped = try Glossary.load(contentsOf: root.appendingPathComponent("Glossaries/levant-places.tbx").path)
    let geoNamesLike = try Glossary.read(ParallelBuildTests.geoNamesLike, format: .tsv)
    for glossary in [geoNamesLike, shipped] {
      try checkFilterCounts(glossary)
    }
  }

  private func checkFilterCounts(_ glossary: Glossary) throws {
    for options in [TermIndex.Options(), TermIndex.Options(minimumFuzzyLength: nil)] {
      let part = try TermIndex.buildPart(glossary, concepts: glossary.concepts.indices, rules: .standard, options: options)
      let tables = (0..<TermIndex.Part.tableCount).map { TermIndex.mergeTable([part], $0) }
      for kind in 0..<TermIndex.Filter.count {
        var hashes = 0
        TermIndex.forEachFilterHash(kind, tables: tables, parts: [part], options: options) { _ in hashes += 1 }
        #expect(TermIndex.filterCount(kind, tables: tables, parts: [part], options: options) == hashes, "filter \(kind)")
      }
    }
  }

  /// A table of no forms (a glossary without Arabic terms has no Arabic table) is the empty table.
  @Test func anEmptyBuilderGivesTheEmptyTable() {
    let table = FormTableBuilder().table(), empty = FormTable()
    #expect(table.count == 0)
    #expect(Array(table.formStarts) == [0])
    #expect(Array(table.valueStarts) == [0])
    #expect(table.values.isEmpty)
    #expect(Array(table.slots) == Array(repeating: 0, count: table.slots.count))
    #expect(table.formStarts == empty.formStarts && table.valueStarts == empty.valueStarts)
    #expect(table.lookup(Array("Tabqa".utf8)) == nil)
  }

}
