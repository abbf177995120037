#pragma once

#include <QDateTime>
#include <QString>

namespace magellan {

// What already sits where a migration would write: nothing, a store (and when its migration
// finished, from its meta:migration record), or something that is not a store.
struct ExistingDestination {
    enum class Kind { Nothing, Store, StoreInUse, NotAStore };
    Kind kind = Kind::Nothing;
    QString path;
    QDateTime finishedAt; // invalid when the record is absent or does not say
};

// Looks at `path` read-only; never throws (it runs on a pool thread).
ExistingDestination inspectDestination(const QString &path);

} // namespace magellan
