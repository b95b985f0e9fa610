// SPDX-License-Identifier: MIT
// Environment keys and redaction.
#include "engine/llm/Secrets.h"

#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcLlm, "pianola.llm", QtWarningMsg)

namespace pianola::engine::llm {

QString EnvironmentKeySource::apiKey(const ProviderConfig& config) const
{
    const QString name = keyEnvName(config);
    return name.isEmpty() ? QString()
                          : qEnvironmentVariable(name.toLocal8Bit().constData()).trimmed();
}

QString redactSecrets(QString text, const QString& key)
{
    static const QString kRedacted = QStringLiteral("[redacted]");
    if (key.size() >= 4) text.replace(key, kRedacted);
    // Servers echo parts of keys ("Incorrect API key provided: sk-proj-abc*****wxyz").
    static const QRegularExpression shaped(QStringLiteral(R"((sk-|key-)[A-Za-z0-9_\-\*\.]{4,})"));
    text.replace(shaped, kRedacted);
    if (key.size() >= 12) { // and its head or tail when a server quotes a fragment
        text.replace(key.left(8), kRedacted);
        text.replace(key.right(6), kRedacted);
    }
    return text;
}

} // namespace pianola::engine::llm
