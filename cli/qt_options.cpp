#include "qt_options.h"

#include <algorithm>
#include <iterator>

namespace magellan {
namespace {

struct QtOption {
    const char *name;
    bool takesValue;
    bool takesEqualsForm; // -name=value, besides -name value
};

// Read from Qt 6's QGuiApplicationPrivate, QApplicationPrivate and QXcbIntegration.
constexpr QtOption qtOptions[] = {
    {"platform", true, false},
    {"platformpluginpath", true, false},
    {"platformtheme", true, false},
    {"plugin", true, false},
    {"qwindowgeometry", true, false},
    {"qwindowicon", true, false},
    {"qwindowtitle", true, false},
    {"geometry", true, false},
    {"title", true, false},
    {"icon", true, false},
    {"session", true, false},
    {"reverse", false, false},
    {"testability", false, false},
    {"style", true, true},
    {"stylesheet", true, true},
    {"widgetcount", false, false},
    {"qmljsdebugger", true, true},
    {"display", true, false},
    {"name", true, false},
    {"visual", true, false},
    {"nograb", false, false},
    {"dograb", false, false},
};

// "-style" and "--style" name the same option; the name without its dashes, or empty.
QString optionName(const QString &argument) {
    if (argument.startsWith(QLatin1String("--")))
        return argument.mid(2);
    if (argument.startsWith(QLatin1Char('-')))
        return argument.mid(1);
    return {};
}

const QtOption *findQtOption(const QString &name) {
    const auto found =
        std::find_if(std::begin(qtOptions), std::end(qtOptions),
                     [&](const QtOption &o) { return name == QLatin1String(o.name); });
    return found == std::end(qtOptions) ? nullptr : found;
}

} // namespace

QtOptionSplit splitQtOptions(const QStringList &arguments) {
    QtOptionSplit split;
    if (arguments.isEmpty())
        return split;
    split.ownArguments << arguments.first();
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        const QString name = optionName(argument);
        const qsizetype equals = name.indexOf(QLatin1Char('='));
        const QtOption *option = findQtOption(equals < 0 ? name : name.left(equals));
        if (option && equals < 0) {
            split.qtOptions << argument;
            if (option->takesValue && i + 1 < arguments.size())
                split.qtOptions << arguments[++i];
            continue;
        }
        if (option && option->takesEqualsForm) {
            split.qtOptions << argument;
            continue;
        }
        split.ownArguments << argument;
    }
    return split;
}

bool choosesDisplay(const QStringList &qtOptions) {
    return std::any_of(qtOptions.begin(), qtOptions.end(), [](const QString &argument) {
        const QString name = optionName(argument);
        return name == QLatin1String("platform") || name == QLatin1String("display");
    });
}

} // namespace magellan
