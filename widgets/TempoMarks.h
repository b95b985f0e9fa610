// SPDX-License-Identifier: MIT
// The tempo map drawn in the time ruler: a mark and "♩ 96" at every tempo change of a take that
// has more than one tempo.
#pragma once

class QPainter;

namespace pianola::model {
struct Plan;
}

namespace pianola::widgets {

class ViewState;

/// The colour of a tempo change's mark (a 2 px line down the bar-number row).
inline constexpr unsigned kTempoMarkRgb = 0xf0c674;

/// Paints the plan's tempo changes over the ruler's lower rows, from `top` (below the loop bar)
/// down `height` pixels, over `width` pixels; nothing when the take keeps one tempo.
void paintTempoMarks(QPainter& p, const model::Plan* plan, const ViewState& view, int top,
                     int width, int height);

} // namespace pianola::widgets
