// SPDX-License-Identifier: MIT
// Reply extraction and validation; pure, thread-safe, fuzzed (tests/fuzz/fuzz_llmreply.cpp).
#include "engine/llm/Reply.h"

#include "engine/generate/BriefJson.h"
#include "model/JsonReader.h"
#include "model/PlanJson.h"

#include <cmath>
#include <regex>

namespace pianola::engine::llm {

namespace {
// The end (one past '}') of the object starting at `open`, or npos when it is cut off.
std::size_t objectEnd(std::string_view s, std::size_t open)
{
    const auto close = model::jsonio::scanBrackets(s, open, [](std::size_t, int depth, char c) {
        return (c == '}' || c == ']') && depth == 0;
    });
    return close ? *close + 1 : std::string_view::npos;
}

// The body of the first ``` fence (without its language tag), or the whole text.
std::string_view fenced(std::string_view s)
{
    const std::size_t open = s.find("```");
    if (open == std::string_view::npos) return s;
    std::size_t body = s.find('\n', open);
    if (body == std::string_view::npos) return s;
    ++body;
    const std::size_t close = s.find("```", body);
    std::string_view inner =
        s.substr(body, close == std::string_view::npos ? s.npos : close - body);
    return inner.find('{') == std::string_view::npos ? s : inner;
}

void dropNulls(model::jsonio::Json& j)
{
    if (j.is_array())
        for (auto& v : j)
            dropNulls(v);
    if (!j.is_object()) return;
    for (auto it = j.begin(); it != j.end();) {
        if (it->is_null()) {
            it = j.erase(it);
        } else {
            dropNulls(*it);
            ++it;
        }
    }
}

Error withTotal(Error e, std::string_view what)
{
    e.message = std::string("The ") + std::string(what) + " is not valid:\n" + e.message;
    return e;
}
} // namespace

Result<std::string> extractJson(std::string_view reply)
{
    const std::string_view body = fenced(reply);
    const std::size_t open = body.find('{');
    if (open == std::string_view::npos)
        return makeError(Error::Code::ParseError,
                         "(root): the reply contains no JSON object; reply with one JSON object");
    const std::size_t end = objectEnd(body, open);
    return std::string(body.substr(open, end == std::string_view::npos ? body.npos : end - open));
}

std::string dropNullMembers(std::string json)
{
    if (json.find("null") == std::string::npos) return json;
    const auto tooDeep = model::jsonio::scanBrackets(
        json, 0, [](std::size_t, int depth, char) { return depth > model::kMaxJsonDepth; });
    if (tooDeep) return json; // planFromJson reports it
    model::jsonio::Json j = model::jsonio::Json::parse(json, nullptr, false);
    if (j.is_discarded()) return json;
    dropNulls(j);
    try {
        return j.dump(-1, ' ', false, model::jsonio::Json::error_handler_t::replace);
    } catch (const std::exception&) { // nlohmann's one adapter here: never let it escape
        return json;
    }
}

Result<generate::Brief> parseBriefReply(std::string_view reply)
{
    auto json = extractJson(reply);
    if (!json) return json.error();
    auto read = generate::briefFromJson(dropNullMembers(std::move(*json)));
    if (!read) return withTotal(read.error(), "brief");
    return read->brief;
}

std::vector<std::string> sanityProblems(const model::Plan& plan, const ReplyLimits& limits)
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < plan.tempos.size(); ++i) {
        const double bpm = plan.tempos[i].bpm;
        if (bpm < limits.minBpm || bpm > limits.maxBpm || !std::isfinite(bpm))
            out.push_back(
                (i == 0 ? std::string("bpm") : "tempoChanges[" + std::to_string(i - 1) + "].bpm") +
                ": " + std::to_string(std::lround(bpm)) + " is outside " +
                std::to_string(std::lround(limits.minBpm)) + ".." +
                std::to_string(std::lround(limits.maxBpm)) + " bpm");
    }
    if (plan.tracks.size() > static_cast<std::size_t>(limits.maxTracks))
        out.push_back("tracks: " + std::to_string(plan.tracks.size()) + " tracks, at most " +
                      std::to_string(limits.maxTracks));
    const std::int64_t notes = plan.noteCount();
    if (notes == 0) out.push_back("tracks: the plan has no notes; write the music asked for");
    if (notes > limits.maxNotes)
        out.push_back("tracks: " + std::to_string(notes) + " notes, at most " +
                      std::to_string(limits.maxNotes));
    const model::TimeSignature& ts = plan.timeSignatures.front();
    const model::Tick barTicks =
        std::max<model::Tick>(1, model::Tick(plan.ppq) * 4 * ts.numerator / ts.denominator);
    const model::Tick bars = (plan.lengthTicks() + barTicks - 1) / barTicks;
    if (bars > limits.maxBars)
        out.push_back("tracks: the music lasts " + std::to_string(bars) + " bars, at most " +
                      std::to_string(limits.maxBars) + " (check start and length against ppq " +
                      std::to_string(plan.ppq) + ")");
    return out;
}

