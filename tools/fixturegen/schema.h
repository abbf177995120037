#pragma once

#include "fixture_generator.h"

#include <string>
#include <vector>

namespace magellan::fixture {

// Which optional columns and tables a fixture has, decided once from the spec.
struct SchemaShape {
    int version = 21;
    bool hasFileId = true;       // ast_nodes.file_id: v6+
    bool hasCfgHash = true;      // cfg_blocks.cfg_hash: v8+
    bool hasStatements = true;   // cfg_blocks.statements: v9+
    bool hasCoords = false;      // cfg_blocks.coord_x/y/z/t: v10..v20 with an odd seed
    bool hasCfgCondition = true; // cfg_blocks.cfg_condition: v16+
    bool hasProjectMeta = true;  // magellan_meta.project_name/project_metadata: v15+
    bool optionalTables = false; // execution_log, file_metrics, symbol_metrics
};

SchemaShape schemaShapeFor(const FixtureSpec &spec);

// CREATE/ALTER statements in the order magellan's own migrations would have run them, so the
// table text in sqlite_master reads like a migrated database (later columns via ALTER TABLE).
std::vector<std::string> tableStatements(const SchemaShape &shape);

// Secondary indexes, created once the rows are in (much faster than maintaining them per row).
std::vector<std::string> indexStatements(const SchemaShape &shape);

// The cfg_blocks columns after `id`, in table order.
std::vector<std::string> cfgColumns(const SchemaShape &shape);

} // namespace magellan::fixture
