#pragma once

#include "migrate/migration.h"

#include <QString>

class QPalette;

namespace magellan {

// What a finished migration (`published` true: migrate) or verification found, as rich text for a
// label: the outcome in its colour (pass, warning for rejects, fail), then what it means.
QString verdictHtml(const MigrationOutcome &outcome, const QPalette &palette, bool migration);

} // namespace magellan
