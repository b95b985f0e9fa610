// SPDX-License-Identifier: MIT
// The analysis panel: layout, background analysis, and filling the views from a result.
#include "widgets/AnalysisPanel.h"

#include "model/ChordSymbol.h"
#include "model/ChordTrack.h"
#include "model/NoteOps.h"
#include "model/TempoMap.h"
#include "widgets/AnalysisChart.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPromise>
#include <QPushButton>
#include <QScrollArea>
#include <QThreadPool>
#include <QVBoxLayout>

namespace pianola::widgets {

using model::analysis::Analysis;

namespace {
QString clockText(double seconds)
{
    const auto cs = static_cast<long long>(std::llround(std::max(0.0, seconds) * 100));
    return QStringLiteral("%1:%2.%3")
        .arg(cs / 6000)
        .arg(cs / 100 % 60, 2, 10, QLatin1Char('0'))
        .arg(cs % 100, 2, 10, QLatin1Char('0'));
}

QLabel* wrappedLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

AnalysisPanel::AnalysisPanel(QWidget* parent) : QWidget(parent)
{
    buildLayout();
    connect(&m_watcher, &QFutureWatcher<Analysis>::finished, this, [this] {
        if (m_watcher.future().resultCount() == 0)
            return; // replaced by a newer request before it finished
        m_analysis = m_watcher.future().result();
        setBusy(false);
        showResult();
    });
    showResult();
}

AnalysisPanel::~AnalysisPanel()
{
    m_watcher.disconnect(this); // a running analysis finishes into its own promise
}

void AnalysisPanel::buildLayout()
{
    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    m_status = new QLabel(content);
    m_summary = wrappedLabel(content);
    column->addWidget(m_status);
    column->addWidget(m_summary);

    auto* keyBox = new QGroupBox(tr("Key"), content);
    auto* keyForm = new QFormLayout(keyBox);
    m_key = wrappedLabel(keyBox);
    m_runnerUps = wrappedLabel(keyBox);
    m_keyChanges = wrappedLabel(keyBox);
    keyForm->addRow(tr("Estimate:"), m_key);
    keyForm->addRow(tr("Also likely:"), m_runnerUps);
    keyForm->addRow(tr("Key changes:"), m_keyChanges);
    column->addWidget(keyBox);

    m_chartGrid = new QGridLayout;
    auto* charts = m_chartGrid;
    m_pitchChart = new AnalysisChart(tr("Pitch classes (duration, %)"), AnalysisChart::Kind::Bars);
    m_velocityChart = new AnalysisChart(tr("Velocities (notes)"), AnalysisChart::Kind::Bars);
    m_densityChart = new AnalysisChart(tr("Notes per bar"), AnalysisChart::Kind::Bars);
    m_tempoChart = new AnalysisChart(tr("Tempo (bpm over time)"), AnalysisChart::Kind::Steps);
    for (AnalysisChart* chart : {m_pitchChart, m_velocityChart, m_densityChart, m_tempoChart})
        chart->setEmptyText(tr("No notes"));
    layOutCharts(2);
    column->addLayout(charts);

    auto* chordBox = new QGroupBox(tr("Chords"), content);
    auto* chordLayout = new QVBoxLayout(chordBox);
    m_chords = new QListWidget(chordBox);
    m_chords->setFlow(QListView::LeftToRight);
    m_chords->setWrapping(true);
    m_chords->setResizeMode(QListView::Adjust);
    m_chords->setSpacing(2);
    m_chords->setMinimumHeight(150);
    chordLayout->addWidget(m_chords);
    column->addWidget(chordBox);

    auto* storyBox = new QGroupBox(tr("Summary"), content);
    auto* storyLayout = new QVBoxLayout(storyBox);
    m_narrative = wrappedLabel(storyBox);
    storyLayout->addWidget(m_narrative);
    m_suggestions = new QVBoxLayout;
    storyLayout->addLayout(m_suggestions);
    m_askModel = new QPushButton(tr("Interpretation from the language model"), storyBox);
    m_askModel->setObjectName("askModel");
    m_askModel->setToolTip(
        tr("Sends the features above (never the file) to the model chosen in the chat dock"));
    connect(m_askModel, &QPushButton::clicked, this, &AnalysisPanel::narrativeRequested);
    storyLayout->addWidget(m_askModel, 0, Qt::AlignLeft);
    column->addWidget(storyBox);
    buildInterpretationBox(content, column);
    column->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setObjectName("analysisScroll");
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(
        Qt::ScrollBarAlwaysOff); // the content follows the dock's width
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
}

// Two charts a row where they fit side by side, else one: a narrow dock clips nothing.
void AnalysisPanel::layOutCharts(int columns)
{
    if (columns == m_chartColumns) return;
    m_chartColumns = columns;
    AnalysisChart* const all[] = {m_pitchChart, m_velocityChart, m_densityChart, m_tempoChart};
    for (AnalysisChart* chart : all)
        m_chartGrid->removeWidget(chart);
    for (int i = 0; i < 4; ++i)
        m_chartGrid->addWidget(all[i], i / columns, i % columns);
}

void AnalysisPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    const int twoWide = 2 * m_pitchChart->minimumSizeHint().width() + 48; // spacing and margins
    layOutCharts(width() >= twoWide ? 2 : 1);
}

void AnalysisPanel::buildInterpretationBox(QWidget* content, QVBoxLayout* column)
{
    m_interpretationBox = new QGroupBox(tr("Interpretation"), content);
    m_interpretationBox->setObjectName("interpretationBox");
    auto* layout = new QVBoxLayout(m_interpretationBox);
    m_interpretation = wrappedLabel(m_interpretationBox);
    m_interpretation->setObjectName("interpretation");
    m_interpretationFlags = wrappedLabel(m_interpretationBox);
    m_interpretationFlags->setObjectName("interpretationFlags");
    m_interpretationFlags->setStyleSheet(QStringLiteral("color: #b35c00;"));
    m_interpretationError = wrappedLabel(m_interpretationBox);
    m_interpretationError->setObjectName("interpretationError");
    m_interpretationError->setStyleSheet(QStringLiteral("color: #c62828;"));
    for (QLabel* label : {m_interpretation, m_interpretationFlags, m_interpretationError})
        layout->addWidget(label);
    column->addWidget(m_interpretationBox);
    clearInterpretation();
}

void AnalysisPanel::setInterpretation(const QString& model, const QString& text,
                                      const QStringList& flags, const QStringList& suggestions)
{
    m_interpretationBox->setTitle(tr("Interpretation — %1").arg(model));
    m_interpretation->setText(text);
    m_interpretation->setVisible(true);
    QStringList lines;
    for (const QString& flag : flags)
        lines << QStringLiteral("⚠ ") + flag;
    m_interpretationFlags->setText(flags.isEmpty()
                                       ? QString()
                                       : tr("Contradicts the analysis:") + QLatin1Char('\n') +
                                             lines.join(QLatin1Char('\n')));
    m_interpretationFlags->setVisible(!flags.isEmpty());
    m_interpretationError->setVisible(false);
    m_interpretationBox->setVisible(true);
    m_modelSuggestions = suggestions;
    showSuggestions();
}

void AnalysisPanel::setInterpretationError(const QString& sentence)
{
    m_interpretationBox->setTitle(tr("Interpretation"));
    m_interpretation->setVisible(false);
    m_interpretationFlags->setVisible(false);
    m_interpretationError->setText(tr("No interpretation: %1").arg(sentence));
    m_interpretationError->setVisible(true);
    m_interpretationBox->setVisible(true);
}

void AnalysisPanel::setInterpretationPending(const QString& model)
{
    m_interpretationBox->setTitle(tr("Interpretation — %1").arg(model));
    m_interpretation->setText(tr("Asking %1...").arg(model));
    m_interpretation->setVisible(true);
    m_interpretationFlags->setVisible(false);
    m_interpretationError->setVisible(false);
    m_interpretationBox->setVisible(true);
}

void AnalysisPanel::clearInterpretation()
{
    m_interpretationBox->setVisible(false);
    m_interpretation->clear();
    m_interpretationFlags->clear();
    m_interpretationError->clear();
    if (!m_modelSuggestions.isEmpty()) {
        m_modelSuggestions.clear();
        showSuggestions();
    }
}

void AnalysisPanel::setPlan(std::shared_ptr<const model::Plan> plan)
{
    if (!plan) return;
    m_timing = model::Plan{};
    m_timing.ppq = plan->ppq;
    m_timing.tempos = plan->tempos;
    m_timing.timeSignatures = plan->timeSignatures;
    if (!m_analyzer) return;
    auto promise = std::make_shared<QPromise<Analysis>>();
    promise->start();
    m_watcher.setFuture(promise->future()); // drops signals of the previous request
    setBusy(true);
    QThreadPool::globalInstance()->start([promise, plan = std::move(plan), analyzer = m_analyzer] {
        promise->addResult(analyzer(*plan));
        promise->finish();
    });
}

void AnalysisPanel::setAnalysis(const Analysis& analysis)
{
    m_watcher.setFuture(QFuture<Analysis>());
    m_analysis = analysis;
    setBusy(false);
    showResult();
}

void AnalysisPanel::setBusy(bool busy)
{
    m_busy = busy;
    m_status->setText(busy ? tr("Analysing...") : QString());
    m_status->setVisible(busy);
}

void AnalysisPanel::showResult()
{
    showSummary();
    showCharts();
    showChords();
    showSuggestions();
    emit analysisShown();
}

void AnalysisPanel::showSummary()
{
    const Analysis& a = m_analysis;
    m_summary->setText(
        tr("%1 · %2 bpm · %3/%4 · %n note(s)", nullptr, static_cast<int>(a.noteCount))
            .arg(clockText(a.durationMs / 1000.0))
            .arg(std::lround(a.meanBpm))
            .arg(a.meterNumerator)
            .arg(a.meterDenominator));
    auto keyText = [](const model::analysis::Key& k) {
        const QString tonic = QString::fromLatin1(model::analysis::keyTonicName(k.tonic, k.minor));
        return (k.minor ? tr("%1 minor") : tr("%1 major")).arg(tonic);
    };
    QStringList regions;
    if (a.keySpans.size() > 1)
        for (const auto& span : a.keySpans)
            regions << tr("%1 from %2").arg(keyText(span.key), clockText(span.startS));
    m_keyChanges->setText(regions.isEmpty() ? tr("none") : regions.join(QStringLiteral(", ")));
    if (a.noteCount == 0 || a.chords.empty()) {
        m_key->setText(tr("No pitched notes"));
        m_runnerUps->setText(QString());
        m_keyChanges->setText(QString());
        m_narrative->setText(QString::fromStdString(a.narrative));
        return;
    }
    m_key->setText(tr("<b>%1</b> (confidence %2%)")
                       .arg(keyText(a.key))
                       .arg(std::lround(a.key.confidence * 100)));
    QStringList others;
    for (const auto& k : a.keyRunnerUps)
        others << tr("%1 (%2%)").arg(keyText(k)).arg(std::lround(k.confidence * 100));
    m_runnerUps->setText(others.join(QStringLiteral(", ")));
    m_narrative->setText(QString::fromStdString(a.narrative));
}

void AnalysisPanel::showCharts()
{
    const Analysis& a = m_analysis;
    QVector<double> pitch;
    QStringList names;
    // The key's pitch classes spelled for the key found (G# and A# in G# minor), the others
    // with its kind of accidental (C, not the B# G# minor does not have).
    model::KeySignature key;
    model::keySignatureFromTonic(model::analysis::keyTonicName(a.key.tonic, a.key.minor),
                                 a.key.minor, key);
    const model::Scale scale{a.key.tonic,
                             a.key.minor ? model::Scale::Mode::Minor : model::Scale::Mode::Major};
    for (int pc = 0; pc < 12; ++pc) {
        pitch << a.pitchClasses[pc] * 100.0;
        names << QString::fromStdString(scale.contains(pc)
                                            ? model::spellPitchClass(pc, key)
                                            : model::pitchClassName(pc, key.sharps < 0));
    }
    m_pitchChart->setValues(pitch, names);
    QVector<double> velocities;
    QStringList bins;
    for (int i = 0; i < 8; ++i) {
        velocities << a.velocityHistogram[i];
        bins << QString::number(i * 16);
    }
    m_velocityChart->setValues(velocities, bins);
    QVector<double> density;
    QStringList bars;
    for (std::size_t i = 0; i < a.notesPerBar.size(); ++i) {
        density << a.notesPerBar[i];
        bars << QString::number(i + 1);
    }
    m_densityChart->setValues(density, bars);
    QVector<QPointF> tempo;
    for (const auto& t : a.tempoMap)
        tempo << QPointF(t.startS, t.bpm);
    if (a.noteCount > 0)
        m_tempoChart->setSteps(tempo, a.durationMs / 1000.0);
    else
        m_tempoChart->setSteps({}, 0);
}

QString AnalysisPanel::barBeatText(double seconds) const
{
    const auto tick = static_cast<model::Tick>(
        std::llround(model::TempoMap(m_timing).secondsToTicks(std::max(0.0, seconds))));
    const std::vector<model::Tick> bars = model::barStarts(m_timing, tick + 1);
    const model::Tick barStart = bars.empty() ? 0 : bars.back();
    model::TimeSignature meter;
    for (const model::TimeSignature& t : m_timing.timeSignatures)
        if (t.tick <= barStart) meter = t;
    const model::Tick beatTicks =
        std::max<model::Tick>(1, m_timing.ppq * 4 / std::max(1, meter.denominator));
    return QStringLiteral("%1.%2")
        .arg(std::max<std::size_t>(1, bars.size()))
        .arg((tick - barStart) / beatTicks + 1);
}

namespace {
// The analysis' key as a signature (the spelling with fewer accidentals: Db major, not C#).
model::KeySignature signatureOf(const model::analysis::Key& key)
{
    model::KeySignature best;
    int fewest = 99;
    for (const bool flats : {false, true}) {
        model::KeySignature k;
        if (model::keySignatureFromTonic(model::pitchClassName(key.tonic, flats), key.minor, k) &&
            std::abs(k.sharps) < fewest) {
            best = k;
            fewest = std::abs(k.sharps);
        }
    }
    return best;
}

// The chord's symbol spelled for the key (Bb in F major, never A#).
QString spelledChord(const model::analysis::Chord& chord, const model::KeySignature& key)
{
    const std::string plain = model::analysis::chordSymbol(chord);
    const auto symbol = model::parseChordSymbol(plain);
    return QString::fromStdString(symbol ? model::chordSymbolText(*symbol, key) : plain);
}
} // namespace

// Chords at bar.beat, as the ruler counts (the time in seconds in the tooltip).
void AnalysisPanel::showChords()
{
    const model::KeySignature key = signatureOf(m_analysis.key);
    m_chords->clear();
    const QFontMetrics fm(m_chords->font());
    int widest = fm.horizontalAdvance(QStringLiteral("00.0  C#m7"));
    for (const auto& c : m_analysis.chords) {
        auto* item = new QListWidgetItem(
            QStringLiteral("%1  %2").arg(barBeatText(c.startS), spelledChord(c, key)), m_chords);
        item->setData(Qt::UserRole, c.startS);
        item->setToolTip(tr("Bar %1 to %2 (%3 to %4)")
                             .arg(barBeatText(c.startS), barBeatText(c.endS), clockText(c.startS),
                                  clockText(c.endS)));
        widest = std::max(widest, fm.horizontalAdvance(item->text()));
    }
    m_chords->setGridSize(QSize(widest + 14, fm.height() + 6)); // aligned columns
}

void AnalysisPanel::showSuggestions()
{
    while (QLayoutItem* item = m_suggestions->takeAt(0)) {
        if (QLayout* row = item->layout()) {
            while (QLayoutItem* child = row->takeAt(0)) {
                delete child->widget();
                delete child;
            }
        }
        delete item;
    }
    QStringList shown;
    for (const std::string& s : m_analysis.suggestions)
        shown << QString::fromStdString(s);
    for (const QString& s : m_modelSuggestions)
        if (!shown.contains(s, Qt::CaseInsensitive)) shown << s;
    for (const QString& request : shown)
        addSuggestion(request);
}

void AnalysisPanel::addSuggestion(const QString& request)
{
    auto* row = new QHBoxLayout;
    auto* text = new QLabel(QStringLiteral("“%1”").arg(request));
    text->setWordWrap(true);
    auto* apply = new QPushButton(tr("Apply"));
    apply->setToolTip(tr("Makes this change to the analysed take, as new takes beside it"));
    apply->setObjectName(QStringLiteral("apply:") + request);
    connect(apply, &QPushButton::clicked, this,
            [this, request] { emit suggestionApplied(request); });
    row->addWidget(text, 1);
    row->addWidget(apply);
    m_suggestions->addLayout(row);
}

} // namespace pianola::widgets
