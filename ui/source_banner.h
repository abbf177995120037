#pragma once

#include "source_text_loader.h"

#include <QCoreApplication>
#include <QString>

class QPalette;

namespace magellan {

// Where the text beside an AST or a function's blocks came from, as rich text for a banner: the
// file on disk and whether it still matches its hash, the store's chunks with their gaps, or why
// there is none. Coloured for `palette` (warning: chunks; fail: a changed file).
class SourceBanner {
    Q_DECLARE_TR_FUNCTIONS(SourceBanner)
public:
    static QString html(const LoadedSourceText &loaded, const QPalette &palette);
};

} // namespace magellan
