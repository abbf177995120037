#include "migrate/storage_order_assembler.h"

#include <algorithm>

namespace magellan {

Status StorageOrderAssembler::carry(const SqlValue *row, qint64 rowsSeen) {
    RowEncoder &encoder = m_output.encoder();
    TableScanResult &result = m_output.result();
    const std::optional<std::int64_t> group = encoder.groupId(row);
    if (!group) {
        m_nullGroupRowids.push_back(row[0].integer);
        deferRows(1, rowsSeen); // the NULL group's rows are spread out: read them by key
        return Status::ok();
    }
    const std::int64_t id = encoder.hasIdColumn() ? encoder.id(row) : 0;
    auto open = m_openGroups.find(*group);
    if (open == m_openGroups.end()) {
        if (m_deferredGroups.contains(*group)) {
            deferRows(1, rowsSeen);
            return Status::ok();
        }
        if (const auto written = m_writtenGroups.find(*group); written != m_writtenGroups.end()) {
            // More of a group already written: take its share back and read it all by key.
            const GroupShare share = written->second;
            m_writtenGroups.erase(written);
            result.checksum.subtract(share.checksum);
            --result.keysWritten;
            result.keysPutAgain = true; // the second read puts its whole value again
            deferGroup(*group, static_cast<qint64>(share.checksum.rows), share.repaired, rowsSeen);
            return Status::ok();
        }
        if (Status status = closeIdlestGroups(group, openGroupLimit - 1, openGroupBytes);
            !status.isOk())
            return status;
        open = m_openGroups.emplace(*group, OpenGroup{}).first;
        OpenGroup &fresh = open->second;
        fresh.key = encoder.groupKey(group);
        fresh.checksum.setKey(fresh.key);
        if (!m_spareValues.empty()) { // a buffer that has grown already: no reallocations
            fresh.value = std::move(m_spareValues.back());
            fresh.value.clear();
            m_spareValues.pop_back();
        }
    } else if (encoder.hasIdColumn() && id <= open->second.lastId) {
        // Ids fall within the group, so storage order is not its order: read it by key.
        const OpenGroup &dropped = open->second;
        const auto records = static_cast<qint64>(dropped.checksum.rows());
        const qint64 repaired = dropped.repaired;
        m_openBytes -= dropped.value.size();
        m_openGroups.erase(open);
        deferGroup(*group, records, repaired, rowsSeen);
        return Status::ok();
    }
    OpenGroup &into = open->second;
    const size_t sizeBefore = into.value.size();
    into.value += sizeBefore == 0 ? '[' : ',';
    const size_t start = into.value.size();
    const qint64 repaired = encoder.appendValue(row, into.value);
    result.repairedValues += repaired;
    if (repaired > 0) // a group read again later lists them again: run() keeps one of each
        m_output.noteRepairs(into.key, row[0].integer);
    into.checksum.add(std::string_view(into.value).substr(start));
    if (!m_keepValues)
        into.value.resize(1); // "[": the sink keeps no values, so the group is never held whole
    into.repaired += repaired;
    ++result.recordsCarried;
    into.lastId = id;
    into.lastSeen = rowsSeen;
    m_openBytes += into.value.size() - sizeBefore;
    return m_openBytes > openGroupBytes ? closeIdlestGroups(group, openGroupLimit, openGroupBytes)
                                        : Status::ok();
}

Status StorageOrderAssembler::finish() {
    // Write what is still open, earliest seen first.
    if (Status status = closeIdlestGroups(std::nullopt, 0, 0); !status.isOk())
        return status;
    m_writtenGroups = {};
    return Status::ok();
}

Status StorageOrderAssembler::closeOpenGroup(std::int64_t group) {
    const auto open = m_openGroups.find(group);
    OpenGroup &closing = open->second;
    TableScanResult &result = m_output.result();
    m_openBytes -= closing.value.size();
    closing.value += ']';
    ++result.keysWritten;
    result.checksum.merge(closing.checksum);
    m_writtenGroups[group] = {closing.repaired, closing.checksum.sum()};
    const Status status = m_output.put(closing.key, closing.value);
    if (closing.value.capacity() <= spareValueBytes && m_spareValues.size() < spareValues)
        m_spareValues.push_back(std::move(closing.value));
    m_openGroups.erase(open);
    return status;
}

// Writes the open groups seen longest ago, other than `keep`, until at most `limit` are open
// and their values take at most `bytes`.
Status StorageOrderAssembler::closeIdlestGroups(std::optional<std::int64_t> keep, size_t limit,
                                                size_t bytes) {
    while (m_openGroups.size() > limit || m_openBytes > bytes) {
        const OpenGroup *idlest = nullptr;
        std::int64_t idlestGroup = 0;
        for (const auto &[group, open] : m_openGroups)
            if (group != keep && (!idlest || open.lastSeen < idlest->lastSeen)) {
                idlest = &open;
                idlestGroup = group;
            }
        if (!idlest)
            return Status::ok();
        if (Status status = closeOpenGroup(idlestGroup); !status.isOk())
            return status;
    }
    return Status::ok();
}

// Writes the open groups with no row among the last `finishedAfterRows`: done, most likely.
Status StorageOrderAssembler::closeFinishedGroups(qint64 rowsSeen) {
    std::vector<std::int64_t> finished;
    for (const auto &[group, open] : m_openGroups)
        if (rowsSeen - open.lastSeen > finishedAfterRows)
            finished.push_back(group);
    std::sort(finished.begin(), finished.end()); // a deterministic order of puts
    for (const std::int64_t group : finished)
        if (Status status = closeOpenGroup(group); !status.isOk())
            return status;
    return Status::ok();
}

// Leaves `group` for the second read: the records and repaired values it carried so far are
// taken back, and they and the row at hand are left for that read.
void StorageOrderAssembler::deferGroup(std::int64_t group, qint64 recordsTakenBack,
                                       qint64 repairedTakenBack, qint64 rowsSeen) {
    m_output.result().recordsCarried -= recordsTakenBack;
    m_output.result().repairedValues -= repairedTakenBack;
    m_deferredGroups.insert(group);
    deferRows(recordsTakenBack + 1, rowsSeen);
}

void StorageOrderAssembler::deferRows(qint64 rows, qint64 rowsSeen) {
    m_deferredRows += rows;
    if (m_deferredRows > scatteredRowsMinimum && m_deferredRows * 4 > rowsSeen)
        m_gaveUp = true;
}

} // namespace magellan
