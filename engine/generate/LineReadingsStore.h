// SPDX-License-Identifier: MIT
// Internal to the generator: what a LineReadings keeps, the last few lines read and how.
#pragma once

#include "engine/generate/PromptText.h"
#include "engine/generate/Request.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pianola::engine::generate {

struct LineReadings::Store
{
    /// A line as readRequest() read it into an empty Interpretation.
    struct Reading
    {
        std::string line;
        Request request;
        std::vector<std::string> understood, unrecognised, notMidi;
    };
    struct Words
    {
        std::string line;
        std::vector<std::string> words;
    };
    /// At most this many lines of each kind (an answer reads its own line and its parent's).
    static constexpr std::size_t kLines = 4;
    std::vector<Reading> readings;
    std::vector<Words> words;

    template <class T> static const T* find(const std::vector<T>& kept, std::string_view line)
    {
        for (const T& k : kept)
            if (k.line == line) return &k;
        return nullptr;
    }
    template <class T> static void keep(std::vector<T>& kept, T item)
    {
        if (kept.size() >= kLines) kept.erase(kept.begin());
        kept.push_back(std::move(item));
    }
};

} // namespace pianola::engine::generate
