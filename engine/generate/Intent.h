// SPDX-License-Identifier: MIT
// One reader for every chat line: a line becomes an intent (new song, add, regenerate, remove or
// lock a part, change the take), read with the interpreter's one vocabulary (Lexicon.cpp).
#pragma once

#include "engine/generate/Arranger.h"
#include "engine/generate/Brief.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pianola::engine::generate {

enum class IntentKind {
    NewSong,     ///< a brief: new music, no parent
    AddPart,     ///< "add drums", "give me a bass", "generate a soft sub bass ..."
    ReplacePart, ///< "new drums", "regenerate the bass", "another melody for bars 5-8"
    RemovePart,  ///< "remove the pad", "drop the drums", "without the melody"
    LockPart,    ///< "keep the bass", "lock the drums" (nothing else asked)
    Change,      ///< a variation of the take ("darker", "same drums but harder kick", "a fill")
    NotMidi,     ///< only sound design MIDI cannot carry ("add reverb", "vinyl crackle")
    Nonsense     ///< nothing in the line is understood
};

struct Intent
{
    IntentKind kind = IntentKind::NewSong;
    Role role = Role::Chords;         ///< the part, for Add/Replace/Remove/Lock
    int fromBar = 0, toBar = 0;       ///< a region ("bars 5-8"), bars from 1; 0 = the whole take
    bool secondLayer = false;         ///< "a second percussion layer"
    bool keepRhythm = false;          ///< "re-roll the chords but keep the rhythm"
    bool regenerateVerb = false;      ///< "regenerate", "again", "new"...: with no part named, the
                                      ///< app's scope says what (engine::llm::narrowIntent)
    std::vector<std::string> notMidi; ///< phrases MIDI cannot do ("vinyl crackle", "reverb")
    /// The chip that says what was read and what it applies to ("add part: bass").
    std::string chip() const;
    /// As a request to the arranger (Add/Replace/Remove/Lock only).
    PartRequest partRequest() const;
};

/// The intent of `line`. `takeRoles`: the roles of the playing take's tracks (nullptr: no take is
/// playing, so every line that asks for music is a new song). Pure; reads at most
/// kMaxPromptBytes.
Intent readIntent(std::string_view line, const std::vector<std::optional<Role>>* takeRoles);

/// The one-line answer to a line that asked only for sound MIDI cannot carry.
std::string notMidiAnswer(const std::vector<std::string>& phrases);
/// The short answer to a line nothing of which was understood, with examples that work.
std::string nonsenseAnswer(bool takePlaying);

std::string_view intentName(IntentKind kind);

} // namespace pianola::engine::generate
