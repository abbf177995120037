// How responsive the window stays during a migration: the longest gap between two turns of the
// GUI event loop while a generated database of ROWS rows (default 1,000,000) migrates, against
// the same measure on an idle event loop in the same run. Prints figures; asserts nothing.
#include "fixture_generator.h"
#include "migration_panel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace magellan;

namespace {

// Records the gaps between turns of the event loop, measured by a 1 ms timer.
class LoopProbe {
public:
    LoopProbe() {
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last >= 0)
                m_gapsMs.push_back((now - m_last) / 1e6);
            m_last = now;
        });
    }
    void start() {
        m_gapsMs.clear();
        m_last = -1;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double maxGap() const {
        return m_gapsMs.empty() ? 0 : *std::max_element(m_gapsMs.begin(), m_gapsMs.end());
    }
    double percentile(double p) const {
        if (m_gapsMs.empty())
            return 0;
        std::vector<double> sorted = m_gapsMs;
        std::sort(sorted.begin(), sorted.end());
        return sorted[static_cast<size_t>(p * (sorted.size() - 1))];
    }
    size_t turns() const { return m_gapsMs.size(); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    std::vector<double> m_gapsMs;
};

void runFor(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const long long rows = argc > 1 ? std::atoll(argv[1]) : 1000000;
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("code.db"));
    fixture::FixtureSpec spec;
    spec.totalRows = rows;
    if (const std::string error = fixture::generateFixture(source.toStdString(), spec);
        !error.empty()) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 2;
    }

    MigrationPanel panel;
    panel.resize(1000, 760);
    panel.show();
    panel.openDatabase(source);
    while (panel.state() != MigrationPanel::State::Ready)
        runFor(10);

    LoopProbe probe;
    probe.start();
    QElapsedTimer migration;
    migration.start();
    panel.startMigration();
    while (panel.state() == MigrationPanel::State::Migrating)
        runFor(5);
    const double seconds = migration.nsecsElapsed() / 1e9;
    probe.stop();
    const double busyMax = probe.maxGap();
    const double busyP99 = probe.percentile(0.99);
    const size_t busyTurns = probe.turns();

    probe.start(); // baseline: the same loop, idle, for as long
    runFor(static_cast<int>(seconds * 1000));
    probe.stop();
    const double idleMax = probe.maxGap();

    if (!panel.lastOutcome() || !panel.lastOutcome()->status.isOk()) {
        std::fprintf(stderr, "migration failed: %s\n",
                     panel.lastOutcome() ? qPrintable(panel.lastOutcome()->status.message())
                                         : "no outcome");
        return 1;
    }
    std::printf("gui responsiveness, %lld rows migrated in %.2f s (worker thread)\n", rows,
                seconds);
    std::printf("  longest event-loop gap while migrating: %.1f ms (p99 %.1f ms, %zu turns)\n",
                busyMax, busyP99, busyTurns);
    std::printf("  longest event-loop gap idle (baseline): %.1f ms\n", idleMax);
    std::printf("  ratio migrating / idle: %.2f   target: under 50 ms\n",
                idleMax > 0 ? busyMax / idleMax : 0.0);
    return 0;
}
