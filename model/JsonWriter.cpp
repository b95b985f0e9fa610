// SPDX-License-Identifier: MIT
// Writing plan and project JSON in the canonical schema, defaults omitted, one event per line.
#include "model/PlanJson.h"
#include "model/PlanJsonInternal.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <span>

namespace pianola::model {

using jsonio::Json;
using jsonio::kModes;
using jsonio::kRoles;
using jsonio::kSysexKinds;

namespace {

/// Integral tempos print as integers ("110", not "110.0"); others in shortest round-trip form.
Json bpmJson(double bpm)
{
    if (std::abs(bpm) < 1e15 && std::trunc(bpm) == bpm) return static_cast<std::int64_t>(bpm);
    return bpm;
}

Json tempoJson(const TempoChange& t, bool withTick)
{
    return withTick ? Json{{"tick", t.tick}, {"bpm", bpmJson(t.bpm)}} : bpmJson(t.bpm);
}

Json timeSignatureJson(const TimeSignature& t, bool withTick)
{
    Json j = withTick ? Json{{"tick", t.tick}} : Json::object();
    j["numerator"] = t.numerator;
    j["denominator"] = t.denominator;
    if (t.clocksPerClick != TimeSignature{}.clocksPerClick) j["clocksPerClick"] = t.clocksPerClick;
    if (t.thirtySecondsPerQuarter != TimeSignature{}.thirtySecondsPerQuarter)
        j["thirtySecondsPerQuarter"] = t.thirtySecondsPerQuarter;
    return j;
}

Json keyJson(const KeySignature& k, bool withTick)
{
    Json j = withTick ? Json{{"tick", k.tick}} : Json::object();
    j["tonic"] = keySignatureTonic(k);
    j["mode"] = kModes[k.minor ? 1 : 0];
    return j;
}

/// Text meta events (types 1..15) with UTF-8 payloads as "text", everything else as "hex".
Json rawEventJson(const RawEvent& e)
{
    Json j{{"tick", e.tick}};
    if (e.sysex)
        j["sysex"] = kSysexKinds[e.type == 0xF7 ? 1 : 0];
    else
        j["meta"] = e.type;
    const bool textMeta = !e.sysex && e.type >= 1 && e.type <= 15;
    if (textMeta && jsonio::isValidUtf8(e.data))
        j["text"] = e.data;
    else
        j["hex"] = jsonio::toHex(e.data);
    return j;
}

Json noteJson(const Note& n)
{
    Json j{{"key", n.key}, {"vel", n.velocity}, {"start", n.startTick}, {"length", n.lengthTicks}};
    if (n.releaseVelocity != Note{}.releaseVelocity) j["releaseVel"] = n.releaseVelocity;
    if (n.locked) j["locked"] = true;
    return j;
}

enum class IfEmpty { Omit, Write };

/// Writes `items` as an array under `key`; an empty one only with IfEmpty::Write.
template <typename T, typename ToJson>
void putArray(Json& object, const char* key, std::span<const T> items, ToJson toJson,
              IfEmpty ifEmpty = IfEmpty::Omit)
{
    if (items.empty() && ifEmpty == IfEmpty::Omit) return;
    Json array = Json::array();
    array.get_ref<Json::array_t&>().reserve(items.size());
    for (const T& item : items)
        array.push_back(toJson(item));
    object[key] = std::move(array);
}

/// The first event, if at tick 0, under `initialKey` (without its tick); the rest as changes.
template <typename T>
void putInitialAndChanges(Json& object, const char* initialKey, const char* changesKey,
                          const std::vector<T>& events, Json (*toJson)(const T&, bool))
{
    std::span<const T> changes(events);
    if (!changes.empty() && changes.front().tick == 0) {
        object[initialKey] = toJson(changes.front(), false);
        changes = changes.subspan(1);
    }
    putArray(object, changesKey, changes, [toJson](const T& e) { return toJson(e, true); });
}

template <typename T> std::span<const T> all(const std::vector<T>& items)
{
    return items;
}

Json trackJson(const Track& t)
{
    Json j{{"name", t.name}, {"channel", t.channel}, {"program", t.program}};
    if (t.id != 0) j["id"] = t.id;
    if (t.bankMsb >= 0) j["bankMsb"] = t.bankMsb;
    if (t.bankLsb >= 0) j["bankLsb"] = t.bankLsb;
    if (t.muted) j["mute"] = true;
    if (t.soloed) j["solo"] = true;
    if (t.locked) j["locked"] = true;
    if (t.followsChords) j["followsChords"] = true;
    if (t.colour >= 0) {
        char colour[8];
        std::snprintf(colour, sizeof colour, "#%06x", t.colour & 0xFFFFFF);
        j["color"] = colour;
    }
    putArray(j, "notes", all(t.notes), noteJson);
    putArray(j, "cc", all(t.controllers), [](const ControlChange& c) {
        return Json{{"tick", c.tick}, {"controller", c.controller}, {"value", c.value}};
    });
    putArray(j, "pitchBend", all(t.pitchBends), [](const PitchBend& b) {
        return Json{{"tick", b.tick}, {"value", b.value}};
    });
    putArray(j, "channelPressure", all(t.channelPressure), [](const ChannelPressure& p) {
        return Json{{"tick", p.tick}, {"value", p.value}};
    });
    putArray(j, "polyPressure", all(t.polyPressure), [](const PolyPressure& p) {
        return Json{{"tick", p.tick}, {"key", p.key}, {"value", p.value}};
    });
    putArray(j, "programChanges", all(t.programChanges), [](const ProgramChange& p) {
        Json pc{{"tick", p.tick}, {"program", p.program}};
        if (p.bankMsb >= 0) pc["bankMsb"] = p.bankMsb;
        if (p.bankLsb >= 0) pc["bankLsb"] = p.bankLsb;
        return pc;
    });
    putArray(j, "rawEvents", all(t.rawEvents), rawEventJson);
    if (t.endTick != 0) j["endTick"] = t.endTick;
    return j;
}

Json planJson(const Plan& plan)
{
    Json j{{"ppq", plan.ppq}};
    putInitialAndChanges(j, "bpm", "tempoChanges", plan.tempos, tempoJson);
    putInitialAndChanges(j, "timeSignature", "timeSignatureChanges", plan.timeSignatures,
                         timeSignatureJson);
    putInitialAndChanges(j, "key", "keyChanges", plan.keySignatures, keyJson);
    putArray(j, "globalEvents", all(plan.globalEvents), rawEventJson);
    putArray(j, "tracks", all(plan.tracks), trackJson, IfEmpty::Write);
    putArray(j, "chords", all(plan.chords), [](const PlanChord& c) {
        Json chord{{"start", c.startTick},
                   {"length", c.lengthTicks},
                   {"root", c.root},
                   {"quality", c.quality},
                   {"tones", c.tones}};
        if (c.bass >= 0) chord["bass"] = c.bass;
        return chord;
    });
    return j;
}

Json optionalJson(const std::optional<std::uint64_t>& value)
{
    return value ? Json(*value) : Json(nullptr);
}

Json takeJson(const Take& t)
{
    const Provenance& p = t.provenance;
    Json j{{"id", t.id},
           {"name", t.name},
           {"starred", t.starred},
           {"provenance", Json{{"prompt", p.prompt},
                               {"provider", p.provider},
                               {"model", p.model},
                               {"seed", optionalJson(p.seed)},
                               {"parentTake", optionalJson(p.parentTake)},
                               {"createdUtc", p.createdUtc}}},
           {"plan", planJson(t.plan)}};
    for (const Check& c : t.checks) // written only when there is a checklist
        j["checks"].push_back(
            Json{{"name", c.name}, {"asked", c.asked}, {"measured", c.measured}, {"pass", c.pass}});
    return j;
}

Json chatJson(const ChatMessage& m)
{
    const auto role = std::min(static_cast<std::size_t>(m.role), kRoles.size() - 1);
    Json j{
        {"role", kRoles[role]}, {"text", m.text}, {"createdUtc", m.createdUtc}, {"takes", m.takes}};
    if (m.status != ChatMessage::Status::Ok)
        j["status"] = jsonio::kChatStatuses[std::min(static_cast<std::size_t>(m.status),
                                                     jsonio::kChatStatuses.size() - 1)];
    if (!m.understood.empty()) j["understood"] = m.understood;
    if (!m.notUnderstood.empty()) j["notUnderstood"] = m.notUnderstood;
    return j;
}

Json interpretationJson(const Interpretation& i)
{
    return Json{{"take", i.take},
                {"model", i.model},
                {"text", i.text},
                {"suggestions", i.suggestions},
                {"createdUtc", i.createdUtc}};
}

bool isFlat(const Json& v)
{
    return std::none_of(v.begin(), v.end(),
                        [](const Json& child) { return child.is_structured() && !child.empty(); });
}

/// Pretty-prints, but keeps containers of scalars (a note, a CC point) on one line.
void dumpValue(std::string& out, const Json& v, int indent, int level)
{
    const auto scalar = [](const Json& s) {
        return s.dump(-1, ' ', false, Json::error_handler_t::replace);
    };
    if (!v.is_structured()) {
        out += scalar(v);
        return;
    }
    const bool flat = isFlat(v);
    out += v.is_object() ? '{' : '[';
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (it != v.begin()) out += ',';
        if (!flat)
            out.append("\n").append(static_cast<std::size_t>((level + 1) * indent), ' ');
        else if (it != v.begin())
            out += ' ';
        if (v.is_object()) out += scalar(Json(it.key())) + ": ";
        dumpValue(out, *it, indent, level + 1);
    }
    if (!flat) out.append("\n").append(static_cast<std::size_t>(level * indent), ' ');
    out += v.is_object() ? '}' : ']';
}

std::string dumpJson(const Json& v, int indent)
{
    if (indent < 0) return v.dump(-1, ' ', false, Json::error_handler_t::replace);
    std::string out;
    dumpValue(out, v, indent, 0);
    return out;
}

} // namespace

std::string planToJson(const Plan& plan, int indent)
{
    return dumpJson(planJson(plan), indent);
}

std::string projectToJson(const Project& project, int indent)
{
    Json j{{"format", jsonio::kProjectFormat},
           {"version", Project::kFormatVersion},
           {"activeTake", project.activeTake}};
    putArray(j, "takes", all(project.takes), takeJson, IfEmpty::Write);
    putArray(j, "chat", all(project.chat), chatJson, IfEmpty::Write);
    putArray(j, "interpretations", all(project.interpretations), interpretationJson, IfEmpty::Omit);
    return dumpJson(j, indent);
}

} // namespace pianola::model
