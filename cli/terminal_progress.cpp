#include "terminal_progress.h"

#include <QString>

#include <unistd.h>

namespace magellan {

QString groupedNumber(qint64 value) {
    QString digits = QString::number(value < 0 ? -value : value);
    for (int i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return value < 0 ? QLatin1Char('-') + digits : digits;
}

QString shortDuration(double seconds) {
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds, 0, 'f', seconds < 10 ? 2 : 1);
    const qint64 whole = static_cast<qint64>(seconds + 0.5);
    if (whole < 3600)
        return QStringLiteral("%1 min %2 s")
            .arg(whole / 60)
            .arg(whole % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 h %2 min")
        .arg(whole / 3600)
        .arg(whole % 3600 / 60, 2, 10, QLatin1Char('0'));
}

TerminalProgress::TerminalProgress(FILE *stream, std::function<bool()> cancelRequested)
    : m_stream(stream), m_enabled(::isatty(::fileno(stream)) == 1),
      m_cancelRequested(std::move(cancelRequested)) {}

TerminalProgress::~TerminalProgress() {
    endLine();
}

void TerminalProgress::endLine() {
    if (m_lineOpen)
        std::fputc('\n', m_stream);
    m_lineOpen = false;
}

void TerminalProgress::tableProgress(MigrationPhase phase, SourceTable table, qint64 done,
                                     qint64 total) {
    if (!m_enabled)
        return;
    const bool newLine =
        !m_lineOpen || phase != m_phase || (phase != MigrationPhase::Verifying && table != m_table);
    if (newLine) {
        endLine();
        m_tableTimer.start();
    }
    m_phase = phase;
    m_table = table;
    if (phase == MigrationPhase::Scanning) {
        draw(QStringLiteral("migrating %1").arg(tableName(table), -14), done, total);
        return;
    }
    if (phase == MigrationPhase::FindingDifferences) {
        draw(QStringLiteral("differences %1").arg(tableName(table), -14), done, total);
        return;
    }
    m_verified[table] = {done, total};
    qint64 allDone = 0;
    qint64 allTotal = 0;
    for (const auto &[verifiedTable, counts] : m_verified) {
        allDone += counts.first;
        allTotal += counts.second;
    }
    draw(QStringLiteral("verifying %1").arg(QStringLiteral("the store"), -14), allDone, allTotal);
}

void TerminalProgress::draw(const QString &label, qint64 done, qint64 total) {
    const bool edge = !m_lineOpen || done >= total;
    if (!m_throttle.shouldEmit(edge ? 0 : done, total))
        return;
    const double seconds = std::max(1e-3, m_tableTimer.nsecsElapsed() / 1e9);
    const double rate = done / seconds;
    const int percent = total > 0 ? static_cast<int>(100.0 * done / total) : 100;
    QString tail;
    if (done == 0 && total > 0)
        tail = QStringLiteral("starting");
    else if (done < total)
        tail = QStringLiteral("%1 rows/s  %2 left")
                   .arg(groupedNumber(static_cast<qint64>(rate)),
                        shortDuration((total - done) / rate));
    else
        tail = QStringLiteral("done in %1").arg(shortDuration(seconds));
    const QString line = QStringLiteral("%1 %2 / %3 rows  %4%  %5")
                             .arg(label)
                             .arg(groupedNumber(done), 11)
                             .arg(groupedNumber(total))
                             .arg(percent, 3)
                             .arg(tail);
    std::fprintf(m_stream, "\r%s\033[K", line.toLocal8Bit().constData());
    std::fflush(m_stream);
    m_lineOpen = true;
}

} // namespace magellan
