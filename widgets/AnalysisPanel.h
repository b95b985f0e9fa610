// SPDX-License-Identifier: MIT
// The analysis panel: key, charts, chords, narrative and suggestions of the current plan.
#pragma once

#include "model/Analysis.h"
#include "model/Plan.h"

#include <functional>
#include <memory>
#include <QFutureWatcher>
#include <QWidget>

class QGridLayout;
class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QVBoxLayout;

namespace pianola::widgets {

class AnalysisChart;

/// Shows an analysis: summary, key with confidence and runner-ups, charts (pitch classes,
/// velocities, density per bar, tempo map), chord symbols, the narrative and one "Apply" button
/// per suggestion. setPlan() analyses on a worker thread (the analyser is injected, since
/// widgets never include the engine) and shows the newest result; stale results are dropped.
/// GUI thread only.
class AnalysisPanel : public QWidget
{
    Q_OBJECT
public:
    /// Reads an immutable plan shared with the app (it runs on a worker thread).
    using Analyzer = std::function<model::analysis::Analysis(const model::Plan&)>;

    explicit AnalysisPanel(QWidget* parent = nullptr);
    ~AnalysisPanel() override;

    /// The function that analyses a plan; it runs on a worker thread.
    void setAnalyzer(Analyzer analyzer) { m_analyzer = std::move(analyzer); }
    /// Analyses `plan` in the background, sharing it (nobody may change it: pass an immutable
    /// snapshot, not a copy); the panel shows "Analysing..." until the newest request finishes.
    /// Without an analyser, or without a plan, this does nothing.
    void setPlan(std::shared_ptr<const model::Plan> plan);
    /// Analyses a copy of `plan` (for callers without a shared snapshot).
    void setPlan(const model::Plan& plan) { setPlan(std::make_shared<const model::Plan>(plan)); }
    /// Shows `analysis` now (and drops any pending background result).
    void setAnalysis(const model::analysis::Analysis& analysis);
    const model::analysis::Analysis& analysis() const { return m_analysis; }
    bool isBusy() const { return m_busy; }

    /// A language model's interpretation, in its own block ("Interpretation — `model`") below
    /// the computed summary (which stays): `flags` are its statements that contradict the
    /// analysis, `suggestions` its requests, shown after the computed ones with Apply.
    void setInterpretation(const QString& model, const QString& text, const QStringList& flags,
                           const QStringList& suggestions);
    /// The interpretation could not be had: `sentence` says why, in the interpretation block.
    void setInterpretationError(const QString& sentence);
    /// "Asking <model>..." in the interpretation block while the request runs.
    void setInterpretationPending(const QString& model);
    void clearInterpretation();

signals:
    /// The user pressed "Apply" next to a suggestion: `request` is a chat request such as
    /// "add more swing", for the chat dock to send.
    void suggestionApplied(const QString& request);
    /// A new analysis is on screen.
    void analysisShown();
    /// The user asks for the narrative from the language model (the app sends the features).
    void narrativeRequested();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void buildLayout();
    void layOutCharts(int columns);
    void buildInterpretationBox(QWidget* content, QVBoxLayout* column);
    void showResult();
    void showSummary();
    void showCharts();
    void showChords();
    void showSuggestions();
    void addSuggestion(const QString& request);
    void setBusy(bool busy);
    /// "5.3": the bar and beat sounding at `seconds` in the tempo map and meters of the plan
    /// last given to setPlan() (120 bpm 4/4 before that).
    QString barBeatText(double seconds) const;

    Analyzer m_analyzer;
    QPushButton* m_askModel = nullptr;
    model::analysis::Analysis m_analysis;
    model::Plan m_timing; ///< the analysed plan's ppq, tempos and meters (no notes)
    QFutureWatcher<model::analysis::Analysis> m_watcher;
    bool m_busy = false;

    QLabel* m_status = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_key = nullptr;
    QLabel* m_runnerUps = nullptr;
    QLabel* m_keyChanges = nullptr;
    AnalysisChart* m_pitchChart = nullptr;
    AnalysisChart* m_velocityChart = nullptr;
    AnalysisChart* m_densityChart = nullptr;
    AnalysisChart* m_tempoChart = nullptr;
    QGridLayout* m_chartGrid = nullptr;
    int m_chartColumns = 0;
    QListWidget* m_chords = nullptr;
    QLabel* m_narrative = nullptr;
    QVBoxLayout* m_suggestions = nullptr;
    QStringList m_modelSuggestions;
    QGroupBox* m_interpretationBox = nullptr;
    QLabel* m_interpretation = nullptr;
    QLabel* m_interpretationFlags = nullptr;
    QLabel* m_interpretationError = nullptr;
};

} // namespace pianola::widgets
