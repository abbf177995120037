#pragma once

#include "format/key_codec.h"
#include "migrate/differences.h"
#include "migrate/progress.h"
#include "source/source_database.h"
#include "store/kv_store.h"

namespace magellan {

// How a search for differences went: how often it read the source, for tests and the bench.
struct DifferenceSearchStats {
    int partitions = 1;  // key partitions compared, each read from both sides
    int splits = 0;      // partitions found too large for the budget, and split in two
    int detailReads = 0; // reads of the source for the rows of differing keys
};

// Finds, row by row, where `store` differs from the snapshot `source` in `info`'s table, and adds
// every difference to `found` (kv-format.md, "Outcome and differences"). Per-key sums of both
// sides are compared first, in as many key partitions as `memoryBudget` bytes require; only the
// keys whose sums differ are then read again row by row. Reads the source (on the calling
// thread, with a pipeline thread) and the store; writes to neither.
Result<DifferenceSearchStats> findTableDifferences(SourceDatabase &source,
                                                   const SourceTableInfo &info, KeyLayout layout,
                                                   const KvStore &store, size_t memoryBudget,
                                                   DifferenceList &found,
                                                   ProgressObserver *observer);

// The names of the fields whose values differ between two JSON objects (a source row and its
// stored record, canonical encodings), in the source's field order, then fields only the store
// has. Empty when they are equal or either is not an object.
std::vector<std::string> differingFields(std::string_view sourceRow, std::string_view storeRow);

} // namespace magellan
