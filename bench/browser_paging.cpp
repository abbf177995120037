// How fast the KV browser shows a large store: time to open it, to show the first page of the
// key tree, and to jump to a key by prefix, on a generated store of KEYS keys (default
// 1,200,000), against a raw RocksDB seek-and-read of one page measured in the same run.
#include "browse/key_tree.h"
#include "format/key_codec.h"
#include "key_tree_model.h"
#include "store/bulk_load_sink.h"
#include "store/kv_store.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>
#include <random>

using namespace magellan;

namespace {

double millisecondsOf(const std::function<void()> &work, int repeats = 5) {
    double best = 1e300;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        best = std::min(best, timer.nsecsElapsed() / 1e6);
    }
    return best;
}

// Chunk keys over many files (40 chunks a file), plus ast and cfg groups, like a migrated index.
void generateStore(const QString &path, long long keys) {
    // Through the bulk load a migration writes with, so the store is shaped like a real one.
    auto store = KvStore::open(path, KvStore::Mode::CreateNew);
    BulkLoadSink sink(*store.value(), path + QStringLiteral(".tables"));
    const std::string value(300, 'x');
    long long written = 0;
    for (long long file = 0; written < keys * 9 / 10; ++file)
        for (int chunk = 0; chunk < 40; ++chunk, ++written)
            sink.put(kvkey::chunk("src/module_" + std::to_string(file % 97) + "/file_" +
                                      std::to_string(file) + ".rs",
                                  chunk * 100, chunk * 100 + 99),
                     value);
    for (long long id = 0; written < keys; ++id, written += 2) {
        sink.put(kvkey::group(kvkey::astPrefix, id), value);
        sink.put(kvkey::group(kvkey::cfgPrefix, id), value);
    }
    sink.finish();
}

} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const long long keys = argc > 1 ? std::atoll(argv[1]) : 1200000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.kv"));
    QElapsedTimer generation;
    generation.start();
    generateStore(path, keys);
    std::printf("kv browser paging, store of %lld keys (generated in %.1f s)\n", keys,
                generation.nsecsElapsed() / 1e9);

    std::shared_ptr<const KvStore> store;
    const double open = millisecondsOf(
        [&] {
            store.reset();
            store = std::shared_ptr<const KvStore>(
                std::move(KvStore::open(path, KvStore::Mode::ReadOnly).value()));
        },
        3);
    const std::string middle = kvkey::chunk("src/module_" + std::to_string((keys / 80) % 97) +
                                                "/file_" + std::to_string(keys / 80) + ".rs",
                                            2000, 2099);
    // Baseline: the raw read of one page, a seek and 200 keys.
    const double rawPage = millisecondsOf([&] {
        auto cursor = store->cursor();
        int n = 0;
        for (cursor->seek(middle); cursor->isValid() && n < 200; cursor->next())
            ++n;
    });
    const double firstPage = millisecondsOf([&] {
        KeyTreeModel model(store);
        model.fetchMore({}); // ast: cfg: chunk:
        const QModelIndex chunks = model.index(2, 0);
        model.fetchMore(chunks); // the first 200 files
        if (model.rowCount(chunks) != 200)
            std::abort();
    });
    const double jump = millisecondsOf([&] {
        KeyTreeModel model(store);
        const auto key =
            keytree::seekKey(*store, "chunk:src/module_" + std::to_string((keys / 80) % 97) +
                                         "/file_" + std::to_string(keys / 80) + ".rs:20");
        const QModelIndex found = model.locate(*key.value());
        if (!found.isValid())
            std::abort();
    });
    QElapsedTimer counting;
    counting.start();
    const auto counted = keytree::countKeys(*store, "chunk:", nullptr);
    const double count = counting.nsecsElapsed() / 1e6;

    std::printf("  open the store (read-only):             %8.1f ms\n", open);
    std::printf("  raw seek + 200 keys (baseline):         %8.2f ms\n", rawPage);
    std::printf("  first page (namespaces + 200 files):    %8.2f ms  = %.1fx baseline\n", firstPage,
                firstPage / rawPage);
    std::printf("  jump to a key by prefix (fresh model):  %8.2f ms  = %.1fx baseline\n", jump,
                jump / rawPage);
    std::printf("  background count of chunk: (%lld keys): %8.1f ms\n",
                counted.isOk() && counted.value() ? *counted.value() : -1, count);
    return 0;
}
