// SPDX-License-Identifier: MIT
// Fuzzes the chord-symbol reader: any bytes either parse or give an error that names a
// character; a parsed symbol printed for any key parses back equal, with sane tones.
#include "FuzzCheck.h"
#include "model/ChordSymbol.h"
#include "model/Text.h"

#include <string_view>

using namespace pianola;
using pianola::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size > 256) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto symbol = model::parseChordSymbol(text);
    if (!symbol) {
        check(!symbol.error().message.empty() && model::isValidUtf8(symbol.error().message),
              "a parse error without a readable message");
        return 0;
    }
    const std::vector<int> tones = symbol->tones();
    check(symbol->noChord == tones.empty(), "a chord without tones, or N.C. with tones");
    check(tones.size() <= 12, "more than 12 tones");
    for (int t : tones)
        check(t >= 0 && t < 12, "a tone outside 0..11");
    check(symbol->noChord || tones.front() == symbol->root, "the tones do not start at the root");
    for (int sharps = -7; sharps <= 7; ++sharps)
        for (bool minor : {false, true}) {
            const std::string printed = model::chordSymbolText(*symbol, {0, sharps, minor});
            check(printed.size() <= model::kMaxChordSymbolBytes, "a printed symbol too long");
            const auto again = model::parseChordSymbol(printed);
            check(again.ok(), "a printed symbol does not parse");
            check(*again == *symbol, "parse(print(parse(x))) != parse(x)");
        }
    return 0;
}
