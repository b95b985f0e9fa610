<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <source>Piano-roll MIDI editor</source>
        <translation>Pianorollen-MIDI-Editor</translation>
    </message>
    <message>
        <source>A .mid or plan file to open</source>
        <translation>Eine .mid- oder Plandatei zum Öffnen</translation>
    </message>
    <message>
        <source>Save a PNG of the window to &lt;png&gt; and quit</source>
        <translation>Ein PNG des Fensters nach &lt;png&gt; speichern und beenden</translation>
    </message>
</context>
<context>
    <name>pianola::app::MainWindow</name>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>&amp;Export MIDI...</source>
        <translation>MIDI &amp;exportieren …</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Pianola</source>
        <translation>Ü&amp;ber Pianola</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Pianola could not open this file:

%1</source>
        <translation>Pianola konnte diese Datei nicht öffnen:

%1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>MIDI files and plans (*.mid *.midi *.smf *.kar *.json);;All files (*)</source>
        <translation>MIDI-Dateien und Pläne (*.mid *.midi *.smf *.kar *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export MIDI</source>
        <translation>MIDI exportieren</translation>
    </message>
    <message>
        <source>MIDI files (*.mid)</source>
        <translation>MIDI-Dateien (*.mid)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>About Pianola</source>
        <translation>Über Pianola</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pianola %1&lt;/b&gt;&lt;p&gt;A piano-roll MIDI editor with an AI chat dock.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Pianola %1&lt;/b&gt;&lt;p&gt;Ein Pianorollen-MIDI-Editor mit KI-Chat.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>%1 - Pianola</source>
        <translation>%1 – Pianola</translation>
    </message>
    <message>
        <source>Opened %1: %2 tracks, %3 notes</source>
        <translation>%1 geöffnet: %2 Spuren, %3 Noten</translation>
    </message>
    <message numerus="yes">
        <source>(%n reader warning(s), listed in the log)</source>
        <translation>
            <numerusform>(%n Lesewarnung, im Protokoll aufgeführt)</numerusform>
            <numerusform>(%n Lesewarnungen, im Protokoll aufgeführt)</numerusform>
        </translation>
    </message>
    <message>
        <source>No sound: %1</source>
        <translation>Kein Ton: %1</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Play/Pause</source>
        <translation>Wiedergabe/Pause</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Schleife</translation>
    </message>
    <message>
        <source>Panic</source>
        <translation>Panik</translation>
    </message>
    <message>
        <source>All notes off on every channel</source>
        <translation>Alle Noten auf allen Kanälen aus</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Esc</source>
        <translation>Ctrl+Shift+Esc</translation>
    </message>
</context>
<context>
    <name>pianola::widgets::AnalysisPanel</name>
    <message>
        <source>Key</source>
        <translation>Tonart</translation>
    </message>
    <message>
        <source>Estimate:</source>
        <translation>Schätzung:</translation>
    </message>
    <message>
        <source>Also likely:</source>
        <translation>Ebenfalls möglich:</translation>
    </message>
    <message>
        <source>Pitch classes (duration, %)</source>
        <translation>Tonklassen (Dauer, %)</translation>
    </message>
    <message>
        <source>Velocities (notes)</source>
        <translation>Anschlagstärken (Noten)</translation>
    </message>
    <message>
        <source>Notes per bar</source>
        <translation>Noten pro Takt</translation>
    </message>
    <message>
        <source>Tempo (bpm over time)</source>
        <translation>Tempo (BPM im Verlauf)</translation>
    </message>
    <message>
        <source>No notes</source>
        <translation>Keine Noten</translation>
    </message>
    <message>
        <source>Chords</source>
        <translation>Akkorde</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Analysing...</source>
        <translation>Analyse läuft …</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 bpm · %3/%4 · %n note(s)</source>
        <translation>
            <numerusform>%1 · %2 BPM · %3/%4 · %n Note</numerusform>
            <numerusform>%1 · %2 BPM · %3/%4 · %n Noten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 minor</source>
        <translation>%1-Moll</translation>
    </message>
    <message>
        <source>%1 major</source>
        <translation>%1-Dur</translation>
    </message>
    <message>
        <source>No pitched notes</source>
        <translation>Keine Noten mit Tonhöhe</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (confidence %2%)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (Konfidenz %2 %)</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Send this request to the chat</source>
        <translation>Diese Anfrage an den Chat senden</translation>
    </message>
    <message>
        <source>Key changes:</source>
        <translation>Tonartwechsel:</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 ab %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>pianola::widgets::PlanOverview</name>
    <message>
        <source>No notes yet. Open a MIDI file or a plan (File &gt; Open), or drop one here.</source>
        <translation>Noch keine Noten. Öffnen Sie eine MIDI-Datei oder einen Plan (Datei &gt; Öffnen) oder ziehen Sie eine hierher.</translation>
    </message>
</context>
</TS>
