#pragma once

#include <QString>

namespace magellan {

// Where an Open or Save dialog starts: the folder of `near` when it names an existing file or
// folder, else the user's Documents folder (never the process's working folder).
QString startFolder(const QString &near = {});

// `fileName` in startFolder(near).
QString startPath(const QString &near, const QString &fileName);

} // namespace magellan
