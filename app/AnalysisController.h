// SPDX-License-Identifier: MIT
// The analysis panel's wiring: which take is analysed, the suggestions the engine can make to
// it, Apply as a change of that take, and the language model's interpretation.
#pragma once

#include "model/Project.h"

#include <QObject>

namespace pianola::widgets {
class AnalysisPanel;
}
namespace pianola::engine::analysis {
struct Contradiction;
}

namespace pianola::app {

class ChatController;
class Document;
class NarrativeRequest;

/// GUI thread only. The panel analyses the active take on a worker thread; its suggestions are
/// only those the offline engine can make as a change of that take (engine::llm::offlineCanChange).
class AnalysisController : public QObject
{
    Q_OBJECT
public:
    AnalysisController(Document* document, widgets::AnalysisPanel* panel, ChatController* chat,
                       QObject* parent = nullptr);

    /// Analyses the active take (the window calls it once editing pauses).
    void analyseActiveTake();
    /// The take the panel shows (0 before the first analysis).
    model::TakeId analysedTake() const { return m_take; }
    /// A contradiction of the interpretation, said for the panel in the user's language ("it
    /// says 90 bpm; the analysis measured 148 bpm").
    static QString sentence(const engine::analysis::Contradiction& c);

signals:
    /// Apply was pressed: the chat shows the answer.
    void applyStarted();
    void statusMessage(const QString& message);

private:
    void askModel();
    void modelAnswered(const QString& narrative, const QStringList& suggestions);
    void modelFailed(const QString& sentence);
    /// Shows the cached interpretation of the analysed take (flags measured against the
    /// analysis on screen), or none.
    void showInterpretation();

    Document* m_document;
    widgets::AnalysisPanel* m_panel;
    ChatController* m_chat;
    NarrativeRequest* m_narrative;
    model::TakeId m_take = 0;
    model::TakeId m_askedFor = 0; ///< the take the running request is about
    QString m_askedModel;
};

} // namespace pianola::app
