import Testing
import Segmentation

/// German news sentences, written for these tests.
@Suite struct GermanSegmentationTests {
  @Test func ordinalsAndDates() throws {
    #expect(try sentences("Der Prozess beginnt am 2. Juni in Koblenz. Die Anklage umfasst 40 Punkte.", "de") == [
      "Der Prozess beginnt am 2. Juni in Koblenz.", "Die Anklage umfasst 40 Punkte.",
    ])
    #expect(try sentences("Im 20. Jahrhundert wuchs die Stadt stark. Zum 3. Mal fand das Treffen statt.", "de") == [
      "Im 20. Jahrhundert wuchs die Stadt stark.", "Zum 3. Mal fand das Treffen statt.",
    ])
    #expect(try sentences("Bis zum 31.12.2023 gingen 1.200 Anträge ein. Das Amt öffnet um 8.30 Uhr.", "de") == [
      "Bis zum 31.12.2023 gingen 1.200 Anträge ein.", "Das Amt öffnet um 8.30 Uhr.",
    ])
    #expect(try sentences("Sie war die 1. Frau im Amt. Von 3. bis 5. Oktober tagt der Rat.", "de") == [
      "Sie war die 1. Frau im Amt.", "Von 3. bis 5. Oktober tagt der Rat.",
    ])
    #expect(try sentences("Die Lieferung kam erst am 14. Danach begann die Verteilung.", "de") == [
      "Die Lieferung kam erst am 14.", "Danach begann die Verteilung.",
    ])
  }

  @Test func numbersThatEndSentences() throws {
    #expect(try sentences("Die Mannschaft landete auf Rang 3. Das reichte nicht.", "de") == [
      "Die Mannschaft landete auf Rang 3.", "Das reichte nicht.",
    ])
    #expect(try sentences("Die Zahl der Toten stieg auf 45. Unter ihnen sind 12 Kinder.", "de") == [
      "Die Zahl der Toten stieg auf 45.", "Unter ihnen sind 12 Kinder.",
    ])
    #expect(try sentences("Er wurde 1990 Präsident. 1995 trat er zurück.", "de") == [
      "Er wurde 1990 Präsident.", "1995 trat er zurück.",
    ])
    #expect(try sentences("Der Kandidat war die Nr. 2. Trotzdem verlor er.", "de") == [
      "Der Kandidat war die Nr. 2.", "Trotzdem verlor er.",
    ])
  }

  @Test func romanNumeralsAndInitials() throws {
    #expect(try sentences("Unter Friedrich II. wuchs Preußen. Der König starb 1786.", "de") == [
      "Unter Friedrich II. wuchs Preußen.", "Der König starb 1786.",
    ])
    #expect(try sentences("Angeklagt ist Eyad A. Der Mann soll Gefangene misshandelt haben.", "de") == [
      "Angeklagt ist Eyad A.", "Der Mann soll Gefangene misshandelt haben.",
    ])
    #expect(try sentences("Richter Dr. Jürgen H. verlas das Urteil gegen Mohammed K. aus Homs.", "de") == [
      "Richter Dr. Jürgen H. verlas das Urteil gegen Mohammed K. aus Homs."
    ])
  }

  @Test func abbreviations() throws {
    #expect(try sentences("Geliefert wurden Zelte, Decken usw. Die Verteilung übernahm das Rote Kreuz.", "de") == [
      "Geliefert wurden Zelte, Decken usw.", "Die Verteilung übernahm das Rote Kreuz.",
    ])
    #expect(try sentences("Heute leben dort ca. 1,5 Mio. Menschen, d. h. mehr als je zuvor.", "de") == [
      "Heute leben dort ca. 1,5 Mio. Menschen, d. h. mehr als je zuvor."
    ])
    #expect(try sentences("Laut Art. 16a Abs. 1 GG genießen Verfolgte Asyl. Dies gilt u. a. für Syrer.", "de") == [
      "Laut Art. 16a Abs. 1 GG genießen Verfolgte Asyl.", "Dies gilt u. a. für Syrer.",
    ])
    #expect(try sentences("Die Hilfe kam vom Verein Lichtblick e. V. Dieser sammelt seit 2015 Spenden.", "de") == [
      "Die Hilfe kam vom Verein Lichtblick e. V.", "Dieser sammelt seit 2015 Spenden.",
    ])
    #expect(try sentences("Die Kosten trägt z.\u{00A0}T. der Bund, i. d. R. aber das Land.", "de") == [
      "Die Kosten trägt z.\u{00A0}T. der Bund, i. d. R. aber das Land."
    ])
    #expect(try sentences("Die Firma XY GmbH & Co. KG hat Insolvenz angemeldet. Prof. Weber ist skeptisch.", "de") == [
      "Die Firma XY GmbH & Co. KG hat Insolvenz angemeldet.", "Prof. Weber ist skeptisch.",
    ])
  }

  @Test func urlsMailAndAcronyms() throws {
    #expect(try sentences("Infos gibt es unter https://www.example.org/hilfe. Dort stehen auch Formulare.", "de") == [
      "Infos gibt es unter https://www.example.org/hilfe.", "Dort stehen auch Formulare.",
    ])
    #expect(try sentences("Fragen gehen an presse@example.de. Die Stelle antwortet schnell.", "de") == [
      "Fragen gehen an presse@example.de.", "Die Stelle antwortet schnell.",
    ])
    #expect(try sentences("Die Mission der UN bleibt. Auch die EU zahlt.", "de") == [
      "Die Mission der UN bleibt.", "Auch die EU zahlt.",
    ])
  }

  @Test func quotesEllipsesAndParentheses() throws {
    #expect(try sentences("Er sagte: „Wir geben nicht auf.“ Dann verließ er den Saal.", "de") == [
      "Er sagte: „Wir geben nicht auf.“", "Dann verließ er den Saal.",
    ])
    #expect(try sentences("„Wann kommt die Hilfe?“, fragte eine Frau. Niemand antwortete.", "de") == [
      "„Wann kommt die Hilfe?“, fragte eine Frau.", "Niemand antwortete.",
    ])
    #expect(try sentences("»Das ist ein Skandal!« rief der Abgeordnete. Die Sitzung ruhte.", "de") == [
      "»Das ist ein Skandal!« rief der Abgeordnete.", "Die Sitzung ruhte.",
    ])
    #expect(try sentences("Sie nannte es einen „Wendepunkt“. Die Opposition widersprach.", "de") == [
      "Sie nannte es einen „Wendepunkt“.", "Die Opposition widersprach.",
    ])
    #expect(try sentences("„Wir werden […] weiter helfen“, so die Sprecherin. Die Gespräche in Genf … Sie scheiterten.", "de") == [
      "„Wir werden […] weiter helfen“, so die Sprecherin.", "Die Gespräche in Genf …", "Sie scheiterten.",
    ])
    #expect(try sentences("Die Opposition (u. a. die Grünen) war dagegen. (Die Abstimmung folgt.) Danach ist Pause.", "de") == [
      "Die Opposition (u. a. die Grünen) war dagegen.", "(Die Abstimmung folgt.)", "Danach ist Pause.",
    ])
    #expect(try sentences("Die Lage in Aleppo ist ernst; die Versorgung: knapp.", "de") == [
      "Die Lage in Aleppo ist ernst; die Versorgung: knapp."
    ])
  }

  @Test func linesHeadlinesAndLists() throws {
    #expect(try sentences("Waffenruhe in Idlib\nDie Kämpfe sind am 5. März vorerst beendet.", "de") == [
      "Waffenruhe in Idlib", "Die Kämpfe sind am 5. März vorerst beendet.",
    ])
    #expect(try sentences("Die Ziele:\n1. Frieden schaffen.\n2. Dörfer aufbauen.", "de") == [
      "Die Ziele:", "1. Frieden schaffen.", "2. Dörfer aufbauen.",
    ])
    #expect(try sentences("Die Kämpfe gingen\nweiter. Dann kam die Waffenruhe.\n\nNeuer Absatz.", "de", joinLines: true) == [
      "Die Kämpfe gingen\nweiter.", "Dann kam die Waffenruhe.", "Neuer Absatz.",
    ])
    #expect(try sentences("Die Kämpfe gingen\nweiter.", "de") == ["Die Kämpfe gingen", "weiter."])
  }

  @Test func transliteratedNamesStartingLowercase() throws {
    #expect(try sentences("Die Kämpfe verlagerten sich nach Norden. al-Bab wurde eingenommen.", "de") == [
      "Die Kämpfe verlagerten sich nach Norden.", "al-Bab wurde eingenommen.",
    ])
  }
}
