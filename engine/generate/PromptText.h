// SPDX-License-Identifier: MIT
// Prompt text: words, numbers in digits or words, note names and the prompt's default seed.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pianola::engine::generate {

/// A word of a prompt.
struct Token
{
    std::string text; ///< as typed (for key names, where case matters)
    std::string lower;
};

/// Splits a prompt into words: at spaces, punctuation and dashes ("lo-fi" -> "lo", "fi"), with
/// digits split from a unit ("120bpm" -> "120", "bpm"; "60%" -> "60", "%"); "/" (meters), "#",
/// "&" and "♭" stay inside words.
std::vector<Token> tokenize(std::string_view prompt);

/// A number written in digits or words ("8", "eight", "twenty four", "a hundred and twenty")
/// starting at `words[i]`; sets `used` to the words it took. Words must be lower case. Values
/// above 1e9 read as 1e9 + 1 (beyond every limit, and safe to convert to int).
std::optional<double> parseNumber(const std::vector<std::string>& words, std::size_t i,
                                  std::size_t& used);

/// A number as parseNumber() read it, for messages: whole numbers in full ("1234567", not
/// "1.23457e+06"), fractions to 6 digits (10 from a million on), and a value parseNumber()
/// capped as "more than 1000000000" (never "1e+09" for "1e309").
std::string numberText(double value);

/// A pitch class from a note name ("F#", "Bb", "B♭", "e flat" as "eb"), or nothing.
std::optional<int> pitchClassFromName(std::string_view name);

/// The prompt's words, lower case, split the way the interpreter splits them ("120bpm" ->
/// "120", "bpm"; "lo-fi" -> "lo", "fi"; "B♭" -> "b♭").
std::vector<std::string> promptWords(std::string_view prompt);

/// A take's name for one step of a conversation ("Same drums but harder kick"): the words
/// trimmed, without closing punctuation, first letter capitalised, cut at a word before 40
/// bytes ("..." then). Names do not pile up: each says only its own step.
std::string takeStepName(std::string_view step);

/// FNV-1a of the text: the default seed of a prompt.
std::uint64_t promptSeed(std::string_view prompt);

/// While one lives on a thread, a line is read once there: readRequest() and promptWords() give
/// again what they read of a line before (the callers of one chat answer, its intent, scope,
/// arranger and checklist, read the same line up to four times). Made where an answer starts
/// (offlineResult); nested, the outermost holds the readings, a few lines at most, freed with it.
/// Readings are pure, so nothing read changes, only how often it is read.
class LineReadings
{
public:
    LineReadings();
    ~LineReadings();
    LineReadings(const LineReadings&) = delete;
    LineReadings& operator=(const LineReadings&) = delete;

    struct Store;            ///< (LineReadingsStore.h, inside the generator)
    static Store* current(); ///< this thread's outermost store, or null

private:
    std::unique_ptr<Store> m_store; ///< null when an outer one holds the readings
};

} // namespace pianola::engine::generate
