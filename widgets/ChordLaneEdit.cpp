// SPDX-License-Identifier: MIT
// The chord lane's edits: typing a symbol, insert, split, delete, copy, paste, the context menu
// with ranked alternatives. Each gesture submits one PlanEdit of the chord track.
#include "model/ChordAlternatives.h"
#include "model/ChordEdits.h"
#include "model/ChordTrack.h"
#include "widgets/ChordLane.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QToolTip>

namespace pianola::widgets {

using model::PlanChord;
using model::Tick;

bool ChordLane::submitChords(std::vector<PlanChord> chords, const QString& text, int select)
{
    const model::Plan* plan = m_context.plan();
    if (!plan) return false;
    model::PlanEdit edit = model::chordTrackEdit(m_context.take(), *plan, std::move(chords));
    model::trimChordTrack(edit.after);
    if (const auto issues = model::chordTrackIssues(edit.after); !issues.empty()) {
        emit m_context.refused(tr("The chord track would not be valid: %1")
                                   .arg(QString::fromStdString(issues.front().message)));
        return false;
    }
    if (!m_context.submit(std::move(edit), text)) return false;
    selectChord(select);
    return true;
}

void ChordLane::beginTyping(const QString& text)
{
    if (m_selected < 0) return;
    const auto chords = shownChords();
    const PlanChord& c = chords[static_cast<std::size_t>(m_selected)];
    const double x0 = m_view.tickToX(static_cast<double>(c.startTick));
    if (!m_editor) {
        m_editor = new QLineEdit(this);
        m_editor->setObjectName("chordSymbolEditor");
        m_editor->installEventFilter(this);
    }
    m_editor->setGeometry(static_cast<int>(std::max(0.0, x0)), 0, 110, height());
    m_editor->setText(text);
    m_editor->show();
    m_editor->setFocus();
}

void ChordLane::commitTyping()
{
    if (!m_editor) return;
    const QString text = m_editor->text();
    const auto symbol = model::parseChordSymbol(text.toStdString());
    if (!symbol) {
        m_error = QString::fromStdString(symbol.error().message);
        m_editor->setStyleSheet(QStringLiteral("border: 1px solid #e05c5c;"));
        QToolTip::showText(m_editor->mapToGlobal(QPoint(0, m_editor->height())),
                           tr("“%1” is not a chord symbol: %2").arg(text, m_error), m_editor);
        return;
    }
    m_error.clear();
    closeEditor();
    replaceSelected(text);
}

void ChordLane::closeEditor()
{
    if (!m_editor || !m_editor->isVisible()) return;
    m_editor->hide();
    m_editor->setStyleSheet({});
    QToolTip::hideText();
    setFocus();
}

bool ChordLane::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_editor && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Escape) {
            m_error.clear();
            closeEditor();
            return true;
        }
        if (key == Qt::Key_Return ||
            key == Qt::Key_Enter) { // consumed: the lane must not reopen it
            commitTyping();
            return true;
        }
    }
    if (watched == m_editor && event->type() == QEvent::FocusOut && !QToolTip::isVisible())
        closeEditor();
    return QWidget::eventFilter(watched, event);
}

bool ChordLane::replaceSelected(const QString& text)
{
    const auto symbol = model::parseChordSymbol(text.toStdString());
    auto chords = shownChords();
    if (!symbol || m_selected < 0 || m_selected >= static_cast<int>(chords.size())) return false;
    auto& c = chords[static_cast<std::size_t>(m_selected)];
    if (symbol->noChord) { // N.C.: a gap in the chord track
        chords.erase(chords.begin() + m_selected);
        return submitChords(std::move(chords), tr("Remove chord"), -1);
    }
    c = model::planChordOf(*symbol, c.startTick, c.lengthTicks);
    return submitChords(std::move(chords), tr("Change chord to %1").arg(text.trimmed()),
                        m_selected);
}

