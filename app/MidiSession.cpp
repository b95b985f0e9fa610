// SPDX-License-Identifier: MIT
// The app's MIDI ports.
#include "app/MidiSession.h"

#include "app/Logging.h"
#include "engine/ThreadCheck.h"

#include <QSettings>
#include <QTimer>

namespace pianola::app {

MidiSession::MidiSession(QObject* parent) : QObject(parent), m_poll(new QTimer(this))
{
    m_poll->setTimerType(Qt::PreciseTimer);
    m_poll->setInterval(2);
    connect(m_poll, &QTimer::timeout, this, &MidiSession::drain);
}

MidiSession::~MidiSession() = default; // MidiOutput ends every note before its port closes

QString MidiSession::applySettings()
{
    QSettings settings;
    const std::string api = settings.value("midi/api").toString().toStdString();
    QStringList problems;
    const QString out = settings.value("midi/output").toString();
    m_output.reset();
    if (!out.isEmpty()) {
        engine::MidiOutputOptions options;
        options.api = api;
        options.virtualPort = out == QLatin1String("virtual");
        options.port = options.virtualPort ? std::string() : out.toStdString();
        options.sendClock = settings.value("midi/clock", false).toBool();
        auto opened = engine::MidiOutput::open(options);
        if (opened)
            m_output = std::move(*opened);
        else
            problems << tr("MIDI output: %1").arg(QString::fromStdString(opened.error().message));
    }
    const QString in = settings.value("midi/input").toString();
    m_input.reset();
    if (!in.isEmpty()) {
        engine::MidiInputOptions options;
        options.api = api;
        options.virtualPort = in == QLatin1String("virtual");
        options.port = options.virtualPort ? std::string() : in.toStdString();
        auto opened = engine::MidiInput::open(options);
        if (opened)
            m_input = std::move(*opened);
        else
            problems << tr("MIDI input: %1").arg(QString::fromStdString(opened.error().message));
    }
    if (m_input)
        m_poll->start();
    else
        m_poll->stop();
    if (!problems.isEmpty()) qCWarning(lcAudio).noquote() << problems.join(QLatin1Char('\n'));
    if (const QString what = description(); !what.isEmpty())
        qCInfo(lcAudio).noquote() << "MIDI:" << what;
    return problems.join(QLatin1Char('\n'));
}

QString MidiSession::description() const
{
    QStringList parts;
    if (m_output)
        parts << tr("out: %1 %2")
                     .arg(QString::fromStdString(m_output->apiName()),
                          QString::fromStdString(m_output->portName()));
    if (m_input)
        parts << tr("in: %1 %2")
                     .arg(QString::fromStdString(m_input->apiName()),
                          QString::fromStdString(m_input->portName()));
    return parts.join(QStringLiteral(", "));
}

void MidiSession::drain()
{
    PIANOLA_ASSERT_CONTROL_THREAD();
    if (!m_input) return;
    m_batch.clear();
    m_input->drain(m_batch);
    for (const engine::MidiMessage& m : m_batch)
        emit received(m);
    if (m_output) m_output->transport().collectGarbage();
}

} // namespace pianola::app
