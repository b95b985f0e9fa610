// SPDX-License-Identifier: MIT
// The analysis panel's wiring.
#include "app/AnalysisController.h"

#include "app/ChatController.h"
#include "app/Document.h"
#include "app/NarrativeRequest.h"
#include "engine/analysis/Analyzer.h"
#include "engine/analysis/Contradictions.h"
#include "engine/llm/Session.h"
#include "widgets/AnalysisPanel.h"

#include <algorithm>
#include <QDateTime>

namespace pianola::app {

namespace {
// Drops the suggestions the offline engine cannot make as a change of `take`.
void keepApplicable(std::vector<std::string>& suggestions, const model::Take& take)
{
    std::erase_if(suggestions, [&take](const std::string& s) {
        return !engine::llm::offlineCanChange(s, take);
    });
}

// On a worker thread: the analysis of `take`'s plan with only the suggestions the engine can make
// to that take, tried on the take itself, never a copy (on a million-note take a copy would add a
// second full plan to the analysis' memory). The panel hands the analyser `take`'s plan, whose
// pointer keeps the snapshot alive while it runs; the analyser itself holds the take weakly, so
// the next edit does not copy the project for it.
widgets::AnalysisPanel::Analyzer analyzerOf(const std::shared_ptr<const model::Take>& take)
{
    return [weak = std::weak_ptr<const model::Take>(take)](const model::Plan& plan) {
        model::analysis::Analysis analysis = engine::analysis::analyzePlan(plan);
        if (const auto held = weak.lock(); held && &held->plan == &plan)
            keepApplicable(analysis.suggestions, *held);
        else
            analysis.suggestions.clear(); // not that take's plan: nothing tried, nothing offered
        return analysis;
    };
}
} // namespace

AnalysisController::AnalysisController(Document* document, widgets::AnalysisPanel* panel,
                                       ChatController* chat, QObject* parent)
    : QObject(parent), m_document(document), m_panel(panel), m_chat(chat),
      m_narrative(new NarrativeRequest(this))
{
    connect(m_panel, &widgets::AnalysisPanel::narrativeRequested, this,
            &AnalysisController::askModel);
    connect(m_narrative, &NarrativeRequest::finished, this, &AnalysisController::modelAnswered);
    connect(m_narrative, &NarrativeRequest::failed, this, &AnalysisController::modelFailed);
    connect(m_panel, &widgets::AnalysisPanel::analysisShown, this,
            &AnalysisController::showInterpretation);
    connect(m_panel, &widgets::AnalysisPanel::suggestionApplied, this,
            [this](const QString& request) {
                emit applyStarted();
                m_chat->applySuggestion(request, m_take);
            });
}

void AnalysisController::analyseActiveTake()
{
    const model::Take* take = m_document->activeTake();
    const model::TakeId before = m_take;
    m_take = take ? take->id : 0;
    if (m_take != before && !(m_narrative->busy() && m_askedFor == m_take))
        m_panel->clearInterpretation(); // the cached one shows with the take's analysis
    auto snapshot = take ? m_document->takeSnapshot(take->id)
                         : std::make_shared<const model::Take>(); // an empty take, analysed
    m_panel->setAnalyzer(analyzerOf(snapshot)); // the panel keeps it with this request
    m_panel->setPlan(std::shared_ptr<const model::Plan>(snapshot, &snapshot->plan));
}

void AnalysisController::askModel()
{
    if (m_narrative->busy()) return;
    const engine::llm::ProviderConfig config = ChatController::providerConfig(m_chat->provider());
    m_askedFor = m_take;
    m_askedModel = config.model;
    m_panel->setInterpretationPending(config.model);
    emit statusMessage(tr("Asking the language model for an interpretation..."));
    m_narrative->start(config, m_chat->keys(), m_panel->analysis());
}

void AnalysisController::modelAnswered(const QString& narrative, const QStringList& suggestions)
{
    const model::Take* take = m_document->project().findTake(m_askedFor);
    if (!take) return;
    model::Interpretation interpretation;
    interpretation.take = take->id;
    interpretation.model = m_askedModel.toStdString();
    interpretation.text = narrative.toStdString();
    for (const QString& s : suggestions)
        interpretation.suggestions.push_back(s.toStdString());
    keepApplicable(interpretation.suggestions, *take);
    interpretation.createdUtc = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    m_document->setInterpretation(std::move(interpretation));
    if (m_askedFor == m_take) showInterpretation();
    emit statusMessage(tr("Interpretation from %1").arg(m_askedModel));
}

void AnalysisController::modelFailed(const QString& sentence)
{
    if (m_askedFor == m_take) m_panel->setInterpretationError(sentence);
    emit statusMessage(sentence);
}

QString AnalysisController::sentence(const engine::analysis::Contradiction& c)
{
    using Kind = engine::analysis::Contradiction::Kind;
    const QString said = QString::fromStdString(c.said);
    switch (c.kind) {
    case Kind::DrumsNamed:
        return tr("it speaks of drums; the analysis found no drums");
    case Kind::DrumsDenied:
        return c.drumHits == 1 ? tr("it says there are no drums; the analysis found 1 drum hit")
                               : tr("it says there are no drums; the analysis found %1 drum hits")
                                     .arg(c.drumHits);
    case Kind::Key:
        return tr("it says %1; the analysis estimates %2")
            .arg(said, QString::fromStdString(model::analysis::keyName(c.key)));
    case Kind::Tempo:
        return tr("it says %1 bpm; the analysis measured %2 bpm")
            .arg(said, QString::number(c.bpm, 'f', 0));
    case Kind::Meter:
        return tr("it says %1; the piece is in %2/%3")
            .arg(said)
            .arg(c.meterNumerator)
            .arg(c.meterDenominator);
    }
    return {};
}

void AnalysisController::showInterpretation()
{
    const model::Interpretation* cached = m_document->project().findInterpretation(m_take);
    if (!cached) {
        if (!m_narrative->busy()) m_panel->clearInterpretation();
        return;
    }
    QStringList flags, suggestions;
    for (const auto& c : engine::analysis::contradictions(cached->text, m_panel->analysis()))
        flags << sentence(c);
    for (const std::string& s : cached->suggestions)
        suggestions << QString::fromStdString(s);
    m_panel->setInterpretation(QString::fromStdString(cached->model),
                               QString::fromStdString(cached->text), flags, suggestions);
}

} // namespace pianola::app
