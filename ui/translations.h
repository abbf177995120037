#pragma once

#include <QString>
#include <QTranslator>

class QApplication;

namespace magellan {

// Installs the app's translation and Qt's own (qtbase) for the system locale, then applies the
// palette MAGELLAN_KV_PALETTE asks for. MAGELLAN_KV_LANGUAGE=pseudo installs PseudoTranslator.
void installTranslators(QApplication &app);

// Accented text about 40% longer than the source, with placeholders, markup and mnemonics kept:
// shows untranslated strings and layouts that clip longer languages.
QString pseudoLocalized(const QString &source);

// Translates every string of every context into pseudoLocalized() text.
class PseudoTranslator : public QTranslator {
    Q_OBJECT
public:
    using QTranslator::QTranslator;
    QString translate(const char *context, const char *sourceText,
                      const char *disambiguation = nullptr, int n = -1) const override;
    bool isEmpty() const override { return false; }
};

} // namespace magellan
