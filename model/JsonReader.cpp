// SPDX-License-Identifier: MIT
// Bounded JSON parsing (size, depth, line/column, paths) and the typed readers of JsonReader.h.
#include "model/JsonReader.h"

#include "model/Text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <utility>

namespace pianola::model::jsonio {

namespace {

bool isIdentifier(std::string_view name)
{
    if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front()))) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
    });
}

/// Numbers in messages: integral values without a fraction ("1..1000"), others shortest.
std::string formatNumber(double d)
{
    if (std::abs(d) < 1e15 && std::trunc(d) == d)
        return std::to_string(static_cast<std::int64_t>(d));
    return Json(d).dump();
}

std::string lineColumn(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    const std::string_view before = text.substr(0, offset);
    const auto line = 1 + std::count(before.begin(), before.end(), '\n');
    const std::size_t lastBreak = before.rfind('\n');
    const std::size_t column =
        lastBreak == std::string_view::npos ? offset + 1 : offset - lastBreak;
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

/// The offset of the first bracket nested deeper than `maxDepth`, scanning bytes outside strings.
std::optional<std::size_t> findTooDeep(std::string_view text, int maxDepth)
{
    return scanBrackets(text, 0, [maxDepth](std::size_t, int depth, char c) {
        return (c == '[' || c == '{') && depth > maxDepth;
    });
}

/// nlohmann's message without its "[json.exception...] parse error at line L, column C: " prefix,
/// with bytes that would not be valid UTF-8 escaped.
std::string readableReason(const std::string& what)
{
    std::string reason = what;
    if (const auto bracket = reason.find("] ");
        reason.starts_with("[json.exception.") && bracket != std::string::npos)
        reason.erase(0, bracket + 2);
    if (reason.starts_with("parse error"))
        if (const auto colon = reason.find(": "); colon != std::string::npos)
            reason.erase(0, colon + 2);
    if (isValidUtf8(reason)) return reason;
    std::string escaped;
    for (const char c : reason) {
        if (static_cast<unsigned char>(c) < 0x80)
            escaped += c;
        else
            escaped += "\\x" + toHex(std::string_view(&c, 1));
    }
    return escaped;
}

/// A SAX handler that builds the DOM like nlohmann's own, but appends object members without a
/// look-up (ordered_json's find is linear: quadratic on hostile objects; duplicate keys are
/// reported later by visitFields) and knows the path of the value being parsed.
class DomBuilder
{
public:
    DomBuilder(Json& root, std::string_view text, ValidationReport& report)
        : m_root(root), m_text(text), m_report(report)
    {}

    bool null() { return add(nullptr); }
    bool boolean(bool b) { return add(b); }
    bool number_integer(Json::number_integer_t v) { return add(v); }
    bool number_unsigned(Json::number_unsigned_t v) { return add(v); }
    bool number_float(Json::number_float_t v, const std::string&) { return add(v); }
    bool string(std::string& s) { return add(std::move(s)); }
    bool binary(Json::binary_t&) { return false; } // never produced by JSON text
    bool start_object(std::size_t) { return open(Json::object()); }
    bool key(std::string& k)
    {
        m_key = std::move(k);
        return true;
    }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(Json::array()); }
    bool end_array() { return close(); }
    bool parse_error(std::size_t position, const std::string& token, const Json::exception& e);

private:
    /// Puts `value` into the open container (or at the root); returns where it now lives.
    Json* place(Json value);
    bool add(Json value)
    {
        place(std::move(value));
        return true;
    }
    bool open(Json container)
    {
        m_stack.push_back(place(std::move(container)));
        return true;
    }
    bool close()
    {
        m_stack.pop_back();
        return true;
    }
    std::string pathOfValueInProgress() const;

    Json& m_root;
    std::string_view m_text;
    ValidationReport& m_report;
    std::vector<Json*> m_stack; ///< open containers; each is the last child of the previous
    std::string m_key;          ///< key of the member whose value comes next
};

