#include "fixture_generator.h"

#include "ast_tree.h"
#include "cfg_function.h"
#include "code_text.h"
#include "prng.h"
#include "schema.h"
#include "sha256.h"
#include "sqlite_db.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace magellan::fixture {
namespace {

namespace fs = std::filesystem;

constexpr long long kEpoch = 1'700'000'000; // created_at values start here (Nov 2023)
constexpr int kSqlitegraphSchemaVersion = 3;
constexpr long long kMaxTotalRows = 100'000'000'000LL;
constexpr long long kGiantFileThreshold = 2000; // fewer AST rows than this: no giant files
constexpr std::size_t kAstSlots = 6;            // files being "indexed" at the same time
constexpr long long kAstMaxBurst = 64;
constexpr std::size_t kCfgSlots = 3;
constexpr long long kCfgMaxBurst = 24;

// ---------------------------------------------------------------------------------------------
// Planning helpers

struct RowSplit {
    long long chunks = 0;
    long long astNodes = 0;
    long long cfgBlocks = 0;
};

// ~93.5% ast_nodes, 6% cfg_blocks, 0.5% (rounded up) code_chunks; one of each from 3 rows on.
RowSplit splitRows(long long totalRows) {
    if (totalRows < 3) {
        return {0, totalRows, 0};
    }
    RowSplit split;
    split.chunks = std::max(1LL, (totalRows + 199) / 200);
    split.cfgBlocks = std::max(1LL, totalRows * 6 / 100);
    split.astNodes = totalRows - split.chunks - split.cfgBlocks;
    return split;
}

struct SourceFile {
    std::string path;
    Language language = Language::Rust;
    bool crlf = false;
    long long astNodes = 0;
    int bytesPerNode = 16;
    long long entityId = 0;
    long long functionCount = 0;
    long long chunkCursor = 0; // code_chunks spans of this file are laid out from here
};

template <typename T> void shuffleInPlace(std::vector<T> &items, Prng &rng) {
    for (std::size_t index = items.size(); index > 1; --index) {
        std::swap(items[index - 1], items[rng.below(index)]);
    }
}

// Mostly plain paths; the first few and ~12% of the rest are awkward on purpose: non-ASCII,
// Windows drive letters with backslashes, ':' and '::' inside, a trailing ':'.
std::string makeFilePath(Prng &rng, std::size_t index, std::size_t moduleCount) {
    const std::string number = std::to_string(index);
    const std::string module = std::to_string(rng.below(moduleCount));
    const std::uint64_t style =
        index >= 1 && index <= 7 ? index : (rng.chance(0.12) ? 1 + rng.below(7) : 0);
    switch (style) {
    case 1:
        return "src/módulo_" + module + "/ファイル_" + number + ".rs";
    case 2:
        return "C:\\repo\\win_" + number + ".rs";
    case 3:
        return "docs/a:b_" + number + ".md";
    case 4:
        return "src/ns::mod_" + number + ".rs";
    case 5:
        return "src/emoji_🚀/naïve_" + number + ".py";
    case 6:
        return "weird/colon_end_" + number + ":";
    case 7:
        return "lib/über/größe_" + number + ".c";
    default:
        break;
    }
    constexpr auto kExtensions = std::to_array<std::string_view>(
        {".rs", ".rs", ".rs", ".rs", ".rs", ".py", ".py", ".c", ".h"});
    return "src/module_" + module + "/file_" + number + std::string(rng.pick(kExtensions));
}

// Tens to hundreds of nodes, now and then a handful or a few thousand.
long long drawOrdinaryTreeSize(Prng &rng) {
    const double roll = rng.unit();
    if (roll < 0.05) {
        return rng.between(1, 7);
    }
    if (roll < 0.06) {
        return rng.logUniform(1000, 8000);
    }
    return rng.logUniform(8, 400);
}

// Node counts of the files' trees, in file order; with enough rows, 4-5 giant files of 3-5%
// of all nodes each sit at random places among the ordinary ones.
std::vector<long long> planFileTreeSizes(Prng &rng, long long nodes, long long largestFileNodes) {
    std::vector<long long> sizes;
    long long remaining = nodes;
    long long ordinaryCap = nodes; // ordinary files stay smaller than the giants
    if (nodes >= kGiantFileThreshold) {
        const long long giants = rng.between(4, 5);
        for (long long index = 0; index < giants; ++index) {
            long long size = nodes * rng.between(300, 500) / 10000;
            if (largestFileNodes > 0)
                size = std::min(size, largestFileNodes * rng.between(60, 100) / 100);
            sizes.push_back(size);
            remaining -= size;
        }
        ordinaryCap = nodes * 3 / 100 - 1;
    }
    if (largestFileNodes > 0)
        ordinaryCap = std::min(ordinaryCap, std::max(1LL, largestFileNodes / 2));
    while (remaining > 0) {
        const long long size = std::min({remaining, ordinaryCap, drawOrdinaryTreeSize(rng)});
        sizes.push_back(size);
        remaining -= size;
    }
    shuffleInPlace(sizes, rng);
    return sizes;
}

// Small trees whose nodes have file_id NULL (~0.5% of all nodes, v6+ only).
std::vector<long long> planOrphanTreeSizes(Prng &rng, const SchemaShape &shape, long long nodes) {
    std::vector<long long> sizes;
    if (!shape.hasFileId || nodes < 20) {
        return sizes;
    }
    long long remaining = std::max(1LL, nodes / 200);
    while (remaining > 0) {
        const long long size = std::min(remaining, rng.between(3, 40));
        sizes.push_back(size);
        remaining -= size;
    }
    return sizes;
}

// Blocks per function: 1 to 60, mostly few (P(<=3) ~ 37%).
std::vector<long long> planBlockCounts(Prng &rng, long long blocks) {
    std::vector<long long> counts;
    long long remaining = blocks;
    while (remaining > 0) {
        const double fraction = rng.unit();
        const long long count = 1 + static_cast<long long>(59.0 * fraction * fraction * fraction);
        counts.push_back(std::min(remaining, count));
        remaining -= counts.back();
    }
    return counts;
}

// Picks a file with probability proportional to its AST size (plus one).
class WeightedPicker {
public:
    explicit WeightedPicker(const std::vector<SourceFile> &files) {
        m_cumulative.reserve(files.size());
        long long total = 0;
        for (const SourceFile &file : files) {
            total += file.astNodes + 1;
            m_cumulative.push_back(total);
        }
    }

