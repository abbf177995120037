#pragma once

#include <QString>
#include <QStringList>

namespace magellan {

// The most recently opened databases (or stores), newest first, kept in QSettings.
class RecentFiles {
public:
    static constexpr int limit = 8;

    // The recent databases the main window lists.
    RecentFiles() : RecentFiles(QStringLiteral("recentFiles")) {}
    // The recent stores the KV browser lists.
    static RecentFiles stores() { return RecentFiles(QStringLiteral("recentStores")); }

    QStringList paths() const;
    // Moves `path` to the front (adding it when new) and drops the oldest beyond the limit.
    void add(const QString &path);
    void clear();

private:
    explicit RecentFiles(QString settingsKey) : m_key(std::move(settingsKey)) {}

    QString m_key; // where in QSettings the list is kept
};

} // namespace magellan
