#pragma once

#include "migrate/progress.h"

#include <QElapsedTimer>

#include <cstdio>
#include <functional>
#include <map>

namespace magellan {

// Shows per-table progress on a terminal: one line per table, redrawn in place, with rows,
// rate and time left. Cancellation comes from `cancelRequested` (an interrupt, for the CLI).
class TerminalProgress final : public ProgressObserver {
public:
    // Draws on `stream` only when it is a terminal.
    TerminalProgress(FILE *stream, std::function<bool()> cancelRequested);
    ~TerminalProgress() override;

    void tableProgress(MigrationPhase phase, SourceTable table, qint64 done, qint64 total) override;
    bool isCancelRequested() const override { return m_cancelRequested(); }

    // Ends the open progress line, so that what comes next (the count table) starts on its own.
    void endLine();

private:
    void draw(const QString &label, qint64 done, qint64 total);

    FILE *m_stream;
    bool m_enabled;
    std::function<bool()> m_cancelRequested;
    ProgressThrottle m_throttle{100};
    QElapsedTimer m_tableTimer;
    bool m_lineOpen = false;
    MigrationPhase m_phase = MigrationPhase::Scanning;
    SourceTable m_table = SourceTable::CodeChunks;
    // The store is read back in key order, so tables interleave: one line for all of them.
    std::map<SourceTable, std::pair<qint64, qint64>> m_verified;
};

// 1234567 -> "1,234,567"
QString groupedNumber(qint64 value);
// Seconds as "0.41 s", "3 min 05 s", "1 h 02 min".
QString shortDuration(double seconds);

} // namespace magellan
