#include "schema.h"

namespace magellan::fixture {
namespace {

const char *const kMetaTable = R"(CREATE TABLE magellan_meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    magellan_schema_version INTEGER NOT NULL,
    sqlitegraph_schema_version INTEGER NOT NULL,
    created_at INTEGER NOT NULL
))";

const char *const kEntitiesTable = R"(CREATE TABLE graph_entities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    file_path TEXT,
    data TEXT NOT NULL
))";

const char *const kChunksTable = R"(CREATE TABLE code_chunks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    file_path TEXT NOT NULL,
    byte_start INTEGER NOT NULL,
    byte_end INTEGER NOT NULL,
    content TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    symbol_name TEXT,
    symbol_kind TEXT,
    created_at INTEGER NOT NULL,
    UNIQUE(file_path, byte_start, byte_end)
))";

const char *const kAstTable = R"(CREATE TABLE ast_nodes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id INTEGER,
    kind TEXT NOT NULL,
    byte_start INTEGER NOT NULL,
    byte_end INTEGER NOT NULL
))";

const char *const kCfgTable = R"(CREATE TABLE cfg_blocks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    function_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    terminator TEXT NOT NULL,
    byte_start INTEGER NOT NULL,
    byte_end INTEGER NOT NULL,
    start_line INTEGER NOT NULL,
    start_col INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    end_col INTEGER NOT NULL,
    FOREIGN KEY (function_id) REFERENCES graph_entities(id) ON DELETE CASCADE
))";

const char *const kGeoIndexMetaTable = R"(CREATE TABLE geo_index_meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    geo_path TEXT NOT NULL,
    built_at INTEGER NOT NULL,
    schema_version INTEGER NOT NULL,
    symbol_count INTEGER NOT NULL,
    call_count INTEGER NOT NULL,
    cfg_block_count INTEGER NOT NULL,
    checksum TEXT NOT NULL
))";

const char *const kSourceDocumentsTable = R"(CREATE TABLE source_documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    path_or_uri TEXT NOT NULL UNIQUE,
    source_kind TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    observed_at INTEGER NOT NULL,
    source_timestamp INTEGER,
    title TEXT,
    author TEXT,
    tags TEXT,
    wikilinks TEXT,
    frontmatter TEXT
))";

const char *const kCandidateFactsTable = R"(CREATE TABLE candidate_facts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    candidate_id TEXT NOT NULL UNIQUE,
    source_document_id INTEGER NOT NULL,
    subject_type TEXT NOT NULL,
    subject_key TEXT NOT NULL,
    predicate TEXT NOT NULL,
    object_type TEXT,
    object_key TEXT,
    properties_json TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    rejection_reason TEXT,
    created_at INTEGER NOT NULL,
    reviewed_at INTEGER,
    FOREIGN KEY (source_document_id) REFERENCES source_documents(id)
))";

const char *const kExecutionLogTable = R"(CREATE TABLE execution_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    execution_id TEXT NOT NULL UNIQUE,
    tool_version TEXT NOT NULL,
    args TEXT NOT NULL,
    root TEXT,
    db_path TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    duration_ms INTEGER,
    outcome TEXT NOT NULL,
    error_message TEXT,
    files_indexed INTEGER DEFAULT 0,
    symbols_indexed INTEGER DEFAULT 0,
    references_indexed INTEGER DEFAULT 0
))";

const char *const kFileMetricsTable = R"(CREATE TABLE file_metrics (
    file_path TEXT PRIMARY KEY,
    symbol_count INTEGER NOT NULL,
    loc INTEGER NOT NULL,
    estimated_loc REAL NOT NULL,
    fan_in INTEGER NOT NULL DEFAULT 0,
    fan_out INTEGER NOT NULL DEFAULT 0,
    complexity_score REAL NOT NULL DEFAULT 0.0,
    last_updated INTEGER NOT NULL
))";

const char *const kSymbolMetricsTable = R"(CREATE TABLE symbol_metrics (
    symbol_id INTEGER PRIMARY KEY,
    symbol_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    file_path TEXT NOT NULL,
    loc INTEGER NOT NULL,
    estimated_loc REAL NOT NULL,
    fan_in INTEGER NOT NULL DEFAULT 0,
    fan_out INTEGER NOT NULL DEFAULT 0,
    cyclomatic_complexity INTEGER NOT NULL DEFAULT 1,
    last_updated INTEGER NOT NULL
))";

