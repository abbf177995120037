#pragma once

#include "format/key_codec.h"
#include "format/row_checksum.h"
#include "format/source_tables.h"
#include "migrate/progress.h"
#include "store/kv_store.h"

#include <QStringList>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace magellan {

// One table's entries as found in a store.
struct StoreTableContents {
    qint64 keys = 0;        // keys under the table's prefix
    qint64 records = 0;     // one per single-row key, the array length per group key
    qint64 rejected = 0;    // reject:{table}: keys
    qint64 undecodable = 0; // values that are not JSON of the expected shape
    RowChecksum checksum;   // every record and rejected row, decoded and re-encoded
};

struct StoreContents {
    std::map<SourceTable, StoreTableContents> tables;
    qint64 strayKeys = 0;      // keys that belong to none of the tables read
    QStringList strayExamples; // the first few of them
    std::optional<std::string> migrationRecord;
};

// Reads every key of `store` once, in key order, and counts and checksums it per table as the
// format contract defines. `expectedRecords` (per table) only scales progress. With `parallel`,
// a second thread reads the first half of the keys while the calling thread reads the rest; the
// result is the same either way. The observer is only called on the calling thread.
Result<StoreContents> readStoreContents(const KvStore &store, KeyLayout layout,
                                        const std::vector<SourceTable> &tables,
                                        const std::map<SourceTable, qint64> &expectedRecords,
                                        ProgressObserver *observer, bool parallel = true);

} // namespace magellan
