// SPDX-License-Identifier: MIT
// `pianola-cli chords` (the chord track, or detected), `refit` (new chords, parts follow),
// `harmonize` (chord tracks for a melody) and `fill` (chords for a gap between fixed chords).
#include "app/cli/CliArgs.h"
#include "app/cli/CliCommands.h"
#include "app/cli/CliText.h"
#include "engine/generate/ChordGap.h"
#include "engine/generate/ChordParts.h"
#include "engine/generate/Harmonize.h"
#include "engine/generate/PlanInfo.h"
#include "engine/generate/Refit.h"
#include "engine/PlanFile.h"
#include "model/ChordSymbol.h"
#include "model/ChordTrack.h"
#include "model/Text.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <sstream>

namespace pianola::cli {

namespace {
// The key chord names are spelled for at `tick`: the file's signature, else the notes' key.
model::KeySignature spellingKey(const model::Plan& plan, model::Tick tick)
{
    model::KeySignature key;
    if (!plan.keySignatures.empty()) {
        for (const model::KeySignature& k : plan.keySignatures)
            if (k.tick <= tick || &k == &plan.keySignatures.front()) key = k;
        return key;
    }
    int tonic = 0;
    bool minor = false;
    engine::generate::estimateKey(plan, tonic, minor);
    model::keySignatureFromTonic(model::spellPitchClass(tonic), minor, key);
    return key;
}

// "3.2" (bar 3, beat 2), "3.2+240" off the beat.
std::string barBeat(const model::Plan& plan, const std::vector<model::Tick>& bars, model::Tick tick)
{
    const auto it = std::upper_bound(bars.begin(), bars.end(), tick);
    const std::size_t bar =
        it == bars.begin() ? 0 : static_cast<std::size_t>(it - bars.begin() - 1);
    model::TimeSignature meter;
    for (const model::TimeSignature& ts : plan.timeSignatures)
        if (ts.tick <= bars[bar]) meter = ts;
    const model::Tick beat =
        std::max<model::Tick>(1, plan.ppq * 4 / std::max(1, meter.denominator));
    const model::Tick into = tick - bars[bar];
    std::string out = std::to_string(bar + 1) + "." + std::to_string(into / beat + 1);
    if (into % beat) out += "+" + std::to_string(into % beat);
    return out;
}

std::string symbolText(const model::Plan& plan, const model::PlanChord& c)
{
    const auto symbol = model::chordSymbolOf(c);
    return symbol ? model::chordSymbolText(*symbol, spellingKey(plan, c.startTick))
                  : model::chordSymbol(c, true);
}

// OUT.mid -> OUT-2.mid (only when there is more than one take).
std::string numberedPath(const std::string& path, int index, int count)
{
    if (count == 1) return path;
    const std::size_t slash = path.find_last_of('/');
    std::size_t dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) dot = path.size();
    return path.substr(0, dot) + "-" + std::to_string(index + 1) + path.substr(dot);
}

void printChords(const Io& io, const std::string& path, const model::Plan& plan,
                 const std::vector<model::PlanChord>& chords, bool detected, bool json)
{
    const model::Tick end = chords.empty() ? 1 : chords.back().endTick() + 1;
    const std::vector<model::Tick> bars =
        model::barStarts(plan, std::max(end, plan.lengthTicks() + 1));
    const model::KeySignature key = spellingKey(plan, 0);
    const std::string keyName = model::keySignatureTonic(key) + (key.minor ? " minor" : " major");
    if (!json) {
        std::fprintf(io.out, "# %s: %zu chords, %s, spelled for %s\n", printable(path).c_str(),
                     chords.size(), detected ? "detected from the notes" : "the file's chord track",
                     keyName.c_str());
        for (const model::PlanChord& c : chords)
            std::fprintf(io.out, "%-8s %s\n", barBeat(plan, bars, c.startTick).c_str(),
                         symbolText(plan, c).c_str());
        return;
    }
    nlohmann::json out = nlohmann::json::object();
    out["file"] = model::toUtf8Text(path);
    out["source"] = detected ? "detected" : "file";
    out["key"] = keyName;
    out["chords"] = nlohmann::json::array();
    for (const model::PlanChord& c : chords) {
        nlohmann::json chord = nlohmann::json::object();
        chord["at"] = barBeat(plan, bars, c.startTick);
        chord["start"] = c.startTick;
        chord["length"] = c.lengthTicks;
        chord["symbol"] = symbolText(plan, c);
        chord["root"] = c.root;
        chord["quality"] = c.quality;
        chord["bass"] = c.bass >= 0 ? nlohmann::json(c.bass) : nlohmann::json();
        chord["tones"] = c.tones;
        out["chords"].push_back(std::move(chord));
    }
    std::fprintf(io.out, "%s\n",
                 out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}
// "3-4" or "3": the first and last bar (1-based), or nothing.
std::optional<std::pair<int, int>> barsOf(const std::string& text)
{
    const std::size_t dash = text.find('-');
    const std::string first = text.substr(0, dash);
    const std::string last = dash == std::string::npos ? first : text.substr(dash + 1);
    const auto number = [](const std::string& s) {
        return !s.empty() && s.size() <= 5 &&
               std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!number(first) || !number(last)) return std::nullopt;
    const int a = std::stoi(first), b = std::stoi(last);
    if (a < 1 || b < a) return std::nullopt;
    return std::pair{a, b};
}

// `--between "C G"`: the chords before and after the gap; an error names the bad symbol.
Result<engine::generate::ChordGap> boundsOf(const std::string& text)
{
    std::istringstream in(text);
    std::vector<std::string> words;
    for (std::string w; in >> w && words.size() < 3;)
        words.push_back(w);
    if (words.size() != 2)
        return makeError(Error::Code::ParseError, "--between needs two chords (\"C G\")");
    engine::generate::ChordGap gap;
    for (int i = 0; i < 2; ++i) {
        auto symbol = model::parseChordSymbol(words[static_cast<std::size_t>(i)]);
        if (!symbol || symbol->noChord)
            return makeError(
                Error::Code::ParseError,
                "--between: \"" + words[static_cast<std::size_t>(i)] + "\": " +
                    (symbol ? std::string("N.C. cannot bound a gap") : symbol.error().message));
        (i == 0 ? gap.before : gap.after) = *symbol;
    }
    return gap;
}
} // namespace

int commandChords(const std::vector<std::string>& args, const Io& io)
{
    CliArgs parsed({"--detect", "--json", "--quiet"}, {"--take"});
    if (!parsed.parse(args)) return usageError(io, "chords", parsed.error());
    if (parsed.positionals().size() != 1) return usageError(io, "chords", "needs one FILE");
    const std::string& path = parsed.positionals().front();
    auto loaded = loadInput(io, path, parsed, !parsed.has("--quiet"));
    if (!loaded) return kBadInput;
    const model::Plan& plan = loaded->plan;
    const bool detect = parsed.has("--detect") || plan.chords.empty();
    const std::vector<model::PlanChord> chords =
        detect ? engine::generate::detectChords(plan) : plan.chords;
    printChords(io, path, plan, chords, detect, parsed.has("--json"));
    return kOk;
}

int commandRefit(const std::vector<std::string>& args, const Io& io)
{
    CliArgs parsed({"--quiet"}, {"--chords", "-o", "--output", "--take"});
    if (!parsed.parse(args)) return usageError(io, "refit", parsed.error());
    const auto output = parsed.value("-o") ? parsed.value("-o") : parsed.value("--output");
    const auto bars = parsed.value("--chords");
    if (parsed.positionals().size() != 1 || !output || !bars)
        return usageError(io, "refit", "needs one input file, --chords \"BARS\" and -o OUT");
    const std::string& path = parsed.positionals().front();
    auto loaded = loadInput(io, path, parsed, !parsed.has("--quiet"));
    if (!loaded) return kBadInput;
    auto chords = model::chordsFromBars(*bars, loaded->plan);
    if (!chords) {
        printError(io.err, "pianola-cli refit: --chords: " + chords.error().message);
        return kBadInput;
    }
    engine::generate::RefitReport report;
    const model::Plan refit =
        engine::generate::refitToChords(loaded->plan, std::move(*chords), &report);
    std::vector<std::string> warnings;
    if (auto saved = engine::savePlanFile(*output, refit, 1, &warnings); !saved) {
        printError(io.err, saved.error().message);
        return kBadInput;
    }
    for (const std::string& w : warnings)
        printWarning(io.err, *output, w);
    if (!parsed.has("--quiet"))
        std::fprintf(io.err, "%s: %zu chords; %d notes moved, %d kept, %d locked, in %d tracks\n",
                     printable(*output).c_str(), refit.chords.size(), report.movedNotes,
                     report.keptNotes, report.lockedNotes, report.tracks);
    return kOk;
}

int commandHarmonize(const std::vector<std::string>& args, const Io& io)
{
    CliArgs parsed({"--quiet"}, {"--track", "--takes", "-o", "--output", "--take"});
    if (!parsed.parse(args)) return usageError(io, "harmonize", parsed.error());
    const auto output = parsed.value("-o") ? parsed.value("-o") : parsed.value("--output");
    if (parsed.positionals().size() != 1 || !output)
        return usageError(io, "harmonize", "needs one input file and -o OUT");
    int track = 0, takes = 4;
    try {
        if (const auto t = parsed.value("--track")) track = std::stoi(*t);
        if (const auto n = parsed.value("--takes")) takes = std::stoi(*n);
    } catch (const std::exception&) {
        return usageError(io, "harmonize", "--track and --takes need numbers");
    }
    if (takes < 1 || takes > 16) return usageError(io, "harmonize", "--takes must be 1..16");
    auto loaded = loadInput(io, parsed.positionals().front(), parsed, !parsed.has("--quiet"));
    if (!loaded) return kBadInput;
    const model::Plan& plan = loaded->plan;
    const int melody = track > 0 ? track - 1 : engine::generate::melodyTrackOf(plan);
    if (melody < 0 || melody >= static_cast<int>(plan.tracks.size()) ||
        plan.tracks[static_cast<std::size_t>(melody)].notes.empty() ||
        plan.tracks[static_cast<std::size_t>(melody)].channel == 9) {
        printError(io.err, "pianola-cli harmonize: no pitched melody track" +
                               (track > 0 ? " " + std::to_string(track) : std::string()));
        return kBadInput;
    }
    model::Plan alone = plan; // the file's parts do not follow: each take gets a chord part
    for (model::Track& t : alone.tracks)
        t.followsChords = false;
    const auto candidates = engine::generate::harmonizedTakes(alone, melody, takes);
    for (int i = 0; i < takes; ++i) {
        const model::Plan& take = candidates[static_cast<std::size_t>(i)];
        const std::string path = numberedPath(*output, i, takes);
        if (auto saved = engine::savePlanFile(path, take); !saved) {
            printError(io.err, saved.error().message);
            return kBadInput;
        }
        if (!parsed.has("--quiet"))
            std::fprintf(io.err, "%s: %zu chords\n", printable(path).c_str(), take.chords.size());
    }
    return kOk;
}

int commandFill(const std::vector<std::string>& args, const Io& io)
{
    CliArgs parsed({"--quiet"}, {"--bars", "--between", "--takes", "-o", "--output", "--take"});
    if (!parsed.parse(args)) return usageError(io, "fill", parsed.error());
    const auto output = parsed.value("-o") ? parsed.value("-o") : parsed.value("--output");
    const auto bars = parsed.value("--bars") ? barsOf(*parsed.value("--bars")) : std::nullopt;
    if (parsed.positionals().size() != 1 || !output || !bars)
        return usageError(io, "fill", "needs one input file, --bars FIRST-LAST and -o OUT");
    const int first = bars->first, last = bars->second;
    int takes = 4;
    try {
        if (const auto n = parsed.value("--takes")) takes = std::stoi(*n);
    } catch (const std::exception&) {
        return usageError(io, "fill", "--takes needs a number");
    }
    if (takes < 1 || takes > 16) return usageError(io, "fill", "--takes must be 1..16");
    engine::generate::ChordGap gap;
    if (const auto between = parsed.value("--between")) {
        auto bounds = boundsOf(*between);
        if (!bounds) {
            printError(io.err, "pianola-cli fill: " + bounds.error().message);
            return kBadInput;
        }
        gap = *bounds;
    }
    auto loaded = loadInput(io, parsed.positionals().front(), parsed, !parsed.has("--quiet"));
    if (!loaded) return kBadInput;
    model::Plan plan = loaded->plan;
    if (plan.chords.empty()) plan.chords = engine::generate::detectChords(plan);
    const model::Tick limit = model::chordTrackLimit(plan);
    const std::vector<model::Tick> starts = model::barStarts(plan, limit);
    if (last > static_cast<int>(starts.size())) {
        printError(io.err, "pianola-cli fill: --bars: the take has bars 1 to " +
                               std::to_string(starts.size()));
        return kBadInput;
    }
    gap.from = starts[static_cast<std::size_t>(first - 1)];
    gap.to =
        last < static_cast<int>(starts.size()) ? starts[static_cast<std::size_t>(last)] : limit;
    if (engine::generate::followingTracks(plan).empty()) // a .mid: every pitched part follows
        for (model::Track& t : plan.tracks)
            t.followsChords = t.channel != 9;
    const auto candidates = engine::generate::fillChordGap(plan, gap, takes);
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const model::Plan take = engine::generate::followChordChange(plan, candidates[i]);
        const std::string path =
            numberedPath(*output, static_cast<int>(i), static_cast<int>(candidates.size()));
        if (auto saved = engine::savePlanFile(path, take); !saved) {
            printError(io.err, saved.error().message);
            return kBadInput;
        }
        if (parsed.has("--quiet")) continue;
        std::string names;
        for (const model::PlanChord& c : take.chords)
            if (c.startTick >= gap.from && c.startTick < gap.to)
                names += (names.empty() ? "" : " ") + symbolText(take, c);
        std::fprintf(io.err, "%s: bars %d-%d: %s\n", printable(path).c_str(), first, last,
                     printable(names).c_str());
    }
    return kOk;
}

} // namespace pianola::cli
