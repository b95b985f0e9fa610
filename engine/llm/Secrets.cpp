// SPDX-License-Identifier: MIT
// Environment keys and redaction.
#include "engine/llm/Secrets.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringView>

Q_LOGGING_CATEGORY(lcLlm, "pianola.llm", QtWarningMsg)

namespace pianola::engine::llm {

QString EnvironmentKeySource::apiKey(const ProviderConfig& config) const
{
    const QString name = keyEnvName(config);
    return name.isEmpty() ? QString()
                          : qEnvironmentVariable(name.toLocal8Bit().constData()).trimmed();
}

namespace {
const QString kRedacted = QStringLiteral("[redacted]");
constexpr qsizetype kMinFragment = 10; // a run of this many key characters is a piece of the key

// `text` with every run of >= kMinFragment characters that also occurs in `key` replaced: the
// key whole, its head, its tail, or the middle a server quoted in a cut message. One pass over
// the text with a table of the key's fragments.
QString redactFragments(const QString& text, const QString& key)
{
    QHash<QStringView, qsizetype> where; // fragment -> its first place in the key
    for (qsizetype i = 0; i + kMinFragment <= key.size(); ++i)
        if (const QStringView f = QStringView(key).mid(i, kMinFragment); !where.contains(f))
            where.insert(f, i);
    QString out;
    out.reserve(text.size());
    for (qsizetype j = 0; j < text.size();) {
        const auto it = j + kMinFragment <= text.size()
                            ? where.constFind(QStringView(text).mid(j, kMinFragment))
                            : where.cend();
        if (it == where.cend()) {
            out += text.at(j++);
            continue;
        }
        qsizetype end = j + kMinFragment;
        for (qsizetype k = *it + kMinFragment;
             end < text.size() && k < key.size() && text.at(end) == key.at(k); ++end, ++k) {
        }
        out += kRedacted;
        j = end;
    }
    return out;
}
} // namespace

QString redactSecrets(QString text, const QString& key)
{
    // Servers echo parts of keys ("Incorrect API key provided: sk-proj-abc*****wxyz"): the whole
    // shaped token first, before the key's pieces would cut it into unshaped ones.
    static const QRegularExpression shaped(QStringLiteral(R"((sk-|key-)[A-Za-z0-9_\-\*\.]{4,})"));
    text.replace(shaped, kRedacted);
    if (key.size() >= kMinFragment)
        text = redactFragments(text, key);
    else if (key.size() >= 4)
        text.replace(key, kRedacted);
    if (key.size() >= 12) { // and its head or tail when a server quotes a shorter fragment
        text.replace(key.left(8), kRedacted);
        text.replace(key.right(6), kRedacted);
    }
    return text;
}

namespace {
bool unsafeChar(char16_t c, bool multiLine)
{
    if (c == u'\n') return !multiLine;
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c;
}

// `text` cut to `maxChars` UTF-16 units without splitting a surrogate pair.
QString cutAtCharacter(QString text, qsizetype maxChars)
{
    if (text.size() <= maxChars) return text;
    qsizetype n = std::max<qsizetype>(0, maxChars - 3);
    if (n > 0 && text.at(n - 1).isHighSurrogate()) --n;
    text.truncate(n);
    return text + QStringLiteral("...");
}
} // namespace

QString untrustedText(const QString& text, const QString& key, qsizetype maxChars, bool multiLine)
{
    // Redact before cutting: a key that straddles the cut is still whole here.
    QString out = redactSecrets(text.left(maxChars + 2 * key.size() + 64), key);
    for (QChar& c : out)
        if (unsafeChar(c.unicode(), multiLine)) c = QLatin1Char(' ');
    return cutAtCharacter(std::move(out), maxChars);
}

std::string untrustedText(std::string_view utf8, const QString& key, qsizetype maxChars,
                          bool multiLine)
{
    // 4 bytes per character at most: enough of the text for maxChars after redaction.
    const qsizetype take = 4 * (maxChars + 2 * key.size() + 64);
    const QString text =
        QString::fromUtf8(utf8.data(), std::min<qsizetype>(qsizetype(utf8.size()), take));
    return untrustedText(text, key, maxChars, multiLine).toStdString();
}

} // namespace pianola::engine::llm
