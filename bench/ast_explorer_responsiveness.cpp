// How responsive the KV browser stays with a 400,001-node AST: the longest gap between two turns
// of the GUI event loop while the value decodes and the file's text loads, then while nodes are
// selected (the text marks and scrolls to them) and the text cursor moves (the tree selects the
// deepest node, listing its ancestors' children), against the same measure on the idle loop in
// the same run. Prints figures; asserts nothing.
#include "ast_explorer.h"
#include "ast_tree_model.h"
#include "browser_window.h"
#include "test_database.h"
#include "value_inspector.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace magellan;

namespace {

// CPU time the calling thread has used, in ms: what a gap cost the GUI thread itself, apart
// from waiting for a core on a loaded machine.
double threadCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

class LoopProbe {
public:
    LoopProbe() {
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const double cpu = threadCpuMs();
            if (m_last >= 0) {
                m_gapsMs.push_back((now - m_last) / 1e6);
                m_cpuMs.push_back(cpu - m_lastCpu);
            }
            m_last = now;
            m_lastCpu = cpu;
        });
    }
    void start() {
        m_gapsMs.clear();
        m_cpuMs.clear();
        m_last = -1;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double maxGap() const {
        return m_gapsMs.empty() ? 0 : *std::max_element(m_gapsMs.begin(), m_gapsMs.end());
    }
    // The most GUI-thread CPU time spent between two turns of the loop.
    double maxCpu() const {
        return m_cpuMs.empty() ? 0 : *std::max_element(m_cpuMs.begin(), m_cpuMs.end());
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    double m_lastCpu = 0;
    std::vector<double> m_gapsMs;
    std::vector<double> m_cpuMs;
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
    const int functions = argc > 1 ? std::atoi(argv[1]) : 4000;
    const int statements = 99; // per function: 1 + functions * (1 + 99) nodes
    QTemporaryDir dir;
    test::keepSettingsIn(dir.filePath(QStringLiteral("settings")));
    const QString repo = dir.filePath(QStringLiteral("repo"));
    QDir().mkpath(repo);
    // The file: one function header line and `statements` lines of 16 bytes each per function.
    QByteArray text;
    std::string ast = R"([{"id":1,"parent_id":null,"kind":"module","byte_start":0,"byte_end":)";
    std::string nodes;
    long long id = 1;
    for (int f = 0; f < functions; ++f) {
        const qint64 start = text.size();
        text += "def function_" + QByteArray::number(f).rightJustified(6, '0') + "():\n";
        std::vector<std::pair<qint64, qint64>> lines;
        for (int s = 0; s < statements; ++s) {
            lines.emplace_back(text.size() + 4, text.size() + 15);
            text += "    x = " + QByteArray::number(s).rightJustified(6, '0') + ";\n";
        }
        const long long functionId = ++id;
        nodes += ",{\"id\":" + std::to_string(functionId) +
                 ",\"parent_id\":1,\"kind\":\"function_definition\",\"byte_start\":" +
                 std::to_string(start) + ",\"byte_end\":" + std::to_string(text.size() - 1) + "}";
        for (const auto &[from, to] : lines)
            nodes += ",{\"id\":" + std::to_string(++id) +
                     ",\"parent_id\":" + std::to_string(functionId) +
                     ",\"kind\":\"expression_statement\",\"byte_start\":" + std::to_string(from) +
                     ",\"byte_end\":" + std::to_string(to) + "}";
    }
    ast += std::to_string(text.size()) + "}" + nodes + "]";
    QFile file(repo + QStringLiteral("/big.py"));
    if (!file.open(QIODevice::WriteOnly))
        return 2;
    file.write(text);
    file.close();
    const QString source = dir.filePath(QStringLiteral("code.db"));
    QString error = test::createDatabase(
        source, QStringLiteral("CREATE TABLE magellan_meta (id INTEGER PRIMARY KEY, index_root "
                               "TEXT); INSERT INTO magellan_meta VALUES (1, '%1');"
                               "CREATE TABLE graph_entities (id INTEGER PRIMARY KEY, kind TEXT, "
                               "name TEXT, file_path TEXT, data TEXT);"
                               "INSERT INTO graph_entities VALUES (1, 'File', 'big.py', 'big.py', "
                               "'{\"path\":\"big.py\"}');")
                    .arg(repo));
    const QString store = dir.filePath(QStringLiteral("code.kv"));
    if (error.isEmpty())
        error = test::writeStore(store, {{"ast:1", ast}});
    if (!error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }

    BrowserWindow *window = BrowserWindow::open(store, source, nullptr);
    if (!window)
        return 2;
    window->resize(1400, 900);
    window->show();
    runFor(300);

    LoopProbe probe;
    probe.start();
    QElapsedTimer clock;
    clock.start();
    window->showStoredKey(QStringLiteral("ast:1"));
    while (!window->inspector()->sourceTextShown())
        runFor(5);
    runFor(200);
    const double openSeconds = clock.nsecsElapsed() / 1e9;
    probe.stop();
    const double openMax = probe.maxGap();
    const double openCpu = probe.maxCpu();
    AstExplorer *explorer = window->inspector()->astExplorer();
    const int nodeCount = static_cast<int>(explorer->model()->tree().nodes.size());

    QRandomGenerator random(7);
    probe.start();
    clock.restart();
    for (int i = 0; i < 200; ++i) {
        explorer->selectNode(static_cast<int>(random.bounded(nodeCount)));
        runFor(2);
    }
    const double selectSeconds = clock.nsecsElapsed() / 1e9;
    probe.stop();
    const double selectMax = probe.maxGap();
    const double selectCpu = probe.maxCpu();

    probe.start();
    clock.restart();
    const qsizetype shownSize = explorer->sourceText()->shownText().size();
    for (int i = 0; i < 200; ++i) {
        explorer->moveTextCursor(static_cast<qsizetype>(random.bounded(int(shownSize))));
        runFor(2);
    }
    const double cursorSeconds = clock.nsecsElapsed() / 1e9;
    probe.stop();
    const double cursorMax = probe.maxGap();
    const double cursorCpu = probe.maxCpu();

    probe.start(); // baseline: the same loop, idle, for as long as the three
    runFor(static_cast<int>((openSeconds + selectSeconds + cursorSeconds) * 1000));
    probe.stop();
    const double idleMax = probe.maxGap();
    const double idleCpu = probe.maxCpu();

    std::printf("ast explorer responsiveness, %d nodes, %lld-byte file, %zu-byte value\n",
                nodeCount, static_cast<long long>(text.size()), ast.size());
    std::printf(
        "  (per phase: longest event-loop gap; most GUI-thread CPU time between two turns)\n");
    std::printf("  open (decode off the GUI thread, text found and shown): %.2f s, longest "
                "gap %.1f ms, CPU %.1f ms\n",
                openSeconds, openMax, openCpu);
    std::printf("  200 node selections: longest gap %.1f ms, CPU %.1f ms\n", selectMax, selectCpu);
    std::printf("  200 text-cursor moves: longest gap %.1f ms, CPU %.1f ms\n", cursorMax,
                cursorCpu);
    std::printf("  idle baseline: longest gap %.1f ms, CPU %.1f ms   target: no stall over 100 "
                "ms\n",
                idleMax, idleCpu);
    delete window;
    return 0;
}