// Inside a chord: split it there. In a gap: the key's tonic chord over the bar there (as much
// of it as the gap leaves).
bool ChordLane::insertChordAt(Tick tick)
{
    const model::Plan* plan = m_context.plan();
    if (!plan) return false;
    tick = m_view.snapped(tick, m_context.ppq());
    if (chordIndexAt(tick) >= 0) return splitChordAt(tick);
    auto chords = shownChords();
    const Bar bar = m_context.barAt(tick);
    Tick from = bar.startTick, to = std::min(bar.endTick(), model::chordTrackLimit(*plan));
    for (const PlanChord& c : chords) {
        if (c.endTick() <= tick)
            from = std::max(from, c.endTick());
        else if (c.startTick > tick)
            to = std::min(to, c.startTick);
    }
    if (to - from < model::kMinChordTicks) {
        emit m_context.refused(
            tr("No room for a chord here (the take ends, or chords fill the bar)"));
        return false;
    }
    const model::KeySignature key = m_context.spellingKey();
    model::ChordSymbol tonic;
    tonic.root = model::keySignatureTonicPc(key);
    tonic.third = key.minor ? model::ChordSymbol::Third::Minor : model::ChordSymbol::Third::Major;
    chords = model::withChordPlaced(std::move(chords), model::planChordOf(tonic, from, to - from));
    int index = 0;
    while (chords[static_cast<std::size_t>(index)].startTick != from)
        ++index;
    return submitChords(std::move(chords), tr("Insert chord"), index);
}

bool ChordLane::splitChordAt(Tick tick)
{
    const int index = chordIndexAt(tick);
    if (index < 0) return false;
    auto chords = shownChords();
    auto split = model::withChordSplit(chords, static_cast<std::size_t>(index), tick);
    if (split == chords) return false;
    return submitChords(std::move(split), tr("Split chord"), index + 1);
}

bool ChordLane::deleteSelected()
{
    auto chords = shownChords();
    if (m_selected < 0 || m_selected >= static_cast<int>(chords.size())) return false;
    chords.erase(chords.begin() + m_selected);
    return submitChords(std::move(chords), tr("Delete chord"), -1);
}

void ChordLane::copySelected()
{
    const auto chords = shownChords();
    if (m_selected < 0 || m_selected >= static_cast<int>(chords.size())) return;
    m_clipboard = chords[static_cast<std::size_t>(m_selected)];
    QApplication::clipboard()->setText(chordText(*m_clipboard));
}

// Onto the selected chord (its symbol, keeping its time), else at the playhead with the copied
// length. A symbol copied elsewhere (the clipboard's text) is pasted too.
bool ChordLane::paste()
{
    std::optional<model::ChordSymbol> symbol;
    if (const auto typed = model::parseChordSymbol(QApplication::clipboard()->text().toStdString());
        typed && !typed->noChord)
        symbol = *typed;
    else if (m_clipboard)
        symbol = *model::chordSymbolOf(*m_clipboard);
    if (!symbol) return false;
    auto chords = shownChords();
    if (m_selected >= 0 && m_selected < static_cast<int>(chords.size())) {
        auto& c = chords[static_cast<std::size_t>(m_selected)];
        c = model::planChordOf(*symbol, c.startTick, c.lengthTicks);
        return submitChords(std::move(chords), tr("Paste chord"), m_selected);
    }
    const model::Plan* plan = m_context.plan();
    const Tick start =
        m_view.snappedDown(static_cast<Tick>(m_view.playheadTick()), m_context.ppq());
    const Tick length =
        m_clipboard ? m_clipboard->lengthTicks : m_context.barAt(start).endTick() - start;
    const Tick end = std::min(start + length, plan ? model::chordTrackLimit(*plan) : 0);
    if (end - start < model::kMinChordTicks) return false;
    chords =
        model::withChordPlaced(std::move(chords), model::planChordOf(*symbol, start, end - start));
    int index = 0;
    while (chords[static_cast<std::size_t>(index)].startTick != start)
        ++index;
    return submitChords(std::move(chords), tr("Paste chord"), index);
}