Json* DomBuilder::place(Json value)
{
    if (m_stack.empty()) {
        m_root = std::move(value);
        return &m_root;
    }
    Json& parent = *m_stack.back();
    if (parent.is_array()) {
        auto& array = parent.get_ref<Json::array_t&>();
        array.push_back(std::move(value));
        return &array.back();
    }
    auto& members = static_cast<Json::object_t::Container&>(parent.get_ref<Json::object_t&>());
    members.emplace_back(std::move(m_key), std::move(value));
    return &members.back().second;
}

std::string_view lastKey(const Json& object)
{
    return object.get_ref<const Json::object_t&>().back().first;
}

std::string DomBuilder::pathOfValueInProgress() const
{
    std::string path;
    for (std::size_t level = 0; level < m_stack.size(); ++level) {
        const Json& container = *m_stack[level];
        const bool innermost = level + 1 == m_stack.size();
        if (container.is_array())
            appendPathIndex(path, container.size() - (innermost ? 0 : 1));
        else
            appendPathKey(path, innermost ? std::string_view(m_key)
                                          : std::string_view(lastKey(container)));
    }
    return path;
}

bool DomBuilder::parse_error(std::size_t position, const std::string& token,
                             const Json::exception& e)
{
    const std::string where = lineColumn(m_text, position == 0 ? 0 : position - 1);
    if (e.id == 406) { // number overflow: a value we can place
        const std::string path = pathOfValueInProgress();
        constexpr std::size_t kMaxTokenBytes = 40;
        const std::string number =
            token.size() > kMaxTokenBytes ? cutUtf8(token, kMaxTokenBytes) + "..." : token;
        m_report.errors.push_back({path.empty() ? "(root)" : path,
                                   "number " + number + " is out of range (" + where + ")"});
    } else {
        m_report.errors.push_back({"", where + ": " + readableReason(e.what())});
    }
    return false;
}

} // namespace

std::string quotedText(std::string_view s)
{
    constexpr std::size_t kMaxQuotedBytes = 40;
    const bool cut = s.size() > kMaxQuotedBytes;
    const std::string text(utf8Prefix(s, kMaxQuotedBytes));
    return Json(text).dump(-1, ' ', false, Json::error_handler_t::replace) + (cut ? "..." : "");
}

void appendPathKey(std::string& out, std::string_view name)
{
    constexpr std::size_t kMaxPlainKeyBytes = 40; // longer keys are shown cut, in quotes
    if (!isIdentifier(name) || name.size() > kMaxPlainKeyBytes) {
        out += "[" + quotedText(name) + "]";
        return;
    }
    if (!out.empty()) out += '.';
    out += name;
}

void appendPathIndex(std::string& out, std::size_t i)
{
    out += "[" + std::to_string(i) + "]";
}

void JsonPath::appendTo(std::string& out) const
{
    if (!m_parent) return;
    m_parent->appendTo(out);
    if (m_isIndex)
        appendPathIndex(out, m_index);
    else
        appendPathKey(out, m_key);
}

std::string JsonPath::str() const
{
    std::string out;
    appendTo(out);
    return out.empty() ? "(root)" : out;
}

ParsedDocument parseDocument(std::string_view text, ValidationReport& report)
{
    ParsedDocument doc;
    if (text.size() > kMaxJsonBytes) {
        report.errors.push_back({"", "the text is " + std::to_string(text.size()) +
                                         " bytes, more than the limit of " +
                                         std::to_string(kMaxJsonBytes) + " bytes"});
        doc.failure = Error::Code::TooLarge;
        return doc;
    }
    if (const auto offset = findTooDeep(text, kMaxJsonDepth)) {
        report.errors.push_back({"", lineColumn(text, *offset) + ": nesting deeper than " +
                                         std::to_string(kMaxJsonDepth) + " levels"});
        return doc;
    }
    DomBuilder builder(doc.root, text, report);
    const std::size_t errorsBefore = report.errors.size();
    doc.ok = Json::sax_parse(text.begin(), text.end(), &builder);
    if (!doc.ok && report.errors.size() == errorsBefore)
        report.errors.push_back({"", "the text is not valid JSON"});
    return doc;
}

// ---- JsonReader ----

