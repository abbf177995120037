#include "existing_destination.h"

#include "format/key_codec.h"
#include "migrate/migration_record.h"
#include "store/kv_store.h"

#include <QFileInfo>

namespace magellan {

ExistingDestination inspectDestination(const QString &path) try {
    ExistingDestination found;
    found.path = path;
    if (path.isEmpty() || !QFileInfo::exists(path))
        return found;
    if (storeLockHolder(path) != 0) { // a migration or a writer holds it: do not open it
        found.kind = ExistingDestination::Kind::StoreInUse;
        return found;
    }
    Result<std::unique_ptr<KvStore>> store = KvStore::open(path, KvStore::Mode::ReadOnly);
    if (!store.isOk()) {
        found.kind = ExistingDestination::Kind::NotAStore;
        return found;
    }
    found.kind = ExistingDestination::Kind::Store;
    const Result<std::optional<std::string>> record =
        store.value()->get(std::string(kvkey::migrationRecord));
    if (record.isOk() && record.value())
        if (const Result<MigrationRecordSummary> summary =
                summarizeMigrationRecord(*record.value());
            summary.isOk())
            found.finishedAt = QDateTime::fromString(summary.value().finishedAt, Qt::ISODate);
    return found;
} catch (const std::exception &) { // nothing thrown leaves a pool thread
    return {ExistingDestination::Kind::NotAStore, path, {}};
}

} // namespace magellan
