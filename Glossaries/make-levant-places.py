#!/usr/bin/env python3
"""Generates levant-places.tbx (TBX 2019, TBX-Basic) from the hand-written table levant-places.table,
and the same glossary as TSV inside Sources/Glossary/LevantPlaces.swift (`Glossary.levantPlaces`), so the
default glossary is compiled into every binary.

Usage: python3 Glossaries/make-levant-places.py

The output has the same layout as `glossa glossary convert --to tbx`, so converting it again changes nothing.
The script stops with the line number when a line is malformed or a term repeats within a concept and language.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LANGUAGES = ["de", "en", "fr", "ar"]
SUBJECTS = {
    "country": "country", "region": "region", "desert": "desert", "river": "river", "lake": "lake",
    "gov-SY": "governorate", "gov-IQ": "governorate", "city-SY": "populated place", "city-IQ": "populated place",
}
NOTES = {
    "gov-SY": "governorate of Syria", "gov-IQ": "governorate of Iraq",
    "city-SY": "town in Syria", "city-IQ": "town in Iraq",
}


def fail(number, message):
    sys.exit(f"levant-places.table:{number}: error: {message}")


def french_of(name):
    """'de X', or "d'X" before a vowel or a mute h."""
    return f"d'{name}" if name[0].lower() in "aeiouyéèâh" else f"de {name}"


def governorate_terms(language, names):
    """Preferred and admitted terms of a governorate from its bare names."""
    first, rest = names[0], names[1:]
    if language == "de":
        preferred = f"Gouvernement {first}"
        admitted = [f"Provinz {first}"] + [t for n in rest for t in (f"Gouvernement {n}", f"Provinz {n}")]
    elif language == "en":
        preferred = f"{first} Governorate"
        admitted = [f"{first} Province"] + [t for n in rest for t in (f"{n} Governorate", f"{n} Province")]
    elif language == "fr":
        preferred = f"gouvernorat {french_of(first)}"
        admitted = [f"province {french_of(first)}"] + [t for n in rest for t in (f"gouvernorat {french_of(n)}", f"province {french_of(n)}")]
    else:
        preferred = f"محافظة {first}"
        admitted = [f"محافظة {n}" for n in rest]
    return [(preferred, "preferred")] + [(t, "admitted") for t in admitted]


def language_terms(field):
    """'Preferred; a, b, !c' -> [(Preferred, preferred), (a, admitted), (b, admitted), (c, deprecated)]."""
    head, _, tail = field.partition(";")
    terms = [(head.strip(), "preferred")]
    for name in (n.strip() for n in tail.split(",")):
        if not name:
            continue
        terms.append((name[1:], "deprecated") if name.startswith("!") else (name, "admitted"))
    return terms


def read_table(path):
    concepts = []
    seen_ids = set()
    with open(path, encoding="utf-8") as table:
        for number, line in enumerate(table, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            fields = [f.strip() for f in line.split(" | ")]
            if len(fields) != 2 + len(LANGUAGES):
                fail(number, f"expected {2 + len(LANGUAGES)} fields separated by ' | ', found {len(fields)}")
            kind, concept_id = fields[0], fields[1]
            if kind not in SUBJECTS:
                fail(number, f"unknown kind '{kind}'")
            if concept_id in seen_ids:
                fail(number, f"concept id '{concept_id}' used twice")
            seen_ids.add(concept_id)
            terms = []
            for language, field in zip(LANGUAGES, fields[2:]):
                if kind.startswith("gov-"):
                    head, _, tail = field.partition(";")
                    names = [head.strip()] + [n.strip() for n in tail.split(",") if n.strip()]
                    entries = governorate_terms(language, names)
                else:
                    entries = language_terms(field)
                texts = set()
                for text, status in entries:
                    if not text:
                        fail(number, f"empty {language} term")
                    if text in texts:
                        fail(number, f"'{text}' listed twice in {language}")
                    texts.add(text)
                    terms.append((language, text, status))
            references = {"geonames": concept_id[4:]} if concept_id.startswith("geo:") else {}
            notes = [NOTES[kind]] if kind in NOTES else []
            concepts.append((concept_id, SUBJECTS[kind], references, notes, terms))
    return concepts


def escape(text, quoted=False):
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if quoted else text


def write_tbx(concepts, path):
    status_values = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts", "deprecated": "deprecatedTerm-admn-sts"}
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">',
           "  <tbxHeader>", "    <fileDesc>", "      <sourceDesc>",
           "        <p>Levant places: Syrian and Iraqi places, rivers, regions and neighbouring countries in German, English, French and Arabic, "
           "with the transliterations the press uses. Generated from Glossaries/levant-places.table by make-levant-places.py. "
           "GeoNames ids from GeoNames (geonames.org), CC BY 4.0.</p>",
           "      </sourceDesc>", "    </fileDesc>", "  </tbxHeader>", "  <text>", "    <body>"]
    for concept_id, subject, references, notes, terms in concepts:
        out.append(f'      <conceptEntry id="{escape(concept_id, True)}">')
        out.append(f'        <descrip type="subjectField">{escape(subject)}</descrip>')
        for scheme, value in sorted(references.items()):
            out.append(f'        <xref type="externalCrossReference" target="https://www.geonames.org/{value}">{scheme}:{value}</xref>')
        for note in notes:
            out.append(f"        <note>{escape(note)}</note>")
        for language in LANGUAGES:
            out.append(f'        <langSec xml:lang="{language}">')
            for lang, text, status in terms:
                if lang != language:
                    continue
                out += ["          <termSec>", f"            <term>{escape(text)}</term>",
                        f'            <termNote type="administrativeStatus">{status_values[status]}</termNote>', "          </termSec>"]
            out.append("        </langSec>")
        out.append("      </conceptEntry>")
    out += ["    </body>", "  </text>", "</tbx>", ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def write_swift(concepts, path):
    """The glossary as TSV (the layout of `glossa glossary convert --to tsv`) in a Swift raw string literal."""
    rows = ["concept\tlang\tterm\tstatus\tref\tsubject\tconcept_note"]
    for concept_id, subject, references, notes, terms in concepts:
        ordered = [t for language in LANGUAGES for t in terms if t[0] == language]
        refs = " ".join(f"{scheme}:{value}" for scheme, value in sorted(references.items()))
        for i, (language, text, status) in enumerate(ordered):
            rows.append("\t".join([concept_id, language, text, status, refs if i == 0 else "",
                                   subject if i == 0 else "", notes[i] if i < len(notes) else ""]))
    tsv = "\n".join(rows) + "\n"
    assert '"""#' not in tsv
    with open(path, "w", encoding="utf-8") as f:
        f.write("// Generated by Glossaries/make-levant-places.py from Glossaries/levant-places.table. Do not edit.\n\n")
        f.write("extension Glossary {\n")
        f.write("  /// The shipped glossary of Syrian and Iraqi places (`Glossaries/levant-places.tbx`), compiled in, so the\n")
        f.write("  /// default glossary needs no file at run time. Contains data from GeoNames (geonames.org), CC BY 4.0.\n")
        f.write("  public static let levantPlaces: Glossary = {\n")
        f.write("    do {\n")
        f.write("      return try Glossary.read(levantPlacesTSV, file: \"levant-places\", format: .tsv)\n")
        f.write("    } catch {\n")
        f.write("      preconditionFailure(\"the compiled-in glossary does not read: \\(error)\")\n")
        f.write("    }\n")
        f.write("  }()\n")
        f.write("}\n\n")
        f.write("private let levantPlacesTSV = #\"\"\"\n")
        f.write(tsv)
        f.write("\"\"\"#\n")


if __name__ == "__main__":
    concepts = read_table(os.path.join(HERE, "levant-places.table"))
    write_tbx(concepts, os.path.join(HERE, "levant-places.tbx"))
    write_swift(concepts, os.path.join(HERE, "..", "Sources", "Glossary", "LevantPlaces.swift"))
    print(f"levant-places.tbx: {len(concepts)} concepts, {sum(len(c[4]) for c in concepts)} terms")