Result<model::Plan> parsePlanReply(std::string_view reply, const ReplyLimits& limits)
{
    auto json = extractJson(reply);
    if (!json) return json.error();
    auto read = model::planFromJson(dropNullMembers(std::move(*json)));
    if (!read) return withTotal(read.error(), "plan");
    const std::vector<std::string> problems = sanityProblems(read->plan, limits);
    if (problems.empty()) return std::move(read->plan);
    std::string text = "The plan is outside Pianola's limits:";
    for (const std::string& p : problems)
        text += "\n" + p;
    return makeError(Error::Code::ValidationError, text);
}

int countNoteKeys(std::string_view partialJson)
{
    int n = 0;
    for (std::size_t at = partialJson.find("\"key\""); at != std::string_view::npos;
         at = partialJson.find("\"key\"", at + 5))
        ++n;
    return n;
}

namespace {
// The complete value of `key` in a partial JSON text: a closed string, or a number followed by
// something that ends it.
std::string completeValue(const std::string& text, const char* key)
{
    const std::regex value(std::string("\"") + key +
                           R"re("\s*:\s*(?:"([^"\\]{1,40})"|(\d{1,4}(?:\.\d+)?)\s*[,}\s]))re");
    std::smatch m;
    if (!std::regex_search(text, m, value)) return {};
    return m[1].matched ? m[1].str() : m[2].str();
}
} // namespace

std::string briefSoFar(std::string_view partialJson)
{
    const std::string text(partialJson.substr(0, 8192));
    std::vector<std::string> parts;
    if (auto genre = completeValue(text, "genre"); !genre.empty()) parts.push_back(genre);
    const std::string tonic = completeValue(text, "tonic"), mode = completeValue(text, "mode");
    if (!tonic.empty()) parts.push_back(tonic + (mode.empty() ? std::string() : " " + mode));
    if (auto bpm = completeValue(text, "bpm"); !bpm.empty()) parts.push_back(bpm + " bpm");
    if (auto bars = completeValue(text, "bars"); !bars.empty()) parts.push_back(bars + " bars");
    const std::string num = completeValue(text, "numerator"),
                      den = completeValue(text, "denominator");
    if (!num.empty() && !den.empty()) parts.push_back(num + "/" + den);
    if (auto mood = completeValue(text, "mood"); !mood.empty()) parts.push_back(mood);
    std::string out;
    for (const std::string& p : parts)
        out += (out.empty() ? "" : ", ") + p;
    return out;
}

std::string problemInWords(std::string_view problems)
{
    std::string_view first = problems;
    while (true) { // a heading ("The brief is not valid:") is skipped for its first problem
        const std::string_view head = first.substr(0, first.find('\n'));
        const std::size_t next = first.find('\n');
        if (next == std::string_view::npos || !head.ends_with(':')) break;
        first.remove_prefix(next + 1);
    }
    while (!first.empty() && (first.front() == ' ' || first.front() == '-'))
        first.remove_prefix(1);
    const std::string line(first.substr(0, std::min(first.find('\n'), std::size_t{300})));
    std::smatch m;
    static const std::regex outOfRange(
        R"(^\$?\.?([A-Za-z]+)(?:\[\d+\])?(?:\.[A-Za-z\[\]0-9.]*)?: \"?(-?[\d.]+)\"? is out(?:side| of range))");
    if (std::regex_search(line, m, outOfRange)) {
        const std::string field = m[1].str();
        if (field == "bpm" || field == "tempoChanges")
            return "the model said " + m[2].str() + " bpm";
        if (field == "bars") return "the model asked for " + m[2].str() + " bars";
        return "the model said " + m[2].str() + " for " + field;
    }
    if (line.find("has no notes") != std::string::npos) return "the model wrote no notes";
    if (line.find("bars, at most") != std::string::npos) return "the model's music was too long";
    if (line.find("notes, at most") != std::string::npos) return "the model wrote too many notes";
    static const std::regex missing(R"(missing required field \"([^\"]{1,40})\")");
    if (std::regex_search(line, m, missing)) return "the model left out the " + m[1].str();
    if (line.find("JSON") != std::string::npos || line.find("line ") != std::string::npos)
        return "the model's reply was not valid JSON";
    if (line.find("not part of the request") != std::string::npos)
        return "the model changed more than was asked";
    const auto colon = line.find(": ");
    if (colon != std::string::npos && colon < 80)
        return "the model's reply had a problem at " + line.substr(0, colon) + " (" +
               line.substr(colon + 2) + ")";
    return "the model's reply was not usable (" + line + ")";
}

} // namespace pianola::engine::llm
