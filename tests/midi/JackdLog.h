// SPDX-License-Identifier: MIT
// Counts the xruns jackd reported in its log (run_with_jack.sh names it in $PIANOLA_JACKD_LOG):
// a skipped client cycle loses that cycle's MIDI, which is the server's doing, not ours, so
// tests retry a scenario that failed during one. Read from the log, not from a JACK client of
// our own: an extra client in the test process is one more thing that can go wrong.
#pragma once

#include <cstdlib>
#include <fstream>
#include <string>

namespace pianola::miditest {

class JackdLog
{
public:
    JackdLog() : m_path(std::getenv("PIANOLA_JACKD_LOG") ? std::getenv("PIANOLA_JACKD_LOG") : "") {}

    bool available() const { return !m_path.empty() && std::ifstream(m_path).good(); }

    /// Lines reporting an xrun so far: the driver's late cycles, clients that did not finish.
    int xruns() const
    {
        std::ifstream log(m_path);
        int count = 0;
        for (std::string line; std::getline(log, line);)
            count += line.find("XRun") != std::string::npos ||
                     line.find("not finished") != std::string::npos;
        return count;
    }

private:
    std::string m_path;
};

} // namespace pianola::miditest
