// SPDX-License-Identifier: MIT
// The real pianola binary playing to a MIDI port (a private JACK server,
// tests/midi/run_with_jack.sh) gets a terminating signal: every note that went out ends, the pedal
// goes up and All Notes Off comes on every channel that sounded, and the process exits normally.
#include "engine/midi/MidiInput.h"
#include "engine/PlanFile.h"

#include <csignal>
#include <map>
#include <QDir>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <set>

using namespace pianola;

class TestQuitSignals : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void signalEndsEveryNote_data();
    void signalEndsEveryNote();

private:
    QTemporaryDir m_dir;
    QString m_song;
    std::unique_ptr<engine::MidiInput> m_sink;
    std::vector<engine::MidiMessage> m_heard;
    int noteOns()
    {
        m_sink->drain(m_heard);
        return static_cast<int>(std::count_if(m_heard.begin(), m_heard.end(),
                                              [](const auto& m) { return m.isNoteOn(); }));
    }
};

void TestQuitSignals::initTestCase()
{
    // Two channels: long chords with the sustain pedal down, so notes sound when the signal comes.
    model::Plan plan;
    for (int channel = 0; channel < 2; ++channel) {
        model::Track track;
        track.name = "Track " + std::to_string(channel + 1);
        track.channel = channel;
        track.controllers.push_back({0, 64, 127});
        model::NoteId id = 1;
        for (model::Tick bar = 0; bar < 8 * 1920; bar += 1920)
            for (std::uint8_t key : {48, 52, 55})
                track.notes.push_back(
                    {bar, 1900, id++, static_cast<std::uint8_t>(key + 12 * channel), 100, 64});
        plan.tracks.push_back(std::move(track));
    }
    plan.normalize();
    m_song = m_dir.filePath("chords.mid");
    QVERIFY(engine::savePlanFile(m_song.toStdString(), plan));

    engine::MidiInputOptions sink;
    sink.api = "jack";
    sink.virtualPort = true;
    sink.ownPortName = "SignalSink";
    auto s = engine::MidiInput::open(sink);
    QVERIFY2(s, s ? "" : s.error().message.c_str());
    m_sink = std::move(*s);
    // The binary reads the same settings file (the same HOME and XDG folders as this test).
    QCoreApplication::setOrganizationName("Pianola");
    QCoreApplication::setApplicationName("Pianola");
    QSettings settings;
    settings.setValue("midi/api", "jack");
    settings.setValue("midi/output", "SignalSink");
    settings.setValue("midi/input", "");
    settings.sync();
}

void TestQuitSignals::cleanupTestCase()
{
    QSettings settings;
    for (const char* key : {"midi/api", "midi/output", "midi/input"})
        settings.remove(key);
}

void TestQuitSignals::signalEndsEveryNote_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << SIGTERM;
    QTest::newRow("SIGINT") << SIGINT;
    QTest::newRow("SIGHUP") << SIGHUP;
    QTest::newRow("SIGQUIT") << SIGQUIT;
    QTest::newRow("SIGUSR1") << SIGUSR1;
}

void TestQuitSignals::signalEndsEveryNote()
{
    QFETCH(int, signal);
    m_sink->drain(m_heard);
    m_heard.clear();
    QProcess pianola;
    pianola.setProcessChannelMode(QProcess::ForwardedChannels);
    // PIANOLA_UNDER_TEST: another build of the binary (e.g. one without the fix, to see this fail).
    const QString binary =
        qEnvironmentVariable("PIANOLA_UNDER_TEST", QStringLiteral(PIANOLA_BINARY));
    // Under the sanitizer build the child's exit status is the subject here, not LeakSanitizer's
    // report on the libraries' exit-time allocations (the in-process tests check our leaks).
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ASAN_OPTIONS"),
               env.value(QStringLiteral("ASAN_OPTIONS")) + QStringLiteral(":detect_leaks=0"));
    pianola.setProcessEnvironment(env);
    pianola.start(binary, {QStringLiteral("--play"), m_song});
    QVERIFY(pianola.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(noteOns() >= 6, 15000); // both channels' first chord
    QTest::qWait(200);
    ::kill(static_cast<pid_t>(pianola.processId()), signal);
    QVERIFY(pianola.waitForFinished(15000));
    QCOMPARE(pianola.exitStatus(), QProcess::NormalExit);
    QCOMPARE(pianola.exitCode(), 0);
    QTest::qWait(300);
    m_sink->drain(m_heard);

    std::map<std::pair<int, int>, int> sounding;
    std::set<int> channels, pedalUp, allNotesOff;
    for (const engine::MidiMessage& m : m_heard) {
        if (m.isNoteOn()) {
            ++sounding[{m.channel(), m.bytes[1]}];
            channels.insert(m.channel());
        } else if (m.kind() == 0x80 || m.kind() == 0x90) {
            auto& n = sounding[{m.channel(), m.bytes[1]}];
            n = std::max(0, n - 1);
        } else if (m.kind() == 0xB0 && m.bytes[1] == 64 && m.bytes[2] == 0) {
            pedalUp.insert(m.channel());
        } else if (m.kind() == 0xB0 && m.bytes[1] == 123) {
            allNotesOff.insert(m.channel());
            for (auto& [note, count] : sounding)
                if (note.first == m.channel()) count = 0;
        }
    }
    for (const auto& [note, count] : sounding)
        QVERIFY2(
            count == 0,
            qPrintable(
                QString("channel %1 key %2 still sounds").arg(note.first + 1).arg(note.second)));
    QCOMPARE(channels, (std::set<int>{0, 1}));
    for (int channel : channels) {
        QVERIFY2(pedalUp.count(channel),
                 qPrintable(QString("no pedal up on channel %1").arg(channel + 1)));
        QVERIFY2(allNotesOff.count(channel),
                 qPrintable(QString("no All Notes Off on channel %1").arg(channel + 1)));
    }
}

QTEST_GUILESS_MAIN(TestQuitSignals)
#include "tst_quit_signals.moc"