    std::size_t pick(Prng &rng) const {
        const auto target = static_cast<long long>(
            rng.below(static_cast<std::uint64_t>(m_cumulative.empty() ? 1 : m_cumulative.back())));
        const auto found = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), target);
        return static_cast<std::size_t>(found - m_cumulative.begin());
    }

private:
    std::vector<long long> m_cumulative;
};

// AUTOINCREMENT ids with the occasional gap that deleting and re-indexing leaves behind.
class IdSequence {
public:
    long long next(Prng &rng) {
        if (rng.chance(0.001)) {
            m_next += rng.between(1, 40);
        }
        return m_next++;
    }

private:
    long long m_next = 1;
};

// Emits the rows of many sources in bursts, a few sources open at once, the way an incremental
// indexer interleaves files. Each Source has done(); emitOne(source) writes its next row.
template <typename Source, typename EmitOne>
void interleave(std::vector<Source> &sources, std::size_t slotCount, long long maxBurst, Prng &rng,
                EmitOne emitOne) {
    std::vector<std::size_t> active;
    std::size_t nextSource = 0;
    const auto refill = [&] {
        while (active.size() < slotCount && nextSource < sources.size()) {
            active.push_back(nextSource++);
        }
    };
    refill();
    while (!active.empty()) {
        const std::size_t slot = rng.below(active.size());
        Source &source = sources[active[slot]];
        for (long long burst = rng.between(1, maxBurst); burst > 0 && !source.done(); --burst) {
            emitOne(source);
        }
        if (source.done()) {
            active.erase(active.begin() + static_cast<long>(slot));
            refill();
        }
    }
}

std::string languageName(Language language) {
    switch (language) {
    case Language::Python:
        return "python";
    case Language::C:
        return "c";
    case Language::Markdown:
        return "markdown";
    case Language::Rust:
        break;
    }
    return "rust";
}

