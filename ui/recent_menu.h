#pragma once

#include "recent_files.h"

#include <functional>

class QMenu;

namespace magellan {

// Keeps `menu` listing `recent` (refilled each time it opens), with Clear Recent at the end;
// picking a path calls `open` with it.
void keepRecentMenu(QMenu *menu, RecentFiles recent, std::function<void(const QString &)> open);

// Fills `menu` once, as keepRecentMenu does on each opening.
void fillRecentMenu(QMenu *menu, const RecentFiles &recent,
                    const std::function<void(const QString &)> &open);

} // namespace magellan
