// SPDX-License-Identifier: MIT
// A layout that places its items left to right and wraps to a new line between items, as chips
// and tags do; its height follows its width. An item wider than the layout gets the layout's
// width, and its height for that width when it has one (a word-wrapped label).
#pragma once

#include <QLayout>
#include <vector>

namespace pianola::widgets {

class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget* parent = nullptr, int spacing = 4);
    ~FlowLayout() override;

    void addItem(QLayoutItem* item) override;
    int count() const override { return static_cast<int>(m_items.size()); }
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return arrange(QRect(0, 0, width, 0), false); }
    QSize minimumSize() const override;
    QSize sizeHint() const override { return minimumSize(); }
    void setGeometry(const QRect& rect) override;

private:
    /// Places the items in `rect` (when `apply`); returns the height used.
    int arrange(const QRect& rect, bool apply) const;

    std::vector<QLayoutItem*> m_items;
    int m_spacing;
};

} // namespace pianola::widgets
