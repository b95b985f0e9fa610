#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Fills German translations into translations/pianola_de.ts from the table below (run after
# `cmake --build build --target pianola_lupdate`). Fails on any source text without a translation.
import html
import re
import sys

DE = {
    "Piano-roll MIDI editor": "Pianorollen-MIDI-Editor",
    "A .mid or plan file to open": "Eine .mid- oder Plandatei zum Öffnen",
    "Save a PNG of the window to <png> and quit": "Ein PNG des Fensters nach <png> speichern und beenden",
    "Ready": "Bereit",
    "&File": "&Datei",
    "&Open...": "Ö&ffnen …",
    "&Export MIDI...": "MIDI &exportieren …",
    "Ctrl+E": "Ctrl+E",
    "&Quit": "&Beenden",
    "&Help": "&Hilfe",
    "&About Pianola": "Ü&ber Pianola",
    "Cannot open file": "Datei kann nicht geöffnet werden",
    "Pianola could not open this file:\n\n%1": "Pianola konnte diese Datei nicht öffnen:\n\n%1",
    "Opened %1: %2 tracks, %3 notes": "%1 geöffnet: %2 Spuren, %3 Noten",
    "Open": "Öffnen",
    "MIDI files and plans (*.mid *.midi *.smf *.kar *.json);;All files (*)":
        "MIDI-Dateien und Pläne (*.mid *.midi *.smf *.kar *.json);;Alle Dateien (*)",
    "Export MIDI": "MIDI exportieren",
    "MIDI files (*.mid)": "MIDI-Dateien (*.mid)",
    "Export failed": "Export fehlgeschlagen",
    "Exported %1": "%1 exportiert",
    "About Pianola": "Über Pianola",
    "<b>Pianola %1</b><p>A piano-roll MIDI editor with an AI chat dock.</p>":
        "<b>Pianola %1</b><p>Ein Pianorollen-MIDI-Editor mit KI-Chat.</p>",
    "Untitled": "Unbenannt",
    "%1 - Pianola": "%1 – Pianola",
    "No notes yet. Open a MIDI file or a plan (File > Open), or drop one here.":
        "Noch keine Noten. Öffnen Sie eine MIDI-Datei oder einen Plan (Datei > Öffnen) oder ziehen Sie eine hierher.",
    "No sound: %1": "Kein Ton: %1",
    "Transport": "Transport",
    "Play/Pause": "Wiedergabe/Pause",
    "Stop": "Stopp",
    "Loop": "Schleife",
    "Panic": "Panik",
    "All notes off on every channel": "Alle Noten auf allen Kanälen aus",
    "Ctrl+Shift+Esc": "Ctrl+Shift+Esc",
    "Key": "Tonart",
    "Estimate:": "Schätzung:",
    "Also likely:": "Ebenfalls möglich:",
    "Pitch classes (duration, %)": "Tonklassen (Dauer, %)",
    "Velocities (notes)": "Anschlagstärken (Noten)",
    "Notes per bar": "Noten pro Takt",
    "Tempo (bpm over time)": "Tempo (BPM im Verlauf)",
    "No notes": "Keine Noten",
    "Chords": "Akkorde",
    "Summary": "Zusammenfassung",
    "Analysing...": "Analyse läuft …",
    "%1 minor": "%1-Moll",
    "%1 major": "%1-Dur",
    "No pitched notes": "Keine Noten mit Tonhöhe",
    "<b>%1</b> (confidence %2%)": "<b>%1</b> (Konfidenz %2 %)",
    "%1 (%2%)": "%1 (%2 %)",
    "%1 to %2": "%1 bis %2",
    "Apply": "Anwenden",
    "Send this request to the chat": "Diese Anfrage an den Chat senden",
    "Key changes:": "Tonartwechsel:",
    "%1 from %2": "%1 ab %2",
    "none": "keine",
}
PLURAL = {
    "%1 · %2 bpm · %3/%4 · %n note(s)":
        ("%1 · %2 BPM · %3/%4 · %n Note", "%1 · %2 BPM · %3/%4 · %n Noten"),
    "(%n reader warning(s), listed in the log)":
        ("(%n Lesewarnung, im Protokoll aufgeführt)", "(%n Lesewarnungen, im Protokoll aufgeführt)"),
}

path = sys.argv[1] if len(sys.argv) > 1 else "translations/pianola_de.ts"
text = open(path, encoding="utf-8").read()
missing = []


def fill(match):
    source = html.unescape(match.group(2))
    block = match.group(0)
    if source in PLURAL:
        one, many = (html.escape(s, quote=False) for s in PLURAL[source])
        tr = ("<translation>\n            <numerusform>%s</numerusform>\n"
              "            <numerusform>%s</numerusform>\n        </translation>" % (one, many))
    elif source in DE:
        tr = "<translation>%s</translation>" % html.escape(DE[source], quote=False)
    else:
        missing.append(source)
        return block
    return re.sub(r"<translation[^>]*>.*?</translation>|<translation[^>]*/>", tr, block, flags=re.S)


text = re.sub(r"(<message[^>]*>\s*<source>)(.*?)(</source>.*?</message>)", fill, text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
if missing:
    sys.exit("no German translation for: " + "; ".join(missing))
