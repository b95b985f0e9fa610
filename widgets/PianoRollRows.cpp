// SPDX-License-Identifier: MIT
// The roll's rows: all 128 keys of a pitched track, or on a drum track the kit pieces in use
// plus the core kit (kick .. ride), or all 47 GM pieces when asked.
#include "widgets/KeyboardGutter.h"
#include "widgets/PianoRollView.h"

#include <QScrollBar>

namespace pianola::widgets {

void PianoRollView::updateRows()
{
    const model::Track* track = m_context.track();
    const bool drums = track && track->channel == model::gm::kDrumChannel;
    std::array<bool, 128> shown{};
    for (int key = 0; key < 128; ++key)
        shown[static_cast<std::size_t>(key)] =
            !drums ||
            (m_allDrumRows ? key >= model::gm::kFirstDrumKey && key <= model::gm::kLastDrumKey
                           : key >= model::gm::kCoreKitFirst && key <= model::gm::kCoreKitLast);
    if (drums)
        for (const model::Note& n : track->notes)
            shown[n.key] = true;
    const int keepKey = m_rowKeys.empty() ? -1 : yToKey(viewport()->height() / 2.0);
    const std::size_t before = m_rowKeys.size();
    m_rowKeys.clear();
    m_keyRow.fill(-1);
    for (int key = 127; key >= 0; --key)
        if (shown[static_cast<std::size_t>(key)]) {
            m_keyRow[static_cast<std::size_t>(key)] = static_cast<int>(m_rowKeys.size());
            m_rowKeys.push_back(key);
        }
    updateScrollBars();
    if (keepKey >= 0 && before != m_rowKeys.size()) centreOnKey(keepKey);
    m_gutter->update();
}

void PianoRollView::setAllDrumRows(bool all)
{
    if (all == m_allDrumRows) return;
    m_allDrumRows = all;
    updateRows();
    viewport()->update();
}

} // namespace pianola::widgets