// A value shaped to test number formatting: short decimals, tiny and huge magnitudes,
// integral values, full-precision randoms. Never NaN or -0.0 (SQLite does not keep them).
double makeCoordinate(Prng &rng) {
    constexpr auto kSpecial = std::to_array<double>(
        {0.1, -3.25, 1e-7, 2.5e10, 0.5, -0.001, 123456.789, 1.0 / 3.0, 1e300, 5e-324});
    const double roll = rng.unit();
    if (roll < 0.4) {
        return rng.pick(kSpecial);
    }
    if (roll < 0.6) {
        return static_cast<double>(rng.between(-50, 50));
    }
    return rng.unit() * 2000.0 - 1000.0;
}

std::string makeExecutionId(Prng &rng) {
    constexpr char kDigits[] = "0123456789abcdef";
    std::string id;
    const std::uint64_t high = rng.next();
    const std::uint64_t low = rng.next();
    for (int index = 0; index < 32; ++index) {
        const std::uint64_t word = index < 16 ? high : low;
        id.push_back(kDigits[(word >> (4 * (index % 16))) & 0xf]);
        if (index == 7 || index == 11 || index == 15 || index == 19) {
            id.push_back('-');
        }
    }
    return id;
}

// ---------------------------------------------------------------------------------------------
// graph_entities (+ symbol_metrics rows for the symbols, when asked)

