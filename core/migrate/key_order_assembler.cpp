#include "migrate/key_order_assembler.h"

namespace magellan {

Status KeyOrderAssembler::carry(const SqlValue *row, qint64 rowsSeen) {
    Q_UNUSED(rowsSeen);
    return m_output.encoder().grouped() ? carryGroupedRow(row) : carrySingleRow(row);
}

Status KeyOrderAssembler::carrySingleRow(const SqlValue *row) {
    RowEncoder &encoder = m_output.encoder();
    std::string key = encoder.singleRowKey(row);
    if (m_anyKey && key == m_previousKey)
        return m_output.reject(row, {encoder.keyColumnsLabel(),
                                     QStringLiteral("duplicate key %1: already taken by row %2")
                                         .arg(QString::fromStdString(key))
                                         .arg(m_previousRowid)});
    TableScanResult &result = m_output.result();
    m_value.clear();
    if (const qint64 repaired = encoder.appendValue(row, m_value); repaired > 0) {
        result.repairedValues += repaired;
        m_output.noteRepairs(key, row[0].integer);
    }
    result.checksum.add(key, m_value);
    m_output.traceCarried(key, row[0].integer);
    ++result.keysWritten;
    ++result.recordsCarried;
    m_anyKey = true;
    m_previousKey = std::move(key);
    m_previousRowid = row[0].integer;
    return m_output.put(m_previousKey, m_value);
}

Status KeyOrderAssembler::carryGroupedRow(const SqlValue *row) {
    RowEncoder &encoder = m_output.encoder();
    const std::optional<std::int64_t> group = encoder.groupId(row);
    if (!m_groupOpen || group != m_group) {
        if (Status status = closeGroup(); !status.isOk())
            return status;
        m_groupOpen = true;
        m_group = group;
        m_groupKey = encoder.groupKey(group);
        m_value.assign(1, '[');
    } else {
        m_value += ',';
    }
    TableScanResult &result = m_output.result();
    const size_t start = m_value.size();
    if (const qint64 repaired = encoder.appendValue(row, m_value); repaired > 0) {
        result.repairedValues += repaired;
        m_output.noteRepairs(m_groupKey, row[0].integer);
    }
    result.checksum.add(m_groupKey, std::string_view(m_value).substr(start));
    if (!m_keepValues)
        m_value.resize(1); // "[": the sink keeps no values, so the group is never held whole
    m_output.traceCarried(m_groupKey, row[0].integer);
    ++result.recordsCarried;
    return Status::ok();
}

Status KeyOrderAssembler::closeGroup() {
    if (!m_groupOpen)
        return Status::ok();
    m_groupOpen = false;
    m_value += ']';
    ++m_output.result().keysWritten;
    return m_output.put(m_groupKey, m_value);
}

} // namespace magellan
