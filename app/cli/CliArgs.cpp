// SPDX-License-Identifier: MIT
// A small, strict argument parser.
#include "app/cli/CliArgs.h"

#include <algorithm>

namespace pianola::cli {

namespace {
// "-o", "--format", "--format=1": an option's shape. "-120 bpm", "-3", "-" and "- x" are not
// options but text (a prompt, a negative number) and stay positionals.
bool looksLikeOption(const std::string& a)
{
    const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (a.size() == 2 && a[0] == '-') return letter(a[1]);
    if (a.size() < 3 || a.rfind("--", 0) != 0 || !letter(a[2])) return false;
    const std::size_t end = std::min(a.find('='), a.size());
    for (std::size_t i = 3; i < end; ++i)
        if (!letter(a[i]) && !(a[i] >= '0' && a[i] <= '9') && a[i] != '-') return false;
    return true;
}
} // namespace

bool CliArgs::parse(const std::vector<std::string>& args)
{
    bool onlyPositionals = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string a = args[i];
        if (onlyPositionals || (a != "--" && !looksLikeOption(a))) {
            m_positionals.push_back(a);
            continue;
        }
        if (a == "--") {
            onlyPositionals = true;
            continue;
        }
        std::optional<std::string> inlineValue;
        if (const auto eq = a.find('='); a.rfind("--", 0) == 0 && eq != std::string::npos) {
            inlineValue = a.substr(eq + 1);
            a = a.substr(0, eq);
        }
        if (m_flags.count(a) && !inlineValue) {
            m_seen.insert(a);
        } else if (m_options.count(a)) {
            if (!inlineValue && i + 1 >= args.size()) {
                m_error = "option " + a + " needs a value";
                return false;
            }
            m_values[a] = inlineValue ? *inlineValue : args[++i];
            m_seen.insert(a);
        } else {
            m_error = "unknown option " + args[i];
            return false;
        }
    }
    return true;
}

std::optional<std::string> CliArgs::value(const std::string& option) const
{
    auto it = m_values.find(option);
    if (it == m_values.end()) return std::nullopt;
    return it->second;
}

} // namespace pianola::cli
