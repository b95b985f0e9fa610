// SPDX-License-Identifier: MIT
// pianola: the GUI entry point.
#include "app/ChatController.h"
#include "app/MainWindow.h"
#include "app/MemoryPolicy.h"
#include "app/QuitSignals.h"
#include "engine/SystemLogs.h"

#include <algorithm>
#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

int main(int argc, char** argv)
{
    pianola::app::returnFreedMemoryToTheSystem();
    pianola::engine::routeSystemLibraryLogs();
    QApplication app(argc, argv);
    QApplication::setOrganizationName("Pianola");
    QApplication::setApplicationName("Pianola");
    QApplication::setApplicationVersion(PIANOLA_VERSION);
    QApplication::setDesktopFileName("pianola");
    QApplication::setWindowIcon(QIcon(":/icons/pianola-256.png"));

    QTranslator qtTranslator, translator;
    if (qtTranslator.load(QLocale(), "qtbase", "_",
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    if (translator.load(QLocale(), "pianola", "_", ":/i18n"))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Piano-roll MIDI editor"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("file",
                                 QApplication::translate("main", "A .mid or plan file to open"));
    const QCommandLineOption screenshot(
        "screenshot", QApplication::translate("main", "Save a PNG of the window to <png> and quit"),
        "png");
    parser.addOption(screenshot);
    const QCommandLineOption prompt(
        "prompt", QApplication::translate("main", "Ask the chat for <text> at start"), "text");
    parser.addOption(prompt);
    const QCommandLineOption play("play",
                                  QApplication::translate("main", "Start playing at start"));
    parser.addOption(play);
    const QCommandLineOption recover(
        "recover",
        QApplication::translate("main", "Restore the unsaved work of recovery file <id>"), "id");
    parser.addOption(recover);
    const QCommandLineOption size(
        "window-size",
        QApplication::translate("main", "Open the window at <width>x<height> pixels"), "size");
    parser.addOption(size);
    const QCommandLineOption raise(
        "dock",
        QApplication::translate("main",
                                "Show the dock <name> (takes, history, chat, analysis) on top"),
        "name");
    parser.addOption(raise);
    parser.process(app);

    pianola::app::QuitSignals quitSignals; // SIGTERM, SIGINT, SIGHUP...: quit the clean way
    pianola::app::MainWindow window;
    QObject::connect(&quitSignals, &pianola::app::QuitSignals::received, &window,
                     &pianola::app::MainWindow::quitWithoutAsking);
    if (const QStringList wh = parser.value(size).split(QLatin1Char('x')); wh.size() == 2)
        window.resize(std::clamp(wh[0].toInt(), 320, 7680), std::clamp(wh[1].toInt(), 240, 4320));
    window.show();
    if (auto* dock = window.findChild<QDockWidget*>(parser.value(raise) + QStringLiteral("Dock"));
        dock && parser.isSet(raise))
        dock->raise();
    if (parser.isSet(recover))
        window.restoreRecovery(parser.value(recover));
    else if (!parser.isSet(screenshot)) // work of instances that did not end cleanly
        window.offerRecovery();
    if (window.isEnding()) // a signal came while a dialog was open
        return 0;
    if (!parser.positionalArguments().isEmpty())
        window.openFileAsking(parser.positionalArguments().front());
    if (parser.isSet(prompt)) window.chatController()->ask(parser.value(prompt));
    if (parser.isSet(play)) // after the sound starts (queued by the window before this)
        QTimer::singleShot(0, &window, &pianola::app::MainWindow::startPlayback);
    if (parser.isSet(screenshot)) { // for documentation and visual checks
        QTimer::singleShot(1500, &window, [&] {
            const bool saved = window.grab().save(parser.value(screenshot));
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}
