#include "source_banner.h"

#include "status_colours.h"

#include <QCoreApplication>
#include <QPalette>

namespace magellan {
namespace {

QString escaped(const QString &text) {
    return text.toHtmlEscaped();
}

} // namespace

QString SourceBanner::html(const LoadedSourceText &loaded, const QPalette &palette) {
    const StatusColours colours = statusColours(palette);
    switch (loaded.origin) {
    case TextOrigin::IndexRoot:
    case TextOrigin::SourceFolder:
    case TextOrigin::ChosenFolder:
    case TextOrigin::RecordedPath: {
        const QString where = escaped(tr("Text: the file on disk at %1").arg(loaded.diskPath));
        switch (loaded.hash.outcome) {
        case FileHashCheck::Outcome::Matches:
            return where + QStringLiteral(" ") +
                   coloured(
                       escaped(tr("(✔ matches the index's %1 hash)").arg(loaded.hash.algorithm)),
                       colours.pass);
        case FileHashCheck::Outcome::Differs:
            return colouredBold(escaped(tr("✘ The file changed since it was indexed:")),
                                colours.fail) +
                   QStringLiteral(" ") +
                   escaped(tr("%1 does not match the index's %2 hash, so spans may point at other "
                              "text.")
                               .arg(loaded.diskPath, loaded.hash.algorithm));
        case FileHashCheck::Outcome::UnknownAlgorithm:
            return where + QStringLiteral(" ") +
                   escaped(tr("(the index's hash is of a kind magellan-kv does not know; not "
                              "checked)"));
        case FileHashCheck::Outcome::NotRecorded:
            return where + QStringLiteral(" ") +
                   escaped(tr("(the index records no hash to check it against)"));
        }
        return where;
    }
    case TextOrigin::StoreChunks:
        return colouredBold(escaped(tr("Text: from the store's chunks; gaps where no chunk covers "
                                       "the text.")),
                            colours.warning) +
               QStringLiteral(" ") + escaped(tr("The file is not on disk: %1").arg(loaded.note));
    case TextOrigin::None:
        break;
    }
    return colouredBold(escaped(tr("No source text:")), colours.warning) + QStringLiteral(" ") +
           escaped(loaded.note) + QStringLiteral(" ") +
           escaped(tr("Choose the folder that holds the indexed files to see it."));
}

} // namespace magellan
