// SPDX-License-Identifier: MIT
// Internal to PlanJson: bounded JSON parsing and typed field readers that report every problem.
#pragma once

#include "model/PlanJson.h"
#include "model/Text.h"

#include <cassert>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace pianola::model::jsonio {

/// Scans JSON text from `from`, outside strings, and calls `stop(offset, depth, bracket)` after
/// each bracket ('{' and '[' raise the depth, '}' and ']' lower it); returns the first offset
/// where stop() says true, or nothing. Works on any text, valid JSON or not.
template <typename Stop>
std::optional<std::size_t> scanBrackets(std::string_view text, std::size_t from, Stop stop)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (std::size_t i = from; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            continue;
        }
        if (c == '[' || c == '{')
            ++depth;
        else if (c == ']' || c == '}')
            --depth;
        else
            continue;
        if (stop(i, depth, c)) return i;
    }
    return std::nullopt;
}

/// Object members keep document order, so problems are reported in document order.
using Json = nlohmann::ordered_json;

/// A JSON path as a chain of frames on the caller's stack: cheap to extend, rendered only when
/// something is reported. A child refers to its parent, so keep every level in a named variable
/// or pass it straight to a call; never store `path.key(a).index(i)` in a variable.
class JsonPath
{
public:
    JsonPath() = default; ///< the document root
    JsonPath key(std::string_view name) const { return JsonPath(this, name, 0, false); }
    JsonPath index(std::size_t i) const { return JsonPath(this, {}, i, true); }
    bool isRoot() const { return m_parent == nullptr; }
    /// `tracks[1].notes[7].vel`; `(root)` for the root.
    std::string str() const;

private:
    JsonPath(const JsonPath* parent, std::string_view name, std::size_t i, bool isIndex)
        : m_parent(parent), m_key(name), m_index(i), m_isIndex(isIndex)
    {}
    void appendTo(std::string& out) const;

    const JsonPath* m_parent = nullptr;
    std::string_view m_key;
    std::size_t m_index = 0;
    bool m_isIndex = false;
};

/// Appends `.name` (or `["odd name"]`) and `[i]` path segments; `out` empty means at the root.
void appendPathKey(std::string& out, std::string_view name);
void appendPathIndex(std::string& out, std::size_t i);

struct ParsedDocument
{
    Json root;
    bool ok = false;
    Error::Code failure = Error::Code::ParseError; ///< when !ok: ParseError or TooLarge
};

/// Parses `text` after checking its size and nesting depth (a byte scan, no recursion). Syntax
/// errors go to `report.errors` as "line L, column C: reason" with an empty path.
ParsedDocument parseDocument(std::string_view text, ValidationReport& report);

/// Reports problems with their paths and reads typed values; on a problem a reader reports it
/// and returns nothing (the `read...` forms then leave their target unchanged).
class JsonReader
{
public:
    explicit JsonReader(ValidationReport& report) : m_report(report) {}

    /// Problems beyond these counts are counted, not listed, so that hostile input cannot make
    /// the report use more memory than the document; finish() adds the "N more" line.
    static constexpr std::size_t kMaxListedErrors = 10000;
    static constexpr std::size_t kMaxListedWarnings = 1000;

    void error(const JsonPath& path, std::string message);
    void warning(const JsonPath& path, std::string message);
    std::size_t errorCount() const { return m_report.errors.size() + m_unlistedErrors; }
    /// Appends the count of problems left unlisted, if any.
    void finish();

    bool expectObject(const Json& v, const JsonPath& path);
    bool expectArray(const Json& v, const JsonPath& path);

    /// An integer in [min, max]; integral floats such as 480.0 count, as in JSON Schema.
    template <typename T>
    std::optional<T> integer(const Json& v, const JsonPath& path, T min, T max);
    std::optional<double> number(const Json& v, const JsonPath& path, double min, double max);
    std::optional<std::string> string(const Json& v, const JsonPath& path, std::size_t maxBytes);
    std::optional<bool> boolean(const Json& v, const JsonPath& path);
    /// The index of the string in `choices` that `v` equals.
    std::optional<std::size_t> choice(const Json& v, const JsonPath& path,
                                      std::span<const std::string_view> choices);
    /// Bytes from hex pairs with optional whitespace between them ("7E 7F 09", "7e7f09").
    std::optional<std::string> hexBytes(const Json& v, const JsonPath& path, std::size_t maxBytes);

    template <typename Out>
    void readInt(Out& out, const Json& v, const JsonPath& path, std::int64_t min, std::int64_t max)
    {
        if (const auto value = integer<std::int64_t>(v, path, min, max))
            out = static_cast<Out>(*value);
    }

private:
    ValidationReport& m_report;
    std::size_t m_unlistedErrors = 0;
    std::size_t m_unlistedWarnings = 0;
};

/// The integer `v` holds if it lies in [min, max], without reporting (for look-ahead).
template <typename T> std::optional<T> peekInteger(const Json& v, T min, T max);
/// The first member `name` of object `v`, or nullptr.
const Json* findMember(const Json& v, std::string_view name);

