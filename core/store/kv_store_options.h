#pragma once

// Shared by the store and its bulk load only: RocksDB types stay out of the public headers.

#include "status.h"

#include <QString>

#include <rocksdb/options.h>
#include <rocksdb/status.h>

namespace magellan {

// The options every store is opened and every table file is written with.
rocksdb::Options storeOptions();

// A RocksDB error as a Status whose message names `path` and what was being done, classified by
// its code (damaged, no space, other I/O), never by the words of its message.
Status storeError(const QString &path, const rocksdb::Status &status, const QString &what);

} // namespace magellan
