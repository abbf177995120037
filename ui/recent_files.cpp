#include "recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace magellan {

QStringList RecentFiles::paths() const {
    return QSettings().value(m_key).toStringList();
}

void RecentFiles::add(const QString &path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = paths();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > limit)
        list.removeLast();
    QSettings().setValue(m_key, list);
}

void RecentFiles::clear() {
    QSettings().remove(m_key);
}

} // namespace magellan
