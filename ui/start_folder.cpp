#include "start_folder.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace magellan {

QString startFolder(const QString &near) {
    if (!near.isEmpty()) {
        const QFileInfo info(near);
        if (info.isAbsolute() && info.exists())
            return info.isDir() && !near.endsWith(QLatin1String(".kv")) ? info.absoluteFilePath()
                                                                        : info.absolutePath();
        if (info.isAbsolute() && info.dir().exists())
            return info.absolutePath();
    }
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}

QString startPath(const QString &near, const QString &fileName) {
    return QDir(startFolder(near)).filePath(fileName);
}

} // namespace magellan
