// SPDX-License-Identifier: MIT
// A small, strict argument parser: known flags, options with values, positionals.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pianola::cli {

class CliArgs
{
public:
    /// `flags`: options without a value (e.g. "--count"); `options`: with one ("-o", "--format").
    CliArgs(std::set<std::string> flags, std::set<std::string> options)
        : m_flags(std::move(flags)), m_options(std::move(options))
    {}

    /// Parses; on failure returns false and error() says why (unknown option, missing value).
    /// Arguments that do not have an option's shape ("-120 bpm", "-3", "-") are positionals,
    /// and so is everything after "--".
    bool parse(const std::vector<std::string>& args);
    bool has(const std::string& flag) const { return m_seen.count(flag) > 0; }
    std::optional<std::string> value(const std::string& option) const;
    const std::vector<std::string>& positionals() const { return m_positionals; }
    const std::string& error() const { return m_error; }

private:
    std::set<std::string> m_flags, m_options, m_seen;
    std::map<std::string, std::string> m_values;
    std::vector<std::string> m_positionals;
    std::string m_error;
};

} // namespace pianola::cli
