// SPDX-License-Identifier: MIT
// Internal to the plan/project JSON files: schema vocabulary and the shared read entry point.
#pragma once

#include "model/JsonReader.h"

#include <array>
#include <exception>
#include <new>
#include <string_view>

namespace pianola::model::jsonio {

inline constexpr std::array<std::string_view, 2> kModes{"major", "minor"};
inline constexpr std::array<std::string_view, 2> kSysexKinds{"F0", "F7"};
inline constexpr std::array<std::string_view, 3> kRoles{"user", "assistant", "system"};
inline constexpr std::array<std::string_view, 3> kChatStatuses{"ok", "failed", "cancelled"};
inline constexpr std::string_view kProjectFormat = "pianola-project";

/// Reads and validates a plan object (also the "plan" of a project's take).
void readPlan(JsonReader& in, const Json& v, const JsonPath& path, Plan& out);

template <typename T> struct DocumentRead
{
    T value{};
    ValidationReport report;
    Error::Code failure = Error::Code::ValidationError; ///< meaningful when report has errors
};

/// Parses `text` and reads it with `read`; nothing thrown escapes (std::bad_alloc on hostile
/// input becomes an error too).
template <typename T>
DocumentRead<T> readDocument(std::string_view text,
                             void (*read)(JsonReader&, const Json&, const JsonPath&, T&))
{
    DocumentRead<T> result;
    try {
        const ParsedDocument doc = parseDocument(text, result.report);
        result.failure = doc.failure;
        if (!doc.ok) return result;
        result.failure = Error::Code::ValidationError;
        JsonReader in(result.report);
        read(in, doc.root, JsonPath{}, result.value);
        in.finish();
    } catch (const std::bad_alloc&) {
        result.report.errors.push_back({"", "out of memory while reading the document"});
        result.failure = Error::Code::TooLarge;
    } catch (const std::exception& e) {
        result.report.errors.push_back(
            {"", std::string("could not read the document: ") + e.what()});
        result.failure = Error::Code::InvalidArgument;
    }
    return result;
}

} // namespace pianola::model::jsonio
