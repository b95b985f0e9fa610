// SPDX-License-Identifier: MIT
// Brief JSON I/O with the plan JSON readers: typed fields, ranges, every problem with its path.
#include "engine/generate/BriefJson.h"

#include "model/Analysis.h"
#include "model/JsonReader.h"

#include <array>

namespace pianola::engine::generate {

namespace {
using model::jsonio::Field;
using model::jsonio::Json;
using model::jsonio::JsonPath;
using model::jsonio::JsonReader;

template <typename E, int N, std::string_view (*Name)(E)>
const std::array<std::string_view, N>& names()
{
    static const std::array<std::string_view, N> table = [] {
        std::array<std::string_view, N> t{};
        for (int i = 0; i < N; ++i)
            t[static_cast<std::size_t>(i)] = Name(static_cast<E>(i));
        return t;
    }();
    return table;
}
const auto& roleNames()
{
    return names<Role, kRoleCount, roleName>();
}
const auto& modeNames()
{
    return names<Mode, kModeCount, modeName>();
}
const auto& genreNames()
{
    return names<Genre, kGenreCount, genreName>();
}
const auto& moodNames()
{
    return names<Mood, kMoodCount, moodName>();
}
const auto& voicingNames()
{
    return names<Voicing, 4, voicingName>();
}
const auto& followNames()
{
    return names<BassFollow, 3, bassFollowName>();
}
constexpr std::array<std::string_view, 17> kTonics = {
    "C", "C#", "Db", "D", "D#", "Eb", "E", "F", "F#", "Gb", "G", "G#", "Ab", "A", "A#", "Bb", "B"};
constexpr std::array<int, 17> kTonicPcs = {0, 1, 1, 2, 3, 3, 4, 5, 6, 6, 7, 8, 8, 9, 10, 10, 11};

// An enum field read through its names.
template <typename Target, auto Member, const auto& (*Names)()>
Field<Target> enumField(std::string_view name, bool required = false)
{
    return {name, required, [](JsonReader& in, const Json& v, const JsonPath& p, Target& t) {
                if (const auto i = in.choice(v, p, Names()))
                    t.*Member = static_cast<std::remove_cvref_t<decltype(t.*Member)>>(*i);
            }};
}

void readBars(JsonReader& in, const Json& v, const JsonPath& p, std::vector<int>& out)
{
    out.clear();
    model::jsonio::readArray(in, v, p, out, [&](const Json& e, const JsonPath& ep, int& bar) {
        in.readInt(bar, e, ep, Brief::kMinBars, Brief::kMaxBars);
    });
}

const auto& actionNames()
{
    return names<BriefIntent::Action, 5, briefActionName>();
}

const std::array<Field<BriefIntent>, 4> kIntentFields = {{
    enumField<BriefIntent, &BriefIntent::action, actionNames>("action", model::jsonio::kRequired),
    {"part", false,
     [](JsonReader& in, const Json& v, const JsonPath& p, BriefIntent& t) {
         if (const auto i = in.choice(v, p, roleNames())) t.part = static_cast<Role>(*i);
     }},
    model::jsonio::intField<BriefIntent, &BriefIntent::fromBar, 1, Brief::kMaxBars>("fromBar"),
    model::jsonio::intField<BriefIntent, &BriefIntent::toBar, 1, Brief::kMaxBars>("toBar"),
}};

const std::array<Field<Part>, 4> kPartFields = {{
    enumField<Part, &Part::role, roleNames>("role", model::jsonio::kRequired),
    model::jsonio::intField<Part, &Part::program, 0, 127>("program"),
    model::jsonio::intField<Part, &Part::lowKey, 0, 127>("lowKey"),
    model::jsonio::intField<Part, &Part::highKey, 0, 127>("highKey"),
}};

const std::array<Field<Directives>, 8> kDirectiveFields = {{
    model::jsonio::boolField<Directives, &Directives::backbeat>("backbeat"),
    model::jsonio::boolField<Directives, &Directives::clap>("clap"),
    model::jsonio::boolField<Directives, &Directives::fourOnTheFloor>("fourOnTheFloor"),
    model::jsonio::boolField<Directives, &Directives::ghostNotes>("ghostNotes"),
    model::jsonio::boolField<Directives, &Directives::crashBar1>("crashBar1"),
    {"tripletHatBars", false,
     [](JsonReader& in, const Json& v, const JsonPath& p, Directives& d) {
         readBars(in, v, p, d.tripletHatBars);
     }},
    {"fillBars", false,
     [](JsonReader& in, const Json& v, const JsonPath& p, Directives& d) {
         readBars(in, v, p, d.fillBars);
     }},
    enumField<Directives, &Directives::bassFollow, followNames>("bassFollow"),
}};

template <auto Member> void readUnit(JsonReader& in, const Json& v, const JsonPath& p, Brief& b)
{
    if (const auto x = in.number(v, p, 0, 1)) b.*Member = *x;
}

const std::
    array<Field<Brief>, 22>
        kBriefFields =
            {
                {
                    {"genre", false,
                     [](JsonReader&, const Json&, const JsonPath&, Brief&) {
                     }}, // read first, see briefFromJson
                    {"parts", false,
                     [](JsonReader& in, const Json& v, const JsonPath& p, Brief& b) {
                         b.parts.clear();
                         model::jsonio::readArray(
                             in, v, p, b.parts, [&](const Json& e, const JsonPath& ep, Part& part) {
                                 if (const Json* role = model::jsonio::findMember(e, "role");
                                     role && role->is_string())
                                     if (const auto r = roleFromName(role->get<std::string>()))
                                         part = defaultPart(
                                             b.genre, *r); // unnamed fields: the genre's default
                                 model::jsonio::visitFields<Part>(in, e, ep, kPartFields, part);
                             });
                     }},
                    {"tonic", false,
                     [](JsonReader& in, const Json& v, const JsonPath& p, Brief& b) {
                         if (const auto i = in.choice(v, p, kTonics)) b.tonic = kTonicPcs[*i];
                     }},
                    enumField<Brief, &Brief::mode, modeNames>("mode"),
                    {"bpm", false,
                     [](JsonReader& in, const Json& v, const JsonPath& p, Brief& b) {
                         if (const auto x = in.number(v, p, Brief::kMinBpm, Brief::kMaxBpm))
                             b.bpm = *x;
                     }},
                    model::jsonio::intField<Brief, &Brief::numerator, 1, 32>("numerator"),
                    {"denominator", false,
                     [](JsonReader& in, const Json& v, const JsonPath& p, Brief& b) {
                         if (const auto d = in.integer<std::int64_t>(v, p, 2, 16)) {
                             if (*d == 2 || *d == 4 || *d == 8 || *d == 16)
                                 b.denominator = static_cast<int>(*d);
                             else
                                 in.error(p, "must be 2, 4, 8 or 16");
                         }
                     }},
                    model::jsonio::intField<Brief, &Brief::bars, Brief::kMinBars, Brief::kMaxBars>(
                        "bars"),
                    enumField<Brief, &Brief::mood, moodNames>("mood"),
                    {"density", false, readUnit<&Brief::density>},
                    {"complexity", false, readUnit<&Brief::complexity>},
                    {"extension", false,
                     [](JsonReader& in, const Json& v, const JsonPath& p, Brief& b) {
                         if (const auto e = in.integer<std::int64_t>(v, p, 0, 13)) {
                             if (*e == 0 || *e == 7 || *e == 9 || *e == 11 || *e == 13)
                                 b.extension = static_cast<int>(*e);
                             else
                                 in.error(p, "must be 0 (triads), 7, 9, 11 or 13");
                         }
                     }},
                    model::jsonio::boolField<Brief, &Brief::sus>("sus"),
                    model::jsonio::boolField<Brief, &Brief::add9>("add9"),
                    enumField<Brief, &Brief::voicing, voicingNames>("voicing"),
                    {"humanize", false, readUnit<&Brief::humanize>},
                    {"swing", false,
                     [](JsonReader& in, const Json& v, const JsonPath& p, Brief& b) {
                         if (const auto x = in.number(v, p, 50, 75)) b.swing = *x;
                     }},
                    model::jsonio::boolField<Brief, &Brief::swing16>("swing16"),
                    {"directives", false,
                     [](JsonReader& in, const Json& v, const JsonPath& p, Brief& b) {
                         model::jsonio::visitFields<Directives>(in, v, p, kDirectiveFields,
                                                                b.directives);
                     }},
                    model::jsonio::intField<Brief, &Brief::candidates, 1, Brief::kMaxCandidates>(
                        "candidates"),
                    model::jsonio::idField<Brief, &Brief::seed, 0>("seed"),
                    {"intent", false,
                     [](JsonReader& in, const Json& v, const JsonPath& p, Brief& b) {
                         BriefIntent intent;
                         model::jsonio::visitFields<BriefIntent>(in, v, p, kIntentFields, intent);
                         // "toBar" alone is a region from the first bar ("up to bar 8"):
                         // a region is known by its start, and the writer writes both or none.
                         if (intent.fromBar == 0 && intent.toBar > 0) intent.fromBar = 1;
                         if (intent.toBar < intent.fromBar) intent.toBar = intent.fromBar;
                         b.intent = intent;
                     }},
                }};
} // namespace

std::string briefToJson(const Brief& b, int indent)
{
    Json j;
    j["genre"] = genreName(b.genre);
    Json parts = Json::array();
    for (const Part& p : b.parts)
        parts.push_back({{"role", roleName(p.role)},
                         {"program", p.program},
                         {"lowKey", p.lowKey},
                         {"highKey", p.highKey}});
    j["parts"] = parts;
    j["tonic"] = model::analysis::keyTonicName(b.tonic, isMinorMode(b.mode));
    j["mode"] = modeName(b.mode);
    j["bpm"] = b.bpm;
    j["numerator"] = b.numerator;
    j["denominator"] = b.denominator;
    j["bars"] = b.bars;
    j["mood"] = moodName(b.mood);
    j["density"] = b.density;
    j["complexity"] = b.complexity;
    j["extension"] = b.extension;
    j["sus"] = b.sus;
    j["add9"] = b.add9;
    j["voicing"] = voicingName(b.voicing);
    j["humanize"] = b.humanize;
    j["swing"] = b.swing;
    j["swing16"] = b.swing16;
    const Directives& d = b.directives;
    j["directives"] = {{"backbeat", d.backbeat},
                       {"clap", d.clap},
                       {"fourOnTheFloor", d.fourOnTheFloor},
                       {"ghostNotes", d.ghostNotes},
                       {"crashBar1", d.crashBar1},
                       {"tripletHatBars", d.tripletHatBars},
                       {"fillBars", d.fillBars},
                       {"bassFollow", bassFollowName(d.bassFollow)}};
    j["candidates"] = b.candidates;
    j["seed"] = b.seed;
    if (b.intent) {
        j["intent"] = {{"action", briefActionName(b.intent->action)}};
        if (b.intent->part) j["intent"]["part"] = roleName(*b.intent->part);
        if (b.intent->fromBar > 0)
            j["intent"]["fromBar"] = b.intent->fromBar, j["intent"]["toBar"] = b.intent->toBar;
    }
    return j.dump(indent);
}

Result<BriefReadResult> briefFromJson(std::string_view text)
{
    BriefReadResult result;
    model::jsonio::ParsedDocument doc = model::jsonio::parseDocument(text, result.report);
    if (!doc.ok) return makeError(doc.failure, result.report.errorText());
    JsonReader in(result.report);
    const JsonPath root;
    Genre genre = Genre::Pop;
    if (const Json* g =
            doc.root.is_object() ? model::jsonio::findMember(doc.root, "genre") : nullptr)
        if (const auto i = in.choice(*g, root.key("genre"), genreNames()))
            genre = static_cast<Genre>(*i);
    result.brief = defaultBrief(genre);
    model::jsonio::visitFields<Brief>(in, doc.root, root, kBriefFields, result.brief);
    if (in.errorCount() == 0) // cross-field checks: register spans, duplicate roles, bars named
        for (const std::string& problem : briefProblems(result.brief))
            in.error(root, problem);
    in.finish();
    if (!result.report.ok())
        return makeError(Error::Code::ValidationError, result.report.errorText());
    return result;
}

} // namespace pianola::engine::generate