class EntityWriter {
public:
    EntityWriter(Database &db, Prng &rng, long long epoch, bool withSymbolMetrics)
        : m_rng(rng), m_epoch(epoch),
          m_insert(db.prepare("INSERT INTO graph_entities (id, kind, name, file_path, data) "
                              "VALUES (?, ?, ?, ?, ?)")) {
        if (withSymbolMetrics) {
            m_metrics.emplace(db.prepare(
                "INSERT INTO symbol_metrics (symbol_id, symbol_name, kind, file_path, loc, "
                "estimated_loc, fan_in, fan_out, cyclomatic_complexity, last_updated) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        }
    }

    long long writeFile(const SourceFile &file) {
        std::string data = "{}";
        if (m_rng.chance(0.8)) {
            data = "{\"path\":" + jsonString(file.path) + ",\"language\":\"" +
                   languageName(file.language) + "\",\"hash\":\"" + sha256Hex(file.path) + "\"}";
        }
        return insert("File", file.path, file.path, data);
    }

    // A Function entity laid out from the file's cursors, which it advances.
    FunctionInfo writeFunction(const SourceFile &file, long long blocks, long long &byteCursor,
                               long long &line) {
        FunctionInfo function;
        function.blocks = blocks;
        function.bytesPerBlock = static_cast<int>(m_rng.between(24, 160));
        function.byteStart = byteCursor + m_rng.between(16, 80);
        function.startLine = static_cast<int>(line);
        const long long byteEnd = function.byteStart +
                                  std::max(1LL, blocks) * function.bytesPerBlock +
                                  m_rng.between(1, 8);
        const long long endLine = line + kMaxLinesPerBlock * std::max(1LL, blocks) + 1;
        byteCursor = byteEnd + m_rng.between(1, 200);
        line = endLine + m_rng.between(1, 10);

        const std::string name = makeFunctionName(m_rng);
        const std::string data = "{\"name\":" + jsonString(name) +
                                 ",\"kind\":\"Function\",\"file_path\":" + jsonString(file.path) +
                                 ",\"byte_start\":" + std::to_string(function.byteStart) +
                                 ",\"byte_end\":" + std::to_string(byteEnd) +
                                 ",\"start_line\":" + std::to_string(function.startLine) +
                                 ",\"end_line\":" + std::to_string(endLine) + "}";
        function.entityId = insert("Function", name, file.path, data);
        if (m_rng.chance(0.98)) { // the rest were indexed before cfg_hash existed: NULL
            function.cfgHash = sha256Hex(name + ":" + std::to_string(function.entityId) + ":" +
                                         std::to_string(blocks));
        }
        writeSymbolMetrics(function.entityId, name, "Function", file.path,
                           endLine - function.startLine, 1 + blocks / 3);
        return function;
    }

    void writeSymbol(const SourceFile &file, long long &byteCursor) {
        constexpr auto kKinds =
            std::to_array<std::string_view>({"Struct", "Enum", "Trait", "Constant", "Module"});
        const std::string name = makeTypeName(m_rng);
        const std::string_view kind = m_rng.pick(kKinds);
        const long long start = byteCursor + m_rng.between(1, 60);
        const long long end = start + m_rng.between(12, 600);
        byteCursor = end;
        const std::string data = "{\"name\":" + jsonString(name) + ",\"kind\":\"" +
                                 std::string(kind) + "\",\"file_path\":" + jsonString(file.path) +
                                 ",\"byte_start\":" + std::to_string(start) +
                                 ",\"byte_end\":" + std::to_string(end) + "}";
        const long long id = insert("Symbol", name, file.path, data);
        writeSymbolMetrics(id, name, kind, file.path, 1 + (end - start) / 30, 1);
    }

private:
    long long insert(std::string_view kind, std::string_view name, std::string_view filePath,
                     const std::string &data) {
        const long long id = m_ids.next(m_rng);
        m_insert.bindInt(1, id);
        m_insert.bindText(2, kind);
        m_insert.bindText(3, name);
        m_insert.bindText(4, filePath);
        m_insert.bindText(5, data);
        m_insert.execute();
        return id;
    }

    void writeSymbolMetrics(long long id, std::string_view name, std::string_view kind,
                            std::string_view filePath, long long loc, long long complexity) {
        if (!m_metrics) {
            return;
        }
        Statement &metrics = *m_metrics;
        metrics.bindInt(1, id);
        metrics.bindText(2, name);
        metrics.bindText(3, kind);
        metrics.bindText(4, filePath);
        metrics.bindInt(5, loc);
        metrics.bindReal(6, static_cast<double>(loc) * (0.85 + 0.4 * m_rng.unit()));
        metrics.bindInt(7, m_rng.between(0, 30));
        metrics.bindInt(8, m_rng.between(0, 20));
        metrics.bindInt(9, complexity);
        metrics.bindInt(10, m_epoch + m_rng.between(0, 86'400));
        metrics.execute();
    }

    Prng &m_rng;
    long long m_epoch;
    IdSequence m_ids;
    Statement m_insert;
    std::optional<Statement> m_metrics;
};

// ---------------------------------------------------------------------------------------------
// The whole database

class FixtureWriter {
public:
    FixtureWriter(Database &db, const FixtureSpec &spec)
        : m_db(db), m_shape(schemaShapeFor(spec)), m_split(splitRows(spec.totalRows)),
          m_epoch(kEpoch + static_cast<long long>(spec.seed % 100'000'000ULL)),
          m_rootRng(spec.seed), m_planRng(m_rootRng.fork(1)), m_entityRng(m_rootRng.fork(2)),
          m_astRng(m_rootRng.fork(3)), m_cfgRng(m_rootRng.fork(4)), m_chunkRng(m_rootRng.fork(5)),
          m_extraRng(m_rootRng.fork(6)), m_largestFileNodes(spec.largestFileNodes) {}

    FixtureSummary write() {
        createTables();
        writeMeta();
        planFiles();
        writeEntities();
        writeAstNodes();
        writeCfgBlocks();
        writeChunks();
        if (m_shape.optionalTables) {
            writeExecutionLog();
            writeFileMetrics();
        }
        createIndexes();
        return m_summary;
    }

private:
    void createTables() {
        for (const std::string &statement : tableStatements(m_shape)) {
            m_db.exec(statement);
        }
    }

    void createIndexes() {
        for (const std::string &statement : indexStatements(m_shape)) {
            m_db.exec(statement);
        }
    }

    void writeMeta() {
        Statement insert =
            m_db.prepare("INSERT INTO magellan_meta (id, magellan_schema_version, "
                         "sqlitegraph_schema_version, created_at) VALUES (1, ?, ?, ?)");
        insert.bindInt(1, m_shape.version);
        insert.bindInt(2, kSqlitegraphSchemaVersion);
        insert.bindInt(3, m_epoch);
        insert.execute();
    }

    void planFiles() {
        m_orphanTrees = planOrphanTreeSizes(m_planRng, m_shape, m_split.astNodes);
        long long orphanNodes = 0;
        for (const long long size : m_orphanTrees) {
            orphanNodes += size;
        }
        std::vector<long long> sizes =
            planFileTreeSizes(m_planRng, m_split.astNodes - orphanNodes, m_largestFileNodes);
        if (sizes.empty()) {
            sizes.push_back(0); // chunks and functions still need a file to belong to
        }
        m_files = makeSourceFiles(sizes);
        m_blockCounts = planBlockCounts(m_planRng, m_split.cfgBlocks);
        assignFunctionsToFiles();
    }

    std::vector<SourceFile> makeSourceFiles(const std::vector<long long> &treeSizes) {
        const std::size_t moduleCount = std::max<std::size_t>(1, treeSizes.size() / 25);
        std::vector<SourceFile> files(treeSizes.size());
        for (std::size_t index = 0; index < files.size(); ++index) {
            SourceFile &file = files[index];
            file.path = makeFilePath(m_planRng, index, moduleCount);
            file.language = languageOfPath(file.path);
            file.crlf = file.path.starts_with("C:\\");
            file.astNodes = treeSizes[index];
            file.bytesPerNode = static_cast<int>(m_planRng.between(6, 40));
        }
        return files;
    }

    // Bigger files get more functions.
    void assignFunctionsToFiles() {
        const WeightedPicker picker(m_files);
        for (std::size_t index = 0; index < m_blockCounts.size(); ++index) {
            ++m_files[picker.pick(m_planRng)].functionCount;
        }
    }

    void writeEntities() {
        EntityWriter writer(m_db, m_entityRng, m_epoch, m_shape.optionalTables);
        std::size_t nextBlockCount = 0;
        for (SourceFile &file : m_files) {
            file.entityId = writer.writeFile(file);
            long long byteCursor = m_entityRng.between(0, 400);
            long long line = m_entityRng.between(1, 20);
            // Now and then a function without a body (a trait method, say): no cfg blocks.
            const long long functions = file.functionCount + (m_entityRng.chance(0.08) ? 1 : 0);
            for (long long index = 0; index < functions; ++index) {
                const long long blocks =
                    index < file.functionCount ? m_blockCounts[nextBlockCount++] : 0;
                m_functions.push_back(writer.writeFunction(file, blocks, byteCursor, line));
            }
            for (long long symbols = m_entityRng.between(0, 2); symbols > 0; --symbols) {
                writer.writeSymbol(file, byteCursor);
            }
        }
    }

    std::vector<TreeBuilder> makeTrees() {
        std::vector<TreeBuilder> trees;
        for (const SourceFile &file : m_files) {
            if (file.astNodes > 0) {
                trees.emplace_back(file.entityId, file.astNodes, file.language, file.bytesPerNode);
                ++m_summary.astFiles;
            }
        }
        for (const long long size : m_orphanTrees) {
            const auto language = static_cast<Language>(m_astRng.below(3));
            trees.emplace_back(std::nullopt, size, language,
                               static_cast<int>(m_astRng.between(6, 40)));
        }
        shuffleInPlace(trees, m_astRng);
        return trees;
    }

    void writeAstNodes() {
        std::vector<TreeBuilder> trees = makeTrees();
        const bool withFileId = m_shape.hasFileId;
        Statement insert = m_db.prepare(
            withFileId ? "INSERT INTO ast_nodes (id, parent_id, kind, byte_start, byte_end, "
                         "file_id) VALUES (?, ?, ?, ?, ?, ?)"
                       : "INSERT INTO ast_nodes (id, parent_id, kind, byte_start, byte_end) "
                         "VALUES (?, ?, ?, ?, ?)");
        IdSequence ids;
        interleave(trees, kAstSlots, kAstMaxBurst, m_astRng, [&](TreeBuilder &tree) {
            const AstRow row = tree.next(ids.next(m_astRng), m_astRng);
            insert.bindInt(1, row.id);
            insert.bindOptional(2, row.parentId);
            insert.bindText(3, row.kind);
            insert.bindInt(4, row.byteStart);
            insert.bindInt(5, row.byteEnd);
            if (withFileId) {
                insert.bindOptional(6, tree.fileId());
            }
            insert.execute();
            ++m_summary.astNodes;
            if (!withFileId || !tree.fileId()) {
                ++m_summary.nullFileAstNodes;
            }
        });
        if (!withFileId) {
            m_summary.astFiles = 0;
        }
    }

    std::string cfgInsertSql() const {
        std::string columns = "id";
        std::string values = "?";
        for (const std::string &column : cfgColumns(m_shape)) {
            columns += ", " + column;
            values += ", ?";
        }
        return "INSERT INTO cfg_blocks (" + columns + ") VALUES (" + values + ")";
    }

    void writeCfgBlocks() {
        std::vector<CfgBuilder> builders;
        for (const FunctionInfo &function : m_functions) {
            if (function.blocks > 0) {
                builders.emplace_back(function);
            }
        }
        m_summary.cfgFunctions = static_cast<long long>(builders.size());
        Statement insert = m_db.prepare(cfgInsertSql());
        IdSequence ids;
        interleave(builders, kCfgSlots, kCfgMaxBurst, m_cfgRng, [&](CfgBuilder &builder) {
            insertCfgRow(insert, ids.next(m_cfgRng), builder);
            ++m_summary.cfgBlocks;
        });
    }

    void insertCfgRow(Statement &insert, long long id, CfgBuilder &builder) {
        const CfgRow row = builder.next(m_cfgRng);
        insert.bindInt(1, id);
        insert.bindInt(2, builder.function().entityId);
        insert.bindText(3, row.kind);
        insert.bindText(4, row.terminator);
        insert.bindInt(5, row.byteStart);
        insert.bindInt(6, row.byteEnd);
        insert.bindInt(7, row.startLine);
        insert.bindInt(8, row.startCol);
        insert.bindInt(9, row.endLine);
        insert.bindInt(10, row.endCol);
        int column = 11;
        if (m_shape.hasCfgHash) {
            const std::string &hash = builder.function().cfgHash;
            if (hash.empty()) {
                insert.bindNull(column++);
            } else {
                insert.bindText(column++, hash);
            }
        }
        std::string statements; // bound without a copy: must outlive execute()
        if (m_shape.hasStatements) {
            statements = makeStatementsJson(m_cfgRng);
            insert.bindText(column++, statements);
        }
        if (m_shape.hasCoords) {
            for (int axis = 0; axis < 4; ++axis) {
                insert.bindOptional(column++,
                                    m_cfgRng.chance(0.05)
                                        ? std::nullopt
                                        : std::optional<double>(makeCoordinate(m_cfgRng)));
            }
        }
        if (m_shape.hasCfgCondition) {
            insert.bindOptional(column++, makeCfgCondition());
        }
        insert.execute();
    }

    std::optional<std::string_view> makeCfgCondition() {
        constexpr auto kConditions = std::to_array<std::string_view>(
            {"feature = \"serde\"", "target_os = \"windows\"", "all(unix, not(test))", "test",
             "debug_assertions", "feature = \"größe\""});
        if (!m_cfgRng.chance(0.03)) {
            return std::nullopt;
        }
        return m_cfgRng.pick(kConditions);
    }

    void writeChunks() {
        Statement insert = m_db.prepare(
            "INSERT INTO code_chunks (id, file_path, byte_start, byte_end, content, content_hash, "
            "symbol_name, symbol_kind, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        const WeightedPicker picker(m_files);
        IdSequence ids;
        long long createdAt = m_epoch;
        for (long long index = 0; index < m_split.chunks; ++index) {
            SourceFile &file = m_files[picker.pick(m_chunkRng)];
            const auto [symbolName, symbolKind] = makeChunkSymbol();
            const auto targetBytes = static_cast<std::size_t>(m_chunkRng.logUniform(24, 8000));
            const std::string content = makeCodeChunk(
                m_chunkRng, file.language, symbolName ? *symbolName : makeFunctionName(m_chunkRng),
                targetBytes, file.crlf);
            const std::string hash = sha256Hex(content);
            const long long start = file.chunkCursor + m_chunkRng.between(0, 160);
            const long long end = start + static_cast<long long>(content.size());
            file.chunkCursor = end;
            createdAt += m_chunkRng.between(0, 3);

            insert.bindInt(1, ids.next(m_chunkRng));
            insert.bindText(2, file.path);
            insert.bindInt(3, start);
            insert.bindInt(4, end);
            insert.bindText(5, content);
            insert.bindText(6, hash);
            insert.bindOptional(7, symbolName);
            insert.bindOptional(8, symbolKind);
            insert.bindInt(9, createdAt);
            insert.execute();
            ++m_summary.chunks;
        }
    }

    // Mostly both set; sometimes a name without a kind, sometimes neither.
    std::pair<std::optional<std::string>, std::optional<std::string_view>> makeChunkSymbol() {
        constexpr auto kKinds = std::to_array<std::string_view>(
            {"Function", "Function", "Function", "Method", "Method", "Struct", "Class", "Enum",
             "Trait", "Impl", "Module", "Constant"});
        const double roll = m_chunkRng.unit();
        if (roll < 0.07) {
            return {std::nullopt, std::nullopt};
        }
        const std::string_view kind = m_chunkRng.pick(kKinds);
        const bool typeLike = kind != "Function" && kind != "Method";
        std::string name = typeLike ? makeTypeName(m_chunkRng) : makeFunctionName(m_chunkRng);
        if (roll < 0.12) {
            return {std::move(name), std::nullopt};
        }
        return {std::move(name), kind};
    }

    void writeExecutionLog() {
        Statement insert = m_db.prepare(
            "INSERT INTO execution_log (execution_id, tool_version, args, root, db_path, "
            "started_at, finished_at, duration_ms, outcome, error_message, files_indexed, "
            "symbols_indexed, references_indexed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        const long long runs = m_extraRng.between(3, 6);
        for (long long run = 0; run < runs; ++run) {
            const bool failed = run == 1;
            const bool unfinished = run + 1 == runs;
            const std::string executionId = makeExecutionId(m_extraRng);
            const long long startedAt = m_epoch + run * 86'400 + m_extraRng.between(0, 3600);
            const long long durationMs = m_extraRng.between(40, 900'000);
            insert.bindText(1, executionId);
            insert.bindText(2, run < 2 ? "2.3.1" : "2.4.0");
            insert.bindText(
                3,
                run % 2 == 0
                    ? R"(["watch","--root","/home/dev/projet-été","--db",".codemcp/codegraph.db"])"
                    : R"(["index","--full"])");
            insert.bindOptional(4, run == 2
                                       ? std::nullopt
                                       : std::optional<std::string_view>("/home/dev/projet-été"));
            insert.bindText(5, ".codemcp/codegraph.db");
            insert.bindInt(6, startedAt);
            insert.bindOptional(7, unfinished
                                       ? std::nullopt
                                       : std::optional<long long>(startedAt + durationMs / 1000));
            insert.bindOptional(8,
                                unfinished ? std::nullopt : std::optional<long long>(durationMs));
            insert.bindText(9, failed ? "error" : (unfinished ? "running" : "success"));
            insert.bindOptional(10, failed
                                        ? std::optional<std::string_view>(
                                              "parse error in src/über.rs: unexpected token '\"'")
                                        : std::nullopt);
            insert.bindInt(11, m_extraRng.between(0, static_cast<long long>(m_files.size())));
            insert.bindInt(12, m_extraRng.between(0, static_cast<long long>(m_functions.size())));
            insert.bindInt(13, m_extraRng.between(0, 50'000));
            insert.execute();
        }
    }

    void writeFileMetrics() {
        Statement insert = m_db.prepare(
            "INSERT INTO file_metrics (file_path, symbol_count, loc, estimated_loc, fan_in, "
            "fan_out, complexity_score, last_updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        for (const SourceFile &file : m_files) {
            const long long loc = 5 + file.astNodes / 6 + m_extraRng.between(0, 40);
            insert.bindText(1, file.path);
            insert.bindInt(2, file.functionCount + m_extraRng.between(0, 3));
            insert.bindInt(3, loc);
            insert.bindReal(4, static_cast<double>(loc) * (0.9 + 0.3 * m_extraRng.unit()));
            insert.bindInt(5, m_extraRng.between(0, 40));
            insert.bindInt(6, m_extraRng.between(0, 25));
            insert.bindReal(7, static_cast<double>(m_extraRng.between(0, 4000)) / 100.0);
            insert.bindInt(8, m_epoch + m_extraRng.between(0, 86'400));
            insert.execute();
        }
    }

    Database &m_db;
    SchemaShape m_shape;
    RowSplit m_split;
    long long m_epoch;
    Prng m_rootRng;
    // One stream per part, so that changing how one table is filled leaves the others alone.
    Prng m_planRng;
    Prng m_entityRng;
    Prng m_astRng;
    Prng m_cfgRng;
    Prng m_chunkRng;
    Prng m_extraRng;
    long long m_largestFileNodes = 0;
    std::vector<SourceFile> m_files;
    std::vector<long long> m_orphanTrees;
    std::vector<long long> m_blockCounts;
    std::vector<FunctionInfo> m_functions;
    FixtureSummary m_summary;
};

// ---------------------------------------------------------------------------------------------
// Files on disk

std::string validateSpec(const std::string &path, const FixtureSpec &spec) {
    if (path.empty()) {
        return "empty output path";
    }
    if (spec.schemaVersion < 5 || spec.schemaVersion > 21) {
        return "schema version " + std::to_string(spec.schemaVersion) + " is not in 5..21";
    }
    if (spec.totalRows < 0 || spec.totalRows > kMaxTotalRows) {
        return "row count " + std::to_string(spec.totalRows) + " is not in 0.." +
               std::to_string(kMaxTotalRows);
    }
    if (spec.largestFileNodes < 0) {
        return "largest file size " + std::to_string(spec.largestFileNodes) + " is negative";
    }
    return {};
}

void removeDatabaseFiles(const std::string &base) {
    for (const char *suffix : {"", "-journal", "-wal", "-shm"}) {
        std::error_code ignored;
        fs::remove(base + suffix, ignored);
    }
}

FixtureSummary buildDatabase(const std::string &file, const FixtureSpec &spec) {
    Database db(file);
    db.exec("PRAGMA journal_mode=OFF");
    db.exec("PRAGMA synchronous=OFF");
    db.exec("PRAGMA cache_size=-65536");
    db.exec("BEGIN");
    const FixtureSummary summary = FixtureWriter(db, spec).write();
    db.exec("COMMIT");
    db.exec(spec.walMode ? "PRAGMA journal_mode=WAL" : "PRAGMA journal_mode=DELETE");
    db.close(); // in WAL mode this checkpoints and removes the -wal and -shm files
    return summary;
}

// Moves the finished file into place without ever replacing something that appeared there.
void publish(const std::string &partial, const std::string &path) {
    std::error_code linkError;
    fs::create_hard_link(partial, path, linkError);
    std::error_code ignored;
    if (!linkError) {
        fs::remove(partial, ignored);
        return;
    }
    if (fs::exists(fs::symlink_status(path, ignored))) {
        throw std::runtime_error("a file appeared at the path while generating");
    }
    fs::rename(partial, path); // no hard links on this file system
}

} // namespace

std::string generateFixture(const std::string &path, const FixtureSpec &spec,
                            FixtureSummary *summary) {
    if (summary != nullptr) {
        *summary = {};
    }
    const std::string context = "cannot create fixture '" + path + "': ";
    if (const std::string problem = validateSpec(path, spec); !problem.empty()) {
        return context + problem;
    }
    std::error_code statusError;
    if (fs::exists(fs::symlink_status(path, statusError))) {
        return context + "the file already exists (refusing to overwrite it)";
    }
    const std::string partial = path + ".partial";
    removeDatabaseFiles(partial);
    try {
        const FixtureSummary result = buildDatabase(partial, spec);
        publish(partial, path);
        if (summary != nullptr) {
            *summary = result;
        }
    } catch (const std::exception &error) {
        removeDatabaseFiles(partial);
        return context + error.what();
    }
    return {};
}

} // namespace magellan::fixture