// The lane's keys win over the window's one-key shortcuts (E = erase tool, Q = quantize, Delete
// = delete notes...) while it has the focus and a chord is selected.
bool ChordLane::event(QEvent* event)
{
    if (event->type() == QEvent::ShortcutOverride && m_selected >= 0) {
        auto* key = static_cast<QKeyEvent*>(event);
        const bool symbolStart = !key->text().isEmpty() &&
                                 QStringLiteral("ABCDEFGNabcdefgn").contains(key->text().front()) &&
                                 !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier));
        const bool laneKey = key->matches(QKeySequence::Copy) ||
                             key->matches(QKeySequence::Paste) ||
                             QList<int>{Qt::Key_Delete, Qt::Key_Backspace, Qt::Key_Insert,
                                        Qt::Key_Slash,  Qt::Key_Left,      Qt::Key_Right,
                                        Qt::Key_Return, Qt::Key_F2,        Qt::Key_Escape}
                                 .contains(key->key());
        if (symbolStart || laneKey) {
            event->accept();
            return true;
        }
    }
    return QWidget::event(event);
}

void ChordLane::keyPressEvent(QKeyEvent* event)
{
    const auto count = static_cast<int>(shownChords().size());
    if (event->matches(QKeySequence::Copy))
        copySelected();
    else if (event->matches(QKeySequence::Paste))
        paste();
    else if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace)
        deleteSelected();
    else if (event->key() == Qt::Key_Insert)
        insertChordAt(m_selected >= 0
                          ? shownChords()[static_cast<std::size_t>(m_selected)].endTick()
                          : static_cast<Tick>(m_view.playheadTick()));
    else if (event->key() == Qt::Key_Slash && m_selected >= 0) {
        const PlanChord c = shownChords()[static_cast<std::size_t>(m_selected)];
        splitChordAt(m_view.snapped(c.startTick + c.lengthTicks / 2, m_context.ppq()));
    } else if (event->key() == Qt::Key_Left && m_selected > 0)
        selectChord(m_selected - 1);
    else if (event->key() == Qt::Key_Right && m_selected + 1 < count)
        selectChord(m_selected + 1);
    else if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_F2) && m_selected >= 0)
        beginTyping(chordText(shownChords()[static_cast<std::size_t>(m_selected)]));
    else if (event->key() == Qt::Key_Escape)
        selectChord(-1);
    else if (m_selected >= 0 && !event->text().isEmpty() &&
             QStringLiteral("ABCDEFGNabcdefgn").contains(event->text().front()))
        beginTyping(event->text().front().toUpper() +
                    event->text().mid(1)); // a symbol typed over the chord
    else
        QWidget::keyPressEvent(event);
}

void ChordLane::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu* menu = chordMenu(tickAtX(event->pos().x()));
    menu->exec(event->globalPos());
    delete menu;
}

QMenu* ChordLane::chordMenu(Tick tick)
{
    auto* menu = new QMenu(this);
    const int index = chordIndexAt(tick);
    selectChord(index);
    if (index >= 0) {
        addAlternatives(menu, index);
        menu->addSeparator();
        menu->addAction(tr("Edit symbol…"), this,
                        [this] {
                            beginTyping(
                                chordText(shownChords()[static_cast<std::size_t>(m_selected)]));
                        })
            ->setObjectName("editChord");
        menu->addAction(tr("Split here"), this,
                        [this, tick] { splitChordAt(m_view.snapped(tick, m_context.ppq())); })
            ->setObjectName("splitChord");
        menu->addAction(tr("Delete chord"), this, &ChordLane::deleteSelected)
            ->setObjectName("deleteChord");
        menu->addAction(tr("Copy chord"), this, &ChordLane::copySelected)
            ->setObjectName("copyChord");
    } else {
        menu->addAction(tr("Insert chord here"), this, [this, tick] { insertChordAt(tick); })
            ->setObjectName("insertChord");
    }
    menu->addAction(tr("Paste chord"), this, &ChordLane::paste)->setObjectName("pasteChord");
    menu->addSeparator();
    const auto span = suggestionSpan(tick); // no structured binding: clang 14 cannot capture one
    QAction* suggest = menu->addAction(tr("Suggest chords here"), this, [this, span] {
        emit m_context.chordSuggestionRequested(span.first, span.second);
    });
    suggest->setObjectName("suggestChords");
    suggest->setEnabled(span.first < span.second);
    suggest->setToolTip(tr("Candidate takes with chords here that lead from the chord before to "
                           "the chord after"));
    return menu;
}

