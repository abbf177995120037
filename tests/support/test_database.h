#pragma once

#include "migrate/progress.h"
#include "store/kv_sink.h"

#include <QByteArray>
#include <QString>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace magellan::test {

// Creates a SQLite database at `path` by running `sql` (several statements). Returns "" or the
// SQLite error.
QString createDatabase(const QString &path, const QString &sql);

// Every key and value of the store at `path`, read through a read-only open.
std::map<std::string, std::string> readStore(const QString &path);

// Creates a store at `path` holding `entries` (a key given twice keeps its last value), through
// the bulk load a migration uses. Returns "" or the error.
QString writeStore(const QString &path,
                   const std::vector<std::pair<std::string, std::string>> &entries);

// Writes `value` under `key` (or deletes `key` when `value` is nullopt) in the store at `path`,
// as a hostile hand would: straight through RocksDB, around magellan-kv's own code.
QString tamperStore(const QString &path, const std::string &key,
                    const std::optional<std::string> &value);

QByteArray fileBytes(const QString &path);

// Makes the app's QSettings (recent files, remembered folders) live in `folder`, under a test
// organisation, so a test neither reads nor changes the user's own.
void keepSettingsIn(const QString &folder);

// The first page of table or index `name` in the SQLite database at `path`; 0 when there is none.
int rootPage(const QString &path, const char *name);

// Entries of folder `path` (hidden ones too), sorted.
QStringList folderEntries(const QString &path);

// Keeps every entry a scan sends, in order.
class CapturingSink final : public KvSink {
public:
    Status put(std::string_view key, std::string_view value) override {
        entries[std::string(key)] = std::string(value); // a key put again: the later value
        return Status::ok();
    }
    std::map<std::string, std::string> entries;
};

// Cancels once it has seen `progressCalls` progress calls.
class CancellingObserver final : public ProgressObserver {
public:
    explicit CancellingObserver(int progressCalls) : m_left(progressCalls) {}
    void tableProgress(MigrationPhase, SourceTable, qint64, qint64) override { --m_left; }
    bool isCancelRequested() const override { return m_left <= 0; }

private:
    int m_left;
};

} // namespace magellan::test
