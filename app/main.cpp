// magellan-kv: the desktop app, or a headless command when given one.
#include "command_line.h"
#include "main_window.h"
#include "staged_destination.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

namespace {

void describeApplication() {
    QCoreApplication::setOrganizationName(QStringLiteral("magellan-kv"));
    QCoreApplication::setApplicationName(QStringLiteral("magellan-kv"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MAGELLAN_KV_VERSION));
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

int main(int argc, char **argv) {
    QStringList arguments = argumentList(argc, argv);
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
    magellan::MainWindow window;
    window.show();
    if (!database.isEmpty())
        window.openDatabase(database);
    return app.exec();
}