std::pair<Tick, Tick> ChordLane::suggestionSpan(Tick tick) const
{
    const model::Plan* plan = m_context.plan();
    if (!plan) return {0, 0};
    const auto chords = shownChords();
    if (const int index = chordIndexAt(tick); index >= 0) {
        const PlanChord& c = chords[static_cast<std::size_t>(index)];
        return {c.startTick, c.endTick()};
    }
    Tick from = 0, to = model::chordTrackLimit(*plan);
    for (const PlanChord& c : chords) {
        if (c.endTick() <= tick) from = std::max(from, c.endTick());
        if (c.startTick > tick) to = std::min(to, c.startTick);
    }
    return {from, std::max(from, to)};
}

namespace {
QString kindText(model::ChordAlternative::Kind kind)
{
    using Kind = model::ChordAlternative::Kind;
    switch (kind) {
    case Kind::DiatonicSubstitute:
        return ChordLane::tr("substitute in the key");
    case Kind::Relative:
        return ChordLane::tr("relative");
    case Kind::SecondaryDominant:
        return ChordLane::tr("secondary dominant");
    case Kind::TritoneSubstitute:
        return ChordLane::tr("tritone substitute");
    case Kind::Borrowed:
        return ChordLane::tr("borrowed from the parallel key");
    }
    return {};
}
} // namespace

// Ranked alternatives: hovering one plays it, choosing it replaces the chord (and plays it).
void ChordLane::addAlternatives(QMenu* menu, int index)
{
    const auto chords = shownChords();
    auto symbolAt = [&](int i) -> std::optional<model::ChordSymbol> {
        if (i < 0 || i >= static_cast<int>(chords.size())) return std::nullopt;
        const auto s = model::chordSymbolOf(chords[static_cast<std::size_t>(i)]);
        return s ? std::optional(*s) : std::nullopt;
    };
    const auto current = symbolAt(index);
    if (!current) return;
    menu->addSection(tr("Alternatives"));
    const model::KeySignature key = m_context.spellingKey();
    for (const auto& alt :
         model::chordAlternatives(*current, key, symbolAt(index - 1), symbolAt(index + 1))) {
        const QString symbol = QString::fromStdString(model::chordSymbolText(alt.symbol, key));
        QAction* action = menu->addAction(QStringLiteral("%1\t%2").arg(symbol, kindText(alt.kind)));
        action->setObjectName(QStringLiteral("alternative:") + symbol);
        connect(action, &QAction::hovered, this, [this, s = alt.symbol] { audition(s); });
        connect(action, &QAction::triggered, this, [this, symbol, s = alt.symbol] {
            audition(s);
            replaceSelected(symbol);
        });
    }
}

// Root in the third octave (slash bass below it), the other tones above the root.
void ChordLane::audition(const model::ChordSymbol& symbol)
{
    if (symbol.noChord) return;
    QList<int> keys;
    const int rootKey = 48 + symbol.root;
    if (symbol.bass >= 0 && symbol.bass != symbol.root) keys << 36 + symbol.bass;
    const auto tones = symbol.tones();
    for (const int pc : tones)
        if (pc != symbol.bass || pc == symbol.root || symbol.bass < 0)
            keys << rootKey + (pc - symbol.root + 12) % 12;
    emit m_context.chordAuditionRequested(keys);
}

} // namespace pianola::widgets
