// SPDX-License-Identifier: MIT
// The silent transport on a clock of its own.
#include "app/ClockTransport.h"

#include <QTimer>

namespace pianola::app {

ClockTransport::ClockTransport(QObject* parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(10);
    connect(m_timer, &QTimer::timeout, this, &ClockTransport::update);
    m_clock.start();
    m_lastNs = m_clock.nsecsElapsed();
}

ClockTransport::~ClockTransport()
{
    m_transport.stop();
    m_transport.panic();
    update(); // the player lets go of its sequence before the transport frees it
}

void ClockTransport::update()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double elapsed = static_cast<double>(now - m_lastNs) / 1e9;
    m_lastNs = now;
    // The time since the last update passed in the state of then; the commands queued since
    // take effect now.
    if (m_sequencer.playing()) m_sequencer.advance(elapsed, m_silence);
    m_transport.applyCommands(m_sequencer, m_silence);
    m_transport.publish(m_sequencer);
    if (m_sequencer.playing() && !m_timer->isActive())
        m_timer->start();
    else if (!m_sequencer.playing())
        m_timer->stop();
}

} // namespace pianola::app
