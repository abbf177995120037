#pragma once

#include "migrate/scan_output.h"

#include <optional>
#include <string>

namespace magellan {

// Assembles rows read in key order: each single row is its key (a key met again rejects the
// later row), each run of a group's rows is its value. Used only on the encoder thread.
class KeyOrderAssembler final : public EntryAssembler {
public:
    explicit KeyOrderAssembler(ScanOutput &output)
        : m_output(output), m_keepValues(output.takesValues()) {}

    Status carry(const SqlValue *row, qint64 rowsSeen) override;
    Status finish() override { return closeGroup(); }

private:
    Status carrySingleRow(const SqlValue *row);
    Status carryGroupedRow(const SqlValue *row);
    Status closeGroup();

    ScanOutput &m_output;
    bool m_keepValues;     // false: a group's value holds only the row being encoded
    bool m_anyKey = false; // single-row tables: a key was put, m_previousKey holds it
    std::string m_previousKey;
    qint64 m_previousRowid = 0;
    bool m_groupOpen = false;
    std::optional<std::int64_t> m_group;
    std::string m_groupKey;
    std::string m_value;
};

} // namespace magellan
