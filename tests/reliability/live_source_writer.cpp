// live_source_writer DB: keeps inserting batches of rows into the magellan database DB in WAL
// mode, one transaction per batch, as magellan's indexer does in watch mode, until SIGTERM (it
// then finishes the batch in hand and exits 0) or a bounded number of batches. Used by
// tst_live_source; prints nothing.
#include "live_rows.h"

#include <sqlite3.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <string>
#include <thread>

namespace {

std::atomic<bool> stopRequested{false};

extern "C" void onTerminate(int) {
    stopRequested.store(true);
}

bool exec(sqlite3 *db, const char *sql) {
    char *error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) == SQLITE_OK)
        return true;
    std::fprintf(stderr, "live_source_writer: %s: %s\n", sql, error ? error : "?");
    sqlite3_free(error);
    return false;
}

struct Statement {
    Statement(sqlite3 *db, const char *sql) { sqlite3_prepare_v2(db, sql, -1, &handle, nullptr); }
    ~Statement() { sqlite3_finalize(handle); }
    bool run() {
        const bool done = sqlite3_step(handle) == SQLITE_DONE;
        sqlite3_reset(handle);
        return done;
    }
    sqlite3_stmt *handle = nullptr;
};

// One batch: rowsPerBatch rows in each side table, all in one transaction.
bool insertBatch(sqlite3 *db, Statement &chunk, Statement &node, Statement &block,
                 std::int64_t batch) {
    using namespace magellan::live;
    if (!exec(db, "BEGIN IMMEDIATE"))
        return false;
    bool ok = true;
    const std::string path = chunkPath(batch);
    for (int row = 0; row < rowsPerBatch && ok; ++row) {
        const std::int64_t id = rowId(batch, row);
        const std::string content = chunkContent(batch, row);
        const std::string hash = contentHash(content);
        sqlite3_bind_int64(chunk.handle, 1, id);
        sqlite3_bind_text(chunk.handle, 2, path.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(chunk.handle, 3, row * 100);
        sqlite3_bind_text(chunk.handle, 4, content.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(chunk.handle, 5, hash.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(node.handle, 1, id);
        sqlite3_bind_int64(node.handle, 2, groupOf(batch));
        sqlite3_bind_int64(block.handle, 1, id);
        sqlite3_bind_int64(block.handle, 2, groupOf(batch));
        ok = chunk.run() && node.run() && block.run();
    }
    return exec(db, ok ? "COMMIT" : "ROLLBACK") && ok;
}

} // namespace

int main(int argc, char **argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: live_source_writer DB\n");
        return 2;
    }
    std::signal(SIGTERM, onTerminate);
    sqlite3 *db = nullptr;
    if (sqlite3_open(argv[1], &db) != SQLITE_OK) {
        std::fprintf(stderr, "live_source_writer: cannot open %s\n", argv[1]);
        return 1;
    }
    sqlite3_busy_timeout(db, 10000);
    if (!exec(db, "PRAGMA journal_mode=WAL") || !exec(db, "PRAGMA synchronous=NORMAL"))
        return 1;
    Statement chunk(db, "INSERT INTO code_chunks(id, file_path, byte_start, byte_end, content, "
                        "content_hash, symbol_name, symbol_kind, created_at) "
                        "VALUES (?1, ?2, ?3, ?3 + 99, ?4, ?5, 'live', 'function', 1700000000)");
    Statement node(db, "INSERT INTO ast_nodes(id, parent_id, kind, byte_start, byte_end, file_id) "
                       "VALUES (?1, NULL, 'live_node', 0, 1, ?2)");
    Statement block(db, "INSERT INTO cfg_blocks(id, function_id, kind, terminator, byte_start, "
                        "byte_end, start_line, start_col, end_line, end_col) "
                        "VALUES (?1, ?2, 'live_block', 'return', 0, 1, 1, 0, 1, 1)");
    int status = 0;
    // Bounded: a test that forgets to stop it still ends (about a minute of batches at most).
    for (std::int64_t batch = 1; batch <= 60000 && !stopRequested.load(); ++batch) {
        if (!insertBatch(db, chunk, node, block, batch)) {
            status = 1;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1)); // leave the reader some CPU
    }
    sqlite3_finalize(chunk.handle);
    sqlite3_finalize(node.handle);
    sqlite3_finalize(block.handle);
    chunk.handle = node.handle = block.handle = nullptr;
    sqlite3_close(db);
    return status;
}
