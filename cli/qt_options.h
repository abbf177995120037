#pragma once

#include <QStringList>

namespace magellan {

// argv with the options QApplication takes for itself (-style Fusion, -platform offscreen,
// -reverse...) set apart, so that what is left can be read as our own arguments.
struct QtOptionSplit {
    QStringList ownArguments; // program name first, in the order given
    QStringList qtOptions;    // each with its value, in the order given
};

// Splits `arguments` (argv, program name first). Knows the options of Qt 6 on Linux
// (QGuiApplication, QApplication, the xcb platform), as -name or --name, with their value as the
// next argument, or after '=' where Qt reads that form (-style=, -stylesheet=, -qmljsdebugger=).
QtOptionSplit splitQtOptions(const QStringList &arguments);

// True when `qtOptions` choose a platform (-platform) or an X display (-display) themselves.
bool choosesDisplay(const QStringList &qtOptions);

} // namespace magellan
