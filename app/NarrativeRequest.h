// SPDX-License-Identifier: MIT
// The analysis narrative from a language model: the compact features (never the file) go to
// the provider; a short interpretation and one or two chat requests come back, validated.
#pragma once

#include "engine/llm/ProviderConfig.h"
#include "model/Analysis.h"
#include "model/Result.h"

#include <memory>
#include <QObject>

namespace pianola::engine::llm {
class KeySource;
class Provider;
} // namespace pianola::engine::llm

namespace pianola::app {

class NarrativeRequest : public QObject
{
    Q_OBJECT
public:
    explicit NarrativeRequest(QObject* parent = nullptr);
    ~NarrativeRequest() override;
    /// Asks `config`'s provider; finished() or failed() follows.
    void start(const engine::llm::ProviderConfig& config, const engine::llm::KeySource& keys,
               const model::analysis::Analysis& analysis);
    bool busy() const;

    /// The model's reply read into narrative and suggestions; an error says what is wrong.
    static Result<std::pair<std::string, std::vector<std::string>>>
    parseReply(const std::string& reply);

signals:
    void finished(const QString& narrative, const QStringList& suggestions);
    void failed(const QString& sentence);

private:
    std::unique_ptr<engine::llm::Provider> m_provider;
};

} // namespace pianola::app
