#include "recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace magellan {
namespace {
const QString key = QStringLiteral("recentFiles");
}

QStringList RecentFiles::paths() const {
    return QSettings().value(key).toStringList();
}

void RecentFiles::add(const QString &path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = paths();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > limit)
        list.removeLast();
    QSettings().setValue(key, list);
}

void RecentFiles::clear() {
    QSettings().remove(key);
}

} // namespace magellan
