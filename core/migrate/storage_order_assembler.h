#pragma once

#include "migrate/scan_output.h"

#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace magellan {

// Assembles the groups of rows read in storage (rowid) order: an indexer writes a few files at a
// time, so a group's rows lie close together there. The groups seen most recently stay open (at
// most `openGroupLimit`, `openGroupBytes`); a group that turns up again after it was written, or
// whose ids fall, and the NULL group, are left for a second read by key, whose values replace
// what this one put. When such rows are too many, it gives up (the table is read by key instead).
// Used only on the encoder thread.
class StorageOrderAssembler final : public EntryAssembler {
public:
    static constexpr size_t openGroupLimit = 64;         // groups held open
    static constexpr size_t openGroupBytes = 32 << 20;   // and their values' bytes at most
    static constexpr qint64 finishedAfterRows = 1 << 14; // a group this long without rows is done
    // More rows than this left for the second read, and over a quarter of those seen: give up.
    static constexpr qint64 scatteredRowsMinimum = 1 << 14;
    static constexpr size_t spareValues = 16;            // value buffers kept for reuse
    static constexpr size_t spareValueBytes = 256 << 10; // (no larger ones)

    explicit StorageOrderAssembler(ScanOutput &output)
        : m_output(output), m_keepValues(output.takesValues()) {}

    Status carry(const SqlValue *row, qint64 rowsSeen) override;
    Status endBatch(qint64 rowsSeen) override { return closeFinishedGroups(rowsSeen); }
    Status finish() override;
    bool gaveUp() const override { return m_gaveUp; }

    // What is left for the second read: the rows it must carry, the NULL group's rowids and the
    // groups met in pieces.
    qint64 deferredRows() const { return m_deferredRows; }
    const std::vector<std::int64_t> &nullGroupRowids() const { return m_nullGroupRowids; }
    const std::set<std::int64_t> &deferredGroups() const { return m_deferredGroups; }

private:
    // What one written group added to the result, so that it can be taken back.
    struct GroupShare {
        qint64 repaired = 0;
        RowChecksum::Sum checksum; // its rows: the records it carried
    };
    struct OpenGroup {
        std::string key;
        std::string value; // "[" and the rows so far
        std::int64_t lastId = 0;
        qint64 lastSeen = 0; // rows seen at its last row
        qint64 repaired = 0;
        RowChecksum checksum; // its rows: the records it carries
    };

    OpenGroup &openGroup(std::int64_t group);
    Status closeOpenGroup(std::int64_t group);
    Status closeIdlestGroups(std::optional<std::int64_t> keep, size_t limit, size_t bytes);
    Status closeFinishedGroups(qint64 rowsSeen);
    void deferGroup(std::int64_t group, qint64 recordsTakenBack, qint64 repairedTakenBack,
                    qint64 rowsSeen);
    void deferRows(qint64 rows, qint64 rowsSeen);

    ScanOutput &m_output;
    bool m_keepValues; // false: an open group's value holds only the row being encoded
    std::unordered_map<std::int64_t, OpenGroup> m_openGroups;
    size_t m_openBytes = 0;
    std::vector<std::string> m_spareValues;
    std::unordered_map<std::int64_t, GroupShare> m_writtenGroups;
    std::set<std::int64_t> m_deferredGroups;
    qint64 m_deferredRows = 0;                   // carried rows the second read must read
    std::vector<std::int64_t> m_nullGroupRowids; // rows of the NULL group, for the second read
    bool m_gaveUp = false;
};

} // namespace magellan