void JsonReader::error(const JsonPath& path, std::string message)
{
    if (m_report.errors.size() < kMaxListedErrors)
        m_report.errors.push_back({path.str(), std::move(message)});
    else
        ++m_unlistedErrors;
}

void JsonReader::warning(const JsonPath& path, std::string message)
{
    if (m_report.warnings.size() < kMaxListedWarnings)
        m_report.warnings.push_back({path.str(), std::move(message)});
    else
        ++m_unlistedWarnings;
}

void JsonReader::finish()
{
    if (m_unlistedErrors > 0)
        m_report.errors.push_back(
            {"", std::to_string(m_unlistedErrors) + " more errors not listed"});
    if (m_unlistedWarnings > 0)
        m_report.warnings.push_back(
            {"", std::to_string(m_unlistedWarnings) + " more warnings not listed"});
    m_unlistedErrors = m_unlistedWarnings = 0;
}

bool JsonReader::expectObject(const Json& v, const JsonPath& path)
{
    if (v.is_object()) return true;
    // The root reads as a sentence of its own: "(root): expected a JSON object".
    error(path, path.isRoot() ? "expected a JSON object"
                              : "expected a JSON object, got " + std::string(v.type_name()));
    return false;
}

bool JsonReader::expectArray(const Json& v, const JsonPath& path)
{
    if (v.is_array()) return true;
    error(path, "expected an array, got " + std::string(v.type_name()));
    return false;
}

namespace {
enum class IntProblem { None, NotNumber, NotInteger, OutOfRange };

/// Converts without undefined behaviour: range checks come before any cast.
template <typename T> IntProblem toInteger(const Json& v, T min, T max, T& out)
{
    if (v.is_number_unsigned()) {
        const auto u = v.get<std::uint64_t>();
        if (!std::in_range<T>(u)) return IntProblem::OutOfRange;
        out = static_cast<T>(u);
    } else if (v.is_number_integer()) {
        const auto i = v.get<std::int64_t>();
        if (!std::in_range<T>(i)) return IntProblem::OutOfRange;
        out = static_cast<T>(i);
    } else if (v.is_number_float()) {
        const double d = v.get<double>();
        if (!std::isfinite(d)) return IntProblem::OutOfRange;
        if (std::trunc(d) != d) return IntProblem::NotInteger;
        const double upperExclusive = std::ldexp(1.0, std::numeric_limits<T>::digits);
        if (d < static_cast<double>(std::numeric_limits<T>::min()) || d >= upperExclusive)
            return IntProblem::OutOfRange;
        out = static_cast<T>(d);
    } else {
        return IntProblem::NotNumber;
    }
    return out < min || out > max ? IntProblem::OutOfRange : IntProblem::None;
}
} // namespace

template <typename T>
std::optional<T> JsonReader::integer(const Json& v, const JsonPath& path, T min, T max)
{
    T value{};
    switch (toInteger(v, min, max, value)) {
    case IntProblem::None:
        return value;
    case IntProblem::NotNumber:
        error(path, "expected an integer, got " + std::string(v.type_name()));
        break;
    case IntProblem::NotInteger:
        error(path, v.dump() + " is not an integer");
        break;
    case IntProblem::OutOfRange:
        error(path,
              v.dump() + " is out of range " + std::to_string(min) + ".." + std::to_string(max));
        break;
    }
    return std::nullopt;
}

template <typename T> std::optional<T> peekInteger(const Json& v, T min, T max)
{
    T value{};
    return toInteger(v, min, max, value) == IntProblem::None ? std::optional<T>(value)
                                                             : std::nullopt;
}

template std::optional<std::int64_t> JsonReader::integer(const Json&, const JsonPath&, std::int64_t,
                                                         std::int64_t);
template std::optional<std::uint64_t> JsonReader::integer(const Json&, const JsonPath&,
                                                          std::uint64_t, std::uint64_t);
template std::optional<std::int64_t> peekInteger(const Json&, std::int64_t, std::int64_t);
template std::optional<std::uint64_t> peekInteger(const Json&, std::uint64_t, std::uint64_t);