/// How one member of a JSON object is read into a `Target`.
template <typename Target> struct Field
{
    std::string_view name;
    bool required = false;
    void (*read)(JsonReader&, const Json&, const JsonPath&, Target&) = nullptr;
    std::string_view alias = {}; ///< another accepted name ("velocity" for "vel")

    bool matches(std::string_view key) const
    {
        return key == name || (!alias.empty() && key == alias);
    }
};

inline constexpr bool kRequired = true;

/// A field holding an integer in [Min, Max], stored in `target.*Member`.
template <typename Target, auto Member, std::int64_t Min, std::int64_t Max>
constexpr Field<Target> intField(std::string_view name, bool required = false)
{
    return {name, required, [](JsonReader& in, const Json& v, const JsonPath& p, Target& t) {
                in.readInt(t.*Member, v, p, Min, Max);
            }};
}

/// A field holding an id (uint64 >= Min); `Member` may be std::optional, then null clears it.
template <typename Target, auto Member, std::uint64_t Min>
constexpr Field<Target> idField(std::string_view name, bool required = false)
{
    return {name, required, [](JsonReader& in, const Json& v, const JsonPath& p, Target& t) {
                using MemberType = std::remove_cvref_t<decltype(t.*Member)>;
                if constexpr (!std::is_integral_v<MemberType>) {
                    if (v.is_null()) {
                        t.*Member = std::nullopt;
                        return;
                    }
                }
                if (const auto id = in.integer<std::uint64_t>(v, p, Min, UINT64_MAX))
                    t.*Member = *id;
            }};
}

/// A string field of at most MaxBytes bytes.
template <typename Target, auto Member, std::size_t MaxBytes>
constexpr Field<Target> stringField(std::string_view name, bool required = false)
{
    return {name, required, [](JsonReader& in, const Json& v, const JsonPath& p, Target& t) {
                if (auto s = in.string(v, p, MaxBytes)) t.*Member = std::move(*s);
            }};
}

template <typename Target, auto Member> constexpr Field<Target> boolField(std::string_view name)
{
    return {name, false, [](JsonReader& in, const Json& v, const JsonPath& p, Target& t) {
                if (const auto b = in.boolean(v, p)) t.*Member = *b;
            }};
}

/// The bit visitFields() sets for the field called `name`.
template <typename Fields> std::uint64_t fieldBit(const Fields& fields, std::string_view name)
{
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == name) return std::uint64_t{1} << i;
    return 0;
}

/// The fields of a Target (a non-deduced context, so std::array arguments convert).
template <typename Target> using FieldsOf = std::span<const Field<std::type_identity_t<Target>>>;

/// Reads the members of object `v` in document order with the matching fields; warns about
/// unknown members and reports duplicates and missing required fields. Returns a bit per field
/// present (see fieldBit), or nothing if `v` is not an object.
template <typename Target>
std::optional<std::uint64_t> visitFields(JsonReader& in, const Json& v, const JsonPath& path,
                                         FieldsOf<Target> fields, Target& target)
{
    assert(fields.size() <= 64);
    if (!in.expectObject(v, path)) return std::nullopt;
    std::uint64_t seen = 0;
    for (const auto& [name, value] : v.get_ref<const Json::object_t&>()) {
        const JsonPath memberPath = path.key(name);
        std::size_t i = 0;
        while (i < fields.size() && !fields[i].matches(name))
            ++i;
        if (i == fields.size()) {
            in.warning(memberPath, "unknown field, ignored");
            continue;
        }
        const std::uint64_t bit = std::uint64_t{1} << i;
        if (seen & bit) in.error(memberPath, "duplicate field");
        seen |= bit;
        fields[i].read(in, value, memberPath, target);
    }
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].required && !(seen & (std::uint64_t{1} << i)))
            in.error(path, "missing required field \"" + std::string(fields[i].name) + "\"");
    return seen;
}

/// Reads every element of array `v` with `readElement(element, elementPath, out.emplace_back())`.
template <typename T, typename ReadElement>
void readArray(JsonReader& in, const Json& v, const JsonPath& path, std::vector<T>& out,
               ReadElement&& readElement)
{
    if (!in.expectArray(v, path)) return;
    out.reserve(out.size() + v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
        const JsonPath elementPath = path.index(i);
        readElement(v[i], elementPath, out.emplace_back());
    }
}

/// Reads one object described by `Fields`; usable as an element reader of arrayField().
template <typename T, const auto& Fields>
void readObject(JsonReader& in, const Json& v, const JsonPath& path, T& out)
{
    visitFields(in, v, path, Fields, out);
}

/// A field holding an array whose elements `ReadElement(in, element, path, item)` reads into
/// `target.*Member` (a std::vector).
template <typename Target, auto Member, auto ReadElement>
constexpr Field<Target> arrayField(std::string_view name, bool required = false)
{
    return {name, required, [](JsonReader& in, const Json& v, const JsonPath& p, Target& t) {
                readArray(in, v, p, t.*Member,
                          [&in](const Json& element, const JsonPath& elementPath, auto& item) {
                              ReadElement(in, element, elementPath, item);
                          });
            }};
}

/// `s` as a JSON string literal for messages, cut to a readable length.
std::string quotedText(std::string_view s);
/// Strict UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
using model::isValidUtf8;
/// "7E 7F 09" (upper case, space separated).
std::string toHex(std::string_view bytes);

} // namespace pianola::model::jsonio
