// magellan-kv: the desktop app, or a headless command when given one.
#include "browser_window.h"
#include "command_line.h"
#include "main_window.h"
#include "store/staged_destination.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>

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

bool hasDisplay() {
    const auto set = [](const char *name) {
        const char *value = std::getenv(name);
        return value && *value;
    };
    return set("DISPLAY") || set("WAYLAND_DISPLAY") || set("QT_QPA_PLATFORM");
}

QStringList argumentList(int argc, char **argv) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

} // namespace

// magellan-kv browse DST [SRC]: the KV browser on a store, beside its source when given.
int runBrowser(int argc, char **argv, const QStringList &arguments) {
    if (arguments.size() < 3 || arguments.size() > 4) {
        std::fprintf(stderr, "magellan-kv: error: browse takes a store and, optionally, its source "
                             "database: magellan-kv browse DST [SRC]\n");
        return magellan::ExitBadInput;
    }
    if (!hasDisplay()) {
        std::fprintf(stderr, "magellan-kv: error: browse needs a display; use 'magellan-kv verify' "
                             "to check a store from the terminal\n");
        return magellan::ExitBadInput;
    }
    QApplication app(argc, argv);
    describeApplication();
    describeDesktopApplication();
    QString error;
    magellan::BrowserWindow *window =
        magellan::BrowserWindow::open(arguments[2], arguments.value(3), nullptr, &error);
    if (!window) {
        std::fprintf(stderr, "magellan-kv: error: %s\n", error.toLocal8Bit().constData());
        return magellan::ExitBadInput;
    }
    window->show();
    return app.exec();
}

int main(int argc, char **argv) {
    // A name Qt cannot hold unchanged would be read or written under another name: refused.
    if (const std::optional<QByteArray> argument = magellan::unrepresentableArgument(argc, argv))
        return magellan::refuseUnrepresentableArgument(*argument);
    QStringList arguments = argumentList(argc, argv);
    if (arguments.value(1) == QLatin1String("browse"))
        return runBrowser(argc, argv, arguments);
    if (magellan::isCommandLineInvocation(arguments)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        return magellan::runCommandLine(arguments);
    }
    const QString database = arguments.value(1);
    if (!hasDisplay()) {
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
    magellan::MainWindow window;
    window.show();
    if (!database.isEmpty())
        window.openDatabase(database);
    return app.exec();
}
