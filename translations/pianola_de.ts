<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source> (not found)</source>
        <translation> (nicht gefunden)</translation>
    </message>
</context>
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
    <message>
        <source>Ask the chat for &lt;text&gt; at start</source>
        <translation>Beim Start den Chat nach &lt;text&gt; fragen</translation>
    </message>
    <message>
        <source>Start playing at start</source>
        <translation>Beim Start abspielen</translation>
    </message>
    <message>
        <source>Restore the unsaved work of recovery file &lt;id&gt;</source>
        <translation>Die ungesicherte Arbeit der Wiederherstellungsdatei &lt;id&gt; wiederherstellen</translation>
    </message>
    <message>
        <source>Open the window at &lt;width&gt;x&lt;height&gt; pixels</source>
        <translation>Das Fenster mit &lt;Breite&gt;x&lt;Höhe&gt; Pixeln öffnen</translation>
    </message>
    <message>
        <source>Show the dock &lt;name&gt; (takes, history, chat, analysis) on top</source>
        <translation>Das Dock &lt;Name&gt; (takes, history, chat, analysis) nach vorn holen</translation>
    </message>
</context>
<context>
    <name>pianola::app::AnalysisController</name>
    <message>
        <source>Asking the language model for an interpretation...</source>
        <translation>Frage das Sprachmodell nach einer Deutung …</translation>
    </message>
    <message>
        <source>Interpretation from %1</source>
        <translation>Deutung von %1</translation>
    </message>
    <message>
        <source>it speaks of drums; the analysis found no drums</source>
        <translation>sie spricht von Schlagzeug; die Analyse fand kein Schlagzeug</translation>
    </message>
    <message>
        <source>it says there are no drums; the analysis found 1 drum hit</source>
        <translation>sie sagt, es gebe kein Schlagzeug; die Analyse fand 1 Schlagzeugschlag</translation>
    </message>
    <message>
        <source>it says there are no drums; the analysis found %1 drum hits</source>
        <translation>sie sagt, es gebe kein Schlagzeug; die Analyse fand %1 Schlagzeugschläge</translation>
    </message>
    <message>
        <source>it says %1; the analysis estimates %2</source>
        <translation>sie sagt %1; die Analyse schätzt %2</translation>
    </message>
    <message>
        <source>it says %1 bpm; the analysis measured %2 bpm</source>
        <translation>sie sagt %1 BPM; die Analyse maß %2 BPM</translation>
    </message>
    <message>
        <source>it says %1; the piece is in %2/%3</source>
        <translation>sie sagt %1; das Stück steht im %2/%3-Takt</translation>
    </message>
</context>
<context>
    <name>pianola::app::ChatController</name>
    <message>
        <source>(deleted take)</source>
        <translation>(gelöschter Take)</translation>
    </message>
    <message>
        <source>A variation of %1.</source>
        <translation>Eine Variation von %1.</translation>
    </message>
    <message>
        <source>Chat: %1</source>
        <translation>Chat: %1</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>OpenAI-compatible</source>
        <translation>OpenAI-kompatibel</translation>
    </message>
    <message>
        <source>Anthropic</source>
        <translation>Anthropic</translation>
    </message>
    <message>
        <source>Ollama</source>
        <translation>Ollama</translation>
    </message>
    <message>
        <source>Regenerate: %1</source>
        <translation>Neu generieren: %1</translation>
    </message>
    <message>
        <source>Offline generator</source>
        <translation>Offline-Generator</translation>
    </message>
    <message>
        <source>The analysed take &quot;%1&quot; has no notes to change; nothing was changed.</source>
        <translation>Der analysierte Take „%1“ hat keine Noten zum Ändern; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The analysed take is no longer in the project; nothing was changed.</source>
        <translation>Der analysierte Take ist nicht mehr im Projekt; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>waiting for the first words</source>
        <translation>warte auf die ersten Worte</translation>
    </message>
    <message>
        <source>%1; retrying in %2 s, %3 of %4</source>
        <translation>%1; neuer Versuch in %2 s, %3 von %4</translation>
    </message>
    <message>
        <source>understood so far: %1</source>
        <translation>bisher verstanden: %1</translation>
    </message>
    <message>
        <source>receiving: 1 note so far</source>
        <translation>empfange: bisher 1 Note</translation>
    </message>
    <message>
        <source>receiving: %1 notes so far</source>
        <translation>empfange: bisher %1 Noten</translation>
    </message>
    <message>
        <source>receiving: %1 characters</source>
        <translation>empfange: %1 Zeichen</translation>
    </message>
    <message>
        <source>correction %1: %2</source>
        <translation>Korrektur %1: %2</translation>
    </message>
    <message>
        <source>%1 · %2 s · %3</source>
        <translation>%1 · %2 s · %3</translation>
    </message>
    <message>
        <source>Corrected: %1.</source>
        <translation>Korrigiert: %1.</translation>
    </message>
    <message>
        <source>Not as you asked: %1 — you asked %2, the take has %3.</source>
        <translation>Nicht wie gewünscht: %1 — gewünscht %2, der Take hat %3.</translation>
    </message>
    <message>
        <source>1 take from %1.</source>
        <translation>1 Take von %1.</translation>
    </message>
    <message>
        <source>%1 takes from %2.</source>
        <translation>%1 Takes von %2.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was kept.</source>
        <translation>Abgebrochen; nichts wurde behalten.</translation>
    </message>
    <message>
        <source>1 take from the offline generator.</source>
        <translation>1 Take vom Offline-Generator.</translation>
    </message>
    <message>
        <source>%1 takes from the offline generator.</source>
        <translation>%1 Takes vom Offline-Generator.</translation>
    </message>
    <message>
        <source>It is playing now.</source>
        <translation>Er spielt jetzt.</translation>
    </message>
    <message>
        <source>The first one is playing now.</source>
        <translation>Der erste spielt jetzt.</translation>
    </message>
    <message>
        <source>It is in the editor; the transport runs, but nothing sounds (no audio device or MIDI output: see Preferences).</source>
        <translation>Er ist im Editor; der Transport läuft, aber nichts klingt (kein Audiogerät und kein MIDI-Ausgang: siehe Einstellungen).</translation>
    </message>
    <message>
        <source>The first one is in the editor; the transport runs, but nothing sounds (no audio device or MIDI output: see Preferences).</source>
        <translation>Der erste ist im Editor; der Transport läuft, aber nichts klingt (kein Audiogerät und kein MIDI-Ausgang: siehe Einstellungen).</translation>
    </message>
    <message>
        <source>It is in the editor, ready — press Space to play.</source>
        <translation>Er ist im Editor, bereit — Leertaste spielt ihn ab.</translation>
    </message>
    <message>
        <source>The first one is in the editor, ready — press Space to play.</source>
        <translation>Der erste ist im Editor, bereit — Leertaste spielt ihn ab.</translation>
    </message>
