#pragma once

#include <string>

namespace magellan::fixture {

// What to generate. The side tables are code_chunks, ast_nodes and cfg_blocks.
struct FixtureSpec {
    int schemaVersion = 21;      // 5..21
    long long totalRows = 10000; // side-table rows in all: ~93.5% ast_nodes, 6% cfg_blocks,
                                 // 0.5%+ code_chunks (at least 1 of each when totalRows >= 3)
    unsigned long long seed = 1; // same spec + seed => byte-identical database file
    bool optionalTables = false; // also create and fill execution_log, file_metrics, symbol_metrics
    bool walMode = false;        // leave the database in WAL journal mode
    long long largestFileNodes = 0; // > 0: no file has more AST nodes than this (the largest
                                    // group stays one size as the database grows); 0: the
                                    // 4-5 largest files each hold 3-5% of all nodes
};

// What was generated. astFiles counts the distinct non-NULL ast_nodes.file_id values;
// nullFileAstNodes the nodes with no file (for schema 5, which has no file_id column, every node).
struct FixtureSummary {
    long long chunks = 0, astNodes = 0, cfgBlocks = 0, astFiles = 0, cfgFunctions = 0,
              nullFileAstNodes = 0;
};

// Creates a new magellan-shaped database at `path`. Returns "" on success, else an error message
// naming the path; never overwrites an existing file.
std::string generateFixture(const std::string &path, const FixtureSpec &spec,
                            FixtureSummary *summary = nullptr);

} // namespace magellan::fixture
