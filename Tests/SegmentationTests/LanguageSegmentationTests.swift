import Testing
import Segmentation

/// News sentences in the other languages with shipped rules, written for these tests.
@Suite struct LanguageSegmentationTests {
  @Test func english() throws {
    #expect(try sentences("Gen. David Miller met Iraqi officials on Monday. He left on Tuesday.", "en") == [
      "Gen. David Miller met Iraqi officials on Monday.", "He left on Tuesday.",
    ])
    #expect(try sentences("The meeting ended at 5 p.m. The delegation flew home.", "en") == [
      "The meeting ended at 5 p.m.", "The delegation flew home.",
    ])
    #expect(try sentences("She moved to the U.S. in 2015. The U.S. Embassy helped her.", "en") == [
      "She moved to the U.S. in 2015.", "The U.S. Embassy helped her.",
    ])
    #expect(try sentences("\"We will not leave,\" said Ahmed. \"This is our home.\"", "en") == [
      "\"We will not leave,\" said Ahmed.", "\"This is our home.\"",
    ])
    #expect(try sentences("He was ranked No. 1 in the world. No. That was never true.", "en") == [
      "He was ranked No. 1 in the world.", "No.", "That was never true.",
    ])
    #expect(try sentences("Did they agree? Not yet, officials said. The report (see p. 12) lists 40 cases.", "en") == [
      "Did they agree?", "Not yet, officials said.", "The report (see p. 12) lists 40 cases.",
    ])
  }

  @Test func french() throws {
    #expect(try sentences("Le ministre a parlé. « Nous restons ici. » Puis il est parti.", "fr") == [
      "Le ministre a parlé.", "« Nous restons ici. »", "Puis il est parti.",
    ])
    #expect(try sentences("M. Dupont a rencontré Mme Laurent, cf. p. 4. Ils ont signé l'accord.", "fr") == [
      "M. Dupont a rencontré Mme Laurent, cf. p. 4.", "Ils ont signé l'accord.",
    ])
  }

  @Test func spanish() throws {
    #expect(try sentences("El Sr. García llegó a Madrid. ¿Habrá un acuerdo? Nadie lo sabe.", "es") == [
      "El Sr. García llegó a Madrid.", "¿Habrá un acuerdo?", "Nadie lo sabe.",
    ])
    #expect(try sentences("La ayuda llegó de EE. UU. y de Europa, p. ej. de Francia.", "es") == [
      "La ayuda llegó de EE. UU. y de Europa, p. ej. de Francia."
    ])
  }

  @Test func italian() throws {
    #expect(try sentences("Il Dott. Rossi ha parlato ieri. Il governo ha approvato il piano.", "it") == [
      "Il Dott. Rossi ha parlato ieri.", "Il governo ha approvato il piano.",
    ])
    #expect(try sentences("Sono arrivati viveri, coperte ecc. La distribuzione inizia domani.", "it") == [
      "Sono arrivati viveri, coperte ecc.", "La distribuzione inizia domani.",
    ])
  }

  @Test func dutch() throws {
    #expect(try sentences("Dhr. Jansen sprak bijv. over de kosten. De raad stemde in.", "nl") == [
      "Dhr. Jansen sprak bijv. over de kosten.", "De raad stemde in.",
    ])
    #expect(try sentences("Er kwamen tenten, dekens enz. Het Rode Kruis verdeelt ze.", "nl") == [
      "Er kwamen tenten, dekens enz.", "Het Rode Kruis verdeelt ze.",
    ])
  }

  @Test func portuguese() throws {
    #expect(try sentences("O Sr. Silva chegou a Lisboa. A reunião começa amanhã.", "pt") == [
      "O Sr. Silva chegou a Lisboa.", "A reunião começa amanhã.",
    ])
    #expect(try sentences("Foram enviados alimentos, remédios etc. A distribuição começou.", "pt") == [
      "Foram enviados alimentos, remédios etc.", "A distribuição começou.",
    ])
  }

  @Test func polish() throws {
    #expect(try sentences("Prof. Nowak mówił m.in. o budżecie. Następnie głosowano.", "pl") == [
      "Prof. Nowak mówił m.in. o budżecie.", "Następnie głosowano.",
    ])
    #expect(try sentences("Ustawa weszła w życie w 2020 r. Rząd ją popiera.", "pl") == [
      "Ustawa weszła w życie w 2020 r.", "Rząd ją popiera.",
    ])
  }

  @Test func russian() throws {
    #expect(try sentences("Он приехал в 2020 г. Правительство одобрило план.", "ru") == [
      "Он приехал в 2020 г.", "Правительство одобрило план.",
    ])
    #expect(try sentences("А. С. Пушкин родился в Москве, т. е. в столице. Это известно всем.", "ru") == [
      "А. С. Пушкин родился в Москве, т. е. в столице.", "Это известно всем.",
    ])
  }

  @Test func arabic() throws {
    #expect(try sentences("هل ستعود اللجنة؟ قال المتحدث، إن الاجتماع انتهى. وصل د. أحمد إلى دمشق.", "ar") == [
      "هل ستعود اللجنة؟", "قال المتحدث، إن الاجتماع انتهى.", "وصل د. أحمد إلى دمشق.",
    ])
  }

  @Test func chinese() throws {
    #expect(try sentences("代表团昨天抵达大马士革。会谈将持续三天！结果如何？目前还不清楚。", "zh") == [
      "代表团昨天抵达大马士革。", "会谈将持续三天！", "结果如何？", "目前还不清楚。",
    ])
    #expect(try sentences("他说：“我们会留下。”会议随后结束。", "zh") == ["他说：“我们会留下。”", "会议随后结束。"])
  }

  @Test func japanese() throws {
    #expect(try sentences("代表団は昨日ダマスカスに到着した。会談は三日間続く。", "ja") == [
      "代表団は昨日ダマスカスに到着した。", "会談は三日間続く。",
    ])
    #expect(try sentences("首相は「支援を続けます。」と述べた。詳細は未定だ。", "ja") == [
      "首相は「支援を続けます。」と述べた。", "詳細は未定だ。",
    ])
  }

  @Test func shippedRulesLoad() throws {
    for language in ["de", "en", "fr", "es", "it", "nl", "pt", "pl", "ru", "ar", "zh", "ja"] {
      #expect(SentenceRules.builtInLanguages.contains(language))
      _ = try SentenceRules.builtIn(for: language)
    }
    #expect(try SentenceRules.builtIn(for: "de").counts["abbreviations"]! > 200)
    #expect(try SentenceRules.builtIn(for: "de-AT").kind(ofAbbreviation: "z. B.") == .inner)
    #expect(try SentenceRules.builtIn(for: "de").kind(ofAbbreviation: "usw.") == .mayEndSentence)
    #expect(try SentenceRules.builtIn(for: "en").kind(ofAbbreviation: "Mr.") == .title)
  }
}