</context>
<context>
    <name>pianola::app::ChordActions</name>
    <message>
        <source>C&amp;hords</source>
        <translation>A&amp;kkorde</translation>
    </message>
    <message>
        <source>&amp;Detect chords</source>
        <translation>Akkor&amp;de erkennen</translation>
    </message>
    <message>
        <source>&amp;Refit the take to the chords</source>
        <translation>Take an die Akkorde &amp;anpassen</translation>
    </message>
    <message>
        <source>Refit the current &amp;track to the chords</source>
        <translation>Aktuelle &amp;Spur an die Akkorde anpassen</translation>
    </message>
    <message>
        <source>Refit the &amp;selection to the chords</source>
        <translation>Au&amp;swahl an die Akkorde anpassen</translation>
    </message>
    <message>
        <source>&amp;Harmonize the current track</source>
        <translation>Aktuelle Spur &amp;harmonisieren</translation>
    </message>
    <message>
        <source>Trans&amp;pose the take...</source>
        <translation>Take trans&amp;ponieren …</translation>
    </message>
    <message>
        <source>Current track &amp;follows the chord track</source>
        <translation>Aktuelle Spur &amp;folgt der Akkordspur</translation>
    </message>
    <message>
        <source>Nothing to detect chords from: the take has no notes</source>
        <translation>Keine Akkorde zu erkennen: der Take hat keine Noten</translation>
    </message>
    <message>
        <source>No chords were recognized in these notes</source>
        <translation>In diesen Noten wurden keine Akkorde erkannt</translation>
    </message>
    <message>
        <source>Detect chords</source>
        <translation>Akkorde erkennen</translation>
    </message>
    <message numerus="yes">
        <source>%n chord(s) detected: edit them in the chord lane above the ruler</source>
        <translation>
            <numerusform>%n Akkord erkannt: bearbeiten Sie ihn in der Akkordleiste über dem Lineal</numerusform>
            <numerusform>%n Akkorde erkannt: bearbeiten Sie sie in der Akkordleiste über dem Lineal</numerusform>
        </translation>
    </message>
    <message>
        <source>The take has no chord track: detect or write chords first</source>
        <translation>Der Take hat keine Akkordspur: erkennen oder schreiben Sie zuerst Akkorde</translation>
    </message>
    <message>
        <source>Select the notes to refit first</source>
        <translation>Wählen Sie zuerst die anzupassenden Noten aus</translation>
    </message>
    <message>
        <source>No pitched part to refit</source>
        <translation>Keine Stimme mit Tonhöhe zum Anpassen</translation>
    </message>
    <message>
        <source>The parts already follow the chords: nothing changed</source>
        <translation>Die Stimmen folgen den Akkorden bereits: nichts geändert</translation>
    </message>
    <message>
        <source>refit to chords</source>
        <translation>an Akkorde angepasst</translation>
    </message>
    <message>
        <source>Refit to chords</source>
        <translation>An die Akkorde anpassen</translation>
    </message>
    <message>
        <source>No take to harmonize</source>
        <translation>Kein Take zum Harmonisieren</translation>
    </message>
    <message>
        <source>No melody to harmonize: draw or record one first</source>
        <translation>Keine Melodie zum Harmonisieren: zeichnen oder nehmen Sie zuerst eine auf</translation>
    </message>
    <message>
        <source>harmonized %1</source>
        <translation>harmonisiert %1</translation>
    </message>
    <message>
        <source>Harmonize</source>
        <translation>Harmonisieren</translation>
    </message>
    <message>
        <source>Not transposed: %1</source>
        <translation>Nicht transponiert: %1</translation>
    </message>
    <message>
        <source>Transpose take</source>
        <translation>Take transponieren</translation>
    </message>
    <message>
        <source>Transpose the take</source>
        <translation>Den Take transponieren</translation>
    </message>
    <message>
        <source>Semitones (the chord track and key move too; drums stay):</source>
        <translation>Halbtöne (Akkordspur und Tonart wandern mit; Schlagzeug bleibt):</translation>
    </message>
    <message>
        <source>Follow the chord track</source>
        <translation>Der Akkordspur folgen</translation>
    </message>
    <message>
        <source>Stop following the chord track</source>
        <translation>Der Akkordspur nicht mehr folgen</translation>
    </message>
    <message>
        <source>No take to change</source>
        <translation>Kein Take zum Ändern</translation>
    </message>
    <message>
        <source>The take has no bar %1</source>
        <translation>Der Take hat keinen Takt %1</translation>
    </message>
    <message>
        <source>No chord in bar %1 to change</source>
        <translation>Kein Akkord in Takt %1 zum Ändern</translation>
    </message>
    <message>
        <source>bar %1 %2</source>
        <translation>Takt %1 %2</translation>
    </message>
    <message numerus="yes">
        <source>I filled the chord track with %n chord(s) from the notes; edit them in the chord lane.</source>
        <translation>
            <numerusform>Ich habe die Akkordspur mit %n Akkord aus den Noten gefüllt; bearbeiten Sie ihn in der Akkordleiste.</numerusform>
            <numerusform>Ich habe die Akkordspur mit %n Akkorden aus den Noten gefüllt; bearbeiten Sie sie in der Akkordleiste.</numerusform>
        </translation>
    </message>
    <message>
        <source>The parts that follow the chord track now play its chords (a new take; the old one is its parent).</source>
        <translation>Die Stimmen, die der Akkordspur folgen, spielen jetzt ihre Akkorde (ein neuer Take; der alte ist sein Vorgänger).</translation>
    </message>
    <message numerus="yes">
        <source>%n chord track(s) for the melody, plainest first, one take each.</source>
        <translation>
            <numerusform>%n Akkordspur für die Melodie, die schlichteste zuerst, je ein Take.</numerusform>
            <numerusform>%n Akkordspuren für die Melodie, die schlichteste zuerst, je ein Take.</numerusform>
        </translation>
    </message>
    <message>
        <source>Bar %1 changed in the chord track, and the following parts refit to it.</source>
        <translation>Takt %1 in der Akkordspur geändert, die folgenden Stimmen daran angepasst.</translation>
    </message>
    <message>
        <source>&amp;Parts follow chord edits</source>
        <translation>&amp;Stimmen folgen Akkordänderungen</translation>
    </message>
    <message>
        <source>When you edit the chord lane, the tracks that follow the chord track play the new chords (in the same undo step)</source>
        <translation>Wenn Sie die Akkordleiste bearbeiten, spielen die Spuren, die der Akkordspur folgen, die neuen Akkorde (im selben Rückgängig-Schritt)</translation>
    </message>
    <message>
        <source>No take to suggest chords for</source>
        <translation>Kein Take, für den sich Akkorde vorschlagen lassen</translation>
    </message>
    <message>
        <source>No room for chords there: the span is empty or after the take&apos;s end</source>
        <translation>Dort ist kein Platz für Akkorde: der Bereich ist leer oder liegt nach dem Ende des Takes</translation>
    </message>
    <message>
        <source>chords: %1</source>
        <translation>Akkorde: %1</translation>
    </message>
    <message>
        <source>Suggest chords</source>
        <translation>Akkorde vorschlagen</translation>
    </message>
    <message numerus="yes">
        <source>%n chord suggestion(s) as takes: switch between them in the Takes panel</source>
        <translation>
            <numerusform>%n Akkordvorschlag als Take: im Takes-Bereich auswählbar</numerusform>
            <numerusform>%n Akkordvorschläge als Takes: wechseln Sie im Takes-Bereich zwischen ihnen</numerusform>
        </translation>
    </message>
    <message>
        <source>The take has bars 1 to %1: no bar %2</source>
        <translation>Der Take hat die Takte 1 bis %1: keinen Takt %2</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) for bars %1 to %2, one take each (the chords around them stay; the following parts play them): %3.</source>
        <translation>
            <numerusform>%n Vorschlag für die Takte %1 bis %2, ein Take (die Akkorde drumherum bleiben; die folgenden Stimmen spielen ihn): %3.</numerusform>
            <numerusform>%n Vorschläge für die Takte %1 bis %2, je ein Take (die Akkorde drumherum bleiben; die folgenden Stimmen spielen sie): %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pianola::app::Document</name>
    <message>
        <source>Take 1</source>
        <translation>Take 1</translation>
    </message>
    <message>
        <source>Piano</source>
        <translation>Klavier</translation>
    </message>
    <message>
        <source>Delete take %1</source>
        <translation>Take %1 löschen</translation>
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
        <source>Export MIDI</source>
        <translation>MIDI exportieren</translation>
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
    <message>
        <source>%1[*] - Pianola</source>
        <translation>%1[*] – Pianola</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The project has unsaved changes. Save them?</source>
        <translation>Das Projekt hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>Projekt speichern</translation>
    </message>
    <message>
        <source>Pianola projects (*.pianola)</source>
        <translation>Pianola-Projekte (*.pianola)</translation>
    </message>
    <message>
        <source>Projects, MIDI files and plans (*.pianola *.mid *.midi *.smf *.kar *.json);;All files (*)</source>
        <translation>Projekte, MIDI-Dateien und Pläne (*.pianola *.mid *.midi *.smf *.kar *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>MIDI file, format 1 (*.mid);;MIDI file, format 0 (*.mid)</source>
        <translation>MIDI-Datei, Format 1 (*.mid);;MIDI-Datei, Format 0 (*.mid)</translation>
    </message>
    <message>
        <source>Restored the automatically saved work</source>
        <translation>Automatisch gesicherte Arbeit wiederhergestellt</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Spuren</translation>
    </message>
    <message>
        <source>Takes</source>
        <translation>Takes</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;geöffnet&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As...</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Ctrl+Y</source>
        <translation>Ctrl+Y</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste at playhead</source>
        <translation>An der Abspielposition &amp;einfügen</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Verschieben</translation>
    </message>
    <message>
        <source>Earlier by grid</source>
        <translation>Um ein Raster früher</translation>
    </message>
    <message>
        <source>Later by grid</source>
        <translation>Um ein Raster später</translation>
    </message>
    <message>
        <source>Up a semitone</source>
        <translation>Einen Halbton höher</translation>
    </message>
    <message>
        <source>Down a semitone</source>
        <translation>Einen Halbton tiefer</translation>
    </message>
    <message>
        <source>Up an octave</source>
        <translation>Eine Oktave höher</translation>
    </message>
    <message>
        <source>Shift+Up</source>
        <translation>Shift+Up</translation>
    </message>
    <message>
        <source>Down an octave</source>
        <translation>Eine Oktave tiefer</translation>
    </message>
    <message>
        <source>Shift+Down</source>
        <translation>Shift+Down</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Noten</translation>
    </message>
    <message>
        <source>&amp;Quantize</source>
        <translation>&amp;Quantisieren</translation>
    </message>
    <message>
        <source>Q</source>
        <translation>Q</translation>
    </message>
    <message>
        <source>Quantize with &amp;options...</source>
        <translation>Quantisieren mit &amp;Optionen …</translation>
    </message>
    <message>
        <source>Shift+Q</source>
        <translation>Shift+Q</translation>
    </message>
    <message>
        <source>&amp;Humanize...</source>
        <translation>&amp;Humanisieren …</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>&amp;Transpose...</source>
        <translation>&amp;Transponieren …</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>&amp;Legato</source>
        <translation>&amp;Legato</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Velocity...</source>
        <translation>&amp;Anschlagstärke …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <source>&amp;Snap to scale</source>
        <translation>An &amp;Tonleiter ausrichten</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Ctrl+=</source>
        <translation>Ctrl+=</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Ctrl+-</source>
        <translation>Ctrl+-</translation>
    </message>
    <message>
        <source>Zoom to &amp;fit</source>
        <translation>&amp;Alles zeigen</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Taller rows</source>
        <translation>&amp;Höhere Zeilen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+=</source>
        <translation>Ctrl+Shift+=</translation>
    </message>
    <message>
        <source>&amp;Shorter rows</source>
        <translation>&amp;Niedrigere Zeilen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+-</source>
        <translation>Ctrl+Shift+-</translation>
    </message>
    <message>
        <source>&amp;Follow playhead</source>
        <translation>Abspielposition &amp;folgen</translation>
    </message>
    <message>
        <source>&amp;Ghost notes of other tracks</source>
        <translation>&amp;Geisternoten anderer Spuren</translation>
    </message>
    <message>
        <source>&amp;Track</source>
        <translation>&amp;Spur</translation>
    </message>
    <message>
        <source>&amp;Add track</source>
        <translation>Spur &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>&amp;Remove track</source>
        <translation>Spur &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Previous track</source>
        <translation>&amp;Vorige Spur</translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translation>Alt+Up</translation>
    </message>
    <message>
        <source>&amp;Next track</source>
        <translation>&amp;Nächste Spur</translation>
    </message>
    <message>
        <source>Alt+Down</source>
        <translation>Alt+Down</translation>
    </message>
    <message>
        <source>T&amp;ransport</source>
        <translation>T&amp;ransport</translation>
    </message>
    <message>
        <source>Loop the region set in the ruler (drag there to set it)</source>
        <translation>Den im Lineal gesetzten Bereich wiederholen (dort ziehen, um ihn zu setzen)</translation>
    </message>
    <message>
        <source>Go to start</source>
        <translation>Zum Anfang</translation>
    </message>
    <message>
        <source>Drag MIDI</source>
        <translation>MIDI ziehen</translation>
    </message>
    <message>
        <source>Drag the active take into your DAW or file manager as a .mid file</source>
        <translation>Den aktiven Take als .mid-Datei in Ihre DAW oder Dateiverwaltung ziehen</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>Auswählen</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Zeichnen</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Radieren</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Teilen</translation>
    </message>
    <message>
        <source>%1 tool (%2)</source>
        <translation>Werkzeug %1 (%2)</translation>
    </message>
    <message>
        <source>Grid </source>
        <translation>Raster </translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>Piano roll &gt; Zoom horizontally	Ctrl+Wheel, +/-</source>
        <translation>Pianorolle &gt; Horizontal zoomen	Ctrl+Mausrad, +/-</translation>
    </message>
    <message>
        <source>Piano roll &gt; Zoom vertically	Ctrl+Shift+Wheel</source>
        <translation>Pianorolle &gt; Vertikal zoomen	Ctrl+Shift+Mausrad</translation>
    </message>
    <message>
        <source>Piano roll &gt; Bypass the grid while dragging	Alt</source>
        <translation>Pianorolle &gt; Raster beim Ziehen umgehen	Alt</translation>
    </message>
    <message>
        <source>Piano roll &gt; Add to the selection	Shift+Click</source>
        <translation>Pianorolle &gt; Zur Auswahl hinzufügen	Shift+Klick</translation>
    </message>
    <message>
        <source>Piano roll &gt; Erase	Right-click</source>
        <translation>Pianorolle &gt; Radieren	Rechtsklick</translation>
    </message>
    <message>
        <source>Controller lane &gt; Draw a straight line	Ctrl+Drag</source>
        <translation>Controller-Spur &gt; Gerade Linie zeichnen	Ctrl+Ziehen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Quantize</source>
        <translation>Quantisieren</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Stärke</translation>
    </message>
    <message>
        <source>Swing</source>
        <translation>Swing</translation>
    </message>
    <message>
        <source>Quantize note ends too</source>
        <translation>Auch Notenenden quantisieren</translation>
    </message>
    <message>
        <source>Humanize</source>
        <translation>Humanisieren</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Timing</translation>
    </message>
    <message>
        <source> ticks</source>
        <translation> Ticks</translation>
    </message>
    <message>
        <source>Velocity</source>
        <translation>Anschlagstärke</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Transpose</source>
        <translation>Transponieren</translation>
    </message>
    <message>
        <source>Semitones</source>
        <translation>Halbtöne</translation>
    </message>
    <message>
        <source>Scale steps</source>
        <translation>Tonleiterstufen</translation>
    </message>
    <message>
        <source>Moves each note along the scale chosen in the toolbar</source>
        <translation>Verschiebt jede Note entlang der in der Werkzeugleiste gewählten Tonleiter</translation>
    </message>
    <message>
        <source>Some notes would leave the MIDI range (0-127); nothing was changed.</source>
        <translation>Einige Noten würden den MIDI-Bereich (0–127) verlassen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Setzen</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Skalieren</translation>
    </message>
    <message>
        <source>Ramp</source>
        <translation>Rampe</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Velocity / start</source>
        <translation>Anschlag / Anfang</translation>
    </message>
    <message>
        <source>Ramp end</source>
        <translation>Rampenende</translation>
    </message>
    <message>
        <source>Scale by</source>
        <translation>Skalieren um</translation>
    </message>
    <message>
        <source>Change velocity</source>
        <translation>Anschlagstärke ändern</translation>
    </message>
    <message>
        <source>Legato</source>
        <translation>Legato</translation>
    </message>
    <message>
        <source>Choose a scale in the toolbar first</source>
        <translation>Wählen Sie zuerst eine Tonleiter in der Werkzeugleiste</translation>
    </message>
    <message>
        <source>Snap to scale</source>
        <translation>An Tonleiter ausrichten</translation>
    </message>
    <message>
        <source>Track %1</source>
        <translation>Spur %1</translation>
    </message>
    <message>
        <source>Add track</source>
        <translation>Spur hinzufügen</translation>
    </message>
    <message>
        <source>Remove track %1</source>
        <translation>Spur %1 entfernen</translation>
    </message>
    <message>
        <source>major</source>
        <translation>Dur</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>Moll</translation>
    </message>
    <message>
        <source>dorian</source>
        <translation>dorisch</translation>
    </message>
    <message>
        <source>phrygian</source>
        <translation>phrygisch</translation>
    </message>
    <message>
        <source>lydian</source>
        <translation>lydisch</translation>
    </message>
    <message>
        <source>mixolydian</source>
        <translation>mixolydisch</translation>
    </message>
    <message>
        <source>locrian</source>
        <translation>lokrisch</translation>
    </message>
    <message>
        <source>harmonic minor</source>
        <translation>harmonisch Moll</translation>
    </message>
    <message>
        <source>melodic minor</source>
        <translation>melodisch Moll</translation>
    </message>
    <message>
        <source>major pentatonic</source>
        <translation>Dur-Pentatonik</translation>
    </message>
    <message>
        <source>minor pentatonic</source>
        <translation>Moll-Pentatonik</translation>
    </message>
    <message>
        <source>blues</source>
        <translation>Blues</translation>
    </message>
    <message>
        <source>chromatic</source>
        <translation>chromatisch</translation>
    </message>
    <message>
        <source>Step input</source>
        <translation>Schritteingabe</translation>
    </message>
    <message>
        <source>Nothing to record into: add a track, and check the sound settings</source>
        <translation>Nichts zum Aufnehmen: Fügen Sie eine Spur hinzu und prüfen Sie die Klangeinstellungen</translation>
    </message>
    <message>
        <source>Recording into %1</source>
        <translation>Aufnahme in %1</translation>
    </message>
    <message>
        <source>Recording, but no MIDI input is chosen (Preferences)</source>
        <translation>Aufnahme läuft, aber kein MIDI-Eingang ist gewählt (Einstellungen)</translation>
    </message>
    <message numerus="yes">
        <source>Recorded %n note(s)</source>
        <translation>
            <numerusform>%n Note aufgenommen</numerusform>
            <numerusform>%n Noten aufgenommen</numerusform>
        </translation>
    </message>
    <message>
        <source>Step input: play notes on your MIDI keyboard; each writes one grid step</source>
        <translation>Schritteingabe: Spielen Sie Noten auf Ihrer MIDI-Tastatur; jede schreibt einen Rasterschritt</translation>
    </message>
    <message>
        <source>Step input needs a MIDI input (Preferences)</source>
        <translation>Die Schritteingabe braucht einen MIDI-Eingang (Einstellungen)</translation>
    </message>
    <message>
        <source>Rename...</source>
        <translation>Umbenennen …</translation>
    </message>
    <message>
        <source>Rename take</source>
        <translation>Take umbenennen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Unstar</source>
        <translation>Markierung entfernen</translation>
    </message>
    <message>
        <source>Star (keep)</source>
        <translation>Markieren (behalten)</translation>
    </message>
    <message>
        <source>Unstar take</source>
        <translation>Take-Markierung entfernen</translation>
    </message>
    <message>
        <source>Star take</source>
        <translation>Take markieren</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source> copy</source>
        <translation> Kopie</translation>
    </message>
    <message>
        <source>Duplicate take</source>
        <translation>Take duplizieren</translation>
    </message>
    <message>
        <source>Export MIDI...</source>
        <translation>MIDI exportieren …</translation>
    </message>
    <message>
        <source>MIDI files (*.mid)</source>
        <translation>MIDI-Dateien (*.mid)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>&amp;Preferences...</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Record from the MIDI input into the current track (R)</source>
        <translation>Vom MIDI-Eingang in die aktuelle Spur aufnehmen (R)</translation>
    </message>
    <message>
        <source>Shift+R</source>
        <translation>Shift+R</translation>
    </message>
    <message>
        <source>Playing %1</source>
        <translation>%1 spielt</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Compare as A</source>
        <translation>Als A vergleichen</translation>
    </message>
    <message>
        <source>Compare as B</source>
        <translation>Als B vergleichen</translation>
    </message>
    <message>
        <source>&amp;Overlay the other take of the A/B pair</source>
        <translation>Den anderen Take des A/B-Paars &amp;überlagern</translation>
    </message>
    <message>
        <source>Switch A/B</source>
        <translation>A/B umschalten</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Play the other of the two takes being compared, from the same position</source>
        <translation>Den anderen der beiden verglichenen Takes ab derselben Stelle spielen</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Saving %1...</source>
        <translation>%1 wird gespeichert …</translation>
    </message>
    <message>
        <source>Alt+L</source>
        <translation>Alt+L</translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation>Auf &amp;Auswahl zoomen</translation>
    </message>
    <message>
        <source>Z</source>
        <translation>Z</translation>
    </message>
    <message>
        <source>All 47 &amp;drum pieces</source>
        <translation>Alle 47 &amp;Schlagzeugteile</translation>
    </message>
    <message>
        <source>On a drum track, a row for every General MIDI drum piece, not only those in use and the core kit</source>
        <translation>Auf einer Schlagzeugspur eine Zeile für jedes General-MIDI-Schlagzeugteil, nicht nur die benutzten und das Grundset</translation>
    </message>
    <message>
        <source>Loop the selection</source>
        <translation>Auswahl loopen</translation>
    </message>
    <message>
        <source>Select the notes to loop first</source>
        <translation>Zuerst die Noten zum Loopen auswählen</translation>
    </message>
    <message>
        <source>%1 is in the editor; the transport runs, but nothing sounds</source>
        <translation>%1 ist im Editor; der Transport läuft, aber nichts klingt</translation>
    </message>
    <message>
        <source>%1 is ready — press Space to play</source>
        <translation>%1 ist bereit — Leertaste spielt ab</translation>
    </message>
</context>
<context>
    <name>pianola::app::MidiSession</name>
    <message>
        <source>MIDI output: %1</source>
        <translation>MIDI-Ausgang: %1</translation>
    </message>
    <message>
        <source>MIDI input: %1</source>
        <translation>MIDI-Eingang: %1</translation>
    </message>
    <message>
        <source>out: %1 %2</source>
        <translation>aus: %1 %2</translation>
    </message>
    <message>
        <source>in: %1 %2</source>
        <translation>ein: %1 %2</translation>
    </message>
</context>
<context>
    <name>pianola::app::NarrativeRequest</name>
    <message>
        <source>Choose a language model in the chat dock first.</source>
        <translation>Wählen Sie zuerst im Chat ein Sprachmodell.</translation>
    </message>
    <message>
        <source>The model&apos;s interpretation was not usable: %1</source>
        <translation>Die Deutung des Modells war nicht verwendbar: %1</translation>
    </message>
</context>
<context>
    <name>pianola::app::PreferencesDialog</name>
    <message>
        <source>Send MIDI clock, start/stop and song position</source>
        <translation>MIDI-Clock, Start/Stopp und Songposition senden</translation>
    </message>
    <message>
        <source>Play what comes in through the current track&apos;s sound</source>
        <translation>Eingehendes mit dem Klang der aktuellen Spur spielen</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Sound (built-in FluidSynth)</source>
        <translation>Klang (eingebautes FluidSynth)</translation>
    </message>
    <message>
        <source>Automatic: $PIANOLA_SOUNDFONT or the system&apos;s General MIDI SoundFont</source>
        <translation>Automatisch: $PIANOLA_SOUNDFONT oder die General-MIDI-SoundFont des Systems</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>SoundFont</source>
        <translation>SoundFont</translation>
    </message>
    <message>
        <source>SoundFonts (*.sf2 *.sf3)</source>
        <translation>SoundFonts (*.sf2 *.sf3)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Audio driver</source>
        <translation>Audiotreiber</translation>
    </message>
    <message>
        <source>%1 Hz</source>
        <translation>%1 Hz</translation>
    </message>
    <message>
        <source>Sample rate</source>
        <translation>Abtastrate</translation>
    </message>
    <message>
        <source>MIDI</source>
        <translation>MIDI</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>MIDI system</source>
        <translation>MIDI-System</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingang</translation>
    </message>
    <message>
        <source>Built-in synth (FluidSynth)</source>
        <translation>Eingebauter Synthesizer (FluidSynth)</translation>
    </message>
    <message>
        <source>Virtual port &quot;Pianola&quot;</source>
        <translation>Virtueller Port „Pianola“</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Virtual port &quot;Pianola In&quot;</source>
        <translation>Virtueller Port „Pianola In“</translation>
    </message>
    <message>
        <source>Language model (chat)</source>
        <translation>Sprachmodell (Chat)</translation>
    </message>
    <message>
        <source>OpenAI-compatible (OpenAI, LM Studio, llama.cpp, vLLM, OpenRouter, Ollama /v1)</source>
        <translation>OpenAI-kompatibel (OpenAI, LM Studio, llama.cpp, vLLM, OpenRouter, Ollama /v1)</translation>
    </message>
    <message>
        <source>Anthropic</source>
        <translation>Anthropic</translation>
    </message>
    <message>
        <source>Ollama (native API)</source>
        <translation>Ollama (native API)</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>The environment variable that holds the API key. The key itself is never saved by Pianola.</source>
        <translation>Die Umgebungsvariable mit dem API-Schlüssel. Den Schlüssel selbst speichert Pianola nie.</translation>
    </message>
    <message>
        <source>API key variable</source>
        <translation>Variable des API-Schlüssels</translation>
    </message>
    <message>
        <source>Brief: the model describes, the built-in generator writes the notes (robust)</source>
        <translation>Brief: Das Modell beschreibt, der eingebaute Generator schreibt die Noten (robust)</translation>
    </message>
    <message>
        <source>Notes: the model writes every note (validated)</source>
        <translation>Noten: Das Modell schreibt jede Note (geprüft)</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Type a key to store it in the system keychain</source>
        <translation>Schlüssel eingeben, um ihn im Schlüsselbund des Systems zu speichern</translation>
    </message>
    <message>
        <source>No keychain support in this build: use the variable</source>
        <translation>Dieser Build hat keinen Schlüsselbund: Nutzen Sie die Variable</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Asks the server for its models with these settings (nothing is generated)</source>
        <translation>Fragt den Server mit diesen Einstellungen nach seinen Modellen (nichts wird erzeugt)</translation>
    </message>
    <message>
        <source>Connected; the server lists no models.</source>
        <translation>Verbunden; der Server nennt keine Modelle.</translation>
    </message>
    <message>
        <source>Connected. Models: %1</source>
        <translation>Verbunden. Modelle: %1</translation>
    </message>
    <message>
        <source>Ollama needs no key.</source>
        <translation>Ollama braucht keinen Schlüssel.</translation>
    </message>
    <message>
        <source>The key typed above will be stored in the system keychain.</source>
        <translation>Der oben eingegebene Schlüssel wird im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>Key: $%1 is set.</source>
        <translation>Schlüssel: $%1 ist gesetzt.</translation>
    </message>
    <message>
        <source>Key: $%1 is not set; a key is in the system keychain.</source>
        <translation>Schlüssel: $%1 ist nicht gesetzt; ein Schlüssel liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>No key: $%1 is not set and the keychain holds none.</source>
        <translation>Kein Schlüssel: $%1 ist nicht gesetzt und der Schlüsselbund enthält keinen.</translation>
    </message>
    <message>
        <source>Asking %1...</source>
        <translation>Frage %1 …</translation>
    </message>
</context>
<context>
    <name>pianola::app::RecoveryOffer</name>
    <message>
        <source>Cannot restore</source>
        <translation>Wiederherstellen nicht möglich</translation>
    </message>
    <message>
        <source>%1

The recovery file is kept.</source>
        <translation>%1

Die Wiederherstellungsdatei bleibt erhalten.</translation>
    </message>
    <message>
        <source>Recover unsaved work - Pianola</source>
        <translation>Ungesicherte Arbeit wiederherstellen – Pianola</translation>
    </message>
    <message>
        <source>Pianola did not close normally. It saved unsaved work automatically at %1.</source>
        <translation>Pianola wurde nicht normal beendet. Ungesicherte Arbeit wurde um %1 automatisch gesichert.</translation>
    </message>
    <message>
        <source>The work was never saved as a project.</source>
        <translation>Die Arbeit wurde nie als Projekt gespeichert.</translation>
    </message>
    <message>
        <source>The work belongs to %1.</source>
        <translation>Die Arbeit gehört zu %1.</translation>
    </message>
    <message>
        <source>Restore it, save it as a project, or discard it?</source>
        <translation>Wiederherstellen, als Projekt speichern oder verwerfen?</translation>
    </message>
    <message>
        <source>Recovery file: %1</source>
        <translation>Wiederherstellungsdatei: %1</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Restore in a new window</source>
        <translation>In neuem Fenster &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Save As...</source>
        <translation>&amp;Speichern unter …</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>&amp;Keep for later</source>
        <translation>&amp;Für später behalten</translation>
    </message>
    <message>
        <source>Save recovered work</source>
        <translation>Wiederhergestellte Arbeit speichern</translation>
    </message>
    <message>
        <source>Pianola projects (*.pianola)</source>
        <translation>Pianola-Projekte (*.pianola)</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <source>Pianola could not start a new window. The recovery file is kept.</source>
        <translation>Pianola konnte kein neues Fenster öffnen. Die Wiederherstellungsdatei bleibt erhalten.</translation>
    </message>
    <message>
        <source>The recovery file %1 is missing or in use.</source>
        <translation>Die Wiederherstellungsdatei %1 fehlt oder wird verwendet.</translation>
    </message>
</context>
<context>
    <name>pianola::app::ScopeActions</name>
    <message>
        <source>No take</source>
        <translation>Kein Take</translation>
    </message>
    <message>
        <source>Track %1</source>
        <translation>Spur %1</translation>
    </message>
    <message>
        <source>all parts</source>
        <translation>alle Stimmen</translation>
    </message>
    <message>
        <source>bar %1</source>
        <translation>Takt %1</translation>
    </message>
    <message>
        <source>bars %1–%2</source>
        <translation>Takte %1–%2</translation>
    </message>
    <message>
        <source>Re&amp;generate</source>
        <translation>Neu &amp;generieren</translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <source>A new take with the chat&apos;s scope (selected notes, chosen bars or track) made again</source>
        <translation>Ein neuer Take, in dem der Bereich des Chats (ausgewählte Noten, Takte oder Spur) neu erzeugt ist</translation>
    </message>
    <message>
        <source>&amp;Lock or unlock notes</source>
        <translation>Noten &amp;sperren oder entsperren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Locked notes never change in a regeneration or variation, and refuse edits</source>
        <translation>Gesperrte Noten ändern sich bei keiner Neugenerierung oder Variation und lassen sich nicht bearbeiten</translation>
    </message>
    <message>
        <source>Nothing to regenerate: the take has no notes</source>
        <translation>Nichts neu zu generieren: der Take hat keine Noten</translation>
    </message>
    <message>
        <source>The chat is still waiting for a reply</source>
        <translation>Der Chat wartet noch auf eine Antwort</translation>
    </message>
    <message>
        <source>Regenerated %1</source>
        <translation>%1 neu generiert</translation>
    </message>
</context>
<context>
    <name>pianola::app::Session</name>
    <message>
        <source>Step input</source>
        <translation>Schritteingabe</translation>
    </message>
    <message numerus="yes">
        <source>Record %n note(s)</source>
        <translation>
            <numerusform>%n Note aufnehmen</numerusform>
            <numerusform>%n Noten aufnehmen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pianola::app::TransportControls</name>
    <message>
        <source> bpm</source>
        <translation> BPM</translation>
    </message>
    <message>
        <source>Meter of the take</source>
        <translation>Taktart des Takes</translation>
    </message>
    <message>
        <source>Key: the take&apos;s, highlighted in the piano roll</source>
        <translation>Tonart: die des Takes, in der Pianorolle hervorgehoben</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>Keine Tonart</translation>
    </message>
    <message>
        <source>Set tempo to %1 bpm</source>
        <translation>Tempo auf %1 BPM setzen</translation>
    </message>
    <message>
        <source>Set meter to %1/%2</source>
        <translation>Taktart auf %1/%2 setzen</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>Klick</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>Metronome: a click on every beat while playing and recording (K); never exported</source>
        <translation>Metronom: ein Klick auf jeder Zählzeit beim Abspielen und Aufnehmen (K); wird nie exportiert</translation>
    </message>
    <message>
        <source>No count-in</source>
        <translation>Kein Einzähler</translation>
    </message>
    <message numerus="yes">
        <source>Count-in: %n bar(s)</source>
        <translation>
            <numerusform>Einzähler: %n Takt</numerusform>
            <numerusform>Einzähler: %n Takte</numerusform>
        </translation>
    </message>
    <message>
        <source>Tempo of the take (type, drag up or down, scroll or hold the arrows); notes keep their place in bars</source>
        <translation>Tempo des Takes (tippen, nach oben oder unten ziehen, scrollen oder die Pfeile halten); Noten bleiben an ihrer Stelle im Takt</translation>
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
        <source>Apply</source>
        <translation>Anwenden</translation>
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
    <message>
        <source>Interpretation from the language model</source>
        <translation>Deutung durch das Sprachmodell</translation>
    </message>
    <message>
        <source>Sends the features above (never the file) to the model chosen in the chat dock</source>
        <translation>Sendet die Merkmale oben (nie die Datei) an das im Chat gewählte Modell</translation>
    </message>
    <message>
        <source>Interpretation</source>
        <translation>Deutung</translation>
    </message>
    <message>
        <source>Interpretation — %1</source>
        <translation>Deutung — %1</translation>
    </message>
    <message>
        <source>Contradicts the analysis:</source>
        <translation>Widerspricht der Analyse:</translation>
    </message>
    <message>
        <source>No interpretation: %1</source>
        <translation>Keine Deutung: %1</translation>
    </message>
    <message>
        <source>Asking %1...</source>
        <translation>Frage %1 …</translation>
    </message>
    <message>
        <source>Makes this change to the analysed take, as new takes beside it</source>
        <translation>Nimmt diese Änderung am analysierten Take vor, als neue Takes daneben</translation>
    </message>
    <message>
        <source>Bar %1 to %2 (%3 to %4)</source>
        <translation>Takt %1 bis %2 (%3 bis %4)</translation>
    </message>
</context>
<context>
    <name>pianola::widgets::ChatDock</name>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Describe what you want, e.g. &quot;8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9ths, soft humanization&quot;. Then ask for changes: &quot;same drums but harder kick&quot;, &quot;add a 2-bar fill on bar 7&quot;.</source>
        <translation>Beschreiben Sie, was Sie möchten (auf Englisch), z. B. „8-bar lo-fi chord progression in Am at 78 BPM, jazzy 9ths, soft humanization“. Dann Änderungen: „same drums but harder kick“, „add a 2-bar fill on bar 7“.</translation>
    </message>
    <message>
        <source>Ask for music or a change...</source>
        <translation>Musik oder eine Änderung erbitten …</translation>
    </message>
    <message>
        <source>Who answers: the built-in offline generator or a language model</source>
        <translation>Wer antwortet: der eingebaute Offline-Generator oder ein Sprachmodell</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Pianola</source>
        <translation>Pianola</translation>
    </message>
    <message>
        <source>Takes:</source>
        <translation>Takes:</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Noch einmal</translation>
    </message>
    <message>
        <source>More variations</source>
        <translation>Mehr Variationen</translation>
    </message>
    <message>
        <source>Not understood: %1</source>
        <translation>Nicht verstanden: %1</translation>
    </message>
    <message>
        <source>What the next prompt applies to: select notes, drag bars on the ruler or click a track to narrow it</source>
        <translation>Worauf sich die nächste Eingabe bezieht: Noten auswählen, Takte im Lineal ziehen oder eine Spur anklicken, um es einzugrenzen</translation>
    </message>
    <message>
        <source>Apply to the whole take</source>
        <translation>Auf den ganzen Take anwenden</translation>
    </message>
    <message>
        <source>Open Preferences</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <source>Use the offline generator</source>
        <translation>Offline-Generator verwenden</translation>
    </message>
    <message>
        <source>%1: %2 (asked %3)</source>
        <translation>%1: %2 (gewünscht %3)</translation>
    </message>
    <message>
        <source>%1 — %2 checks ✓</source>
        <translation>%1 — %2 Prüfungen ✓</translation>
    </message>
    <message>
        <source>%1 — %2 checks; not as asked: %3</source>
        <translation>%1 — %2 Prüfungen; nicht wie gewünscht: %3</translation>
    </message>
</context>
<context>
    <name>pianola::widgets::ChordLane</name>
    <message>
        <source>detected</source>
        <translation>erkannt</translation>
    </message>
    <message>
        <source>Change harmonic rhythm</source>
        <translation>Harmonischen Rhythmus ändern</translation>
    </message>
    <message>
        <source>The chord track would not be valid: %1</source>
        <translation>Die Akkordspur wäre ungültig: %1</translation>
    </message>
    <message>
        <source>“%1” is not a chord symbol: %2</source>
        <translation>„%1“ ist kein Akkordsymbol: %2</translation>
    </message>
    <message>
        <source>Remove chord</source>
        <translation>Akkord entfernen</translation>
    </message>
    <message>
        <source>Change chord to %1</source>
        <translation>Akkord in %1 ändern</translation>
    </message>
    <message>
        <source>No room for a chord here (the take ends, or chords fill the bar)</source>
        <translation>Hier ist kein Platz für einen Akkord (der Take endet, oder Akkorde füllen den Takt)</translation>
    </message>
    <message>
        <source>Insert chord</source>
        <translation>Akkord einfügen</translation>
    </message>
    <message>
        <source>Split chord</source>
        <translation>Akkord teilen</translation>
    </message>
    <message>
        <source>Delete chord</source>
        <translation>Akkord löschen</translation>
    </message>
    <message>
        <source>Paste chord</source>
        <translation>Akkord einfügen (Zwischenablage)</translation>
    </message>
    <message>
        <source>Edit symbol…</source>
        <translation>Symbol bearbeiten …</translation>
    </message>
    <message>
        <source>Split here</source>
        <translation>Hier teilen</translation>
    </message>
    <message>
        <source>Copy chord</source>
        <translation>Akkord kopieren</translation>
    </message>
    <message>
        <source>Insert chord here</source>
        <translation>Akkord hier einfügen</translation>
    </message>
    <message>
        <source>substitute in the key</source>
        <translation>Ersatz in der Tonart</translation>
    </message>
    <message>
        <source>relative</source>
        <translation>Paralleltonart</translation>
    </message>
    <message>
        <source>secondary dominant</source>
        <translation>Zwischendominante</translation>
    </message>
    <message>
        <source>tritone substitute</source>
        <translation>Tritonus-Substitution</translation>
    </message>
    <message>
        <source>borrowed from the parallel key</source>
        <translation>aus der gleichnamigen Tonart entlehnt</translation>
    </message>
    <message>
        <source>Alternatives</source>
        <translation>Alternativen</translation>
    </message>
    <message>
        <source>Suggest chords here</source>
        <translation>Hier Akkorde vorschlagen</translation>
    </message>
    <message>
        <source>Candidate takes with chords here that lead from the chord before to the chord after</source>
        <translation>Kandidaten-Takes mit Akkorden, die hier vom Akkord davor zum Akkord danach führen</translation>
    </message>
</context>
<context>
    <name>pianola::widgets::ControllerLane</name>
    <message>
        <source>Velocity</source>
        <translation>Anschlagstärke</translation>
    </message>
    <message>
        <source>Pitch bend</source>
        <translation>Tonhöhenbeugung</translation>
    </message>
    <message>
        <source>Pressure</source>
        <translation>Druck</translation>
    </message>
    <message>
        <source>CC %1</source>
        <translation>CC %1</translation>
    </message>
    <message>
        <source>CC %1 %2</source>
        <translation>CC %1 %2</translation>
    </message>
</context>
<context>
    <name>pianola::widgets::ControllerLanes</name>
    <message>
        <source>+ Lane</source>
        <translation>+ Spur</translation>
    </message>
    <message>
        <source>Add a controller lane</source>
        <translation>Eine Controller-Spur hinzufügen</translation>
    </message>
    <message>
        <source>Other CC...</source>
        <translation>Anderer CC …</translation>
    </message>
    <message>
        <source>Controller lane</source>
        <translation>Controller-Spur</translation>
    </message>
    <message>
        <source>Controller number (0-127):</source>
        <translation>Controller-Nummer (0–127):</translation>
    </message>
</context>
<context>
    <name>pianola::widgets::EditContext</name>
    <message>
        <source>%1 is locked: unlock it (the padlock in the track list) to edit it</source>
        <translation>%1 ist gesperrt: entsperren Sie die Spur (Schloss in der Spurliste), um sie zu bearbeiten</translation>
    </message>
    <message numerus="yes">
        <source>%n locked note(s) cannot be changed: unlock them first (Edit &gt; Lock or unlock notes)</source>
        <translation>
            <numerusform>%n gesperrte Note kann nicht geändert werden: entsperren Sie sie zuerst (Bearbeiten &gt; Noten sperren oder entsperren)</numerusform>
            <numerusform>%n gesperrte Noten können nicht geändert werden: entsperren Sie sie zuerst (Bearbeiten &gt; Noten sperren oder entsperren)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pianola::widgets::InstrumentBox</name>
    <message>
        <source>Program %1</source>
        <translation>Programm %1</translation>
    </message>
    <message>
        <source>Drum kit (channel 10)</source>
        <translation>Drumkit (Kanal 10)</translation>
    </message>
    <message>
        <source>Type to search</source>
        <translation>Tippen zum Suchen</translation>
    </message>
</context>
<context>
    <name>pianola::widgets::PianoRollView</name>
    <message numerus="yes">
        <source>Move %n note(s)</source>
        <translation>
            <numerusform>%n Note verschieben</numerusform>
            <numerusform>%n Noten verschieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resize %n note(s)</source>
        <translation>
            <numerusform>Länge von %n Note ändern</numerusform>
            <numerusform>Länge von %n Noten ändern</numerusform>
        </translation>
    </message>
    <message>
        <source>Draw note</source>
        <translation>Note zeichnen</translation>
    </message>
    <message numerus="yes">
        <source>Erase %n note(s)</source>
        <translation>
            <numerusform>%n Note radieren</numerusform>
            <numerusform>%n Noten radieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Split note</source>
        <translation>Note teilen</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Note löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n note(s)</source>
        <translation>
            <numerusform>%n Note löschen</numerusform>
            <numerusform>%n Noten löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cut %n note(s)</source>
        <translation>
            <numerusform>%n Note ausschneiden</numerusform>
            <numerusform>%n Noten ausschneiden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n note(s)</source>
        <translation>
            <numerusform>%n Note einfügen</numerusform>
            <numerusform>%n Noten einfügen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n note(s)</source>
        <translation>
            <numerusform>%n Note duplizieren</numerusform>
            <numerusform>%n Noten duplizieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Transpose</source>
        <translation>Transponieren</translation>
    </message>
    <message>
        <source>Move notes</source>
        <translation>Noten verschieben</translation>
    </message>
    <message>
        <source>Select the notes to lock first</source>
        <translation>Wählen Sie zuerst die zu sperrenden Noten aus</translation>
    </message>
    <message numerus="yes">
        <source>Lock %n note(s)</source>
        <translation>
            <numerusform>%n Note sperren</numerusform>
            <numerusform>%n Noten sperren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unlock %n note(s)</source>
        <translation>
            <numerusform>%n Note entsperren</numerusform>
            <numerusform>%n Noten entsperren</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pianola::widgets::PlanOverview</name>
    <message>
        <source>No notes yet. Open a MIDI file or a plan (File &gt; Open), or drop one here.</source>
        <translation>Noch keine Noten. Öffnen Sie eine MIDI-Datei oder einen Plan (Datei &gt; Öffnen) oder ziehen Sie eine hierher.</translation>
    </message>
</context>
<context>
    <name>pianola::widgets::PointLane</name>
    <message>
        <source>Erase %1 points</source>
        <translation>%1-Punkte radieren</translation>
    </message>
    <message>
        <source>Draw %1</source>
        <translation>%1 zeichnen</translation>
    </message>
    <message>
        <source>Move %1 points</source>
        <translation>%1-Punkte verschieben</translation>
    </message>
    <message>
        <source>Delete %1 points</source>
        <translation>%1-Punkte löschen</translation>
    </message>
</context>
<context>
    <name>pianola::widgets::TakesPanel</name>
    <message>
        <source>Take</source>
        <translation>Take</translation>
    </message>
    <message>
        <source>A/B</source>
        <translation>A/B</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noten</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Your takes</source>
        <translation>Ihre Takes</translation>
    </message>
    <message>
        <source>Prompt: %1</source>
        <translation>Anfrage: %1</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>Anbieter: %1</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>Seed: %1</source>
        <translation>Startwert: %1</translation>
    </message>
    <message>
        <source>Made from: %1</source>
        <translation>Erzeugt aus: %1</translation>
    </message>
    <message>
        <source>a deleted take</source>
        <translation>einem gelöschten Take</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Erstellt: %1</translation>
    </message>
    <message>
        <source>Take: %1</source>
        <translation>Take: %1</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FEHLT</translation>
    </message>
    <message>
        <source> (asked %1)</source>
        <translation> (verlangt: %1)</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>%1: %2 checks pass</source>
        <translation>%1: %2 Prüfungen bestanden</translation>
    </message>
</context>
<context>
    <name>pianola::widgets::TimeRuler</name>
    <message>
        <source>bar %1</source>
        <translation>Takt %1</translation>
    </message>
    <message>
        <source>bars %1–%2</source>
        <translation>Takte %1–%2</translation>
    </message>
    <message>
        <source>Regenerate %1</source>
        <translation>%1 neu generieren</translation>
    </message>
    <message>
        <source>Narrow the chat to %1</source>
        <translation>Chat auf %1 beschränken</translation>
    </message>
</context>
<context>
    <name>pianola::widgets::TrackList</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Ch</source>
        <translation>Kan</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>Solo</source>
        <translation>Solo</translation>
    </message>
    <message>
        <source>Add track</source>
        <translation>Spur hinzufügen</translation>
    </message>
    <message>
        <source>Remove track</source>
        <translation>Spur entfernen</translation>
    </message>
    <message>
        <source>Rename track</source>
        <translation>Spur umbenennen</translation>
    </message>
    <message>
        <source>Track colour</source>
        <translation>Spurfarbe</translation>
    </message>
    <message>
        <source>Change track colour</source>
        <translation>Spurfarbe ändern</translation>
    </message>
    <message>
        <source>MIDI channel (10 = drums)</source>
        <translation>MIDI-Kanal (10 = Schlagzeug)</translation>
    </message>
    <message>
        <source>Change channel</source>
        <translation>Kanal ändern</translation>
    </message>
    <message>
        <source>Mute track</source>
        <translation>Spur stummschalten</translation>
    </message>
    <message>
        <source>Solo track</source>
        <translation>Spur solo schalten</translation>
    </message>
    <message>
        <source>Change instrument</source>
        <translation>Instrument ändern</translation>
    </message>
    <message>
        <source>Lock: no regeneration or variation changes the track</source>
        <translation>Sperre: keine Neugenerierung oder Variation ändert die Spur</translation>
    </message>
    <message>
        <source>Regenerate %1</source>
        <translation>%1 neu generieren</translation>
    </message>
    <message>
        <source>Unlock %1</source>
        <translation>%1 entsperren</translation>
    </message>
    <message>
        <source>Lock %1</source>
        <translation>%1 sperren</translation>
    </message>
    <message>
        <source>Unlock track</source>
        <translation>Spur entsperren</translation>
    </message>
    <message>
        <source>Lock track</source>
        <translation>Spur sperren</translation>
    </message>
    <message>
        <source>Locked: no regeneration or variation changes this track (click to unlock)</source>
        <translation>Gesperrt: keine Neugenerierung oder Variation ändert diese Spur (Klick entsperrt)</translation>
    </message>
    <message>
        <source>Lock this track: no regeneration or variation will change it</source>
        <translation>Diese Spur sperren: keine Neugenerierung oder Variation wird sie ändern</translation>
    </message>
</context>
<context>
    <name>pianola::widgets::VelocityLane</name>
    <message numerus="yes">
        <source>Change velocity of %n note(s)</source>
        <translation>
            <numerusform>Anschlagstärke von %n Note ändern</numerusform>
            <numerusform>Anschlagstärke von %n Noten ändern</numerusform>
        </translation>
    </message>
    <message>
        <source>Velocity %1</source>
        <translation>Anschlag %1</translation>
    </message>
</context>
</TS>
