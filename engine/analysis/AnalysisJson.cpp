// SPDX-License-Identifier: MIT
// An analysis as one line of JSON.
#include "engine/analysis/AnalysisReport.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace pianola::engine::analysis {

using Json = nlohmann::ordered_json;
using namespace model::analysis;

namespace {
double round3(double v)
{
    return std::isfinite(v) ? std::round(v * 1000.0) / 1000.0 : 0.0;
}

Json keyJson(const Key& k, bool withConfidence = true)
{
    Json j{{"tonic", pitchClassName(k.tonic)}, {"mode", k.minor ? "minor" : "major"}};
    if (withConfidence) j["confidence"] = round3(k.confidence);
    return j;
}

Json chordsJson(const std::vector<Chord>& chords)
{
    Json list = Json::array();
    for (const Chord& c : chords)
        list.push_back({{"start_s", round3(c.startS)},
                        {"end_s", round3(c.endS)},
                        {"symbol", chordSymbol(c)},
                        {"root", pitchClassName(c.root)},
                        {"quality", c.quality},
                        {"bass", pitchClassName(c.bass)}});
    return list;
}

void harmonyJson(const Analysis& a, Json& j)
{
    j["key"] = keyJson(a.key);
    j["key_runner_ups"] = Json::array();
    for (const Key& k : a.keyRunnerUps)
        j["key_runner_ups"].push_back(keyJson(k));
    j["key_spans"] = Json::array();
    for (const KeySpan& s : a.keySpans) {
        Json span{{"start_s", round3(s.startS)}, {"end_s", round3(s.endS)}};
        span.update(keyJson(s.key, false));
        j["key_spans"].push_back(span);
    }
    j["chords"] = chordsJson(a.chords);
}

void partsJson(const Analysis& a, Json& j)
{
    j["tracks"] = Json::array();
    for (const TrackSummary& t : a.tracks)
        j["tracks"].push_back({{"name", t.name},
                               {"channel", t.channel},
                               {"program", t.program},
                               {"notes", t.notes},
                               {"lowest_key", t.lowestKey},
                               {"highest_key", t.highestKey}});
    j["channels"] = Json::array();
    for (const ChannelTiming& c : a.channelTiming)
        j["channels"].push_back({{"channel", c.channel},
                                 {"onsets", c.onsets},
                                 {"mean_ioi_ms", round3(c.meanIoiMs)},
                                 {"median_ioi_ms", round3(c.medianIoiMs)}});
    j["controllers"] = Json::array();
    for (const ControllerUse& c : a.controllers)
        j["controllers"].push_back({{"channel", c.channel},
                                    {"controller", c.controller},
                                    {"events", c.events},
                                    {"min", c.minValue},
                                    {"max", c.maxValue},
                                    {"travel", c.travel}});
    j["pitch_bends"] = Json::array();
    for (const PitchBendUse& p : a.pitchBends)
        j["pitch_bends"].push_back({{"channel", p.channel},
                                    {"events", p.events},
                                    {"min", p.minValue},
                                    {"max", p.maxValue}});
}

Json drumsJson(const DrumSummary& d)
{
    Json pieces = Json::array();
    for (const DrumPiece& p : d.pieces)
        pieces.push_back({{"key", p.key},
                          {"name", p.name},
                          {"hits", p.hits},
                          {"hits_per_bar", round3(p.hitsPerBar)}});
    return {{"hits", d.hits},
            {"hits_per_bar", round3(d.hitsPerBar)},
            {"pieces", pieces},
            {"patterns", d.patterns},
            {"fill_bars", d.fillBars}};
}

void timingJson(const Analysis& a, Json& j)
{
    j["duration_ms"] = round3(a.durationMs);
    j["note_count"] = a.noteCount;
    j["average_note_ms"] = round3(a.averageNoteMs);
    j["mean_bpm"] = round3(a.meanBpm);
    j["tempo_map"] = Json::array();
    for (const TempoPoint& t : a.tempoMap)
        j["tempo_map"].push_back({{"start_s", round3(t.startS)}, {"bpm", round3(t.bpm)}});
    j["meter"] = {{"numerator", a.meterNumerator}, {"denominator", a.meterDenominator}};
    j["bars"] = a.bars;
}

void textureJson(const Analysis& a, Json& j)
{
    j["notes_per_bar"] = a.notesPerBar;
    j["mean_notes_per_bar"] = round3(a.meanNotesPerBar);
    j["polyphony"] = {{"mean", round3(a.meanPolyphony)}, {"max", a.maxPolyphony}};
    j["articulation"] = {{"staccato_ratio", round3(a.staccatoRatio)},
                         {"legato_ratio", round3(a.legatoRatio)}};
    Json pcs = Json::array();
    for (double v : a.pitchClasses)
        pcs.push_back(round3(v));
    j["pitch_classes"] = pcs;
    j["velocity"] = {{"min", a.velocityMin},
                     {"max", a.velocityMax},
                     {"mean", round3(a.velocityMean)},
                     {"stddev", round3(a.velocityStdDev)},
                     {"histogram", a.velocityHistogram}};
}
} // namespace

std::string analysisToJson(const Analysis& a, const std::string& file)
{
    Json j = Json::object();
    if (!file.empty()) j["file"] = file;
    timingJson(a, j);
    harmonyJson(a, j);
    textureJson(a, j);
    partsJson(a, j);
    j["feel"] = {{"swing_ratio", round3(a.swingRatio)},
                 {"swing_subdivision", a.swingSubdivision},
                 {"swing_ratio_8ths", round3(a.swingRatio8)},
                 {"swing_ratio_16ths", round3(a.swingRatio16)},
                 {"timing_deviation_ms", round3(a.timingDeviationMs)},
                 {"groove_consistency", round3(a.grooveConsistency)}};
    j["drums"] = drumsJson(a.drums);
    j["narrative"] = a.narrative;
    j["suggestions"] = a.suggestions;
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace pianola::engine::analysis