void appendCfgAlters(const SchemaShape &shape, std::vector<std::string> &statements) {
    const std::string alter = "ALTER TABLE cfg_blocks ADD COLUMN ";
    if (shape.hasCfgHash) {
        statements.push_back(alter + "cfg_hash TEXT");
    }
    if (shape.hasStatements) {
        statements.push_back(alter + "statements TEXT");
    }
    if (shape.hasCoords) {
        for (const char *axis : {"coord_x", "coord_y", "coord_z", "coord_t"}) {
            statements.push_back(alter + axis + " REAL");
        }
    }
    if (shape.hasCfgCondition) {
        statements.push_back(alter + "cfg_condition TEXT");
    }
}

} // namespace

SchemaShape schemaShapeFor(const FixtureSpec &spec) {
    SchemaShape shape;
    const int version = spec.schemaVersion;
    shape.version = version;
    shape.hasFileId = version >= 6;
    shape.hasCfgHash = version >= 8;
    shape.hasStatements = version >= 9;
    shape.hasCoords = version >= 10 && version <= 20 && spec.seed % 2 == 1;
    shape.hasCfgCondition = version >= 16;
    shape.hasProjectMeta = version >= 15;
    shape.optionalTables = spec.optionalTables;
    return shape;
}

std::vector<std::string> tableStatements(const SchemaShape &shape) {
    std::vector<std::string> statements = {kMetaTable, kEntitiesTable, kChunksTable, kAstTable};
    if (shape.hasFileId) {
        statements.emplace_back("ALTER TABLE ast_nodes ADD COLUMN file_id INTEGER");
    }
    statements.emplace_back(kCfgTable);
    appendCfgAlters(shape, statements);
    if (shape.version >= 11) {
        statements.emplace_back(kGeoIndexMetaTable);
    }
    if (shape.version >= 13) {
        statements.emplace_back(kSourceDocumentsTable);
    }
    if (shape.version >= 14) {
        statements.emplace_back(kCandidateFactsTable);
    }
    if (shape.hasProjectMeta) {
        statements.emplace_back("ALTER TABLE magellan_meta ADD COLUMN project_name TEXT");
        statements.emplace_back("ALTER TABLE magellan_meta ADD COLUMN project_metadata TEXT");
    }
    if (shape.optionalTables) {
        statements.insert(statements.end(),
                          {kExecutionLogTable, kFileMetricsTable, kSymbolMetricsTable});
    }
    return statements;
}

std::vector<std::string> indexStatements(const SchemaShape &shape) {
    std::vector<std::string> statements = {
        "CREATE INDEX idx_code_chunks_file_path ON code_chunks(file_path)",
        "CREATE INDEX idx_ast_nodes_parent ON ast_nodes(parent_id)",
        "CREATE INDEX idx_ast_nodes_span ON ast_nodes(byte_start, byte_end)",
        "CREATE INDEX idx_cfg_blocks_function ON cfg_blocks(function_id)",
        "CREATE INDEX idx_cfg_blocks_span ON cfg_blocks(byte_start, byte_end)"};
    if (shape.hasFileId) {
        statements.emplace_back("CREATE INDEX idx_ast_nodes_file_id ON ast_nodes(file_id)");
    }
    if (shape.hasCfgHash) {
        statements.emplace_back("CREATE INDEX idx_cfg_blocks_hash ON cfg_blocks(cfg_hash)");
    }
    return statements;
}

std::vector<std::string> cfgColumns(const SchemaShape &shape) {
    std::vector<std::string> columns = {"function_id", "kind",     "terminator",
                                        "byte_start",  "byte_end", "start_line",
                                        "start_col",   "end_line", "end_col"};
    if (shape.hasCfgHash) {
        columns.emplace_back("cfg_hash");
    }
    if (shape.hasStatements) {
        columns.emplace_back("statements");
    }
    if (shape.hasCoords) {
        columns.insert(columns.end(), {"coord_x", "coord_y", "coord_z", "coord_t"});
    }
    if (shape.hasCfgCondition) {
        columns.emplace_back("cfg_condition");
    }
    return columns;
}

} // namespace magellan::fixture
