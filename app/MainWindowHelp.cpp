// SPDX-License-Identifier: MIT
// The main window's Help menu: the keyboard shortcuts (read from the menus) and About.
#include "app/MainWindow.h"

#include <functional>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace pianola::app {

void MainWindow::createHelpMenu()
{
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence::HelpContents, this,
                    &MainWindow::showShortcuts);
    help->addAction(tr("&About Pianola"), this, &MainWindow::aboutRequested);
}

QStringList MainWindow::shortcutList() const
{
    QStringList lines;
    for (QAction* menuAction : menuBar()->actions()) {
        const QString menu = menuAction->text().remove(QLatin1Char('&'));
        std::function<void(QMenu*, const QString&)> walk = [&](QMenu* m, const QString& prefix) {
            for (QAction* a : m->actions()) {
                if (a->menu())
                    walk(a->menu(),
                         prefix + QStringLiteral(" > ") + a->text().remove(QLatin1Char('&')));
                else if (!a->shortcut().isEmpty())
                    lines << QStringLiteral("%1 > %2\t%3")
                                 .arg(prefix, a->text().remove(QLatin1Char('&')),
                                      a->shortcut().toString(QKeySequence::NativeText));
            }
        };
        if (menuAction->menu() && menuAction->menu() != m_recentMenu)
            walk(menuAction->menu(), menu);
    }
    for (QAction* a : m_toolGroup->actions())
        lines << QStringLiteral("%1 > %2\t%3")
                     .arg(tr("Tools"), a->text(), a->shortcut().toString(QKeySequence::NativeText));
    lines << tr("Piano roll > Zoom horizontally\tCtrl+Wheel, +/-")
          << tr("Piano roll > Zoom vertically\tCtrl+Shift+Wheel")
          << tr("Piano roll > Bypass the grid while dragging\tAlt")
          << tr("Piano roll > Add to the selection\tShift+Click")
          << tr("Piano roll > Erase\tRight-click")
          << tr("Controller lane > Draw a straight line\tCtrl+Drag");
    return lines;
}

void MainWindow::showShortcuts()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Keyboard shortcuts"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* text = new QPlainTextEdit(&dialog);
    text->setReadOnly(true);
    text->setPlainText(shortcutList().join(QLatin1Char('\n')));
    text->setTabStopDistance(280);
    layout->addWidget(text);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(620, 520);
    dialog.exec();
}

void MainWindow::aboutRequested()
{
    QMessageBox::about(this, tr("About Pianola"),
                       tr("<b>Pianola %1</b><p>A piano-roll MIDI editor with an AI chat dock.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace pianola::app