std::optional<double> JsonReader::number(const Json& v, const JsonPath& path, double min,
                                         double max)
{
    if (!v.is_number()) {
        error(path, "expected a number, got " + std::string(v.type_name()));
        return std::nullopt;
    }
    const double d = v.get<double>();
    if (!(d >= min && d <= max)) {
        error(path, v.dump() + " is out of range " + formatNumber(min) + ".." + formatNumber(max));
        return std::nullopt;
    }
    return d;
}

std::optional<std::string> JsonReader::string(const Json& v, const JsonPath& path,
                                              std::size_t maxBytes)
{
    if (!v.is_string()) {
        error(path, "expected a string, got " + std::string(v.type_name()));
        return std::nullopt;
    }
    const auto& s = v.get_ref<const std::string&>();
    if (s.size() > maxBytes) {
        error(path, "text of " + std::to_string(s.size()) + " bytes exceeds the limit of " +
                        std::to_string(maxBytes) + " bytes");
        return std::nullopt;
    }
    return s;
}

std::optional<bool> JsonReader::boolean(const Json& v, const JsonPath& path)
{
    if (v.is_boolean()) return v.get<bool>();
    error(path, "expected true or false, got " + std::string(v.type_name()));
    return std::nullopt;
}

std::optional<std::size_t> JsonReader::choice(const Json& v, const JsonPath& path,
                                              std::span<const std::string_view> choices)
{
    if (!v.is_string()) {
        error(path, "expected a string, got " + std::string(v.type_name()));
        return std::nullopt;
    }
    const auto& s = v.get_ref<const std::string&>();
    const auto it = std::find(choices.begin(), choices.end(), s);
    if (it != choices.end()) return static_cast<std::size_t>(it - choices.begin());
    std::string list;
    for (const std::string_view c : choices)
        list += (list.empty() ? "" : ", ") + quotedText(c);
    error(path, quotedText(s) + " is not one of " + list);
    return std::nullopt;
}

namespace {
int hexDigit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool isHexSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// Decodes hex pairs; on failure returns the 1-based position of the offending character.
std::optional<std::size_t> decodeHex(std::string_view hex, std::string& out)
{
    for (std::size_t i = 0; i < hex.size();) {
        if (isHexSpace(hex[i])) {
            ++i;
            continue;
        }
        const int high = hexDigit(hex[i]);
        if (high < 0) return i + 1;
        const int low = i + 1 < hex.size() ? hexDigit(hex[i + 1]) : -1;
        if (low < 0) return i + 2;
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return std::nullopt;
}
} // namespace

std::optional<std::string> JsonReader::hexBytes(const Json& v, const JsonPath& path,
                                                std::size_t maxBytes)
{
    const auto hex = string(v, path, std::numeric_limits<std::size_t>::max());
    if (!hex) return std::nullopt;
    const auto digits =
        std::count_if(hex->begin(), hex->end(), [](char c) { return !isHexSpace(c); });
    if (static_cast<std::size_t>(digits) / 2 > maxBytes) {
        error(path, "payload of " + std::to_string(digits / 2) + " bytes exceeds the limit of " +
                        std::to_string(maxBytes) + " bytes");
        return std::nullopt;
    }
    std::string bytes;
    bytes.reserve(static_cast<std::size_t>(digits) / 2);
    if (const auto bad = decodeHex(*hex, bytes)) {
        error(path, "invalid hex at character " + std::to_string(*bad) +
                        " (expected pairs of hex digits, optionally separated by spaces)");
        return std::nullopt;
    }
    return bytes;
}

const Json* findMember(const Json& v, std::string_view name)
{
    if (!v.is_object()) return nullptr;
    for (const auto& [key, value] : v.get_ref<const Json::object_t&>())
        if (key == name) return &value;
    return nullptr;
}

std::string toHex(std::string_view bytes)
{
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(bytes.size() * 3);
    for (const char b : bytes) {
        const auto u = static_cast<unsigned char>(b);
        if (!out.empty()) out += ' ';
        out += kDigits[u >> 4];
        out += kDigits[u & 0xF];
    }
    return out;
}

} // namespace pianola::model::jsonio
