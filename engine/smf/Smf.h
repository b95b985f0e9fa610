// SPDX-License-Identifier: MIT
// The Standard MIDI File as read or to be written: header, tracks of timed events, diagnostics.
#pragma once

#include "model/Plan.h"

#include <cstdint>
#include <string>
#include <vector>

namespace pianola::engine::smf {

using model::Tick;

/// Largest file the reader accepts, and most events it stores, against hostile input. A plan's
/// 8,000,000 notes take 16,000,000 note-on/off events: the rest leaves room for the others.
inline constexpr std::size_t kMaxFileBytes = 128u << 20;
inline constexpr std::size_t kMaxEvents = 17'000'000;
inline constexpr int kMaxTracks = 65535;

inline constexpr std::uint8_t kMetaStatus = 0xFF;
inline constexpr std::uint8_t kMetaSequenceNumber = 0x00;
inline constexpr std::uint8_t kMetaText = 0x01;
inline constexpr std::uint8_t kMetaTrackName = 0x03;
inline constexpr std::uint8_t kMetaEndOfTrack = 0x2F;
inline constexpr std::uint8_t kMetaTempo = 0x51;
inline constexpr std::uint8_t kMetaSmpteOffset = 0x54;
inline constexpr std::uint8_t kMetaTimeSignature = 0x58;
inline constexpr std::uint8_t kMetaKeySignature = 0x59;

/// One event with its absolute tick. Channel events: `status` 0x80..0xEF with data1/data2.
/// Meta: status 0xFF, data1 = type, payload in SmfFile::payload. Sysex: status 0xF0 or 0xF7,
/// payload = the bytes after the length.
struct Event
{
    Tick tick = 0;
    std::uint32_t payloadOffset = 0;
    std::uint32_t payloadLength = 0;
    std::uint8_t status = 0;
    std::uint8_t data1 = 0;
    std::uint8_t data2 = 0;

    bool isChannel() const { return status >= 0x80 && status < 0xF0; }
    bool isMeta() const { return status == kMetaStatus; }
    bool isSysex() const { return status == 0xF0 || status == 0xF7; }
    int channel() const { return status & 0x0F; }
    int kind() const { return status & 0xF0; }
};

struct TrackChunk
{
    std::vector<Event> events;  ///< in file order (ticks non-decreasing); no end-of-track
    Tick endTick = 0;           ///< tick of the end-of-track event (or of the last event)
    std::size_t byteOffset = 0; ///< where the chunk starts in the file
};

/// A reader's remark about a recovered problem, with the byte offset it concerns.
struct Diagnostic
{
    std::size_t offset = 0;
    std::string message; ///< already says "at byte N"
};

struct SmfFile
{
    int format = 1;     ///< 0, 1 or 2
    int ppq = 480;      ///< ticks per quarter (derived for SMPTE files)
    bool smpte = false; ///< the file used an SMPTE division
    int smpteFps = 0;   ///< 24, 25, 29 (29.97 drop) or 30
    int smpteTicksPerFrame = 0;
    std::vector<TrackChunk> tracks;
    std::string payload; ///< meta and sysex bytes, referenced by Event offsets
    std::vector<Diagnostic> warnings;

    std::string_view payloadOf(const Event& e) const
    {
        return std::string_view(payload).substr(e.payloadOffset, e.payloadLength);
    }
};

/// A note as a reader pairs it (first in, first out per track, channel and key).
struct PairedNote
{
    Tick startTick = 0;
    Tick endTick = 0;
    std::int32_t track = 0;
    std::uint8_t channel = 0;
    std::uint8_t key = 0;
    std::uint8_t velocity = 0;
    std::uint8_t releaseVelocity = 64;
};

} // namespace pianola::engine::smf
