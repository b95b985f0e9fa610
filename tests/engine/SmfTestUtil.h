// SPDX-License-Identifier: MIT
// Test helpers: hex strings <-> bytes, and a rich plan that uses every event kind.
#pragma once

#include "model/Plan.h"

#include <cstdint>
#include <QByteArray>
#include <QString>
#include <span>
#include <vector>

namespace pianola::test {

/// "4D 54 68 64" (spaces optional) -> bytes.
inline std::vector<std::uint8_t> hexBytes(const char* hex)
{
    const QByteArray raw = QByteArray::fromHex(QByteArray(hex).replace(' ', ""));
    return std::vector<std::uint8_t>(raw.begin(), raw.end());
}

inline QString toHex(std::span<const std::uint8_t> bytes)
{
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(bytes.data()),
                                          static_cast<qsizetype>(bytes.size()))
                                   .toHex(' ')
                                   .toUpper());
}

/// A plan with tempo, meter and key changes, two tracks, every controller kind, bank/program
/// changes, text metas, an unknown meta and a sysex: what a lossless round trip must keep.
inline model::Plan richPlan()
{
    model::Plan plan;
    plan.ppq = 960;
    plan.tempos = {{0, 110.0}, {3840, 92.5}, {7680, 133.33}};
    plan.timeSignatures = {{0, 4, 4, 24, 8}, {7680, 7, 8, 12, 8}};
    plan.keySignatures = {{0, -3, true}, {3840, 2, false}};
    plan.globalEvents = {{0, 0x02, false, "(c) 2026 Pianola"}, {3840, 0x06, false, "Chorus"}};
    model::Track keys;
    keys.name = "Rhodes";
    keys.channel = 0;
    keys.program = 4;
    keys.bankMsb = 0;
    keys.bankLsb = 3;
    keys.notes = {{0, 960, 0, 60, 96, 64},    {0, 960, 0, 63, 80, 10},
                  {0, 960, 0, 67, 70, 64},    {960, 480, 0, 60, 127, 0},
                  {1440, 720, 0, 72, 1, 127}, {1920, 480, 0, 72, 50, 64}};
    keys.controllers = {{0, 7, 100}, {0, 10, 64}, {480, 64, 127}, {1900, 64, 0}, {2000, 1, 33}};
    keys.pitchBends = {{0, 0}, {100, -8192}, {200, 8191}, {300, 1}};
    keys.channelPressure = {{960, 20}, {1000, 0}};
    keys.polyPressure = {{0, 60, 5}};
    keys.programChanges = {{3840, 5, 1, 2}, {5000, 6, -1, -1}};
    keys.rawEvents = {{0, 0x01, false, "voicing: shell"},
                      {10, 0x7F, false, std::string("\x00\x01\xFF", 3)},
                      {20, 0xF0, true, std::string("\x7E\x7F\x09\x01\xF7", 5)}};
    keys.endTick = 9600;
    model::Track drums;
    drums.name = "Drums";
    drums.channel = 9;
    drums.program = 0;
    for (int beat = 0; beat < 8; ++beat)
        drums.notes.push_back(
            {beat * 960, 120, 0, static_cast<std::uint8_t>(beat % 2 ? 38 : 36), 110, 64});
    plan.tracks = {keys, drums};
    plan.normalize();
    return plan;
}

} // namespace pianola::test
