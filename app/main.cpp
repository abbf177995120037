// magellan-kv: the desktop app, or a headless command when given one.
#include "browser_window.h"
#include "command_line.h"
#include "main_window.h"
#include "qt_options.h"
#include "store/staged_destination.h"
#include "translations.h"
#include "usage_text.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

namespace {

void describeApplication() {
    QCoreApplication::setOrganizationName(QStringLiteral("magellan-kv"));
    QCoreApplication::setApplicationName(QStringLiteral("magellan-kv"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MAGELLAN_KV_VERSION));
}

// Ties windows to the installed desktop entry and its icon (docks on Wayland need both).
void describeDesktopApplication() {
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.magellan_kv.MagellanKv"));
    QGuiApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral("io.github.magellan_kv.MagellanKv")));
}

bool hasDisplay(const QStringList &qtOptions) {
    const auto set = [](const char *name) {
        const char *value = std::getenv(name);
        return value && *value;
    };
    return set("DISPLAY") || set("WAYLAND_DISPLAY") || set("QT_QPA_PLATFORM") ||
           magellan::choosesDisplay(qtOptions);
}

// Test hook: the command-line tests start the window and need it to end by itself once shown.
void quitOnceShownIfAsked(QApplication &app) {
    if (qEnvironmentVariableIsSet("MAGELLAN_KV_TEST_QUIT_WHEN_SHOWN"))
        QTimer::singleShot(0, &app, &QCoreApplication::quit);
}

QStringList argumentList(int argc, char **argv) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

} // namespace

// magellan-kv browse DST [SRC]: the KV browser on a store, beside its source when given.
// `arguments` are argv without Qt's options, which QApplication takes from argv itself.
int runBrowser(int argc, char **argv, const magellan::QtOptionSplit &split) {
    const QStringList &arguments = split.ownArguments;
    if (arguments.contains(QLatin1String("-h")) || arguments.contains(QLatin1String("--help"))) {
        std::fputs(magellan::commandUsageText(QStringLiteral("browse")).toLocal8Bit().constData(),
                   stdout);
        return magellan::ExitVerified;
    }
    if (arguments.size() < 3 || arguments.size() > 4) {
        std::fprintf(stderr, "magellan-kv: error: browse takes a store and, optionally, its source "
                             "database: magellan-kv browse DST [SRC]\n");
        return magellan::ExitBadInput;
    }
    if (!hasDisplay(split.qtOptions)) {
        std::fprintf(stderr, "magellan-kv: error: browse needs a display; use 'magellan-kv verify' "
                             "to check a store from the terminal\n");
        return magellan::ExitBadInput;
    }
    QApplication app(argc, argv);
    describeApplication();
    describeDesktopApplication();
    magellan::installTranslators(app); // the system's language (or the pseudo-locale), the palette
    QString error;
    magellan::BrowserWindow *window =
        magellan::BrowserWindow::open(arguments[2], arguments.value(3), nullptr, &error);
    if (!window) {
        std::fprintf(stderr, "magellan-kv: error: %s\n", error.toLocal8Bit().constData());
        return magellan::ExitBadInput;
    }
    window->show();
    quitOnceShownIfAsked(app);
    return app.exec();
}

int main(int argc, char **argv) {
    // A name Qt cannot hold unchanged would be read or written under another name: refused.
    if (const std::optional<QByteArray> argument = magellan::unrepresentableArgument(argc, argv))
        return magellan::refuseUnrepresentableArgument(*argument);
    const QStringList arguments = argumentList(argc, argv);
    // Qt's own options are for the window; the headless commands read argv as it is.
    const magellan::QtOptionSplit split = magellan::splitQtOptions(arguments);
    if (split.ownArguments.value(1) == QLatin1String("browse"))
        return runBrowser(argc, argv, split);
    if (magellan::isCommandLineInvocation(split.ownArguments)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        return magellan::runCommandLine(arguments);
    }
    const QString database = split.ownArguments.value(1);
    if (!hasDisplay(split.qtOptions)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        if (database.isEmpty()) {
            std::fprintf(stderr, "magellan-kv: no display; run 'magellan-kv --help' for the "
                                 "headless commands\n");
            return magellan::ExitBadInput;
        }
        std::fprintf(stderr, "magellan-kv: no display; migrating in the terminal\n");
        return magellan::runCommandLine({arguments[0], QStringLiteral("migrate"), database,
                                         magellan::defaultStorePath(database)});
    }
    QApplication app(argc, argv);
    describeApplication();
    describeDesktopApplication();
    magellan::installTranslators(app); // the system's language (or the pseudo-locale), the palette
    magellan::MainWindow window;
    window.show();
    if (!database.isEmpty())
        window.openDatabase(database);
    quitOnceShownIfAsked(app);
    return app.exec();
}
