// SPDX-License-Identifier: MIT
// Fuzzes the one reader of chat lines alone (no generation, so it runs fast): any text read as an
// intent with and without a playing take, as a brief (the interpreter) and as the words a
// checklist measures. Invariants: reading is pure, regions are sane, chips are valid UTF-8.
#include "engine/analysis/AskedFromWords.h"
#include "engine/generate/Intent.h"
#include "engine/generate/Interpreter.h"
#include "FuzzCheck.h"
#include "model/Text.h"

using namespace pianola;
namespace gen = pianola::engine::generate;
using pianola::fuzz::check;

static void checkIntent(const gen::Intent& intent, const gen::Intent& again)
{
    check(intent.kind == again.kind && intent.role == again.role &&
              intent.fromBar == again.fromBar && intent.toBar == again.toBar,
          "reading the same line twice gave two intents");
    check(intent.fromBar >= 0 && intent.toBar >= 0, "a region starts or ends before bar 1");
    check(intent.toBar == 0 || intent.fromBar <= intent.toBar, "a region ends before it starts");
    const std::string chip = intent.chip();
    check(!chip.empty() && model::isValidUtf8(chip), "an intent's chip is empty or not UTF-8");
    for (const std::string& phrase : intent.notMidi)
        check(model::isValidUtf8(phrase), "a not-MIDI phrase is not UTF-8");
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size > 4096) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    static const std::vector<std::optional<gen::Role>> roles{gen::Role::Chords, gen::Role::Drums,
                                                             gen::Role::Bass};
    checkIntent(gen::readIntent(text, nullptr), gen::readIntent(text, nullptr));
    checkIntent(gen::readIntent(text, &roles), gen::readIntent(text, &roles));
    const gen::Interpretation in = gen::interpret(text, 1);
    check(model::isValidUtf8(in.explain()), "the interpreter's explanation is not UTF-8");
    (void)engine::analysis::askedFromWords(text);
    return 0;
}
