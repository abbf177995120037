#pragma once

#include "migrate/migration_report.h"

#include <QString>

namespace magellan {

// The count comparison as a text table, one row per table, then the deep-check line and the
// rejected rows (the first few).
QString comparisonTable(const MigrationReport &report);

// What inspect found, as text.
QString sourceInfoText(const SourceInfo &info);

} // namespace magellan
