#include "browse/key_labels.h"

#include "source/graph_entities.h"

namespace magellan::keylabels {

Result<std::vector<std::string>> labelKeys(SourceDatabase &source, KeyLayout layout,
                                           const std::vector<std::string> &keys) {
    Result<std::unique_ptr<GraphEntities>> entities = GraphEntities::open(source);
    if (!entities.isOk())
        return entities.status();
    std::vector<std::string> labels;
    labels.reserve(keys.size());
    for (const std::string &key : keys) {
        std::string label;
        const auto origin = kvkey::parseKey(key, layout);
        const bool grouped =
            origin && origin->kind == kvkey::KeyOrigin::Kind::Group && origin->groupId.has_value();
        if (grouped) {
            const Result<std::optional<EntityRow>> row = entities.value()->entity(*origin->groupId);
            if (!row.isOk())
                return row.status();
            if (row.value() && origin->table == SourceTable::AstNodes &&
                row.value()->kind == "File") {
                label = row.value()->filePath.value_or(row.value()->name); // as sourceFilePath()
            } else if (row.value() && origin->table == SourceTable::CfgBlocks) {
                label = row.value()->name;
                if (row.value()->filePath)
                    label += " · " + *row.value()->filePath;
            }
        }
        labels.push_back(std::move(label));
    }
    return labels;
}

} // namespace magellan::keylabels
