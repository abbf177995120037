#pragma once

#include <QStringList>

namespace magellan {

// The most recently opened databases, newest first, kept in QSettings.
class RecentFiles {
public:
    static constexpr int limit = 8;

    QStringList paths() const;
    // Moves `path` to the front (adding it when new) and drops the oldest beyond the limit.
    void add(const QString &path);
    void clear();
};

} // namespace magellan
