#pragma once

#include "browse/source_comparison.h"

#include <QObject>
#include <QThread>

#include <memory>
#include <string>

namespace magellan {

// Looks up the source rows behind store keys on a thread of its own: each request opens the
// source read-only (a fresh snapshot, so no long read transaction holds the user's database),
// re-encodes the rows with the migration's scanner, compares, and closes it again.
class SourceLookup : public QObject {
    Q_OBJECT
public:
    explicit SourceLookup(QObject *parent = nullptr);
    ~SourceLookup() override; // quits and waits

    void setSourcePath(const QString &path) { m_sourcePath = path; }
    const QString &sourcePath() const { return m_sourcePath; }
    // Compares `key`'s value with its source rows; a newer request supersedes an older one.
    void compare(const std::string &key, std::shared_ptr<const std::string> value,
                 KeyLayout layout);

Q_SIGNALS:
    void compared(const QString &key, const magellan::SourceComparison &comparison,
                  const QString &filePath);
    void failed(const QString &key, const QString &message);

private:
    QThread m_thread;
    QObject *m_context; // lives on m_thread: requests run there
    QString m_sourcePath;
    quint64 m_generation = 0;
};

} // namespace magellan
