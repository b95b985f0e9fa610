// SPDX-License-Identifier: MIT
// What the app and the CLI do with a chord track: refit chosen parts to it, a plain chord part
// playing it, harmonized candidate takes.
#pragma once

#include "engine/generate/Refit.h"
#include "model/Plan.h"

#include <unordered_set>
#include <utility>
#include <vector>

namespace pianola::engine::generate {

/// The take with `tracks` (indices) refit to its own chord track (see refitToChords), their old
/// harmony detected from the notes (the chord track may already hold the new chords). With
/// `notes`, only those notes (by id, of the first track listed) move. Other tracks are unchanged.
model::Plan refitTracks(const model::Plan& take, const std::vector<int>& tracks,
                        const std::unordered_set<model::NoteId>* notes = nullptr,
                        RefitReport* report = nullptr);
/// The spans [start, end) where two chord tracks sound different chords (or one has none),
/// merged where they touch.
std::vector<std::pair<model::Tick, model::Tick>>
changedSpans(const std::vector<model::PlanChord>& a, const std::vector<model::PlanChord>& b);
/// The take with `chords` as its chord track and its following tracks (followingTracks()) refit
/// from the old harmony (the take's chord track, else the detected one) to `chords`, only for
/// notes struck where the chords changed (changedSpans()), a 32nd early, or anticipating such a
/// change within a beat: the rest of every part, the other tracks, drums and locked notes stay
/// as they were. What a hand edit of the chord track does.
model::Plan followChordChange(const model::Plan& take, std::vector<model::PlanChord> chords,
                              RefitReport* report = nullptr);
/// The indices of the tracks that follow the chord track (Track::followsChords), pitched and
/// unlocked.
std::vector<int> followingTracks(const model::Plan& take);

/// A plain chord part for a chord track: the chord's tones (at most four) in the octave below
/// middle C, struck at each chord and again at each bar line, on a free channel; it follows the
/// chord track.
model::Track chordPart(const model::Plan& plan, const std::vector<model::PlanChord>& chords);

/// `count` takes harmonizing track `melody` (see harmonize()), plainest first: each with its
/// chord track, the following parts refit to it, or, when no part follows, a 'Harmony' chord
/// part added.
std::vector<model::Plan> harmonizedTakes(const model::Plan& take, int melody, int count);

} // namespace pianola::engine::generate
