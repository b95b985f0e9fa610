// SPDX-License-Identifier: MIT
// The GUI's handle on a player thread.
#include "engine/playback/Transport.h"

namespace pianola::engine {

Transport::Transport() = default;

Transport::~Transport()
{
    while (auto c = m_commands.pop())
        if (c->type == Command::Type::SetSequence) delete c->sequence;
    collectGarbage();
    delete m_current;
}

bool Transport::push(const Command& c)
{
    return m_commands.push(c);
}

bool Transport::pushControl(const Command& c)
{
    PIANOLA_ASSERT_THREAD(m_controlThread);
    return push(c);
}

bool Transport::setSequence(std::unique_ptr<PlaybackSequence> sequence)
{
    PIANOLA_ASSERT_THREAD(m_controlThread);
    if (m_preparer && sequence) m_preparer->prepare(*sequence);
    Command c;
    c.type = Command::Type::SetSequence;
    c.sequence = sequence.get();
    if (!push(c)) return false; // the unique_ptr still owns it and frees it
    sequence.release();
    return true;
}

bool Transport::play()
{
    return pushControl({Command::Type::Play});
}
bool Transport::pause()
{
    return pushControl({Command::Type::Pause});
}
bool Transport::stop()
{
    return pushControl({Command::Type::Stop});
}
bool Transport::panic()
{
    return pushControl({Command::Type::Panic});
}

bool Transport::seek(double seconds)
{
    Command c{Command::Type::Seek};
    c.a = seconds;
    return pushControl(c);
}

bool Transport::setLoop(bool enabled, double startSeconds, double endSeconds)
{
    Command c{Command::Type::Loop};
    c.flag = enabled;
    c.a = startSeconds;
    c.b = endSeconds;
    return pushControl(c);
}

bool Transport::audition(int channel, int key, int velocity, double durationSeconds)
{
    Command c{Command::Type::Audition};
    c.channel = static_cast<std::int16_t>(channel);
    c.key = static_cast<std::int16_t>(key);
    c.velocity = static_cast<std::int16_t>(velocity);
    c.a = durationSeconds;
    return pushControl(c);
}

bool Transport::live(std::uint8_t status, std::uint8_t data1, std::uint8_t data2, int size)
{
    if (status < 0x80 || status >= 0xF0 || size < 2 || size > 3) return false;
    if (m_preparer) m_preparer->prepareLive(status, data1 & 0x7F, data2 & 0x7F);
    Command c{Command::Type::Live};
    c.channel = status;
    c.key = data1 & 0x7F;
    c.velocity = data2 & 0x7F;
    c.a = size;
    return pushControl(c);
}

void Transport::collectGarbage()
{
    PIANOLA_ASSERT_THREAD(m_controlThread);
    while (auto old = m_garbage.pop())
        delete *old;
}

void Transport::applyCommands(Sequencer& sequencer, MidiSink& sink)
{
    while (const Command* next = m_commands.front()) {
        // The old sequence goes back to the control thread to be freed (never here). When that
        // queue is full (the control side has not collected for a while), the switch and every
        // command after it wait for the next block: nothing is dropped, nothing leaks.
        if (next->type == Command::Type::SetSequence && m_current && m_garbage.full()) break;
        const Command c = *m_commands.pop();
        switch (c.type) {
        case Command::Type::SetSequence:
            sequencer.setSequence(c.sequence, sink);
            if (m_current) m_garbage.push(m_current); // room checked above
            m_current = c.sequence;
            break;
        case Command::Type::Play:
            sequencer.play(sink);
            break;
        case Command::Type::Pause:
            sequencer.pause(sink);
            break;
        case Command::Type::Stop:
            sequencer.stop(sink);
            break;
        case Command::Type::Seek:
            sequencer.seek(c.a, sink);
            break;
        case Command::Type::Loop:
            sequencer.setLoop(c.flag, c.a, c.b);
            break;
        case Command::Type::Panic:
            sequencer.panic(sink);
            break;
        case Command::Type::Audition:
            sequencer.audition(c.channel, c.key, c.velocity, c.a, sink);
            break;
        case Command::Type::Live:
            sequencer.live(static_cast<std::uint8_t>(c.channel), static_cast<std::uint8_t>(c.key),
                           static_cast<std::uint8_t>(c.velocity), static_cast<int>(c.a), sink);
            break;
        }
    }
}

void Transport::publish(const Sequencer& sequencer)
{
    m_position.store(sequencer.position(), std::memory_order_relaxed);
    m_playing.store(sequencer.playing(), std::memory_order_relaxed);
}

} // namespace pianola::engine
