// coffer: the desktop console. Opens a workspace in the main window; with --screenshot it saves
// a picture of the window once the backups are listed and exits (used by `make run` and the docs).
#include "MainWindow.h"
#include "RecentWorkspaces.h"
#include "UiResources.h"
#include "workspace/Workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QLibraryInfo>
#include <QLocale>
#include <QPixmap>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace {

constexpr int kScreenshotTimeoutMs = 20000;

// German gets coffer_de; every other language gets coffer_en, which only supplies plural forms.
void installTranslators(QApplication &app)
{
    const bool german = QLocale().language() == QLocale::German;
    auto *coffer = new QTranslator(&app);
    if (coffer->load(german ? QStringLiteral(":/i18n/coffer_de") : QStringLiteral(":/i18n/coffer_en")))
        QCoreApplication::installTranslator(coffer);
    if (german) {
        auto *qt = new QTranslator(&app);
        if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qt);
    }
}

// Saves the window as PNG and returns the exit code.
int saveScreenshot(QWidget &window, const QString &path)
{
    const QFileInfo target(path);
    QDir().mkpath(target.absolutePath());
    const QImage image = window.grab().toImage();
    if (image.isNull() || !image.save(target.absoluteFilePath(), "PNG")) {
        QTextStream(stderr) << QCoreApplication::translate("main", "Cannot save the screenshot to %1").arg(target.absoluteFilePath()) << '\n';
        return 1;
    }
    QTextStream(stdout) << QCoreApplication::translate("main", "Screenshot saved to %1").arg(target.absoluteFilePath()) << '\n';
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Coffer"));
    QApplication::setOrganizationName(QStringLiteral("Coffer"));
    QApplication::setApplicationVersion(QStringLiteral(COFFER_VERSION_STRING));
    QGuiApplication::setDesktopFileName(QStringLiteral("coffer"));
    coffer::ui::initResources();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/coffer.svg")));
    installTranslators(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Backup and restore console for SQLite databases."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"),
        QCoreApplication::translate("main", "The workspace file to open (default: $COFFER_WORKSPACE, else the one opened last, "
                                            "else ~/.config/coffer/workspace.yaml; a file that does not exist yet opens "
                                            "the first-run page that creates it)."),
        QCoreApplication::translate("main", "FILE"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save a PNG of the main window to FILE once the backups are listed, then exit."), QCoreApplication::translate("main", "FILE"));
    parser.addOption(workspaceOption);
    parser.addPositionalArgument(QStringLiteral("workspace"), QCoreApplication::translate("main", "The workspace file to open (like --workspace)."),
                                 QCoreApplication::translate("main", "[workspace]"));
    parser.addOption(screenshotOption);
    parser.process(app);

    coffer::ui::MainWindow window;
    if (parser.isSet(screenshotOption))
        window.resize(1280, 800);

    if (parser.isSet(screenshotOption)) {
        const QString path = parser.value(screenshotOption);
        // Queued: the views lay themselves out in posted events after the models change.
        QObject::connect(&window, &coffer::ui::MainWindow::workspaceLoaded, &app, [&window, path] {
            QTimer::singleShot(0, &window, [&window, path] { QCoreApplication::exit(saveScreenshot(window, path)); });
        }, Qt::SingleShotConnection);
        QTimer::singleShot(kScreenshotTimeoutMs, &app, [] {
            QTextStream(stderr) << QCoreApplication::translate("main", "The backups were not listed within %1 seconds; no screenshot saved.")
                                       .arg(kScreenshotTimeoutMs / 1000)
                                << '\n';
            QCoreApplication::exit(1);
        });
    }

    window.show();
    QString workspace = parser.value(workspaceOption);
    if (workspace.isEmpty() && !parser.positionalArguments().isEmpty())
        workspace = parser.positionalArguments().constFirst();
    if (workspace.isEmpty() && qEnvironmentVariableIsEmpty("COFFER_WORKSPACE")
        && !coffer::ui::RecentWorkspaces::paths().isEmpty())
        workspace = coffer::ui::RecentWorkspaces::paths().constFirst();
    window.openWorkspace(coffer::Workspace::resolvePath(workspace));
    return QApplication::exec();
}
